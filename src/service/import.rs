//! Bulk import: every good record is kept, every bad one is reported with its line number
//! and field, and a known `source_id` updates its project (an unchanged record changes
//! nothing).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::engine::CHUNK;
use super::records::{records, Format, LineError, Record, Records};
use super::{Service, ServiceError};
use crate::model::mapping::Mapping;
use crate::model::{
    parse_submission, Action, Project, ProjectId, State, Submission, SubmissionKind, Transition,
};
use crate::store::{Change, ChangeKind};

/// What an import did.
#[derive(utoipa::ToSchema, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Physical lines of the input (blank lines, a CSV header and lines inside quoted
    /// cells included): compare with `read` to see that no line was swallowed.
    pub lines: usize,
    /// Records read (non-blank lines, CSV rows).
    pub read: usize,
    /// New projects.
    pub created: usize,
    /// Projects updated through their `source_id`.
    pub updated: usize,
    /// Lines identical to what is stored (nothing written).
    pub unchanged: usize,
    /// Records rejected (each may have several problems).
    pub rejected_rows: usize,
    /// Records whose missing Action Lines or SDGs were filled with suggested tags.
    pub tagged: usize,
    /// The first [`KEPT_PROBLEMS`] problems of the rejected records (all of them reach the
    /// observer).
    pub rejected: Vec<LineError>,
    /// Whether more problems were found than `rejected` keeps.
    pub rejected_truncated: bool,
    /// Log sequence number after the import.
    pub last_seq: u64,
}

/// Problems an [`ImportReport`] keeps; an import of a million bad rows reports them all
/// to its observer but does not hold them in memory.
pub const KEPT_PROBLEMS: usize = 1_000;

/// Hears how an import goes: every rejected record's problems as they are found, and the
/// counts every thousand records and at the end.
pub trait ImportObserver {
    /// The counts so far.
    fn progress(&mut self, _report: &ImportReport) {}
    /// The problems of one rejected record.
    fn rejected(&mut self, _problems: &[LineError]) {}
}

/// An observer that ignores everything.
impl ImportObserver for () {}

impl ImportReport {
    fn reject(&mut self, problems: Vec<LineError>, observer: &mut dyn ImportObserver) {
        observer.rejected(&problems);
        self.rejected_rows += 1;
        for problem in problems {
            if self.rejected.len() < KEPT_PROBLEMS {
                self.rejected.push(problem);
            } else {
                self.rejected_truncated = true;
            }
        }
    }
}

/// How an import treats its records.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Publish what is imported (otherwise it waits for moderation as `pending`).
    pub publish: bool,
    /// Validate and count, write nothing.
    pub dry_run: bool,
    /// How records become submissions.
    pub mapping: Mapping,
    /// Fill a record's missing Action Lines or SDGs with the suggested ones.
    pub suggest_tags: bool,
}

/// Records between progress calls.
const PROGRESS_EVERY: usize = 1_000;

/// Gives a record without Action Lines (or SDGs) the suggested ones; whether it did.
fn fill_missing_tags(service: &Service, value: &mut Value) -> Result<bool, ServiceError> {
    let Some(object) = value.as_object_mut() else {
        return Ok(false);
    };
    let missing = |v: Option<&Value>| match v {
        None | Some(Value::Null) => true,
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    let (no_lines, no_sdgs) = (
        missing(object.get("action_lines")),
        missing(object.get("sdgs")),
    );
    if !no_lines && !no_sdgs {
        return Ok(false);
    }
    let text = |k: &str| {
        object
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let language =
        crate::model::Language::parse(&text("language")).unwrap_or(crate::model::Language::En);
    let (title, description) = (text("title"), text("description"));
    if title.trim().is_empty() && description.trim().is_empty() {
        return Ok(false);
    }
    // The best suggestion of each kind is kept whatever its score: a record needs tags.
    let (lines, goals) = service
        .index
        .suggest_tags(&title, &description, language)?
        .adopted(true);
    let mut filled = false;
    if no_lines && !lines.is_empty() {
        let codes = lines.iter().map(|a| Value::from(a.code())).collect();
        object.insert("action_lines".into(), Value::Array(codes));
        filled = true;
    }
    if no_sdgs && !goals.is_empty() {
        let numbers = goals.iter().map(|g| Value::from(g.number())).collect();
        object.insert("sdgs".into(), Value::Array(numbers));
        filled = true;
    }
    Ok(filled)
}

impl Service {
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
        mut records: Records<'_>,
        options: &ImportOptions,
        observer: &mut dyn ImportObserver,
    ) -> Result<ImportReport, ServiceError> {
        let mut report = ImportReport::default();
        let mut pending: Vec<Submission> = Vec::with_capacity(CHUNK);
        let mut seen = SeenSourceIds::default();
        for record in records.by_ref() {
            report.read += 1;
            if report.read.is_multiple_of(PROGRESS_EVERY) {
                observer.progress(&report);
            }
            let checked = check(self, record, options, &mut seen, &mut report)?;
            match checked {
                Ok(submission) => pending.push(submission),
                Err(problems) => report.reject(problems, observer),
            }
            if pending.len() >= CHUNK {
                apply(self, &mut pending, options, &mut report)?;
            }
        }
        apply(self, &mut pending, options, &mut report)?;
        report.lines = records.lines();
        observer.progress(&report);
        if report.last_seq == 0 {
            report.last_seq = self.store.last_seq()?;
        }
        Ok(report)
    }
}

/// A record as a submission (mapped, its missing tags filled when asked), or its problems.
fn check(
    service: &Service,
    record: Record,
    options: &ImportOptions,
    seen: &mut SeenSourceIds,
    report: &mut ImportReport,
) -> Result<Result<Submission, Vec<LineError>>, ServiceError> {
    let (number, last_line) = (record.line, record.last_line);
    let mut value = match record.value {
        Ok(value) => options.mapping.apply(value),
        Err(e) => return Ok(Err(vec![e.spanning(last_line)])),
    };
    if options.suggest_tags && fill_missing_tags(service, &mut value)? {
        report.tagged += 1;
    }
    let submission = match parse_submission(value, SubmissionKind::Import) {
        Ok(s) => s,
        Err(errors) => {
            let problems = LineError::from_validation(number, errors)
                .into_iter()
                .map(|p| p.spanning(last_line))
                .collect();
            return Ok(Err(problems));
        }
    };
    match seen.repeated(&submission, number) {
        Some(problem) => Ok(Err(vec![problem])),
        None => Ok(Ok(submission)),
    }
}

/// The line of each source id seen in a file (by hash, so memory stays small): a repeat is
/// rejected, which keeps a second import of the same file a no-op.
#[derive(Default)]
struct SeenSourceIds(HashMap<u64, usize>);

impl SeenSourceIds {
    /// The problem of a submission at `line` whose source id appeared before (the first is
    /// kept); notes the source id otherwise.
    fn repeated(&mut self, submission: &Submission, line: usize) -> Option<LineError> {
        let sid = submission.source_id.as_ref()?;
        match self.0.entry(hash_of(sid)) {
            Entry::Vacant(entry) => {
                entry.insert(line);
                None
            }
            Entry::Occupied(entry) => Some(LineError::new(
                line,
                "source_id",
                "duplicate_source_id",
                format!(
                    "source_id '{sid}' already appeared on line {}; the first is kept",
                    entry.get()
                ),
            )),
        }
    }
}

/// Writes a chunk of valid submissions: each is looked up (by `source_id`, or by the id an
/// export gave it) and written under the service's write lock, so no edit made meanwhile
/// is overwritten and two imports of one source id cannot both create it.
fn apply(
    service: &Service,
    pending: &mut Vec<Submission>,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<(), ServiceError> {
    if pending.is_empty() {
        return Ok(());
    }
    let _guard = service.write_lock.blocking_lock();
    let now = Utc::now();
    let mut changes = Vec::with_capacity(pending.len());
    for submission in pending.drain(..) {
        let previous = match &submission.source_id {
            Some(sid) => existing(service, sid)?,
            None => None,
        };
        match previous {
            Some(old) => match updated(old, submission, options.publish, now) {
                Some(change) => {
                    report.updated += 1;
                    changes.push(change);
                }
                None => report.unchanged += 1,
            },
            None => {
                report.created += 1;
                changes.push(created(submission, options.publish, now));
            }
        }
    }
    if !options.dry_run && !changes.is_empty() {
        report.last_seq = service.commit_locked(&changes)?;
    }
    Ok(())
}

/// The change a submission makes to the project it updates, if any.
fn updated(
    old: Project,
    submission: Submission,
    publish: bool,
    now: DateTime<Utc>,
) -> Option<Change> {
    // `--publish` publishes what waits; it never brings back a withdrawn, rejected or
    // sent-back project.
    let state = if publish && old.state == State::Pending {
        State::Published
    } else {
        old.state
    };
    let contact = submission.contact.clone().or(old.contact.clone());
    if old.fields == submission.fields && old.state == state && old.contact == contact {
        return None;
    }
    let kind = if old.fields == submission.fields {
        ChangeKind::StateChanged
    } else {
        ChangeKind::Updated
    };
    let mut history = old.history.clone();
    history.push(imported(Action::Revised, Some(old.state), state, now));
    Some(Change {
        project: Project {
            fields: submission.fields,
            contact,
            state,
            updated_at: now,
            version: old.version + 1,
            history,
            ..old
        },
        kind,
    })
}

/// The new project a submission makes.
fn created(submission: Submission, publish: bool, now: DateTime<Utc>) -> Change {
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
            call: None,
            call_number: None,
            last_confirmed: None,
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

/// The project a source id names: one imported with it, or (for records exported from a
/// store, whose projects had no source id) the project with that id and no source id.
fn existing(service: &Service, source_id: &str) -> Result<Option<Project>, ServiceError> {
    if let Some(id) = service.store().find_by_source_id(source_id)? {
        return Ok(service.store().get(id)?);
    }
    let own = source_id
        .parse::<ProjectId>()
        .ok()
        .map(|id| service.store().get(id))
        .transpose()?
        .flatten();
    Ok(own.filter(|p| p.source_id.is_none()))
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The history entry of an import.
fn imported(action: Action, from: Option<State>, to: State, at: DateTime<Utc>) -> Transition {
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
