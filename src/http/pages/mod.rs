//! Server-rendered pages (maud) for stakeholders, researchers and the secretariat. Handlers
//! call the same service functions as the API; templates only lay out what they are given.

mod assets;
mod desk_texts;
mod edit;
mod forms;
pub mod i18n;
mod layout;
mod project;
mod search;
mod secretariat;
mod selection_page;
mod selections;
pub mod session;
mod stats;
mod submit;
mod widgets;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use utoipa_axum::router::OpenApiRouter;

use super::error::{answer, Cause};
use super::{on_service, AppState};
use crate::model::Language;
use crate::service::ServiceError;
pub use layout::Ctx;

/// The page routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(assets::router())
        .merge(search::router())
        .merge(project::router())
        .merge(submit::router())
        .merge(edit::router())
        .merge(stats::router())
        .merge(secretariat::router())
        .merge(selection_page::router())
        .merge(selections::router())
}

/// A rendered page with its status.
pub struct HtmlPage(pub StatusCode, pub Markup);

impl IntoResponse for HtmlPage {
    fn into_response(self) -> Response {
        (
            self.0,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            self.1.into_string(),
        )
            .into_response()
    }
}

/// A page, or the page that explains why there is none.
pub type PageResult = Result<HtmlPage, Response>;

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

/// A page that shows an edit token: never stored by caches, and no `Referer` leaves it.
pub fn private(page: HtmlPage) -> Response {
    let mut response = page.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The site's own address as the browser sees it, for links shown as text.
pub fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .filter(|p| *p == "https")
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

/// A 303 redirect after a form post.
pub fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}

/// Runs a service call on the blocking pool, mapping failures to the error page.
pub(crate) async fn call<T, F>(state: &AppState, ctx: &Ctx, f: F) -> Result<T, Response>
where
    T: Send + 'static,
    F: FnOnce(&crate::service::Service) -> Result<T, ServiceError> + Send + 'static,
{
    on_service(state, f).await.map_err(|e| error_page(ctx, &e))
}
