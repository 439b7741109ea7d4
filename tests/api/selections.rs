//! Selections: curated, ordered lists with notes, their exports and their rules (issue 3).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{import_record, submission, TestApp, Who};

/// Imports published projects titled `titles`; returns their ids in that order.
async fn published(app: &TestApp, titles: &[&str]) -> Vec<String> {
    let records: Vec<Value> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| import_record(&format!("sel-{i}"), t, "A project for the selection tests."))
        .collect();
    app.import(&records, true);
    let mut ids = Vec::new();
    for t in titles {
        let word = t.split(' ').next().unwrap();
        ids.push(app.first_hit(&format!("q={word}")).await);
    }
    ids
}

type ItemView = Vec<(String, Value, String)>;

pub(crate) fn item_view(view: &Value) -> ItemView {
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["project_id"].as_str().unwrap().to_string(),
                i["note"].clone(),
                i["project"]["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_keeps_order_and_notes_through_export_and_marks_withdrawn_members() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let ids = published(
        &app,
        &["Alpha telecentres", "Bravo e-learning", "Charlie archives"],
    )
    .await;
    let body = json!({
        "kind": "talkx", "title": "TalkX: resilient communities", "theme": "Connectivity",
        "date": "2025-05-12",
        "items": [
            {"project_id": ids[2], "note": "speaker 1"},
            {"project_id": ids[0], "note": "speaker 2"},
            {"project_id": ids[1]}
        ]
    });
    let expected = vec![
        (ids[2].clone(), json!("speaker 1"), "published".to_string()),
        (ids[0].clone(), json!("speaker 2"), "published".to_string()),
        (ids[1].clone(), Value::Null, "published".to_string()),
    ];
    let id = only_the_secretariat_creates(&app, &key, &body, &expected).await;
    renamed_and_published(&app, &key, &id, &body, &expected).await;
    the_exports_keep_order_and_notes(&app, &id, &ids, &expected).await;
    a_withdrawn_member_stays_marked(&app, &key, &id, &ids[0]).await;
    reordered_with_published_members_only(&app, &key, &id, &ids).await;

    // Delete.
    let r = app.delete_selection(&id, &key).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.selection(&id, Who::Secretariat(&key)).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Creating takes a key; unpublished, the selection is hidden from the public and listed for
/// the secretariat. Returns its id.
async fn only_the_secretariat_creates(
    app: &TestApp,
    key: &str,
    body: &Value,
    expected: &ItemView,
) -> String {
    assert_eq!(
        app.post_json("/api/v1/selections", body).await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = app.create_selection(key, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.id();
    let uri = format!("/api/v1/selections/{id}");
    assert_eq!(r.headers["location"], uri.as_str());
    assert_eq!(&item_view(&r.body), expected);

    // Unpublished: hidden from the public, listed for the secretariat.
    assert_eq!(
        app.selection(&id, Who::Public).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("{uri}/export?format=csv")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.selections(Who::Public).await.body["total"], 0);
    let all = app.selections(Who::Secretariat(key)).await;
    assert_eq!(all.body["total"], 1);
    id
}

/// Rename and publish: the items stay, and a later change that does not mention
/// `published` keeps it.
async fn renamed_and_published(
    app: &TestApp,
    key: &str,
    id: &str,
    body: &Value,
    expected: &ItemView,
) {
    let mut renamed = body.clone();
    renamed["title"] = json!("TalkX: resilient and connected communities");
    renamed["published"] = json!(true);
    renamed.as_object_mut().unwrap().remove("items");
    let r = app.update_selection(id, key, &renamed).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let public = app.selection(id, Who::Public).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(
        public.body["title"],
        "TalkX: resilient and connected communities"
    );
    assert_eq!(&item_view(&public.body), expected, "items kept by a rename");
    renamed.as_object_mut().unwrap().remove("published");
    let r = app.update_selection(id, key, &renamed).await;
    assert_eq!(r.body["published"], true, "{}", r.body);
}

/// The exports keep order and notes.
async fn the_exports_keep_order_and_notes(
    app: &TestApp,
    id: &str,
    ids: &[String],
    expected: &ItemView,
) {
    let uri = format!("/api/v1/selections/{id}");
    let json_export = app.get(&format!("{uri}/export?format=json")).await;
    assert_eq!(&item_view(&json_export.body), expected);
    let csv = app.get(&format!("{uri}/export?format=csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let rows: Vec<&str> = csv.text().lines().collect();
    assert!(rows[0].starts_with("\u{feff}position,note,project_id,state,title"));
    assert!(rows[1].starts_with(&format!(
        "1,speaker 1,{},published,Charlie archives",
        ids[2]
    )));
    assert!(rows[2].starts_with(&format!(
        "2,speaker 2,{},published,Alpha telecentres",
        ids[0]
    )));
    assert!(rows[3].starts_with(&format!("3,,{},published,Bravo e-learning", ids[1])));
    assert!(rows[1].contains("C7.e-science") && rows[1].contains("4;17"));
    assert_eq!(
        app.get(&format!("{uri}/export?format=xml")).await.status,
        StatusCode::BAD_REQUEST
    );
}

/// A withdrawn member stays, marked as withdrawn, in the view and the exports; the public
/// no longer sees what it said.
async fn a_withdrawn_member_stays_marked(app: &TestApp, key: &str, id: &str, member: &str) {
    let r = app.withdraw(member, Who::Secretariat(key)).await;
    assert_eq!(r.status, StatusCode::OK);
    let public = app.selection(id, Who::Public).await;
    assert_eq!(public.body["items"][1]["state"], "withdrawn");
    assert_eq!(public.body["items"][1]["project"], serde_json::Value::Null);
    assert_eq!(public.body["items"].as_array().unwrap().len(), 3);
    let csv = app
        .get(&format!("/api/v1/selections/{id}/export?format=csv"))
        .await;
    assert!(csv
        .text()
        .lines()
        .nth(2)
        .unwrap()
        .starts_with(&format!("2,speaker 2,{member},withdrawn")));
    every_csv_row_fills_the_header(csv.text());
}

/// The CSV's header names every column, and every row, a withdrawn member's too, has one
/// cell per column.
fn every_csv_row_fills_the_header(text: &str) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "position,note,project_id,state,title,organization,stakeholder_type,scope,countries,\
         regions,action_lines,sdgs,covid19,status,start_date,end_date,website,language,description"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
    }
    let withdrawn: Vec<&str> = rows[1].iter().skip(4).collect();
    assert_eq!(
        withdrawn,
        vec![""; 15],
        "a withdrawn member's fields are empty"
    );
    assert_eq!(&rows[0][17], "en");
}

/// Reordering keeps the withdrawn member; a new member must be published.
async fn reordered_with_published_members_only(app: &TestApp, key: &str, id: &str, ids: &[String]) {
    let items = json!([
        {"project_id": ids[1], "note": "opening"},
        {"project_id": ids[0], "note": "speaker 2"},
        {"project_id": ids[2], "note": "speaker 1"}
    ]);
    let r = app.set_selection_items(id, key, &items).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let order: Vec<String> = item_view(&r.body)
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(order, vec![ids[1].clone(), ids[0].clone(), ids[2].clone()]);
    let pending = app.post_json("/api/v1/projects", &submission(1)).await;
    let pending_id = pending.body["id"].as_str().unwrap();
    let mut more = items.as_array().unwrap().clone();
    more.push(json!({"project_id": pending_id}));
    let r = app.set_selection_items(id, key, &Value::Array(more)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "items[3].project_id");
    assert_eq!(r.body["error"]["code"], "not_published");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_prizes_shortlist_accepts_only_published_projects_of_its_category() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let ids = published(&app, &["Delta science commons"]).await;
    let shortlist = |category: &str| {
        json!({"kind": "prizes_shortlist", "title": "WSIS Prizes 2025", "category": category,
               "year": 2025, "items": [{"project_id": ids[0], "note": "nominee"}]})
    };
    let r = app.create_selection(&key, &shortlist("C7.e-health")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "items[0].project_id");
    assert_eq!(r.body["error"]["code"], "wrong_category");
    let r = app.create_selection(&key, &shortlist("C7.e-science")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.body["category"], "C7.e-science");
    assert_eq!(r.body["year"], 2025);
    let r = app
        .create_selection(
            &key,
            &json!({"kind": "prizes_shortlist", "title": "No category"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "category");
}
