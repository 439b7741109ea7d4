//! The public selections in Chromium (issue 17, point 9): a researcher filters the list by
//! kind, opens a selection, follows one of its projects and comes back through the
//! selections that project is in; on a laptop and a phone, in English and Arabic. The
//! secretariat builds one: search with a filter, add, notes, moves, drag, kinds' fields.

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::harness::{seeded, wait_until, App, Browser};
use crate::search_scenarios::press;

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

/// The secretariat's builder (issue 17, point 10), signed in: a TalkX session of three
/// projects found with a country filter, their notes saved at once, moved by keyboard,
/// button and drag; the kinds' fields. On a laptop and a phone.
#[tokio::test(flavor = "multi_thread")]
async fn the_secretariat_builds_a_selection_by_search_notes_moves_and_drag_on_laptop_and_phone() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let key = app.key("curator");
    browser.client.goto(&app.url("/secretariat")).await.unwrap();
    browser.type_into("#key", &key).await;
    browser.click("form.stack button[type=submit]").await;
    assert_eq!(browser.text("#signed-in").await, "curator");
    let country = commonest_country(&app).await;
    for width in [1366, 390] {
        browser.client.set_window_size(width, 900).await.unwrap();
        let builder = new_session(&app, &key, width).await;
        let hits = found_with_a_facet(&browser, &app, &builder, &country).await;
        let [a, b, c] = [hits[2].as_str(), hits[0].as_str(), hits[1].as_str()];
        added(&browser, &country, c).await;
        added(&browser, &country, a).await;
        added(&browser, &country, b).await;
        assert_eq!(entries(&browser).await, [c, a, b], "at {width} px");
        notes_saved_at_once(&browser, &app, &key, &builder, [c, a]).await;
        moved_by_keyboard_and_button(&browser, [c, a, b]).await;
        dragged(&browser, [a, b, c]).await;
        browser
            .screenshot(&format!("selection-builder-{width}"))
            .await;
        kinds_show_their_fields(&browser, &app, &builder).await;
    }
    browser.close().await;
}

/// The country most published projects name.
async fn commonest_country(app: &App) -> String {
    let all = app.api("/api/v1/search?per_page=1").await;
    let countries = all["facets"]["country"].as_object().unwrap();
    let (code, n) = countries
        .iter()
        .max_by_key(|(_, n)| n.as_u64().unwrap())
        .unwrap();
    assert!(n.as_u64().unwrap() >= 3, "three projects in {code}");
    code.clone()
}

/// A new empty TalkX session; its builder's address.
async fn new_session(app: &App, key: &str, width: u32) -> String {
    let body =
        json!({"kind": "talkx", "title": format!("TalkX at {width} px"), "date": "2026-07-08"});
    let request = reqwest::Client::new()
        .post(app.url("/api/v1/selections"))
        .bearer_auth(key);
    let response = request.json(&body).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    format!(
        "/secretariat/selections/{}",
        created["id"].as_str().unwrap()
    )
}

/// The builder's search for the country's projects: the filter is ticked and each hit
/// shows its country, year, tags and link; the ids of the last three.
async fn found_with_a_facet(
    browser: &Browser,
    app: &App,
    builder: &str,
    country: &str,
) -> Vec<String> {
    let page = app.url(&format!("{builder}?country={country}"));
    browser.client.goto(&page).await.unwrap();
    assert!(browser.is_ticked(&format!("#f-country-{country}")).await);
    let hits = browser
        .run(
            "return [...document.querySelectorAll('#candidates > li')].map(li => ({
               id: li.id.replace('hit-', ''),
               link: li.querySelector('h3 a').getAttribute('href'),
               countries: li.querySelector('.countries').textContent,
               year: li.querySelector('.year').textContent,
               tags: li.querySelectorAll('ul.tags li').length,
             }));",
        )
        .await;
    let hits = hits.as_array().unwrap();
    assert!(hits.len() >= 3);
    for hit in hits {
        let id = hit["id"].as_str().unwrap();
        assert_eq!(hit["link"], format!("/projects/{id}"));
        assert!(!hit["countries"].as_str().unwrap().is_empty(), "{hit}");
        assert!(!hit["year"].as_str().unwrap().is_empty(), "{hit}");
        assert!(hit["tags"].as_u64().unwrap() > 0, "{hit}");
    }
    hits[hits.len() - 3..]
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// Where the window and the element `id` are, and whether the element is in view.
async fn in_view(browser: &Browser, id: &str) -> Value {
    browser
        .run(&format!(
            "const box = document.getElementById('{id}').getBoundingClientRect();
             return {{ top: box.top, y: window.scrollY, shown: box.top > -1 && box.top < window.innerHeight }};"
        ))
        .await
}

/// Waits until the address's fragment is `anchor` and the page has loaded: the element is
/// then in view (the window scrolled to it, the hits being below the fold).
async fn back_at(browser: &Browser, anchor: &str) {
    wait_until(&format!("the page at #{anchor}"), || async {
        let loaded = browser
            .run("return document.readyState === 'complete';")
            .await;
        browser.url().await.fragment() == Some(anchor) && loaded == true
    })
    .await;
    let view = in_view(browser, anchor).await;
    assert_eq!(view["shown"], true, "#{anchor} is in view: {view}");
}

/// The id of the element that has the focus.
async fn focused_on(browser: &Browser, id: &str) {
    wait_until(&format!("the focus is on #{id}"), || async {
        browser.run("return document.activeElement.id;").await == json!(id)
    })
    .await;
}

/// Adds a hit with its button: the page comes back to the same search at the new entry,
/// which has the focus; the hit now says it is in the selection.
async fn added(browser: &Browser, country: &str, project: &str) {
    browser
        .click(&format!("#hit-{project} button[type=submit]"))
        .await;
    back_at(browser, &format!("entry-{project}")).await;
    focused_on(browser, &format!("entry-{project}")).await;
    let url = browser.url().await;
    assert!(url
        .query()
        .unwrap_or("")
        .contains(&format!("country={country}")));
    assert_eq!(
        browser
            .text(&format!("#hit-{project} .already-added"))
            .await,
        "Already in this selection"
    );
}

/// The selection's entries, in the page's order.
async fn entries(browser: &Browser) -> Vec<String> {
    let ids = browser
        .run("return [...document.querySelectorAll('#items > li')].map(li => li.dataset.entry);")
        .await;
    serde_json::from_value(ids).unwrap()
}

/// Two notes typed, one button: both are saved.
async fn notes_saved_at_once(
    browser: &Browser,
    app: &App,
    key: &str,
    builder: &str,
    projects: [&str; 2],
) {
    browser
        .type_into(&format!("#note-{}", projects[0]), "Opens the session")
        .await;
    browser
        .type_into(&format!("#note-{}", projects[1]), "Answers questions")
        .await;
    browser.click("#save-notes").await;
    back_at(browser, "saved").await;
    focused_on(browser, "saved").await;
    assert_eq!(browser.text("#saved").await, "Saved.");
    let id = builder.rsplit('/').next().unwrap();
    let saved = app
        .api_with_key(&format!("/api/v1/selections/{id}"), key)
        .await;
    let notes: Vec<&Value> = saved["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["note"])
        .collect();
    assert_eq!(
        notes,
        [
            &json!("Opens the session"),
            &json!("Answers questions"),
            &Value::Null
        ]
    );
}

/// Enter on the first entry's "Move down" moves it and keeps the focus on that button;
/// the "Move up" button brings the last one up; the page comes back at the moved entry.
async fn moved_by_keyboard_and_button(browser: &Browser, [c, a, b]: [&str; 3]) {
    browser
        .run(&format!(
            "document.querySelector('#entry-{c} button[data-op=down]').focus(); return true;"
        ))
        .await;
    press(browser, Key::Enter).await;
    back_at(browser, &format!("entry-{c}")).await;
    assert_eq!(entries(browser).await, [a, c, b]);
    let focused = "const f = document.activeElement, row = f.closest('li');
                   return [row && row.dataset.entry, f.dataset.op || f.tagName];";
    wait_until("the focus is on the moved entry's button", || async {
        browser.run(focused).await == json!([c, "down"])
    })
    .await;
    browser
        .click(&format!("#entry-{b} button[data-op=up]"))
        .await;
    back_at(browser, &format!("entry-{b}")).await;
    assert_eq!(entries(browser).await, [a, b, c]);
}

/// The last entry dragged by its handle onto the first goes before it; the order is saved
/// and stays after a reload.
async fn dragged(browser: &Browser, [a, b, c]: [&str; 3]) {
    let script = format!(
        "const handle = document.querySelector('#entry-{c} .handle');
         const target = document.getElementById('entry-{a}');
         const data = new DataTransfer();
         const at = () => target.getBoundingClientRect().top + 2;
         const drag = (element, type) => element.dispatchEvent(new DragEvent(type,
           {{ bubbles: true, cancelable: true, dataTransfer: data, clientY: at() }}));
         drag(handle, 'dragstart');
         drag(target, 'dragenter');
         drag(target, 'dragover');
         drag(target, 'drop');
         drag(handle, 'dragend');
         return getComputedStyle(handle).cursor;"
    );
    assert_eq!(browser.run(&script).await, "grab");
    wait_until("the new order is saved", || async {
        browser.text("#order-status").await == "The new order is saved."
    })
    .await;
    assert_eq!(entries(browser).await, [c, a, b]);
    browser.client.refresh().await.unwrap();
    assert_eq!(entries(browser).await, [c, a, b], "after a reload");
}

/// The session's own form has its kind's fields alone; the new-selection form shows the
/// chosen kind's fields.
async fn kinds_show_their_fields(browser: &Browser, app: &App, builder: &str) {
    let fields = "return ['theme', 'date', 'category', 'year'].filter(f => {
                    const field = document.querySelector('#' + f);
                    return field && !field.closest('[hidden]') && !field.disabled;
                  });";
    browser.client.goto(&app.url(builder)).await.unwrap();
    assert_eq!(browser.run(fields).await, json!(["theme", "date"]));
    let fits = "return document.documentElement.scrollWidth <= window.innerWidth + 1;";
    assert_eq!(
        browser.run(fits).await,
        true,
        "the builder scrolls sideways"
    );
    browser
        .client
        .goto(&app.url("/secretariat/selections"))
        .await
        .unwrap();
    for (kind, shown) in [
        ("talkx", json!(["theme", "date"])),
        ("prizes_shortlist", json!(["date", "category", "year"])),
        ("report", json!(["theme", "date", "category"])),
        ("collection", json!(["theme"])),
    ] {
        browser.select("#kind", kind).await;
        assert_eq!(browser.run(fields).await, shown, "{kind}");
    }
    assert_eq!(browser.run(fits).await, true, "the list scrolls sideways");
}
