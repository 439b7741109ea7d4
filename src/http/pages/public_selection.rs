//! A published selection (`/selections/{id}`): its description, then its projects in order,
//! numbered, each with its countries, start year, tags and the curator's note.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::call;
use super::layout::{document, Ctx};
use super::responses::{HtmlPage, PageResult};
use super::selection_entries::{selection_meta, SELECTIONS_PATH};
use super::selections_texts::{kinds, selections_texts};
use super::widgets::{country_names, tag_links};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::{PublicProject, SelectionView};

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

/// Links to the list of selections and to those of the same kind, the selection's title,
/// kind and description, then its items, numbered.
fn selection_body(ctx: &Ctx, view: &SelectionView) -> Markup {
    let s = selections_texts(ctx.lang);
    let kind = view.fields.kind;
    html! {
        p.breadcrumb {
            a #all-selections href=(ctx.href(SELECTIONS_PATH, &[])) { (s.all_selections) }
            " · "
            a #same-kind href=(ctx.href(SELECTIONS_PATH, &[("kind", kind.code())])) { bdi { (kinds(ctx.lang, kind)) } }
        }
        // The secretariat's own words keep their own direction.
        h1 dir="auto" { (view.fields.title) }
        p.meta { (selection_meta(ctx, &view.fields)) }
        @if let Some(theme) = &view.fields.theme { p.description dir="auto" { (theme) } }
        ol.selection-items {
            @for item in &view.items {
                li.hit {
                    @if let Some(p) = &item.project { (member(ctx, p)) } @else { p.meta.gone { (s.gone) } }
                    @if let Some(note) = &item.note { p.note dir="auto" { (note) } }
                }
            }
        }
    }
}

/// A member project: its title (a link), organization, countries, start year and tags.
fn member(ctx: &Ctx, project: &PublicProject) -> Markup {
    let f = &project.fields;
    let lang = f.language.code();
    html! {
        h2 dir="auto" { a href=(ctx.href(&format!("/projects/{}", project.id), &[])) lang=(lang) { (f.title) } }
        p.meta {
            bdi.org lang=(lang) { (f.organization) }
            @if !f.countries.is_empty() { " · " span.countries { (country_names(ctx, &f.countries)) } }
            @if let Some(start) = f.start_date { " · " span.year { (start.format("%Y")) } }
        }
        (tag_links(ctx, &f.action_lines, &f.sdgs))
    }
}
