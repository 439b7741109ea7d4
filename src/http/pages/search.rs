//! The search page (`/`) and the COVID-19 ICT Case Repository (`/covid19`): a query box,
//! facet checkboxes with exact counts (OR within a facet, AND across, as the API), hits,
//! sort and pages. The whole view is in the URL.

use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::{BlankParameters, ThePage};
use crate::http::openapi::PAGES;
use maud::{html, Markup, PreEscaped};

use super::calls::search;
use super::clean_query::CleanQuery;
use super::errors::bad_query;
use super::facets::{beside_query, call_titles, facet_sidebar};
use super::i18n;
use super::layout::{document, hidden_lang, url, Ctx};
use super::messages;
use super::responses::{HtmlPage, PageResult};
use super::search_view::View;
use super::widgets::{country_names, tag_links};
use crate::http::AppState;
use crate::model::{
    ActionLine, Country, ItuEntity, Language, Region, Scope, Sdg, SearchRequest, SortOrder,
    StakeholderType, Status, MAX_QUERY_CHARS, MAX_RESULT_WINDOW,
};
use crate::model::{Hit, SearchResults};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search_page))
        .routes(routes!(covid_page))
}

/// The search page: full text, facets, hits; takes the search parameters.
#[utoipa::path(
    get,
    path = "/",
    tag = PAGES,
    responses(
        ThePage,
        BlankParameters,
        (status = 400, description = "Bad search parameters", content_type = "text/html", body = String)
    )
)]
async fn search_page(State(state): State<AppState>, CleanQuery(pairs): CleanQuery) -> PageResult {
    render(&state, "/", pairs).await
}

/// The COVID-19 ICT Case Repository: the search page limited to COVID-19 responses.
#[utoipa::path(
    get,
    path = "/covid19",
    tag = PAGES,
    responses(
        ThePage,
        BlankParameters,
        (status = 400, description = "Bad search parameters", content_type = "text/html", body = String)
    )
)]
async fn covid_page(
    State(state): State<AppState>,
    CleanQuery(mut pairs): CleanQuery,
) -> PageResult {
    pairs.retain(|(k, _)| k != "covid19");
    render(&state, "/covid19", pairs).await
}

/// The search page at `path` for these query pairs; 400 when they make no search.
async fn render(state: &AppState, path: &'static str, pairs: Vec<(String, String)>) -> PageResult {
    let ctx = Ctx::from_query(path, pairs.clone());
    let view = View::new(path, pairs);
    let heading = if view.covid_only {
        ctx.t.covid_heading
    } else {
        ctx.t.search_heading
    };
    let (view, request) = view
        .checked(&ctx)
        .map_err(|e| bad_query(&ctx, heading, &e, Some(path)))?;
    let results = search(state, &ctx, request.clone()).await?;
    let calls = call_titles(state, &ctx, &results).await?;
    let body = html! {
        h1 { (heading) }
        @if view.covid_only { p.intro { (ctx.t.covid_intro) } }
        (search_form(&ctx, &view, &request, &results, &calls))
    };
    // The tab's title says what was searched.
    let title = match view.value("q") {
        Some(q) => format!("{q} – {heading}"),
        None => heading.to_string(),
    };
    let status = match view.problem {
        Some(_) => StatusCode::BAD_REQUEST,
        None => StatusCode::OK,
    };
    Ok(HtmlPage(status, document(&ctx, &title, body)))
}

/// The query box, the facets and the results, in one form that submits itself.
fn search_form(
    ctx: &Ctx,
    view: &View,
    request: &SearchRequest,
    results: &SearchResults,
    calls: &[(String, String)],
) -> Markup {
    html! {
        form.search method="get" action=(view.path()) data-autosubmit="true" {
            (hidden_lang(ctx))
            @if let Some(per_page) = view.value("per_page") { input type="hidden" name="per_page" value=(per_page); }
            div.querybar role="search" {
                label for="q" { (ctx.t.search_label) }
                // The script makes it a combobox offering /api/v1/suggest's answers.
                div.combo {
                    input #q type="search" name="q" value=[view.value("q")] maxlength=(MAX_QUERY_CHARS)
                        data-suggest=(ctx.lang.code()) data-label=(ctx.t.suggestions)
                        data-filters=(ctx.t.filters) data-projects=(ctx.t.suggest_projects)
                        data-organizations=(ctx.t.suggest_organizations);
                }
                button type="submit" { (ctx.t.search_button) }
                a.skip #skip-results href="#results" { (ctx.t.skip_to_results) }
            }
            (beside_query(ctx, view))
            p #live-status .visually-hidden role="status" {}
            div.layout #live data-live {
                (facet_sidebar(ctx, view, results, calls))
                (results_section(ctx, view, request, results))
            }
        }
    }
}

/// The count, the sort, the filters set, notes on the words, and the hits with pages.
fn results_section(
    ctx: &Ctx,
    view: &View,
    request: &SearchRequest,
    results: &SearchResults,
) -> Markup {
    html! {
        section.results #results tabindex="-1" aria-labelledby="result-count" {
            div.results-head {
                h2 #result-count data-live-focus tabindex="-1" { span #total { (results.total) } " " (messages::counted(ctx.lang, "projects-found", results.total)) }
                // The label stays beside its list when the line wraps.
                span.sort {
                    label for="sort" { (ctx.t.sort_label) }
                    select #sort name="sort" {
                        @for (code, label) in sort_options(ctx) {
                            option value=(code) selected[request.sort.code() == code] { (label) }
                        }
                    }
                }
            }
            (active_filters(ctx, view))
            (downloads(ctx, view))
            (query_notes(ctx, view, results))
            @if results.hits.is_empty() {
                (no_results(ctx, view, results))
            } @else {
                (hits(ctx, results))
                (pagination(ctx, view, results))
            }
        }
    }
}

fn sort_options(ctx: &Ctx) -> [(&'static str, &'static str); 5] {
    [
        (SortOrder::Relevance.code(), ctx.t.sort_relevance),
        (SortOrder::Newest.code(), ctx.t.sort_newest),
        (SortOrder::Oldest.code(), ctx.t.sort_oldest),
        (SortOrder::Title.code(), ctx.t.sort_title),
        (SortOrder::Confirmed.code(), ctx.t.sort_confirmed),
    ]
}

/// A human label for a filter pair.
fn filter_label(ctx: &Ctx, key: &str, value: &str) -> String {
    let t = ctx.t;
    let name = match key {
        "action_line" => ActionLine::parse(value).map(|a| i18n::action_line_label(ctx.lang, a)),
        "sdg" => value
            .parse::<i64>()
            .ok()
            .and_then(Sdg::new)
            .map(|g| i18n::sdg_label(ctx.lang, g)),
        "region" => Region::parse(value).map(|r| i18n::region(ctx.lang, r).to_string()),
        "country" => Country::parse(value).map(|c| i18n::country(ctx.lang, c).to_string()),
        "stakeholder_type" => {
            StakeholderType::parse(value).map(|s| i18n::stakeholder_type(ctx.lang, s).to_string())
        }
        "itu_entity" => ItuEntity::parse(value).map(|e| i18n::itu_entity(ctx.lang, e).to_string()),
        "scope" => Scope::parse(value).map(|s| i18n::scope(ctx.lang, s).to_string()),
        "status" => Status::parse(value).map(|s| i18n::status(ctx.lang, s).to_string()),
        "covid19" => Some(format!(
            "{}{}{}",
            t.covid19,
            i18n::colon(ctx.lang),
            if value == "true" { t.yes } else { t.no }
        )),
        "year_from" => Some(format!("{} {} {value}", t.start_year, t.year_from)),
        "year_to" => Some(format!("{} {} {value}", t.start_year, t.year_to)),
        "call" => Some(format!("{} {value}", t.call_field)),
        "confirmed_before" => Some(format!("{} {value}", t.confirmed_before)),
        "confirmed_since" => Some(format!("{} {value}", t.confirmed_since)),
        _ => None,
    };
    name.unwrap_or_else(|| value.to_string())
}

fn active_filters(ctx: &Ctx, view: &View) -> Markup {
    let filters: Vec<&(String, String)> = view.filters().collect();
    html! {
        @if !filters.is_empty() {
            ul.active-filters {
                @for (k, v) in filters {
                    li {
                        a href=(view.link(Some((k, v)), None)) {
                            span.visually-hidden { (ctx.t.remove_filter) (i18n::colon(ctx.lang)) }
                            (filter_label(ctx, k, v)) " ×"
                        }
                    }
                }
            }
        }
    }
}

/// Links to the export of the projects that pass the view's filters: CSV with labels in
/// the page's language, and NDJSON.
fn downloads(ctx: &Ctx, view: &View) -> Markup {
    let mut filters: Vec<(&str, &str)> = view
        .filters()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if view.covid_only {
        filters.push(("covid19", "true"));
    }
    let csv = [
        ("format", "csv"),
        ("labels", "true"),
        ("lang", ctx.lang.code()),
    ];
    let ndjson = [("format", "ndjson")];
    let link = |format: &[(&'static str, &str)]| {
        url(
            "/api/v1/export",
            format.iter().copied().chain(filters.iter().copied()),
            Language::En,
        )
    };
    html! {
        p.downloads #downloads {
            (ctx.t.download) (i18n::colon(ctx.lang))
            a href=(link(&csv)) download { "CSV" } " · "
            a href=(link(&ndjson)) download { "NDJSON" }
            @if view.value("q").is_some() { br; small { (ctx.t.download_without_words) } }
        }
    }
}

/// What the search made of the words: filters they name, and whether every word matched.
fn query_notes(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    let proposals: Vec<_> = results
        .suggested_filters
        .iter()
        .filter(|s| !view.has(s.facet, &s.value))
        .collect();
    html! {
        @if results.partial_match && results.total > 0 {
            p.notice #partial-match role="status" { (ctx.t.partial_match) }
        }
        @if !proposals.is_empty() {
            p.suggested-filters #suggested-filters {
                (ctx.t.filter_suggestion) " "
                @for (i, s) in proposals.iter().enumerate() {
                    @if i > 0 { " · " }
                    a href=(view.with(s.facet, &s.value)) { (s.label) }
                }
            }
        }
    }
}

/// Why there is nothing to show, and the way on: the last page when this one is past it,
/// the words without quotes, or fewer filters.
fn no_results(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    if results.total > 0 {
        let last = page_count(results);
        return html! {
            div.no-results role="status" {
                p { strong { (ctx.t.beyond_last_page) } }
                p { a #last-page href=(view.link(None, Some(last))) { (ctx.t.last_page) " (" (last) ")" } }
            }
        };
    }
    let filters: Vec<&(String, String)> = view.filters().collect();
    let unquoted = view.value("q").filter(|q| q.contains('"')).map(|q| {
        let words = q.replace('"', " ");
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    html! {
        div.no-results role="status" {
            p { strong { (ctx.t.no_results) } }
            @if let Some(words) = &unquoted {
                p #without-quotes { (ctx.t.without_quotes) (i18n::colon(ctx.lang)) a href=(view.set(&[("q", words)])) { (words) } }
            }
            @if !filters.is_empty() {
                p { (ctx.t.no_results_hint) }
                ul {
                    @for (k, v) in &filters {
                        li { a href=(view.link(Some((k, v)), None)) { (ctx.t.remove_filter) (i18n::colon(ctx.lang)) (filter_label(ctx, k, v)) } }
                    }
                }
                p { a #clear-filters href=(clear_link(ctx, view)) { (ctx.t.clear_filters) } }
            }
        }
    }
}

fn clear_link(ctx: &Ctx, view: &View) -> String {
    match view.value("q") {
        Some(q) => ctx.href(view.path(), &[("q", q)]),
        None => ctx.href(view.path(), &[]),
    }
}

fn hits(ctx: &Ctx, results: &SearchResults) -> Markup {
    html! {
        ol.hits {
            @for hit in &results.hits {
                li.hit { (hit_body(ctx, hit)) }
            }
        }
    }
}

/// A hit's title linking to its project, its organization, countries and start year, the
/// snippet and its tags (also the selection builder's hits).
pub(super) fn hit_body(ctx: &Ctx, hit: &Hit) -> Markup {
    let s = &hit.summary;
    html! {
        // Project texts keep their own direction on a page of the other.
        h3 dir="auto" { a href=(ctx.href(&format!("/projects/{}", s.id), &[])) { (s.title) } }
        p.meta {
            bdi.org { (s.organization) }
            @if !s.countries.is_empty() { " · " span.countries { (country_names(ctx, &s.countries)) } }
            " · " span.year { @if let Some(start) = s.start_date { (start.format("%Y")) } @else { (ctx.t.date_unknown) } }
        }
        // The snippet is escaped by the search layer; only its <mark> tags are markup.
        p.snippet dir="auto" { (PreEscaped(&hit.snippet)) }
        (tag_links(ctx, &s.action_lines, &s.sdgs))
    }
}

/// How many pages the results fill (pages beyond the result window cannot be asked for).
fn page_count(results: &SearchResults) -> u32 {
    let per_page = u64::from(results.per_page.max(1));
    let reachable = u64::from(MAX_RESULT_WINDOW) / per_page;
    results.total.div_ceil(per_page).min(reachable).max(1) as u32
}

/// Links to the pages of the results around this one (also the selection builder's).
pub(super) fn pagination(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    let pages = page_count(results);
    let current = results.page;
    if pages <= 1 {
        return html! {};
    }
    let first = current.saturating_sub(3).max(1);
    let last = (current + 3).min(pages);
    html! {
        nav.pagination aria-label=(ctx.t.pagination) {
            ul {
                @if current > 1 {
                    li { a rel="prev" href=(view.link(None, Some(current - 1))) { (ctx.t.previous) } }
                }
                @for p in first..=last {
                    li {
                        @if p == current {
                            span aria-current="page" { (ctx.t.page) " " (p) }
                        } @else {
                            a href=(view.link(None, Some(p))) { span.visually-hidden { (ctx.t.page) " " } (p) }
                        }
                    }
                }
                @if current < pages {
                    li { a rel="next" href=(view.link(None, Some(current + 1))) { (ctx.t.next) } }
                }
            }
        }
    }
}
