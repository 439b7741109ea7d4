//! The tantivy collector: disjunctive facet counts and, optionally, the best hits, in one
//! pass over the matches.

use std::cell::Cell;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::cache::{FacetCache, FacetCounting};
use super::doc_sets::Bits;
use super::filters::ActiveFilters;
use super::plan::Plan;
use super::ranking::{Candidate, Ranking};
use super::segment::SegmentFacetData;
use super::tally::FacetTally;

/// Counting one match from its row of the facet table costs about this many word operations
/// of a bitset count (measured at a million projects): above that, matches are counted as a
/// bitset.
pub(super) const DOC_COST: usize = 32;

/// How many matches ahead the tally touches the facet table.
const LOOKAHEAD: usize = 8;

thread_local! {
    /// The match buffer of the last scan on this thread, kept for the next one: a fresh
    /// buffer per search costs page faults on every large result set.
    static MATCH_BUFFER: Cell<Vec<(DocId, Score)>> = const { Cell::new(Vec::new()) };
}

/// What the collector produces.
pub struct Collected {
    /// Facet counts and total.
    pub tally: Box<FacetTally>,
    /// The best `limit` candidates, best first (empty when hits are collected elsewhere).
    pub top: Vec<Candidate>,
}

/// The collector: disjunctive facet counts, and optionally the top hits.
pub struct FacetsAndTop {
    cache: Arc<FacetCache>,
    filters: ActiveFilters,
    /// Ranking and how many candidates to keep (offset + page size).
    top: Option<(Ranking, usize)>,
}

impl FacetsAndTop {
    /// A collector for these filters; `top` asks it to keep the best hits too.
    pub fn new(
        cache: Arc<FacetCache>,
        filters: ActiveFilters,
        top: Option<(Ranking, usize)>,
    ) -> FacetsAndTop {
        FacetsAndTop {
            cache,
            filters,
            top,
        }
    }
}

/// Per-segment state.
pub struct SegmentFacets {
    data: Arc<SegmentFacetData>,
    filters: ActiveFilters,
    counting: FacetCounting,
    plan: Plan,
    tally: Box<FacetTally>,
    segment: SegmentOrdinal,
    top: Option<(Ranking, usize)>,
    heap: BinaryHeap<Candidate>,
    /// Matches gathered during the scan and tallied in `harvest`: the scorer's loop and the
    /// tally's loop each run tight instead of interleaved.
    matches: Vec<(DocId, Score)>,
}

impl Collector for FacetsAndTop {
    type Fruit = Collected;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        Ok(SegmentFacets {
            data: self.cache.segment(reader)?,
            filters: self.filters.clone(),
            counting: self.cache.counting,
            plan: Plan::new(&self.filters),
            tally: FacetTally::new(),
            segment,
            top: self.top.filter(|(_, n)| *n > 0),
            heap: BinaryHeap::new(),
            matches: MATCH_BUFFER.with(Cell::take),
        })
    }

    fn requires_scoring(&self) -> bool {
        matches!(self.top, Some((Ranking::Score, _)))
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut tally = FacetTally::new();
        let mut top = Vec::new();
        for f in fruits {
            tally.merge(&f.tally);
            top.extend(f.top);
        }
        top.sort();
        top.truncate(self.top.map(|(_, n)| n).unwrap_or(0));
        Ok(Collected { tally, top })
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Collected;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        self.matches.push((doc, score));
    }

    fn harvest(mut self) -> Collected {
        let mut matches = std::mem::take(&mut self.matches);
        let by_bitsets = match self.counting {
            FacetCounting::Auto => matches.len() * DOC_COST > self.data.sets.cost(&self.filters),
            FacetCounting::Table => false,
            FacetCounting::Bitsets => true,
        };
        if by_bitsets {
            self.harvest_by_bitsets(&matches);
        } else {
            self.harvest_by_table(&matches);
        }
        matches.clear();
        MATCH_BUFFER.with(|buffer| buffer.set(matches));
        Collected {
            tally: self.tally,
            top: self.heap.into_vec(),
        }
    }
}

impl SegmentFacets {
    /// Counts each match from its row of the facet table: for few matches.
    fn harvest_by_table(&mut self, matches: &[(DocId, Score)]) {
        // Touch the table row a few matches ahead so that its cache miss overlaps the work
        // on the current one (a plain load: prefetch intrinsics need `unsafe`).
        let mut touched = 0u64;
        let data = self.data.clone();
        for (i, &(doc, score)) in matches.iter().enumerate() {
            if let Some((ahead, _)) = matches.get(i + LOOKAHEAD) {
                let ahead = *ahead as usize;
                touched ^= data.bits.get(ahead).copied().unwrap_or(0)
                    ^ data.places.get(ahead).map_or(0, |p| u64::from(p.year));
            }
            self.tally_one(doc, score);
        }
        std::hint::black_box(touched);
    }

    /// Counts the matches as a bitset against each value's documents: for many matches.
    fn harvest_by_bitsets(&mut self, matches: &[(DocId, Score)]) {
        let data = self.data.clone();
        let mut set = Bits::none(data.bits.len());
        for (doc, _) in matches {
            set.insert(*doc);
        }
        let ((total, counts), passing) = data.sets.count(&set, &self.filters);
        self.tally = FacetTally::from_slots(total, counts);
        if let Some((ranking, limit)) = self.top {
            for &(doc, score) in matches {
                if passing.contains(doc) {
                    self.offer(doc, score, ranking, limit);
                }
            }
        }
    }

    /// Counts a match in the facets it counts for, and offers it as a hit when it passes
    /// every filter.
    #[inline]
    fn tally_one(&mut self, doc: DocId, score: Score) {
        let (fails, mask) = self.plan.check(&self.data, doc);
        if fails > 1 {
            return;
        }
        self.tally.add(&self.data, doc, mask);
        if fails == 0 {
            self.tally.total += 1;
            if let Some((ranking, limit)) = self.top {
                self.offer(doc, score, ranking, limit);
            }
        }
    }

    /// Keeps the document among the best `limit` when it ranks there.
    #[inline]
    fn offer(&mut self, doc: DocId, score: Score, ranking: Ranking, limit: usize) {
        // Most matches cannot enter a full heap: tell from the score alone, or from the
        // sort key, before reading the tie-breaker from memory.
        let full = self.heap.len() >= limit;
        if full {
            let Some(worst) = self.heap.peek() else {
                return;
            };
            if ranking.surely_below(score, worst.key)
                || self.data.key(doc, ranking, score) < worst.key
            {
                return;
            }
        }
        let candidate = self.data.candidate(self.segment, doc, ranking, score);
        if !full {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
    }
}
