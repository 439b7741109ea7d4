//! Browser tests: headless Chromium driven through WebDriver (chromedriver) against the
//! real server on an ephemeral port, over real sled and tantivy in a temporary directory.
//!
//! Without `chromedriver` on the PATH (or in `CHROMEDRIVER`) the tests say so and pass,
//! so `cargo test` works on any machine; CI installs Debian's `chromium` and
//! `chromium-driver` and sets `STOCKTAKING_BROWSER_TESTS=require`, which turns a missing
//! driver into a failure. Screenshots go to `target/screenshots/`; those of the README
//! go to `STOCKTAKING_SCREENSHOTS_DIR` when it is set (see `readme_screenshots`).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod account_scenarios;
mod desk_scenarios;
mod edit_scenarios;
mod form_scenarios;
mod harness;
mod language_scenarios;
mod notice_scenarios;
mod readme_screenshots;
mod scenarios;
mod search_scenarios;
mod selection_scenarios;
// Shared with the API tests, which use all of it.
#[allow(dead_code)]
#[path = "../api/smtp.rs"]
mod smtp;
