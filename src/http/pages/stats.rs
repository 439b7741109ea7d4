//! `/stats`: published projects counted by Action Line, SDG, region, stakeholder type and
//! start year as bar charts, and an Action Line × region table, following the filters
//! in the URL (the same parameters as search).
//!
//! Counts come from the search facets. For a facet with no filter they are the counts over
//! the matching projects; for a filtered facet only the chosen values are drawn, whose
//! facet counts are exactly the matching projects carrying them. The table is one grouped
//! count (`/api/v1/stats?group_by=action_line,region`).

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::{BlankParameters, ThePage};
use crate::http::openapi::PAGES;
use maud::{html, Markup};

use super::calls::search;
use super::clean_query::CleanQuery;
use super::errors::{bad_query, error_page};
use super::facets::{beside_query, call_titles, facet_counts, facet_sidebar};
use super::i18n;
use super::layout::{document, hidden_lang, Ctx};
use super::messages;
use super::responses::{HtmlPage, PageResult};
use super::search_view::View;
use crate::http::AppState;
use crate::model::UNKNOWN_YEAR_LABEL;
use crate::model::{
    ActionLine, Filters, Region, Sdg, SearchRequest, StakeholderType, MAX_QUERY_CHARS,
};
use crate::model::{Dim, SearchResults};
use crate::presentation::charts::{bar_chart, Bar, Tone};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stats_page))
}

/// Whether a value is drawn: every value of an unfiltered facet, the chosen ones otherwise.
fn shown<T: PartialEq>(chosen: &[T], value: &T) -> bool {
    chosen.is_empty() || chosen.contains(value)
}

/// Statistics: counts by Action Line, SDG, region and year, with the search filters.
#[utoipa::path(
    get,
    path = "/stats",
    tag = PAGES,
    responses(
        ThePage,
        BlankParameters,
        (status = 400, description = "A filter left out, named beside its control", content_type = "text/html", body = String)
    )
)]
async fn stats_page(State(state): State<AppState>, CleanQuery(pairs): CleanQuery) -> PageResult {
    let ctx = Ctx::from_query("/stats", pairs.clone());
    let heading = ctx.t.stats_heading;
    // A filter it cannot use is left out and named beside its control (400).
    let (view, mut request) = View::new("/stats", pairs)
        .checked(&ctx)
        .map_err(|e| bad_query(&ctx, heading, &e, None))?;
    request.per_page = 1;
    request.page = 1;
    let results = search(&state, &ctx, request.clone()).await?;
    let by_region = region_table(&state, &ctx, &request).await?;
    let stats = Stats::new(&ctx, &request.filters, &results, by_region);
    let calls = call_titles(&state, &ctx, &results).await?;
    let status = match view.problem {
        Some(_) => StatusCode::BAD_REQUEST,
        None => StatusCode::OK,
    };
    Ok(HtmlPage(
        status,
        document(
            &ctx,
            heading,
            stats_body(&ctx, &view, &results, &stats, &calls),
        ),
    ))
}

/// The Action Line counts of each region drawn.
type RegionTable = Vec<(Region, HashMap<String, u64>)>;

/// What the page draws: a chart per facet and the Action Line × region table.
struct Stats<'a> {
    filters: &'a Filters,
    /// Matching projects by Action Line (the table's last column).
    lines: HashMap<&'a str, u64>,
    line_bars: Vec<Bar>,
    sdg_bars: Vec<Bar>,
    region_bars: Vec<Bar>,
    stakeholder_bars: Vec<Bar>,
    year_bars: Vec<Bar>,
    by_region: RegionTable,
}

impl<'a> Stats<'a> {
    fn new(
        ctx: &Ctx,
        filters: &'a Filters,
        results: &'a SearchResults,
        by_region: RegionTable,
    ) -> Stats<'a> {
        let f = filters;
        let lines = facet_counts(results, "action_line");
        let line_bars = ActionLine::in_reading_order()
            .filter(|a| shown(&f.action_lines, a))
            .map(|a| Bar {
                label: i18n::action_line_label(ctx.lang, a),
                value: lines.get(a.code()).copied().unwrap_or(0),
                tone: Tone::Accent,
            })
            .collect();
        let sdgs = facet_counts(results, "sdg");
        let sdg_bars = Sdg::all()
            .filter(|g| shown(&f.sdgs, g))
            .map(|g| Bar {
                label: i18n::sdg_label(ctx.lang, g),
                value: sdgs
                    .get(g.number().to_string().as_str())
                    .copied()
                    .unwrap_or(0),
                tone: Tone::Sdg(g),
            })
            .collect();
        let regions = facet_counts(results, "region");
        let region_bars = Region::ALL
            .iter()
            .filter(|r| shown(&f.regions, r))
            .map(|r| accent_bar(i18n::region(ctx.lang, *r), &regions, r.code()))
            .collect();
        let stakeholders = facet_counts(results, "stakeholder_type");
        let stakeholder_bars = StakeholderType::ALL
            .iter()
            .filter(|s| shown(&f.stakeholder_types, s))
            .map(|s| {
                accent_bar(
                    i18n::stakeholder_type(ctx.lang, *s),
                    &stakeholders,
                    s.code(),
                )
            })
            .collect();
        Stats {
            filters,
            lines,
            line_bars,
            sdg_bars,
            region_bars,
            stakeholder_bars,
            year_bars: year_bars(ctx, f, results),
            by_region,
        }
    }
}

/// A bar in the accent colour, counted in `counts` under `code`.
fn accent_bar(label: &str, counts: &HashMap<&str, u64>, code: &str) -> Bar {
    Bar {
        label: label.into(),
        value: counts.get(code).copied().unwrap_or(0),
        tone: Tone::Accent,
    }
}

/// The start years within the filters' range; unknown start dates only without a range.
fn year_bars(ctx: &Ctx, f: &Filters, results: &SearchResults) -> Vec<Bar> {
    results
        .facets
        .get("year")
        .unwrap_or_default()
        .iter()
        .filter(|(year, _)| match year.parse::<i32>() {
            Ok(y) => f.year_from.is_none_or(|from| y >= from) && f.year_to.is_none_or(|to| y <= to),
            // Unknown start dates: outside any year range.
            Err(_) => f.year_from.is_none() && f.year_to.is_none(),
        })
        .map(|(year, n)| Bar {
            label: if year == UNKNOWN_YEAR_LABEL {
                ctx.t.date_unknown.to_string()
            } else {
                year.clone()
            },
            value: *n,
            tone: Tone::Accent,
        })
        .collect()
}

/// The page's body: the query box and facets, the total, the charts and the table.
/// `calls`: the numbers and titles of the calls the results count.
fn stats_body(
    ctx: &Ctx,
    view: &View,
    results: &SearchResults,
    stats: &Stats,
    calls: &[(String, String)],
) -> Markup {
    let t = ctx.t;
    html! {
        h1 { (t.stats_heading) }
        p.intro { (t.stats_intro) }
        form.search method="get" action="/stats" data-autosubmit="true" {
            (hidden_lang(ctx))
            div.querybar role="search" {
                label for="q" { (t.search_label) }
                input #q type="search" name="q" value=[view.value("q")] maxlength=(MAX_QUERY_CHARS);
                button type="submit" { (t.search_button) }
            }
            (beside_query(ctx, view))
            p #live-status .visually-hidden role="status" {}
            div.layout #live data-live {
                (facet_sidebar(ctx, view, results, calls))
                section.results aria-labelledby="stats-total" {
                    h2 #stats-total data-live-focus tabindex="-1" { span #total { (results.total) } " " (messages::counted(ctx.lang, "projects", results.total)) }
                    div.charts {
                        (bar_chart("chart-action-lines", t.action_lines, t.table, &stats.line_bars))
                        (bar_chart("chart-sdgs", t.sdgs, t.table, &stats.sdg_bars))
                        (bar_chart("chart-regions", t.regions, t.table, &stats.region_bars))
                        (bar_chart("chart-stakeholders", t.stakeholder_type, t.table, &stats.stakeholder_bars))
                        (bar_chart("chart-years", t.start_year, t.table, &stats.year_bars))
                    }
                    h2 { (t.by_action_line_region) }
                    (region_table_markup(ctx, stats))
                }
            }
        }
    }
}

/// The Action Line × region table, with each Action Line's total.
fn region_table_markup(ctx: &Ctx, stats: &Stats) -> Markup {
    let t = ctx.t;
    html! {
        div.table-wrap {
            table #action-line-by-region {
                thead {
                    tr {
                        th scope="col" { (t.action_lines) }
                        @for (r, _) in &stats.by_region { th.num scope="col" { (i18n::region(ctx.lang, *r)) } }
                        th.num scope="col" { (t.total) }
                    }
                }
                tbody {
                    @for a in ActionLine::in_reading_order().filter(|a| shown(&stats.filters.action_lines, a)) {
                        tr {
                            th scope="row" { (i18n::action_line_label(ctx.lang, a)) }
                            @for (_, cells) in &stats.by_region {
                                td.num { (cells.get(a.code()).copied().unwrap_or(0)) }
                            }
                            td.num { (stats.lines.get(a.code()).copied().unwrap_or(0)) }
                        }
                    }
                }
            }
        }
    }
}

/// Action Line counts per region drawn, from one grouped count over the matching projects.
async fn region_table(
    state: &AppState,
    ctx: &Ctx,
    request: &SearchRequest,
) -> Result<RegionTable, Response> {
    let dims = (Dim::ActionLine, Some(Dim::Region));
    let groups = crate::http::run_stats(state, request.filters.clone(), dims)
        .await
        .map_err(|e| error_page(ctx, &e))?;
    let mut table: RegionTable = Region::ALL
        .iter()
        .filter(|r| shown(&request.filters.regions, *r))
        .map(|r| (*r, HashMap::new()))
        .collect();
    for group in groups.groups {
        let (Some(line), Some(region)) =
            (group.values.get("action_line"), group.values.get("region"))
        else {
            continue;
        };
        if let Some((_, cells)) = table.iter_mut().find(|(r, _)| r.code() == region) {
            cells.insert(line.clone(), group.count);
        }
    }
    Ok(table)
}
