//! Selections: curated, ordered lists of projects (a WSIS TalkX session, a Prizes shortlist,
//! a report chapter, a collection), each item with the curator's note.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::project::{Project, ProjectId, PublicProject, State};
use super::taxonomy::ActionLine;
use super::text::Lines;
use super::validation::{FieldError, Reader, ValidationErrors};

/// A selection's id: a ULID, like a project's.
pub type SelectionId = ProjectId;

/// Most items a selection holds.
pub const MAX_ITEMS: usize = 500;
/// Longest curator's note, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// The kind of a selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SelectionKind {
    /// A WSIS TalkX session: title, theme, date, speakers' projects.
    Talkx,
    /// One WSIS Prizes category (an Action Line code) and edition year.
    PrizesShortlist,
    /// A chapter of the Stocktaking Report.
    Report,
    /// Anything else.
    Collection,
}

impl SelectionKind {
    /// Every kind.
    pub const ALL: [SelectionKind; 4] = [
        SelectionKind::Talkx,
        SelectionKind::PrizesShortlist,
        SelectionKind::Report,
        SelectionKind::Collection,
    ];

    /// Its place in [`SelectionKind::ALL`] (for tables of names).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The API code.
    pub fn code(self) -> &'static str {
        match self {
            SelectionKind::Talkx => "talkx",
            SelectionKind::PrizesShortlist => "prizes_shortlist",
            SelectionKind::Report => "report",
            SelectionKind::Collection => "collection",
        }
    }

    fn parse(code: &str) -> Option<SelectionKind> {
        serde_json::from_value(Value::String(code.to_string())).ok()
    }

    fn expected() -> String {
        "talkx, prizes_shortlist, report, collection".into()
    }
}

/// The editable description of a selection.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectionFields {
    /// Kind.
    pub kind: SelectionKind,
    /// Title, 3–300 characters.
    pub title: String,
    /// Theme (TalkX) or summary.
    pub theme: Option<String>,
    /// Date of the session or edition.
    pub date: Option<NaiveDate>,
    /// The Action Line: a Prizes shortlist's category (required), or a report chapter's
    /// (optional; the report lists the chapter under it).
    pub category: Option<ActionLine>,
    /// Prizes edition year (Prizes shortlists only).
    pub year: Option<i32>,
    /// Whether the public may read it.
    pub published: bool,
}

/// One entry of a selection.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionItem {
    /// The project.
    pub project_id: ProjectId,
    /// The curator's note.
    pub note: Option<String>,
}

/// A stored selection.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Id.
    pub id: SelectionId,
    /// Description.
    #[serde(flatten)]
    pub fields: SelectionFields,
    /// The items, in order.
    pub items: Vec<SelectionItem>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// An item with its project's public fields (and state: a withdrawn project stays, marked).
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct ExpandedItem {
    /// The project.
    pub project_id: ProjectId,
    /// The curator's note.
    pub note: Option<String>,
    /// The project's state now, or `None` if it no longer exists.
    pub state: Option<State>,
    /// The project's public fields; for the public only while the project is published
    /// (a member withdrawn later shows its state alone), `None` if it no longer exists.
    pub project: Option<PublicProject>,
}

/// A selection as the API shows it.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct SelectionView {
    /// Id.
    pub id: SelectionId,
    /// Description.
    #[serde(flatten)]
    pub fields: SelectionFields,
    /// Items with their projects, in order.
    pub items: Vec<ExpandedItem>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

const FIELDS: [&str; 8] = [
    "kind",
    "title",
    "theme",
    "date",
    "category",
    "year",
    "published",
    "items",
];

/// Reads a selection's description (and its items, if given) from a JSON body.
///
/// # Errors
/// Every bad, missing or unknown field.
pub fn parse_selection(
    body: Value,
) -> Result<(SelectionFields, Option<Vec<SelectionItem>>), ValidationErrors> {
    let mut map = object(body)?;
    let mut r = Reader::default();
    r.unknown_fields(&map, "", |key| FIELDS.contains(&key));
    let kind = r
        .required::<String>(&mut map, "kind")
        .and_then(|k| r.enum_value("kind", &k, SelectionKind::parse, SelectionKind::expected));
    let title = r.text(&mut map, "title", (3, 300), Lines::One);
    let theme = r.optional_checked(&mut map, "theme", read_theme);
    let date = r.date(&mut map, "date", false);
    let category = r.optional_checked(&mut map, "category", read_category);
    let year = r.optional_checked(&mut map, "year", read_year);
    let published = r
        .optional::<bool>(&mut map, "published")
        .unwrap_or(Some(false));
    let items = read_items(&mut r, map.remove("items"));
    check_category(&mut r, kind, category, year);
    if !r.errors.is_empty() {
        return Err(ValidationErrors(r.errors));
    }
    let fields = || -> Option<SelectionFields> {
        Some(SelectionFields {
            kind: kind?,
            title: title?,
            theme: theme?,
            date: date?,
            category: category?,
            year: year?,
            published: published?,
        })
    };
    match (fields(), items) {
        (Some(f), Some(items)) => Ok((f, items)),
        _ => Err(ValidationErrors(vec![FieldError::new(
            "body",
            "invalid_selection",
            "the selection is incomplete",
        )])),
    }
}

/// `theme`: text of at most [`MAX_NOTE_CHARS`] characters; blank is none.
fn read_theme(r: &mut Reader, theme: String) -> Option<Option<String>> {
    let chars = theme.chars().count();
    if chars > MAX_NOTE_CHARS {
        let message = format!("'theme' must have at most {MAX_NOTE_CHARS} characters");
        let error = FieldError::new("theme", "too_long", message).quoting("max", MAX_NOTE_CHARS);
        r.errors.push(error.quoting("chars", chars));
        return None;
    }
    r.characters("theme", theme.trim(), Lines::Many)
        .map(|t| Some(t).filter(|t| !t.is_empty()))
}

/// `category`: one of the 18 taggable Action Line codes (not the `C7` group).
fn read_category(r: &mut Reader, code: String) -> Option<Option<ActionLine>> {
    let category = ActionLine::parse(&code).filter(|a| *a != ActionLine::C7);
    if category.is_none() {
        r.fail(
            "category",
            "invalid_action_line",
            format!("'{code}' is not one of the 18 Action Line codes"),
        );
    }
    category.map(Some)
}

/// `year`: a Prizes edition, 2000 to 2100.
fn read_year(r: &mut Reader, year: i32) -> Option<Option<i32>> {
    if !(2000..=2100).contains(&year) {
        r.fail(
            "year",
            "invalid_value",
            format!("'year' must be 2000-2100, not {year}"),
        );
        return None;
    }
    Some(Some(year))
}

/// `items`, if given: `Some(None)` when absent, `None` when a problem was recorded.
fn read_items(r: &mut Reader, items: Option<Value>) -> Option<Option<Vec<SelectionItem>>> {
    match items {
        None | Some(Value::Null) => Some(None),
        Some(v) => match parse_items(v) {
            Ok(items) => Some(Some(items)),
            Err(errors) => {
                r.errors.extend(errors.0);
                None
            }
        },
    }
}

/// The category against the kind: a Prizes shortlist needs a category and a year; only a
/// shortlist or a report chapter may have a category. Fields already refused are skipped.
fn check_category(
    r: &mut Reader,
    kind: Option<SelectionKind>,
    category: Option<Option<ActionLine>>,
    year: Option<Option<i32>>,
) {
    if kind == Some(SelectionKind::PrizesShortlist) {
        if category == Some(None) {
            r.fail(
                "category",
                "required",
                "a Prizes shortlist needs its category",
            );
        }
        if year == Some(None) {
            r.fail(
                "year",
                "required",
                "a Prizes shortlist needs its edition year",
            );
        }
    } else if kind.is_some()
        && kind != Some(SelectionKind::Report)
        && matches!(category, Some(Some(_)))
    {
        r.fail(
            "category",
            "invalid_value",
            "only Prizes shortlists and report chapters have a category",
        );
    }
}

/// Reads the ordered items of `PUT /selections/{id}/items`.
///
/// # Errors
/// Bad entries, named by position (`items[2].project_id`), or too many.
pub fn parse_items(body: Value) -> Result<Vec<SelectionItem>, ValidationErrors> {
    let one =
        |code, message: String| ValidationErrors(vec![FieldError::new("items", code, message)]);
    let Value::Array(entries) = body else {
        return Err(one(
            "invalid_type",
            "items must be an array of {project_id, note}".into(),
        ));
    };
    if entries.len() > MAX_ITEMS {
        return Err(one(
            "too_long",
            format!(
                "a selection holds at most {MAX_ITEMS} items, not {}",
                entries.len()
            ),
        ));
    }
    let mut r = Reader::default();
    let mut items = Vec::with_capacity(entries.len());
    for (i, entry) in entries.into_iter().enumerate() {
        if let Some(item) = read_item(&mut r, i, entry, &items) {
            items.push(item);
        }
    }
    if r.errors.is_empty() {
        Ok(items)
    } else {
        Err(ValidationErrors(r.errors))
    }
}

/// Entry `i` of a list, after the items `before` it; `None` when a problem was recorded.
fn read_item(
    r: &mut Reader,
    i: usize,
    entry: Value,
    before: &[SelectionItem],
) -> Option<SelectionItem> {
    let field = |name: &str| format!("items[{i}].{name}");
    let Value::Object(mut map) = entry else {
        r.fail(
            &format!("items[{i}]"),
            "invalid_type",
            "each item must be an object",
        );
        return None;
    };
    for key in map.keys() {
        if key != "project_id" && key != "note" {
            r.fail(
                &field(key),
                "unknown_field",
                format!("unknown field '{key}'"),
            );
        }
    }
    let id = match map.remove("project_id") {
        Some(Value::String(s)) => s.parse::<ProjectId>().ok(),
        _ => None,
    };
    let Some(project_id) = id else {
        r.fail(
            &field("project_id"),
            "invalid_value",
            "project_id must be a project id",
        );
        return None;
    };
    if before.iter().any(|it| it.project_id == project_id) {
        r.fail(
            &field("project_id"),
            "duplicate_value",
            format!("project {project_id} is already in the list"),
        );
        return None;
    }
    let note = read_note(r, &field("note"), map.remove("note"))?;
    Some(SelectionItem { project_id, note })
}

/// A curator's note: text of at most [`MAX_NOTE_CHARS`] characters; blank is none.
fn read_note(r: &mut Reader, field: &str, note: Option<Value>) -> Option<Option<String>> {
    match note {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(n)) if n.chars().count() <= MAX_NOTE_CHARS => r
            .characters(field, n.trim(), Lines::Many)
            .map(|n| Some(n).filter(|n| !n.is_empty())),
        Some(_) => {
            r.fail(
                field,
                "invalid_value",
                "a note is text of at most 2000 characters",
            );
            None
        }
    }
}

fn object(body: Value) -> Result<Map<String, Value>, ValidationErrors> {
    match body {
        Value::Object(map) => Ok(map),
        _ => Err(ValidationErrors(vec![FieldError::new(
            "body",
            "invalid_type",
            "the body must be a JSON object",
        )])),
    }
}

/// Why `project` may not be added to a selection, if it may not, as (code, message): new
/// members must be published (`not_published`), and a Prizes shortlist takes only projects
/// tagged with its category (`wrong_category`).
pub fn admission_error(
    fields: &SelectionFields,
    project: &Project,
) -> Option<(&'static str, String)> {
    if project.state != State::Published {
        return Some((
            "not_published",
            format!(
                "project {} is {}; only published projects can be added",
                project.id,
                project.state.code()
            ),
        ));
    }
    match (fields.kind, fields.category) {
        (SelectionKind::PrizesShortlist | SelectionKind::Report, Some(category))
            if !project.fields.action_lines.contains(&category) =>
        {
            Some((
                "wrong_category",
                format!(
                    "project {} is not tagged {}, the category of this selection",
                    project.id,
                    category.code()
                ),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_prizes_shortlist_needs_a_leaf_category_and_a_year() {
        let errors = parse_selection(json!({"kind": "prizes_shortlist", "title": "Prizes"}))
            .unwrap_err()
            .0;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["category", "year"]);
        let errors = parse_selection(
            json!({"kind": "prizes_shortlist", "title": "Prizes", "category": "C7", "year": 2024}),
        )
        .unwrap_err()
        .0;
        assert_eq!(errors[0].field, "category");
        let (fields, items) = parse_selection(json!({
            "kind": "prizes_shortlist", "title": "Prizes", "category": "C7.e-health", "year": 2024
        }))
        .unwrap();
        assert_eq!(fields.category.map(ActionLine::code), Some("C7.e-health"));
        assert!(items.is_none());
    }

    #[test]
    fn a_kind_s_index_is_its_place_in_all() {
        for (i, kind) in SelectionKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i, "{kind:?}");
        }
    }

    #[test]
    fn items_are_checked_by_position() {
        let id = ProjectId::generate().to_string();
        let errors = parse_items(json!([
            {"project_id": id, "note": "first"},
            {"project_id": id},
            {"project_id": "nope"},
            {"project_id": ProjectId::generate().to_string(), "colour": "red"}
        ]))
        .unwrap_err()
        .0;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "items[1].project_id",
                "items[2].project_id",
                "items[3].colour"
            ]
        );
        assert!(parse_selection(json!({"kind": "talkx", "title": "TalkX", "colour": 1})).is_err());
    }
}
