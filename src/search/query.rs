//! Turning a [`SearchRequest`](crate::model::SearchRequest) into tantivy queries: the text
//! query, the filter clauses, the main query for hits and the relaxed query the facet
//! collector scans.
//!
//! A typed word matches when any of its forms does: its analysis in each language's title
//! and body fields (title weighted above the organization, the organization above the
//! description), a typo-tolerant form (one edit from 5 letters, two from 9, never for words
//! with digits) and, for the last word of a query typed without a trailing space, its
//! prefix. Synonyms and taxonomy mentions add their alternatives to the words they cover;
//! consecutive words also score as an exact phrase.

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::{Arc, Mutex};

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::analysis::{
    folded_analyzer, is_stop_word, language_analyzer, positioned_tokens, tokens, Segmenter,
};
use super::expansion::{tag_table, SuggestedFilter, SynonymTable, Tag};
use super::facets::{Accept, ActiveFilters, Dim};
use super::schema::Fields;
use crate::model::{Language, TextClause, TextQuery};

/// Score of a typo-tolerant match (constant, below any exact match).
const FUZZY_SCORE: f32 = 0.3;
/// Score of a prefix match of the last word.
const PREFIX_SCORE: f32 = 0.5;
/// Weight of a synonym's expression against the words typed.
const SYNONYM_BOOST: f32 = 0.9;
/// Score of a document tagged with a tag the query names.
const TAG_SCORE: f32 = 1.5;
/// Extra weight when the typed words occur as one phrase (any field / the title).
const PHRASE_BOOST: f32 = 1.5;
const TITLE_PHRASE_BOOST: f32 = 2.5;
/// Most synonym alternatives one query brings in all (each word brings at most
/// [`MAX_ALTERNATIVES`](super::expansion::MAX_ALTERNATIVES)).
pub const MAX_QUERY_ALTERNATIVES: usize = 64;
/// Longest run of words matched against synonyms and taxonomy names.
const MAX_SPAN_WORDS: usize = 12;
/// Words of one query given typo tolerance (a 1,000-character query of short words would
/// otherwise walk the term dictionary hundreds of times).
const MAX_TOLERANT_WORDS: usize = 10;
/// Most words a typo-tolerant or prefix form expands to (the most frequent are kept).
const MAX_EXPANSIONS: usize = 20;
/// Score of each typed word a document has, when not all are required.
const WORD_FOUND_SCORE: f32 = 4.0;
/// Longest word run scored as a phrase.
const MAX_PHRASE_WORDS: usize = 10;

/// Which ranking features are on (all of them for the service; the relevance harness turns
/// them off one by one to measure each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// Typo tolerance.
    pub typos: bool,
    /// Prefix matching of the last word.
    pub prefix: bool,
    /// Synonym sets.
    pub synonyms: bool,
    /// Taxonomy mentions match tags.
    pub tags: bool,
    /// Exact phrase boost.
    pub phrase: bool,
    /// When no document has every word, those with most of them.
    pub partial: bool,
}

impl Features {
    /// Everything on.
    pub const ALL: Features = Features {
        typos: true,
        prefix: true,
        synonyms: true,
        tags: true,
        phrase: true,
        partial: true,
    };
    /// Everything off: per-language BM25 alone.
    pub const NONE: Features = Features {
        typos: false,
        prefix: false,
        synonyms: false,
        tags: false,
        phrase: false,
        partial: false,
    };
}

/// Analyzers for query text: one per language, and the folded one.
#[derive(Clone)]
pub struct QueryAnalyzers {
    languages: Vec<TextAnalyzer>,
    folded: TextAnalyzer,
}

impl Default for QueryAnalyzers {
    fn default() -> Self {
        QueryAnalyzers {
            languages: Language::ALL
                .iter()
                .map(|&l| language_analyzer(l, Segmenter::Query))
                .collect(),
            folded: folded_analyzer(Segmenter::Query),
        }
    }
}

impl QueryAnalyzers {
    /// The analyzer of one language.
    pub fn language(&mut self, lang: Language) -> &mut TextAnalyzer {
        &mut self.languages[lang.index()]
    }

    /// The folded analyzer.
    pub fn folded(&mut self) -> &mut TextAnalyzer {
        &mut self.folded
    }
}

/// The text part of a search, planned.
pub struct TextPlan {
    /// The query, or `None` when the text matches everything.
    pub query: Option<Box<dyn Query>>,
    /// For two or more words: the query that needs only half of them, documents with more
    /// of them first (used when no document has them all).
    pub relaxed: Option<Box<dyn Query>>,
    /// Tags the text names, as filters to propose.
    pub suggested: Vec<SuggestedFilter>,
    /// Words to mark in snippets (typed words and synonyms).
    pub marks: Vec<String>,
}

/// Plans the text query: all words required (stop words only score), phrases in order,
/// exclusions removed.
#[allow(clippy::too_many_arguments)]
pub fn text_query(
    searcher: &Searcher,
    cache: &ExpansionCache,
    fields: &Fields,
    analyzers: &mut QueryAnalyzers,
    synonyms: &SynonymTable,
    text: &TextQuery,
    features: Features,
    lang: Language,
) -> TextPlan {
    let languages: Vec<Language> = Language::ALL
        .iter()
        .copied()
        .filter(|l| has_terms(searcher, fields.text[l.index()]))
        .collect();
    let mut b = Builder {
        searcher,
        cache,
        fields,
        an: analyzers,
        features,
        languages,
        tolerant: 0,
    };
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    let mut words: Vec<Box<dyn Query>> = Vec::new();
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    let mut must_not: Vec<Box<dyn Query>> = Vec::new();
    let mut suggested = Vec::new();
    let mut marks = Vec::new();
    let mut alternatives_left = MAX_QUERY_ALTERNATIVES;

    // Plain words, with their folded forms, for synonyms and taxonomy mentions.
    let plain: Vec<(usize, &TextClause, Vec<String>)> = text
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.phrase && !c.negated)
        .map(|(i, c)| (i, c, tokens(b.an.folded(), &c.text)))
        .collect();
    let last_clause = text.clauses.len().checked_sub(1);
    let prefix_at = (text.open_end && features.prefix)
        .then_some(last_clause)
        .flatten();

    let mut i = 0;
    while i < plain.len() {
        // The plain words from `i` that were typed one after the other (a phrase or an
        // exclusion between two words ends the run), at most as many as the longest
        // expression.
        let mut run = 1;
        while i + run < plain.len() && plain[i + run].0 == plain[i + run - 1].0 + 1 {
            run += 1;
        }
        let run = &plain[i..i + run];
        let rest: Vec<String> = run
            .iter()
            .flat_map(|p| p.2.clone())
            .take(MAX_SPAN_WORDS)
            .collect();
        // Word counts at each clause boundary after `i`.
        let mut bounds = Vec::new();
        let mut n = 0;
        for p in run {
            n += p.2.len();
            bounds.push(n);
        }
        let aligned = |len: usize| bounds.iter().position(|b| *b == len).map(|k| k + 1);
        let mut tag_span = 0;
        let mut tags: Vec<Tag> = Vec::new();
        if features.tags {
            let found = tag_table().matches_at(&rest);
            if let Some((len, k)) = found
                .iter()
                .find_map(|(len, _)| aligned(*len).map(|k| (*len, k)))
            {
                tag_span = k;
                tags = found
                    .iter()
                    .filter(|(l, _)| *l == len)
                    .map(|(_, t)| **t)
                    .collect();
            }
        }
        let mut synonym_span = 0;
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        // A lone stop word ("un", "ai") is never expanded: in one language or another it is
        // only a function word.
        let lone_stop_word = plain[i].2.len() == 1 && b.is_function_word(&plain[i].1.text);
        if features.synonyms {
            let usable = |len: usize| aligned(len).is_some() && !(lone_stop_word && len == 1);
            if let Some((len, alts)) = synonyms.expand_where(&rest, usable) {
                if let Some(k) = aligned(len) {
                    synonym_span = k;
                    alternatives = alts;
                }
            }
        }
        let span = tag_span.max(synonym_span).max(1);
        if tag_span < span {
            tags.clear();
        }
        if synonym_span < span {
            alternatives.clear();
        }
        alternatives.truncate(alternatives_left);
        alternatives_left -= alternatives.len();
        let covered = &plain[i..i + span];
        let typed: Vec<Box<dyn Query>> = covered
            .iter()
            .filter_map(|(at, clause, _)| b.word(&clause.text, Some(*at) == prefix_at))
            .collect();
        marks.extend(covered.iter().map(|c| c.1.text.clone()));
        let optional = span == 1
            && tags.is_empty()
            && alternatives.is_empty()
            && covered[0].2.len() == 1
            && b.is_function_word(&covered[0].1.text);
        let mut options: Vec<Box<dyn Query>> = Vec::new();
        if let Some(q) = all_of(typed) {
            options.push(q);
        }
        for expression in &alternatives {
            let joined = expression.join(" ");
            if let Some(q) = any_of(b.forms(&joined)) {
                options.push(Box::new(BoostQuery::new(q, SYNONYM_BOOST)));
            }
            marks.push(joined);
        }
        for tag in &tags {
            options.push(Box::new(ConstScoreQuery::new(
                tag_query(fields, *tag),
                TAG_SCORE,
            )));
            let matched = covered
                .iter()
                .map(|c| c.1.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if !suggested
                .iter()
                .any(|s: &SuggestedFilter| s.facet == tag.facet() && s.value == tag.value())
            {
                suggested.push(tag.as_filter(lang, matched));
            }
        }
        if let Some(q) = any_of(options) {
            if optional {
                should.push(q);
            } else {
                words.push(q);
            }
        }
        i += span;
    }

    for clause in text.clauses.iter().filter(|c| c.phrase || c.negated) {
        let Some(q) = any_of(b.forms(&clause.text)) else {
            continue;
        };
        if clause.negated {
            must_not.push(q);
        } else {
            marks.push(clause.text.clone());
            must.push(q);
        }
    }

    if features.phrase && plain.len() >= 2 {
        let joined = plain
            .iter()
            .take(MAX_PHRASE_WORDS)
            .map(|p| p.1.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let words = positioned_tokens(b.an.folded(), &joined);
        if words.len() >= 2 {
            for (field, boost) in [
                (fields.all_folded, PHRASE_BOOST),
                (fields.title_folded, TITLE_PHRASE_BOOST),
            ] {
                if let Some(q) = sequence(field, &words) {
                    should.push(Box::new(BoostQuery::new(q, boost)));
                }
            }
        }
    }

    let relaxed = (features.partial && words.len() >= 2).then(|| {
        let needed = words.len().div_ceil(2);
        // Each word found adds a constant, so documents with more of them rank first.
        let counted: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let with_bonus: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Should, w.box_clone()),
                    (
                        Occur::Should,
                        Box::new(ConstScoreQuery::new(w.box_clone(), WORD_FOUND_SCORE)),
                    ),
                ]));
                (Occur::Should, with_bonus)
            })
            .collect();
        let some: Box<dyn Query> =
            Box::new(BooleanQuery::with_minimum_required_clauses(counted, needed));
        let mut relaxed_must = vec![some];
        relaxed_must.extend(must.iter().map(|q| q.box_clone()));
        assemble(
            relaxed_must,
            should.iter().map(|q| q.box_clone()).collect(),
            must_not.iter().map(|q| q.box_clone()).collect(),
        )
    });
    must.extend(words);
    let query = assemble(must, should, must_not);
    TextPlan {
        query,
        relaxed: relaxed.flatten(),
        suggested,
        marks,
    }
}

fn assemble(
    must: Vec<Box<dyn Query>>,
    should: Vec<Box<dyn Query>>,
    must_not: Vec<Box<dyn Query>>,
) -> Option<Box<dyn Query>> {
    if must.is_empty() && should.is_empty() && must_not.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if must.is_empty() && should.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    clauses.extend(must.into_iter().map(|q| (Occur::Must, q)));
    clauses.extend(should.into_iter().map(|q| (Occur::Should, q)));
    clauses.extend(must_not.into_iter().map(|q| (Occur::MustNot, q)));
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

struct Builder<'a> {
    searcher: &'a Searcher,
    cache: &'a ExpansionCache,
    fields: &'a Fields,
    an: &'a mut QueryAnalyzers,
    features: Features,
    /// The languages some indexed project is written in (the others' fields are empty).
    languages: Vec<Language>,
    /// Words given typo tolerance so far (at most [`MAX_TOLERANT_WORDS`] per query).
    tolerant: usize,
}

/// The cache key of a prefix expansion (typo expansions are keyed by their distance).
const PREFIX: u8 = 0;
/// Most words the expansion cache holds before it starts again.
const CACHE_ENTRIES: usize = 20_000;

/// Expansions already looked up in the current index generation: popular words are looked
/// up in the term dictionary once per commit, not once per search.
#[derive(Default)]
pub struct ExpansionCache {
    inner: Mutex<(u64, ExpansionMap)>,
}

/// Expansions by word and kind.
type ExpansionMap = HashMap<(String, u8), Arc<Vec<String>>>;

impl ExpansionCache {
    fn get_or(
        &self,
        searcher: &Searcher,
        word: &str,
        kind: u8,
        compute: impl FnOnce() -> Vec<String>,
    ) -> Arc<Vec<String>> {
        let generation = searcher.generation().generation_id();
        let key = (word.to_string(), kind);
        {
            let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            if guard.0 == generation {
                if let Some(found) = guard.1.get(&key) {
                    return found.clone();
                }
            }
        }
        let computed = Arc::new(compute());
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation < guard.0 {
            // A search on an older index finishing late: its words are not kept.
            return computed;
        }
        if guard.0 != generation || guard.1.len() >= CACHE_ENTRIES {
            guard.0 = generation;
            guard.1.clear();
        }
        guard.1.insert(key, computed.clone());
        computed
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
    let options: Vec<Box<dyn Query>> = terms
        .iter()
        .map(|t| {
            Box::new(TermQuery::new(
                Term::from_field_text(field, t),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
        .collect();
    any_of(options).map(|q| Box::new(ConstScoreQuery::new(q, score)) as Box<dyn Query>)
}

impl Builder<'_> {
    /// Whether a typed word is a function word: one that the analyzer of a language present
    /// in the index drops (a stop word there). Such a word only scores.
    fn is_function_word(&mut self, text: &str) -> bool {
        let folded = tokens(self.an.folded(), text);
        if folded.len() != 1 {
            return false;
        }
        is_stop_word(&folded[0])
            || (0..self.languages.len()).any(|i| {
                let lang = self.languages[i];
                tokens(self.an.language(lang), text).is_empty()
            })
    }

    /// The exact and stemmed forms of `text` (a word or a phrase) in every language's fields.
    fn forms(&mut self, text: &str) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for i in 0..self.languages.len() {
            let lang = self.languages[i];
            let words = positioned_tokens(self.an.language(lang), text);
            if let Some(q) = sequence(self.fields.text[lang.index()], &words) {
                out.push(q);
            }
        }
        out
    }

    /// One typed word: its forms, its typo-tolerant form and, when it is the last word typed,
    /// its prefix.
    fn word(&mut self, text: &str, last: bool) -> Option<Box<dyn Query>> {
        let mut options = self.forms(text);
        let folded = tokens(self.an.folded(), text);
        if let [word] = folded.as_slice() {
            let letters = word.chars().count();
            let no_digits = !word.chars().any(|c| c.is_numeric());
            let plain_word = no_digits && !is_stop_word(word);
            // The words within reach are looked up in the term dictionary, less the word
            // itself (its documents already match): reading only their postings keeps a
            // common word's typo tolerance cheap.
            let field = self.fields.all_folded;
            if self.features.typos && plain_word && self.tolerant < MAX_TOLERANT_WORDS {
                if let Some(distance) = typo_budget(letters) {
                    self.tolerant += 1;
                    let term = Term::from_field_text(field, word);
                    let fuzzy = FuzzyTermQuery::new(term, distance, true);
                    let near = self.cache.get_or(self.searcher, word, distance, || {
                        expansions(self.searcher, field, &fuzzy, word, MAX_EXPANSIONS)
                    });
                    options.extend(any_term(field, &near, FUZZY_SCORE));
                }
            }
            // A stop word typed last may be the start of a word ("des" of "design").
            if last && no_digits && letters >= 2 {
                let term = Term::from_field_text(field, word);
                let prefix = FuzzyTermQuery::new_prefix(term, 0, false);
                let longer = self.cache.get_or(self.searcher, word, PREFIX, || {
                    expansions(self.searcher, field, &prefix, word, MAX_EXPANSIONS)
                });
                options.extend(any_term(field, &longer, PREFIX_SCORE));
            }
        }
        any_of(options)
    }
}

/// Edits tolerated in a word of `letters` letters: one from 5, two from 9.
pub fn typo_budget(letters: usize) -> Option<u8> {
    match letters {
        0..=4 => None,
        5..=8 => Some(1),
        _ => Some(2),
    }
}

/// A term, or the words in order at their positions.
fn sequence(field: Field, words: &[(usize, String)]) -> Option<Box<dyn Query>> {
    match words {
        [] => None,
        [(_, word)] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))),
        [(first, _), ..] => Some(Box::new(PhraseQuery::new_with_offset(
            words
                .iter()
                .map(|(at, w)| (at - first, Term::from_field_text(field, w)))
                .collect(),
        ))),
    }
}

/// Documents matching any of the queries.
fn any_of(mut options: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match options.len() {
        0 => None,
        1 => options.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            options.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

/// Documents matching all of the queries.
fn all_of(mut parts: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            parts.into_iter().map(|q| (Occur::Must, q)).collect(),
        ))),
    }
}

/// Documents carrying a tag.
pub fn tag_query(fields: &Fields, tag: Tag) -> Box<dyn Query> {
    let term = match tag {
        Tag::ActionLine(line) => Term::from_field_u64(fields.action_line, line.index() as u64),
        Tag::Sdg(goal) => Term::from_field_u64(fields.sdg, u64::from(goal.number())),
    };
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

fn dim_field(fields: &Fields, dim: Dim) -> Field {
    match dim {
        Dim::ActionLine => fields.action_line,
        Dim::Sdg => fields.sdg,
        Dim::Region => fields.region,
        Dim::Country => fields.country,
        Dim::StakeholderType => fields.stakeholder_type,
        Dim::Scope => fields.scope,
        Dim::Status => fields.status,
        Dim::Covid19 => fields.covid19,
        Dim::Year => fields.year,
    }
}

/// The query that one active filter stands for.
pub fn filter_query(fields: &Fields, dim: Dim, accept: &Accept) -> Box<dyn Query> {
    let field = dim_field(fields, dim);
    match accept {
        Accept::Values(bits) => {
            // Term queries, not a TermSetQuery: that one builds an automaton and a bitset of
            // the whole segment on every search.
            let mut terms: Vec<Box<dyn Query>> = (0..256u64)
                .filter(|v| bits[(*v / 64) as usize] & (1 << (*v % 64)) != 0)
                .map(|v| {
                    Box::new(TermQuery::new(
                        Term::from_field_u64(field, v),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>
                })
                .collect();
            if terms.len() == 1 {
                terms.remove(0)
            } else {
                Box::new(BooleanQuery::new(
                    terms.into_iter().map(|q| (Occur::Should, q)).collect(),
                ))
            }
        }
        Accept::Years(from, to) => Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_u64(field, *from)),
            Bound::Included(Term::from_field_u64(field, *to)),
        )),
    }
}

/// The query for hits in title order: text and every filter.
pub fn hit_query(
    fields: &Fields,
    text: Option<&dyn Query>,
    filters: &ActiveFilters,
) -> Box<dyn Query> {
    let base: Box<dyn Query> = text
        .map(|q| q.box_clone())
        .unwrap_or_else(|| Box::new(AllQuery));
    if filters.0.is_empty() {
        return base;
    }
    let mut clauses = vec![(Occur::Must, base)];
    clauses.extend(
        filters
            .0
            .iter()
            .map(|(d, a)| (Occur::Must, filter_query(fields, *d, a))),
    );
    Box::new(BooleanQuery::new(clauses))
}

/// Documents matching either of two filters.
pub fn either(a: Box<dyn Query>, b: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, a),
        (Occur::Should, b),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_brings_a_bounded_number_of_synonym_alternatives() {
        use crate::model::Synonyms;
        let (schema, fields) = super::super::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        super::super::analysis::register(&index);
        let searcher = index.reader().unwrap().searcher();
        // 2,000 sets, each word of the query in hundreds of them.
        let words = ["health", "water", "school", "farm", "radio", "clinic"];
        let sets = (0..crate::model::synonyms::MAX_SETS)
            .map(|i| {
                std::iter::once(words[i % words.len()].to_string())
                    .chain((0..19).map(|j| format!("term{i}x{j}")))
                    .collect()
            })
            .collect();
        let table = SynonymTable::new(&Synonyms { sets });
        let text = TextQuery::parse(&words.join(" ")).unwrap();
        let plan = text_query(
            &searcher,
            &ExpansionCache::default(),
            &fields,
            &mut QueryAnalyzers::default(),
            &table,
            &text,
            Features::ALL,
            Language::En,
        );
        let alternatives = plan.marks.len() - words.len();
        assert_eq!(alternatives, MAX_QUERY_ALTERNATIVES);
    }

    #[test]
    fn typo_budgets_follow_word_length() {
        assert_eq!(typo_budget(4), None);
        assert_eq!(typo_budget(5), Some(1));
        assert_eq!(typo_budget(8), Some(1));
        assert_eq!(typo_budget(9), Some(2));
    }
}
