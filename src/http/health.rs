//! `/healthz` (the process answers) and `/readyz` (the index has caught up with the log).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use super::error::ApiError;
use super::{blocking, AppState};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { Json(json!({"status": "ok"})) }))
        .route("/readyz", get(readyz))
}

async fn readyz(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let readiness = blocking(&state, |s| s.readiness()).await?;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    Ok((status, Json(readiness)))
}
