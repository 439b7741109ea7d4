//! Shared set-up: an app over a temporary data directory, request helpers, sample projects.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tempfile::TempDir;
use tower::ServiceExt;

use wsis_stocktaking::search::parallel::SearchParts;
use wsis_stocktaking::search::{FacetCounting, IndexerConfig};
use wsis_stocktaking::service::{ImportReport, Service, ServiceConfig};

/// Every facet of a search answer, in the API's order.
pub const FACETS: [&str; 11] = [
    "action_line",
    "sdg",
    "region",
    "country",
    "stakeholder_type",
    "itu_entity",
    "scope",
    "status",
    "covid19",
    "year",
    "call",
];

pub struct TestApp {
    pub _dir: TempDir,
    pub service: Arc<Service>,
    pub router: Router,
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

pub fn config(dir: &std::path::Path, seed: bool, commit_ms: u64) -> ServiceConfig {
    let mut config = ServiceConfig::new(dir);
    config.seed = seed;
    config.indexer = IndexerConfig {
        commit_interval: Duration::from_millis(commit_ms),
        ..IndexerConfig::default()
    };
    config
}

impl TestApp {
    /// An empty app whose index commits every few milliseconds.
    pub fn empty() -> TestApp {
        TestApp::with(false, 5)
    }

    /// An app with the sample projects, fully indexed.
    pub fn seeded() -> TestApp {
        let app = TestApp::with(true, 5);
        outside_async(|| app.service.commit_index().unwrap());
        app
    }

    /// An empty app whose searches count facets as `counting` says, collecting their
    /// matches in `parts`.
    pub fn counting(counting: FacetCounting, parts: SearchParts) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config(dir.path(), false, 5);
        config.facet_counting = counting;
        config.search_parts = parts;
        TestApp::in_dir(dir, &config)
    }

    /// An empty app opened with the settings `edit` makes.
    pub fn configured(edit: impl FnOnce(&mut ServiceConfig)) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config(dir.path(), false, 5);
        edit(&mut config);
        TestApp::in_dir(dir, &config)
    }

    pub fn with(seed: bool, commit_ms: u64) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let config = config(dir.path(), seed, commit_ms);
        TestApp::in_dir(dir, &config)
    }

    fn in_dir(dir: TempDir, config: &ServiceConfig) -> TestApp {
        let service = outside_async(|| Service::open(config).unwrap());
        let router = wsis_stocktaking::http::router(service.clone());
        TestApp {
            _dir: dir,
            service,
            router,
        }
    }

    /// Imports projects and waits until they are searchable.
    pub fn import(&self, projects: &[Value], publish: bool) -> ImportReport {
        let ndjson: String = projects.iter().map(|p| format!("{p}\n")).collect();
        outside_async(|| {
            let report = self
                .service
                .import_ndjson(ndjson.as_bytes(), publish)
                .unwrap();
            self.service.commit_index().unwrap();
            report
        })
    }

    pub async fn send(&self, request: Request<Body>) -> Response {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Response {
            status,
            headers,
            body,
        }
    }

    /// A new secretariat key, made as `stocktaking keys create` makes it.
    pub fn key(&self, name: &str) -> String {
        wsis_stocktaking::service::Keys::new(self._dir.path())
            .create(name, wsis_stocktaking::service::KeyRole::Editor)
            .unwrap()
    }

    /// A new read-only secretariat key.
    pub fn read_only_key(&self, name: &str) -> String {
        wsis_stocktaking::service::Keys::new(self._dir.path())
            .create(name, wsis_stocktaking::service::KeyRole::Reader)
            .unwrap()
    }

    /// A request with optional JSON body and extra headers.
    pub async fn call(
        &self,
        method: &str,
        uri: &str,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Response {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(json) => {
                request = request.header("content-type", "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    pub async fn get(&self, uri: &str) -> Response {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post_json(&self, uri: &str, body: &Value) -> Response {
        self.send(
            Request::post(uri)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }
}

/// Who sends a request: the public, a submitter holding an edit token, or a secretariat key.
#[derive(Clone, Copy, Debug)]
pub enum Who<'a> {
    Public,
    Submitter(&'a str),
    Secretariat(&'a str),
}

impl Who<'_> {
    /// The header that says who sends the request, if any.
    fn header(self) -> Option<(&'static str, String)> {
        match self {
            Who::Public => None,
            Who::Submitter(token) => Some(("x-edit-token", token.to_string())),
            Who::Secretariat(key) => Some(("authorization", bearer(key))),
        }
    }
}

impl Response {
    /// The `id` of the created or shown resource.
    pub fn id(&self) -> String {
        self.body["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no id: {}", self.body))
            .to_string()
    }

    /// The body of a text answer (CSV, NDJSON, a backup).
    pub fn text(&self) -> &str {
        self.body
            .as_str()
            .unwrap_or_else(|| panic!("not text: {:?}", self.body))
    }
}

/// Typed calls for what the tests do again and again.
impl TestApp {
    /// `method uri` sent by `who`, with an optional JSON body.
    pub async fn call_as(
        &self,
        method: &str,
        uri: &str,
        who: Who<'_>,
        body: Option<&Value>,
    ) -> Response {
        let header = who.header();
        let headers: Vec<(&str, &str)> = header.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.call(method, uri, &headers, body).await
    }

    /// A page or API answer for a signed-in secretariat session.
    pub async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Response {
        self.call("GET", uri, &[("cookie", cookie)], None).await
    }

    /// Submits `body` as the public; returns (id, edit token).
    pub async fn submit(&self, body: &Value) -> (String, String) {
        let r = self.post_json("/api/v1/projects", body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        (r.id(), r.body["edit_token"].as_str().unwrap().to_string())
    }

    /// Submits `body` with a secretariat key.
    pub async fn submit_as(&self, key: &str, body: &Value) -> Response {
        self.call_as(
            "POST",
            "/api/v1/projects",
            Who::Secretariat(key),
            Some(body),
        )
        .await
    }

    /// A project as `who` sees it.
    pub async fn project(&self, id: &str, who: Who<'_>) -> Response {
        self.call_as("GET", &format!("/api/v1/projects/{id}"), who, None)
            .await
    }

    /// A project's history as `who` sees it.
    pub async fn history(&self, id: &str, who: Who<'_>) -> Response {
        self.call_as("GET", &format!("/api/v1/projects/{id}/history"), who, None)
            .await
    }

    /// The secretariat publishes a project (or its waiting revision).
    pub async fn publish(&self, id: &str, key: &str) -> Response {
        let uri = format!("/api/v1/projects/{id}/publish");
        self.call_as("POST", &uri, Who::Secretariat(key), None)
            .await
    }

    /// [`TestApp::publish`] with `?refresh=wait_for`: answered once search shows it.
    pub async fn publish_indexed(&self, id: &str, key: &str) -> Response {
        let uri = format!("/api/v1/projects/{id}/publish?refresh=wait_for");
        self.call_as("POST", &uri, Who::Secretariat(key), None)
            .await
    }

    /// Submits `body` and publishes it (searchable at once); returns (id, edit token).
    pub async fn submit_published(&self, key: &str, body: &Value) -> (String, String) {
        let (id, token) = self.submit(body).await;
        let r = self.publish_indexed(&id, key).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        (id, token)
    }

    /// The secretariat sends a project back to its submitter with `message`.
    pub async fn request_changes(&self, id: &str, key: &str, message: &str) -> Response {
        let uri = format!("/api/v1/projects/{id}/request-changes");
        let body = json!({ "message": message });
        self.call_as("POST", &uri, Who::Secretariat(key), Some(&body))
            .await
    }

    /// The secretariat rejects a project (or its waiting revision) for `reason`.
    pub async fn reject(&self, id: &str, key: &str, reason: &str) -> Response {
        let uri = format!("/api/v1/projects/{id}/reject");
        let body = json!({ "reason": reason });
        self.call_as("POST", &uri, Who::Secretariat(key), Some(&body))
            .await
    }

    /// The submitter revises a project; `version` is the `If-Match` value.
    pub async fn revise(&self, id: &str, token: &str, version: &str, body: &Value) -> Response {
        let uri = format!("/api/v1/projects/{id}");
        self.call(
            "PUT",
            &uri,
            &[("x-edit-token", token), ("if-match", version)],
            Some(body),
        )
        .await
    }

    /// `who` withdraws a project.
    pub async fn withdraw(&self, id: &str, who: Who<'_>) -> Response {
        self.call_as("DELETE", &format!("/api/v1/projects/{id}"), who, None)
            .await
    }

    /// The moderation queue; `query` is empty or starts with `?`.
    pub async fn queue(&self, key: &str, query: &str) -> Response {
        let uri = format!("/api/v1/moderation{query}");
        self.call_as("GET", &uri, Who::Secretariat(key), None).await
    }

    /// A public search; `query` is the query string without its `?`.
    pub async fn search(&self, query: &str) -> Response {
        self.get(&format!("/api/v1/search?{query}")).await
    }

    /// The id of the first hit of a public search.
    pub async fn first_hit(&self, query: &str) -> String {
        let r = self.search(query).await;
        r.body["hits"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no hit for {query}: {}", r.body))
            .to_string()
    }

    /// The secretariat's export; `query` is empty or starts with `?`.
    pub async fn export(&self, key: &str, query: &str) -> Response {
        let uri = format!("/api/v1/export{query}");
        self.call_as("GET", &uri, Who::Secretariat(key), None).await
    }

    /// A backup taken with `key`.
    pub async fn backup(&self, key: &str) -> Response {
        self.call_as("GET", "/api/v1/backup", Who::Secretariat(key), None)
            .await
    }

    /// The secretariat creates a selection.
    pub async fn create_selection(&self, key: &str, body: &Value) -> Response {
        self.call_as(
            "POST",
            "/api/v1/selections",
            Who::Secretariat(key),
            Some(body),
        )
        .await
    }

    /// A published TalkX session holding one project; returns its id.
    pub async fn published_selection(&self, key: &str, project: &str) -> String {
        let body = json!({"kind": "talkx", "title": "A session", "published": true,
                          "items": [{"project_id": project, "note": "speaker"}]});
        let r = self.create_selection(key, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        r.id()
    }

    /// A selection as `who` sees it.
    pub async fn selection(&self, id: &str, who: Who<'_>) -> Response {
        self.call_as("GET", &format!("/api/v1/selections/{id}"), who, None)
            .await
    }

    /// The list of selections as `who` sees it.
    pub async fn selections(&self, who: Who<'_>) -> Response {
        self.call_as("GET", "/api/v1/selections", who, None).await
    }

    /// The secretariat changes a selection's fields.
    pub async fn update_selection(&self, id: &str, key: &str, body: &Value) -> Response {
        let uri = format!("/api/v1/selections/{id}");
        self.call_as("PUT", &uri, Who::Secretariat(key), Some(body))
            .await
    }

    /// The secretariat replaces a selection's items.
    pub async fn set_selection_items(&self, id: &str, key: &str, items: &Value) -> Response {
        let uri = format!("/api/v1/selections/{id}/items");
        self.call_as("PUT", &uri, Who::Secretariat(key), Some(items))
            .await
    }

    /// The secretariat deletes a selection.
    pub async fn delete_selection(&self, id: &str, key: &str) -> Response {
        let uri = format!("/api/v1/selections/{id}");
        self.call_as("DELETE", &uri, Who::Secretariat(key), None)
            .await
    }
}

/// Opens a data directory again after its last service was dropped: sled's background
/// thread may hold the directory's lock for a moment longer.
pub fn reopened(config: &ServiceConfig) -> Arc<Service> {
    for _ in 0..200 {
        match outside_async(|| Service::open(config)) {
            Ok(service) => return service,
            Err(wsis_stocktaking::service::ServiceError::Unavailable(_)) => {
                std::thread::sleep(Duration::from_millis(25))
            }
            Err(e) => panic!("cannot open: {e}"),
        }
    }
    panic!("the data directory stayed locked");
}

/// The `Authorization` value of a secretariat key.
pub fn bearer(key: &str) -> String {
    format!("Bearer {key}")
}

/// `stocktaking import FILE --report REPORT` on a data directory: (exit code, stderr).
pub fn import_with_report(
    data_dir: &std::path::Path,
    file: &std::path::Path,
    report: &std::path::Path,
) -> (i32, String) {
    let (code, _, stderr) = run_cli(
        data_dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
    );
    (code, stderr)
}

/// The body of an HTML answer.
pub fn html(r: &Response) -> &str {
    r.body
        .as_str()
        .unwrap_or_else(|| panic!("not HTML: {:?}", r.body))
}

/// A form post, as a browser sends it.
pub async fn post_form(
    app: &TestApp,
    uri: &str,
    form: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> Response {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut request =
        Request::post(uri).header("content-type", "application/x-www-form-urlencoded");
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    app.send(request.body(Body::from(body)).unwrap()).await
}

/// Runs blocking service calls (sled, the indexer) from sync or async tests alike.
pub fn outside_async<T>(f: impl FnOnce() -> T) -> T {
    if tokio::runtime::Handle::try_current().is_ok() {
        tokio::task::block_in_place(f)
    } else {
        f()
    }
}

/// A valid public submission; `n` varies the text.
pub fn submission(n: usize) -> Value {
    json!({
        "title": format!("Community broadband cooperative number {n}"),
        "description": format!("Volunteers build and run a wireless network for village {n}, with a solar-powered mast and a training room."),
        "organization": "Village Networks Trust",
        "stakeholder_type": "civil_society",
        "scope": "local",
        "countries": ["KE"],
        "action_lines": ["C2", "C4"],
        "sdgs": [9],
        "covid19": false,
        "status": "ongoing",
        "start_date": "2019-06-01",
        "website": "https://villagenet.example.org",
        "language": "en",
        "contact": {"name": "Grace Achieng", "email": "grace.secret@example.org"}
    })
}

/// A valid import record with a source id.
pub fn import_record(source_id: &str, title: &str, description: &str) -> Value {
    json!({
        "source_id": source_id,
        "title": title,
        "description": description,
        "organization": "Open Data Institute of Testing",
        "stakeholder_type": "academia",
        "scope": "national",
        "countries": ["FR"],
        "action_lines": ["C7.e-science"],
        "sdgs": [4, 17],
        "covid19": false,
        "status": "completed",
        "start_date": "2015-01-01",
        "end_date": "2018-12-31"
    })
}

/// The titles of the hits of a search answer, in order.
pub fn titles(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect()
}

/// The search results without timing, for comparisons.
pub fn without_timing(mut body: Value) -> Value {
    if let Some(o) = body.as_object_mut() {
        o.remove("took_ms");
    }
    body
}

/// The real `stocktaking` binary serving a data directory on an ephemeral port.
pub struct Server {
    pub child: std::process::Child,
    pub base: String,
}

impl Server {
    /// A server on an empty data directory that stays empty (`--no-seed`).
    pub fn start(data_dir: &std::path::Path) -> Server {
        Server::spawn(data_dir, &["--no-seed"])
    }

    /// A server that seeds an empty data directory with the sample projects.
    pub fn start_seeded(data_dir: &std::path::Path) -> Server {
        Server::spawn(data_dir, &[])
    }

    /// A server on an ephemeral port with extra `serve` flags, once it is ready.
    pub fn spawn(data_dir: &std::path::Path, extra: &[&str]) -> Server {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stocktaking"))
            .args(["--data-dir"])
            .arg(data_dir)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--commit-interval-ms",
                "20",
            ])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_string();
        let server = Server { child, base };
        server.wait_ready();
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The JSON body of a GET of `path`.
    pub fn get_json(&self, path: &str) -> Value {
        reqwest::blocking::get(self.url(path))
            .unwrap()
            .json()
            .unwrap()
    }

    /// The text body of a GET of `path`.
    pub fn get_text(&self, path: &str) -> String {
        reqwest::blocking::get(self.url(path))
            .unwrap()
            .text()
            .unwrap()
    }

    pub fn wait_ready(&self) {
        let client = reqwest::blocking::Client::new();
        for _ in 0..600 {
            if let Ok(r) = client.get(self.url("/readyz")).send() {
                if r.status().is_success() {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("server never became ready");
    }

    /// SIGKILL: no shutdown, no final commit.
    pub fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary with arguments; returns (exit code, stdout, stderr).
pub fn run_cli(data_dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stocktaking"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes `n` import records titled "`title` i" to an NDJSON file in `dir`.
pub fn ndjson_file(dir: &std::path::Path, n: usize, title: &str) -> std::path::PathBuf {
    let file = dir.join("in.ndjson");
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{}\n",
                import_record(&format!("r{i}"), &format!("{title} {i}"), "Reports rain.")
            )
        })
        .collect();
    std::fs::write(&file, lines).unwrap();
    file
}

/// A data directory in `dir` holding `n` published projects titled "`title` i", imported by
/// the binary.
pub fn imported_data_dir(dir: &std::path::Path, n: usize, title: &str) -> std::path::PathBuf {
    let file = ndjson_file(dir, n, title);
    let data = dir.join("data");
    let (code, _, stderr) = run_cli(&data, &["import", file.to_str().unwrap(), "--publish"]);
    assert_eq!(code, 0, "{stderr}");
    data
}

/// A free loopback port, picked once so that a test can restart a server on the same address
/// and its clients keep one URL.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Server {
    /// The real binary on `127.0.0.1:port` with extra `serve` flags, its log (stderr) appended
    /// to `log`. Returns once it listens, without waiting for readiness (the caller watches
    /// `/readyz`); an error with the log's tail when it exits or stays silent for 60 s first.
    pub fn spawn_at(
        data_dir: &std::path::Path,
        port: u16,
        extra: &[&str],
        log: &std::path::Path,
    ) -> Result<Server, String> {
        use std::io::BufRead;
        let stderr = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| format!("cannot open {}: {e}", log.display()))?;
        let addr = format!("127.0.0.1:{port}");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stocktaking"))
            .arg("--data-dir")
            .arg(data_dir)
            .args(["serve", "--addr", &addr, "--commit-interval-ms", "20"])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot spawn: {e}"))?;
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let read = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(read.map(|_| line));
        });
        let line = rx.recv_timeout(Duration::from_secs(60));
        let tail = || {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            let start = text.len().saturating_sub(2000);
            text.get(start..).unwrap_or_default().to_string()
        };
        match line {
            Ok(Ok(line)) if line.starts_with("listening on ") => Ok(Server {
                child,
                base: line.trim().trim_start_matches("listening on ").to_string(),
            }),
            other => {
                let _ = child.kill();
                let status = child.wait().ok();
                Err(format!(
                    "server on {addr} did not start ({other:?}, exit {status:?}); log tail:\n{}",
                    tail()
                ))
            }
        }
    }

    /// Whether the process has exited on its own (it was not killed by the test).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

/// `program` on the PATH, if installed. When it is missing the test skips (says so), unless
/// the environment variable `require` is `require` (as in CI): then it fails.
pub fn tool_on_path(program: &str, require: &str, install: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        let required = std::env::var(require).as_deref() == Ok("require");
        assert!(
            !required,
            "{require}=require but {program} is not installed"
        );
        eprintln!("skipping: {program} not found ({install})");
    }
    found
}
