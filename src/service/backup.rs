//! Backups: one NDJSON stream holding every project with its versions' history and
//! private fields, the selections, the calls for submissions and the keys — taken under
//! the write lock, so it is one consistent moment; restore loads it into an empty data
//! directory, counts each call's submissions again, and the index is rebuilt from it. The
//! update requests of update calls and their answers are in it too. Not in a backup: the
//! index, mail waiting to be sent, sign-in links and sessions.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::engine::CHUNK;
use super::{KeyRecord, Service, ServiceError};
use crate::model::{Project, Selection};
use crate::store::{Change, ChangeKind};

/// The first line of a backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always `stocktaking-backup`.
    pub format: String,
    /// The backup format's version.
    pub version: u32,
    /// The log sequence number the backup reflects.
    pub last_seq: u64,
    /// When it was taken.
    pub taken_at: chrono::DateTime<chrono::Utc>,
}

/// One line of a backup after the manifest.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Entry {
    Project(Box<Project>),
    Selection(Box<Selection>),
    Call(Box<crate::model::Call>),
    UpdateRequest(Box<super::update_requests::UpdateRequest>),
    Keys(Vec<KeyRecord>),
    End { projects: usize, selections: usize },
}

/// What a backup or restore held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    /// Projects.
    pub projects: usize,
    /// Selections.
    pub selections: usize,
    /// Keys.
    pub keys: usize,
    /// The log sequence number of the moment backed up.
    pub last_seq: u64,
}

const FORMAT: &str = "stocktaking-backup";
const VERSION: u32 = 1;

fn io_error(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> ServiceError {
    ServiceError::caused("backup", e)
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> Result<(), ServiceError> {
    serde_json::to_writer(&mut *out, value).map_err(io_error)?;
    out.write_all(b"\n").map_err(io_error)
}

impl Service {
    /// Writes a backup to `out`. Writes wait while it is taken.
    ///
    /// # Errors
    /// Storage, key-file and write errors.
    pub fn backup(&self, out: &mut dyn Write) -> Result<BackupSummary, ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        let last_seq = self.store.last_seq()?;
        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            last_seq,
            taken_at: chrono::Utc::now(),
        };
        line(out, &manifest)?;
        let mut summary = BackupSummary {
            last_seq,
            ..BackupSummary::default()
        };
        for project in self.store.projects() {
            line(out, &Entry::Project(Box::new(project?)))?;
            summary.projects += 1;
        }
        for selection in self.store.selections() {
            line(out, &Entry::Selection(Box::new(selection?)))?;
            summary.selections += 1;
        }
        for call in self.calls()? {
            line(out, &Entry::Call(Box::new(call.call)))?;
        }
        for request in self.all_update_requests()? {
            line(out, &Entry::UpdateRequest(Box::new(request)))?;
        }
        let keys = self
            .keys
            .list()
            .map_err(|e| ServiceError::caused("keys", e))?;
        summary.keys = keys.len();
        line(out, &Entry::Keys(keys))?;
        line(
            out,
            &Entry::End {
                projects: summary.projects,
                selections: summary.selections,
            },
        )?;
        out.flush().map_err(io_error)?;
        Ok(summary)
    }

    /// Loads a backup into this (empty) data directory; the index follows from the log.
    ///
    /// # Errors
    /// 409 when the data directory holds projects or selections already; 422 for a file
    /// that is not a complete backup; storage errors.
    pub fn restore(&self, input: impl BufRead) -> Result<BackupSummary, ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        if self.store.projects().next().is_some() || self.store.selections().next().is_some() {
            return Err(ServiceError::Conflict {
                code: "not_empty",
                message: "restore needs an empty data directory".into(),
            });
        }
        // Until the end line is loaded, the directory says it is incomplete: opening it
        // again is refused, so a cut restore never passes for a whole one.
        self.store.set_restoring(true)?;
        let mut lines = input.lines().enumerate();
        let manifest = read_manifest(lines.next())?;
        let mut summary = BackupSummary {
            last_seq: manifest.last_seq,
            ..BackupSummary::default()
        };
        let mut chunk: Vec<Change> = Vec::with_capacity(CHUNK);
        let mut ended = false;
        let mut seen = std::collections::HashSet::new();
        for (i, text) in lines {
            let text = text.map_err(io_error)?;
            if text.trim().is_empty() {
                continue;
            }
            let entry: Entry =
                serde_json::from_str(&text).map_err(|e| invalid(format!("line {}: {e}", i + 1)))?;
            // A new project is indexed without a delete first: a second copy would show twice.
            if let Entry::Project(project) = &entry {
                if !seen.insert(project.id) {
                    let id = project.id;
                    return Err(invalid(format!(
                        "line {}: project {id} appears twice",
                        i + 1
                    )));
                }
            }
            ended |= self.load_entry(entry, &mut chunk, &mut summary)?;
        }
        if !chunk.is_empty() {
            self.commit_locked(&chunk)?;
        }
        self.store.flush()?;
        if !ended {
            return Err(invalid(
                "the backup is cut short (no end line); this data directory is incomplete: delete it and restore a whole backup".into(),
            ));
        }
        self.store.set_restoring(false)?;
        Ok(summary)
    }

    /// Loads one entry of a backup (projects a chunk at a time, through `chunk`) and counts
    /// it in `summary`; whether it was the end line (caller holds the write lock).
    fn load_entry(
        &self,
        entry: Entry,
        chunk: &mut Vec<Change>,
        summary: &mut BackupSummary,
    ) -> Result<bool, ServiceError> {
        match entry {
            Entry::Project(project) => {
                if let Some(call) = project.call {
                    self.count_submission(call)?;
                }
                chunk.push(Change {
                    project: *project,
                    kind: ChangeKind::Created,
                });
                summary.projects += 1;
                if chunk.len() >= CHUNK {
                    self.commit_locked(chunk)?;
                    chunk.clear();
                }
            }
            Entry::Selection(selection) => {
                self.store.put_selection(&selection)?;
                summary.selections += 1;
            }
            Entry::Call(call) => self.put_call(&call)?,
            Entry::UpdateRequest(request) => self.put_update_request(&request)?,
            Entry::Keys(keys) => {
                self.keys
                    .replace_all(&keys)
                    .map_err(|e| ServiceError::caused("keys", e))?;
                summary.keys = keys.len();
            }
            Entry::End {
                projects,
                selections,
            } => {
                if projects != summary.projects || selections != summary.selections {
                    return Err(invalid(format!(
                        "the backup lists {projects} projects and {selections} selections but holds {} and {}",
                        summary.projects, summary.selections
                    )));
                }
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The manifest a backup's first line holds.
fn read_manifest(
    first: Option<(usize, std::io::Result<String>)>,
) -> Result<Manifest, ServiceError> {
    let manifest: Manifest = match first {
        Some((_, Ok(first))) => serde_json::from_str(&first)
            .map_err(|e| invalid(format!("line 1 is not a backup manifest: {e}")))?,
        _ => return Err(invalid("the backup is empty".into())),
    };
    if manifest.format != FORMAT || manifest.version != VERSION {
        return Err(invalid(format!(
            "not a version {VERSION} stocktaking backup (format {}, version {})",
            manifest.format, manifest.version
        )));
    }
    Ok(manifest)
}

/// A file that is not a complete backup (422).
fn invalid(message: String) -> ServiceError {
    ServiceError::Invalid(crate::model::ValidationErrors(vec![
        crate::model::FieldError::new("backup", "invalid_backup", message),
    ]))
}
