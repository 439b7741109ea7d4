//! `GET /export`: projects as NDJSON, CSV or JSON with the search filters, streamed as they
//! are read. The secretariat's export holds every state and the contact details; anyone
//! else's, published projects and public fields.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::openapi::{ExportRecord, FilterParams, SEARCH};
use crate::http::stream::{streamed, Budget};
use crate::http::{on_service, AppState};
use crate::model::SearchRequest;
use crate::service::{ExportFormat, ExportOptions};

/// `format` and `bom` of an export.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
// Describes parameters the handler reads by hand: OpenAPI only.
#[allow(dead_code)]
struct ExportParams {
    /// The format.
    #[param(inline)]
    format: Option<crate::service::ExportFormat>,
    /// A UTF-8 byte-order mark before CSV, for spreadsheets.
    bom: Option<bool>,
}

/// Every project that passes the filters, streamed: published ones with public fields, or
/// (for the secretariat) every state with the contact.
#[utoipa::path(
    get,
    path = "/export",
    operation_id = "export_projects",
    tag = SEARCH,
    params(ExportParams, FilterParams),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The projects",
            content(
                (ExportRecord = "application/x-ndjson"),
                (String = "text/csv"),
                (Vec<ExportRecord> = "application/json")
            )),
        (status = 401, description = "A bad key")
    )
)]
pub(crate) async fn export(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut pairs = query_pairs(query.as_deref());
    let mut format = ExportFormat::Ndjson;
    let mut bom = false;
    for (key, value) in &pairs {
        match key.as_str() {
            "format" => {
                format = ExportFormat::parse(value).ok_or_else(|| {
                    ApiError::bad_parameter(
                        "format",
                        "invalid_parameter",
                        format!("'format' must be ndjson, csv or json, not '{value}'"),
                    )
                })?
            }
            "bom" => bom = value == "true",
            "q" => {
                return Err(ApiError::bad_parameter(
                    "q",
                    "invalid_parameter",
                    "exports take the search filters but not full text ('q')",
                ))
            }
            _ => {}
        }
    }
    pairs.retain(|(k, _)| k != "format" && k != "bom");
    let request = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(crate::service::ServiceError::from)?;
    let credentials = Credentials::from_headers(&headers);
    let secretariat =
        on_service(&state, move |s| Ok(credentials.caller(s)?.is_secretariat())).await?;
    let options = ExportOptions {
        format,
        filters: request.filters,
        secretariat,
        bom,
    };
    let budget = if secretariat {
        Budget::Secretariat
    } else {
        Budget::Public
    };
    let turn = state.stream_budgets.turn(budget).await?;
    let body = streamed(&state, turn, move |service, out| {
        service.export(&options, out).map(|_| ())
    });
    let disposition = format!("attachment; filename=\"projects.{}\"", format.extension());
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
