//! `refresh=wait_for`: the write is answered only once search can see it. The index here
//! commits only every 3 seconds, so without waiting the next search could not see it.

use axum::http::StatusCode;

use crate::helpers::{import_record, outside_async, submission, TestApp};

#[tokio::test(flavor = "multi_thread")]
async fn a_submission_with_wait_for_is_answered_after_the_index_reached_it() {
    let app = TestApp::with(false, 3_000);
    let r = app
        .post_json("/api/v1/projects?refresh=wait_for", &submission(1))
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let seq = r.body["seq"].as_u64().unwrap();
    let ready = app.get("/readyz").await;
    assert!(
        ready.body["indexed_seq"].as_u64().unwrap() >= seq,
        "{}",
        ready.body
    );

    // Without wait_for the answer comes before the commit.
    let r = app.post_json("/api/v1/projects", &submission(2)).await;
    let seq = r.body["seq"].as_u64().unwrap();
    let ready = app.get("/readyz").await;
    assert!(
        ready.body["indexed_seq"].as_u64().unwrap() < seq,
        "{}",
        ready.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_published_write_waited_for_is_in_the_very_next_search() {
    let app = TestApp::with(false, 3_000);
    let record = import_record(
        "w-1",
        "Quasar observatory network",
        "Radio telescopes share data.",
    );
    let report = outside_async(|| {
        app.service
            .import_ndjson(format!("{record}\n").as_bytes(), true)
            .unwrap()
    });

    let before = app.get("/api/v1/search?q=quasar").await;
    assert_eq!(
        before.body["total"], 0,
        "visible before the commit: the test would prove nothing"
    );

    app.service.wait_indexed(report.last_seq).await;
    let after = app.get("/api/v1/search?q=quasar").await;
    assert_eq!(after.body["total"], 1);
}
