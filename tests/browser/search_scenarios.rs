//! The search page on a phone and a desktop, with and without JavaScript: results first,
//! filters and menu behind disclosures, filters applied in place with focus kept, a skip
//! link to the results.

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::harness::{seeded, wait_until, App, Browser};
use crate::scenarios::{assert_counts_match_api, two_largest_sdgs};

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1366, 900);

/// Whether the element matching a selector is rendered (not inside a closed disclosure).
async fn shown(browser: &Browser, css: &str) -> bool {
    let script = format!(
        "const e = document.querySelector({css:?}); \
         return !!e && e.checkVisibility({{ contentVisibilityAuto: true, visibilityProperty: true }});"
    );
    browser.run(&script).await == json!(true)
}

/// The top of an element relative to the viewport, in CSS pixels.
async fn top_of(browser: &Browser, css: &str) -> f64 {
    let script = format!("return document.querySelector({css:?}).getBoundingClientRect().top;");
    browser.run(&script).await.as_f64().unwrap()
}

/// Opens `path` in a window of `size`.
async fn open(app: &App, browser: &Browser, (width, height): (u32, u32), path: &str) {
    browser.client.set_window_size(width, height).await.unwrap();
    browser.client.goto(&app.url(path)).await.unwrap();
}

/// On a wide screen the filters and the menu are shown, their disclosures' summaries not.
async fn wide_screens_show_filters_and_menu(app: &App, browser: &Browser) {
    open(app, browser, DESKTOP, "/").await;
    let filters = shown(browser, "#f-sdg-3").await;
    assert!(filters, "wide screens show the filters");
    assert!(shown(browser, "nav.languages").await, "and the menu");
    assert!(!shown(browser, "#filters-panel > summary").await);
}

/// Presses a key in the focused element.
pub(crate) async fn press(browser: &Browser, key: Key) {
    let active = browser.client.active_element().await.unwrap();
    active
        .send_keys(&String::from(char::from(key)))
        .await
        .unwrap();
}

/// The id of the focused element.
async fn focused(browser: &Browser) -> String {
    let id = browser
        .run("return document.activeElement && document.activeElement.id")
        .await;
    id.as_str().unwrap_or_default().to_string()
}

/// Whether the sort label and its list share a line, and the count starts at the line's
/// start edge (the right one right to left).
const RESULTS_HEAD: &str = r##"
const box = e => document.querySelector(e).getBoundingClientRect();
const label = box("label[for=sort]"), list = box("#sort"), count = box("#result-count");
const head = box(".results-head");
const rtl = getComputedStyle(document.querySelector(".results-head")).direction === "rtl";
const start = rtl ? Math.abs(count.right - head.right) : Math.abs(count.left - head.left);
return [Math.abs(label.top + label.height / 2 - (list.top + list.height / 2)) < 12, start < 2,
        label.top, list.top, count.left, count.right, head.left, head.right];
"##;

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_results_come_first_and_filters_and_menu_open_on_demand() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    for lang in ["en", "fr", "ar"] {
        open(&app, &browser, PHONE, &format!("/?lang={lang}")).await;
        let screen: f64 = browser
            .run("return window.innerHeight")
            .await
            .as_f64()
            .unwrap();
        let first = top_of(&browser, "ol.hits li.hit").await;
        assert!(
            first < screen,
            "{lang}: the first result at {first}px is on the first screen ({screen}px)"
        );
        let header: f64 = browser
            .run("return document.querySelector('header.site').offsetHeight")
            .await
            .as_f64()
            .unwrap();
        assert!(header <= 64.0, "{lang}: a compact header, not {header}px");
        let head = browser.run(RESULTS_HEAD).await;
        assert_eq!(
            head[0],
            json!(true),
            "{lang}: the sort label beside its list: {head}"
        );
        assert_eq!(
            head[1],
            json!(true),
            "{lang}: the count at the line's start: {head}"
        );
        assert!(!shown(&browser, "#f-sdg-3").await, "{lang}: filters folded");
        assert!(
            !shown(&browser, "nav.languages").await,
            "{lang}: menu folded"
        );
        browser.screenshot(&format!("search-phone-{lang}")).await;
    }
    // A filter left out is said on the first screen of a phone, where the filters are below.
    for path in ["/?lang=fr&sdg=99", "/stats?year_from=2020&year_to=2010"] {
        open(&app, &browser, PHONE, path).await;
        let top = top_of(&browser, "#filter-left-out").await;
        assert!(
            shown(&browser, "#filter-left-out").await && top < 844.0,
            "{path}: {top}"
        );
        open(&app, &browser, DESKTOP, path).await;
        assert!(
            !shown(&browser, "#filter-left-out").await,
            "{path}: beside the filter only"
        );
        browser
            .client
            .set_window_size(PHONE.0, PHONE.1)
            .await
            .unwrap();
    }
    browser.client.goto(&app.url("/")).await.unwrap();
    browser.click("#site-menu > summary").await;
    assert!(shown(&browser, "nav.languages").await, "the menu opens");
    press(&browser, Key::Escape).await;
    assert!(
        !shown(&browser, "nav.languages").await,
        "Escape folds the menu"
    );
    let on_button = "return document.activeElement.matches('#site-menu > summary')";
    assert_eq!(
        browser.run(on_button).await,
        json!(true),
        "the focus on the menu's button"
    );
    browser.click("#site-menu > summary").await;
    browser.click("#site-menu > summary").await;
    browser.click("#filters-panel > summary").await;
    assert!(shown(&browser, "#f-sdg-3").await, "the filters open");
    browser.screenshot("search-phone-filters").await;
    browser.click("#f-sdg-3").await;
    wait_until("the filter is applied", || async {
        browser.url().await.as_str().contains("sdg=3")
    })
    .await;
    assert_eq!(browser.text("#filters-set").await, "1", "Filters (1)");
    assert!(shown(&browser, "#f-sdg-3").await, "the filters stay open");

    wide_screens_show_filters_and_menu(&app, &browser).await;
    browser.screenshot("search-desktop").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_javascript_filters_sort_and_pages_change_in_place_and_keep_focus() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let (sdg, _) = two_largest_sdgs(&app).await;
    for size in [DESKTOP, PHONE] {
        open(&app, &browser, size, "/").await;
        browser.run("window.stayed = true; return 0").await;
        if size == PHONE {
            browser.click("#filters-panel > summary").await;
        }
        let checkbox = format!("f-sdg-{sdg}");
        browser.click(&format!("#{checkbox}")).await;
        wait_until("the filter is in the URL", || async {
            browser.url().await.as_str().contains(&format!("sdg={sdg}"))
        })
        .await;
        assert_counts_match_api(&app, &browser).await;
        assert_eq!(
            focused(&browser).await,
            checkbox,
            "focus stays on the checkbox"
        );
        browser.select("#sort", "title").await;
        wait_until("the sort is in the URL", || async {
            browser.url().await.as_str().contains("sort=title")
        })
        .await;
        assert_eq!(focused(&browser).await, "sort", "focus stays on the sort");
        browser.click(".pagination a[rel=next]").await;
        wait_until("page 2 is in the URL", || async {
            browser.url().await.as_str().contains("page=2")
        })
        .await;
        assert_eq!(
            focused(&browser).await,
            "result-count",
            "paging moves to the results"
        );
        let stayed = browser.run("return window.stayed === true").await;
        assert_eq!(
            stayed,
            json!(true),
            "no page load: filter, sort and page in place"
        );
        assert!(
            !browser.url().await.as_str().contains("q="),
            "no empty parameter"
        );
        browser.client.back().await.unwrap();
        wait_until("back to page 1", || async {
            !browser.url().await.as_str().contains("page=2")
        })
        .await;
        // Read in one script: the results may be replaced between two WebDriver calls.
        let current = "const c = document.querySelector('.pagination [aria-current=page]'); \
                       return !!c && c.textContent.trim().endsWith('1');";
        wait_until("page 1 is shown again", || async {
            browser.run(current).await == json!(true)
        })
        .await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_skip_link_leads_from_the_query_box_to_the_results() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    open(&app, &browser, DESKTOP, "/?lang=fr").await;
    browser.click("#q").await;
    let mut presses = 0;
    while focused(&browser).await != "skip-results" && presses < 5 {
        press(&browser, Key::Tab).await;
        presses += 1;
    }
    assert_eq!(
        focused(&browser).await,
        "skip-results",
        "within {presses} presses"
    );
    assert_eq!(browser.text("#skip-results").await, "Aller aux résultats");
    assert!(
        shown(&browser, "#skip-results").await,
        "visible when focused"
    );
    press(&browser, Key::Enter).await;
    wait_until("the results have focus", || async {
        focused(&browser).await == "results"
    })
    .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_disclosures_work_and_filters_reload_the_page() {
    let Some((app, browser)) = seeded(Browser::start_without_script()).await else {
        return;
    };
    wide_screens_show_filters_and_menu(&app, &browser).await;
    open(&app, &browser, PHONE, "/").await;
    assert!(
        !shown(&browser, "#f-sdg-3").await,
        "filters folded on a phone"
    );
    browser.click("#filters-panel > summary").await;
    browser.click("#f-sdg-3").await;
    browser.click("button.apply").await;
    wait_until("the filter is applied by a page load", || async {
        browser.url().await.as_str().contains("sdg=3")
    })
    .await;
    assert!(browser.is_ticked("#f-sdg-3").await);
    assert_eq!(browser.text("#filters-set").await, "1");
    browser.close().await;
}

/// An attribute of the query box, read in one script.
async fn query_box(browser: &Browser, attribute: &str) -> Value {
    browser
        .run(&format!(
            "return document.getElementById('q').getAttribute({attribute:?});"
        ))
        .await
}

async fn suggestions_open(browser: &Browser) {
    wait_until("the suggestions are open", || async {
        query_box(browser, "aria-expanded").await == json!("true")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_query_box_offers_filters_projects_and_organizations_by_keyboard() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    open(&app, &browser, DESKTOP, "/?lang=fr").await;
    assert_eq!(query_box(&browser, "role").await, json!("combobox"));
    assert_eq!(
        query_box(&browser, "aria-controls").await,
        json!("q-suggestions")
    );
    browser.click("#q").await;
    browser.type_into("#q", "heal").await;
    suggestions_open(&browser).await;
    let first = browser.text("#q-suggestions [role=option]").await;
    assert_eq!(
        first, "C7 Cybersanté",
        "Action Line labels in the page's language"
    );
    press(&browser, Key::Down).await;
    assert_eq!(
        query_box(&browser, "aria-activedescendant").await,
        json!("q-suggestions-0")
    );
    let selected = browser.attr("#q-suggestions-0", "aria-selected").await;
    assert_eq!(selected.as_deref(), Some("true"));
    browser.run("window.stayed = true; return 0").await;
    press(&browser, Key::Enter).await;
    wait_until("the filter is applied", || async {
        browser
            .url()
            .await
            .as_str()
            .contains("action_line=C7.e-health")
    })
    .await;
    assert_eq!(
        browser.run("return window.stayed === true").await,
        json!(true)
    );
    assert_eq!(
        browser.prop("#q", "value").await.as_deref(),
        Some(""),
        "the words that named it go"
    );
    assert_eq!(query_box(&browser, "aria-expanded").await, json!("false"));
    assert!(browser.is_ticked("#f-action_line-C7-e-health").await);

    // Escape closes the list; a project title opens the project.
    browser.type_into("#q", "tele").await;
    suggestions_open(&browser).await;
    press(&browser, Key::Escape).await;
    assert_eq!(query_box(&browser, "aria-expanded").await, json!("false"));
    let select_all = "const q = document.getElementById('q'); q.value = ''; return 0";
    browser.run(select_all).await;
    browser.type_into("#q", "marine").await;
    suggestions_open(&browser).await;
    browser.screenshot("suggestions").await;
    let project = browser.text("#q-suggestions-0").await;
    assert!(project.starts_with("Open marine"), "{project}");
    press(&browser, Key::Down).await;
    press(&browser, Key::Enter).await;
    wait_until("the project opens", || async {
        browser.url().await.path().starts_with("/projects/")
    })
    .await;
    assert_eq!(browser.text("h1").await, project);
    assert!(browser.url().await.as_str().contains("lang=fr"));
    browser.close().await;
}
