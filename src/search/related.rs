//! Related projects: published projects whose titles and descriptions share the most
//! distinctive words with one project (term statistics: tf-idf over its own language's
//! fields), favouring shared Action Lines and SDGs.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::analysis::tokens;
use super::expansion::Tag;
use super::query::tag_query;
use super::{Hit, HitSummary, SearchError, SearchIndex};
use crate::model::{Language, ProjectId};

/// Most distinctive words a similarity query keeps.
const MAX_TERMS: usize = 30;
/// Candidates re-ranked.
const CANDIDATES: usize = 40;
/// Weight of the share of the project's Action Lines (and SDGs) a candidate also has,
/// against its word similarity relative to the best candidate's (1 at most).
const SHARED_LINES_WEIGHT: f32 = 0.6;
const SHARED_SDGS_WEIGHT: f32 = 0.3;

impl SearchIndex {
    /// Published projects most like the published project `id`, best first; `None` when
    /// `id` is not in the index.
    ///
    /// # Errors
    /// Internal tantivy errors.
    pub fn related(&self, id: ProjectId, limit: usize) -> Result<Option<Vec<Hit>>, SearchError> {
        let searcher = self.reader.searcher();
        let id_term = Term::from_field_text(self.fields.id, &id.to_string());
        let found = searcher.search(
            &TermQuery::new(id_term.clone(), IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        let Some(summary) = doc
            .get_first(self.fields.hit)
            .and_then(|v| v.as_bytes())
            .and_then(|b| serde_json::from_slice::<HitSummary>(b).ok())
        else {
            return Ok(None);
        };
        let description = doc
            .get_first(self.fields.description)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let text = format!(
            "{} {} {} {description}",
            summary.title, summary.title, summary.organization
        );
        // Candidates: the projects sharing the most words, and those sharing tags; ranked
        // by word similarity (relative to the best) plus the shares of the project's Action
        // Lines and SDGs they also carry.
        let tags: Vec<(Occur, Box<dyn Query>)> = summary
            .action_lines
            .iter()
            .map(|l| tag_query(&self.fields, Tag::ActionLine(*l)))
            .chain(
                summary
                    .sdgs
                    .iter()
                    .map(|g| tag_query(&self.fields, Tag::Sdg(*g))),
            )
            .map(|q| (Occur::Should, q))
            .collect();
        let not_itself = || -> (Occur, Box<dyn Query>) {
            (
                Occur::MustNot,
                Box::new(TermQuery::new(id_term.clone(), IndexRecordOption::Basic)),
            )
        };
        let mut by_words: HashMap<tantivy::DocAddress, f32> = HashMap::new();
        if let Some(q) = self.like_text(&searcher, summary.language, &text, MAX_TERMS, true) {
            let query = BooleanQuery::new(vec![(Occur::Must, q), not_itself()]);
            by_words.extend(
                searcher
                    .search(&query, &TopDocs::with_limit(CANDIDATES).order_by_score())?
                    .into_iter()
                    .map(|(score, address)| (address, score)),
            );
        }
        let mut candidates: Vec<tantivy::DocAddress> = by_words.keys().copied().collect();
        if !tags.is_empty() {
            let mut clauses = tags;
            clauses.push(not_itself());
            let query = BooleanQuery::new(clauses);
            for (_, address) in searcher.search(
                &query,
                &TopDocs::with_limit(CANDIDATES * 4).order_by_score(),
            )? {
                if !by_words.contains_key(&address) {
                    candidates.push(address);
                }
            }
        }
        let best = by_words
            .values()
            .copied()
            .fold(0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let share = |mine: usize, of: usize| {
            if of == 0 {
                0.0
            } else {
                mine as f32 / of as f32
            }
        };
        let mut hits = Vec::with_capacity(candidates.len());
        for address in candidates {
            let score = by_words.get(&address).copied().unwrap_or(0.0);
            let mut hit = self.hit(&searcher, address, None, None)?;
            let other = &hit.summary;
            let lines = other
                .action_lines
                .iter()
                .filter(|l| summary.action_lines.contains(l))
                .count();
            let goals = other
                .sdgs
                .iter()
                .filter(|g| summary.sdgs.contains(g))
                .count();
            let combined = score / best
                + SHARED_LINES_WEIGHT * share(lines, summary.action_lines.len())
                + SHARED_SDGS_WEIGHT * share(goals, summary.sdgs.len());
            hit.score = Some((combined * 1000.0).round() / 1000.0);
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
        let l = lang.index();
        let field = self.fields.text[l];
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
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (_, weight, word) in weighted {
            let q = TermQuery::new(
                Term::from_field_text(field, &word),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), weight)),
            ));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}
