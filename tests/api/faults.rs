//! Fault and load: searches, submissions and publications go on while the real server is
//! killed with SIGKILL at random moments and restarted on the same data directory and port.
//! No acknowledged write may be lost, no request may be answered with a 5xx, and at the end
//! the index agrees with the store.
//!
//! `FAULTS_SECONDS` sets how long the chaos lasts (60 s by default).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::blocking::{Client, RequestBuilder};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{free_port, run_cli, submission, Server};

const SEARCHERS: usize = 8;
const SUBMITTERS: usize = 2;
const MIN_KILLS: u64 = 5;
/// Longest a request may take while the server stays up before it counts as a stall.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Longest a start (listening, then ready) may take.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// What became of the secretariat's decision on a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Publish {
    /// Never asked: the project must stay pending and out of public search.
    NotTried,
    /// Answered 200: the project must be published and searchable.
    Acknowledged,
    /// Asked, but the answer was lost (the server was killed): either state is fine, as long
    /// as store and index agree.
    Uncertain,
}

/// An acknowledged (201) submission.
#[derive(Clone, Debug)]
struct Submitted {
    id: String,
    title: String,
    /// A made-up word in the title and description, found by no other project.
    token: String,
    edit_token: String,
    seq: u64,
    publish: Publish,
}

#[derive(Default)]
struct Counters {
    requests: AtomicU64,
    ok: AtomicU64,
    down_errors: AtomicU64,
    up_timeouts: AtomicU64,
    up_errors: AtomicU64,
    server_errors: AtomicU64,
    unexpected: AtomicU64,
    read_your_writes: AtomicU64,
    readyz_503: AtomicU64,
    readyz_while_starting: AtomicU64,
    /// Per kind of request answered: count, total and longest latency in ms.
    latency: Mutex<std::collections::BTreeMap<&'static str, (u64, f64, f64)>>,
}

/// The kind of a request, for the latency summary.
fn kind(method: &Method, path: &str) -> &'static str {
    if path.starts_with("/api/v1/search") {
        "search"
    } else if path.contains("/publish?refresh=wait_for") {
        "publish+wait_for"
    } else if path.contains("/publish") {
        "publish"
    } else if *method == Method::POST {
        "submit"
    } else if path.starts_with("/api/v1/projects/") {
        "read"
    } else {
        "other"
    }
}

struct Shared {
    base: String,
    key: String,
    stop: AtomicBool,
    /// Incremented just before every kill: an answer and the request sent with the same
    /// generation came from one process.
    generation: AtomicU64,
    /// True from "listening" until just before the kill.
    up: AtomicBool,
    counters: Counters,
    failures: Mutex<Vec<String>>,
    submitted: Mutex<Vec<Submitted>>,
    next_n: AtomicUsize,
}

/// The result of one request.
struct Sent {
    /// Status and body, when the server answered.
    answer: Option<(u16, String)>,
    /// The request never reached a server (nothing can have been written).
    not_connected: bool,
    /// Generations when the request left and when its answer (or error) came.
    g0: u64,
    g1: u64,
}

/// A client whose connection pool never outlives the server process it talked to.
struct Conn {
    client: Client,
    generation: u64,
}

fn new_client() -> Client {
    Client::builder()
        .no_proxy()
        .connect_timeout(Duration::from_secs(2))
        .timeout(REQUEST_TIMEOUT)
        .build()
        .unwrap()
}

impl Conn {
    fn new() -> Conn {
        Conn {
            client: new_client(),
            generation: 0,
        }
    }

    fn client(&mut self, generation: u64) -> &Client {
        if generation != self.generation {
            self.client = new_client();
            self.generation = generation;
        }
        &self.client
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

impl Shared {
    fn fail(&self, message: String) {
        eprintln!("fault-and-load FAILURE: {message}");
        self.failures.lock().unwrap().push(message);
    }

    fn stopped(&self) -> bool {
        self.stop.load(SeqCst)
    }

    /// Sends a request and counts its outcome; every 5xx is a failure, and so is a
    /// connection error or a timeout while the server stayed up.
    fn send(
        &self,
        conn: &mut Conn,
        method: Method,
        path: &str,
        build: impl FnOnce(RequestBuilder) -> RequestBuilder,
    ) -> Sent {
        // The generation first: a kill between the two reads shows as `up0 == false`.
        let g0 = self.generation.load(SeqCst);
        let up0 = self.up.load(SeqCst);
        let request = build(
            conn.client(g0)
                .request(method.clone(), format!("{}{path}", self.base)),
        );
        self.counters.requests.fetch_add(1, SeqCst);
        let sent_at = Instant::now();
        let result = request.send().and_then(|r| {
            let status = r.status().as_u16();
            r.text().map(|body| (status, body))
        });
        let g1 = self.generation.load(SeqCst);
        if result.is_ok() {
            let ms = sent_at.elapsed().as_secs_f64() * 1000.0;
            let mut latency = self.counters.latency.lock().unwrap();
            let entry = latency.entry(kind(&method, path)).or_insert((0, 0.0, 0.0));
            entry.0 += 1;
            entry.1 += ms;
            entry.2 = entry.2.max(ms);
        }
        match result {
            Ok((status, body)) => {
                if status >= 500 {
                    self.counters.server_errors.fetch_add(1, SeqCst);
                    self.fail(format!(
                        "{method} {path} -> {status} {}",
                        truncate(&body, 600)
                    ));
                }
                Sent {
                    answer: Some((status, body)),
                    not_connected: false,
                    g0,
                    g1,
                }
            }
            Err(e) => {
                if !up0 || g0 != g1 {
                    self.counters.down_errors.fetch_add(1, SeqCst);
                } else if e.is_timeout() {
                    self.counters.up_timeouts.fetch_add(1, SeqCst);
                    self.fail(format!(
                        "{method} {path}: no answer within {REQUEST_TIMEOUT:?} while the server was up: {e}"
                    ));
                } else {
                    self.counters.up_errors.fetch_add(1, SeqCst);
                    self.fail(format!(
                        "{method} {path}: connection error while the server was up: {e:?}"
                    ));
                }
                Sent {
                    answer: None,
                    not_connected: e.is_connect(),
                    g0,
                    g1,
                }
            }
        }
    }

    /// The answer's body when its status is one of `expected`; a failure for any other
    /// answer (5xx are already recorded by `send`).
    fn expect(&self, sent: &Sent, what: &str, expected: &[u16]) -> Option<(u16, Value)> {
        let (status, body) = sent.answer.as_ref()?;
        if expected.contains(status) {
            self.counters.ok.fetch_add(1, SeqCst);
            let value = serde_json::from_str(body).unwrap_or(Value::Null);
            return Some((*status, value));
        }
        if *status < 500 {
            self.counters.unexpected.fetch_add(1, SeqCst);
            self.fail(format!(
                "{what} -> {status} (expected {expected:?}): {}",
                truncate(body, 600)
            ));
        }
        None
    }

    fn submitted_at(&self, i: usize) -> Submitted {
        self.submitted.lock().unwrap()[i].clone()
    }
}

fn random_word(rng: &mut impl Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(rng.gen_range(b'a'..=b'z')))
        .collect()
}

fn hit_ids(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks the shape of a search answer.
fn check_search(shared: &Shared, path: &str, body: &Value) {
    let per_page = body["per_page"].as_u64().unwrap_or(0);
    let total = body["total"].as_u64();
    let hits = body["hits"].as_array();
    match (total, hits) {
        (Some(total), Some(hits))
            if hits.len() as u64 <= per_page.max(1)
                && hits.len() as u64 <= total
                && body["facets"].is_object() => {}
        _ => shared.fail(format!(
            "GET {path}: malformed search answer {}",
            truncate(&body.to_string(), 600)
        )),
    }
}

const QUERIES: [&str; 16] = [
    "/api/v1/search?q=health",
    "/api/v1/search?action_line=C7",
    "/api/v1/search?sdg=3",
    "/api/v1/search?q=health&sdg=3&page=2&per_page=5",
    "/api/v1/search?region=africa&sort=newest&per_page=50",
    "/api/v1/search?q=broadband&country=KE",
    "/api/v1/search?q=%22community+broadband%22",
    "/api/v1/search?q=educaton",
    "/api/v1/search?action_line=C7.e-health&action_line=C2&covid19=true",
    "/api/v1/search?q=chaos+cooperative&sort=newest&per_page=100",
    "/api/v1/search?stakeholder_type=civil_society&scope=local&page=3",
    "/api/v1/search?year_from=2015&year_to=2021&sort=title",
    "/api/v1/search?q=digital+-health&sdg=4&sdg=9&status=ongoing",
    "/api/v1/search",
    "/api/v1/search?q=wireless+network&action_line=C2&page=2&per_page=10",
    "/api/v1/search?sort=oldest&per_page=100&page=2",
];

/// Searches, facet filters, paging; reads of acknowledged projects.
fn searcher(shared: &Shared) {
    let mut rng = rand::thread_rng();
    let mut conn = Conn::new();
    while !shared.stopped() {
        let roll = rng.gen_range(0..100);
        let known = shared.submitted.lock().unwrap().len();
        let sent = if roll < 10 && known > 0 {
            // A published project is public, whatever happened to the server since.
            let candidates: Vec<Submitted> = shared
                .submitted
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.publish == Publish::Acknowledged)
                .cloned()
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let s = &candidates[rng.gen_range(0..candidates.len())];
            let path = format!("/api/v1/projects/{}", s.id);
            let sent = shared.send(&mut conn, Method::GET, &path, |r| r);
            if let Some((_, body)) =
                shared.expect(&sent, &format!("GET {path} (published)"), &[200])
            {
                if body["state"] != "published" || body["title"] != s.title.as_str() {
                    shared.fail(format!("GET {path}: published project reads {body}"));
                }
            }
            sent
        } else if roll < 18 && known > 0 {
            // Any acknowledged submission is there for its submitter.
            let s = shared.submitted_at(rng.gen_range(0..known));
            let path = format!("/api/v1/projects/{}", s.id);
            let sent = shared.send(&mut conn, Method::GET, &path, |r| {
                r.header("x-edit-token", &s.edit_token)
            });
            if let Some((_, body)) =
                shared.expect(&sent, &format!("GET {path} (submitter)"), &[200])
            {
                if body["title"] != s.title.as_str() {
                    shared.fail(format!("GET {path}: submitter reads {body}"));
                }
            }
            sent
        } else if roll < 22 {
            let path = if rng.gen_bool(0.5) {
                "/api/v1/suggest?q=heal"
            } else {
                "/api/v1/taxonomy"
            };
            let sent = shared.send(&mut conn, Method::GET, path, |r| r);
            shared.expect(&sent, &format!("GET {path}"), &[200]);
            sent
        } else {
            let path = QUERIES[rng.gen_range(0..QUERIES.len())];
            let sent = shared.send(&mut conn, Method::GET, path, |r| r);
            if let Some((_, body)) = shared.expect(&sent, &format!("GET {path}"), &[200]) {
                check_search(shared, path, &body);
            }
            sent
        };
        if sent.answer.is_none() {
            std::thread::sleep(Duration::from_millis(rng.gen_range(20..60)));
        }
    }
}

const TAGS: [(&[&str], &[u8]); 4] = [
    (&["C7.e-health", "C2"], &[3]),
    (&["C2", "C4"], &[9]),
    (&["C7.e-learning"], &[4]),
    (&["C7"], &[3, 9]),
];

/// Submits projects with unique titles; records each one answered 201.
fn submitter(shared: &Shared, queue: &mpsc::Sender<usize>) {
    let mut rng = rand::thread_rng();
    let mut conn = Conn::new();
    while !shared.stopped() {
        let n = shared.next_n.fetch_add(1, SeqCst);
        let token = random_word(&mut rng, 12);
        let title = format!("Chaos cooperative {token} {n}");
        let (action_lines, sdgs) = TAGS[n % TAGS.len()];
        let mut body = submission(n);
        body["title"] = json!(title);
        body["description"] = json!(format!(
            "Volunteers of {token} build and run a wireless network for village {n}, with a solar-powered mast and a clinic."
        ));
        body["action_lines"] = json!(action_lines);
        body["sdgs"] = json!(sdgs);
        let path = "/api/v1/projects";
        let sent = shared.send(&mut conn, Method::POST, path, |r| r.json(&body));
        if let Some((_, answer)) = shared.expect(&sent, &format!("POST {path} {title:?}"), &[201]) {
            let (Some(id), Some(edit_token), Some(seq)) = (
                answer["id"].as_str(),
                answer["edit_token"].as_str(),
                answer["seq"].as_u64(),
            ) else {
                shared.fail(format!(
                    "POST {path}: 201 without id, edit_token, seq: {answer}"
                ));
                continue;
            };
            let index = {
                let mut submitted = shared.submitted.lock().unwrap();
                submitted.push(Submitted {
                    id: id.to_string(),
                    title: title.clone(),
                    token,
                    edit_token: edit_token.to_string(),
                    seq,
                    publish: Publish::NotTried,
                });
                submitted.len() - 1
            };
            let _ = queue.send(index);
            std::thread::sleep(Duration::from_millis(rng.gen_range(0..10)));
        } else {
            std::thread::sleep(Duration::from_millis(rng.gen_range(20..60)));
        }
    }
}

/// Publishes about 60 % of the acknowledged submissions, half of them with
/// `?refresh=wait_for`, which are then searched for at once (read-your-writes).
fn secretariat(shared: &Shared, queue: &mpsc::Receiver<usize>) {
    let mut rng = rand::thread_rng();
    let mut conn = Conn::new();
    let auth = format!("Bearer {}", shared.key);
    loop {
        let index = match queue.recv_timeout(Duration::from_millis(100)) {
            Ok(index) => index,
            Err(mpsc::RecvTimeoutError::Timeout) if !shared.stopped() => continue,
            Err(_) => return,
        };
        if !rng.gen_bool(0.6) {
            continue;
        }
        let s = shared.submitted_at(index);
        let wait = rng.gen_bool(0.5);
        let path = format!(
            "/api/v1/projects/{}/publish{}",
            s.id,
            if wait { "?refresh=wait_for" } else { "" }
        );
        let outcome = loop {
            if shared.stopped() {
                break None;
            }
            let sent = shared.send(&mut conn, Method::POST, &path, |r| {
                r.header("authorization", &auth)
            });
            if sent.answer.is_none() && sent.not_connected {
                // Never reached a server: nothing happened, ask again.
                std::thread::sleep(Duration::from_millis(rng.gen_range(20..60)));
                continue;
            }
            break Some(sent);
        };
        let Some(sent) = outcome else { return };
        let publish = match shared.expect(&sent, &format!("POST {path}"), &[200]) {
            Some((_, body)) => {
                if body["state"] != "published" {
                    shared.fail(format!("POST {path}: 200 but {body}"));
                }
                Publish::Acknowledged
            }
            None => Publish::Uncertain,
        };
        shared.submitted.lock().unwrap()[index].publish = publish;
        if publish == Publish::Acknowledged && wait {
            let search = format!("/api/v1/search?q={}&per_page=100", s.token);
            let found = shared.send(&mut conn, Method::GET, &search, |r| r);
            if let Some((_, body)) = shared.expect(&found, &format!("GET {search}"), &[200]) {
                // Only when one process answered both: after a restart the index may still
                // be catching up.
                if found.g1 == sent.g0 {
                    shared.counters.read_your_writes.fetch_add(1, SeqCst);
                    if !hit_ids(&body).contains(&s.id) {
                        shared.fail(format!(
                            "read-your-writes: {} published with refresh=wait_for, then missing from GET {search}: {}",
                            s.id,
                            truncate(&body.to_string(), 600)
                        ));
                    }
                }
            }
        }
    }
}

/// Starts the server (retrying a few times, e.g. while the port is still held).
fn start(data: &Path, port: u16, log: &Path, shared: &Shared) -> Option<Server> {
    let mut last = String::new();
    for _ in 0..10 {
        match Server::spawn_at(data, port, &["--writes-per-minute", "0"], log) {
            Ok(server) => return Some(server),
            Err(e) => {
                last = e;
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    }
    shared.fail(format!("the server would not restart: {last}"));
    None
}

/// Waits for `/readyz` to answer 200 (and, with `caught_up`, for the index to reach the
/// log); 503 is what a starting server answers while its index catches up.
fn wait_ready(shared: &Shared, server: &mut Server, caught_up: bool) -> Option<Value> {
    let client = new_client();
    let started = Instant::now();
    let mut starting = true;
    while started.elapsed() < START_TIMEOUT {
        if let Some(status) = server.exited() {
            shared.fail(format!(
                "the server exited on its own while starting: {status}"
            ));
            return None;
        }
        match client.get(server.url("/readyz")).send() {
            Ok(r) => {
                let status = r.status().as_u16();
                let body: Value = r.json().unwrap_or(Value::Null);
                match status {
                    200 => {
                        let indexed = body["indexed_seq"].as_u64();
                        let log = body["log_seq"].as_u64();
                        if !caught_up || (indexed.is_some() && indexed >= log) {
                            return Some(body);
                        }
                    }
                    503 if body["ready"] == false => {
                        if starting {
                            shared.counters.readyz_while_starting.fetch_add(1, SeqCst);
                            starting = false;
                        }
                        shared.counters.readyz_503.fetch_add(1, SeqCst);
                    }
                    _ => shared.fail(format!("GET /readyz -> {status} {body}")),
                }
            }
            Err(e) => {
                if !e.is_timeout() {
                    shared.fail(format!(
                        "GET /readyz: connection error while listening: {e}"
                    ));
                }
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    shared.fail(format!("the server was not ready after {START_TIMEOUT:?}"));
    None
}

/// Sleeps, watching that the server does not die on its own.
fn stay_up(shared: &Shared, server: &mut Server, how_long: Duration) {
    let until = Instant::now() + how_long;
    while Instant::now() < until {
        if let Some(status) = server.exited() {
            shared.fail(format!("the server exited on its own: {status}"));
            return;
        }
        std::thread::sleep(Duration::from_millis(50).min(until - Instant::now()));
    }
}

/// A log line without its terminal colours.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Lines of the server logs that report a panic or an error.
fn log_problems(logs: &[PathBuf]) -> Vec<String> {
    let mut problems = Vec::new();
    for log in logs {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        for line in text.lines().map(plain) {
            // Every 5xx the clients got is already a failure, so the request logs' lines for
            // 5xx answers (the trace layer's on_failure, the metrics layer's "answered
            // status=5xx") are skipped: they are the expected 503s of /readyz while starting.
            let answered_5xx = (line.contains("on_failure") && line.contains("Status code: 5"))
                || (line.contains("answered") && line.contains("status=5"));
            let readyz_503 = line.contains("/readyz") && line.contains("503");
            if answered_5xx || readyz_503 {
                continue;
            }
            if line.contains("panicked") || line.contains("ERROR") {
                problems.push(format!("{}: {}", log.display(), truncate(&line, 400)));
            }
        }
    }
    problems
}

/// A GET after the chaos, with an `Authorization` value or none: (status, JSON body).
fn get_json(client: &Client, server: &Server, path: &str, auth: Option<&str>) -> (u16, Value) {
    let mut request = client.get(server.url(path));
    if let Some(auth) = auth {
        request = request.header("authorization", auth);
    }
    match request.send() {
        Ok(r) => {
            let status = r.status().as_u16();
            (status, r.json().unwrap_or(Value::Null))
        }
        Err(e) => panic!("GET {path} after the chaos: {e}"),
    }
}

/// After the chaos: every acknowledged write is there, and store and index agree.
/// Returns the number of lost acknowledged writes.
fn verify(shared: &Shared, server: &Server, initial_documents: u64, ready: &Value) -> u64 {
    let client = new_client();
    let auth = format!("Bearer {}", shared.key);
    let submitted = shared.submitted.lock().unwrap().clone();
    let get = |path: &str, auth: Option<&str>| get_json(&client, server, path, auth);
    let mut lost = 0;
    let mut published = 0;
    for s in &submitted {
        let (lost_here, is_published) = verify_submitted(shared, &client, server, &auth, s);
        lost += lost_here;
        published += u64::from(is_published);
    }
    let last_acknowledged = submitted.iter().map(|s| s.seq).max().unwrap_or(0);
    let log_seq = ready["log_seq"].as_u64().unwrap_or(0);
    if log_seq < last_acknowledged {
        shared.fail(format!(
            "LOST: log_seq {log_seq} is behind the last acknowledged seq {last_acknowledged}"
        ));
        lost += 1;
    }
    let documents = ready["documents"].as_u64().unwrap_or(0);
    if documents != initial_documents + published {
        shared.fail(format!(
            "the index holds {documents} documents, the store {initial_documents} seeded + {published} of ours published"
        ));
    }
    let (_, all) = get("/api/v1/search?per_page=1", None);
    if all["total"].as_u64() != Some(documents) {
        shared.fail(format!(
            "GET /api/v1/search finds {} projects, /readyz counts {documents} documents",
            all["total"]
        ));
    }
    lost
}

/// One acknowledged submission after the chaos: stored with its title, in the state its
/// decision left, seen by the public and search only when published. Returns (lost
/// acknowledged writes, whether it is published).
fn verify_submitted(
    shared: &Shared,
    client: &Client,
    server: &Server,
    auth: &str,
    s: &Submitted,
) -> (u64, bool) {
    let mut lost = 0;
    let path = format!("/api/v1/projects/{}", s.id);
    let get = |path: &str, auth: Option<&str>| get_json(client, server, path, auth);
    let (status, body) = get(&path, Some(auth));
    if status != 200 {
        shared.fail(format!(
            "LOST: submission {} {:?} (seq {}) acknowledged 201, now GET {path} -> {status} {body}",
            s.id, s.title, s.seq
        ));
        return (1, false);
    }
    if body["title"] != s.title.as_str() {
        lost += 1;
        shared.fail(format!(
            "LOST: {path} has title {} instead of {:?}",
            body["title"], s.title
        ));
    }
    let is_published = body["state"] == "published";
    match s.publish {
        Publish::Acknowledged if !is_published => {
            lost += 1;
            shared.fail(format!(
                "LOST: publish of {} acknowledged 200, now state {}",
                s.id, body["state"]
            ));
        }
        Publish::NotTried if body["state"] != "pending" => shared.fail(format!(
            "{} was never decided on, yet its state is {}",
            s.id, body["state"]
        )),
        _ => {}
    }
    let (public, _) = get(&path, None);
    let expected = if is_published { 200 } else { 404 };
    if public != expected {
        shared.fail(format!(
            "anonymous GET {path} -> {public}, expected {expected} (state {})",
            body["state"]
        ));
    }
    let search = format!("/api/v1/search?q={}&per_page=100", s.token);
    let (status, results) = get(&search, None);
    if status != 200 {
        shared.fail(format!("GET {search} -> {status} {results}"));
        return (lost, is_published);
    }
    let found = hit_ids(&results).contains(&s.id);
    if is_published && !found {
        if s.publish == Publish::Acknowledged {
            lost += 1;
        }
        shared.fail(format!(
            "{}published project {} missing from GET {search}: {}",
            if s.publish == Publish::Acknowledged {
                "LOST: "
            } else {
                ""
            },
            s.id,
            truncate(&results.to_string(), 600)
        ));
    }
    if !is_published && found {
        shared.fail(format!(
            "{} project {} ({:?}) found by public GET {search}",
            body["state"], s.id, s.publish
        ));
    }
    (lost, is_published)
}

#[test]
fn no_acknowledged_write_is_lost_and_no_5xx_under_load_with_random_kill_9() {
    let began = Instant::now();
    let seconds: u64 = std::env::var("FAULTS_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = free_port();
    let shared = new_shared(&data, port);
    let mut logs = Vec::new();

    // First start: seeds the sample projects.
    let mut server = Server::spawn_at(
        &data,
        port,
        &["--writes-per-minute", "0"],
        &log_path(dir.path(), 0, &mut logs),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(server.base, shared.base);
    let ready = wait_ready(&shared, &mut server, true).expect("first start");
    let initial_documents = ready["documents"].as_u64().unwrap();
    shared.up.store(true, SeqCst);

    let workers = spawn_workers(&shared);
    let chaos = kill_and_restart(&shared, server, &data, port, dir.path(), &mut logs, seconds);
    shared.stop.store(true, SeqCst);
    for worker in workers {
        worker.join().unwrap();
    }

    // The final start, once the index has caught up with the log.
    let incarnation = chaos.incarnation + 1;
    let final_log = log_path(dir.path(), incarnation, &mut logs);
    let mut server = start(&data, port, &final_log, &shared).expect("final start");
    let ready = wait_ready(&shared, &mut server, true).expect("final readiness");
    let lost = verify(&shared, &server, initial_documents, &ready);
    drop(server);
    for problem in log_problems(&logs) {
        shared.fail(format!("server log: {problem}"));
    }

    let c = &shared.counters;
    let submitted = shared.submitted.lock().unwrap().clone();
    let failures = shared.failures.lock().unwrap().clone();
    let run = Run {
        chaos: &chaos,
        starts: incarnation + 1,
        initial_documents,
        lost,
        began,
    };
    print_summary(&shared, &run, &submitted, failures.len());
    assert_eq!(
        lost,
        0,
        "lost acknowledged writes:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        c.server_errors.load(SeqCst),
        0,
        "5xx answers:\n{}",
        failures.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(chaos.kills >= MIN_KILLS, "only {} kills", chaos.kills);
    assert!(
        !submitted.is_empty() && publishes(&submitted, Publish::Acknowledged) > 0,
        "no writes acknowledged"
    );
}

/// A secretariat key for the data directory, and the state the workers share.
fn new_shared(data: &Path, port: u16) -> Arc<Shared> {
    let (code, out, err) = run_cli(data, &["keys", "create", "--name", "chaos-secretariat"]);
    assert_eq!(code, 0, "{err}");
    let key = out.lines().last().unwrap().trim().to_string();
    Arc::new(Shared {
        base: format!("http://127.0.0.1:{port}"),
        key,
        stop: AtomicBool::new(false),
        generation: AtomicU64::new(1),
        up: AtomicBool::new(false),
        counters: Counters::default(),
        failures: Mutex::new(Vec::new()),
        submitted: Mutex::new(Vec::new()),
        next_n: AtomicUsize::new(0),
    })
}

/// The log file of a server's `incarnation`, in `dir`, added to `logs`.
fn log_path(dir: &Path, incarnation: usize, logs: &mut Vec<PathBuf>) -> PathBuf {
    let path = dir.join(format!("server-{incarnation}.log"));
    logs.push(path.clone());
    path
}

/// The searchers, the submitters and the secretariat deciding on what they submit.
fn spawn_workers(shared: &Arc<Shared>) -> Vec<std::thread::JoinHandle<()>> {
    let (queue_tx, queue_rx) = mpsc::channel();
    let mut workers = Vec::new();
    for _ in 0..SEARCHERS {
        let shared = shared.clone();
        workers.push(std::thread::spawn(move || searcher(&shared)));
    }
    for _ in 0..SUBMITTERS {
        let shared = shared.clone();
        let queue = queue_tx.clone();
        workers.push(std::thread::spawn(move || submitter(&shared, &queue)));
    }
    drop(queue_tx);
    {
        let shared = shared.clone();
        workers.push(std::thread::spawn(move || secretariat(&shared, &queue_rx)));
    }
    workers
}

/// What the chaos did.
struct Chaos {
    kills: u64,
    early_kills: u64,
    /// The last server started.
    incarnation: usize,
    seconds: f64,
}

/// The chaos: kill -9 after 2–8 s of readiness, or now and then right after the server
/// starts listening (while it catches up), then restart on the same directory and port.
fn kill_and_restart(
    shared: &Shared,
    server: Server,
    data: &Path,
    port: u16,
    dir: &Path,
    logs: &mut Vec<PathBuf>,
    seconds: u64,
) -> Chaos {
    let mut rng = rand::thread_rng();
    let chaos_started = Instant::now();
    let deadline = chaos_started + Duration::from_secs(seconds);
    let (mut kills, mut early_kills, mut incarnation) = (0u64, 0u64, 0usize);
    let mut current = Some(server);
    while let Some(mut server) = current.take() {
        let early = incarnation > 0 && rng.gen_bool(0.2);
        if early {
            let how_long = Duration::from_millis(rng.gen_range(0..300));
            stay_up(shared, &mut server, how_long);
            early_kills += 1;
        } else {
            if incarnation > 0 && wait_ready(shared, &mut server, false).is_none() {
                break;
            }
            let how_long = Duration::from_millis(rng.gen_range(2000..=8000));
            stay_up(shared, &mut server, how_long);
        }
        shared.up.store(false, SeqCst);
        shared.generation.fetch_add(1, SeqCst);
        server.kill_9();
        kills += 1;
        let enough = Instant::now() >= deadline && kills >= MIN_KILLS;
        let too_long = chaos_started.elapsed() > Duration::from_secs(seconds * 3);
        if enough || too_long {
            break;
        }
        std::thread::sleep(Duration::from_millis(rng.gen_range(100..=1500)));
        incarnation += 1;
        current = start(data, port, &log_path(dir, incarnation, logs), shared);
        if current.is_some() {
            shared.up.store(true, SeqCst);
        }
    }
    Chaos {
        kills,
        early_kills,
        incarnation,
        seconds: chaos_started.elapsed().as_secs_f64(),
    }
}

/// What the summary reports besides the counters.
struct Run<'a> {
    chaos: &'a Chaos,
    starts: usize,
    initial_documents: u64,
    lost: u64,
    began: Instant,
}

/// The latencies and counts of the run, on stderr.
fn print_summary(shared: &Shared, run: &Run, submitted: &[Submitted], failures: usize) {
    let c = &shared.counters;
    let acknowledged_publishes = publishes(submitted, Publish::Acknowledged);
    let uncertain = publishes(submitted, Publish::Uncertain);
    let latency: Vec<String> = c
        .latency
        .lock()
        .unwrap()
        .iter()
        .map(|(kind, (n, sum, max))| {
            format!(
                "{kind} {n} × mean {:.0} ms, max {max:.0} ms",
                sum / *n as f64
            )
        })
        .collect();
    eprintln!("fault-and-load latencies: {}", latency.join("; "));
    let Run {
        chaos,
        starts,
        initial_documents,
        lost,
        began,
    } = run;
    let Chaos {
        kills,
        early_kills,
        seconds: chaos_seconds,
        ..
    } = chaos;
    eprintln!(
        "fault-and-load: {} requests ({} ok, {} connection errors while down, {} while up, {} timeouts while up, {} 5xx, {} other unexpected statuses), \
         {kills} kills ({early_kills} while starting), {} of {starts} starts answered /readyz 503 first ({} times), \
         {} acknowledged submissions, {acknowledged_publishes} acknowledged publishes ({uncertain} unanswered), \
         {} read-your-writes checks, {initial_documents} seeded, lost {lost}, {failures} failures; chaos {chaos_seconds:.0} s, total {:.0} s",
        c.requests.load(SeqCst),
        c.ok.load(SeqCst),
        c.down_errors.load(SeqCst),
        c.up_errors.load(SeqCst),
        c.up_timeouts.load(SeqCst),
        c.server_errors.load(SeqCst),
        c.unexpected.load(SeqCst),
        c.readyz_while_starting.load(SeqCst),
        c.readyz_503.load(SeqCst),
        submitted.len(),
        c.read_your_writes.load(SeqCst),
        began.elapsed().as_secs_f64(),
    );
}

/// How many of the submissions' publications ended as `publish`.
fn publishes(submitted: &[Submitted], publish: Publish) -> usize {
    submitted.iter().filter(|s| s.publish == publish).count()
}
