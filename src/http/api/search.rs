//! `GET /search`: full text, filters, sort, pages and disjunctive facet counts.

use axum::extract::{RawQuery, State};
use axum::Json;

use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::openapi::{FilterParams, SearchParams, SEARCH};
use crate::http::query::FilterPairs;
use crate::http::{run_search, AppState};
use crate::model::SearchResults;

/// Full-text search of published projects with filters, pages and exact disjunctive facet
/// counts.
#[utoipa::path(
    get,
    path = "/search",
    tag = SEARCH,
    params(SearchParams, FilterParams),
    responses((status = 200, description = "A page of hits and the facet counts", body = SearchResults))
)]
pub(crate) async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let request = FilterPairs::from(query_pairs(query.as_deref())).request()?;
    Ok(Json(run_search(&state, request).await?))
}
