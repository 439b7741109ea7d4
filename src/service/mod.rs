//! The operations users perform, on top of the store (truth) and the index (view).
//!
//! Writes go to sled first (record + log entry in one transaction, then flushed) and only
//! then to the indexer, in log order: one lock serializes "write, flush, hand to indexer",
//! so the index never runs ahead of durable data and never sees entries out of order.
//! Searches read the index only.

mod backup;
pub mod csv_cells;
mod discovery;
mod duplicates;
mod export;
pub mod idempotency;
mod import;
pub mod keys;
mod lifecycle;
mod records;
mod report;
mod selections;
pub mod tokens;
mod vitals;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::Mutex;

pub use backup::{BackupSummary, Manifest};
pub use discovery::{SynonymList, TagRequest, MAX_LIMIT};
pub use duplicates::duplicate_reason;
pub use export::{ExportFormat, ExportOptions};
pub use idempotency::IdempotencyKey;
pub use import::{ImportObserver, ImportOptions, ImportReport, LineError, KEPT_PROBLEMS};
pub use keys::{KeyError, KeyRecord, KeyRole, Keys};
pub use lifecycle::{Caller, Duplicate, ProjectView, QueueItem};
pub use records::{records, Format, Record, Records};
pub use report::{english_label, Chapter, ChapterItem, Report, Row, Section, REPORT_FACETS};
pub use selections::selection_csv;
pub use vitals::Vitals;

use crate::model::{
    parse_submission, Action, ParamError, Project, ProjectId, Role, SearchRequest, State,
    SubmissionKind, Transition, ValidationErrors,
};
use crate::search::{
    IndexBatch, IndexDoc, IndexOp, IndexStart, IndexerConfig, IndexerHandle, SearchError,
    SearchIndex, SearchResults,
};
use crate::store::{Change, ChangeKind, Store, StoreError};

/// How many records one store transaction (and one index batch) holds during bulk work.
const CHUNK: usize = 1_000;

/// Why an operation failed; the HTTP layer maps the kind to a status.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The submitted fields are invalid.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// A query parameter is invalid.
    #[error(transparent)]
    BadParameter(#[from] ParamError),
    /// No such record, or the caller may not see it.
    #[error("{0}")]
    NotFound(String),
    /// Credentials are missing or wrong.
    #[error("{0}")]
    Unauthorized(String),
    /// The caller is known but may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The record changed meanwhile, or its state does not allow the move.
    #[error("{message}")]
    Conflict {
        /// `version_conflict` or `invalid_transition`.
        code: &'static str,
        /// What the state or version is.
        message: String,
    },
    /// Too many writes from one client; retry after this many seconds.
    #[error("too many submissions and edits from this client; retry in {retry_after} s")]
    RateLimited {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// A conditional write came without its condition (`If-Match`).
    #[error("{0}")]
    PreconditionRequired(String),
    /// The service cannot take this request now (data directory held elsewhere, or writes
    /// stopped after a storage or index failure).
    #[error("{0}")]
    Unavailable(String),
    /// Every turn for this kind of work is taken; retry after this many seconds.
    #[error("{message}")]
    Busy {
        /// What is busy.
        message: String,
        /// Seconds to wait.
        retry_after: u64,
    },
    /// Our fault: storage or index errors.
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> ServiceError {
        match e {
            StoreError::Locked(_) => ServiceError::Unavailable(e.to_string()),
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

impl From<SearchError> for ServiceError {
    fn from(e: SearchError) -> ServiceError {
        ServiceError::Internal(e.to_string())
    }
}

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
}

impl ServiceConfig {
    /// Defaults for a data directory.
    pub fn new(data_dir: impl Into<PathBuf>) -> ServiceConfig {
        ServiceConfig {
            data_dir: data_dir.into(),
            seed: true,
            indexer: IndexerConfig::default(),
            refresh_timeout: Duration::from_secs(30),
        }
    }
}

/// The answer to a submission.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct Submitted {
    /// The new project's id.
    pub id: ProjectId,
    /// Always `pending`.
    pub state: State,
    /// The secret that lets the submitter see and revise the submission; shown once.
    pub edit_token: String,
    /// The log sequence number of the write.
    pub seq: u64,
    /// The first answer to the same `Idempotency-Key` and body, given again.
    #[serde(skip)]
    #[schema(ignore)]
    pub replayed: bool,
}

/// Whether the index has caught up with the log it found at start.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct Readiness {
    /// True once the start-up catch-up is searchable.
    pub ready: bool,
    /// Last log sequence number visible to search.
    pub indexed_seq: u64,
    /// Last log sequence number written.
    pub log_seq: u64,
    /// Searchable (published) projects.
    pub documents: u64,
    /// Index segments.
    pub segments: usize,
    /// Log entries the index had not applied when the service opened: 0 after a clean
    /// shutdown, the whole log when the index was rebuilt.
    pub start_backlog: u64,
}

/// The service: store, index and the single write path between them.
pub struct Service {
    store: Store,
    keys: Keys,
    index: SearchIndex,
    indexer: IndexerHandle,
    write_lock: Arc<Mutex<()>>,
    /// Log position the index must reach before the service is ready.
    ready_at: AtomicU64,
    /// Set when a write reached the store but not the indexer: writes stop until a restart
    /// replays the log, so the index never skips an entry.
    failed: Arc<AtomicBool>,
    refresh_timeout: Duration,
    /// See [`Readiness::start_backlog`].
    start_backlog: u64,
    data_dir: PathBuf,
    /// Projects by state, counted at a log position (see [`Service::vitals`]).
    state_counts: std::sync::Mutex<Option<vitals::StateCounts>>,
    /// When remembered answers were last pruned.
    answers_pruned: std::sync::Mutex<Option<chrono::DateTime<Utc>>>,
}

impl Service {
    /// Opens the data directory, starts the indexer, and brings the index up to date with the
    /// log in the background (a missing or outdated index is rebuilt from the store). Seeds the
    /// sample projects into an empty store when `config.seed` is set.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another process holds the directory; storage and index
    /// errors.
    pub fn open(config: &ServiceConfig) -> Result<Arc<Service>, ServiceError> {
        let store = Store::open(&config.data_dir.join("store"))?;
        if store.is_restoring()? {
            return Err(ServiceError::Unavailable(format!(
                "a restore into {} did not finish: delete the directory and restore again",
                config.data_dir.display()
            )));
        }
        let (index, start) = SearchIndex::open(&config.data_dir.join("search"))?;
        let log_seq = store.last_seq()?;
        let start = match start {
            IndexStart::UpTo(seq) if seq <= log_seq => IndexStart::UpTo(seq),
            _ => IndexStart::Rebuild,
        };
        let indexed = match start {
            IndexStart::UpTo(seq) => seq,
            IndexStart::Rebuild => 0,
        };
        let indexer = index.start_indexer(indexed, config.indexer)?;
        let write_lock = Arc::new(Mutex::new(()));
        // Taken before anyone else can write, released when the catch-up is queued.
        let catch_up_guard = write_lock
            .clone()
            .try_lock_owned()
            .map_err(|_| ServiceError::Internal("write lock taken at start".into()))?;
        let service = Arc::new(Service {
            store,
            keys: Keys::new(&config.data_dir),
            index,
            indexer,
            write_lock,
            ready_at: AtomicU64::new(log_seq),
            failed: Arc::new(AtomicBool::new(false)),
            refresh_timeout: config.refresh_timeout,
            start_backlog: log_seq - indexed.min(log_seq),
            data_dir: config.data_dir.clone(),
            state_counts: std::sync::Mutex::new(None),
            answers_pruned: std::sync::Mutex::new(None),
        });
        service.load_synonyms()?;
        let needs_catch_up = match start {
            IndexStart::UpTo(seq) => seq < log_seq,
            IndexStart::Rebuild => true,
        };
        if needs_catch_up {
            tracing::info!(?start, log_seq, "bringing the index up to date");
            let worker = service.clone();
            std::thread::Builder::new()
                .name("index-catch-up".into())
                .spawn(move || {
                    let result = match start {
                        IndexStart::UpTo(seq) => worker.replay_after(seq),
                        IndexStart::Rebuild => worker.rebuild_unlocked(),
                    };
                    if let Err(e) = result {
                        tracing::error!(error = %e, "index catch-up failed; writes are refused until a restart");
                        worker.failed.store(true, Ordering::SeqCst);
                    }
                    drop(catch_up_guard);
                })
                .map_err(|e| ServiceError::Internal(format!("cannot start catch-up: {e}")))?;
        } else {
            drop(catch_up_guard);
        }
        if config.seed && log_seq == 0 {
            let report = service.import_ndjson(crate::SEED_PROJECTS.as_bytes(), true)?;
            tracing::info!(projects = report.created, "seeded the sample projects");
            service.ready_at.store(report.last_seq, Ordering::SeqCst);
        }
        Ok(service)
    }

    /// Writes changes durably, then hands them to the indexer; returns the last sequence
    /// number (the caller holds the write lock).
    fn commit_locked(&self, changes: &[Change]) -> Result<u64, ServiceError> {
        self.commit_locked_remembering(changes, None)
    }

    /// [`Service::commit_locked`], remembering an answer in the same store batch.
    fn commit_locked_remembering(
        &self,
        changes: &[Change],
        remember: Option<crate::store::Remember<'_>>,
    ) -> Result<u64, ServiceError> {
        if self.failed.load(Ordering::SeqCst) || self.indexer.failed() {
            return Err(ServiceError::Unavailable(
                "writes are stopped after a storage or index failure; restart the server".into(),
            ));
        }
        let seq = self.store.write_remembering(changes, remember)?;
        let ops = changes.iter().map(|c| index_op(&c.project)).collect();
        let handed_over = self
            .store
            .flush()
            .map_err(ServiceError::from)
            .and_then(|()| Ok(self.indexer.send(IndexBatch { ops, seq })?));
        if let Err(e) = handed_over {
            // The entry is in the store but perhaps not durable and not indexed: stop writing,
            // so no later entry can be committed to the index ahead of it.
            self.failed.store(true, Ordering::SeqCst);
            tracing::error!(error = %e, seq, "write not handed to the indexer; writes stopped");
            return Err(e);
        }
        Ok(seq)
    }

    /// Replays the log after `seq` into the index (caller holds the write lock).
    fn replay_after(&self, seq: u64) -> Result<(), ServiceError> {
        let mut ops = Vec::with_capacity(CHUNK);
        let mut last = seq;
        for entry in self.store.log_after(seq) {
            let entry = entry?;
            last = entry.seq;
            ops.push(match self.store.get(entry.project_id)? {
                Some(project) => index_op(&project),
                None => IndexOp::Remove(entry.project_id),
            });
            if ops.len() >= CHUNK {
                self.indexer.send(IndexBatch {
                    ops: std::mem::take(&mut ops),
                    seq: last,
                })?;
            }
        }
        if !ops.is_empty() || last > seq {
            self.indexer.send(IndexBatch { ops, seq: last })?;
        }
        Ok(())
    }

    /// Rebuilds the index from every stored project (caller holds the write lock).
    fn rebuild_unlocked(&self) -> Result<(), ServiceError> {
        let seq = self.store.last_seq()?;
        let mut ops = vec![IndexOp::Clear];
        for project in self.store.projects() {
            let project = project?;
            if project.is_public() {
                ops.push(IndexOp::Upsert(Box::new(IndexDoc::from_project(&project))));
            }
            if ops.len() >= CHUNK {
                // Until the last batch, a commit must not claim any log position: after a
                // crash mid-rebuild, the start-up catch-up then replays the whole log.
                self.indexer.send(IndexBatch {
                    ops: std::mem::take(&mut ops),
                    seq: 0,
                })?;
            }
        }
        self.indexer.send(IndexBatch { ops, seq })?;
        Ok(())
    }

    /// Rebuilds the index from the store and waits until it is committed.
    ///
    /// # Errors
    /// Storage and index errors.
    pub fn reindex(&self) -> Result<u64, ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        self.rebuild_unlocked()?;
        self.indexer.commit()?;
        Ok(self.index.doc_count())
    }

    /// Accepts a public submission: validated, stored as `pending`, durable on return. With
    /// a `key`, the same key and body within 24 hours get the first answer again.
    ///
    /// # Errors
    /// 403 for a read-only key; [`ServiceError::Invalid`] listing every bad field, or
    /// naming the key when it came with another body; storage errors.
    pub fn submit(
        &self,
        body: Value,
        caller: &Caller,
        key: Option<&IdempotencyKey>,
    ) -> Result<Submitted, ServiceError> {
        if let Caller::Reader(name) = caller {
            return Err(ServiceError::Forbidden(format!(
                "the key '{name}' is read-only"
            )));
        }
        let body_hash = key.map(|_| idempotency::body_hash(&body));
        let submission = parse_submission(body, SubmissionKind::Public)?;
        let _guard = self.write_lock.blocking_lock();
        let now = Utc::now();
        if let (Some(key), Some(hash)) = (key, &body_hash) {
            self.forget_old_answers(now)?;
            let earlier = self
                .store
                .remembered(&key.store_key(caller))?
                .and_then(|bytes| idempotency::Remembered::from_bytes(&bytes))
                .filter(|r| r.is_live(now));
            if let Some(earlier) = earlier {
                return earlier.replay(key, hash);
            }
        }
        let token = tokens::new_token();
        let project = Project {
            id: ProjectId::generate(),
            fields: submission.fields,
            contact: submission.contact,
            source_id: None,
            state: State::Pending,
            created_at: now,
            updated_at: now,
            version: 1,
            edit_token_hash: Some(tokens::hash(&token)),
            history: vec![Transition {
                at: now,
                action: Action::Submitted,
                from: None,
                to: State::Pending,
                by: Role::Submitter.name().to_string(),
                message: None,
                revision: false,
            }],
            revision: None,
        };
        let mut answer = Submitted {
            id: project.id,
            state: State::Pending,
            edit_token: token,
            seq: 0,
            replayed: false,
        };
        let change = [Change {
            project,
            kind: ChangeKind::Created,
        }];
        answer.seq = match (key, body_hash) {
            (Some(key), Some(hash)) => {
                let store_key = key.store_key(caller);
                let remember = |seq: u64| {
                    let first = Submitted {
                        seq,
                        ..answer.clone()
                    };
                    idempotency::Remembered::new(key, hash.clone(), &first, now).to_bytes()
                };
                self.commit_locked_remembering(&change, Some((&store_key, &remember)))?
            }
            _ => self.commit_locked(&change)?,
        };
        Ok(answer)
    }

    /// Forgets remembered answers older than a day, at most once an hour (caller holds the
    /// write lock).
    fn forget_old_answers(&self, now: chrono::DateTime<Utc>) -> Result<(), ServiceError> {
        let mut last = self
            .answers_pruned
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if last.is_some_and(|at| now - at < chrono::Duration::hours(1)) {
            return Ok(());
        }
        *last = Some(now);
        let forgotten = self.store.forget_remembered(|bytes| {
            idempotency::Remembered::from_bytes(bytes).is_some_and(|r| r.is_live(now))
        })?;
        if forgotten > 0 {
            tracing::debug!(forgotten, "forgot remembered answers older than a day");
        }
        Ok(())
    }

    /// Runs a search on the index (never on the store).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, ServiceError> {
        Ok(self.index.search(req)?)
    }

    /// Published projects that pass the filters, counted by one or two facets (from the
    /// index, so consistent with the search facets).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn stats(
        &self,
        filters: &crate::model::Filters,
        dims: (crate::search::Dim, Option<crate::search::Dim>),
    ) -> Result<crate::search::Groups, ServiceError> {
        Ok(self.index.group(filters, dims)?)
    }

    /// Imports NDJSON submissions (one object a line, `source_id` optional). A record whose
    /// `source_id` is known updates that project instead of adding one. Bad lines are
    /// reported with their number and field; good lines are kept. Durable on return.
    ///
    /// # Errors
    /// Storage and index errors (bad lines are not errors).
    pub fn import_ndjson(
        &self,
        input: impl std::io::BufRead,
        publish: bool,
    ) -> Result<ImportReport, ServiceError> {
        let options = ImportOptions {
            publish,
            ..ImportOptions::default()
        };
        self.import(records(Format::Ndjson, input), &options, &mut ())
    }

    /// Imports records (from [`records`]) through a mapping, or only checks them
    /// (`dry_run`); `observer` hears every rejected record and how far it got.
    ///
    /// # Errors
    /// Storage and index errors (bad records are not errors).
    pub fn import(
        &self,
        records: Records<'_>,
        options: &ImportOptions,
        observer: &mut dyn ImportObserver,
    ) -> Result<ImportReport, ServiceError> {
        import::run(self, records, options, observer)
    }

    /// Waits until the index has caught up with `seq` (for `refresh=wait_for`); gives up after
    /// the configured timeout and says so in the log.
    pub async fn wait_indexed(&self, seq: u64) {
        let mut rx = self.indexer.subscribe();
        let waited = tokio::time::timeout(self.refresh_timeout, rx.wait_for(|s| *s >= seq)).await;
        if waited.is_err() {
            tracing::warn!(seq, "refresh=wait_for timed out");
        }
    }

    /// Blocks until everything written so far is committed to the index.
    ///
    /// # Errors
    /// When the indexer has stopped.
    pub fn commit_index(&self) -> Result<(), ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        self.indexer.commit()?;
        Ok(())
    }

    /// Whether the index has caught up with the log found at start.
    ///
    /// # Errors
    /// Storage errors.
    pub fn readiness(&self) -> Result<Readiness, ServiceError> {
        let indexed_seq = self.indexer.indexed_seq();
        let healthy = !self.failed.load(Ordering::SeqCst) && !self.indexer.failed();
        Ok(Readiness {
            ready: healthy && indexed_seq >= self.ready_at.load(Ordering::SeqCst),
            indexed_seq,
            log_seq: self.store.last_seq()?,
            documents: self.index.doc_count(),
            segments: self.index.segment_count(),
            start_backlog: self.start_backlog,
        })
    }

    /// The taxonomy document.
    pub fn taxonomy(&self) -> &'static Value {
        &crate::model::taxonomy().document
    }

    /// Sizes on disk: (store bytes, index bytes).
    ///
    /// # Errors
    /// Storage errors.
    pub fn disk_usage(&self) -> Result<(u64, u64), ServiceError> {
        Ok((
            self.store.size_on_disk()?,
            dir_size(&self.data_dir.join("search")),
        ))
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Commits pending index work and flushes the store. Call once, at shutdown, when no
    /// request is left: a restart then finds nothing to replay.
    pub fn shutdown(&self) {
        if let Err(e) = self.commit_index() {
            tracing::warn!(error = %e, "final index commit failed");
        }
        if let Err(e) = self.store.flush() {
            tracing::warn!(error = %e, "final store flush failed");
        }
    }
}

/// The index change that brings a project's index entry in line with its record.
fn index_op(project: &Project) -> IndexOp {
    if project.is_public() {
        IndexOp::Upsert(Box::new(IndexDoc::from_project(project)))
    } else {
        IndexOp::Remove(project.id)
    }
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
