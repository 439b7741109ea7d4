//! Every answer of a project's life matches the OpenAPI document: each state (pending,
//! changes requested, published, published with a waiting revision, withdrawn) as the
//! public, the submitter and the secretariat see it, the queue, exports and the errors.
//! A fuzzer rarely reaches these states; here they are made on purpose.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{outside_async, submission, Response, TestApp, Who};

/// The document, served by the router itself.
pub(crate) async fn served_document(app: &TestApp) -> Value {
    let doc = app.get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    doc.body
}

/// Checks `answer` to `method path` against the schema the document gives its status.
pub(crate) fn assert_conforms(doc: &Value, method: &str, path: &str, answer: &Response) {
    let status = answer.status.as_u16().to_string();
    let response = &doc["paths"][path][method]["responses"][&status];
    assert!(
        response.is_object(),
        "{method} {path} answered {status}, which it does not document: {}",
        answer.body
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {path} {status} has no JSON schema"
    );
    // The schema's $refs point into the document's components.
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::draft202012::new(&root).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&answer.body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status} breaks the document:\n{}\n{}",
        errors.join("\n"),
        answer.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_answer_of_a_projects_life_matches_the_document() {
    let app = TestApp::empty();
    let doc = served_document(&app).await;
    let key = app.key("desk");

    // Two submissions: one goes to publication and a waiting revision, one back for changes.
    let mut ids = Vec::new();
    for n in 1..=2 {
        let created = app.post_json("/api/v1/projects", &submission(n)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        assert_conforms(&doc, "post", "/api/v1/projects", &created);
        let id = created.id();
        let token = created.body["edit_token"].as_str().unwrap().to_string();
        ids.push((id, token));
    }
    let (id, token) = ids[0].clone();
    let (other, other_token) = ids[1].clone();

    pending_and_changes_requested(&app, &doc, &key, (&id, &token), (&other, &other_token)).await;
    let revised = published_with_a_waiting_revision(&app, &doc, &key, &id, &token).await;

    // Search, suggestions and the secretariat's export of every state.
    outside_async(|| app.service.commit_index().unwrap());
    let found = app.search("q=broadband").await;
    assert_eq!(found.body["total"], 1, "{}", found.body);
    assert_conforms(&doc, "get", "/api/v1/search", &found);
    let related = app.get(&format!("/api/v1/projects/{id}/related")).await;
    assert_conforms(&doc, "get", "/api/v1/projects/{id}/related", &related);
    let export = app.export(&key, "?format=json").await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.body);
    assert_conforms(&doc, "get", "/api/v1/export", &export);

    // Withdrawn, and errors: unknown id, a stale version, a bad body.
    let withdrawn = app.withdraw(&other, Who::Submitter(&other_token)).await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
    assert_conforms(&doc, "delete", PROJECT, &withdrawn);
    let unknown = app.get("/api/v1/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV").await;
    assert_conforms(&doc, "get", PROJECT, &unknown);
    let stale = app.revise(&id, &token, "1", &revised).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_conforms(&doc, "put", PROJECT, &stale);
    let bad = app
        .post_json("/api/v1/projects", &json!({"title": "x", "sdgs": [99]}))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_conforms(&doc, "post", "/api/v1/projects", &bad);
}

/// The document's path of a project.
const PROJECT: &str = "/api/v1/projects/{id}";

/// Pending, as the submitter and the secretariat see it (the public gets a 404), and the
/// queue; then `other` is sent back for changes and the first project is published.
async fn pending_and_changes_requested(
    app: &TestApp,
    doc: &Value,
    key: &str,
    (id, token): (&str, &str),
    (other, other_token): (&str, &str),
) {
    for who in [Who::Submitter(token), Who::Secretariat(key)] {
        let seen = app.project(id, who).await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        assert_conforms(doc, "get", PROJECT, &seen);
    }
    let hidden = app.project(id, Who::Public).await;
    assert_conforms(doc, "get", PROJECT, &hidden);
    let queue = app.queue(key, "").await;
    assert_conforms(doc, "get", "/api/v1/moderation", &queue);

    // Changes requested, then published.
    let asked = app
        .request_changes(other, key, "Please name the partner universities.")
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert_conforms(doc, "post", "/api/v1/projects/{id}/request-changes", &asked);
    let seen = app.project(other, Who::Submitter(other_token)).await;
    assert_conforms(doc, "get", PROJECT, &seen);
    let published = app.publish(id, key).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_conforms(doc, "post", "/api/v1/projects/{id}/publish", &published);
}

/// The submitter revises the published project: the revision waits beside it, as everyone,
/// the queue and the history show. Returns the revised body.
async fn published_with_a_waiting_revision(
    app: &TestApp,
    doc: &Value,
    key: &str,
    id: &str,
    token: &str,
) -> Value {
    let public = app.project(id, Who::Public).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_conforms(doc, "get", PROJECT, &public);
    let version = public.body["version"].to_string();
    let mut revised = submission(1);
    revised["title"] = json!("Community broadband cooperative, second mast");
    let revision = app.revise(id, token, &version, &revised).await;
    assert_eq!(revision.status, StatusCode::OK, "{}", revision.body);
    assert_conforms(doc, "put", PROJECT, &revision);
    for who in [Who::Submitter(token), Who::Secretariat(key), Who::Public] {
        let seen = app.project(id, who).await;
        assert_conforms(doc, "get", PROJECT, &seen);
    }
    let waiting = app.project(id, Who::Secretariat(key)).await;
    assert!(
        waiting.body["revision"].is_object(),
        "the secretariat sees the waiting revision: {}",
        waiting.body
    );
    let queue = app.queue(key, "").await;
    assert_conforms(doc, "get", "/api/v1/moderation", &queue);
    let history = app.history(id, Who::Submitter(token)).await;
    assert_conforms(doc, "get", "/api/v1/projects/{id}/history", &history);
    revised
}

#[tokio::test(flavor = "multi_thread")]
async fn the_check_refuses_an_answer_off_the_document() {
    let app = TestApp::empty();
    let doc = served_document(&app).await;
    let created = app.post_json("/api/v1/projects", &submission(1)).await;
    let mut off = created;
    off.body["id"] = json!(42);
    let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_conforms(&doc, "post", "/api/v1/projects", &off);
    }));
    assert!(refused.is_err(), "an integer id breaks the document");
}
