//! A published selection (`/selections/{id}`): its description and projects with notes.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::PAGES;
use maud::html;

use super::desk_texts;
use super::layout::document;
use super::{call, i18n, Ctx, HtmlPage};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;

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
        (status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 404, description = "Unknown or not published", content_type = "text/html", body = String)
    )
)]
async fn public_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(raw): RawQuery,
) -> Result<HtmlPage, Response> {
    let ctx = Ctx::from_query(&format!("/selections/{id}"), query_pairs(raw.as_deref()));
    let view = call(&state, &ctx, move |s| s.selection(&id, false)).await?;
    let body = html! {
        h1 { (view.fields.title) }
        p.meta {
            (desk_texts::kind(ctx.lang, view.fields.kind))
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
    };
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, &view.fields.title, body),
    ))
}
