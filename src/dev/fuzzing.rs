//! Entry points that drive one fuzz input through the parsers; used by `fuzz/` and
//! `tests/fuzz_regressions.rs`.
//!
//! Each function takes arbitrary bytes, runs them through the same public functions the
//! HTTP layer and the importer use, checks a few invariants that must hold whatever the
//! input, and returns what the parsers said, so a regression test can assert on it.
//!
//! # Panics
//! Every function here panics when an invariant is broken: that is what the fuzzer looks
//! for. A panic inside the library on any input is a bug as well.

use std::cell::RefCell;
use std::collections::HashMap;

use serde_json::{Map, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::model::mapping::Mapping;
use crate::model::{
    parse_submission, Language, ParamError, Scope, SearchRequest, Status, Submission,
    SubmissionKind, TextQuery, ValidationErrors, MAX_RESULT_WINDOW,
};
use crate::search::analysis::{
    folded_analyzer, is_stop_word, language_analyzer, positioned_tokens, tokens, Segmenter,
};
use crate::search::expansion::tag_table;
use crate::search::snippet::Highlighter;
use crate::search::QueryAnalyzers;
use crate::service::{records, Format, LineError};

/// The submission kinds, in the order [`submission`] reports them.
pub const KINDS: [SubmissionKind; 3] = [
    SubmissionKind::Public,
    SubmissionKind::Import,
    SubmissionKind::Revision,
];

/// The analyzers, built once per thread (jieba's dictionary is slow to load).
struct Analyzers {
    query: QueryAnalyzers,
    index: Vec<TextAnalyzer>,
    folded_index: TextAnalyzer,
}

thread_local! {
    static ANALYZERS: RefCell<Analyzers> = RefCell::new(Analyzers {
        query: QueryAnalyzers::default(),
        index: Language::ALL
            .iter()
            .map(|&l| language_analyzer(l, Segmenter::Index))
            .collect(),
        folded_index: folded_analyzer(Segmenter::Index),
    });
}

/// Checks what tantivy needs of an index-time token stream: offsets inside the text on
/// character boundaries, and each term's positions never going back (the postings writer
/// subtracts consecutive positions of a term).
fn check_index_tokens(analyzer: &mut TextAnalyzer, text: &str) {
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        assert!(
            t.offset_from <= t.offset_to
                && t.offset_to <= text.len()
                && text.is_char_boundary(t.offset_from)
                && text.is_char_boundary(t.offset_to),
            "token {:?} has offsets outside {text:?}",
            t.text
        );
        if let Some(&before) = last.get(&t.text) {
            assert!(
                t.position >= before,
                "term {:?} goes back from position {before} to {} in {text:?}",
                t.text,
                t.position
            );
        }
        last.insert(t.text.clone(), t.position);
    }
}

/// Runs text through every analyzer (query and index time, each language and folded),
/// the tag table and the snippet highlighter for `words`.
fn analyse(text: &str, words: &[String]) {
    ANALYZERS.with(|cell| {
        let mut a = cell.borrow_mut();
        for &lang in Language::ALL {
            let _ = tokens(a.query.language(lang), text);
            let index = &mut a.index[lang.index()];
            let _ = positioned_tokens(index, text);
            check_index_tokens(index, text);
        }
        let folded = tokens(a.query.folded(), text);
        for word in &folded {
            let _ = is_stop_word(word);
        }
        for i in 0..folded.len() {
            for (len, _) in tag_table().matches_at(&folded[i..]) {
                assert!(len >= 1 && i + len <= folded.len());
            }
        }
        check_index_tokens(&mut a.folded_index, text);
        if let Some(mut highlighter) = Highlighter::new(a.query.clone(), words.to_vec()) {
            for &lang in Language::ALL {
                if let Some(html) = highlighter.snippet(text, lang) {
                    assert!(html.contains("<mark>"), "a snippet without a mark: {html}");
                }
            }
        }
    });
}

/// The search parser: the input's first line is a query string (`q=...&sdg=3&...`) decoded
/// as `GET /api/v1/search` decodes it; the rest (or the first line when there is no rest)
/// is a document text. The whole first line is also parsed as `q`; every clause and the
/// document are analysed, and the document is highlighted for the clauses.
///
/// Returns what [`SearchRequest::from_pairs`] made of the query string.
pub fn search_query(data: &[u8]) -> Result<SearchRequest, ParamError> {
    let (line, rest) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(line).into_owned().collect();
    let result = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if let Ok(req) = &result {
        assert!((1..=MAX_RESULT_WINDOW).contains(&req.page));
        assert!(req.page.saturating_mul(req.per_page) <= MAX_RESULT_WINDOW);
        let _ = req.offset();
    }

    let raw = String::from_utf8_lossy(line);
    let mut words = Vec::new();
    let mut texts = vec![raw.to_string()];
    let parsed = [
        TextQuery::parse(&raw).ok(),
        result.as_ref().ok().map(|r| r.text.clone()),
    ];
    for query in parsed.into_iter().flatten() {
        for clause in &query.clauses {
            assert!(!clause.text.is_empty(), "an empty clause from {raw:?}");
            if clause.phrase {
                assert_eq!(clause.text.trim(), clause.text, "an untrimmed phrase");
            } else {
                assert!(!clause.text.contains(char::is_whitespace));
            }
            if !clause.negated {
                words.push(clause.text.clone());
            }
            texts.push(clause.text.clone());
        }
        if query.open_end {
            assert!(query
                .clauses
                .last()
                .is_some_and(|c| !c.phrase && !c.negated));
        }
    }
    let document = if rest.is_empty() {
        raw.to_string()
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    texts.push(document.clone());
    for text in texts.iter().take(texts.len() - 1) {
        analyse(text, &[]);
    }
    analyse(&document, &words);
    result
}

/// One record of an import: the submission, or every problem found (its line numbered).
pub type RowResult = Result<Submission, Vec<LineError>>;

/// The import parser: the input's first line holds the import's query parameters as the
/// `POST /api/v1/import` endpoint takes them (`format=csv&map=Project=title&set=covid19=no`;
/// `format` defaults to NDJSON), the rest is the file. Each record is read by
/// [`records`], mapped by [`Mapping::apply`] and validated as an import, as the importer
/// does (without writing, and without tag suggestions, which need an index).
///
/// Returns the mapping error, or the outcome of each record in order.
pub fn import_row(data: &[u8]) -> Result<Vec<RowResult>, String> {
    let (line, file) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(line).into_owned().collect();
    let mapping = Mapping::from_params(&pairs)?;
    let format = pairs
        .iter()
        .find(|(k, _)| k == "format")
        .and_then(|(_, f)| Format::parse(f))
        .unwrap_or(Format::Ndjson);
    let mut out = Vec::new();
    let mut last_line = 0;
    for record in records(format, file) {
        assert!(
            record.line >= last_line,
            "record line numbers go back: {} after {last_line}",
            record.line
        );
        last_line = record.line;
        let value = match record.value {
            Ok(value) => mapping.apply(value),
            Err(problem) => {
                out.push(Err(vec![problem]));
                continue;
            }
        };
        let number = record.line;
        out.push(
            parse_submission(value, SubmissionKind::Import).map_err(|errors| {
                assert!(!errors.0.is_empty(), "a rejection without a reason");
                LineError::from_validation(number, errors)
            }),
        );
    }
    for submission in out.iter().flatten() {
        check_round_trip(submission, SubmissionKind::Import);
    }
    Ok(out)
}

/// What [`submission`] found.
#[derive(Debug)]
pub struct SubmissionOutcome {
    /// The input parsed as JSON, validated as each of [`KINDS`]; `None` when it is not JSON.
    pub json: Option<Vec<Result<Submission, ValidationErrors>>>,
    /// The object built from the input's bytes, validated as each of [`KINDS`].
    pub structured: Vec<Result<Submission, ValidationErrors>>,
}

/// Submission validation: the input parsed as JSON (when it is JSON) and an object built
/// from its bytes with the real field names and mostly plausible values (so the fuzzer
/// gets past the type checks quickly) are each validated as every [`SubmissionKind`].
///
/// A valid submission must come out the same when written as JSON and read again, also
/// through the importer's mapping.
pub fn submission(data: &[u8]) -> SubmissionOutcome {
    let json = serde_json::from_slice::<Value>(data)
        .ok()
        .map(|value| validate_all(&value));
    let structured = validate_all(&structured_submission(data));
    SubmissionOutcome { json, structured }
}

/// Validates a value as every kind (and, as the importer does, after the identity mapping).
pub fn validate_all(value: &Value) -> Vec<Result<Submission, ValidationErrors>> {
    let results: Vec<_> = KINDS
        .iter()
        .map(|&kind| parse_submission(value.clone(), kind))
        .collect();
    let _ = parse_submission(
        Mapping::identity().apply(value.clone()),
        SubmissionKind::Import,
    );
    for (kind, result) in KINDS.iter().zip(&results) {
        match result {
            Ok(s) => check_round_trip(s, *kind),
            Err(errors) => assert!(!errors.0.is_empty(), "a rejection without a reason"),
        }
    }
    // The public form is the strictest: what it accepts, the others accept too.
    if let Ok(public) = &results[0] {
        for (kind, other) in KINDS.iter().zip(&results).skip(1) {
            assert!(
                other.as_ref().is_ok_and(|o| o.fields == public.fields),
                "accepted publicly but not as {kind:?}: {other:?}"
            );
        }
    }
    results
}

/// A valid submission written as JSON is read back as the same submission, directly and
/// (for imports) through the identity mapping, as an export imported again is.
fn check_round_trip(s: &Submission, kind: SubmissionKind) {
    let Ok(Value::Object(mut map)) = serde_json::to_value(&s.fields) else {
        panic!("project fields do not serialise to an object: {s:?}");
    };
    if let Some(contact) = &s.contact {
        map.insert("contact".into(), serde_json::json!(contact));
    }
    if let Some(sid) = &s.source_id {
        map.insert("source_id".into(), Value::from(sid.as_str()));
    }
    let value = Value::Object(map);
    let again = parse_submission(value.clone(), kind);
    assert_eq!(
        again.as_ref().ok(),
        Some(s),
        "{kind:?} round trip of {value}"
    );
    if kind == SubmissionKind::Import {
        let mapped = Mapping::identity().apply(value.clone());
        let again = parse_submission(mapped.clone(), kind);
        assert_eq!(
            again.as_ref().ok(),
            Some(s),
            "import round trip of {value} mapped to {mapped}"
        );
    }
}

/// Reads choices and strings off the front of the input; zeros once it is used up.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.byte()) % items.len()]
    }

    /// Up to 63 bytes of the input, as text.
    fn text(&mut self) -> String {
        let len = usize::from(self.byte() % 64).min(self.0.len());
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8_lossy(head).into_owned()
    }

    /// A value that is usually of the right kind: from `good`, fuzzed text, or another type.
    fn value(&mut self, good: &[&str]) -> Value {
        match self.byte() % 8 {
            0 => Value::Null,
            1 => Value::from(self.text()),
            2 => Value::from(i64::from(self.byte()) - 8),
            3 => Value::Bool(self.byte().is_multiple_of(2)),
            4 => Value::Array(vec![Value::from(self.pick(good))]),
            5 => Value::from(format!("{}{}", self.pick(good), self.text())),
            _ => Value::from(self.pick(good)),
        }
    }

    fn list(&mut self, good: &[&str], numbers: bool) -> Value {
        match self.byte() % 8 {
            0 => Value::Null,
            1 => Value::from(self.pick(good)),
            2 => Value::from(self.text()),
            _ => {
                let n = usize::from(self.byte() % 5);
                Value::Array(
                    (0..n)
                        .map(|_| match self.byte() % 8 {
                            0 => Value::from(self.text()),
                            1 => Value::from(i64::from(self.byte()) - 8),
                            2 => Value::Null,
                            _ if numbers => Value::from(i64::from(self.byte() % 19)),
                            _ => Value::from(self.pick(good)),
                        })
                        .collect(),
                )
            }
        }
    }
}

const TEXTS: &[&str] = &[
    "Mobile telemedicine for rural clinics",
    "Télémédecine mobile",
    "远程医疗 移动 诊所",
    "الصحة الإلكترونية في المناطق الريفية",
    "Мобильная телемедицина",
    "  ab  ",
    "x",
];
const COUNTRIES: &[&str] = &[
    "KE",
    "TZ",
    "NA",
    "ke",
    " IN ",
    "XX",
    "Kenya",
    "Viet Nam",
    "UNITED ARAB EMIRATES",
    "",
];
const ACTION_LINES: &[&str] = &[
    "C1",
    "C2",
    "C7",
    "C7.e-health",
    "C7.e-government",
    "C11",
    "C12",
    "c3",
    " C4 ",
    "e-health",
];
const DATES: &[&str] = &[
    "2020-03-01",
    "2020-02-29",
    "2021-02-29",
    "1900-01-01",
    "2100-12-31",
    "1899-12-31",
    "2020-3-1",
    "20200301",
    "+2020-03-01",
];
const WEBSITES: &[&str] = &[
    "https://example.org",
    "http://a.b/c?d#e",
    "ftp://example.org",
    "https://",
    "example.org",
    " https://x.y ",
    "",
];
const EMAILS: &[&str] = &["a@b.org", "a@b", "@b.org", "a@.b", "a b@c.d", "a@b@c.d"];
const BOOLS: &[&str] = &["true", "false", "yes"];

/// A submission-shaped object whose fields and values the input's bytes choose.
pub fn structured_submission(data: &[u8]) -> Value {
    let mut b = Bytes(data);
    let stakeholders: Vec<&str> = crate::model::StakeholderType::ALL
        .iter()
        .map(|s| s.code())
        .chain(["NGO", "Business", "nobody"])
        .collect();
    let scopes: Vec<&str> = Scope::ALL
        .iter()
        .map(|s| s.code())
        .chain(["Global"])
        .collect();
    let statuses: Vec<&str> = Status::ALL
        .iter()
        .map(|s| s.code())
        .chain(["done"])
        .collect();
    let languages: Vec<&str> = Language::ALL
        .iter()
        .map(|l| l.code())
        .chain(["English", "xx"])
        .collect();
    let mut map = Map::new();
    // Each field is absent when its first byte says so.
    let mut field = |b: &mut Bytes, name: &str, make: &mut dyn FnMut(&mut Bytes) -> Value| {
        if !b.byte().is_multiple_of(8) {
            let value = make(b);
            map.insert(name.to_string(), value);
        }
    };
    field(&mut b, "title", &mut |b| b.value(TEXTS));
    field(&mut b, "description", &mut |b| b.value(TEXTS));
    field(&mut b, "organization", &mut |b| b.value(TEXTS));
    field(&mut b, "stakeholder_type", &mut |b| b.value(&stakeholders));
    field(&mut b, "scope", &mut |b| b.value(&scopes));
    field(&mut b, "countries", &mut |b| b.list(COUNTRIES, false));
    field(&mut b, "action_lines", &mut |b| b.list(ACTION_LINES, false));
    field(&mut b, "sdgs", &mut |b| b.list(&["3", "SDG 4", "17"], true));
    field(&mut b, "covid19", &mut |b| match b.byte() % 4 {
        0 => Value::Bool(true),
        1 => Value::Bool(false),
        _ => b.value(BOOLS),
    });
    field(&mut b, "status", &mut |b| b.value(&statuses));
    field(&mut b, "start_date", &mut |b| b.value(DATES));
    field(&mut b, "end_date", &mut |b| b.value(DATES));
    field(&mut b, "website", &mut |b| b.value(WEBSITES));
    field(&mut b, "language", &mut |b| b.value(&languages));
    field(&mut b, "contact", &mut |b| match b.byte() % 4 {
        0 => b.value(EMAILS),
        _ => {
            let mut c = Map::new();
            if !b.byte().is_multiple_of(4) {
                c.insert("name".into(), b.value(TEXTS));
            }
            if !b.byte().is_multiple_of(4) {
                c.insert("email".into(), b.value(EMAILS));
            }
            if b.byte().is_multiple_of(8) {
                c.insert(b.text(), b.value(TEXTS));
            }
            Value::Object(c)
        }
    });
    field(&mut b, "source_id", &mut |b| {
        b.value(&["seed-001", " x ", ""])
    });
    if b.byte().is_multiple_of(8) {
        let name = b.text();
        let value = b.value(TEXTS);
        map.insert(name, value);
    }
    Value::Object(map)
}
