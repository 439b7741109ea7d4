//! What the metrics report about the data: log positions, projects by state, sizes.

use std::sync::atomic::Ordering::Relaxed;

use super::{Readiness, Service, ServiceError};
use crate::model::State;

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
    /// Messages waiting to be delivered.
    pub mail_queued: u64,
    /// Messages delivered since the start.
    pub mail_sent: u64,
    /// Failed delivery attempts since the start.
    pub mail_failures: u64,
    /// Messages given up since the start.
    pub mail_dropped: u64,
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
        let counts = self.state_counts.at(&self.store, log_seq)?;
        let (store_bytes, index_bytes) = self.disk_usage()?;
        Ok(Vitals {
            log_seq,
            indexed_seq,
            searchable: documents,
            segments,
            by_state: State::ALL.iter().copied().zip(counts).collect(),
            store_bytes,
            index_bytes,
            mail_queued: self.outbox_depth() as u64,
            mail_sent: self.mail.sent.load(Relaxed),
            mail_failures: self.mail.failures.load(Relaxed),
            mail_dropped: self.mail.dropped.load(Relaxed),
        })
    }
}
