//! Selections: curated, ordered lists of projects. The secretariat writes; anyone reads
//! the published ones.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::Value;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::openapi::responses::{KeyRefused, NotJson};
use crate::http::openapi::{IdPath, ItemBody, SelectionBody, SELECTIONS};
use crate::http::query::{flag, invalid, Query, QueryParams};
use crate::http::stream::attachment;
use crate::http::{on_service, AppState};
use crate::model::SelectionView;
use crate::service::{selection_csv, Service, ServiceError};
use unicode_normalization::UnicodeNormalization;

/// The selections' routes, each with its OpenAPI operation; the document lists
/// them in this order.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(show, update, remove))
        .routes(routes!(set_items))
        .routes(routes!(export))
}

/// The list of selections.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SelectionList {
    /// How many.
    pub total: usize,
    /// Published ones (all for the secretariat).
    pub selections: Vec<SelectionView>,
}

/// The format of a selection export.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SelectionFormat {
    /// The selection as JSON (the default).
    Json,
    /// One row per item.
    Csv,
}

/// `?format=` and `?bom=` of a selection export.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct FormatParam {
    /// The format.
    #[param(inline)]
    format: Option<SelectionFormat>,
    /// A UTF-8 byte-order mark before CSV, for spreadsheets (true by default; `false` leaves
    /// it out).
    bom: Option<bool>,
}

impl QueryParams for FormatParam {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        if key == "bom" {
            self.bom = Some(flag(key, &value)?);
            return Ok(true);
        }
        if key != "format" {
            return Ok(false);
        }
        self.format = Some(match value.as_str() {
            "csv" => SelectionFormat::Csv,
            "json" => SelectionFormat::Json,
            other => {
                let message = format!("'format' must be csv or json, not '{other}'");
                return Err(invalid("format", message));
            }
        });
        Ok(true)
    }
}

/// Runs a read with whether the caller holds a secretariat key (a bad key is a 401, not
/// "public").
async fn read<T, F>(state: &AppState, credentials: Credentials, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Service, bool) -> Result<T, ServiceError> + Send + 'static,
{
    on_service(state, move |s| {
        let secretariat = credentials.caller(s)?.is_secretariat();
        f(s, secretariat)
    })
    .await
    .map_err(ApiError::from)
}

/// Runs a write for a secretariat key that may change things (401 or 403 otherwise).
async fn write<T, F>(state: &AppState, credentials: Credentials, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
{
    on_service(state, move |s| {
        credentials.secretariat_editor(s)?;
        f(s)
    })
    .await
    .map_err(ApiError::from)
}

/// Published selections (all of them for the secretariat).
#[utoipa::path(
    get,
    path = "/selections",
    operation_id = "list_selections",
    tag = SELECTIONS,
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The selections", body = SelectionList),
        (status = 401, description = "A bad key")
    )
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    credentials: Credentials,
) -> Result<Json<SelectionList>, ApiError> {
    let selections = read(&state, credentials, |s, secretariat| {
        s.selections(secretariat)
    })
    .await?;
    Ok(Json(SelectionList {
        total: selections.len(),
        selections,
    }))
}

/// Creates a selection.
#[utoipa::path(
    post,
    path = "/selections",
    operation_id = "create_selection",
    tag = SELECTIONS,
    request_body = SelectionBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = SelectionView,
            headers(("Location" = String, description = "The selection's URL"))),
        KeyRefused,
        NotJson,
        (status = 422, description = "Invalid fields")
    )
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    credentials: Credentials,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, credentials, move |s| s.create_selection(body)).await?;
    let location = format!("/api/v1/selections/{}", view.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(view),
    ))
}

/// One selection with its projects (unpublished ones for the secretariat only).
#[utoipa::path(
    get,
    path = "/selections/{id}",
    operation_id = "show_selection",
    tag = SELECTIONS,
    params(IdPath),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The selection", body = SelectionView),
        (status = 401, description = "A bad key")
    )
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<impl IntoResponse, ApiError> {
    let view = read(&state, credentials, move |s, secretariat| {
        s.selection(&id, secretariat)
    })
    .await?;
    Ok(Json(view))
}

/// Replaces a selection's description (and items, if given).
#[utoipa::path(
    put,
    path = "/selections/{id}",
    operation_id = "update_selection",
    tag = SELECTIONS,
    params(IdPath),
    request_body = SelectionBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The selection as it is now", body = SelectionView),
        KeyRefused,
        NotJson,
        (status = 422, description = "Invalid fields")
    )
)]
pub(crate) async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, credentials, move |s| s.update_selection(&id, body)).await?;
    Ok(Json(view))
}

/// Replaces the ordered items of a selection.
#[utoipa::path(
    put,
    path = "/selections/{id}/items",
    tag = SELECTIONS,
    params(IdPath),
    request_body = Vec<ItemBody>,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The selection as it is now", body = SelectionView),
        KeyRefused,
        NotJson,
        (status = 422, description = "Invalid items, unknown projects, or more than 500")
    )
)]
pub(crate) async fn set_items(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
    ApiJson(body): ApiJson<Value>,
) -> Result<impl IntoResponse, ApiError> {
    let view = write(&state, credentials, move |s| {
        s.set_selection_items(&id, body)
    })
    .await?;
    Ok(Json(view))
}

/// Deletes a selection.
#[utoipa::path(
    delete,
    path = "/selections/{id}",
    operation_id = "delete_selection",
    tag = SELECTIONS,
    params(IdPath),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        KeyRefused
    )
)]
pub(crate) async fn remove(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    credentials: Credentials,
) -> Result<StatusCode, ApiError> {
    write(&state, credentials, move |s| s.delete_selection(&id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `?format=json` (default) or `?format=csv`.
/// A selection with its projects, as JSON or CSV.
#[utoipa::path(
    get,
    path = "/selections/{id}/export",
    operation_id = "export_selection",
    tag = SELECTIONS,
    params(IdPath, FormatParam),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The selection",
            content((SelectionView = "application/json"), (String = "text/csv"))),
        (status = 401, description = "A bad key")
    )
)]
pub(crate) async fn export(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    Query(param): Query<FormatParam>,
    credentials: Credentials,
) -> Result<Response, ApiError> {
    let view = read(&state, credentials, move |s, secretariat| {
        s.selection(&id, secretariat)
    })
    .await?;
    match param.format {
        Some(SelectionFormat::Csv) => Ok(csv_answer(&view, param.bom.unwrap_or(true))?),
        _ => Ok(Json(view).into_response()),
    }
}

/// A selection as a CSV attachment (the API's export and the builder's download), after a
/// UTF-8 byte-order mark when `bom` (for spreadsheets), named after its kind, its title and
/// today.
pub(crate) fn csv_answer(view: &SelectionView, bom: bool) -> Result<Response, ServiceError> {
    let mut body = if bom {
        "\u{feff}".as_bytes().to_vec()
    } else {
        Vec::new()
    };
    body.extend(selection_csv(view)?);
    let today = chrono::Utc::now().date_naive();
    let filename = csv_filename(view, today);
    Ok(attachment("text/csv; charset=utf-8", &filename, body))
}

/// Most characters of the title in a CSV file's name.
const TITLE_SLUG_CHARS: usize = 40;

/// `selection-<kind>-<title slug>-<date>.csv`, in ASCII: the title's letters without their
/// accents and its digits, lowercase, joined by hyphens and cut at a word; the id when the
/// title has none of them.
fn csv_filename(view: &SelectionView, day: chrono::NaiveDate) -> String {
    let plain: String = view.fields.title.nfkd().filter(char::is_ascii).collect();
    let words = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let mut slug = String::new();
    for word in words {
        if !slug.is_empty() && slug.len() + 1 + word.len() > TITLE_SLUG_CHARS {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word[..word.len().min(TITLE_SLUG_CHARS)]);
    }
    if slug.is_empty() {
        slug = view.id.to_string();
    }
    let kind = view.fields.kind.code().replace('_', "-");
    format!("selection-{kind}-{slug}-{day}.csv")
}
