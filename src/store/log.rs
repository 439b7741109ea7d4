//! The change log's entries, and how they are stored: 30 bytes each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::ProjectId;

/// First byte of a binary log entry (a JSON one starts with `{`).
const LOG_ENTRY_V1: u8 = 1;

/// What a log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new project.
    Created,
    /// New field values (submitter revision, re-import).
    Updated,
    /// A life-cycle transition (publish, withdraw, …).
    StateChanged,
}

/// One entry of the change log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Sequence number, from 1, without gaps.
    pub seq: u64,
    /// The project that changed.
    pub project_id: ProjectId,
    /// What happened.
    pub kind: ChangeKind,
    /// When.
    pub at: DateTime<Utc>,
}

/// A log entry in 30 bytes: a tag, the project id, the kind, seconds and nanoseconds.
/// The sequence number is the entry's key.
pub(super) fn encode_entry(entry: &LogEntry) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(30);
    bytes.push(LOG_ENTRY_V1);
    bytes.extend_from_slice(&entry.project_id.to_bytes());
    bytes.push(match entry.kind {
        ChangeKind::Created => 0,
        ChangeKind::Updated => 1,
        ChangeKind::StateChanged => 2,
    });
    bytes.extend_from_slice(&entry.at.timestamp().to_be_bytes());
    bytes.extend_from_slice(&entry.at.timestamp_subsec_nanos().to_be_bytes());
    bytes
}

/// A log entry stored under sequence number `seq`: binary, or JSON as older stores hold.
pub(super) fn decode_entry(seq: u64, bytes: &[u8]) -> Result<LogEntry, String> {
    if bytes.first() != Some(&LOG_ENTRY_V1) {
        return serde_json::from_slice(bytes).map_err(|e| e.to_string());
    }
    let wrong = || format!("log entry {seq} is damaged");
    let bytes: &[u8; 30] = bytes.try_into().map_err(|_| wrong())?;
    let id = <[u8; 16]>::try_from(&bytes[1..17]).map_err(|_| wrong())?;
    let kind = match bytes[17] {
        0 => ChangeKind::Created,
        1 => ChangeKind::Updated,
        2 => ChangeKind::StateChanged,
        _ => return Err(wrong()),
    };
    let secs = <[u8; 8]>::try_from(&bytes[18..26]).map_err(|_| wrong())?;
    let nanos = <[u8; 4]>::try_from(&bytes[26..30]).map_err(|_| wrong())?;
    let at = DateTime::from_timestamp(i64::from_be_bytes(secs), u32::from_be_bytes(nanos))
        .ok_or_else(wrong)?;
    Ok(LogEntry {
        seq,
        project_id: ProjectId::from_bytes(id),
        kind,
        at,
    })
}
