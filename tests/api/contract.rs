//! Contract fuzzing: schemathesis (from PyPI) drives the real binary from its own OpenAPI
//! document and fails on any 5xx or any response that breaks the document. Skipped when
//! schemathesis is not installed, unless `STOCKTAKING_SCHEMATHESIS=require` (as in CI).

use std::process::Command;
use std::time::{Duration, Instant};

use crate::helpers::{run_cli, tool_on_path, Server};

/// The checks every response must pass: no server error, and status, content type and
/// body as the document says.
const CHECKS: &str = "not_a_server_error,status_code_conformance,\
content_type_conformance,response_schema_conformance,response_headers_conformance";

/// The longest one schemathesis run may take before the test gives up on it.
const RUN_DEADLINE: Duration = Duration::from_secs(600);

/// A schemathesis hook: every generated `Idempotency-Key` that the server would take is
/// made a fresh UUID, as clients are told to send. Generated keys repeat (the coverage
/// phase uses one example), and a repeated key with another body is rightly a 422, which
/// would keep almost every generated submission from reaching the service.
const HOOKS: &str = r#"
import uuid
import schemathesis

@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers or {}
    for name in list(headers):
        value = headers[name]
        if name.lower() == "idempotency-key" and isinstance(value, str) and 0 < len(value) <= 255 and all(33 <= ord(c) <= 126 for c in value):
            headers[name] = str(uuid.uuid4())
"#;

/// Runs schemathesis with `document` (a URL or a file) against `server` with `args`;
/// returns (success, combined output). Killed past [`RUN_DEADLINE`].
fn run(
    program: &std::path::Path,
    workdir: &std::path::Path,
    document: &str,
    server: &Server,
    args: &[&str],
) -> (bool, String) {
    let out = workdir.join("schemathesis.out");
    let file = std::fs::File::create(&out).unwrap();
    std::fs::write(workdir.join("stocktaking_hooks.py"), HOOKS).unwrap();
    let mut child = Command::new(program)
        .current_dir(workdir)
        .env("NO_COLOR", "1")
        .env("PYTHONPATH", workdir)
        .env("SCHEMATHESIS_HOOKS", "stocktaking_hooks")
        .arg("run")
        .arg(document)
        .arg("--url")
        .arg(&server.base)
        .args(args)
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .spawn()
        .unwrap();
    let began = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if began.elapsed() > RUN_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        status.is_some(),
        "schemathesis ran past {RUN_DEADLINE:?}:\n{text}"
    );
    (status.is_some_and(|s| s.success()), text)
}

/// The number next to `label` in schemathesis' summary: after it ("Tested: 52") or, with
/// `before`, before it ("4775 generated").
fn summary_number(output: &str, label: &str, before: bool) -> u64 {
    output
        .lines()
        .find_map(|line| {
            let at = line.find(label)?;
            let word = if before {
                line[..at].split_whitespace().last()?
            } else {
                line[at + label.len()..].split_whitespace().next()?
            };
            word.trim_end_matches(',').parse().ok()
        })
        .unwrap_or(0)
}

#[test]
fn schemathesis_finds_no_server_error_and_no_response_off_the_document() {
    let schemathesis = tool_on_path(
        "schemathesis",
        "STOCKTAKING_SCHEMATHESIS",
        "pip install schemathesis==4.32.5",
    );
    let Some(program) = schemathesis else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (code, key, err) = run_cli(&data, &["keys", "create", "--name", "contract"]);
    assert_eq!(code, 0, "{err}");
    let authorization = format!("Authorization: Bearer {}", key.trim());
    // No write rate limit: the run submits hundreds of projects from one address.
    let server = Server::spawn(&data, &["--writes-per-minute", "0"]);

    the_harness_reports_an_answer_off_the_document(&program, dir.path(), &server);
    fuzzed_as_the_secretariat(&program, dir.path(), &server, &authorization);
    fuzzed_as_the_public(&program, dir.path(), &server);
    the_generated_bodies_reached_the_service(&server);
    let mut server = server;
    assert!(server.exited().is_none(), "the server is still up");
}

/// The harness can fail: against a copy of the document that mis-states /healthz (an
/// integer instead of an object), the same checks report the served answer.
fn the_harness_reports_an_answer_off_the_document(
    program: &std::path::Path,
    workdir: &std::path::Path,
    server: &Server,
) {
    let mut doc: serde_json::Value = server.get_json("/api/v1/openapi.json");
    doc["paths"]["/healthz"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] =
        serde_json::json!({"type": "integer"});
    let wrong = workdir.join("wrong.json");
    std::fs::write(&wrong, serde_json::to_vec(&doc).unwrap()).unwrap();
    let (passed, output) = run(
        program,
        workdir,
        wrong.to_str().unwrap(),
        server,
        &[
            "--include-path",
            "/healthz",
            "--checks",
            CHECKS,
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            "1",
        ],
    );
    assert!(
        !passed,
        "a response off the document is reported:\n{output}"
    );
    assert!(
        output.contains("Response violates schema") && output.contains("GET /healthz"),
        "{output}"
    );
}

/// The secretariat's run: every phase, with its key; enough operations and cases tested.
fn fuzzed_as_the_secretariat(
    program: &std::path::Path,
    workdir: &std::path::Path,
    server: &Server,
    authorization: &str,
) {
    let document = server.url("/api/v1/openapi.json");
    let (passed, output) = run(
        program,
        workdir,
        &document,
        server,
        &[
            "-H",
            authorization,
            "--checks",
            CHECKS,
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            "25",
            // One worker: CPython 3.11's ast module is not safe across hypothesis' threads.
            "--workers",
            "1",
            "--seed",
            "20261202",
            // Above the server's own 60 s request limit.
            "--request-timeout",
            "90",
            "--suppress-health-check",
            "all",
        ],
    );
    assert!(passed, "schemathesis found failures:\n{output}");
    let summary = output.find("SUMMARY").map_or("", |at| &output[at..]);
    eprintln!("schemathesis (secretariat) {summary}");
    let tested = summary_number(summary, "Tested:", false);
    assert!(tested >= 50, "{tested} operations tested:\n{output}");
    let generated = summary_number(summary, " generated", true);
    assert!(generated >= 1000, "{generated} test cases:\n{output}");
}

/// The public's view: no key, so every answer is what anyone gets.
fn fuzzed_as_the_public(program: &std::path::Path, workdir: &std::path::Path, server: &Server) {
    let document = server.url("/api/v1/openapi.json");
    let (passed, output) = run(
        program,
        workdir,
        &document,
        server,
        &[
            "--checks",
            CHECKS,
            "--phases",
            "coverage,fuzzing,stateful",
            "--max-examples",
            "20",
            "--workers",
            "1",
            "--seed",
            "20261203",
            "--request-timeout",
            "90",
            "--suppress-health-check",
            "all",
        ],
    );
    assert!(passed, "schemathesis found failures (public):\n{output}");
    let summary = output.find("SUMMARY").map_or("", |at| &output[at..]);
    eprintln!("schemathesis (public) {summary}");
    assert!(summary_number(summary, "Tested:", false) >= 50, "{output}");
}

/// The bodies schemathesis made from the document were good enough to reach the service:
/// projects were submitted and decided on, selections made.
fn the_generated_bodies_reached_the_service(server: &Server) {
    let metrics = server.get_text("/metrics");
    for (route, status) in [
        ("method=\"POST\",route=\"/api/v1/projects\"", "201"),
        (
            "method=\"POST\",route=\"/api/v1/projects/{id}/publish\"",
            "200",
        ),
        ("method=\"POST\",route=\"/api/v1/selections\"", "201"),
    ] {
        let answered = metric_count(&metrics, route, status);
        assert!(answered >= 1, "no {status} for {route}:\n{metrics}");
    }
}

/// The value of `stocktaking_http_requests_total{<route>,status="<status>"}`.
fn metric_count(metrics: &str, route: &str, status: &str) -> u64 {
    let series = format!("stocktaking_http_requests_total{{{route},status=\"{status}\"}}");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(series.as_str()))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(0)
}
