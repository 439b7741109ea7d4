//! The OpenAPI 3.1 document, `GET /api/v1/openapi.json`. Operations come from the
//! handlers' `#[utoipa::path]` annotations, registered with the routes themselves
//! (`utoipa_axum::routes!`), so the document and the router cannot drift apart. This module
//! holds the document's header and security schemes; `additions` what is added to the
//! generated operations (shared errors, links, strict bodies); `text_patterns` the text rule
//! as patterns on the bodies' text fields; `domain` the schemas of the
//! model's types whose JSON is written by hand; `responses` the response sets many
//! operations share; `shapes` the parameter and body shapes of the handlers.

mod additions;
mod domain;
pub mod responses;
mod shapes;
#[cfg(test)]
mod tests;
mod text_patterns;

pub use shapes::{
    ContactBody, ExportRecord, FilterParams, IdPath, IdempotencyKeyHeader, IfMatchHeader, ItemBody,
    RefreshMode, RefreshParam, SearchParams, SelectionBody, SortParam, SubmissionBody, TagBody,
};

use std::sync::OnceLock;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use super::AppState;

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

/// Every documented route: the API under `/api/v1`, health and metrics, and the pages.
fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(Header::openapi())
}

/// The document as the annotations make it, with the text rule's patterns on the body
/// schemas, before the additions.
fn generated() -> Document {
    let mut doc = crate::http::routes(documented()).into_openapi();
    text_patterns::apply(&mut doc);
    doc
}

/// The OpenAPI document of the whole router.
pub fn document() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = generated();
        additions::apply(&mut doc);
        doc
    })
}

/// The document's JSON, rendered once.
pub(crate) fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| document().to_pretty_json().unwrap_or_else(|_| "{}".into()))
}
