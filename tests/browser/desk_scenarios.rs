//! The secretariat's desk at a desktop width and a phone's (issue 17, point 11): sign in,
//! filter the queue, read a revision's changes, publish it (the notice names it) and
//! unpublish another project with a reason.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{seeded, wait_until, App, Browser};

/// A submission through the API, with `title`.
fn submission(title: &str) -> Value {
    json!({
        "title": title,
        "description": "Volunteers build and run a wireless network for the valley, with a solar-powered mast.",
        "organization": "Valley Networks Trust",
        "stakeholder_type": "civil_society",
        "scope": "local",
        "countries": ["KE"],
        "action_lines": ["C2"],
        "sdgs": [9],
        "covid19": false,
        "status": "ongoing",
        "start_date": "2019-06-01",
        "language": "en",
        "contact": {"name": "Grace", "email": "grace@example.org"}
    })
}

/// A published project (its id and edit token).
async fn published(app: &App, key: &str, title: &str) -> (String, String) {
    let made = app
        .send("POST", "/api/v1/projects", &[], &submission(title))
        .await;
    let id = made["id"].as_str().unwrap().to_string();
    let bearer = format!("Bearer {key}");
    let path = format!("/api/v1/projects/{id}/publish?refresh=wait_for");
    app.send("POST", &path, &[("authorization", &bearer)], &json!({}))
        .await;
    (id, made["edit_token"].as_str().unwrap().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_secretariat_filters_reads_a_revision_publishes_it_and_unpublishes_another() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let key = app.key("desk");
    let c = &browser.client;
    c.goto(&app.url("/secretariat")).await.unwrap();
    browser.type_into("#key", &key).await;
    browser.click("form.stack button[type=submit]").await;
    assert_eq!(browser.text("#signed-in").await, "desk");
    for (width, height) in [(1366, 900), (390, 844)] {
        c.set_window_size(width, height).await.unwrap();
        let (revised, token) = published(&app, &key, &format!("Valley mesh network {width}")).await;
        let mut changed = submission(&format!("Valley fibre network {width}"));
        changed["sdgs"] = json!([9, 4]);
        let path = format!("/api/v1/projects/{revised}");
        let edit = [("x-edit-token", token.as_str()), ("if-match", "2")];
        app.send("PUT", &path, &edit, &changed).await;
        let (other, _) = published(&app, &key, &format!("Harbour radio school {width}")).await;

        a_revision_is_filtered_read_and_published(&app, &browser, &revised, width).await;
        another_is_unpublished(&app, &browser, (&other, &key), width).await;
        let overflows: bool = c
            .execute(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap();
        assert!(!overflows, "no sideways scrolling at {width} px");
    }
    browser.close().await;
}

/// The queue filtered to revisions containing "valley": the revision with its changes;
/// published, the notice names it.
async fn a_revision_is_filtered_read_and_published(
    app: &App,
    browser: &Browser,
    id: &str,
    width: u32,
) {
    let c = &browser.client;
    c.goto(&app.url("/secretariat")).await.unwrap();
    browser.select("#show", "revision").await;
    browser.type_into("#text", "valley").await;
    browser.click(".queue-filter button[type=submit]").await;
    wait_until("the filter is in the URL", || async {
        browser
            .url()
            .await
            .query()
            .is_some_and(|q| q.contains("show=revision"))
    })
    .await;
    let item = format!("article.queue-item[data-id='{id}']");
    let inserted = browser.text(&format!("{item} .changes dd.words ins")).await;
    assert_eq!(inserted, "fibre");
    assert_eq!(
        browser.text(&format!("{item} .changes dd.words del")).await,
        "mesh"
    );
    browser.screenshot(&format!("desk-revision-{width}")).await;
    browser
        .click(&format!("{item} form[action$='/publish'] button"))
        .await;
    let title = c
        .wait()
        .for_element(Locator::Css("#done-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, format!("Valley fibre network {width}"));
    // The notice is read first, and the queue keeps its filter.
    wait_until("the focus is on the notice", || async {
        browser.run("return document.activeElement.id;").await == "done"
    })
    .await;
    let query = browser.url().await.query().unwrap_or("").to_string();
    assert!(
        query.contains("show=revision") && query.contains("text=valley"),
        "{query}"
    );
}

/// A published project unpublished with a reason and the confirmation ticked.
async fn another_is_unpublished(app: &App, browser: &Browser, (id, key): (&str, &str), width: u32) {
    let c = &browser.client;
    c.goto(&app.url("/secretariat?show=published&text=harbour"))
        .await
        .unwrap();
    let item = format!("article.queue-item[data-id='{id}']");
    browser
        .type_into(
            &format!("{item} textarea[name=reason]"),
            "Asked by the organization.",
        )
        .await;
    browser.click(&format!("{item} input[name=confirm]")).await;
    browser.screenshot(&format!("desk-unpublish-{width}")).await;
    browser
        .click(&format!("{item} form[action$='/unpublish'] button"))
        .await;
    let done = c.wait().for_element(Locator::Css("#done")).await.unwrap();
    assert_eq!(
        done.attr("data-state").await.unwrap().as_deref(),
        Some("unpublished")
    );
    assert_eq!(
        browser.text("#done-title").await,
        format!("Harbour radio school {width}")
    );
    let history = app
        .api_with_key(&format!("/api/v1/projects/{id}/history"), key)
        .await;
    let entries = history["history"].as_array().unwrap();
    let last = &entries[entries.len() - 1];
    assert_eq!(last["action"], "unpublished");
    assert_eq!(last["message"], "Asked by the organization.");
}
