//! How handlers reach the service: on the blocking pool (sled and tantivy block), and
//! searches in their turn.

use super::state::AppState;
use crate::model::{Dim, Groups, SearchResults};
use crate::model::{Filters, SearchRequest};
use crate::service::{Service, ServiceError};

/// Runs a service call on the blocking pool; a task that panicked is an internal error.
pub(crate) async fn on_service<T, F>(state: &AppState, f: F) -> Result<T, ServiceError>
where
    T: Send + 'static,
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
{
    let service = state.service.clone();
    tokio::task::spawn_blocking(move || f(&service))
        .await
        .unwrap_or_else(|join| Err(ServiceError::caused("service call", join)))
}

/// Waits for a search turn ([`AppState::search_permits`]): searches, counts, suggestions.
pub(crate) async fn search_turn(
    state: &AppState,
) -> Result<tokio::sync::SemaphorePermit<'_>, ServiceError> {
    state
        .search_permits
        .acquire()
        .await
        .map_err(|e| ServiceError::caused("search turn", e))
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
