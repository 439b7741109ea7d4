//! `refresh=wait_for`: the write is answered only once search can see it. The index here
//! commits at most every 3 seconds, so without waiting the next search could not see it.

use std::time::{Duration, Instant};

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

/// A write after a quiet spell is committed at once; the next one within the interval waits
/// for it: commits stay at most one per interval (3 s here).
#[tokio::test(flavor = "multi_thread")]
async fn a_write_after_a_quiet_spell_is_searchable_at_once_and_commits_stay_spaced() {
    let app = TestApp::with(false, 3_000);
    // What opening the service indexes is committed now; then a quiet spell.
    outside_async(|| app.service.commit_index().unwrap());
    tokio::time::sleep(Duration::from_millis(3_200)).await;
    let import = |n: &str, title: &str| {
        let record = import_record(n, title, "Radio telescopes share data.");
        outside_async(|| {
            app.service
                .import_ndjson(format!("{record}\n").as_bytes(), true)
                .unwrap()
        })
    };
    let total = |r: crate::helpers::Response| r.body["total"].as_u64().unwrap();

    let written = Instant::now();
    import("q-1", "Quasar observatory network");
    let mut found = 0;
    while found == 0 && written.elapsed() < Duration::from_millis(1_500) {
        found = total(app.get("/api/v1/search?q=quasar").await);
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        found, 1,
        "not searchable within 1.5 s of a write after a quiet spell"
    );

    let report = import("q-2", "Pulsar observatory network");
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    assert_eq!(
        total(app.get("/api/v1/search?q=pulsar").await),
        0,
        "committed within a second of the last commit, whose interval is 3 s"
    );
    app.service.wait_indexed(report.last_seq).await;
    assert_eq!(total(app.get("/api/v1/search?q=pulsar").await), 1);
}
