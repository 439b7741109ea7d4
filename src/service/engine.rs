//! The service itself: opening a data directory, and the single write path from the store
//! (truth) to the index (view).
//!
//! Writes go to sled first (record + log entry in one transaction, then flushed) and only
//! then to the indexer, in log order: one lock serializes "write, flush, hand to indexer",
//! so the index never runs ahead of durable data and never sees entries out of order.
//! Searches read the index only.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::state_counts::StateCounts;
use super::{Keys, ServiceConfig, ServiceError};
use crate::model::Project;
use crate::search::{IndexBatch, IndexDoc, IndexOp, IndexStart, IndexerHandle, SearchIndex};
use crate::store::{Change, ChangeKind, Keyed, Remember, Store};

/// How many records one store transaction (and one index batch) holds during bulk work.
pub(super) const CHUNK: usize = 1_000;

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
    pub(super) store: Store,
    pub(super) keys: Keys,
    pub(super) index: SearchIndex,
    indexer: IndexerHandle,
    pub(super) write_lock: Arc<Mutex<()>>,
    /// Log position the index must reach before the service is ready.
    ready_at: AtomicU64,
    /// Set when a write reached the store but not the indexer: writes stop until a restart
    /// replays the log, so the index never skips an entry.
    failed: AtomicBool,
    refresh_timeout: Duration,
    /// See [`Readiness::start_backlog`].
    start_backlog: u64,
    data_dir: PathBuf,
    /// Projects by state (see [`Service::vitals`]).
    pub(super) state_counts: StateCounts,
    /// When remembered answers were last pruned.
    pub(super) answers_pruned: std::sync::Mutex<Option<chrono::DateTime<Utc>>>,
    /// When expired sign-in links and sessions were last pruned, per space.
    pub(super) spaces_pruned: std::sync::Mutex<Vec<(crate::store::Space, chrono::DateTime<Utc>)>>,
    /// The mail sender's counters and wake-up call.
    pub mail: super::mail::MailState,
    /// Sign-in links asked for, per address.
    pub(super) sign_in_limits: super::account_rules::AddressLimits,
    /// Submission notices, per contact address (a public form must not mail any address
    /// at will).
    pub(super) notice_limits: super::account_rules::AddressLimits,
    /// How long a sign-in link works.
    pub(super) link_validity: Duration,
}

impl Service {
    /// After a bulk write to the store (import, restore), once the service is closed: does now
    /// the work the next open would do, so that a server starts quickly
    /// ([`Store::snapshot`]).
    ///
    /// # Errors
    /// Storage errors.
    pub fn settle(config: &ServiceConfig) -> Result<(), ServiceError> {
        Ok(Store::snapshot(&config.data_dir.join("store"))?)
    }

    /// Opens the data directory, starts the indexer, and brings the index up to date with the
    /// log in the background (a missing or outdated index is rebuilt from the store). Seeds the
    /// sample projects into an empty store when `config.seed` is set.
    ///
    /// # Errors
    /// [`crate::store::StoreError::Locked`] when another process holds the directory;
    /// storage and index errors.
    pub fn open(config: &ServiceConfig) -> Result<Arc<Service>, ServiceError> {
        let store = Store::open(&config.data_dir.join("store"))?;
        if store.is_restoring()? {
            return Err(ServiceError::Unavailable(format!(
                "a restore into {} did not finish: delete the directory and restore again",
                config.data_dir.display()
            )));
        }
        let (index, start) =
            SearchIndex::open(&config.data_dir.join("search"), config.facet_counting)?;
        let index = index.with_parts(config.search_parts);
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
            .map_err(|_| ServiceError::internal("write lock taken at start"))?;
        let service = Arc::new(Service {
            store,
            keys: Keys::new(&config.data_dir),
            index,
            indexer,
            write_lock,
            ready_at: AtomicU64::new(log_seq),
            failed: AtomicBool::new(false),
            refresh_timeout: config.refresh_timeout,
            start_backlog: log_seq - indexed,
            data_dir: config.data_dir.clone(),
            state_counts: StateCounts::default(),
            answers_pruned: std::sync::Mutex::new(None),
            spaces_pruned: std::sync::Mutex::new(Vec::new()),
            mail: super::mail::MailState::default(),
            sign_in_limits: super::account_rules::AddressLimits::default(),
            notice_limits: super::account_rules::AddressLimits::default(),
            link_validity: config.link_validity,
        });
        service.load_synonyms()?;
        if start == IndexStart::UpTo(log_seq) {
            drop(catch_up_guard);
        } else {
            service.catch_up(start, log_seq, catch_up_guard)?;
        }
        if config.seed && log_seq == 0 {
            let seeded_to = service.seed()?;
            service.ready_at.store(seeded_to, Ordering::SeqCst);
        }
        Ok(service)
    }

    /// Brings the index up to `log_seq` from `start` in a thread of its own; releases
    /// `guard` (the write lock) when the work is queued.
    fn catch_up(
        self: &Arc<Service>,
        start: IndexStart,
        log_seq: u64,
        guard: OwnedMutexGuard<()>,
    ) -> Result<(), ServiceError> {
        tracing::info!(?start, log_seq, "bringing the index up to date");
        let worker = self.clone();
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
                drop(guard);
            })
            .map_err(|e| ServiceError::caused("cannot start catch-up", e))?;
        Ok(())
    }

    /// Refuses writes after a storage or index failure (until a restart).
    pub(super) fn writable(&self) -> Result<(), ServiceError> {
        if self.failed.load(Ordering::SeqCst) || self.indexer.failed() {
            return Err(ServiceError::Unavailable(
                "writes are stopped after a storage or index failure; restart the server".into(),
            ));
        }
        Ok(())
    }

    /// Writes changes durably, then hands them to the indexer; returns the last sequence
    /// number (the caller holds the write lock).
    pub(super) fn commit_locked(&self, changes: &[Change]) -> Result<u64, ServiceError> {
        self.commit_locked_remembering(changes, None)
    }

    /// [`Service::commit_locked`], remembering an answer in the same store batch.
    pub(super) fn commit_locked_remembering(
        &self,
        changes: &[Change],
        remember: Option<Remember<'_>>,
    ) -> Result<u64, ServiceError> {
        self.commit_locked_with(changes, remember, &[])
    }

    /// [`Service::commit_locked_remembering`], with more records (queued messages, say) in
    /// the same store batch; the mail sender is woken when there are any.
    pub(super) fn commit_locked_with(
        &self,
        changes: &[Change],
        remember: Option<Remember<'_>>,
        extra: &[Keyed],
    ) -> Result<u64, ServiceError> {
        self.writable()?;
        let seq = self.store.write_with(changes, remember, extra)?;
        let ops = changes.iter().map(change_op).collect();
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
        if !extra.is_empty() {
            self.mail.wake();
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
                // After the clear, no project is in the index.
                ops.push(IndexOp::Add(Box::new(IndexDoc::from_project(&project))));
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

    /// The end of a bulk load (import, restore, reindex) that created or restored `added`
    /// projects: commits the index and may merge segments
    /// ([`crate::search::IndexerHandle::finish_bulk_load`]).
    ///
    /// # Errors
    /// When the indexer has stopped or the commit failed.
    pub fn finish_bulk_load(&self, added: u64) -> Result<(), ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        self.indexer.finish_bulk_load(added)?;
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

/// The index change of a write: a project just created cannot be in the index yet.
fn change_op(change: &Change) -> IndexOp {
    match change.kind {
        ChangeKind::Created if change.project.is_public() => {
            IndexOp::Add(Box::new(IndexDoc::from_project(&change.project)))
        }
        _ => index_op(&change.project),
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
