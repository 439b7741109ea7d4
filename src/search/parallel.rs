//! Runs a collector over the index on more than one thread while cores are idle.
//!
//! The documents of all segments are cut into parts of about equal size (a large segment is
//! split by document range, since one segment often holds most documents after a bulk
//! import), each part is collected on its own thread and the fruits are merged. Searches in
//! flight are counted ([`Searching`]): while other searches keep the cores busy, a search
//! runs on its own thread only, as splitting would only add work. Each part of a split
//! segment counts its facets against the whole segment's value sets when it counts by
//! bitsets, so splitting pays only for queries whose matching and scoring outweigh that.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{DocId, DocSet, Searcher, TantivyError};

/// Fewest documents worth a thread of their own.
const MIN_PART_DOCS: u64 = 250_000;

/// Least work worth a thread of its own, as tantivy estimates it (about the documents the
/// query's leading posting list holds): below it, a thread's start and the work every part
/// repeats (opening the postings, counting the facets of its segment) cost more than they
/// save.
const MIN_PART_COST: u64 = 20_000;

/// How many threads one search collects its matches on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchParts {
    /// As many as cores are idle, when the index is large and the query's work worth it.
    #[default]
    Auto,
    /// This many (at least 1) whatever the size and load: for tests and measuring.
    Fixed(usize),
}

/// Searches running now.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Counts a search in flight, from its start to its answer, until dropped.
pub struct Searching(());

impl Searching {
    /// Counts one more search.
    pub fn start() -> Searching {
        IN_FLIGHT.fetch_add(1, Ordering::Relaxed);
        Searching(())
    }
}

impl Drop for Searching {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The cores this process may use, asked once (the answer reads cgroup files).
pub(super) fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Documents `start..end` of segment `segment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    segment: u32,
    start: DocId,
    end: DocId,
}

/// Collects the matches of `query` like [`Searcher::search`], in as many parts as `parts`
/// says: with [`SearchParts::Auto`], as many as cores are idle (counting this search's own;
/// the caller counts it with [`Searching`]).
///
/// # Errors
/// tantivy errors; a part's thread that panicked is an error too.
pub fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    parts: SearchParts,
) -> tantivy::Result<C::Fruit> {
    let sizes: Vec<DocId> = searcher
        .segment_readers()
        .iter()
        .map(|r| r.max_doc())
        .collect();
    let total: u64 = sizes.iter().map(|&s| u64::from(s)).sum();
    let scoring = collector.requires_scoring();
    let weight = query.weight(match scoring {
        true => EnableScoring::enabled_from_searcher(searcher),
        false => EnableScoring::disabled_from_searcher(searcher),
    })?;
    let weight = weight.as_ref();
    let parts = match parts {
        SearchParts::Fixed(n) => n.max(1),
        SearchParts::Auto => auto_parts(searcher, weight, total)?,
    };
    let parts = partition(&sizes, parts);
    let run = |part: &[Range]| collect_part(searcher, weight, collector, part, scoring);
    let fruits = match parts.split_first() {
        None => Vec::new(),
        Some((first, [])) => run(first)?,
        Some((first, rest)) => std::thread::scope(|scope| {
            let spawned: Vec<_> = rest
                .iter()
                .map(|part| {
                    let builder = std::thread::Builder::new().name("search-part".into());
                    builder
                        .spawn_scoped(scope, move || run(part))
                        .map_err(|_| part)
                })
                .collect();
            let first = run(first);
            // Every thread is joined before any error returns: the scope would turn a
            // panicked thread left unjoined into a panic here.
            let rest: Vec<_> = spawned
                .into_iter()
                .map(|handle| match handle {
                    Ok(handle) => handle.join().unwrap_or_else(|_| {
                        Err(TantivyError::ErrorInThread("a search part panicked".into()))
                    }),
                    // No thread could start: this one collects the part.
                    Err(part) => run(part),
                })
                .collect();
            let mut fruits = first?;
            for part in rest {
                fruits.extend(part?);
            }
            Ok::<_, TantivyError>(fruits)
        })?,
    };
    collector.merge_fruits(fruits)
}

/// As many parts as cores are idle, documents make [`MIN_PART_DOCS`] and the query's work
/// makes [`MIN_PART_COST`].
fn auto_parts(searcher: &Searcher, weight: &dyn Weight, total: u64) -> tantivy::Result<usize> {
    let in_flight = IN_FLIGHT.load(Ordering::Relaxed).max(1);
    let idle = (cores() + 1).saturating_sub(in_flight).max(1);
    let parts = idle.min((total / MIN_PART_DOCS).max(1) as usize);
    if parts < 2 {
        return Ok(1);
    }
    Ok(parts.min(worth(searcher, weight, total)?))
}

/// How many parts the query's work is worth: its cost in the largest segment, scaled to all
/// documents, over [`MIN_PART_COST`].
fn worth(searcher: &Searcher, weight: &dyn Weight, total: u64) -> tantivy::Result<usize> {
    let largest = searcher
        .segment_readers()
        .iter()
        .max_by_key(|r| r.max_doc());
    let Some(largest) = largest.filter(|r| r.max_doc() > 0) else {
        return Ok(1);
    };
    let cost = weight.scorer(largest, 1.0)?.cost();
    let scaled = cost.saturating_mul(total) / u64::from(largest.max_doc());
    Ok((scaled / MIN_PART_COST).max(1) as usize)
}

/// Collects the matches in each range of one part.
fn collect_part<C: Collector>(
    searcher: &Searcher,
    weight: &dyn Weight,
    collector: &C,
    part: &[Range],
    scoring: bool,
) -> tantivy::Result<Vec<<C::Child as SegmentCollector>::Fruit>> {
    let mut fruits = Vec::with_capacity(part.len());
    for range in part {
        let reader = searcher.segment_reader(range.segment);
        if range.start == 0 && range.end == reader.max_doc() {
            fruits.push(collector.collect_segment(weight, range.segment, reader)?);
            continue;
        }
        let mut child = collector.for_segment(range.segment, reader)?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        if doc < range.start {
            doc = scorer.seek(range.start);
        }
        let alive = reader.alive_bitset();
        // `TERMINATED` is above every range's end.
        while doc < range.end {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let score = if scoring { scorer.score() } else { 0.0 };
                child.collect(doc, score);
            }
            doc = scorer.advance();
        }
        fruits.push(child.harvest());
    }
    Ok(fruits)
}

/// Cuts the documents of segments of these sizes into `parts` parts of about equal size, in
/// order; a segment is split where a part ends.
fn partition(sizes: &[DocId], parts: usize) -> Vec<Vec<Range>> {
    let total: u64 = sizes.iter().map(|&s| u64::from(s)).sum();
    let share = total.div_ceil(parts.max(1) as u64).max(1);
    let (mut out, mut part) = (Vec::new(), Vec::new());
    let mut room = share;
    for (segment, &size) in sizes.iter().enumerate() {
        let mut start = 0;
        while start < size {
            let take = u64::from(size - start).min(room) as DocId;
            part.push(Range {
                segment: segment as u32,
                start,
                end: start + take,
            });
            start += take;
            room -= u64::from(take);
            if room == 0 {
                out.push(std::mem::take(&mut part));
                room = share;
            }
        }
    }
    if !part.is_empty() {
        out.push(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every document is in exactly one part, the parts are in order and about equal.
        #[test]
        fn parts_cover_every_document_once(
            sizes in proptest::collection::vec(0u32..5_000, 0..6),
            parts in 1usize..5,
        ) {
            let cut = partition(&sizes, parts);
            prop_assert!(cut.len() <= parts);
            let flat: Vec<Range> = cut.iter().flatten().copied().collect();
            let mut expected = Vec::new();
            for (segment, &size) in sizes.iter().enumerate() {
                expected.extend((0..size).map(|d| (segment as u32, d)));
            }
            let got: Vec<(u32, DocId)> = flat
                .iter()
                .flat_map(|r| (r.start..r.end).map(move |d| (r.segment, d)))
                .collect();
            prop_assert_eq!(got, expected);
            let total: u32 = sizes.iter().sum();
            let share = total.div_ceil(parts as u32);
            for part in &cut {
                let docs: u32 = part.iter().map(|r| r.end - r.start).sum();
                prop_assert!(docs <= share && docs > 0);
            }
        }
    }
}
