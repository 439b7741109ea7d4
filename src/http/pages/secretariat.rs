//! `/secretariat`: sign in with a key (a session cookie), the moderation queue with
//! duplicate hints and each revision's changes, filtered by the URL; publish / request
//! changes / reject, and unpublish a published project. Every form carries the session's
//! CSRF token; posts from other origins are refused.

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
use super::queue_filter::{filter_form, QueueFilter};
use super::responses::{origin, see_other, HtmlPage, PageResult};
use super::revision_diff::revision_diff;
use super::secretariat_texts::secretariat_texts;
use super::session::{self, same_origin};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::{
    message_text, Decision, FieldError, OwnerProject, ReviewKind, State as ProjectState,
    ValidationErrors, MESSAGE_MAX_CHARS,
};
use crate::service::{Caller, ProjectView, QueueItem, ServiceError};

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
    let done = query_value(&pairs, "done").and_then(done_code);
    let project = query_value(&pairs, "project").map(str::to_string);
    let filter = QueueFilter::of(&pairs);
    let ctx = Ctx::from_query("/secretariat", pairs);
    let Some(desk) = desk(&state, &ctx, &headers).await? else {
        return Ok(sign_in_page(&ctx, false));
    };
    let notice = match done {
        Some(code) => Some((code, decided_title(&state, &ctx, &desk, project).await?)),
        None => None,
    };
    let listed = listed(&state, &ctx, filter.clone()).await?;
    let body = desk_body(&ctx, &desk, notice, &filter, &listed);
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, ctx.t.nav_secretariat, body),
    ))
}

/// The title of the project a decision concerned, if it can still be read.
async fn decided_title(
    state: &AppState,
    ctx: &Ctx,
    desk: &Desk,
    project: Option<String>,
) -> Result<Option<String>, Response> {
    let (Some(id), caller) = (project, desk.caller.clone()) else {
        return Ok(None);
    };
    call(state, ctx, move |s| match s.project_view(&id, &caller) {
        Ok(ProjectView::Owner(p)) => Ok(Some(p.project.fields.title)),
        Ok(ProjectView::Public(p)) => Ok(Some(p.fields.title)),
        Err(ServiceError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    })
    .await
}

/// What the desk lists: the queued items that pass the filter's text and Action Line (of
/// every kind, for the counts), and the projects of a state beyond the queue.
struct Listed {
    waiting: Vec<QueueItem>,
    beyond: Vec<OwnerProject>,
}

/// Most projects listed of a state beyond the queue.
const BEYOND_QUEUE_LIMIT: usize = 50;

async fn listed(state: &AppState, ctx: &Ctx, filter: QueueFilter) -> Result<Listed, Response> {
    call(state, ctx, move |s| {
        let queue = filter.queue_filters();
        let waiting = s.moderation_queue(&queue)?;
        let beyond = match filter.listing.beyond_queue() {
            Some(st) => s.projects_in_state(st, |f| queue.keeps(f), BEYOND_QUEUE_LIMIT)?,
            None => Vec::new(),
        };
        Ok(Listed { waiting, beyond })
    })
    .await
}

/// The moderation desk: the bar, what the last decision did, the filter and the list.
fn desk_body(
    ctx: &Ctx,
    desk: &Desk,
    notice: Option<(&str, Option<String>)>,
    filter: &QueueFilter,
    listed: &Listed,
) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let waiting: Vec<&QueueItem> = listed.waiting.iter().collect();
    let shown: Vec<&QueueItem> = waiting
        .iter()
        .copied()
        .filter(|i| filter.lists(i))
        .collect();
    let size = shown.len() + listed.beyond.len();
    html! {
        h1 { (ctx.t.nav_secretariat) }
        (desk_nav(ctx, desk))
        @if let Some((code, title)) = notice {
            p.notice role="status" #done data-state=(code) {
                (done_label(ctx, code))
                @if let Some(title) = title { (i18n::colon(ctx.lang)) strong #done-title { (title) } }
            }
        }
        (filter_form(ctx, filter, &waiting))
        h2 { (d.moderation_queue) " (" span #queue-size { (size) } ")" }
        @if size == 0 && listed.waiting.is_empty() && filter.listing.beyond_queue().is_none() {
            p { (d.queue_empty) }
        } @else if size == 0 { p { (d.nothing_matches) } }
        @for item in shown { (queue_item(ctx, desk, item)) }
        @for project in &listed.beyond { (beyond_item(ctx, desk, project)) }
    }
}

/// A project sent back or published, with the unpublish form for published ones.
fn beyond_item(ctx: &Ctx, desk: &Desk, project: &OwnerProject) -> Markup {
    let p = &project.project;
    let id = p.id.to_string();
    html! {
        article.queue-item data-id=(id) data-state=(p.state.code()) {
            h3 { (p.fields.title) }
            p.meta { (i18n::state(ctx.lang, p.state)) " · " (p.fields.organization) " · " (ctx.t.version) " " (p.version) }
            @if let Some(message) = &project.message { p.meta { (message) } }
            @if desk.can_edit() && p.state == ProjectState::Published {
                (unpublish_form(ctx, desk, &id, p.version))
            }
        }
    }
}

/// Unpublishing, with a reason and a confirmation box.
fn unpublish_form(ctx: &Ctx, desk: &Desk, id: &str, version: u64) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        form.actions method="post" action=(format!("/secretariat/projects/{id}/unpublish")) {
            (desk.form_fields(ctx))
            input type="hidden" name="version" value=(version);
            label for=(format!("unpublish-reason-{id}")) { (d.unpublish_reason) }
            textarea id=(format!("unpublish-reason-{id}")) name="reason" rows="2" required maxlength=(MESSAGE_MAX_CHARS) {}
            p.hint { (d.unpublish_hint) }
            label.check {
                input type="checkbox" name="confirm" value="yes" required;
                " " (d.unpublish_confirm)
            }
            button.danger type="submit" { (d.unpublish) }
        }
    }
}

fn queue_item(ctx: &Ctx, desk: &Desk, item: &QueueItem) -> Markup {
    let p = &item.project.project;
    let id = p.id.to_string();
    let (fields, revision) = match (&item.kind, &item.project.revision) {
        (ReviewKind::Revision, Some(revision)) => (&revision.fields, Some(&revision.fields)),
        _ => (&p.fields, None),
    };
    let d = secretariat_texts(ctx.lang);
    let kind = match item.kind {
        ReviewKind::Revision => d.revision,
        _ => d.new_submission,
    };
    html! {
        article.queue-item data-id=(id) data-kind=(if revision.is_some() { "revision" } else { "submission" }) {
            h3 { (fields.title) }
            p.meta { (kind) " · " (fields.organization) " · " (d.waiting_since) " " (item.waiting_since.format("%Y-%m-%d %H:%M")) " UTC · " (ctx.t.version) " " (p.version) }
            @if let Some(contact) = &item.project.contact {
                p.meta { (d.contact) (i18n::colon(ctx.lang)) (contact.name) " <" (contact.email) ">" }
            }
            (duplicates(ctx, item))
            @if let Some(revised) = revision {
                section.changes {
                    h4 { (d.changes_heading) }
                    (revision_diff(ctx, &p.fields, revised))
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

/// The projects a queued one may duplicate.
fn duplicates(ctx: &Ctx, item: &QueueItem) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        @if !item.possible_duplicates.is_empty() {
            div.dup {
                p { strong { (d.duplicates) (i18n::colon(ctx.lang).trim_end()) } }
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

/// A moderation decision from the desk: publish, request-changes, reject or unpublish
/// (which takes a reason and the confirmation box).
#[utoipa::path(
    post,
    path = "/secretariat/projects/{id}/{decision}",
    tag = PAGES,
    params(("id" = String, Path, description = "The project"), ("decision" = String, Path, description = "publish, request-changes, reject or unpublish")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Decided: back to the desk", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Not signed in, a read-only key or a bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown project or decision", content_type = "text/html", body = String),
        (status = 409, description = "Changed meanwhile", content_type = "text/html", body = String),
        (status = 422, description = "A message or reason is missing, or unpublishing is not confirmed", content_type = "text/html", body = String)
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
    let target = id.clone();
    call(&state, &ctx, move |s| {
        s.decide(&target, &caller, decision, version)
    })
    .await?;
    let back = [("done", done), ("project", id.as_str())];
    Ok(see_other(&ctx.href("/secretariat", &back)))
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
        "unpublish" if values.get("confirm") != "yes" => {
            Err(ServiceError::Invalid(ValidationErrors(vec![
                FieldError::new(
                    "confirm",
                    "required",
                    "tick the box to confirm unpublishing",
                ),
            ])))
        }
        "unpublish" => Ok((Decision::Unpublish(text("reason")?), "unpublished")),
        _ => Err(ServiceError::NotFound(format!("no decision '{name}'"))),
    }
}

/// What a decision named in `?done=` did, as the code the redirect used.
fn done_code(code: &str) -> Option<&'static str> {
    ["published", "changes_requested", "rejected", "unpublished"]
        .into_iter()
        .find(|c| *c == code)
}

/// What a decision did, in the page's language: the state it led to, or "Unpublished".
fn done_label(ctx: &Ctx, code: &str) -> &'static str {
    let state = [
        ProjectState::Published,
        ProjectState::ChangesRequested,
        ProjectState::Rejected,
    ]
    .into_iter()
    .find(|s| s.code() == code);
    match state {
        Some(state) => i18n::state(ctx.lang, state),
        None => secretariat_texts(ctx.lang).unpublished,
    }
}
