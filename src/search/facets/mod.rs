//! Exact disjunctive facet counts and the top hits, in one pass over the index.
//!
//! Each facet is counted over the documents that match the text and every *other* facet's
//! filter. The collector runs over the documents that fail at most one filter (the query
//! builder restricts the scan to those): a document failing none counts for every facet and
//! is a hit candidate; a document failing exactly one filter counts only for that filter's
//! facet.
//!
//! Per-document facet values are decoded once per segment from the fast fields into a
//! compact in-memory table ([`SegmentFacetData`], packed as `layout.rs` says), built by a
//! tantivy warmer when a new searcher is published, so the scan is a few bit operations per
//! document. Beside the table, each value's documents (`value_sets.rs`, `doc_sets.rs`): when
//! a segment has many matches, they are counted as a bitset, each value as
//! popcount(matches ∧ other filters ∧ value), at a cost independent of their number.
//!
//! The parts: `layout.rs` (the bit packing), `segment.rs` (the per-segment table),
//! `cache.rs` and `warmer.rs` (the tables of the live segments), `filters.rs` and `plan.rs` (what a
//! document must pass), `tally.rs` (the counts), `ranking.rs` (the order of hits),
//! `collector.rs` (the scan), `filtered.rs` (filters without text, over bitsets), `all_docs.rs`
//! and `groups.rs` (answers without a scan).

mod all_docs;
mod cache;
mod collector;
mod doc_sets;
mod filtered;
mod filters;
mod groups;
mod layout;
mod plan;
mod ranking;
mod segment;
mod tally;
#[cfg(test)]
mod tests;
mod value_sets;
mod warmer;

pub use all_docs::{all_docs_tally, all_docs_top};
pub use cache::{FacetCache, FacetCounting};
pub use collector::{Collected, FacetsAndTop};
pub use filtered::{filtered, filtered_by_bitsets};
pub use filters::{Accept, ActiveFilters};
pub use groups::{group_counts, GroupCounts};
pub use ranking::{Candidate, Ranking};
pub use segment::SegmentFacetData;
pub use tally::FacetTally;
pub use warmer::FacetWarmer;
