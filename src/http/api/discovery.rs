//! Search helpers: `GET /suggest` (search-as-you-type), `GET /projects/{id}/related`,
//! `POST /suggest-tags` and the synonym sets, `GET/PUT /synonyms`.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use serde_json::Value;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::openapi::responses::{KeyRefused, NotJson};
use crate::http::openapi::{IdPath, TagBody, SEARCH, SECRETARIAT};
use crate::http::query::{invalid, Query, QueryParams};
use crate::http::{on_service, search_turn, AppState};
use crate::model::{Hit, Suggestions, TagSuggestions};
use crate::model::{Language, Synonyms};
use crate::service::{ServiceError, SynonymList, TagRequest, MAX_LIMIT};

/// The search helpers' routes, each with its OpenAPI operation; the document lists
/// them in this order.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(suggest))
        .routes(routes!(suggest_tags))
        .routes(routes!(related))
        .routes(routes!(synonyms, put_synonyms))
}

/// Longest `q` of a suggestion, in characters.
pub const MAX_SUGGEST_CHARS: usize = 200;
/// Suggestions of each kind, and related projects, by default.
const DEFAULT_LIMIT: usize = 5;

/// `?q=&lang=&limit=` of suggestions.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SuggestParams {
    /// The text typed so far, at most 200 characters.
    #[param(required = true, max_length = 200)]
    q: String,
    /// The language of the labels (en by default).
    lang: Option<Language>,
    /// Suggestions of each kind, 1 to 20 (5 by default).
    #[param(minimum = 1, maximum = 20)]
    limit: Option<usize>,
    /// Whether `q` was given.
    #[param(ignore)]
    has_q: bool,
}

impl QueryParams for SuggestParams {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        match key {
            "q" => (self.q, self.has_q) = (value, true),
            "lang" => {
                let expected = || format!("'lang' must be one of {}", Language::expected());
                self.lang =
                    Some(Language::parse(&value).ok_or_else(|| invalid("lang", expected()))?)
            }
            "limit" => self.limit = Some(limit(&value)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn finish(&mut self) -> Result<(), ApiError> {
        if !self.has_q {
            let message = "'q' is required: the text typed";
            return Err(ApiError::bad_parameter("q", "missing_parameter", message));
        }
        if self.q.chars().count() > MAX_SUGGEST_CHARS {
            let message = format!("'q' has at most {MAX_SUGGEST_CHARS} characters");
            return Err(invalid("q", message));
        }
        Ok(())
    }
}

/// `?limit=` of related projects.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct LimitParam {
    /// How many, 1 to 20 (5 by default).
    #[param(minimum = 1, maximum = 20)]
    limit: Option<usize>,
}

impl QueryParams for LimitParam {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        if key != "limit" {
            return Ok(false);
        }
        self.limit = Some(limit(&value)?);
        Ok(true)
    }
}

/// Reads `limit` (1 to [`MAX_LIMIT`]).
fn limit(value: &str) -> Result<usize, ApiError> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        _ => Err(invalid(
            "limit",
            format!("'limit' must be a whole number from 1 to {MAX_LIMIT}, not '{value}'"),
        )),
    }
}

/// Search-as-you-type: taxonomy labels, project titles and organizations that match what is
/// typed.
#[utoipa::path(
    get,
    path = "/suggest",
    tag = SEARCH,
    params(SuggestParams),
    responses((status = 200, description = "Suggestions, best first", body = Suggestions))
)]
pub(crate) async fn suggest(
    State(state): State<AppState>,
    Query(params): Query<SuggestParams>,
) -> Result<Json<Suggestions>, ApiError> {
    let lang = params.lang.unwrap_or(Language::En);
    let count = params.limit.unwrap_or(DEFAULT_LIMIT);
    let _permit = search_turn(&state).await?;
    let suggestions = on_service(&state, move |s| s.suggest(&params.q, lang, count)).await?;
    Ok(Json(suggestions))
}

/// The answer of `GET /projects/{id}/related`.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Related {
    /// The project they are like.
    id: String,
    /// Similar published projects, best first.
    hits: Vec<Hit>,
}

/// Published projects like this one (text and shared tags), best first.
#[utoipa::path(
    get,
    path = "/projects/{id}/related",
    tag = SEARCH,
    params(IdPath, LimitParam),
    responses((status = 200, description = "Similar published projects", body = Related))
)]
pub(crate) async fn related(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    Query(params): Query<LimitParam>,
) -> Result<Json<Related>, ApiError> {
    let count = params.limit.unwrap_or(DEFAULT_LIMIT);
    let _permit = search_turn(&state).await?;
    let key = id.clone();
    let hits = on_service(&state, move |s| s.related(&key, count)).await?;
    Ok(Json(Related { id, hits }))
}

/// Action Lines and SDGs that fit a title and description, best first, with reasons.
#[utoipa::path(
    post,
    path = "/suggest-tags",
    tag = SEARCH,
    request_body = TagBody,
    responses(
        (status = 200, description = "Suggested Action Lines and SDGs", body = TagSuggestions),
        NotJson,
        (status = 422, description = "Missing or invalid title, description or language")
    )
)]
pub(crate) async fn suggest_tags(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<TagSuggestions>, ApiError> {
    let request = TagRequest::parse(&body).map_err(ServiceError::from)?;
    let _permit = search_turn(&state).await?;
    Ok(Json(
        on_service(&state, move |s| s.suggest_tags(&request)).await?,
    ))
}

/// The synonym and acronym sets used at query time.
#[utoipa::path(
    get,
    path = "/synonyms",
    tag = SEARCH,
    responses((status = 200, description = "The sets", body = SynonymList))
)]
pub(crate) async fn synonyms(State(state): State<AppState>) -> Result<Json<SynonymList>, ApiError> {
    Ok(Json(on_service(&state, |s| Ok(s.synonyms())).await?))
}

/// Replaces the synonym sets.
#[utoipa::path(
    put,
    path = "/synonyms",
    tag = SECRETARIAT,
    request_body = Synonyms,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The sets as stored", body = SynonymList),
        KeyRefused,
        NotJson,
        (status = 422, description = "Invalid sets")
    )
)]
pub(crate) async fn put_synonyms(
    State(state): State<AppState>,
    credentials: Credentials,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<SynonymList>, ApiError> {
    let list = on_service(&state, move |s| {
        credentials.secretariat_editor(s)?;
        s.put_synonyms(body)
    })
    .await?;
    Ok(Json(list))
}
