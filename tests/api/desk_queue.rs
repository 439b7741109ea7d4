//! The secretariat's queue page (issue 17, point 11): the decision notice names the
//! project, a waiting revision shows its changes, the queue filters, and a published
//! project is unpublished with a reason.

use axum::http::StatusCode;
use serde_json::json;

use crate::conformance::{assert_conforms, served_document};
use crate::helpers::{html, outside_async, post_form, submission, titles, TestApp, Who};
use crate::pages::{csrf_of, sign_in};

/// A published project whose submitter revised its title, description and SDGs; its id.
async fn published_with_revision(app: &TestApp, key: &str) -> String {
    let (id, token) = app.submit_published(key, &submission(1)).await;
    let mut revised = submission(1);
    revised["title"] = json!("Community broadband cooperative of the lake");
    revised["description"] = json!("Volunteers build and run a fibre network for village 1, with a solar-powered mast and a training room.");
    revised["sdgs"] = json!([9, 4]);
    let r = app.revise(&id, &token, "2", &revised).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    id
}

/// The article of one project on a desk page.
fn item<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("data-id=\"{id}\""))
        .unwrap_or_else(|| panic!("no item {id}"));
    let item = &page[start..];
    &item[..item.find("</article>").unwrap()]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revision_shows_its_changes_and_the_notice_names_what_was_published() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let id = published_with_revision(&app, &key).await;
    let cookie = sign_in(&app, &key).await;
    let desk = app.get_with_cookie("/secretariat", &cookie).await;
    let page = html(&desk);
    let revision = item(page, &id);
    assert!(revision.contains("<del>wireless</del>"), "{revision}");
    assert!(revision.contains("<ins>fibre</ins>"), "{revision}");
    assert!(revision.contains("<ins>lake</ins>"), "{revision}");
    assert!(revision.contains("<ins>SDG 4"), "{revision}");
    assert!(
        !revision.contains("<del>Village Networks Trust"),
        "unchanged"
    );

    let publish = format!("/secretariat/projects/{id}/publish");
    let form = [
        ("csrf", csrf_of(page)),
        ("version", "3".into()),
        ("lang", "fr".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = post_form(&app, &publish, &form, &[("cookie", &cookie)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let back = done.headers["location"].to_str().unwrap().to_string();
    let notice = app.get_with_cookie(&back, &cookie).await;
    let notice = html(&notice);
    assert!(
        notice.contains("Publié\u{a0}: <strong id=\"done-title\" dir=\"auto\">Community broadband cooperative of the lake</strong>"),
        "{back}: {notice}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_puts_the_colon_after_a_label_as_the_page_s_language_does() {
    let app = TestApp::empty();
    let key = app.key("desk");
    app.submit_published(&key, &submission(1)).await;
    // The same project again: it waits with its contact, as a possible duplicate.
    let (waiting, _) = app.submit(&submission(1)).await;
    let cookie = sign_in(&app, &key).await;
    for (lang, contact, duplicates) in [
        (
            "fr",
            "Contact\u{a0}: ",
            "Doublons possibles\u{a0}:</strong>",
        ),
        ("zh", "联系人：", "可能重复：</strong>"),
        ("en", "Contact: ", "Possible duplicates:</strong>"),
    ] {
        let desk = app
            .get_with_cookie(&format!("/secretariat?lang={lang}"), &cookie)
            .await;
        let queued = item(html(&desk), &waiting);
        assert!(queued.contains(contact), "{lang}: {queued}");
        assert!(queued.contains(duplicates), "{lang}: {queued}");
    }
}

/// A queue of three: a revision, a pending submission and a pending e-health one (its
/// title says "Telemedicine"); the app, the key and their ids.
async fn three_waiting() -> (TestApp, String, [String; 3]) {
    let app = TestApp::empty();
    let key = app.key("desk");
    let revised = published_with_revision(&app, &key).await;
    let (pending, _) = app.submit(&submission(2)).await;
    let mut other = submission(3);
    other["title"] = json!("Telemedicine for rural clinics");
    other["action_lines"] = json!(["C7.e-health"]);
    let (health, _) = app.submit(&other).await;
    (app, key, [revised, pending, health])
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_queue_filters_by_kind_and_text_like_the_desk() {
    let (app, key, [revised, pending, health]) = three_waiting().await;
    let ids = |query: &'static str| {
        let (app, key) = (&app, &key);
        async move {
            let r = app.queue(key, query).await;
            assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
            let items = r.body["items"].as_array().cloned().unwrap_or_default();
            let mut ids: Vec<String> = items
                .iter()
                .map(|i| i["project"]["id"].as_str().unwrap_or_default().to_string())
                .collect();
            ids.sort();
            ids
        }
    };
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<String>>()
    };
    let both = sorted(vec![&pending, &health]);
    assert_eq!(ids("?kind=submission").await, both);
    assert_eq!(ids("?kind=revision").await, [revised]);
    assert_eq!(ids("?text=TELEMEDICINE").await, [health]);
    assert_eq!(ids("?text=number%202&kind=submission").await, [pending]);
    assert_eq!(
        ids("?kind=revision&action_line=C7").await,
        Vec::<String>::new()
    );
    assert_eq!(ids("").await.len(), 3);
    for (query, field) in [
        ("?kind=draft", "kind"),
        ("?text=a%0Ab", "text"),
        ("?q=health", "q"),
    ] {
        let r = app.queue(&key, query).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(r.body["error"]["field"], field, "{query}: {}", r.body);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_queue_filters_by_kind_text_and_action_line_with_counts() {
    let (app, key, [revised, pending, health]) = three_waiting().await;
    let cookie = sign_in(&app, &key).await;
    let listed = |query: &'static str| {
        let (app, cookie) = (&app, &cookie);
        async move {
            let r = app
                .get_with_cookie(&format!("/secretariat{query}"), cookie)
                .await;
            html(&r).to_string()
        }
    };
    let all = listed("").await;
    assert!(
        all.contains("<option value=\"pending\">Waiting for review (2)</option>"),
        "{all}"
    );
    assert!(all.contains("Revisions waiting (1)"));
    let only = |page: &str, ids: &[&str]| {
        for id in [&revised, &pending, &health] {
            let shown = page.contains(&format!("<article class=\"queue-item\" data-id=\"{id}\""));
            assert_eq!(shown, ids.contains(&id.as_str()), "{id}");
        }
    };
    only(&listed("?show=revision").await, &[&revised]);
    only(&listed("?show=pending").await, &[&pending, &health]);
    only(&listed("?text=TELEMEDICINE").await, &[&health]);
    only(&listed("?action_line=C7").await, &[&health]);
    only(&listed("?text=NUMBER+2&show=pending").await, &[&pending]);
    let none = listed("?text=nothing+like+this").await;
    assert!(none.contains("id=\"queue-size\">0<"));
    let published = listed("?show=published").await;
    assert!(
        published.contains("/unpublish"),
        "published projects can be unpublished"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn unpublishing_needs_confirmation_and_a_fresh_form_then_leaves_search_with_its_reason() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, _) = app.submit_published(&key, &submission(4)).await;
    assert_eq!(titles(&app.search("q=cooperative").await.body).len(), 1);
    let cookie = sign_in(&app, &key).await;
    let desk = app
        .get_with_cookie("/secretariat?show=published", &cookie)
        .await;
    let csrf = csrf_of(html(&desk));
    let unpublish = format!("/secretariat/projects/{id}/unpublish");
    let post = |fields: Vec<(&'static str, String)>, headers: Vec<(&'static str, String)>| {
        let (app, unpublish) = (&app, &unpublish);
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(app, unpublish, &fields, &headers).await
        }
    };
    let reason = (
        "reason",
        "The organization asked us to take it down.".to_string(),
    );
    let with_cookie = || vec![("cookie", cookie.clone())];
    let unconfirmed = post(vec![("csrf", csrf.clone()), reason.clone()], with_cookie()).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html(&unconfirmed).contains("Tick the box to confirm unpublishing."));
    let confirm = ("confirm", "yes".to_string());
    let forged = vec![("csrf", "0".repeat(64)), reason.clone(), confirm.clone()];
    assert_eq!(
        post(forged, with_cookie()).await.status,
        StatusCode::FORBIDDEN
    );
    let stale = vec![
        ("csrf", csrf.clone()),
        reason.clone(),
        confirm.clone(),
        ("version", "1".into()),
    ];
    let stale = post(stale, with_cookie()).await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER, "back to the queue");
    let location = stale.headers["location"].to_str().unwrap();
    assert!(location.contains("done=changed_meanwhile"), "{location}");
    let ok = vec![
        ("csrf", csrf.clone()),
        reason.clone(),
        confirm,
        ("version", "2".into()),
    ];
    let done = post(ok, with_cookie()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let back = done.headers["location"].to_str().unwrap().to_string();
    let notice = app.get_with_cookie(&back, &cookie).await;
    assert!(html(&notice).contains("Unpublished: <strong id=\"done-title\" dir=\"auto\">"));

    outside_async(|| app.service.commit_index().unwrap());
    assert!(titles(&app.search("q=cooperative").await.body).is_empty());
    let history = app.history(&id, Who::Secretariat(&key)).await;
    let last = &history.body["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["action"], "unpublished");
    assert_eq!(last["to"], "changes_requested");
    assert_eq!(
        last["message"],
        "The organization asked us to take it down."
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_unpublishes_with_a_reason_but_not_while_a_revision_waits() {
    let app = TestApp::empty();
    let key = app.key("desk");
    let waiting = published_with_revision(&app, &key).await;
    let uri = |id: &str| format!("/api/v1/projects/{id}/unpublish");
    let body = json!({ "reason": "Out of date." });
    let refused = app
        .call_as("POST", &uri(&waiting), Who::Secretariat(&key), Some(&body))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    let (id, token) = app.submit_published(&key, &submission(5)).await;
    let by_submitter = app
        .call("POST", &uri(&id), &[("x-edit-token", &token)], Some(&body))
        .await;
    assert_eq!(by_submitter.status, StatusCode::FORBIDDEN);
    let r = app
        .call_as("POST", &uri(&id), Who::Secretariat(&key), Some(&body))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["state"], "changes_requested");
    assert_eq!(r.body["message"], "Out of date.");
    let doc = served_document(&app).await;
    for answer in [&refused, &by_submitter, &r] {
        assert_conforms(&doc, "post", "/api/v1/projects/{id}/unpublish", answer);
    }
}

/// An app with one submission waiting (`submission(n)`), a signed-in member: the app, the
/// key, the project's id and the session cookie.
async fn one_waiting(n: usize) -> (TestApp, String, String, String) {
    let app = TestApp::empty();
    let key = app.key("desk");
    let (id, _) = app.submit(&submission(n)).await;
    let cookie = sign_in(&app, &key).await;
    (app, key, id, cookie)
}

/// Posts a desk decision form with the signed-in session; its answer.
async fn decide(
    app: &TestApp,
    cookie: &str,
    (id, decision): (&str, &str),
    fields: &[(&str, &str)],
) -> crate::helpers::Response {
    let path = format!("/secretariat/projects/{id}/{decision}");
    post_form(app, &path, fields, &[("cookie", cookie)]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_decided_meanwhile_comes_back_to_the_filtered_queue_with_a_notice() {
    let (app, key, id, cookie) = one_waiting(5).await;
    let desk = app
        .get_with_cookie("/secretariat?show=pending&lang=fr", &cookie)
        .await;
    let page = html(&desk);
    assert!(
        page.contains("type=\"hidden\" name=\"show\" value=\"pending\""),
        "the forms carry the filter"
    );
    let csrf = csrf_of(page);
    let form = [
        ("csrf", csrf.as_str()),
        ("version", "1"),
        ("lang", "fr"),
        ("show", "pending"),
    ];
    // Another member publishes it first; this form, drawn before, decides nothing.
    let first = decide(&app, &cookie, (&id, "publish"), &form).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let late = decide(
        &app,
        &cookie,
        (&id, "request-changes"),
        &[&form[..], &[("message", "Add a website")]].concat(),
    )
    .await;
    assert_eq!(late.status, StatusCode::SEE_OTHER, "{}", late.text());
    let back = late.headers["location"].to_str().unwrap().to_string();
    assert_eq!(
        back,
        format!("/secretariat?show=pending&done=changed_meanwhile&project={id}&lang=fr")
    );
    let notice = app.get_with_cookie(&back, &cookie).await;
    assert_eq!(notice.status, StatusCode::OK);
    let notice = html(&notice);
    assert!(notice.contains("data-takes-focus"), "{notice}");
    assert!(
        notice.contains("Modifié entre-temps, donc aucune décision prise"),
        "{notice}"
    );
    assert!(notice.contains("Community broadband cooperative number 5</strong>"));
    let history = app.history(&id, Who::Secretariat(&key)).await;
    let last = history.body["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["to"], "published", "the late decision changed nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn rejecting_needs_the_box_ticked_and_an_unticked_form_shows_the_queue_with_the_reason_kept()
{
    let (app, key, id, cookie) = one_waiting(6).await;
    let desk = app.get_with_cookie("/secretariat", &cookie).await;
    let page = html(&desk);
    assert!(item(page, &id).contains("I confirm rejecting this project"));
    let csrf = csrf_of(page);
    let reason = ("reason", "Not an ICT project");
    let form = [("csrf", csrf.as_str()), ("version", "1"), reason];
    let unticked = decide(&app, &cookie, (&id, "reject"), &form).await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    let again = html(&unticked);
    let queued = item(again, &id);
    assert!(
        queued.contains("id=\"decision-error\" role=\"alert\" tabindex=\"-1\" data-takes-focus>Tick the box to confirm rejecting.</p>"),
        "{queued}"
    );
    assert!(
        queued.contains(">Not an ICT project</textarea>"),
        "{queued}"
    );
    let history = app.history(&id, Who::Secretariat(&key)).await;
    assert_eq!(
        history.body["history"].as_array().unwrap().len(),
        1,
        "not rejected"
    );
    let ticked = [&form[..], &[("confirm", "yes")]].concat();
    let done = decide(&app, &cookie, (&id, "reject"), &ticked).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let back = done.headers["location"].to_str().unwrap();
    assert!(back.contains("done=rejected"), "{back}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_arabic_desk_isolates_dates_addresses_names_and_organizations() {
    let (app, _, id, cookie) = one_waiting(7).await;
    let desk = app.get_with_cookie("/secretariat?lang=ar", &cookie).await;
    let queued = item(html(&desk), &id).to_string();
    for isolated in [
        "<h3 dir=\"auto\">Community broadband cooperative number 7</h3>",
        "<bdi class=\"org\">Village Networks Trust</bdi>",
        "<bdi class=\"name\">Grace Achieng</bdi>",
        "<span class=\"email\" dir=\"ltr\">&lt;grace.secret@example.org&gt;</span>",
        "name=\"reason\" dir=\"auto\"",
    ] {
        assert!(queued.contains(isolated), "{isolated}: {queued}");
    }
    let date = queued
        .find("<time dir=\"ltr\" datetime=\"")
        .expect("the date is isolated");
    assert!(queued[date..].contains(" UTC</time>"), "{queued}");
}
