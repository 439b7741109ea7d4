//! Who may keep an answer. Every answer that may carry an edit token, a contact, a
//! project that is not public, the moderation queue, a backup, a keyed export or a
//! secretariat page gets `Cache-Control: no-store`: answers to requests with a key, an
//! edit token or a session, answers under the private paths, and answers to writes. The
//! public answers say that they vary with those credentials.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use super::auth::EDIT_TOKEN_HEADER;
use super::pages::session::COOKIE;
use super::pages::ACCOUNT_COOKIE;
use crate::model::text::strip_unsafe;

/// Paths whose every answer is private.
const PRIVATE_PATHS: [&str; 5] = [
    "/secretariat",
    "/submissions/",
    "/api/v1/backup",
    "/api/v1/moderation",
    "/api/v1/import",
];

/// What a public answer varies with.
const VARY: &str = "Authorization, X-Edit-Token, Cookie";

/// Marks private answers `no-store`, and public ones as varying with the credentials.
pub async fn private_answers(request: Request, next: Next) -> Response {
    let private = is_private(&request);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if private {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if !headers.contains_key(header::VARY) {
        headers.insert(header::VARY, HeaderValue::from_static(VARY));
    }
    response
}

fn is_private(request: &Request) -> bool {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let path = request.uri().path();
    writes
        || has_credentials(request.headers())
        || PRIVATE_PATHS.iter().any(|p| path.starts_with(p))
        || request.uri().query().is_some_and(|q| {
            form_urlencoded::parse(q.as_bytes()).any(|(k, _)| strip_unsafe(&k) == "token")
        })
}

fn has_credentials(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION)
        || headers.contains_key(EDIT_TOKEN_HEADER)
        || headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| {
                v.split(';').any(|c| {
                    let c = c.trim();
                    c.starts_with(&format!("{COOKIE}="))
                        || c.starts_with(&format!("{ACCOUNT_COOKIE}="))
                })
            })
}
