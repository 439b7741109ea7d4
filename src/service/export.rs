//! Export: projects as NDJSON, CSV (multi-valued fields joined with `;`, optionally with a
//! UTF-8 byte-order mark for Excel) or a JSON array, written as they are read from the
//! store. Records have the import format, so an export imports back as the same projects.

use std::io::Write;

use serde_json::{Map, Value};

use super::{csv_cells, csv_labels, Service, ServiceError};
use crate::model::validation::SUBMISSION_FIELDS;
use crate::model::{Contact, Filters, Language, ParamError, Project, SearchRequest, State};

/// The format of an export.
#[derive(utoipa::ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[schema(rename_all = "snake_case")]
pub enum ExportFormat {
    /// One JSON object a line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON array.
    Json,
}

impl ExportFormat {
    /// The format a name gives (`ndjson`, `csv`, `json`).
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "ndjson" | "jsonl" => Some(ExportFormat::Ndjson),
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }

    /// The media type of the body.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Ndjson => "application/x-ndjson",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Ndjson => "ndjson",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// The filters of an export, from search parameters: exports take the search filters but
/// not full text (the API's query string and the command line's `--filter` alike).
///
/// # Errors
/// A bad filter, or `q`.
pub fn export_filters<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<Filters, ParamError> {
    if pairs.clone().into_iter().any(|(key, _)| key == "q") {
        return Err(ParamError {
            param: "q".into(),
            code: "invalid_parameter",
            message: "exports take the search filters but not full text ('q')".into(),
        });
    }
    Ok(SearchRequest::from_pairs(pairs)?.filters)
}

/// What to export and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// The format.
    pub format: ExportFormat,
    /// Search filters the projects must pass.
    pub filters: Filters,
    /// The secretariat's export: every state, with contact details. Otherwise published
    /// projects and public fields only.
    pub secretariat: bool,
    /// Start a CSV with a UTF-8 byte-order mark (Excel reads the accents right).
    pub bom: bool,
    /// In a CSV, a label column in this language beside each coded column.
    pub labels: Option<Language>,
}

/// CSV columns, in order: the source id, then a submission's fields (lists joined with
/// `;`).
fn columns() -> impl Iterator<Item = &'static str> {
    std::iter::once("source_id").chain(SUBMISSION_FIELDS)
}

/// Columns added for the secretariat.
const PRIVATE_COLUMNS: [&str; 3] = ["state", "contact.name", "contact.email"];

/// A project as an import record: its fields, its source id (its own id when it has none),
/// and for the secretariat its state and contact.
fn record(project: &Project, secretariat: bool) -> Map<String, Value> {
    let mut map = match serde_json::to_value(&*project.fields.cleaned()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    map.retain(|_, v| !v.is_null());
    let source = project
        .source_id
        .clone()
        .unwrap_or_else(|| project.id.to_string());
    map.insert("source_id".into(), Value::from(source));
    if secretariat {
        map.insert("state".into(), Value::from(project.state.code()));
        if let Some(contact) = project.contact.as_ref().map(Contact::cleaned) {
            map.insert(
                "contact".into(),
                serde_json::json!({"name": contact.name, "email": contact.email}),
            );
        }
    }
    map
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| cell(Some(v)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// A row's cells: each column's, followed by its label where it has codes and labels are
/// asked for.
fn labelled(
    header: &[&str],
    labels: Option<Language>,
    cell: impl Fn(&str) -> String,
    label: impl Fn(&str, Language) -> String,
) -> Vec<String> {
    let mut row = Vec::with_capacity(header.len() * 2);
    for column in header {
        row.push(cell(column));
        if let Some(lang) = labels.filter(|_| csv_labels::label_column(column).is_some()) {
            row.push(label(column, lang));
        }
    }
    row
}

fn io_error(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> ServiceError {
    ServiceError::caused("cannot write the export", e)
}

impl Service {
    /// Writes the projects that pass the options to `out`, in the order they were created;
    /// returns how many.
    ///
    /// # Errors
    /// Storage errors, and a failed write (the reader went away).
    pub fn export(
        &self,
        options: &ExportOptions,
        out: &mut dyn Write,
    ) -> Result<usize, ServiceError> {
        let records = self.store.projects().filter_map(|project| match project {
            Err(e) => Some(Err(ServiceError::from(e))),
            Ok(p) => {
                let visible = options.secretariat || p.state == State::Published;
                (visible && options.filters.accepts(&p, &p.fields))
                    .then(|| Ok(record(&p, options.secretariat)))
            }
        });
        let count = match options.format {
            ExportFormat::Csv => write_csv(records, options, out)?,
            ExportFormat::Json => {
                out.write_all(b"[").map_err(io_error)?;
                let mut count = 0;
                for record in records {
                    if count > 0 {
                        out.write_all(b",").map_err(io_error)?;
                    }
                    out.write_all(b"\n").map_err(io_error)?;
                    serde_json::to_writer(&mut *out, &record?).map_err(io_error)?;
                    count += 1;
                }
                out.write_all(b"\n]\n").map_err(io_error)?;
                count
            }
            ExportFormat::Ndjson => {
                let mut count = 0;
                for record in records {
                    serde_json::to_writer(&mut *out, &record?).map_err(io_error)?;
                    out.write_all(b"\n").map_err(io_error)?;
                    count += 1;
                }
                count
            }
        };
        out.flush().map_err(io_error)?;
        Ok(count)
    }
}

fn write_csv(
    records: impl Iterator<Item = Result<Map<String, Value>, ServiceError>>,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<usize, ServiceError> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
    }
    let mut writer = csv_cells::Writer::new(out);
    let mut header: Vec<&str> = columns().collect();
    if options.secretariat {
        header.extend(PRIVATE_COLUMNS);
    }
    writer
        .row(labelled(
            &header,
            options.labels,
            |c| c.to_string(),
            |c, _| csv_labels::label_column(c).unwrap_or_default(),
        ))
        .map_err(io_error)?;
    let mut count = 0;
    for record in records {
        let record = record?;
        let contact = record.get("contact");
        let value = |column: &str| match column {
            "contact.name" => contact.and_then(|c| c.get("name")),
            "contact.email" => contact.and_then(|c| c.get("email")),
            other => record.get(other),
        };
        let row = labelled(
            &header,
            options.labels,
            |c| cell(value(c)),
            |c, lang| csv_labels::labels_of(c, value(c), lang),
        );
        writer.row(row).map_err(io_error)?;
        count += 1;
    }
    writer.flush().map_err(io_error)?;
    Ok(count)
}
