//! Reading import files one record at a time (constant memory): NDJSON lines, or CSV rows
//! as objects keyed by the header. Each record carries its line numbers in the file, and an
//! unreadable one its problem ([`LineError`], which imports also use for refused records).

use std::cell::Cell;
use std::io::{BufRead, Read};
use std::path::Path;
use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value};

use super::csv_cells::restore;
use crate::model::text::strip_unsafe;

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

/// One record of a file: the lines it spans, and the object or why it could not be read.
pub struct Record {
    /// 1-based line number (for CSV, the line the row starts on).
    pub line: usize,
    /// The last line of the record (a CSV row with quoted line breaks spans several).
    pub last_line: usize,
    /// The record, or the reason it is unreadable.
    pub value: Result<Value, LineError>,
}

/// One rejected line.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// 1-based line number (where the record starts).
    pub line: usize,
    /// The last line of a record that spans several (a CSV row with quoted line breaks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_line: Option<usize>,
    /// The bad field (or `line` when the line is not a JSON object).
    pub field: String,
    /// Machine-readable code.
    pub code: String,
    /// What is wrong (control and bidirectional formatting characters of quoted values
    /// removed, so a report is safe on a terminal).
    pub message: String,
}

impl LineError {
    /// A problem at a line.
    pub fn new(line: usize, field: &str, code: &str, message: impl Into<String>) -> LineError {
        LineError {
            line,
            last_line: None,
            field: field.to_string(),
            code: code.to_string(),
            message: strip_unsafe(&message.into()).into_owned(),
        }
    }

    /// The problems of a record refused by the validation, at its line.
    pub fn from_validation(line: usize, errors: crate::model::ValidationErrors) -> Vec<LineError> {
        errors
            .0
            .into_iter()
            .map(|e| LineError::new(line, &e.field, e.code, e.message))
            .collect()
    }

    /// The same problem, for a record that spans lines `line` to `last_line`.
    pub fn spanning(mut self, last_line: usize) -> LineError {
        if last_line > self.line {
            self.last_line = Some(last_line);
            self.message = format!(
                "{} (the record spans lines {}–{last_line}: is a quote left open?)",
                self.message, self.line
            );
        }
        self
    }
}

fn unreadable(line: usize, code: &str, message: String) -> Record {
    Record {
        line,
        last_line: line,
        value: Err(LineError::new(line, "line", code, message)),
    }
}

/// Longest line of an import file, in bytes: a longer one stops the import there (no
/// record is anywhere near it: a description has at most 20,000 characters).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The records of an input, read lazily, and the physical lines read so far.
pub struct Records<'a> {
    inner: Box<dyn Iterator<Item = Record> + 'a>,
    lines: Rc<Cell<usize>>,
}

impl Records<'_> {
    /// Physical lines read so far (all of them once the records are exhausted): blank
    /// lines, header and the lines inside quoted CSV cells included.
    pub fn lines(&self) -> usize {
        self.lines.get()
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.inner.next()
    }
}

/// The records of an input in a format, read lazily.
pub fn records<'a>(format: Format, input: impl BufRead + 'a) -> Records<'a> {
    let lines = Rc::new(Cell::new(0));
    let inner: Box<dyn Iterator<Item = Record> + 'a> = match format {
        Format::Ndjson => Box::new(ndjson(input, lines.clone())),
        Format::Csv => Box::new(csv_rows(
            LineLimited::new(input, MAX_LINE_BYTES, lines.clone()),
            lines.clone(),
        )),
    };
    Records { inner, lines }
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
/// bounded whatever the input. It counts the lines it has passed on.
struct LineLimited<R> {
    inner: R,
    max: usize,
    /// Bytes of the current line read so far.
    run: usize,
    /// 1-based number of the current line.
    line: usize,
    /// Lines passed on: complete ones, and the current one once it has a byte.
    lines: Rc<Cell<usize>>,
    /// Where the newline is in the slice `fill_buf` last gave, if it holds one.
    newline_at: Option<usize>,
    failed: bool,
}

impl<R: BufRead> LineLimited<R> {
    fn new(inner: R, max: usize, lines: Rc<Cell<usize>>) -> LineLimited<R> {
        LineLimited {
            inner,
            max,
            run: 0,
            line: 1,
            lines,
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
        if n > 0 && self.run == 0 {
            // The first byte of a line.
            self.lines.set(self.line);
        }
        match self.newline_at.take() {
            Some(i) if n > i => {
                self.run = n - i - 1;
                self.line += 1;
                if self.run > 0 {
                    self.lines.set(self.line);
                }
            }
            at => {
                self.newline_at = at.map(|i| i - n);
                self.run += n;
            }
        }
        self.inner.consume(n);
    }
}

/// The lines of an input as bytes, ended by `\n`, `\r\n` or a lone `\r`, each at most
/// `max` bytes (a longer one fails, and every read after it).
struct Lines<R> {
    input: R,
    max: usize,
    /// Lines returned so far.
    count: Rc<Cell<usize>>,
    /// The last line ended with `\r`: a `\n` right after it belongs to that end.
    after_cr: bool,
    failed: bool,
}

impl<R: BufRead> Lines<R> {
    /// The next line into `out` (cleared first); `false` at the end of the input.
    fn next_line(&mut self, out: &mut Vec<u8>) -> std::io::Result<bool> {
        out.clear();
        let line = self.count.get() + 1;
        if self.failed {
            return Err(LineTooLong::io(line, self.max));
        }
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                if out.is_empty() {
                    return Ok(false);
                }
                self.count.set(line);
                return Ok(true);
            }
            if self.after_cr && buf[0] == b'\n' {
                self.input.consume(1);
                self.after_cr = false;
                continue;
            }
            self.after_cr = false;
            let end = buf.iter().position(|&b| b == b'\n' || b == b'\r');
            let take = end.unwrap_or(buf.len());
            if out.len() + take > self.max {
                self.failed = true;
                return Err(LineTooLong::io(line, self.max));
            }
            out.extend_from_slice(&buf[..take]);
            match end {
                Some(i) => {
                    self.after_cr = buf[i] == b'\r';
                    self.input.consume(i + 1);
                    self.count.set(line);
                    return Ok(true);
                }
                None => self.input.consume(take),
            }
        }
    }
}

fn ndjson(input: impl BufRead, count: Rc<Cell<usize>>) -> impl Iterator<Item = Record> {
    let mut lines = Lines {
        input,
        max: MAX_LINE_BYTES,
        count,
        after_cr: false,
        failed: false,
    };
    let mut bytes = Vec::new();
    let mut stopped = false;
    std::iter::from_fn(move || loop {
        // A read error (a cut stream, a disk fault) ends the import: reported once.
        if stopped {
            return None;
        }
        let number = lines.count.get() + 1;
        match lines.next_line(&mut bytes) {
            Err(e) => {
                stopped = true;
                return Some(unreadable(
                    number,
                    read_error_code(&e),
                    format!("cannot read line {number}, the import stops here: {e}"),
                ));
            }
            Ok(false) => return None,
            Ok(true) => {
                if let Some(record) = ndjson_line(number, &bytes) {
                    return Some(record);
                }
            }
        }
    })
}

/// The record on one NDJSON line, if the line holds one.
fn ndjson_line(number: usize, bytes: &[u8]) -> Option<Record> {
    // A UTF-8 byte-order mark may open the file, as spreadsheets write it.
    let bytes = match number {
        1 => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
        _ => bytes,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Some(unreadable(
                number,
                "invalid_utf8",
                format!(
                    "line {number} is not valid UTF-8 (at byte {}); the line is skipped",
                    e.valid_up_to() + 1
                ),
            ))
        }
    };
    // A JSON array written one record a line (our JSON export) reads as NDJSON: its
    // brackets and separating commas are skipped.
    let text = text.trim();
    let text = text.strip_suffix(',').unwrap_or(text);
    if text.is_empty() || text == "[" || text == "]" {
        return None;
    }
    Some(match serde_json::from_str::<Value>(text) {
        Ok(value) => Record {
            line: number,
            last_line: number,
            value: Ok(value),
        },
        Err(e) => unreadable(number, "malformed_json", format!("not valid JSON: {e}")),
    })
}

/// The header of a CSV file, or the record that says why it cannot be read.
fn csv_header<R: Read>(reader: &mut csv::Reader<R>) -> Result<Vec<String>, Record> {
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|s| restore(s.trim_start_matches('\u{feff}').trim()).to_string())
            .collect(),
        Err(e) => {
            return Err(unreadable(
                1,
                "malformed_csv",
                format!("cannot read the header row: {e}"),
            ))
        }
    };
    let duplicate = headers
        .iter()
        .enumerate()
        .find(|(i, name)| !name.is_empty() && headers[..*i].contains(name));
    match duplicate {
        Some((_, name)) => Err(unreadable(
            1,
            "malformed_csv",
            format!("the header names the column '{name}' twice; the file is not read"),
        )),
        None => Ok(headers),
    }
}

/// Where a CSV reader is, for quotes: at a cell's start, in an unquoted cell, in a quoted
/// cell, or just after a quote inside a quoted cell (an escaped quote or the closing one).
#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    CellStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// A reader that follows the CSV quoting of the bytes passing through it, as the `csv`
/// crate reads them (a quote inside an unquoted cell is a plain character), and says
/// whether the text so far ends inside a quoted cell.
struct Quotes<R> {
    inner: R,
    state: QuoteState,
    open: Rc<Cell<bool>>,
}

impl<R: Read> Read for Quotes<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        use QuoteState::*;
        let n = self.inner.read(out)?;
        for &b in &out[..n] {
            self.state = match (self.state, b) {
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (QuoteInQuoted, b'"') | (CellStart, b'"') => Quoted,
                (_, b',' | b'\n' | b'\r') => CellStart,
                _ => Unquoted,
            };
        }
        self.open.set(self.state == Quoted);
        Ok(n)
    }
}

fn csv_rows<R: Read>(input: R, lines: Rc<Cell<usize>>) -> impl Iterator<Item = Record> {
    let open = Rc::new(Cell::new(false));
    let followed = Quotes {
        inner: input,
        state: QuoteState::CellStart,
        open: open.clone(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(followed);
    let mut header = Some(csv_header(&mut reader));
    let mut headers = Vec::new();
    let mut ended = false;
    let mut row = csv::StringRecord::new();
    // One record is read ahead: only at the end of the file is it known whether the last
    // one ran into it inside a quote.
    let mut ready: std::collections::VecDeque<Record> = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        match header.take() {
            Some(Err(bad)) => {
                ended = true;
                return Some(bad);
            }
            Some(Ok(h)) => headers = h,
            None => {}
        }
        while !ended && ready.len() < 2 {
            match reader.read_record(&mut row) {
                Ok(false) => {
                    ended = true;
                    if open.get() {
                        if let Some(last) = ready.back_mut() {
                            open_quote(last);
                        }
                    }
                }
                Ok(true) => ready.extend(csv_record(&headers, &row, lines.get())),
                Err(e) => {
                    let line = e
                        .position()
                        .map_or_else(|| lines.get().max(1), |p| p.line() as usize);
                    if let csv::ErrorKind::Io(io) = e.kind() {
                        ended = true;
                        ready.push_back(unreadable(
                            line,
                            read_error_code(io),
                            format!("cannot read the file, the import stops here: {e}"),
                        ));
                    } else {
                        ready.push_back(unreadable(
                            line,
                            "malformed_csv",
                            format!("not a valid CSV row: {e}"),
                        ));
                    }
                }
            }
        }
        ready.pop_front()
    })
}

/// The last record of a file that ends inside a quoted cell: when it spans several lines,
/// a quote opened in it swallowed the lines after it, and it is refused.
fn open_quote(record: &mut Record) {
    if record.last_line > record.line && record.value.is_ok() {
        let (line, last) = (record.line, record.last_line);
        let mut problem = LineError::new(
            line,
            "line",
            "unterminated_quote",
            format!("a quote opened on line {line} is never closed: the record runs to the end of the file, swallowing lines {}–{last}", line + 1),
        );
        problem.last_line = Some(last);
        record.value = Err(problem);
    }
}

/// A CSV row as an object keyed by the header, with the lines it spans (at most `read`,
/// the lines read so far); `None` for a blank row.
fn csv_record(headers: &[String], row: &csv::StringRecord, read: usize) -> Option<Record> {
    if row.iter().all(|cell| cell.trim().is_empty()) {
        return None;
    }
    let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
    // Line breaks inside quoted cells make the row span more lines (a quote left open
    // takes the end of the file's last line too).
    let breaks: usize = row.iter().map(|cell| cell.matches('\n').count()).sum();
    let last_line = (line + breaks).min(read.max(line));
    if row.len() > headers.len() {
        let mut record = unreadable(
            line,
            "malformed_csv",
            format!(
                "the row has {} cells but the header names {} columns",
                row.len(),
                headers.len()
            ),
        );
        record.last_line = last_line;
        return Some(record);
    }
    let object = headers
        .iter()
        .zip(row.iter())
        .map(|(name, cell)| (name.clone(), Value::from(restore(cell.trim()))))
        .collect::<Map<String, Value>>();
    Some(Record {
        line,
        last_line,
        value: Ok(Value::Object(object)),
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
        let mut input = LineLimited::new("abc\ndefg\nhi".as_bytes(), 4, Rc::default());
        let mut out = String::new();
        assert!(input.read_to_string(&mut out).is_ok());
        assert_eq!(out, "abc\ndefg\nhi");
        let mut input = LineLimited::new("abc\ndefgh\n".as_bytes(), 4, Rc::default());
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

    /// Each record's first and last line and value (or error code).
    type Spanned = (usize, usize, Result<Value, String>);

    fn spans(format: Format, text: &[u8]) -> (Vec<Spanned>, usize) {
        let mut records = records(format, text);
        let got = records
            .by_ref()
            .map(|r| (r.line, r.last_line, r.value.map_err(|e| e.code)))
            .collect();
        (got, records.lines())
    }

    #[test]
    fn an_open_quote_makes_one_record_of_the_lines_it_swallows_and_lines_are_counted() {
        let text = "title,organization\nA,B\n\"C open,D\nE,F\nG,H\n";
        let (got, lines) = spans(Format::Csv, text.as_bytes());
        assert_eq!(lines, 5);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (2, 2));
        assert_eq!((got[1].0, got[1].1), (3, 5));
        assert_eq!(got[1].2, Err("unterminated_quote".to_string()));
        // A quoted line break that is closed spans exactly its lines.
        let (got, lines) = spans(Format::Csv, b"t,d\n\"a\nb\",x\nc,y");
        assert_eq!(lines, 4);
        assert_eq!(
            got.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(),
            [(2, 3), (4, 4)]
        );
    }

    #[test]
    fn a_file_that_ends_inside_a_quote_refuses_the_record_that_swallowed_the_rest() {
        // The open quote is in a description, which may span lines: only the end of the
        // file inside the quote tells.
        let text = "title,description\nA,fine\nB,\"open\nC,swallowed\nD,too\n";
        let (got, lines) = spans(Format::Csv, text.as_bytes());
        assert_eq!(lines, 5);
        assert_eq!(got.len(), 2);
        assert!(got[0].2.is_ok());
        assert_eq!((got[1].0, got[1].1), (3, 5));
        assert_eq!(got[1].2, Err("unterminated_quote".to_string()));
        // A stray quote inside an unquoted cell, and quotes that close, are fine.
        let (got, _) = spans(
            Format::Csv,
            b"title,size\nTV,12\" screen\nB,\"two\nlines\"\n",
        );
        assert!(got.iter().all(|r| r.2.is_ok()), "{got:?}");
    }

    #[test]
    fn ndjson_takes_a_byte_order_mark_every_line_end_and_skips_only_bad_utf8() {
        let (got, lines) = spans(
            Format::Ndjson,
            b"\xEF\xBB\xBF{\"a\": 1}\r{\"b\": 2}\r\n{\"c\": \"\xFF\"}\n\r\n{\"d\": 4}",
        );
        assert_eq!(
            got,
            vec![
                (1, 1, Ok(json!({"a": 1}))),
                (2, 2, Ok(json!({"b": 2}))),
                (3, 3, Err("invalid_utf8".into())),
                (5, 5, Ok(json!({"d": 4}))),
            ]
        );
        assert_eq!(lines, 5);
        // A lone \r at the end of a read does not end two lines with the \n after it.
        let input = std::io::BufReader::with_capacity(8, &b"{\"a\": 1}\r\n{\"b\": 2}\n"[..]);
        let numbers: Vec<usize> = records(Format::Ndjson, input).map(|r| r.line).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn formula_guards_of_our_exports_come_off_on_import() {
        let (got, _) = spans(Format::Csv, b"title,note\n'=1+1,'Smart' villages\n");
        assert_eq!(
            got[0].2,
            Ok(json!({"title": "=1+1", "note": "'Smart' villages"}))
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
