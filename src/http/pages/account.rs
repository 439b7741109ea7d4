//! "My projects" (`/account`): sign-in by e-mail link, then every project whose contact
//! has the address, in every state, with the secretariat's messages and a way to revise or
//! withdraw each. The session is a random id in an `HttpOnly`, `SameSite=Lax` cookie (a
//! link from a mail client is a cross-site visit), stored hashed by the service; its forms
//! carry a CSRF token too.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cookie::SameSite;
use maud::{html, Markup};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::calls::call;
use super::cookies;
use super::errors::error_page;
use super::form_post::FormPost;
use super::i18n;
use super::layout::{document, hidden_lang, query_value, Ctx};
use super::messages;
use super::responses::{origin, personal, see_other, HtmlPage};
use super::session::{csrf_ok, same_origin};
use crate::http::extract::query_pairs;
use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use crate::http::AppState;
use crate::model::{Language, State as ProjectState};
use crate::service::accounts::{AccountProject, AccountSession, SessionKind, PAGE_SESSION};
use crate::service::{Caller, ServiceError};

/// The account cookie's name.
pub const COOKIE: &str = "stk_account";

messages::fluent_texts! {
    /// The labels of the account pages in one language.
    pub struct AccountTexts, prefix "account-", fn account_texts {
        heading, intro, email, send_link, sent_heading, sent_text, confirm_heading,
        confirm_text, confirm_button, link_refused, signed_in_as, sign_out, none, state,
        updated, open, public_page, messages, bad_email, signed_out,
    }
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, ask_link))
        .routes(routes!(confirm, sign_in))
        .routes(routes!(sign_out))
}

/// The session id a request's account cookie holds.
pub(super) fn session_id(headers: &HeaderMap) -> Option<String> {
    cookies::read(headers, COOKIE)
}

/// The open page session of a request, if any (on the service's thread).
pub(super) fn open_session(
    s: &crate::service::Service,
    id: Option<&str>,
) -> Result<Option<AccountSession>, ServiceError> {
    match id {
        Some(id) => s.account_session(id, SessionKind::Page),
        None => Ok(None),
    }
}

fn set_cookie(id: &str, secure: bool) -> HeaderValue {
    cookies::set(COOKIE, id, SameSite::Lax, PAGE_SESSION, secure)
}

fn clear_cookie() -> HeaderValue {
    cookies::clear(COOKIE, SameSite::Lax)
}

/// What the sign-in page says on top.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Said {
    Nothing,
    Sent,
    Refused,
    SignedOut,
    BadEmail,
}

/// "My projects" when signed in, else the sign-in form (`sent`, `refused`, `out` say what
/// just happened).
#[utoipa::path(
    get,
    path = "/account",
    operation_id = "account_page",
    tag = PAGES,
    params(("lang" = Option<Language>, Query, description = "The language of the page")),
    responses(ThePage)
)]
async fn show(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Response> {
    let pairs = query_pairs(raw.as_deref());
    let said = match () {
        () if query_value(&pairs, "sent").is_some() => Said::Sent,
        () if query_value(&pairs, "refused").is_some() => Said::Refused,
        () if query_value(&pairs, "out").is_some() => Said::SignedOut,
        () => Said::Nothing,
    };
    let ctx = Ctx::from_query("/account", pairs);
    let id = session_id(&headers);
    let mine = call(&state, &ctx, move |s| {
        let Some(session) = open_session(s, id.as_deref())? else {
            return Ok(None);
        };
        let projects = s.account_projects(&session.email)?;
        Ok(Some((session, projects)))
    })
    .await?;
    let page = match mine {
        Some((session, projects)) => my_projects(&ctx, &session, &projects),
        None => sign_in_form(&ctx, said, ""),
    };
    Ok(personal(HtmlPage(StatusCode::OK, page)))
}

/// The sign-in form, with what just happened on top.
fn sign_in_form(ctx: &Ctx, said: Said, typed: &str) -> Markup {
    let a = account_texts(ctx.lang);
    let body = html! {
        h1 { (a.heading) }
        @match said {
            Said::Sent => section.confirmation role="status" #link-sent {
                h2 { (a.sent_heading) } p { (a.sent_text) }
            },
            Said::Refused => p.alert role="alert" #link-refused { (a.link_refused) },
            Said::SignedOut => p.notice role="status" #signed-out { (a.signed_out) },
            Said::BadEmail | Said::Nothing => {},
        }
        p { (a.intro) }
        form.stack #sign-in method="post" action="/account" novalidate {
            (hidden_lang(ctx))
            div.field {
                label for="email" { (a.email) }
                @if said == Said::BadEmail { p.field-error #email-error role="alert" { (a.bad_email) } }
                input #email type="email" name="email" value=(typed) required autocomplete="email"
                    aria-invalid=(if said == Said::BadEmail { "true" } else { "false" })
                    aria-describedby=[(said == Said::BadEmail).then_some("email-error")];
            }
            button type="submit" { (a.send_link) }
        }
    };
    document(ctx, a.heading, body)
}

/// The account's projects: each with its state, last change, messages and links.
fn my_projects(ctx: &Ctx, session: &AccountSession, projects: &[AccountProject]) -> Markup {
    let a = account_texts(ctx.lang);
    let body = html! {
        h1 { (a.heading) }
        form.inline #sign-out method="post" action="/account/sign-out" {
            (hidden_lang(ctx))
            input type="hidden" name="csrf" value=(session.csrf);
            p { (a.signed_in_as) (i18n::colon(ctx.lang)) bdi #account-email { (session.email) } " " button.link type="submit" { (a.sign_out) } }
        }
        @if projects.is_empty() {
            p #no-projects { (a.none) " " a href=(ctx.href("/submit", &[])) { (ctx.t.nav_submit) } }
        } @else {
            ul.results #my-projects {
                @for p in projects { (project_item(ctx, p)) }
            }
        }
    };
    document(ctx, a.heading, body)
}

fn project_item(ctx: &Ctx, item: &AccountProject) -> Markup {
    let a = account_texts(ctx.lang);
    let p = &item.project.project;
    let id = p.id.to_string();
    let messages: Vec<_> = item
        .history
        .iter()
        .filter(|t| t.message.is_some())
        .collect();
    html! {
        li.hit data-id=(id) {
            h2 { a href=(ctx.href(&format!("/submissions/{id}"), &[])) { bdi { (p.fields.title) } } }
            p {
                strong { (a.state) (i18n::colon(ctx.lang)) } span.state data-state=(p.state.code()) { (i18n::state(ctx.lang, p.state)) }
                " · " (a.updated) (i18n::colon(ctx.lang)) time datetime=(p.updated_at.to_rfc3339()) { (p.updated_at.format("%Y-%m-%d")) }
            }
            @if !messages.is_empty() {
                p { strong { (a.messages) } }
                ul.messages {
                    @for m in messages {
                        li { time datetime=(m.at.to_rfc3339()) { (m.at.format("%Y-%m-%d")) } " · " (i18n::state(ctx.lang, m.to)) (i18n::colon(ctx.lang)) (m.message.as_deref().unwrap_or("")) }
                    }
                }
            }
            p {
                a href=(ctx.href(&format!("/submissions/{id}"), &[])) { (a.open) }
                @if p.state == ProjectState::Published {
                    " · " a href=(ctx.href(&format!("/projects/{id}"), &[])) { (a.public_page) }
                }
            }
        }
    }
}

/// Mails a sign-in link, then shows the same answer whatever the address.
#[utoipa::path(
    post,
    path = "/account",
    operation_id = "account_ask_link",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`email`, `lang`"),
    responses(
        (status = 303, description = "To the page saying a link is on its way (the same for every address)", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "A post from another site", content_type = "text/html", body = String),
        (status = 422, description = "Not an e-mail address: the form again", content_type = "text/html", body = String),
        (status = 429, description = "Too many requests from this client", content_type = "text/html", body = String)
    )
)]
async fn ask_link(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/account");
    if !same_origin(&post.headers) {
        let refused = ServiceError::Forbidden("ask from this site's own page".into());
        return Err(error_page(&ctx, &refused));
    }
    let email = post.values.get("email").to_string();
    let lang = ctx.lang;
    let limiter = state.sign_in_limiter.clone();
    let client = post.client();
    let asked = email.clone();
    let result = crate::http::on_service(&state, move |s| {
        limiter.check(&Caller::Public, &client)?;
        s.request_sign_in(&asked, lang)
    })
    .await;
    match result {
        Ok(()) => Ok(see_other(&ctx.href("/account", &[("sent", "1")]))),
        Err(ServiceError::Invalid(_)) => Ok(HtmlPage(
            StatusCode::UNPROCESSABLE_ENTITY,
            sign_in_form(&ctx, Said::BadEmail, &email),
        )
        .into_response()),
        Err(e) => Err(error_page(&ctx, &e)),
    }
}

/// The page a mailed link opens: a button that signs in (a link alone must not, since mail
/// scanners open links).
#[utoipa::path(
    get,
    path = "/account/sign-in",
    operation_id = "account_confirm_page",
    tag = PAGES,
    params(
        ("token" = String, Query, description = "The token of the mailed link"),
        ("lang" = Option<Language>, Query, description = "The language of the page")
    ),
    responses(ThePage)
)]
async fn confirm(RawQuery(raw): RawQuery) -> Response {
    let pairs = query_pairs(raw.as_deref());
    let token = query_value(&pairs, "token").unwrap_or_default().to_string();
    let ctx = Ctx::from_query("/account/sign-in", pairs);
    let a = account_texts(ctx.lang);
    let body = html! {
        h1 { (a.confirm_heading) }
        p { (a.confirm_text) }
        form.stack #confirm-sign-in method="post" action="/account/sign-in" {
            (hidden_lang(&ctx))
            input type="hidden" name="token" value=(token);
            button type="submit" { (a.confirm_button) }
        }
    };
    personal(HtmlPage(
        StatusCode::OK,
        document(&ctx, a.confirm_heading, body),
    ))
}

/// Uses the link's token (once): opens a session and goes to "My projects"; an unknown,
/// used or expired link goes back to the sign-in form, which says so.
#[utoipa::path(
    post,
    path = "/account/sign-in",
    operation_id = "account_sign_in",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`token`, `lang`"),
    responses(
        (status = 303, description = "To \"My projects\", signed in; or to the sign-in form when the link is refused", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "A post from another site", content_type = "text/html", body = String)
    )
)]
async fn sign_in(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/account");
    if !same_origin(&post.headers) {
        let refused = ServiceError::Forbidden("sign in from this site's own page".into());
        return Err(error_page(&ctx, &refused));
    }
    let token = post.values.get("token").to_string();
    let opened =
        crate::http::on_service(&state, move |s| s.sign_in(&token, SessionKind::Page)).await;
    match opened {
        Ok((id, _)) => {
            let mut response = see_other(&ctx.href("/account", &[]));
            let secure = origin(&post.headers).starts_with("https:");
            response
                .headers_mut()
                .insert(header::SET_COOKIE, set_cookie(&id, secure));
            Ok(response)
        }
        Err(ServiceError::Unauthorized(_)) => {
            Ok(see_other(&ctx.href("/account", &[("refused", "1")])))
        }
        Err(e) => Err(error_page(&ctx, &e)),
    }
}

/// Ends the session.
#[utoipa::path(
    post,
    path = "/account/sign-out",
    operation_id = "account_sign_out",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`csrf`, `lang`"),
    responses(
        (status = 303, description = "Signed out: to the sign-in form", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "A post from another site or without the session's form token", content_type = "text/html", body = String)
    )
)]
async fn sign_out(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/account");
    let id = session_id(&post.headers);
    let given = post.values.get("csrf").to_string();
    let same = same_origin(&post.headers);
    call(&state, &ctx, move |s| {
        let Some(id) = id else { return Ok(()) };
        let Some(session) = open_session(s, Some(&id))? else {
            return Ok(());
        };
        if !same || !csrf_ok(&session.csrf, &given) {
            return Err(ServiceError::Forbidden(
                "sign out from this site's own page".into(),
            ));
        }
        s.sign_out(&id)
    })
    .await?;
    let mut response = see_other(&ctx.href("/account", &[("out", "1")]));
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie());
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_all_six_languages() {
        assert_eq!(
            messages::missing(&AccountTexts::ids()),
            Vec::<String>::new()
        );
        assert_eq!(account_texts(Language::Fr).heading, "Mes projets");
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_over_https() {
        let cookie = set_cookie("abc", true);
        let cookie = cookie.to_str().unwrap_or_default();
        for part in [
            "stk_account=abc",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
        ] {
            assert!(cookie.contains(part), "{cookie}");
        }
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_static("other=1; stk_account=abc");
        headers.insert(header::COOKIE, value);
        assert_eq!(session_id(&headers).as_deref(), Some("abc"));
    }
}
