//! Small pieces drawn on several pages: tags, SDG chips, country lists.

use maud::{html, Markup};

use super::i18n;
use super::layout::Ctx;
use crate::model::{ActionLine, Country, Sdg};

/// An SDG chip: its colour swatch, number and short name.
pub fn sdg_chip(ctx: &Ctx, goal: Sdg) -> Markup {
    html! {
        span.sdg-chip {
            span class=(format!("swatch sdg-{}", goal.number())) aria-hidden="true" {}
            (i18n::sdg_abbreviation(ctx.lang)) " " (goal.number()) " · " (i18n::sdg(ctx.lang, goal))
        }
    }
}

/// An Action Line tag: its code and short title.
pub fn action_line_tag(ctx: &Ctx, line: ActionLine) -> Markup {
    html! {
        span.al-tag { abbr title=(line.code()) { (if line.is_c7() { "C7" } else { line.code() }) } " " (i18n::action_line(ctx.lang, line)) }
    }
}

/// Action Lines and SDGs as links that search for the same tag, each in taxonomy order.
pub fn tag_links(ctx: &Ctx, lines: &[ActionLine], sdgs: &[Sdg]) -> Markup {
    let (mut lines, mut sdgs) = (lines.to_vec(), sdgs.to_vec());
    lines.sort();
    sdgs.sort();
    html! {
        ul.tags title=(ctx.t.search_same) {
            @for line in lines {
                li { a href=(ctx.href("/", &[("action_line", line.code())])) { (action_line_tag(ctx, line)) } }
            }
            @for goal in sdgs {
                li { a href=(ctx.href("/", &[("sdg", &goal.number().to_string())])) { (sdg_chip(ctx, goal)) } }
            }
        }
    }
}

/// Country names in the page's language, as a list in its punctuation.
pub fn country_names(ctx: &Ctx, countries: &[Country]) -> String {
    i18n::list(
        ctx.lang,
        countries.iter().map(|c| i18n::country(ctx.lang, *c)),
    )
}
