//! `/submit`: the submission form; errors beside the fields with the typed values kept;
//! a confirmation with the private edit link.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::{call, posted, Posted};
use super::edit::{edit_link, Notice};
use super::errors::error_page;
use super::form_post::FormPost;
use super::forms::{project_form, Errors, FormSpec, FormValues};
use super::i18n;
use super::layout::{document, hidden_lang, query_value, Ctx};
use super::messages;
use super::responses::{private, see_other, HtmlPage};
use crate::http::extract::query_pairs;
use crate::http::AppState;
use crate::model::{CallKind, CallRefusal, FieldError, Language};
use crate::model::{Reason, TagSuggestions};
use crate::service::{tokens, Caller, IdempotencyKey, Service, TagRequest};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(form_page, submit))
}

/// The submission form.
#[utoipa::path(
    get,
    path = "/submit",
    tag = PAGES,
    responses(
        ThePage
    )
)]
async fn form_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs = query_pairs(raw.as_deref());
    let asked = query_value(&pairs, "call").unwrap_or_default().to_string();
    let ctx = Ctx::from_query("/submit", pairs);
    let mut values = FormValues::new_in(ctx.lang);
    let answering = answering(&state, &ctx, &asked).await;
    if let Some(a) = answering.as_ref().filter(|a| a.refusal.is_none()) {
        values.set("call", &a.id);
    }
    // Private: the form carries its own submission key, which no cache may share.
    private(HtmlPage(
        StatusCode::OK,
        page(&ctx, &values, &Errors::none(), None, answering.as_ref()),
    ))
}

/// The call a form names: its id, its title in the page's language, and why it takes no
/// submission now (with the date that says so), if it does not.
struct Answering {
    id: String,
    title: String,
    refusal: Option<(CallRefusal, String)>,
}

/// The call `id` names (an update call, which takes no submission, is left out).
async fn answering(state: &AppState, ctx: &Ctx, id: &str) -> Option<Answering> {
    if id.is_empty() {
        return None;
    }
    let id = id.to_string();
    let lang = ctx.lang;
    let found = crate::http::on_service(state, move |s| s.call(&id))
        .await
        .ok()?;
    let call = found.call;
    if call.kind == CallKind::Update {
        return None;
    }
    let day = |at: chrono::DateTime<chrono::Utc>| at.date_naive().to_string();
    let refusal = match call.admits(chrono::Utc::now()) {
        Ok(()) => None,
        Err(CallRefusal::NotOpen) => Some((CallRefusal::NotOpen, day(call.opens_at))),
        Err(CallRefusal::Closed) => Some((CallRefusal::Closed, day(call.closes_at))),
    };
    Some(Answering {
        id: call.id.to_string(),
        title: call.text(lang)?.title.clone(),
        refusal,
    })
}

/// What the form says of the call it answers, or of the call it can no longer answer.
fn answering_notice(ctx: &Ctx, a: &Answering) -> Markup {
    let notice = |id: &str, date: &str| {
        messages::with(ctx.lang, id, &[("title", a.title.as_str()), ("date", date)])
    };
    html! {
        @match &a.refusal {
            None => p.notice #answering { (ctx.t.answering_call) (i18n::colon(ctx.lang)) bdi { (a.title) } },
            Some((CallRefusal::Closed, date)) => p.notice #call-closed role="status" { (notice("submit-call-closed", date)) },
            Some((CallRefusal::NotOpen, date)) => p.notice #call-not-open role="status" { (notice("submit-call-not-open", date)) },
        }
    }
}

/// The form's hidden field that makes posting it twice one submission.
const FORM_KEY: &str = "submission_key";

fn page(
    ctx: &Ctx,
    values: &FormValues,
    errors: &Errors,
    suggestions: Option<&TagSuggestions>,
    answering: Option<&Answering>,
) -> maud::Markup {
    // Kept when the form comes back (errors, suggestions); new for a new form.
    let form_key = match values.get(FORM_KEY) {
        "" => tokens::new_token(),
        kept => kept.to_string(),
    };
    let hidden = html! {
        (hidden_lang(ctx))
        input type="hidden" name=(FORM_KEY) value=(form_key);
        @if let Some(a) = answering.filter(|a| a.refusal.is_none()) { input type="hidden" name="call" value=(a.id); }
    };
    let body = html! {
        h1 { (ctx.t.submit_heading) }
        p.intro { (ctx.t.submit_intro) }
        @if let Some(a) = answering { (answering_notice(ctx, a)) }
        @if let Some(s) = suggestions { (suggestion_panel(ctx, s)) }
        (project_form(ctx, FormSpec {
            action: "/submit",
            button: ctx.t.submit_button,
            hidden,
            with_contact: true,
            suggest_tags: true,
        }, values, errors))
    };
    document(ctx, ctx.t.submit_heading, body)
}

/// The tags suggested for the typed text, with their reasons.
fn suggestion_panel(ctx: &Ctx, s: &TagSuggestions) -> maud::Markup {
    let reasons = |reasons: &[Reason]| {
        reasons
            .iter()
            .filter(|r| !r.evidence.is_empty())
            .map(|r| {
                let kind = match r.kind {
                    "keywords" => ctx.t.reason_keywords,
                    "similar_projects" => ctx.t.reason_similar,
                    _ => ctx.t.reason_matrix,
                };
                let evidence = i18n::list(ctx.lang, r.evidence.iter().map(String::as_str));
                format!("{kind}{}{evidence}", i18n::colon(ctx.lang))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let percent = |score: f32| format!("{:.0} %", score * 100.0);
    html! {
        section.suggestions #tag-suggestions role="status" aria-labelledby="suggestions-heading" {
            h2 #suggestions-heading { (ctx.t.suggested_tags) }
            p.hint { (ctx.t.suggested_tags_hint) }
            ul.plain {
                @for a in &s.action_lines {
                    li.suggested-line data-code=(a.code.code()) {
                        strong { (i18n::action_line_label(ctx.lang, a.code)) } " " span.meta { (percent(a.score)) }
                        br; span.meta { (reasons(&a.reasons)) }
                    }
                }
                @for g in &s.sdgs {
                    li.suggested-sdg data-sdg=(g.sdg.number()) {
                        span class=(format!("swatch sdg-{}", g.sdg.number())) aria-hidden="true" {}
                        strong { " SDG " (g.sdg.number()) " " (i18n::sdg(ctx.lang, g.sdg)) } " " span.meta { (percent(g.score)) }
                        br; span.meta { (reasons(&g.reasons)) }
                    }
                }
            }
        }
    }
}

/// The form again, 422, with the errors beside its fields.
fn form_again(
    ctx: &Ctx,
    values: &FormValues,
    errors: Vec<FieldError>,
    answering: Option<&Answering>,
) -> Response {
    let page = page(ctx, values, &Errors::from(errors), None, answering);
    HtmlPage(StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// "Suggest tags": the form again, with the suggestions shown and ticked where none was.
async fn suggest(
    state: &AppState,
    ctx: &Ctx,
    mut values: FormValues,
) -> Result<Response, Response> {
    let body = serde_json::json!({
        "title": values.get("title"),
        "description": values.get("description"),
        // The text's language as chosen; the page's when none is.
        "language": Language::parse(values.get("language")).unwrap_or(ctx.lang).code(),
    });
    let request = match TagRequest::parse(&body) {
        Ok(r) => r,
        Err(errors) => {
            let answering = answering(state, ctx, values.get("call")).await;
            return Ok(form_again(ctx, &values, errors.0, answering.as_ref()));
        }
    };
    let suggestions = call(state, ctx, move |s| s.suggest_tags(&request)).await?;
    let (lines, goals) = suggestions.adopted(false);
    values.tick_if_none(
        "action_lines",
        lines.iter().map(|a| a.code().to_string()).collect(),
    );
    values.tick_if_none(
        "sdgs",
        goals.iter().map(|g| g.number().to_string()).collect(),
    );
    let answering = answering(state, ctx, values.get("call")).await;
    let page = page(
        ctx,
        &values,
        &Errors::none(),
        Some(&suggestions),
        answering.as_ref(),
    );
    Ok(HtmlPage(StatusCode::OK, page).into_response())
}

/// Submits the form (or asks for Action Line and SDG suggestions); redirects to the submission's page.
#[utoipa::path(
    post,
    path = "/submit",
    operation_id = "submit_form",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Stored: to the submission's page", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Bad form token", content_type = "text/html", body = String),
        (status = 422, description = "The form again, with every error", content_type = "text/html", body = String),
        (status = 429, description = "Rate limited", content_type = "text/html", body = String)
    )
)]
async fn submit(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/submit");
    if !post.values.get("suggest").is_empty() {
        return suggest(&state, &ctx, post.values).await;
    }
    post.spend_write(&state, &Caller::Public)
        .map_err(|e| error_page(&ctx, &e))?;
    let json = post.values.to_json(true);
    // The same form posted again with the same content (a double click, a resent post)
    // is the same submission.
    let key = IdempotencyKey::for_form(post.values.get(FORM_KEY), &json);
    let submit = move |s: &Service| posted(s.submit(json, &Caller::Public, key.as_ref()));
    match call(&state, &ctx, submit).await? {
        // To the submitter's page, which a reload only shows again.
        Posted::Done(submitted) => Ok(see_other(&edit_link(
            &submitted.id.to_string(),
            &submitted.edit_token,
            ctx.lang,
            Notice::Submitted,
        ))),
        Posted::Refused(errors) => {
            let answering = answering(&state, &ctx, post.values.get("call")).await;
            Ok(form_again(&ctx, &post.values, errors.0, answering.as_ref()))
        }
    }
}
