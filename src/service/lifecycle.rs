//! Moderation and revision: who may read and change a project, the answer to its
//! submission, the moves of its life, its history, and the secretariat's queue with
//! duplicate hints.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::duplicates::{Fingerprint, Peers};
use super::mail::Queued;
use super::{tokens, KeyRole, Service, ServiceError};
use crate::model::{
    apply_decision, notice_of_change, parse_submission, revision_changes_nothing, Contact,
    Decision, OwnerProject, Project, ProjectFields, ProjectId, PublicProject, QueueFilters,
    ReviewKind, Role, State, SubmissionKind, Transition, UpdateAnswer,
};
use crate::store::{normal_address, Change, ChangeKind, Keyed};

/// Who is calling, as the HTTP layer established it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// Nobody in particular.
    Public,
    /// Someone holding an edit token (checked against each project).
    Submitter(String),
    /// Someone signed in with an e-mail link: the address (in lower case), owner of the
    /// projects whose contact has it.
    Account(String),
    /// A secretariat key that may change things, by name (already checked).
    Secretariat(String),
    /// A read-only secretariat key, by name: sees what the secretariat sees, changes nothing.
    Reader(String),
}

impl Caller {
    /// Whether the caller holds a secretariat key (of either role).
    pub fn is_secretariat(&self) -> bool {
        matches!(self, Caller::Secretariat(_) | Caller::Reader(_))
    }
}

/// The answer to a submission.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct Submitted {
    /// The new project's id.
    pub id: ProjectId,
    /// Always `pending`.
    pub state: State,
    /// The secret that lets the submitter see and revise the submission; shown once.
    pub edit_token: String,
    /// The log sequence number of the write.
    pub seq: u64,
    /// The first answer to the same `Idempotency-Key` and body, given again.
    #[serde(skip)]
    #[schema(ignore)]
    pub replayed: bool,
}

/// A project as the caller may see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ProjectView {
    /// The public record.
    Public(Box<PublicProject>),
    /// With revision, messages and contact, for its submitter and the secretariat.
    Owner(Box<OwnerProject>),
}

/// One entry of the moderation queue.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct QueueItem {
    /// `submission` (a pending project) or `revision` (of a published one).
    pub kind: ReviewKind,
    /// Since when it waits.
    pub waiting_since: DateTime<Utc>,
    /// The project, with the fields under review in `revision` for revisions.
    pub project: OwnerProject,
    /// Published projects it may duplicate.
    pub possible_duplicates: Vec<Duplicate>,
}

/// A project that looks like a queued one: a published project, or another one waiting.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct Duplicate {
    /// Its id.
    pub id: ProjectId,
    /// Its title.
    pub title: String,
    /// Its organization.
    pub organization: String,
    /// Its state: `published`, or the state of another waiting project.
    pub state: State,
    /// Why it is flagged.
    pub reason: &'static str,
}

impl Duplicate {
    /// `project` as a possible duplicate, shown by `fields` (cleaned).
    fn of(project: &Project, fields: &ProjectFields, reason: &'static str) -> Duplicate {
        let shown = fields.cleaned();
        Duplicate {
            id: project.id,
            title: shown.title.clone(),
            organization: shown.organization.clone(),
            state: project.state,
            reason,
        }
    }
}

/// Published candidates looked at per queued project.
const DUPLICATE_CANDIDATES: usize = 20;
/// Most possible duplicates listed per queued project.
const MAX_DUPLICATES: usize = 10;

impl Service {
    /// The caller a live secretariat key makes.
    ///
    /// # Errors
    /// [`ServiceError::Unauthorized`] for an unknown or revoked key.
    pub fn authenticate(&self, key: &str) -> Result<Caller, ServiceError> {
        if key.starts_with(super::account_rules::API_TOKEN_PREFIX) {
            return self.account_caller(key);
        }
        match self
            .keys
            .authenticate(key)
            .map_err(|e| ServiceError::caused("keys", e))?
        {
            Some((name, KeyRole::Editor)) => Ok(Caller::Secretariat(name)),
            Some((name, KeyRole::Reader)) => Ok(Caller::Reader(name)),
            None => Err(ServiceError::Unauthorized(
                "the API key is unknown or revoked".into(),
            )),
        }
    }

    /// The caller's role on a project, if any.
    fn role_on(project: &Project, caller: &Caller) -> Option<Role> {
        match caller {
            Caller::Secretariat(name) | Caller::Reader(name) => {
                Some(Role::Secretariat(name.clone()))
            }
            Caller::Submitter(token) => project
                .edit_token_hash
                .as_deref()
                .filter(|hash| tokens::matches(token, hash))
                .map(|_| Role::Submitter),
            Caller::Account(email) => project
                .contact
                .as_ref()
                .filter(|c| normal_address(&c.email) == *email)
                .map(|_| Role::Submitter),
            Caller::Public => None,
        }
    }

    fn load(&self, id: &str) -> Result<Project, ServiceError> {
        let not_found = || ServiceError::NotFound(format!("no project with id '{id}'"));
        let id: ProjectId = id.parse().map_err(|_| not_found())?;
        self.store.get(id)?.ok_or_else(not_found)
    }

    /// The project and the caller's role on it; 404 when the caller may not see it.
    pub(super) fn visible(
        &self,
        id: &str,
        caller: &Caller,
    ) -> Result<(Project, Option<Role>), ServiceError> {
        let project = self.load(id)?;
        let role = Self::role_on(&project, caller);
        if role.is_none() && !project.is_public() {
            return Err(ServiceError::NotFound(format!("no project with id '{id}'")));
        }
        Ok((project, role))
    }

    /// The project and the caller's role on it, for a change: 404 as [`Service::visible`],
    /// 403 for a read-only key, 401 (saying `send`) for a caller without a role on it.
    pub(super) fn changing(
        &self,
        id: &str,
        caller: &Caller,
        send: &str,
    ) -> Result<(Project, Role), ServiceError> {
        let (project, role) = self.visible(id, caller)?;
        if let Caller::Reader(name) = caller {
            return Err(ServiceError::Forbidden(format!(
                "the key '{name}' is read-only"
            )));
        }
        let role = role.ok_or_else(|| ServiceError::Unauthorized(send.to_string()))?;
        Ok((project, role))
    }

    /// One project as the caller may see it: published ones for everybody, any state (with
    /// revision, messages and contact) for its submitter and the secretariat.
    ///
    /// # Errors
    /// [`ServiceError::NotFound`] for unknown ids and for projects the caller may not see.
    pub fn project_view(&self, id: &str, caller: &Caller) -> Result<ProjectView, ServiceError> {
        let (project, role) = self.visible(id, caller)?;
        Ok(match role {
            Some(role) => ProjectView::Owner(Box::new(owner_view(&project, &role))),
            None => ProjectView::Public(Box::new(PublicProject::from(&project))),
        })
    }

    /// A project's history, oldest first (submitter or secretariat).
    ///
    /// # Errors
    /// 404 when the caller may not see the project; 401 when it is public but the caller
    /// is neither.
    pub fn history(&self, id: &str, caller: &Caller) -> Result<Vec<Transition>, ServiceError> {
        match self.visible(id, caller)? {
            (project, Some(_)) => Ok(project.history),
            (_, None) => Err(ServiceError::Unauthorized(
                "the history is for the submitter (X-Edit-Token) and the secretariat".into(),
            )),
        }
    }

    /// Applies a decision for the caller, durably; returns the project as it is now and
    /// the log sequence number. `if_match` is the version the caller last saw (required
    /// for revisions).
    ///
    /// # Errors
    /// 404/401/403 for callers who may not see or decide; 409 for a move the state does not
    /// allow or a stale version; 428 for a revision without a version; storage errors.
    pub fn decide(
        &self,
        id: &str,
        caller: &Caller,
        decision: Decision,
        if_match: Option<u64>,
    ) -> Result<(OwnerProject, u64), ServiceError> {
        self.decide_with_contact(id, caller, decision, if_match, None)
    }

    /// Revises a project with a submission body (`PUT`): new fields, and new contact
    /// details when the body has them. A revision that changes nothing writes nothing (no
    /// new version, no history entry) and answers the project as it is.
    ///
    /// # Errors
    /// As [`Service::decide`], and 422 for invalid fields.
    pub fn revise(
        &self,
        id: &str,
        caller: &Caller,
        body: serde_json::Value,
        if_match: Option<u64>,
    ) -> Result<(OwnerProject, u64), ServiceError> {
        let submission = parse_submission(body, SubmissionKind::Revision)?;
        self.decide_with_contact(
            id,
            caller,
            Decision::Revise(submission.fields),
            if_match,
            submission.contact,
        )
    }

    fn decide_with_contact(
        &self,
        id: &str,
        caller: &Caller,
        decision: Decision,
        if_match: Option<u64>,
        contact: Option<Contact>,
    ) -> Result<(OwnerProject, u64), ServiceError> {
        // Read, check and write under the write lock: two concurrent decisions on one
        // project apply one after the other, the second against the first's result.
        let _guard = self.write_lock.blocking_lock();
        let send = "send the edit token (X-Edit-Token) or a secretariat key";
        let (project, role) = self.changing(id, caller, send)?;
        if decision.is_secretariat_only() && role == Role::Submitter {
            return Err(ServiceError::Forbidden(
                "only the secretariat may publish, request changes, reject or unpublish".into(),
            ));
        }
        check_version(&project, if_match, &decision)?;
        if changes_nothing(&project, &role, &decision, contact.as_ref()) {
            // No new version and no history entry: the project as it is.
            return Ok((owner_view(&project, &role), self.store.last_seq()?));
        }
        let kind = match decision {
            Decision::Revise(_) => ChangeKind::Updated,
            _ => ChangeKind::StateChanged,
        };
        let mut next = apply_decision(&project, &role, decision, Utc::now()).map_err(|e| {
            ServiceError::Conflict {
                code: "invalid_transition",
                message: e.to_string(),
            }
        })?;
        if contact.is_some() {
            next.contact = contact;
        }
        let now = Utc::now();
        let mut extra: Vec<Keyed> = notice_of_change(Some(&project), &next, None, now)
            .map(Queued::record)
            .into_iter()
            .collect();
        if kind == ChangeKind::Updated && role == Role::Submitter {
            // A revision by its submitter answers the project's update requests.
            next.last_confirmed = Some(now);
            extra.extend(self.answers(project.id, UpdateAnswer::Updated, now)?);
        }
        let view = owner_view(&next, &role);
        let seq = self.commit_locked_with(
            &[Change {
                project: next,
                kind,
            }],
            None,
            &extra,
        )?;
        Ok((view, seq))
    }

    /// Pending submissions and waiting revisions, oldest first, that pass `filters` (applied
    /// to the fields under review), each with the published projects it may duplicate.
    ///
    /// # Errors
    /// Storage and index errors.
    pub fn moderation_queue(&self, filters: &QueueFilters) -> Result<Vec<QueueItem>, ServiceError> {
        let waiting: Vec<Project> = self
            .store
            .waiting()
            .filter(|p| p.as_ref().map_or(true, |p| p.review().is_some()))
            .collect::<Result<_, _>>()?;
        // Every waiting project is compared with the others, filtered out or not.
        let prints: Vec<Fingerprint> = waiting
            .iter()
            .map(|p| Fingerprint::of(under_review(p)))
            .collect();
        let peers = Peers::new(&prints);
        let mut items = Vec::new();
        for (i, project) in waiting.iter().enumerate() {
            let Some(review) = project.review() else {
                continue;
            };
            if !filters.accepts(project, &review) {
                continue;
            }
            let mut possible_duplicates = self.published_duplicates_of(project.id, &prints[i])?;
            for (j, reason) in peers.of(i) {
                let other = &waiting[j];
                if possible_duplicates.iter().any(|d| d.id == other.id) {
                    continue;
                }
                possible_duplicates.push(Duplicate::of(other, under_review(other), reason));
            }
            possible_duplicates.truncate(MAX_DUPLICATES);
            items.push(QueueItem {
                kind: review.kind,
                waiting_since: review.since,
                project: OwnerProject::with_contact(project),
                possible_duplicates,
            });
        }
        items.sort_by_key(|i| i.waiting_since);
        Ok(items)
    }

    /// Up to `limit` projects in `state` whose fields `keep` accepts, the most recently
    /// changed first, with contact details: the desk's lists beyond the queue (a scan of
    /// the store).
    ///
    /// # Errors
    /// Storage errors.
    pub fn projects_in_state(
        &self,
        state: State,
        keep: impl Fn(&Project) -> bool,
        limit: usize,
    ) -> Result<Vec<OwnerProject>, ServiceError> {
        let mut found = Vec::new();
        for project in self.store.projects() {
            let project = project?;
            if project.state == state && keep(&project) {
                found.push(project);
            }
        }
        found.sort_by_key(|p| std::cmp::Reverse(p.updated_at));
        found.truncate(limit);
        Ok(found.iter().map(OwnerProject::with_contact).collect())
    }

    /// Published projects that look like a waiting one.
    fn published_duplicates_of(
        &self,
        id: ProjectId,
        print: &Fingerprint,
    ) -> Result<Vec<Duplicate>, ServiceError> {
        let mut found = Vec::new();
        for candidate in self.index.similar(&print.probe, DUPLICATE_CANDIDATES)? {
            if candidate == id {
                continue;
            }
            let Some(other) = self.store.get(candidate)? else {
                continue;
            };
            if let Some(reason) = print.reason(&Fingerprint::of(&other.fields)) {
                found.push(Duplicate::of(&other, &other.fields, reason));
            }
        }
        Ok(found)
    }
}

/// Refuses a revision without the version it started from (428) and any decision on a
/// version other than the current one (409).
fn check_version(
    project: &Project,
    if_match: Option<u64>,
    decision: &Decision,
) -> Result<(), ServiceError> {
    match (if_match, decision) {
        (None, Decision::Revise(_)) => Err(ServiceError::PreconditionRequired(format!(
            "send If-Match with the version you revised (now {})",
            project.version
        ))),
        (Some(v), _) if v != project.version => Err(ServiceError::Conflict {
            code: ServiceError::VERSION_CONFLICT,
            message: format!(
                "the project is at version {}, not {v}; reload it and try again",
                project.version
            ),
        }),
        _ => Ok(()),
    }
}

/// Whether the decision is a revision that changes nothing: the same fields
/// ([`revision_changes_nothing`]) and no new contact details.
fn changes_nothing(
    project: &Project,
    role: &Role,
    decision: &Decision,
    contact: Option<&Contact>,
) -> bool {
    let Decision::Revise(fields) = decision else {
        return false;
    };
    contact.is_none_or(|c| project.contact.as_ref() == Some(c))
        && revision_changes_nothing(project, role, fields)
}

/// The fields the secretariat reviews: a waiting revision's, or the project's.
fn under_review(p: &Project) -> &ProjectFields {
    p.review().map_or(&p.fields, |r| r.fields)
}

/// The owner's view: contact details for the secretariat only.
fn owner_view(project: &Project, role: &Role) -> OwnerProject {
    match role {
        Role::Secretariat(_) => OwnerProject::with_contact(project),
        Role::Submitter => OwnerProject::from(project),
    }
}
