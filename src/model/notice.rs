//! Messages to people: what happened that someone must hear of by e-mail. A notice is
//! queued in the store with the change that causes it, and sent later; its words are
//! written when it is sent, in its language.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::project::{Action, Project, ProjectId, Transition};
use super::taxonomy::Language;

/// What a notice tells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoticeKind {
    /// A submission was received: its private edit link.
    Submitted {
        /// The edit token, in clear until the message is delivered (then the record goes).
        edit_token: String,
    },
    /// The project is public.
    Published,
    /// The secretariat asks for changes.
    ChangesRequested {
        /// The secretariat's message.
        message: String,
    },
    /// The submission was refused.
    Rejected {
        /// The secretariat's reason.
        reason: String,
    },
    /// A revision of a published project is public.
    RevisionPublished,
    /// A revision of a published project was refused; the published fields stay.
    RevisionRejected {
        /// The secretariat's reason.
        reason: String,
    },
    /// The project was taken out of public view.
    Unpublished {
        /// The secretariat's reason.
        reason: String,
    },
    /// A request to review and update a published project (or a reminder of it).
    UpdateRequested {
        /// Whether it is a reminder.
        reminder: bool,
    },
    /// A sign-in link.
    SignIn {
        /// The single-use sign-in token.
        token: String,
    },
}

/// The project a notice is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeProject {
    /// Its id.
    pub id: ProjectId,
    /// Its title when the notice was queued.
    pub title: String,
}

/// A message to one address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Its id: the message's `Message-ID`, the same on every attempt.
    pub id: Ulid,
    /// The address.
    pub to: String,
    /// The language it is written in.
    pub lang: Language,
    /// What it tells.
    #[serde(flatten)]
    pub kind: NoticeKind,
    /// The project it is about, if any.
    pub project: Option<NoticeProject>,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
}

impl Notice {
    /// A notice to `to` in `lang`.
    pub fn new(
        to: &str,
        lang: Language,
        kind: NoticeKind,
        project: Option<NoticeProject>,
        now: DateTime<Utc>,
    ) -> Notice {
        Notice {
            id: Ulid::new(),
            to: to.to_string(),
            lang,
            kind,
            project,
            created_at: now,
        }
    }
}

/// The language of messages to a project's contact: the one they chose, else the
/// project's text language.
pub fn contact_language(project: &Project) -> Language {
    project
        .contact
        .as_ref()
        .and_then(|c| c.language)
        .unwrap_or(project.fields.language)
}

/// The notice a change of `before` into `after` calls for, sent to the contact: a
/// submission, or a secretariat decision (`None` for anything else, or without a contact).
pub fn notice_of_change(
    before: Option<&Project>,
    after: &Project,
    edit_token: Option<&str>,
    now: DateTime<Utc>,
) -> Option<Notice> {
    let contact = after.contact.as_ref()?;
    let kind = match (before, edit_token) {
        (None, Some(token)) => NoticeKind::Submitted {
            edit_token: token.to_string(),
        },
        (None, None) => return None,
        (Some(before), _) => {
            let newest = after.history.get(before.history.len()..)?.last()?;
            decision_kind(newest)?
        }
    };
    let project = NoticeProject {
        id: after.id,
        title: after.fields.title.clone(),
    };
    Some(Notice::new(
        &contact.email,
        contact_language(after),
        kind,
        Some(project),
        now,
    ))
}

/// The notice kind of a secretariat decision recorded in the history.
fn decision_kind(t: &Transition) -> Option<NoticeKind> {
    let message = || t.message.clone().unwrap_or_default();
    Some(match (t.action, t.revision) {
        (Action::Published, false) => NoticeKind::Published,
        (Action::Published, true) => NoticeKind::RevisionPublished,
        (Action::ChangesRequested, _) => NoticeKind::ChangesRequested { message: message() },
        (Action::Rejected, false) => NoticeKind::Rejected { reason: message() },
        (Action::Rejected, true) => NoticeKind::RevisionRejected { reason: message() },
        (Action::Unpublished, _) => NoticeKind::Unpublished { reason: message() },
        _ => return None,
    })
}
