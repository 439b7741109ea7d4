//! The call answered and the part of ITU as facets, filters and groupings (search, stats,
//! exports, the moderation queue, the report), and the submitter's last confirmation as a
//! filter and an order.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{outside_async, submission, TestApp, Who};
use wsis_stocktaking::service::ServiceError;

/// A call of `kind`, open now.
fn open_call(kind: &str, title: &str) -> Value {
    let now = Utc::now();
    json!({
        "kind": kind,
        "texts": {"en": {"title": title, "text": "Tell us about your project."}},
        "opens_at": (now - Duration::days(1)).to_rfc3339(),
        "closes_at": (now + Duration::days(30)).to_rfc3339()
    })
}

/// A submission `n` answering `call` (if any), from ITU's `entity` (if any).
fn answering(n: usize, call: Option<&str>, entity: Option<&str>) -> Value {
    let mut body = submission(n);
    if let Some(call) = call {
        body["call"] = json!(call);
    }
    if let Some(entity) = entity {
        body["stakeholder_type"] = json!("international_organization");
        body["itu_entity"] = json!(entity);
    }
    body
}

/// A facet's counts in a search answer.
fn counts(r: &Value, facet: &str) -> BTreeMap<String, u64> {
    r["facets"][facet]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect()
}

fn map(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Two open calls (numbers 1 and 2) and six published projects: three answer call 1 (one
/// of them from ITU-D), two call 2 (one from the General Secretariat), one no call; and a
/// pending submission to call 2.
async fn six_published() -> (TestApp, String, Vec<String>) {
    let app = TestApp::empty();
    let key = app.key("desk");
    let mut ids = Vec::new();
    for (kind, title) in [
        ("stocktaking", "Stocktaking 2027"),
        ("covid19", "COVID-19 cases"),
    ] {
        let r = app
            .call_as(
                "POST",
                "/api/v1/calls",
                Who::Secretariat(&key),
                Some(&open_call(kind, title)),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.body["number"], ids.len() + 1, "calls are numbered from 1");
        ids.push(r.body["id"].as_str().unwrap().to_string());
    }
    let (one, two) = (Some(ids[0].as_str()), Some(ids[1].as_str()));
    let plan = [
        (one, None),
        (one, None),
        (one, Some("ITU-D")),
        (two, Some("GS")),
        (two, None),
        (None, None),
    ];
    let mut published = Vec::new();
    for (n, (call, entity)) in plan.into_iter().enumerate() {
        let (id, _) = app
            .submit_published(&key, &answering(n, call, entity))
            .await;
        published.push(id);
    }
    app.submit(&answering(9, two, None)).await;
    (app, key, published)
}

#[tokio::test(flavor = "multi_thread")]
async fn calls_and_parts_of_itu_are_exact_disjunctive_facets_and_filters() {
    let (app, key, _) = six_published().await;
    let all = app.search("per_page=1").await;
    assert_eq!(all.body["total"], 6);
    assert_eq!(counts(&all.body, "call"), map(&[("1", 3), ("2", 2)]));
    assert_eq!(
        counts(&all.body, "itu_entity"),
        map(&[("GS", 1), ("ITU-D", 1)])
    );

    // Filtered by call 1: three left, and the call facet still counts every call.
    let one = app.search("per_page=10&call=1").await;
    assert_eq!(one.body["total"], 3);
    assert_eq!(counts(&one.body, "call"), map(&[("1", 3), ("2", 2)]));
    assert_eq!(counts(&one.body, "itu_entity"), map(&[("ITU-D", 1)]));
    let both = app.search("call=1&call=2").await;
    assert_eq!(both.body["total"], 5);
    let itu = app.search("call=1&itu_entity=ITU-D").await;
    assert_eq!(itu.body["total"], 1);
    assert_eq!(counts(&itu.body, "call"), map(&[("1", 1)]));
    assert_eq!(
        counts(&itu.body, "itu_entity"),
        map(&[("ITU-D", 1)]),
        "the entity facet is counted without its own filter, within call 1"
    );
    let with_text = app.search("q=broadband&call=2").await;
    assert_eq!(with_text.body["total"], 2);

    // A bad value names the parameter.
    for bad in ["call=0", "call=x", "itu_entity=ITU"] {
        let r = app.search(bad).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        let param = bad.split('=').next().unwrap();
        assert_eq!(r.body["error"]["field"], param, "{bad}: {}", r.body);
    }

    // Statistics group by call and by part of ITU; exports and the queue filter by call.
    let stats = app.get("/api/v1/stats?group_by=call,itu_entity").await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.body);
    assert_eq!(stats.body["total"], 6);
    let groups: Vec<(String, String, u64)> = stats.body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let text = |k: &str| g[k].as_str().unwrap().to_string();
            (
                text("call"),
                text("itu_entity"),
                g["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("1".into(), "ITU-D".into(), 1),
            ("2".into(), "GS".into(), 1)
        ]
    );
    let export = app.get("/api/v1/export?call=1").await;
    assert_eq!(export.body.as_str().unwrap().lines().count(), 3);
    let queue = app.queue(&key, "?call=2").await;
    assert_eq!(queue.body["total"], 1, "{}", queue.body);
    assert_eq!(app.queue(&key, "?call=1").await.body["total"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_report_counts_by_call_and_part_of_itu_and_takes_one_call() {
    let (app, key, published) = six_published().await;
    // A chapter with a project of call 1 and one of call 2.
    let chapter = json!({"kind": "report", "title": "Broadband", "category": "C2",
        "items": [{"project_id": published[0]}, {"project_id": published[3]}]});
    let r = app.create_selection(&key, &chapter).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let report = outside_async(|| app.service.report(None, None).unwrap());
    assert_eq!(report.chapters[0].projects.len(), 2);
    let section = |facet: &str| {
        report
            .sections
            .iter()
            .find(|s| s.facet == facet)
            .unwrap()
            .all
            .iter()
            .map(|r| (r.code.clone(), r.label.clone(), r.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        section("call"),
        [
            ("1".into(), "1. Stocktaking 2027".into(), 3),
            ("2".into(), "2. COVID-19 cases".into(), 2)
        ]
    );
    let entities = section("itu_entity");
    assert_eq!(entities.len(), 4, "every part of ITU, counted or not");
    assert!(entities.contains(&(
        "ITU-D".into(),
        "ITU Telecommunication Development Sector (ITU-D)".into(),
        1
    )));
    let one = outside_async(|| app.service.report(None, Some(1)).unwrap());
    assert_eq!(one.total, 3);
    assert_eq!(one.call, Some((1, "Stocktaking 2027".into())));
    let listed: Vec<&str> = (one.chapters[0].projects.iter())
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(
        listed,
        ["Community broadband cooperative number 0"],
        "call 1's only"
    );
    let missing = outside_async(|| app.service.report(None, Some(7)));
    assert!(matches!(missing, Err(ServiceError::NotFound(_))));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_part_of_itu_is_for_projects_of_an_international_organization() {
    let app = TestApp::empty();
    let mut body = submission(1);
    body["itu_entity"] = json!("ITU-T");
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.body["error"]["field"], "itu_entity");
    assert_eq!(r.body["error"]["code"], "invalid_combination");
    body["stakeholder_type"] = json!("international_organization");
    body["itu_entity"] = json!("ITU-X");
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.body["error"]["field"], "itu_entity");
    body["itu_entity"] = json!("ITU-T");
    let (id, token) = app.submit(&body).await;
    let r = app
        .call_as(
            "GET",
            &format!("/api/v1/projects/{id}"),
            Who::Submitter(&token),
            None,
        )
        .await;
    assert_eq!(r.body["itu_entity"], "ITU-T", "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_confirmation_filters_and_orders_the_search() {
    let app = TestApp::empty();
    let key = app.key("desk");
    // Submitted (and so confirmed) today; imported, never confirmed.
    let (submitted, _) = app.submit_published(&key, &submission(1)).await;
    let mut old = crate::helpers::import_record("old-1", "Old archive of broadband maps", "x");
    old["action_lines"] = json!(["C2"]);
    app.import(&[old], true);
    let today = Utc::now().date_naive();
    let tomorrow = today + Duration::days(1);

    let r = app.search(&format!("confirmed_since={today}")).await;
    assert_eq!(r.body["total"], 1, "{}", r.body);
    assert_eq!(r.body["hits"][0]["id"], submitted.as_str());
    assert_eq!(
        counts(&r.body, "action_line")["C2"],
        1,
        "counts obey it too"
    );
    let r = app.search(&format!("confirmed_before={today}")).await;
    assert_eq!(r.body["total"], 1, "never confirmed counts as before");
    assert_ne!(r.body["hits"][0]["id"], submitted.as_str());
    let r = app.search(&format!("confirmed_before={tomorrow}")).await;
    assert_eq!(r.body["total"], 2);
    let r = app
        .search(&format!("q=broadband&confirmed_before={today}"))
        .await;
    assert_eq!(r.body["total"], 1, "with text too: {}", r.body);

    // Statistics count under the same days.
    for (days, total) in [
        (format!("confirmed_since={today}"), 1),
        (format!("confirmed_before={today}"), 1),
        (format!("confirmed_before={tomorrow}"), 2),
    ] {
        let r = app
            .get(&format!("/api/v1/stats?group_by=action_line&{days}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.body["total"], total, "{days}: {}", r.body);
    }

    let r = app.search("sort=confirmed").await;
    let order: Vec<&str> = (r.body["hits"].as_array().unwrap().iter())
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(order.len(), 2);
    assert_eq!(order[0], submitted, "the latest confirmation first");

    let r = app.search("confirmed_since=2025-02-30").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["field"], "confirmed_since");
}

/// Opens the service over `dir`, waiting for sled to let go of the directory and for the
/// index to catch up.
fn reopened(dir: &std::path::Path) -> std::sync::Arc<wsis_stocktaking::service::Service> {
    use wsis_stocktaking::service::Service;
    let mut opened = Service::open(&crate::helpers::config(dir, false, 5));
    for _ in 0..100 {
        if opened.is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        opened = Service::open(&crate::helpers::config(dir, false, 5));
    }
    let service = opened.unwrap();
    for _ in 0..500 {
        if service.readiness().unwrap().ready {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    service
}

#[test]
fn calls_opened_before_calls_had_numbers_are_numbered_and_their_projects_found() {
    use wsis_stocktaking::model::{Call, SearchRequest};
    use wsis_stocktaking::service::Caller;
    use wsis_stocktaking::store::{Change, ChangeKind, Space, Store};
    let dir = tempfile::tempdir().unwrap();
    let (call_id, project_id) = {
        let service = reopened(dir.path());
        let desk = Caller::Secretariat("desk".into());
        let call = service
            .create_call(&desk, open_call("stocktaking", "Old call"))
            .unwrap();
        let body = answering(1, Some(&call.call.id.to_string()), None);
        let submitted = service.submit(body, &Caller::Public, None).unwrap();
        service.shutdown();
        (call.call.id, submitted.id)
    };
    // As a store written before numbers: the call has none, the project no call number.
    {
        let store = Store::open(&dir.path().join("store")).unwrap();
        let key = call_id.to_bytes();
        let mut call: Call =
            serde_json::from_slice(&store.spaces().get(Space::Call, &key).unwrap().unwrap())
                .unwrap();
        call.number = 0;
        store
            .spaces()
            .put(Space::Call, &key, &serde_json::to_vec(&call).unwrap())
            .unwrap();
        let mut project = store.get(project_id).unwrap().unwrap();
        project.call_number = None;
        project.state = wsis_stocktaking::model::State::Published;
        let change = Change {
            project,
            kind: ChangeKind::StateChanged,
        };
        store.write(&[change]).unwrap();
        store.flush().unwrap();
    }
    let service = reopened(dir.path());
    let calls = service.calls().unwrap();
    assert_eq!(calls[0].call.number, 1);
    service.commit_index().unwrap();
    let req = SearchRequest::from_pairs([("call", "1")]).unwrap();
    assert_eq!(
        service.search(&req).unwrap().total,
        1,
        "the project answers call 1"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_offer_calls_as_filters_by_title() {
    let (app, key, _) = six_published().await;
    for path in ["/?lang=fr", "/stats?lang=fr"] {
        let page = app.get(path).await;
        let text = crate::helpers::html(&page);
        assert!(text.contains("id=\"f-call-1\""), "{path}: the call facet");
        assert!(text.contains("1. Stocktaking 2027"), "{path}: by title");
        assert!(text.contains("id=\"count-call-1\">3<"), "{path}: {text}");
        assert!(text.contains("id=\"count-itu_entity-ITU-D\">1<"), "{path}");
    }
    let filtered = app.get("/?call=2&lang=fr").await;
    let text = crate::helpers::html(&filtered);
    assert!(text.contains("<span id=\"total\">2</span>"), "{text}");
    // The desk lists the pending submission to call 2 under that call only.
    let cookie = crate::pages::sign_in(&app, &key).await;
    let desk = app.get_with_cookie("/secretariat?call=2", &cookie).await;
    let text = crate::helpers::html(&desk);
    assert!(
        text.contains("Community broadband cooperative number 9"),
        "{text}"
    );
    assert!(
        text.contains("<option value=\"2\" selected>2. COVID-19 cases"),
        "{text}"
    );
    let desk = app.get_with_cookie("/secretariat?call=1", &cookie).await;
    assert!(!crate::helpers::html(&desk).contains("Community broadband cooperative number 9"));
}
