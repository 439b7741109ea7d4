//! `GET /search`: full text, filters, sort, pages and disjunctive facet counts.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};

use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::{blocking, search_turn, AppState};
use crate::model::SearchRequest;
use crate::search::SearchResults;

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(search))
}

async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let pairs = query_pairs(query.as_deref());
    let request = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(crate::service::ServiceError::from)?;
    let _permit = search_turn(&state).await?;
    let results = blocking(&state, move |s| s.search(&request)).await?;
    Ok(Json(results))
}
