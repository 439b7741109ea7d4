//! The `stocktaking` command line: import reports bad lines and keeps good ones; reindex.

use serde_json::{json, Value};

use crate::helpers::{import_record, imported_data_dir, run_cli, Server};

#[test]
fn import_keeps_good_lines_and_reports_bad_ones_by_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad_sdg = import_record("b", "Bad goal project", "Has an SDG that does not exist.");
    bad_sdg["sdgs"] = json!([3, 18]);
    let file = dir.path().join("in.ndjson");
    let content = format!(
        "{}\n{}\n{{not json\n\n{}\n",
        import_record("a", "Harbour logistics portal", "Ships book berths online."),
        bad_sdg,
        import_record(
            "c",
            "Harbour safety alerts",
            "Text messages warn of storms."
        )
    );
    std::fs::write(&file, content).unwrap();
    let data = dir.path().join("data");
    let (code, stdout, stderr) = run_cli(&data, &["import", file.to_str().unwrap(), "--publish"]);
    assert_eq!(code, 1, "some lines were rejected: {stdout} {stderr}");
    assert!(stderr.contains("line 2: field 'sdgs'"), "{stderr}");
    assert!(stderr.contains("line 3: field 'line'"), "{stderr}");
    assert!(
        stdout.contains("2 created") && stdout.contains("2 rejected"),
        "{stdout}"
    );

    let (code, stdout, _) = run_cli(&data, &["reindex"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("2 published projects"), "{stdout}");

    let server = Server::start(&data);
    let body: Value = server.get_json("/api/v1/search?q=harbour");
    assert_eq!(body["total"], 2);
}

#[test]
fn serve_seeds_an_empty_data_dir_and_is_ready_once_they_are_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_seeded(dir.path());
    let body: Value = server.get_json("/api/v1/search");
    assert_eq!(body["total"], 129);
}

/// Whether sled has written the snapshot of its page table (without one, the next open
/// reads the store's whole log).
fn store_snapshotted(data: &std::path::Path) -> bool {
    std::fs::read_dir(data.join("store")).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("snap.")
    })
}

/// An import and a restore end by settling the store (`Service::settle`), so a server's
/// first start after them does not read the whole log.
#[test]
fn import_and_restore_settle_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = imported_data_dir(dir.path(), 5, "Solar kiosk");
    assert!(store_snapshotted(&data), "{data:?}");
    let backup = dir.path().join("backup");
    let (code, _, stderr) = run_cli(&data, &["backup", backup.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let restored = dir.path().join("restored");
    let (code, _, stderr) = run_cli(&restored, &["restore", backup.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(store_snapshotted(&restored), "{stderr}");
}

/// The index segments a server reports in `/metrics`.
fn index_segments(data: &std::path::Path) -> u64 {
    let server = Server::start(data);
    let text = server.get_text("/metrics");
    let line = text
        .lines()
        .find(|l| !l.starts_with('#') && l.contains("index_segments"))
        .unwrap_or_else(|| panic!("no segment gauge in {text}"));
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

/// Every search visits every index segment: a bulk load ends with two at most. A load that
/// adds less than a quarter of the index is left to the merge policy.
#[test]
fn a_large_import_leaves_two_index_segments_at_most_and_a_small_one_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = |prefix: &str, n: usize| {
        let file = dir.path().join(format!("{prefix}.ndjson"));
        let lines: String = (0..n)
            .map(|i| {
                let title = format!("Tide gauge {prefix} {i}");
                format!(
                    "{}\n",
                    import_record(&format!("{prefix}{i}"), &title, "Tides.")
                )
            })
            .collect();
        std::fs::write(&file, lines).unwrap();
        file
    };
    let import = |prefix: &str, n: usize| {
        let file = file(prefix, n);
        let (code, _, stderr) = run_cli(&data, &["import", file.to_str().unwrap(), "--publish"]);
        assert_eq!(code, 0, "{stderr}");
    };
    // Each import commits a segment of its own at least.
    import("a", 50);
    import("b", 40);
    import("c", 30);
    assert!(index_segments(&data) <= 2);
    // The merged segments' files are gone: one doc store a segment.
    let stores = std::fs::read_dir(data.join("search"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("store".as_ref()))
        .count();
    assert_eq!(stores as u64, index_segments(&data));
    import("d", 10);
    let segments = index_segments(&data);
    assert!(segments > 2);
    // A dry run changes nothing, the segments neither.
    let new = file("e", 100);
    let (code, _, stderr) = run_cli(&data, &["import", new.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(index_segments(&data), segments);
    let server = Server::start(&data);
    let body: Value = server.get_json("/api/v1/search?q=tide");
    assert_eq!(body["total"], 130);
}

#[test]
fn reindex_after_losing_the_index_gives_each_project_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = imported_data_dir(dir.path(), 30, "Weather station");
    std::fs::remove_dir_all(data.join("search")).unwrap();
    // Opening the data dir queues a rebuild; reindex then rebuilds again at once.
    let (code, stdout, stderr) = run_cli(&data, &["reindex"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("reindexed: 30 published projects"),
        "{stdout}"
    );
    let server = Server::start(&data);
    let body: Value = server.get_json("/api/v1/search?q=weather");
    assert_eq!(body["total"], 30);
}

/// `--search-parts 3` collects a search's matches in three parts (the one segment of an
/// import split by document range), on threads of their own: the answer of one thread.
#[test]
fn a_search_in_parts_answers_as_one_thread_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = imported_data_dir(dir.path(), 40, "Rainfall observatory");
    let answer = |parts: &str| -> Value {
        let server = Server::spawn(&data, &["--no-seed", "--search-parts", parts]);
        let url = server.url("/api/v1/search?q=rain&per_page=100&sort=relevance");
        reqwest::blocking::get(url).unwrap().json().unwrap()
    };
    let ids = |answer: &Value| -> Vec<String> {
        answer["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (one, split) = (answer("1"), answer("3"));
    assert_eq!(one["total"], 40);
    assert_eq!(split["total"], one["total"]);
    assert_eq!(split["facets"], one["facets"]);
    assert_eq!(ids(&split), ids(&one));
}
