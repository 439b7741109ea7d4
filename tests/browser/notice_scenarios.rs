//! The messages of a submission's life, read as their recipient reads them (issue 19): a
//! real SMTP server receives each, and Chromium follows its links on a phone. A call that
//! has closed is named on the form it led to; an update request is sent from the
//! secretariat's page, answered from the message, and counted there.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::account_scenarios::mailed_link;
use crate::harness::{wait_until, App, Browser};
use crate::smtp::{Mail, Smtp};

const FITS: &str = "return document.documentElement.scrollWidth <= window.innerWidth + 1;";

/// The first message to `to` whose subject has `words`, once the SMTP server has it.
async fn message(smtp: &Smtp, to: &str, words: &str) -> Mail {
    let find = || (smtp.all().into_iter()).find(|m| m.to == to && m.subject.contains(words));
    wait_until(&format!("a message '{words}' to {to}"), || async {
        find().is_some()
    })
    .await;
    find().unwrap()
}

/// Signs `email` in from "My projects" in `lang`, with the next sign-in link mailed.
async fn sign_in(browser: &Browser, app: &App, smtp: &Smtp, email: &str, lang: &str) {
    let before = (smtp.all().into_iter())
        .filter(|m| m.to == email && m.text.contains("/account/sign-in?token="))
        .count();
    browser
        .client
        .goto(&app.url(&format!("/account?lang={lang}")))
        .await
        .unwrap();
    browser.type_into("#email", email).await;
    browser.click("#sign-in button[type=submit]").await;
    let link = mailed_link(smtp, email, before + 1).await;
    browser.client.goto(&link).await.unwrap();
    browser.click("#confirm-sign-in button[type=submit]").await;
    assert_eq!(browser.text("#account-email").await, email);
}

/// A secretariat decision through the API.
async fn decide(app: &App, key: &str, id: &str, decision: &str, body: Value) {
    let auth = format!("Bearer {key}");
    let uri = format!("/api/v1/projects/{id}/{decision}");
    app.send("POST", &uri, &[("authorization", &auth)], &body)
        .await;
}

/// Replaces the title on the submitter's page and saves.
async fn retitle(browser: &Browser, title: &str) {
    let field = browser
        .client
        .find(fantoccini::Locator::Css("#title"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    browser.type_into("#title", title).await;
    browser.click("form.stack button[type=submit]").await;
    wait_until("the revision is saved", || async {
        browser.url().await.as_str().contains("done=1")
    })
    .await;
}

/// Follows a message's link to `part` in the browser; the page fits the phone.
async fn follow(browser: &Browser, mail: &Mail, part: &str) {
    browser.client.goto(&mail.link(part)).await.unwrap();
    assert_eq!(browser.run(FITS).await, json!(true), "{}", mail.subject);
}

#[tokio::test(flavor = "multi_thread")]
async fn each_message_of_a_submission_leads_a_phone_to_its_page_in_spanish() {
    let smtp = Smtp::start();
    let app = App::start_mailing(false, Some(&smtp.url())).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.client.set_window_size(390, 844).await.unwrap();
    let key = app.key("desk");
    let email = "lucia@example.org";

    // Submitted from the Spanish form: the receipt carries the private link.
    browser
        .client
        .goto(&app.url("/submit?lang=es"))
        .await
        .unwrap();
    browser.type_into("#title", "Telecentros del valle").await;
    browser
        .type_into("#description", "Quioscos solares prestan tabletas.")
        .await;
    browser.type_into("#organization", "Red del Valle").await;
    browser.select("#stakeholder_type", "civil_society").await;
    browser.select("#scope", "international").await;
    browser.click("#al-C2").await;
    browser.click("#sdg-9").await;
    browser.select("#status", "ongoing").await;
    browser.type_into("#contact_name", "Lucía").await;
    browser.type_into("#contact_email", email).await;
    browser.click("form.stack button[type=submit]").await;
    let link = browser.attr("#edit-link", "href").await.unwrap();
    let id = crate::harness::submission_id(&link);
    let receipt = message(&smtp, email, "Hemos recibido su proyecto").await;
    follow(&browser, &receipt, "token=").await;
    assert!(browser.text("h1").await.contains("Telecentros del valle"));
    assert_eq!(
        browser.attr("#state-value", "data-state").await.unwrap(),
        "pending"
    );

    // Changes requested: the message quotes the secretariat; its link asks to sign in.
    let words = "Añada la fecha de inicio.";
    decide(
        &app,
        &key,
        &id,
        "request-changes",
        json!({"message": words}),
    )
    .await;
    let asked = message(&smtp, email, "Cambios solicitados").await;
    assert!(asked.text.contains(words), "{}", asked.text);
    browser.client.delete_all_cookies().await.unwrap();
    follow(&browser, &asked, "/submissions/").await;
    assert!(browser.url().await.path().ends_with("/account"));
    sign_in(&browser, &app, &smtp, email, "es").await;
    assert!(browser.text("#my-projects").await.contains(words));
    follow(&browser, &asked, "/submissions/").await;
    retitle(&browser, "Telecentros del valle, desde 2019").await;

    // Published: the link opens the public page.
    decide(&app, &key, &id, "publish", json!({})).await;
    let published = message(&smtp, email, "está publicado").await;
    follow(&browser, &published, "/projects/").await;
    assert_eq!(
        browser.text("h1").await,
        "Telecentros del valle, desde 2019"
    );

    // A revision refused, then one published: two messages, each with its link.
    browser
        .client
        .goto(&app.url(&format!("/submissions/{id}?lang=es")))
        .await
        .unwrap();
    retitle(&browser, "Telecentros del valle y la costa").await;
    let reason = "El título debe seguir siendo el del proyecto.";
    decide(&app, &key, &id, "reject", json!({"reason": reason})).await;
    let refused = message(&smtp, email, "no fueron aceptados").await;
    assert!(refused.text.contains(reason), "{}", refused.text);
    follow(&browser, &refused, "/submissions/").await;
    assert!(browser.text("#messages").await.contains(reason));
    assert_eq!(
        browser.attr("#state-value", "data-state").await.unwrap(),
        "published"
    );
    retitle(&browser, "Telecentros del valle (2019–2026)").await;
    decide(&app, &key, &id, "publish", json!({})).await;
    let revised = message(&smtp, email, "están publicados").await;
    follow(&browser, &revised, "/projects/").await;
    assert_eq!(
        browser.text("h1").await,
        "Telecentros del valle (2019–2026)"
    );

    // Another project of the same address, rejected with a reason: signed in, its page
    // opens from the message and shows the reason.
    let other = json!({
        "title": "Radio escolar", "description": "Programas de radio para escuelas.",
        "organization": "Red del Valle", "stakeholder_type": "civil_society",
        "scope": "international", "countries": [], "action_lines": ["C3"], "sdgs": [4],
        "status": "planned", "language": "es",
        "contact": {"name": "Lucía", "email": email, "language": "es"}
    });
    let created = app.send("POST", "/api/v1/projects", &[], &other).await;
    let other_id = created["id"].as_str().unwrap().to_string();
    let reason = "Fuera de las Líneas de Acción.";
    decide(&app, &key, &other_id, "reject", json!({"reason": reason})).await;
    let rejected = message(&smtp, email, "no fue aceptado").await;
    assert!(rejected.text.contains(reason), "{}", rejected.text);
    follow(&browser, &rejected, "/submissions/").await;
    assert_eq!(
        browser.attr("#state-value", "data-state").await.unwrap(),
        "rejected"
    );
    assert!(browser.text("#messages").await.contains(reason));

    let subjects: Vec<String> = (smtp.all().into_iter())
        .filter(|m| m.to == email)
        .map(|m| m.subject)
        .collect();
    assert_eq!(subjects.len(), 8, "{subjects:#?}");
    browser.close().await;
}

/// A call of `kind` with an English and a French title, open from `opens` to `closes`.
fn a_call(kind: &str, title: &str, opens: i64, closes: i64) -> Value {
    let now = Utc::now();
    json!({
        "kind": kind,
        "texts": {
            "en": {"title": title, "text": "Tell us."},
            "fr": {"title": format!("{title} (fr)"), "text": "Racontez-nous."}
        },
        "opens_at": (now + Duration::days(opens)).to_rfc3339(),
        "closes_at": (now + Duration::days(closes)).to_rfc3339()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_call_is_named_and_an_update_request_is_answered_from_its_message() {
    let smtp = Smtp::start();
    let app = App::start_mailing(false, Some(&smtp.url())).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let key = app.key("desk");
    let auth = format!("Bearer {key}");
    let bearer = [("authorization", auth.as_str())];
    let closed = app
        .send(
            "POST",
            "/api/v1/calls",
            &bearer,
            &a_call("stocktaking", "Report 2025", -60, -2),
        )
        .await;
    let update = app
        .send(
            "POST",
            "/api/v1/calls",
            &bearer,
            &a_call("update", "Review 2027", -1, 30),
        )
        .await;

    // The past call offers no form; its old link names it closed, and the form still works.
    browser
        .client
        .goto(&app.url("/calls?lang=fr"))
        .await
        .unwrap();
    assert!(browser
        .text("#past-list")
        .await
        .contains("Report 2025 (fr)"));
    let answer_links = browser
        .client
        .find_all(fantoccini::Locator::Css(
            "#past-list a[href*='/submit?call=']",
        ))
        .await
        .unwrap();
    assert!(answer_links.is_empty(), "a closed call takes no submission");
    let closed_id = closed["id"].as_str().unwrap();
    browser
        .client
        .goto(&app.url(&format!("/submit?call={closed_id}&lang=fr")))
        .await
        .unwrap();
    let notice = browser.text("#call-closed").await;
    assert!(
        notice.contains("Report 2025 (fr)") && notice.contains("est clos"),
        "{notice}"
    );

    // A published project; the secretariat asks its contact from the call's page.
    let email = "noor@example.org";
    let body = json!({
        "title": "Connected clinics", "description": "Clinics share records.",
        "organization": "Health Link", "stakeholder_type": "civil_society",
        "scope": "international", "countries": [], "action_lines": ["C7.e-health"],
        "sdgs": [3], "status": "ongoing", "language": "en",
        "contact": {"name": "Noor", "email": email, "language": "fr"}
    });
    let created = app.send("POST", "/api/v1/projects", &[], &body).await;
    let id = created["id"].as_str().unwrap().to_string();
    decide(&app, &key, &id, "publish", json!({})).await;
    browser
        .client
        .goto(&app.url("/secretariat?lang=fr"))
        .await
        .unwrap();
    browser.type_into("#key", &key).await;
    browser.click("form.stack button[type=submit]").await;
    // Signed in before going on: a navigation started now would cancel the form's post.
    assert_eq!(browser.text("#signed-in").await, "desk");
    browser
        .client
        .goto(&app.url("/secretariat/calls?lang=fr"))
        .await
        .unwrap();
    let update_id = update["id"].as_str().unwrap();
    browser
        .click(&format!("#calls a[href*='/secretariat/calls/{update_id}']"))
        .await;
    let round_page = browser.url().await;
    browser.select("#action_line", "C7").await;
    browser.click("#ask").await;
    assert!(browser.text("#sent").await.ends_with('1'));
    browser.client.refresh().await.unwrap();
    assert_eq!(
        browser.text("#count-requested").await,
        "1",
        "a reload asks no one again"
    );
    assert_eq!(browser.text("#count-no-answer").await, "1");

    // The contact follows the message, signs in, and confirms the project is up to date.
    let asked = message(&smtp, email, "Merci de vérifier votre projet").await;
    assert!(asked.text.contains("Connected clinics"), "{}", asked.text);
    follow(&browser, &asked, "/submissions/").await;
    assert!(browser.url().await.path().ends_with("/account"));
    sign_in(&browser, &app, &smtp, email, "fr").await;
    follow(&browser, &asked, "/submissions/").await;
    browser.click("#confirm-current button[type=submit]").await;
    wait_until("the confirmation is saved", || async {
        browser.url().await.as_str().contains("done=")
    })
    .await;

    // The call's page counts the answer; nobody is left to remind.
    browser.client.goto(round_page.as_str()).await.unwrap();
    assert_eq!(browser.text("#count-confirmed").await, "1");
    assert_eq!(browser.text("#count-no-answer").await, "0");
    assert!(browser
        .text("#requests")
        .await
        .contains("Confirmés sans changement"));
    let remind = browser
        .client
        .find_all(fantoccini::Locator::Css("#remind"))
        .await
        .unwrap();
    assert!(remind.is_empty(), "no reminder to send");

    // On a phone, in Arabic: right to left, and the table fits.
    browser.client.set_window_size(390, 844).await.unwrap();
    let arabic = format!("{}?lang=ar", round_page.as_str().split('?').next().unwrap());
    browser.client.goto(&arabic).await.unwrap();
    let dir = browser.run("return document.documentElement.dir;").await;
    assert_eq!(dir, json!("rtl"));
    assert_eq!(
        browser.run(FITS).await,
        json!(true),
        "the round fits 390 px"
    );
    assert_eq!(browser.text("#count-confirmed").await, "1");
    browser.screenshot("update-round-ar-390").await;
    browser.close().await;
}
