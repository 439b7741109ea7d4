//! Contract fuzzing: schemathesis (from PyPI) drives the real binary from its own OpenAPI
//! document and fails on any 5xx or any response that breaks the document. Skipped when
//! schemathesis is not installed, unless `STOCKTAKING_SCHEMATHESIS=require` (as in CI).

use std::process::Command;

use crate::helpers::{free_port, run_cli, Server};

/// `schemathesis` on the PATH, if installed.
fn schemathesis() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join("schemathesis"))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        let required = std::env::var("STOCKTAKING_SCHEMATHESIS").as_deref() == Ok("require");
        assert!(
            !required,
            "STOCKTAKING_SCHEMATHESIS=require but schemathesis is not installed"
        );
        eprintln!("skipping the contract run: schemathesis not found (pip install schemathesis)");
    }
    found
}

/// The checks every response must pass: no server error, and status, content type and
/// body as the document says.
const CHECKS: &str = "not_a_server_error,status_code_conformance,\
content_type_conformance,response_schema_conformance,response_headers_conformance";

/// Runs schemathesis with `document` (a URL or a file) against `server` with `args`;
/// returns (success, combined output).
fn run(
    program: &std::path::Path,
    workdir: &std::path::Path,
    document: &str,
    server: &Server,
    args: &[&str],
) -> (bool, String) {
    let out = Command::new(program)
        .current_dir(workdir)
        .env("NO_COLOR", "1")
        .arg("run")
        .arg(document)
        .arg("--url")
        .arg(&server.base)
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
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
    let Some(program) = schemathesis() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (code, key, err) = run_cli(&data, &["keys", "create", "--name", "contract"]);
    assert_eq!(code, 0, "{err}");
    let authorization = format!("Authorization: Bearer {}", key.trim());
    // No write rate limit: the run submits hundreds of projects from one address.
    let log = dir.path().join("server.log");
    let server = Server::spawn_at(&data, free_port(), &["--writes-per-minute", "0"], &log)
        .unwrap_or_else(|e| panic!("{e}"));
    server.wait_ready();

    // The harness can fail: against a copy of the document that mis-states /healthz (an
    // integer instead of an object), the same checks report the served answer.
    let mut doc: serde_json::Value = reqwest::blocking::get(server.url("/api/v1/openapi.json"))
        .unwrap()
        .json()
        .unwrap();
    doc["paths"]["/healthz"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] =
        serde_json::json!({"type": "integer"});
    let wrong = dir.path().join("wrong.json");
    std::fs::write(&wrong, serde_json::to_vec(&doc).unwrap()).unwrap();
    let (passed, output) = run(
        &program,
        dir.path(),
        wrong.to_str().unwrap(),
        &server,
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
    assert!(output.contains("/healthz"), "{output}");

    let document = server.url("/api/v1/openapi.json");
    let (passed, output) = run(
        &program,
        dir.path(),
        &document,
        &server,
        &[
            "-H",
            &authorization,
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
            "--request-timeout",
            "30",
            "--suppress-health-check",
            "all",
        ],
    );
    assert!(passed, "schemathesis found failures:\n{output}");
    let summary = output.find("SUMMARY").map_or("", |at| &output[at..]);
    eprintln!("schemathesis {summary}");
    let tested = summary_number(&output, "Tested:", false);
    assert!(tested >= 50, "{tested} operations tested:\n{output}");
    let generated = summary_number(&output, " generated", true);
    assert!(generated >= 1000, "{generated} test cases:\n{output}");

    // The bodies it made from the document were good enough to reach the service: projects
    // were submitted and decided on, selections made.
    let metrics = reqwest::blocking::get(server.url("/metrics"))
        .unwrap()
        .text()
        .unwrap();
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
    let mut server = server;
    assert!(server.exited().is_none(), "the server is still up");
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(!log.contains("panicked"), "{log}");
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
