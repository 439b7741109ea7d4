//! Why storage failed.

use std::path::PathBuf;

/// Storage failures: all are fail-stop, none is the client's fault.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process (usually a running server) holds the data directory.
    #[error(
        "the data directory {0} is in use by another stocktaking process (is a server running?)"
    )]
    Locked(PathBuf),
    /// sled reported an I/O or internal error.
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    /// A stored value could not be decoded.
    #[error("corrupt record: {0}")]
    Corrupt(String),
}
