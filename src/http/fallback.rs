//! Answers for requests no route takes: the API's JSON error under `/api/`, a page
//! elsewhere.

use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::extract::query_pairs;
use super::pages;
use super::pages::lang_of;
use crate::model::Language;

/// Marks answers of the fallbacks (no route, or no such method on a route) in the
/// response's extensions, for the route-coverage test; never sent.
#[derive(Clone, Copy, Debug)]
pub struct Unrouted;

/// Unknown paths: the API's JSON error under `/api/`, the 404 page elsewhere.
pub(super) async fn not_found(uri: Uri) -> Response {
    let answer = if uri.path().starts_with("/api/") {
        let message = format!("no route for {}", uri.path());
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message).into_response()
    } else {
        pages::not_found(uri.path(), page_language(&uri))
    };
    unrouted(answer)
}

/// Wrong methods: the API's JSON error under `/api/`, the 405 page elsewhere.
pub(super) async fn method_not_allowed(uri: Uri) -> Response {
    let answer = if uri.path().starts_with("/api/") {
        let message = format!("{} does not accept this method", uri.path());
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            message,
        )
        .into_response()
    } else {
        pages::method_not_allowed(page_language(&uri))
    };
    unrouted(answer)
}

/// The language the address asks for (`?lang=`), English by default.
fn page_language(uri: &Uri) -> Language {
    lang_of(&query_pairs(uri.query()))
}

fn unrouted(mut response: Response) -> Response {
    response.extensions_mut().insert(Unrouted);
    response
}
