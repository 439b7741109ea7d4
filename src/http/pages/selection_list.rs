//! The published selections (`/selections`): WSIS TalkX sessions, Prizes shortlists, report
//! chapters and collections, newest first, filtered by kind and year. The filter is in the
//! URL; a form with blank choices leads (303) to the same list without them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::{BlankParameters, ThePage};
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::call;
use super::clean_query::CleanQuery;
use super::errors::bad_query;
use super::i18n;
use super::layout::{document, hidden_lang, Ctx};
use super::responses::HtmlPage;
use super::selection_entries::{selection_entries, SELECTIONS_PATH};
use super::selections_texts::{kinds, selections_texts};
use crate::http::AppState;
use crate::model::{SelectionFilter, SelectionKind, SelectionListing};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(selections_page))
}

/// The published selections, with `kind` and `year` filters.
#[utoipa::path(
    get,
    path = "/selections",
    tag = PAGES,
    responses(
        ThePage,
        BlankParameters,
        (status = 400, description = "Bad filters", content_type = "text/html", body = String)
    )
)]
async fn selections_page(
    State(state): State<AppState>,
    CleanQuery(pairs): CleanQuery,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query(SELECTIONS_PATH, pairs.clone());
    let heading = selections_texts(ctx.lang).selections;
    let filter = SelectionFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| bad_query(&ctx, heading, &e, Some(SELECTIONS_PATH)))?;
    let listing = call(&state, &ctx, move |s| s.selection_listing(filter)).await?;
    let page = document(&ctx, heading, list_body(&ctx, &listing));
    Ok(HtmlPage(StatusCode::OK, page).into_response())
}

/// The list under `kind` and `year` (either may be absent), in the page's language.
fn link(ctx: &Ctx, kind: Option<SelectionKind>, year: Option<i32>) -> String {
    let year = year.map(|y| y.to_string());
    let pairs: Vec<(&str, &str)> = kind
        .map(|k| ("kind", k.code()))
        .into_iter()
        .chain(year.as_deref().map(|y| ("year", y)))
        .collect();
    ctx.href(SELECTIONS_PATH, &pairs)
}

/// The heading, the filter (form and links), then the selections or why there are none.
fn list_body(ctx: &Ctx, listing: &SelectionListing) -> Markup {
    let s = selections_texts(ctx.lang);
    html! {
        h1 { (s.selections) }
        p.intro { (s.intro) }
        (filter_form(ctx, listing))
        (kind_links(ctx, listing))
        section.results aria-labelledby="selection-count" {
            h2 #selection-count { (s.shown) " " span #total { (listing.selections.len()) } }
            (active_filters(ctx, listing.filter))
            @if listing.selections.is_empty() {
                div.no-results role="status" {
                    @if listing.total == 0 {
                        p #none-yet { strong { (s.none_yet) } }
                    } @else {
                        p { strong { (s.none_match) } }
                        p { a #clear-filters href=(ctx.href(SELECTIONS_PATH, &[])) { (ctx.t.clear_filters) } }
                    }
                }
            } @else {
                (selection_entries(ctx, &listing.selections))
            }
        }
    }
}

/// The kind and year as two lists with their counts, sent with a button (the script sends
/// it as soon as one changes).
fn filter_form(ctx: &Ctx, listing: &SelectionListing) -> Markup {
    let s = selections_texts(ctx.lang);
    let filter = listing.filter;
    let of_year = listing.of_year();
    html! {
        form.selection-filter method="get" action=(SELECTIONS_PATH) data-autosubmit="true" {
            (hidden_lang(ctx))
            div.querybar {
                label for="kind" { (s.kind) }
                select #kind name="kind" {
                    option value="" { (s.all_kinds) " (" (of_year) ")" }
                    @for (kind, n) in &listing.kinds {
                        option value=(kind.code()) selected[filter.kind == Some(*kind)] { (isolated(kinds(ctx.lang, *kind))) " (" (n) ")" }
                    }
                }
                label for="year" { (s.year) }
                select #year name="year" {
                    option value="" { (s.all_years) }
                    @for (year, n) in &listing.years {
                        option value=(year) selected[filter.year == Some(*year)] { (year) " (" (n) ")" }
                    }
                }
                button type="submit" { (s.show) }
            }
        }
    }
}

/// A name set apart from the text around it (first-strong isolate), so that a name that
/// ends in Latin letters keeps its count after it in Arabic, where no `bdi` can go.
fn isolated(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// Every kind as a link with its count (for the chosen year), the chosen one marked.
fn kind_links(ctx: &Ctx, listing: &SelectionListing) -> Markup {
    let s = selections_texts(ctx.lang);
    let filter = listing.filter;
    let of_year = listing.of_year();
    html! {
        nav.kind-links aria-label=(s.by_kind) {
            ul {
                li {
                    a href=(link(ctx, None, filter.year)) aria-current=[filter.kind.is_none().then_some("true")] {
                        (s.all_kinds) " " span.count { (of_year) }
                    }
                }
                @for (kind, n) in &listing.kinds {
                    li {
                        a id=(format!("kind-{}", kind.code())) href=(link(ctx, Some(*kind), filter.year))
                            aria-current=[(filter.kind == Some(*kind)).then_some("true")] {
                            bdi { (kinds(ctx.lang, *kind)) } " " span.count { (n) }
                        }
                    }
                }
            }
        }
    }
}

/// The chosen kind and year, each a link that removes it.
fn active_filters(ctx: &Ctx, filter: SelectionFilter) -> Markup {
    let s = selections_texts(ctx.lang);
    let remove = ctx.t.remove_filter;
    html! {
        @if filter.kind.is_some() || filter.year.is_some() {
            ul.active-filters {
                @if let Some(kind) = filter.kind {
                    li { a href=(link(ctx, None, filter.year)) { span.visually-hidden { (remove) (i18n::colon(ctx.lang)) } bdi { (kinds(ctx.lang, kind)) } " ×" } }
                }
                @if let Some(year) = filter.year {
                    li { a href=(link(ctx, filter.kind, None)) { span.visually-hidden { (remove) (i18n::colon(ctx.lang)) } (s.year) " " (year) " ×" } }
                }
            }
        }
    }
}
