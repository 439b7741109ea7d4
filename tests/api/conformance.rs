//! Every answer of a project's life matches the OpenAPI document: each state (pending,
//! changes requested, published, published with a waiting revision, withdrawn) as the
//! public, the submitter and the secretariat see it, the queue, exports and the errors.
//! A fuzzer rarely reaches these states; here they are made on purpose.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{outside_async, submission, Response, TestApp};

/// The document, served by the router itself.
async fn served_document(app: &TestApp) -> Value {
    let doc = app.get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    doc.body
}

/// Checks `answer` to `method path` against the schema the document gives its status.
fn assert_conforms(doc: &Value, method: &str, path: &str, answer: &Response) {
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
    let key = format!("Bearer {}", app.key("desk"));
    let secretariat = [("authorization", key.as_str())];
    let project_path = "/api/v1/projects/{id}";

    // Two submissions: one goes to publication and a waiting revision, one back for changes.
    let mut ids = Vec::new();
    for n in 1..=2 {
        let created = app.post_json("/api/v1/projects", &submission(n)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        assert_conforms(&doc, "post", "/api/v1/projects", &created);
        let id = created.body["id"].as_str().unwrap().to_string();
        let token = created.body["edit_token"].as_str().unwrap().to_string();
        ids.push((id, token));
    }
    let (id, token) = ids[0].clone();
    let (other, other_token) = ids[1].clone();
    let submitter = [("x-edit-token", token.as_str())];
    let uri = format!("/api/v1/projects/{id}");

    // Pending, as the submitter and the secretariat see it; the public gets a 404.
    for headers in [&submitter[..], &secretariat[..]] {
        let seen = app.call("GET", &uri, headers, None).await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        assert_conforms(&doc, "get", project_path, &seen);
    }
    let hidden = app.get(&uri).await;
    assert_conforms(&doc, "get", project_path, &hidden);
    let queue = app
        .call("GET", "/api/v1/moderation", &secretariat, None)
        .await;
    assert_conforms(&doc, "get", "/api/v1/moderation", &queue);

    // Changes requested, then published.
    let asked = app
        .call(
            "POST",
            &format!("/api/v1/projects/{other}/request-changes"),
            &secretariat,
            Some(&json!({"message": "Please name the partner universities."})),
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert_conforms(
        &doc,
        "post",
        "/api/v1/projects/{id}/request-changes",
        &asked,
    );
    let seen = app
        .call(
            "GET",
            &format!("/api/v1/projects/{other}"),
            &[("x-edit-token", other_token.as_str())],
            None,
        )
        .await;
    assert_conforms(&doc, "get", project_path, &seen);
    let published = app
        .call("POST", &format!("{uri}/publish"), &secretariat, None)
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_conforms(&doc, "post", "/api/v1/projects/{id}/publish", &published);
    let public = app.get(&uri).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_conforms(&doc, "get", project_path, &public);

    // The submitter revises the published project: the revision waits beside it.
    let version = public.body["version"].to_string();
    let mut revised = submission(1);
    revised["title"] = json!("Community broadband cooperative, second mast");
    let revision = app
        .call(
            "PUT",
            &uri,
            &[("x-edit-token", token.as_str()), ("if-match", &version)],
            Some(&revised),
        )
        .await;
    assert_eq!(revision.status, StatusCode::OK, "{}", revision.body);
    assert_conforms(&doc, "put", project_path, &revision);
    for headers in [&submitter[..], &secretariat[..], &[][..]] {
        let seen = app.call("GET", &uri, headers, None).await;
        assert_conforms(&doc, "get", project_path, &seen);
    }
    let waiting = app.call("GET", &uri, &secretariat, None).await;
    assert!(
        waiting.body["revision"].is_object(),
        "the secretariat sees the waiting revision: {}",
        waiting.body
    );
    let queue = app
        .call("GET", "/api/v1/moderation", &secretariat, None)
        .await;
    assert_conforms(&doc, "get", "/api/v1/moderation", &queue);
    let history = app
        .call("GET", &format!("{uri}/history"), &submitter, None)
        .await;
    assert_conforms(&doc, "get", "/api/v1/projects/{id}/history", &history);

    // Search, suggestions and the secretariat's export of every state.
    outside_async(|| app.service.commit_index().unwrap());
    let found = app.get("/api/v1/search?q=broadband").await;
    assert_eq!(found.body["total"], 1, "{}", found.body);
    assert_conforms(&doc, "get", "/api/v1/search", &found);
    let related = app.get(&format!("{uri}/related")).await;
    assert_conforms(&doc, "get", "/api/v1/projects/{id}/related", &related);
    let export = app
        .call("GET", "/api/v1/export?format=json", &secretariat, None)
        .await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.body);
    assert_conforms(&doc, "get", "/api/v1/export", &export);

    // Withdrawn, and errors: unknown id, a stale version, a bad body.
    let withdrawn = app
        .call(
            "DELETE",
            &format!("/api/v1/projects/{other}"),
            &[("x-edit-token", other_token.as_str())],
            None,
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
    assert_conforms(&doc, "delete", project_path, &withdrawn);
    let unknown = app.get("/api/v1/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV").await;
    assert_conforms(&doc, "get", project_path, &unknown);
    let stale = app
        .call(
            "PUT",
            &uri,
            &[("x-edit-token", token.as_str()), ("if-match", "1")],
            Some(&revised),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_conforms(&doc, "put", project_path, &stale);
    let bad = app
        .post_json("/api/v1/projects", &json!({"title": "x", "sdgs": [99]}))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_conforms(&doc, "post", "/api/v1/projects", &bad);
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
