//! `POST /api/v1/projects` and `GET /api/v1/projects/{id}`: validation, status codes, the
//! error shape, and who may see what.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{submission, TestApp};

fn with(patch: Value) -> Value {
    let mut body = submission(1);
    for (k, v) in patch.as_object().unwrap() {
        if v.is_null() {
            body.as_object_mut().unwrap().remove(k);
        } else {
            body[k] = v.clone();
        }
    }
    body
}

#[tokio::test(flavor = "multi_thread")]
async fn a_valid_submission_is_pending_with_a_token_and_a_location() {
    let app = TestApp::empty();
    let r = app.post_json("/api/v1/projects", &submission(1)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.body["id"].as_str().unwrap();
    assert_eq!(r.body["state"], "pending");
    assert_eq!(r.body["edit_token"].as_str().unwrap().len(), 64);
    assert!(r.body["seq"].as_u64().unwrap() >= 1);
    assert_eq!(
        r.headers["location"],
        format!("/api/v1/projects/{id}").as_str()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_validation_rule_gives_422_naming_the_field() {
    let app = TestApp::empty();
    let cases = [
        (
            json!({"action_lines": ["C12"]}),
            "action_lines",
            "invalid_action_line",
        ),
        (
            json!({"action_lines": ["C3", "C3"]}),
            "action_lines",
            "duplicate_value",
        ),
        (json!({"sdgs": [18]}), "sdgs", "invalid_sdg"),
        (json!({"sdgs": [5, 5]}), "sdgs", "duplicate_value"),
        (json!({"countries": ["XX"]}), "countries", "invalid_country"),
        (json!({"title": ""}), "title", "required"),
        (json!({"title": "no"}), "title", "too_short"),
        (json!({"title": "t".repeat(301)}), "title", "too_long"),
        (json!({"description": ""}), "description", "required"),
        (
            json!({"description": "d".repeat(20_001)}),
            "description",
            "too_long",
        ),
        (
            json!({"start_date": "2020-05-01", "end_date": "2020-04-30"}),
            "end_date",
            "invalid_date_range",
        ),
        (
            json!({"start_date": "2020-02-30"}),
            "start_date",
            "invalid_date",
        ),
        (
            json!({"website": "javascript:alert(1)"}),
            "website",
            "invalid_url",
        ),
        (
            json!({"stakeholder_type": "company"}),
            "stakeholder_type",
            "invalid_value",
        ),
        (json!({"scope": "planetary"}), "scope", "invalid_value"),
        (json!({"status": "paused"}), "status", "invalid_value"),
        (json!({"language": "de"}), "language", "invalid_value"),
        (
            json!({"favourite_colour": "blue"}),
            "favourite_colour",
            "unknown_field",
        ),
        (
            json!({"contact": {"name": "X", "email": "not-an-email"}}),
            "contact.email",
            "invalid_email",
        ),
    ];
    for (patch, field, code) in cases {
        let r = app
            .post_json("/api/v1/projects", &with(patch.clone()))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{patch}");
        assert_eq!(r.body["error"]["field"], field, "{patch}: {}", r.body);
        assert_eq!(r.body["error"]["code"], code, "{patch}: {}", r.body);
        assert!(r.body["error"]["message"].as_str().unwrap().len() > 5);
        assert_eq!(r.body["error"]["details"][0]["field"], field);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn all_bad_fields_are_listed_in_details() {
    let app = TestApp::empty();
    let r = app
        .post_json(
            "/api/v1/projects",
            &with(json!({"sdgs": [0], "countries": ["ZZ"], "status": "x"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["status", "countries", "sdgs"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_bodies_get_400_415_and_413() {
    let app = TestApp::empty();
    let r = app
        .send(
            Request::post("/api/v1/projects")
                .header("content-type", "application/json")
                .body(Body::from("{\"title\": "))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["code"], "malformed_json");

    let r = app
        .send(
            Request::post("/api/v1/projects")
                .header("content-type", "text/plain")
                .body(Body::from("hello"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.body["error"]["code"], "unsupported_media_type");

    let huge = with(json!({"description": "x".repeat(400_000)}));
    let r = app.post_json("/api/v1/projects", &huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.body["error"]["code"], "body_too_large");

    let r = app
        .post_json("/api/v1/projects?refresh=soon", &submission(1))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["field"], "refresh");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pending_project_is_404_to_the_public_and_visible_with_its_token() {
    let app = TestApp::empty();
    let r = app.post_json("/api/v1/projects", &submission(7)).await;
    let id = r.body["id"].as_str().unwrap().to_string();
    let token = r.body["edit_token"].as_str().unwrap().to_string();

    let public = app.get(&format!("/api/v1/projects/{id}")).await;
    assert_eq!(public.status, StatusCode::NOT_FOUND);
    assert_eq!(public.body["error"]["code"], "not_found");

    let wrong = app
        .send(
            Request::get(format!("/api/v1/projects/{id}"))
                .header("x-edit-token", "0".repeat(64))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);

    let mine = app
        .send(
            Request::get(format!("/api/v1/projects/{id}"))
                .header("x-edit-token", &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.body["state"], "pending");
    assert_eq!(mine.body["regions"], json!(["africa"]));
    let text = mine.body.to_string();
    assert!(
        !text.contains("grace.secret@example.org"),
        "contact leaked: {text}"
    );
    assert!(!text.contains(&token), "token leaked");

    assert_eq!(
        app.get("/api/v1/projects/not-an-id").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn published_projects_are_public_without_private_fields() {
    let app = TestApp::seeded();
    let r = app.get("/api/v1/search?per_page=1").await;
    let id = r.body["hits"][0]["id"].as_str().unwrap();
    let p = app.get(&format!("/api/v1/projects/{id}")).await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(p.body["state"], "published");
    for private in ["contact", "edit_token", "edit_token_hash"] {
        assert!(p.body.get(private).is_none(), "{private} is public");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_taxonomy_lists_action_lines_sdgs_regions_and_countries() {
    let app = TestApp::empty();
    let r = app.get("/api/v1/taxonomy").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["action_lines"].as_array().unwrap().len(), 11);
    assert_eq!(
        r.body["action_lines"][6]["sublines"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(r.body["sdgs"].as_array().unwrap().len(), 17);
    assert_eq!(r.body["regions"].as_array().unwrap().len(), 7);
    assert!(r.body["countries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "NA" && c["region"] == "africa"));
    assert_eq!(r.body["wsis_sdg_matrix"]["C7.e-learning"], json!([4]));
}

#[tokio::test(flavor = "multi_thread")]
async fn health_and_unknown_routes() {
    let app = TestApp::empty();
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.body["ready"], true);
    let r = app.get("/api/v1/nothing-here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.body["error"]["code"], "not_found");
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_methods_and_bad_paths_keep_the_error_shape() {
    let app = TestApp::empty();
    let r = app
        .send(
            Request::delete("/api/v1/search")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.body["error"]["code"], "method_not_allowed");
    let r = app.get("/api/v1/projects/%FF%FE").await;
    assert!(r.status.is_client_error(), "{}", r.status);
    assert!(r.body["error"]["code"].is_string(), "{}", r.body);
}
