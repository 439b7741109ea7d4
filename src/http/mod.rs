//! The HTTP layer: the router, extractors, the error table and the server. Handlers
//! parse, call one service function (blocking work on the blocking pool) and map the
//! result; this file only names the parts.

pub mod api;
pub mod auth;
mod caching;
mod calls;
pub mod error;
pub mod extract;
mod fallback;
pub mod limits;
pub mod metrics;
pub mod openapi;
mod operations;
pub mod pages;
mod params;
mod query;
mod router;
mod security;
pub mod server;
mod state;
pub mod stream;

pub(crate) use calls::{on_service, run_search, run_stats, search_turn};
pub use fallback::Unrouted;
pub use limits::{HttpLimits, MAX_BODY_BYTES};
pub(crate) use router::routes;
pub use router::{router, router_with};
pub use state::AppState;
