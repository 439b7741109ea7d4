//! The labels of the secretariat's pages (sign-in, moderation desk, selection builder) in
//! the six UN languages, from the Fluent resources (`desk-` messages).

use std::sync::OnceLock;

use super::messages;
use crate::model::{Language, SelectionKind};

messages::fluent_texts! {
    /// The labels of these pages in one language (each field is named after its English text).
    pub struct SecretariatTexts, prefix "desk-", fn secretariat_texts {
        signed_in_as, read_only, moderation_queue, selections, calls, sign_out, queue_empty,
        new_submission, revision, waiting_since, contact, duplicates, all_fields, publish,
        message_label, request_changes, reason_label, reject, key_label, key_hint, sign_in,
        bad_key, kind, title, projects, published, new_selection, create, theme, date,
        category, year, public_page, not_published, export, gone, note, move_up,
        move_down, remove, add_projects, search_published, add, description,
        published_check, save, unpublished, changes_heading, filter_legend, show,
        everything_waiting, revisions_waiting, text_contains, action_line, any,
        apply_filter, nothing_matches, unpublish, unpublish_reason, unpublish_confirm,
        unpublish_hint,
        already_added, save_notes, used_by, kind_fields_hint, order_hint, drag_handle,
        order_saved, order_not_saved, changed_meanwhile, decision_changed_meanwhile,
        reject_confirm, reject_unconfirmed, unpublish_unconfirmed, saved,
    }
}

/// A selection kind's name.
pub fn kind(lang: Language, kind: SelectionKind) -> &'static str {
    static NAMES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let codes = || SelectionKind::ALL.map(SelectionKind::code).to_vec();
    messages::variant(
        &NAMES,
        ("desk-kind-name", "kind", codes),
        lang,
        kind.index(),
    )
}
