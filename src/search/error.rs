//! What can go wrong in the search side.

/// Search failures (all internal: bad input is caught when the request is parsed).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be prepared.
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    /// The indexer thread has stopped.
    #[error("the indexer has stopped")]
    Closed,
    /// Anything else.
    #[error("{0}")]
    Internal(String),
}
