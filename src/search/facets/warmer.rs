//! The tantivy warmer that builds the facet tables of new segments before a searcher is
//! published, and forgets those of segments no searcher uses any more.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::{Searcher, SearcherGeneration, SegmentReader, Warmer};

use super::cache::{FacetCache, SegmentGeneration};

/// Builds the tables of new segments before a searcher is published.
pub struct FacetWarmer(pub Arc<FacetCache>);

impl Warmer for FacetWarmer {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        // The segments' tables are independent: build them on every core, largest segments
        // first and dealt out in turn, so that a server opening a large index is ready sooner.
        let mut readers: Vec<&SegmentReader> = searcher.segment_readers().iter().collect();
        readers.sort_by_key(|r| std::cmp::Reverse(r.max_doc()));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let shares: Vec<Vec<&SegmentReader>> = (0..threads)
            .map(|t| readers.iter().skip(t).step_by(threads).copied().collect())
            .filter(|share: &Vec<&SegmentReader>| !share.is_empty())
            .collect();
        std::thread::scope(|scope| {
            let tasks: Vec<_> = shares
                .into_iter()
                .map(|share| {
                    scope.spawn(move || -> tantivy::Result<()> {
                        for reader in share {
                            self.0.alive_tally(reader)?;
                        }
                        Ok(())
                    })
                })
                .collect();
            tasks.into_iter().try_for_each(|task| {
                task.join().unwrap_or_else(|_| {
                    Err(tantivy::TantivyError::InternalError(
                        "building a facet table panicked".to_string(),
                    ))
                })
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
