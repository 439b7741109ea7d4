//! Update requests: inside an `update` call, the secretariat asks the contacts of published
//! projects (chosen by the search filters, and not confirmed since a date) to review their
//! entries; each answers by confirming the entry unchanged or by revising it; the call
//! shows who answered how, and reminds those who did not.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::mail::Queued;
use super::{Caller, Service, ServiceError};
use crate::model::{
    contact_language, Action, CallKind, Filters, Notice, NoticeKind, NoticeProject, OwnerProject,
    Project, ProjectId, Role, State, Transition, UpdateAnswer as Answer,
};
use crate::store::{json, Change, ChangeKind, Keyed, Space};

/// One project asked to update, and its answer.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize, Deserialize)]
pub struct UpdateRequest {
    /// The project.
    #[schema(value_type = String)]
    pub project: ProjectId,
    /// The call it was asked in.
    #[schema(value_type = String)]
    pub call: ProjectId,
    /// Its title when asked.
    pub title: String,
    /// When it was asked.
    pub requested_at: DateTime<Utc>,
    /// Reminders sent since.
    pub reminders: u32,
    /// Its answer, if any, and when.
    pub answer: Option<(Answer, DateTime<Utc>)>,
}

/// The requests of an update call and their answers.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct UpdateRound {
    /// Projects asked.
    pub requested: usize,
    /// Revised since.
    pub updated: usize,
    /// Confirmed unchanged.
    pub confirmed: usize,
    /// No answer yet.
    pub no_answer: usize,
    /// Each request, in project order.
    pub requests: Vec<UpdateRequest>,
}

fn request_key(project: ProjectId, call: ProjectId) -> Vec<u8> {
    [project.to_bytes(), call.to_bytes()].concat()
}

fn secretariat(caller: &Caller) -> Result<(), ServiceError> {
    match caller {
        Caller::Secretariat(_) => Ok(()),
        Caller::Reader(name) => Err(ServiceError::Forbidden(format!(
            "the key '{name}' is read-only"
        ))),
        _ => Err(ServiceError::Unauthorized(
            "update requests are sent by the secretariat: 'Authorization: Bearer <key>'".into(),
        )),
    }
}

fn notice(project: &Project, reminder: bool, now: DateTime<Utc>) -> Option<Notice> {
    let contact = project.contact.as_ref()?;
    let about = NoticeProject {
        id: project.id,
        title: project.fields.title.clone(),
    };
    let kind = NoticeKind::UpdateRequested { reminder };
    Some(Notice::new(
        &contact.email,
        contact_language(project),
        kind,
        Some(about),
        now,
    ))
}

impl Service {
    /// Asks the contacts of the published projects that pass `filters`, and were neither
    /// confirmed nor changed since `unconfirmed_since` (when given), to review their
    /// entries, inside the `update` call `call`. A project asked once in a call is not asked
    /// again. Answers how many were asked now.
    ///
    /// # Errors
    /// 401/403 for callers other than the secretariat; 404 for an unknown call; 409 when
    /// the call is not an open `update` call; storage errors.
    pub fn request_updates(
        &self,
        caller: &Caller,
        call: &str,
        filters: &Filters,
        unconfirmed_since: Option<DateTime<Utc>>,
    ) -> Result<usize, ServiceError> {
        secretariat(caller)?;
        let _guard = self.write_lock.blocking_lock();
        let call_id = self.open_update_call(call)?;
        let now = Utc::now();
        let mut records: Vec<Keyed> = Vec::new();
        for project in self.store.projects() {
            let project = project?;
            let touched =
                (project.last_confirmed.unwrap_or(project.updated_at)).max(project.updated_at);
            let stale = unconfirmed_since.is_none_or(|since| touched < since);
            let wanted = project.state == State::Published
                && stale
                && filters.accepts(&project, &project.fields);
            let key = request_key(project.id, call_id);
            if !wanted
                || self
                    .store
                    .spaces()
                    .get(Space::UpdateRequest, &key)?
                    .is_some()
            {
                continue;
            }
            let Some(notice) = notice(&project, false, now) else {
                continue;
            };
            let request = UpdateRequest {
                project: project.id,
                call: call_id,
                title: project.fields.title.clone(),
                requested_at: now,
                reminders: 0,
                answer: None,
            };
            records.push((Space::UpdateRequest, key, json(&request)));
            records.push(Queued::record(notice));
        }
        self.send_requests(&records)
    }

    /// The requests of a call and their answers.
    ///
    /// # Errors
    /// 404 for an unknown call; storage errors.
    pub fn update_round(&self, call: &str) -> Result<UpdateRound, ServiceError> {
        let call_id = self.call(call)?.call.id;
        let requests = self.requests_where(&[], |_, c| c == call_id)?;
        let count = |a: Option<Answer>| {
            requests
                .iter()
                .filter(|r| r.answer.map(|x| x.0) == a)
                .count()
        };
        Ok(UpdateRound {
            requested: requests.len(),
            updated: count(Some(Answer::Updated)),
            confirmed: count(Some(Answer::Confirmed)),
            no_answer: count(None),
            requests,
        })
    }

    /// Reminds the contacts who did not answer a call's requests; answers how many.
    ///
    /// # Errors
    /// As [`Service::update_round`]; 401/403 for callers other than the secretariat.
    pub fn remind(&self, caller: &Caller, call: &str) -> Result<usize, ServiceError> {
        secretariat(caller)?;
        let _guard = self.write_lock.blocking_lock();
        let call_id = self.open_update_call(call)?;
        let now = Utc::now();
        let mut records: Vec<Keyed> = Vec::new();
        for mut request in self.requests_where(&[], |_, c| c == call_id)? {
            let Some(project) = self.store.get(request.project)? else {
                continue;
            };
            if request.answer.is_some() || project.state != State::Published {
                continue;
            }
            let Some(notice) = notice(&project, true, now) else {
                continue;
            };
            request.reminders += 1;
            records.push((
                Space::UpdateRequest,
                request_key(project.id, call_id),
                json(&request),
            ));
            records.push(Queued::record(notice));
        }
        self.send_requests(&records)
    }

    /// Writes update requests (or reminders), each beside its queued message, durably,
    /// and wakes the sender; answers how many.
    fn send_requests(&self, records: &[Keyed]) -> Result<usize, ServiceError> {
        self.writable()?;
        self.store.write_with(&[], None, records)?;
        self.store.flush()?;
        self.mail.wake();
        Ok(records.len() / 2)
    }

    /// The id of an open `update` call.
    fn open_update_call(&self, call: &str) -> Result<ProjectId, ServiceError> {
        let view = self.call(call)?;
        if view.call.kind != CallKind::Update || !view.open {
            return Err(ServiceError::Conflict {
                code: "not_an_open_update_call",
                message: "update requests go out inside an open call of kind 'update'".into(),
            });
        }
        Ok(view.call.id)
    }

    /// Confirms a published project unchanged (its submitter, not the secretariat):
    /// `last_confirmed` is now, and its open update requests are answered.
    ///
    /// # Errors
    /// 404/401 for callers who may not see or change it; 409 when it is not published.
    pub fn confirm_unchanged(
        &self,
        id: &str,
        caller: &Caller,
    ) -> Result<(OwnerProject, u64), ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        let send = "send the edit token (X-Edit-Token) or an account token";
        let (project, role) = self.changing(id, caller, send)?;
        if role != Role::Submitter {
            return Err(ServiceError::Forbidden(
                "only the project's submitter confirms it up to date".into(),
            ));
        }
        if project.state != State::Published {
            return Err(ServiceError::Conflict {
                code: "invalid_transition",
                message: "only a published project is confirmed unchanged".into(),
            });
        }
        let now = Utc::now();
        let mut next = project.clone();
        next.last_confirmed = Some(now);
        next.version += 1;
        next.updated_at = now;
        next.history.push(Transition {
            at: now,
            action: Action::Confirmed,
            from: Some(project.state),
            to: project.state,
            by: role.name().to_string(),
            message: None,
            revision: false,
        });
        let answers = self.answers(project.id, Answer::Confirmed, now)?;
        let view = OwnerProject::from(&next);
        let change = Change {
            project: next,
            kind: ChangeKind::Updated,
        };
        let seq = self.commit_locked_with(&[change], None, &answers)?;
        Ok((view, seq))
    }

    /// The records answering a project's open update requests (the caller writes them with
    /// the change that answers them).
    pub(super) fn answers(
        &self,
        project: ProjectId,
        answer: Answer,
        now: DateTime<Utc>,
    ) -> Result<Vec<Keyed>, ServiceError> {
        Ok(self
            .requests_where(&project.to_bytes(), |p, _| p == project)?
            .into_iter()
            .filter(|r| r.answer.is_none())
            .map(|mut r| {
                let key = request_key(r.project, r.call);
                r.answer = Some((answer, now));
                (Space::UpdateRequest, key, json(&r))
            })
            .collect())
    }

    /// Every update request of every call (for backups).
    pub(super) fn all_update_requests(&self) -> Result<Vec<UpdateRequest>, ServiceError> {
        self.requests_where(&[], |_, _| true)
    }

    /// Stores an update request as it is (a restore).
    pub(super) fn put_update_request(&self, r: &UpdateRequest) -> Result<(), ServiceError> {
        let key = request_key(r.project, r.call);
        self.store
            .spaces()
            .put(Space::UpdateRequest, &key, &json(r))?;
        Ok(())
    }

    /// The requests whose keys start with `prefix` (a project's id, or nothing) that `keep`
    /// keeps, by project and call.
    fn requests_where(
        &self,
        prefix: &[u8],
        keep: impl Fn(ProjectId, ProjectId) -> bool,
    ) -> Result<Vec<UpdateRequest>, ServiceError> {
        let mut found = Vec::new();
        for item in self.store.spaces().scan_under(Space::UpdateRequest, prefix) {
            let (key, value) = item?;
            let (Ok(p), Ok(c)) = (
                <[u8; 16]>::try_from(&key[..16]),
                <[u8; 16]>::try_from(&key[16..]),
            ) else {
                continue;
            };
            if keep(ProjectId::from_bytes(p), ProjectId::from_bytes(c)) {
                if let Ok(request) = serde_json::from_slice::<UpdateRequest>(&value) {
                    found.push(request);
                }
            }
        }
        Ok(found)
    }
}
