//! The facet tables of the live segments, and their counts over every live document.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use tantivy::index::SegmentId;
use tantivy::SegmentReader;

use super::doc_sets::Bits;
use super::layout::COUNT_ALL;
use super::segment::SegmentFacetData;
use super::tally::FacetTally;

/// A segment as of one delete generation.
pub(super) type SegmentGeneration = (SegmentId, Option<u64>);

/// How a search counts its matches' facet values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FacetCounting {
    /// Per segment, whichever costs less: few matches by their rows of the facet table,
    /// many as a bitset against each value's documents.
    #[default]
    Auto,
    /// Always by the rows of the facet table.
    Table,
    /// Always as bitsets.
    Bitsets,
}

/// The per-segment tables of the live searchers, kept up to date by a tantivy warmer.
#[derive(Default)]
pub struct FacetCache {
    /// How searches count.
    pub(super) counting: FacetCounting,
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFacetData>>>,
    /// Counts over every live document of a segment, per delete generation.
    alive: Mutex<HashMap<SegmentGeneration, Arc<FacetTally>>>,
    /// The live documents of a segment, per delete generation.
    alive_docs: Mutex<HashMap<SegmentGeneration, Arc<Bits>>>,
}

impl FacetCache {
    /// An empty cache for searches that count as `counting` says.
    pub fn new(counting: FacetCounting) -> FacetCache {
        FacetCache {
            counting,
            ..FacetCache::default()
        }
    }

    /// The table of a segment, built now if the warmer has not built it yet.
    ///
    /// # Errors
    /// When a fast field is missing (an index of another schema).
    pub fn segment(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentFacetData>> {
        let id = reader.segment_id();
        if let Some(data) = lock(&self.segments).get(&id) {
            return Ok(data.clone());
        }
        let data = Arc::new(SegmentFacetData::build(reader)?);
        lock(&self.segments).insert(id, data.clone());
        Ok(data)
    }

    /// Whether the counts over a segment's live documents are built.
    pub(super) fn has_alive_tally(&self, reader: &SegmentReader) -> bool {
        lock(&self.alive).contains_key(&(reader.segment_id(), reader.delete_opstamp()))
    }

    /// Counts over every live document of a segment (what a search with no text and no
    /// filter counts), built now if the warmer has not built them yet.
    ///
    /// # Errors
    /// As [`FacetCache::segment`].
    pub fn alive_tally(&self, reader: &SegmentReader) -> tantivy::Result<Arc<FacetTally>> {
        let key = (reader.segment_id(), reader.delete_opstamp());
        if let Some(t) = lock(&self.alive).get(&key) {
            return Ok(t.clone());
        }
        let data = self.segment(reader)?;
        let mut tally = FacetTally::new();
        for doc in 0..reader.max_doc() {
            if reader
                .alive_bitset()
                .is_none_or(|alive| alive.is_alive(doc))
            {
                tally.total += 1;
                tally.add(&data, doc, COUNT_ALL);
            }
        }
        let tally: Arc<FacetTally> = Arc::from(tally);
        lock(&self.alive).insert(key, tally.clone());
        Ok(tally)
    }

    /// The live documents of a segment as a bitset, made now if no search has asked for
    /// them since the segment's last deletion.
    pub(super) fn alive_docs(&self, reader: &SegmentReader) -> Arc<Bits> {
        let key = (reader.segment_id(), reader.delete_opstamp());
        if let Some(bits) = lock(&self.alive_docs).get(&key) {
            return bits.clone();
        }
        let mut bits = Bits::all(reader.max_doc() as usize);
        if let Some(alive) = reader.alive_bitset() {
            for doc in 0..reader.max_doc() {
                if !alive.is_alive(doc) {
                    bits.remove(doc);
                }
            }
        }
        let bits = Arc::new(bits);
        lock(&self.alive_docs).insert(key, bits.clone());
        bits
    }

    /// Forgets the segments (and delete generations) no live searcher uses.
    pub(super) fn retain(&self, live: &HashSet<SegmentGeneration>) {
        lock(&self.segments).retain(|id, _| live.iter().any(|(k, _)| k == id));
        lock(&self.alive).retain(|key, _| live.contains(key));
        lock(&self.alive_docs).retain(|key, _| live.contains(key));
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding these locks cannot leave the maps inconsistent.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
