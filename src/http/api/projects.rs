//! `POST /projects` (submit) and `GET /projects/{id}`.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;

use crate::http::error::ApiError;
use crate::http::extract::{query_pairs, ApiJson, ApiPath};
use crate::http::{blocking, AppState};

/// Header carrying a submitter's edit token.
pub const EDIT_TOKEN_HEADER: &str = "x-edit-token";

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/projects", post(submit))
        .route("/projects/{id}", get(show))
}

/// Reads `?refresh=wait_for`.
pub(crate) fn wants_refresh(raw: Option<&str>) -> Result<bool, ApiError> {
    let mut refresh = false;
    for (key, value) in query_pairs(raw) {
        match (key.as_str(), value.as_str()) {
            ("refresh", "wait_for") => refresh = true,
            ("refresh", "false" | "") => refresh = false,
            ("refresh", other) => {
                return Err(ApiError::bad_parameter(
                    "refresh",
                    "invalid_parameter",
                    format!("'refresh' must be wait_for or false, not '{other}'"),
                ))
            }
            (other, _) => {
                return Err(ApiError::bad_parameter(
                    other,
                    "unknown_parameter",
                    format!("unknown parameter '{other}'"),
                ))
            }
        }
    }
    Ok(refresh)
}

async fn submit(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let refresh = wants_refresh(query.as_deref())?;
    let submitted = blocking(&state, move |s| s.submit(body)).await?;
    if refresh {
        state.service.wait_indexed(submitted.seq).await;
    }
    let location = format!("/api/v1/projects/{}", submitted.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(submitted),
    ))
}

async fn show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let token = headers
        .get(EDIT_TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let project = blocking(&state, move |s| s.project(&id, token.as_deref())).await?;
    Ok(Json(project))
}
