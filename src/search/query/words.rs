//! The forms one typed word (or phrase) matches: its analysis in each language present in the
//! index, its typo-tolerant form and, typed last, its prefix.

use tantivy::query::{ConstScoreQuery, FuzzyTermQuery, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analyzers::QueryAnalyzers;
use super::combine::{any_of, sequence, term};
use super::context::TextContext;
use super::expansion_cache::PREFIX;
use crate::model::Language;
use crate::search::analysis::{is_stop_word, positioned_tokens, tokens};

/// Score of a typo-tolerant match (constant, below any exact match).
const FUZZY_SCORE: f32 = 0.3;
/// Score of a prefix match of the last word.
const PREFIX_SCORE: f32 = 0.5;
/// Words of one query given typo tolerance (a 1,000-character query of short words would
/// otherwise walk the term dictionary hundreds of times).
const MAX_TOLERANT_WORDS: usize = 10;
/// Most words a typo-tolerant or prefix form expands to (the most frequent are kept).
const MAX_EXPANSIONS: usize = 20;

/// Builds the forms of typed words for one query.
pub(super) struct WordForms<'a> {
    context: &'a TextContext<'a>,
    analyzers: &'a mut QueryAnalyzers,
    /// The languages some indexed project is written in (the others' fields are empty).
    languages: Vec<Language>,
    /// Words given typo tolerance so far (at most [`MAX_TOLERANT_WORDS`] per query).
    tolerant: usize,
}

impl<'a> WordForms<'a> {
    pub(super) fn new(context: &'a TextContext<'a>, analyzers: &'a mut QueryAnalyzers) -> Self {
        let languages = Language::ALL
            .iter()
            .copied()
            .filter(|l| has_terms(context.searcher, context.fields.text[l.index()]))
            .collect();
        WordForms {
            context,
            analyzers,
            languages,
            tolerant: 0,
        }
    }

    /// The folded words of a text.
    pub(super) fn folded(&mut self, text: &str) -> Vec<String> {
        tokens(self.analyzers.folded(), text)
    }

    /// The folded words of a text with their positions.
    pub(super) fn folded_positions(&mut self, text: &str) -> Vec<(usize, String)> {
        positioned_tokens(self.analyzers.folded(), text)
    }

    /// Whether a typed word is a function word: one that the analyzer of a language present
    /// in the index drops (a stop word there). Such a word only scores.
    pub(super) fn is_function_word(&mut self, text: &str) -> bool {
        let folded = self.folded(text);
        if folded.len() != 1 {
            return false;
        }
        is_stop_word(&folded[0])
            || (0..self.languages.len()).any(|i| {
                let lang = self.languages[i];
                tokens(self.analyzers.language(lang), text).is_empty()
            })
    }

    /// The exact and stemmed forms of `text` (a word or a phrase) in every language's fields.
    pub(super) fn forms(&mut self, text: &str) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for i in 0..self.languages.len() {
            let lang = self.languages[i];
            let words = positioned_tokens(self.analyzers.language(lang), text);
            if let Some(q) = sequence(self.context.fields.text[lang.index()], &words) {
                out.push(q);
            }
        }
        out
    }

    /// One typed word: its forms, its typo-tolerant form and, when it is the last word typed,
    /// its prefix.
    pub(super) fn word(&mut self, text: &str, last: bool) -> Option<Box<dyn Query>> {
        let mut options = self.forms(text);
        if let [word] = self.folded(text).as_slice() {
            options.extend(self.typo_tolerant(word));
            if last {
                options.extend(self.prefix(word));
            }
        }
        any_of(options)
    }

    /// The words within reach of a folded word's typos, less the word itself (its documents
    /// already match): reading only their postings keeps a common word's typo tolerance
    /// cheap. Not for short words, words with digits or stop words.
    fn typo_tolerant(&mut self, word: &str) -> Option<Box<dyn Query>> {
        let plain_word = !has_digits(word) && !is_stop_word(word);
        if !self.context.features.typos || !plain_word || self.tolerant >= MAX_TOLERANT_WORDS {
            return None;
        }
        let distance = typo_budget(word.chars().count())?;
        self.tolerant += 1;
        let field = self.context.fields.all_folded;
        let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true);
        let near = self.expand(word, distance, &fuzzy);
        any_term(field, &near, FUZZY_SCORE)
    }

    /// The longer words a folded word typed last starts (a stop word typed last may be the
    /// start of a word: "des" of "design").
    fn prefix(&mut self, word: &str) -> Option<Box<dyn Query>> {
        if has_digits(word) || word.chars().count() < 2 {
            return None;
        }
        let field = self.context.fields.all_folded;
        let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(field, word), 0, false);
        let longer = self.expand(word, PREFIX, &prefix);
        any_term(field, &longer, PREFIX_SCORE)
    }

    /// The terms `automaton` accepts besides `word`, from the cache or the term dictionary.
    fn expand(
        &self,
        word: &str,
        kind: u8,
        automaton: &FuzzyTermQuery,
    ) -> std::sync::Arc<Vec<String>> {
        let (searcher, field) = (self.context.searcher, self.context.fields.all_folded);
        self.context.cache.get_or(searcher, word, kind, || {
            expansions(searcher, field, automaton, word, MAX_EXPANSIONS)
        })
    }
}

fn has_digits(word: &str) -> bool {
    word.chars().any(|c| c.is_numeric())
}

/// Edits tolerated in a word of `letters` letters: one from 5, two from 9.
pub fn typo_budget(letters: usize) -> Option<u8> {
    match letters {
        0..=4 => None,
        5..=8 => Some(1),
        _ => Some(2),
    }
}

/// Whether any segment has a term in `field`.
fn has_terms(searcher: &Searcher, field: Field) -> bool {
    searcher.segment_readers().iter().any(|r| {
        r.inverted_index(field)
            .map(|ii| ii.terms().num_terms() > 0)
            .unwrap_or(true)
    })
}

/// The terms of `field` that `automaton` accepts, other than `exact`: the most frequent
/// `limit` of them.
fn expansions(
    searcher: &Searcher,
    field: Field,
    automaton: &FuzzyTermQuery,
    exact: &str,
    limit: usize,
) -> Vec<String> {
    let Ok(dfa) = automaton.automaton() else {
        return Vec::new();
    };
    let mut found: std::collections::HashMap<Vec<u8>, u32> = std::collections::HashMap::new();
    for reader in searcher.segment_readers() {
        let Ok(index) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = index.terms().search(&dfa).into_stream() else {
            continue;
        };
        while stream.advance() {
            if stream.key() != exact.as_bytes() {
                *found.entry(stream.key().to_vec()).or_default() += stream.value().doc_freq;
            }
        }
    }
    let mut terms: Vec<(u32, String)> = found
        .into_iter()
        .filter_map(|(k, n)| String::from_utf8(k).ok().map(|t| (n, t)))
        .collect();
    terms.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    terms.truncate(limit);
    terms.into_iter().map(|(_, t)| t).collect()
}

/// Documents holding any of `terms` in `field`, all scored `score`.
fn any_term(field: Field, terms: &[String], score: f32) -> Option<Box<dyn Query>> {
    let options = terms
        .iter()
        .map(|t| term(Term::from_field_text(field, t), IndexRecordOption::Basic))
        .collect();
    any_of(options).map(|q| Box::new(ConstScoreQuery::new(q, score)) as Box<dyn Query>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_budgets_follow_word_length() {
        assert_eq!(typo_budget(4), None);
        assert_eq!(typo_budget(5), Some(1));
        assert_eq!(typo_budget(8), Some(1));
        assert_eq!(typo_budget(9), Some(2));
    }
}
