//! `GET /stats`: published projects counted by one or two facets, with the search filters.

use axum::extract::{RawQuery, State};
use axum::Json;

use crate::http::openapi::{FilterParams, SEARCH};

use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::{run_stats, AppState};
use crate::model::SearchRequest;
use crate::search::{Dim, Groups};

/// `group_by` of statistics.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
// Describes parameters the handler reads by hand: OpenAPI only.
#[allow(dead_code)]
struct GroupByParam {
    /// One or two facets (repeated, or comma-separated): action_line, sdg, region, country,
    /// stakeholder_type, scope, status, covid19, year.
    #[param(required = true)]
    group_by: Vec<String>,
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

/// Published projects counted by one or two facets, with the search filters.
#[utoipa::path(
    get,
    path = "/stats",
    tag = SEARCH,
    params(GroupByParam, FilterParams),
    responses((status = 200, description = "One group per value (pair of values) held by a project", body = Groups))
)]
pub(crate) async fn stats(
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
    Ok(Json(run_stats(&state, request.filters, dims).await?))
}
