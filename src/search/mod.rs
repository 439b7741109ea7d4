//! The search side: a tantivy index that is a rebuildable view of the published projects.
//!
//! It is fed [`IndexBatch`]es through the [`IndexerHandle`] and answers [`SearchRequest`]s
//! from the index alone (fast fields for counts, stored summaries for hits). It knows nothing
//! of sled: the service layer feeds it, so another engine could take its place.
//!
//! [`SearchIndex`] (in `engine.rs`) holds the index; each of its jobs has a file: a search
//! (`pipeline.rs`: plan, scan, hits; `rescore.rs`: the phrase boosts of the best hits),
//! statistics (`groups.rs`), related and similar projects (`related.rs`),
//! search-as-you-type (`suggest.rs`) and tag suggestions (`tagging.rs`). This file only
//! declares the parts and names what they offer.
//!
//! [`SearchRequest`]: crate::model::SearchRequest

pub mod analysis;
pub mod document;
mod engine;
mod error;
pub mod expansion;
mod facet_counts;
pub mod facets;
mod groups;
pub mod indexer;
pub mod parallel;
mod pipeline;
pub mod query;
pub mod related;
mod rescore;
pub mod schema;
pub mod snippet;
pub mod suggest;
pub mod tagging;

pub use document::IndexDoc;
pub use engine::{IndexStart, SearchIndex};
pub use error::SearchError;
pub use expansion::{SynonymTable, Tag};
pub use facets::FacetCounting;
pub use indexer::{CommitPayload, IndexBatch, IndexOp, IndexerConfig, IndexerHandle};
pub use query::{Features, QueryAnalyzers};
pub use snippet::escape_html;
pub use tagging::TagWeights;
