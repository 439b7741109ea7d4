//! Revisions as people make them (issue 17): a save that changes nothing makes no new
//! version; on the submitter's page a stale save comes back with what was typed beside
//! what changed meanwhile, and applies on a second save; withdrawal is confirmed; a
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

/// The description this tab types while the other saves a new title.
const TYPED: &str = "Volunteers run a mesh network for three villages, with a repair café.";
const OTHER_TITLE: &str = "Community broadband cooperative, renamed meanwhile";

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_save_keeps_the_typed_text_beside_what_changed_and_applies_when_saved_again() {
    let app = TestApp::empty();
    let body = submission(4);
    let (id, token) = app.submit(&body).await;
    let revise = format!("/submissions/{id}/revise");
    // Two tabs open the page at version 1; the other tab saves a new title.
    let opened = app.get(&format!("/submissions/{id}?token={token}")).await;
    let form = form_in(html(&opened), &body, &token);
    let other = with(&form, "title", OTHER_TITLE);
    let saved = post_form(&app, &revise, &pairs(&other), &[]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);

    // This tab, still at version 1, saves a new description.
    let mine = with(&form, "description", TYPED);
    let stale = post_form(&app, &revise, &pairs(&mine), &[]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let page = html(&stale);
    assert!(
        page.contains(&format!(">{TYPED}</textarea>")),
        "the typed text is kept"
    );
    let title = changed(page, "title");
    assert!(title.contains(OTHER_TITLE), "the saved title: {title}");
    assert!(
        title.contains(body["title"].as_str().unwrap()),
        "the typed title: {title}"
    );
    assert!(
        !page.contains("id=\"changed-description\""),
        "changed here, not meanwhile"
    );
    assert!(page.contains("id=\"apply-note\""));
    assert_eq!(
        field_value(page, "version"),
        "2",
        "the form is on the current version"
    );
    assert_eq!(version_and_history(&app, &id, &token).await, (2, 2));

    // Saved again: the typed text applies on version 2.
    let again = form_in(page, &json!({}), &token);
    let mine: Vec<(String, String)> = mine
        .into_iter()
        .filter(|(k, _)| k != "version" && k != "base")
        .chain(
            again
                .into_iter()
                .filter(|(k, _)| k == "version" || k == "base"),
        )
        .collect();
    let applied = post_form(&app, &revise, &pairs(&mine), &[]).await;
    assert_eq!(applied.status, StatusCode::SEE_OTHER);
    let project = app.project(&id, Who::Submitter(&token)).await;
    assert_eq!(project.body["description"], TYPED);
    assert_eq!(
        project.body["title"], body["title"],
        "the typed title, as the page said"
    );
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

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_save_on_a_project_withdrawn_meanwhile_says_it_was_withdrawn() {
    let app = TestApp::empty();
    let body = submission(7);
    let (id, token) = app.submit(&body).await;
    let opened = app.get(&format!("/submissions/{id}?token={token}")).await;
    let form = with(&form_in(html(&opened), &body, &token), "description", TYPED);
    app.withdraw(&id, Who::Submitter(&token)).await;
    let revise = format!("/submissions/{id}/revise");
    let stale = post_form(&app, &revise, &pairs(&form), &[]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let page = html(&stale);
    assert!(page.contains("id=\"withdrawn\"") && !page.contains("id=\"changed-meanwhile\""));
}

/// The submitter's pages this issue adds, for the HTML checker: a stale save (Arabic), an
/// unconfirmed withdrawal (French), a published page (Chinese) and a withdrawn one.
pub async fn edit_pages(app: &TestApp) -> Vec<(String, Response)> {
    let key = app.key("editor");
    let body = submission(6);
    let (id, token) = app.submit(&body).await;
    let link = format!("/submissions/{id}?token={token}");
    let opened = app.get(&link).await;
    let form = form_in(html(&opened), &body, &token);
    let revise = format!("/submissions/{id}/revise");
    post_form(
        app,
        &revise,
        &pairs(&with(&form, "title", OTHER_TITLE)),
        &[],
    )
    .await;
    let mine = with(&with(&form, "description", TYPED), "lang", "ar");
    let stale = post_form(app, &revise, &pairs(&mine), &[]).await;
    let withdraw = format!("/submissions/{id}/withdraw");
    let unconfirmed = [("token", token.as_str()), ("lang", "fr")];
    let unconfirmed = post_form(app, &withdraw, &unconfirmed, &[]).await;
    app.publish(&id, &key).await;
    let published = app.get(&format!("{link}&lang=zh")).await;
    app.withdraw(&id, Who::Secretariat(&key)).await;
    let withdrawn = app.get(&link).await;
    vec![
        ("revise (stale)".into(), stale),
        ("withdraw (unconfirmed)".into(), unconfirmed),
        ("submission (published)".into(), published),
        ("submission (withdrawn)".into(), withdrawn),
    ]
}

/// The `value` of the first field named `name` on a page.
fn field_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name}"))
        + marker.len();
    page[start..start + page[start..].find('"').unwrap()].replace("&amp;", "&")
}

/// What the page shows of a field changed meanwhile (`changed-{field}`).
fn changed<'a>(page: &'a str, field: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"changed-{field}\""))
        .unwrap_or_else(|| panic!("{field} is not shown as changed"));
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap()]
}

/// The revision form a page holds for `body`: its fields, and the page's token, version
/// and digests of the values it started from.
fn form_in(page: &str, body: &Value, token: &str) -> Vec<(String, String)> {
    let mut form = form_of(body, token, &field_value(page, "version"));
    form.push(("base".into(), field_value(page, "base")));
    form
}

/// `form` with `field` set to `value`.
fn with(form: &[(String, String)], field: &str, value: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> =
        form.iter().filter(|(k, _)| k != field).cloned().collect();
    form.push((field.into(), value.into()));
    form
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
