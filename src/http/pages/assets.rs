//! The stylesheet (with the SDG colours from the taxonomy) and the small script.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use super::i18n;
use crate::http::AppState;
use crate::model::Sdg;

const STYLE: &str = include_str!("static/style.css");
const SCRIPT: &str = include_str!("static/app.js");

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
}

/// The stylesheet, then one class per SDG with its official colour (`.sdg-3`).
fn stylesheet() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let mut css = String::from(STYLE);
        for goal in Sdg::all() {
            css.push_str(&format!(
                ".sdg-{} {{ background: {}; }}\n",
                goal.number(),
                i18n::sdg_color(goal)
            ));
        }
        css
    })
}

async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        stylesheet(),
    )
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
}
