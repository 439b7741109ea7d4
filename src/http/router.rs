//! Every route, each registered with its OpenAPI operation (see [`super::openapi`]): the
//! API's here, or in its resource's module where it has several (`projects`, `selections`,
//! `discovery`, and the pages' in `pages`); and the layers every request passes.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::{
    account, backup, calls, discovery, export, import, moderation, projects, search, selections,
    stats, taxonomy,
};
use super::limits::{self, HttpLimits};
use super::state::AppState;
use super::{caching, fallback, metrics, operations, pages, params, security};
use crate::service::Service;

/// The whole application router, with the default limits.
pub fn router(service: Arc<Service>) -> Router {
    router_with(service, HttpLimits::default())
}

/// The whole application router.
pub fn router_with(service: Arc<Service>, limits: HttpLimits) -> Router {
    let state = AppState::new(service, &limits);
    let (app, _) = routes(OpenApiRouter::new()).split_for_parts();
    let app = app
        .fallback(fallback::not_found)
        .method_not_allowed_fallback(fallback::method_not_allowed)
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            limits.max_body_bytes,
            limits::declared_size,
        ))
        .layer(axum::middleware::from_fn(params::single_values))
        .layer(axum::middleware::from_fn(caching::private_answers))
        .layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::track,
        ))
        .with_state(state);
    security::with_headers(app)
}

/// Every route on `root`. Everything answers within 60 s but imports, which answer when the
/// file is in (their bodies stream, so the deadline would cut a large file short).
pub(crate) fn routes(root: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    let timed = OpenApiRouter::new()
        .nest("/api/v1", api())
        .merge(operations())
        .merge(pages::router())
        .layer(axum::middleware::from_fn(limits::deadline));
    let untimed = OpenApiRouter::new().routes(routes!(import::import));
    root.merge(timed)
        .merge(OpenApiRouter::new().nest("/api/v1", untimed))
}

/// The JSON API under `/api/v1`, imports apart.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(account::routes())
        .merge(calls::routes())
        .routes(routes!(backup::backup))
        .merge(discovery::routes())
        .routes(routes!(export::export))
        .routes(routes!(moderation::queue))
        .merge(projects::routes())
        .routes(routes!(search::search))
        .merge(selections::routes())
        .routes(routes!(stats::stats))
        .routes(routes!(taxonomy::taxonomy))
        .routes(routes!(operations::openapi_json))
}

/// Health, readiness and metrics.
fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(operations::healthz))
        .routes(routes!(operations::readyz))
        .routes(routes!(operations::metrics))
}
