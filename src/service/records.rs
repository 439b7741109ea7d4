//! Reading import files one record at a time (constant memory): NDJSON lines, or CSV rows
//! as objects keyed by the header. Each record carries its line number in the file.

use std::io::BufRead;
use std::path::Path;

use serde_json::{Map, Value};

use super::import::LineError;

/// The format of an import file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

impl Format {
    /// The format a name gives (`ndjson`, `jsonl`, `json`, `csv`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "ndjson" | "jsonl" | "json" => Some(Format::Ndjson),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format a file's extension gives.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
    }
}

/// One record of a file: its line number, and the object or why it could not be read.
pub struct Record {
    /// 1-based line number (for CSV, the line the row starts on).
    pub line: usize,
    /// The record, or the reason it is unreadable.
    pub value: Result<Value, LineError>,
}

fn unreadable(line: usize, code: &str, message: String) -> Record {
    Record {
        line,
        value: Err(LineError {
            line,
            field: "line".into(),
            code: code.into(),
            message,
        }),
    }
}

/// The records of an input in a format, read lazily.
pub fn records<'a>(
    format: Format,
    input: impl BufRead + 'a,
) -> Box<dyn Iterator<Item = Record> + 'a> {
    match format {
        Format::Ndjson => Box::new(ndjson(input)),
        Format::Csv => Box::new(csv_rows(input)),
    }
}

fn ndjson(input: impl BufRead) -> impl Iterator<Item = Record> {
    input.lines().enumerate().filter_map(|(i, line)| {
        let number = i + 1;
        match line {
            Err(e) => Some(unreadable(
                number,
                "unreadable_line",
                format!("cannot read line: {e}"),
            )),
            Ok(line) if line.trim().is_empty() => None,
            Ok(line) => Some(match serde_json::from_str::<Value>(&line) {
                Ok(value) => Record {
                    line: number,
                    value: Ok(value),
                },
                Err(e) => unreadable(number, "malformed_json", format!("not valid JSON: {e}")),
            }),
        }
    })
}

fn csv_rows(input: impl BufRead) -> impl Iterator<Item = Record> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers: Result<Vec<String>, String> = reader
        .headers()
        .map(|h| {
            h.iter()
                .map(|s| s.trim_start_matches('\u{feff}').to_string())
                .collect()
        })
        .map_err(|e| e.to_string());
    let mut failed_header = match &headers {
        Err(e) => Some(unreadable(
            1,
            "malformed_csv",
            format!("cannot read the header row: {e}"),
        )),
        Ok(_) => None,
    };
    let headers = headers.unwrap_or_default();
    let mut rows = reader.into_records();
    std::iter::from_fn(move || {
        if let Some(bad) = failed_header.take() {
            return Some(bad);
        }
        if headers.is_empty() {
            return None;
        }
        loop {
            let row = rows.next()?;
            return Some(match row {
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                    unreadable(line, "malformed_csv", format!("not a valid CSV row: {e}"))
                }
                Ok(row) => {
                    if row.iter().all(str::is_empty) {
                        continue;
                    }
                    let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
                    let mut object = Map::new();
                    for (name, value) in headers.iter().zip(row.iter()) {
                        object.insert(name.clone(), Value::from(value));
                    }
                    Record {
                        line,
                        value: Ok(Value::Object(object)),
                    }
                }
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(format: Format, text: &str) -> Vec<(usize, Result<Value, String>)> {
        records(format, text.as_bytes())
            .map(|r| (r.line, r.value.map_err(|e| e.code)))
            .collect()
    }

    #[test]
    fn csv_rows_become_objects_with_their_line_numbers() {
        let text =
            "\u{feff}Project,Country\n\"Clinic, vans\",Kenya\n\"Two\nlines\",Uganda\nOnly one,\n";
        assert_eq!(
            read(Format::Csv, text),
            vec![
                (
                    2,
                    Ok(json!({"Project": "Clinic, vans", "Country": "Kenya"}))
                ),
                (3, Ok(json!({"Project": "Two\nlines", "Country": "Uganda"}))),
                (5, Ok(json!({"Project": "Only one", "Country": ""}))),
            ]
        );
    }

    #[test]
    fn ndjson_lines_keep_their_numbers_and_bad_lines_are_named() {
        let text = "{\"a\": 1}\n\nnot json\n{\"b\": 2}\n";
        assert_eq!(
            read(Format::Ndjson, text),
            vec![
                (1, Ok(json!({"a": 1}))),
                (3, Err("malformed_json".into())),
                (4, Ok(json!({"b": 2}))),
            ]
        );
    }

    #[test]
    fn formats_come_from_names_and_extensions() {
        assert_eq!(
            Format::of_path(Path::new("x/registry.CSV")),
            Some(Format::Csv)
        );
        assert_eq!(Format::of_path(Path::new("a.jsonl")), Some(Format::Ndjson));
        assert_eq!(Format::of_path(Path::new("a.xlsx")), None);
    }
}
