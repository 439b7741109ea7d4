//! Update requests inside an `update` call: the secretariat asks the contacts of published
//! projects chosen by filters; each answers by confirming or revising; the call shows the
//! answers and reminds those who did not answer.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{outside_async, submission, TestApp, Who};
use wsis_stocktaking::model::NoticeKind;

fn project(title: &str, line: &str, email: &str) -> Value {
    let mut body = submission(3);
    body["title"] = json!(title);
    body["action_lines"] = json!([line]);
    body["contact"] = json!({"name": "Owner", "email": email});
    body
}

/// The addresses the outbox holds update requests (or reminders) for.
fn asked(app: &TestApp, reminder: bool) -> Vec<String> {
    let mut to: Vec<String> = outside_async(|| app.service.outbox().unwrap())
        .into_iter()
        .filter(|q| q.notice.kind == NoticeKind::UpdateRequested { reminder })
        .map(|q| q.notice.to)
        .collect();
    to.sort();
    to
}

/// Three published projects (two on C2, one on C4) and an open update call: the key, the
/// two C2 projects with their tokens, and the call's id.
struct Round {
    app: TestApp,
    key: String,
    a: (String, String),
    b: (String, String),
    call_id: String,
}

async fn a_round() -> Round {
    let app = TestApp::empty();
    let key = app.key("desk");
    let a = app
        .submit_published(&key, &project("Broadband A", "C2", "a@example.org"))
        .await;
    let b = app
        .submit_published(&key, &project("Broadband B", "C2", "b@example.org"))
        .await;
    app.submit_published(&key, &project("Learning C", "C4", "c@example.org"))
        .await;
    let now = Utc::now();
    let call = json!({
        "kind": "update",
        "texts": {"en": {"title": "Update 2027", "text": "Please review your entries."}},
        "opens_at": (now - Duration::hours(1)).to_rfc3339(),
        "closes_at": (now + Duration::days(30)).to_rfc3339()
    });
    let r = app
        .call_as("POST", "/api/v1/calls", Who::Secretariat(&key), Some(&call))
        .await;
    let call_id = r.body["id"].as_str().unwrap().to_string();
    Round {
        app,
        key,
        a,
        b,
        call_id,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn contacts_are_asked_answer_by_confirming_or_revising_and_the_silent_are_reminded() {
    let Round {
        app,
        key,
        a: (a, a_token),
        b: (b, b_token),
        call_id,
    } = a_round().await;
    let now = Utc::now();
    let ask = format!("/api/v1/calls/{call_id}/update-requests");

    let filters = json!({"filters": {"action_line": "C2"}, "unconfirmed_since": (now + Duration::hours(1)).to_rfc3339()});
    let r = app
        .call_as("POST", &ask, Who::Secretariat(&key), Some(&filters))
        .await;
    assert_eq!(
        (r.status, r.body["count"].clone()),
        (StatusCode::OK, json!(2)),
        "{}",
        r.body
    );
    assert_eq!(asked(&app, false), ["a@example.org", "b@example.org"]);
    // Asked once per call.
    let r = app
        .call_as("POST", &ask, Who::Secretariat(&key), Some(&filters))
        .await;
    assert_eq!(r.body["count"], 0);

    // A confirms unchanged; B revises.
    let uri = format!("/api/v1/projects/{a}/confirm");
    let r = app
        .call("POST", &uri, &[("x-edit-token", &a_token)], None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body["last_confirmed"].is_string());
    let mut revised = project("Broadband B, extended", "C2", "b@example.org");
    revised.as_object_mut().unwrap().remove("contact");
    let version = app.get(&format!("/api/v1/projects/{b}")).await.body["version"].to_string();
    let r = app.revise(&b, &b_token, &version, &revised).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // Someone else's token confirms nothing.
    let r = app
        .call(
            "POST",
            &format!("/api/v1/projects/{b}/confirm"),
            &[("x-edit-token", &a_token)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);

    let round = app.call_as("GET", &ask, Who::Secretariat(&key), None).await;
    assert_eq!(round.status, StatusCode::OK, "{}", round.body);
    let counts = (
        round.body["requested"].clone(),
        round.body["updated"].clone(),
        round.body["confirmed"].clone(),
        round.body["no_answer"].clone(),
    );
    assert_eq!(counts, (json!(2), json!(1), json!(1), json!(0)));

    // C is asked too; it does not answer and is reminded (once per reminder round).
    let r = app
        .call_as(
            "POST",
            &ask,
            Who::Secretariat(&key),
            Some(&json!({"filters": {"action_line": ["C4"]}})),
        )
        .await;
    assert_eq!(r.body["count"], 1);
    let remind = format!("/api/v1/calls/{call_id}/reminders");
    let r = app
        .call_as("POST", &remind, Who::Secretariat(&key), None)
        .await;
    assert_eq!(r.body["count"], 1, "{}", r.body);
    assert_eq!(asked(&app, true), ["c@example.org"]);
    let round = app.call_as("GET", &ask, Who::Secretariat(&key), None).await;
    assert_eq!(round.body["no_answer"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_submitters_page_confirms_a_published_project_up_to_date() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, token) = app
        .submit_published(&key, &project("Village radio", "C2", "r@example.org"))
        .await;
    let page = app
        .get(&format!("/submissions/{id}?token={token}&lang=es"))
        .await;
    let text = crate::helpers::html(&page);
    assert!(text.contains("id=\"confirm-current\"") && text.contains("Confirmar que está al día"));
    let form = [("token", token.as_str()), ("lang", "es")];
    let r =
        crate::helpers::post_form(&app, &format!("/submissions/{id}/confirm"), &form, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let shown = app.get(&format!("/api/v1/projects/{id}")).await;
    assert!(shown.body["last_confirmed"].is_string(), "{}", shown.body);
    // A wrong token confirms nothing.
    let form = [("token", "wrong")];
    let r =
        crate::helpers::post_form(&app, &format!("/submissions/{id}/confirm"), &form, &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_go_out_in_an_open_update_call_from_the_secretariat_only() {
    let Round {
        app,
        key,
        a: (a, _),
        call_id,
        ..
    } = a_round().await;
    let now = Utc::now();
    let ask = format!("/api/v1/calls/{call_id}/update-requests");
    // Requests go out in an open update call only, and from the secretariat only.
    let other = json!({
        "kind": "stocktaking",
        "texts": {"en": {"title": "Report 2027", "text": ""}},
        "opens_at": (now - Duration::hours(1)).to_rfc3339(),
        "closes_at": (now + Duration::days(3)).to_rfc3339()
    });
    let r = app
        .call_as(
            "POST",
            "/api/v1/calls",
            Who::Secretariat(&key),
            Some(&other),
        )
        .await;
    let other_id = r.body["id"].as_str().unwrap();
    let uri = format!("/api/v1/calls/{other_id}/update-requests");
    let r = app
        .call_as("POST", &uri, Who::Secretariat(&key), Some(&json!({})))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = app.post_json(&ask, &json!({})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let uri = format!("/api/v1/calls/{other_id}/reminders");
    let r = app
        .call_as("POST", &uri, Who::Secretariat(&key), None)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // An update call takes no new submissions, and only a submitter confirms.
    let mut new = project("Brand new", "C2", "n@example.org");
    new["call"] = json!(call_id);
    let r = app.post_json("/api/v1/projects", &new).await;
    assert_eq!(
        r.body["error"]["code"], "call_not_for_submissions",
        "{}",
        r.body
    );
    let uri = format!("/api/v1/projects/{a}/confirm");
    let r = app
        .call_as("POST", &uri, Who::Secretariat(&key), None)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .call_as(
            "POST",
            &ask,
            Who::Secretariat(&key),
            Some(&json!({"filters": {"colour": "red"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calls_desk_asks_shows_the_answers_and_reminds_in_the_secretariats_language() {
    let Round {
        app,
        key,
        a: (a, a_token),
        call_id,
        ..
    } = a_round().await;
    let cookie = crate::pages::sign_in(&app, &key).await;
    let list = app
        .get_with_cookie("/secretariat/calls?lang=fr", &cookie)
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let text = crate::helpers::html(&list);
    assert!(
        text.contains("1. Update 2027") && text.contains("ouvert"),
        "{text}"
    );
    let page_uri = format!("/secretariat/calls/{call_id}");
    let anonymous = app.get(&page_uri).await;
    assert_eq!(
        anonymous.status,
        StatusCode::SEE_OTHER,
        "signed out: to sign-in"
    );

    let page = app.get_with_cookie(&page_uri, &cookie).await;
    let csrf = crate::pages::csrf_of(crate::helpers::html(&page));
    // A typo never widens the request to every project: refused, nothing sent.
    for (field, value) in [("action_line", "C22"), ("unconfirmed_since", "30/01/2025")] {
        let form = [("csrf", csrf.as_str()), (field, value)];
        let uri = format!("{page_uri}/update-requests");
        let refused = crate::helpers::post_form(&app, &uri, &form, &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(asked(&app, false).is_empty(), "{field}");
    }
    let form = [
        ("csrf", csrf.as_str()),
        ("action_line", "C2"),
        ("unconfirmed_since", ""),
    ];
    let asked_now = crate::helpers::post_form(
        &app,
        &format!("{page_uri}/update-requests"),
        &form,
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(asked_now.status, StatusCode::SEE_OTHER);
    let location = asked_now.headers["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("sent=2"), "{location}");
    assert_eq!(asked(&app, false), ["a@example.org", "b@example.org"]);

    // A confirms; the page in French counts it, and the silent one is reminded.
    let uri = format!("/api/v1/projects/{a}/confirm");
    let r = app
        .call("POST", &uri, &[("x-edit-token", &a_token)], None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = app
        .get_with_cookie(&format!("{location}&lang=fr"), &cookie)
        .await;
    let text = crate::helpers::html(&page);
    assert!(text.contains("Messages en file : 2"), "{text}");
    for (id, n) in [
        ("requested", 2),
        ("confirmed", 1),
        ("no-answer", 1),
        ("updated", 0),
    ] {
        assert!(
            text.contains(&format!("id=\"count-{id}\">{n}<")),
            "{id} counts {n}: {text}"
        );
    }
    assert!(text.contains("Confirmés sans changement") && text.contains("Broadband B"));
    let reminded = crate::helpers::post_form(
        &app,
        &format!("{page_uri}/reminders"),
        &[("csrf", csrf.as_str())],
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(reminded.status, StatusCode::SEE_OTHER);
    assert!(reminded.headers["location"]
        .to_str()
        .unwrap()
        .ends_with("sent=1"));
    assert_eq!(asked(&app, true), ["b@example.org"]);
    // Without the form's token, nothing is sent.
    let forged = crate::helpers::post_form(
        &app,
        &format!("{page_uri}/reminders"),
        &[("csrf", "0")],
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}
