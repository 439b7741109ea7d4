//! Projects: submit, read, revise, withdraw, the secretariat's decisions and the history.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{query_pairs, ApiJson, ApiPath};
use crate::http::limits::ClientIp;
use crate::http::{blocking, AppState};
use crate::model::{message_text, Decision, OwnerProject, MESSAGE_MAX_CHARS};
use crate::service::{Caller, Service, ServiceError};

pub use crate::http::auth::EDIT_TOKEN_HEADER;

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/projects", post(submit))
        .route("/projects/{id}", get(show).put(revise).delete(withdraw))
        .route("/projects/{id}/publish", post(publish))
        .route("/projects/{id}/request-changes", post(request_changes))
        .route("/projects/{id}/reject", post(reject))
        .route("/projects/{id}/history", get(history))
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
    client: ClientIp,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let refresh = wants_refresh(query.as_deref())?;
    let credentials = Credentials::from_headers(&headers);
    let limiter = state.write_limiter.clone();
    let submitted = blocking(&state, move |s| {
        limiter.check(&credentials.caller(s)?, &client)?;
        s.submit(body)
    })
    .await?;
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
    let credentials = Credentials::from_headers(&headers);
    let project = blocking(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.project_view(&id, &caller)
    })
    .await?;
    Ok(Json(project))
}

async fn history(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let credentials = Credentials::from_headers(&headers);
    let history = blocking(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.history(&id, &caller)
    })
    .await?;
    Ok(Json(serde_json::json!({ "history": history })))
}

/// The version in `If-Match` (`3`, `"3"` or `W/"3"`).
fn if_match(headers: &HeaderMap) -> Result<Option<u64>, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse().ok())
        .map(Some)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_if_match",
                "If-Match must be the project's version number, e.g. \"3\"",
            )
            .with_field("If-Match")
        })
}

/// Runs one change of a project for the caller (with the `If-Match` version) and answers
/// with the project as it is now; `limited` takes the write from the client's budget (edits
/// by submitters).
async fn write_project<F>(
    state: AppState,
    headers: HeaderMap,
    query: Option<String>,
    limited: Option<ClientIp>,
    change: F,
) -> Result<Json<OwnerProject>, ApiError>
where
    F: FnOnce(&Service, &Caller, Option<u64>) -> Result<(OwnerProject, u64), ServiceError>
        + Send
        + 'static,
{
    let refresh = wants_refresh(query.as_deref())?;
    let version = if_match(&headers)?;
    let credentials = Credentials::from_headers(&headers);
    let limiter = state.write_limiter.clone();
    let (project, seq) = blocking(&state, move |s| {
        let caller = credentials.caller(s)?;
        if let Some(client) = limited {
            limiter.check(&caller, &client)?;
        }
        change(s, &caller, version)
    })
    .await?;
    if refresh {
        state.service.wait_indexed(seq).await;
    }
    Ok(Json(project))
}

/// A decision on a project.
async fn decide(
    state: AppState,
    id: String,
    headers: HeaderMap,
    query: Option<String>,
    decision: Decision,
    limited: Option<ClientIp>,
) -> Result<Json<OwnerProject>, ApiError> {
    write_project(state, headers, query, limited, move |s, caller, version| {
        s.decide(&id, caller, decision, version)
    })
    .await
}

async fn revise(
    State(state): State<AppState>,
    client: ClientIp,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<OwnerProject>, ApiError> {
    write_project(
        state,
        headers,
        query,
        Some(client),
        move |s, caller, version| s.revise(&id, caller, body, version),
    )
    .await
}

async fn withdraw(
    State(state): State<AppState>,
    client: ClientIp,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    decide(state, id, headers, query, Decision::Withdraw, Some(client)).await
}

async fn publish(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    decide(state, id, headers, query, Decision::Publish, None).await
}

/// The body of a request for changes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageBody {
    message: String,
}

/// The body of a rejection.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonBody {
    reason: String,
}

fn required_text(field: &str, text: String) -> Result<String, ApiError> {
    message_text(&text).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_length",
            format!("'{field}' must be 1 to {MESSAGE_MAX_CHARS} characters"),
        )
        .with_field(field)
    })
}

async fn request_changes(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<impl IntoResponse, ApiError> {
    let message = required_text("message", body.message)?;
    decide(
        state,
        id,
        headers,
        query,
        Decision::RequestChanges(message),
        None,
    )
    .await
}

async fn reject(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ReasonBody>,
) -> Result<impl IntoResponse, ApiError> {
    let reason = required_text("reason", body.reason)?;
    decide(state, id, headers, query, Decision::Reject(reason), None).await
}
