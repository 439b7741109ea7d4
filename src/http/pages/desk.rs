//! The signed-in secretariat member behind a page or a form post (session, same origin,
//! CSRF token, a key that may change things), and the bar above each secretariat page.

use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};

use super::calls::call;
use super::errors::error_page;
use super::form_post::FormPost;
use super::layout::{hidden_lang, Ctx};
use super::responses::see_other;
use super::secretariat_texts::secretariat_texts;
use super::session::{csrf_ok, same_origin};
use crate::http::AppState;
use crate::service::{Caller, ServiceError};

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

/// Who a key belongs to, `None` for an unknown or revoked key.
pub(super) async fn key_holder(
    state: &AppState,
    ctx: &Ctx,
    key: String,
) -> Result<Option<Caller>, Response> {
    call(state, ctx, move |s| match s.authenticate(&key) {
        Ok(caller) => Ok(Some(caller)),
        Err(ServiceError::Unauthorized(_)) => Ok(None),
        Err(other) => Err(other),
    })
    .await
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
    let caller = key_holder(state, ctx, open.key).await?;
    Ok(caller.filter(Caller::is_secretariat).map(|caller| Desk {
        caller,
        csrf: open.csrf,
    }))
}

/// The signed-in member of a secretariat page; otherwise to the sign-in page (303).
pub(super) async fn signed_in(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
) -> Result<Desk, Response> {
    desk(state, ctx, headers)
        .await?
        .ok_or_else(|| see_other(&ctx.href("/secretariat", &[])))
}

/// The member behind a form post: signed in, same origin, right CSRF token. Otherwise
/// the sign-in page (303) or 403.
pub(super) async fn desk_for_post(
    state: &AppState,
    ctx: &Ctx,
    post: &FormPost,
) -> Result<Desk, Response> {
    let desk = signed_in(state, ctx, &post.headers).await?;
    if !same_origin(&post.headers) || !csrf_ok(&desk.csrf, post.values.get("csrf")) {
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
    post: &FormPost,
) -> Result<Desk, Response> {
    let desk = desk_for_post(state, ctx, post).await?;
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
    let d = secretariat_texts(ctx.lang);
    html! {
        div.desk-bar {
            p { (d.signed_in_as) " " strong #signed-in { (desk.name()) }
                @if matches!(desk.caller, Caller::Reader(_)) { " (" (d.read_only) ")" } }
            nav aria-label=(ctx.t.nav_secretariat) {
                ul.plain.inline-list {
                    li { a href=(ctx.href("/secretariat", &[])) { (d.moderation_queue) } }
                    li { a href=(ctx.href("/secretariat/selections", &[])) { (d.selections) } }
                    li { a href=(ctx.href("/secretariat/calls", &[])) { (d.calls) } }
                }
            }
            form method="post" action="/secretariat/sign-out" {
                (desk.form_fields(ctx))
                button.secondary type="submit" { (d.sign_out) }
            }
        }
    }
}
