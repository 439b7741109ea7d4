//! The stylesheet (with the SDG colours from the taxonomy) and the small script.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::PAGES;

use crate::http::AppState;
use crate::presentation::{charts, colours};

const STYLE: &str = include_str!("static/style.css");
const SCRIPT: &str = include_str!("static/app.js");

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(style))
        .routes(routes!(script))
}

/// The stylesheet, the charts' classes, then one class per SDG with its official colour
/// (`.sdg-3`).
fn stylesheet() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let mut css = String::from(STYLE);
        css.push_str(&charts::stylesheet(charts::every_share()));
        css.push_str(&colours::sdg_classes());
        css
    })
}

/// The pages' style sheet.
#[utoipa::path(
    get,
    path = "/static/style.css",
    tag = PAGES,
    responses(
        (status = 200, description = "The page", content_type = "text/css", body = String)
    )
)]
async fn style() -> impl IntoResponse {
    cached("text/css; charset=utf-8", stylesheet())
}

/// The pages' script (progressive enhancement only).
#[utoipa::path(
    get,
    path = "/static/app.js",
    tag = PAGES,
    responses(
        (status = 200, description = "The page", content_type = "text/javascript", body = String)
    )
)]
async fn script() -> impl IntoResponse {
    cached("text/javascript; charset=utf-8", SCRIPT)
}

/// A static file's answer: its type, cacheable for an hour.
fn cached(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour a `--name: #rrggbb;` variable of the stylesheet holds.
    fn variable(name: &str) -> [f64; 3] {
        let start = STYLE
            .find(&format!("--{name}: #"))
            .unwrap_or_else(|| panic!("no --{name}"))
            + name.len()
            + 5;
        let hex = &STYLE[start..start + 6];
        let channel = |i: usize| {
            f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or_else(|_| panic!("{hex}")))
        };
        [channel(0), channel(2), channel(4)]
    }

    /// WCAG 2 relative luminance.
    fn luminance(rgb: [f64; 3]) -> f64 {
        let linear = |c: f64| {
            let c = c / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
    }

    fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_colours_have_enough_contrast() {
        const WHITE: [f64; 3] = [255.0, 255.0, 255.0];
        let soft = variable("bg-soft");
        // (foreground, background): body text, muted text and counts, links, the header
        // and buttons (white on the accent), errors, text on the soft panels.
        let pairs = [
            ("text", variable("text"), WHITE),
            ("muted", variable("muted"), WHITE),
            ("link", variable("link"), WHITE),
            ("accent", WHITE, variable("accent")),
            ("error", variable("error"), WHITE),
            ("muted on soft", variable("muted"), soft),
            ("link on soft", variable("link"), soft),
        ];
        for (what, fg, bg) in pairs {
            let ratio = contrast(fg, bg);
            assert!(
                ratio >= 4.5,
                "{what}: contrast {ratio:.2} is below WCAG AA 4.5"
            );
        }
        // The focus ring (WCAG 1.4.11, 3:1): its dark line on the page, its yellow one on
        // the header.
        let rings = [
            ("ring on white", variable("focus-ring"), WHITE),
            ("ring on soft", variable("focus-ring"), soft),
            ("halo on the header", variable("focus"), variable("accent")),
        ];
        for (what, ring, bg) in rings {
            let ratio = contrast(ring, bg);
            assert!(ratio >= 3.0, "{what}: contrast {ratio:.2} is below 3");
        }
    }

    /// Every rule of the stylesheet closes where it should: a stray or missing brace
    /// silently drops the rules after it.
    #[test]
    fn the_stylesheet_braces_balance() {
        let mut depth = 0i32;
        for (n, line) in STYLE.lines().enumerate() {
            // An unindented line starts a rule at the top level, or closes a block.
            let unindented = !line.starts_with(' ') && !line.trim().is_empty();
            if unindented && !line.starts_with('}') {
                assert_eq!(depth, 0, "line {}: a rule inside an unclosed block", n + 1);
            }
            for c in line.chars() {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                assert!(depth >= 0, "line {}: a brace closes nothing", n + 1);
            }
        }
        assert_eq!(depth, 0, "every block is closed");
    }
}
