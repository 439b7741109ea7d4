//! The parameter and body shapes of the document that handlers read by hand (query pairs,
//! raw JSON through the validation), described here for the document only.

use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::model::{
    ActionLine, Country, ItuEntity, Language, Region, Scope, SelectionKind, StakeholderType, Status,
};

/// `{id}` of a project or selection.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct IdPath {
    /// The id (a ULID).
    pub id: String,
}

/// Whether a write answers only once it is searchable.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefreshMode {
    /// Answer once the change is visible to search.
    WaitFor,
    /// Answer at once (the default).
    False,
}

/// `?refresh=` of writes.
#[derive(Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RefreshParam {
    /// `wait_for`: answer only once the change is visible to search.
    #[param(inline)]
    pub refresh: Option<RefreshMode>,
}

/// `If-Match` of project changes.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatchHeader {
    /// The version last seen (`3`, `"3"` or `W/"3"`); a stale one is a 409.
    #[serde(rename = "If-Match")]
    #[param(rename = "If-Match", pattern = r#"^(W/)?"?[0-9]{1,19}"?$"#)]
    pub if_match: Option<String>,
}

/// `Idempotency-Key` on a submission.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyKeyHeader {
    /// A new UUID per submission (any 1 to 255 visible ASCII characters are taken): the
    /// same key and body within 24 hours answer the first result again; another body with
    /// the key is a 422.
    #[serde(rename = "Idempotency-Key")]
    #[param(rename = "Idempotency-Key")]
    pub idempotency_key: Option<String>,
}

/// The search filters, shared by search, statistics, exports and the moderation queue.
/// Repeatable ones are ORed within, ANDed across.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// WSIS Action Lines (`C7` matches every C7 sub-line).
    pub action_line: Option<Vec<ActionLine>>,
    /// SDGs, 1 to 17.
    #[param(inline, value_type = Option<Vec<u8>>, maximum = 17, minimum = 1)]
    pub sdg: Option<Vec<u8>>,
    /// ISO 3166-1 alpha-2 countries.
    pub country: Option<Vec<Country>>,
    /// ITU regions.
    pub region: Option<Vec<Region>>,
    /// Stakeholder types.
    pub stakeholder_type: Option<Vec<StakeholderType>>,
    /// Parts of ITU (ITU's own input).
    pub itu_entity: Option<Vec<ItuEntity>>,
    /// Scopes.
    pub scope: Option<Vec<Scope>>,
    /// Statuses.
    pub status: Option<Vec<Status>>,
    /// Only COVID-19 responses (`true`) or only others (`false`).
    pub covid19: Option<bool>,
    /// First start year.
    #[param(minimum = 1900, maximum = 2100)]
    pub year_from: Option<i32>,
    /// Last start year.
    #[param(minimum = 1900, maximum = 2100)]
    pub year_to: Option<i32>,
    /// Numbers of the calls for submissions answered (see `GET /api/v1/calls`).
    #[param(inline, value_type = Option<Vec<u16>>, minimum = 1, maximum = 255)]
    pub call: Option<Vec<u16>>,
    /// Confirmed by the submitter before this day (YYYY-MM-DD), or never.
    pub confirmed_before: Option<NaiveDate>,
    /// Confirmed by the submitter on this day (YYYY-MM-DD) or later.
    pub confirmed_since: Option<NaiveDate>,
}

/// The order of search hits.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortParam {
    /// Best match first (the default).
    Relevance,
    /// Latest start first.
    Newest,
    /// Earliest start first.
    Oldest,
    /// By title.
    Title,
    /// Latest confirmation by the submitter first, never confirmed last.
    Confirmed,
}

/// Full text, order, page and label language of a search (with [`FilterParams`]).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Text: `"quoted phrases"`, `-exclusions`; typos tolerated; at most 1,000 characters and 32 words.
    #[param(max_length = 1000)]
    pub q: Option<String>,
    /// Order of hits.
    #[param(inline)]
    pub sort: Option<SortParam>,
    /// Page, from 1; `page * per_page` at most 10,000.
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u32>,
    /// Hits per page, 1 to 100 (20 by default).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u32>,
    /// The language of labels and of the query's analysis.
    pub lang: Option<Language>,
}

/// A submission or revision: the editable fields, the private contact and (imports only)
/// `source_id`. Validated field by field; every bad field is listed in `details`.
#[derive(Deserialize, ToSchema)]
pub struct SubmissionBody {
    /// 3 to 300 characters.
    #[schema(min_length = 3, max_length = 300)]
    pub title: String,
    /// Up to 20,000 characters.
    #[schema(min_length = 1, max_length = 20000)]
    pub description: String,
    /// Up to 300 characters.
    #[schema(min_length = 1, max_length = 300)]
    pub organization: String,
    /// The kind of organization.
    pub stakeholder_type: StakeholderType,
    /// For projects of ITU (stakeholder type `international_organization`): the part of
    /// ITU that submitted it.
    pub itu_entity: Option<ItuEntity>,
    /// The level the activity works at.
    pub scope: Scope,
    /// Countries; may be empty (or left out) only for international scope.
    pub countries: Vec<Country>,
    /// One or more Action Lines, no duplicates.
    #[schema(min_items = 1)]
    pub action_lines: Vec<ActionLine>,
    /// One or more SDGs, no duplicates.
    #[schema(value_type = Vec<crate::model::Sdg>, min_items = 1)]
    pub sdgs: Vec<u8>,
    /// Responds to COVID-19 (false by default).
    pub covid19: Option<bool>,
    /// Planned, ongoing or completed.
    pub status: Status,
    /// Start date (YYYY-MM-DD); absent or null when unknown.
    pub start_date: Option<NaiveDate>,
    /// End date, not before the start.
    pub end_date: Option<NaiveDate>,
    /// http or https URL.
    #[schema(
        max_length = 2000,
        format = "uri",
        pattern = "^\\s*([Hh][Tt][Tt][Pp][Ss]?:.*)?$"
    )]
    pub website: Option<String>,
    /// The language of the text (en by default).
    pub language: Option<Language>,
    /// Private contact: required for public submissions, optional in revisions.
    pub contact: Option<ContactBody>,
}

/// A project as exports write it: an import record (read back by `POST /import`), with for
/// the secretariat its state and contact.
#[derive(Deserialize, ToSchema)]
pub struct ExportRecord {
    /// The fields, as a submission has them (empty ones left out).
    #[serde(flatten)]
    pub fields: SubmissionBody,
    /// The id in the source system, else the project's id.
    pub source_id: String,
    /// The state (secretariat exports only).
    pub state: Option<crate::model::State>,
}

/// The private contact of a submission.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactBody {
    /// Contact person.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// E-mail address.
    #[schema(format = Email, max_length = 254)]
    pub email: String,
}

/// A selection's description (`POST /selections`, `PUT /selections/{id}`).
#[derive(Deserialize, ToSchema)]
pub struct SelectionBody {
    /// Kind.
    pub kind: SelectionKind,
    /// 3 to 300 characters.
    #[schema(min_length = 3, max_length = 300)]
    pub title: String,
    /// Theme or summary.
    pub theme: Option<String>,
    /// Date of the session or edition.
    pub date: Option<NaiveDate>,
    /// Action Line: required for Prizes shortlists.
    pub category: Option<ActionLine>,
    /// Prizes edition year.
    pub year: Option<i32>,
    /// Whether the public may read it.
    pub published: Option<bool>,
    /// Items, in order (at most 500).
    pub items: Option<Vec<ItemBody>>,
}

/// One item of a selection.
#[derive(Deserialize, ToSchema)]
pub struct ItemBody {
    /// The project.
    pub project_id: String,
    /// The curator's note, up to 2,000 characters.
    pub note: Option<String>,
}

/// What a tag suggestion reads; other fields (a whole submission form) are ignored.
#[derive(Deserialize, ToSchema)]
pub struct TagBody {
    /// The title.
    pub title: String,
    /// The description.
    pub description: String,
    /// Their language (en by default).
    pub language: Option<Language>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::SUBMISSION_FIELDS;
    use utoipa::PartialSchema;

    #[test]
    fn the_submission_schema_names_every_field_the_validation_reads() {
        let schema = serde_json::to_value(SubmissionBody::schema()).unwrap_or_default();
        let mut documented: Vec<String> = schema["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        documented.sort();
        let mut read: Vec<String> = SUBMISSION_FIELDS.iter().map(|f| f.to_string()).collect();
        read.push("contact".into());
        read.sort();
        assert_eq!(documented, read);
    }
}
