//! Backups taken while writes go on, restored into an empty data directory.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{outside_async, submission, TestApp, Who};

/// An id and the moment its submission was acknowledged.
type Acked = Vec<(String, Instant)>;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_during_writes_restores_every_write_acknowledged_before_it() {
    let app = Arc::new(TestApp::empty());
    let key = app.key("desk");
    let (first_id, selection_id) = a_published_project_in_a_selection(&app, &key).await;

    // Two writers submit until told to stop; each acknowledgement is timed.
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            tokio::spawn(submit_until_stopped(
                app.clone(),
                stop.clone(),
                key.clone(),
                w,
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let backup = app.backup(&key).await;
    assert_eq!(backup.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.store(true, Ordering::SeqCst);
    let mut acked = Vec::new();
    for w in writers {
        acked.extend(w.await.unwrap());
    }
    let before: Vec<&String> = acked
        .iter()
        .filter(|(_, at)| *at < started)
        .map(|(id, _)| id)
        .collect();
    assert!(
        before.len() >= 5,
        "writes went on before the backup: {}",
        before.len()
    );
    let text = backup.text().to_string();
    assert!(
        text.lines().last().unwrap().starts_with("{\"end\""),
        "complete backup"
    );

    let restored = TestApp::empty();
    let summary = outside_async(|| {
        let summary = restored.service.restore(text.as_bytes()).unwrap();
        restored.service.commit_index().unwrap();
        summary
    });
    assert_eq!(summary.selections, 1);
    assert_eq!(summary.keys, 1);
    // Every write acknowledged before the backup began is there, with its private fields;
    // the restored keys work.
    for id in before {
        let p = restored.project(id, Who::Secretariat(&key)).await;
        assert_eq!(
            p.status,
            StatusCode::OK,
            "{id} acknowledged before the backup"
        );
        assert_eq!(p.body["contact"]["email"], "grace.secret@example.org");
    }
    the_rest_is_restored(&restored, &key, &first_id, &selection_id, summary.projects).await;
}

/// A published project in an unpublished selection; returns (project id, selection id).
async fn a_published_project_in_a_selection(app: &TestApp, key: &str) -> (String, String) {
    let (first_id, _) = app.submit(&submission(0)).await;
    let published = app.publish(&first_id, key).await;
    assert_eq!(published.status, StatusCode::OK);
    let selection = app
        .create_selection(
            key,
            &json!({"kind": "collection", "title": "Kept across backups",
            "items": [{"project_id": first_id, "note": "first"}]}),
        )
        .await;
    assert_eq!(selection.status, StatusCode::CREATED, "{}", selection.body);
    (first_id, selection.id())
}

/// Writer `w` submits with the secretariat's key until `stop`; returns what was acknowledged.
async fn submit_until_stopped(
    app: Arc<TestApp>,
    stop: Arc<AtomicBool>,
    key: String,
    w: usize,
) -> Acked {
    let mut acked = Vec::new();
    let mut n = 0;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        // The secretariat's calls are not rate-limited.
        let r = app.submit_as(&key, &submission(1000 * (w + 1) + n)).await;
        if r.status == StatusCode::CREATED {
            acked.push((r.id(), Instant::now()));
        }
    }
    acked
}

/// The history, the private selection and the index are restored, and nothing else.
async fn the_rest_is_restored(
    restored: &TestApp,
    key: &str,
    first_id: &str,
    selection_id: &str,
    projects: usize,
) {
    let history = restored.history(first_id, Who::Secretariat(key)).await;
    assert_eq!(
        history.body["history"].as_array().map(Vec::len),
        Some(2),
        "{}",
        history.body
    );
    let sel = restored.selection(selection_id, Who::Public).await;
    assert_eq!(
        sel.status,
        StatusCode::NOT_FOUND,
        "unpublished selections stay private"
    );
    let sel = restored
        .selection(selection_id, Who::Secretariat(key))
        .await;
    assert_eq!(sel.body["items"][0]["note"], "first");
    let search = restored.get("/api/v1/search").await;
    assert_eq!(
        search.body["total"], 1,
        "the index is rebuilt: the published project is searchable"
    );
    // The backup is one moment: the restored store holds exactly what the backup listed.
    let all = restored.export(key, "").await;
    assert_eq!(all.text().lines().count(), projects);
}

#[tokio::test(flavor = "multi_thread")]
async fn restore_refuses_a_full_data_directory_and_a_cut_backup() {
    let app = TestApp::seeded();
    let key = app.key("desk");
    let backup = app.backup(&key).await;
    let text = backup.text().to_string();
    let again = outside_async(|| app.service.restore(text.as_bytes()));
    assert!(again
        .unwrap_err()
        .to_string()
        .contains("empty data directory"));
    let cut: String = text.lines().take(10).map(|l| format!("{l}\n")).collect();
    let fresh = TestApp::empty();
    let result = outside_async(|| fresh.service.restore(cut.as_bytes()));
    assert!(result.unwrap_err().to_string().contains("cut short"));
    // A project twice (a hand-edited backup) is refused, naming the line: restored projects
    // are indexed as new, so a second copy would be found twice.
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("\"title\""))
        .expect("a project line");
    lines.insert(at + 1, lines[at]);
    let twice: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let fresh = TestApp::empty();
    let result = outside_async(|| fresh.service.restore(twice.as_bytes()));
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains(&format!("line {}: project", at + 2)) && message.contains("twice"),
        "{message}"
    );
    // Only keys that may change things take backups.
    let reader = app.read_only_key("auditor");
    let r = app.backup(&reader).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/api/v1/backup").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[test]
fn the_command_line_backs_up_a_running_server_and_restores_it() {
    use crate::helpers::{run_cli, Server};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start_seeded(&data);
    let (_, key, _) = run_cli(&data, &["keys", "create", "--name", "desk"]);
    let key = key.trim().to_string();
    let target = dir.path().join("backups");
    let (code, _, stderr) = run_cli(&data, &["backup", target.to_str().unwrap()]);
    assert_ne!(code, 0, "the running server holds the data directory");
    assert!(stderr.contains("--server"), "{stderr}");
    let (code, stdout, stderr) = run_cli(
        &data,
        &[
            "backup",
            target.to_str().unwrap(),
            "--server",
            &server.base,
            "--key",
            &key,
        ],
    );
    assert_eq!(code, 0, "{stdout} {stderr}");
    drop(server);

    let restored = dir.path().join("restored");
    let (code, stdout, stderr) = run_cli(&restored, &["restore", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout} {stderr}");
    assert!(
        stdout.contains("restored 129 projects") && stdout.contains("1 keys"),
        "{stdout}"
    );
    let server = Server::start(&restored);
    let body: serde_json::Value = server.get_json("/api/v1/search");
    assert_eq!(body["total"], 129);
}

#[test]
fn a_data_directory_whose_restore_did_not_finish_refuses_to_open() {
    use wsis_stocktaking::service::Service;
    let app = TestApp::seeded();
    let key = app.key("desk");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let backup = runtime.block_on(app.backup(&key));
    let cut: String = backup
        .text()
        .lines()
        .take(10)
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let config = crate::helpers::config(dir.path(), false, 5);
    {
        let service = Service::open(&config).unwrap();
        assert!(service.restore(cut.as_bytes()).is_err());
        service.shutdown();
    }
    let again = Service::open(&config).err().expect("refused");
    assert!(again.to_string().contains("did not finish"), "{again}");
}
