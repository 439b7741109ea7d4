//! What the metrics report about the data: log positions, projects by state, sizes.

use std::time::{Duration, Instant};

use super::{Readiness, Service, ServiceError};
use crate::model::State;

/// A count of projects by state that took longer than this is redone at most every
/// [`RECOUNT_AFTER`] while writes go on (a scan of a large store); a quicker one every time
/// the log moved.
const SLOW_COUNT: Duration = Duration::from_millis(20);
/// See [`SLOW_COUNT`].
const RECOUNT_AFTER: Duration = Duration::from_secs(10);

/// Projects by state, counted at a log position.
pub(super) struct StateCounts {
    seq: u64,
    at: Instant,
    took: Duration,
    counts: [u64; State::ALL.len()],
}

/// A snapshot of the service for `/metrics`.
#[derive(Clone, Debug)]
pub struct Vitals {
    /// Last log sequence number written.
    pub log_seq: u64,
    /// Last log sequence number visible to search.
    pub indexed_seq: u64,
    /// Searchable (published) projects in the index.
    pub searchable: u64,
    /// Index segments.
    pub segments: usize,
    /// Projects in the store by state (on a large store, up to 10 s old while writes go on).
    pub by_state: Vec<(State, u64)>,
    /// Bytes of the store on disk.
    pub store_bytes: u64,
    /// Bytes of the index on disk.
    pub index_bytes: u64,
}

impl Vitals {
    /// Log entries written but not yet searchable.
    pub fn index_lag(&self) -> u64 {
        self.log_seq.saturating_sub(self.indexed_seq)
    }
}

impl Service {
    /// The numbers `/metrics` reports. Projects by state are counted with a scan of the
    /// store when the log moved (on a large store, at most every 10 s).
    ///
    /// # Errors
    /// Storage errors.
    pub fn vitals(&self) -> Result<Vitals, ServiceError> {
        let Readiness {
            indexed_seq,
            log_seq,
            documents,
            segments,
            ..
        } = self.readiness()?;
        let counts = self.state_counts(log_seq)?;
        let (store_bytes, index_bytes) = self.disk_usage()?;
        Ok(Vitals {
            log_seq,
            indexed_seq,
            searchable: documents,
            segments,
            by_state: State::ALL.iter().copied().zip(counts).collect(),
            store_bytes,
            index_bytes,
        })
    }

    fn state_counts(&self, log_seq: u64) -> Result<[u64; State::ALL.len()], ServiceError> {
        let mut cached = self
            .state_counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(c) = cached.as_ref() {
            if c.seq == log_seq || (c.took > SLOW_COUNT && c.at.elapsed() < RECOUNT_AFTER) {
                return Ok(c.counts);
            }
        }
        let started = Instant::now();
        let mut counts = [0; State::ALL.len()];
        for project in self.store.projects() {
            let state = project?.state;
            if let Some(i) = State::ALL.iter().position(|s| *s == state) {
                counts[i] += 1;
            }
        }
        *cached = Some(StateCounts {
            seq: log_seq,
            at: Instant::now(),
            took: started.elapsed(),
            counts,
        });
        Ok(counts)
    }
}
