//! What is added to the operations the annotations generate: the statuses every API
//! operation can answer, links between answers and operations, and request bodies as strict
//! as their validation.

use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::AdditionalProperties;
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, Schema};
use utoipa::Modify;

/// Applies every addition to the generated document.
pub(super) fn apply(doc: &mut Document) {
    ErrorResponses.modify(doc);
    Links.modify(doc);
    StrictBodies.modify(doc);
    uuid_keys(doc);
}

/// `Idempotency-Key` is documented as a UUID, what clients should send (any visible ASCII
/// key is taken); utoipa names that format only with its `uuid` feature.
fn uuid_keys(doc: &mut Document) {
    use utoipa::openapi::schema::SchemaFormat;
    let operations = doc.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
    });
    for operation in operations {
        for parameter in operation.parameters.iter_mut().flatten() {
            let RefOr::T(parameter) = parameter else {
                continue;
            };
            if parameter.name != "Idempotency-Key" {
                continue;
            }
            if let Some(RefOr::T(Schema::Object(object))) = parameter.schema.as_mut() {
                object.format = Some(SchemaFormat::Custom("uuid".into()));
            }
        }
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
            let operations: [&mut Option<Operation>; 4] = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
            ];
            if !path.starts_with("/api/") {
                // Every page refuses a query parameter given twice with its error page.
                for operation in operations.into_iter().flatten() {
                    operation
                        .responses
                        .responses
                        .entry("400".to_string())
                        .or_insert_with(|| page_error(REPEATED_PARAMETER));
                }
                continue;
            }
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

/// Why any operation may answer 400.
const REPEATED_PARAMETER: &str = "A query parameter that takes one value was given twice";

fn page_error(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "text/html",
                Content::new(Some(RefOr::T(Schema::Object(
                    utoipa::openapi::schema::Object::with_type(
                        utoipa::openapi::schema::Type::String,
                    ),
                )))),
            )
            .build(),
    )
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
pub(super) struct AnswerLinks {
    pub(super) method: &'static str,
    pub(super) path: &'static str,
    pub(super) status: &'static str,
    pub(super) parameters: &'static [(&'static str, &'static str)],
    pub(super) targets: &'static [&'static str],
}

/// Where answers lead. Clients and schemathesis' stateful phase follow these links.
pub(super) const LINKS: [AnswerLinks; 5] = [
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
            "unpublish",
            "related",
            "project_page",
        ],
    },
    AnswerLinks {
        method: "post",
        path: "/api/v1/projects",
        status: "201",
        parameters: &[
            ("id", "$response.body#/id"),
            ("token", "$response.body#/edit_token"),
        ],
        targets: &["submission_page"],
    },
    AnswerLinks {
        method: "get",
        path: "/api/v1/projects/{id}",
        status: "200",
        parameters: &[
            ("id", "$response.body#/id"),
            ("header.If-Match", "$response.header.ETag"),
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
            let response = operation_mut(openapi, path, method)
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
            .insert("RevisionBody".into(), RefOr::T(Schema::Object(strict)));
        for (path, method, component) in [
            ("/api/v1/projects", "post", "NewSubmission"),
            ("/api/v1/projects/{id}", "put", "RevisionBody"),
        ] {
            let operation = operation_mut(openapi, path, method);
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

/// The operation of `method` (`get`, `post`, `put` or `delete`) at `path`, if documented.
fn operation_mut<'a>(
    openapi: &'a mut Document,
    path: &str,
    method: &str,
) -> Option<&'a mut Operation> {
    let item = openapi.paths.paths.get_mut(path)?;
    match method {
        "get" => item.get.as_mut(),
        "post" => item.post.as_mut(),
        "put" => item.put.as_mut(),
        "delete" => item.delete.as_mut(),
        _ => None,
    }
}
