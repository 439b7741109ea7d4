//! The sample projects, loaded into an empty data directory unless told not to.

use super::{Service, ServiceError};

/// The sample projects loaded into an empty data directory (`seed/projects.ndjson`).
pub const SEED_PROJECTS: &str = include_str!("../../seed/projects.ndjson");

impl Service {
    /// Imports the sample projects, published; returns the log position after them.
    pub(super) fn seed(&self) -> Result<u64, ServiceError> {
        let report = self.import_ndjson(SEED_PROJECTS.as_bytes(), true)?;
        tracing::info!(projects = report.created, "seeded the sample projects");
        Ok(report.last_seq)
    }
}
