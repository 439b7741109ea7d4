//! One search, step by step: plan the text query and the filters, scan the index for the
//! facet counts and the best hits, then read the page of hits.

use std::time::Instant;

use tantivy::collector::sort_key::{SortByStaticFastValue, SortByString};
use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

use super::engine::SearchIndex;
use super::error::SearchError;
use super::facet_counts::facet_counts;
use super::facets::{
    all_docs_tally, all_docs_top, filtered, filtered_by_bitsets, Accept, ActiveFilters, Collected,
    FacetTally, FacetsAndTop, Ranking,
};
use super::parallel;
use super::query::{self, Features, QueryAnalyzers, TextContext, TextPlan};
use super::rescore;
use super::schema::names;
use super::snippet::Highlighter;
use crate::model::Dim;
use crate::model::{Hit, SearchResults, SearchTimings};
use crate::model::{SearchRequest, SortOrder};

/// A search, planned.
struct SearchPlan {
    /// The text query, its relaxed form, the filters it suggests and the words to mark.
    text: TextPlan,
    filters: ActiveFilters,
    /// How the collector ranks hits; `None` when they are sorted by a fast field (title,
    /// confirmation day).
    ranking: Option<Ranking>,
    /// Every hit up to the end of the requested page.
    wanted: usize,
}

impl SearchPlan {
    /// Candidates the scan keeps: `wanted`, or the wider window that phrase boosts
    /// rescore.
    fn kept(&self) -> usize {
        match self.ranking {
            Some(Ranking::Score) => rescore::window(self.wanted, &self.text.boosts),
            _ => self.wanted,
        }
    }
}

/// What the scan found.
struct Scanned {
    tally: Box<FacetTally>,
    /// The documents of the requested page, with their scores when ranked by relevance.
    page: Vec<(Option<f32>, DocAddress)>,
    /// No document has every word: the relaxed text query found these.
    partial_match: bool,
}

/// The collector's candidates, and the text query that found them.
type TextScan<'p> = (Collected, &'p dyn Query, bool);

impl SearchIndex {
    /// Runs a search: hits of the requested page and exact disjunctive facet counts.
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, SearchError> {
        self.search_with(req, Features::ALL)
    }

    /// [`SearchIndex::search`] with some ranking features turned off (for measuring them).
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn search_with(
        &self,
        req: &SearchRequest,
        features: Features,
    ) -> Result<SearchResults, SearchError> {
        let started = Instant::now();
        let _searching = parallel::Searching::start();
        let searcher = self.reader.searcher();
        let mut analyzers = self.analyzers.clone();
        let plan = self.plan(&searcher, &mut analyzers, req, features);
        let planned = started.elapsed();
        let scanned = self.scan(&searcher, &plan, req)?;
        let collected_at = started.elapsed();
        let hits = self.hits(&searcher, scanned.page, analyzers, plan.text.marks)?;
        let facets = facet_counts(&scanned.tally, req);
        let timings = SearchTimings {
            plan: planned,
            match_and_count: collected_at.saturating_sub(planned),
            hits: started.elapsed().saturating_sub(collected_at),
        };
        Ok(SearchResults {
            total: scanned.tally.total,
            page: req.page,
            per_page: req.per_page,
            took_ms: (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
            hits,
            facets,
            suggested_filters: plan.text.suggested,
            partial_match: scanned.partial_match,
            timings,
        })
    }

    /// Plans the text query (typo and prefix expansions, synonyms, tags), the filters and
    /// the ranking.
    fn plan(
        &self,
        searcher: &Searcher,
        analyzers: &mut QueryAnalyzers,
        req: &SearchRequest,
        features: Features,
    ) -> SearchPlan {
        let synonyms = self.synonyms();
        let context = TextContext {
            searcher,
            cache: &self.expansions,
            fields: &self.fields,
            synonyms: &synonyms,
            features,
            lang: req.lang,
        };
        let mut text = query::text_query(&context, analyzers, &req.text);
        let ranking = match req.sort {
            SortOrder::Relevance if text.query.is_some() => Some(Ranking::Score),
            SortOrder::Relevance | SortOrder::Newest => Some(Ranking::Newest),
            SortOrder::Oldest => Some(Ranking::Oldest),
            SortOrder::Title | SortOrder::Confirmed => None,
        };
        if let Some(confirmed) = query::confirmed_query(&self.fields, &req.filters) {
            // A restriction that is not a facet: every match, and so every count, obeys it.
            text.query = Some(match text.query.take() {
                Some(q) => query::both(q, confirmed),
                None => confirmed,
            });
            // Its matches no longer tell whether some document has every word, so the
            // relaxed query (for when none has) is not tried under it.
            text.relaxed = None;
        }
        SearchPlan {
            text,
            filters: ActiveFilters::from_filters(&req.filters),
            ranking,
            wanted: req.offset() + req.per_page as usize,
        }
    }

    /// Counts every facet and finds the page's documents: the matches of the text and of the
    /// confirmation-day filters when there are any, otherwise the documents the facet
    /// filters let through.
    fn scan(
        &self,
        searcher: &Searcher,
        plan: &SearchPlan,
        req: &SearchRequest,
    ) -> Result<Scanned, SearchError> {
        let (mut collected, text, partial_match) = match &plan.text.query {
            Some(strict) => {
                let (collected, text, partial) = self.scan_text(searcher, plan, &**strict)?;
                (collected, Some(text), partial)
            }
            None => (self.scan_filters(searcher, plan)?, None, false),
        };
        if plan.ranking == Some(Ranking::Score) {
            rescore::rescore(searcher, &plan.text.boosts, &mut collected.top, plan.wanted)?;
        }
        let page = match plan.ranking {
            Some(r) => collected
                .top
                .iter()
                .skip(req.offset())
                .map(|c| ((r == Ranking::Score).then_some(c.score), c.address))
                .collect(),
            None => {
                let hit_query = query::hit_query(&self.fields, text, &plan.filters);
                self.by_field(searcher, &*hit_query, req)?
            }
        };
        Ok(Scanned {
            tally: collected.tally,
            page,
            partial_match,
        })
    }

    /// Scans the text matches (filters are checked in memory); when no document has every
    /// word, whatever the filters, the relaxed query's matches, those with most words first.
    fn scan_text<'p>(
        &self,
        searcher: &Searcher,
        plan: &'p SearchPlan,
        strict: &'p dyn Query,
    ) -> Result<TextScan<'p>, SearchError> {
        let collected = self.collect(searcher, plan, strict)?;
        match &plan.text.relaxed {
            Some(relaxed) if collected.tally.is_empty() => {
                Ok((self.collect(searcher, plan, &**relaxed)?, &**relaxed, true))
            }
            _ => Ok((collected, strict, false)),
        }
    }

    /// Without text: the precomputed counts of all documents and, with filters, bitsets when
    /// the most selective filters pass many documents, otherwise a scan of the documents
    /// that pass the most selective one or two of them.
    fn scan_filters(
        &self,
        searcher: &Searcher,
        plan: &SearchPlan,
    ) -> Result<Collected, SearchError> {
        let all = all_docs_tally(&self.facet_cache, searcher)?;
        let mut by_selectivity: Vec<&(Dim, Accept)> = plan.filters.0.iter().collect();
        by_selectivity.sort_by_key(|(d, a)| all.estimate(*d, a));
        let filter =
            |(dim, accept): &(Dim, Accept)| query::filter_query(&self.fields, *dim, accept);
        let estimate = by_selectivity
            .iter()
            .take(2)
            .map(|(d, a)| all.estimate(*d, a))
            .sum();
        if !by_selectivity.is_empty()
            && filtered_by_bitsets(&self.facet_cache, searcher, &plan.filters, estimate)?
        {
            let (filters, ranking) = (&plan.filters, plan.ranking);
            return Ok(filtered(
                &self.facet_cache,
                searcher,
                filters,
                ranking,
                plan.wanted,
            )?);
        }
        Ok(match by_selectivity.as_slice() {
            [] => Collected {
                top: match plan.ranking {
                    Some(r) => all_docs_top(&self.facet_cache, searcher, r, plan.wanted)?,
                    None => Vec::new(),
                },
                tally: all,
            },
            [only] => {
                let mut c = self.collect(searcher, plan, &*filter(only))?;
                // Counted without its own filter: over every document.
                c.tally.take_counts(only.0, &all);
                c
            }
            // A document failing at most one filter passes one of the two most selective.
            [first, second, ..] => self.collect(
                searcher,
                plan,
                &*query::either(filter(first), filter(second)),
            )?,
        })
    }

    /// Runs the facet collector over the matches of `query`.
    fn collect(
        &self,
        searcher: &Searcher,
        plan: &SearchPlan,
        query: &dyn Query,
    ) -> Result<Collected, SearchError> {
        let top = plan.ranking.map(|r| (r, plan.kept()));
        let collector = FacetsAndTop::new(self.facet_cache.clone(), plan.filters.clone(), top);
        Ok(parallel::search(searcher, query, &collector, self.parts)?)
    }

    /// Hits sorted by title, or by confirmation day (latest first, never confirmed last): the
    /// collector ranks by score or start date only.
    fn by_field(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        req: &SearchRequest,
    ) -> Result<Vec<(Option<f32>, DocAddress)>, SearchError> {
        let top = TopDocs::with_limit(req.per_page as usize).and_offset(req.offset());
        let tiebreak = (
            SortByStaticFastValue::<u64>::for_field(names::TIEBREAK),
            Order::Asc,
        );
        let page: Vec<DocAddress> = if req.sort == SortOrder::Confirmed {
            let by_day = (
                SortByStaticFastValue::<i64>::for_field(names::CONFIRMED_DAY),
                Order::Desc,
            );
            let found = searcher.search(query, &top.order_by((by_day, tiebreak)))?;
            found.into_iter().map(|(_, a)| a).collect()
        } else {
            let by_title = (SortByString::for_field(names::TITLE_SORT), Order::Asc);
            let found = searcher.search(query, &top.order_by((by_title, tiebreak)))?;
            found.into_iter().map(|(_, a)| a).collect()
        };
        Ok(page.into_iter().map(|a| (None, a)).collect())
    }

    /// Reads the page of hits, their snippets marking the searched words.
    fn hits(
        &self,
        searcher: &Searcher,
        page: Vec<(Option<f32>, DocAddress)>,
        analyzers: QueryAnalyzers,
        marks: Vec<String>,
    ) -> Result<Vec<Hit>, SearchError> {
        let mut highlighter = Highlighter::new(analyzers, marks);
        page.into_iter()
            .map(|(score, address)| self.hit(searcher, address, score, highlighter.as_mut()))
            .collect()
    }
}
