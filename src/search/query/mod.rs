//! Turning a [`SearchRequest`](crate::model::SearchRequest) into tantivy queries: the text
//! query, the filter clauses, the main query for hits and the relaxed query the facet
//! collector scans.
//!
//! A typed word matches when any of its forms does: its analysis in each language's title
//! and body fields (title weighted above the organization, the organization above the
//! description), a typo-tolerant form (one edit from 5 letters, two from 9, never for words
//! with digits) and, for the last word of a query typed without a trailing space, its
//! prefix. Synonyms and taxonomy mentions add their alternatives to the words they cover;
//! consecutive words also score as an exact phrase (added to the best candidates only, by
//! `rescore.rs`).
//!
//! The parts: `text.rs` plans the text query against a `context.rs`, `words.rs` gives one
//! typed word its forms, `expansion_cache.rs` keeps the typo and prefix expansions already
//! looked up, `filters.rs` builds the filter and tag clauses, `combine.rs` puts clauses
//! together; `features.rs` and `analyzers.rs` hold what a search is planned with.

mod analyzers;
mod combine;
mod context;
mod expansion_cache;
mod features;
mod filters;
mod text;
mod words;

pub use analyzers::QueryAnalyzers;
pub(crate) use combine::term;
pub use context::TextContext;
pub use expansion_cache::ExpansionCache;
pub use features::Features;
pub use filters::{both, confirmed_query, either, filter_query, hit_query, tag_query};
pub use text::{text_query, TextPlan, MAX_QUERY_ALTERNATIVES};
pub use words::typo_budget;
