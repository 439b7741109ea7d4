//! Documents that pass the filters, counted by the values of one or two facets (the
//! statistics' cross-tabulations).

use std::collections::HashMap;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, DocSet, Searcher, TERMINATED};

use super::cache::FacetCache;
use super::filters::ActiveFilters;
use super::plan::Plan;
use super::segment::SegmentFacetData;
use crate::model::Dim;

/// Counts by (value of the first facet, value of the second or 0).
pub type GroupCounts = HashMap<(u64, u64), u64>;

/// Live documents that pass `filters` (and match `restriction`, a filter that is no facet,
/// when given), counted by the values of one or two facets: the key is (value of the first
/// facet, value of the second or 0). A document with several values counts once under
/// each.
///
/// # Errors
/// As [`FacetCache::segment`]; the restriction's own errors.
pub fn group_counts(
    cache: &FacetCache,
    searcher: &Searcher,
    filters: &ActiveFilters,
    restriction: Option<&dyn Query>,
    dims: (Dim, Option<Dim>),
) -> tantivy::Result<(u64, GroupCounts)> {
    let plan = Plan::new(filters);
    let weight = restriction
        .map(|q| q.weight(EnableScoring::disabled_from_searcher(searcher)))
        .transpose()?;
    let mut counter = GroupCounter::new(dims);
    for reader in searcher.segment_readers() {
        let data = cache.segment(reader)?;
        let alive = reader.alive_bitset();
        let mut count = |doc: DocId| {
            if alive.is_none_or(|a| a.is_alive(doc)) && plan.check(&data, doc).0 == 0 {
                counter.add(&data, doc);
            }
        };
        match &weight {
            Some(weight) => {
                let mut matches = weight.scorer(reader, 1.0)?;
                let mut doc = matches.doc();
                while doc != TERMINATED {
                    count(doc);
                    doc = matches.advance();
                }
            }
            None => (0..reader.max_doc()).for_each(count),
        }
    }
    Ok((counter.total, counter.groups))
}

/// Counts documents by their values of one or two facets.
struct GroupCounter {
    dims: (Dim, Option<Dim>),
    total: u64,
    groups: GroupCounts,
    /// The values of the document being counted, per facet.
    first: Vec<u64>,
    second: Vec<u64>,
}

impl GroupCounter {
    fn new(dims: (Dim, Option<Dim>)) -> GroupCounter {
        GroupCounter {
            dims,
            total: 0,
            groups: GroupCounts::new(),
            first: Vec::new(),
            second: Vec::new(),
        }
    }

    fn add(&mut self, data: &SegmentFacetData, doc: DocId) {
        self.total += 1;
        data.values_of(doc, self.dims.0, &mut self.first);
        match self.dims.1 {
            Some(dim) => data.values_of(doc, dim, &mut self.second),
            None => {
                self.second.clear();
                self.second.push(0);
            }
        }
        for a in &self.first {
            for b in &self.second {
                *self.groups.entry((*a, *b)).or_default() += 1;
            }
        }
    }
}
