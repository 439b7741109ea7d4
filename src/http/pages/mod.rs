//! Server-rendered pages (maud) for stakeholders, researchers and the secretariat. Handlers
//! call the same service functions as the API; templates only lay out what they are given.

mod account;
pub use account::COOKIE as ACCOUNT_COOKIE;
mod assets;
mod call_list;
mod calls;
mod clean_query;
mod cookies;
mod desk;
mod desk_decisions;
mod edit;
mod errors;
mod facets;
mod field_message;
mod filter_problem;
mod form_post;
mod forms;
pub mod i18n;
mod layout;
pub mod mail;
mod meanwhile;
mod messages;
mod project;
mod public_selection;
mod queue_filter;
mod responses;
mod revision_diff;
mod search;
mod search_view;
mod secretariat;
mod secretariat_texts;
mod selection_builder;
mod selection_entries;
mod selection_list;
mod selections_texts;
pub mod session;
mod stats;
mod submit;
mod update_desk;
mod widgets;

use utoipa_axum::router::OpenApiRouter;

use super::AppState;
pub use errors::{bad_request, error_page, method_not_allowed, not_found};
pub use layout::{lang_of, Ctx};

/// The page routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(assets::router())
        .merge(search::router())
        .merge(project::router())
        .merge(submit::router())
        .merge(edit::router())
        .merge(account::router())
        .merge(call_list::router())
        .merge(stats::router())
        .merge(secretariat::router())
        .merge(selection_list::router())
        .merge(update_desk::router())
        .merge(public_selection::router())
        .merge(selection_builder::router())
}
