//! Reading import files one record at a time (constant memory): NDJSON lines, or CSV rows
//! as objects keyed by the header. Each record carries its line number in the file.

use std::io::{BufRead, Read};
use std::path::Path;

use serde_json::{Map, Value};

use super::import::LineError;

/// The format of an import file.
#[derive(utoipa::ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[schema(rename_all = "snake_case")]
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

/// Longest line of an import file, in bytes: a longer one stops the import there (no
/// record is anywhere near it: a description has at most 20,000 characters).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The records of an input in a format, read lazily.
pub fn records<'a>(
    format: Format,
    input: impl BufRead + 'a,
) -> Box<dyn Iterator<Item = Record> + 'a> {
    let input = LineLimited::new(input, MAX_LINE_BYTES);
    match format {
        Format::Ndjson => Box::new(ndjson(input)),
        Format::Csv => Box::new(csv_rows(input)),
    }
}

/// The error of a line longer than the limit.
#[derive(Debug, thiserror::Error)]
#[error("line {line} is longer than {max} bytes")]
pub struct LineTooLong {
    /// 1-based line number.
    pub line: usize,
    /// The limit, in bytes.
    pub max: usize,
}

impl LineTooLong {
    fn io(line: usize, max: usize) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, LineTooLong { line, max })
    }
}

/// The code of a read error: `line_too_long`, or `unreadable_input`.
fn read_error_code(e: &std::io::Error) -> &'static str {
    match e.get_ref().and_then(|r| r.downcast_ref::<LineTooLong>()) {
        Some(_) => "line_too_long",
        None => "unreadable_input",
    }
}

/// A reader that fails, from then on, once a line grows past `max` bytes: memory stays
/// bounded whatever the input.
struct LineLimited<R> {
    inner: R,
    max: usize,
    /// Bytes of the current line read so far.
    run: usize,
    /// 1-based number of the current line.
    line: usize,
    /// Where the newline is in the slice `fill_buf` last gave, if it holds one.
    newline_at: Option<usize>,
    failed: bool,
}

impl<R: BufRead> LineLimited<R> {
    fn new(inner: R, max: usize) -> LineLimited<R> {
        LineLimited {
            inner,
            max,
            run: 0,
            line: 1,
            newline_at: None,
            failed: false,
        }
    }
}

impl<R: BufRead> Read for LineLimited<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineLimited<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.failed {
            return Err(LineTooLong::io(self.line, self.max));
        }
        let room = self.max - self.run;
        let (line, max) = (self.line, self.max);
        let buf = self.inner.fill_buf()?;
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) if i <= room => {
                self.newline_at = Some(i);
                Ok(&buf[..=i])
            }
            _ if room == 0 && !buf.is_empty() => {
                self.failed = true;
                Err(LineTooLong::io(line, max))
            }
            _ => {
                self.newline_at = None;
                Ok(&buf[..room.min(buf.len())])
            }
        }
    }

    fn consume(&mut self, n: usize) {
        match self.newline_at.take() {
            Some(i) if n > i => {
                self.run = n - i - 1;
                self.line += 1;
            }
            at => {
                self.newline_at = at.map(|i| i - n);
                self.run += n;
            }
        }
        self.inner.consume(n);
    }
}

fn ndjson(input: impl BufRead) -> impl Iterator<Item = Record> {
    let mut failed = false;
    input
        .lines()
        .enumerate()
        .map_while(move |(i, line)| {
            // A read error (a cut stream, a disk fault) ends the import: reported once.
            if failed {
                return None;
            }
            let number = i + 1;
            Some(match line {
                Err(e) => {
                    failed = true;
                    Some(unreadable(
                        number,
                        read_error_code(&e),
                        format!("cannot read line {number}, the import stops here: {e}"),
                    ))
                }
                Ok(line) => {
                    // A JSON array written one record a line (our JSON export) reads as
                    // NDJSON: its brackets and separating commas are skipped.
                    let text = line.trim();
                    let text = text.strip_suffix(',').unwrap_or(text);
                    if text.is_empty() || text == "[" || text == "]" {
                        None
                    } else {
                        Some(match serde_json::from_str::<Value>(text) {
                            Ok(value) => Record {
                                line: number,
                                value: Ok(value),
                            },
                            Err(e) => {
                                unreadable(number, "malformed_json", format!("not valid JSON: {e}"))
                            }
                        })
                    }
                }
            })
        })
        .flatten()
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
    let duplicate = headers.as_ref().ok().and_then(|h| {
        h.iter()
            .enumerate()
            .find(|(i, name)| !name.is_empty() && h[..*i].contains(name))
            .map(|(_, name)| name.clone())
    });
    let mut failed_header = match (&headers, duplicate) {
        (Err(e), _) => Some(unreadable(
            1,
            "malformed_csv",
            format!("cannot read the header row: {e}"),
        )),
        (Ok(_), Some(name)) => Some(unreadable(
            1,
            "malformed_csv",
            format!("the header names the column '{name}' twice; the file is not read"),
        )),
        (Ok(_), None) => None,
    };
    let headers = if failed_header.is_some() {
        Vec::new()
    } else {
        headers.unwrap_or_default()
    };
    let mut rows = reader.into_records();
    let mut stopped = false;
    std::iter::from_fn(move || {
        if let Some(bad) = failed_header.take() {
            return Some(bad);
        }
        if headers.is_empty() || stopped {
            return None;
        }
        loop {
            let row = rows.next()?;
            return Some(match row {
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                    if let csv::ErrorKind::Io(io) = e.kind() {
                        stopped = true;
                        unreadable(
                            line,
                            read_error_code(io),
                            format!("cannot read the file, the import stops here: {e}"),
                        )
                    } else {
                        unreadable(line, "malformed_csv", format!("not a valid CSV row: {e}"))
                    }
                }
                Ok(row) => {
                    if row.iter().all(str::is_empty) {
                        continue;
                    }
                    let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
                    if row.len() > headers.len() {
                        return Some(unreadable(
                            line,
                            "malformed_csv",
                            format!(
                                "the row has {} cells but the header names {} columns",
                                row.len(),
                                headers.len()
                            ),
                        ));
                    }
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

    #[test]
    fn a_line_past_the_limit_stops_the_import_there() {
        let ok = format!("{{\"title\": \"{}\"}}", "a".repeat(MAX_LINE_BYTES - 20));
        let long = format!("{{\"title\": \"{}\"}}", "b".repeat(MAX_LINE_BYTES));
        let text = format!("{ok}\n{ok}\n{long}\n{ok}\n");
        let got = read(Format::Ndjson, &text);
        assert_eq!(got.len(), 3, "two records, then the stop");
        assert!(got[0].1.is_ok() && got[1].1.is_ok());
        assert_eq!(got[2], (3, Err("line_too_long".to_string())));

        let csv = format!(
            "title,description\nshort,{}\nnext,{}\n",
            "x".repeat(100),
            "y".repeat(MAX_LINE_BYTES)
        );
        let got = read(Format::Csv, &csv);
        assert_eq!(got.len(), 2);
        assert!(got[0].1.is_ok());
        assert_eq!(got[1].1, Err("line_too_long".to_string()));
    }

    #[test]
    fn the_line_limit_counts_each_line_on_its_own() {
        let mut input = LineLimited::new("abc\ndefg\nhi".as_bytes(), 4);
        let mut out = String::new();
        assert!(input.read_to_string(&mut out).is_ok());
        assert_eq!(out, "abc\ndefg\nhi");
        let mut input = LineLimited::new("abc\ndefgh\n".as_bytes(), 4);
        let mut out = String::new();
        let e = input
            .read_to_string(&mut out)
            .err()
            .map(|e| read_error_code(&e));
        assert_eq!(e, Some("line_too_long"));
    }

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
    fn long_rows_and_repeated_headers_are_refused_and_json_arrays_read() {
        let long = read(Format::Csv, "a,b\n1,2\n1,2,3\n");
        assert_eq!(long[1], (3, Err("malformed_csv".into())));
        let twice = read(Format::Csv, "a,a\n1,2\n");
        assert_eq!(twice, vec![(1, Err("malformed_csv".into()))]);
        let array = read(Format::Ndjson, "[\n{\"a\": 1},\n{\"b\": 2}\n]\n");
        assert_eq!(
            array,
            vec![(2, Ok(json!({"a": 1}))), (3, Ok(json!({"b": 2})))]
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
