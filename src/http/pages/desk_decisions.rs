//! The desk's decisions on a project: the forms (publish; request changes with a message;
//! reject and unpublish with a reason and a confirmation box), each carrying the queue's
//! filter so that its answer lists the same; what a posted form decides; and what the queue
//! says after one (the notice on top, or the refusal beside the form).

use maud::{html, Markup};

use super::desk::Desk;
use super::field_message::labelled;
use super::forms::FormValues;
use super::i18n;
use super::layout::Ctx;
use super::queue_filter::QueueFilter;
use super::secretariat_texts::secretariat_texts;
use crate::model::{message_text, Decision, State as ProjectState, MESSAGE_MAX_CHARS};

/// The `?done=` code of a decision that was not taken because the project changed meanwhile.
pub(super) const CHANGED_MEANWHILE: &str = "changed_meanwhile";

/// A decision form the desk sent back (a missing reason, an unticked box): the queue again,
/// with the message beside the form and the text as it was typed.
pub(super) struct Refusal {
    /// The project's id.
    pub project: String,
    /// The decision, as the form's address names it.
    pub decision: String,
    /// What is wrong, in the page's language.
    pub message: String,
    /// The message or reason as posted.
    pub text: String,
}

/// What every desk form carries or shows: the member, the queue's filter, and a decision
/// sent back.
pub(super) struct DeskForms<'a> {
    /// The signed-in member.
    pub desk: &'a Desk,
    /// The queue's filter, sent with each form.
    pub filter: &'a QueueFilter,
    /// A decision sent back, shown beside its form.
    pub refusal: Option<&'a Refusal>,
}

impl DeskForms<'_> {
    /// A decision's form on a project, with the refusal beside it if it was sent back.
    fn form(
        &self,
        ctx: &Ctx,
        (id, version): (&str, u64),
        decision: &str,
        fields: Markup,
    ) -> Markup {
        let refused = self.refused(id, decision);
        html! {
            form.actions method="post" action=(format!("/secretariat/projects/{id}/{decision}")) {
                (self.desk.form_fields(ctx))
                (self.filter.hidden_fields())
                input type="hidden" name="version" value=(version);
                @if let Some(refusal) = refused {
                    p.field-error #decision-error role="alert" tabindex="-1" data-takes-focus { (refusal.message) }
                }
                (fields)
            }
        }
    }

    fn refused(&self, id: &str, decision: &str) -> Option<&Refusal> {
        self.refusal
            .filter(|r| r.project == id && r.decision == decision)
    }

    /// The text typed into a form sent back, to show it again.
    fn typed(&self, id: &str, decision: &str) -> &str {
        self.refused(id, decision).map_or("", |r| r.text.as_str())
    }

    /// Publish, request changes and reject, for a queued project.
    pub(super) fn decisions(&self, ctx: &Ctx, id: &str, version: u64) -> Markup {
        let d = secretariat_texts(ctx.lang);
        let at = (id, version);
        html! {
            div.actions {
                (self.form(ctx, at, "publish", html! {
                    button type="submit" { (d.publish) }
                }))
                (self.form(ctx, at, "request-changes", html! {
                    label for=(format!("message-{id}")) { (d.message_label) }
                    textarea id=(format!("message-{id}")) name="message" dir="auto" rows="2" required maxlength=(MESSAGE_MAX_CHARS) { (self.typed(id, "request-changes")) }
                    button.secondary type="submit" { (d.request_changes) }
                }))
                (self.form(ctx, at, "reject", html! {
                    label for=(format!("reason-{id}")) { (d.reason_label) }
                    textarea id=(format!("reason-{id}")) name="reason" dir="auto" rows="2" required maxlength=(MESSAGE_MAX_CHARS) { (self.typed(id, "reject")) }
                    label.check {
                        input type="checkbox" name="confirm" value="yes" required;
                        " " (d.reject_confirm)
                    }
                    button.danger type="submit" { (d.reject) }
                }))
            }
        }
    }

    /// Unpublishing, with a reason and a confirmation box.
    pub(super) fn unpublish(&self, ctx: &Ctx, id: &str, version: u64) -> Markup {
        let d = secretariat_texts(ctx.lang);
        html! {
            (self.form(ctx, (id, version), "unpublish", html! {
                label for=(format!("unpublish-reason-{id}")) { (d.unpublish_reason) }
                textarea id=(format!("unpublish-reason-{id}")) name="reason" dir="auto" rows="2" required maxlength=(MESSAGE_MAX_CHARS) { (self.typed(id, "unpublish")) }
                p.hint { (d.unpublish_hint) }
                label.check {
                    input type="checkbox" name="confirm" value="yes" required;
                    " " (d.unpublish_confirm)
                }
                button.danger type="submit" { (d.unpublish) }
            }))
        }
    }
}

/// Why a posted decision form decides nothing.
pub(super) enum NotSent {
    /// The address names no decision.
    Unknown,
    /// A message or reason is missing, too long or unacceptable, or the box is unticked:
    /// what is wrong, in the page's language.
    Refused(String),
}

/// The decision a desk form names, with the state it leads to (for `?done=`).
pub(super) fn decision_of(
    ctx: &Ctx,
    name: &str,
    values: &FormValues,
) -> Result<(Decision, &'static str), NotSent> {
    let d = secretariat_texts(ctx.lang);
    let text = |field: &str, label: &str| {
        message_text(field, values.get(field))
            .map_err(|problem| NotSent::Refused(labelled(ctx, Some(label), &problem)))
    };
    let confirmed = |unticked: &str| match values.get("confirm") {
        "yes" => Ok(()),
        _ => Err(NotSent::Refused(unticked.to_string())),
    };
    match name {
        "publish" => Ok((Decision::Publish, "published")),
        "request-changes" => Ok((
            Decision::RequestChanges(text("message", d.message_label)?),
            "changes_requested",
        )),
        "reject" => {
            let reason = text("reason", d.reason_label)?;
            confirmed(d.reject_unconfirmed)?;
            Ok((Decision::Reject(reason), "rejected"))
        }
        "unpublish" => {
            let reason = text("reason", d.unpublish_reason)?;
            confirmed(d.unpublish_unconfirmed)?;
            Ok((Decision::Unpublish(reason), "unpublished"))
        }
        _ => Err(NotSent::Unknown),
    }
}

/// What a decision named in `?done=` did, as the code the redirect used.
pub(super) fn done_code(code: &str) -> Option<&'static str> {
    let codes = ["published", "changes_requested", "rejected", "unpublished"];
    (codes.into_iter().chain([CHANGED_MEANWHILE])).find(|c| *c == code)
}

/// What a decision did, in the page's language: the state it led to, "Unpublished", or
/// that the project changed meanwhile and was not decided.
fn done_label(ctx: &Ctx, code: &str) -> &'static str {
    let state = [
        ProjectState::Published,
        ProjectState::ChangesRequested,
        ProjectState::Rejected,
    ]
    .into_iter()
    .find(|s| s.code() == code);
    let d = secretariat_texts(ctx.lang);
    match state {
        Some(state) => i18n::state(ctx.lang, state),
        None if code == CHANGED_MEANWHILE => d.decision_changed_meanwhile,
        None => d.unpublished,
    }
}

/// The notice on top of the queue after a decision, naming the project; it takes the focus
/// (with the script) so that it is read first.
pub(super) fn done_notice(ctx: &Ctx, code: &str, title: Option<&str>) -> Markup {
    let class = if code == CHANGED_MEANWHILE {
        "alert"
    } else {
        "notice"
    };
    html! {
        p class=(class) role="status" #done tabindex="-1" data-takes-focus data-state=(code) {
            (done_label(ctx, code))
            @if let Some(title) = title { (i18n::colon(ctx.lang)) strong #done-title dir="auto" { (title) } }
        }
    }
}
