//! The settings a service opens with.

use std::path::PathBuf;
use std::time::Duration;

use crate::search::parallel::SearchParts;
use crate::search::{FacetCounting, IndexerConfig};

/// Settings of the service.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    /// The data directory (sled under `store/`, tantivy under `search/`).
    pub data_dir: PathBuf,
    /// Load the sample projects into an empty data directory.
    pub seed: bool,
    /// Indexer tuning.
    pub indexer: IndexerConfig,
    /// Longest wait for `refresh=wait_for`.
    pub refresh_timeout: Duration,
    /// How searches count facets (tests force each way; the default picks per segment).
    pub facet_counting: FacetCounting,
    /// How many threads a search collects its matches on (tests force a number; the default
    /// splits a large index while cores are idle).
    pub search_parts: SearchParts,
    /// How long a sign-in link works (15 minutes; tests shorten it).
    pub link_validity: Duration,
}

impl ServiceConfig {
    /// Defaults for a data directory.
    pub fn new(data_dir: impl Into<PathBuf>) -> ServiceConfig {
        ServiceConfig {
            data_dir: data_dir.into(),
            seed: true,
            indexer: IndexerConfig::default(),
            refresh_timeout: Duration::from_secs(30),
            facet_counting: FacetCounting::Auto,
            search_parts: SearchParts::Auto,
            link_validity: super::account_rules::LINK_VALIDITY,
        }
    }
}
