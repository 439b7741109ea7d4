//! `GET /taxonomy`: Action Lines with sub-lines, SDGs, regions, countries, the WSIS–SDG matrix.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;

use crate::http::openapi::SEARCH;

use crate::http::AppState;

/// Action Lines with sub-lines, SDGs, regions, countries and the WSIS–SDG matrix, with their
/// labels in the six UN languages.
#[utoipa::path(
    get,
    path = "/taxonomy",
    tag = SEARCH,
    responses((status = 200, description = "The taxonomy document", body = Object))
)]
pub(crate) async fn taxonomy(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Json(state.service.taxonomy()),
    )
}
