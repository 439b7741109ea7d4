//! The secretariat's selection builder (issue 17, point 10) through the real router: its
//! search takes the public search's facet filters and pages and shows each hit's country,
//! year, tags and link; a project already added says so; the notes of every entry save in one
//! post; an edit comes back to the same search at the entry or hit it changed; a
//! selection's form shows only the fields its kind uses.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{html, post_form, TestApp, Who};
use crate::pages::{csrf_of, sign_in};
use crate::search::ids;
use crate::selections::item_view;

/// A signed-in curator on the seeded app, with a TalkX session of no projects.
struct Builder {
    app: TestApp,
    key: String,
    cookie: String,
    csrf: String,
    /// The builder's address.
    path: String,
}

impl Builder {
    async fn new(kind: Value) -> Builder {
        let app = TestApp::seeded();
        let key = app.key("curator");
        let made = app.create_selection(&key, &kind).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let path = format!("/secretariat/selections/{}", made.id());
        let cookie = sign_in(&app, &key).await;
        let page = app.get_with_cookie(&path, &cookie).await;
        let csrf = csrf_of(html(&page));
        Builder {
            app,
            key,
            cookie,
            csrf,
            path,
        }
    }

    async fn talkx() -> Builder {
        Builder::new(json!({"kind": "talkx", "title": "TalkX: rural networks"})).await
    }

    /// The builder page at `query` (empty or starting with `?`).
    async fn page(&self, query: &str) -> String {
        let r = self
            .app
            .get_with_cookie(&format!("{}{query}", self.path), &self.cookie)
            .await;
        assert_eq!(r.status, StatusCode::OK);
        html(&r).to_string()
    }

    /// An edit of the entries; its status and `Location`.
    async fn edit(&self, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let mut form = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        let items = format!("{}/items", self.path);
        let r = post_form(&self.app, &items, &form, &[("cookie", &self.cookie)]).await;
        let location = r
            .headers
            .get("location")
            .map(|l| l.to_str().unwrap().to_string())
            .unwrap_or_default();
        (r.status, location)
    }

    /// Adds the first two projects by title; their ids.
    async fn add_two(&self) -> Vec<String> {
        let ids = ids(&self.app.search("per_page=2&sort=title").await.body);
        for id in &ids {
            let (status, _) = self.edit(&[("op", "add"), ("project_id", id)]).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
        }
        ids
    }

    /// The selection's entries as the API has them: (project, note).
    async fn entries(&self) -> Vec<(String, Value)> {
        let id = self.path.rsplit('/').next().unwrap();
        let r = self.app.selection(id, Who::Secretariat(&self.key)).await;
        item_view(&r.body)
            .into_iter()
            .map(|(project, note, _)| (project, note))
            .collect()
    }
}

/// The country most published projects name.
async fn commonest_country(app: &TestApp) -> (String, u64) {
    let all = app.search("per_page=1").await;
    let countries = all.body["facets"]["country"].as_object().unwrap();
    let (code, n) = countries
        .iter()
        .max_by_key(|(_, n)| n.as_u64().unwrap())
        .unwrap();
    (code.clone(), n.as_u64().unwrap())
}

/// The markup of the hit of `project` on a builder page.
fn hit<'a>(page: &'a str, project: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"hit-{project}\""))
        .unwrap_or_else(|| panic!("no hit {project}"));
    let rest = &page[start..];
    let end = [rest.find("<li class=\"hit\""), rest.find("</ol>")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_builder_search_filters_by_facet_and_shows_country_year_tags_and_link() {
    let b = Builder::talkx().await;
    let (country, total) = commonest_country(&b.app).await;
    let page = b.page(&format!("?country={country}")).await;
    assert!(
        page.contains(&format!("<span id=\"total\">{total}</span>")),
        "the count of {country}'s projects"
    );
    assert!(
        page.contains(&format!("id=\"f-country-{country}\" checked")),
        "the facet filter is ticked"
    );
    assert!(page.contains("id=\"f-sdg-4\""), "every facet is there");
    let api = b
        .app
        .search(&format!("country={country}&per_page=10"))
        .await;
    let hits = api.body["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        let id = h["id"].as_str().unwrap();
        let card = hit(&page, id);
        assert!(card.contains(&format!("href=\"/projects/{id}\"")), "{card}");
        assert!(card.contains("class=\"countries\""), "{card}");
        assert!(card.contains("class=\"year\""), "{card}");
        assert!(card.contains("class=\"tags\""), "{card}");
    }
    // Ten hits a page, the pages linked; words that match nothing say so.
    let all = b.page("").await;
    assert_eq!(all.matches("<li class=\"hit\"").count(), 10);
    assert!(all.contains(&format!("href=\"{}?page=2\"", b.path)));
    let none = b.page("?q=zzzqqqxxx").await;
    assert!(
        none.contains("No project matches this search."),
        "no results"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_added_from_the_builder_search_says_it_is_in_the_selection() {
    let b = Builder::talkx().await;
    let (country, _) = commonest_country(&b.app).await;
    let first = b
        .app
        .first_hit(&format!("country={country}&per_page=1"))
        .await;
    let back = format!("q=&country={country}");
    let (status, location) = b
        .edit(&[("op", "add"), ("project_id", &first), ("back", &back)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        format!("{}?country={country}#entry-{first}", b.path),
        "back to the same search, at the entry added"
    );
    let page = b.page(&format!("?country={country}")).await;
    let card = hit(&page, &first);
    assert!(card.contains("Already in this selection"), "{card}");
    assert!(!card.contains("value=\"add\""), "no Add button: {card}");
    assert!(page.contains(&format!(
        "id=\"entry-{first}\" data-entry=\"{first}\" tabindex=\"-1\""
    )));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_notes_of_every_selection_entry_save_in_one_post() {
    let b = Builder::talkx().await;
    let ids = b.add_two().await;
    let page = b.page("").await;
    assert_eq!(
        page.matches("name=\"entry\" form=\"notes-form\"").count(),
        2
    );
    assert_eq!(page.matches("name=\"note\" form=\"notes-form\"").count(), 2);
    assert_eq!(page.matches("id=\"save-notes\"").count(), 1, "one button");
    let (a, c) = (ids[0].as_str(), ids[1].as_str());
    let notes = [
        ("op", "save"),
        ("entry", a),
        ("note", "Opens the session"),
        ("entry", c),
        ("note", "Closes it"),
        ("back", "q=health"),
    ];
    let (status, location) = b.edit(&notes).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{}?q=health&saved=notes#saved", b.path));
    let saved = b.page("?q=health&saved=notes").await;
    let notice = "<p class=\"notice\" id=\"saved\" role=\"status\" tabindex=\"-1\" data-takes-focus>Saved.</p>";
    assert!(saved.contains(notice), "{saved}");
    assert!(
        saved.contains("name=\"back\" value=\"q=health\""),
        "not kept in the search"
    );
    assert_eq!(
        b.entries().await,
        [
            (a.to_string(), json!("Opens the session")),
            (c.to_string(), json!("Closes it"))
        ]
    );
    // The same form sends a new order; a page drawn before another change saves nothing.
    let reordered = [
        ("op", "save"),
        ("entry", c),
        ("note", ""),
        ("entry", a),
        ("note", "First"),
    ];
    assert_eq!(b.edit(&reordered).await.0, StatusCode::SEE_OTHER);
    let stale = [("op", "save"), ("entry", a), ("note", "Lost")];
    assert_eq!(b.edit(&stale).await.0, StatusCode::CONFLICT);
    assert_eq!(
        b.entries().await,
        [
            (c.to_string(), Value::Null),
            (a.to_string(), json!("First"))
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_entry_moved_comes_back_at_its_row_with_the_search() {
    let b = Builder::talkx().await;
    let ids = b.add_two().await;
    let back = "q=water&sdg=6&sdg=4";
    let (status, location) = b
        .edit(&[("op", "down"), ("index", "0"), ("back", back)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{}?{back}#entry-{}", b.path, ids[0]));
    let order: Vec<String> = b.entries().await.into_iter().map(|e| e.0).collect();
    assert_eq!(order, [ids[1].as_str(), ids[0].as_str()]);
    // The page's forms carry the search back.
    let page = b.page(&format!("?{back}")).await;
    assert!(page.contains("name=\"back\" value=\"q=water&amp;sdg=6&amp;sdg=4\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_form_shows_only_the_fields_its_kind_uses() {
    let fields = |page: &str| -> Vec<&str> {
        ["theme", "date", "category", "year"]
            .into_iter()
            .filter(|f| page.contains(&format!("id=\"{f}\"")))
            .collect()
    };
    let talkx = Builder::talkx().await;
    assert_eq!(fields(&talkx.page("").await), ["theme", "date"]);
    let prizes = Builder::new(json!({"kind": "prizes_shortlist", "title": "Prizes C3",
                                     "category": "C3", "year": 2026}))
    .await;
    let page = prizes.page("").await;
    assert_eq!(fields(&page), ["date", "category", "year"]);
    assert!(page.contains("<option value=\"C3\" selected>"));
    let collection = Builder::new(json!({"kind": "collection", "title": "Picks",
                                         "date": "2026-01-02"}))
    .await;
    let page = collection.page("").await;
    assert_eq!(fields(&page), ["theme"]);
    assert!(
        page.contains("type=\"hidden\" name=\"date\" value=\"2026-01-02\""),
        "a value set through the API is kept"
    );
    // The new-selection form has every field, each saying which kinds use it.
    let list = talkx
        .app
        .get_with_cookie("/secretariat/selections", &talkx.cookie)
        .await;
    let list = html(&list);
    assert_eq!(fields(list), ["theme", "date", "category", "year"]);
    assert!(list.contains("data-kinds=\"prizes_shortlist\""));
    assert!(list.contains(
        "Used by: WSIS TalkX session, WSIS Prizes shortlist, Stocktaking Report chapter"
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shortlist_builder_lists_only_its_category_and_says_why_it_refuses_others() {
    let b = Builder::new(json!({"kind": "prizes_shortlist", "title": "Prizes C3",
                                "category": "C3", "year": 2026}))
    .await;
    let tagged = b.app.search("action_line=C3&per_page=1").await.body["total"].clone();
    let page = b.page("").await;
    assert!(
        page.contains(&format!("<span id=\"total\">{tagged}</span>")),
        "only the {tagged} projects tagged C3: {page}"
    );
    assert!(
        page.contains("id=\"category-only\">Only projects tagged C3"),
        "{page}"
    );
    // A project of another Action Line, added anyway, is refused with the reason.
    let all = ids(&b.app.search("per_page=100").await.body);
    let c3 = ids(&b.app.search("action_line=C3&per_page=100").await.body);
    let other = all.iter().find(|id| !c3.contains(id)).unwrap();
    let form = [
        ("csrf", b.csrf.as_str()),
        ("op", "add"),
        ("project_id", other),
    ];
    let items = format!("{}/items", b.path);
    let r = post_form(&b.app, &items, &form, &[("cookie", &b.cookie)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html(&r).contains("Projects: this selection only takes projects tagged with its category"),
        "{}",
        html(&r)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_description_saved_says_so_and_the_arabic_builder_isolates_user_text() {
    let b = Builder::talkx().await;
    b.add_two().await;
    let form = [
        ("csrf", b.csrf.as_str()),
        ("kind", "talkx"),
        ("title", "TalkX: rural networks"),
        ("theme", "Last mile"),
    ];
    let r = post_form(&b.app, &b.path, &form, &[("cookie", &b.cookie)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let location = r.headers["location"].to_str().unwrap();
    assert_eq!(location, format!("{}?saved=description#saved", b.path));
    let page = b.page("?saved=description").await;
    let description = &page[page.find("id=\"description\"").unwrap() - 200..];
    assert!(
        description.contains("id=\"saved\" role=\"status\""),
        "{description}"
    );

    let ar = b.page("?lang=ar").await;
    for isolated in [
        "<h1><bdi>TalkX: rural networks</bdi></h1>",
        "id=\"title\" type=\"text\" name=\"title\" dir=\"auto\"",
        "id=\"theme\" type=\"text\" name=\"theme\" dir=\"auto\"",
        "form=\"notes-form\" dir=\"auto\"",
        "<bdi class=\"org\">",
        "ملاحظة علنية (تظهر في صفحة المختارات)",
    ] {
        assert!(ar.contains(isolated), "{isolated}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_csv_starts_with_a_byte_order_mark_and_has_a_readable_name() {
    let b = Builder::talkx().await;
    b.add_two().await;
    let today = chrono::Utc::now().date_naive();
    let name = format!("filename=\"selection-talkx-talkx-rural-networks-{today}.csv\"");
    let download = b
        .app
        .get_with_cookie(&format!("{}/export?format=csv", b.path), &b.cookie)
        .await;
    assert_eq!(download.status, StatusCode::OK);
    assert!(
        download.text().starts_with("\u{feff}position,"),
        "{}",
        download.text()
    );
    let disposition = download.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.contains(&name), "{disposition}");
    let id = b.path.rsplit('/').next().unwrap();
    let api = format!("/api/v1/selections/{id}/export?format=csv");
    let r = b
        .app
        .call_as("GET", &api, Who::Secretariat(&b.key), None)
        .await;
    assert!(r.text().starts_with('\u{feff}'), "by default");
    assert!(r.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&name));
    let plain = b
        .app
        .call_as(
            "GET",
            &format!("{api}&bom=false"),
            Who::Secretariat(&b.key),
            None,
        )
        .await;
    assert!(
        !plain.text().starts_with('\u{feff}'),
        "bom=false leaves it out"
    );
    assert!(plain.text().starts_with("position,"), "{}", plain.text());
}
