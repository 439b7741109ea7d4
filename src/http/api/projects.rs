//! Projects: submit, read, revise, withdraw, the secretariat's decisions (unpublishing
//! too) and the history.

use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::limits::ClientIp;
use crate::http::openapi::responses::{KeyRefused, NotJson};
use crate::http::openapi::{
    IdPath, IdempotencyKeyHeader, IfMatchHeader, RefreshMode, RefreshParam, SubmissionBody,
    PROJECTS, SECRETARIAT,
};
use crate::http::query::{self, invalid, QueryParams};
use crate::http::{on_service, AppState};
use crate::model::{message_text, Decision, OwnerProject, Transition, ValidationErrors};
use crate::service::{
    idempotency, Caller, IdempotencyKey, ProjectView, Service, ServiceError, Submitted,
};

/// The projects' routes, each with its OpenAPI operation; the document lists
/// them in this order.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit))
        .routes(routes!(show, revise, withdraw))
        .routes(routes!(publish))
        .routes(routes!(request_changes))
        .routes(routes!(reject))
        .routes(routes!(unpublish))
        .routes(routes!(confirm))
        .routes(routes!(history))
}

impl QueryParams for RefreshParam {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        if key != "refresh" {
            return Ok(false);
        }
        self.refresh = match value.as_str() {
            "wait_for" => Some(RefreshMode::WaitFor),
            "false" | "" => Some(RefreshMode::False),
            other => {
                let message = format!("'refresh' must be wait_for or false, not '{other}'");
                return Err(invalid("refresh", message));
            }
        };
        Ok(true)
    }
}

/// Whether `?refresh=wait_for` asks to answer once the change is searchable.
fn waits(raw: Option<&str>) -> Result<bool, ApiError> {
    let param: RefreshParam = query::read(raw)?;
    Ok(matches!(param.refresh, Some(RefreshMode::WaitFor)))
}

/// Submits a project; it waits for the secretariat as `pending`. The answer carries the
/// edit token, shown once.
#[utoipa::path(
    post,
    path = "/projects",
    operation_id = "submit_project",
    tag = PROJECTS,
    params(RefreshParam, IdempotencyKeyHeader),
    request_body = SubmissionBody,
    security((), ("bearer" = [])),
    responses(
        (status = 201, description = "Stored, pending (or, for a repeated Idempotency-Key and body, the first answer again)", body = Submitted,
            headers(
                ("Location" = String, description = "The project's URL"),
                ("Idempotent-Replayed" = String, description = "`true` when this is the first answer given again")
            )),
        (status = 401, description = "A bad key"),
        (status = 403, description = "A read-only key"),
        NotJson,
        (status = 422, description = "Invalid fields, every one listed in details; or an Idempotency-Key used with another body")
    )
)]
pub(crate) async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    RawQuery(query): RawQuery,
    credentials: Credentials,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let refresh = waits(query.as_deref())?;
    let key = idempotency_key(&headers)?;
    let limiter = state.write_limiter.clone();
    let submitted = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        limiter.check(&caller, &client)?;
        s.submit(body, &caller, key.as_ref())
    })
    .await?;
    if refresh {
        state.service.wait_indexed(submitted.seq).await;
    }
    Ok(created(&submitted))
}

/// 201 with the project's URL, marked when it is the first answer given again.
fn created(submitted: &Submitted) -> Response {
    let location = format!("/api/v1/projects/{}", submitted.id);
    let mut response = (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(submitted),
    )
        .into_response();
    if submitted.replayed {
        let replayed = HeaderValue::from_static("true");
        response.headers_mut().insert(REPLAYED_HEADER, replayed);
    }
    response
}

/// Set on the answer to a submission repeated with its `Idempotency-Key`.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// The `Idempotency-Key` header, if sent (once).
fn idempotency_key(headers: &HeaderMap) -> Result<Option<IdempotencyKey>, ApiError> {
    let mut values = headers.get_all(idempotency::HEADER).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return match headers.contains_key(idempotency::HEADER) {
            true => Err(ApiError::bad_parameter(
                idempotency::HEADER,
                "duplicate_parameter",
                format!("'{}' may be given only once", idempotency::HEADER),
            )),
            false => Ok(None),
        };
    };
    let key = IdempotencyKey::parse(value.to_str().unwrap_or_default())?;
    Ok(Some(key))
}

/// One project: published ones for anyone, any state for its submitter or the secretariat.
#[utoipa::path(
    get,
    path = "/projects/{id}",
    operation_id = "show_project",
    tag = PROJECTS,
    params(IdPath),
    security((), ("edit_token" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The project (with the contact for the secretariat)", body = OwnerProject,
            headers(("ETag" = String, description = "The version, quoted: what If-Match takes to revise or withdraw it"))),
        (status = 401, description = "A bad key or token")
    )
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<impl IntoResponse, ApiError> {
    let project = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.project_view(&id, &caller)
    })
    .await?;
    let version = match &project {
        ProjectView::Public(p) => p.version,
        ProjectView::Owner(p) => p.project.version,
    };
    Ok(([(header::ETAG, format!("\"{version}\""))], Json(project)))
}

/// Every state change of a project: who, when, the message.
#[utoipa::path(
    get,
    path = "/projects/{id}/history",
    tag = PROJECTS,
    params(IdPath),
    security(("edit_token" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The history, oldest first", body = History),
        (status = 401, description = "A bad key or token")
    )
)]
pub(crate) async fn history(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<impl IntoResponse, ApiError> {
    let history = on_service(&state, move |s| {
        let caller = credentials.caller(s)?;
        s.history(&id, &caller)
    })
    .await?;
    Ok(Json(History { history }))
}

/// A project's history.
#[derive(Serialize, utoipa::ToSchema)]
pub struct History {
    /// Every state change, oldest first.
    pub history: Vec<Transition>,
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

/// A change of one project as its request names it: the id in the path, `?refresh`,
/// `If-Match` and the credentials, each read when the change runs.
pub(crate) struct ProjectChange {
    state: AppState,
    id: String,
    query: Option<String>,
    headers: HeaderMap,
}

impl FromRequestParts<AppState> for ProjectChange {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ApiPath(id) = ApiPath::<String>::from_request_parts(parts, state).await?;
        Ok(Self {
            state: state.clone(),
            id,
            query: parts.uri.query().map(String::from),
            headers: parts.headers.clone(),
        })
    }
}

impl ProjectChange {
    /// Runs the change for the caller (with the `If-Match` version) and answers with the
    /// project as it is now; `limited` takes the write from the client's budget (edits by
    /// submitters).
    async fn run<F>(
        self,
        limited: Option<ClientIp>,
        change: F,
    ) -> Result<Json<OwnerProject>, ApiError>
    where
        F: FnOnce(
                &Service,
                &str,
                &Caller,
                Option<u64>,
            ) -> Result<(OwnerProject, u64), ServiceError>
            + Send
            + 'static,
    {
        let Self {
            state,
            id,
            query,
            headers,
        } = self;
        let refresh = waits(query.as_deref())?;
        let version = if_match(&headers)?;
        let credentials = Credentials::from_headers(&headers);
        let limiter = state.write_limiter.clone();
        let (project, seq) = on_service(&state, move |s| {
            let caller = credentials.caller(s)?;
            if let Some(client) = limited {
                limiter.check(&caller, &client)?;
            }
            change(s, &id, &caller, version)
        })
        .await?;
        if refresh {
            state.service.wait_indexed(seq).await;
        }
        Ok(Json(project))
    }

    /// A decision on the project.
    async fn decide(
        self,
        decision: Decision,
        limited: Option<ClientIp>,
    ) -> Result<Json<OwnerProject>, ApiError> {
        self.run(limited, move |s, id, caller, version| {
            s.decide(id, caller, decision, version)
        })
        .await
    }
}

/// Revises a project. A revision of a published project waits for approval while the
/// published version stays visible.
#[utoipa::path(
    put,
    path = "/projects/{id}",
    operation_id = "revise_project",
    tag = PROJECTS,
    params(IdPath, RefreshParam, IfMatchHeader),
    request_body = SubmissionBody,
    security(("edit_token" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The project as it is now; the same version when the revision changes nothing", body = OwnerProject),
        (status = 401, description = "A bad key or token"),
        (status = 403, description = "Not allowed in this state"),
        (status = 409, description = "Stale If-Match version, or a move the state does not allow"),
        NotJson,
        (status = 422, description = "Invalid fields, every one listed in details"),
        (status = 428, description = "If-Match is required")
    )
)]
pub(crate) async fn revise(
    client: ClientIp,
    change: ProjectChange,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<OwnerProject>, ApiError> {
    change
        .run(Some(client), move |s, id, caller, version| {
            s.revise(id, caller, body, version)
        })
        .await
}

/// Withdraws a project: kept in the store, gone from search.
#[utoipa::path(
    delete,
    path = "/projects/{id}",
    operation_id = "withdraw_project",
    tag = PROJECTS,
    params(IdPath, RefreshParam, IfMatchHeader),
    security(("edit_token" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The project, withdrawn", body = OwnerProject),
        (status = 401, description = "A bad key or token"),
        (status = 403, description = "Not allowed"),
        (status = 409, description = "Stale If-Match version, or a move the state does not allow")
    )
)]
pub(crate) async fn withdraw(
    client: ClientIp,
    change: ProjectChange,
) -> Result<Json<OwnerProject>, ApiError> {
    change.decide(Decision::Withdraw, Some(client)).await
}

/// Publishes a pending project or its waiting revision.
#[utoipa::path(
    post,
    path = "/projects/{id}/publish",
    tag = SECRETARIAT,
    params(IdPath, RefreshParam, IfMatchHeader),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The project, published", body = OwnerProject),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key, or not the secretariat"),
        (status = 409, description = "Stale If-Match version, or nothing to publish")
    )
)]
pub(crate) async fn publish(change: ProjectChange) -> Result<Json<OwnerProject>, ApiError> {
    change.decide(Decision::Publish, None).await
}

/// The body of a request for changes.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageBody {
    /// What the submitter should change, 1 to 5,000 characters.
    #[schema(min_length = 1, max_length = 5000)]
    message: String,
}

/// The body of a rejection.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReasonBody {
    /// Why, 1 to 5,000 characters.
    #[schema(min_length = 1, max_length = 5000)]
    reason: String,
}

fn required_text(field: &str, text: String) -> Result<String, ApiError> {
    message_text(field, &text)
        .map_err(|e| ApiError::from(ServiceError::Invalid(ValidationErrors(vec![e]))))
}

/// Asks the submitter for changes, with a message they see.
#[utoipa::path(
    post,
    path = "/projects/{id}/request-changes",
    tag = SECRETARIAT,
    params(IdPath, RefreshParam, IfMatchHeader),
    request_body = MessageBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The project, sent back", body = OwnerProject),
        KeyRefused,
        (status = 409, description = "Stale If-Match version, or the state does not allow it"),
        NotJson,
        (status = 422, description = "No message, or too long")
    )
)]
pub(crate) async fn request_changes(
    change: ProjectChange,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<Json<OwnerProject>, ApiError> {
    let message = required_text("message", body.message)?;
    change.decide(Decision::RequestChanges(message), None).await
}

/// Rejects a pending project or its waiting revision, with a reason.
#[utoipa::path(
    post,
    path = "/projects/{id}/reject",
    tag = SECRETARIAT,
    params(IdPath, RefreshParam, IfMatchHeader),
    request_body = ReasonBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The project, rejected", body = OwnerProject),
        KeyRefused,
        (status = 409, description = "Stale If-Match version, or the state does not allow it"),
        NotJson,
        (status = 422, description = "No reason, or too long")
    )
)]
pub(crate) async fn reject(
    change: ProjectChange,
    ApiJson(body): ApiJson<ReasonBody>,
) -> Result<Json<OwnerProject>, ApiError> {
    let reason = required_text("reason", body.reason)?;
    change.decide(Decision::Reject(reason), None).await
}

/// Takes a published project out of public view, with a reason: it goes back to
/// `changes_requested`, where its submitter sees the reason and may revise it.
#[utoipa::path(
    post,
    path = "/projects/{id}/unpublish",
    tag = SECRETARIAT,
    params(IdPath, RefreshParam, IfMatchHeader),
    request_body = ReasonBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The project, sent back to changes_requested", body = OwnerProject),
        KeyRefused,
        (status = 409, description = "Stale If-Match version, not published, or a revision waiting"),
        NotJson,
        (status = 422, description = "No reason, or too long")
    )
)]
pub(crate) async fn unpublish(
    change: ProjectChange,
    ApiJson(body): ApiJson<ReasonBody>,
) -> Result<Json<OwnerProject>, ApiError> {
    let reason = required_text("reason", body.reason)?;
    change.decide(Decision::Unpublish(reason), None).await
}

/// Confirms a published project unchanged (its submitter, answering an update request):
/// `last_confirmed` becomes now and the project's open update requests are answered.
#[utoipa::path(
    post,
    path = "/projects/{id}/confirm",
    tag = PROJECTS,
    params(IdPath, RefreshParam),
    security(("edit_token" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The project, confirmed", body = OwnerProject),
        (status = 401, description = "No or a bad token"),
        (status = 403, description = "A secretariat key: only the submitter confirms"),
        (status = 404, description = "No such project, or not the caller's"),
        (status = 409, description = "Not published")
    )
)]
pub(crate) async fn confirm(
    change: ProjectChange,
    client: ClientIp,
) -> Result<Json<OwnerProject>, ApiError> {
    change
        .run(Some(client), |s, id, caller, _| {
            s.confirm_unchanged(id, caller)
        })
        .await
}
