//! `GET /taxonomy`: Action Lines with sub-lines, SDGs, regions, countries, the WSIS–SDG matrix.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use crate::http::AppState;

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/taxonomy", get(taxonomy))
}

async fn taxonomy(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Json(state.service.taxonomy()),
    )
}
