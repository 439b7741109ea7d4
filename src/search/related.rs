//! Related projects: published projects whose titles and descriptions share the most
//! distinctive words with one project (term statistics: tf-idf over its own language's
//! fields), favouring shared Action Lines and SDGs. Also the similar projects of a text (the
//! candidates of a duplicate check), and the query for texts like a given one.

use std::collections::{BTreeSet, HashMap};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::analysis::{is_stop_word, tokens};
use super::engine::SearchIndex;
use super::error::SearchError;
use super::expansion::Tag;
use super::query::{tag_query, term};
use crate::model::Hit;
use crate::model::HitSummary;
use crate::model::{Language, ProjectId};

/// Most distinctive words a similarity query keeps.
const MAX_TERMS: usize = 30;
/// Candidates re-ranked.
const CANDIDATES: usize = 40;
/// Weight of the share of the project's Action Lines (and SDGs) a candidate also has,
/// against its word similarity relative to the best candidate's (1 at most).
const SHARED_LINES_WEIGHT: f32 = 0.6;
const SHARED_SDGS_WEIGHT: f32 = 0.3;
/// Most words of a text a duplicate check looks for.
const MAX_SIMILAR_WORDS: usize = 64;

/// A clause keeping the project itself out of its candidates.
type NotItself = (Occur, Box<dyn Query>);

impl SearchIndex {
    /// Published projects most like the published project `id`, best first; `None` when
    /// `id` is not in the index.
    ///
    /// # Errors
    /// Internal tantivy errors.
    pub fn related(&self, id: ProjectId, limit: usize) -> Result<Option<Vec<Hit>>, SearchError> {
        let searcher = self.reader.searcher();
        let id_term = Term::from_field_text(self.fields.id, &id.to_string());
        let Some((project, text)) = self.indexed(&searcher, &id_term)? else {
            return Ok(None);
        };
        let not_itself = || -> NotItself {
            let itself = TermQuery::new(id_term.clone(), IndexRecordOption::Basic);
            (Occur::MustNot, Box::new(itself))
        };
        // Candidates: the projects sharing the most words, and those sharing tags; ranked
        // by word similarity (relative to the best) plus the shares of the project's Action
        // Lines and SDGs they also carry.
        let by_words = self.sharing_words(&searcher, &project, &text, not_itself())?;
        let by_tags = self.sharing_tags(&searcher, &project, not_itself())?;
        let best = by_words
            .values()
            .copied()
            .fold(0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let tagged_only = by_tags.iter().filter(|a| !by_words.contains_key(a));
        let mut hits = Vec::with_capacity(by_words.len() + by_tags.len());
        for address in by_words.keys().chain(tagged_only) {
            let mut hit = self.hit(&searcher, *address, None, None)?;
            let words = by_words.get(address).copied().unwrap_or(0.0) / best;
            let score = relatedness(words, &project, &hit.summary);
            hit.score = Some((score * 1000.0).round() / 1000.0);
            hits.push(hit);
        }
        hits.sort_by(|a, b| {
            b.score
                .unwrap_or(0.0)
                .total_cmp(&a.score.unwrap_or(0.0))
                .then_with(|| a.summary.id.cmp(&b.summary.id))
        });
        hits.truncate(limit);
        Ok(Some(hits))
    }

    /// The stored summary of the project `id_term` names, and its text for word similarity
    /// (the title twice, the organization, the description).
    fn indexed(
        &self,
        searcher: &Searcher,
        id_term: &Term,
    ) -> Result<Option<(HitSummary, String)>, SearchError> {
        let found = searcher.search(
            &TermQuery::new(id_term.clone(), IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        Ok(self.stored(&doc).map(|(summary, description)| {
            let text = format!(
                "{} {} {} {description}",
                summary.title, summary.title, summary.organization
            );
            (summary, text)
        }))
    }

    /// The projects sharing the most distinctive words of the project's text, with their
    /// scores.
    fn sharing_words(
        &self,
        searcher: &Searcher,
        project: &HitSummary,
        text: &str,
        not_itself: NotItself,
    ) -> Result<HashMap<DocAddress, f32>, SearchError> {
        let Some(q) = self.like_text(searcher, project.language, text, MAX_TERMS, true) else {
            return Ok(HashMap::new());
        };
        let query = BooleanQuery::new(vec![(Occur::Must, q), not_itself]);
        Ok(searcher
            .search(&query, &TopDocs::with_limit(CANDIDATES).order_by_score())?
            .into_iter()
            .map(|(score, address)| (address, score))
            .collect())
    }

    /// Projects carrying the project's Action Lines or SDGs, most of them first.
    fn sharing_tags(
        &self,
        searcher: &Searcher,
        project: &HitSummary,
        not_itself: NotItself,
    ) -> Result<Vec<DocAddress>, SearchError> {
        let tags = project
            .action_lines
            .iter()
            .map(|l| Tag::ActionLine(*l))
            .chain(project.sdgs.iter().map(|g| Tag::Sdg(*g)));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = tags
            .map(|tag| (Occur::Should, tag_query(&self.fields, tag)))
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        clauses.push(not_itself);
        let top = TopDocs::with_limit(CANDIDATES * 4).order_by_score();
        Ok(searcher
            .search(&BooleanQuery::new(clauses), &top)?
            .into_iter()
            .map(|(_, address)| address)
            .collect())
    }

    /// Published projects that share the most words with `text`, best first: the candidates
    /// of a duplicate check.
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<ProjectId>, SearchError> {
        let searcher = self.reader.searcher();
        let mut analyzers = self.analyzers.clone();
        let words: BTreeSet<String> = tokens(analyzers.folded(), text)
            .into_iter()
            .filter(|w| !is_stop_word(w))
            .collect();
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .into_iter()
            .take(MAX_SIMILAR_WORDS)
            .map(|w| (Occur::Should, word_query(self.fields.all_folded, &w)))
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        top.into_iter()
            .map(|(_, address)| Ok(self.hit(&searcher, address, None, None)?.summary.id))
            .collect()
    }

    /// A query for documents sharing the most distinctive words of `text` (written in
    /// `lang`): its `max_terms` words of highest tf-idf in that language's fields, each
    /// weighted by its frequency. `indexed` says the text is a document of the index itself
    /// (its own occurrence does not count). `None` when no word of the text occurs in
    /// another document.
    pub(crate) fn like_text(
        &self,
        searcher: &Searcher,
        lang: Language,
        text: &str,
        max_terms: usize,
        indexed: bool,
    ) -> Option<Box<dyn Query>> {
        let mut analyzers = self.analyzers.clone();
        let mut tf: HashMap<String, u32> = HashMap::new();
        for word in tokens(analyzers.language(lang), text) {
            if word.chars().count() >= 2 && !word.chars().all(char::is_numeric) {
                *tf.entry(word).or_default() += 1;
            }
        }
        let field = self.fields.text[lang.index()];
        let docs = searcher.num_docs().max(1) as f32;
        // Chosen by tf-idf; boosted by the frequency alone (BM25 brings the idf).
        let mut weighted: Vec<(f32, f32, String)> = tf
            .into_iter()
            .filter_map(|(word, n)| {
                let df = searcher
                    .doc_freq(&Term::from_field_text(field, &word))
                    .unwrap_or(0)
                    .saturating_sub(u64::from(indexed));
                // A word no other document has says nothing about similarity; one that most
                // have says little.
                if df == 0 || df as f32 > docs * 0.5 {
                    return None;
                }
                let idf = (1.0 + (docs - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
                Some(((n as f32).sqrt() * idf, (n as f32).sqrt(), word))
            })
            .collect();
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        weighted.truncate(max_terms);
        if weighted.is_empty() {
            return None;
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = weighted
            .into_iter()
            .map(|(_, weight, word)| {
                let boosted = BoostQuery::new(word_query(field, &word), weight);
                (Occur::Should, Box::new(boosted) as Box<dyn Query>)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

/// Documents holding a word in `field`, scored by its frequency.
fn word_query(field: Field, word: &str) -> Box<dyn Query> {
    term(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    )
}

/// How related `other` is to `project`: its word similarity (relative to the best
/// candidate's) plus the shares of the project's Action Lines and SDGs it also carries.
fn relatedness(words: f32, project: &HitSummary, other: &HitSummary) -> f32 {
    words
        + SHARED_LINES_WEIGHT * share(&project.action_lines, &other.action_lines)
        + SHARED_SDGS_WEIGHT * share(&project.sdgs, &other.sdgs)
}

/// The share of `mine` that `other` also has (0 when `mine` is empty).
fn share<T: PartialEq>(mine: &[T], other: &[T]) -> f32 {
    if mine.is_empty() {
        return 0.0;
    }
    let shared = other.iter().filter(|t| mine.contains(t)).count();
    shared as f32 / mine.len() as f32
}
