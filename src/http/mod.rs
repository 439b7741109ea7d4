//! The HTTP layer: routers, extractors and the error mapping. Handlers parse, call one
//! service function (blocking work on the blocking pool) and map the result.

pub mod api;
pub mod auth;
mod caching;
pub mod error;
pub mod extract;
mod health;
pub mod limits;
pub mod metrics;
pub mod openapi;
pub mod pages;
mod params;
mod security;
pub mod server;
pub mod stream;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use utoipa_axum::router::OpenApiRouter;

use crate::model::{Filters, SearchRequest};
use crate::search::{Dim, Groups, SearchResults};
use crate::service::{Service, ServiceError};
use error::ApiError;
pub use limits::HttpLimits;

/// Largest request body accepted (a description is at most 20,000 characters).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The service.
    pub service: Arc<Service>,
    /// One permit per core for searches: queued searches wait their turn in order instead of
    /// time-slicing the cores, which keeps tail latency down under load.
    pub search_permits: Arc<tokio::sync::Semaphore>,
    /// Budgets of anonymous submissions and edits.
    pub write_limiter: Arc<limits::WriteLimiter>,
    /// Secretariat sign-in sessions of the pages.
    pub sessions: Arc<pages::session::Sessions>,
    /// Turns of the streamed bodies (exports, backups).
    pub stream_budgets: Arc<stream::StreamBudgets>,
    /// Request counts and timings.
    pub metrics: Arc<metrics::Metrics>,
}

/// The whole application router, with the default limits.
pub fn router(service: Arc<Service>) -> Router {
    router_with(service, HttpLimits::default())
}

/// Every route, each registered with its OpenAPI operation (see [`openapi`]).
fn routes(root: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    let api = OpenApiRouter::new()
        .merge(api::backup::router())
        .merge(api::discovery::router())
        .merge(api::export::router())
        .merge(api::moderation::router())
        .merge(api::projects::router())
        .merge(api::search::router())
        .merge(api::selections::router())
        .merge(api::stats::router())
        .merge(api::taxonomy::router())
        .merge(openapi::router());
    // Everything answers within 60 s but imports, which answer when the file is in (their
    // bodies stream, so the timeout would cut a large file short while it goes on).
    let timed = OpenApiRouter::new()
        .nest("/api/v1", api)
        .merge(health::router())
        .merge(metrics::router())
        .merge(pages::router())
        .layer(axum::middleware::from_fn(limits::deadline));
    root.merge(timed)
        .merge(OpenApiRouter::new().nest("/api/v1", api::import::router()))
}

/// The whole application router.
pub fn router_with(service: Arc<Service>, limits: HttpLimits) -> Router {
    let state = AppState {
        service,
        sessions: Arc::new(pages::session::Sessions::default()),
        stream_budgets: Arc::new(stream::StreamBudgets::new(limits.send_timeout)),
        write_limiter: Arc::new(limits::WriteLimiter::new(limits.writes_per_minute)),
        search_permits: Arc::new(tokio::sync::Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get() * 2)
                .unwrap_or(4),
        )),
        metrics: Arc::new(metrics::Metrics::new()),
    };
    let (app, _) = routes(OpenApiRouter::new()).split_for_parts();
    let app = app
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            limits.max_body_bytes,
            limits::declared_size,
        ))
        .layer(axum::middleware::from_fn(params::single_values))
        .layer(axum::middleware::from_fn(caching::private_answers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .with_state(state);
    security::with_headers(app)
}

/// Marks answers of the fallbacks (no route, or no such method on a route) in the
/// response's extensions, for the route-coverage test; never sent.
#[derive(Clone, Copy, Debug)]
pub struct Unrouted;

/// Unknown paths: the API's JSON error under `/api/`, the 404 page elsewhere.
async fn not_found(uri: Uri) -> Response {
    unrouted(not_found_answer(&uri))
}

fn unrouted(mut response: Response) -> Response {
    response.extensions_mut().insert(Unrouted);
    response
}

fn not_found_answer(uri: &Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no route for {}", uri.path()),
        )
        .into_response()
    } else {
        pages::not_found(uri.path())
    }
}

/// Wrong methods: the API's JSON error under `/api/`, the 405 page elsewhere.
async fn method_not_allowed(uri: Uri) -> Response {
    unrouted(method_not_allowed_answer(&uri))
}

fn method_not_allowed_answer(uri: &Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{} does not accept this method", uri.path()),
        )
        .into_response()
    } else {
        pages::method_not_allowed()
    }
}

/// Runs a service call on the blocking pool (sled and tantivy block); a task that
/// panicked is an internal error.
pub(crate) async fn on_service<T, F>(state: &AppState, f: F) -> Result<T, ServiceError>
where
    T: Send + 'static,
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
{
    let service = state.service.clone();
    tokio::task::spawn_blocking(move || f(&service))
        .await
        .unwrap_or_else(|join| Err(ServiceError::Internal(join.to_string())))
}

/// Waits for a search turn ([`AppState::search_permits`]): searches, counts, suggestions.
pub(crate) async fn search_turn(
    state: &AppState,
) -> Result<tokio::sync::SemaphorePermit<'_>, ServiceError> {
    state
        .search_permits
        .acquire()
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))
}

/// A search under a search turn, its phases recorded in the metrics (API and pages alike).
pub(crate) async fn run_search(
    state: &AppState,
    request: SearchRequest,
) -> Result<SearchResults, ServiceError> {
    let _permit = search_turn(state).await?;
    let results = on_service(state, move |s| s.search(&request)).await?;
    state.metrics.search(&results.timings);
    Ok(results)
}

/// A grouped count (`/stats`) under a search turn, since it scans like a search; timed in
/// the metrics as the `stats` phase (API and pages alike).
pub(crate) async fn run_stats(
    state: &AppState,
    filters: Filters,
    dims: (Dim, Option<Dim>),
) -> Result<Groups, ServiceError> {
    let _permit = search_turn(state).await?;
    let started = std::time::Instant::now();
    let groups = on_service(state, move |s| s.stats(&filters, dims)).await?;
    state.metrics.observe_phase("stats", started.elapsed());
    Ok(groups)
}

/// Runs a service call on the blocking pool, in the API's error shape.
pub(crate) async fn blocking<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
{
    on_service(state, f).await.map_err(ApiError::from)
}
