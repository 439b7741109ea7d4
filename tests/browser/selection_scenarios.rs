//! The public selections in Chromium (issue 17, point 9): a researcher filters the list by
//! kind, opens a selection, follows one of its projects and comes back through the
//! selections that project is in; on a laptop and a phone, in English and Arabic.

use serde_json::{json, Value};

use crate::harness::{seeded, wait_until, App, Browser};

/// What the pages hold: the TalkX session, and the first of its projects.
struct Published {
    talkx: String,
    project: String,
}

/// Creates, with the secretariat's key, a TalkX session of two published projects, a report
/// chapter and a collection (published), and an unpublished TalkX draft.
async fn selections(app: &App, key: &str) -> Published {
    let hits = app.api("/api/v1/search?per_page=3&sort=title").await;
    let ids: Vec<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    let http = reqwest::Client::new();
    let mut made = Vec::new();
    for body in [
        json!({"kind": "talkx", "title": "TalkX: connected villages", "date": "2025-05-12",
               "published": true, "items": [{"project_id": ids[0], "note": "speaker 1"},
                                            {"project_id": ids[1], "note": "speaker 2"}]}),
        json!({"kind": "report", "title": "Report chapter: access", "date": "2024-03-01",
               "published": true, "items": [{"project_id": ids[0]}]}),
        json!({"kind": "collection", "title": "Collection of the month", "published": true,
               "items": [{"project_id": ids[2]}]}),
        json!({"kind": "talkx", "title": "TalkX draft", "items": [{"project_id": ids[0]}]}),
    ] {
        let request = http.post(app.url("/api/v1/selections")).bearer_auth(key);
        let response = request.json(&body).send().await.unwrap();
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        made.push(created["id"].as_str().unwrap().to_string());
    }
    Published {
        talkx: made[0].clone(),
        project: ids[0].to_string(),
    }
}

/// Selects without a label, the number of `h1`, and whether the page fits the window's
/// width (no sideways scrolling).
const LAYOUT: &str = r#"
const unlabelled = [...document.querySelectorAll('select, input:not([type=hidden])')]
  .filter(e => !(e.labels && e.labels.length)).map(e => e.name);
return {
  unlabelled,
  h1: document.querySelectorAll('h1').length,
  fits: document.documentElement.scrollWidth <= window.innerWidth + 1,
  dir: document.documentElement.dir,
};
"#;

/// The page's labels, heading and width are right, and it is in `lang`'s direction.
async fn laid_out(browser: &Browser, lang: &str, what: &str) {
    let layout = browser.client.execute(LAYOUT, vec![]).await.unwrap();
    assert_eq!(
        layout["unlabelled"],
        json!([]),
        "{what}: controls without a label"
    );
    assert_eq!(layout["h1"], 1, "{what}: one h1");
    assert_eq!(layout["fits"], true, "{what}: scrolls sideways");
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    assert_eq!(layout["dir"], dir, "{what}");
    let url = browser.url().await;
    assert_eq!(
        url.query_pairs().any(|(k, v)| k == "lang" && v == "ar"),
        lang == "ar",
        "{what}: the language is kept in {url}"
    );
    assert!(
        url.query_pairs().all(|(_, v)| !v.is_empty()),
        "{what}: an empty parameter in {url}"
    );
}

/// Waits until the address is `path` (and, when given, holds `query`).
async fn arrived(browser: &Browser, path: &str, query: Option<&str>) {
    wait_until(&format!("the page {path} {query:?}"), || async {
        let url = browser.url().await;
        url.path() == path && query.is_none_or(|q| url.query().unwrap_or("").contains(q))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_researcher_filters_selections_and_goes_to_a_project_and_back_on_laptop_and_phone() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let key = app.key("desk");
    let published = selections(&app, &key).await;
    for (lang, width) in [("en", 1366), ("ar", 1366), ("en", 390), ("ar", 390)] {
        browser.client.set_window_size(width, 900).await.unwrap();
        let what = format!("{lang} at {width} px");
        let start = if lang == "en" { "/" } else { "/?lang=ar" };
        browser.client.goto(&app.url(start)).await.unwrap();
        // The header leads to the selections (on a phone, from its menu).
        if width < 800 {
            browser.click("#site-menu > summary").await;
        }
        browser.click("header.site a[href^='/selections']").await;
        arrived(&browser, "/selections", None).await;
        assert_eq!(
            browser.text("#total").await,
            "3",
            "{what}: the draft is not listed"
        );
        laid_out(&browser, lang, &what).await;
        browser
            .screenshot(&format!("selections-{lang}-{width}"))
            .await;
        filter_by_kind(&browser, width).await;
        assert_eq!(browser.text("#total").await, "1", "{what}");
        laid_out(&browser, lang, &format!("{what}, filtered")).await;
        to_the_selection(&browser, &published, lang, &what).await;
        browser
            .screenshot(&format!("selection-{lang}-{width}"))
            .await;
        browser
            .click("ol.selection-items > li:first-child h2 a")
            .await;
        let project = format!("/projects/{}", published.project);
        arrived(&browser, &project, None).await;
        laid_out(&browser, lang, &format!("{what}, the project")).await;
        back_through_its_selections(&browser, &published, lang, &what).await;
    }
    browser.close().await;
}

/// Chooses the TalkX sessions: on a laptop with the form's list (sent by the script, its
/// blank year dropped), on a phone with the kind's link.
async fn filter_by_kind(browser: &Browser, width: u32) {
    if width > 600 {
        browser.select("#kind", "talkx").await;
    } else {
        browser.click("#kind-talkx").await;
    }
    arrived(browser, "/selections", Some("kind=talkx")).await;
    assert!(browser.is_ticked("#kind option[value=talkx]").await);
}

/// Opens the TalkX session: its projects are numbered and show countries and tags.
async fn to_the_selection(browser: &Browser, published: &Published, lang: &str, what: &str) {
    browser.click(".selection-list h3 a").await;
    let page = format!("/selections/{}", published.talkx);
    arrived(browser, &page, None).await;
    let numbered = browser
        .client
        .execute(
            "const items = document.querySelectorAll('ol.selection-items > li');
             return [items.length, getComputedStyle(items[0]).listStyleType];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(numbered, json!([2, "decimal"]), "{what}");
    assert!(!browser
        .text("ol.selection-items .countries")
        .await
        .is_empty());
    assert!(!browser.text("ol.selection-items ul.tags").await.is_empty());
    laid_out(browser, lang, &format!("{what}, the selection")).await;
}

/// From the project, back to the session through the selections it is in, then to the
/// list of every selection.
async fn back_through_its_selections(
    browser: &Browser,
    published: &Published,
    lang: &str,
    what: &str,
) {
    let link = format!(
        "section.in-selections a[href^='/selections/{}']",
        published.talkx
    );
    let listed = browser.text("section.in-selections").await;
    assert!(
        listed.contains("TalkX: connected villages"),
        "{what}: {listed}"
    );
    assert!(
        !listed.contains("TalkX draft"),
        "{what}: an unpublished one"
    );
    browser.click(&link).await;
    arrived(browser, &format!("/selections/{}", published.talkx), None).await;
    browser.click("#all-selections").await;
    arrived(browser, "/selections", None).await;
    assert_eq!(browser.text("#total").await, "3");
    laid_out(browser, lang, &format!("{what}, back")).await;
}
