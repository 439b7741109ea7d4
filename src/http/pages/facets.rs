//! The facet sidebar of the search and statistics pages: a checkbox per value with its
//! exact count (OR within a facet, AND across), the start-year range and the COVID-19
//! choice.

use std::collections::HashMap;

use axum::response::Response;
use maud::{html, Markup};

use super::calls::call;
use super::i18n;
use super::layout::Ctx;
use super::search_view::View;
use crate::http::AppState;
use crate::model::SearchResults;
use crate::model::UNKNOWN_YEAR_LABEL;
use crate::model::{ActionLine, Country, ItuEntity, Region, Scope, Sdg, StakeholderType, Status};

/// Countries listed before the "more countries" fold.
const COUNTRIES_SHOWN: usize = 12;

/// One checkbox of a facet.
struct Choice {
    value: String,
    label: Markup,
    count: u64,
    children: Vec<Choice>,
}

impl Choice {
    /// A choice counted in `counts` (0 when absent).
    fn new(value: String, label: Markup, counts: &HashMap<&str, u64>) -> Choice {
        let count = counts.get(value.as_str()).copied().unwrap_or(0);
        Choice {
            value,
            label,
            count,
            children: Vec::new(),
        }
    }
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

/// The choices of each checkbox facet, in the sidebar's order.
struct FacetChoices {
    action_lines: Vec<Choice>,
    sdgs: Vec<Choice>,
    regions: Vec<Choice>,
    countries: Vec<Choice>,
    stakeholder_types: Vec<Choice>,
    /// Shown only when some result is ITU's own, or the filter is set.
    itu_entities: Vec<Choice>,
    scopes: Vec<Choice>,
    statuses: Vec<Choice>,
    /// Shown only when some result answered a call, or the filter is set.
    calls: Vec<Choice>,
}

impl FacetChoices {
    fn new(ctx: &Ctx, results: &SearchResults, calls: &[(String, String)]) -> FacetChoices {
        let lang = ctx.lang;
        let choices = |facet: &str, values: Vec<(String, Markup)>| {
            let counts = facet_counts(results, facet);
            values
                .into_iter()
                .map(|(value, label)| Choice::new(value, label, &counts))
                .collect()
        };
        let sdgs = Sdg::all().map(|goal| {
            let n = goal.number().to_string();
            let label = html! {
                span class=(format!("swatch sdg-{n}")) aria-hidden="true" {}
                (n) " " (i18n::sdg(lang, goal))
            };
            (n, label)
        });
        let coded = |code: &str, name: &str| (code.to_string(), html! { (name) });
        FacetChoices {
            action_lines: action_line_choices(ctx, &facet_counts(results, "action_line")),
            sdgs: choices("sdg", sdgs.collect()),
            regions: choices(
                "region",
                Region::ALL
                    .iter()
                    .map(|r| coded(r.code(), i18n::region(lang, *r)))
                    .collect(),
            ),
            countries: country_choices(ctx, results),
            stakeholder_types: choices(
                "stakeholder_type",
                StakeholderType::ALL
                    .iter()
                    .map(|s| coded(s.code(), i18n::stakeholder_type(lang, *s)))
                    .collect(),
            ),
            scopes: choices(
                "scope",
                Scope::ALL
                    .iter()
                    .map(|s| coded(s.code(), i18n::scope(lang, *s)))
                    .collect(),
            ),
            statuses: choices(
                "status",
                Status::ALL
                    .iter()
                    .map(|s| coded(s.code(), i18n::status(lang, *s)))
                    .collect(),
            ),
            itu_entities: choices(
                "itu_entity",
                ItuEntity::ALL
                    .iter()
                    .map(|e| coded(e.code(), i18n::itu_entity(lang, *e)))
                    .collect(),
            ),
            calls: choices(
                "call",
                calls
                    .iter()
                    .map(|(n, title)| (n.clone(), html! { (n) ". " (title) }))
                    .collect(),
            ),
        }
    }
}

/// The Action Lines, the C7 sub-lines grouped under a C7 choice where the first of them
/// comes.
fn action_line_choices(ctx: &Ctx, counts: &HashMap<&str, u64>) -> Vec<Choice> {
    let choice = |line: ActionLine| {
        let label = html! { (i18n::action_line_label(ctx.lang, line)) };
        Choice::new(line.code().to_string(), label, counts)
    };
    let mut choices: Vec<Choice> = Vec::new();
    for line in ActionLine::leaves() {
        if !line.is_c7() {
            choices.push(choice(line));
            continue;
        }
        if !choices.iter().any(|c| c.value == "C7") {
            choices.push(choice(ActionLine::C7));
        }
        if let Some(group) = choices.last_mut() {
            group.children.push(choice(line));
        }
    }
    choices
}

/// The countries the matching projects name, most projects first, then by name in the
/// page's language.
fn country_choices(ctx: &Ctx, results: &SearchResults) -> Vec<Choice> {
    let mut named: Vec<(String, Choice)> = (results.facets.get("country").unwrap_or_default())
        .iter()
        .filter_map(|(code, n)| {
            let name = i18n::country(ctx.lang, Country::parse(code)?);
            let choice = Choice {
                value: code.clone(),
                label: html! { (name) },
                count: *n,
                children: Vec::new(),
            };
            Some((i18n::alphabetical_key(name), choice))
        })
        .collect();
    named.sort_by(|(a, x), (b, y)| y.count.cmp(&x.count).then_with(|| a.cmp(b)));
    named.into_iter().map(|(_, choice)| choice).collect()
}

/// The numbers and titles (in the page's language) of the calls the results count: none
/// when no result answered a call (the calls are read only then).
pub(super) async fn call_titles(
    state: &AppState,
    ctx: &Ctx,
    results: &SearchResults,
) -> Result<Vec<(String, String)>, Response> {
    if results.facets.get("call").unwrap_or_default().is_empty() {
        return Ok(Vec::new());
    }
    let lang = ctx.lang;
    call(state, ctx, move |s| {
        Ok(s.calls()?
            .into_iter()
            .map(|v| {
                let title = v.call.text(lang).map(|t| t.title.clone());
                (v.call.number.to_string(), title.unwrap_or_default())
            })
            .collect())
    })
    .await
}

/// The facet checkboxes with their counts, behind a "Filters (n)" disclosure.
pub(super) fn facet_sidebar(
    ctx: &Ctx,
    view: &View,
    results: &SearchResults,
    calls: &[(String, String)],
) -> Markup {
    let t = ctx.t;
    let c = FacetChoices::new(ctx, results, calls);
    let set = view.filters().count();
    html! {
        // Closed, it is one line above the results on a phone; wide screens always show it.
        details.filters #filters-panel open[view.problem.is_some()] {
            summary {
                (t.filters)
                @if set > 0 { " (" span #filters-set { (set) } ")" }
            }
            (sidebar(ctx, view, results, &c))
        }
    }
}

/// The sidebar itself: a group of checkboxes per facet, years, COVID-19, apply.
fn sidebar(ctx: &Ctx, view: &View, results: &SearchResults, c: &FacetChoices) -> Markup {
    let t = ctx.t;
    html! {
        aside.facets aria-labelledby="filters-heading" {
            h2 #filters-heading { (t.filters) }
            (checkbox_group(ctx, view, "action_line", t.action_lines, &c.action_lines))
            (checkbox_group(ctx, view, "sdg", t.sdgs, &c.sdgs))
            (checkbox_group(ctx, view, "region", t.regions, &c.regions))
            @if !c.countries.is_empty() {
                (checkbox_group(ctx, view, "country", t.countries, &c.countries))
            }
            (checkbox_group(ctx, view, "stakeholder_type", t.stakeholder_type, &c.stakeholder_types))
            @if shown(view, "itu_entity", &c.itu_entities) {
                (checkbox_group(ctx, view, "itu_entity", t.itu_entity, &c.itu_entities))
            }
            (checkbox_group(ctx, view, "scope", t.scope, &c.scopes))
            (checkbox_group(ctx, view, "status", t.status, &c.statuses))
            (year_facet(ctx, view, results))
            @if !view.covid_only { (covid_facet(ctx, view, results)) }
            @if shown(view, "call", &c.calls) {
                (checkbox_group(ctx, view, "call", t.call_field, &c.calls))
            }
            button.apply type="submit" { (t.apply_filters) }
        }
    }
}

/// Whether a facet that most projects lack is shown: some choice counts, or the filter is
/// set.
fn shown(view: &View, facet: &str, choices: &[Choice]) -> bool {
    choices.iter().any(|c| c.count > 0) || view.value(facet).is_some()
}

/// The start-year range, with the counts of the latest years and of unknown years.
fn year_facet(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    let t = ctx.t;
    let years = results.facets.get("year").unwrap_or_default();
    html! {
        fieldset.facet {
            legend { (t.start_year) }
            (problem(view, "year"))
            div.years {
                label for="year_from" { (t.year_from) }
                input #year_from type="number" name="year_from" min="1900" max="2100" inputmode="numeric" value=[view.value("year_from")];
                label for="year_to" { (t.year_to) }
                input #year_to type="number" name="year_to" min="1900" max="2100" inputmode="numeric" value=[view.value("year_to")];
            }
            @if !years.is_empty() {
                ul.year-counts {
                    @for (year, n) in years.iter().filter(|(y, _)| y != UNKNOWN_YEAR_LABEL).rev() {
                        li { a href=(view.set(&[("year_from", year), ("year_to", year)])) { (year) } " " span.count { (n) } }
                    }
                    @for (_, n) in years.iter().filter(|(y, _)| y == UNKNOWN_YEAR_LABEL) {
                        li.year-unknown { span { (t.date_unknown) } " " span.count { (n) } }
                    }
                }
            }
        }
    }
}

/// Any, yes or no for COVID-19 responses, with the counts of yes and no.
fn covid_facet(ctx: &Ctx, view: &View, results: &SearchResults) -> Markup {
    let t = ctx.t;
    let covid = facet_counts(results, "covid19");
    html! {
        fieldset.facet {
            legend { (t.covid19) }
            (problem(view, "covid19"))
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
}

/// The message of a parameter of this control that was left out, if any.
fn problem(view: &View, control: &str) -> Markup {
    html! {
        @if let Some(message) = view.problem_at(control) {
            p.field-error #(format!("error-{control}")) role="alert" { (message) }
        }
    }
}

/// The messages of left-out parameters that belong to no filter (the words, the sort, the
/// page and unknown parameters), for beside the query box; on a phone, where the filters
/// are folded below, a filter's message too, with a link to it.
pub(super) fn beside_query(ctx: &Ctx, view: &View) -> Markup {
    const BESIDE: [&str; 3] = ["q", "page", "sort"];
    let filter = (view.problem.as_ref()).filter(|p| !BESIDE.contains(&p.control));
    html! {
        @for control in BESIDE { (problem(view, control)) }
        @if let Some(problem) = filter {
            p.field-error #filter-left-out {
                (problem.message) " "
                a href=(format!("#error-{}", problem.control)) { (ctx.t.go_to_filter) }
            }
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
    let any_folded_set = folded.iter().any(|c| view.has(facet, &c.value));
    html! {
        fieldset.facet {
            legend { (legend) }
            (problem(view, facet))
            ul {
                @for c in shown { (checkbox(view, facet, c)) }
            }
            @if !folded.is_empty() {
                details #more-countries open[any_folded_set] {
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
                checked[view.has(facet, &c.value)];
            label for=(format!("f-{id}")) {
                (c.label) " " span.count id=(format!("count-{id}")) { (c.count) }
            }
            @if !c.children.is_empty() {
                ul { @for child in &c.children { (checkbox(view, facet, child)) } }
            }
        }
    }
}
