//! Turning a submitted JSON object into valid [`ProjectFields`], or into the list of every
//! field that is wrong.
//!
//! Each field is read on its own so that one bad field does not hide the others: the caller
//! gets all problems at once (`details`), the first one leading.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::project::{Contact, ProjectFields};
use super::taxonomy::{
    ActionLine, Country, ItuEntity, Language, Scope, Sdg, StakeholderType, Status,
};
use super::text::{self, Lines};

/// Title length bounds, in characters.
pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 3..=300;
/// Maximum description length, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 20_000;
/// Maximum organization length, in characters.
pub const ORGANIZATION_MAX_CHARS: usize = 300;
/// Maximum URL length, in characters.
pub const URL_MAX_CHARS: usize = 2_000;
/// Maximum `source_id` length, in characters.
pub const SOURCE_ID_MAX_CHARS: usize = 200;

/// One problem with one field.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Machine-readable code, e.g. `invalid_action_line`.
    pub code: &'static str,
    /// A sentence for people, quoting the bad value.
    pub message: String,
    /// The field's name (`contact.email` for nested fields).
    pub field: String,
    /// Numbers a translated message quotes (`min`, `max`, `chars`); not in the JSON.
    #[serde(skip)]
    pub numbers: Vec<(&'static str, usize)>,
}

impl FieldError {
    /// A problem; control and bidirectional formatting characters of quoted values are
    /// removed from the message, so it is safe on a page and a terminal.
    pub(crate) fn new(field: &str, code: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            code,
            message: text::strip_unsafe(&message.into()).into_owned(),
            field: text::strip_unsafe(field).into_owned(),
            numbers: Vec::new(),
        }
    }

    /// The problem with a number a translated message quotes.
    pub(crate) fn quoting(mut self, name: &'static str, value: usize) -> FieldError {
        self.numbers.push((name, value));
        self
    }
}

/// Every problem found in a submission; never empty.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.first().map(|e| e.message.as_str()).unwrap_or("invalid submission"))]
pub struct ValidationErrors(pub Vec<FieldError>);

/// Who is submitting: the public form or a bulk import.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SubmissionKind {
    /// `POST /api/v1/projects`: contact required, `source_id` not accepted.
    Public,
    /// Bulk import: contact optional, `source_id` accepted.
    Import,
    /// `PUT /api/v1/projects/{id}`: contact optional, `source_id` not accepted.
    Revision,
}

/// A valid submission.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// The project's fields.
    pub fields: ProjectFields,
    /// Private contact details.
    pub contact: Option<Contact>,
    /// The id in the source system (imports only).
    pub source_id: Option<String>,
}

/// The fields of a submission holding lists.
pub const LIST_FIELDS: [&str; 3] = ["countries", "action_lines", "sdgs"];

/// The fields of a submission, in the order exports list them.
pub const SUBMISSION_FIELDS: [&str; 15] = [
    "title",
    "description",
    "organization",
    "stakeholder_type",
    "scope",
    "countries",
    "action_lines",
    "sdgs",
    "covid19",
    "status",
    "start_date",
    "end_date",
    "website",
    "language",
    // Last, so that the columns of exports made before it keep their places.
    "itu_entity",
];

/// Reads a submission from a JSON value.
///
/// # Errors
/// [`ValidationErrors`] listing every bad, missing or unknown field.
pub fn parse_submission(body: Value, kind: SubmissionKind) -> Result<Submission, ValidationErrors> {
    let Value::Object(mut map) = body else {
        return Err(ValidationErrors(vec![FieldError::new(
            "body",
            "invalid_type",
            "the body must be a JSON object",
        )]));
    };
    let mut r = Reader::default();
    r.unknown_fields(&map, "", |key| {
        SUBMISSION_FIELDS.contains(&key)
            || key == "contact"
            || (key == "source_id" && kind == SubmissionKind::Import)
    });
    let fields = read_fields(&mut r, &mut map);
    let contact = r.contact(&mut map, kind == SubmissionKind::Public);
    let source_id = if kind == SubmissionKind::Import {
        r.source_id(&mut map)
    } else {
        Some(None)
    };
    // Every `None` recorded an error, so this builds whenever `errors` is empty.
    match (fields, contact, source_id) {
        (Some(fields), Some(contact), Some(source_id)) if r.errors.is_empty() => Ok(Submission {
            fields,
            contact,
            source_id,
        }),
        _ if !r.errors.is_empty() => Err(ValidationErrors(r.errors)),
        _ => Err(ValidationErrors(vec![FieldError::new(
            "body",
            "invalid_submission",
            "the submission is incomplete",
        )])),
    }
}

/// A submission's project fields, each checked on its own and against the others (dates in
/// order, countries unless international); `None` when any problem was recorded.
fn read_fields(r: &mut Reader, map: &mut Map<String, Value>) -> Option<ProjectFields> {
    let title = r.text(
        map,
        "title",
        (*TITLE_CHARS.start(), *TITLE_CHARS.end()),
        Lines::One,
    );
    let description = r.text(map, "description", (1, DESCRIPTION_MAX_CHARS), Lines::Many);
    let organization = r.text(map, "organization", (1, ORGANIZATION_MAX_CHARS), Lines::One);
    let stakeholder_type = r.code(
        map,
        "stakeholder_type",
        StakeholderType::parse,
        StakeholderType::expected,
    );
    let itu_entity = r.itu_entity(map, stakeholder_type);
    let scope = r.code(map, "scope", Scope::parse, Scope::expected);
    let status = r.code(map, "status", Status::parse, Status::expected);
    let language = match r.optional::<String>(map, "language") {
        None => Some(Language::En),
        Some(None) => None,
        Some(Some(code)) => r.enum_value("language", &code, Language::parse, Language::expected),
    };
    let countries = r.countries(map);
    let action_lines = r.action_lines(map);
    let sdgs = r.sdgs(map);
    let covid19 = match r.optional::<bool>(map, "covid19") {
        None => Some(false),
        Some(value) => value,
    };
    // An unknown start date stays unknown: nothing is invented.
    let start_date = r.date(map, "start_date", false);
    let end_date = r.date(map, "end_date", false);
    if let (Some(Some(start)), Some(Some(end))) = (start_date, end_date) {
        if end < start {
            let message = format!("end_date {end} is before start_date {start}");
            r.fail("end_date", "invalid_date_range", message);
        }
    }
    let website = r.website(map);
    if let (Some(scope), Some(countries)) = (scope, countries.as_ref()) {
        if countries.is_empty() && scope != Scope::International {
            let message = "at least one country is required unless scope is 'international'";
            r.fail("countries", "required", message);
        }
    }
    Some(ProjectFields {
        title: title?,
        description: description?,
        organization: organization?,
        stakeholder_type: stakeholder_type?,
        itu_entity: itu_entity?,
        scope: scope?,
        countries: countries?,
        action_lines: action_lines?,
        sdgs: sdgs?,
        covid19: covid19?,
        status: status?,
        start_date: start_date?,
        end_date: end_date?,
        website: website?,
        language: language?,
    })
}

/// Collects field errors while reading fields one by one.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<FieldError>,
}

impl Reader {
    pub(crate) fn fail(&mut self, field: &str, code: &'static str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// Records each key of `object` that is not `known` as an unknown field, its name
    /// after `prefix`.
    pub(crate) fn unknown_fields(
        &mut self,
        object: &Map<String, Value>,
        prefix: &str,
        known: impl Fn(&str) -> bool,
    ) {
        for key in object.keys().filter(|key| !known(key)) {
            let field = format!("{prefix}{key}");
            self.fail(&field, "unknown_field", format!("unknown field '{field}'"));
        }
    }

    /// `None`: absent or null. `Some(None)`: present but of the wrong type (recorded).
    pub(crate) fn optional<T: DeserializeOwned>(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
    ) -> Option<Option<T>> {
        match map.remove(field) {
            None | Some(Value::Null) => None,
            Some(value) => match serde_json::from_value::<T>(value) {
                Ok(v) => Some(Some(v)),
                Err(_) => {
                    self.fail(
                        field,
                        "invalid_type",
                        format!("'{field}' must be {}", type_name::<T>()),
                    );
                    Some(None)
                }
            },
        }
    }

    /// An optional field: `Some(None)` when absent or null, otherwise what `check` makes of
    /// its value; `None` when a problem was recorded.
    pub(crate) fn optional_checked<T: DeserializeOwned, U>(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
        check: impl FnOnce(&mut Self, T) -> Option<Option<U>>,
    ) -> Option<Option<U>> {
        match self.optional::<T>(map, field) {
            None => Some(None),
            Some(None) => None,
            Some(Some(value)) => check(self, value),
        }
    }

    pub(crate) fn required<T: DeserializeOwned>(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
    ) -> Option<T> {
        match self.optional(map, field) {
            None => {
                self.fail(field, "required", format!("'{field}' is required"));
                None
            }
            Some(v) => v,
        }
    }

    pub(crate) fn text(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
        (min, max): (usize, usize),
        lines: Lines,
    ) -> Option<String> {
        let raw: String = self.required(map, field)?;
        self.check_text(field, &raw, (min, max), lines)
    }

    /// The text trimmed and normalised ([`text::normalize`]), if its characters and length
    /// are acceptable; otherwise the problem is recorded.
    pub(crate) fn check_text(
        &mut self,
        field: &str,
        raw: &str,
        (min, max): (usize, usize),
        lines: Lines,
    ) -> Option<String> {
        let text = self.characters(field, raw.trim(), lines)?;
        let chars = text.chars().count();
        if chars == 0 && min > 0 {
            self.fail(field, "required", format!("'{field}' must not be empty"));
            return None;
        }
        if chars < min {
            let what = format!("'{field}' must have at least {min} characters, not {chars}");
            let error = FieldError::new(field, "too_short", what).quoting("min", min);
            self.errors.push(error.quoting("chars", chars));
            return None;
        }
        if chars > max {
            let what = format!("'{field}' must have at most {max} characters, not {chars}");
            let error = FieldError::new(field, "too_long", what).quoting("max", max);
            self.errors.push(error.quoting("chars", chars));
            return None;
        }
        Some(text)
    }

    /// The text normalised ([`text::normalize`]) if [`text::check`] accepts its characters;
    /// otherwise the problem is recorded.
    pub(crate) fn characters(&mut self, field: &str, raw: &str, lines: Lines) -> Option<String> {
        match text::check(raw, lines) {
            Ok(()) => Some(text::normalize(raw, lines).into_owned()),
            Err(problem) => {
                self.fail(field, problem.code(), format!("'{field}' {problem}"));
                None
            }
        }
    }

    pub(crate) fn enum_value<T>(
        &mut self,
        field: &str,
        code: &str,
        parse: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Option<T> {
        let value = parse(code);
        if value.is_none() {
            self.fail(
                field,
                "invalid_value",
                format!("unknown {field} '{code}'; expected one of: {}", expected()),
            );
        }
        value
    }

    /// `itu_entity`: optional, and only for a project of an international organization
    /// (ITU is one).
    fn itu_entity(
        &mut self,
        map: &mut Map<String, Value>,
        stakeholder_type: Option<StakeholderType>,
    ) -> Option<Option<ItuEntity>> {
        let entity = self.optional_checked(map, "itu_entity", |r, code: String| {
            r.enum_value("itu_entity", &code, ItuEntity::parse, ItuEntity::expected)
                .map(Some)
        })?;
        let organization = StakeholderType::InternationalOrganization;
        if entity.is_some() && stakeholder_type.is_some_and(|t| t != organization) {
            let message = format!(
                "'itu_entity' is for projects of ITU: stakeholder_type must be '{organization}'"
            );
            self.fail("itu_entity", "invalid_combination", message);
            return None;
        }
        Some(entity)
    }

    fn code<T>(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
        parse: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Option<T> {
        let code: String = self.required(map, field)?;
        self.enum_value(field, &code, parse, expected)
    }

    fn list<T: PartialEq + Copy, R: DeserializeOwned + std::fmt::Display>(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
        parse: impl Fn(&R) -> Option<T>,
        invalid_code: &'static str,
        what: &str,
    ) -> Option<Vec<T>> {
        let raw: Vec<R> = self.required(map, field)?;
        let mut out: Vec<T> = Vec::with_capacity(raw.len());
        let mut ok = true;
        for item in &raw {
            match parse(item) {
                None => {
                    self.fail(field, invalid_code, format!("unknown {what} '{item}'"));
                    ok = false;
                }
                Some(v) if out.contains(&v) => {
                    self.fail(
                        field,
                        "duplicate_value",
                        format!("{what} '{item}' is listed twice"),
                    );
                    ok = false;
                }
                Some(v) => out.push(v),
            }
        }
        ok.then_some(out)
    }

    /// The countries; an absent list is an empty one (allowed for international scope only,
    /// which the caller checks).
    fn countries(&mut self, map: &mut Map<String, Value>) -> Option<Vec<Country>> {
        if map.get("countries").is_none_or(Value::is_null) {
            map.remove("countries");
            return Some(Vec::new());
        }
        self.list(
            map,
            "countries",
            |c: &String| Country::parse(&c.trim().to_ascii_uppercase()),
            "invalid_country",
            "country code",
        )
    }

    fn action_lines(&mut self, map: &mut Map<String, Value>) -> Option<Vec<ActionLine>> {
        let lines = self.list(
            map,
            "action_lines",
            |c: &String| ActionLine::parse(c.trim()),
            "invalid_action_line",
            "WSIS Action Line",
        )?;
        if lines.is_empty() {
            self.fail(
                "action_lines",
                "required",
                "at least one WSIS Action Line is required",
            );
            return None;
        }
        Some(lines)
    }

    fn sdgs(&mut self, map: &mut Map<String, Value>) -> Option<Vec<Sdg>> {
        let sdgs = self.list(map, "sdgs", |n: &i64| Sdg::new(*n), "invalid_sdg", "SDG")?;
        if sdgs.is_empty() {
            self.fail("sdgs", "required", "at least one SDG is required");
            return None;
        }
        Some(sdgs)
    }

    /// `Some(Some(date))`, `Some(None)` when absent and optional, `None` on error.
    pub(crate) fn date(
        &mut self,
        map: &mut Map<String, Value>,
        field: &str,
        required: bool,
    ) -> Option<Option<NaiveDate>> {
        let raw: Option<String> = match self.optional::<String>(map, field) {
            None if required => {
                self.fail(field, "required", format!("'{field}' is required"));
                return None;
            }
            None => return Some(None),
            Some(None) => return None,
            Some(Some(s)) => Some(s),
        };
        let raw = raw.unwrap_or_default();
        match parse_date(&raw) {
            Some(d) => Some(Some(d)),
            None => {
                self.fail(
                    field,
                    "invalid_date",
                    format!(
                        "'{field}' must be a date YYYY-MM-DD between 1900 and 2100, not '{raw}'"
                    ),
                );
                None
            }
        }
    }

    fn website(&mut self, map: &mut Map<String, Value>) -> Option<Option<String>> {
        self.optional_checked(map, "website", |r, raw: String| {
            let raw = r.characters("website", raw.trim(), Lines::One)?;
            if raw.is_empty() {
                return Some(None);
            }
            if is_web_url(&raw) {
                Some(Some(raw))
            } else {
                r.fail(
                    "website",
                    "invalid_url",
                    format!("'website' must be an absolute http or https URL, not '{raw}'"),
                );
                None
            }
        })
    }

    fn contact(&mut self, map: &mut Map<String, Value>, required: bool) -> Option<Option<Contact>> {
        let mut obj = match map.remove("contact") {
            None | Some(Value::Null) if required => {
                self.fail(
                    "contact",
                    "required",
                    "'contact' (name and email) is required",
                );
                return None;
            }
            None | Some(Value::Null) => return Some(None),
            Some(Value::Object(obj)) => obj,
            Some(_) => {
                self.fail(
                    "contact",
                    "invalid_type",
                    "'contact' must be an object with name and email",
                );
                return None;
            }
        };
        self.unknown_fields(&obj, "contact.", |key| {
            matches!(key, "name" | "email" | "language")
        });
        let name = self
            .contact_text(&mut obj, "name")
            .and_then(|s| self.check_text("contact.name", &s, (1, 200), Lines::One));
        let email = self
            .contact_text(&mut obj, "email")
            .and_then(|s| self.email("contact.email", &s));
        let language = self.contact_language(obj.remove("language"));
        Some(Some(Contact {
            name: name?,
            email: email?,
            language: language?,
        }))
    }

    /// `contact.language` as sent: absent, or a language code.
    fn contact_language(&mut self, value: Option<Value>) -> Option<Option<Language>> {
        const FIELD: &str = "contact.language";
        match value {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(code)) => self
                .enum_value(FIELD, &code, Language::parse, Language::expected)
                .map(Some),
            Some(_) => {
                self.fail(FIELD, "invalid_type", format!("'{FIELD}' must be a string"));
                None
            }
        }
    }

    /// `contact.{key}` as sent: a string, required.
    fn contact_text(&mut self, contact: &mut Map<String, Value>, key: &str) -> Option<String> {
        let field = format!("contact.{key}");
        match contact.remove(key) {
            Some(Value::String(s)) => Some(s),
            None | Some(Value::Null) => {
                self.fail(&field, "required", format!("'{field}' is required"));
                None
            }
            Some(_) => {
                self.fail(
                    &field,
                    "invalid_type",
                    format!("'{field}' must be a string"),
                );
                None
            }
        }
    }

    /// An e-mail address, trimmed and normalised, if [`is_email`] accepts it.
    fn email(&mut self, field: &str, raw: &str) -> Option<String> {
        let s = self.characters(field, raw.trim(), Lines::One)?;
        if is_email(&s) {
            return Some(s);
        }
        self.fail(
            field,
            "invalid_email",
            format!("'{field}' is not an e-mail address: '{s}'"),
        );
        None
    }

    fn source_id(&mut self, map: &mut Map<String, Value>) -> Option<Option<String>> {
        self.optional_checked(map, "source_id", |r, s: String| {
            r.check_text("source_id", &s, (1, SOURCE_ID_MAX_CHARS), Lines::One)
                .map(Some)
        })
    }
}

fn type_name<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    if name.contains("Vec<i64>") {
        "a list of integers"
    } else if name.contains("Vec") {
        "a list of strings"
    } else if name.contains("String") {
        "a string"
    } else if name.contains("bool") {
        "true or false"
    } else {
        "of another type"
    }
}

/// Parses `YYYY-MM-DD` with a year between 1900 and 2100.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let bytes = raw.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?;
    (1900..=2100)
        .contains(&chrono::Datelike::year(&date))
        .then_some(date)
}

/// Whether a string is an absolute http(s) URL with a host.
pub fn is_web_url(raw: &str) -> bool {
    raw.chars().count() <= URL_MAX_CHARS
        && url::Url::parse(raw)
            .map(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some_and(|h| !h.is_empty())
            })
            .unwrap_or(false)
}

/// A plain check of an e-mail address: one `@`, a dotted domain, no spaces and no
/// invisible formatting characters (zero-width, direction marks, byte-order mark).
pub fn is_email(raw: &str) -> bool {
    let invisible = |c: char| matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
    if raw.len() > 254 || raw.chars().any(|c| c.is_whitespace() || invisible(c)) {
        return false;
    }
    let mut parts = raw.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        _ => false,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::HashSet;

    pub(crate) fn sample_json() -> Value {
        json!({
            "title": "Mobile telemedicine for rural clinics",
            "description": "Nurses in twelve rural clinics consult doctors by video.",
            "organization": "Rural Health Link",
            "stakeholder_type": "civil_society",
            "scope": "regional",
            "countries": ["KE", "TZ"],
            "action_lines": ["C7.e-health", "C2"],
            "sdgs": [3, 9],
            "covid19": true,
            "status": "ongoing",
            "start_date": "2020-04-01",
            "end_date": null,
            "website": "https://example.org/project",
            "language": "en",
            "contact": {"name": "A. Submitter", "email": "a@example.org"}
        })
    }

    pub(crate) use crate::model::project::tests::sample_fields;

    fn errors_for(patch: Value) -> Vec<FieldError> {
        let mut body = sample_json();
        for (k, v) in patch.as_object().unwrap() {
            if v == &json!("__remove__") {
                body.as_object_mut().unwrap().remove(k);
            } else {
                body[k] = v.clone();
            }
        }
        parse_submission(body, SubmissionKind::Public)
            .unwrap_err()
            .0
    }

    fn first(patch: Value) -> (String, &'static str) {
        let e = errors_for(patch);
        (e[0].field.clone(), e[0].code)
    }

    #[test]
    fn a_complete_submission_is_accepted() {
        let s = parse_submission(sample_json(), SubmissionKind::Public).unwrap();
        assert_eq!(s.fields.countries.len(), 2);
        assert_eq!(s.contact.unwrap().email, "a@example.org");
    }

    #[test]
    fn the_sample_submission_reads_as_the_sample_fields() {
        let s = parse_submission(sample_json(), SubmissionKind::Public).unwrap();
        assert_eq!(s.fields, sample_fields());
    }

    /// The first problem of the sample changed by each patch is `(field, code)`.
    fn assert_first_problems(cases: &[(Value, &str, &str)]) {
        for (patch, field, code) in cases {
            assert_eq!(first(patch.clone()), (field.to_string(), *code), "{patch}");
        }
    }

    #[test]
    fn each_list_rule_names_its_field_and_code() {
        assert_first_problems(&[
            (
                json!({"action_lines": ["C12"]}),
                "action_lines",
                "invalid_action_line",
            ),
            (
                json!({"action_lines": ["C2", "C2"]}),
                "action_lines",
                "duplicate_value",
            ),
            (json!({"action_lines": []}), "action_lines", "required"),
            (json!({"sdgs": [18]}), "sdgs", "invalid_sdg"),
            (json!({"sdgs": [3, 3]}), "sdgs", "duplicate_value"),
            (json!({"sdgs": ["3"]}), "sdgs", "invalid_type"),
            (json!({"countries": ["XX"]}), "countries", "invalid_country"),
            (
                json!({"countries": ["KE", "KE"]}),
                "countries",
                "duplicate_value",
            ),
            (json!({"countries": []}), "countries", "required"),
        ]);
    }

    #[test]
    fn each_text_and_date_rule_names_its_field_and_code() {
        assert_first_problems(&[
            (json!({"title": ""}), "title", "required"),
            (json!({"title": "ab"}), "title", "too_short"),
            (json!({"title": "x".repeat(301)}), "title", "too_long"),
            (json!({"title": "__remove__"}), "title", "required"),
            (json!({"description": "  "}), "description", "required"),
            (
                json!({"description": "x".repeat(20_001)}),
                "description",
                "too_long",
            ),
            (
                json!({"end_date": "2019-01-01"}),
                "end_date",
                "invalid_date_range",
            ),
            (
                json!({"start_date": "2020-13-01"}),
                "start_date",
                "invalid_date",
            ),
            (
                json!({"start_date": "01/04/2020"}),
                "start_date",
                "invalid_date",
            ),
            (
                json!({"website": "ftp://example.org"}),
                "website",
                "invalid_url",
            ),
            (json!({"website": "not a url"}), "website", "invalid_url"),
        ]);
    }

    #[test]
    fn each_code_field_and_contact_rule_names_its_field_and_code() {
        assert_first_problems(&[
            (
                json!({"stakeholder_type": "company"}),
                "stakeholder_type",
                "invalid_value",
            ),
            (json!({"scope": "galactic"}), "scope", "invalid_value"),
            (json!({"status": "paused"}), "status", "invalid_value"),
            (json!({"language": "de"}), "language", "invalid_value"),
            (json!({"covid19": "yes"}), "covid19", "invalid_type"),
            (json!({"colour": "blue"}), "colour", "unknown_field"),
            (json!({"source_id": "x"}), "source_id", "unknown_field"),
            (json!({"contact": "__remove__"}), "contact", "required"),
            (
                json!({"contact": {"name": "A", "email": "nope"}}),
                "contact.email",
                "invalid_email",
            ),
            (
                json!({"contact": {"name": "A", "email": "a\u{200d}@example.org"}}),
                "contact.email",
                "invalid_email",
            ),
            (
                json!({"contact": {"name": "A", "email": "a@b.org", "phone": "1"}}),
                "contact.phone",
                "unknown_field",
            ),
        ]);
    }

    #[test]
    fn contact_and_unknown_field_messages_name_the_field() {
        let messages =
            |patch| -> Vec<String> { errors_for(patch).into_iter().map(|e| e.message).collect() };
        assert_eq!(
            messages(json!({"colour": "blue", "contact": {"email": 3, "phone": "1"}})),
            [
                "unknown field 'colour'",
                "unknown field 'contact.phone'",
                "'contact.name' is required",
                "'contact.email' must be a string",
            ]
        );
        assert_eq!(
            messages(json!({"contact": {"name": 1, "email": "nope"}})),
            [
                "'contact.name' must be a string",
                "'contact.email' is not an e-mail address: 'nope'",
            ]
        );
    }

    #[test]
    fn every_bad_field_is_listed_not_only_the_first() {
        let e = errors_for(json!({"sdgs": [0], "countries": ["ZZ"], "title": "x"}));
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["title", "countries", "sdgs"]);
    }

    #[test]
    fn an_international_project_may_have_no_country() {
        let mut body = sample_json();
        body["scope"] = json!("international");
        body["countries"] = json!([]);
        let s = parse_submission(body, SubmissionKind::Public).unwrap();
        assert!(s.fields.countries.is_empty());
    }

    #[test]
    fn imports_accept_a_source_id_and_no_contact() {
        let mut body = sample_json();
        body.as_object_mut().unwrap().remove("contact");
        body["source_id"] = json!("dpg-123");
        let s = parse_submission(body, SubmissionKind::Import).unwrap();
        assert_eq!(s.source_id.as_deref(), Some("dpg-123"));
        assert!(s.contact.is_none());
    }

    #[test]
    fn text_is_trimmed_and_defaults_apply() {
        let mut body = sample_json();
        body["title"] = json!("  Padded title  ");
        body.as_object_mut().unwrap().remove("language");
        body.as_object_mut().unwrap().remove("covid19");
        let s = parse_submission(body, SubmissionKind::Public).unwrap();
        assert_eq!(s.fields.title, "Padded title");
        assert_eq!(s.fields.language, Language::En);
        assert!(!s.fields.covid19);
    }

    #[test]
    fn a_body_that_is_not_an_object_is_refused() {
        let e = parse_submission(json!([1, 2]), SubmissionKind::Public).unwrap_err();
        assert_eq!(e.0[0].code, "invalid_type");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn titles_are_accepted_exactly_within_three_to_three_hundred_chars(len in 0usize..320) {
                let mut body = sample_json();
                body["title"] = json!("é".repeat(len));
                let ok = parse_submission(body, SubmissionKind::Public).is_ok();
                prop_assert_eq!(ok, (3..=300).contains(&len));
            }

            #[test]
            fn sdg_lists_are_accepted_only_with_distinct_goals_in_range(sdgs in proptest::collection::vec(-2i64..20, 0..6)) {
                let mut body = sample_json();
                body["sdgs"] = json!(sdgs);
                let ok = parse_submission(body, SubmissionKind::Public).is_ok();
                let distinct: HashSet<i64> = sdgs.iter().copied().collect();
                let expected = !sdgs.is_empty()
                    && sdgs.iter().all(|n| (1..=17).contains(n))
                    && distinct.len() == sdgs.len();
                prop_assert_eq!(ok, expected);
            }
        }
    }
}
