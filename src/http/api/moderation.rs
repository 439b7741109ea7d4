//! `GET /moderation`: the secretariat's queue of pending submissions and revisions.

use axum::extract::{RawQuery, State};
use axum::Json;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::openapi::{FilterParams, SECRETARIAT};
use crate::http::query::FilterPairs;
use crate::http::{on_service, AppState};
use crate::model::Filters;
use crate::service::QueueItem;

/// The moderation queue.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Queue {
    /// Items waiting.
    pub total: usize,
    /// Oldest first.
    pub items: Vec<QueueItem>,
}

/// The queue, oldest first, filtered with the search filters (`action_line`, `sdg`, …).
#[utoipa::path(
    get,
    path = "/moderation",
    tag = SECRETARIAT,
    params(FilterParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Submissions and revisions waiting, oldest first", body = Queue),
        (status = 401, description = "No or a bad key")
    )
)]
pub(crate) async fn queue(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    credentials: Credentials,
) -> Result<Json<Queue>, ApiError> {
    let filters = filters_only(query.as_deref())?;
    let items = on_service(&state, move |s| {
        credentials.secretariat(s)?;
        s.moderation_queue(&filters)
    })
    .await?;
    let total = items.len();
    Ok(Json(Queue { total, items }))
}

/// The search filters of the query; text, sort and paging do not apply to the queue.
fn filters_only(raw: Option<&str>) -> Result<Filters, ApiError> {
    let pairs = query_pairs(raw);
    let not_filters = ["q", "sort", "page", "per_page"];
    if let Some((key, _)) = pairs
        .iter()
        .find(|(k, _)| not_filters.contains(&k.as_str()))
    {
        let message = format!("the moderation queue takes filters only, not '{key}'");
        return Err(ApiError::bad_parameter(key, "unknown_parameter", message));
    }
    FilterPairs::from(pairs).filters()
}
