//! Selections: curated, ordered lists of projects. The secretariat writes; anyone reads
//! the published ones.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{query_pairs, ApiJson, ApiPath};
use crate::http::{blocking, AppState};
use crate::service::{selection_csv, Service, ServiceError};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/selections", get(list).post(create))
        .route("/selections/{id}", get(show).put(update).delete(remove))
        .route("/selections/{id}/items", put(set_items))
        .route("/selections/{id}/export", get(export))
}

/// Runs a read with whether the caller holds a secretariat key (a bad key is a 401, not
/// "public").
async fn read<T, F>(state: &AppState, headers: &HeaderMap, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Service, bool) -> Result<T, ServiceError> + Send + 'static,
{
    let credentials = Credentials::from_headers(headers);
    blocking(state, move |s| {
        let secretariat = credentials.caller(s)?.is_secretariat();
        f(s, secretariat)
    })
    .await
}

/// Runs a write for a secretariat key that may change things (401 or 403 otherwise).
async fn write<T, F>(state: &AppState, headers: &HeaderMap, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
{
    let credentials = Credentials::from_headers(headers);
    blocking(state, move |s| {
        credentials.secretariat_editor(s)?;
        f(s)
    })
    .await
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let selections = read(&state, &headers, |s, secretariat| s.selections(secretariat)).await?;
    Ok(Json(
        json!({ "total": selections.len(), "selections": selections }),
    ))
}

async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, &headers, move |s| s.create_selection(body)).await?;
    let location = format!("/api/v1/selections/{}", view.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(view),
    ))
}

async fn show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let view = read(&state, &headers, move |s, secretariat| {
        s.selection(&id, secretariat)
    })
    .await?;
    Ok(Json(view))
}

async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, &headers, move |s| s.update_selection(&id, body)).await?;
    Ok(Json(view))
}

async fn set_items(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, &headers, move |s| s.set_selection_items(&id, body)).await?;
    Ok(Json(view))
}

async fn remove(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    write(&state, &headers, move |s| s.delete_selection(&id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `?format=json` (default) or `?format=csv`.
async fn export(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut csv = false;
    for (key, value) in query_pairs(query.as_deref()) {
        match (key.as_str(), value.as_str()) {
            ("format", "csv") => csv = true,
            ("format", "json") => csv = false,
            ("format", other) => {
                return Err(ApiError::bad_parameter(
                    "format",
                    "invalid_parameter",
                    format!("'format' must be csv or json, not '{other}'"),
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
    let view = read(&state, &headers, move |s, secretariat| {
        s.selection(&id, secretariat)
    })
    .await?;
    if !csv {
        return Ok(Json(view).into_response());
    }
    let body = selection_csv(&view)?;
    let filename = format!("attachment; filename=\"selection-{}.csv\"", view.id);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        body,
    )
        .into_response())
}
