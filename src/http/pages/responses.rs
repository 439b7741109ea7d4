//! What page handlers answer: an HTML page with its status, a private page, a redirect
//! after a form post; and the site's own address for links shown as text.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;

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

/// A page of someone signed in: never stored by caches; a `Referer` goes to this site only,
/// so that the browser still names the page's origin when its forms post (with
/// `no-referrer` it would send `Origin: null`).
pub fn personal(page: HtmlPage) -> Response {
    let mut response = page.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
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
