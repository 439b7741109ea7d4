//! The search page (`/`) and the COVID-19 ICT Case Repository (`/covid19`): a query box,
//! facet checkboxes with exact counts (OR within a facet, AND across, as the API), hits,
//! sort and pages. The whole view is in the URL.

use std::collections::HashMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::PAGES;
use maud::{html, Markup, PreEscaped};

use super::layout::{document, hidden_lang, url};
use super::widgets::{country_names, tag_links};
use super::{i18n, Ctx, HtmlPage};
use crate::http::extract::query_pairs;
use crate::http::AppState;
use crate::model::UNKNOWN_YEAR_LABEL;
use crate::model::{
    ActionLine, Country, Language, Region, Scope, Sdg, SearchRequest, SortOrder, StakeholderType,
    Status, MAX_QUERY_CHARS, MAX_RESULT_WINDOW,
};
use crate::search::SearchResults;

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search_page))
        .routes(routes!(covid_page))
}

/// Countries listed before the "more countries" fold.
const COUNTRIES_SHOWN: usize = 12;

/// The search page: full text, facets, hits; takes the search parameters.
#[utoipa::path(
    get,
    path = "/",
    tag = PAGES,
    responses(
        (status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 400, description = "Bad search parameters", content_type = "text/html", body = String)
    )
)]
async fn search_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs = query_pairs(raw.as_deref());
    render(&state, "/", pairs).await
}

/// The COVID-19 ICT Case Repository: the search page limited to COVID-19 responses.
#[utoipa::path(
    get,
    path = "/covid19",
    tag = PAGES,
    responses(
        (status = 200, description = "The page", content_type = "text/html", body = String),
        (status = 400, description = "Bad search parameters", content_type = "text/html", body = String)
    )
)]
async fn covid_page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let mut pairs = query_pairs(raw.as_deref());
    pairs.retain(|(k, _)| k != "covid19");
    render(&state, "/covid19", pairs).await
}

async fn render(state: &AppState, path: &'static str, pairs: Vec<(String, String)>) -> Response {
    let ctx = Ctx::from_query(path, pairs.clone());
    let view = View::new(path, pairs);
    let heading = if view.covid_only {
        ctx.t.covid_heading
    } else {
        ctx.t.search_heading
    };
    let request = match view.request() {
        Ok(request) => request,
        Err(message) => {
            let body = html! {
                h1 { (heading) }
                p.error role="alert" { (message) }
                p { a href=(ctx.href(path, &[])) { (ctx.t.clear_filters) } }
            };
            return HtmlPage(StatusCode::BAD_REQUEST, document(&ctx, heading, body))
                .into_response();
        }
    };
    let results = match search(state, &ctx, request.clone()).await {
        Ok(results) => results,
        Err(response) => return response,
    };
    let body = html! {
        h1 { (heading) }
        @if view.covid_only { p.intro { (ctx.t.covid_intro) } }
        form.search method="get" action=(path) data-autosubmit="true" {
            (hidden_lang(&ctx))
            @if let Some(per_page) = view.value("per_page") { input type="hidden" name="per_page" value=(per_page); }
            div.querybar role="search" {
                label for="q" { (ctx.t.search_label) }
                input #q type="search" name="q" value=[view.value("q")] maxlength=(MAX_QUERY_CHARS);
                button type="submit" { (ctx.t.search_button) }
            }
            div.layout {
                (facet_sidebar(&ctx, &view, &results))
                section.results aria-labelledby="result-count" {
                    div.results-head {
                        h2 #result-count { span #total { (results.total) } " " (ctx.t.results_count) }
                        label for="sort" { (ctx.t.sort_label) }
                        select #sort name="sort" {
                            @for (code, label) in sort_options(&ctx) {
                                option value=(code) selected[request.sort.code() == code] { (label) }
                            }
                        }
                    }
                    (active_filters(&ctx, &view))
                    (query_notes(&ctx, &view, &results))
                    @if results.hits.is_empty() {
                        (no_results(&ctx, &view))
                    } @else {
                        (hits(&ctx, &results))
                        (pagination(&ctx, &view, &results))
                    }
                }
            }
        }
    };
    HtmlPage(StatusCode::OK, document(&ctx, heading, body)).into_response()
}

/// Runs the search as the API does (a search turn, timed in the metrics).
pub(super) async fn search(
    state: &AppState,
    ctx: &Ctx,
    request: SearchRequest,
) -> Result<SearchResults, Response> {
    crate::http::run_search(state, request)
        .await
        .map_err(|e| super::error_page(ctx, &e))
}

/// The view a URL describes: its query pairs (without the page number).
pub(super) struct View {
    path: &'static str,
    pairs: Vec<(String, String)>,
    page: Option<String>,
    /// The COVID-19 repository: `covid19=true` is fixed.
    pub covid_only: bool,
}

impl View {
    /// The view of `path` with these query pairs.
    pub fn new(path: &'static str, pairs: Vec<(String, String)>) -> View {
        let page = pairs.iter().find(|(k, _)| k == "page").map(|p| p.1.clone());
        let pairs = pairs
            .into_iter()
            .filter(|(k, v)| k != "page" && !v.trim().is_empty())
            .collect();
        View {
            path,
            pairs,
            page,
            covid_only: path == "/covid19",
        }
    }

    /// The search request, or the message naming the bad parameter.
    pub fn request(&self) -> Result<SearchRequest, String> {
        let mut pairs: Vec<(&str, &str)> = self
            .pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(page) = &self.page {
            pairs.push(("page", page));
        }
        if self.covid_only {
            pairs.push(("covid19", "true"));
        }
        SearchRequest::from_pairs(pairs).map_err(|e| e.message)
    }

    /// The first value of a parameter.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn is_set(&self, key: &str, value: &str) -> bool {
        self.pairs.iter().any(|(k, v)| k == key && v == value)
    }

    /// A link to this view with changes: pairs removed, pairs added, a page number.
    fn link(&self, remove: Option<(&str, &str)>, page: Option<u32>) -> String {
        let page = page.filter(|p| *p > 1).map(|p| p.to_string());
        let kept = self
            .pairs
            .iter()
            .filter(|(k, v)| !remove.is_some_and(|(rk, rv)| rk == k && (rv.is_empty() || rv == v)))
            .map(|(k, v)| (k.as_str(), v.as_str()));
        // `lang` is among the pairs already.
        url(
            self.path,
            kept.chain(page.as_deref().map(|p| ("page", p))),
            Language::En,
        )
    }

    /// This view with one more filter value.
    fn with(&self, key: &str, value: &str) -> String {
        let kept = self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        url(self.path, kept.chain([(key, value)]), Language::En)
    }

    /// Whether a filter value is set.
    fn has(&self, key: &str, value: &str) -> bool {
        self.pairs.iter().any(|(k, v)| k == key && v == value)
    }

    /// The filter pairs set (not the text, sort, language or page size).
    fn filters(&self) -> impl Iterator<Item = &(String, String)> {
        self.pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "q" | "sort" | "lang" | "per_page"))
    }
}

fn sort_options(ctx: &Ctx) -> [(&'static str, &'static str); 4] {
    [
        (SortOrder::Relevance.code(), ctx.t.sort_relevance),
        (SortOrder::Newest.code(), ctx.t.sort_newest),
        (SortOrder::Oldest.code(), ctx.t.sort_oldest),
        (SortOrder::Title.code(), ctx.t.sort_title),
    ]
}

/// One checkbox of a facet.
struct Choice {
    value: String,
    label: Markup,
    count: u64,
    children: Vec<Choice>,
}

/// Counts of one facet, by value code.
pub(super) fn facet_counts<'a>(results: &'a SearchResults, facet: &str) -> HashMap<&'a str, u64> {
    results
        .facets
        .get(facet)
        .unwrap_or_default()
        .iter()
        .map(|(code, n)| (code.as_str(), *n))
        .collect()
}

/// The facet checkboxes with their counts.
pub(super) fn facet_sidebar(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    let counts = |facet: &str| facet_counts(results, facet);
    let t = ctx.t;
    let lines = counts("action_line");
    let choice = |value: &str, label: Markup, counts: &HashMap<&str, u64>| Choice {
        value: value.to_string(),
        label,
        count: counts.get(value).copied().unwrap_or(0),
        children: Vec::new(),
    };
    let mut line_choices: Vec<Choice> = Vec::new();
    for line in ActionLine::leaves() {
        let item = choice(
            line.code(),
            html! { (i18n::action_line_label(ctx.lang, line)) },
            &lines,
        );
        if line.is_c7() {
            if !line_choices.iter().any(|c| c.value == "C7") {
                let group = ActionLine::C7;
                line_choices.push(choice(
                    group.code(),
                    html! { (i18n::action_line_label(ctx.lang, group)) },
                    &lines,
                ));
            }
            if let Some(group) = line_choices.last_mut() {
                group.children.push(item);
            }
        } else {
            line_choices.push(item);
        }
    }
    let sdgs = counts("sdg");
    let sdg_choices: Vec<Choice> = Sdg::all()
        .map(|goal| {
            let n = goal.number().to_string();
            choice(
                &n,
                html! {
                    span class=(format!("swatch sdg-{n}")) aria-hidden="true" {}
                    (n) " " (i18n::sdg(ctx.lang, goal))
                },
                &sdgs,
            )
        })
        .collect();
    let regions = counts("region");
    let region_choices: Vec<Choice> = Region::ALL
        .iter()
        .map(|r| choice(r.code(), html! { (i18n::region(ctx.lang, *r)) }, &regions))
        .collect();
    let country_choices: Vec<Choice> = results
        .facets
        .get("country")
        .unwrap_or_default()
        .iter()
        .filter_map(|(code, n)| {
            let country = Country::parse(code)?;
            Some(Choice {
                value: code.clone(),
                label: html! { (i18n::country(ctx.lang, country)) },
                count: *n,
                children: Vec::new(),
            })
        })
        .collect();
    let stakeholders = counts("stakeholder_type");
    let stakeholder_choices: Vec<Choice> = StakeholderType::ALL
        .iter()
        .map(|s| {
            choice(
                s.code(),
                html! { (i18n::stakeholder_type(ctx.lang, *s)) },
                &stakeholders,
            )
        })
        .collect();
    let scopes = counts("scope");
    let scope_choices: Vec<Choice> = Scope::ALL
        .iter()
        .map(|s| choice(s.code(), html! { (i18n::scope(ctx.lang, *s)) }, &scopes))
        .collect();
    let statuses = counts("status");
    let status_choices: Vec<Choice> = Status::ALL
        .iter()
        .map(|s| choice(s.code(), html! { (i18n::status(ctx.lang, *s)) }, &statuses))
        .collect();
    let covid = counts("covid19");
    let years = results.facets.get("year").unwrap_or_default();
    html! {
        aside.facets aria-labelledby="filters-heading" {
            h2 #filters-heading { (t.filters) }
            (checkbox_group(ctx, view, "action_line", t.action_lines, &line_choices))
            (checkbox_group(ctx, view, "sdg", t.sdgs, &sdg_choices))
            (checkbox_group(ctx, view, "region", t.regions, &region_choices))
            @if !country_choices.is_empty() {
                (checkbox_group(ctx, view, "country", t.countries, &country_choices))
            }
            (checkbox_group(ctx, view, "stakeholder_type", t.stakeholder_type, &stakeholder_choices))
            (checkbox_group(ctx, view, "scope", t.scope, &scope_choices))
            (checkbox_group(ctx, view, "status", t.status, &status_choices))
            fieldset.facet {
                legend { (t.start_year) }
                div.years {
                    label for="year_from" { (t.year_from) }
                    input #year_from type="number" name="year_from" min="1900" max="2100" inputmode="numeric" value=[view.value("year_from")];
                    label for="year_to" { (t.year_to) }
                    input #year_to type="number" name="year_to" min="1900" max="2100" inputmode="numeric" value=[view.value("year_to")];
                }
                @if !years.is_empty() {
                    ul.year-counts {
                        @for (year, n) in years.iter().filter(|(y, _)| y != UNKNOWN_YEAR_LABEL).rev().take(8) {
                            li { span { (year) } " " span.count { (n) } }
                        }
                        @for (_, n) in years.iter().filter(|(y, _)| y == UNKNOWN_YEAR_LABEL) {
                            li.year-unknown { span { (t.date_unknown) } " " span.count { (n) } }
                        }
                    }
                }
            }
            @if !view.covid_only {
                fieldset.facet {
                    legend { (t.covid19) }
                    @for (value, label) in [("", t.covid_any), ("true", t.yes), ("false", t.no)] {
                        @let id = format!("f-covid19-{}", if value.is_empty() { "any" } else { value });
                        div.choice {
                            input type="radio" name="covid19" id=(id) value=(value)
                                checked[view.value("covid19").unwrap_or("") == value];
                            label for=(id) {
                                (label)
                                @if !value.is_empty() {
                                    " " span.count id=(format!("count-covid19-{value}")) { (covid.get(value).copied().unwrap_or(0)) }
                                }
                            }
                        }
                    }
                }
            }
            button.apply type="submit" { (t.apply_filters) }
        }
    }
}

fn dom_id(facet: &str, value: &str) -> String {
    let clean: String = value
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{facet}-{clean}")
}

fn checkbox_group(ctx: &Ctx, view: &View, facet: &str, legend: &str, choices: &[Choice]) -> Markup {
    let (shown, folded) = if facet == "country" && choices.len() > COUNTRIES_SHOWN {
        let first: Vec<&Choice> = choices.iter().take(COUNTRIES_SHOWN).collect();
        let rest: Vec<&Choice> = choices.iter().skip(COUNTRIES_SHOWN).collect();
        (first, rest)
    } else {
        (choices.iter().collect(), Vec::new())
    };
    let any_folded_set = folded.iter().any(|c| view.is_set(facet, &c.value));
    html! {
        fieldset.facet {
            legend { (legend) }
            ul {
                @for c in shown { (checkbox(view, facet, c)) }
            }
            @if !folded.is_empty() {
                details open[any_folded_set] {
                    summary { (ctx.t.more_countries) " (" (folded.len()) ")" }
                    ul { @for c in folded { (checkbox(view, facet, c)) } }
                }
            }
        }
    }
}

fn checkbox(view: &View, facet: &str, c: &Choice) -> Markup {
    let id = dom_id(facet, &c.value);
    html! {
        li.choice.empty[c.count == 0] {
            input type="checkbox" name=(facet) value=(c.value) id=(format!("f-{id}"))
                checked[view.is_set(facet, &c.value)];
            label for=(format!("f-{id}")) {
                (c.label) " " span.count id=(format!("count-{id}")) { (c.count) }
            }
            @if !c.children.is_empty() {
                ul { @for child in &c.children { (checkbox(view, facet, child)) } }
            }
        }
    }
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
            .map(|g| format!("SDG {} {}", g.number(), i18n::sdg(ctx.lang, g))),
        "region" => Region::parse(value).map(|r| i18n::region(ctx.lang, r).to_string()),
        "country" => Country::parse(value).map(|c| i18n::country(ctx.lang, c).to_string()),
        "stakeholder_type" => {
            StakeholderType::parse(value).map(|s| i18n::stakeholder_type(ctx.lang, s).to_string())
        }
        "scope" => Scope::parse(value).map(|s| i18n::scope(ctx.lang, s).to_string()),
        "status" => Status::parse(value).map(|s| i18n::status(ctx.lang, s).to_string()),
        "covid19" => Some(format!(
            "{}: {}",
            t.covid19,
            if value == "true" { t.yes } else { t.no }
        )),
        "year_from" => Some(format!("{} {} {value}", t.start_year, t.year_from)),
        "year_to" => Some(format!("{} {} {value}", t.start_year, t.year_to)),
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
                            span.visually-hidden { (ctx.t.remove_filter) ": " }
                            (filter_label(ctx, k, v)) " ×"
                        }
                    }
                }
            }
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
        @if results.partial_match {
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

fn no_results(ctx: &Ctx, view: &View) -> Markup {
    let filters: Vec<&(String, String)> = view.filters().collect();
    html! {
        div.no-results role="status" {
            p { strong { (ctx.t.no_results) } }
            @if !filters.is_empty() {
                p { (ctx.t.no_results_hint) }
                ul {
                    @for (k, v) in &filters {
                        li { a href=(view.link(Some((k, v)), None)) { (ctx.t.remove_filter) ": " (filter_label(ctx, k, v)) } }
                    }
                }
                p { a #clear-filters href=(clear_link(ctx, view)) { (ctx.t.clear_filters) } }
            }
        }
    }
}

fn clear_link(ctx: &Ctx, view: &View) -> String {
    match view.value("q") {
        Some(q) => ctx.href(view.path, &[("q", q)]),
        None => ctx.href(view.path, &[]),
    }
}

fn hits(ctx: &Ctx, results: &SearchResults) -> Markup {
    html! {
        ol.hits {
            @for hit in &results.hits {
                @let s = &hit.summary;
                li.hit {
                    h3 { a href=(ctx.href(&format!("/projects/{}", s.id), &[])) { (s.title) } }
                    p.meta {
                        span.org { (s.organization) }
                        @if !s.countries.is_empty() { " · " span.countries { (country_names(ctx, &s.countries)) } }
                        " · " span.year { @if let Some(start) = s.start_date { (start.format("%Y")) } @else { (ctx.t.date_unknown) } }
                    }
                    // The snippet is escaped by the search layer; only its <mark> tags are markup.
                    p.snippet { (PreEscaped(&hit.snippet)) }
                    (tag_links(ctx, &s.action_lines, &s.sdgs))
                }
            }
        }
    }
}

fn pagination(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    // Pages beyond the result window cannot be asked for.
    let per_page = u64::from(results.per_page.max(1));
    let reachable = u64::from(MAX_RESULT_WINDOW) / per_page;
    let pages = results.total.div_ceil(per_page).min(reachable).max(1) as u32;
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
