//! What the public selection pages share: a selection's kind, category, year and date in
//! one line, and a list of selections that link to their pages.

use maud::{html, Markup};

use super::i18n;
use super::layout::Ctx;
use super::secretariat_texts;
use super::selections_texts::selections_texts;
use crate::model::{SelectionFields, SelectionSummary};

/// The path of the list of selections.
pub const SELECTIONS_PATH: &str = "/selections";

/// A selection's kind, then its category, year and date when it has them (the names
/// isolated, so that in Arabic the parts stay in order around their Latin letters).
pub fn selection_meta(ctx: &Ctx, fields: &SelectionFields) -> Markup {
    html! {
        bdi.kind { (secretariat_texts::kind(ctx.lang, fields.kind)) }
        @if let Some(line) = fields.category { " · " bdi { (i18n::action_line_label(ctx.lang, line)) } }
        @if let Some(year) = fields.year { " · " (year) }
        @if let Some(date) = fields.date { " · " time datetime=(date) { (date) } }
    }
}

/// Selections as links to their pages, each with its description line and how many of
/// its projects are public (level-3 headings: the list sits under a level-2 one).
pub fn selection_entries(ctx: &Ctx, summaries: &[SelectionSummary]) -> Markup {
    let projects = selections_texts(ctx.lang).projects;
    html! {
        ul.plain.selection-list {
            @for summary in summaries {
                li.hit data-id=(summary.id) {
                    h3 dir="auto" { a href=(ctx.href(&format!("{SELECTIONS_PATH}/{}", summary.id), &[])) { (summary.fields.title) } }
                    p.meta {
                        (selection_meta(ctx, &summary.fields))
                        " · " (projects) " " span.projects { (summary.projects) }
                    }
                }
            }
        }
    }
}
