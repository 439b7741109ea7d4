//! Exports: public and secretariat views, filters, formats, and round trips through import.

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::{outside_async, submission, TestApp};
use wsis_stocktaking::service::{records, Format, ImportOptions};

fn text(body: &Value) -> String {
    body.as_str()
        .unwrap_or_else(|| panic!("not text: {body}"))
        .to_string()
}

/// Imports an export's bytes into an empty app, published, and returns the app.
fn imported(bytes: &str, format: Format) -> TestApp {
    let app = TestApp::empty();
    outside_async(|| {
        let options = ImportOptions {
            publish: true,
            ..ImportOptions::default()
        };
        let report = app
            .service
            .import(records(format, bytes.as_bytes()), &options, &mut ())
            .unwrap();
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        app.service.commit_index().unwrap();
    });
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn export_import_export_gives_the_same_bytes_in_ndjson_and_through_csv() {
    let app = TestApp::seeded();
    let first = app.get("/api/v1/export").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.headers["content-type"], "application/x-ndjson");
    let first = text(&first.body);
    assert_eq!(first.lines().count(), 129);

    let again = imported(&first, Format::Ndjson);
    let second = text(&again.get("/api/v1/export").await.body);
    assert_eq!(first, second, "NDJSON export -> import -> export");

    let csv = app.get("/api/v1/export?format=csv&bom=true").await;
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = text(&csv.body);
    assert!(csv.starts_with('\u{feff}'), "byte-order mark for Excel");
    let through_csv = imported(&csv, Format::Csv);
    let third = text(&through_csv.get("/api/v1/export").await.body);
    assert_eq!(first, third, "CSV export -> import -> NDJSON export");

    let array = app.get("/api/v1/export?format=json").await;
    let array_text = serde_json::to_string(&array.body).unwrap();
    assert!(array.body.is_array());
    let raw = app.service.clone();
    let pretty = outside_async(move || {
        let mut out = Vec::new();
        raw.export(
            &wsis_stocktaking::service::ExportOptions {
                format: wsis_stocktaking::service::ExportFormat::Json,
                filters: Default::default(),
                secretariat: false,
                bom: false,
                labels: None,
            },
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    });
    assert!(array_text.len() > 2);
    let through_json = imported(&pretty, Format::Ndjson);
    let fourth = text(&through_json.get("/api/v1/export").await.body);
    assert_eq!(first, fourth, "JSON export -> import -> NDJSON export");

    let json = app.get("/api/v1/export?format=json&sdg=3").await;
    let search = app.get("/api/v1/search?sdg=3").await;
    assert_eq!(
        json.body.as_array().unwrap().len() as u64,
        search.body["total"].as_u64().unwrap()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_public_export_holds_published_projects_and_public_fields_only() {
    let app = TestApp::seeded();
    let created = app.post_json("/api/v1/projects", &submission(4)).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let public = text(&app.get("/api/v1/export").await.body);
    assert_eq!(
        public.lines().count(),
        129,
        "the pending submission is not exported"
    );
    assert!(!public.contains("grace.secret@example.org"));
    assert!(!public.contains("\"state\""));

    let key = app.key("desk");
    let all = app.export(&key, "").await;
    let all = text(&all.body);
    assert_eq!(all.lines().count(), 130);
    let pending: Value = serde_json::from_str(all.lines().last().unwrap()).unwrap();
    assert_eq!(pending["state"], "pending");
    assert_eq!(pending["contact"]["email"], "grace.secret@example.org");
    let bad_key = app
        .call(
            "GET",
            "/api/v1/export",
            &[("authorization", "Bearer nope")],
            None,
        )
        .await;
    assert_eq!(bad_key.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_export_parameters_are_named() {
    let app = TestApp::seeded();
    for (query, param) in [
        ("format=xml", "format"),
        ("q=health", "q"),
        ("sdg=42", "sdg"),
    ] {
        let r = app.get(&format!("/api/v1/export?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(r.body["error"]["field"], param, "{query}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_imported_back_into_its_own_store_changes_nothing() {
    let app = TestApp::seeded();
    let created = app.post_json("/api/v1/projects", &submission(9)).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let key = app.key("desk");
    let all = app.export(&key, "").await;
    let all = text(&all.body);
    let report = outside_async(|| {
        app.service
            .import(
                records(Format::Ndjson, all.as_bytes()),
                &ImportOptions::default(),
                &mut (),
            )
            .unwrap()
    });
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 0, 130)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_opens_in_a_spreadsheet_with_a_byte_order_mark_labels_and_a_dated_name() {
    let app = TestApp::seeded();
    let plain = app.get("/api/v1/export?format=csv&sdg=3").await;
    assert_eq!(plain.status, StatusCode::OK);
    let disposition = plain.headers["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        disposition,
        format!("attachment; filename=\"wsis-stocktaking-{today}.csv\"")
    );
    let plain = text(&plain.body);
    assert!(
        plain.starts_with('\u{feff}'),
        "a byte-order mark by default"
    );
    let without = text(
        &app.get("/api/v1/export?format=csv&sdg=3&bom=false")
            .await
            .body,
    );
    assert!(
        without.starts_with("source_id,title,"),
        "bom=false leaves it out"
    );
    assert!(!plain.contains("_label"), "no label columns unless asked");

    let labelled = app
        .get("/api/v1/export?format=csv&sdg=3&labels=true&lang=fr")
        .await;
    let labelled = text(&labelled.body);
    let mut reader = csv::Reader::from_reader(labelled.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        at("sdgs_label"),
        at("sdgs") + 1,
        "each label beside its codes"
    );
    assert_eq!(at("countries_label"), at("countries") + 1);
    for row in reader.records() {
        let row = row.unwrap();
        assert!(
            row[at("sdgs_label")].contains("ODD 3 Bonne santé et bien-être"),
            "{row:?}"
        );
        let lines = row[at("action_lines")].split(';').count();
        assert_eq!(row[at("action_lines_label")].split(';').count(), lines);
    }
    let kenya = text(
        &app.get("/api/v1/export?format=csv&country=KE&labels=true")
            .await
            .body,
    );
    let mut reader = csv::Reader::from_reader(kenya.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let codes: Vec<&str> = row[at("countries")].split(';').collect();
        let names: Vec<&str> = row[at("countries_label")].split(';').collect();
        let ke = codes.iter().position(|c| *c == "KE").unwrap();
        assert_eq!(names[ke], "Kenya", "{row:?}");
    }
    let bad = app.get("/api/v1/export?format=csv&labels=maybe").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["error"]["field"], "labels");
}
