//! Imports of foreign files through the command line: CSV with a field mapping and fixed
//! values, value resolution, a report naming every bad row, dry runs, idempotent re-imports.

use serde_json::Value;

use crate::helpers::{run_cli, Server};

/// A registry export with its own column names: two good rows, three bad ones.
const REGISTRY: &str = "\
Project,Organisation,Summary,Country,Goals,Line,Ref
Clinic vans for rural districts,Health on Wheels,\"Vans bring doctors, nurses and tests to villages.\",Kenya; Viet Nam,SDG 3,C7 e-health,r1
Teacher radio lessons,Radio School,Lessons by radio for remote schools.,UNITED ARAB EMIRATES,\"Goal 4, SDG 5\",E-learning,r2
Moon base broadband,Space Co,Broadband for the moon.,Atlantis,SDG 9,C2,r3
,No Title Org,A project without a title.,Kenya,SDG 1,C3,r4
Too many goals,Goals Inc,Counts goals.,Ghana,SDG 19,C4,r5
";

const MAP: &str = "Project=title,Organisation=organization,Summary=description,Country=countries,Goals=sdgs,Line=action_lines,Ref=source_id";

fn import(data: &std::path::Path, file: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--map",
        MAP,
        "--set",
        "stakeholder_type=civil_society",
        "--set",
        "scope=national",
        "--set",
        "status=ongoing",
        "--set",
        "start_date=2021-01-01",
        "--publish",
    ];
    args.extend_from_slice(extra);
    run_cli(data, &args)
}

fn search(server: &Server, query: &str) -> Value {
    server.get_json(&format!("/api/v1/search?{query}"))
}

#[test]
fn a_csv_with_bad_rows_keeps_the_good_ones_and_reports_each_bad_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registry.csv");
    std::fs::write(&file, REGISTRY).unwrap();
    let data = dir.path().join("data");
    let report = dir.path().join("report.csv");

    let (code, stdout, stderr) = import(&data, &file, &["--report", report.to_str().unwrap()]);
    assert_eq!(code, 1, "rows were rejected: {stdout} {stderr}");
    assert!(
        stdout.contains("imported 5 rows")
            && stdout.contains("2 created")
            && stdout.contains("3 rejected"),
        "{stdout}"
    );
    let report = std::fs::read_to_string(&report).unwrap();
    let mut lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.remove(0), "line,field,code,message");
    assert_eq!(lines.len(), 3, "{report}");
    assert!(
        lines[0].starts_with("4,countries,invalid_country,") && lines[0].contains("Atlantis"),
        "{report}"
    );
    assert!(lines[1].starts_with("5,title,"), "{report}");
    assert!(lines[2].starts_with("6,sdgs,invalid_sdg,"), "{report}");

    let server = Server::start(&data);
    let found = search(&server, "q=clinic+vans");
    assert_eq!(found["total"], 1);
    let hit = &found["hits"][0];
    assert_eq!(
        hit["countries"],
        serde_json::json!(["KE", "VN"]),
        "names resolved to codes"
    );
    assert_eq!(hit["action_lines"], serde_json::json!(["C7.e-health"]));
    assert_eq!(hit["sdgs"], serde_json::json!([3]));
    let radio = search(&server, "q=radio");
    assert_eq!(radio["hits"][0]["countries"], serde_json::json!(["AE"]));
    assert_eq!(radio["hits"][0]["sdgs"], serde_json::json!([4, 5]));
    assert_eq!(search(&server, "")["total"], 2);
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registry.csv");
    std::fs::write(&file, REGISTRY).unwrap();
    let data = dir.path().join("data");
    let report = dir.path().join("report.json");
    let (code, stdout, _) = import(
        &data,
        &file,
        &["--dry-run", "--report", report.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("checked 5 rows") && stdout.contains("nothing written"),
        "{stdout}"
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["created"], 2);
    assert_eq!(report["rejected_rows"], 3);
    assert_eq!(report["rejected"][0]["line"], 4);
    let server = Server::start(&data);
    assert_eq!(search(&server, "")["total"], 0, "nothing was written");
}

#[test]
fn importing_the_same_file_again_changes_nothing_and_a_changed_row_updates_one_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registry.csv");
    std::fs::write(&file, REGISTRY).unwrap();
    let data = dir.path().join("data");
    import(&data, &file, &[]);
    let (_, again, _) = import(&data, &file, &[]);
    assert!(
        again.contains("0 created, 0 updated, 2 unchanged"),
        "{again}"
    );

    let changed = REGISTRY.replace("Teacher radio lessons", "Teacher radio and SMS lessons");
    std::fs::write(&file, &changed).unwrap();
    let (_, once_more, _) = import(&data, &file, &[]);
    assert!(
        once_more.contains("0 created, 1 updated, 1 unchanged"),
        "{once_more}"
    );

    // A source id repeated inside one file is refused, not applied twice.
    let repeated =
        format!("{changed}Clinic vans again,Health on Wheels,Same ref.,Kenya,SDG 3,C2,r1\n");
    std::fs::write(&file, repeated).unwrap();
    let (_, _, stderr) = import(&data, &file, &[]);
    assert!(
        stderr.contains("line 7: field 'source_id'") && stderr.contains("line 2"),
        "{stderr}"
    );

    let server = Server::start(&data);
    let radio = search(&server, "q=radio");
    assert_eq!(radio["total"], 1);
    assert_eq!(radio["hits"][0]["title"], "Teacher radio and SMS lessons");
    let id = radio["hits"][0]["id"].as_str().unwrap();
    let project: Value = server.get_json(&format!("/api/v1/projects/{id}"));
    assert_eq!(project["version"], 2, "one new version");
}

#[test]
fn bad_options_are_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registry.txt");
    std::fs::write(&file, REGISTRY).unwrap();
    let data = dir.path().join("data");
    let (code, _, stderr) = run_cli(&data, &["import", file.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--format"), "{stderr}");
    let (code, _, stderr) = run_cli(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--format",
            "csv",
            "--map",
            "Project=titel",
        ],
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("unknown field 'titel'"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_running_server_imports_a_streamed_csv_for_the_secretariat() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    let app = crate::helpers::TestApp::empty();
    let key = app.key("desk");
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("map", MAP)
        .append_pair("set", "stakeholder_type=civil_society")
        .append_pair("set", "scope=national")
        .append_pair("set", "status=ongoing")
        .append_pair("set", "start_date=2021-01-01")
        .append_pair("publish", "true")
        .finish();
    let post = |auth: Option<String>, query: String| {
        let mut request =
            Request::post(format!("/api/v1/import?{query}")).header("content-type", "text/csv");
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.body(Body::from(REGISTRY)).unwrap()
    };
    let anonymous = app.send(post(None, query.clone())).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let r = app
        .send(post(Some(format!("Bearer {key}")), query.clone()))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["created"], 2);
    assert_eq!(r.body["rejected_rows"], 3);
    assert_eq!(r.body["rejected"][0]["line"], 4);
    assert_eq!(r.body["rejected"][0]["field"], "countries");
    let again = app
        .send(post(Some(format!("Bearer {key}")), query.clone()))
        .await;
    assert_eq!(again.body["unchanged"], 2, "{}", again.body);
    let bad = app
        .send(post(
            Some(format!("Bearer {key}")),
            "map=Project%3Dtitel".into(),
        ))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["error"]["field"], "map");
    crate::helpers::outside_async(|| app.service.commit_index().unwrap());
    let found = app.get("/api/v1/search?q=clinic").await;
    assert_eq!(found.body["total"], 1);
}

#[test]
fn every_rejected_record_reaches_the_observer_but_the_report_keeps_a_bounded_number() {
    use wsis_stocktaking::service::{
        records, Format, ImportObserver, ImportOptions, LineError, KEPT_PROBLEMS,
    };
    struct Count(usize);
    impl ImportObserver for Count {
        fn rejected(&mut self, problems: &[LineError]) {
            self.0 += problems.len();
        }
    }
    let app = crate::helpers::TestApp::empty();
    let bad_rows = KEPT_PROBLEMS + 500;
    let text: String = (0..bad_rows)
        .map(|i| format!("{{\"title\": \"only a title {i}\"}}\n"))
        .collect();
    let mut seen = Count(0);
    let report = app
        .service
        .import(
            records(Format::Ndjson, text.as_bytes()),
            &ImportOptions::default(),
            &mut seen,
        )
        .unwrap();
    assert_eq!(report.rejected_rows, bad_rows);
    assert_eq!(report.rejected.len(), KEPT_PROBLEMS);
    assert!(report.rejected_truncated);
    assert!(
        seen.0 > KEPT_PROBLEMS * 2,
        "every problem of every row was heard: {}",
        seen.0
    );
}

/// Of a flag given twice, the first value counts: a later empty one (which the repeated
/// parameter check lets through, as forms send empty fields) changes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn an_import_flag_keeps_its_first_value() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    let app = crate::helpers::TestApp::empty();
    let key = app.key("desk");
    let record =
        crate::helpers::import_record("flag-1", "Solar clinics", "Solar power for clinics.");
    let line = format!("{record}\n");
    let request =
        Request::post("/api/v1/import?format=ndjson&publish=true&publish=&dry_run=true&dry_run=")
            .header("authorization", format!("Bearer {key}"))
            .body(Body::from(line))
            .unwrap();
    let r = app.send(request).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["dry_run"], true, "{}", r.body);
}
