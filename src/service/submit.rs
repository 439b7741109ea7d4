//! Public submissions: a new project waits as `pending`, and the submitter gets the edit
//! token that lets them see and revise it.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::idempotency::{body_hash, Remembered};
use super::mail::Queued;
use super::{tokens, Caller, IdempotencyKey, Service, ServiceError, Submitted};
use crate::model::{
    notice_of_change, parse_submission, Action, Project, ProjectId, Role, State, Submission,
    SubmissionKind, Transition,
};
use crate::store::{Change, ChangeKind, Keyed};

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
        let submission = parse_submission(body, SubmissionKind::Public)?;
        let _guard = self.write_lock.blocking_lock();
        let now = Utc::now();
        if let Some((key, hash)) = &keyed {
            if let Some(earlier) = self.earlier_answer(key, caller, hash, now)? {
                return Ok(earlier);
            }
        }
        let token = tokens::new_token();
        let project = pending(submission, &token, now);
        let notices: Vec<Keyed> = notice_of_change(None, &project, Some(&token), now)
            .map(Queued::record)
            .into_iter()
            .collect();
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

/// A new project from a public submission, waiting for moderation; `token` opens it.
fn pending(submission: Submission, token: &str, now: DateTime<Utc>) -> Project {
    Project {
        id: ProjectId::generate(),
        fields: submission.fields,
        contact: submission.contact,
        source_id: None,
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
