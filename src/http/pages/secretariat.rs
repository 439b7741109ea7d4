//! `/secretariat`: sign in with a key (a session cookie), the moderation queue with
//! duplicate hints, and publish / request changes / reject. Every form carries the
//! session's CSRF token; posts from other origins are refused.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::desk_texts::desk_texts;
use super::forms::{form_ctx, FormValues};
use super::layout::{document, hidden_lang};
use super::project::fields_list;
use super::session::{self, csrf_ok, same_origin};
use super::{call, error_page, i18n, origin, see_other, Ctx, HtmlPage};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::limits::ClientIp;
use crate::http::{on_service, AppState};
use crate::model::{
    message_text, Decision, FieldError, Filters, ReviewKind, State as ProjectState,
    ValidationErrors, MESSAGE_MAX_CHARS,
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

/// A signed-in secretariat member.
pub(super) struct Desk {
    /// Who, as the service knows them.
    pub caller: Caller,
    /// The session's CSRF token.
    pub csrf: String,
}

impl Desk {
    /// The hidden CSRF field for forms.
    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf); }
    }

    /// The hidden fields every secretariat form carries: the CSRF token and the language.
    pub fn form_fields(&self, ctx: &Ctx) -> Markup {
        html! { (self.csrf_field()) (hidden_lang(ctx)) }
    }

    /// Whether the key may change things (not a read-only key).
    pub fn can_edit(&self) -> bool {
        matches!(self.caller, Caller::Secretariat(_))
    }

    fn name(&self) -> &str {
        match &self.caller {
            Caller::Secretariat(name) | Caller::Reader(name) => name,
            _ => "",
        }
    }
}

/// The signed-in member, if the request's session is open and its key still valid.
pub(super) async fn desk(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
) -> Result<Option<Desk>, Response> {
    let Some(open) = state.sessions.find(headers) else {
        return Ok(None);
    };
    let key = open.key.clone();
    match on_service(state, move |s| s.authenticate(&key)).await {
        Ok(caller) if caller.is_secretariat() => Ok(Some(Desk {
            caller,
            csrf: open.csrf,
        })),
        Ok(_) | Err(ServiceError::Unauthorized(_)) => Ok(None),
        Err(other) => Err(error_page(ctx, &other)),
    }
}

/// The member behind a form post: signed in, same origin, right CSRF token. Otherwise
/// the sign-in page (303) or 403.
pub(super) async fn desk_for_post(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    values: &FormValues,
) -> Result<Desk, Response> {
    let Some(desk) = desk(state, ctx, headers).await? else {
        return Err(see_other(&ctx.href("/secretariat", &[])));
    };
    if !same_origin(headers) || !csrf_ok(&desk.csrf, values.get("csrf")) {
        return Err(error_page(
            ctx,
            &ServiceError::Forbidden("this form is out of date or came from another site".into()),
        ));
    }
    Ok(desk)
}

/// Like [`desk_for_post`], for changes: a read-only key gets 403.
pub(super) async fn editor_for_post(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    values: &FormValues,
) -> Result<Desk, Response> {
    let desk = desk_for_post(state, ctx, headers, values).await?;
    if !desk.can_edit() {
        return Err(error_page(
            ctx,
            &ServiceError::Forbidden(format!("the key '{}' is read-only", desk.name())),
        ));
    }
    Ok(desk)
}

/// The secretariat's navigation, above each of its pages.
pub(super) fn desk_nav(ctx: &Ctx, desk: &Desk) -> Markup {
    let d = desk_texts(ctx.lang);
    html! {
        div.desk-bar {
            p { (d.signed_in_as) " " strong #signed-in { (desk.name()) }
                @if matches!(desk.caller, Caller::Reader(_)) { " (" (d.read_only) ")" } }
            nav aria-label=(ctx.t.nav_secretariat) {
                ul.plain.inline-list {
                    li { a href=(ctx.href("/secretariat", &[])) { (d.moderation_queue) } }
                    li { a href=(ctx.href("/secretariat/selections", &[])) { (d.selections) } }
                }
            }
            form method="post" action="/secretariat/sign-out" {
                (desk.form_fields(ctx))
                button.secondary type="submit" { (d.sign_out) }
            }
        }
    }
}

/// The secretariat's desk: sign-in, or the moderation queue.
#[utoipa::path(
    get,
    path = "/secretariat",
    tag = PAGES,
    responses(
        (status = 200, description = "The page", content_type = "text/html", body = String)
    )
)]
async fn desk_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<HtmlPage, Response> {
    let pairs = query_pairs(raw.as_deref());
    let done = pairs
        .iter()
        .find(|(k, _)| k == "done")
        .map(|(_, v)| v.clone());
    let ctx = Ctx::from_query("/secretariat", pairs);
    let Some(desk) = desk(&state, &ctx, &headers).await? else {
        return Ok(sign_in_page(&ctx, false));
    };
    let queue = call(&state, &ctx, |s| s.moderation_queue(&Filters::default())).await?;
    let d = desk_texts(ctx.lang);
    let body = html! {
        h1 { (ctx.t.nav_secretariat) }
        (desk_nav(&ctx, &desk))
        @if let Some(state) = done.as_deref().and_then(done_state) {
            p.notice role="status" #done data-state=(state.code()) { (d.done) ": " (i18n::state(ctx.lang, state)) }
        }
        h2 { (d.moderation_queue) " (" span #queue-size { (queue.len()) } ")" }
        @if queue.is_empty() { p { (d.queue_empty) } }
        @for item in &queue { (queue_item(&ctx, &desk, item)) }
    };
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, ctx.t.nav_secretariat, body),
    ))
}

fn queue_item(ctx: &Ctx, desk: &Desk, item: &QueueItem) -> Markup {
    let p = &item.project.project;
    let id = p.id.to_string();
    let fields = match (&item.kind, &item.project.revision) {
        (ReviewKind::Revision, Some(revision)) => &revision.fields,
        _ => &p.fields,
    };
    let d = desk_texts(ctx.lang);
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
    let d = desk_texts(ctx.lang);
    html! {
    div.actions {
        form method="post" action=(format!("/secretariat/projects/{id}/publish")) {
            (desk.form_fields(ctx))
            input type="hidden" name="version" value=(version);
            button type="submit" { (d.publish) }
        }
        form method="post" action=(format!("/secretariat/projects/{id}/request-changes")) {
            (desk.form_fields(ctx))
            input type="hidden" name="version" value=(version);
            label for=(format!("message-{id}")) { (d.message_label) }
            textarea id=(format!("message-{id}")) name="message" rows="2" required maxlength=(MESSAGE_MAX_CHARS) {}
            button.secondary type="submit" { (d.request_changes) }
        }
        form method="post" action=(format!("/secretariat/projects/{id}/reject")) {
            (desk.form_fields(ctx))
            input type="hidden" name="version" value=(version);
            label for=(format!("reason-{id}")) { (d.reason_label) }
            textarea id=(format!("reason-{id}")) name="reason" rows="2" required maxlength=(MESSAGE_MAX_CHARS) {}
            button.danger type="submit" { (d.reject) }
        }
    }
    }
}

fn sign_in_page(ctx: &Ctx, failed: bool) -> HtmlPage {
    let d = desk_texts(ctx.lang);
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
async fn sign_in(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let values = FormValues::parse(&body);
    let ctx = form_ctx("/secretariat", &values);
    if !same_origin(&headers) {
        return Err(error_page(
            &ctx,
            &ServiceError::Forbidden("sign in from this site's own page".into()),
        ));
    }
    // Key guesses share the budget of anonymous writes.
    state
        .write_limiter
        .check(&Caller::Public, &client)
        .map_err(|e| error_page(&ctx, &e))?;
    let key = values.get("key").to_string();
    let checked = key.clone();
    match on_service(&state, move |s| s.authenticate(&checked)).await {
        Ok(caller) if caller.is_secretariat() => {
            state.sessions.close(&headers);
            let id = state.sessions.open(key);
            let mut response = see_other(&ctx.href("/secretariat", &[]));
            response.headers_mut().insert(
                header::SET_COOKIE,
                session::set_cookie(&id, origin(&headers).starts_with("https:")),
            );
            Ok(response)
        }
        Ok(_) | Err(ServiceError::Unauthorized(_)) => Ok(sign_in_page(&ctx, true).into_response()),
        Err(other) => Err(error_page(&ctx, &other)),
    }
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
async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let values = FormValues::parse(&body);
    let ctx = form_ctx("/secretariat", &values);
    desk_for_post(&state, &ctx, &headers, &values).await?;
    state.sessions.close(&headers);
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
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let values = FormValues::parse(&body);
    let ctx = form_ctx("/secretariat", &values);
    let desk = editor_for_post(&state, &ctx, &headers, &values).await?;
    let text = |field: &str| message_text(field, values.get(field));
    let (decision, done) = match decision.as_str() {
        "publish" => (Decision::Publish, "published"),
        "request-changes" => match text("message") {
            Ok(message) => (Decision::RequestChanges(message), "changes_requested"),
            Err(problem) => return Err(bad_text(&ctx, problem)),
        },
        "reject" => match text("reason") {
            Ok(reason) => (Decision::Reject(reason), "rejected"),
            Err(problem) => return Err(bad_text(&ctx, problem)),
        },
        _ => {
            return Err(error_page(
                &ctx,
                &ServiceError::NotFound(format!("no decision '{decision}'")),
            ))
        }
    };
    let version = values.get("version").parse().ok();
    let caller = desk.caller;
    call(&state, &ctx, move |s| {
        s.decide(&id, &caller, decision, version)
    })
    .await?;
    Ok(see_other(&ctx.href("/secretariat", &[("done", done)])))
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

/// The error page for a missing, too long or unacceptable message or reason.
fn bad_text(ctx: &Ctx, problem: FieldError) -> Response {
    error_page(ctx, &ServiceError::Invalid(ValidationErrors(vec![problem])))
}
