//! `GET /stats`: published projects counted by one or two facets, with the search filters.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};

use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::{blocking, search_turn, AppState};
use crate::model::SearchRequest;
use crate::search::{Dim, Groups};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/stats", get(stats))
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_parameter("group_by", "invalid_parameter", message)
}

/// The facets of `group_by` (repeated, or comma-separated): one or two, each once.
fn group_by(values: &[&str]) -> Result<(Dim, Option<Dim>), ApiError> {
    let names: Vec<&str> = values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let expected = || Dim::ALL.map(Dim::name).join(", ");
    let dims = names
        .iter()
        .map(|n| {
            Dim::parse(n).ok_or_else(|| {
                bad(format!(
                    "unknown facet '{n}' in 'group_by': use {}",
                    expected()
                ))
            })
        })
        .collect::<Result<Vec<Dim>, ApiError>>()?;
    match dims.as_slice() {
        [] => Err(bad(format!(
            "'group_by' is required: one or two of {}",
            expected()
        ))),
        [one] => Ok((*one, None)),
        [a, b] if a == b => Err(bad("'group_by' names the same facet twice")),
        [a, b] => Ok((*a, Some(*b))),
        _ => Err(bad("'group_by' takes at most two facets")),
    }
}

async fn stats(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Groups>, ApiError> {
    let pairs = query_pairs(query.as_deref());
    let grouping: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "group_by")
        .map(|(_, v)| v.as_str())
        .collect();
    let dims = group_by(&grouping)?;
    if pairs.iter().any(|(k, _)| k == "q") {
        return Err(ApiError::bad_parameter(
            "q",
            "invalid_parameter",
            "statistics take the search filters but not full text ('q')",
        ));
    }
    let filters = pairs.iter().filter(|(k, _)| k != "group_by");
    let request = SearchRequest::from_pairs(filters.map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(crate::service::ServiceError::from)?;
    // A grouped count scans like a search: it waits for a search permit.
    let _permit = search_turn(&state).await?;
    let groups = blocking(&state, move |s| s.stats(&request.filters, dims)).await?;
    Ok(Json(groups))
}
