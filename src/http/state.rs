//! What every handler can reach: the service, the budgets, the sessions and the metrics.

use std::sync::Arc;

use super::limits::{HttpLimits, WriteLimiter};
use super::metrics::Metrics;
use super::pages::session::Sessions;
use super::stream::StreamBudgets;
use crate::service::Service;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The service.
    pub service: Arc<Service>,
    /// One permit per core for searches: queued searches wait their turn in order instead of
    /// time-slicing the cores, which keeps tail latency down under load.
    pub search_permits: Arc<tokio::sync::Semaphore>,
    /// Budgets of anonymous submissions and edits.
    pub write_limiter: Arc<WriteLimiter>,
    /// Budgets of sign-in links asked for, per client.
    pub sign_in_limiter: Arc<WriteLimiter>,
    /// Secretariat sign-in sessions of the pages.
    pub sessions: Arc<Sessions>,
    /// Turns of the streamed bodies (exports, backups).
    pub stream_budgets: Arc<StreamBudgets>,
    /// Request counts and timings.
    pub metrics: Arc<Metrics>,
}

impl AppState {
    /// The state of a new router over `service`.
    pub fn new(service: Arc<Service>, limits: &HttpLimits) -> AppState {
        AppState {
            service,
            sessions: Arc::new(Sessions::default()),
            stream_budgets: Arc::new(StreamBudgets::new(limits.send_timeout)),
            write_limiter: Arc::new(WriteLimiter::new(limits.writes_per_minute)),
            sign_in_limiter: Arc::new(WriteLimiter::per_hour(limits.sign_ins_per_hour)),
            search_permits: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism()
                    .map(|n| n.get() * 2)
                    .unwrap_or(4),
            )),
            metrics: Arc::new(Metrics::new()),
        }
    }
}
