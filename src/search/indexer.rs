//! The one task that writes the index.
//!
//! It owns the tantivy `IndexWriter`, applies batches in the order it receives them, and
//! commits with the last applied log sequence number as the commit payload: soon after a
//! change when the last commit is at least an interval old, else one interval after the last
//! commit (or when many changes are waiting). After each commit it reloads the reader and
//! publishes the sequence number, so writers can wait until their change is searchable.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::query::AllQuery;
use tantivy::{IndexReader, IndexWriter, TantivyDocument, Term};
use tokio::sync::watch;

use super::document::IndexDoc;
use super::error::SearchError;
use super::parallel::cores;
use super::schema::{Fields, SCHEMA_VERSION};
use crate::model::ProjectId;

/// One change to the index.
#[derive(Clone, Debug)]
pub enum IndexOp {
    /// Add or replace a published project.
    Upsert(Box<IndexDoc>),
    /// Add a published project that the index cannot hold yet (just created, or after a
    /// `Clear`): no delete first. A delete stays queued in memory until the next commit;
    /// a bulk import of new projects queued one per project.
    Add(Box<IndexDoc>),
    /// Remove a project (no longer published); harmless when absent.
    Remove(ProjectId),
    /// Remove everything (the start of a rebuild).
    Clear,
}

/// Changes that bring the index up to log sequence number `seq`.
#[derive(Clone, Debug)]
pub struct IndexBatch {
    /// The changes, in log order.
    pub ops: Vec<IndexOp>,
    /// The last log sequence number these changes cover.
    pub seq: u64,
}

/// What a commit records about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitPayload {
    /// Last applied log sequence number.
    pub seq: u64,
    /// Schema version of the index.
    pub schema: u32,
}

/// Tuning of the indexer.
#[derive(Clone, Copy, Debug)]
pub struct IndexerConfig {
    /// Least time from the end of one timed commit to the start of the next, and so the
    /// longest wait of a change for its commit to start (an explicit commit, or many
    /// changes waiting, commit at once).
    pub commit_interval: Duration,
    /// How long a change waits for others to share its commit when the last commit is at
    /// least `commit_interval` old (never longer than `commit_interval`).
    pub commit_gather: Duration,
    /// Commit early once this many changes wait.
    pub max_uncommitted: usize,
    /// Indexing threads of the writer.
    pub threads: usize,
}

impl Default for IndexerConfig {
    /// A server's: a change's commit starts within 50 ms (after a quiet spell, within 5 ms),
    /// half the cores for indexing (the other half stays with searches and the writers
    /// feeding the index).
    fn default() -> IndexerConfig {
        IndexerConfig {
            commit_interval: Duration::from_millis(50),
            commit_gather: Duration::from_millis(5),
            max_uncommitted: 50_000,
            threads: cores().div_ceil(2).clamp(1, 4),
        }
    }
}

impl IndexerConfig {
    /// For the commands other than `serve`, which have the data directory to themselves
    /// (import, reindex, restore write to the index): nobody searches until they end, so
    /// every core indexes (up to 8) and commits are rare. Fewer commits mean fewer segments
    /// to merge.
    pub fn bulk() -> IndexerConfig {
        IndexerConfig {
            commit_interval: Duration::from_secs(60),
            commit_gather: Duration::from_secs(60),
            max_uncommitted: 500_000,
            threads: cores().clamp(1, 8),
        }
    }
}

type Ack = std::sync::mpsc::Sender<Result<(), String>>;

/// Tries of the merge of [`IndexerHandle::finish_bulk_load`]: a merge the policy started
/// earlier can take the same segments, and then whichever of the two ends last fails.
const MERGE_TRIES: usize = 3;

enum Msg {
    Batch(IndexBatch),
    Commit(Ack),
    FinishBulkLoad(u64, Ack),
}

/// The handle through which the service feeds the indexer.
pub struct IndexerHandle {
    tx: Option<SyncSender<Msg>>,
    failed: Arc<AtomicBool>,
    indexed: watch::Receiver<u64>,
    thread: Option<JoinHandle<()>>,
}

impl IndexerHandle {
    pub(crate) fn start(
        writer: IndexWriter,
        reader: IndexReader,
        fields: Fields,
        start_seq: u64,
        config: IndexerConfig,
    ) -> Result<IndexerHandle, SearchError> {
        // Room for a few hundred bulk batches, so an import is not held back by indexing.
        let (tx, rx) = sync_channel(256);
        let (seq_tx, seq_rx) = watch::channel(start_seq);
        let failed = Arc::new(AtomicBool::new(false));
        let task = Task {
            failed: failed.clone(),
            writer,
            reader,
            fields,
            seq_tx,
            config,
            pending: None,
            last_commit: Instant::now(),
        };
        let thread = std::thread::Builder::new()
            .name("indexer".into())
            .spawn(move || task.run(rx))
            .map_err(|e| SearchError::Internal(format!("cannot start the indexer thread: {e}")))?;
        Ok(IndexerHandle {
            tx: Some(tx),
            failed,
            indexed: seq_rx,
            thread: Some(thread),
        })
    }

    /// Queues a batch; blocks while the indexer is far behind (back-pressure).
    ///
    /// # Errors
    /// [`SearchError::Closed`] when the indexer has stopped.
    pub fn send(&self, batch: IndexBatch) -> Result<(), SearchError> {
        match &self.tx {
            Some(tx) => tx.send(Msg::Batch(batch)).map_err(|_| SearchError::Closed),
            None => Err(SearchError::Closed),
        }
    }

    /// Commits what is pending now and waits for it.
    ///
    /// # Errors
    /// [`SearchError::Closed`] when the indexer has stopped; [`SearchError::Internal`] when the
    /// commit failed or the indexer failed earlier.
    pub fn commit(&self) -> Result<(), SearchError> {
        self.ask(Msg::Commit)
    }

    /// The end of a bulk load that created `added` projects: commits what is pending and,
    /// when `added` is at least a quarter of the documents, merges the segments other than
    /// the largest into one if there are more than two, and waits for it. Every search
    /// visits every segment; merging costs about a second per ten thousand projects, which
    /// a small load into a large index should not pay. A failed merge is only logged: the
    /// index is whole with any number of segments.
    ///
    /// # Errors
    /// As [`IndexerHandle::commit`].
    pub fn finish_bulk_load(&self, added: u64) -> Result<(), SearchError> {
        self.ask(|ack| Msg::FinishBulkLoad(added, ack))
    }

    fn ask(&self, msg: impl FnOnce(Ack) -> Msg) -> Result<(), SearchError> {
        let (ack_tx, ack_rx) = std::sync::mpsc::channel();
        let tx = self.tx.as_ref().ok_or(SearchError::Closed)?;
        tx.send(msg(ack_tx)).map_err(|_| SearchError::Closed)?;
        ack_rx
            .recv()
            .map_err(|_| SearchError::Closed)?
            .map_err(SearchError::Internal)
    }

    /// Whether the indexer has stopped applying changes after an error. It then never claims
    /// a log position it has not applied; a restart replays the log from its last commit.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::SeqCst)
    }

    /// The last log sequence number that is committed and visible to searches.
    pub fn indexed_seq(&self) -> u64 {
        *self.indexed.borrow()
    }

    /// A receiver that sees every new indexed sequence number.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.indexed.clone()
    }

    /// Commits what is pending and stops the thread.
    pub fn shutdown(&mut self) {
        self.tx.take();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("the indexer thread panicked");
            }
        }
    }
}

impl Drop for IndexerHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

struct Task {
    failed: Arc<AtomicBool>,
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    seq_tx: watch::Sender<u64>,
    config: IndexerConfig,
    /// Last applied seq, when to commit at the latest, changes since the last commit.
    pending: Option<(u64, Instant, usize)>,
    /// When the last commit ended (at first, when the indexer started).
    last_commit: Instant,
}

impl Task {
    fn run(mut self, rx: Receiver<Msg>) {
        loop {
            let msg = match self.pending {
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some((_, deadline, _)) => {
                    rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                }
            };
            match msg {
                Ok(Msg::Batch(batch)) => {
                    self.apply(batch);
                    // Due by size, or by time even while batches keep coming.
                    let due = self.pending.is_some_and(|(_, deadline, n)| {
                        n >= self.config.max_uncommitted || Instant::now() >= deadline
                    });
                    if due {
                        let _ = self.commit();
                    }
                }
                Ok(Msg::Commit(ack)) => {
                    let result = self.commit();
                    let _ = ack.send(result);
                }
                Ok(Msg::FinishBulkLoad(added, ack)) => {
                    let result = self.finish_bulk_load(added);
                    let _ = ack.send(result);
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.commit();
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = self.commit();
                    break;
                }
            }
        }
        // Let merges in flight finish before the process lets go of the directory.
        if let Err(e) = self.writer.wait_merging_threads() {
            tracing::error!(error = %e, "waiting for index merges failed");
        }
    }

    fn add(&mut self, doc: &IndexDoc) -> Result<(), String> {
        let document: TantivyDocument = doc.to_document(&self.fields);
        self.writer
            .add_document(document)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn apply(&mut self, batch: IndexBatch) {
        if self.failed.load(Ordering::SeqCst) {
            return;
        }
        let n = batch.ops.len();
        for op in batch.ops {
            let result = match op {
                IndexOp::Upsert(doc) => {
                    self.writer
                        .delete_term(Term::from_field_text(self.fields.id, &doc.id().to_string()));
                    self.add(&doc)
                }
                IndexOp::Add(doc) => self.add(&doc),
                IndexOp::Remove(id) => {
                    self.writer
                        .delete_term(Term::from_field_text(self.fields.id, &id.to_string()));
                    Ok(())
                }
                // Every document added before, committed or still buffered, is deleted at
                // the next commit. Not `delete_all_documents`: in tantivy 0.27 it turns the
                // operation stamps back to those of the writer's start, and deletes queued
                // earlier then removed some documents added after it.
                IndexOp::Clear => self
                    .writer
                    .delete_query(Box::new(AllQuery))
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            };
            if let Err(e) = result {
                tracing::error!(error = %e, "indexing failed; the index stops here until a restart replays the log");
                self.failed.store(true, Ordering::SeqCst);
                return;
            }
        }
        self.pending = Some(match self.pending {
            Some((_, deadline, count)) => (batch.seq, deadline, count + n),
            None => (batch.seq, self.first_deadline(), n),
        });
    }

    /// When a change arriving with nothing pending is committed: after the gathering delay,
    /// but no sooner than an interval after the last commit.
    fn first_deadline(&self) -> Instant {
        let gather = self.config.commit_gather.min(self.config.commit_interval);
        let gathered = Instant::now() + gather;
        gathered.max(self.last_commit + self.config.commit_interval)
    }

    fn finish_bulk_load(&mut self, added: u64) -> Result<(), String> {
        // From this commit on, the policy starts no merge that could take our segments.
        self.writer.set_merge_policy(Box::new(NoMergePolicy));
        let committed = self.commit();
        if committed.is_ok() && added.saturating_mul(4) >= self.reader.searcher().num_docs() {
            if let Err(e) = self.merge_small() {
                tracing::warn!(error = %e, "the index stays in more segments");
            }
        }
        self.writer
            .set_merge_policy(Box::new(LogMergePolicy::default()));
        committed
    }

    /// Merges the committed segments other than the largest into one, when there are more
    /// than two.
    fn merge_small(&mut self) -> Result<(), String> {
        let started = Instant::now();
        let mut tries = 0;
        loop {
            let mut metas = self
                .writer
                .index()
                .searchable_segment_metas()
                .map_err(|e| e.to_string())?;
            if metas.len() <= 2 {
                return Ok(());
            }
            metas.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
            let small: Vec<_> = metas[1..].iter().map(|m| m.id()).collect();
            // The merged segments' files are removed when the merge ends, unless a copy of
            // their metas is still alive.
            drop(metas);
            tries += 1;
            match self.writer.merge(&small).wait() {
                Ok(_) => {
                    self.reader.reload().map_err(|e| e.to_string())?;
                    tracing::info!(
                        merged = small.len(),
                        seconds = started.elapsed().as_secs_f64(),
                        "index segments merged"
                    );
                    return Ok(());
                }
                Err(e) if tries < MERGE_TRIES => {
                    tracing::debug!(error = %e, "another merge took these segments; again");
                }
                Err(e) => return Err(format!("cannot merge the index: {e}")),
            }
        }
    }

    fn commit(&mut self) -> Result<(), String> {
        if self.failed.load(Ordering::SeqCst) {
            // Nothing will be committed: no deadline is left to wake the loop.
            self.pending = None;
            return Err("the indexer stopped after an error; restart to replay the log".into());
        }
        let Some((seq, _, _)) = self.pending else {
            return Ok(());
        };
        let payload = CommitPayload {
            seq,
            schema: SCHEMA_VERSION,
        };
        let started = Instant::now();
        let result = (|| -> tantivy::Result<()> {
            let mut prepared = self.writer.prepare_commit()?;
            let prepared_at = started.elapsed();
            prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
            prepared.commit()?;
            let committed_at = started.elapsed();
            self.reader.reload()?;
            tracing::debug!(
                seq,
                prepare_ms = prepared_at.as_secs_f64() * 1e3,
                commit_ms = (committed_at - prepared_at).as_secs_f64() * 1e3,
                reload_ms = (started.elapsed() - committed_at).as_secs_f64() * 1e3,
                "index commit"
            );
            Ok(())
        })();
        match result {
            Ok(()) => {
                self.pending = None;
                self.last_commit = Instant::now();
                self.seq_tx.send_replace(seq);
                Ok(())
            }
            Err(e) => {
                tracing::error!(error = %e, seq, "index commit failed; retrying");
                self.pending = Some((seq, Instant::now() + self.config.commit_interval, 0));
                Err(format!("index commit failed: {e}"))
            }
        }
    }
}
