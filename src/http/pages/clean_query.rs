//! The query of a page that a GET form fills: its pairs without control characters, and a
//! 303 to the same address without them when some are blank (a form sends its empty
//! fields), so no URL a person keeps or shares carries `q=&year_from=`. A language written
//! another way (`lang=FR`, `lang=fr-FR`) is redirected to its code the same way.

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
        let other_spelling = |(k, v): &(String, String)| k == "lang" && canonical(v).is_some();
        if !pairs.iter().any(|(_, v)| v.trim().is_empty()) && !pairs.iter().any(other_spelling) {
            return Ok(CleanQuery(pairs));
        }
        let kept = pairs.iter().filter(|(_, v)| !v.trim().is_empty());
        // `lang` is among the pairs already.
        let kept = kept
            .map(|(k, v)| match canonical(v).filter(|_| k == "lang") {
                Some(code) => (k.as_str(), code),
                None => (k.as_str(), v.trim()),
            })
            // English is the default: its pages carry no `lang`.
            .filter(|pair| *pair != ("lang", "en"));
        Err(see_other(&url(parts.uri.path(), kept, Language::En)))
    }
}

/// The code of a language written another way (`FR`, `fr-FR`, `zh_Hans`); `None` for a
/// code as written already, or no language.
fn canonical(value: &str) -> Option<&'static str> {
    let primary = value.trim().split(['-', '_']).next().unwrap_or_default();
    let lang = Language::parse(&primary.to_ascii_lowercase())?;
    (lang.code() != value).then_some(lang.code())
}
