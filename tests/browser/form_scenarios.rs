//! The submission form in Chromium (issue 17, point 7): the error summary and its links,
//! the countries picker with and without script, at desktop and phone widths; a part of
//! ITU chosen on the form becomes a search filter (issue 19).

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{seeded, submission_id, wait_until, App, Browser};

/// The id of the focused element.
async fn focused(browser: &Browser) -> String {
    let id = browser
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    id.as_str().unwrap_or_default().to_string()
}

/// Whether the element with this id is within the window.
async fn in_view(browser: &Browser, id: &str) -> bool {
    let script = "const r = document.getElementById(arguments[0]).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;";
    let inside = browser.client.execute(script, vec![json!(id)]).await;
    inside.unwrap() == json!(true)
}

async fn fits_the_width(browser: &Browser) -> bool {
    let script = "return document.documentElement.scrollWidth <= window.innerWidth + 1";
    browser.client.execute(script, vec![]).await.unwrap() == json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_error_summary_takes_focus_and_its_links_lead_to_the_fields() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    let required = [
        // WebDriver reads the no-break space before the French colon as a space.
        ("fr", "Description : ce champ est obligatoire"),
        ("ar", "الوصف: هذا الحقل مطلوب"),
    ];
    for ((width, height), (lang, required)) in [(1366, 900), (390, 844)].into_iter().zip(required) {
        let c = &browser.client;
        c.set_window_size(width, height).await.unwrap();
        c.goto(&app.url(&format!("/submit?lang={lang}")))
            .await
            .unwrap();
        browser.type_into("#title", "Half a form").await;
        browser.click("form.stack button[type=submit]").await;
        browser.text("#form-errors").await;
        assert_eq!(focused(&browser).await, "form-errors", "{width} px");
        for target in ["description", "stakeholder_type", "al-C1", "sdg-1"] {
            browser
                .click(&format!("#form-errors a[href='#{target}']"))
                .await;
            wait_until(&format!("#{target} has focus at {width} px"), || async {
                focused(&browser).await == target
            })
            .await;
            assert!(in_view(&browser, target).await, "{target} at {width} px");
        }
        // The errors beside the fields stay, in the page's language.
        assert_eq!(browser.text("#description-error").await, required);
        assert!(fits_the_width(&browser).await, "{width} px");
        browser.screenshot(&format!("form-errors-{width}")).await;
    }
    browser.close().await;
}

/// Every field but the countries, filled in.
async fn fill_all_but_countries(browser: &Browser, title: &str) {
    browser.type_into("#title", title).await;
    browser
        .type_into(
            "#description",
            "Solar kiosks charge phones and lend tablets.",
        )
        .await;
    browser.type_into("#organization", "Kiosk Co").await;
    browser.select("#stakeholder_type", "private_sector").await;
    browser.select("#scope", "regional").await;
    browser.click("#al-C2").await;
    browser.click("#sdg-7").await;
    browser.select("#status", "ongoing").await;
    browser.type_into("#contact_name", "Kofi").await;
    browser
        .type_into("#contact_email", "kofi@example.org")
        .await;
}

/// Submits the form; gives the new project's countries as the secretariat sees them.
async fn submitted_countries(app: &App, browser: &Browser) -> Vec<String> {
    browser.click("form.stack button[type=submit]").await;
    let link = browser.attr("#edit-link", "href").await.unwrap();
    let id = submission_id(&link);
    let key = app.key(&format!("desk-{id}"));
    let project = app
        .api_with_key(&format!("/api/v1/projects/{id}"), &key)
        .await;
    let mut countries: Vec<String> = project["countries"]
        .as_array()
        .unwrap_or_else(|| panic!("no countries in {project}"))
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    countries.sort();
    countries
}

/// The countries the native select posts.
async fn selected_countries(browser: &Browser) -> Value {
    let script =
        "return [...document.getElementById('countries').selectedOptions].map(o => o.value)";
    browser.client.execute(script, vec![]).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_countries_are_picked_by_typing_and_ticking_without_ctrl() {
    let Some((app, browser)) = seeded(Browser::start()).await else {
        return;
    };
    // English on a desktop, Arabic (right to left) on a phone.
    let runs = [
        (1366, 900, "/submit", "ken", "gha"),
        (390, 844, "/submit?lang=ar", "كيني", "غان"),
    ];
    for (width, height, path, kenya, ghana) in runs {
        let c = &browser.client;
        c.set_window_size(width, height).await.unwrap();
        c.goto(&app.url(path)).await.unwrap();
        fill_all_but_countries(&browser, &format!("Solar kiosks at {width} px")).await;
        // The native select is replaced by the picker.
        let native = c.find(Locator::Css("#countries")).await.unwrap();
        assert!(!native.is_displayed().await.unwrap(), "{width} px");
        // By mouse: type, tick.
        browser.type_into("#countries-filter", kenya).await;
        let shown = c
            .find_all(Locator::Css("#countries-options li:not([hidden])"))
            .await
            .unwrap();
        assert_eq!(shown.len(), 1, "{kenya} narrows the list to one");
        browser.click("#countries-option-KE").await;
        // By keyboard: Escape clears the filter, Enter goes to the best match (Ghana
        // before Afghanistan), Space ticks.
        let escape = String::from(char::from(Key::Escape));
        browser.type_into("#countries-filter", &escape).await;
        browser.type_into("#countries-filter", ghana).await;
        let enter = String::from(char::from(Key::Enter));
        browser.type_into("#countries-filter", &enter).await;
        assert_eq!(focused(&browser).await, "countries-option-GH");
        c.active_element()
            .await
            .unwrap()
            .send_keys(" ")
            .await
            .unwrap();
        assert_eq!(selected_countries(&browser).await, json!(["GH", "KE"]));
        let chips = c.find_all(Locator::Css(".picker-chip")).await.unwrap();
        assert_eq!(chips.len(), 2, "{width} px: both are shown as chosen");
        assert!(fits_the_width(&browser).await, "{width} px");
        browser
            .screenshot(&format!("countries-picker-{width}"))
            .await;
        let countries = submitted_countries(&app, &browser).await;
        assert_eq!(countries, ["GH", "KE"], "{width} px");
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_script_the_native_select_picks_the_countries() {
    let Some((app, browser)) = seeded(Browser::start_without_script()).await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/submit")).await.unwrap();
    assert!(c.find(Locator::Css("#countries-filter")).await.is_err());
    fill_all_but_countries(&browser, "Solar kiosks without script").await;
    let native = c.find(Locator::Css("#countries")).await.unwrap();
    assert!(native.is_displayed().await.unwrap());
    browser.select("#countries", "KE").await;
    browser.select("#countries", "GH").await;
    assert_eq!(submitted_countries(&app, &browser).await, ["GH", "KE"]);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_itu_sector_submits_its_own_project_and_researchers_filter_by_it() {
    let app = App::start(true).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let key = app.key("desk");
    for (width, height) in [(1366, 900), (390, 844)] {
        browser.client.set_window_size(width, height).await.unwrap();
        let title = format!("Spectrum for rural broadband {width}");
        browser
            .client
            .goto(&app.url("/submit?lang=fr"))
            .await
            .unwrap();
        fill_all_but_countries(&browser, &title).await;
        browser.select("#scope", "international").await;
        // A part of ITU with another stakeholder type: named beside the field, in French.
        browser.select("#itu_entity", "ITU-D").await;
        browser.click("form.stack button[type=submit]").await;
        let error = browser.text("#itu_entity-error").await;
        assert!(
            error.contains("organisation internationale"),
            "{width} px: {error}"
        );
        assert_eq!(
            browser.prop("#itu_entity", "value").await.as_deref(),
            Some("ITU-D")
        );
        browser
            .select("#stakeholder_type", "international_organization")
            .await;
        browser.click("form.stack button[type=submit]").await;
        let link = browser.attr("#edit-link", "href").await.unwrap();
        let id = submission_id(&link);
        let auth = format!("Bearer {key}");
        let uri = format!("/api/v1/projects/{id}/publish");
        app.send("POST", &uri, &[("authorization", &auth)], &json!({}))
            .await;

        // The search offers the part of ITU as a filter; the project's page names it.
        let n = if width == 1366 { 1 } else { 2 };
        wait_until("the project is searchable", || async {
            app.api("/api/v1/search?itu_entity=ITU-D").await["total"] == n
        })
        .await;
        browser.client.goto(&app.url("/?lang=fr")).await.unwrap();
        if width < 900 {
            browser.click("#filters-panel > summary").await;
        }
        assert_eq!(browser.text("#count-itu_entity-ITU-D").await, n.to_string());
        browser.click("#f-itu_entity-ITU-D").await;
        wait_until("the filter is applied", || async {
            browser.url().await.as_str().contains("itu_entity=ITU-D")
        })
        .await;
        assert_eq!(browser.text("#total").await, n.to_string());
        assert!(fits_the_width(&browser).await, "{width} px");
        browser
            .client
            .goto(&app.url(&format!("/projects/{id}?lang=fr")))
            .await
            .unwrap();
        let fields = browser.text("dl.fields").await;
        assert!(
            fields.contains("Secteur du développement des télécommunications (UIT-D)"),
            "{fields}"
        );
    }
    browser.close().await;
}
