//! A published selection (`/selections/{id}`): its description and projects with notes.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::call;
use super::i18n;
use super::layout::{document, Ctx};
use super::responses::{HtmlPage, PageResult};
use super::secretariat_texts;
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::SelectionView;

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(public_page))
}

/// A published selection's page.
#[utoipa::path(
    get,
    path = "/selections/{id}",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    responses(
        ThePage,
        (status = 404, description = "Unknown or not published", content_type = "text/html", body = String)
    )
)]
async fn public_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let ctx = Ctx::from_query(&format!("/selections/{id}"), query_pairs(raw.as_deref()));
    let view = call(&state, &ctx, move |s| s.selection(&id, false)).await?;
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, &view.fields.title, selection_body(&ctx, &view)),
    ))
}

/// The selection's title, kind and description, then its projects with their notes.
fn selection_body(ctx: &Ctx, view: &SelectionView) -> Markup {
    html! {
        h1 { (view.fields.title) }
        p.meta {
            (secretariat_texts::kind(ctx.lang, view.fields.kind))
            @if let Some(line) = view.fields.category { " · " (i18n::action_line_label(ctx.lang, line)) }
            @if let Some(year) = view.fields.year { " · " (year) }
            @if let Some(date) = view.fields.date { " · " (date) }
        }
        @if let Some(theme) = &view.fields.theme { p { (theme) } }
        ol.hits {
            @for item in &view.items {
                @if let Some(p) = &item.project {
                    li.hit {
                        h2 { a href=(ctx.href(&format!("/projects/{}", p.id), &[])) { (p.fields.title) } }
                        p.meta { (p.fields.organization) }
                        @if let Some(note) = &item.note { p { (note) } }
                    }
                }
            }
        }
    }
}
