//! `GET /moderation`: the secretariat's queue of pending submissions and revisions.

use axum::extract::State;
use axum::Json;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::openapi::{FilterParams, SECRETARIAT};
use crate::http::query::{invalid, FilterPairs, Query, QueryParams};
use crate::http::{on_service, AppState};
use crate::model::text::{self, Lines};
use crate::model::{QueueFilters, ReviewKind, MAX_QUERY_CHARS};
use crate::service::QueueItem;

/// The moderation queue.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Queue {
    /// Items waiting.
    pub total: usize,
    /// Oldest first.
    pub items: Vec<QueueItem>,
}

/// `kind` and `text` of the queue; the other parameters are the search filters (the
/// search's words, sort and paging do not apply).
#[derive(Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct QueueParams {
    /// `submission` (pending projects) or `revision` (of published projects); both when
    /// absent.
    kind: Option<ReviewKind>,
    /// A text the title or the organization under review contains, in any case.
    text: Option<String>,
    /// The search filters.
    #[param(ignore)]
    filters: FilterPairs,
}

impl QueryParams for QueueParams {
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError> {
        match key {
            "kind" => {
                let bad = || format!("'kind' must be submission or revision, not '{value}'");
                self.kind = Some(ReviewKind::parse(&value).ok_or_else(|| invalid(key, bad()))?)
            }
            "text" => self.text = Some(text_value(value)?),
            "q" | "sort" | "page" | "per_page" => {
                let message = format!("the moderation queue takes filters only, not '{key}'");
                return Err(ApiError::bad_parameter(key, "unknown_parameter", message));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn other(&mut self, key: String, value: String) -> Result<(), ApiError> {
        self.filters.push(key, value);
        Ok(())
    }
}

/// The `text` filter: one line of at most [`MAX_QUERY_CHARS`] characters.
fn text_value(value: String) -> Result<String, ApiError> {
    let chars = value.chars().count();
    if chars > MAX_QUERY_CHARS {
        let message = format!("'text' must have at most {MAX_QUERY_CHARS} characters, not {chars}");
        return Err(ApiError::bad_parameter("text", "too_long", message));
    }
    text::check(&value, Lines::One)
        .map(|()| value)
        .map_err(|problem| {
            ApiError::bad_parameter("text", problem.code(), format!("'text' {problem}"))
        })
}

/// The queue, oldest first, filtered with the search filters (`action_line`, `sdg`, …), the
/// kind of review and a text.
#[utoipa::path(
    get,
    path = "/moderation",
    tag = SECRETARIAT,
    params(QueueParams, FilterParams),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Submissions and revisions waiting, oldest first", body = Queue),
        (status = 401, description = "No or a bad key")
    )
)]
pub(crate) async fn queue(
    State(state): State<AppState>,
    Query(params): Query<QueueParams>,
    credentials: Credentials,
) -> Result<Json<Queue>, ApiError> {
    let filters = QueueFilters {
        filters: params.filters.filters()?,
        kind: params.kind,
        text: params.text.unwrap_or_default(),
    };
    let items = on_service(&state, move |s| {
        credentials.secretariat(s)?;
        s.moderation_queue(&filters)
    })
    .await?;
    let total = items.len();
    Ok(Json(Queue { total, items }))
}
