//! Submitting twice (issue 15): `Idempotency-Key` on the API, a form post that a reload does
//! not repeat, and pending submissions compared with each other in the queue.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{bearer, html, outside_async, post_form, submission, TestApp, Who};

async fn queue(app: &TestApp, key: &str) -> Value {
    app.queue(key, "").await.body
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_key_and_body_answer_the_first_result_and_another_body_is_refused() {
    let app = TestApp::empty();
    let desk = app.key("desk");
    let send = |key: &'static str, body: Value| {
        let app = &app;
        async move {
            app.call(
                "POST",
                "/api/v1/projects",
                &[("idempotency-key", key)],
                Some(&body),
            )
            .await
        }
    };
    let first = send("order-7f3a", submission(1)).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert!(first.headers.get("idempotent-replayed").is_none());
    // The same body again, its keys in another order: the first answer, token included.
    let mut reordered = serde_json::Map::new();
    let original = submission(1);
    for (k, v) in original.as_object().unwrap().iter().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    let again = send("order-7f3a", Value::Object(reordered)).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.body["id"], first.body["id"]);
    assert_eq!(again.body["edit_token"], first.body["edit_token"]);
    assert_eq!(again.headers["location"], first.headers["location"]);
    // The replayed token works.
    let id = first.body["id"].as_str().unwrap();
    let token = again.body["edit_token"].as_str().unwrap();
    let mine = app.project(id, Who::Submitter(token)).await;
    assert_eq!(mine.status, StatusCode::OK);
    // Another body under the key: 422 naming the header.
    let other = send("order-7f3a", submission(2)).await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.body
    );
    assert_eq!(other.body["error"]["code"], "idempotency_key_reused");
    assert_eq!(other.body["error"]["field"], "Idempotency-Key");
    // A bad key: 400 naming the header.
    let bad = app
        .call(
            "POST",
            "/api/v1/projects",
            &[("idempotency-key", "two words")],
            Some(&submission(3)),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["error"]["field"], "Idempotency-Key");
    // Without a key, the same body is a new submission each time.
    let plain = app.post_json("/api/v1/projects", &submission(1)).await;
    assert_ne!(plain.body["id"], first.body["id"]);
    assert_eq!(queue(&app, &desk).await["total"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_retries_with_one_key_make_one_project() {
    let app = TestApp::empty();
    let desk = app.key("desk");
    let router = app.router.clone();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let router = router.clone();
        tasks.push(tokio::spawn(async move {
            use tower::ServiceExt;
            let request = axum::http::Request::post("/api/v1/projects")
                .header("content-type", "application/json")
                .header("idempotency-key", "retry-storm")
                .body(axum::body::Body::from(submission(5).to_string()))
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = http_body_util::BodyExt::collect(response.into_body())
                .await
                .unwrap()
                .to_bytes();
            (status, serde_json::from_slice::<Value>(&bytes).unwrap())
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["id"].as_str().unwrap().to_string());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(queue(&app, &desk).await["total"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_remembered_answer_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::helpers::config(dir.path(), false, 5);
    let first = {
        let service = outside_async(|| wsis_stocktaking::service::Service::open(&config).unwrap());
        let app = wsis_stocktaking::http::router(service.clone());
        let answer = send_keyed(&app, "after-restart").await;
        outside_async(|| service.shutdown());
        answer
    };
    let service = crate::helpers::reopened(&config);
    let again = send_keyed(&wsis_stocktaking::http::router(service), "after-restart").await;
    assert_eq!(first["id"], again["id"]);
    assert_eq!(first["edit_token"], again["edit_token"]);
}

async fn send_keyed(app: &axum::Router, key: &str) -> Value {
    use tower::ServiceExt;
    let request = axum::http::Request::post("/api/v1/projects")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(axum::body::Body::from(submission(4).to_string()))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    serde_json::from_slice(&bytes).unwrap()
}

/// The form of the submission page, filled in, with the page's own form key.
fn filled_form(page: &str) -> Vec<(String, String)> {
    let marker = "name=\"submission_key\" value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let form_key = page[start..start + page[start..].find('"').unwrap()].to_string();
    [
        ("title", "Mesh networks for island schools"),
        (
            "description",
            "Solar mesh routers connect schools on six islands.",
        ),
        ("organization", "Island Links"),
        ("stakeholder_type", "civil_society"),
        ("scope", "national"),
        ("countries", "FJ"),
        ("action_lines", "C2"),
        ("sdgs", "4"),
        ("status", "ongoing"),
        ("language", "en"),
        ("contact_name", "Sela"),
        ("contact_email", "sela@example.org"),
        ("submission_key", &form_key),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_answers_with_a_redirect_and_posting_it_again_submits_nothing_new() {
    let app = TestApp::empty();
    let desk = app.key("desk");
    let page = app.get("/submit").await;
    let form = filled_form(html(&page));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let first = post_form(&app, "/submit", &pairs, &[]).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let location = first.headers["location"].to_str().unwrap().to_string();
    assert!(location.contains("submitted=1") && location.contains("token="));
    // A reload of where the post led shows the page again; it posts nothing.
    for _ in 0..2 {
        let shown = app.get(&location).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(html(&shown).contains("id=\"edit-link\""));
    }
    // The browser's "send the form again" (or a double click): the same submission.
    let twice = post_form(&app, "/submit", &pairs, &[]).await;
    assert_eq!(twice.headers["location"].to_str().unwrap(), location);
    assert_eq!(queue(&app, &desk).await["total"], 1);
    // Changed content under the same form is a new submission.
    let mut changed = pairs.clone();
    changed[0] = ("title", "Mesh networks for island clinics");
    let other = post_form(&app, "/submit", &changed, &[]).await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    assert_ne!(other.headers["location"].to_str().unwrap(), location);
    assert_eq!(queue(&app, &desk).await["total"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn pending_submissions_are_compared_with_each_other_in_the_queue() {
    let app = TestApp::empty();
    let desk = app.key("desk");
    let mut a = submission(1);
    a["title"] = json!("Digital literacy buses for rural youth");
    let mut b = submission(2);
    b["title"] = json!("Digital literacy buses for rural youth (phase 2)");
    b["description"] = json!("Completely different words describing the second phase.");
    let mut c = submission(3);
    c["organization"] = json!("Someone Else Entirely");
    c["title"] = json!("Seed banks with SMS alerts");
    c["description"] = json!("Farmers get alerts about seed stocks.");
    for body in [&a, &b, &c] {
        assert_eq!(
            app.post_json("/api/v1/projects", body).await.status,
            StatusCode::CREATED
        );
    }
    let items = queue(&app, &desk).await["items"]
        .as_array()
        .unwrap()
        .clone();
    let dups = |title: &str| -> Vec<(String, String)> {
        items
            .iter()
            .find(|i| i["project"]["title"] == title)
            .unwrap()["possible_duplicates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["title"].as_str().unwrap().to_string(),
                    d["state"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        dups("Digital literacy buses for rural youth"),
        [(
            "Digital literacy buses for rural youth (phase 2)".to_string(),
            "pending".to_string()
        )]
    );
    assert_eq!(
        dups("Digital literacy buses for rural youth (phase 2)"),
        [(
            "Digital literacy buses for rural youth".to_string(),
            "pending".to_string()
        )]
    );
    assert!(dups("Seed banks with SMS alerts").is_empty());
    // The desk shows them, not as links to a public page.
    let signed_in = post_form(&app, "/secretariat/sign-in", &[("key", &desk)], &[]).await;
    let cookie = signed_in.headers["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let page = app.get_with_cookie("/secretariat", &cookie).await;
    assert_eq!(html(&page).matches("data-state=\"pending\"").count(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_answers_only_the_caller_that_used_it() {
    let app = TestApp::empty();
    let (a, b) = (app.key("desk-a"), app.key("desk-b"));
    let send = |auth: Option<String>| {
        let app = &app;
        async move {
            let mut headers = vec![("idempotency-key", "shared-weak-key".to_string())];
            if let Some(auth) = auth {
                headers.push(("authorization", auth));
            }
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("POST", "/api/v1/projects", &headers, Some(&submission(7)))
                .await
                .body
        }
    };
    let public = send(None).await;
    let by_a = send(Some(bearer(&a))).await;
    let by_b = send(Some(bearer(&b))).await;
    let again_a = send(Some(bearer(&a))).await;
    assert_ne!(public["id"], by_a["id"]);
    assert_ne!(by_a["id"], by_b["id"]);
    assert_eq!(by_a["id"], again_a["id"]);
    assert_eq!(queue(&app, &a).await["total"], 3);
}
