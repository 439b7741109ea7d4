//! E-mail through a real SMTP server and the real binary: a notice at each step of a
//! submission, in the contact's language, with its links; nothing lost while the server is
//! down, and a restart sends what was not delivered.

use reqwest::blocking::Client;
use serde_json::{json, Value};

use crate::helpers::{run_cli, submission, Server};
use crate::smtp::{Mail, Smtp};

/// A secretariat key for a data directory (made before the server opens it).
fn desk_key(data: &std::path::Path) -> String {
    let (code, out, err) = run_cli(data, &["keys", "create", "--name", "desk"]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

fn serve_with_mail(data: &std::path::Path, smtp: &Smtp) -> Server {
    let url = smtp.url();
    Server::spawn(
        data,
        &[
            "--no-seed",
            "--smtp-url",
            &url,
            "--mail-retry-ms",
            "50",
            "--public-url",
            "https://stocktaking.example",
        ],
    )
}

/// Posts JSON; answers (status, body).
fn post(client: &Client, url: &str, key: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = client.post(url).json(body);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let r = request.send().unwrap();
    let status = r.status().as_u16();
    (status, r.json().unwrap_or(Value::Null))
}

fn submit(
    client: &Client,
    server: &Server,
    title: &str,
    email: &str,
    language: Option<&str>,
) -> (String, String) {
    let mut body = submission(1);
    body["title"] = json!(title);
    body["contact"] = json!({"name": "Owner", "email": email});
    if let Some(l) = language {
        body["contact"]["language"] = json!(l);
    }
    let (status, answer) = post(client, &server.url("/api/v1/projects"), None, &body);
    assert_eq!(status, 201, "{answer}");
    (
        answer["id"].as_str().unwrap().to_string(),
        answer["edit_token"].as_str().unwrap().to_string(),
    )
}

fn metric(server: &Server, name: &str) -> f64 {
    let text = server.get_text("/metrics");
    text.lines()
        .find(|l| l.split_whitespace().next() == Some(&format!("stocktaking_{name}")))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {text}"))
}

fn about(title: &str) -> impl Fn(&Mail) -> bool + '_ {
    move |m: &Mail| m.subject.contains(title)
}

/// A server mailing through a real SMTP server, with a secretariat key.
struct Mailing {
    _dir: tempfile::TempDir,
    key: String,
    smtp: Smtp,
    server: Server,
    client: Client,
}

fn mailing() -> Mailing {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let key = desk_key(&data);
    let smtp = Smtp::start();
    let server = serve_with_mail(&data, &smtp);
    let client = Client::new();

    Mailing {
        _dir: dir,
        key,
        smtp,
        server,
        client,
    }
}

/// A project whose contact reads French: (id, edit token).
fn french_submission(client: &Client, server: &Server) -> (String, String) {
    let title = "Télécentres ruraux";
    submit(client, server, title, "Owner@Example.org", Some("fr"))
}

#[test]
fn a_receipt_carries_the_private_link_in_the_contacts_language() {
    let Mailing {
        smtp,
        server,
        client,
        ..
    } = &mailing();
    let (id, token) = french_submission(client, server);
    let received = smtp.wait_for(1, about("Télécentres ruraux"));
    let first = &received[0];
    assert_eq!(first.to, "Owner@Example.org");
    assert!(
        first.subject.starts_with("Nous avons reçu votre projet"),
        "{first:?}"
    );
    let private = first.link("token=");
    assert_eq!(
        private,
        format!("https://stocktaking.example/submissions/{id}?token={token}&lang=fr")
    );
    assert!(first.link("/account").ends_with("/account?lang=fr"));
    assert!(
        first.html.contains(&format!("token={token}")),
        "{}",
        first.html
    );
    // The private link opens the submitter's page.
    let page = client
        .get(server.url(&private.replace("https://stocktaking.example", "")))
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
}

#[test]
fn each_decision_of_the_secretariat_is_mailed_with_its_words() {
    let Mailing {
        key,
        smtp,
        server,
        client,
        ..
    } = &mailing();
    let (id, token) = french_submission(client, server);
    let changes = server.url(&format!("/api/v1/projects/{id}/request-changes"));
    let (status, _) = post(
        client,
        &changes,
        Some(key),
        &json!({"message": "Ajoutez les dates.\nEt le site web."}),
    );
    assert_eq!(status, 200);
    let asked = smtp.wait_for(1, |m| m.subject.starts_with("Modifications demandées"));
    assert!(
        asked[0]
            .text
            .contains("> Ajoutez les dates.\n> Et le site web."),
        "{}",
        asked[0].text
    );
    assert!(asked[0]
        .link("/submissions/")
        .ends_with(&format!("/submissions/{id}?lang=fr")));

    // The submitter's own revision mails nothing; the secretariat's publication does.
    let mut revised = submission(1);
    revised["title"] = json!("Télécentres ruraux");
    revised["start_date"] = json!("2020-01-01");
    revised.as_object_mut().unwrap().remove("contact");
    let r = client
        .put(server.url(&format!("/api/v1/projects/{id}")))
        .header("x-edit-token", &token)
        .header("if-match", "2")
        .json(&revised)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().unwrap());
    let (status, _) = post(
        client,
        &server.url(&format!("/api/v1/projects/{id}/publish")),
        Some(key),
        &json!({}),
    );
    assert_eq!(status, 200);
    let published = smtp.wait_for(1, |m| m.subject.contains("est publié"));
    assert!(published[0]
        .link("/projects/")
        .ends_with(&format!("/projects/{id}?lang=fr")));

    // Another project, in English by default, refused with a reason.
    let (other, _) = submit(client, server, "Mobile clinics", "other@example.org", None);
    let reject = server.url(&format!("/api/v1/projects/{other}/reject"));
    let (status, _) = post(
        client,
        &reject,
        Some(key),
        &json!({"reason": "Outside the Action Lines."}),
    );
    assert_eq!(status, 200);
    let refused = smtp.wait_for(1, |m| m.subject == "\"Mobile clinics\" was not accepted");
    assert!(refused[0].text.contains("> Outside the Action Lines."));

    let all = smtp.all();
    assert_eq!(all.len(), 5, "{all:#?}");
    let mut ids: Vec<&str> = all.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5, "every message has its own Message-ID");
    assert!(ids.iter().all(|i| i.ends_with("@localhost")), "{ids:?}");
    assert_eq!(metric(server, "mail_queued"), 0.0);
    assert_eq!(metric(server, "mail_sent_total"), 5.0);
}

#[test]
fn a_mail_server_down_loses_no_message_and_a_restart_sends_what_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let smtp = Smtp::start();
    smtp.set_down(true);
    let server = serve_with_mail(&data, &smtp);
    let client = Client::new();
    for n in 0..3 {
        submit(
            &client,
            &server,
            &format!("Queued project {n}"),
            &format!("q{n}@example.org"),
            None,
        );
    }
    // Every write was acknowledged while the mail server refused: the messages wait.
    let started = std::time::Instant::now();
    while metric(&server, "mail_failures_total") < 2.0 {
        assert!(started.elapsed().as_secs() < 20, "no failed attempt seen");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(metric(&server, "mail_queued"), 3.0);
    assert!(smtp.all().is_empty());

    // A crash, then a restart with the mail server back: all three go out.
    server.kill_9();
    smtp.set_down(false);
    let server = serve_with_mail(&data, &smtp);
    let delivered = smtp.wait_for(3, |m| m.subject.contains("Queued project"));
    let mut to: Vec<&str> = delivered.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["q0@example.org", "q1@example.org", "q2@example.org"]);
    let started = std::time::Instant::now();
    while metric(&server, "mail_queued") > 0.0 {
        assert!(started.elapsed().as_secs() < 20, "the outbox never emptied");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    // Down again for a while, then up: a message written meanwhile arrives once it is.
    smtp.set_down(true);
    submit(&client, &server, "Late project", "late@example.org", None);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(smtp
        .all()
        .iter()
        .all(|m| !m.subject.contains("Late project")));
    smtp.set_down(false);
    smtp.wait_for(1, about("Late project"));
}

#[test]
fn without_an_smtp_server_messages_are_written_to_the_outbox_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data);
    let client = Client::new();
    let (id, token) = submit(
        &client,
        &server,
        "Folder project",
        "f@example.org",
        Some("es"),
    );
    let outbox = data.join("outbox");
    let started = std::time::Instant::now();
    let file = loop {
        let found = std::fs::read_dir(&outbox).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "eml"))
        });
        if let Some(found) = found {
            break found;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "no .eml in {}",
            outbox.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let raw = std::fs::read(&file).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        parsed.subject(),
        Some("Hemos recibido su proyecto «Folder project»")
    );
    let text = parsed.body_text(0).unwrap();
    assert!(
        text.contains(&format!("/submissions/{id}?token={token}&lang=es")),
        "{text}"
    );
}

#[test]
fn an_address_refused_for_good_holds_up_no_other_message_and_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let smtp = Smtp::start();
    smtp.refuse("bounce@example.org");
    let server = serve_with_mail(&data, &smtp);
    let client = Client::new();
    submit(
        &client,
        &server,
        "Bouncing project",
        "bounce@example.org",
        None,
    );
    for n in 0..3 {
        submit(
            &client,
            &server,
            &format!("Fine project {n}"),
            &format!("fine{n}@example.org"),
            None,
        );
    }
    smtp.wait_for(3, |m| m.subject.contains("Fine project"));
    let started = std::time::Instant::now();
    while metric(&server, "mail_dropped_total") < 1.0 {
        assert!(
            started.elapsed().as_secs() < 20,
            "the refused message was never dropped"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(metric(&server, "mail_queued"), 0.0);
    assert!(metric(&server, "mail_failures_total") >= 3.0);
    assert!(smtp.all().iter().all(|m| m.to != "bounce@example.org"));
}
