//! The submitter's private page in Chromium (issue 17): two tabs edit one project; the
//! later save comes back with the typed text kept beside the other tab's change, and a
//! second save applies it; withdrawing asks for its confirmation in the page's language and
//! then says it is done; on a wide screen and on a phone.

use fantoccini::Locator;
use serde_json::json;

use crate::harness::{wait_until, App, Browser};

const TYPED: &str = "Nurses in twelve clinics consult doctors by video, now with a night line.";
const OTHER_TITLE: &str = "Rural telemedicine, renamed in the other tab";

/// A pending project made through the API; gives its private link and title.
async fn a_submission(app: &App, n: u32) -> (String, String) {
    let title = format!("Mobile telemedicine for rural clinics {n}");
    let body = json!({
        "title": title,
        "description": "Nurses in twelve clinics consult doctors by video.",
        "organization": "Rural Health Link", "stakeholder_type": "civil_society",
        "scope": "regional", "countries": ["KE", "TZ"], "action_lines": ["C7.e-health"],
        "sdgs": [3], "covid19": false, "status": "ongoing", "start_date": "2020-04-01",
        "language": "en", "contact": {"name": "Amina", "email": "amina@example.org"}
    });
    let created = app.send("POST", "/api/v1/projects", &[], &body).await;
    let id = created["id"].as_str().unwrap();
    let token = created["edit_token"].as_str().unwrap();
    (format!("/submissions/{id}?token={token}"), title)
}

/// Replaces the text of a field.
async fn retype(browser: &Browser, css: &str, text: &str) {
    let field = browser.client.find(Locator::Css(css)).await.unwrap();
    field.clear().await.unwrap();
    browser.type_into(css, text).await;
}

/// Saves the revision form and waits for the page that says it was saved.
async fn save(browser: &Browser) {
    browser.click("form.stack button[type=submit]").await;
    wait_until("the revision is saved", || async {
        browser.url().await.as_str().contains("done=1")
    })
    .await;
}

/// Where the saved and the typed values of the changed title sit: (saved, typed) boxes as
/// [left, top, right, bottom], and whether the page scrolls sideways.
const PLACES: &str = r#"
const box = s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
return { saved: box('#changed-title .side.saved'), typed: box('#changed-title .side.typed'),
         wide: document.documentElement.scrollWidth > window.innerWidth + 1 };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_edit_one_project_and_the_later_save_keeps_its_text_beside_the_other() {
    let app = App::start(false).await;
    let Some(first) = Browser::start().await else {
        return;
    };
    let Some(second) = Browser::start().await else {
        return;
    };
    for (n, (width, height)) in [(1366, 900), (390, 844)].into_iter().enumerate() {
        first.client.set_window_size(width, height).await.unwrap();
        second.client.set_window_size(width, height).await.unwrap();
        let (link, title) = a_submission(&app, n as u32).await;
        first.client.goto(&app.url(&link)).await.unwrap();
        second.client.goto(&app.url(&link)).await.unwrap();
        // The second tab saves a new title; the first, still at version 1, a description.
        retype(&second, "#title", OTHER_TITLE).await;
        save(&second).await;
        retype(&first, "#description", TYPED).await;
        first.click("form.stack button[type=submit]").await;
        the_stale_save_shows_both(&first, &title, width).await;
        first.screenshot(&format!("edit-conflict-{width}")).await;

        // Saved again: the typed text applies on the current version.
        save(&first).await;
        second.client.goto(&app.url(&link)).await.unwrap();
        assert_eq!(second.text("dd.description").await, TYPED);
        assert_eq!(second.text("h1").await, format!("Your submission: {title}"));
        let version = second.text("#state").await;
        assert!(version.ends_with("Version 3"), "{version}");
    }
    first.close().await;
    second.close().await;
}

/// The stale save's page: the typed text kept in the form, the other tab's title beside
/// the typed one (side by side on a wide screen, one above the other on a phone, never
/// wider than the screen), the note on applying it, and the form on version 2.
async fn the_stale_save_shows_both(browser: &Browser, title: &str, width: u32) {
    let heading = browser.text("#changed-heading").await;
    assert_eq!(heading, "Changed while you were editing");
    let typed = browser.prop("#description", "value").await;
    assert_eq!(typed.as_deref(), Some(TYPED), "the typed text is kept");
    let saved = browser.text("#changed-title .side.saved").await;
    assert!(saved.contains(OTHER_TITLE), "{saved}");
    assert!(saved.contains("Version 2"), "{saved}");
    let mine = browser.text("#changed-title .side.typed").await;
    assert!(mine.contains(title), "{mine}");
    let only_title = browser
        .client
        .find_all(Locator::Css("#changed-meanwhile .compare"))
        .await
        .unwrap();
    assert_eq!(only_title.len(), 1, "only the title changed meanwhile");
    assert!(!browser.text("#apply-note").await.is_empty());
    let version = browser
        .attr("form.stack input[name=version]", "value")
        .await;
    assert_eq!(version.as_deref(), Some("2"));
    let places = browser.client.execute(PLACES, vec![]).await.unwrap();
    let edge = |side: &str, i: usize| places[side][i].as_f64().unwrap();
    assert_eq!(places["wide"], json!(false), "fits {width} px");
    if width > 1000 {
        assert!(
            edge("typed", 0) >= edge("saved", 2),
            "side by side: {places}"
        );
    } else {
        assert!(
            edge("typed", 1) >= edge("saved", 3),
            "one above the other: {places}"
        );
    }
}

/// The text of the element matching `css`, once the page has it.
async fn text_once_there(browser: &Browser, css: &str) -> String {
    let script = format!("return !!document.querySelector('{css}')");
    wait_until(&format!("{css} is on the page"), || async {
        browser.run(&script).await == json!(true)
    })
    .await;
    browser.text(css).await
}

#[tokio::test(flavor = "multi_thread")]
async fn withdrawing_asks_to_confirm_in_the_page_language_then_says_it_is_done() {
    let app = App::start(false).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    for (n, (width, height)) in [(1366, 900), (390, 844)].into_iter().enumerate() {
        browser.client.set_window_size(width, height).await.unwrap();
        let (link, _) = a_submission(&app, 10 + n as u32).await;
        browser
            .client
            .goto(&app.url(&format!("{link}&lang=fr")))
            .await
            .unwrap();
        // Unticked: the page's own French message, not the browser's bubble.
        browser.click("#withdraw button[type=submit]").await;
        let asked = text_once_there(&browser, "#confirm-error").await;
        assert!(
            asked.starts_with("Rien n'a été retiré"),
            "{width} px: {asked}"
        );
        assert!(browser.text("h1").await.len() > 1, "still the private page");
        browser.click("#confirm").await;
        browser.click("#withdraw button[type=submit]").await;
        let done = text_once_there(&browser, "#withdrawn").await;
        assert!(
            done.starts_with("Ce projet a été retiré"),
            "{width} px: {done}"
        );
        // A reload does not post again: the same page, still withdrawn.
        browser.client.refresh().await.unwrap();
        assert!(browser
            .text("#withdrawn")
            .await
            .starts_with("Ce projet a été retiré"));
    }
    browser.close().await;
}
