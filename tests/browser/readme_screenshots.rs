//! The README's screenshots, taken only when `STOCKTAKING_SCREENSHOTS_DIR` names the folder
//! to write them to:
//!
//! ```sh
//! STOCKTAKING_SCREENSHOTS_DIR=$PWD/tests/screenshots cargo test --test browser -- readme_screenshots
//! ```

use std::path::PathBuf;

use serde_json::json;

use crate::harness::{seeded, wait_until, Browser};

/// Each screenshot: its file name, the page (`{id}`: a project's), and the window's width
/// and height (short enough to keep each file small).
const SHOTS: [(&str, &str, u32, u32); 6] = [
    ("search-en-1366", "/", 1366, 900),
    ("search-en-390", "/", 390, 844),
    ("search-ar-390", "/?lang=ar", 390, 844),
    ("stats-en-390", "/stats", 390, 844),
    ("project-en-1366", "/projects/{id}", 1366, 900),
    ("submit-fr-1366", "/submit?lang=fr", 1366, 900),
];

#[tokio::test(flavor = "multi_thread")]
async fn the_readme_screenshots_are_taken_when_asked() {
    let Some(dir) = std::env::var_os("STOCKTAKING_SCREENSHOTS_DIR").map(PathBuf::from) else {
        return;
    };
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    // The project shown is the first a search for telemedicine finds.
    let hits = app.api("/api/v1/search?q=telemedicine&per_page=1").await;
    let id = hits["hits"][0]["id"].as_str().unwrap();
    let c = &browser.client;
    for (name, page, width, height) in SHOTS {
        c.set_window_size(width, height).await.unwrap();
        c.goto(&app.url(&page.replace("{id}", id))).await.unwrap();
        wait_until("the page has loaded", || async {
            browser.run("return document.readyState").await == json!("complete")
        })
        .await;
        let path = browser.screenshot_to(&dir, name).await;
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size < 250_000, "{name}.png is {size} bytes");
    }
    browser.close().await;
}
