//! `/secretariat`: sign in with a key (a session cookie), the moderation queue with
//! duplicate hints, and publish / request changes / reject. Every form carries the
//! session's CSRF token; posts from other origins are refused.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::call;
use super::desk::{desk, desk_for_post, desk_nav, editor_for_post, key_holder, Desk};
use super::errors::error_page;
use super::form_post::FormPost;
use super::forms::FormValues;
use super::i18n;
use super::layout::{document, hidden_lang, query_value, Ctx};
use super::project::fields_list;
use super::responses::{origin, see_other, HtmlPage, PageResult};
use super::secretariat_texts::secretariat_texts;
use super::session::{self, same_origin};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::{
    message_text, Decision, Filters, ReviewKind, State as ProjectState, ValidationErrors,
    MESSAGE_MAX_CHARS,
};
use crate::service::{Caller, QueueItem, ServiceError};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(desk_page))
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
        .routes(routes!(decide))
}

/// The secretariat's desk: sign-in, or the moderation queue.
#[utoipa::path(
    get,
    path = "/secretariat",
    tag = PAGES,
    responses(
        ThePage
    )
)]
async fn desk_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let pairs = query_pairs(raw.as_deref());
    let done = query_value(&pairs, "done").and_then(done_state);
    let ctx = Ctx::from_query("/secretariat", pairs);
    let Some(desk) = desk(&state, &ctx, &headers).await? else {
        return Ok(sign_in_page(&ctx, false));
    };
    let queue = call(&state, &ctx, |s| s.moderation_queue(&Filters::default())).await?;
    let body = desk_body(&ctx, &desk, done, &queue);
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, ctx.t.nav_secretariat, body),
    ))
}

/// The moderation desk: the bar, what the last decision did, and the queue.
fn desk_body(ctx: &Ctx, desk: &Desk, done: Option<ProjectState>, queue: &[QueueItem]) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        h1 { (ctx.t.nav_secretariat) }
        (desk_nav(ctx, desk))
        @if let Some(state) = done {
            p.notice role="status" #done data-state=(state.code()) { (d.done) ": " (i18n::state(ctx.lang, state)) }
        }
        h2 { (d.moderation_queue) " (" span #queue-size { (queue.len()) } ")" }
        @if queue.is_empty() { p { (d.queue_empty) } }
        @for item in queue { (queue_item(ctx, desk, item)) }
    }
}

fn queue_item(ctx: &Ctx, desk: &Desk, item: &QueueItem) -> Markup {
    let p = &item.project.project;
    let id = p.id.to_string();
    let fields = match (&item.kind, &item.project.revision) {
        (ReviewKind::Revision, Some(revision)) => &revision.fields,
        _ => &p.fields,
    };
    let d = secretariat_texts(ctx.lang);
    let kind = match item.kind {
        ReviewKind::Revision => d.revision,
        _ => d.new_submission,
    };
    html! {
        article.queue-item data-id=(id) {
            h3 { (fields.title) }
            p.meta { (kind) " · " (fields.organization) " · " (d.waiting_since) " " (item.waiting_since.format("%Y-%m-%d %H:%M")) " UTC · " (ctx.t.version) " " (p.version) }
            @if let Some(contact) = &item.project.contact {
                p.meta { (d.contact) ": " (contact.name) " <" (contact.email) ">" }
            }
            @if !item.possible_duplicates.is_empty() {
                div.dup {
                    p { strong { (d.duplicates) ":" } }
                    ul {
                        @for dup in &item.possible_duplicates {
                            li.duplicate data-id=(dup.id) data-state=(dup.state.code()) {
                                @if dup.state == ProjectState::Published {
                                    a href=(ctx.href(&format!("/projects/{}", dup.id), &[])) { (dup.title) }
                                } @else {
                                    (dup.title) " · " (i18n::state(ctx.lang, dup.state))
                                }
                                " (" (dup.organization) "; " (dup.reason) ")"
                            }
                        }
                    }
                }
            }
            details {
                summary { (d.all_fields) }
                (fields_list(ctx, fields, &fields.regions()))
            }
            @if desk.can_edit() { (decision_forms(ctx, desk, &id, p.version)) }
        }
    }
}

/// Publish, request changes and reject, for a queued project.
fn decision_forms(ctx: &Ctx, desk: &Desk, id: &str, version: u64) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let decision_form = |decision: &str, fields: Markup| {
        html! {
            form method="post" action=(format!("/secretariat/projects/{id}/{decision}")) {
                (desk.form_fields(ctx))
                input type="hidden" name="version" value=(version);
                (fields)
            }
        }
    };
    html! {
        div.actions {
            (decision_form("publish", html! {
                button type="submit" { (d.publish) }
            }))
            (decision_form("request-changes", html! {
                label for=(format!("message-{id}")) { (d.message_label) }
                textarea id=(format!("message-{id}")) name="message" rows="2" required maxlength=(MESSAGE_MAX_CHARS) {}
                button.secondary type="submit" { (d.request_changes) }
            }))
            (decision_form("reject", html! {
                label for=(format!("reason-{id}")) { (d.reason_label) }
                textarea id=(format!("reason-{id}")) name="reason" rows="2" required maxlength=(MESSAGE_MAX_CHARS) {}
                button.danger type="submit" { (d.reject) }
            }))
        }
    }
}

fn sign_in_page(ctx: &Ctx, failed: bool) -> HtmlPage {
    let d = secretariat_texts(ctx.lang);
    let body = html! {
        h1 { (ctx.t.nav_secretariat) }
        @if failed { p.alert role="alert" #sign-in-error { (d.bad_key) } }
        form.stack method="post" action="/secretariat/sign-in" {
            (hidden_lang(ctx))
            div.field {
                label for="key" { (d.key_label) }
                p.hint { (d.key_hint) }
                input #key type="password" name="key" required autocomplete="current-password";
            }
            button type="submit" { (d.sign_in) }
        }
    };
    let status = if failed {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    HtmlPage(status, document(ctx, ctx.t.nav_secretariat, body))
}

/// Signs in with a secretariat key.
#[utoipa::path(
    post,
    path = "/secretariat/sign-in",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Signed in: to the desk", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 401, description = "Unknown key", content_type = "text/html", body = String),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String),
        (status = 429, description = "Too many attempts", content_type = "text/html", body = String)
    )
)]
async fn sign_in(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/secretariat");
    if !same_origin(&post.headers) {
        return Err(error_page(
            &ctx,
            &ServiceError::Forbidden("sign in from this site's own page".into()),
        ));
    }
    // Key guesses share the budget of anonymous writes.
    post.spend_write(&state, &Caller::Public)
        .map_err(|e| error_page(&ctx, &e))?;
    let key = post.values.get("key").to_string();
    let holder = key_holder(&state, &ctx, key.clone()).await?;
    if !holder.is_some_and(|caller| caller.is_secretariat()) {
        return Ok(sign_in_page(&ctx, true).into_response());
    }
    Ok(open_session(&state, &ctx, &post.headers, key))
}

/// Opens a session for a secretariat key (closing the one the browser held): to the desk,
/// with the session cookie.
fn open_session(state: &AppState, ctx: &Ctx, headers: &HeaderMap, key: String) -> Response {
    state.sessions.close(headers);
    let id = state.sessions.open(key);
    let mut response = see_other(&ctx.href("/secretariat", &[]));
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(&id, origin(headers).starts_with("https:")),
    );
    response
}

/// Signs out.
#[utoipa::path(
    post,
    path = "/secretariat/sign-out",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Signed out", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String)
    )
)]
async fn sign_out(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/secretariat");
    desk_for_post(&state, &ctx, &post).await?;
    state.sessions.close(&post.headers);
    let mut response = see_other(&ctx.href("/secretariat", &[]));
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::clear_cookie());
    Ok(response)
}

/// A moderation decision from the desk: publish, request-changes or reject.
#[utoipa::path(
    post,
    path = "/secretariat/projects/{id}/{decision}",
    tag = PAGES,
    params(("id" = String, Path, description = "The project"), ("decision" = String, Path, description = "publish, request-changes or reject")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Decided: back to the desk", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Not signed in, a read-only key or a bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown project or decision", content_type = "text/html", body = String),
        (status = 409, description = "Changed meanwhile", content_type = "text/html", body = String),
        (status = 422, description = "A message or reason is missing", content_type = "text/html", body = String)
    )
)]
async fn decide(
    State(state): State<AppState>,
    ApiPath((id, decision)): ApiPath<(String, String)>,
    post: FormPost,
) -> Result<Response, Response> {
    let ctx = post.ctx("/secretariat");
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let (decision, done) =
        decision_of(&decision, &post.values).map_err(|e| error_page(&ctx, &e))?;
    let version = post.values.get("version").parse().ok();
    let caller = desk.caller;
    call(&state, &ctx, move |s| {
        s.decide(&id, &caller, decision, version)
    })
    .await?;
    Ok(see_other(&ctx.href("/secretariat", &[("done", done)])))
}

/// The decision a desk form names, with the state it leads to (for `?done=`): an unknown
/// decision is not found; a missing, too long or unacceptable message or reason is invalid.
fn decision_of(name: &str, values: &FormValues) -> Result<(Decision, &'static str), ServiceError> {
    let text = |field: &str| {
        message_text(field, values.get(field))
            .map_err(|problem| ServiceError::Invalid(ValidationErrors(vec![problem])))
    };
    match name {
        "publish" => Ok((Decision::Publish, "published")),
        "request-changes" => Ok((
            Decision::RequestChanges(text("message")?),
            "changes_requested",
        )),
        "reject" => Ok((Decision::Reject(text("reason")?), "rejected")),
        _ => Err(ServiceError::NotFound(format!("no decision '{name}'"))),
    }
}

/// The state a decision named in `?done=` led to.
fn done_state(code: &str) -> Option<ProjectState> {
    [
        ProjectState::Published,
        ProjectState::ChangesRequested,
        ProjectState::Rejected,
    ]
    .into_iter()
    .find(|s| s.code() == code)
}
