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
use super::desk_decisions::{
    decision_of, done_code, done_notice, DeskForms, NotSent, Refusal, CHANGED_MEANWHILE,
};
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
use crate::model::{OwnerProject, ReviewKind, State as ProjectState};
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
    let forms = DeskForms {
        desk: &desk,
        filter: &filter,
        refusal: None,
    };
    queue_page(&state, &ctx, &forms, notice).await
}

/// The queue the filter lists, with the notice of the last decision; 422 when a decision
/// was sent back (shown beside its form).
async fn queue_page(
    state: &AppState,
    ctx: &Ctx,
    forms: &DeskForms<'_>,
    notice: Option<(&str, Option<String>)>,
) -> PageResult {
    let listed = listed(state, ctx, forms.filter.clone()).await?;
    let body = desk_body(ctx, forms, notice, &listed);
    let status = match forms.refusal {
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    Ok(HtmlPage(status, document(ctx, ctx.t.nav_secretariat, body)))
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
    /// Every call's number and title, for the filter.
    calls: Vec<(u16, String)>,
}

/// Most projects listed of a state beyond the queue.
const BEYOND_QUEUE_LIMIT: usize = 50;

async fn listed(state: &AppState, ctx: &Ctx, filter: QueueFilter) -> Result<Listed, Response> {
    let lang = ctx.lang;
    call(state, ctx, move |s| {
        let queue = filter.queue_filters();
        let waiting = s.moderation_queue(&queue)?;
        let beyond = match filter.listing.beyond_queue() {
            Some(st) => {
                s.projects_in_state(st, |p| queue.keeps(p, &p.fields), BEYOND_QUEUE_LIMIT)?
            }
            None => Vec::new(),
        };
        let mut calls: Vec<(u16, String)> = (s.calls()?.into_iter())
            .map(|v| {
                let title = v.call.text(lang).map(|t| t.title.clone());
                (v.call.number, title.unwrap_or_default())
            })
            .collect();
        calls.sort();
        Ok(Listed {
            waiting,
            beyond,
            calls,
        })
    })
    .await
}

/// The moderation desk: the bar, what the last decision did, the filter and the list.
fn desk_body(
    ctx: &Ctx,
    forms: &DeskForms,
    notice: Option<(&str, Option<String>)>,
    listed: &Listed,
) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let filter = forms.filter;
    let waiting: Vec<&QueueItem> = listed.waiting.iter().collect();
    let shown: Vec<&QueueItem> = waiting
        .iter()
        .copied()
        .filter(|i| filter.lists(i))
        .collect();
    let size = shown.len() + listed.beyond.len();
    html! {
        h1 { (ctx.t.nav_secretariat) }
        (desk_nav(ctx, forms.desk))
        @if let Some((code, title)) = notice { (done_notice(ctx, code, title.as_deref())) }
        // A decision sent back on a project this filter does not list: its message on top.
        @if let Some(refusal) = forms.refusal.filter(|r| !lists(&shown, &listed.beyond, &r.project)) {
            p.alert #decision-error role="alert" tabindex="-1" data-takes-focus { (refusal.message) }
        }
        (filter_form(ctx, filter, &waiting, &listed.calls))
        h2 { (d.moderation_queue) " (" span #queue-size { (size) } ")" }
        @if size == 0 && listed.waiting.is_empty() && filter.listing.beyond_queue().is_none() {
            p { (d.queue_empty) }
        } @else if size == 0 { p { (d.nothing_matches) } }
        @for item in shown { (queue_item(ctx, forms, item)) }
        @for project in &listed.beyond { (beyond_item(ctx, forms, project)) }
    }
}

/// Whether the page lists the project `id`.
fn lists(shown: &[&QueueItem], beyond: &[OwnerProject], id: &str) -> bool {
    let is = |p: &OwnerProject| p.project.id.to_string() == id;
    shown.iter().any(|i| is(&i.project)) || beyond.iter().any(is)
}

/// A project sent back or published, with the unpublish form for published ones.
fn beyond_item(ctx: &Ctx, forms: &DeskForms, project: &OwnerProject) -> Markup {
    let p = &project.project;
    let id = p.id.to_string();
    html! {
        article.queue-item data-id=(id) data-state=(p.state.code()) {
            h3 dir="auto" { (p.fields.title) }
            p.meta { (i18n::state(ctx.lang, p.state)) " · " bdi.org { (p.fields.organization) } " · " (ctx.t.version) " " (p.version) }
            @if let Some(message) = &project.message { p.meta dir="auto" { (message) } }
            @if forms.desk.can_edit() && p.state == ProjectState::Published {
                (forms.unpublish(ctx, &id, p.version))
            }
        }
    }
}

fn queue_item(ctx: &Ctx, forms: &DeskForms, item: &QueueItem) -> Markup {
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
    let since = item.waiting_since;
    html! {
        article.queue-item data-id=(id) data-kind=(if revision.is_some() { "revision" } else { "submission" }) {
            h3 dir="auto" { (fields.title) }
            p.meta {
                (kind) " · " bdi.org { (fields.organization) } " · " (d.waiting_since) " "
                time dir="ltr" datetime=(since.format("%Y-%m-%dT%H:%MZ")) { (since.format("%Y-%m-%d %H:%M")) " UTC" }
                " · " (ctx.t.version) " " (p.version)
            }
            @if let Some(contact) = &item.project.contact {
                p.meta {
                    (d.contact) (i18n::colon(ctx.lang)) bdi.name { (contact.name) } " "
                    span.email dir="ltr" { "<" (contact.email) ">" }
                }
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
            @if forms.desk.can_edit() { (forms.decisions(ctx, &id, p.version)) }
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
                                a href=(ctx.href(&format!("/projects/{}", dup.id), &[])) dir="auto" { (dup.title) }
                            } @else {
                                bdi { (dup.title) } " · " (i18n::state(ctx.lang, dup.state))
                            }
                            " (" bdi.org { (dup.organization) } "; " (dup.reason) ")"
                        }
                    }
                }
            }
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
/// (these two take a reason and the confirmation box).
#[utoipa::path(
    post,
    path = "/secretariat/projects/{id}/{decision}",
    tag = PAGES,
    params(("id" = String, Path, description = "The project"), ("decision" = String, Path, description = "publish, request-changes, reject or unpublish")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Decided, or not decided as the project changed meanwhile: back to the desk with its filter, which says which", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Not signed in, a read-only key or a bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown project or decision", content_type = "text/html", body = String),
        (status = 422, description = "A message or reason is missing, or rejecting or unpublishing is not confirmed: the queue again, with the message beside the form", content_type = "text/html", body = String)
    )
)]
async fn decide(
    State(state): State<AppState>,
    ApiPath((id, name)): ApiPath<(String, String)>,
    post: FormPost,
) -> Result<Response, Response> {
    let ctx = post.ctx("/secretariat");
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let filter = QueueFilter::of(&posted_filter(&post.values));
    let (decision, done) = match decision_of(&ctx, &name, &post.values) {
        Ok(decided) => decided,
        Err(NotSent::Unknown) => {
            let unknown = ServiceError::NotFound(format!("no decision '{name}'"));
            return Err(error_page(&ctx, &unknown));
        }
        Err(NotSent::Refused(message)) => {
            let text = post.values.get(text_field(&name)).to_string();
            let refusal = Refusal {
                project: id,
                decision: name,
                message,
                text,
            };
            let forms = DeskForms {
                desk: &desk,
                filter: &filter,
                refusal: Some(&refusal),
            };
            return Ok(queue_page(&state, &ctx, &forms, None)
                .await?
                .into_response());
        }
    };
    let version = post.values.get("version").parse().ok();
    let (caller, target) = (desk.caller, id.clone());
    // Revised by its author or decided by another member meanwhile: back to the queue,
    // which says so and shows the project as it is now.
    let decided = call(&state, &ctx, move |s| {
        match s.decide(&target, &caller, decision, version) {
            Ok(_) => Ok(true),
            Err(ServiceError::Conflict { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    })
    .await?;
    let done = if decided { done } else { CHANGED_MEANWHILE };
    let mut back = filter.pairs();
    back.extend([("done", done.to_string()), ("project", id)]);
    let back: Vec<(&str, &str)> = back.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(see_other(&ctx.href("/secretariat", &back)))
}

/// The queue's filter a desk form carries, as query pairs.
fn posted_filter(values: &FormValues) -> Vec<(String, String)> {
    (["show", "text", "action_line", "call"].into_iter())
        .map(|k| (k.to_string(), values.get(k).to_string()))
        .collect()
}

/// The text field of a decision's form.
fn text_field(decision: &str) -> &'static str {
    match decision {
        "request-changes" => "message",
        _ => "reason",
    }
}
