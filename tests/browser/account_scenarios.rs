//! "My projects" in Chromium (issue 19): a submitter asks for a sign-in link in French,
//! follows the link from the message a real SMTP server received, sees their projects with
//! the secretariat's message, revises one without its edit link, reloads without posting
//! again, and signs out; on a wide screen and on a phone.

use serde_json::json;

use crate::harness::{wait_until, App, Browser};
use crate::smtp::{Mail, Smtp};

/// A pending project of `email`, sent back by the secretariat with a message.
async fn sent_back(app: &App, key: &str, title: &str, email: &str) -> String {
    let body = json!({
        "title": title,
        "description": "Nurses in twelve clinics consult doctors by video.",
        "organization": "Rural Health Link", "stakeholder_type": "civil_society",
        "scope": "regional", "countries": ["KE"], "action_lines": ["C7.e-health"],
        "sdgs": [3], "covid19": false, "status": "ongoing", "start_date": "2020-04-01",
        "language": "en", "contact": {"name": "Amina", "email": email}
    });
    let created = app.send("POST", "/api/v1/projects", &[], &body).await;
    let id = created["id"].as_str().unwrap().to_string();
    let auth = format!("Bearer {key}");
    let message = json!({"message": "Ajoutez la date de fin."});
    let uri = format!("/api/v1/projects/{id}/request-changes");
    app.send("POST", &uri, &[("authorization", &auth)], &message)
        .await;
    id
}

/// The sign-in link of the `n`th message to `to`, once the SMTP server has it.
pub(crate) async fn mailed_link(smtp: &Smtp, to: &str, n: usize) -> String {
    let links = || -> Vec<Mail> {
        (smtp.all().into_iter())
            .filter(|m| m.to == to && m.text.contains("/account/sign-in?token="))
            .collect()
    };
    wait_until("the sign-in message arrives", || async {
        links().len() >= n
    })
    .await;
    links()[n - 1].link("/account/sign-in?token=")
}

const FITS: &str = "return document.documentElement.scrollWidth <= window.innerWidth + 1;";

#[tokio::test(flavor = "multi_thread")]
async fn a_submitter_signs_in_by_mail_revises_from_my_projects_and_signs_out() {
    let smtp = Smtp::start();
    let app = App::start_mailing(false, Some(&smtp.url())).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let key = app.key("desk");
    for (n, (width, height)) in [(1366, 900), (390, 844)].into_iter().enumerate() {
        browser.client.set_window_size(width, height).await.unwrap();
        let email = format!("amina{n}@example.org");
        let title = format!("Rural telemedicine {n}");
        let id = sent_back(&app, &key, &title, &email).await;

        browser
            .client
            .goto(&app.url("/account?lang=fr"))
            .await
            .unwrap();
        browser.type_into("#email", &email).await;
        browser.click("#sign-in button[type=submit]").await;
        let sent = browser.text("#link-sent").await;
        assert!(
            sent.contains("Consultez votre messagerie"),
            "{width} px: {sent}"
        );
        // A reload shows the same page and asks for nothing again.
        browser.client.refresh().await.unwrap();
        assert!(browser.text("#link-sent").await.contains("Consultez"));
        assert_eq!(browser.run(FITS).await, json!(true), "{width} px");

        let link = mailed_link(&smtp, &email, 1).await;
        assert!(
            link.starts_with(&app.base) && link.ends_with("&lang=fr"),
            "{link}"
        );
        browser.client.goto(&link).await.unwrap();
        browser.click("#confirm-sign-in button[type=submit]").await;
        let listed = browser.text("#my-projects").await;
        assert!(listed.contains(&title), "{width} px: {listed}");
        assert!(listed.contains("Ajoutez la date de fin."), "{listed}");
        assert_eq!(browser.text("#account-email").await, email);
        assert_eq!(browser.run(FITS).await, json!(true), "{width} px");

        // The project opens without its edit link, and a revision saves.
        browser.click(&format!("li[data-id='{id}'] h2 a")).await;
        let field = browser
            .client
            .find(fantoccini::Locator::Css("#title"))
            .await
            .unwrap();
        field.clear().await.unwrap();
        browser
            .type_into("#title", &format!("{title}, dated"))
            .await;
        browser.click("form.stack button[type=submit]").await;
        wait_until("the revision is saved", || async {
            browser.url().await.as_str().contains("done=1")
        })
        .await;
        assert!(!browser.url().await.as_str().contains("token="));
        browser.client.refresh().await.unwrap();
        assert_eq!(browser.text("#state-value").await, "En attente d'examen");
        let state = app
            .api_with_key(&format!("/api/v1/projects/{id}"), &key)
            .await;
        assert_eq!(state["title"], format!("{title}, dated"));
        assert_eq!(state["version"], 3, "one revision, not two");

        // Signed out, the page asks to sign in again, and the used link is refused.
        browser
            .client
            .goto(&app.url("/account?lang=fr"))
            .await
            .unwrap();
        browser.click("#sign-out button").await;
        assert!(browser.text("#signed-out").await.contains("déconnecté"));
        browser
            .client
            .goto(&app.url(&format!("/submissions/{id}?lang=fr")))
            .await
            .unwrap();
        assert!(browser.url().await.path().ends_with("/account"));
        browser.client.goto(&link).await.unwrap();
        browser.click("#confirm-sign-in button[type=submit]").await;
        assert!(browser.text("#link-refused").await.contains("expiré"));
    }
    browser.close().await;
}
