//! Search-as-you-type: titles and organizations whose words start with what was typed (the
//! last word as a prefix), and taxonomy labels in the six languages (`salud` offers SDG 3).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analysis::{folded_analyzer, tokens, Segmenter};
use super::engine::SearchIndex;
use super::error::SearchError;
use super::expansion::Tag;
use crate::model::labels;
use crate::model::{ActionLine, Language, Sdg};
use crate::model::{Suggestions, TitleSuggestion};

/// One way of naming a tag, with its folded words.
struct Label {
    tag: Tag,
    text: String,
    words: Vec<String>,
}

fn labels_table() -> &'static [Label] {
    static LABELS: OnceLock<Vec<Label>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut folded = folded_analyzer(Segmenter::Query);
        let mut out = Vec::new();
        let mut push = |tag: Tag, text: String| {
            let words = tokens(&mut folded, &text);
            if !words.is_empty() {
                out.push(Label { tag, text, words });
            }
        };
        for goal in Sdg::all() {
            push(Tag::Sdg(goal), format!("SDG {}", goal.number()));
            for &lang in Language::ALL {
                push(Tag::Sdg(goal), labels::sdg(lang, goal).to_string());
            }
        }
        for line in ActionLine::all() {
            push(Tag::ActionLine(line), line.code().to_string());
            for &lang in Language::ALL {
                push(
                    Tag::ActionLine(line),
                    labels::action_line(lang, line).to_string(),
                );
            }
        }
        out
    })
}

/// How well typed words match a label: every word but the last equals a label word, the last
/// starts one; more whole words first. `None` when they do not match.
fn label_match(typed: &[String], label: &[String]) -> Option<usize> {
    let (last, before) = typed.split_last()?;
    if !before.iter().all(|w| label.contains(w)) {
        return None;
    }
    if !label.iter().any(|w| w.starts_with(last.as_str())) {
        return None;
    }
    Some(before.len() + usize::from(label.contains(last)))
}

impl SearchIndex {
    /// Suggestions for the text typed so far, at most `limit` of each kind.
    ///
    /// # Errors
    /// Internal tantivy errors.
    pub fn suggest(
        &self,
        q: &str,
        lang: Language,
        limit: usize,
    ) -> Result<Suggestions, SearchError> {
        let mut analyzers = self.analyzers.clone();
        let typed = tokens(analyzers.folded(), q);
        let mut out = Suggestions {
            q: q.to_string(),
            ..Suggestions::default()
        };
        if typed.is_empty() {
            return Ok(out);
        }

        let mut found: Vec<(usize, usize, &Label)> = labels_table()
            .iter()
            .filter_map(|l| label_match(&typed, &l.words).map(|m| (m, l.words.len(), l)))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, label) in found {
            if out.taxonomy.len() >= limit {
                break;
            }
            let (facet, value) = (label.tag.facet(), label.tag.value());
            if out
                .taxonomy
                .iter()
                .any(|t| t.facet == facet && t.value == value)
            {
                continue;
            }
            out.taxonomy
                .push(label.tag.as_filter(lang, label.text.clone()));
        }

        let searcher = self.reader.searcher();
        if let Some(query) = typed_prefix_query(self.fields.title_folded, &typed) {
            for (_, address) in
                searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?
            {
                let hit = self.hit(&searcher, address, None, None)?;
                out.titles.push(TitleSuggestion {
                    id: hit.summary.id,
                    title: hit.summary.title,
                });
            }
        }
        out.organizations = self.organizations(&searcher, &typed, limit)?;
        Ok(out)
    }

    /// Distinct organization names matching the typed words.
    fn organizations(
        &self,
        searcher: &Searcher,
        typed: &[String],
        limit: usize,
    ) -> Result<Vec<String>, SearchError> {
        let Some(query) = typed_prefix_query(self.fields.org_folded, typed) else {
            return Ok(Vec::new());
        };
        let mut seen = BTreeSet::new();
        let mut names = Vec::new();
        // Several projects may share an organization: look further than `limit`.
        for (_, address) in
            searcher.search(&query, &TopDocs::with_limit(limit * 4).order_by_score())?
        {
            let name = self
                .hit(searcher, address, None, None)?
                .summary
                .organization;
            if seen.insert(name.to_lowercase()) {
                names.push(name);
                if names.len() >= limit {
                    break;
                }
            }
        }
        Ok(names)
    }
}

/// Every typed word but the last as a word of `field`, the last as a prefix of one.
fn typed_prefix_query(field: Field, typed: &[String]) -> Option<Box<dyn Query>> {
    let (last, before) = typed.split_last()?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = before
        .iter()
        .map(|w| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, w),
                IndexRecordOption::WithFreqs,
            ));
            (Occur::Must, q)
        })
        .collect();
    let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(field, last), 0, false);
    clauses.push((Occur::Must, Box::new(prefix)));
    Some(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(&mut folded_analyzer(Segmenter::Query), text)
    }

    #[test]
    fn the_last_word_is_a_prefix_and_the_others_whole_words() {
        let label = words("Salud y bienestar");
        assert_eq!(label_match(&words("salud"), &label), Some(1));
        assert_eq!(label_match(&words("sal"), &label), Some(0));
        assert_eq!(label_match(&words("salud bien"), &label), Some(1));
        assert_eq!(label_match(&words("sa bienestar"), &label), None);
        assert_eq!(label_match(&words("educ"), &label), None);
    }

    #[test]
    fn spanish_health_offers_sdg_3() {
        let typed = words("salud");
        let tags: Vec<Tag> = labels_table()
            .iter()
            .filter(|l| label_match(&typed, &l.words).is_some())
            .map(|l| l.tag)
            .collect();
        assert!(tags.contains(&Tag::Sdg(Sdg::new(3).unwrap())), "{tags:?}");
    }
}
