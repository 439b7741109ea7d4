//! No acknowledged write is lost, and the index heals itself from the log.

use std::time::Duration;

use chrono::Utc;
use serde_json::Value;

use crate::helpers::{
    config, import_record, imported_data_dir, outside_async, run_cli, submission, without_timing,
    Server, TestApp,
};
use wsis_stocktaking::model::{
    parse_submission, Project, ProjectId, SearchRequest, State, SubmissionKind,
};
use wsis_stocktaking::service::Service;
use wsis_stocktaking::store::{Change, ChangeKind, Store};

#[test]
fn submissions_answered_201_survive_kill_9_of_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let client = reqwest::blocking::Client::new();
    let mut accepted = Vec::new();
    for n in 0..10 {
        let r = client
            .post(server.url("/api/v1/projects"))
            .json(&submission(n))
            .send()
            .unwrap();
        assert_eq!(r.status(), 201);
        let body: Value = r.json().unwrap();
        accepted.push((
            body["id"].as_str().unwrap().to_string(),
            body["edit_token"].as_str().unwrap().to_string(),
        ));
    }
    server.kill_9();

    let server = Server::start(dir.path());
    for (id, token) in &accepted {
        let r = client
            .get(server.url(&format!("/api/v1/projects/{id}")))
            .header("x-edit-token", token)
            .send()
            .unwrap();
        assert_eq!(r.status(), 200, "project {id} lost after kill -9");
        let body: Value = r.json().unwrap();
        assert_eq!(body["state"], "pending");
    }
}

#[test]
fn a_deleted_index_is_rebuilt_from_the_store_on_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = imported_data_dir(dir.path(), 3, "Lighthouse sensor network");

    std::fs::remove_dir_all(data.join("search")).unwrap();
    let server = Server::start(&data);
    let body: Value = server.get_json("/api/v1/search?q=lighthouse");
    assert_eq!(body["total"], 3);
}

#[test]
fn an_index_behind_the_log_catches_up_on_start() {
    let dir = tempfile::tempdir().unwrap();
    {
        let service = Service::open(&config(dir.path(), false, 5)).unwrap();
        let line = format!(
            "{}\n",
            import_record(
                "first",
                "Glacier monitoring first station",
                "Sensors on ice."
            )
        );
        service.import_ndjson(line.as_bytes(), true).unwrap();
        service.shutdown();
    }
    // Writes the index never saw: straight into the store, as if the process died before
    // handing them to the indexer.
    {
        let store = Store::open(&dir.path().join("store")).unwrap();
        let mut changes = Vec::new();
        for i in 0..2 {
            let body = import_record(
                &format!("late-{i}"),
                &format!("Glacier monitoring late station {i}"),
                "Sensors on ice.",
            );
            let s = parse_submission(body, SubmissionKind::Import).unwrap();
            let now = Utc::now();
            changes.push(Change {
                project: Project {
                    id: ProjectId::generate(),
                    fields: s.fields,
                    contact: None,
                    source_id: s.source_id,
                    call: None,
                    call_number: None,
                    last_confirmed: None,
                    state: State::Published,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                    edit_token_hash: None,
                    history: Vec::new(),
                    revision: None,
                },
                kind: ChangeKind::Created,
            });
        }
        store.write(&changes).unwrap();
        store.flush().unwrap();
    }
    // sled's background flusher lets go of the directory lock a moment after the store is
    // dropped; on a busy machine the reopening can come first.
    let mut opened = Service::open(&config(dir.path(), false, 5));
    for _ in 0..100 {
        if opened.is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        opened = Service::open(&config(dir.path(), false, 5));
    }
    let service = opened.unwrap();
    for _ in 0..500 {
        if service.readiness().unwrap().ready {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let ready = service.readiness().unwrap();
    assert!(ready.ready && ready.indexed_seq == 3, "{ready:?}");
    let req = SearchRequest::from_pairs([("q", "glacier")]).unwrap();
    assert_eq!(service.search(&req).unwrap().total, 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn reindex_gives_the_same_search_results() {
    let app = TestApp::seeded();
    let queries = [
        "/api/v1/search",
        "/api/v1/search?q=health&per_page=50",
        "/api/v1/search?action_line=C7&sdg=3&sdg=4&region=africa",
        "/api/v1/search?covid19=true&sort=newest&per_page=100",
        "/api/v1/search?q=digital+-health&sort=title&page=2&per_page=10",
        "/api/v1/search?year_from=2010&year_to=2015&stakeholder_type=government",
    ];
    let mut before = Vec::new();
    for q in queries {
        before.push(without_timing(app.get(q).await.body));
    }
    let docs = outside_async(|| app.service.reindex().unwrap());
    assert_eq!(docs, 129);
    for (q, expected) in queries.iter().zip(before) {
        assert_eq!(without_timing(app.get(q).await.body), expected, "{q}");
    }
}

#[test]
fn a_data_dir_held_by_a_running_server_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let _server = Server::start(dir.path());
    let started = std::time::Instant::now();
    let (code, _, stderr) = run_cli(dir.path(), &["reindex"]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("in use by another stocktaking process"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "hung instead of failing"
    );
}
