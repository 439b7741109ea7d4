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
            i18n::language_name(ctx.lang, a.language),
            i18n::language_name(ctx.lang, b.language),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_phrase_is_one_mark_and_an_unchanged_text_no_row() {
        let row = text_row(
            "Title",
            "Solar mast for the old village",
            "Solar mast for the new village hall",
        )
        .map(|m| m.into_string());
        let row = row.unwrap_or_default();
        assert!(row.contains("<del>old</del><ins>new</ins>"), "{row}");
        assert!(row.contains("<ins> hall</ins>"), "{row}");
        assert!(text_row("Title", "Same", "Same").is_none());
    }

    #[test]
    fn a_list_shows_what_it_loses_and_gains_but_not_a_new_order() {
        let name = |n: &u8| n.to_string();
        let row = list_row("SDGs", &[3, 9], &[9, 4], name).map(|m| m.into_string());
        assert_eq!(
            row.as_deref(),
            Some("<dt>SDGs</dt><dd><ul class=\"plain\"><li><del>3</del></li><li><ins>4</ins></li></ul></dd>")
        );
        assert!(list_row("SDGs", &[3, 9], &[9, 3], name).is_none());
    }
}
