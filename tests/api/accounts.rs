//! Accounts without passwords through the API: a link by e-mail, a bearer token from it,
//! "my projects" in every state, and the submitter's rights on them; single use, expiry,
//! no account enumeration, limits per address and per client.

use std::time::Duration;

use axum::http::StatusCode;
use reqwest::blocking::Client;
use serde_json::{json, Value};

use crate::helpers::{outside_async, run_cli, submission, Server, TestApp};
use crate::smtp::Smtp;
use wsis_stocktaking::model::NoticeKind;

fn desk_key(data: &std::path::Path) -> String {
    let (code, out, err) = run_cli(data, &["keys", "create", "--name", "desk"]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

fn send(
    client: &Client,
    method: &str,
    url: &str,
    bearer: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client.request(method.parse().unwrap(), url);
    if let Some(b) = bearer {
        request = request.bearer_auth(b);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let r = request.send().unwrap();
    let status = r.status().as_u16();
    (status, r.json().unwrap_or(Value::Null))
}

fn submitted(client: &Client, server: &Server, title: &str, email: &str) -> String {
    let mut body = submission(2);
    body["title"] = json!(title);
    body["contact"] = json!({"name": "Owner", "email": email});
    let (status, answer) = send(
        client,
        "POST",
        &server.url("/api/v1/projects"),
        None,
        Some(body),
    );
    assert_eq!(status, 201, "{answer}");
    answer["id"].as_str().unwrap().to_string()
}

/// The token of the sign-in link mailed to `to`.
fn mailed_token(smtp: &Smtp, to: &str, n: usize) -> String {
    let mails = smtp.wait_for(n, |m| {
        m.to == to && m.text.contains("/account/sign-in?token=")
    });
    let link = mails[n - 1].link("/account/sign-in?token=");
    let query = link.split_once('?').unwrap().1;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "token")
        .unwrap()
        .1
        .into_owned()
}

/// A server mailing through a real SMTP server, and three pending projects: two of
/// `owner@example.org` (written in two cases; one of them rejected) and one of someone
/// else.
struct Owners {
    _dir: tempfile::TempDir,
    server: Server,
    smtp: Smtp,
    client: Client,
    key: String,
    mine: String,
    refused: String,
    theirs: String,
}

fn owners() -> Owners {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let key = desk_key(&data);
    let smtp = Smtp::start();
    let url = smtp.url();
    let server = Server::spawn(
        &data,
        &["--no-seed", "--smtp-url", &url, "--mail-retry-ms", "50"],
    );
    let client = Client::new();
    let mine = submitted(&client, &server, "Mine pending", "owner@example.org");
    let refused = submitted(&client, &server, "Mine refused", "Owner@Example.ORG");
    let theirs = submitted(&client, &server, "Theirs", "someone@example.org");
    let reject = server.url(&format!("/api/v1/projects/{refused}/reject"));
    let (status, _) = send(
        &client,
        "POST",
        &reject,
        Some(&key),
        Some(json!({"reason": "Duplicate entry."})),
    );
    assert_eq!(status, 200);

    Owners {
        _dir: dir,
        server,
        smtp,
        client,
        key,
        mine,
        refused,
        theirs,
    }
}

#[test]
fn a_link_is_answered_alike_for_every_address_and_works_once() {
    let Owners {
        server,
        smtp,
        client,
        ..
    } = &owners();
    // The same answer for an address with projects and one without.
    let ask = server.url("/api/v1/account/sign-in-link");
    let (status, known) = send(
        client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "OWNER@example.org", "language": "ru"})),
    );
    assert_eq!(status, 202);
    let (status, unknown) = send(
        client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "nobody@example.org"})),
    );
    assert_eq!((status, &unknown), (202, &known));
    let (status, bad) = send(
        client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "not an address"})),
    );
    assert_eq!(status, 422);
    assert_eq!(bad["error"]["field"], "email");

    let token = mailed_token(smtp, "OWNER@example.org", 1);
    let sign_in = smtp
        .all()
        .into_iter()
        .find(|m| m.to == "OWNER@example.org")
        .unwrap();
    assert_eq!(sign_in.subject, "Ссылка для входа в WSIS Stocktaking");
    assert!(sign_in.link("sign-in").ends_with("&lang=ru"));

    let exchange = server.url("/api/v1/account/token");
    let (status, access) = send(
        client,
        "POST",
        &exchange,
        None,
        Some(json!({"token": token})),
    );
    assert_eq!(status, 200, "{access}");
    let bearer = access["access_token"].as_str().unwrap().to_string();
    assert!(bearer.starts_with("acct_"));
    assert_eq!(access["token_type"], "Bearer");
    // A link works once.
    let (status, again) = send(
        client,
        "POST",
        &exchange,
        None,
        Some(json!({"token": token})),
    );
    assert_eq!(status, 401, "{again}");
}

/// An account token for `owner@example.org`, from a mailed link.
fn owner_token(o: &Owners) -> String {
    let ask = o.server.url("/api/v1/account/sign-in-link");
    let (status, _) = send(
        &o.client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "owner@example.org"})),
    );
    assert_eq!(status, 202);
    let token = mailed_token(&o.smtp, "owner@example.org", 1);
    let exchange = o.server.url("/api/v1/account/token");
    let (status, access) = send(
        &o.client,
        "POST",
        &exchange,
        None,
        Some(json!({"token": token})),
    );
    assert_eq!(status, 200, "{access}");
    access["access_token"].as_str().unwrap().to_string()
}

#[test]
fn an_account_token_lists_my_projects_in_every_state_and_acts_on_them_only() {
    let owners = owners();
    let bearer = owner_token(&owners);
    let Owners {
        server,
        client,
        key,
        mine,
        refused,
        theirs,
        ..
    } = &owners;
    let (status, listed) = send(
        client,
        "GET",
        &server.url("/api/v1/account/projects"),
        Some(&bearer),
        None,
    );
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["email"], "owner@example.org");
    let mut states: Vec<(String, String)> = listed["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    states.sort();
    let mut expected = vec![
        (mine.clone(), "pending".to_string()),
        (refused.clone(), "rejected".to_string()),
    ];
    expected.sort();
    assert_eq!(states, expected);
    let rejected = listed["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == refused.as_str())
        .unwrap();
    assert!(rejected["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["message"] == "Duplicate entry."));
    assert!(
        rejected.get("contact").is_none(),
        "contact details stay with the secretariat"
    );

    // The token acts as the submitter on the account's projects, and only on them.
    let mut revision = submission(2);
    revision["title"] = json!("Mine, revised");
    revision.as_object_mut().unwrap().remove("contact");
    let r = client
        .put(server.url(&format!("/api/v1/projects/{mine}")))
        .bearer_auth(&bearer)
        .header("if-match", "1")
        .json(&revision)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().unwrap());
    let (status, _) = send(
        client,
        "GET",
        &server.url(&format!("/api/v1/projects/{theirs}")),
        Some(&bearer),
        None,
    );
    assert_eq!(status, 404);
    let r = client
        .delete(server.url(&format!("/api/v1/projects/{theirs}")))
        .bearer_auth(&bearer)
        .send()
        .unwrap();
    assert!(matches!(r.status().as_u16(), 401 | 404), "{}", r.status());
    // Without a token there is no "my projects"; a secretariat key has none of its own.
    let (status, _) = send(
        client,
        "GET",
        &server.url("/api/v1/account/projects"),
        None,
        None,
    );
    assert_eq!(status, 401);
    let (status, _) = send(
        client,
        "GET",
        &server.url("/api/v1/account/projects"),
        Some(key),
        None,
    );
    assert_eq!(status, 403);
    let (status, _) = send(
        client,
        "GET",
        &server.url("/api/v1/account/projects"),
        Some("acct_forged"),
        None,
    );
    assert_eq!(status, 401);
}

#[test]
fn links_are_limited_per_address_and_per_client() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let smtp = Smtp::start();
    let url = smtp.url();
    let server = Server::spawn(
        &data,
        &[
            "--no-seed",
            "--smtp-url",
            &url,
            "--mail-retry-ms",
            "50",
            "--sign-ins-per-hour",
            "5",
        ],
    );
    let client = Client::new();
    let ask = server.url("/api/v1/account/sign-in-link");
    for _ in 0..4 {
        let (status, _) = send(
            &client,
            "POST",
            &ask,
            None,
            Some(json!({"email": "a@example.org"})),
        );
        assert_eq!(status, 202);
    }
    let (status, _) = send(
        &client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "b@example.org"})),
    );
    assert_eq!(status, 202);
    let (status, limited) = send(
        &client,
        "POST",
        &ask,
        None,
        Some(json!({"email": "c@example.org"})),
    );
    assert_eq!(status, 429, "{limited}");
    smtp.wait_for(1, |m| m.to == "b@example.org");
    std::thread::sleep(Duration::from_millis(300));
    let to_a = smtp
        .all()
        .iter()
        .filter(|m| m.to == "a@example.org")
        .count();
    assert_eq!(to_a, 3, "three links to one address, then none");
    assert!(smtp.all().iter().all(|m| m.to != "c@example.org"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_link_is_refused() {
    let app = TestApp::configured(|c| c.link_validity = Duration::from_millis(200));
    let r = app
        .post_json(
            "/api/v1/account/sign-in-link",
            &json!({"email": "late@example.org"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.body);
    let outbox = outside_async(|| app.service.outbox().unwrap());
    let token = outbox
        .iter()
        .find_map(|q| match &q.notice.kind {
            NoticeKind::SignIn { token } => Some(token.clone()),
            _ => None,
        })
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let r = app
        .post_json("/api/v1/account/token", &json!({"token": token}))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("expired"));
}
