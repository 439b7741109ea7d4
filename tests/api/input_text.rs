//! Control and direction characters in text fields (issue 15): refused with a 422 naming the
//! field, line ends normalised, and nothing of the kind in exports, pages or terminals.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{import_with_report, submission, TestApp, Who};

#[tokio::test(flavor = "multi_thread")]
async fn control_and_unbalanced_direction_characters_are_refused_naming_the_field() {
    let app = TestApp::empty();
    let cases: [(&str, Value, &str); 10] = [
        (
            "title",
            json!("Clinics \u{1b}[2J online"),
            "control_character",
        ),
        ("title", json!("Two\nlines"), "line_break"),
        (
            "organization",
            json!("Evil \u{202E}gpj.exe"),
            "unbalanced_bidi",
        ),
        (
            "organization",
            json!("Stray \u{2069} close"),
            "unbalanced_bidi",
        ),
        (
            "description",
            json!("Nul \u{0} inside"),
            "control_character",
        ),
        (
            "description",
            json!("C1 \u{9b}31m inside"),
            "control_character",
        ),
        ("description", json!("Bell \u{7}"), "control_character"),
        ("website", json!("https://exa\nmple.org"), "line_break"),
        (
            "website",
            json!("https://example.org/\u{7f}"),
            "control_character",
        ),
        (
            "title",
            json!("Isolate \u{2067}never closed"),
            "unbalanced_bidi",
        ),
    ];
    for (field, value, code) in cases {
        let mut body = submission(1);
        body[field] = value.clone();
        let r = app.post_json("/api/v1/projects", &body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field} {value}"
        );
        assert_eq!(r.body["error"]["field"], field, "{value}");
        assert_eq!(r.body["error"]["code"], code, "{value}");
        let message = r.body["error"]["message"].as_str().unwrap();
        assert!(
            !message
                .chars()
                .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
            "the message quotes no such character: {message:?}"
        );
    }
    let mut contact = submission(1);
    contact["contact"]["name"] = json!("A\u{0}B");
    let r = app.post_json("/api/v1/projects", &contact).await;
    assert_eq!(r.body["error"]["field"], "contact.name");
}

#[tokio::test(flavor = "multi_thread")]
async fn line_ends_tabs_and_balanced_direction_marks_are_kept_as_text() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let mut body = submission(1);
    body["title"] = json!("Tabs\tbecome spaces \u{2067}مرحبا\u{2069}");
    body["description"] = json!("Line one\r\nline two\rline three\n\tindented");
    let (id, _) = app.submit(&body).await;
    let stored = app.project(&id, Who::Secretariat(&key)).await;
    assert_eq!(
        stored.body["title"],
        "Tabs become spaces \u{2067}مرحبا\u{2069}"
    );
    assert_eq!(
        stored.body["description"],
        "Line one\nline two\nline three\n\tindented"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn messages_notes_titles_and_synonyms_of_the_secretariat_are_checked_too() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let r = app.post_json("/api/v1/projects", &submission(1)).await;
    let id = r.id();
    let bad = [
        (
            "POST",
            format!("/api/v1/projects/{id}/request-changes"),
            json!({"message": "Please \u{1b}]8;;http://evil\u{7}fix"}),
            "message",
        ),
        (
            "POST",
            format!("/api/v1/projects/{id}/reject"),
            json!({"reason": "\u{202E}reversed"}),
            "reason",
        ),
        (
            "POST",
            "/api/v1/selections".to_string(),
            json!({"kind": "talkx", "title": "Session\u{0}", "items": []}),
            "title",
        ),
        (
            "POST",
            "/api/v1/selections".to_string(),
            json!({"kind": "talkx", "title": "Session", "items": [{"project_id": id, "note": "n\u{85}b"}]}),
            "items[0].note",
        ),
        (
            "PUT",
            "/api/v1/synonyms".to_string(),
            json!({"sets": [["ict", "i\u{1}ct"]]}),
            "sets[0][1]",
        ),
    ];
    for (method, uri, body, field) in bad {
        let r = app
            .call_as(method, &uri, Who::Secretariat(&key), Some(&body))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{uri}: {}",
            r.body
        );
        let fields: Vec<&str> = match r.body["error"]["details"].as_array() {
            Some(details) => details.iter().filter_map(|d| d["field"].as_str()).collect(),
            None => vec![r.body["error"]["field"].as_str().unwrap_or("")],
        };
        assert!(fields.contains(&field), "{uri}: {}", r.body);
    }
}

#[test]
fn a_rejected_value_never_reaches_the_terminal_or_the_report_raw() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("in.ndjson");
    let mut record = crate::helpers::import_record("r1", "Escape sequences", "Reports rain.");
    record["stakeholder_type"] = json!("\u{1b}[31mred\u{1b}[0m");
    record["status"] = json!("\u{9b}2J");
    std::fs::write(&file, format!("{record}\n")).unwrap();
    let report = dir.path().join("report.csv");
    let (code, stderr) = import_with_report(&data, &file, &report);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("stakeholder_type"), "{stderr}");
    let report = std::fs::read_to_string(&report).unwrap();
    for text in [&stderr, &report] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{9b}'),
            "{text:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn records_stored_before_the_rules_reach_no_answer_page_or_export_with_such_characters() {
    // A record with an escape sequence and an open override, as an older version stored it.
    let old = TestApp::empty();
    let mut record = crate::helpers::import_record("legacy", "Legacy title XYZ", "Legacy text");
    record["organization"] = json!("Legacy org");
    old.import(&[record], true);
    let mut backup = Vec::new();
    crate::helpers::outside_async(|| old.service.backup(&mut backup).unwrap());
    let backup = String::from_utf8(backup)
        .unwrap()
        .replace("Legacy title XYZ", "Legacy \\u001b[2J title \\u202e XYZ")
        .replace("Legacy text", "Legacy \\u009b31m text");
    let app = TestApp::empty();
    crate::helpers::outside_async(|| {
        app.service.restore(backup.as_bytes()).unwrap();
        app.service.commit_index().unwrap();
    });
    let key = app.key("desk");
    let search = app.get("/api/v1/search?q=legacy").await;
    let id = search.body["hits"][0]["id"].as_str().unwrap().to_string();
    let answers = [
        search.body.to_string(),
        app.get(&format!("/api/v1/projects/{id}"))
            .await
            .body
            .to_string(),
        app.export(&key, "").await.body.to_string(),
        app.export(&key, "?format=csv").await.body.to_string(),
        crate::helpers::html(&app.get(&format!("/projects/{id}")).await).to_string(),
        crate::helpers::html(&app.get("/?q=legacy").await).to_string(),
    ];
    for answer in answers {
        assert!(answer.contains("Legacy"), "{answer}");
        for bad in ['\u{1b}', '\u{9b}', '\u{202e}'] {
            assert!(!answer.contains(bad), "{bad:?} in {answer}");
        }
        assert!(
            !answer.contains("\\u001b") && !answer.contains("\\u009b"),
            "{answer}"
        );
    }
}
