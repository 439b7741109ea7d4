//! The typo and prefix expansions already looked up in the current index generation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::Searcher;

/// The cache key of a prefix expansion (typo expansions are keyed by their distance).
pub(super) const PREFIX: u8 = 0;
/// Most words the expansion cache holds before it starts again.
const CACHE_ENTRIES: usize = 20_000;

/// Expansions already looked up in the current index generation: popular words are looked
/// up in the term dictionary once per commit, not once per search.
#[derive(Default)]
pub struct ExpansionCache {
    inner: Mutex<(u64, ExpansionMap)>,
}

/// Expansions by word and kind.
type ExpansionMap = HashMap<(String, u8), Arc<Vec<String>>>;

impl ExpansionCache {
    /// The expansions of `word` of this kind ([`PREFIX`] or a typo distance) in the
    /// searcher's generation, computed now when they are not kept.
    pub(super) fn get_or(
        &self,
        searcher: &Searcher,
        word: &str,
        kind: u8,
        compute: impl FnOnce() -> Vec<String>,
    ) -> Arc<Vec<String>> {
        let generation = searcher.generation().generation_id();
        let key = (word.to_string(), kind);
        {
            let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            if guard.0 == generation {
                if let Some(found) = guard.1.get(&key) {
                    return found.clone();
                }
            }
        }
        let computed = Arc::new(compute());
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation < guard.0 {
            // A search on an older index finishing late: its words are not kept.
            return computed;
        }
        if guard.0 != generation || guard.1.len() >= CACHE_ENTRIES {
            guard.0 = generation;
            guard.1.clear();
        }
        guard.1.insert(key, computed.clone());
        computed
    }
}
