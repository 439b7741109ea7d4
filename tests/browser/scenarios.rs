//! What people do on the pages, in Chromium.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{seeded, submission_id, wait_until, App, Browser};

pub(crate) fn api_count(body: &Value, facet: &str, value: &str) -> u64 {
    body["facets"][facet][value].as_u64().unwrap_or(0)
}

/// The shown count of a facet value (`count-sdg-3`), as a number.
async fn shown_count(browser: &Browser, id: &str) -> u64 {
    browser.text(&format!("#{id}")).await.parse().unwrap()
}

/// Every SDG count and the total on the page equal the API's for the page's query.
pub(crate) async fn assert_counts_match_api(app: &App, browser: &Browser) {
    let url = browser.url().await;
    let api = app
        .api(&format!("/api/v1/search?{}", url.query().unwrap_or("")))
        .await;
    let total: u64 = browser.text("#total").await.parse().unwrap();
    assert_eq!(total, api["total"].as_u64().unwrap(), "total for {url}");
    for goal in 1..=17 {
        let shown = shown_count(browser, &format!("count-sdg-{goal}")).await;
        assert_eq!(
            shown,
            api_count(&api, "sdg", &goal.to_string()),
            "SDG {goal} at {url}"
        );
    }
    for line in ["C1", "C3", "C7", "C7-e-health", "C7-e-learning"] {
        let shown = shown_count(browser, &format!("count-action_line-{line}")).await;
        let code = line.replace("C7-", "C7.");
        assert_eq!(
            shown,
            api_count(&api, "action_line", &code),
            "{code} at {url}"
        );
    }
}

async fn total(browser: &Browser) -> u64 {
    browser.text("#total").await.parse().unwrap()
}

/// Clicks a facet checkbox and waits for the page of the new view.
async fn tick(browser: &Browser, checkbox: &str, expect_in_url: &str) {
    browser.click(checkbox).await;
    wait_until(&format!("the URL has {expect_in_url}"), || async {
        browser.url().await.as_str().contains(expect_in_url)
    })
    .await;
    browser.text("#total").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn facets_widen_and_narrow_like_the_api_and_the_url_reproduces_the_view() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let (first, second) = two_largest_sdgs(&app).await;
    browser.client.goto(&app.url("/")).await.unwrap();
    assert_counts_match_api(&app, &browser).await;
    browser.screenshot("search").await;

    tick(
        &browser,
        &format!("#f-sdg-{first}"),
        &format!("sdg={first}"),
    )
    .await;
    let one = total(&browser).await;
    assert_counts_match_api(&app, &browser).await;

    tick(
        &browser,
        &format!("#f-sdg-{second}"),
        &format!("sdg={second}"),
    )
    .await;
    let two = total(&browser).await;
    assert!(two > one, "a second SDG widens: {one} -> {two}");
    assert_counts_match_api(&app, &browser).await;

    let (id, three) = narrow_by_an_action_line(&app, &browser, two).await;
    reload_reproduces_the_view(
        &app,
        &browser,
        three,
        [format!("#f-sdg-{first}"), format!("#f-sdg-{second}"), id],
    )
    .await;
    enter_searches(&app, &browser).await;
    browser.close().await;
}

/// Two SDGs whose union is larger than either: the second one widens.
pub(crate) async fn two_largest_sdgs(app: &App) -> (String, String) {
    let all = app.api("/api/v1/search").await;
    let mut sdgs: Vec<(String, u64)> = all["facets"]["sdg"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    sdgs.sort_by_key(|s| std::cmp::Reverse(s.1));
    let first = sdgs[0].0.clone();
    let second = sdgs
        .iter()
        .skip(1)
        .map(|(k, _)| k.clone())
        .find(|k| k != &first)
        .unwrap();
    (first, second)
}

/// An Action Line present in some but not all of the current results narrows them; gives
/// its checkbox and the new total.
async fn narrow_by_an_action_line(app: &App, browser: &Browser, two: u64) -> (String, u64) {
    let url = browser.url().await;
    let api = app
        .api(&format!("/api/v1/search?{}", url.query().unwrap()))
        .await;
    let (line, _) = api["facets"]["action_line"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .find(|(_, n)| *n > 0 && *n < two)
        .unwrap();
    let id = format!("#f-action_line-{}", line.replace('.', "-"));
    tick(browser, &id, "action_line=").await;
    let three = total(browser).await;
    assert!(three < two, "an Action Line narrows: {two} -> {three}");
    assert_counts_match_api(app, browser).await;
    (id, three)
}

/// The URL alone reproduces the view: same total, same boxes ticked.
async fn reload_reproduces_the_view(app: &App, browser: &Browser, three: u64, ticked: [String; 3]) {
    let view = browser.url().await;
    browser.client.goto(&app.url("/")).await.unwrap();
    browser.client.goto(view.as_str()).await.unwrap();
    assert_eq!(total(browser).await, three);
    for checkbox in ticked {
        let ticked = browser.is_ticked(&checkbox).await;
        assert!(ticked, "{checkbox} is ticked after reload");
    }
}

/// Keyboard: type a query and press Enter.
async fn enter_searches(app: &App, browser: &Browser) {
    browser.client.goto(&app.url("/")).await.unwrap();
    browser.type_into("#q", "telemedicine").await;
    browser
        .type_into("#q", &String::from(char::from(Key::Enter)))
        .await;
    wait_until("the query is in the URL", || async {
        browser.url().await.as_str().contains("q=telemedicine")
    })
    .await;
    assert_counts_match_api(app, browser).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_corrected_submission_is_published_by_the_secretariat_and_found() {
    let app = App::start(false).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let title = "Quillfeather telemedicine vans for rural districts";
    an_incomplete_form_comes_back_filled_in(&app, &browser, title).await;
    let key = app.key("desk");
    let (id, link) = the_corrected_form_is_submitted_once(&app, &browser, &key).await;
    the_secretariat_publishes_it(&app, &browser, &id, &key).await;
    it_is_found_and_published(&app, &browser, title, &link).await;
    browser.close().await;
}

/// The form without a stakeholder type: refused, with every value kept.
async fn an_incomplete_form_comes_back_filled_in(app: &App, browser: &Browser, title: &str) {
    let c = &browser.client;
    c.goto(&app.url("/submit")).await.unwrap();
    browser.type_into("#title", title).await;
    browser
        .type_into(
            "#description",
            "Vans with satellite links bring doctors to villages.",
        )
        .await;
    browser.type_into("#organization", "Health on Wheels").await;
    browser.select("#scope", "national").await;
    // The countries picker: typed, then ticked.
    browser.type_into("#countries-filter", "Kenya").await;
    browser.click("#countries-option-KE").await;
    browser.click("#al-C7-e-health").await;
    browser.click("#sdg-3").await;
    browser.select("#status", "ongoing").await;
    c.execute(
        "document.getElementById('start_date').value = arguments[0]",
        vec![json!("2021-03-01")],
    )
    .await
    .unwrap();
    browser.select("#language", "en").await;
    browser.type_into("#contact_name", "Amina").await;
    browser
        .type_into("#contact_email", "amina@example.org")
        .await;
    // The stakeholder type is left out.
    browser.click("form.stack button[type=submit]").await;
    let error = browser.text("#stakeholder_type-error").await;
    assert!(!error.is_empty());
    let kept = browser.prop("#title", "value").await;
    assert_eq!(kept.as_deref(), Some(title));
    let description = browser.prop("#description", "value").await;
    assert_eq!(
        description.as_deref(),
        Some("Vans with satellite links bring doctors to villages.")
    );
    assert!(browser.is_ticked("#sdg-3").await);
    assert!(browser.is_ticked("#al-C7-e-health").await);
}

/// The form completed and sent: one submission, however often the answer is reloaded;
/// gives its id and edit link.
async fn the_corrected_form_is_submitted_once(
    app: &App,
    browser: &Browser,
    key: &str,
) -> (String, String) {
    let c = &browser.client;
    browser.select("#stakeholder_type", "civil_society").await;
    browser.click("form.stack button[type=submit]").await;
    let link = c
        .wait()
        .for_element(Locator::Css("#edit-link"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert!(link.contains("token="));
    let id = submission_id(&link);
    // The post led to a page that a reload only shows again: still one submission.
    assert!(browser.url().await.as_str().contains("submitted=1"));
    c.refresh().await.unwrap();
    browser.text("#submitted").await;
    let queue = app.api_with_key("/api/v1/moderation", key).await;
    assert_eq!(queue["total"], 1, "a reload submitted again: {queue}");
    c.goto(&app.url(&link)).await.unwrap();
    let state = browser.attr("#state-value", "data-state").await;
    assert_eq!(state.as_deref(), Some("pending"));

    (id, link)
}

/// The secretariat signs in and publishes it.
async fn the_secretariat_publishes_it(app: &App, browser: &Browser, id: &str, key: &str) {
    let c = &browser.client;
    c.goto(&app.url("/secretariat")).await.unwrap();
    browser.type_into("#key", key).await;
    browser.click("form.stack button[type=submit]").await;
    assert_eq!(browser.text("#signed-in").await, "desk");
    browser
        .click(&format!(
            "article[data-id='{id}'] form[action$='/publish'] button"
        ))
        .await;
    let done = browser
        .client
        .wait()
        .for_element(Locator::Css("#done"))
        .await
        .unwrap()
        .attr("data-state")
        .await
        .unwrap();
    assert_eq!(done.as_deref(), Some("published"));
}

/// It appears in search, and its page says it is published.
async fn it_is_found_and_published(app: &App, browser: &Browser, title: &str, link: &str) {
    let c = &browser.client;
    wait_until("the project is found", || async {
        c.goto(&app.url("/?q=quillfeather")).await.unwrap();
        c.find(Locator::Css(".hit h3 a"))
            .await
            .map(|_| true)
            .unwrap_or(false)
    })
    .await;
    assert_eq!(browser.text(".hit h3 a").await, title);
    c.goto(&app.url(link)).await.unwrap();
    let state = browser.attr("#state-value", "data-state").await;
    assert_eq!(state.as_deref(), Some("published"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_script_in_a_title_is_shown_as_text_and_never_runs() {
    let app = App::start(false).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let title = "<script>alert(1)</script> Solar kiosk";
    let body = json!({
        "title": title,
        "description": "Kiosks <img src=x onerror=\"document.title='pwned'\"> charge phones.",
        "organization": "<b>Kiosk Co</b>",
        "stakeholder_type": "private_sector", "scope": "local", "countries": ["GH"],
        "action_lines": ["C2"], "sdgs": [7], "covid19": false, "status": "ongoing",
        "start_date": "2022-01-01", "language": "en",
        "contact": {"name": "K", "email": "k@example.org"}
    });
    let created = app.send("POST", "/api/v1/projects", &[], &body).await;
    let id = created["id"].as_str().unwrap().to_string();
    let key = app.key("desk");
    let bearer = format!("Bearer {key}");
    let publish = format!("/api/v1/projects/{id}/publish?refresh=wait_for");
    app.send("POST", &publish, &[("authorization", &bearer)], &json!({}))
        .await;

    let c = &browser.client;
    for path in ["/?q=kiosk".to_string(), format!("/projects/{id}")] {
        c.goto(&app.url(&path)).await.unwrap();
        let heading = if path.starts_with("/projects") {
            browser.text("h1").await
        } else {
            browser.text(".hit h3 a").await
        };
        assert_eq!(heading, title, "{path}: the title is shown as text");
        assert!(c.get_alert_text().await.is_err(), "{path}: no alert opened");
        let document_title = c.title().await.unwrap();
        assert_ne!(document_title, "pwned", "{path}: no injected handler ran");
        let scripts = c.find_all(Locator::Css("script")).await.unwrap();
        assert_eq!(scripts.len(), 1, "{path}: only our own script element");
    }
    browser.close().await;
}

/// Controls without a label, and whether heading levels skip (or there is not exactly
/// one `h1`); with the page's address, title and opening text, to tell what was shown.
const AUDIT: &str = r#"
const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
const unlabelled = controls
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.name || e.id);
const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
const skipped = levels[0] !== 1 || levels.filter(l => l === 1).length !== 1
  || levels.some((l, i) => i > 0 && l > levels[i - 1] + 1);
const page = `${location.href} "${document.title}": ${(document.body ? document.body.innerText : '').slice(0, 300)}`;
return { unlabelled, skipped, levels, page };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn arabic_pages_are_right_to_left_and_pages_fit_a_phone() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/")).await.unwrap();
    browser.click("nav.languages a[lang=ar]").await;
    wait_until("the page is in Arabic", || async {
        browser.url().await.as_str().contains("lang=ar")
    })
    .await;
    let root = c.find(Locator::Css("html")).await.unwrap();
    assert_eq!(root.attr("dir").await.unwrap().as_deref(), Some("rtl"));
    assert_eq!(root.attr("lang").await.unwrap().as_deref(), Some("ar"));
    assert_eq!(
        browser.text("h1").await,
        "البحث في مشاريع تكنولوجيا المعلومات والاتصالات من أجل التنمية"
    );
    // Ticking a filter keeps the language.
    browser.click("#f-sdg-4").await;
    wait_until("the filter is applied", || async {
        browser.url().await.as_str().contains("sdg=4")
    })
    .await;
    assert!(browser.url().await.as_str().contains("lang=ar"));
    let root = c.find(Locator::Css("html")).await.unwrap();
    assert_eq!(root.attr("dir").await.unwrap().as_deref(), Some("rtl"));

    // Every control has a label, headings descend one level at a time from one h1, and
    // at phone width no page scrolls sideways.
    c.set_window_size(390, 844).await.unwrap();
    let any = app.api("/api/v1/search?per_page=1").await;
    let project = format!("/projects/{}", any["hits"][0]["id"].as_str().unwrap());
    for path in [
        "/?lang=ar",
        "/",
        "/covid19",
        "/submit",
        "/stats",
        "/secretariat",
        &project,
        "/?q=zzzznothing&sdg=1",
    ] {
        c.goto(&app.url(path)).await.unwrap();
        let audit = c.execute(AUDIT, vec![]).await.unwrap();
        assert_eq!(
            audit["unlabelled"],
            json!([]),
            "{path}: controls without a label"
        );
        assert_eq!(
            audit["skipped"],
            json!(false),
            "{path}: headings {} on {}",
            audit["levels"],
            audit["page"]
        );
        let fits = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, json!(true), "{path} fits a phone screen");
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_statistics_page_draws_charts_that_follow_the_filters() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/stats")).await.unwrap();
    let bars = c.find_all(Locator::Css("#chart-sdgs .bar")).await.unwrap();
    assert_eq!(bars.len(), 17);
    let api = app.api("/api/v1/search").await;
    assert_eq!(total(&browser).await, api["total"].as_u64().unwrap());
    browser.screenshot("stats").await;
    tick(&browser, "#f-region-africa", "region=africa").await;
    let api = app.api("/api/v1/search?region=africa").await;
    assert_eq!(total(&browser).await, api["total"].as_u64().unwrap());
    let regions = c
        .find_all(Locator::Css("#chart-regions .bar"))
        .await
        .unwrap();
    assert_eq!(regions.len(), 1, "only the chosen region is drawn");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_suggests_tags_from_the_text_and_keeps_what_was_typed() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/submit")).await.unwrap();
    let title = "Video consultations for district hospitals";
    browser.type_into("#title", title).await;
    browser
        .type_into(
            "#description",
            "Doctors examine patients of remote health posts by video; nurses keep electronic patient records.",
        )
        .await;
    assert!(!browser.is_ticked("#al-C7-e-health").await);
    browser.click("#suggest-tags").await;
    let heading = browser.text("#suggestions-heading").await;
    assert!(!heading.is_empty());
    assert!(
        browser.is_ticked("#al-C7-e-health").await,
        "the suggestion is ticked"
    );
    assert!(browser.is_ticked("#sdg-3").await);
    assert_eq!(
        browser.prop("#title", "value").await.as_deref(),
        Some(title)
    );
    // The page still submits with Enter-free clicking on the main button.
    browser.screenshot("suggest-tags").await;
    browser.close().await;
}
