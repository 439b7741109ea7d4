//! `/calls`: the secretariat's calls for submissions; anyone may read them, with how many
//! submissions named each.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::openapi::{PROJECTS, SECRETARIAT};
use crate::http::{on_service, AppState};
use crate::service::calls::CallView;

/// The routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(deadline))
}

/// Every call.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Calls {
    /// Open calls first, then the latest deadline first.
    calls: Vec<CallView>,
}

/// Every call for submissions, open ones first, with how many submissions named each.
#[utoipa::path(
    get,
    path = "/calls",
    tag = PROJECTS,
    responses((status = 200, description = "The calls", body = Calls))
)]
pub(crate) async fn list(State(state): State<AppState>) -> Result<Json<Calls>, ApiError> {
    let calls = on_service(&state, |s| s.calls()).await?;
    Ok(Json(Calls { calls }))
}

/// One call.
#[utoipa::path(
    get,
    path = "/calls/{id}",
    tag = PROJECTS,
    params(("id" = String, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The call", body = CallView),
        (status = 404, description = "No such call")
    )
)]
pub(crate) async fn one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CallView>, ApiError> {
    Ok(Json(on_service(&state, move |s| s.call(&id)).await?))
}

/// Opens a call: `kind` (`stocktaking`, `covid19`, `prizes`, `update`), `texts` by language
/// (`{"en": {"title": …, "text": …}, "fr": …}`, English required), `opens_at`, `closes_at`.
#[utoipa::path(
    post,
    path = "/calls",
    tag = SECRETARIAT,
    request_body = Object,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The call", body = CallView),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key"),
        (status = 422, description = "Bad fields, each named")
    )
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    credentials: Credentials,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<CallView>), ApiError> {
    let view = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.create_call(&caller, body)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// A new deadline.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewDeadline {
    /// The new deadline (RFC 3339), after the opening.
    closes_at: DateTime<Utc>,
}

/// Moves a call's deadline (extends or shortens it); the old one stays in
/// `deadline_history`.
#[utoipa::path(
    post,
    path = "/calls/{id}/deadline",
    tag = SECRETARIAT,
    params(("id" = String, Path, description = "The call's id")),
    request_body = NewDeadline,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The call", body = CallView),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key"),
        (status = 404, description = "No such call"),
        (status = 422, description = "A deadline before the opening")
    )
)]
pub(crate) async fn deadline(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
    ApiJson(body): ApiJson<NewDeadline>,
) -> Result<Json<CallView>, ApiError> {
    let view = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.move_deadline(&caller, &id, body.closes_at)
    })
    .await?;
    Ok(Json(view))
}
