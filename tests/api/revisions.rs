//! Revisions as people make them (issue 17): a save that changes nothing makes no new
//! version, through the API and the submitter's page; withdrawal is confirmed; a
//! published project links to its public page.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{html, post_form, submission, Response, TestApp, Who};

/// The project's version and the length of its history, as its submitter sees them.
async fn version_and_history(app: &TestApp, id: &str, token: &str) -> (u64, usize) {
    let project = app.project(id, Who::Submitter(token)).await;
    let history = app.history(id, Who::Submitter(token)).await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.body);
    let entries = history.body["history"].as_array().map_or(0, Vec::len);
    (project.body["version"].as_u64().unwrap(), entries)
}

/// A PUT of `body` at `version` answers 200 with the project at that same version.
async fn unchanged_put(app: &TestApp, id: &str, token: &str, version: u64, body: &Value) {
    let r = app.revise(id, token, &version.to_string(), body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["version"], version, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revision_that_changes_nothing_makes_no_new_version() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let body = submission(1);
    let (id, token) = app.submit(&body).await;
    assert_eq!(version_and_history(&app, &id, &token).await, (1, 1));

    // Pending: the same fields (and contact) again.
    unchanged_put(&app, &id, &token, 1, &body).await;
    assert_eq!(version_and_history(&app, &id, &token).await, (1, 1));

    // A real change makes version 2; sending it again changes nothing.
    let mut changed = body.clone();
    changed["title"] = json!("Community broadband cooperative, second mast");
    let r = app.revise(&id, &token, "1", &changed).await;
    assert_eq!(r.body["version"], 2, "{}", r.body);
    unchanged_put(&app, &id, &token, 2, &changed).await;
    assert_eq!(version_and_history(&app, &id, &token).await, (2, 2));

    // Published: the published fields again make no waiting revision.
    let published = app.publish(&id, &key).await;
    assert_eq!(published.body["version"], 3, "{}", published.body);
    unchanged_put(&app, &id, &token, 3, &changed).await;
    let mine = app.project(&id, Who::Submitter(&token)).await;
    assert_eq!(mine.body["revision"], Value::Null, "{}", mine.body);
    assert_eq!(version_and_history(&app, &id, &token).await, (3, 3));

    // The page's form with the same values: saved as before, no new version.
    let form = form_of(&changed, &token, "3");
    let saved = post_form(
        &app,
        &format!("/submissions/{id}/revise"),
        &pairs(&form),
        &[],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(version_and_history(&app, &id, &token).await, (3, 3));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_fields_sent_back_after_a_request_for_changes_go_to_review_again() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let body = submission(2);
    let (id, token) = app.submit(&body).await;
    let asked = app
        .request_changes(&id, &key, "Please check the dates.")
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    let r = app.revise(&id, &token, "2", &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "pending");
    assert_eq!(version_and_history(&app, &id, &token).await, (3, 3));
}

#[tokio::test(flavor = "multi_thread")]
async fn withdrawal_needs_its_box_ticked_and_then_says_the_project_is_no_longer_public() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, token) = app.submit(&submission(5)).await;
    let link = format!("/submissions/{id}?token={token}");
    let pending = app.get(&link).await;
    assert!(html(&pending).contains("id=\"confirm\" type=\"checkbox\" name=\"confirm\""));
    assert!(
        !html(&pending).contains("id=\"public-link\""),
        "not public yet"
    );

    // Published: the page links to the public page, in the page's language.
    app.publish(&id, &key).await;
    let published = app.get(&format!("{link}&lang=fr")).await;
    let public = format!("href=\"/projects/{id}?lang=fr\"");
    assert!(html(&published).contains(&public), "{}", html(&published));
    assert_eq!(
        app.get(&format!("/projects/{id}")).await.status,
        StatusCode::OK
    );

    let withdraw = format!("/submissions/{id}/withdraw");
    let form = [("token", token.as_str()), ("version", "2")];
    let unconfirmed = post_form(&app, &withdraw, &form, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html(&unconfirmed).contains("id=\"confirm-error\""));
    let still = app.project(&id, Who::Public).await;
    assert_eq!(still.body["state"], "published", "nothing withdrawn");

    let confirmed = [
        ("token", token.as_str()),
        ("version", "2"),
        ("confirm", "yes"),
    ];
    let done = post_form(&app, &withdraw, &confirmed, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let after = app.get(done.headers["location"].to_str().unwrap()).await;
    let page = html(&after);
    assert!(page.contains("data-state=\"withdrawn\""));
    assert!(page.contains("This project was withdrawn and is no longer public."));
    assert!(!page.contains("id=\"public-link\"") && !page.contains("id=\"withdraw\""));
    assert_eq!(
        app.get(&format!("/projects/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

/// The submitter's pages this issue adds, for the HTML checker: an unconfirmed withdrawal
/// (French), a published page (Chinese) and a withdrawn one.
pub async fn edit_pages(app: &TestApp) -> Vec<(String, Response)> {
    let key = app.key("editor");
    let (id, token) = app.submit(&submission(6)).await;
    let link = format!("/submissions/{id}?token={token}");
    let withdraw = format!("/submissions/{id}/withdraw");
    let unconfirmed = [("token", token.as_str()), ("lang", "fr")];
    let unconfirmed = post_form(app, &withdraw, &unconfirmed, &[]).await;
    app.publish(&id, &key).await;
    let published = app.get(&format!("{link}&lang=zh")).await;
    app.withdraw(&id, Who::Secretariat(&key)).await;
    let withdrawn = app.get(&link).await;
    vec![
        ("withdraw (unconfirmed)".into(), unconfirmed),
        ("submission (published)".into(), published),
        ("submission (withdrawn)".into(), withdrawn),
    ]
}

/// The revision form's fields for a submission body, as the page posts them.
fn form_of(body: &Value, token: &str, version: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = Vec::new();
    for (key, value) in body.as_object().unwrap() {
        match value {
            Value::String(s) => form.push((key.clone(), s.clone())),
            Value::Bool(true) => form.push((key.clone(), "true".into())),
            Value::Array(items) => {
                for item in items {
                    let item = item.as_str().map_or(item.to_string(), str::to_string);
                    form.push((key.clone(), item));
                }
            }
            _ => {}
        }
    }
    form.push(("token".into(), token.into()));
    form.push(("version".into(), version.into()));
    form
}

/// Borrowed pairs for [`post_form`].
fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}
