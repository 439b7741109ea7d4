//! `POST /import`: the command line's import for a running server (secretariat keys that
//! may change things). The body is NDJSON or CSV, read as it arrives; the options are query
//! parameters: `format`, `map` and `set` (repeatable), `publish`, `dry_run`. The answer is
//! the import report: counts and every rejected record with its line and field.

use std::io::BufReader;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::Json;
use serde::Serialize;
use tokio_stream::StreamExt;
use tokio_util::io::{StreamReader, SyncIoBridge};

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::openapi::SECRETARIAT;
use crate::http::{on_service, AppState};
use crate::model::mapping::Mapping;
use crate::service::{records, Format, ImportOptions, ImportReport};

/// The options of an import.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
// Describes parameters the handler reads by hand: OpenAPI only.
#[allow(dead_code)]
struct ImportParams {
    /// The body's format (else its content type tells).
    #[param(inline)]
    format: Option<crate::service::Format>,
    /// Column mappings `field=column` (repeatable).
    map: Option<Vec<String>>,
    /// Fixed values `field=value` (repeatable).
    set: Option<Vec<String>>,
    /// Publish the imported records at once.
    publish: Option<bool>,
    /// Check every record, store nothing.
    dry_run: Option<bool>,
    /// Fill missing Action Lines and SDGs with the suggester's confident picks.
    suggest_tags: Option<bool>,
}

/// The answer of an import: the report, and whether it was a dry run.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ImportAnswer {
    /// Counts and rejected records.
    #[serde(flatten)]
    pub report: ImportReport,
    /// Nothing was stored.
    pub dry_run: bool,
}

fn flag(pairs: &[(String, String)], name: &str) -> Result<bool, ApiError> {
    match pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
    {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ApiError::bad_parameter(
            name,
            "invalid_parameter",
            format!("'{name}' must be true or false, not '{other}'"),
        )),
    }
}

/// The format: the `format` parameter, else the body's content type.
fn format(pairs: &[(String, String)], headers: &HeaderMap) -> Result<Format, ApiError> {
    if let Some((_, name)) = pairs.iter().find(|(k, _)| k == "format") {
        return Format::parse(name).ok_or_else(|| {
            ApiError::bad_parameter(
                "format",
                "invalid_parameter",
                format!("'format' must be ndjson or csv, not '{name}'"),
            )
        });
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("text/csv") {
        Ok(Format::Csv)
    } else if content_type.starts_with("application/x-ndjson")
        || content_type.starts_with("application/json")
    {
        Ok(Format::Ndjson)
    } else {
        Err(ApiError::bad_parameter(
            "format",
            "invalid_parameter",
            "give 'format' (ndjson or csv) or a content type of text/csv or application/x-ndjson",
        ))
    }
}

/// Bulk import of NDJSON or CSV, read as it arrives; the answer is the import report.
#[utoipa::path(
    post,
    path = "/import",
    tag = SECRETARIAT,
    params(ImportParams),
    request_body(content(
        (String = "application/x-ndjson"),
        (String = "text/csv")
    ), description = "One record a line (NDJSON) or a CSV file with a header row"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The import report", body = ImportAnswer),
        (status = 401, description = "No or a bad key"),
        (status = 403, description = "A read-only key")
    )
)]
pub(crate) async fn import(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ImportAnswer>, ApiError> {
    let credentials = Credentials::from_headers(&headers);
    on_service(&state, move |s| credentials.secretariat_editor(s)).await?;
    let pairs = query_pairs(query.as_deref());
    let mapping = Mapping::from_params(&pairs).map_err(|message| {
        let param = if message.starts_with("--set") {
            "set"
        } else {
            "map"
        };
        ApiError::bad_parameter(param, "invalid_parameter", message.replace("--", ""))
    })?;
    let options = ImportOptions {
        publish: flag(&pairs, "publish")?,
        dry_run: flag(&pairs, "dry_run")?,
        mapping,
        suggest_tags: flag(&pairs, "suggest_tags")?,
    };
    let format = format(&pairs, &headers)?;
    let dry_run = options.dry_run;
    let stream = body
        .into_data_stream()
        .map(|chunk| chunk.map_err(std::io::Error::other));
    let reader = SyncIoBridge::new(StreamReader::new(stream));
    let report = on_service(&state, move |s| {
        s.import(
            records(format, BufReader::with_capacity(1 << 16, reader)),
            &options,
            &mut (),
        )
    })
    .await
    .map_err(ApiError::from)?;
    Ok(Json(ImportAnswer { report, dry_run }))
}
