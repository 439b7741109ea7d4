//! Projects by state, counted with a scan of the store and kept while the log stands still.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::ServiceError;
use crate::model::State;
use crate::store::Store;

/// A count of projects by state that took longer than this is redone at most every
/// [`RECOUNT_AFTER`] while writes go on (a scan of a large store); a quicker one every time
/// the log moved.
const SLOW_COUNT: Duration = Duration::from_millis(20);
/// See [`SLOW_COUNT`].
const RECOUNT_AFTER: Duration = Duration::from_secs(10);

/// The last count of projects by state, if any.
#[derive(Default)]
pub(super) struct StateCounts(Mutex<Option<Counted>>);

/// Projects by state, counted at a log position.
struct Counted {
    seq: u64,
    at: Instant,
    took: Duration,
    counts: [u64; State::ALL.len()],
}

impl StateCounts {
    /// Projects in `store` by state (in the order of [`State::ALL`]) at log position
    /// `log_seq`: counted again when the log moved (on a large store, at most every 10 s).
    pub(super) fn at(
        &self,
        store: &Store,
        log_seq: u64,
    ) -> Result<[u64; State::ALL.len()], ServiceError> {
        let mut cached = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(c) = cached.as_ref() {
            if c.seq == log_seq || (c.took > SLOW_COUNT && c.at.elapsed() < RECOUNT_AFTER) {
                return Ok(c.counts);
            }
        }
        let started = Instant::now();
        let mut counts = [0; State::ALL.len()];
        for project in store.projects() {
            let state = project?.state;
            if let Some(i) = State::ALL.iter().position(|s| *s == state) {
                counts[i] += 1;
            }
        }
        *cached = Some(Counted {
            seq: log_seq,
            at: Instant::now(),
            took: started.elapsed(),
            counts,
        });
        Ok(counts)
    }
}
