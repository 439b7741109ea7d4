//! Submission lifecycle, moderation, keys and visibility (issue 3).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{import_record, outside_async, run_cli, submission, titles, TestApp, Who};

const EMAIL: &str = "grace.secret@example.org";

fn actions(history: &Value) -> Vec<(String, String)> {
    history["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["action"].as_str().unwrap().to_string(),
                t["by"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Whether the answer is an error whose message mentions `text`.
fn message_mentions(r: &crate::helpers::Response, text: &str) -> bool {
    r.body["error"]["message"].as_str().unwrap().contains(text)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_transition_has_its_status_and_the_history_lists_them_in_order() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, token) = app.submit(&submission(1)).await;
    only_the_secretariat_decides(&app, &id, &token).await;
    changes_revision_rejection_and_withdrawal(&app, &id, &token, &key).await;
    let (other, _) = app.submit(&submission(4)).await;
    an_empty_request_and_a_publication_withdrawn(&app, &other, &key).await;

    // The history, for the submitter and the secretariat, in order.
    let history = app.history(&id, Who::Submitter(&token)).await;
    assert_eq!(history.status, StatusCode::OK);
    let expected: Vec<(String, String)> = [
        ("submitted", "submitter"),
        ("changes_requested", "desk"),
        ("revised", "submitter"),
        ("rejected", "desk"),
        ("withdrawn", "submitter"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(actions(&history.body), expected);
    assert_eq!(history.body["history"][3]["message"], "Out of scope.");
    assert_eq!(history.body["history"][3]["from"], "pending");
    assert_eq!(history.body["history"][3]["to"], "rejected");
    let by_key = app.history(&id, Who::Secretariat(&key)).await;
    assert_eq!(by_key.body, history.body);
    assert_eq!(
        app.history(&id, Who::Public).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Only the secretariat decides: no key 404 (the project is hidden), a wrong key 401, the
/// edit token 403.
async fn only_the_secretariat_decides(app: &TestApp, id: &str, token: &str) {
    let publish = format!("/api/v1/projects/{id}/publish");
    assert_eq!(
        app.call("POST", &publish, &[], None).await.status,
        StatusCode::NOT_FOUND,
        "a pending project does not exist for the public"
    );
    let r = app
        .call(
            "POST",
            &publish,
            &[("authorization", "Bearer sk_wrong")],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = app
        .call("POST", &publish, &[("authorization", "Basic abc")], None)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = app
        .call_as("POST", &publish, Who::Submitter(token), None)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
}

/// pending -> changes_requested -> pending -> rejected -> withdrawn, and what each refuses.
async fn changes_revision_rejection_and_withdrawal(
    app: &TestApp,
    id: &str,
    token: &str,
    key: &str,
) {
    // pending -> changes_requested, with a message the submitter reads.
    let r = app
        .request_changes(id, key, "Please add the partner universities.")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "changes_requested");
    let mine = app.project(id, Who::Submitter(token)).await;
    assert_eq!(mine.body["message"], "Please add the partner universities.");
    let version = mine.body["version"].as_u64().unwrap();

    // changes_requested cannot be published or rejected.
    let r = app.publish(id, key).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body["error"]["code"], "invalid_transition");
    assert!(message_mentions(&r, "changes_requested"));

    // The submitter revises: back to pending.
    let r = app
        .revise(id, token, &version.to_string(), &submission(2))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "pending");
    assert_eq!(r.body["title"], "Community broadband cooperative number 2");

    // pending -> rejected; a rejected project cannot be revised or published.
    let r = app.reject(id, key, "Out of scope.").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "rejected");
    let v = r.body["version"].as_u64().unwrap().to_string();
    let r = app.revise(id, token, &v, &submission(3)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(message_mentions(&r, "rejected"));
    let r = app.publish(id, key).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // Any -> withdrawn by the submitter; not twice.
    let r = app.withdraw(id, Who::Submitter(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "withdrawn");
    let r = app.withdraw(id, Who::Secretariat(key)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(message_mentions(&r, "withdrawn"));
}

/// A request for changes needs its message; pending -> published -> withdrawn by the
/// secretariat.
async fn an_empty_request_and_a_publication_withdrawn(app: &TestApp, other: &str, key: &str) {
    let r = app.request_changes(other, key, "  ").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "message");
    let r = app.publish(other, key).await;
    assert_eq!(r.body["state"], "published");
    let r = app.publish(other, key).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "published with no revision waiting"
    );
    let r = app.withdraw(other, Who::Secretariat(key)).await;
    assert_eq!(r.body["state"], "withdrawn");
}

async fn search_titles(app: &TestApp, q: &str) -> Vec<String> {
    let r = app.search(&format!("q={q}")).await;
    assert_eq!(r.status, StatusCode::OK);
    titles(&r.body)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revision_waits_for_approval_while_the_published_text_stays_searchable() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let mut body = submission(1);
    body["title"] = json!("Solar kiosks for rural schools");
    let (id, token) = app.submit(&body).await;
    let r = app.publish_indexed(&id, &key).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        search_titles(&app, "kiosks").await,
        vec!["Solar kiosks for rural schools"]
    );
    let version = r.body["version"].as_u64().unwrap();

    body["title"] = json!("Wind pumps for rural schools");
    a_revision_needs_the_current_version(&app, &id, &token, version, &body).await;
    a_revision_waits_beside_the_published_text(&app, &id, &token, &key, version, &body).await;

    // Approval replaces the published text.
    let r = app.publish_indexed(&id, &key).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        search_titles(&app, "wind").await,
        vec!["Wind pumps for rural schools"]
    );
    assert!(search_titles(&app, "kiosks").await.is_empty());
    assert_eq!(
        app.project(&id, Who::Public).await.body["title"],
        "Wind pumps for rural schools"
    );

    // A rejected revision keeps the published text.
    let v = r.body["version"].as_u64().unwrap().to_string();
    body["title"] = json!("Something else entirely");
    let r = app.revise(&id, &token, &v, &body).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app
        .call_as(
            "POST",
            &format!("/api/v1/projects/{id}/reject?refresh=wait_for"),
            Who::Secretariat(&key),
            Some(&json!({"reason": "Keep the old title."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "published");
    assert_eq!(r.body["revision"], Value::Null);
    assert_eq!(
        search_titles(&app, "wind").await,
        vec!["Wind pumps for rural schools"]
    );
}

/// A revision without If-Match is refused (428), a stale one is a conflict (409).
async fn a_revision_needs_the_current_version(
    app: &TestApp,
    id: &str,
    token: &str,
    version: u64,
    body: &Value,
) {
    let project = format!("/api/v1/projects/{id}");
    let r = app
        .call_as("PUT", &project, Who::Submitter(token), Some(body))
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_REQUIRED);
    let r = app
        .revise(id, token, &(version - 1).to_string(), body)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body["error"]["code"], "version_conflict");
    assert!(message_mentions(&r, &format!("version {version}")));
}

/// A revision (If-Match quoted, as an ETag) waits for approval: the public, search and the
/// queue see what they saw.
async fn a_revision_waits_beside_the_published_text(
    app: &TestApp,
    id: &str,
    token: &str,
    key: &str,
    version: u64,
    body: &Value,
) {
    let quoted = format!("\"{version}\"");
    let r = app
        .call(
            "PUT",
            &format!("/api/v1/projects/{id}?refresh=wait_for"),
            &[("x-edit-token", token), ("if-match", &quoted)],
            Some(body),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.body["title"], "Solar kiosks for rural schools",
        "the published text stays"
    );
    assert_eq!(
        r.body["revision"]["fields"]["title"],
        "Wind pumps for rural schools"
    );
    // The public and search still see the published version.
    assert_eq!(
        app.project(id, Who::Public).await.body["title"],
        "Solar kiosks for rural schools"
    );
    assert_eq!(search_titles(app, "kiosks").await.len(), 1);
    assert!(search_titles(app, "wind").await.is_empty());

    // The queue shows the revision.
    let queue = app.queue(key, "").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert_eq!(queue.body["items"][0]["kind"], "revision");
    assert_eq!(queue.body["items"][0]["project"]["id"], json!(id));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_concurrent_double_approval_applies_once() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, token) = app.submit(&submission(1)).await;
    let (a, b) = tokio::join!(app.publish(&id, &key), app.publish(&id, &key));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let history = app.history(&id, Who::Submitter(&token)).await;
    let published = actions(&history.body)
        .iter()
        .filter(|(a, _)| a == "published")
        .count();
    assert_eq!(published, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn unpublished_projects_are_hidden_and_no_public_response_carries_a_contact() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (pending, token) = app.submit(&submission(1)).await;
    let (published, _) = app.submit(&submission(2)).await;
    app.publish_indexed(&published, &key).await;

    for body in &public_bodies(&app, &pending, &published, &key).await {
        assert!(!body.to_string().contains(EMAIL), "contact leaked: {body}");
    }
    // The submitter sees the pending project (without the contact); the secretariat sees
    // it with the contact.
    let mine = app.project(&pending, Who::Submitter(&token)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(!mine.body.to_string().contains(EMAIL));
    assert!(!mine.body.to_string().contains(&token));
    let desk = app.project(&pending, Who::Secretariat(&key)).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert_eq!(desk.body["contact"]["email"], EMAIL);
    assert_eq!(
        app.get("/api/v1/moderation").await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .call_as("GET", "/api/v1/moderation", Who::Submitter(&token), None)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// Every public answer about a pending and a published project, checking their statuses.
async fn public_bodies(app: &TestApp, pending: &str, published: &str, key: &str) -> Vec<Value> {
    let mut public_bodies = Vec::new();
    let hidden = app.project(pending, Who::Public).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    public_bodies.push(hidden.body);
    let shown = app.project(published, Who::Public).await;
    assert_eq!(shown.status, StatusCode::OK);
    public_bodies.push(shown.body);
    for uri in [
        "/api/v1/search?q=broadband",
        "/api/v1/search",
        "/api/v1/search?country=KE",
    ] {
        let r = app.get(uri).await;
        assert_eq!(r.status, StatusCode::OK);
        public_bodies.push(r.body);
    }
    public_bodies.push(app.history(published, Who::Public).await.body);
    public_bodies.push(app.get("/api/v1/moderation").await.body);
    let selection = app
        .create_selection(
            key,
            &json!({
            "kind": "collection", "title": "COVID-19 highlights", "published": true,
            "items": [{"project_id": published, "note": "broadband"}]}),
        )
        .await;
    assert_eq!(selection.status, StatusCode::CREATED, "{}", selection.body);
    let sid = selection.id();
    for uri in [
        "/api/v1/selections".to_string(),
        format!("/api/v1/selections/{sid}"),
        format!("/api/v1/selections/{sid}/export?format=json"),
        format!("/api/v1/selections/{sid}/export?format=csv"),
    ] {
        let r = app.get(&uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        public_bodies.push(r.body);
    }
    public_bodies
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_key_is_refused_on_the_next_request() {
    let app = TestApp::empty();
    // The CLI makes the key while the service holds the data directory.
    let dir = app._dir.path().to_path_buf();
    let (code, out, err) = outside_async(|| run_cli(&dir, &["keys", "create", "--name", "desk"]));
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "the key alone on its line: {out}");
    let key = lines[0].to_string();
    assert!(key.starts_with("sk_"));
    let r = app.queue(&key, "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let (code, out, _) = outside_async(|| run_cli(&dir, &["keys", "list"]));
    assert_eq!(code, 0);
    assert!(out.contains("desk") && out.contains("active") && !out.contains(&key));
    let (code, _, err) = outside_async(|| run_cli(&dir, &["keys", "revoke", "desk"]));
    assert_eq!(code, 0, "{err}");
    let r = app.queue(&key, "").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resubmission_of_a_published_project_is_flagged_as_a_possible_duplicate() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let mut original = import_record(
        "orig-1",
        "Mobile clinics for rural Kenya",
        "Nurses visit villages by motorbike.",
    );
    original["organization"] = json!("Kenya Rural Health Trust");
    app.import(
        &[
            original,
            import_record("other-1", "Open data portal", "Statistics for everyone."),
        ],
        true,
    );
    let mut resubmitted = submission(1);
    resubmitted["title"] = json!("Mobile clinics for rural Kenya (phase 2)");
    resubmitted["organization"] = json!("Kenya Rural  Health Trust");
    let (id, _) = app.submit(&resubmitted).await;
    let (unrelated, _) = app.submit(&submission(2)).await;

    let queue = app.queue(&key, "").await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
    let items = queue.body["items"].as_array().unwrap();
    let ids: Vec<&str> = items
        .iter()
        .map(|i| i["project"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![id.as_str(), unrelated.as_str()], "oldest first");
    let dupes = items[0]["possible_duplicates"].as_array().unwrap();
    assert_eq!(dupes.len(), 1, "{dupes:?}");
    assert_eq!(dupes[0]["title"], "Mobile clinics for rural Kenya");
    assert_eq!(dupes[0]["reason"], "same organization and a similar title");
    assert!(items[1]["possible_duplicates"]
        .as_array()
        .unwrap()
        .is_empty());

    // The queue filters like search.
    let r = app.queue(&key, "?sdg=9&country=KE").await;
    assert_eq!(r.body["total"], 2);
    let r = app.queue(&key, "?sdg=3").await;
    assert_eq!(r.body["total"], 0);
    let r = app.queue(&key, "?sdg=18").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["field"], "sdg");
}

#[tokio::test(flavor = "multi_thread")]
async fn submissions_and_edits_are_rate_limited_per_client_and_bodies_are_capped() {
    let mut app = TestApp::empty();
    app.router = wsis_stocktaking::http::router_with(
        app.service.clone(),
        wsis_stocktaking::http::HttpLimits {
            writes_per_minute: 2,
            max_body_bytes: 4_000,
            ..Default::default()
        },
    );
    let key = app.key("desk");
    let (id, token) = app.submit(&submission(1)).await;
    // The second write (an edit) uses the rest of the budget; the third is refused.
    let r = app.withdraw(&id, Who::Submitter(&token)).await;
    assert_eq!(r.status, StatusCode::OK);
    // A made-up key does not buy more: it is refused.
    let r = app.submit_as("sk_made_up", &submission(2)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    let r = app.post_json("/api/v1/projects", &submission(2)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(r.body["error"]["code"], "rate_limited");
    let retry: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // The secretariat is not limited.
    let r = app.submit_as(&key, &submission(3)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    // The body cap is configurable.
    let mut big = submission(4);
    big["description"] = json!("word ".repeat(1_000));
    let r = app.submit_as(&key, &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_published_reimport_never_brings_back_a_withdrawn_project() {
    let app = TestApp::empty();
    let key = app.key("desk");
    app.import(
        &[import_record(
            "keep-1",
            "Tidal sensors network",
            "Buoys report tides.",
        )],
        true,
    );
    let id = app.first_hit("q=tidal").await;
    let r = app
        .call_as(
            "DELETE",
            &format!("/api/v1/projects/{id}?refresh=wait_for"),
            Who::Secretariat(&key),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let report = app.import(
        &[import_record(
            "keep-1",
            "Tidal sensors network",
            "Buoys report tides hourly.",
        )],
        true,
    );
    assert_eq!(report.updated, 1);
    let r = app.project(&id, Who::Secretariat(&key)).await;
    assert_eq!(r.body["state"], "withdrawn");
    assert_eq!(app.search("q=tidal").await.body["total"], 0);
    let history = app.history(&id, Who::Secretariat(&key)).await;
    let by: Vec<(String, String)> = actions(&history.body);
    assert_eq!(
        by.last().unwrap(),
        &("revised".to_string(), "import".to_string())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_key_sees_what_the_secretariat_sees_and_lacks_the_right_to_change_it() {
    let app = TestApp::empty();
    let reader = app.read_only_key("auditor");
    let (id, _) = app.submit(&submission(1)).await;
    let as_reader = Who::Secretariat(&reader);
    assert_eq!(app.project(&id, as_reader).await.status, StatusCode::OK);
    let queue = app.queue(&reader, "").await;
    assert_eq!(queue.body["total"], 1);
    let r = app.publish(&id, &reader).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app.withdraw(&id, as_reader).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let body = json!({"kind": "collection", "title": "Highlights"});
    let r = app.create_selection(&reader, &body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.selections(as_reader).await.status, StatusCode::OK);
}
