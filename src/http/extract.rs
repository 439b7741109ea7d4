//! Extractors whose rejections use the API's error shape.

use axum::extract::FromRequest;

use super::error::ApiError;
use crate::model::text::strip_unsafe;

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

/// Decoded query-string pairs, in order (repeatable parameters appear many times), without
/// control or bidirectional formatting characters: nothing of the kind is a meaningful
/// parameter, and none is echoed into an answer or a page.
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    let clean = |s: std::borrow::Cow<'_, str>| strip_unsafe(&s).into_owned();
    raw.map(|q| {
        form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (clean(k), clean(v)))
            .collect()
    })
    .unwrap_or_default()
}
