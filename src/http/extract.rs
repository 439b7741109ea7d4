//! Extractors whose rejections use the API's error shape.

use axum::extract::FromRequest;

use super::error::ApiError;

/// JSON body; a malformed body, a wrong content type or an oversized body becomes an
/// [`ApiError`] (400, 415, 413) instead of axum's plain-text rejection.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

pub use path::ApiPath;

mod path {
    // The one place allowed to wrap axum's `Path` (banned elsewhere in clippy.toml).
    #![allow(clippy::disallowed_types)]
    use axum::extract::FromRequestParts;

    use crate::http::error::ApiError;

    /// Path parameters; a malformed one becomes an [`ApiError`] (400) in the API's shape.
    #[derive(FromRequestParts)]
    #[from_request(via(axum::extract::Path), rejection(ApiError))]
    pub struct ApiPath<T>(pub T);
}

/// Decoded query-string pairs, in order (repeatable parameters appear many times).
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}
