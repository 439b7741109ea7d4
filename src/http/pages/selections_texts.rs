//! The labels of the public selection pages (the list, a selection, a project's selections)
//! in the six UN languages, from the Fluent resources (`selections-` messages).

use std::sync::OnceLock;

use super::messages;
use crate::model::{Language, SelectionKind};

messages::fluent_texts! {
    /// The labels of these pages in one language (each field is named after its English text).
    pub struct SelectionsTexts, prefix "selections-", fn selections_texts {
        selections, intro, kind, all_kinds, year, all_years, show, by_kind, shown, projects,
        none_yet, none_match, all_selections, in_selections, gone,
    }
}

/// A selection kind's name in the plural.
pub fn kinds(lang: Language, kind: SelectionKind) -> &'static str {
    static NAMES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let codes = || SelectionKind::ALL.map(SelectionKind::code).to_vec();
    messages::variant(
        &NAMES,
        ("selections-kind-names", "kind", codes),
        lang,
        kind.index(),
    )
}
