//! One value for every query parameter that takes one: a parameter given twice with values
//! is a 400 naming it, on every route (the API's error body under `/api/`, the error page
//! elsewhere). Only the filters of a search and a few list options may repeat.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::extract::query_pairs;
use crate::model::{Language, ParamError, REPEATABLE_FILTERS};
use crate::service::ServiceError;

/// Parameters that may be given many times besides the search filters: the facets of a
/// statistic, and an import's mappings and fixed values.
const REPEATABLE: [&str; 3] = ["group_by", "map", "set"];

/// Refuses a request whose query repeats a single-valued parameter. Empty values do not
/// count (HTML forms send empty fields).
pub async fn single_values(request: Request, next: Next) -> Response {
    let pairs = query_pairs(request.uri().query());
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in &pairs {
        if value.trim().is_empty()
            || REPEATABLE_FILTERS.contains(&name.as_str())
            || REPEATABLE.contains(&name.as_str())
        {
            continue;
        }
        if seen.contains(&name.as_str()) {
            return repeated(request.uri().path(), name, &pairs);
        }
        seen.push(name);
    }
    next.run(request).await
}

fn repeated(path: &str, name: &str, pairs: &[(String, String)]) -> Response {
    let error = ServiceError::BadParameter(ParamError {
        param: name.to_string(),
        code: "duplicate_parameter",
        message: format!("parameter '{name}' may be given only once"),
    });
    if path.starts_with("/api/") {
        return ApiError::from(error).into_response();
    }
    // The page's language, unless that is what was given twice.
    let lang = match pairs.iter().filter(|(k, _)| k == "lang").count() {
        1 => pairs
            .iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Language::parse(v)),
        _ => None,
    };
    super::pages::bad_request(lang.unwrap_or(Language::En), &error)
}
