//! A search without text but with filters, over bitsets alone: each segment's live documents
//! against each value's documents, and the hits in the segment's date order. No posting list
//! is read.

use tantivy::{Searcher, SegmentOrdinal};

use super::cache::{FacetCache, FacetCounting};
use super::collector::Collected;
use super::filters::ActiveFilters;
use super::ranking::Ranking;
use super::tally::FacetTally;

/// Whether a search without text is cheaper over bitsets than over the matches of its most
/// selective filters (`matches`, an estimate from the counts over all documents).
pub fn filtered_by_bitsets(
    cache: &FacetCache,
    searcher: &Searcher,
    filters: &ActiveFilters,
    matches: u64,
) -> tantivy::Result<bool> {
    Ok(match cache.counting {
        FacetCounting::Table => false,
        FacetCounting::Bitsets => true,
        FacetCounting::Auto => {
            let mut cost = 0;
            for reader in searcher.segment_readers() {
                cost += cache.segment(reader)?.sets.cost(filters);
            }
            matches.saturating_mul(super::collector::DOC_COST as u64) > cost as u64
        }
    })
}

/// Counts every facet over the live documents that pass the filters (each facet over those
/// passing every other filter) and keeps the best `wanted` by date; `ranking` `None` keeps
/// none (hits sorted by title are found elsewhere).
pub fn filtered(
    cache: &FacetCache,
    searcher: &Searcher,
    filters: &ActiveFilters,
    ranking: Option<Ranking>,
    wanted: usize,
) -> tantivy::Result<Collected> {
    let mut tally = FacetTally::new();
    let mut top = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let data = cache.segment(reader)?;
        let alive = cache.alive_docs(reader);
        let ((total, counts), passing) = data.sets.count(&alive, filters);
        tally.merge(&FacetTally::from_slots(total, counts));
        let Some(ranking) = ranking else {
            continue;
        };
        let order = if ranking == Ranking::Oldest {
            &data.oldest
        } else {
            &data.newest
        };
        top.extend(
            order
                .iter()
                .filter(|doc| passing.contains(**doc))
                .take(wanted)
                .map(|doc| data.candidate(ord as SegmentOrdinal, *doc, ranking, 0.0)),
        );
    }
    top.sort();
    top.truncate(wanted);
    Ok(Collected { tally, top })
}
