//! The secretariat's calls (`/secretariat/calls`) and, for an `update` call, its round of
//! update requests (`/secretariat/calls/{id}`): how many projects were asked, which were
//! updated, which confirmed unchanged, which did not answer; a form that asks the contacts
//! of the published projects an Action Line and a date choose, and one that reminds those
//! who did not answer.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use maud::{html, Markup};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::calls::call;
use super::desk::{desk_nav, editor_for_post, signed_in, Desk};
use super::errors::error_page;
use super::form_post::FormPost;
use super::i18n;
use super::layout::{document, query_value, Ctx};
use super::messages;
use super::responses::{see_other, HtmlPage, PageResult};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use crate::http::AppState;
use crate::model::{
    ActionLine, CallKind, FieldError, Filters, UpdateAnswer as Answer, ValidationErrors,
};
use crate::service::calls::CallView;
use crate::service::update_requests::UpdateRound;

messages::fluent_texts! {
    /// The labels of the update desk in one language.
    pub struct UpdateDeskTexts, prefix "updesk-", fn update_desk_texts {
        calls, calls_intro, none, round, requested, updated, confirmed, no_answer, project,
        asked_on, reminders, answer, ask_heading, ask_hint, unconfirmed_since, ask_button,
        remind_button, sent, closed, not_update, is_open, is_closed,
    }
}

/// Where the calls are listed.
const CALLS_PATH: &str = "/secretariat/calls";

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(calls_page))
        .routes(routes!(round_page))
        .routes(routes!(ask))
        .routes(routes!(remind))
}

/// Every call, each linked to its page.
#[utoipa::path(
    get,
    path = "/secretariat/calls",
    operation_id = "secretariat_calls_page",
    tag = PAGES,
    responses(ThePage)
)]
async fn calls_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let ctx = Ctx::from_query(CALLS_PATH, query_pairs(raw.as_deref()));
    let desk = signed_in(&state, &ctx, &headers).await?;
    let calls = call(&state, &ctx, |s| s.calls()).await?;
    let u = update_desk_texts(ctx.lang);
    let body = html! {
        (desk_nav(&ctx, &desk))
        h1 { (u.calls) }
        p.intro { (u.calls_intro) }
        @if calls.is_empty() { p { (u.none) } }
        ul.results #calls {
            @for v in &calls {
                li {
                    a href=(ctx.href(&format!("{CALLS_PATH}/{}", v.call.id), &[])) { bdi dir="auto" { (title(&ctx, v)) } }
                    " · " (kind_name(&ctx, v.call.kind))
                    " · " (if v.open { u.is_open } else { u.is_closed })
                }
            }
        }
    };
    Ok(HtmlPage(StatusCode::OK, document(&ctx, u.calls, body)))
}

/// A call's update round: counts, each request and its answer, and (for an open `update`
/// call) the forms that ask and remind. `sent=N` says how many messages the last form
/// queued.
#[utoipa::path(
    get,
    path = "/secretariat/calls/{id}",
    operation_id = "update_round_page",
    tag = PAGES,
    params(("id" = String, Path, description = "The call")),
    responses(ThePage, (status = 404, description = "Unknown call", content_type = "text/html", body = String))
)]
async fn round_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let pairs = query_pairs(raw.as_deref());
    let sent = query_value(&pairs, "sent").and_then(|n| n.parse::<usize>().ok());
    let ctx = Ctx::from_query(&format!("{CALLS_PATH}/{id}"), pairs);
    let desk = signed_in(&state, &ctx, &headers).await?;
    let (view, round) = call(&state, &ctx, move |s| {
        Ok((s.call(&id)?, s.update_round(&id)?))
    })
    .await?;
    let heading = title(&ctx, &view);
    let body = html! {
        (desk_nav(&ctx, &desk))
        // The number goes with the title's own direction (an English title on an Arabic page).
        h1 { bdi dir="auto" { (heading) } }
        @if let Some(n) = sent { p.notice role="status" #sent { (update_desk_texts(ctx.lang).sent) " " (n) } }
        (round_body(&ctx, &desk, &view, &round))
    };
    Ok(HtmlPage(StatusCode::OK, document(&ctx, &heading, body)))
}

/// The counts, the forms an editor may use, and the table of requests.
fn round_body(ctx: &Ctx, desk: &Desk, view: &CallView, round: &UpdateRound) -> Markup {
    let u = update_desk_texts(ctx.lang);
    let counts = [
        (u.requested, round.requested, "requested"),
        (u.updated, round.updated, "updated"),
        (u.confirmed, round.confirmed, "confirmed"),
        (u.no_answer, round.no_answer, "no-answer"),
    ];
    html! {
        h2 { (u.round) }
        dl.fields #round-counts {
            @for (label, n, id) in counts { dt { (label) } dd #(format!("count-{id}")) { (n) } }
        }
        @if view.call.kind != CallKind::Update {
            p { (u.not_update) }
        } @else if !view.open {
            p { (u.closed) }
        } @else if desk.can_edit() {
            (round_forms(ctx, desk, view, round.no_answer > 0))
        }
        @if !round.requests.is_empty() { (requests_table(ctx, round)) }
    }
}

/// Ask (with an Action Line and a date), and remind those who did not answer.
fn round_forms(ctx: &Ctx, desk: &Desk, view: &CallView, silent: bool) -> Markup {
    let u = update_desk_texts(ctx.lang);
    let d = super::secretariat_texts::secretariat_texts(ctx.lang);
    let base = format!("{CALLS_PATH}/{}", view.call.id);
    html! {
        form.stack method="post" action=(format!("{base}/update-requests")) {
            (desk.form_fields(ctx))
            h2 { (u.ask_heading) }
            p.hint { (u.ask_hint) }
            div.field {
                label for="action_line" { (d.action_line) }
                select #action_line name="action_line" {
                    option value="" { (d.any) }
                    @for line in ActionLine::in_reading_order() {
                        option value=(line.code()) { (i18n::action_line_label(ctx.lang, line)) }
                    }
                }
            }
            div.field {
                label for="unconfirmed_since" { (u.unconfirmed_since) }
                input #unconfirmed_since type="date" name="unconfirmed_since";
            }
            button #ask type="submit" { (u.ask_button) }
        }
        @if silent {
            form method="post" action=(format!("{base}/reminders")) {
                (desk.form_fields(ctx))
                button #remind type="submit" { (u.remind_button) }
            }
        }
    }
}

/// Each request: the project, when it was asked, reminders, the answer and its day.
fn requests_table(ctx: &Ctx, round: &UpdateRound) -> Markup {
    let u = update_desk_texts(ctx.lang);
    html! {
        table #requests {
            thead { tr { th { (u.project) } th { (u.asked_on) } th { (u.reminders) } th { (u.answer) } } }
            tbody {
                @for r in &round.requests {
                    tr {
                        td { a href=(ctx.href(&format!("/projects/{}", r.project), &[])) dir="auto" { (r.title) } }
                        td { (r.requested_at.date_naive()) }
                        td { (r.reminders) }
                        td.answer {
                            @match r.answer {
                                Some((Answer::Updated, at)) => { (u.updated) " · " (at.date_naive()) }
                                Some((Answer::Confirmed, at)) => { (u.confirmed) " · " (at.date_naive()) }
                                None => { (u.no_answer) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Asks for updates from the form: the Action Line and the date are optional.
#[utoipa::path(
    post,
    path = "/secretariat/calls/{id}/update-requests",
    operation_id = "update_requests_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The call")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`csrf`, and optionally `action_line` and `unconfirmed_since` (YYYY-MM-DD)"),
    responses(
        (status = 303, description = "Asked: back to the call's page, which says how many", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Not signed in, a read-only key or a bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown call", content_type = "text/html", body = String),
        (status = 409, description = "Not an open update call", content_type = "text/html", body = String),
        (status = 422, description = "An Action Line or a date that is not one: nothing sent", content_type = "text/html", body = String)
    )
)]
async fn ask(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let ctx = post.ctx(&format!("{CALLS_PATH}/{id}"));
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let (filters, since) = asked_for(&post).map_err(|e| error_page(&ctx, &e.into()))?;
    let target = id.clone();
    let sent = call(&state, &ctx, move |s| {
        s.request_updates(&desk.caller, &target, &filters, since)
    })
    .await?;
    Ok(back(&ctx, &id, sent))
}

/// Whom the form asks: the Action Line's projects (all when empty) not confirmed since the
/// day (any day when empty). A value that is neither empty nor valid is refused, so a typo
/// never widens the request to every project.
fn asked_for(post: &FormPost) -> Result<(Filters, Option<DateTime<Utc>>), ValidationErrors> {
    let refused = |field: &str, code: &'static str, message: String| {
        ValidationErrors(vec![FieldError::new(field, code, message)])
    };
    let line = post.values.get("action_line").trim();
    let action_lines = match line {
        "" => Vec::new(),
        code => vec![ActionLine::parse(code).ok_or_else(|| {
            refused(
                "action_line",
                "invalid_action_line",
                format!("unknown Action Line '{code}'"),
            )
        })?],
    };
    let day = post.values.get("unconfirmed_since").trim();
    let since = match day {
        "" => None,
        text => {
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                refused(
                    "unconfirmed_since",
                    "invalid_date",
                    format!("'{text}' is no date (YYYY-MM-DD)"),
                )
            })?;
            Some(Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN)))
        }
    };
    let filters = Filters {
        action_lines,
        ..Filters::default()
    };
    Ok((filters, since))
}

/// Reminds those who did not answer.
#[utoipa::path(
    post,
    path = "/secretariat/calls/{id}/reminders",
    operation_id = "reminders_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The call")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`csrf`"),
    responses(
        (status = 303, description = "Reminded: back to the call's page, which says how many", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Not signed in, a read-only key or a bad form token", content_type = "text/html", body = String),
        (status = 404, description = "Unknown call", content_type = "text/html", body = String),
        (status = 409, description = "Not an open update call", content_type = "text/html", body = String)
    )
)]
async fn remind(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let ctx = post.ctx(&format!("{CALLS_PATH}/{id}"));
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let target = id.clone();
    let sent = call(&state, &ctx, move |s| s.remind(&desk.caller, &target)).await?;
    Ok(back(&ctx, &id, sent))
}

/// Back to the call's page (303), saying how many messages were queued.
fn back(ctx: &Ctx, id: &str, sent: usize) -> Response {
    let sent = sent.to_string();
    see_other(&ctx.href(&format!("{CALLS_PATH}/{id}"), &[("sent", sent.as_str())]))
}

/// A call's number and title in the page's language.
fn title(ctx: &Ctx, view: &CallView) -> String {
    let text = view.call.text(ctx.lang).map(|t| t.title.as_str());
    format!("{}. {}", view.call.number, text.unwrap_or_default())
}

/// The name of a call's kind, as the public calls page writes it.
fn kind_name(ctx: &Ctx, kind: CallKind) -> &'static str {
    super::call_list::kind_name(ctx.lang, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_written_in_every_language() {
        assert_eq!(
            messages::missing(&UpdateDeskTexts::ids()),
            Vec::<String>::new()
        );
        assert_eq!(
            update_desk_texts(crate::model::Language::Fr).confirmed,
            "Confirmés sans changement"
        );
    }
}
