//! `/healthz` (the process answers) and `/readyz` (the index has caught up with the log).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::openapi::OPERATIONS;
use super::{blocking, AppState};
use crate::service::Readiness;

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// The answer of `/healthz`.
#[derive(Serialize, utoipa::ToSchema)]
struct Health {
    /// Always `ok`.
    status: &'static str,
}

/// The process answers.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = OPERATIONS,
    responses((status = 200, description = "Alive", body = Health))
)]
async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Whether the index has caught up with the log found at start (503 until then).
#[utoipa::path(
    get,
    path = "/readyz",
    tag = OPERATIONS,
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "Still catching up, or the indexer failed", body = Readiness)
    )
)]
async fn readyz(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let readiness = blocking(&state, |s| s.readiness()).await?;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    Ok((status, Json(readiness)))
}
