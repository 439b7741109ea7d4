//! sled storage, the source of truth: project records and the ordered change log.
//!
//! Everything lives in one sled tree under key prefixes: `p` + project id → record,
//! `l` + sequence number (big-endian, so byte order is numeric order) → log entry,
//! `s` + source id → project id, `m` + name → counters, `i` + hashed key → an answer
//! remembered for a repeated request, `d` + id → the dictionary records are compressed
//! with (see [`codec`]), and the small records of [`keyed`] (`o`, `n`, `u`, `a`). One tree means one write is one
//! `apply_batch`, which sled applies atomically: records and their log entries appear together
//! or not at all, and batches are much cheaper than multi-tree transactions.
//! A write is **not durable** until [`Store::flush`] returns; callers flush before they
//! acknowledge. Nothing here knows about tantivy or HTTP.

use std::path::Path;

use chrono::Utc;
use std::sync::Mutex;

use crate::model::{Project, ProjectId, Selection, SelectionId};

mod call_numbers;
mod codec;
mod error;
mod keyed;
mod log;

pub use error::StoreError;
pub use keyed::{json, normal_address, Keyed, Space, Spaces};
pub use log::{ChangeKind, LogEntry};

const PROJECT: u8 = b'p';
const LOG: u8 = b'l';
const SOURCE: u8 = b's';
const SELECTION: u8 = b'e';
/// `w` + project id: the projects waiting for the secretariat (the moderation queue).
const WAITING: u8 = b'w';
const WAITING_BUILT: &[u8] = b"mwaiting_v1";
const LAST_SEQ: &[u8] = b"mlast_seq";
/// Set once the owner index covers every project.
const OWNERS_BUILT: &[u8] = b"mowners_v1";
/// `c` + name: settings (the synonym sets).
const SETTING: u8 = b'c';
/// Present while a restore is loading the store: a store with it is incomplete.
const RESTORING: &[u8] = b"mrestoring";
/// `i` + key: answers remembered for repeated requests (`Idempotency-Key`).
const REMEMBERED: u8 = b'i';
/// `d` + zstd dictionary id (big-endian): the dictionary records are compressed with.
const DICTIONARY: u8 = b'd';

fn key(prefix: u8, rest: &[u8]) -> Vec<u8> {
    let mut k = Vec::with_capacity(rest.len() + 1);
    k.push(prefix);
    k.extend_from_slice(rest);
    k
}

/// An answer to remember with a write: its key, and the answer made from the write's
/// last sequence number.
pub type Remember<'a> = (&'a [u8], &'a dyn Fn(u64) -> Vec<u8>);

/// A record to write with its log entry.
#[derive(Clone, Debug)]
pub struct Change {
    /// The project's new state.
    pub project: Project,
    /// What happened.
    pub kind: ChangeKind,
}

/// The sled database and its trees.
pub struct Store {
    db: sled::Db,
    tree: sled::Tree,
    /// Reads records.
    decoder: codec::Decoder,
    /// Writes records; its lock serializes writers, so sequence numbers are handed out
    /// without gaps or repeats.
    writer: Mutex<codec::Encoder>,
    /// The small records beside the projects.
    spaces: Spaces,
}

impl Store {
    /// Opens (or creates) the store in `dir`.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another process has it open; other sled errors.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(sled::Error::Io)?;
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(256 * 1024 * 1024)
            .mode(sled::Mode::HighThroughput)
            .open()
            .map_err(|e| match e {
                sled::Error::Io(ref io) if io.to_string().contains("could not acquire lock") => {
                    StoreError::Locked(dir.to_path_buf())
                }
                other => StoreError::Sled(other),
            })?;
        let tree = db.open_tree("stocktaking")?;
        let (decoder, encoder) = open_codec(&tree)?;
        let store = Store {
            spaces: Spaces::new(tree.clone()),
            tree,
            db,
            decoder,
            writer: Mutex::new(encoder),
        };
        store.build_waiting_list()?;
        store.build_owner_index()?;
        store.number_old_calls()?;
        Ok(store)
    }

    /// Opens the store in `dir` once and closes it, waiting while another handle lets go.
    ///
    /// sled writes the snapshot of its page table only when it opens a database: until then
    /// every open reads the whole log written since the last one. After a bulk write
    /// (import, restore) this does that work once, so a server's start stays short.
    ///
    /// # Errors
    /// sled errors, or [`StoreError::Locked`] when the directory stays locked.
    pub fn snapshot(dir: &Path) -> Result<(), StoreError> {
        Store::open_when_free(dir).map(drop)
    }

    /// Opens the store in `dir`, waiting up to 5 s while another handle lets go: sled's
    /// background thread may hold the lock a moment after the last handle is dropped.
    fn open_when_free(dir: &Path) -> Result<Store, StoreError> {
        let mut waits = 0;
        loop {
            match Store::open(dir) {
                Err(StoreError::Locked(_)) if waits < 200 => {
                    waits += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                other => return other,
            }
        }
    }

    /// Marks the store as being restored (or no longer), durably.
    ///
    /// # Errors
    /// sled errors.
    pub fn set_restoring(&self, restoring: bool) -> Result<(), StoreError> {
        if restoring {
            self.tree.insert(RESTORING, &[])?;
        } else {
            self.tree.remove(RESTORING)?;
        }
        self.flush()
    }

    /// Whether a restore began and did not finish.
    ///
    /// # Errors
    /// sled errors.
    pub fn is_restoring(&self) -> Result<bool, StoreError> {
        Ok(self.tree.contains_key(RESTORING)?)
    }

    /// The small records beside the projects (outbox, sign-in links, sessions).
    pub fn spaces(&self) -> &Spaces {
        &self.spaces
    }

    /// The projects whose contact has this address (compared in lower case), in id order.
    ///
    /// # Errors
    /// sled errors, undecodable records.
    pub fn projects_of(&self, email: &str) -> Result<Vec<Project>, StoreError> {
        let wanted = normal_address(email);
        let mut found = Vec::new();
        for id in self.spaces.owned(email)? {
            // A project whose contact changed since it was indexed here is skipped.
            let Some(project) = self.get(id)? else {
                continue;
            };
            let owned =
                (project.contact.as_ref()).is_some_and(|c| normal_address(&c.email) == wanted);
            if owned {
                found.push(project);
            }
        }
        Ok(found)
    }

    /// Indexes by contact address the projects of a store written before the index (once).
    fn build_owner_index(&self) -> Result<(), StoreError> {
        if self.tree.contains_key(OWNERS_BUILT)? {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        for project in self.projects() {
            let project = project?;
            if let Some(contact) = &project.contact {
                batch.insert(keyed::owner_key(&contact.email, project.id), &[]);
            }
        }
        batch.insert(OWNERS_BUILT, &[]);
        self.tree.apply_batch(batch)?;
        Ok(())
    }

    /// Lists the waiting projects of a store written before the list existed (once).
    fn build_waiting_list(&self) -> Result<(), StoreError> {
        if self.tree.contains_key(WAITING_BUILT)? {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        for project in self.projects() {
            let project = project?;
            if project.is_waiting() {
                batch.insert(key(WAITING, &project.id.to_bytes()), &[]);
            }
        }
        batch.insert(WAITING_BUILT, &[]);
        self.tree.apply_batch(batch)?;
        Ok(())
    }

    /// The projects waiting for the secretariat (pending, or with a revision waiting), in
    /// id order.
    pub fn waiting(&self) -> impl Iterator<Item = Result<Project, StoreError>> + '_ {
        self.tree.scan_prefix([WAITING]).filter_map(|item| {
            let id = match item {
                Ok((k, _)) => <[u8; 16]>::try_from(&k[1..])
                    .ok()
                    .map(ProjectId::from_bytes)?,
                Err(e) => return Some(Err(e.into())),
            };
            self.get(id).transpose()
        })
    }

    /// One project by id.
    ///
    /// # Errors
    /// sled errors or an undecodable record.
    pub fn get(&self, id: ProjectId) -> Result<Option<Project>, StoreError> {
        match self.tree.get(key(PROJECT, &id.to_bytes()))? {
            None => Ok(None),
            Some(bytes) => self
                .decoder
                .decode(&bytes)
                .map(Some)
                .map_err(StoreError::Corrupt),
        }
    }

    /// The project imported under `source_id`, if any.
    ///
    /// # Errors
    /// sled errors.
    pub fn find_by_source_id(&self, source_id: &str) -> Result<Option<ProjectId>, StoreError> {
        Ok(self
            .tree
            .get(key(SOURCE, source_id.as_bytes()))?
            .and_then(|b| <[u8; 16]>::try_from(b.as_ref()).ok())
            .map(ProjectId::from_bytes))
    }

    /// Writes the changes and their log entries atomically; returns the last sequence number
    /// given (or the current one when `changes` is empty).
    ///
    /// Durability: none yet. Call [`Store::flush`] before acknowledging.
    ///
    /// # Errors
    /// sled errors.
    pub fn write(&self, changes: &[Change]) -> Result<u64, StoreError> {
        self.write_remembering(changes, None)
    }

    /// [`Store::write`], and in the same batch an answer to remember under a key: the
    /// answer is made from the last sequence number the write takes.
    ///
    /// # Errors
    /// sled errors.
    pub fn write_remembering(
        &self,
        changes: &[Change],
        remember: Option<Remember<'_>>,
    ) -> Result<u64, StoreError> {
        self.write_with(changes, remember, &[])
    }

    /// [`Store::write_remembering`], and in the same batch records of other spaces (the
    /// messages a change causes, say): all of it is written or none.
    ///
    /// # Errors
    /// sled errors.
    pub fn write_with(
        &self,
        changes: &[Change],
        remember: Option<Remember<'_>>,
        extra: &[Keyed],
    ) -> Result<u64, StoreError> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut trained = self.dictionary_if_due(&mut writer)?;
        let now = Utc::now();
        let mut seq = self.last_seq()?;
        let mut batch = sled::Batch::default();
        if let Some(t) = &trained {
            batch.insert(key(DICTIONARY, &t.id.to_be_bytes()), t.bytes.as_slice());
        }
        for change in changes {
            seq += 1;
            let id = change.project.id;
            let record = writer
                .encode(trained.as_mut(), &change.project)
                .map_err(StoreError::Corrupt)?;
            batch.insert(key(PROJECT, &id.to_bytes()), record);
            if change.project.is_waiting() {
                batch.insert(key(WAITING, &id.to_bytes()), &[]);
            } else {
                batch.remove(key(WAITING, &id.to_bytes()));
            }
            if let Some(source_id) = &change.project.source_id {
                batch.insert(key(SOURCE, source_id.as_bytes()), &id.to_bytes());
            }
            if let Some(contact) = &change.project.contact {
                batch.insert(keyed::owner_key(&contact.email, id), &[]);
            }
            let entry = LogEntry {
                seq,
                project_id: id,
                kind: change.kind,
                at: now,
            };
            batch.insert(key(LOG, &seq.to_be_bytes()), log::encode_entry(&entry));
        }
        batch.insert(LAST_SEQ, &seq.to_be_bytes());
        if let Some((k, answer)) = remember {
            batch.insert(key(REMEMBERED, k), answer(seq));
        }
        for (space, k, value) in extra {
            batch.insert(space.key(k), value.as_slice());
        }
        self.tree.apply_batch(batch)?;
        match trained {
            Some(t) => writer.adopt(t),
            None => writer.written(
                changes
                    .iter()
                    .filter(|c| c.kind == ChangeKind::Created)
                    .count(),
            ),
        }
        Ok(seq)
    }

    /// A dictionary trained on the first records, when the writer is due one.
    fn dictionary_if_due(
        &self,
        writer: &mut codec::Encoder,
    ) -> Result<Option<codec::Trained>, StoreError> {
        if !writer.due() {
            return Ok(None);
        }
        let mut samples = Vec::with_capacity(codec::TRAIN_AFTER);
        for item in self.tree.scan_prefix([PROJECT]).take(codec::TRAIN_AFTER) {
            let (_, bytes) = item?;
            let json = self.decoder.json(&bytes).map_err(StoreError::Corrupt)?;
            samples.push(json.into_owned());
        }
        Ok(writer.train(&samples, &self.decoder))
    }

    /// The answer remembered under `k`, if any.
    ///
    /// # Errors
    /// sled errors.
    pub fn remembered(&self, k: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree.get(key(REMEMBERED, k))?.map(|v| v.to_vec()))
    }

    /// Forgets the remembered answers `keep` refuses; how many (not durable until
    /// [`Store::flush`]).
    ///
    /// # Errors
    /// sled errors.
    pub fn forget_remembered(&self, keep: impl Fn(&[u8]) -> bool) -> Result<usize, StoreError> {
        let mut batch = sled::Batch::default();
        let mut forgotten = 0;
        for item in self.tree.scan_prefix([REMEMBERED]) {
            let (k, v) = item?;
            if !keep(&v) {
                batch.remove(k);
                forgotten += 1;
            }
        }
        self.tree.apply_batch(batch)?;
        Ok(forgotten)
    }

    /// Makes every earlier write durable (fsync).
    ///
    /// # Errors
    /// sled I/O errors.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// The last sequence number written (0 when the log is empty).
    ///
    /// # Errors
    /// sled errors.
    pub fn last_seq(&self) -> Result<u64, StoreError> {
        Ok(self
            .tree
            .get(LAST_SEQ)?
            .map(|b| decode_seq(&b))
            .unwrap_or(0))
    }

    /// Log entries with a sequence number above `seq`, in order.
    pub fn log_after(&self, seq: u64) -> impl Iterator<Item = Result<LogEntry, StoreError>> + '_ {
        self.tree
            .range(key(LOG, &seq.saturating_add(1).to_be_bytes())..key(LOG + 1, &[]))
            .map(|item| {
                let (k, bytes) = item?;
                log::decode_entry(decode_seq(&k[1..]), &bytes).map_err(StoreError::Corrupt)
            })
    }

    /// Every project, in id (creation) order.
    pub fn projects(&self) -> impl Iterator<Item = Result<Project, StoreError>> + '_ {
        self.tree.scan_prefix([PROJECT]).map(|item| {
            let (_, bytes) = item?;
            self.decoder.decode(&bytes).map_err(StoreError::Corrupt)
        })
    }

    /// One selection by id.
    ///
    /// # Errors
    /// sled errors or an undecodable record.
    pub fn selection(&self, id: SelectionId) -> Result<Option<Selection>, StoreError> {
        match self.tree.get(key(SELECTION, &id.to_bytes()))? {
            None => Ok(None),
            Some(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| StoreError::Corrupt(e.to_string())),
        }
    }

    /// Every selection, oldest first.
    pub fn selections(&self) -> impl Iterator<Item = Result<Selection, StoreError>> + '_ {
        self.tree.scan_prefix([SELECTION]).map(|item| {
            let (_, bytes) = item?;
            serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
        })
    }

    /// Writes a selection (not durable until [`Store::flush`]). Selections are not in the
    /// change log: the index does not hold them.
    ///
    /// # Errors
    /// sled errors.
    pub fn put_selection(&self, selection: &Selection) -> Result<(), StoreError> {
        let bytes =
            serde_json::to_vec(selection).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.tree
            .insert(key(SELECTION, &selection.id.to_bytes()), bytes)?;
        Ok(())
    }

    /// Deletes a selection; whether it existed (not durable until [`Store::flush`]).
    ///
    /// # Errors
    /// sled errors.
    pub fn delete_selection(&self, id: SelectionId) -> Result<bool, StoreError> {
        Ok(self.tree.remove(key(SELECTION, &id.to_bytes()))?.is_some())
    }

    /// A setting's stored value, if it was ever set.
    ///
    /// # Errors
    /// sled errors.
    pub fn setting(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .tree
            .get(key(SETTING, name.as_bytes()))?
            .map(|v| v.to_vec()))
    }

    /// Sets a setting, durably.
    ///
    /// # Errors
    /// sled errors.
    pub fn put_setting(&self, name: &str, value: &[u8]) -> Result<(), StoreError> {
        self.tree.insert(key(SETTING, name.as_bytes()), value)?;
        self.flush()
    }

    /// Bytes the store occupies on disk.
    ///
    /// # Errors
    /// sled errors.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }
}

/// The record codec of `tree`: every stored dictionary, and whether to train one.
fn open_codec(tree: &sled::Tree) -> Result<(codec::Decoder, codec::Encoder), StoreError> {
    let decoder = codec::Decoder::default();
    let mut dictionary = None;
    for item in tree.scan_prefix([DICTIONARY]) {
        let (k, bytes) = item?;
        let id = <[u8; 4]>::try_from(&k[1..]).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        decoder.add(u32::from_be_bytes(id), &bytes);
        dictionary = Some(bytes);
    }
    // Created records counted towards a training; none once a dictionary exists.
    let records = match dictionary {
        Some(_) => 0,
        None => tree.scan_prefix([PROJECT]).take(codec::TRAIN_AFTER).count(),
    };
    let encoder =
        codec::Encoder::new(dictionary.as_deref(), records).map_err(StoreError::Corrupt)?;
    Ok((decoder, encoder))
}

fn decode_seq(bytes: &[u8]) -> u64 {
    <[u8; 8]>::try_from(bytes)
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::State;

    fn reopen(dir: &Path) -> Store {
        Store::open_when_free(dir).unwrap()
    }

    fn project(source_id: Option<&str>) -> Project {
        Project {
            source_id: source_id.map(str::to_string),
            ..crate::model::project::tests::sample_project(State::Published)
        }
    }

    #[test]
    fn records_and_log_entries_get_consecutive_sequence_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = project(None);
        let b = project(Some("src-1"));
        let seq = store
            .write(&[
                Change {
                    project: a.clone(),
                    kind: ChangeKind::Created,
                },
                Change {
                    project: b.clone(),
                    kind: ChangeKind::Created,
                },
            ])
            .unwrap();
        assert_eq!(seq, 2);
        store.flush().unwrap();
        let log: Vec<LogEntry> = store.log_after(0).map(Result::unwrap).collect();
        assert_eq!(log.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(log[1].project_id, b.id);
        assert_eq!(store.log_after(1).count(), 1);
        assert_eq!(store.get(a.id).unwrap().unwrap(), a);
        assert_eq!(store.find_by_source_id("src-1").unwrap(), Some(b.id));
        assert_eq!(store.last_seq().unwrap(), 2);
    }

    #[test]
    fn the_waiting_list_follows_writes_and_is_built_for_older_stores() {
        let dir = tempfile::tempdir().unwrap();
        let mut pending = project(None);
        pending.state = State::Pending;
        let published = project(None);
        {
            let store = Store::open(dir.path()).unwrap();
            let changes = [&pending, &published].map(|p| Change {
                project: p.clone(),
                kind: ChangeKind::Created,
            });
            store.write(&changes).unwrap();
            let ids: Vec<ProjectId> = store.waiting().map(|p| p.unwrap().id).collect();
            assert_eq!(ids, vec![pending.id]);
            // A store from before the list: no list, no marker.
            store.tree.remove(WAITING_BUILT).unwrap();
            store
                .tree
                .remove(key(WAITING, &pending.id.to_bytes()))
                .unwrap();
            store.flush().unwrap();
        }
        let store = reopen(dir.path());
        let ids: Vec<ProjectId> = store.waiting().map(|p| p.unwrap().id).collect();
        assert_eq!(ids, vec![pending.id]);
        let mut decided = pending.clone();
        decided.state = State::Rejected;
        store
            .write(&[Change {
                project: decided,
                kind: ChangeKind::StateChanged,
            }])
            .unwrap();
        assert_eq!(store.waiting().count(), 0);
    }

    #[test]
    fn written_data_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let p = project(None);
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .write(&[Change {
                    project: p.clone(),
                    kind: ChangeKind::Created,
                }])
                .unwrap();
            store.flush().unwrap();
        }
        let store = reopen(dir.path());
        assert_eq!(store.get(p.id).unwrap(), Some(p));
        assert_eq!(store.last_seq().unwrap(), 1);
    }

    #[test]
    fn records_are_stored_compressed_and_plain_ones_from_older_stores_stay_readable() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut p = project(None);
        p.fields.description = "Community telecentres for rural schools. ".repeat(40);
        let change = |p: &Project| Change {
            project: p.clone(),
            kind: ChangeKind::Created,
        };
        store.write(&[change(&p)]).unwrap();
        let stored = store
            .tree
            .get(key(PROJECT, &p.id.to_bytes()))
            .unwrap()
            .unwrap();
        let json = serde_json::to_vec(&p).unwrap();
        assert!(stored.starts_with(&codec::ZSTD_MAGIC));
        assert!(
            stored.len() * 4 < json.len(),
            "{} of {}",
            stored.len(),
            json.len()
        );
        assert_eq!(store.get(p.id).unwrap(), Some(p.clone()));
        // A record written before compression: plain JSON.
        let older = project(Some("older"));
        let plain = serde_json::to_vec(&older).unwrap();
        store
            .tree
            .insert(key(PROJECT, &older.id.to_bytes()), plain)
            .unwrap();
        assert_eq!(store.get(older.id).unwrap(), Some(older.clone()));
        let all: Vec<ProjectId> = store.projects().map(|r| r.unwrap().id).collect();
        assert_eq!(all.len(), 2);
        assert!(all.contains(&older.id));
    }

    #[test]
    fn records_after_the_first_thousands_use_a_dictionary_that_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let record = |p: &Project| Change {
            project: p.clone(),
            kind: ChangeKind::Created,
        };
        let mut first = Vec::new();
        for i in 0..codec::TRAIN_AFTER {
            let mut p = project(Some(&format!("src-{i}")));
            p.fields.title = format!("Rural telecentre number {i}");
            p.fields.description = format!("Digital skills for {i} schools and libraries.");
            first.push(p);
        }
        let later = project(Some("later"));
        let stored_len = |store: &Store, id: ProjectId| {
            let stored = store.tree.get(key(PROJECT, &id.to_bytes())).unwrap();
            stored.unwrap().len()
        };
        let without;
        let with;
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .write(&first.iter().map(record).collect::<Vec<_>>())
                .unwrap();
            // The same record, written before and after the dictionary exists.
            store.write(&[record(&first[0])]).unwrap();
            without = stored_len(&store, first[1].id);
            with = stored_len(&store, first[0].id);
            store.write(&[record(&later)]).unwrap();
            store.flush().unwrap();
        }
        assert!(with * 2 < without, "{with} bytes with, {without} without");
        let store = reopen(dir.path());
        assert_eq!(store.tree.scan_prefix([DICTIONARY]).count(), 1);
        assert_eq!(store.get(later.id).unwrap(), Some(later));
        assert_eq!(store.get(first[0].id).unwrap().as_ref(), Some(&first[0]));
        assert_eq!(store.get(first[1].id).unwrap().as_ref(), Some(&first[1]));
        assert_eq!(store.projects().count(), codec::TRAIN_AFTER + 1);
    }

    #[test]
    fn log_entries_are_binary_and_json_ones_from_older_stores_stay_readable() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let p = project(None);
        store
            .write(&[Change {
                project: p.clone(),
                kind: ChangeKind::StateChanged,
            }])
            .unwrap();
        let stored = store.tree.get(key(LOG, &1u64.to_be_bytes())).unwrap();
        assert_eq!(stored.unwrap().len(), 30);
        let older = LogEntry {
            seq: 2,
            project_id: p.id,
            kind: ChangeKind::Updated,
            at: Utc::now(),
        };
        let json = serde_json::to_vec(&older).unwrap();
        store
            .tree
            .insert(key(LOG, &2u64.to_be_bytes()), json)
            .unwrap();
        let log: Vec<LogEntry> = store.log_after(0).map(Result::unwrap).collect();
        assert_eq!(log.len(), 2);
        assert_eq!((log[0].seq, log[0].project_id), (1, p.id));
        assert_eq!(log[0].kind, ChangeKind::StateChanged);
        assert!((Utc::now() - log[0].at).num_seconds().abs() < 60);
        assert_eq!(log[1], older);
    }
}
