//! Answers over every live document that need no scan: the counts kept per segment, and the
//! segments' date orders.

use tantivy::{DocId, Searcher, SegmentOrdinal};

use super::cache::FacetCache;
use super::ranking::{Candidate, Ranking};
use super::tally::FacetTally;

/// Counts over every live document of the searcher.
///
/// # Errors
/// As [`FacetCache::segment`].
pub fn all_docs_tally(cache: &FacetCache, searcher: &Searcher) -> tantivy::Result<Box<FacetTally>> {
    let mut all = FacetTally::new();
    for reader in searcher.segment_readers() {
        all.merge(&*cache.alive_tally(reader)?);
    }
    Ok(all)
}

/// The best `wanted` live documents of the whole index by start date, without a scan.
///
/// # Errors
/// As [`FacetCache::segment`].
pub fn all_docs_top(
    cache: &FacetCache,
    searcher: &Searcher,
    ranking: Ranking,
    wanted: usize,
) -> tantivy::Result<Vec<Candidate>> {
    let mut top = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let data = cache.segment(reader)?;
        let order = if ranking == Ranking::Oldest {
            &data.oldest
        } else {
            &data.newest
        };
        let alive = |doc: &&DocId| reader.alive_bitset().is_none_or(|a| a.is_alive(**doc));
        top.extend(
            order
                .iter()
                .filter(alive)
                .take(wanted)
                .map(|doc| data.candidate(ord as SegmentOrdinal, *doc, ranking, 0.0)),
        );
    }
    top.sort();
    top.truncate(wanted);
    Ok(top)
}
