//! `GET /export`: projects as NDJSON, CSV or JSON with the search filters, streamed as they
//! are read. The secretariat's export holds every state and the contact details; anyone
//! else's, published projects and public fields.

use axum::extract::State;
use axum::response::Response;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::openapi::{ExportRecord, FilterParams, SEARCH};
use crate::http::query::{flag, invalid, FilterPairs, Query, QueryParams};
use crate::http::stream::{attachment, streamed, Budget};
use crate::http::{on_service, AppState};
use crate::model::Language;
use crate::service::{export_filters, ExportFormat, ExportOptions, ServiceError};

/// `format`, `bom`, `labels` and `lang` of an export; the other parameters are the search
/// filters.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExportParams {
    /// The format.
    #[param(inline)]
    format: Option<crate::service::ExportFormat>,
    /// A UTF-8 byte-order mark before CSV, for spreadsheets (true by default; `false` leaves
    /// it out).
    bom: Option<bool>,
    /// In CSV, a `<column>_label` column after each coded column (Action Lines, SDGs,
    /// countries, stakeholder type, scope, status, state) with its labels.
    labels: Option<bool>,
    /// The language of the labels (en by default).
    lang: Option<Language>,
    /// The search filters.
    #[param(ignore)]
    filters: FilterPairs,
}

impl QueryParams for ExportParams {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        match key {
            "format" => {
                let bad = || format!("'format' must be ndjson, csv or json, not '{value}'");
                self.format = Some(ExportFormat::parse(&value).ok_or_else(|| invalid(key, bad()))?)
            }
            "bom" => self.bom = Some(flag(key, &value)?),
            "labels" => self.labels = Some(flag(key, &value)?),
            "lang" => {
                let bad = || format!("'lang' must be one of {}", Language::expected());
                self.lang = Some(Language::parse(&value).ok_or_else(|| invalid(key, bad()))?)
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn other(&mut self, key: String, value: String) -> Result<(), ApiError> {
        self.filters.push(key, value);
        Ok(())
    }
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
    Query(params): Query<ExportParams>,
    credentials: Credentials,
) -> Result<Response, ApiError> {
    let filters = export_filters(params.filters.pairs()).map_err(ServiceError::from)?;
    let secretariat =
        on_service(&state, move |s| Ok(credentials.caller(s)?.is_secretariat())).await?;
    let format = params.format.unwrap_or(ExportFormat::Ndjson);
    let options = ExportOptions {
        format,
        filters,
        secretariat,
        bom: params.bom.unwrap_or(true),
        labels: match params.labels {
            Some(true) => Some(params.lang.unwrap_or(Language::En)),
            _ => None,
        },
    };
    let budget = match secretariat {
        true => Budget::Secretariat,
        false => Budget::Public,
    };
    let turn = state.stream_budgets.turn(budget).await?;
    let body = streamed(&state.service, turn, move |service, out| {
        service.export(&options, out).map(|_| ())
    });
    let today = chrono::Utc::now().date_naive();
    let filename = format!("wsis-stocktaking-{today}.{}", format.extension());
    Ok(attachment(format.content_type(), &filename, body))
}
