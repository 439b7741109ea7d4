//! Extractors whose rejections use the API's error shape.

use axum::extract::FromRequest;

use super::error::ApiError;

/// JSON body; a malformed body, a wrong content type or an oversized body becomes an
/// [`ApiError`] (400, 415, 413) instead of axum's plain-text rejection.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// Decoded query-string pairs, in order (repeatable parameters appear many times).
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}
