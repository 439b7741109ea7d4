//! `GET /moderation`: the secretariat's queue of pending submissions and revisions.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::Json;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::openapi::{FilterParams, SECRETARIAT};
use crate::http::{on_service, AppState};
use crate::model::SearchRequest;
use crate::service::{QueueItem, ServiceError};

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
    headers: HeaderMap,
) -> Result<Json<Queue>, ApiError> {
    let pairs = query_pairs(query.as_deref());
    // The search parser validates the filters; text, sort and paging do not apply here.
    if let Some((key, _)) = pairs
        .iter()
        .find(|(k, _)| matches!(k.as_str(), "q" | "sort" | "page" | "per_page"))
    {
        return Err(ApiError::bad_parameter(
            key,
            "unknown_parameter",
            format!("the moderation queue takes filters only, not '{key}'"),
        ));
    }
    let request = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(ServiceError::from)?;
    let credentials = Credentials::from_headers(&headers);
    let items = on_service(&state, move |s| {
        credentials.secretariat(s)?;
        s.moderation_queue(&request.filters)
    })
    .await?;
    Ok(Json(Queue {
        total: items.len(),
        items,
    }))
}
