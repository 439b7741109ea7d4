//! A search as a researcher asks for it: text, filters, sort and page, parsed from the query
//! string of `GET /api/v1/search` with an error that names the bad parameter.

use chrono::NaiveDate;

use super::taxonomy::{
    ActionLine, Country, ItuEntity, Language, Region, Scope, Sdg, StakeholderType, Status,
};

/// Largest `per_page`.
pub const MAX_PER_PAGE: u32 = 100;
/// Deepest result reachable by paging (`page * per_page`).
pub const MAX_RESULT_WINDOW: u32 = 10_000;
/// Longest `q`, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most words `q` may hold, phrases and exclusions included.
pub const MAX_QUERY_TERMS: usize = 32;
/// The search parameters that may be given many times (values OR-ed); every other
/// parameter takes one value.
pub const REPEATABLE_FILTERS: [&str; 9] = [
    "action_line",
    "sdg",
    "country",
    "region",
    "stakeholder_type",
    "itu_entity",
    "scope",
    "status",
    "call",
];
/// The highest call number (see [`crate::model::Call::number`]).
pub const MAX_CALL_NUMBER: u16 = 255;
/// The start year of projects whose start date is unknown, in facets and statistics.
pub const UNKNOWN_YEAR_LABEL: &str = "unknown";

/// One piece of the text query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextClause {
    /// The words as typed (a phrase may hold several).
    pub text: String,
    /// `"quoted"`: the words must appear together in order.
    pub phrase: bool,
    /// `-word`: documents containing it are excluded.
    pub negated: bool,
}

/// The parsed `q`: every non-negated clause is required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// Clauses in the order typed.
    pub clauses: Vec<TextClause>,
    /// The last clause is a plain word typed without a space after it: it may be a prefix.
    pub open_end: bool,
}

impl TextQuery {
    /// Parses `q`: words, `"phrases"`, `-exclusions` and `-"excluded phrases"`.
    ///
    /// # Errors
    /// An unterminated quote.
    pub fn parse(q: &str) -> Result<TextQuery, String> {
        let mut clauses = Vec::new();
        let mut chars = q.chars().peekable();
        // Whether the text ends right after a plain word (no space, no stray sign).
        let mut ends_in_word = false;
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let Some(&first) = chars.peek() else { break };
            let mut negated = false;
            if first == '-' {
                chars.next();
                match chars.peek() {
                    Some(c) if !c.is_whitespace() => negated = true,
                    _ => {
                        ends_in_word = false;
                        continue;
                    }
                }
            }
            if chars.peek() == Some(&'"') {
                chars.next();
                let mut text = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    text.push(c);
                }
                if !closed {
                    return Err("unterminated quote in q: close the phrase with '\"'".into());
                }
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    clauses.push(TextClause {
                        text,
                        phrase: true,
                        negated,
                    });
                }
            } else {
                let mut text = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || c == '"' {
                        break;
                    }
                    text.push(c);
                    chars.next();
                }
                if !text.is_empty() {
                    clauses.push(TextClause {
                        text,
                        phrase: false,
                        negated,
                    });
                }
                ends_in_word = chars.peek().is_none();
            }
        }
        let open_end = ends_in_word && clauses.last().is_some_and(|c| !c.phrase && !c.negated);
        Ok(TextQuery { clauses, open_end })
    }

    /// Words typed, in phrases and exclusions too.
    pub fn word_count(&self) -> usize {
        self.clauses
            .iter()
            .map(|c| c.text.split_whitespace().count())
            .sum()
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best match first (newest first when there is no text).
    #[default]
    Relevance,
    /// Latest start date first.
    Newest,
    /// Earliest start date first.
    Oldest,
    /// Title, A to Z.
    Title,
    /// Latest confirmation by the submitter first; never confirmed last.
    Confirmed,
}

impl SortOrder {
    /// The code as written in the `sort` parameter.
    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::Title => "title",
            SortOrder::Confirmed => "confirmed",
        }
    }

    fn parse(s: &str) -> Option<SortOrder> {
        match s {
            "relevance" => Some(SortOrder::Relevance),
            "newest" => Some(SortOrder::Newest),
            "oldest" => Some(SortOrder::Oldest),
            "title" => Some(SortOrder::Title),
            "confirmed" => Some(SortOrder::Confirmed),
            _ => None,
        }
    }
}

/// Facet filters: values of one facet are OR-ed, facets are AND-ed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Action lines (`C7` matches every C7 sub-line).
    pub action_lines: Vec<ActionLine>,
    /// SDGs.
    pub sdgs: Vec<Sdg>,
    /// Countries.
    pub countries: Vec<Country>,
    /// ITU regions.
    pub regions: Vec<Region>,
    /// Stakeholder types.
    pub stakeholder_types: Vec<StakeholderType>,
    /// Parts of ITU (ITU's own input).
    pub itu_entities: Vec<ItuEntity>,
    /// Scopes.
    pub scopes: Vec<Scope>,
    /// Statuses.
    pub statuses: Vec<Status>,
    /// COVID-19 flag.
    pub covid19: Option<bool>,
    /// Earliest start year, inclusive (a year filter leaves out projects whose start date
    /// is unknown).
    pub year_from: Option<i32>,
    /// Latest start year, inclusive.
    pub year_to: Option<i32>,
    /// Numbers of the calls answered.
    pub calls: Vec<u16>,
    /// Confirmed by the submitter before this day, or never.
    pub confirmed_before: Option<NaiveDate>,
    /// Confirmed by the submitter on this day or later.
    pub confirmed_since: Option<NaiveDate>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Whether a project passes every filter, as search applies them, with `f` as its
    /// fields (its own, or those of a revision under review): for lists served from the
    /// store, such as the moderation queue.
    pub fn accepts(
        &self,
        project: &crate::model::Project,
        f: &crate::model::ProjectFields,
    ) -> bool {
        let confirmed = project.last_confirmed.map(|at| at.date_naive());
        self.accepts_fields(f)
            && (self.calls.is_empty()
                || project.call_number.is_some_and(|n| self.calls.contains(&n)))
            && self
                .confirmed_before
                .is_none_or(|day| confirmed.is_none_or(|c| c < day))
            && self
                .confirmed_since
                .is_none_or(|day| confirmed.is_some_and(|c| c >= day))
    }

    /// Whether fields pass the filters that read fields: all but the calls and the
    /// confirmation days.
    pub fn accepts_fields(&self, f: &crate::model::ProjectFields) -> bool {
        fn any<T: PartialEq>(wanted: &[T], has: impl IntoIterator<Item = T>) -> bool {
            wanted.is_empty() || has.into_iter().any(|v| wanted.contains(&v))
        }
        let year = f.start_year();
        any(&self.action_lines, ActionLine::with_group(&f.action_lines))
            && any(&self.sdgs, f.sdgs.iter().copied())
            && any(&self.countries, f.countries.iter().copied())
            && any(&self.regions, f.regions())
            && any(&self.stakeholder_types, [f.stakeholder_type])
            && any(&self.itu_entities, f.itu_entity)
            && any(&self.scopes, [f.scope])
            && any(&self.statuses, [f.status])
            && self.covid19.is_none_or(|c| c == f.covid19)
            && self
                .year_from
                .is_none_or(|y| year.is_some_and(|year| year >= y))
            && self
                .year_to
                .is_none_or(|y| year.is_some_and(|year| year <= y))
    }
}

/// A whole search request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// The text query.
    pub text: TextQuery,
    /// The filters.
    pub filters: Filters,
    /// The order of hits.
    pub sort: SortOrder,
    /// Page number, from 1.
    pub page: u32,
    /// Hits per page, 1–100.
    pub per_page: u32,
    /// Language for labels.
    pub lang: Language,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            text: TextQuery::default(),
            filters: Filters::default(),
            sort: SortOrder::Relevance,
            page: 1,
            per_page: 20,
            lang: Language::En,
        }
    }
}

/// A bad search parameter.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParamError {
    /// The parameter's name.
    pub param: String,
    /// Machine-readable code.
    pub code: &'static str,
    /// A sentence naming the bad value.
    pub message: String,
}

fn bad(param: &str, code: &'static str, message: impl Into<String>) -> ParamError {
    ParamError {
        param: param.to_string(),
        code,
        message: message.into(),
    }
}

/// One decoded query-string pair, being read.
struct Param<'a> {
    /// The parameter's name.
    key: &'a str,
    /// The value, trimmed.
    value: &'a str,
    /// The value as sent.
    raw: &'a str,
}

impl Param<'_> {
    /// An error of this parameter.
    fn bad(&self, code: &'static str, message: impl Into<String>) -> ParamError {
        bad(self.key, code, message)
    }

    /// The value read as a code by `parse`; an unknown one is an error `code` naming `what`.
    fn code<T>(
        &self,
        parse: impl Fn(&str) -> Option<T>,
        code: &'static str,
        what: &str,
    ) -> Result<T, ParamError> {
        parse(self.value).ok_or_else(|| {
            let (param, value) = (self.key, self.value);
            self.bad(
                code,
                format!("unknown {what} '{value}' in parameter '{param}'"),
            )
        })
    }

    /// The value as a whole number in `range`.
    fn int(&self, range: std::ops::RangeInclusive<i64>) -> Result<i64, ParamError> {
        match self.value.parse::<i64>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(self.bad(
                "invalid_parameter",
                format!(
                    "'{}' must be a whole number from {} to {}, not '{}'",
                    self.key,
                    range.start(),
                    range.end(),
                    self.value
                ),
            )),
        }
    }
}

/// Reads one value of a parameter into the request.
type ReadParam = fn(&mut SearchRequest, &Param<'_>) -> Result<(), ParamError>;

/// Every search parameter and how a value of it is read. Those not in
/// [`REPEATABLE_FILTERS`] may be given once.
const PARAMETERS: [(&str, ReadParam); 19] = [
    ("q", read_text),
    ("action_line", |r, p| {
        let line = p.code(ActionLine::parse, "invalid_action_line", "WSIS Action Line");
        add(&mut r.filters.action_lines, line)
    }),
    ("sdg", |r, p| add(&mut r.filters.sdgs, read_sdg(p))),
    ("country", |r, p| {
        add(&mut r.filters.countries, read_country(p))
    }),
    ("region", |r, p| {
        let region = p.code(Region::parse, "invalid_region", "region");
        add(&mut r.filters.regions, region)
    }),
    ("stakeholder_type", |r, p| {
        let what = "stakeholder type";
        let kind = p.code(StakeholderType::parse, "invalid_parameter", what);
        add(&mut r.filters.stakeholder_types, kind)
    }),
    ("itu_entity", |r, p| {
        let entity = p.code(ItuEntity::parse, "invalid_parameter", "ITU entity");
        add(&mut r.filters.itu_entities, entity)
    }),
    ("call", |r, p| {
        let number = p.int(1..=i64::from(MAX_CALL_NUMBER));
        add(&mut r.filters.calls, number.map(|n| n as u16))
    }),
    ("confirmed_before", |r, p| {
        set(&mut r.filters.confirmed_before, read_day(p).map(Some))
    }),
    ("confirmed_since", |r, p| {
        set(&mut r.filters.confirmed_since, read_day(p).map(Some))
    }),
    ("scope", |r, p| {
        let scope = p.code(Scope::parse, "invalid_parameter", "scope");
        add(&mut r.filters.scopes, scope)
    }),
    ("status", |r, p| {
        let status = p.code(Status::parse, "invalid_parameter", "status");
        add(&mut r.filters.statuses, status)
    }),
    ("covid19", |r, p| {
        set(&mut r.filters.covid19, read_flag(p).map(Some))
    }),
    ("year_from", |r, p| {
        set(&mut r.filters.year_from, read_year(p))
    }),
    ("year_to", |r, p| set(&mut r.filters.year_to, read_year(p))),
    ("sort", |r, p| set(&mut r.sort, read_sort(p))),
    ("page", |r, p| {
        let page = p.int(1..=i64::from(MAX_RESULT_WINDOW));
        set(&mut r.page, page.map(|n| n as u32))
    }),
    ("per_page", |r, p| {
        let per_page = p.int(1..=i64::from(MAX_PER_PAGE));
        set(&mut r.per_page, per_page.map(|n| n as u32))
    }),
    ("lang", |r, p| {
        let lang = p.code(Language::parse, "invalid_parameter", "language");
        set(&mut r.lang, lang)
    }),
];

/// `q`: at most [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_TERMS`] words.
fn read_text(req: &mut SearchRequest, p: &Param<'_>) -> Result<(), ParamError> {
    if p.value.chars().count() > MAX_QUERY_CHARS {
        let message = format!("'q' may have at most {MAX_QUERY_CHARS} characters");
        return Err(p.bad("invalid_query", message));
    }
    // The untrimmed text: a trailing space says the last word is complete.
    req.text = TextQuery::parse(p.raw).map_err(|m| p.bad("invalid_query", m))?;
    let terms = req.text.word_count();
    if terms > MAX_QUERY_TERMS {
        let message = format!("'q' may have at most {MAX_QUERY_TERMS} words, not {terms}");
        return Err(p.bad("too_many_terms", message));
    }
    Ok(())
}

/// `sdg`: a goal number.
fn read_sdg(p: &Param<'_>) -> Result<Sdg, ParamError> {
    let n = p.value.parse::<i64>().ok().and_then(Sdg::new);
    n.ok_or_else(|| {
        let message = format!("unknown SDG '{}' in parameter 'sdg': use 1 to 17", p.value);
        p.bad("invalid_sdg", message)
    })
}

/// `country`: a country code, matched (and quoted) in upper case.
fn read_country(p: &Param<'_>) -> Result<Country, ParamError> {
    let upper = p.value.to_ascii_uppercase();
    let p = Param {
        value: &upper,
        ..*p
    };
    p.code(Country::parse, "invalid_country", "country code")
}

/// `year_from`, `year_to`: a year from 1900 to 2100.
fn read_year(p: &Param<'_>) -> Result<Option<i32>, ParamError> {
    p.int(1900..=2100).map(|year| Some(year as i32))
}

/// `confirmed_before`, `confirmed_since`: a day, `YYYY-MM-DD`.
fn read_day(p: &Param<'_>) -> Result<NaiveDate, ParamError> {
    NaiveDate::parse_from_str(p.value, "%Y-%m-%d").map_err(|_| {
        let message = format!("'{}' must be a date (YYYY-MM-DD), not '{}'", p.key, p.value);
        p.bad("invalid_parameter", message)
    })
}

/// `covid19`: `true` or `false`.
fn read_flag(p: &Param<'_>) -> Result<bool, ParamError> {
    match p.value {
        "true" => Ok(true),
        "false" => Ok(false),
        value => {
            let message = format!("'covid19' must be true or false, not '{value}'");
            Err(p.bad("invalid_parameter", message))
        }
    }
}

/// `sort`: one of the [`SortOrder`] codes.
fn read_sort(p: &Param<'_>) -> Result<SortOrder, ParamError> {
    SortOrder::parse(p.value).ok_or_else(|| {
        let message = format!(
            "unknown sort '{}': use relevance, newest, oldest, title or confirmed",
            p.value
        );
        p.bad("invalid_parameter", message)
    })
}

/// Sets a setting read.
fn set<T>(slot: &mut T, value: Result<T, ParamError>) -> Result<(), ParamError> {
    *slot = value?;
    Ok(())
}

/// Adds a filter value read, once.
fn add<T: PartialEq>(values: &mut Vec<T>, value: Result<T, ParamError>) -> Result<(), ParamError> {
    let value = value?;
    if !values.contains(&value) {
        values.push(value);
    }
    Ok(())
}

impl SearchRequest {
    /// Parses decoded query-string pairs. Repeatable parameters may appear many times;
    /// empty values are ignored (as HTML forms send them).
    ///
    /// # Errors
    /// The first bad parameter: unknown name, unknown code, out-of-range number, repeated
    /// single-valued parameter, or malformed `q`.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SearchRequest, ParamError> {
        let mut req = SearchRequest::default();
        let mut seen_single: Vec<&'a str> = Vec::new();
        for (key, raw) in pairs {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            let Some((_, read)) = PARAMETERS.iter().find(|(name, _)| *name == key) else {
                let message = format!("unknown search parameter '{key}'");
                return Err(bad(key, "unknown_parameter", message));
            };
            if !REPEATABLE_FILTERS.contains(&key) {
                if seen_single.contains(&key) {
                    let message = format!("parameter '{key}' may be given only once");
                    return Err(bad(key, "duplicate_parameter", message));
                }
                seen_single.push(key);
            }
            read(&mut req, &Param { key, value, raw })?;
        }
        req.check_bounds()?;
        Ok(req)
    }

    /// The checks across parameters: the year range in order, the page within the result
    /// window.
    fn check_bounds(&self) -> Result<(), ParamError> {
        if let (Some(from), Some(to)) = (self.filters.year_from, self.filters.year_to) {
            if from > to {
                return Err(bad(
                    "year_to",
                    "invalid_parameter",
                    format!("'year_to' ({to}) is before 'year_from' ({from})"),
                ));
            }
        }
        if self.page.saturating_mul(self.per_page) > MAX_RESULT_WINDOW {
            return Err(bad(
                "page",
                "invalid_parameter",
                format!("page {} of {} hits reaches past the first {MAX_RESULT_WINDOW} results; narrow the search instead", self.page, self.per_page),
            ));
        }
        Ok(())
    }

    /// Hits to skip.
    pub fn offset(&self) -> usize {
        (self.page as usize - 1) * self.per_page as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Result<SearchRequest, ParamError> {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(q.as_bytes()).into_owned().collect();
        SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    fn err(q: &str) -> (String, &'static str) {
        let e = parse(q).unwrap_err();
        (e.param, e.code)
    }

    #[test]
    fn quoted_phrases_and_exclusions_are_recognised() {
        let t =
            TextQuery::parse(r#"mobile "rural clinics" -malaria -"pilot phase" e-health"#).unwrap();
        let got: Vec<(&str, bool, bool)> = t
            .clauses
            .iter()
            .map(|c| (c.text.as_str(), c.phrase, c.negated))
            .collect();
        assert_eq!(
            got,
            vec![
                ("mobile", false, false),
                ("rural clinics", true, false),
                ("malaria", false, true),
                ("pilot phase", true, true),
                ("e-health", false, false)
            ]
        );
    }

    #[test]
    fn only_a_word_ending_the_text_is_open() {
        let open = |q: &str| TextQuery::parse(q).unwrap().open_end;
        assert!(open("rural teleme"));
        assert!(!open("rural teleme "));
        assert!(!open("health -"));
        assert!(!open("health -malaria"));
        assert!(!open("\"rural clinics\""));
        assert!(!open(""));
    }

    #[test]
    fn a_lone_dash_is_ignored_and_an_open_quote_is_an_error() {
        assert!(TextQuery::parse(" - ").unwrap().is_empty());
        assert!(TextQuery::parse("\"open phrase").is_err());
    }

    #[test]
    fn repeatable_filters_collect_every_value() {
        let r = parse("action_line=C7&action_line=C2&sdg=3&sdg=9&country=ke&covid19=true&year_from=2010&year_to=2020").unwrap();
        assert_eq!(r.filters.action_lines.len(), 2);
        assert_eq!(r.filters.sdgs.len(), 2);
        assert_eq!(r.filters.countries[0].code(), "KE");
        assert_eq!(r.filters.covid19, Some(true));
    }

    #[test]
    fn bad_parameters_are_named() {
        let cases = [
            ("action_line=C12", "action_line", "invalid_action_line"),
            ("sdg=18", "sdg", "invalid_sdg"),
            ("sdg=x", "sdg", "invalid_sdg"),
            ("per_page=1000", "per_page", "invalid_parameter"),
            ("per_page=0", "per_page", "invalid_parameter"),
            ("page=0", "page", "invalid_parameter"),
            ("page=600&per_page=20", "page", "invalid_parameter"),
            ("year_from=20x0", "year_from", "invalid_parameter"),
            (
                "year_from=2020&year_to=2010",
                "year_to",
                "invalid_parameter",
            ),
            ("country=XX", "country", "invalid_country"),
            ("region=mars", "region", "invalid_region"),
            ("covid19=maybe", "covid19", "invalid_parameter"),
            ("sort=random", "sort", "invalid_parameter"),
            ("q=a&q=b", "q", "duplicate_parameter"),
            ("sgd=3", "sgd", "unknown_parameter"),
            ("q=%22open", "q", "invalid_query"),
        ];
        for (query, param, code) in cases {
            assert_eq!(err(query), (param.into(), code), "{query}");
        }
    }

    #[test]
    fn messages_quote_the_parameter_and_its_value() {
        let message = |q: &str| parse(q).unwrap_err().message;
        let cases = [
            (
                "country=xx",
                "unknown country code 'XX' in parameter 'country'",
            ),
            ("sdg=0", "unknown SDG '0' in parameter 'sdg': use 1 to 17"),
            (
                "page=0",
                "'page' must be a whole number from 1 to 10000, not '0'",
            ),
            (
                "covid19=maybe",
                "'covid19' must be true or false, not 'maybe'",
            ),
            (
                "sort=random",
                "unknown sort 'random': use relevance, newest, oldest, title or confirmed",
            ),
            (
                "itu_entity=ITU-X",
                "unknown ITU entity 'ITU-X' in parameter 'itu_entity'",
            ),
            (
                "call=0",
                "'call' must be a whole number from 1 to 255, not '0'",
            ),
            (
                "confirmed_before=2025-13-01",
                "'confirmed_before' must be a date (YYYY-MM-DD), not '2025-13-01'",
            ),
            ("lang=de", "unknown language 'de' in parameter 'lang'"),
            ("lang=en&lang=fr", "parameter 'lang' may be given only once"),
            ("colour=red", "unknown search parameter 'colour'"),
        ];
        for (query, expected) in cases {
            assert_eq!(message(query), expected);
        }
    }

    #[test]
    fn calls_entities_and_confirmation_days_are_read() {
        let r = parse("call=3&call=12&itu_entity=ITU-D&itu_entity=GS&confirmed_before=2025-06-30&confirmed_since=2020-01-01&sort=confirmed").unwrap();
        assert_eq!(r.filters.calls, [3, 12]);
        assert_eq!(r.filters.itu_entities, [ItuEntity::ItuD, ItuEntity::Gs]);
        assert_eq!(
            r.filters.confirmed_before,
            NaiveDate::from_ymd_opt(2025, 6, 30)
        );
        assert_eq!(
            r.filters.confirmed_since,
            NaiveDate::from_ymd_opt(2020, 1, 1)
        );
        assert_eq!(r.sort, SortOrder::Confirmed);
    }

    #[test]
    fn empty_values_are_ignored() {
        let r = parse("q=&action_line=&sdg=").unwrap();
        assert_eq!(r, SearchRequest::default());
    }
}
