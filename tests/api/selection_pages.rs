//! The public selection pages (issue 17, point 9): the list of published selections with its
//! kind and year filter, a selection's numbered projects with country, year and tags, and
//! the selections a project page lists.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{html, import_record, TestApp, Who};

/// Published projects and selections of them, by name.
struct Fixture {
    alpha: String,
    bravo: String,
    charlie: String,
    talkx25: String,
    prizes24: String,
    talkx23: String,
    draft: String,
}

/// A published project: `word` starts its title, with these countries, start date and tags.
fn project(
    word: &str,
    countries: &[&str],
    start: Option<&str>,
    lines: &[&str],
    sdgs: &[u8],
) -> Value {
    let mut record = import_record(
        word,
        &format!("{word} community project"),
        "A project for the selection pages.",
    );
    record["countries"] = json!(countries);
    record["start_date"] = json!(start);
    record["end_date"] = Value::Null;
    record["status"] = json!("ongoing");
    record["action_lines"] = json!(lines);
    record["sdgs"] = json!(sdgs);
    record
}

/// Three projects (Alpha in Kenya and Tanzania from 2020, e-health and SDG 3; Bravo in
/// France, undated; Charlie in no selection) and four selections: two TalkX sessions (2025
/// and 2023), a Prizes 2024 shortlist, and an unpublished report chapter.
async fn fixture() -> (TestApp, String, Fixture) {
    let app = TestApp::empty();
    let key = app.key("desk");
    let report = app.import(
        &[
            project(
                "Alpha",
                &["KE", "TZ"],
                Some("2020-04-01"),
                &["C7.e-health"],
                &[3],
            ),
            project("Bravo", &["FR"], None, &["C2"], &[9]),
            project("Charlie", &["GH"], Some("2018-01-01"), &["C4"], &[4]),
        ],
        true,
    );
    assert_eq!(report.created, 3, "{:?}", report.rejected);
    let alpha = app.first_hit("q=alpha").await;
    let bravo = app.first_hit("q=bravo").await;
    let charlie = app.first_hit("q=charlie").await;
    let make = |body: Value| {
        let app = &app;
        let key = &key;
        async move {
            let r = app.create_selection(key, &body).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            r.id()
        }
    };
    let talkx23 = make(json!({"kind": "talkx", "title": "TalkX: village networks",
        "date": "2023-06-01", "published": true, "items": [{"project_id": bravo}]}))
    .await;
    let talkx25 = make(json!({"kind": "talkx", "title": "TalkX: telemedicine at scale",
        "date": "2025-05-12", "published": true, "theme": "Clinics far from cities",
        "items": [{"project_id": bravo, "note": "opening"}, {"project_id": alpha, "note": "speaker 2"}]}))
    .await;
    let prizes24 = make(json!({"kind": "prizes_shortlist", "title": "WSIS Prizes 2024: e-health",
        "category": "C7.e-health", "year": 2024, "published": true, "items": [{"project_id": alpha}]}))
    .await;
    let draft = make(
        json!({"kind": "report", "title": "Draft chapter on e-health",
        "items": [{"project_id": alpha}]}),
    )
    .await;
    let fixture = Fixture {
        alpha,
        bravo,
        charlie,
        talkx25,
        prizes24,
        talkx23,
        draft,
    };
    (app, key, fixture)
}

/// The ids of the selections a page lists, in order.
fn listed(page: &str) -> Vec<String> {
    let list = page
        .split("class=\"plain selection-list\"")
        .nth(1)
        .unwrap_or("");
    list.split("data-id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// The count shown beside a kind's link.
fn kind_count(page: &str, code: &str) -> String {
    let start = page
        .find(&format!("id=\"kind-{code}\""))
        .unwrap_or_else(|| panic!("no link for {code}"));
    let rest = &page[start..];
    let count = &rest[rest.find("class=\"count\">").unwrap() + 14..];
    count[..count.find('<').unwrap()].to_string()
}

/// The page of `path`, which must be there.
async fn page(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}");
    html(&r).to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_shows_published_selections_newest_first_with_counts_and_links() {
    let (app, _, f) = fixture().await;
    let all = page(&app, "/selections").await;
    assert_eq!(
        listed(&all),
        vec![f.talkx25.clone(), f.prizes24.clone(), f.talkx23.clone()]
    );
    assert!(!all.contains(&f.draft) && !all.contains("Draft chapter"));
    assert!(all.contains("<span id=\"total\">3</span>"));
    assert!(all.contains(&format!("href=\"/selections/{}\"", f.talkx25)));
    assert!(all.contains("WSIS Prizes shortlist</bdi> · <bdi>C7 E-health</bdi>"));
    assert_eq!(kind_count(&all, "talkx"), "2");
    assert_eq!(kind_count(&all, "prizes_shortlist"), "1");
    assert_eq!(kind_count(&all, "report"), "0", "the draft is not counted");
    assert!(all.contains("<option value=\"2024\">2024 (1)</option>"));
    // The header leads here from every page.
    assert!(all.contains("<a href=\"/selections\" aria-current=\"page\">Selections</a>"));
    let search = page(&app, "/?lang=fr").await;
    assert!(search.contains("<a href=\"/selections?lang=fr\">Sélections</a>"));

    let empty = TestApp::empty();
    let none = page(&empty, "/selections").await;
    assert!(none.contains("No selection has been published yet."));
    assert!(none.contains("<span id=\"total\">0</span>"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_filters_by_kind_and_year_and_its_links_keep_the_filter_and_language() {
    let (app, _, f) = fixture().await;
    let talkx = page(&app, "/selections?kind=talkx").await;
    assert_eq!(listed(&talkx), vec![f.talkx25.clone(), f.talkx23.clone()]);
    assert!(talkx.contains("<option value=\"talkx\" selected>"));
    assert!(
        talkx.contains("id=\"kind-talkx\" href=\"/selections?kind=talkx\" aria-current=\"true\"")
    );
    // Year counts follow the kind: no TalkX session in 2024.
    assert!(!talkx.contains("value=\"2024\""));
    assert!(talkx.contains("<option value=\"2023\">2023 (1)</option>"));

    let of_2024 = page(&app, "/selections?year=2024").await;
    assert_eq!(listed(&of_2024), vec![f.prizes24.clone()]);
    assert_eq!(kind_count(&of_2024, "talkx"), "0");
    assert!(of_2024.contains("href=\"/selections?kind=talkx&amp;year=2024\""));
    // The chosen year can be removed by a link.
    assert!(of_2024.contains("<a href=\"/selections\"><span class=\"visually-hidden\">"));

    let nothing = page(&app, "/selections?kind=talkx&year=2024").await;
    assert!(listed(&nothing).is_empty());
    assert!(nothing.contains("No published selection matches this filter."));
    assert!(nothing.contains("id=\"clear-filters\" href=\"/selections\""));

    let ar = page(&app, "/selections?kind=talkx&lang=ar").await;
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("<h1>المختارات</h1>"));
    assert_eq!(listed(&ar), vec![f.talkx25.clone(), f.talkx23.clone()]);
    assert!(ar.contains(&format!("href=\"/selections/{}?lang=ar\"", f.talkx25)));
    assert!(ar.contains("href=\"/selections?kind=report&amp;lang=ar\""));
    assert!(ar.contains("<input type=\"hidden\" name=\"lang\" value=\"ar\">"));
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_filters_are_refused_as_on_the_search_page_and_blank_ones_are_dropped() {
    let (app, _, _) = fixture().await;
    // As the search page: a 400 page that names the parameter.
    let search = app.get("/?year_from=20x0").await;
    assert_eq!(search.status, StatusCode::BAD_REQUEST);
    for (query, named) in [
        ("kind=nope", "kind"),
        ("year=20x4", "year"),
        ("year=1800", "year"),
        ("lang=xx", "lang"),
        ("page=2", "page"),
        ("kind=talkx&kind=report", "kind"),
    ] {
        let r = app.get(&format!("/selections?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        let body = html(&r);
        assert!(body.starts_with("<!DOCTYPE html>"), "{query}");
        assert!(body.contains(&format!("“{named}”")), "{query}: {body}");
    }
    let r = app.get("/selections?kind=nope&lang=fr").await;
    assert!(html(&r).contains("<h1>Sélections</h1>"));
    assert!(html(&r).contains("La valeur de «\u{a0}kind\u{a0}» dans l’adresse"));
    assert!(
        html(&r).contains("href=\"/selections?lang=fr\""),
        "a way back"
    );

    // A form sent with "all kinds" or "all years": the same list at its clean address.
    for (query, clean) in [
        ("kind=&year=2024", "/selections?year=2024"),
        ("kind=talkx&year=", "/selections?kind=talkx"),
        ("kind=&year=&lang=ar", "/selections?lang=ar"),
        ("kind=", "/selections"),
    ] {
        let r = app.get(&format!("/selections?{query}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{query}");
        assert_eq!(r.headers["location"], clean, "{query}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_page_lists_the_published_selections_it_is_in() {
    let (app, key, f) = fixture().await;
    let alpha = page(&app, &format!("/projects/{}", f.alpha)).await;
    assert!(alpha.contains("<h2 id=\"selections-heading\">In selections</h2>"));
    assert_eq!(listed(&alpha), vec![f.talkx25.clone(), f.prizes24.clone()]);
    assert!(
        !alpha.contains(&f.draft),
        "an unpublished selection is never shown"
    );
    let bravo = page(&app, &format!("/projects/{}?lang=es", f.bravo)).await;
    assert!(bravo.contains("En selecciones"));
    assert_eq!(listed(&bravo), vec![f.talkx25.clone(), f.talkx23.clone()]);
    assert!(bravo.contains(&format!("href=\"/selections/{}?lang=es\"", f.talkx23)));
    let charlie = page(&app, &format!("/projects/{}", f.charlie)).await;
    assert!(!charlie.contains("selections-heading"));

    // Unpublished again: gone from the project, the list and its own address.
    let body =
        json!({"kind": "talkx", "title": "TalkX: telemedicine at scale", "published": false});
    let r = app.update_selection(&f.talkx25, &key, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let alpha = page(&app, &format!("/projects/{}", f.alpha)).await;
    assert_eq!(listed(&alpha), vec![f.prizes24.clone()]);
    assert_eq!(
        listed(&page(&app, "/selections").await),
        vec![f.prizes24.clone(), f.talkx23.clone()]
    );
    let hidden = app.get(&format!("/selections/{}", f.talkx25)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let draft = app.get(&format!("/selections/{}", f.draft)).await;
    assert_eq!(draft.status, StatusCode::NOT_FOUND);
}

/// The `li` elements of a selection's numbered list.
fn items(page: &str) -> Vec<String> {
    let start = page
        .find("<ol class=\"selection-items\">")
        .expect("a numbered list");
    let list = &page[start..start + page[start..].find("</ol>").unwrap()];
    list.split("<li class=\"hit\">")
        .skip(1)
        .map(String::from)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_selection_page_numbers_its_projects_with_country_year_and_tags() {
    let (app, key, f) = fixture().await;
    let path = format!("/selections/{}", f.talkx25);
    let en = page(&app, &path).await;
    let listed = items(&en);
    assert_eq!(listed.len(), 2);
    let (first, second) = (&listed[0], &listed[1]);
    assert!(first.contains(&format!("/projects/{}", f.bravo)) && first.contains("opening"));
    assert!(first.contains("<span class=\"countries\">France</span>"));
    assert!(
        !first.contains("class=\"year\""),
        "an unknown start year is not invented"
    );
    assert!(second.contains(&format!("/projects/{}", f.alpha)) && second.contains("speaker 2"));
    assert!(second.contains("<span class=\"countries\">Kenya, Tanzania</span>"));
    assert!(second.contains("<span class=\"year\">2020</span>"));
    assert!(second.contains("E-health") && second.contains("SDG 3 · Good health and well-being"));
    assert!(second.contains("href=\"/?action_line=C7.e-health\""));
    assert!(
        en.contains("href=\"/selections?kind=talkx\""),
        "to the same kind"
    );
    assert!(en.contains("Clinics far from cities"));

    let ar = page(&app, &format!("{path}?lang=ar")).await;
    assert!(items(&ar)[1].contains("كينيا، تنزانيا"));
    // What the secretariat wrote keeps its own direction on an Arabic page.
    assert!(ar.contains("<h1 dir=\"auto\">"), "the title");
    assert!(ar.contains("<p class=\"note\" dir=\"auto\">"), "the notes");
    assert!(ar.contains("href=\"/selections?lang=ar\""));

    // A member withdrawn later keeps its place, without what it said.
    let r = app.withdraw(&f.alpha, Who::Secretariat(&key)).await;
    assert_eq!(r.status, StatusCode::OK);
    let after = items(&page(&app, &path).await);
    assert_eq!(after.len(), 2);
    assert!(
        after[1].contains("This project is no longer public.") && after[1].contains("speaker 2")
    );
    assert!(!after[1].contains("Kenya"));
    let list = page(&app, "/selections?kind=talkx").await;
    let entry = &list[list.find(&f.talkx25).unwrap()..];
    assert!(entry.contains("Projects: <span class=\"projects\">1</span>"));
}
