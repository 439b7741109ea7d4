//! Calls for submissions: the secretariat opens a call and moves its deadline (the history
//! is kept); a submission names an open call and is counted, and after the deadline it is
//! refused with `call_closed` naming the deadline; the calls page in French.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{html, submission, TestApp, Who};

fn a_call(kind: &str, opens: chrono::DateTime<Utc>, closes: chrono::DateTime<Utc>) -> Value {
    json!({
        "kind": kind,
        "texts": {
            "en": {"title": "WSIS Prizes 2027", "text": "Nominate your project."},
            "fr": {"title": "Prix du SMSI 2027", "text": "Proposez votre projet."}
        },
        "opens_at": opens.to_rfc3339(),
        "closes_at": closes.to_rfc3339()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_submission_names_an_open_call_and_a_closed_one_refuses_it_naming_its_deadline() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let now = Utc::now();
    let r = app
        .call_as(
            "POST",
            "/api/v1/calls",
            Who::Secretariat(&key),
            Some(&a_call(
                "prizes",
                now - Duration::days(1),
                now + Duration::days(30),
            )),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let open = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(r.body["open"], true);
    let past = a_call(
        "stocktaking",
        now - Duration::days(60),
        now - Duration::days(2),
    );
    let r = app
        .call_as("POST", "/api/v1/calls", Who::Secretariat(&key), Some(&past))
        .await;
    let closed = r.body["id"].as_str().unwrap().to_string();
    let deadline = r.body["closes_at"].as_str().unwrap().to_string();

    let mut body = submission(1);
    body["call"] = json!(open);
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = app.get(&format!("/api/v1/calls/{open}")).await;
    assert_eq!(r.body["submissions"], 1);

    body["call"] = json!(closed);
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.body["error"]["field"], "call");
    assert_eq!(r.body["error"]["code"], "call_closed");
    let message = r.body["error"]["message"].as_str().unwrap();
    assert!(message.contains(&deadline), "{message} names {deadline}");
    body["call"] = json!("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.body["error"]["code"], "unknown_call");

    // Extending the deadline keeps the old one, and the call admits submissions again.
    let later = now + Duration::days(10);
    let uri = format!("/api/v1/calls/{closed}/deadline");
    let r = app
        .call_as(
            "POST",
            &uri,
            Who::Secretariat(&key),
            Some(&json!({"closes_at": later.to_rfc3339()})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["deadline_history"][0]["from"], deadline.as_str());
    assert_eq!(r.body["deadline_history"][0]["by"], "desk");
    body["call"] = json!(closed);
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

    let r = app.get("/api/v1/calls").await;
    let listed: Vec<(bool, u64)> = r.body["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["open"].as_bool().unwrap(),
                c["submissions"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, [(true, 1), (true, 1)]);

    let page = app.get("/calls?lang=fr").await;
    let text = html(&page);
    assert!(text.contains("Prix du SMSI 2027") && text.contains("Proposez votre projet."));
    assert!(
        text.contains("Date limite modifiée"),
        "the extension is shown"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_secretariat_opens_calls_and_bad_fields_are_named() {
    let app = TestApp::empty();
    let reader = app.read_only_key("reader");
    let key = app.key("desk");
    let now = Utc::now();
    let body = a_call("covid19", now, now + Duration::days(3));
    let r = app.post_json("/api/v1/calls", &body).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = app
        .call_as(
            "POST",
            "/api/v1/calls",
            Who::Secretariat(&reader),
            Some(&body),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let bad = json!({"kind": "lottery", "texts": {"fr": {"title": "x", "text": ""}}, "opens_at": "soon", "closes_at": now.to_rfc3339()});
    let r = app
        .call_as("POST", "/api/v1/calls", Who::Secretariat(&key), Some(&bad))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    for field in ["kind", "texts.fr.title", "texts.en", "opens_at"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let backwards = a_call("covid19", now, now - Duration::days(1));
    let r = app
        .call_as(
            "POST",
            "/api/v1/calls",
            Who::Secretariat(&key),
            Some(&backwards),
        )
        .await;
    assert_eq!(r.body["error"]["field"], "closes_at");
    let r = app.get("/api/v1/calls/nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
