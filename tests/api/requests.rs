//! What careless and hostile requests meet (issue 15): repeated parameters, private answers
//! kept out of caches, 429 with `Retry-After` on every form post, read-only keys.

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::{html, post_form, submission, TestApp, Who};

#[tokio::test(flavor = "multi_thread")]
async fn a_single_valued_parameter_given_twice_is_a_400_naming_it_on_every_route() {
    let app = TestApp::with(false, 5);
    let key = app.key("desk");
    let (id, _) = app.submit_published(&key, &submission(1)).await;
    let sel = app.published_selection(&key, &id).await;
    for (method, uri, param) in single_valued_parameters(&id, &sel) {
        let r = app
            .call_as(method, &uri, Who::Secretariat(&key), Some(&submission(2)))
            .await;
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "{method} {uri}: {}",
            r.body
        );
        assert_eq!(r.body["error"]["code"], "duplicate_parameter", "{uri}");
        assert_eq!(r.body["error"]["field"], param, "{uri}");
    }
    // The pages too, in the page's language.
    for uri in [
        "/?sort=newest&sort=title&lang=fr",
        "/stats?lang=fr&year_from=2001&year_from=2002",
        &format!("/projects/{id}?lang=fr&lang=es"),
        "/submit?lang=fr&lang=fr",
    ] {
        let r = app.get(uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(html(&r).contains("<!DOCTYPE html>"), "{uri}");
    }
    assert!(html(&app.get("/?sort=newest&sort=title&lang=fr").await).contains("lang=\"fr\""));
    // Repeatable ones stay repeatable, and empty values (as forms send them) do not count.
    for uri in [
        "/api/v1/search?sdg=3&sdg=9&region=africa&region=europe",
        "/api/v1/stats?group_by=sdg&group_by=region",
        "/api/v1/search?q=&q=broadband",
    ] {
        assert_eq!(app.get(uri).await.status, StatusCode::OK, "{uri}");
    }
    // A page goes to its address without the blank values first.
    let r = app
        .get("/?q=&q=broadband&action_line=C2&action_line=C4")
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let clean = r.headers["location"].to_str().unwrap();
    assert_eq!(clean, "/?q=broadband&action_line=C2&action_line=C4");
    assert_eq!(app.get(clean).await.status, StatusCode::OK, "{clean}");
}

/// (method, URI, parameter): an API route with a single-valued parameter given twice.
fn single_valued_parameters(id: &str, sel: &str) -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "GET",
            "/api/v1/export?format=csv&format=json".to_string(),
            "format",
        ),
        (
            "GET",
            "/api/v1/export?bom=true&bom=false".to_string(),
            "bom",
        ),
        ("GET", "/api/v1/suggest?q=hea&q=wat".to_string(), "q"),
        (
            "GET",
            "/api/v1/suggest?q=hea&limit=2&limit=3".to_string(),
            "limit",
        ),
        (
            "GET",
            "/api/v1/search?sort=newest&sort=title".to_string(),
            "sort",
        ),
        (
            "GET",
            "/api/v1/stats?group_by=sdg&year_to=2020&year_to=2021".to_string(),
            "year_to",
        ),
        (
            "GET",
            format!("/api/v1/projects/{id}/related?limit=1&limit=2"),
            "limit",
        ),
        (
            "GET",
            format!("/api/v1/selections/{sel}/export?format=csv&format=json"),
            "format",
        ),
        (
            "POST",
            "/api/v1/import?dry_run=true&dry_run=false&format=ndjson".to_string(),
            "dry_run",
        ),
        (
            "POST",
            "/api/v1/import?publish=true&publish=false&format=ndjson".to_string(),
            "publish",
        ),
        (
            "POST",
            "/api/v1/import?format=ndjson&format=csv".to_string(),
            "format",
        ),
        (
            "POST",
            "/api/v1/projects?refresh=wait_for&refresh=false".to_string(),
            "refresh",
        ),
        (
            "GET",
            "/api/v1/moderation?covid19=true&covid19=false".to_string(),
            "covid19",
        ),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_key_cannot_submit() {
    let app = TestApp::empty();
    let reader = app.read_only_key("auditor");
    let r = app.submit_as(&reader, &submission(1)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(r.body["error"]["code"], "forbidden");
    let editor = app.key("desk");
    let queue = app.queue(&editor, "").await;
    assert_eq!(queue.body["total"], 0, "nothing was stored");
}

/// The `Cache-Control` of an answer.
fn cache_control(r: &crate::helpers::Response) -> String {
    r.headers
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn private_answers_are_never_stored_by_caches() {
    let app = TestApp::with(false, 5);
    let key = app.key("desk");
    let submitted = app.post_json("/api/v1/projects", &submission(1)).await;
    assert_eq!(
        cache_control(&submitted),
        "no-store",
        "the answer with the edit token"
    );
    let id = submitted.id();
    let token = submitted.body["edit_token"].as_str().unwrap().to_string();
    let (submitter, desk) = (Who::Submitter(&token), Who::Secretariat(&key));
    let private = [
        (format!("/api/v1/projects/{id}"), submitter),
        (format!("/api/v1/projects/{id}"), desk),
        (format!("/api/v1/projects/{id}/history"), submitter),
        ("/api/v1/moderation".to_string(), desk),
        ("/api/v1/backup".to_string(), desk),
        ("/api/v1/export?format=csv".to_string(), desk),
        (format!("/submissions/{id}?token={token}"), Who::Public),
        ("/secretariat".to_string(), Who::Public),
        ("/secretariat/selections".to_string(), Who::Public),
    ];
    for (uri, who) in private {
        let r = app.call_as("GET", &uri, who, None).await;
        assert!(r.status.as_u16() < 400, "{uri}: {}", r.status);
        assert_eq!(cache_control(&r), "no-store", "{uri}");
    }
    // A signed-in secretariat page.
    let signed_in = post_form(&app, "/secretariat/sign-in", &[("key", &key)], &[]).await;
    let cookie = signed_in.headers["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let desk = app.get_with_cookie("/secretariat", &cookie).await;
    assert!(html(&desk).contains("id=\"signed-in\""));
    assert_eq!(cache_control(&desk), "no-store");
    // Public answers may be kept, and say what they vary with.
    for uri in ["/api/v1/search?q=broadband", "/", "/api/v1/taxonomy"] {
        let r = app.get(uri).await;
        assert!(!cache_control(&r).contains("no-store"), "{uri}");
        assert!(
            r.headers["vary"].to_str().unwrap().contains("X-Edit-Token"),
            "{uri}"
        );
    }
}

/// The `Retry-After` of an answer, in seconds.
fn retry_after(r: &crate::helpers::Response) -> u64 {
    r.headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_429_says_when_to_retry_the_form_posts_included() {
    let mut app = TestApp::empty();
    app.router = wsis_stocktaking::http::router_with(
        app.service.clone(),
        wsis_stocktaking::http::HttpLimits {
            writes_per_minute: 1,
            ..Default::default()
        },
    );
    let (id, token) = app.submit(&submission(1)).await;
    let form: Vec<(&str, &str)> = vec![
        ("title", "A second project"),
        ("token", &token),
        ("version", "1"),
    ];
    let limited: Vec<(&str, crate::helpers::Response)> = vec![
        (
            "POST /api/v1/projects",
            app.post_json("/api/v1/projects", &submission(2)).await,
        ),
        ("POST /submit", post_form(&app, "/submit", &form, &[]).await),
        (
            "revise",
            post_form(&app, &format!("/submissions/{id}/revise"), &form, &[]).await,
        ),
        (
            "withdraw",
            post_form(&app, &format!("/submissions/{id}/withdraw"), &form, &[]).await,
        ),
        (
            "sign-in",
            post_form(&app, "/secretariat/sign-in", &[("key", "a guess")], &[]).await,
        ),
        ("PUT", app.revise(&id, &token, "1", &submission(3)).await),
    ];
    for (what, r) in limited {
        assert_eq!(
            r.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{what}: {:?}",
            r.body
        );
        let wait = retry_after(&r);
        assert!((1..=60).contains(&wait), "{what}: Retry-After {wait}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn read_only_key_submissions_do_not_spend_or_bypass_budgets() {
    // A read-only key used to count as the secretariat (no limit) and submit anyway.
    let mut app = TestApp::empty();
    app.router = wsis_stocktaking::http::router_with(
        app.service.clone(),
        wsis_stocktaking::http::HttpLimits {
            writes_per_minute: 1,
            ..Default::default()
        },
    );
    let reader = app.read_only_key("auditor");
    for n in 0..3 {
        let r = app.submit_as(&reader, &submission(n)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    let body: Value = app.post_json("/api/v1/projects", &submission(9)).await.body;
    assert!(
        body["id"].is_string(),
        "the public budget is untouched: {body}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn what_a_request_sends_is_never_echoed_with_control_characters() {
    let app = TestApp::seeded();
    let nasty = "a%1B%5B31mb%E2%80%AEc%00d%C2%85e%E2%81%A6";
    for uri in [
        format!("/api/v1/search?sort={nasty}"),
        format!("/api/v1/search?region={nasty}"),
        format!("/api/v1/search?{nasty}=1"),
        format!("/api/v1/export?format={nasty}"),
        format!("/api/v1/stats?group_by={nasty}"),
        format!("/?sort={nasty}"),
        format!("/?q={nasty}"),
        format!("/covid19?year_from={nasty}"),
        format!("/projects/{nasty}"),
    ] {
        let r = app.get(&uri).await;
        let text = match &r.body {
            Value::String(page) => page.clone(),
            other => {
                // Decoded, as a client reads it.
                let mut all = String::new();
                for v in [&other["error"]["message"], &other["error"]["field"]] {
                    all.push_str(v.as_str().unwrap_or(""));
                }
                all
            }
        };
        for bad in ['\u{1b}', '\u{0}', '\u{85}', '\u{202e}', '\u{2066}'] {
            assert!(!text.contains(bad), "{uri}: {bad:?} echoed in {text}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_withdrawn_from_a_published_selection_shows_only_its_state_to_the_public() {
    let app = TestApp::with(false, 5);
    let key = app.key("desk");
    let (id, token) = app.submit_published(&key, &submission(1)).await;
    let sel = app.published_selection(&key, &id).await;
    let title = submission(1)["title"].as_str().unwrap().to_string();
    let withdrawn = app
        .call(
            "DELETE",
            &format!("/api/v1/projects/{id}"),
            &[("x-edit-token", &token), ("if-match", "2")],
            None,
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
    let public = app.selection(&sel, Who::Public).await;
    assert_eq!(public.body["items"][0]["state"], "withdrawn");
    assert_eq!(public.body["items"][0]["project"], Value::Null);
    let csv = app
        .get(&format!("/api/v1/selections/{sel}/export?format=csv"))
        .await;
    let csv = csv.text();
    assert!(csv.contains("withdrawn") && !csv.contains(&title), "{csv}");
    let page = app.get(&format!("/selections/{sel}")).await;
    assert!(!html(&page).contains(&title));
    // The secretariat still sees what it chose.
    let desk = app.selection(&sel, Who::Secretariat(&key)).await;
    assert_eq!(desk.body["items"][0]["project"]["title"], title.as_str());
}
