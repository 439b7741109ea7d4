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
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::AdditionalProperties;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, Schema};
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

/// The id of a created or found record, for the operations that take it as `{id}`.
const ID: &[(&str, &str)] = &[("id", "$response.body#/id")];

/// Links from one answer: the parameters it fills from its body, and the operations they fill.
struct AnswerLinks {
    method: &'static str,
    path: &'static str,
    status: &'static str,
    parameters: &'static [(&'static str, &'static str)],
    targets: &'static [&'static str],
}

/// Where answers lead. Clients and schemathesis' stateful phase follow these links.
const LINKS: [AnswerLinks; 4] = [
    AnswerLinks {
        method: "post",
        path: "/api/v1/projects",
        status: "201",
        parameters: ID,
        targets: &[
            "show_project",
            "history",
            "withdraw_project",
            "publish",
            "request_changes",
            "reject",
            "related",
            "submission_page",
            "revise_form",
            "withdraw_form",
            "project_page",
        ],
    },
    AnswerLinks {
        method: "get",
        path: "/api/v1/projects/{id}",
        status: "200",
        parameters: &[
            ("id", "$response.body#/id"),
            ("header.If-Match", "$response.body#/version"),
        ],
        targets: &["revise_project", "withdraw_project"],
    },
    AnswerLinks {
        method: "get",
        path: "/api/v1/search",
        status: "200",
        parameters: &[("id", "$response.body#/hits/0/id")],
        targets: &["show_project", "related", "project_page"],
    },
    AnswerLinks {
        method: "post",
        path: "/api/v1/selections",
        status: "201",
        parameters: ID,
        targets: &[
            "show_selection",
            "update_selection",
            "set_items",
            "export_selection",
            "delete_selection",
            "public_page",
            "builder_page",
            "update_selection_form",
            "edit_items",
            "export_selection_page",
        ],
    },
];

/// Adds [`LINKS`] to their responses.
struct Links;

impl Modify for Links {
    fn modify(&self, openapi: &mut Document) {
        for AnswerLinks {
            method,
            path,
            status,
            parameters,
            targets,
        } in LINKS
        {
            let response = openapi
                .paths
                .paths
                .get_mut(path)
                .and_then(|item| match method {
                    "get" => item.get.as_mut(),
                    "post" => item.post.as_mut(),
                    _ => None,
                })
                .and_then(|operation| operation.responses.responses.get_mut(status));
            let Some(RefOr::T(response)) = response else {
                continue;
            };
            for target in targets {
                let mut link = LinkBuilder::new().operation_id(*target);
                for (name, expression) in parameters {
                    link = link.parameter(*name, *expression);
                }
                let link = link.build();
                response.links.insert((*target).to_string(), RefOr::T(link));
            }
        }
    }
}

/// The submission bodies as the validation reads them, beyond what the field types say: no
/// unknown field, no repeated list item, and a contact in a new public submission. (The
/// shared `SubmissionBody` stays open: exports add fields to it.)
struct StrictBodies;

impl Modify for StrictBodies {
    fn modify(&self, openapi: &mut Document) {
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let Some(RefOr::T(Schema::Object(fields))) = components.schemas.get("SubmissionBody")
        else {
            return;
        };
        let mut strict = fields.clone();
        strict.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
        for property in strict.properties.values_mut() {
            if let RefOr::T(Schema::Array(list)) = property {
                list.unique_items = true;
            }
        }
        let mut new = strict.clone();
        new.required.push("contact".into());
        new.properties.insert(
            "contact".into(),
            RefOr::Ref(Ref::from_schema_name("ContactBody")),
        );
        new.description = Some("A new public submission: every field, and the contact.".into());
        strict.description =
            Some("A revision: every field again; the contact may be left out.".into());
        components
            .schemas
            .insert("NewSubmission".into(), RefOr::T(Schema::Object(new)));
        components
            .schemas
            .insert("Revision".into(), RefOr::T(Schema::Object(strict)));
        for (path, method, component) in [
            ("/api/v1/projects", "post", "NewSubmission"),
            ("/api/v1/projects/{id}", "put", "Revision"),
        ] {
            let operation = openapi
                .paths
                .paths
                .get_mut(path)
                .and_then(|item| match method {
                    "post" => item.post.as_mut(),
                    _ => item.put.as_mut(),
                });
            let body = operation.and_then(|o| match o.request_body.as_mut() {
                Some(RefOr::T(body)) => Some(body),
                _ => None,
            });
            let content = body.and_then(|b| b.content.get_mut("application/json"));
            if let Some(RefOr::T(content)) = content {
                content.schema = Some(RefOr::Ref(Ref::from_schema_name(component)));
            }
        }
    }
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
        Links.modify(&mut doc);
        StrictBodies.modify(&mut doc);
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
    #[param(rename = "If-Match", pattern = r#"^(W/)?"?[0-9]{1,19}"?$"#)]
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
    #[schema(min_items = 1)]
    pub action_lines: Vec<ActionLine>,
    /// One or more SDGs, no duplicates.
    #[schema(value_type = Vec<crate::model::Sdg>, min_items = 1)]
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
    #[schema(
        max_length = 2000,
        format = "uri",
        pattern = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]"
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

    fn operation_ids(doc: &serde_json::Value) -> Vec<String> {
        let mut ids = Vec::new();
        for item in doc["paths"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.values())
        {
            for method in ["get", "post", "put", "delete"] {
                if let Some(id) = item[method]["operationId"].as_str() {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn operation_ids_are_unique() {
        let doc = serde_json::to_value(document()).unwrap_or_default();
        let mut ids = operation_ids(&doc);
        let all = ids.len();
        assert!(all >= 50, "{all} operations");
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all, "an operationId is used twice");
    }

    #[test]
    fn every_link_starts_at_a_documented_answer_and_leads_to_an_operation_with_an_id() {
        let doc = serde_json::to_value(document()).unwrap_or_default();
        let ids = operation_ids(&doc);
        let mut linked = 0;
        for AnswerLinks {
            method,
            path,
            status,
            targets,
            ..
        } in LINKS
        {
            let links = &doc["paths"][path][method]["responses"][status]["links"];
            for target in targets {
                assert!(ids.iter().any(|id| id == target), "no operation {target}");
                assert!(
                    links.get(target).is_some(),
                    "{method} {path} {status} -> {target}"
                );
                linked += 1;
            }
        }
        assert!(linked >= 20);
        // Each target takes an {id}.
        for item in doc["paths"].as_object().into_iter().flat_map(|p| p.iter()) {
            for method in ["get", "post", "put", "delete"] {
                let Some(id) = item.1[method]["operationId"].as_str() else {
                    continue;
                };
                if LINKS.iter().any(|links| links.targets.contains(&id)) {
                    assert!(item.0.contains("{id}"), "{id} at {} takes no id", item.0);
                }
            }
        }
    }
}
