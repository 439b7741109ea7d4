//! Service calls from page handlers: on the blocking pool (or as a search turn), a failure
//! answered by the error page; for form posts, refused input kept apart so the form can come
//! back.

use axum::response::Response;

use super::errors::error_page;
use super::layout::Ctx;
use crate::http::{on_service, AppState};
use crate::model::SearchResults;
use crate::model::{SearchRequest, ValidationErrors};
use crate::service::ServiceError;

/// Runs a service call on the blocking pool, mapping failures to the error page.
pub(crate) async fn call<T, F>(state: &AppState, ctx: &Ctx, f: F) -> Result<T, Response>
where
    T: Send + 'static,
    F: FnOnce(&crate::service::Service) -> Result<T, ServiceError> + Send + 'static,
{
    on_service(state, f).await.map_err(|e| error_page(ctx, &e))
}

/// What a form post's service call came to: done, or the input refused with the reasons.
pub enum Posted<T> {
    /// The service did it.
    Done(T),
    /// The service refused the input: the form comes back (422) with these errors.
    Refused(ValidationErrors),
}

/// A form post's service answer, for [`call`]: refused input becomes [`Posted::Refused`];
/// any other failure stays an error (the error page).
pub fn posted<T>(answer: Result<T, ServiceError>) -> Result<Posted<T>, ServiceError> {
    match answer {
        Ok(done) => Ok(Posted::Done(done)),
        Err(ServiceError::Invalid(errors)) => Ok(Posted::Refused(errors)),
        Err(other) => Err(other),
    }
}

/// Runs the search as the API does (a search turn, timed in the metrics).
pub(super) async fn search(
    state: &AppState,
    ctx: &Ctx,
    request: SearchRequest,
) -> Result<SearchResults, Response> {
    crate::http::run_search(state, request)
        .await
        .map_err(|e| error_page(ctx, &e))
}
