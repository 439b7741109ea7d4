//! Public submissions: a new project waits as `pending`, and the submitter gets the edit
//! token that lets them see and revise it.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::idempotency::{body_hash, Remembered};
use super::mail::Queued;
use super::{tokens, Caller, IdempotencyKey, Service, ServiceError, Submitted};
use crate::model::{
    notice_of_change, parse_submission, Action, FieldError, Project, ProjectId, Role, State,
    Submission, SubmissionKind, Transition, ValidationErrors,
};
use crate::store::{normal_address, Change, ChangeKind, Keyed};

impl Service {
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
        let keyed = key.map(|key| (key, body_hash(&body)));
        let (body, call) = take_call(body)?;
        let submission = parse_submission(body, SubmissionKind::Public)?;
        let _guard = self.write_lock.blocking_lock();
        let now = Utc::now();
        if let Some((key, hash)) = &keyed {
            if let Some(earlier) = self.earlier_answer(key, caller, hash, now)? {
                return Ok(earlier);
            }
        }
        let counted = match &call {
            Some(id) => Some(self.admitting_call(id, now)?),
            None => None,
        };
        let token = tokens::new_token();
        let mut project = pending(submission, &token, now);
        project.call = counted.as_ref().map(|(call, _)| call.id);
        project.call_number = counted.as_ref().map(|(call, _)| call.number);
        let mut notices: Vec<Keyed> = notice_of_change(None, &project, Some(&token), now)
            .filter(|n| self.notice_limits.allows(&normal_address(&n.to)))
            .map(Queued::record)
            .into_iter()
            .collect();
        notices.extend(counted.map(|(_, count)| count));
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
        answer.seq = match keyed {
            Some((key, hash)) => {
                let store_key = key.store_key(caller);
                let remember = |seq: u64| {
                    let first = Submitted {
                        seq,
                        ..answer.clone()
                    };
                    Remembered::new(key, hash.clone(), &first, now).to_bytes()
                };
                self.commit_locked_with(&change, Some((&store_key, &remember)), &notices)?
            }
            None => self.commit_locked_with(&change, None, &notices)?,
        };
        Ok(answer)
    }
}

/// The body without its `call` (the id of the call for submissions it answers), and that
/// id's text.
///
/// # Errors
/// 422 naming `call` when it is not a string.
fn take_call(mut body: Value) -> Result<(Value, Option<String>), ServiceError> {
    let Some(map) = body.as_object_mut() else {
        return Ok((body, None));
    };
    match map.remove("call") {
        None | Some(Value::Null) => Ok((body, None)),
        Some(Value::String(id)) => Ok((body, Some(id))),
        Some(_) => Err(ValidationErrors(vec![FieldError::new(
            "call",
            "invalid_type",
            "'call' must be the id of an open call for submissions",
        )])
        .into()),
    }
}

/// A new project from a public submission, waiting for moderation; `token` opens it.
fn pending(submission: Submission, token: &str, now: DateTime<Utc>) -> Project {
    Project {
        id: ProjectId::generate(),
        fields: submission.fields,
        contact: submission.contact,
        source_id: None,
        call: None,
        call_number: None,
        // Submitting states the facts: the first confirmation.
        last_confirmed: Some(now),
        state: State::Pending,
        created_at: now,
        updated_at: now,
        version: 1,
        edit_token_hash: Some(tokens::hash(token)),
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
    }
}
