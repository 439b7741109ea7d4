//! The query of a page that a GET form fills: its pairs without control characters, and a
//! 303 to the same address without them when some are blank (a form sends its empty
//! fields), so no URL a person keeps or shares carries `q=&year_from=`.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;

use super::layout::url;
use super::responses::see_other;
use crate::http::extract::query_pairs;
use crate::model::Language;

/// The query's decoded pairs, none of them blank.
pub struct CleanQuery(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for CleanQuery {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let pairs = query_pairs(parts.uri.query());
        if !pairs.iter().any(|(_, v)| v.trim().is_empty()) {
            return Ok(CleanQuery(pairs));
        }
        let kept = pairs.iter().filter(|(_, v)| !v.trim().is_empty());
        // `lang` is among the pairs already.
        let kept = kept.map(|(k, v)| (k.as_str(), v.trim()));
        Err(see_other(&url(parts.uri.path(), kept, Language::En)))
    }
}
