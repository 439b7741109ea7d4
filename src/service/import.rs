//! Bulk import of NDJSON submissions: every good line is kept, every bad line is reported
//! with its number and field, and a known `source_id` updates its project.

use std::collections::HashMap;
use std::io::BufRead;

use chrono::Utc;
use serde::Serialize;

use super::{Service, ServiceError, CHUNK};
use crate::model::{
    parse_submission, Action, Project, ProjectId, State, SubmissionKind, Transition,
};
use crate::store::{Change, ChangeKind};

/// One rejected line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// The bad field (or `line` when the line is not a JSON object).
    pub field: String,
    /// Machine-readable code.
    pub code: String,
    /// What is wrong.
    pub message: String,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Non-blank lines read.
    pub read: usize,
    /// New projects.
    pub created: usize,
    /// Projects updated through their `source_id`.
    pub updated: usize,
    /// Lines identical to what is stored (nothing written).
    pub unchanged: usize,
    /// Rejected lines.
    pub rejected: Vec<LineError>,
    /// Log sequence number after the import.
    pub last_seq: u64,
}

pub(super) fn run(
    service: &Service,
    input: impl BufRead,
    publish: bool,
) -> Result<ImportReport, ServiceError> {
    let mut report = ImportReport::default();
    let mut chunk: Vec<Change> = Vec::with_capacity(CHUNK);
    // Projects written in the current chunk, by source id, so repeats within a file update.
    let mut in_chunk: HashMap<String, usize> = HashMap::new();
    for (i, line) in input.lines().enumerate() {
        let number = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                report.rejected.push(LineError {
                    line: number,
                    field: "line".into(),
                    code: "unreadable_line".into(),
                    message: format!("cannot read line: {e}"),
                });
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        report.read += 1;
        let value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                report.rejected.push(LineError {
                    line: number,
                    field: "line".into(),
                    code: "malformed_json".into(),
                    message: format!("not valid JSON: {e}"),
                });
                continue;
            }
        };
        let submission = match parse_submission(value, SubmissionKind::Import) {
            Ok(s) => s,
            Err(errors) => {
                report
                    .rejected
                    .extend(errors.0.into_iter().map(|e| LineError {
                        line: number,
                        field: e.field,
                        code: e.code.into(),
                        message: e.message,
                    }));
                continue;
            }
        };
        let now = Utc::now();
        let previous: Option<Project> = match &submission.source_id {
            Some(sid) => match in_chunk.get(sid) {
                Some(&at) => Some(chunk[at].project.clone()),
                None => match service.store().find_by_source_id(sid)? {
                    Some(id) => service.store().get(id)?,
                    None => None,
                },
            },
            None => None,
        };
        let change = match previous {
            Some(old) => {
                // `--publish` publishes what waits; it never brings back a withdrawn,
                // rejected or sent-back project.
                let state = if publish && old.state == State::Pending {
                    State::Published
                } else {
                    old.state
                };
                if old.fields == submission.fields && old.state == state {
                    report.unchanged += 1;
                    continue;
                }
                report.updated += 1;
                let kind = if old.fields == submission.fields {
                    ChangeKind::StateChanged
                } else {
                    ChangeKind::Updated
                };
                let mut history = old.history.clone();
                history.push(imported(Action::Revised, Some(old.state), state, now));
                Change {
                    project: Project {
                        fields: submission.fields,
                        contact: submission.contact.or(old.contact.clone()),
                        state,
                        updated_at: now,
                        version: old.version + 1,
                        history,
                        ..old
                    },
                    kind,
                }
            }
            None => {
                report.created += 1;
                let state = if publish {
                    State::Published
                } else {
                    State::Pending
                };
                Change {
                    project: Project {
                        id: ProjectId::generate(),
                        fields: submission.fields,
                        contact: submission.contact,
                        source_id: submission.source_id,
                        state,
                        created_at: now,
                        updated_at: now,
                        version: 1,
                        edit_token_hash: None,
                        history: vec![imported(Action::Imported, None, state, now)],
                        revision: None,
                    },
                    kind: ChangeKind::Created,
                }
            }
        };
        if let Some(sid) = &change.project.source_id {
            in_chunk.insert(sid.clone(), chunk.len());
        }
        chunk.push(change);
        if chunk.len() >= CHUNK {
            report.last_seq = service.commit(&chunk)?;
            chunk.clear();
            in_chunk.clear();
        }
    }
    if !chunk.is_empty() {
        report.last_seq = service.commit(&chunk)?;
    }
    if report.last_seq == 0 {
        report.last_seq = service.store().last_seq()?;
    }
    Ok(report)
}

/// The history entry of an import.
fn imported(
    action: Action,
    from: Option<State>,
    to: State,
    at: chrono::DateTime<Utc>,
) -> Transition {
    Transition {
        at,
        action,
        from,
        to,
        by: "import".into(),
        message: None,
        revision: false,
    }
}
