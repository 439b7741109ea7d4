//! `/account`: sign-in by e-mail link for the API. A link is asked for by address; the
//! token it carries buys a short-lived bearer token (`acct_…`) that acts as the submitter
//! on every project whose contact has the address.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::ApiJson;
use crate::http::limits::ClientIp;
use crate::http::openapi::responses::NotJson;
use crate::http::openapi::PROJECTS;
use crate::http::{on_service, AppState};
use crate::model::Language;
use crate::service::accounts::{AccountProject, SessionKind};
use crate::service::{Caller, ServiceError};

/// The routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ask_link))
        .routes(routes!(token))
        .routes(routes!(projects))
}

/// A request for a sign-in link.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkRequest {
    /// The address to mail the link to.
    #[schema(max_length = 254)]
    email: String,
    /// The language of the message (`en` by default).
    language: Option<Language>,
}

/// The answer to a request for a link: the same whether or not the address has projects.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct LinkAsked {
    /// Always `sent_if_allowed`.
    status: &'static str,
    /// Minutes the link works.
    valid_minutes: u64,
}

/// Mails a single-use sign-in link valid 15 minutes. The answer is the same whether or not
/// the address has projects; one address is sent three links at once, then one every five
/// minutes at most (more requests are answered the same, and send nothing).
#[utoipa::path(
    post,
    path = "/account/sign-in-link",
    tag = PROJECTS,
    request_body = LinkRequest,
    responses(
        (status = 202, description = "A link is on its way, unless the address asked too often", body = LinkAsked),
        NotJson,
        (status = 422, description = "Not an e-mail address (field `email`)"),
        (status = 429, description = "Too many requests from this client")
    )
)]
pub(crate) async fn ask_link(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(body): ApiJson<LinkRequest>,
) -> Result<(StatusCode, Json<LinkAsked>), ApiError> {
    let limiter = state.sign_in_limiter.clone();
    on_service(&state, move |s| {
        limiter.check(&Caller::Public, &client)?;
        s.request_sign_in(&body.email, body.language.unwrap_or(Language::En))
    })
    .await?;
    let asked = LinkAsked {
        status: "sent_if_allowed",
        valid_minutes: state.service.link_validity().as_secs() / 60,
    };
    Ok((StatusCode::ACCEPTED, Json(asked)))
}

/// The token of a sign-in link.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TokenRequest {
    /// The `token` parameter of the mailed link.
    token: String,
}

/// A bearer token for the API.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AccessToken {
    /// Send it as `Authorization: Bearer <access_token>`.
    access_token: String,
    /// Always `Bearer`.
    token_type: &'static str,
    /// When it stops working.
    expires_at: DateTime<Utc>,
}

/// Trades a sign-in link's token (once) for a bearer token valid one hour.
#[utoipa::path(
    post,
    path = "/account/token",
    tag = PROJECTS,
    request_body = TokenRequest,
    responses(
        (status = 200, description = "The bearer token", body = AccessToken),
        (status = 401, description = "The link is unknown, used or expired"),
        NotJson,
        (status = 422, description = "No `token`, or one that is not a string")
    )
)]
pub(crate) async fn token(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<Json<AccessToken>, ApiError> {
    let (id, session) =
        on_service(&state, move |s| s.sign_in(&body.token, SessionKind::Api)).await?;
    Ok(Json(AccessToken {
        access_token: id,
        token_type: "Bearer",
        expires_at: session.expires_at,
    }))
}

/// An account's projects.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AccountProjects {
    /// The account's address.
    email: String,
    /// Every project whose contact has the address, in every state, latest change first.
    projects: Vec<AccountProject>,
}

/// "My projects": every project whose contact has the signed-in address, in every state,
/// with its history (the secretariat's messages).
#[utoipa::path(
    get,
    path = "/account/projects",
    tag = PROJECTS,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account's projects", body = AccountProjects),
        (status = 401, description = "No account token, or an expired one"),
        (status = 403, description = "A secretariat key: it has no projects of its own")
    )
)]
pub(crate) async fn projects(
    State(state): State<AppState>,
    credentials: Credentials,
) -> Result<Json<AccountProjects>, ApiError> {
    let answer = on_service(&state, move |s| match credentials.caller(s)? {
        Caller::Account(email) => Ok(AccountProjects {
            projects: s.account_projects(&email)?,
            email,
        }),
        caller if caller.is_secretariat() => Err(ServiceError::Forbidden(
            "a secretariat key has no projects of its own; sign in with an e-mail link".into(),
        )),
        _ => Err(ServiceError::Unauthorized(
            "sign in first: 'Authorization: Bearer <access_token>' from POST /api/v1/account/token"
                .into(),
        )),
    })
    .await?;
    Ok(Json(answer))
}
