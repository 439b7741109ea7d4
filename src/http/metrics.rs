//! The metrics rendered by `GET /metrics` (Prometheus text format), and the middleware that gives every request
//! an id, a log line, its counts and its latency.
//!
//! Requests are labelled by route template (`/api/v1/projects/{id}`), never by the raw path
//! or query: no id, text or contact data reaches a label or a log line.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Metric, Registry, Unit};
use tracing::Instrument;

use super::error::Cause;
use crate::model::SearchTimings;
use crate::service::Vitals;

/// The request-id header, taken from the client when it is a plain token, else made here.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PhaseLabels {
    phase: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ])
}

/// The registry and every metric in it.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    in_flight: Gauge,
    search_phases: Family<PhaseLabels, Histogram, fn() -> Histogram>,
    index_lag: Gauge,
    log_seq: Gauge,
    indexed_seq: Gauge,
    searchable: Gauge,
    segments: Gauge,
    documents: Family<StateLabels, Gauge>,
    store_bytes: Gauge,
    index_bytes: Gauge,
    mail_queued: Gauge,
    mail_sent: Counter,
    mail_failures: Counter,
    mail_dropped: Counter,
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

const SECONDS: Option<Unit> = Some(Unit::Seconds);
const BYTES: Option<Unit> = Some(Unit::Bytes);
const REQUESTS_HELP: &str = "HTTP requests answered, by method, route template and status";
const LATENCY_HELP: &str = "Time to answer (until the headers), by method and route template";
const IN_FLIGHT_HELP: &str = "Requests being answered";
const PHASES_HELP: &str = "Time of each phase of a search: plan (text analysis, typo and prefix expansion), match_and_count (matching, ranking and every facet count, one pass), hits (page of hits, snippets); total; and facet grouping of /stats";
const LAG_HELP: &str =
    "Log entries written but not yet searchable: last log sequence minus last indexed sequence";
const LOG_SEQ_HELP: &str = "Last log sequence number written";
const INDEXED_SEQ_HELP: &str = "Last log sequence number visible to search";
const SEARCHABLE_HELP: &str = "Published projects in the search index";
const SEGMENTS_HELP: &str = "Search index segments";
const DOCUMENTS_HELP: &str = "Projects in the store by state (on a large store, recounted at most every 10 s while writes go on)";
const STORE_HELP: &str = "Size of the store (sled) on disk";
const INDEX_HELP: &str = "Size of the search index on disk";
const MAIL_QUEUED_HELP: &str = "E-mail messages waiting in the outbox to be delivered";
const MAIL_SENT_HELP: &str = "E-mail messages delivered since the server started";
const MAIL_FAILURES_HELP: &str =
    "Failed e-mail delivery attempts since the server started (retried, unless dropped)";
const MAIL_DROPPED_HELP: &str = "E-mail messages given up since the server started: refused for good by the mail server, or sign-in links that could not go out in time";

/// Registers `metric` under `name` (with its unit, if any) and gives back a handle to it.
fn register<M: Metric + Clone>(
    registry: &mut Registry,
    name: &str,
    help: &str,
    unit: Option<Unit>,
    metric: M,
) -> M {
    match unit {
        Some(unit) => registry.register_with_unit(name, help, unit, metric.clone()),
        None => registry.register(name, help, metric.clone()),
    }
    metric
}

impl Metrics {
    /// A registry with every metric at zero.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("stocktaking");
        let r = &mut registry;
        let histograms = latency_histogram as fn() -> Histogram;
        let requests = register(r, "http_requests", REQUESTS_HELP, None, Family::default());
        let latency = register(
            r,
            "http_request_duration",
            LATENCY_HELP,
            SECONDS,
            Family::new_with_constructor(histograms),
        );
        let in_flight = register(
            r,
            "http_requests_in_flight",
            IN_FLIGHT_HELP,
            None,
            Gauge::default(),
        );
        let search_phases = register(
            r,
            "search_phase_duration",
            PHASES_HELP,
            SECONDS,
            Family::new_with_constructor(histograms),
        );
        let index_lag = register(r, "index_lag", LAG_HELP, None, Gauge::default());
        let log_seq = register(r, "log_seq", LOG_SEQ_HELP, None, Gauge::default());
        let indexed_seq = register(r, "indexed_seq", INDEXED_SEQ_HELP, None, Gauge::default());
        let searchable = register(
            r,
            "searchable_documents",
            SEARCHABLE_HELP,
            None,
            Gauge::default(),
        );
        let segments = register(r, "index_segments", SEGMENTS_HELP, None, Gauge::default());
        let documents = register(r, "documents", DOCUMENTS_HELP, None, Family::default());
        let store_bytes = register(r, "store_size", STORE_HELP, BYTES, Gauge::default());
        let index_bytes = register(r, "index_size", INDEX_HELP, BYTES, Gauge::default());
        let mail_queued = register(r, "mail_queued", MAIL_QUEUED_HELP, None, Gauge::default());
        let mail_sent = register(r, "mail_sent", MAIL_SENT_HELP, None, Counter::default());
        let mail_failures = register(
            r,
            "mail_failures",
            MAIL_FAILURES_HELP,
            None,
            Counter::default(),
        );
        let mail_dropped = register(
            r,
            "mail_dropped",
            MAIL_DROPPED_HELP,
            None,
            Counter::default(),
        );
        Metrics {
            registry,
            requests,
            latency,
            in_flight,
            search_phases,
            index_lag,
            log_seq,
            indexed_seq,
            searchable,
            segments,
            documents,
            store_bytes,
            index_bytes,
            mail_queued,
            mail_sent,
            mail_failures,
            mail_dropped,
        }
    }

    /// Records the phases of one search.
    pub fn search(&self, timings: &SearchTimings) {
        let phases = [
            ("plan", timings.plan),
            ("match_and_count", timings.match_and_count),
            ("hits", timings.hits),
            (
                "total",
                timings.plan + timings.match_and_count + timings.hits,
            ),
        ];
        for (phase, took) in phases {
            self.observe_phase(phase, took);
        }
    }

    /// Records one timed phase (`stats` for a grouped count).
    pub fn observe_phase(&self, phase: &'static str, took: Duration) {
        self.search_phases
            .get_or_create(&PhaseLabels { phase })
            .observe(took.as_secs_f64());
    }

    fn set_vitals(&self, v: &Vitals) {
        let int = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        self.index_lag.set(int(v.index_lag()));
        self.log_seq.set(int(v.log_seq));
        self.indexed_seq.set(int(v.indexed_seq));
        self.searchable.set(int(v.searchable));
        self.segments.set(int(v.segments as u64));
        for (state, count) in &v.by_state {
            self.documents
                .get_or_create(&StateLabels {
                    state: state.code(),
                })
                .set(int(*count));
        }
        self.store_bytes.set(int(v.store_bytes));
        self.index_bytes.set(int(v.index_bytes));
        self.mail_queued.set(int(v.mail_queued));
        // The service counts; the counters here catch up with it.
        for (counter, now) in [
            (&self.mail_sent, v.mail_sent),
            (&self.mail_failures, v.mail_failures),
            (&self.mail_dropped, v.mail_dropped),
        ] {
            counter.inc_by(now.saturating_sub(counter.get()));
        }
    }

    /// The text exposition of every metric, with the data's numbers as of now.
    pub(crate) fn render(&self, vitals: &Vitals) -> Result<String, std::fmt::Error> {
        self.set_vitals(vitals);
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// The client's request id if it is a plain token of at most 64 characters, else a new one.
fn request_id(request: &Request) -> String {
    request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        })
        .map(str::to_string)
        .unwrap_or_else(|| ulid::Ulid::new().to_string())
}

/// Gives the request an id (answered in `X-Request-Id`), logs it in a span under that id,
/// counts it and times it; a 5xx is logged as an error with its cause.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(&request);
    let method = request.method().as_str().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let span = tracing::info_span!("request", id = %id, method = %method, route = %route);
    metrics.in_flight.inc();
    let mut response = next.run(request).instrument(span.clone()).await;
    metrics.in_flight.dec();
    let took = started.elapsed();
    let status = response.status();
    metrics
        .requests
        .get_or_create(&RequestLabels {
            method: method.clone(),
            route: route.clone(),
            status: status.as_u16(),
        })
        .inc();
    metrics
        .latency
        .get_or_create(&RouteLabels { method, route })
        .observe(took.as_secs_f64());
    let ms = (took.as_secs_f64() * 1000.0 * 100.0).round() / 100.0;
    // Every 5xx is logged here, once, with the cause its answer carries.
    let cause = response.extensions_mut().remove::<Cause>();
    span.in_scope(|| {
        if status.is_server_error() {
            let cause = cause.map(|c| c.0).unwrap_or_default();
            tracing::error!(status = status.as_u16(), ms, cause, "answered");
        } else if status.is_client_error() {
            tracing::info!(status = status.as_u16(), ms, "answered");
        } else {
            tracing::debug!(status = status.as_u16(), ms, "answered");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use axum::body::Body;
    use axum::http::{Request, Uri};
    use axum::response::IntoResponse;
    use axum::Router;
    use tower::ServiceExt;

    use crate::http::error::ApiError;
    use crate::http::metrics::{track, Metrics};
    use crate::http::pages::{error_page, Ctx};
    use crate::model::Language;
    use crate::service::ServiceError;

    /// A log written to memory.
    #[derive(Clone, Default)]
    struct Log(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Log {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn failure() -> ServiceError {
        let disk = std::io::Error::other("disk on fire");
        ServiceError::caused("store", disk)
    }

    #[tokio::test]
    async fn every_5xx_is_logged_once_with_its_cause_from_the_api_and_the_pages() {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        // One handler for both paths (the route-coverage test allows no `.route` here).
        let app = Router::new()
            .fallback(|uri: Uri| async move {
                let ctx = Ctx::new(Language::En, "/", Vec::new());
                match uri.path() {
                    "/api" => ApiError::from(failure()).into_response(),
                    _ => error_page(&ctx, &failure()),
                }
            })
            .layer(axum::middleware::from_fn_with_state(
                Arc::new(Metrics::new()),
                track,
            ));
        for path in ["/api", "/page"] {
            let request = Request::get(path).body(Body::empty()).unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            assert_eq!(response.status(), 500);
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap();
            let body = String::from_utf8_lossy(&body);
            assert!(!body.contains("disk on fire"), "the cause is never sent");
        }
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("disk on fire"))
            .collect();
        assert_eq!(lines.len(), 2, "one line per answer: {text}");
        assert!(
            lines.iter().all(|l| l.contains("store: disk on fire")),
            "{text}"
        );
    }
}
