//! The operators' routes: `/healthz` (the process answers), `/readyz` (the index has caught
//! up with the log), `/metrics` (Prometheus text) and the OpenAPI document.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::calls::on_service;
use super::error::ApiError;
use super::openapi::{document_json, OPERATIONS};
use super::state::AppState;
use crate::service::Readiness;

/// The answer of `/healthz`.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Health {
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
pub(super) async fn healthz() -> Json<Health> {
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
pub(super) async fn readyz(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let readiness = on_service(&state, |s| s.readiness()).await?;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    Ok((status, Json(readiness)))
}

/// Every metric, in the Prometheus text format: requests by route and status, latency
/// histograms, search phase timings, index lag, projects by state, store and index size.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = OPERATIONS,
    responses((status = 200, description = "Prometheus text exposition", content_type = "text/plain", body = String))
)]
pub(super) async fn metrics(State(state): State<AppState>) -> Result<Response, ApiError> {
    let vitals = on_service(&state, |s| s.vitals()).await?;
    let text = state
        .metrics
        .render(&vitals)
        .map_err(|e| ApiError::internal(&e))?;
    let content_type = "text/plain; version=0.0.4; charset=utf-8";
    Ok(([(header::CONTENT_TYPE, content_type)], text).into_response())
}

/// The OpenAPI document of this service.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = OPERATIONS,
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json", body = Object))
)]
pub(super) async fn openapi_json() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        document_json(),
    )
}
