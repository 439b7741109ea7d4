//! Submission lifecycle, moderation, keys and visibility (issue 3).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{import_record, outside_async, run_cli, submission, titles, TestApp};

const EMAIL: &str = "grace.secret@example.org";

fn bearer(key: &str) -> String {
    format!("Bearer {key}")
}

/// Submits `body`; returns (id, edit token).
async fn submit(app: &TestApp, body: &Value) -> (String, String) {
    let r = app.post_json("/api/v1/projects", body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    (
        r.body["id"].as_str().unwrap().to_string(),
        r.body["edit_token"].as_str().unwrap().to_string(),
    )
}

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

#[tokio::test(flavor = "multi_thread")]
async fn every_transition_has_its_status_and_the_history_lists_them_in_order() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let auth = bearer(&key);
    let (id, token) = submit(&app, &submission(1)).await;
    let project = format!("/api/v1/projects/{id}");
    // Only the secretariat decides: no key 401, a wrong key 401, the edit token 403.
    let publish = format!("{project}/publish");
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
        .call("POST", &publish, &[("x-edit-token", &token)], None)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);

    // pending -> changes_requested, with a message the submitter reads.
    let r = app
        .call(
            "POST",
            &format!("{project}/request-changes"),
            &[("authorization", &auth)],
            Some(&json!({"message": "Please add the partner universities."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "changes_requested");
    let mine = app
        .call("GET", &project, &[("x-edit-token", &token)], None)
        .await;
    assert_eq!(mine.body["message"], "Please add the partner universities.");
    let version = mine.body["version"].as_u64().unwrap();

    // changes_requested cannot be published or rejected.
    let r = app
        .call("POST", &publish, &[("authorization", &auth)], None)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body["error"]["code"], "invalid_transition");
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("changes_requested"));

    // The submitter revises: back to pending.
    let r = app
        .call(
            "PUT",
            &project,
            &[("x-edit-token", &token), ("if-match", &version.to_string())],
            Some(&submission(2)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "pending");
    assert_eq!(r.body["title"], "Community broadband cooperative number 2");

    // pending -> rejected; a rejected project cannot be revised or published.
    let r = app
        .call(
            "POST",
            &format!("{project}/reject"),
            &[("authorization", &auth)],
            Some(&json!({"reason": "Out of scope."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "rejected");
    let v = r.body["version"].as_u64().unwrap().to_string();
    let r = app
        .call(
            "PUT",
            &project,
            &[("x-edit-token", &token), ("if-match", &v)],
            Some(&submission(3)),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("rejected"));
    let r = app
        .call("POST", &publish, &[("authorization", &auth)], None)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // Any -> withdrawn by the submitter; not twice.
    let r = app
        .call("DELETE", &project, &[("x-edit-token", &token)], None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "withdrawn");
    let r = app
        .call("DELETE", &project, &[("authorization", &auth)], None)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("withdrawn"));

    // A request for changes needs its message.
    let (other, _) = submit(&app, &submission(4)).await;
    let r = app
        .call(
            "POST",
            &format!("/api/v1/projects/{other}/request-changes"),
            &[("authorization", &auth)],
            Some(&json!({"message": "  "})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "message");
    // pending -> published by the secretariat, then withdrawn by the secretariat.
    let r = app
        .call(
            "POST",
            &format!("/api/v1/projects/{other}/publish"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.body["state"], "published");
    let r = app
        .call(
            "POST",
            &format!("/api/v1/projects/{other}/publish"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "published with no revision waiting"
    );
    let r = app
        .call(
            "DELETE",
            &format!("/api/v1/projects/{other}"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.body["state"], "withdrawn");

    // The history, for the submitter and the secretariat, in order.
    let history = app
        .call(
            "GET",
            &format!("{project}/history"),
            &[("x-edit-token", &token)],
            None,
        )
        .await;
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
    let by_key = app
        .call(
            "GET",
            &format!("{project}/history"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(by_key.body, history.body);
    assert_eq!(
        app.call("GET", &format!("{project}/history"), &[], None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn search_titles(app: &TestApp, q: &str) -> Vec<String> {
    let r = app.get(&format!("/api/v1/search?q={q}")).await;
    assert_eq!(r.status, StatusCode::OK);
    titles(&r.body)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revision_waits_for_approval_while_the_published_text_stays_searchable() {
    let app = TestApp::empty();
    let auth = bearer(&app.key("desk"));
    let mut body = submission(1);
    body["title"] = json!("Solar kiosks for rural schools");
    let (id, token) = submit(&app, &body).await;
    let project = format!("/api/v1/projects/{id}");
    let r = app
        .call(
            "POST",
            &format!("{project}/publish?refresh=wait_for"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        search_titles(&app, "kiosks").await,
        vec!["Solar kiosks for rural schools"]
    );
    let version = r.body["version"].as_u64().unwrap();

    // A revision without If-Match is refused (428), a stale one is a conflict (409).
    body["title"] = json!("Wind pumps for rural schools");
    let r = app
        .call("PUT", &project, &[("x-edit-token", &token)], Some(&body))
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_REQUIRED);
    let stale = (version - 1).to_string();
    let r = app
        .call(
            "PUT",
            &project,
            &[("x-edit-token", &token), ("if-match", &stale)],
            Some(&body),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body["error"]["code"], "version_conflict");
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains(&format!("version {version}")));

    let quoted = format!("\"{version}\"");
    let r = app
        .call(
            "PUT",
            &format!("{project}?refresh=wait_for"),
            &[("x-edit-token", &token), ("if-match", &quoted)],
            Some(&body),
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
        app.get(&project).await.body["title"],
        "Solar kiosks for rural schools"
    );
    assert_eq!(search_titles(&app, "kiosks").await.len(), 1);
    assert!(search_titles(&app, "wind").await.is_empty());

    // The queue shows the revision.
    let queue = app
        .call(
            "GET",
            "/api/v1/moderation",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert_eq!(queue.body["items"][0]["kind"], "revision");
    assert_eq!(queue.body["items"][0]["project"]["id"], json!(id));

    // Approval replaces the published text.
    let r = app
        .call(
            "POST",
            &format!("{project}/publish?refresh=wait_for"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        search_titles(&app, "wind").await,
        vec!["Wind pumps for rural schools"]
    );
    assert!(search_titles(&app, "kiosks").await.is_empty());
    assert_eq!(
        app.get(&project).await.body["title"],
        "Wind pumps for rural schools"
    );

    // A rejected revision keeps the published text.
    let v = r.body["version"].as_u64().unwrap().to_string();
    body["title"] = json!("Something else entirely");
    let r = app
        .call(
            "PUT",
            &project,
            &[("x-edit-token", &token), ("if-match", &v)],
            Some(&body),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app
        .call(
            "POST",
            &format!("{project}/reject?refresh=wait_for"),
            &[("authorization", &auth)],
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

#[tokio::test(flavor = "multi_thread")]
async fn a_concurrent_double_approval_applies_once() {
    let app = TestApp::empty();
    let auth = bearer(&app.key("desk"));
    let (id, token) = submit(&app, &submission(1)).await;
    let uri = format!("/api/v1/projects/{id}/publish");
    let headers = [("authorization", auth.as_str())];
    let (a, b) = tokio::join!(
        app.call("POST", &uri, &headers, None),
        app.call("POST", &uri, &headers, None)
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let history = app
        .call(
            "GET",
            &format!("/api/v1/projects/{id}/history"),
            &[("x-edit-token", &token)],
            None,
        )
        .await;
    let published = actions(&history.body)
        .iter()
        .filter(|(a, _)| a == "published")
        .count();
    assert_eq!(published, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn unpublished_projects_are_hidden_and_no_public_response_carries_a_contact() {
    let app = TestApp::empty();
    let auth = bearer(&app.key("desk"));
    let (pending, token) = submit(&app, &submission(1)).await;
    let (published, _) = submit(&app, &submission(2)).await;
    app.call(
        "POST",
        &format!("/api/v1/projects/{published}/publish?refresh=wait_for"),
        &[("authorization", &auth)],
        None,
    )
    .await;

    let mut public_bodies = Vec::new();
    let hidden = app.get(&format!("/api/v1/projects/{pending}")).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    public_bodies.push(hidden.body);
    let shown = app.get(&format!("/api/v1/projects/{published}")).await;
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
    public_bodies.push(
        app.get(&format!("/api/v1/projects/{published}/history"))
            .await
            .body,
    );
    public_bodies.push(app.get("/api/v1/moderation").await.body);
    let selection = app
        .call(
            "POST",
            "/api/v1/selections",
            &[("authorization", &auth)],
            Some(&json!({
            "kind": "collection", "title": "COVID-19 highlights", "published": true,
            "items": [{"project_id": published, "note": "broadband"}]})),
        )
        .await;
    assert_eq!(selection.status, StatusCode::CREATED, "{}", selection.body);
    let sid = selection.body["id"].as_str().unwrap();
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
    for body in &public_bodies {
        assert!(!body.to_string().contains(EMAIL), "contact leaked: {body}");
    }
    // The submitter sees the pending project (without the contact); the secretariat sees
    // it with the contact.
    let mine = app
        .call(
            "GET",
            &format!("/api/v1/projects/{pending}"),
            &[("x-edit-token", &token)],
            None,
        )
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(!mine.body.to_string().contains(EMAIL));
    assert!(!mine.body.to_string().contains(&token));
    let desk = app
        .call(
            "GET",
            &format!("/api/v1/projects/{pending}"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(desk.status, StatusCode::OK);
    assert_eq!(desk.body["contact"]["email"], EMAIL);
    assert_eq!(
        app.get("/api/v1/moderation").await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .call(
            "GET",
            "/api/v1/moderation",
            &[("x-edit-token", &token)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
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
    let auth = bearer(&key);
    let r = app
        .call(
            "GET",
            "/api/v1/moderation",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let (code, out, _) = outside_async(|| run_cli(&dir, &["keys", "list"]));
    assert_eq!(code, 0);
    assert!(out.contains("desk") && out.contains("active") && !out.contains(&key));
    let (code, _, err) = outside_async(|| run_cli(&dir, &["keys", "revoke", "desk"]));
    assert_eq!(code, 0, "{err}");
    let r = app
        .call(
            "GET",
            "/api/v1/moderation",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resubmission_of_a_published_project_is_flagged_as_a_possible_duplicate() {
    let app = TestApp::empty();
    let auth = bearer(&app.key("desk"));
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
    let (id, _) = submit(&app, &resubmitted).await;
    let (unrelated, _) = submit(&app, &submission(2)).await;

    let queue = app
        .call(
            "GET",
            "/api/v1/moderation",
            &[("authorization", &auth)],
            None,
        )
        .await;
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
    let r = app
        .call(
            "GET",
            "/api/v1/moderation?sdg=9&country=KE",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.body["total"], 2);
    let r = app
        .call(
            "GET",
            "/api/v1/moderation?sdg=3",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.body["total"], 0);
    let r = app
        .call(
            "GET",
            "/api/v1/moderation?sdg=18",
            &[("authorization", &auth)],
            None,
        )
        .await;
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
    let auth = bearer(&app.key("desk"));
    let (id, token) = submit(&app, &submission(1)).await;
    // The second write (an edit) uses the rest of the budget; the third is refused.
    let r = app
        .call(
            "DELETE",
            &format!("/api/v1/projects/{id}"),
            &[("x-edit-token", &token)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // A made-up key does not buy more: it is refused.
    let r = app
        .call(
            "POST",
            "/api/v1/projects",
            &[("authorization", "Bearer sk_made_up")],
            Some(&submission(2)),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    let r = app.post_json("/api/v1/projects", &submission(2)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(r.body["error"]["code"], "rate_limited");
    let retry: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // The secretariat is not limited.
    let r = app
        .call(
            "POST",
            "/api/v1/projects",
            &[("authorization", &auth)],
            Some(&submission(3)),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    // The body cap is configurable.
    let mut big = submission(4);
    big["description"] = json!("word ".repeat(1_000));
    let r = app
        .call(
            "POST",
            "/api/v1/projects",
            &[("authorization", &auth)],
            Some(&big),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_published_reimport_never_brings_back_a_withdrawn_project() {
    let app = TestApp::empty();
    let auth = bearer(&app.key("desk"));
    app.import(
        &[import_record(
            "keep-1",
            "Tidal sensors network",
            "Buoys report tides.",
        )],
        true,
    );
    let hit = app.get("/api/v1/search?q=tidal").await;
    let id = hit.body["hits"][0]["id"].as_str().unwrap().to_string();
    let r = app
        .call(
            "DELETE",
            &format!("/api/v1/projects/{id}?refresh=wait_for"),
            &[("authorization", &auth)],
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
    let r = app
        .call(
            "GET",
            &format!("/api/v1/projects/{id}"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.body["state"], "withdrawn");
    assert_eq!(app.get("/api/v1/search?q=tidal").await.body["total"], 0);
    let history = app
        .call(
            "GET",
            &format!("/api/v1/projects/{id}/history"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    let by: Vec<(String, String)> = actions(&history.body);
    assert_eq!(
        by.last().unwrap(),
        &("revised".to_string(), "import".to_string())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_key_sees_what_the_secretariat_sees_and_lacks_the_right_to_change_it() {
    let app = TestApp::empty();
    let reader = bearer(&app.read_only_key("auditor"));
    let (id, _) = submit(&app, &submission(1)).await;
    let project = format!("/api/v1/projects/{id}");
    let headers = [("authorization", reader.as_str())];
    assert_eq!(
        app.call("GET", &project, &headers, None).await.status,
        StatusCode::OK
    );
    let queue = app.call("GET", "/api/v1/moderation", &headers, None).await;
    assert_eq!(queue.body["total"], 1);
    let r = app
        .call("POST", &format!("{project}/publish"), &headers, None)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app.call("DELETE", &project, &headers, None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let body = json!({"kind": "collection", "title": "Highlights"});
    let r = app
        .call("POST", "/api/v1/selections", &headers, Some(&body))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.call("GET", "/api/v1/selections", &headers, None)
            .await
            .status,
        StatusCode::OK
    );
}
