//! Calls for submissions: the secretariat's yearly calls (the WSIS Stocktaking Report, the
//! COVID-19 ICT Case Repository, the WSIS Prizes, update requests), each with a title and a
//! text in the six languages, an opening and a deadline whose extensions are kept.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::project::ProjectId;
use super::taxonomy::Language;
use super::text::Lines;
use super::validation::{FieldError, Reader, ValidationErrors};

/// A call's id (time-ordered, like a project's).
pub type CallId = ProjectId;

/// What a call is for.
#[derive(utoipa::ToSchema, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// Projects for the WSIS Stocktaking Report.
    Stocktaking,
    /// Cases for the COVID-19 ICT Case Repository.
    Covid19,
    /// Nominations for the WSIS Prizes.
    Prizes,
    /// A request to update entries submitted earlier.
    Update,
}

impl CallKind {
    /// Every kind.
    pub const ALL: [CallKind; 4] = [
        CallKind::Stocktaking,
        CallKind::Covid19,
        CallKind::Prizes,
        CallKind::Update,
    ];

    /// The code of the API.
    pub fn code(self) -> &'static str {
        match self {
            CallKind::Stocktaking => "stocktaking",
            CallKind::Covid19 => "covid19",
            CallKind::Prizes => "prizes",
            CallKind::Update => "update",
        }
    }

    fn parse(code: &str) -> Option<CallKind> {
        CallKind::ALL.into_iter().find(|k| k.code() == code)
    }

    fn expected() -> String {
        CallKind::ALL.map(CallKind::code).join(", ")
    }
}

/// A call's title and text in one language.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallText {
    /// The title, 3 to 200 characters.
    pub title: String,
    /// What is asked, up to 5,000 characters.
    pub text: String,
}

/// A change of deadline.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineChange {
    /// The deadline before.
    pub from: DateTime<Utc>,
    /// The deadline after.
    pub to: DateTime<Utc>,
    /// When it was changed.
    pub at: DateTime<Utc>,
    /// The key that changed it (for the secretariat: public answers leave it out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// A call for submissions.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// Its id.
    #[schema(value_type = String)]
    pub id: CallId,
    /// Its number, from 1 in the order calls were opened: the value of the `call` search
    /// facet and filter.
    #[serde(default)]
    pub number: u16,
    /// What it is for.
    pub kind: CallKind,
    /// Title and text by language code; English always.
    pub texts: std::collections::BTreeMap<String, CallText>,
    /// Submissions may name it from then on.
    pub opens_at: DateTime<Utc>,
    /// The deadline: submissions naming it are refused after it.
    pub closes_at: DateTime<Utc>,
    /// Every change of the deadline, oldest first.
    #[serde(default)]
    pub deadline_history: Vec<DeadlineChange>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

/// Why a submission may not name a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallRefusal {
    /// Not open yet.
    NotOpen,
    /// Its deadline passed.
    Closed,
}

impl Call {
    /// Whether a submission at `now` may name it.
    pub fn admits(&self, now: DateTime<Utc>) -> Result<(), CallRefusal> {
        if now < self.opens_at {
            Err(CallRefusal::NotOpen)
        } else if now > self.closes_at {
            Err(CallRefusal::Closed)
        } else {
            Ok(())
        }
    }

    /// Whether it is open at `now`.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.admits(now).is_ok()
    }

    /// Its title and text in `lang`, else in English.
    pub fn text(&self, lang: Language) -> Option<&CallText> {
        self.texts
            .get(lang.code())
            .or_else(|| self.texts.get(Language::En.code()))
    }

    /// Moves the deadline, keeping the old one in the history.
    ///
    /// # Errors
    /// A deadline before the opening.
    pub fn move_deadline(
        &mut self,
        to: DateTime<Utc>,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationErrors> {
        if to <= self.opens_at {
            return Err(ValidationErrors(vec![FieldError::new(
                "closes_at",
                "before_opening",
                "'closes_at' must come after the call opens",
            )]));
        }
        self.deadline_history.push(DeadlineChange {
            from: self.closes_at,
            to,
            at: now,
            by: by.to_string(),
        });
        self.closes_at = to;
        Ok(())
    }
}

/// A new call's fields, checked.
pub struct NewCall {
    /// Its kind.
    pub kind: CallKind,
    /// Its texts by language code.
    pub texts: std::collections::BTreeMap<String, CallText>,
    /// Its opening.
    pub opens_at: DateTime<Utc>,
    /// Its deadline.
    pub closes_at: DateTime<Utc>,
}

const FIELDS: [&str; 4] = ["kind", "texts", "opens_at", "closes_at"];

/// A call from a request body: `kind`, `texts` (`{"en": {"title", "text"}, "fr": …}`, English
/// required), `opens_at` and `closes_at` (RFC 3339, the deadline after the opening).
///
/// # Errors
/// Every problem, each naming its field.
pub fn parse_call(body: Value) -> Result<NewCall, ValidationErrors> {
    let Value::Object(mut map) = body else {
        let error = FieldError::new("body", "invalid_type", "the body must be a JSON object");
        return Err(ValidationErrors(vec![error]));
    };
    let mut r = Reader::default();
    r.unknown_fields(&map, "", |key| FIELDS.contains(&key));
    let kind = r
        .required::<String>(&mut map, "kind")
        .and_then(|k| r.enum_value("kind", &k, CallKind::parse, CallKind::expected));
    let texts = read_texts(&mut r, map.remove("texts"));
    let opens_at = r.required::<DateTime<Utc>>(&mut map, "opens_at");
    let closes_at = r.required::<DateTime<Utc>>(&mut map, "closes_at");
    if let (Some(open), Some(close)) = (opens_at, closes_at) {
        if close <= open {
            r.fail(
                "closes_at",
                "before_opening",
                "'closes_at' must come after 'opens_at'",
            );
        }
    }
    match (kind, texts, opens_at, closes_at) {
        (Some(kind), Some(texts), Some(opens_at), Some(closes_at)) if r.errors.is_empty() => {
            Ok(NewCall {
                kind,
                texts,
                opens_at,
                closes_at,
            })
        }
        _ => Err(ValidationErrors(r.errors)),
    }
}

/// `texts`: an object of language codes, each with a title and a text; English required.
fn read_texts(
    r: &mut Reader,
    value: Option<Value>,
) -> Option<std::collections::BTreeMap<String, CallText>> {
    let Some(Value::Object(by_lang)) = value else {
        r.fail(
            "texts",
            "required",
            "'texts' must be an object with at least 'en'",
        );
        return None;
    };
    let mut texts = std::collections::BTreeMap::new();
    for (code, entry) in by_lang {
        let field = format!("texts.{code}");
        let Some(lang) = Language::parse(&code) else {
            r.fail(
                &field,
                "invalid_value",
                format!(
                    "unknown language '{code}'; expected one of: {}",
                    Language::expected()
                ),
            );
            continue;
        };
        let Value::Object(mut entry) = entry else {
            r.fail(
                &field,
                "invalid_type",
                format!("'{field}' must be an object with title and text"),
            );
            continue;
        };
        if let Some(text) = read_text(r, &field, &mut entry) {
            texts.insert(lang.code().to_string(), text);
        }
    }
    if !texts.contains_key(Language::En.code()) {
        r.fail(
            "texts.en",
            "required",
            "'texts.en' (the English title and text) is required",
        );
        return None;
    }
    Some(texts)
}

fn read_text(r: &mut Reader, field: &str, entry: &mut Map<String, Value>) -> Option<CallText> {
    r.unknown_fields(entry, &format!("{field}."), |key| {
        key == "title" || key == "text"
    });
    let title: Option<String> = entry
        .remove("title")
        .and_then(|v| v.as_str().map(str::to_string));
    let text: Option<String> = entry
        .remove("text")
        .and_then(|v| v.as_str().map(str::to_string));
    let title = r.check_text(
        &format!("{field}.title"),
        &title.unwrap_or_default(),
        (3, 200),
        Lines::One,
    );
    let text = r.check_text(
        &format!("{field}.text"),
        &text.unwrap_or_default(),
        (0, 5_000),
        Lines::Many,
    );
    Some(CallText {
        title: title?,
        text: text?,
    })
}

/// How a request was answered.
#[derive(utoipa::ToSchema, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateAnswer {
    /// The entry was revised.
    Updated,
    /// The entry was confirmed unchanged.
    Confirmed,
}
