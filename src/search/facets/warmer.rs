//! The tantivy warmer that builds the facet tables of new segments before a searcher is
//! published, and forgets those of segments no searcher uses any more.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::{Searcher, SearcherGeneration, SegmentReader, Warmer};

use super::cache::{FacetCache, SegmentGeneration};

/// Builds the tables of new segments before a searcher is published.
pub struct FacetWarmer(pub Arc<FacetCache>);

impl FacetWarmer {
    /// Builds the tables and counts of these segments, one after the other.
    fn build(&self, readers: &[&SegmentReader]) -> tantivy::Result<()> {
        readers
            .iter()
            .try_for_each(|r| self.0.alive_tally(r).map(drop))
    }
}

impl Warmer for FacetWarmer {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        // Only segments not built yet: after a commit, usually one small new segment.
        let mut readers: Vec<&SegmentReader> = (searcher.segment_readers().iter())
            .filter(|r| !self.0.has_alive_tally(r))
            .collect();
        if readers.len() <= 1 {
            return self.build(&readers);
        }
        // The segments' tables are independent: build them on every core, largest segments
        // first and dealt out in turn, so that a server opening a large index is ready sooner.
        readers.sort_by_key(|r| std::cmp::Reverse(r.max_doc()));
        let threads = crate::search::parallel::cores();
        let shares: Vec<Vec<&SegmentReader>> = (0..threads.min(readers.len()))
            .map(|t| readers.iter().skip(t).step_by(threads).copied().collect())
            .collect();
        std::thread::scope(|scope| {
            let tasks: Vec<_> = (shares.iter())
                .map(|share| {
                    let task =
                        std::thread::Builder::new().spawn_scoped(scope, || self.build(share));
                    // Without a thread, the share is built here.
                    task.map_err(|_| self.build(share))
                })
                .collect();
            tasks.into_iter().try_for_each(|task| match task {
                Ok(running) => running.join().unwrap_or_else(|_| {
                    Err(tantivy::TantivyError::InternalError(
                        "building a facet table panicked".to_string(),
                    ))
                }),
                Err(built_here) => built_here,
            })
        })
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let keep: HashSet<SegmentGeneration> = live
            .iter()
            .flat_map(|g| g.segments().iter().map(|(id, opstamp)| (*id, *opstamp)))
            .collect();
        self.0.retain(&keep);
    }
}
