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
use crate::http::openapi::responses::NotJson;
use crate::http::openapi::{PROJECTS, SECRETARIAT};
use crate::http::{on_service, AppState};
use crate::service::calls::CallView;
use crate::service::update_requests::UpdateRound;

/// The routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(deadline))
        .routes(routes!(request_updates, update_round))
        .routes(routes!(remind))
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
    Ok(Json(Calls {
        calls: calls.into_iter().map(public).collect(),
    }))
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
    Ok(Json(public(
        on_service(&state, move |s| s.call(&id)).await?,
    )))
}

/// A call as the public sees it: which key moved a deadline is left out.
fn public(mut view: CallView) -> CallView {
    for change in &mut view.call.deadline_history {
        change.by.clear();
    }
    view
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
        NotJson,
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
        NotJson,
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

/// Which published projects to ask.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct UpdateAsk {
    /// Search filters, as in the search's query string (`{"action_line": ["C2"],
    /// "country": ["KE"]}`); every published project when absent.
    #[serde(default)]
    filters: std::collections::BTreeMap<String, OneOrMany>,
    /// Only projects neither confirmed nor changed since then (RFC 3339).
    unconfirmed_since: Option<DateTime<Utc>>,
}

/// A filter's value or values.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub(crate) enum OneOrMany {
    /// One value.
    One(String),
    /// Several values (OR-ed).
    Many(Vec<String>),
}

/// How many were asked or reminded.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Asked {
    /// Projects whose contacts were sent a message now.
    count: usize,
}

/// Asks the contacts of published projects (by search filters, optionally not confirmed
/// since a date) to review their entries, inside an open `update` call; a project is asked
/// once per call.
#[utoipa::path(
    post,
    path = "/calls/{id}/update-requests",
    tag = SECRETARIAT,
    params(("id" = String, Path, description = "The update call's id")),
    request_body = UpdateAsk,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "How many were asked now", body = Asked),
        NotJson,
        (status = 422, description = "A body of the wrong shape"),
        (status = 400, description = "A bad filter"),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key"),
        (status = 404, description = "No such call"),
        (status = 409, description = "Not an open update call")
    )
)]
pub(crate) async fn request_updates(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
    ApiJson(body): ApiJson<UpdateAsk>,
) -> Result<Json<Asked>, ApiError> {
    let pairs: Vec<(String, String)> = (body.filters.into_iter())
        .flat_map(|(k, v)| match v {
            OneOrMany::One(one) => vec![(k, one)],
            OneOrMany::Many(many) => many.into_iter().map(|one| (k.clone(), one)).collect(),
        })
        .collect();
    let filters =
        crate::service::export_filters(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| ApiError::from(crate::service::ServiceError::from(e)))?;
    let since = body.unconfirmed_since;
    let count = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.request_updates(&caller, &id, &filters, since)
    })
    .await?;
    Ok(Json(Asked { count }))
}

/// The update requests of a call: how many were revised, confirmed unchanged, or not
/// answered, and each request.
#[utoipa::path(
    get,
    path = "/calls/{id}/update-requests",
    tag = SECRETARIAT,
    params(("id" = String, Path, description = "The update call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The requests and their answers", body = UpdateRound),
        (status = 401, description = "No or a bad key"),
        (status = 404, description = "No such call")
    )
)]
pub(crate) async fn update_round(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<Json<UpdateRound>, ApiError> {
    let round = on_service(&state, move |s| {
        credentials.secretariat(s)?;
        s.update_round(&id)
    })
    .await?;
    Ok(Json(round))
}

/// Reminds the contacts who have not answered a call's update requests.
#[utoipa::path(
    post,
    path = "/calls/{id}/reminders",
    tag = SECRETARIAT,
    params(("id" = String, Path, description = "The update call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "How many were reminded", body = Asked),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key"),
        (status = 404, description = "No such call")
    )
)]
pub(crate) async fn remind(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<Json<Asked>, ApiError> {
    let count = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.remind(&caller, &id)
    })
    .await?;
    Ok(Json(Asked { count }))
}
