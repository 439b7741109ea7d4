//! The operations users perform, on top of the store (truth) and the index (view).
//!
//! [`Service`] is opened in `engine`, which also holds the single write path from the
//! store to the index; each other file adds one kind of operation to it.

mod account_rules;
pub mod accounts;
mod backup;
pub mod calls;
mod config;
pub mod csv_cells;
mod csv_labels;
mod discovery;
mod duplicates;
mod engine;
mod error;
mod export;
pub mod idempotency;
mod import;
pub mod keys;
mod lifecycle;
pub mod mail;
mod records;
mod report;
mod seed;
mod selections;
mod state_counts;
mod submit;
pub mod tokens;
pub mod update_requests;
mod vitals;

pub use backup::{BackupSummary, Manifest};
pub use config::ServiceConfig;
pub use discovery::{SynonymList, TagRequest, MAX_LIMIT};
pub use engine::{Readiness, Service};
pub use error::ServiceError;
pub use export::{export_filters, ExportFormat, ExportOptions};
pub use idempotency::IdempotencyKey;
pub use import::{ImportObserver, ImportOptions, ImportReport, KEPT_PROBLEMS};
pub use keys::{KeyError, KeyRecord, KeyRole, Keys};
pub use lifecycle::{Caller, Duplicate, ProjectView, QueueItem, Submitted};
pub use records::{records, Format, LineError, Record, Records};
pub use report::{english_label, Chapter, ChapterItem, Report, Row, Section, REPORT_FACETS};
pub use seed::SEED_PROJECTS;
pub use selections::selection_csv;
pub use vitals::Vitals;
