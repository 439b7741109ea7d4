//! Load benchmark: imports generated projects (durably), then serves faceted searches to
//! concurrent HTTP clients over loopback and reports throughput and latency percentiles.
//!
//! `cargo bench --bench load` (100,000 projects of `stocktaking bench corpus`, 8 clients, 15 s
//! per scenario). `scripts/scaling` and `scripts/compare` measure the real binary instead.
//! Environment: `BENCH_DOCS`, `BENCH_CLIENTS`, `BENCH_SECONDS`, `BENCH_SYNONYM_ROUNDS`;
//! `BENCH_LOG` a log filter, such as `wsis_stocktaking::search::indexer=debug` for the
//! duration of each index commit.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

/// mimalloc: searches allocate many small, short-lived objects.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use wsis_stocktaking::dev::corpus::{self, REGIONS, STAKEHOLDERS, TOPICS};
use wsis_stocktaking::dev::load;
use wsis_stocktaking::model::{ActionLine, SearchRequest};
use wsis_stocktaking::search::Features;
use wsis_stocktaking::service::{Service, ServiceConfig};

/// The 18 taggable Action Line codes.
fn action_lines() -> Vec<&'static str> {
    ActionLine::leaves().map(ActionLine::code).collect()
}

/// Search URLs of one scenario.
fn queries(rng: &mut StdRng, text: bool, filters: bool) -> Vec<String> {
    (0..2_000)
        .map(|_| {
            let mut q: Vec<String> = Vec::new();
            if text {
                let n = rng.gen_range(1..=2);
                let words: Vec<&str> = (0..n)
                    .map(|_| TOPICS[rng.gen_range(0..TOPICS.len())])
                    .collect();
                q.push(format!("q={}", words.join("+")));
            }
            if filters {
                let mut kinds: Vec<u32> = (0..rng.gen_range(1..=3))
                    .map(|_| rng.gen_range(0..5))
                    .collect();
                kinds.sort();
                kinds.dedup();
                for kind in kinds {
                    q.push(match kind {
                        0 => format!(
                            "action_line={}",
                            if rng.gen_bool(0.3) {
                                "C7"
                            } else {
                                let lines = action_lines();
                                lines[rng.gen_range(0..lines.len())]
                            }
                        ),
                        1 => format!("sdg={}", rng.gen_range(1..=17)),
                        2 => format!("region={}", REGIONS[rng.gen_range(0..REGIONS.len())]),
                        3 => format!(
                            "stakeholder_type={}",
                            STAKEHOLDERS[rng.gen_range(0..STAKEHOLDERS.len())]
                        ),
                        _ => format!("year_from={}", rng.gen_range(2005..2020)),
                    });
                }
            }
            format!("/api/v1/search?{}", q.join("&"))
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if let Ok(filter) = std::env::var("BENCH_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .init();
    }
    let docs = env_or("BENCH_DOCS", 100_000);
    let clients = env_or("BENCH_CLIENTS", 8);
    let seconds = env_or("BENCH_SECONDS", 15) as u64;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let mut rng = StdRng::seed_from_u64(2026);

    let started = Instant::now();
    let mut ndjson = Vec::with_capacity(docs * 1_200);
    corpus::write_ndjson(docs, 2026, &mut ndjson).unwrap_or_else(|e| panic!("corpus: {e}"));
    println!(
        "generated {docs} projects ({:.0} MB NDJSON) in {:.1}s",
        ndjson.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let mut config = ServiceConfig::new(dir.path());
    config.seed = false;
    let service = Service::open(&config).unwrap_or_else(|e| panic!("open: {e}"));
    let started = Instant::now();
    let report = service
        .import_ndjson(ndjson.as_slice(), true)
        .unwrap_or_else(|e| panic!("import: {e}"));
    let durable = started.elapsed().as_secs_f64();
    service
        .commit_index()
        .unwrap_or_else(|e| panic!("commit: {e}"));
    let searchable = started.elapsed().as_secs_f64();
    assert_eq!(report.created, docs);
    let (store_bytes, index_bytes) = service.disk_usage().unwrap_or((0, 0));
    println!(
        "import: {docs} projects durable in {durable:.2}s ({:.0} docs/s); searchable after {searchable:.2}s ({:.0} docs/s)",
        docs as f64 / durable,
        docs as f64 / searchable
    );
    // Let the merges that follow a bulk load finish, as they would on a server in service.
    std::thread::sleep(Duration::from_secs(env_or("BENCH_SETTLE_SECONDS", 5) as u64));
    if let Ok(r) = service.readiness() {
        println!(
            "index: {} documents in {} segments",
            r.documents, r.segments
        );
    }
    println!(
        "size on disk: store {:.0} MB, index {:.0} MB",
        store_bytes as f64 / 1e6,
        index_bytes as f64 / 1e6
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("bind: {e}"));
        let base = format!("http://{}", listener.local_addr().unwrap_or_else(|e| panic!("addr: {e}")));
        let app = wsis_stocktaking::http::router(service.clone());
        tokio::spawn(wsis_stocktaking::http::server::serve(
            listener,
            app,
            wsis_stocktaking::http::server::ConnectionLimits::default(),
            std::future::pending(),
        ));

        for (name, text, filters) in [
            ("engine only, 1 thread: text + filters", true, true),
            ("engine only, 1 thread: filters only", false, true),
            ("engine only, 1 thread: everything", false, false),
        ] {
            let urls = queries(&mut rng, text, filters);
            if std::env::var("BENCH_ENGINE_SCENARIO").is_ok_and(|s| !name.contains(&s)) {
                continue;
            }
            let requests: Vec<SearchRequest> = urls
                .iter()
                .filter_map(|u| {
                    let query = u.split_once('?').map(|(_, q)| q).unwrap_or("");
                    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
                    SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).ok()
                })
                .collect();
            let rounds = env_or("BENCH_ENGINE_ROUNDS", 2_000);
            // With BENCH_FEATURES, text searches are also timed with each ranking feature
            // added in turn (the steps of `stocktaking eval`).
            let mut steps = vec![("", Features::ALL)];
            if text && std::env::var("BENCH_FEATURES").is_ok() {
                steps = wsis_stocktaking::dev::eval::feature_steps();
            }
            for (step, features) in steps {
                let mut latencies = Vec::new();
                for r in requests.iter().cycle().take(rounds) {
                    let started = Instant::now();
                    let _ = service.search_with(r, features);
                    latencies.push(started.elapsed());
                }
                latencies.sort();
                println!(
                    "{name}{}{step}: p50 {:.2} ms, p99 {:.2} ms",
                    if step.is_empty() { "" } else { ", " },
                    percentile(&latencies, 0.50),
                    percentile(&latencies, 0.99)
                );
            }
        }
        discovery_timings(&service, &mut rng);
        // Setting synonyms takes the write lock, which blocks.
        tokio::task::block_in_place(|| synonym_timings(&service));
        if std::env::var("BENCH_ENGINE_ONLY").is_ok() {
            return;
        }
        for (name, text, filters, page) in [
            ("text + filters + all facets", true, true, false),
            ("filters only + all facets", false, true, false),
            ("text only + all facets", true, false, false),
            ("everything (no text, no filter)", false, false, false),
            ("search page (HTML), text + filters", true, true, true),
        ] {
            let mut urls = queries(&mut rng, text, filters);
            if page {
                for url in &mut urls {
                    *url = url.replacen("/api/v1/search?", "/?", 1);
                }
            }
            if std::env::var("BENCH_HTTP_SCENARIO").is_ok_and(|s| !name.contains(&s)) {
                continue;
            }
            // During the first mix, a steady stream of new projects (one every 50 ms), each
            // timed from its durable write until a search finds it.
            let stream = (text && filters && !page).then(|| {
                let service = service.clone();
                tokio::task::spawn_blocking(move || write_to_searchable(&service, seconds + 2))
            });
            let r = load::run(&base, &urls, clients, Duration::from_secs(2), Duration::from_secs(seconds)).await;
            println!(
                "{name}: {clients} clients, {:.0} searches/s, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, errors {}",
                r.per_second, r.p50_ms, r.p90_ms, r.p99_ms, r.max_ms, r.errors
            );
            let streamed = match stream {
                Some(task) => task.await.ok(),
                None => None,
            };
            if let Some(streamed) = streamed {
                let (mut committed, mut visible): (Vec<Duration>, Vec<Duration>) =
                    streamed.into_iter().unzip();
                committed.sort();
                visible.sort();
                println!(
                    "  meanwhile, write -> searchable over {} new projects: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms (indexed: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms)",
                    visible.len(),
                    percentile(&visible, 0.50),
                    percentile(&visible, 0.99),
                    percentile(&visible, 1.0),
                    percentile(&committed, 0.50),
                    percentile(&committed, 0.99),
                    percentile(&committed, 1.0),
                );
            }
        }
    });
    service.shutdown();
}

/// One thread: text searches whose words are synonyms, with the default sets and with the
/// largest list allowed (2,000 sets of 20 expressions) in which every set holds one of
/// the searched words; the expansion is bounded, so both stay fast.
fn synonym_timings(service: &Service) {
    let rounds = env_or("BENCH_SYNONYM_ROUNDS", 200);
    let texts = [
        "health",
        "rural health",
        "mobile money health",
        "water school radio",
    ];
    let requests: Vec<SearchRequest> = texts
        .iter()
        .filter_map(|q| SearchRequest::from_pairs([("q", *q)]).ok())
        .collect();
    let time = |label: &str| {
        let mut latencies = Vec::with_capacity(rounds);
        for r in requests.iter().cycle().take(rounds) {
            let started = Instant::now();
            let _ = service.search(r);
            latencies.push(started.elapsed());
        }
        latencies.sort();
        println!(
            "engine only, 1 thread: synonym words, {label}: p50 {:.2} ms, p99 {:.2} ms",
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99)
        );
    };
    let defaults = service.synonyms();
    time("default sets");
    let shared = ["health", "water", "school", "radio", "mobile", "money"];
    let sets: Vec<Vec<String>> = (0..2_000)
        .map(|i| {
            std::iter::once(shared[i % shared.len()].to_string())
                .chain((0..19).map(|j| format!("syn{i}w{j}")))
                .collect()
        })
        .collect();
    if let Err(e) = service.put_synonyms(json!({ "sets": sets })) {
        println!("cannot set the synonym sets: {e}");
        return;
    }
    time("2,000 sets sharing the searched words");
    let _ = service.put_synonyms(json!({ "sets": defaults.sets }));
}

/// One thread: search-as-you-type on word beginnings, related projects of indexed projects,
/// and tag suggestions for generated texts.
fn discovery_timings(service: &Service, rng: &mut StdRng) {
    use wsis_stocktaking::model::Language;
    let rounds = env_or("BENCH_ENGINE_ROUNDS", 2_000);
    let report = |name: &str, mut latencies: Vec<Duration>| {
        latencies.sort();
        println!(
            "engine only, 1 thread: {name}: p50 {:.2} ms, p99 {:.2} ms",
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99)
        );
    };
    let mut latencies = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let word = TOPICS[rng.gen_range(0..TOPICS.len())];
        let typed = &word[..rng.gen_range(2..=word.len())];
        let started = Instant::now();
        let _ = service.suggest(typed, Language::En, 5);
        latencies.push(started.elapsed());
    }
    report("suggest (a word's first letters)", latencies);

    let ids: Vec<String> = service
        .search(&SearchRequest::from_pairs([("per_page", "100")]).unwrap_or_default())
        .map(|r| r.hits.iter().map(|h| h.summary.id.to_string()).collect())
        .unwrap_or_default();
    let mut latencies = Vec::with_capacity(rounds);
    for i in 0..rounds.min(500) {
        let Some(id) = ids.get(i % ids.len().max(1)) else {
            break;
        };
        let started = Instant::now();
        let _ = service.related(id, 5);
        latencies.push(started.elapsed());
    }
    report("related projects", latencies);

    let mut latencies = Vec::with_capacity(rounds);
    for n in 0..rounds.min(500) {
        let p = corpus::project(rng, n);
        let request = wsis_stocktaking::service::TagRequest {
            title: p["title"].as_str().unwrap_or("").to_string(),
            description: p["description"].as_str().unwrap_or("").to_string(),
            language: Language::En,
        };
        let started = Instant::now();
        let _ = service.suggest_tags(&request);
        latencies.push(started.elapsed());
    }
    report("suggest-tags (a generated description)", latencies);
}

/// Imports a published project every 50 ms for `seconds`, and times each from its durable
/// write until the indexer publishes its sequence number (committed, and the reader
/// reloaded), and until a search for its one-off title word finds it.
fn write_to_searchable(service: &Service, seconds: u64) -> Vec<(Duration, Duration)> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut latencies = Vec::new();
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let word = format!("streamed{n}marker");
        let record = json!({
            "source_id": format!("stream-{n}"),
            "title": format!("Streamed project {word}"),
            "description": "A project written while the searches run, to time its visibility.",
            "organization": "Stream",
            "stakeholder_type": "academia",
            "scope": "international",
            "action_lines": ["C1"],
            "sdgs": [9],
            "status": "ongoing",
        });
        let line = format!("{record}\n");
        let Ok(report) = service.import_ndjson(line.as_bytes(), true) else {
            continue;
        };
        let written = Instant::now();
        let Ok(request) = SearchRequest::from_pairs([("q", word.as_str())]) else {
            continue;
        };
        let mut committed = None;
        while written.elapsed() < Duration::from_secs(5) {
            let indexed = service.readiness().map_or(0, |r| r.indexed_seq);
            if committed.is_none() && indexed >= report.last_seq {
                committed = Some(written.elapsed());
            }
            if committed.is_some() && service.search(&request).is_ok_and(|r| r.total > 0) {
                latencies.push((committed.unwrap_or_default(), written.elapsed()));
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    latencies
}
