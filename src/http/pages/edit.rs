//! The submitter's private page (`/submissions/{id}?token=…`, the edit link): the
//! submission and its state, the link to its public page once published, the
//! secretariat's messages, a revision form (a stale save comes back with what changed
//! meanwhile) and a confirmed withdrawal.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::account;
use super::calls::{call, posted, Posted};
use super::errors::error_page;
use super::form_post::FormPost;
use super::forms::{project_form, Errors, FormSpec, FormValues};
use super::i18n;
use super::layout::{document, hidden_lang, query_value, url, Ctx};
use super::meanwhile::{base_of, changed_meanwhile, BASE};
use super::project::fields_list;
use super::responses::{origin, private, see_other, HtmlPage};
use super::session::csrf_ok;
use crate::http::error::answer;
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::{
    Decision, Language, OwnerProject, State as ProjectState, Transition, ValidationErrors,
};
use crate::service::{Caller, ProjectView, Service, ServiceError};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show))
        .routes(routes!(revise))
        .routes(routes!(withdraw))
        .routes(routes!(confirm_current))
}

/// What the submitter's page says on top, after a form post led there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Notice {
    /// Nothing.
    None,
    /// A revision was saved.
    Done,
    /// The submission was just made: the confirmation, with the private link.
    Submitted,
}

impl Notice {
    fn param(self) -> Option<(&'static str, &'static str)> {
        match self {
            Notice::None => None,
            Notice::Done => Some(("done", "1")),
            Notice::Submitted => Some(("submitted", "1")),
        }
    }

    fn of(pairs: &[(String, String)]) -> Notice {
        let has = |name: &str| pairs.iter().any(|(k, _)| k == name);
        if has("submitted") {
            Notice::Submitted
        } else if has("done") {
            Notice::Done
        } else {
            Notice::None
        }
    }
}

/// The submitter's private page of a project (the edit link), with a notice on top.
pub(super) fn edit_link(id: &str, token: &str, lang: Language, notice: Notice) -> String {
    // Without a token, the page is for the signed-in account.
    let token = (!token.is_empty()).then_some(("token", token));
    let pairs = token.into_iter().chain(notice.param());
    url(&format!("/submissions/{id}"), pairs, lang)
}

/// A submission as its submitter sees it: the project (and a revision waiting) and its
/// history.
struct Submission {
    project: OwnerProject,
    history: Vec<Transition>,
    /// The account session's form token, when the page is opened signed in.
    csrf: Option<String>,
}

impl Submission {
    /// The revision form's values: the revision waiting, else the project's.
    fn form_values(&self) -> FormValues {
        FormValues::from_fields(match &self.project.revision {
            Some(revision) => &revision.fields,
            None => &self.project.project.fields,
        })
    }

    /// Whether it may still be revised and withdrawn.
    fn is_open(&self) -> bool {
        matches!(
            self.project.project.state,
            ProjectState::Pending | ProjectState::ChangesRequested | ProjectState::Published
        )
    }
}

/// Who opens the page or posts its forms: the holder of an edit token, or without one a
/// signed-in account (its session cookie).
#[derive(Clone)]
struct Holder {
    token: String,
    session: Option<String>,
}

impl Holder {
    fn of(token: String, headers: &HeaderMap) -> Holder {
        let session = token
            .is_empty()
            .then(|| account::session_id(headers))
            .flatten();
        Holder { token, session }
    }

    /// The caller, with the account session's form token when signed in.
    fn caller(&self, s: &Service) -> Result<(Caller, Option<String>), ServiceError> {
        Ok(match account::open_session(s, self.session.as_deref())? {
            Some(session) => (Caller::Account(session.email), Some(session.csrf)),
            None => (Caller::Submitter(self.token.clone()), None),
        })
    }

    /// The caller of a form post: a signed-in account's post must carry the session's form
    /// token (the page sends no `Referer`, so browsers send `Origin: null`: it cannot be
    /// checked).
    fn poster(&self, s: &Service, post: &PostedBy) -> Result<Caller, ServiceError> {
        match self.caller(s)? {
            (_, Some(csrf)) if !csrf_ok(&csrf, &post.csrf) => Err(ServiceError::Forbidden(
                "post this form from its page on this site".into(),
            )),
            (caller, _) => Ok(caller),
        }
    }
}

/// The form token a post carries.
#[derive(Clone)]
struct PostedBy {
    csrf: String,
}

/// The submission `id` as its holder sees it.
async fn load(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    holder: Holder,
) -> Result<Submission, Response> {
    call(state, ctx, move |s| {
        let (caller, csrf) = holder.caller(s)?;
        let view = s.project_view(&id, &caller)?;
        let ProjectView::Owner(project) = view else {
            return Err(ServiceError::NotFound(format!("no project {id}")));
        };
        let history = s.history(&id, &caller)?;
        Ok(Submission {
            project: *project,
            history,
            csrf,
        })
    })
    .await
}

/// A submitter's page of their submission (`?token=`).
#[utoipa::path(
    get,
    path = "/submissions/{id}",
    operation_id = "submission_page",
    tag = PAGES,
    params(
        ("id" = String, Path, description = "The id"),
        ("token" = String, Query, description = "The edit token, answered once by POST /api/v1/projects"),
        ("lang" = Option<Language>, Query, description = "The language of the page"),
        ("submitted" = Option<String>, Query, description = "Show the confirmation of a new submission"),
        ("done" = Option<String>, Query, description = "Say that a change was saved")
    ),
    responses(
        ThePage,
        (status = 404, description = "Unknown id or wrong token", content_type = "text/html", body = String)
    )
)]
async fn show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Response> {
    let pairs = query_pairs(raw.as_deref());
    let token = query_value(&pairs, "token").unwrap_or_default().to_string();
    let notice = Notice::of(&pairs);
    let ctx = Ctx::from_query(&format!("/submissions/{id}"), pairs);
    let holder = Holder::of(token.clone(), &headers);
    if token.is_empty() {
        let session = holder.session.clone();
        let signed_in = call(&state, &ctx, move |s| {
            Ok(account::open_session(s, session.as_deref())?.is_some())
        })
        .await?;
        if !signed_in {
            // Neither an edit link nor signed in: sign in first.
            return Ok(see_other(&ctx.href("/account", &[])));
        }
    }
    let submission = load(&state, &ctx, id, holder).await?;
    let shown = Shown {
        notice,
        origin: origin(&headers),
        ..Shown::again(&token)
    };
    let values = submission.form_values();
    let page = page(&ctx, &submission, &shown, &values, &Errors::none());
    Ok(private(HtmlPage(StatusCode::OK, page)))
}

/// The confirmation of a new submission: the private link, to keep.
fn confirmation(ctx: &Ctx, id: &str, shown: &Shown) -> Markup {
    let t = ctx.t;
    let link = edit_link(id, shown.token, ctx.lang, Notice::None);
    html! {
        section.confirmation role="status" aria-labelledby="submitted" {
            h2 #submitted { (t.submitted_heading) }
            p { (t.submitted_text) }
            p { strong { (t.edit_link) (i18n::colon(ctx.lang)) } a.edit-link #edit-link dir="ltr" href=(link) { (shown.origin) (link) } }
            p.hint { (t.edit_link_hint) }
        }
    }
}

/// How the page is shown: the token it was opened with, its notice, the site's address;
/// after a post that did not go through, what changed meanwhile or the missing
/// confirmation of a withdrawal.
struct Shown<'a> {
    token: &'a str,
    notice: Notice,
    origin: String,
    /// After a stale save: what changed meanwhile, drawn above the state.
    meanwhile: Option<Markup>,
    /// Whether a withdrawal came without its confirmation.
    unconfirmed: bool,
}

impl<'a> Shown<'a> {
    /// The page answering a post that did not go through.
    fn again(token: &'a str) -> Shown<'a> {
        Shown {
            token,
            notice: Notice::None,
            origin: String::new(),
            meanwhile: None,
            unconfirmed: false,
        }
    }
}

/// The submitter's page: the notice, the state (and the public page's link, or that it was
/// withdrawn), the messages, every field, and while the submission is open the revision
/// form and withdrawal.
fn page(
    ctx: &Ctx,
    submission: &Submission,
    shown: &Shown,
    values: &FormValues,
    errors: &Errors,
) -> Markup {
    let t = ctx.t;
    let project = &submission.project;
    let p = &project.project;
    let id = p.id.to_string();
    let body = html! {
        h1 { (t.your_submission) (i18n::colon(ctx.lang)) (p.fields.title) }
        @if shown.notice == Notice::Done { p.notice role="status" { (t.done) } }
        @if shown.notice == Notice::Submitted { (confirmation(ctx, &id, shown)) }
        @if let Some(meanwhile) = &shown.meanwhile { (meanwhile) }
        p #state { strong { (t.state) (i18n::colon(ctx.lang)) } span #state-value data-state=(p.state.code()) { (i18n::state(ctx.lang, p.state)) } " · " (t.version) " " (p.version) }
        @if p.state == ProjectState::Published {
            p #public-link { a href=(ctx.href(&format!("/projects/{id}"), &[])) { (t.public_page) } }
        }
        @if p.state == ProjectState::Withdrawn { p.notice #withdrawn role="status" { (t.withdrawn_notice) } }
        @if project.revision.is_some() { p.notice { (t.waiting_revision) } }
        (messages(ctx, &submission.history))
        (fields_list(ctx, &p.fields, &p.regions))
        @if p.state == ProjectState::Published && project.revision.is_none() {
            (current_form(ctx, submission, shown))
        }
        @if submission.is_open() {
            (revise_form(ctx, submission, shown.token, values, errors))
            (withdraw_form(ctx, submission, shown))
        }
    };
    document(ctx, t.your_submission, body)
}

/// The secretariat's messages to the submitter, oldest first.
fn messages(ctx: &Ctx, history: &[Transition]) -> Markup {
    let t = ctx.t;
    let messages: Vec<&Transition> = history.iter().filter(|h| h.message.is_some()).collect();
    html! {
        section aria-labelledby="messages-heading" {
            h2 #messages-heading { (t.messages) }
            @if messages.is_empty() {
                p { (t.no_messages) }
            } @else {
                ul #messages {
                    @for m in messages {
                        li { time datetime=(m.at.to_rfc3339()) { (m.at.format("%Y-%m-%d")) } " · " (i18n::state(ctx.lang, m.to)) (i18n::colon(ctx.lang)) (m.message.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}

/// The hidden fields of the page's forms: the token, the version shown, the language.
fn hidden(ctx: &Ctx, submission: &Submission, token: &str) -> Markup {
    html! {
        input type="hidden" name="token" value=(token);
        @if let Some(csrf) = &submission.csrf { input type="hidden" name="csrf" value=(csrf); }
        input type="hidden" name="version" value=(submission.project.project.version);
        (hidden_lang(ctx))
    }
}

/// The revision form of an open submission, with the digests of the saved values it
/// starts from.
fn revise_form(
    ctx: &Ctx,
    submission: &Submission,
    token: &str,
    values: &FormValues,
    errors: &Errors,
) -> Markup {
    let t = ctx.t;
    let hidden = html! {
        (hidden(ctx, submission, token))
        input type="hidden" name=(BASE) value=(base_of(&submission.form_values()));
    };
    let action = format!("/submissions/{}/revise", submission.project.project.id);
    html! {
        section aria-labelledby="revise-heading" {
            h2 #revise-heading { (t.revise_heading) }
            (project_form(ctx, FormSpec {
                action: &action,
                button: t.revise_button,
                hidden,
                with_contact: false,
                suggest_tags: false,
            }, values, errors))
        }
    }
}

/// "Is it up to date?": a published project confirmed unchanged (an answer to an update
/// request).
fn current_form(ctx: &Ctx, submission: &Submission, shown: &Shown) -> Markup {
    let t = ctx.t;
    let action = format!("/submissions/{}/confirm", submission.project.project.id);
    html! {
        section aria-labelledby="current-heading" {
            h2 #current-heading { (t.current_heading) }
            p #current-hint { (t.current_hint) }
            form #confirm-current method="post" action=(action) {
                (hidden(ctx, submission, shown.token))
                button type="submit" aria-describedby="current-hint" { (t.current_button) }
            }
        }
    }
}

/// The withdrawal of an open submission: it goes through only with its box ticked.
fn withdraw_form(ctx: &Ctx, submission: &Submission, shown: &Shown) -> Markup {
    let t = ctx.t;
    let action = format!("/submissions/{}/withdraw", submission.project.project.id);
    html! {
        section aria-labelledby="withdraw-heading" {
            h2 #withdraw-heading { (t.withdraw_heading) }
            p #withdraw-hint { (t.withdraw_hint) }
            // The server says why in the page's language, not the browser in its own.
            form #withdraw method="post" action=(action) novalidate {
                (hidden(ctx, submission, shown.token))
                @if shown.unconfirmed { p.field-error #confirm-error role="alert" { (t.withdraw_unconfirmed) } }
                div.field {
                    input #confirm type="checkbox" name="confirm" value="yes" required
                        aria-describedby=(if shown.unconfirmed { "confirm-error withdraw-hint" } else { "withdraw-hint" });
                    " " label.inline for="confirm" { (t.withdraw_confirm) }
                }
                button.danger type="submit" { (t.withdraw_button) }
            }
        }
    }
}

/// What a submitter's post carries (token, version), with its page context and who
/// posts it.
struct SubmitterPost {
    token: String,
    version: Option<u64>,
    ctx: Ctx,
    holder: Holder,
    by: PostedBy,
}

impl SubmitterPost {
    /// The submitter's post to the submission `id`.
    fn of(id: &str, post: &FormPost) -> SubmitterPost {
        let token = post.values.get("token").to_string();
        let ctx = Ctx::new(
            post.lang(),
            &format!("/submissions/{id}"),
            vec![("token".into(), token.clone())],
        );
        SubmitterPost {
            version: post.values.get("version").parse().ok(),
            holder: Holder::of(token.clone(), &post.headers),
            by: PostedBy {
                csrf: post.values.get("csrf").to_string(),
            },
            token,
            ctx,
        }
    }

    /// The submitter's post to the submission `id`, once the client's write is counted
    /// against its limit (the error page, 429, past it).
    async fn spent(state: &AppState, id: &str, post: &FormPost) -> Result<SubmitterPost, Response> {
        let sp = SubmitterPost::of(id, post);
        post.spend_write(state, &Caller::Public)
            .map_err(|e| error_page(&sp.ctx, &e))?;
        Ok(sp)
    }

    /// Does `act` on the submission `id` as its submitter (on the service's thread), then
    /// goes back to their page, which says `notice`.
    async fn act<T: Send + 'static>(
        self,
        state: &AppState,
        id: &str,
        notice: Notice,
        act: impl FnOnce(&Service, &Caller, &str) -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<Response, Response> {
        let SubmitterPost {
            token,
            ctx,
            holder,
            by,
            ..
        } = self;
        let target = id.to_string();
        call(state, &ctx, move |s| {
            let caller = holder.poster(s, &by)?;
            act(s, &caller, &target)
        })
        .await?;
        Ok(see_other(&edit_link(id, &token, ctx.lang, notice)))
    }
}

/// Revises a submission from its page. A stale save comes back (409) with the typed text
/// kept, what changed meanwhile beside it, and the form on the current version.
#[utoipa::path(
    post,
    path = "/submissions/{id}/revise",
    operation_id = "revise_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Revised, or nothing changed (no new version): back to the page", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 401, description = "A published project and no or a wrong edit token", content_type = "text/html", body = String),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown id or wrong token", content_type = "text/html", body = String),
        (status = 409, description = "Changed meanwhile: the page again with the typed text kept, each field changed since the form was opened shown (saved value beside typed value), and the form on the current version, so that saving again applies the typed text on it", content_type = "text/html", body = String),
        (status = 422, description = "The form again, with every error", content_type = "text/html", body = String),
        (status = 428, description = "No version in the form", content_type = "text/html", body = String),
        (status = 429, description = "Rate limited", content_type = "text/html", body = String)
    )
)]
async fn revise(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let SubmitterPost {
        token,
        version,
        ctx,
        holder,
        by,
    } = SubmitterPost::spent(&state, &id, &post).await?;
    let json = post.values.to_json(false);
    let target = id.clone();
    let poster = holder.clone();
    let revise = move |s: &Service| {
        let caller = poster.poster(s, &by)?;
        refusal(s.revise(&target, &caller, json, version))
    };
    let Some(refused) = call(&state, &ctx, revise).await? else {
        return Ok(see_other(&edit_link(&id, &token, ctx.lang, Notice::Done)));
    };
    let submission = load(&state, &ctx, id, holder).await?;
    Ok(revise_again(
        &ctx,
        &submission,
        &token,
        &post.values,
        refused,
    ))
}

/// Why a revision from the page did not go through: its form comes back.
enum Refusal {
    /// Invalid fields (422).
    Invalid(ValidationErrors),
    /// A version other than the current one, with the status the error table gives it.
    Stale(StatusCode),
}

/// A revision's answer for the page: `None` when saved, the refusal when its form comes
/// back; any other failure stays an error (the error page).
fn refusal<T>(result: Result<T, ServiceError>) -> Result<Option<Refusal>, ServiceError> {
    match result {
        Err(e) if e.is_version_conflict() => Ok(Some(Refusal::Stale(answer(&e).status))),
        other => Ok(match posted(other)? {
            Posted::Done(_) => None,
            Posted::Refused(errors) => Some(Refusal::Invalid(errors)),
        }),
    }
}

/// The page again after a refused revision, the typed values in its form: with the
/// errors (422), or with what changed meanwhile (409).
fn revise_again(
    ctx: &Ctx,
    submission: &Submission,
    token: &str,
    typed: &FormValues,
    refused: Refusal,
) -> Response {
    let mut shown = Shown::again(token);
    let (status, errors) = match refused {
        Refusal::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, Errors::from(errors.0)),
        // A withdrawn or rejected project has no form to take the text: its state says why.
        Refusal::Stale(status) if !submission.is_open() => (status, Errors::none()),
        Refusal::Stale(status) => {
            let saved = submission.form_values();
            let version = submission.project.project.version;
            shown.meanwhile = Some(changed_meanwhile(ctx, typed, &saved, version));
            (status, Errors::none())
        }
    };
    again(ctx, submission, &shown, typed, &errors, status)
}

/// The page again, with `status`, after a post that did not go through: `values` in the
/// revision form and `errors` beside its fields.
fn again(
    ctx: &Ctx,
    submission: &Submission,
    shown: &Shown,
    values: &FormValues,
    errors: &Errors,
    status: StatusCode,
) -> Response {
    private(HtmlPage(
        status,
        page(ctx, submission, shown, values, errors),
    ))
}

/// Withdraws a submission from its page, once its confirmation box is ticked.
#[utoipa::path(
    post,
    path = "/submissions/{id}/withdraw",
    operation_id = "withdraw_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields: `token`, `version` and the confirmation `confirm=yes`"),
    responses(
        (status = 303, description = "Withdrawn: back to the page, which says so", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 401, description = "A published project and no or a wrong edit token", content_type = "text/html", body = String),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown id or wrong token", content_type = "text/html", body = String),
        (status = 409, description = "Not in a state that can be withdrawn", content_type = "text/html", body = String),
        (status = 422, description = "Not confirmed: the page again, asking to tick the confirmation; nothing withdrawn", content_type = "text/html", body = String),
        (status = 429, description = "Rate limited", content_type = "text/html", body = String)
    )
)]
async fn withdraw(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let sp = SubmitterPost::spent(&state, &id, &post).await?;
    if post.values.get("confirm") != "yes" {
        return unconfirmed(&state, &sp.ctx, id, sp.holder).await;
    }
    let version = sp.version;
    sp.act(&state, &id, Notice::None, move |s, caller, target| {
        s.decide(target, caller, Decision::Withdraw, version)
    })
    .await
}

/// The page again (422) after a withdrawal without its confirmation: nothing withdrawn.
async fn unconfirmed(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    holder: Holder,
) -> Result<Response, Response> {
    let token = holder.token.clone();
    let submission = load(state, ctx, id, holder).await?;
    let shown = Shown {
        unconfirmed: true,
        ..Shown::again(&token)
    };
    let values = submission.form_values();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(again(
        ctx,
        &submission,
        &shown,
        &values,
        &Errors::none(),
        status,
    ))
}

/// Confirms a published project unchanged from its page.
#[utoipa::path(
    post,
    path = "/submissions/{id}/confirm",
    operation_id = "confirm_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields: `token` (or a signed-in account's `csrf`)"),
    responses(
        (status = 303, description = "Confirmed: back to the page, which says it was saved", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 401, description = "No or a wrong edit token", content_type = "text/html", body = String),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown id or wrong token", content_type = "text/html", body = String),
        (status = 409, description = "Not published", content_type = "text/html", body = String),
        (status = 429, description = "Rate limited", content_type = "text/html", body = String)
    )
)]
async fn confirm_current(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let sp = SubmitterPost::spent(&state, &id, &post).await?;
    sp.act(&state, &id, Notice::Done, |s, caller, target| {
        s.confirm_unchanged(target, caller)
    })
    .await
}
