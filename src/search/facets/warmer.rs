//! The tantivy warmer that builds the facet tables of new segments before a searcher is
//! published, and forgets those of segments no searcher uses any more.

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::{Searcher, SearcherGeneration, Warmer};

use super::cache::{FacetCache, SegmentGeneration};

/// Builds the tables of new segments before a searcher is published.
pub struct FacetWarmer(pub Arc<FacetCache>);

impl Warmer for FacetWarmer {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for reader in searcher.segment_readers() {
            self.0.alive_tally(reader)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let keep: HashSet<SegmentGeneration> = live
            .iter()
            .flat_map(|g| g.segments().iter().map(|(id, opstamp)| (*id, *opstamp)))
            .collect();
        self.0.retain(&keep);
    }
}
