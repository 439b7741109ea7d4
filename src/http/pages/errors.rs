//! The error pages: for a service error, a request refused before any page handler saw
//! it, an unknown path, a wrong method, and the bad query of a search or statistics page.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;

use super::field_message::all_labelled;
use super::forms::label_of;
use super::layout::{self, Ctx};
use super::messages;
use super::responses::HtmlPage;
use super::secretariat_texts::secretariat_texts;
use crate::http::error::{answer, Cause};
use crate::model::validation::SUBMISSION_FIELDS;
use crate::model::{Language, ParamError};
use crate::service::ServiceError;

/// The error page for a service error, in the page's language; its status and
/// `Retry-After` come from the table the API uses ([`answer`]).
pub fn error_page(ctx: &Ctx, error: &ServiceError) -> Response {
    let answer = answer(error);
    let heading = match error {
        ServiceError::NotFound(_) => ctx.t.not_found,
        _ => ctx.t.bad_request,
    };
    let detail = detail(ctx, error);
    let body = maud::html! {
        h1 { (heading) }
        p.error-detail { (detail) }
        p { a href=(ctx.href("/", &[])) { (ctx.t.nav_search) } }
    };
    let mut response =
        HtmlPage(answer.status, layout::document(ctx, heading, body)).into_response();
    if let Some(seconds) = answer.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if answer.status.is_server_error() {
        response.extensions_mut().insert(Cause::of(error));
    }
    response
}

/// What went wrong, in the page's language: each refused field after its label, or a
/// sentence for the kind of error (never the service's English).
fn detail(ctx: &Ctx, error: &ServiceError) -> String {
    let text = |id: &str| messages::text(ctx.lang, id).to_string();
    match error {
        ServiceError::NotFound(_) => ctx.t.not_found_text.to_string(),
        ServiceError::Invalid(errors) => all_labelled(ctx, &errors.0, |f| field_label(ctx, f)),
        ServiceError::BadParameter(e) => bad_parameter(ctx, e),
        ServiceError::Unauthorized(_) => text("page-error-unauthorized"),
        ServiceError::Forbidden(_) | ServiceError::PreconditionRequired(_) => {
            text("page-error-forbidden")
        }
        ServiceError::Conflict { .. } => text("page-error-conflict"),
        ServiceError::RateLimited { retry_after } | ServiceError::Busy { retry_after, .. } => {
            let seconds = usize::try_from(*retry_after).unwrap_or(usize::MAX);
            let id = "page-error-retry";
            messages::numbered(ctx.lang, id, &[("seconds", seconds)]).unwrap_or_else(|| text(id))
        }
        ServiceError::Unavailable(_) | ServiceError::Internal { .. } => {
            text("page-error-unavailable")
        }
    }
}

/// A parameter of the address the page cannot use, named as the address spells it.
fn bad_parameter(ctx: &Ctx, error: &ParamError) -> String {
    messages::with(
        ctx.lang,
        "page-error-bad-parameter",
        &[("name", &error.param)],
    )
}

/// The label of a field a page's form posts: a project's, or a desk decision's.
fn field_label(ctx: &Ctx, field: &str) -> Option<&'static str> {
    let d = secretariat_texts(ctx.lang);
    match field {
        "message" => Some(d.message_label),
        "reason" => Some(d.reason_label),
        "confirm" => Some(d.unpublish_confirm),
        _ if SUBMISSION_FIELDS.contains(&field) || field.starts_with("contact") => {
            Some(label_of(ctx, field))
        }
        _ => None,
    }
}

/// The 400 page for a bad request refused before any page handler saw it.
pub fn bad_request(lang: Language, error: &ServiceError) -> Response {
    error_page(&Ctx::new(lang, "/", Vec::new()), error)
}

/// The 404 page for any path no route serves (outside `/api/`). Its language links lead
/// to the search page: the unknown path is never echoed into a link.
pub fn not_found(path: &str, lang: Language) -> Response {
    let ctx = Ctx::new(lang, "/", Vec::new());
    error_page(&ctx, &ServiceError::NotFound(path.to_string()))
}

/// The 405 page for a page path used with the wrong method.
pub fn method_not_allowed(lang: Language) -> Response {
    let ctx = Ctx::new(lang, "/", Vec::new());
    let body = maud::html! {
        h1 { (ctx.t.bad_request) }
        p { (messages::text(ctx.lang, "page-error-method")) }
    };
    HtmlPage(
        StatusCode::METHOD_NOT_ALLOWED,
        layout::document(&ctx, ctx.t.bad_request, body),
    )
    .into_response()
}

/// The 400 page of a page whose parameters do not make a search: its heading, the bad
/// parameter named as the address spells it, and a link to the page without them when
/// `clear` names it.
pub fn bad_query(ctx: &Ctx, heading: &str, error: &ParamError, clear: Option<&str>) -> Response {
    let message = bad_parameter(ctx, error);
    let body = html! {
        h1 { (heading) }
        p.error role="alert" { (message) }
        @if let Some(path) = clear {
            p { a href=(ctx.href(path, &[])) { (ctx.t.clear_filters) } }
        }
    };
    HtmlPage(
        StatusCode::BAD_REQUEST,
        layout::document(ctx, heading, body),
    )
    .into_response()
}
