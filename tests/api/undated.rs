//! Data that must not be invented (issue 15): a start date may be unknown, and a source
//! without countries imports as international.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{html, import_record, submission, TestApp};

/// Published projects: two dated ones and one whose start date is unknown.
fn app_with_an_undated_project() -> TestApp {
    let app = TestApp::empty();
    let mut undated = import_record("u", "Undated radio archive", "Nobody wrote down when.");
    undated.as_object_mut().unwrap().remove("start_date");
    undated.as_object_mut().unwrap().remove("end_date");
    let mut old = import_record("o", "Old radio archive", "Started long ago.");
    old["start_date"] = json!("2001-05-01");
    let mut new = import_record("n", "New radio archive", "Started lately.");
    new["start_date"] = json!("2023-05-01");
    new["end_date"] = Value::Null;
    let report = app.import(&[undated, old, new], true);
    assert_eq!(report.created, 3, "{:?}", report.rejected);
    app
}

fn titles(body: &Value) -> Vec<&str> {
    body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_start_date_stays_unknown_everywhere() {
    let app = app_with_an_undated_project();
    let all = app.get("/api/v1/search?q=radio").await;
    assert_eq!(
        all.body["facets"]["year"],
        json!({"2001": 1, "2023": 1, "unknown": 1})
    );
    undated_projects_sort_last(&app).await;
    let undated = all.body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["title"] == "Undated radio archive")
        .unwrap()
        .clone();
    assert_eq!(undated["start_date"], Value::Null);
    // Never inside a year range, whichever end is given.
    for range in [
        "year_from=1990",
        "year_to=2030",
        "year_from=1900&year_to=2100",
    ] {
        let r = app.get(&format!("/api/v1/search?{range}")).await;
        assert!(
            !titles(&r.body).contains(&"Undated radio archive"),
            "{range}"
        );
        assert_eq!(r.body["total"], 2, "{range}");
    }
    // Statistics count it under `unknown`, last.
    let stats = app.get("/api/v1/stats?group_by=year").await;
    let years: Vec<&str> = stats.body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["year"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2001", "2023", "unknown"]);
    // The pages say so, in the reader's language.
    let id = undated["id"].as_str().unwrap();
    let page = app.get(&format!("/projects/{id}?lang=fr")).await;
    assert!(html(&page).contains("date inconnue"));
    let search = app.get("/?q=radio").await;
    assert!(html(&search).contains("date unknown"));
    exports_leave_it_empty_and_it_imports_back_unknown(&app).await;
}

/// After dated projects by date, whichever the order.
async fn undated_projects_sort_last(app: &TestApp) {
    for (sort, expected) in [
        (
            "newest",
            [
                "New radio archive",
                "Old radio archive",
                "Undated radio archive",
            ],
        ),
        (
            "oldest",
            [
                "Old radio archive",
                "New radio archive",
                "Undated radio archive",
            ],
        ),
    ] {
        let r = app
            .get(&format!("/api/v1/search?q=radio&sort={sort}"))
            .await;
        assert_eq!(titles(&r.body), expected, "{sort}");
        let r = app.get(&format!("/api/v1/search?sort={sort}")).await;
        assert_eq!(titles(&r.body), expected, "{sort} without text");
    }
}

/// Exports leave it empty, and it imports back as unknown.
async fn exports_leave_it_empty_and_it_imports_back_unknown(app: &TestApp) {
    let csv = app.get("/api/v1/export?format=csv").await;
    let csv = csv.body.as_str().unwrap().to_string();
    let row = csv
        .lines()
        .find(|l| l.contains("Undated radio archive"))
        .unwrap();
    assert!(!row.contains("2024"), "no date invented: {row}");
    let again = TestApp::empty();
    let report = again
        .send(
            axum::http::Request::post("/api/v1/import?format=csv&publish=true")
                .header("authorization", format!("Bearer {}", again.key("desk")))
                .body(axum::body::Body::from(csv))
                .unwrap(),
        )
        .await;
    assert_eq!(report.body["created"], 3, "{}", report.body);
    let exported = again.get("/api/v1/export").await;
    let line = exported
        .body
        .as_str()
        .unwrap()
        .lines()
        .find(|l| l.contains("Undated"))
        .unwrap()
        .to_string();
    assert!(!line.contains("start_date"), "{line}");
}

#[tokio::test(flavor = "multi_thread")]
async fn submissions_may_leave_the_start_date_out() {
    let app = TestApp::empty();
    let mut body = submission(1);
    body.as_object_mut().unwrap().remove("start_date");
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // An end date alone is fine too; an end before a known start is not.
    body["end_date"] = json!("2020-01-01");
    assert_eq!(
        app.post_json("/api/v1/projects", &body).await.status,
        StatusCode::CREATED
    );
    body["start_date"] = json!("2021-01-01");
    let r = app.post_json("/api/v1/projects", &body).await;
    assert_eq!(r.body["error"]["field"], "end_date");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_source_without_countries_imports_with_an_international_scope() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let records: String = (0..3)
        .map(|i| {
            let mut r = import_record(
                &format!("g{i}"),
                &format!("Global platform {i}"),
                "Open data.",
            );
            r.as_object_mut().unwrap().remove("countries");
            r.as_object_mut().unwrap().remove("scope");
            format!("{r}\n")
        })
        .collect();
    let import = |query: &'static str, body: String| {
        let app = &app;
        let key = key.clone();
        async move {
            app.send(
                axum::http::Request::post(format!("/api/v1/import?format=ndjson&{query}"))
                    .header("authorization", format!("Bearer {key}"))
                    .body(axum::body::Body::from(body))
                    .unwrap(),
            )
            .await
        }
    };
    let r = import("set=scope%3Dinternational&publish=true", records.clone()).await;
    assert_eq!(r.body["created"], 3, "{}", r.body);
    crate::helpers::outside_async(|| app.service.commit_index().unwrap());
    let search = app.get("/api/v1/search?q=platform").await;
    assert_eq!(search.body["facets"]["region"], json!({"international": 3}));
    // Another scope still needs countries, named as the missing field.
    let r = import(
        "set=scope%3Dnational&dry_run=true",
        records.replace("g0", "x0"),
    )
    .await;
    assert_eq!(r.body["rejected_rows"], 3);
    assert_eq!(r.body["rejected"][0]["field"], "countries");
}
