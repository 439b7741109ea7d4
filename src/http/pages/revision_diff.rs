//! A waiting revision against the published text: each changed field with what goes
//! (`<del>`) and what comes (`<ins>`); long texts word by word, lists item by item.

use maud::{html, Markup};
use similar::{ChangeTag, TextDiff};

use super::i18n;
use super::layout::Ctx;
use super::secretariat_texts::secretariat_texts;
use crate::model::ProjectFields;

/// The fields `revised` changes in `published`, as a definition list (empty when none).
pub(super) fn revision_diff(
    ctx: &Ctx,
    published: &ProjectFields,
    revised: &ProjectFields,
) -> Markup {
    let (t, lang) = (ctx.t, ctx.lang);
    let (a, b) = (published, revised);
    let date = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
    let yes_no = |v: bool| if v { t.yes } else { t.no }.to_string();
    let rows = [
        text_row(secretariat_texts(lang).title, &a.title, &b.title),
        text_row(t.description, &a.description, &b.description),
        text_row(t.organization, &a.organization, &b.organization),
        value_row(
            t.stakeholder_type,
            i18n::stakeholder_type(lang, a.stakeholder_type),
            i18n::stakeholder_type(lang, b.stakeholder_type),
        ),
        value_row(
            t.scope,
            i18n::scope(lang, a.scope),
            i18n::scope(lang, b.scope),
        ),
        list_row(t.countries, &a.countries, &b.countries, |c| {
            i18n::country(lang, *c).to_string()
        }),
        list_row(t.action_lines, &a.action_lines, &b.action_lines, |l| {
            i18n::action_line_label(lang, *l)
        }),
        list_row(t.sdgs, &a.sdgs, &b.sdgs, |g| i18n::sdg_label(lang, *g)),
        value_row(t.covid19, &yes_no(a.covid19), &yes_no(b.covid19)),
        value_row(
            t.status,
            i18n::status(lang, a.status),
            i18n::status(lang, b.status),
        ),
        value_row(t.start_date, &date(a.start_date), &date(b.start_date)),
        value_row(t.end_date, &date(a.end_date), &date(b.end_date)),
        value_row(
            t.website,
            a.website.as_deref().unwrap_or(""),
            b.website.as_deref().unwrap_or(""),
        ),
        value_row(
            t.project_language,
            i18n::endonym(a.language),
            i18n::endonym(b.language),
        ),
    ];
    html! {
        dl.diff {
            @for row in rows.into_iter().flatten() { (row) }
        }
    }
}

/// A changed text, word by word.
fn text_row(label: &str, old: &str, new: &str) -> Option<Markup> {
    (old != new).then(|| {
        let diff = TextDiff::from_words(old, new);
        let runs = runs(diff.iter_all_changes().map(|c| (c.tag(), c.value())));
        html! {
            dt { (label) }
            dd.words {
                @for (tag, run) in runs {
                    @match tag {
                        ChangeTag::Delete => del { (run) },
                        ChangeTag::Insert => ins { (run) },
                        ChangeTag::Equal => (run),
                    }
                }
            }
        }
    })
}

/// Neighbouring pieces of one kind joined, so that a changed phrase is one mark.
fn runs<'a>(pieces: impl Iterator<Item = (ChangeTag, &'a str)>) -> Vec<(ChangeTag, String)> {
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for (tag, piece) in pieces {
        match runs.last_mut() {
            Some((last, run)) if *last == tag => run.push_str(piece),
            _ => runs.push((tag, piece.to_string())),
        }
    }
    runs
}

/// A changed single value: the old one struck out, the new one after it.
fn value_row(label: &str, old: &str, new: &str) -> Option<Markup> {
    (old != new).then(|| {
        html! {
            dt { (label) }
            dd {
                @if !old.is_empty() { del { (old) } " " }
                @if !new.is_empty() { ins { (new) } }
            }
        }
    })
}

/// A changed list: the items it loses and the items it gains.
fn list_row<T: PartialEq>(
    label: &str,
    old: &[T],
    new: &[T],
    name: impl Fn(&T) -> String,
) -> Option<Markup> {
    let removed: Vec<&T> = old.iter().filter(|v| !new.contains(v)).collect();
    let added: Vec<&T> = new.iter().filter(|v| !old.contains(v)).collect();
    (!removed.is_empty() || !added.is_empty()).then(|| {
        html! {
            dt { (label) }
            dd {
                ul.plain {
                    @for v in removed { li { del { (name(v)) } } }
                    @for v in added { li { ins { (name(v)) } } }
                }
            }
        }
    })
}
