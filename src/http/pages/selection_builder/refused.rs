//! Why a selection page comes back instead of a redirect: the message on top, in the
//! page's language, and its status; and the notice that a form was saved.

use axum::http::StatusCode;
use maud::{html, Markup};

use super::super::field_message::all_labelled;
use super::super::layout::Ctx;
use super::super::secretariat_texts::secretariat_texts;
use crate::model::{Language, ValidationErrors};

/// What the builder's address says was saved (`?saved=`): its notice stands beside that
/// form and takes the focus.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Saved {
    /// The description form.
    Description,
    /// Every entry's note (and the order).
    Notes,
}

impl Saved {
    /// The value of `?saved=`.
    pub(super) fn code(self) -> &'static str {
        match self {
            Saved::Description => "description",
            Saved::Notes => "notes",
        }
    }

    /// What `?saved=` names, if anything known.
    pub(super) fn of(code: Option<&str>) -> Option<Saved> {
        [Saved::Description, Saved::Notes]
            .into_iter()
            .find(|s| Some(s.code()) == code)
    }

    /// The notice beside the saved form, if it is this one (the anchor of the redirect).
    pub(super) fn notice(saved: Option<Saved>, form: Saved, lang: Language) -> Markup {
        html! {
            @if saved == Some(form) {
                p.notice #saved role="status" tabindex="-1" data-takes-focus { (secretariat_texts(lang).saved) }
            }
        }
    }
}

/// Why a page comes back instead of a redirect: the message on top, and its status.
pub(super) struct Refused {
    /// The message on top of the page.
    pub message: String,
    /// The page's status.
    pub status: StatusCode,
}

impl Refused {
    /// The service's reasons for refusing a change, in one line in the page's language,
    /// each after its field's label (422).
    pub(super) fn by_service(ctx: &Ctx, errors: &ValidationErrors) -> Refused {
        let d = secretariat_texts(ctx.lang);
        let label = |field: &str| {
            Some(match field.split(['.', '[']).next().unwrap_or_default() {
                "kind" => d.kind,
                "title" => d.title,
                "theme" => d.theme,
                "date" => d.date,
                "category" => d.category,
                "year" => d.year,
                "items" => d.projects,
                _ => d.description,
            })
        };
        Refused {
            message: all_labelled(ctx, &errors.0, label),
            status: StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// An item edit that names no item or no known edit (400).
    pub(super) fn bad_edit(message: String) -> Refused {
        Refused {
            message,
            status: StatusCode::BAD_REQUEST,
        }
    }

    /// An edit made on a page drawn before the selection last changed (409).
    pub(super) fn conflict(message: &str) -> Refused {
        Refused {
            message: message.to_string(),
            status: StatusCode::CONFLICT,
        }
    }

    /// The status of a page shown with or without a refusal.
    pub(super) fn status(refused: &Option<Refused>) -> StatusCode {
        refused.as_ref().map_or(StatusCode::OK, |r| r.status)
    }
}
