//! `GET /stats`: published projects counted by one or two facets, with the search filters.

use axum::extract::State;
use axum::Json;

use crate::http::openapi::{FilterParams, SEARCH};

use crate::http::error::ApiError;
use crate::http::query::{FilterPairs, Query, QueryParams};
use crate::http::{run_stats, AppState};
use crate::model::{Dim, Groups};

/// `group_by` of statistics.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct GroupByParam {
    /// One or two facets (repeated, or comma-separated): action_line, sdg, region, country,
    /// stakeholder_type, itu_entity, scope, status, covid19, year, call.
    #[param(required = true)]
    group_by: Vec<String>,
    /// The search filters.
    #[param(ignore)]
    filters: FilterPairs,
    /// Whether full text (`q`) was given: statistics refuse it.
    #[param(ignore)]
    has_q: bool,
}

impl QueryParams for GroupByParam {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        match key {
            "group_by" => self.group_by.push(value),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn other(&mut self, key: String, value: String) -> Result<(), ApiError> {
        self.has_q |= key == "q";
        self.filters.push(key, value);
        Ok(())
    }
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
    Query(params): Query<GroupByParam>,
) -> Result<Json<Groups>, ApiError> {
    let grouping: Vec<&str> = params.group_by.iter().map(String::as_str).collect();
    let dims = group_by(&grouping)?;
    if params.has_q {
        let message = "statistics take the search filters but not full text ('q')";
        return Err(ApiError::bad_parameter("q", "invalid_parameter", message));
    }
    let filters = params.filters.filters()?;
    Ok(Json(run_stats(&state, filters, dims).await?))
}
