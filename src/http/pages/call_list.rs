//! The calls for submissions (`/calls`): open ones and past ones, each with its title and
//! text in the page's language (English when it has none), its dates, its deadline's
//! extensions and how many submissions answered it.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use maud::{html, Markup};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::calls::call;
use super::i18n;
use super::layout::{document, Ctx};
use super::messages;
use super::responses::{HtmlPage, PageResult};
use crate::http::extract::query_pairs;
use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use crate::http::AppState;
use crate::model::{CallKind, Language};
use crate::service::calls::CallView;

messages::fluent_texts! {
    /// The labels of the calls page in one language.
    pub struct CallTexts, prefix "calls-", fn call_texts {
        heading, open, past, none_open, none_past, opens, closes, extended, submissions,
        kind_stocktaking, kind_covid19, kind_prizes, kind_update, answer,
    }
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(page))
}

/// The calls for submissions, open ones first.
#[utoipa::path(
    get,
    path = "/calls",
    operation_id = "calls_page",
    tag = PAGES,
    params(("lang" = Option<Language>, Query, description = "The language of the page")),
    responses(ThePage)
)]
async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> PageResult {
    let ctx = Ctx::from_query("/calls", query_pairs(raw.as_deref()));
    let calls = call(&state, &ctx, |s| s.calls()).await?;
    let c = call_texts(ctx.lang);
    let (open, past): (Vec<&CallView>, Vec<&CallView>) = calls.iter().partition(|v| v.open);
    let body = html! {
        h1 { (c.heading) }
        section aria-labelledby="open-calls" {
            h2 #open-calls { (c.open) }
            @if open.is_empty() { p { (c.none_open) } }
            ul.results #open-list { @for v in &open { (item(&ctx, v)) } }
        }
        section aria-labelledby="past-calls" {
            h2 #past-calls { (c.past) }
            @if past.is_empty() { p { (c.none_past) } }
            ul.results #past-list { @for v in &past { (item(&ctx, v)) } }
        }
    };
    Ok(HtmlPage(StatusCode::OK, document(&ctx, c.heading, body)))
}

/// The name of a call's kind in `lang`.
pub(super) fn kind_name(lang: Language, kind: CallKind) -> &'static str {
    let c = call_texts(lang);
    match kind {
        CallKind::Stocktaking => c.kind_stocktaking,
        CallKind::Covid19 => c.kind_covid19,
        CallKind::Prizes => c.kind_prizes,
        CallKind::Update => c.kind_update,
    }
}

fn item(ctx: &Ctx, v: &CallView) -> Markup {
    let c = call_texts(ctx.lang);
    let colon = i18n::colon(ctx.lang);
    let text = v.call.text(ctx.lang);
    let day = |d: &chrono::DateTime<chrono::Utc>| d.format("%Y-%m-%d %H:%M UTC").to_string();
    html! {
        li.hit data-id=(v.call.id.to_string()) {
            h3 { bdi { (text.map_or("", |t| t.title.as_str())) } }
            p { strong { (kind_name(ctx.lang, v.call.kind)) } }
            @if let Some(t) = text { @if !t.text.is_empty() { p { bdi { (t.text) } } } }
            p {
                (c.opens) (colon) time dir="ltr" datetime=(v.call.opens_at.to_rfc3339()) { (day(&v.call.opens_at)) }
                " · " (c.closes) (colon) time.deadline dir="ltr" datetime=(v.call.closes_at.to_rfc3339()) { (day(&v.call.closes_at)) }
            }
            @for change in &v.call.deadline_history {
                p.hint { (c.extended) (colon) time dir="ltr" datetime=(change.from.to_rfc3339()) { (day(&change.from)) } " → " time dir="ltr" datetime=(change.to.to_rfc3339()) { (day(&change.to)) } }
            }
            p.count { (c.submissions) (colon) span.submissions { (v.submissions) } }
            @if v.open && v.call.kind != CallKind::Update {
                p { a.answer href=(ctx.href("/submit", &[("call", &v.call.id.to_string())])) { (c.answer) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_all_six_languages() {
        assert_eq!(messages::missing(&CallTexts::ids()), Vec::<String>::new());
        assert_eq!(kind_name(Language::Fr, CallKind::Prizes), "Prix du SMSI");
    }
}
