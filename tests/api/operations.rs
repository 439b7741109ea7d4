//! Operations: the OpenAPI document covers every route, metrics (index lag back to 0 after
//! a burst), request ids, JSON logs without contact data, limits, graceful shutdown.

use std::io::BufRead;
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::helpers::{bearer, run_cli, submission, TestApp};

/// A path of the document with its parameters filled in.
fn concrete(path: &str) -> String {
    path.replace("{id}", "01ARZ3NDEKTSV4RRFFQ69G5FAV")
        .replace("{decision}", "publish")
}

fn document(app: &TestApp) -> Value {
    let _ = app;
    serde_json::to_value(wsis_stocktaking::http::openapi::document()).unwrap()
}

fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "delete"] {
            if item.get(method).is_some() {
                ops.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

#[tokio::test(flavor = "multi_thread")]
async fn every_documented_operation_is_served_and_the_document_is_served_too() {
    let app = TestApp::seeded();
    let doc = document(&app);
    let ops = operations(&doc);
    assert!(ops.len() >= 50, "{} operations", ops.len());
    for (method, path) in &ops {
        let request = Request::builder()
            .method(method.as_str())
            .uri(concrete(path))
            .body(Body::empty())
            .unwrap();
        let response = app.router.clone().oneshot(request).await.unwrap();
        assert!(
            response
                .extensions()
                .get::<wsis_stocktaking::http::Unrouted>()
                .is_none(),
            "{method} {path} is documented but no route serves it"
        );
    }
    // A path nobody serves is marked: the check above can fail.
    let response = app
        .router
        .clone()
        .oneshot(Request::get("/api/v1/nothing").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert!(response
        .extensions()
        .get::<wsis_stocktaking::http::Unrouted>()
        .is_some());

    let served = app.get("/api/v1/openapi.json").await;
    assert_eq!(served.status, 200);
    assert_eq!(served.body, doc);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["edit_token"]["name"], "X-Edit-Token");
    assert_eq!(schemes["edit_token"]["in"], "header");
}

/// Every route is registered with its OpenAPI operation (`routes!`), none with axum's
/// `.route(`, which would bypass the document.
#[test]
fn no_route_bypasses_the_document() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/http");
    let mut stack = vec![root];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [".route(\"", ".route_service(", "axum::routing::"] {
                    assert!(
                        !text.contains(needle),
                        "{} registers a route outside the OpenAPI document ({needle})",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(files > 20);
}

/// The operations the API promises, as (method, path).
const CONTRACT: [(&str, &str); 30] = [
    ("POST", "/api/v1/projects"),
    ("GET", "/api/v1/projects/{id}"),
    ("PUT", "/api/v1/projects/{id}"),
    ("DELETE", "/api/v1/projects/{id}"),
    ("GET", "/api/v1/search"),
    ("GET", "/api/v1/taxonomy"),
    ("GET", "/api/v1/moderation"),
    ("POST", "/api/v1/projects/{id}/publish"),
    ("POST", "/api/v1/projects/{id}/request-changes"),
    ("POST", "/api/v1/projects/{id}/reject"),
    ("POST", "/api/v1/selections"),
    ("GET", "/api/v1/selections"),
    ("GET", "/api/v1/selections/{id}"),
    ("PUT", "/api/v1/selections/{id}"),
    ("DELETE", "/api/v1/selections/{id}"),
    ("PUT", "/api/v1/selections/{id}/items"),
    ("GET", "/api/v1/selections/{id}/export"),
    ("GET", "/api/v1/stats"),
    ("GET", "/api/v1/export"),
    ("GET", "/api/v1/projects/{id}/history"),
    ("GET", "/api/v1/projects/{id}/related"),
    ("GET", "/api/v1/suggest"),
    ("POST", "/api/v1/suggest-tags"),
    ("GET", "/api/v1/synonyms"),
    ("PUT", "/api/v1/synonyms"),
    ("POST", "/api/v1/import"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
];

#[tokio::test(flavor = "multi_thread")]
async fn the_contract_endpoints_are_documented_with_their_bodies_and_errors() {
    let app = TestApp::empty();
    let doc = document(&app);
    let ops = operations(&doc);
    for (method, path) in CONTRACT {
        assert!(
            ops.contains(&(method.to_string(), path.to_string())),
            "{method} {path} is missing from the document"
        );
    }
    let submit = &doc["paths"]["/api/v1/projects"]["post"];
    assert_eq!(
        submit["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/NewSubmission"
    );
    // The new submission's schema is as strict as its validation: no unknown field, no
    // repeated Action Line, a contact.
    let new = &doc["components"]["schemas"]["NewSubmission"];
    assert_eq!(new["additionalProperties"], false);
    assert_eq!(new["properties"]["action_lines"]["uniqueItems"], true);
    assert!(new["required"]
        .as_array()
        .unwrap()
        .contains(&json!("contact")));
    let revise = &doc["paths"]["/api/v1/projects/{id}"]["put"];
    assert_eq!(
        revise["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/RevisionBody"
    );
    for status in ["201", "400", "413", "415", "422", "429"] {
        assert!(
            submit["responses"].get(status).is_some(),
            "POST /projects does not document {status}"
        );
    }
    assert_eq!(
        submit["responses"]["422"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    let search = &doc["paths"]["/api/v1/search"]["get"];
    let params: Vec<&str> = search["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "q",
        "action_line",
        "sdg",
        "country",
        "region",
        "stakeholder_type",
        "scope",
        "status",
        "covid19",
        "year_from",
        "year_to",
        "sort",
        "page",
        "per_page",
        "lang",
    ] {
        assert!(params.contains(&name), "search does not document '{name}'");
    }
    let publish = &doc["paths"]["/api/v1/projects/{id}/publish"]["post"];
    assert_eq!(publish["security"], json!([{"bearer": []}]));
}

/// The value of an unlabelled metric.
fn metric(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
}

#[tokio::test(flavor = "multi_thread")]
async fn searches_of_the_pages_are_timed_like_the_apis() {
    let app = TestApp::seeded();
    let count = |text: &str, phase: &str| {
        metric(
            text,
            &format!("stocktaking_search_phase_duration_seconds_count{{phase=\"{phase}\"}}"),
        )
        .unwrap_or(0.0)
    };
    assert_eq!(app.get("/?q=health").await.status, 200);
    let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
    assert_eq!(
        count(&text, "total"),
        1.0,
        "the search page's search: {text}"
    );
    // The statistics page: a search for its facets and one grouped count for its table.
    assert_eq!(app.get("/stats").await.status, 200);
    app.get("/api/v1/stats?group_by=sdg").await;
    let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
    assert_eq!(count(&text, "total"), 2.0, "{text}");
    assert_eq!(
        count(&text, "stats"),
        2.0,
        "the page's and the API's counts: {text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_count_requests_and_the_index_lag_returns_to_zero_after_a_burst() {
    // An index that commits only every 300 ms: a burst leaves a lag to see.
    let app = TestApp::with(false, 300);
    let before = app.get("/metrics").await;
    assert_eq!(before.status, 200);
    let text = before.body.as_str().unwrap().to_string();
    assert_eq!(metric(&text, "stocktaking_index_lag"), Some(0.0));
    assert_eq!(metric(&text, "stocktaking_log_seq"), Some(0.0));

    let burst = 40;
    for i in 0..burst {
        let r = app.post_json("/api/v1/projects", &submission(i)).await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let during = app.get("/metrics").await.body.as_str().unwrap().to_string();
    assert_eq!(metric(&during, "stocktaking_log_seq"), Some(burst as f64));
    let lag_during = metric(&during, "stocktaking_index_lag").unwrap();
    assert!(lag_during <= burst as f64);

    let mut lag = lag_during;
    for _ in 0..200 {
        let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
        lag = metric(&text, "stocktaking_index_lag").unwrap();
        if lag == 0.0 {
            assert_eq!(metric(&text, "stocktaking_indexed_seq"), Some(burst as f64));
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(lag, 0.0, "the index lag never came back to 0");

    let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
    assert!(
        text.contains(&format!(
            "stocktaking_http_requests_total{{method=\"POST\",route=\"/api/v1/projects\",status=\"201\"}} {burst}"
        )),
        "{text}"
    );
    assert!(
        text.contains("stocktaking_documents{state=\"pending\"} 40"),
        "{text}"
    );
    assert!(text.contains("stocktaking_documents{state=\"published\"} 0"));
    assert!(text.contains("# TYPE stocktaking_http_request_duration_seconds histogram"));
    assert!(metric(&text, "stocktaking_store_size_bytes").unwrap() > 0.0);
    assert!(metric(&text, "stocktaking_index_size_bytes").unwrap() > 0.0);

    app.get("/api/v1/search?q=health&action_line=C7").await;
    let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
    for phase in ["plan", "match_and_count", "hits", "total"] {
        assert!(
            text.contains(&format!(
                "stocktaking_search_phase_duration_seconds_count{{phase=\"{phase}\"}} 1"
            )),
            "no {phase} timing: {text}"
        );
    }
    // Unknown paths share one label: ids and text never become label values.
    app.get("/api/v1/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV").await;
    app.get("/no/such/page?email=a@b.org").await;
    let text = app.get("/metrics").await.body.as_str().unwrap().to_string();
    assert!(text.contains("route=\"/api/v1/projects/{id}\",status=\"404\""));
    assert!(text.contains("route=\"unmatched\",status=\"404\""));
    assert!(!text.contains("01ARZ3NDEKTSV4RRFFQ69G5FAV") && !text.contains("a@b.org"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_answer_carries_a_request_id() {
    let app = TestApp::empty();
    let made = app.get("/api/v1/taxonomy").await;
    let id = made.headers["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(id.len(), 26, "a ULID: {id}");
    let again = app.get("/api/v1/taxonomy").await;
    assert_ne!(again.headers["x-request-id"].to_str().unwrap(), id);
    let given = app
        .call("GET", "/healthz", &[("x-request-id", "trace-42.a_b")], None)
        .await;
    assert_eq!(given.headers["x-request-id"], "trace-42.a_b");
    // Not a plain token: replaced.
    let odd = app
        .call("GET", "/healthz", &[("x-request-id", "a b<script>")], None)
        .await;
    assert_eq!(odd.headers["x-request-id"].to_str().unwrap().len(), 26);
}

#[tokio::test(flavor = "multi_thread")]
async fn limits_answer_a_clear_4xx_naming_the_parameter() {
    let app = TestApp::seeded();
    let words = vec!["health"; 33].join(" ");
    let r = app
        .get(&format!("/api/v1/search?q={}", words.replace(' ', "+")))
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["error"]["code"], "too_many_terms");
    assert_eq!(r.body["error"]["field"], "q");
    let words = vec!["health"; 32].join("+");
    assert_eq!(
        app.get(&format!("/api/v1/search?q={words}")).await.status,
        200
    );

    let long = "a".repeat(1001);
    let r = app.get(&format!("/api/v1/search?q={long}")).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"]["field"].clone()),
        (400, json!("q"))
    );

    let r = app.get("/api/v1/search?page=101&per_page=100").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["error"]["field"], "page");
    assert_eq!(
        app.get("/api/v1/search?page=100&per_page=100").await.status,
        200
    );

    let r = app.get("/api/v1/search?per_page=101").await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"]["field"].clone()),
        (400, json!("per_page"))
    );

    // Selections: at most 500 items.
    let key = app.key("desk");
    let created = app
        .create_selection(&key, &json!({"kind": "collection", "title": "Too many"}))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.id();
    let items: Vec<Value> = (0..501)
        .map(|_| json!({"project_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}))
        .collect();
    let r = app.set_selection_items(&id, &key, &json!(items)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["error"]["field"], "items");
    an_import_line_past_a_mib_stops_the_import(&app, &key).await;
}

/// Import: a line past 1 MiB stops the import at that line, named in the report.
async fn an_import_line_past_a_mib_stops_the_import(app: &TestApp, key: &str) {
    let line = |title: &str, filler: usize| {
        let mut record = crate::helpers::import_record(title, title, "About rain.");
        record["description"] = json!("x".repeat(filler));
        format!("{record}\n")
    };
    let body = format!(
        "{}{}{}",
        line("fine-1", 10),
        line("too-long", 1 << 20),
        line("fine-2", 10)
    );
    let request = Request::post("/api/v1/import?dry_run=true")
        .header("authorization", bearer(key))
        .header("content-type", "application/x-ndjson")
        .body(Body::from(body))
        .unwrap();
    let r = app.send(request).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let rejected = r.body["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{}", r.body);
    assert_eq!(rejected[0]["code"], "line_too_long");
    assert_eq!(rejected[0]["line"], 2);
    assert_eq!(
        r.body["created"], 1,
        "the line before it is read: {}",
        r.body
    );
}

/// A server of the real binary, its log lines going to a file.
struct LoggedServer {
    child: std::process::Child,
    base: String,
}

impl LoggedServer {
    fn start(data_dir: &std::path::Path, log: &std::path::Path, extra: &[&str]) -> LoggedServer {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stocktaking"))
            .arg("--data-dir")
            .arg(data_dir)
            .args(extra)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--no-seed",
                "--commit-interval-ms",
                "2000",
            ])
            .env("STOCKTAKING_LOG", "debug")
            .stdout(std::process::Stdio::piped())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap()
            .to_string();
        let server = LoggedServer { child, base };
        let client = reqwest::blocking::Client::new();
        for _ in 0..500 {
            if client
                .get(format!("{}/readyz", server.base))
                .send()
                .is_ok_and(|r| r.status().is_success())
            {
                return server;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("not ready");
    }

    /// SIGTERM, then the exit code (within 30 s).
    fn terminate(mut self) -> Option<i32> {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        for _ in 0..300 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        None
    }
}

impl Drop for LoggedServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn sigterm_commits_and_flushes_so_a_restart_replays_nothing_and_json_logs_keep_contacts_out() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let (code, key, _) = run_cli(&data, &["keys", "create", "--name", "desk"]);
    assert_eq!(code, 0);
    let key = key.trim().to_string();
    let server = LoggedServer::start(&data, &log, &["--log-format", "json"]);
    let client = reqwest::blocking::Client::new();
    let published = submit_six_and_publish_half(&client, &server.base, &key);
    // A submission refused for its contact: the bad address is not logged either.
    let mut bad = submission(99);
    bad["contact"] = json!({"name": "Bob Hidden", "email": "not-an-address@"});
    let r = client
        .post(format!("{}/api/v1/projects", server.base))
        .json(&bad)
        .send()
        .unwrap();
    assert_eq!(r.status(), 422);
    // The index commits every 2 s: the writes are not all committed when SIGTERM comes.
    assert_eq!(server.terminate(), Some(0), "a clean shutdown exits 0");

    assert_json_logs_keep_contacts_out(&log);

    let server = LoggedServer::start(&data, &log, &[]);
    let ready: Value = client
        .get(format!("{}/readyz", server.base))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(ready["start_backlog"], 0, "{ready}");
    assert_eq!(ready["indexed_seq"], ready["log_seq"]);
    assert_eq!(ready["documents"], published.len());
    let hits: Value = client
        .get(format!("{}/api/v1/search?per_page=100", server.base))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(hits["total"], published.len());
}

/// Six submissions with private contacts; the even ones published. Returns their ids.
fn submit_six_and_publish_half(
    client: &reqwest::blocking::Client,
    base: &str,
    key: &str,
) -> Vec<String> {
    let mut published = Vec::new();
    for i in 0..6 {
        let mut body = submission(i);
        body["contact"] = json!({"name": "Ada Secret", "email": format!("ada{i}@private.example")});
        let r = client
            .post(format!("{base}/api/v1/projects"))
            .json(&body)
            .send()
            .unwrap();
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        if i % 2 == 0 {
            let p = client
                .post(format!("{base}/api/v1/projects/{id}/publish"))
                .bearer_auth(key)
                .send()
                .unwrap();
            assert_eq!(p.status(), 200);
            published.push(id);
        }
    }
    published
}

/// The JSON log names routes and request ids, says it stopped cleanly, and holds no contact.
fn assert_json_logs_keep_contacts_out(log: &std::path::Path) {
    let logs = std::fs::read_to_string(log).unwrap();
    let lines: Vec<Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    assert!(lines
        .iter()
        .any(|l| l["span"]["route"] == "/api/v1/projects"
            && l["span"]["id"].as_str().is_some_and(|id| id.len() == 26)));
    assert!(lines
        .iter()
        .any(|l| l["fields"]["message"] == "stopped cleanly"));
    for secret in [
        "private.example",
        "Ada Secret",
        "not-an-address@",
        "Bob Hidden",
    ] {
        assert!(
            !logs.contains(secret),
            "the log holds contact data: {secret}"
        );
    }
}
