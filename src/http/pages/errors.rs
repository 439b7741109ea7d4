//! The error pages: for a service error, a request refused before any page handler saw
//! it, an unknown path, a wrong method, and the bad query of a search or statistics page.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;

use super::layout::{self, Ctx};
use super::responses::HtmlPage;
use crate::http::error::{answer, Cause};
use crate::model::Language;
use crate::service::ServiceError;

/// The error page for a service error, in the page's language; its status and
/// `Retry-After` come from the table the API uses ([`answer`]).
pub fn error_page(ctx: &Ctx, error: &ServiceError) -> Response {
    let answer = answer(error);
    let (heading, detail) = match error {
        ServiceError::NotFound(_) => (ctx.t.not_found, ctx.t.not_found_text.to_string()),
        ServiceError::Internal { .. } => (ctx.t.bad_request, "internal error".to_string()),
        // It may quote what the client sent: never its control characters.
        other => (
            ctx.t.bad_request,
            crate::model::text::strip_unsafe(&other.to_string()).into_owned(),
        ),
    };
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

/// The 400 page for a bad request refused before any page handler saw it.
pub fn bad_request(lang: Language, error: &ServiceError) -> Response {
    error_page(&Ctx::new(lang, "/", Vec::new()), error)
}

/// The 404 page for any path no route serves (outside `/api/`). Its language links lead
/// to the search page: the unknown path is never echoed into a link.
pub fn not_found(path: &str) -> Response {
    let ctx = Ctx::new(Language::En, "/", Vec::new());
    error_page(&ctx, &ServiceError::NotFound(path.to_string()))
}

/// The 405 page for a page path used with the wrong method.
pub fn method_not_allowed() -> Response {
    let ctx = Ctx::new(Language::En, "/", Vec::new());
    let body = maud::html! {
        h1 { (ctx.t.bad_request) }
        p { "This address does not accept this method." }
    };
    HtmlPage(
        StatusCode::METHOD_NOT_ALLOWED,
        layout::document(&ctx, ctx.t.bad_request, body),
    )
    .into_response()
}

/// The 400 page of a search or statistics page whose parameters do not make a search:
/// its heading, the message, and a link to the page without them when `clear` names it.
pub fn bad_query(ctx: &Ctx, heading: &str, message: &str, clear: Option<&str>) -> Response {
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
