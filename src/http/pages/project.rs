//! A published project (`/projects/{id}`): every public field, tags with their names and
//! links that search for the same tag, the published selections it is in, related projects.

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
use super::selection_entries::selection_entries;
use super::selections_texts::selections_texts;
use super::widgets::{country_names, tag_links};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::Hit;
use crate::model::{ProjectFields, PublicProject, Region, SelectionSummary};
use crate::service::{Caller, ProjectView, Service, ServiceError};

/// Related projects shown under a project.
const RELATED: usize = 5;

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(project_page))
}

/// A published project's page, with related projects.
#[utoipa::path(
    get,
    path = "/projects/{id}",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    responses(
        ThePage,
        (status = 404, description = "Unknown or not public", content_type = "text/html", body = String)
    )
)]
async fn project_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let ctx = Ctx::from_query(&format!("/projects/{id}"), query_pairs(raw.as_deref()));
    let (project, related, selections) = call(&state, &ctx, move |s| shown(s, &id)).await?;
    let body = project_body(&ctx, &project, &related, &selections);
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, &project.fields.title, body),
    ))
}

/// A public project with its related projects and the published selections it is in.
type Shown = (PublicProject, Vec<Hit>, Vec<SelectionSummary>);

/// What the page shows of project `id`.
fn shown(s: &Service, id: &str) -> Result<Shown, ServiceError> {
    let project = match s.project_view(id, &Caller::Public)? {
        ProjectView::Public(p) => *p,
        ProjectView::Owner(p) => p.project,
    };
    // Related projects are a help, not the page: without them the page still shows.
    let related = s.related(id, RELATED).unwrap_or_default();
    let selections = s.selections_with(project.id)?;
    Ok((project, related, selections))
}

/// The project's fields, then the selections it is in and the related projects, if any.
fn project_body(
    ctx: &Ctx,
    project: &PublicProject,
    related: &[Hit],
    selections: &[SelectionSummary],
) -> Markup {
    html! {
        article.project {
            // What people wrote keeps its own direction on a page in the other.
            h1 dir="auto" { (project.fields.title) }
            p.meta dir="auto" { (project.fields.organization) }
            (tag_links(ctx, &project.fields.action_lines, &project.fields.sdgs))
            (fields_list(ctx, &project.fields, &project.regions))
            p.meta { (ctx.t.published_on) " " (project.updated_at.format("%Y-%m-%d")) " · " (ctx.t.version) " " (project.version) }
        }
        @if !selections.is_empty() {
            section.in-selections aria-labelledby="selections-heading" {
                h2 #selections-heading { (selections_texts(ctx.lang).in_selections) }
                (selection_entries(ctx, selections))
            }
        }
        @if !related.is_empty() {
            section.related aria-labelledby="related-heading" {
                h2 #related-heading { (ctx.t.related_projects) }
                ul.related-list {
                    @for hit in related {
                        li {
                            a href=(ctx.href(&format!("/projects/{}", hit.summary.id), &[])) lang=(hit.summary.language.code()) {
                                bdi { (hit.summary.title) }
                            }
                            " "
                            bdi.meta lang=(hit.summary.language.code()) { (hit.summary.organization) }
                            (tag_links(ctx, &hit.summary.action_lines, &hit.summary.sdgs))
                        }
                    }
                }
            }
        }
    }
}

/// Every field of a project as a definition list (titles are headings elsewhere).
pub(super) fn fields_list(ctx: &Ctx, f: &ProjectFields, regions: &[Region]) -> Markup {
    let t = ctx.t;
    let lang = ctx.lang;
    html! {
        dl.fields {
            dt { (t.description) }
            dd.description lang=(f.language.code()) dir="auto" { (f.description) }
            dt { (t.organization) }
            dd dir="auto" { (f.organization) }
            dt { (t.stakeholder_type) }
            dd { (i18n::stakeholder_type(lang, f.stakeholder_type)) }
            @if let Some(entity) = f.itu_entity {
                dt { (t.itu_entity) }
                dd { a href=(ctx.href("/", &[("itu_entity", entity.code())])) { (i18n::itu_entity(lang, entity)) } }
            }
            dt { (t.scope) }
            dd { (i18n::scope(lang, f.scope)) }
            dt { (t.countries) }
            dd { (country_names(ctx, &f.countries)) }
            dt { (t.regions) }
            dd {
                @for (i, r) in regions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(ctx.href("/", &[("region", r.code())])) { (i18n::region(lang, *r)) }
                }
            }
            (tag_fields(ctx, f))
            dt { (t.covid19) }
            dd { (if f.covid19 { t.yes } else { t.no }) }
            dt { (t.status) }
            dd { (i18n::status(lang, f.status)) }
            dt { (t.start_date) }
            dd { @if let Some(start) = f.start_date { (start) } @else { (t.date_unknown) } }
            @if let Some(end) = f.end_date {
                dt { (t.end_date) }
                dd { (end) }
            }
            @if let Some(site) = &f.website {
                dt { (t.website) }
                dd { a href=(site) rel="nofollow noopener" { (site) } }
            }
            dt { (t.project_language) }
            dd { (i18n::language_name(ctx.lang, f.language)) }
        }
    }
}

/// The Action Lines and SDGs of a project, each a link that searches for it.
fn tag_fields(ctx: &Ctx, f: &ProjectFields) -> Markup {
    let t = ctx.t;
    let lang = ctx.lang;
    html! {
        dt { (t.action_lines) }
        dd {
            ul.plain {
                @for line in &f.action_lines {
                    li { a href=(ctx.href("/", &[("action_line", line.code())])) { (i18n::action_line_label(lang, *line)) } }
                }
            }
        }
        dt { (t.sdgs) }
        dd {
            ul.plain {
                @for goal in &f.sdgs {
                    li {
                        a href=(ctx.href("/", &[("sdg", &goal.number().to_string())])) {
                            span class=(format!("swatch sdg-{}", goal.number())) aria-hidden="true" {}
                            " " (i18n::sdg_abbreviation(lang)) " " (goal.number()) " " (i18n::sdg(lang, *goal))
                        }
                    }
                }
            }
        }
    }
}
