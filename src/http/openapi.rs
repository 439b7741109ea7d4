//! The OpenAPI 3.1 document, `GET /api/v1/openapi.json`. Operations come from the
//! handlers' `#[utoipa::path]` annotations, registered with the routes themselves
//! (`utoipa_axum::routes!`), so the document and the router cannot drift apart. This module
//! holds what the handlers share: the document's header, the security schemes, the error
//! responses and the parameter and body shapes that the handlers read by hand.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use crate::model::{
    ActionLine, Country, Language, Region, Scope, SelectionKind, StakeholderType, Status,
};

/// Tag of the project endpoints.
pub const PROJECTS: &str = "projects";
/// Tag of search, facets, statistics and exports.
pub const SEARCH: &str = "search";
/// Tag of the secretariat's moderation, import and backup.
pub const SECRETARIAT: &str = "secretariat";
/// Tag of curated selections.
pub const SELECTIONS: &str = "selections";
/// Tag of health, readiness, metrics and this document.
pub const OPERATIONS: &str = "operations";
/// Tag of the server-rendered HTML pages.
pub const PAGES: &str = "pages";

/// The document's header, security schemes and shared components.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "WSIS Stocktaking API",
        description = "Submit, moderate and search ICT-for-development projects tagged with WSIS Action Lines and SDGs. Every error has the shape {\"error\": {\"code\", \"message\", \"field\", \"details\"}}.",
        license(name = "MIT")
    ),
    components(schemas(super::error::ErrorBody, super::error::ErrorDetail)),
    modifiers(&Security),
    tags(
        (name = "projects", description = "Submissions, revisions, moderation decisions and history"),
        (name = "search", description = "Full text, facets, suggestions, statistics and exports"),
        (name = "secretariat", description = "Moderation queue, bulk import, backup (secretariat keys)"),
        (name = "selections", description = "Curated, ordered lists of projects"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
        (name = "pages", description = "Server-rendered HTML pages")
    )
)]
struct Header;

/// The bearer key of the secretariat and the submitter's edit token.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A secretariat key, made with `stocktaking keys create NAME`",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "edit_token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-Edit-Token",
                "The submitter's edit token, answered once by POST /projects",
            ))),
        );
    }
}

/// Statuses every API operation can answer, whatever it does: a bad parameter, an unknown
/// route or id, a body too large, rate limits, time-outs and an index not ready yet.
const COMMON_ERRORS: [(&str, &str); 7] = [
    (
        "400",
        "Malformed request: bad parameter, query syntax or JSON",
    ),
    (
        "404",
        "Unknown path or id (also for records the caller may not see)",
    ),
    ("405", "The path does not take this method"),
    ("408", "The request body did not arrive in time"),
    ("413", "The body is larger than this endpoint accepts"),
    ("429", "Rate limited; see Retry-After"),
    ("503", "Overloaded, timed out or shutting down; retry later"),
];

/// Adds [`COMMON_ERRORS`] to every API operation, and the shared error body to every
/// declared error.
struct ErrorResponses;

impl Modify for ErrorResponses {
    fn modify(&self, openapi: &mut Document) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !path.starts_with("/api/") {
                continue;
            }
            let operations: [&mut Option<Operation>; 4] = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                for (status, description) in COMMON_ERRORS {
                    operation
                        .responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| error_response(description));
                }
                // The declared errors share the one error body.
                for (status, response) in operation.responses.responses.iter_mut() {
                    if status.starts_with('4') || status.starts_with('5') {
                        if let RefOr::T(r) = response {
                            if r.content.is_empty() {
                                *response = error_response(&r.description);
                            }
                        }
                    }
                }
            }
        }
    }
}

fn error_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                Content::new(Some(Ref::from_schema_name("ErrorBody"))),
            )
            .build(),
    )
}

/// Every documented route: the API under `/api/v1`, health and metrics, and the pages.
fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(Header::openapi())
}

/// The OpenAPI document of the whole router.
pub fn document() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = super::routes(documented()).into_openapi();
        ErrorResponses.modify(&mut doc);
        doc
    })
}

/// The document's JSON, rendered once.
fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| document().to_pretty_json().unwrap_or_else(|_| "{}".into()))
}

/// The route of this document.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_json))
}

/// The OpenAPI document of this service.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = OPERATIONS,
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json", body = Object))
)]
async fn openapi_json() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        document_json(),
    )
}

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
#[derive(Deserialize, IntoParams)]
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
    #[param(rename = "If-Match")]
    pub if_match: Option<String>,
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
    /// The level the activity works at.
    pub scope: Scope,
    /// Countries; may be empty only for international scope.
    pub countries: Vec<Country>,
    /// One or more Action Lines, no duplicates.
    pub action_lines: Vec<ActionLine>,
    /// One or more SDGs, no duplicates.
    #[schema(value_type = Vec<crate::model::Sdg>)]
    pub sdgs: Vec<u8>,
    /// Responds to COVID-19 (false by default).
    pub covid19: Option<bool>,
    /// Planned, ongoing or completed.
    pub status: Status,
    /// Start date (YYYY-MM-DD).
    pub start_date: NaiveDate,
    /// End date, not before the start.
    pub end_date: Option<NaiveDate>,
    /// http or https URL.
    #[schema(max_length = 2000)]
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
pub struct ContactBody {
    /// Contact person.
    pub name: String,
    /// E-mail address.
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
