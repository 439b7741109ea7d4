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
use crate::http::openapi::responses::KeyRefused;
use crate::http::openapi::SECRETARIAT;
use crate::http::query::{self, flag, invalid, QueryParams};
use crate::http::{on_service, AppState};
use crate::model::mapping::Mapping;
use crate::service::{records, Format, ImportOptions, ImportReport};

/// The options of an import.
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ImportParams {
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

impl QueryParams for ImportParams {
    /// `map` and `set` add up; of the others the first value counts (a later empty one is
    /// let through by the repeated-parameter check).
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        let first = match key {
            "format" => self.format.is_none(),
            "publish" => self.publish.is_none(),
            "dry_run" => self.dry_run.is_none(),
            "suggest_tags" => self.suggest_tags.is_none(),
            _ => true,
        };
        if !first {
            return Ok(true);
        }
        match key {
            "format" => self.format = Some(format_param(&value)?),
            "map" => self.map.get_or_insert_with(Vec::new).push(value),
            "set" => self.set.get_or_insert_with(Vec::new).push(value),
            "publish" => self.publish = Some(flag(key, &value)?),
            "dry_run" => self.dry_run = Some(flag(key, &value)?),
            "suggest_tags" => self.suggest_tags = Some(flag(key, &value)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Imports pass other parameters by.
    fn other(&mut self, _key: String, _value: String) -> Result<(), ApiError> {
        Ok(())
    }
}

impl ImportParams {
    /// The options; a bad `map` or `set` spec is a 400 naming it.
    fn options(&self) -> Result<ImportOptions, ApiError> {
        let (maps, sets) = (self.map.clone(), self.set.clone());
        let mapping = Mapping::parse(&maps.unwrap_or_default(), &sets.unwrap_or_default())
            .map_err(|message| {
                let param = if message.starts_with("--set") {
                    "set"
                } else {
                    "map"
                };
                invalid(param, message.replace("--", ""))
            })?;
        Ok(ImportOptions {
            publish: self.publish.unwrap_or(false),
            dry_run: self.dry_run.unwrap_or(false),
            mapping,
            suggest_tags: self.suggest_tags.unwrap_or(false),
        })
    }
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

/// `format=ndjson|csv`.
fn format_param(name: &str) -> Result<Format, ApiError> {
    Format::parse(name).ok_or_else(|| {
        invalid(
            "format",
            format!("'format' must be ndjson or csv, not '{name}'"),
        )
    })
}

/// The format: the `format` parameter, else the body's content type.
fn format(given: Option<Format>, headers: &HeaderMap) -> Result<Format, ApiError> {
    if let Some(format) = given {
        return Ok(format);
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
        Err(invalid(
            "format",
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
        KeyRefused
    )
)]
pub(crate) async fn import(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    credentials: Credentials,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ImportAnswer>, ApiError> {
    on_service(&state, move |s| credentials.secretariat_editor(s)).await?;
    let params: ImportParams = query::read(query.as_deref())?;
    let options = params.options()?;
    let format = format(params.format, &headers)?;
    let dry_run = options.dry_run;
    let stream = body
        .into_data_stream()
        .map(|chunk| chunk.map_err(std::io::Error::other));
    let reader = BufReader::with_capacity(1 << 16, SyncIoBridge::new(StreamReader::new(stream)));
    let report = on_service(&state, move |s| {
        s.import(records(format, reader), &options, &mut ())
    })
    .await?;
    Ok(Json(ImportAnswer { report, dry_run }))
}
