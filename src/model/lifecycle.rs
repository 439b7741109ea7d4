//! The life of a submission: who may move a project from which state to which. Each move
//! is recorded in the project's history ([`Transition`]).
//!
//! `pending` -> `published` | `changes_requested` | `rejected` (secretariat);
//! `changes_requested` -> `pending` when the submitter revises; any state -> `withdrawn`
//! (submitter or secretariat). A revision of a published project waits beside it: the
//! published fields stay public until the secretariat publishes the revision; rejecting the
//! revision keeps them. The secretariat may unpublish a published project with a reason:
//! it returns to `changes_requested`, out of public view, for the submitter to revise.

use chrono::{DateTime, Utc};

pub use super::project::{Action, Revision, Transition};
use super::project::{Project, ProjectFields, State};
use super::text::Lines;
use super::validation::{FieldError, Reader};

/// Who acts on a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The submitter, proven by the edit token.
    Submitter,
    /// A secretariat key, by name.
    Secretariat(String),
}

impl Role {
    /// How the history names the actor.
    pub fn name(&self) -> &str {
        match self {
            Role::Submitter => "submitter",
            Role::Secretariat(name) => name,
        }
    }
}

/// Longest secretariat message or reason, in characters.
pub const MESSAGE_MAX_CHARS: usize = 5_000;

/// A secretariat message or reason (`field`), trimmed and normalised, if it has 1 to
/// [`MESSAGE_MAX_CHARS`] characters and none that [`text::check`](super::text::check)
/// refuses.
///
/// # Errors
/// The problem, naming the field.
pub fn message_text(field: &str, text: &str) -> Result<String, FieldError> {
    let mut r = Reader::default();
    r.check_text(field, text, (1, MESSAGE_MAX_CHARS), Lines::Many)
        .ok_or_else(|| {
            r.errors.pop().unwrap_or_else(|| {
                FieldError::new(field, "invalid_length", "the text is not acceptable")
            })
        })
}

/// A move asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Publish a pending project or a waiting revision.
    Publish,
    /// Ask the submitter for changes, with a message.
    RequestChanges(String),
    /// Refuse a pending project or a waiting revision, with a reason.
    Reject(String),
    /// Take a published project out of public view, with a reason: back to
    /// `changes_requested`.
    Unpublish(String),
    /// Withdraw the project.
    Withdraw,
    /// New field values.
    Revise(ProjectFields),
}

impl Decision {
    /// Whether only the secretariat may take it.
    pub fn is_secretariat_only(&self) -> bool {
        matches!(
            self,
            Decision::Publish
                | Decision::RequestChanges(_)
                | Decision::Reject(_)
                | Decision::Unpublish(_)
        )
    }

    fn verb(&self) -> &'static str {
        match self {
            Decision::Publish => "publish",
            Decision::RequestChanges(_) => "request changes to",
            Decision::Reject(_) => "reject",
            Decision::Unpublish(_) => "unpublish",
            Decision::Withdraw => "withdraw",
            Decision::Revise(_) => "revise",
        }
    }
}

/// A move that the project's current state does not allow.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot {verb} a project that is {state}{detail}", state = state.code())]
pub struct IllegalTransition {
    /// The current state.
    pub state: State,
    verb: &'static str,
    detail: &'static str,
}

/// Applies a decision: the project as it is after it, with the move in its history and its
/// version raised. The caller has checked that `role` may act on the project at all.
///
/// # Errors
/// [`IllegalTransition`] naming the current state.
pub fn apply(
    project: &Project,
    role: &Role,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<Project, IllegalTransition> {
    let verb = decision.verb();
    let mut next = project.clone();
    let moved = match decision {
        Decision::Withdraw => withdraw(&mut next),
        Decision::Revise(fields) => revise(&mut next, role, fields, now),
        moderation => moderate(&mut next, moderation),
    };
    let (action, message, on_revision) = moved.map_err(|detail| IllegalTransition {
        state: project.state,
        verb,
        detail,
    })?;
    next.history.push(Transition {
        at: now,
        action,
        from: Some(project.state),
        to: next.state,
        by: role.name().to_string(),
        message,
        revision: on_revision,
    });
    next.version = project.version + 1;
    next.updated_at = now;
    Ok(next)
}

/// What a move did to the project: the action to record, its message, and whether it
/// concerned the waiting revision; or why it may not be made (the end of the
/// [`IllegalTransition`] message).
type Move = Result<(Action, Option<String>, bool), &'static str>;

/// Withdraws a project that is not withdrawn yet; a waiting revision goes with it.
fn withdraw(next: &mut Project) -> Move {
    if next.state == State::Withdrawn {
        return Err("");
    }
    next.state = State::Withdrawn;
    next.revision = None;
    Ok((Action::Withdrawn, None, false))
}

/// The secretariat's decision (publish, request changes or reject) on a pending project or
/// on the waiting revision of a published one; or unpublishing a published one.
fn moderate(next: &mut Project, decision: Decision) -> Move {
    let waiting = next.waiting_revision().is_some();
    match (decision, next.state) {
        (Decision::Publish, State::Pending) => {
            next.state = State::Published;
            Ok((Action::Published, None, false))
        }
        (Decision::Publish, State::Published) if waiting => {
            if let Some(revision) = next.revision.take() {
                next.fields = revision.fields;
            }
            Ok((Action::Published, None, true))
        }
        (Decision::RequestChanges(m), State::Pending) => {
            next.state = State::ChangesRequested;
            Ok((Action::ChangesRequested, Some(m), false))
        }
        (Decision::RequestChanges(m), State::Published) if waiting => {
            if let Some(revision) = next.revision.as_mut() {
                revision.changes_requested = true;
            }
            Ok((Action::ChangesRequested, Some(m), true))
        }
        (Decision::Reject(m), State::Pending) => {
            next.state = State::Rejected;
            Ok((Action::Rejected, Some(m), false))
        }
        (Decision::Reject(m), State::Published) if waiting => {
            next.revision = None;
            Ok((Action::Rejected, Some(m), true))
        }
        // The waiting revision would have no place to go: decide it first.
        (Decision::Unpublish(_), State::Published) if waiting => {
            Err(" with a revision waiting (publish or reject it first)")
        }
        (Decision::Unpublish(m), State::Published) => {
            next.state = State::ChangesRequested;
            Ok((Action::Unpublished, Some(m), false))
        }
        (_, State::Published) => Err(" with no revision waiting"),
        _ => Err(""),
    }
}

/// New field values: a pending project (or one sent back) takes them and waits again; a
/// published one takes the secretariat's at once and keeps the submitter's as its waiting
/// revision.
fn revise(next: &mut Project, role: &Role, fields: ProjectFields, now: DateTime<Utc>) -> Move {
    let waiting = next.waiting_revision().is_some();
    match (next.state, role) {
        (State::Pending | State::ChangesRequested, _) => {
            next.fields = fields;
            next.state = State::Pending;
            Ok((Action::Revised, None, false))
        }
        // Publishing the revision later would silently drop the correction.
        (State::Published, Role::Secretariat(_)) if waiting => {
            Err(" with a revision waiting (publish or reject it first)")
        }
        // The secretariat's own corrections need no approval.
        (State::Published, Role::Secretariat(_)) => {
            next.fields = fields;
            Ok((Action::Revised, None, false))
        }
        (State::Published, Role::Submitter) => {
            next.revision = Some(Revision {
                fields,
                submitted_at: now,
                changes_requested: false,
            });
            Ok((Action::Revised, None, true))
        }
        (State::Rejected | State::Withdrawn, _) => Err(""),
    }
}

/// Whether `role` revising `project` with `fields` would change nothing: the fields equal
/// the ones the revision replaces (a submitter's waiting revision, else the record's) and
/// the state stays. A project or revision sent back for changes moves on even with the
/// same fields: it goes back to the secretariat.
pub fn revision_changes_nothing(project: &Project, role: &Role, fields: &ProjectFields) -> bool {
    match (project.state, role, &project.revision) {
        (State::Pending, _, _) => project.fields == *fields,
        (State::Published, Role::Submitter, Some(waiting)) => {
            !waiting.changes_requested && waiting.fields == *fields
        }
        (State::Published, Role::Submitter, None) => project.fields == *fields,
        (State::Published, Role::Secretariat(_), _) => {
            project.waiting_revision().is_none() && project.fields == *fields
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(state: State) -> Project {
        crate::model::project::tests::sample_project(state)
    }

    fn secretariat() -> Role {
        Role::Secretariat("desk".into())
    }

    #[test]
    fn the_documented_transitions_are_the_only_legal_ones() {
        use State::*;
        let all = [Pending, ChangesRequested, Published, Rejected, Withdrawn];
        let decisions = |fields: &ProjectFields| {
            vec![
                Decision::Publish,
                Decision::RequestChanges("m".into()),
                Decision::Reject("r".into()),
                Decision::Unpublish("u".into()),
                Decision::Withdraw,
                Decision::Revise(fields.clone()),
            ]
        };
        for from in all {
            let p = project(from);
            for d in decisions(&p.fields) {
                let result = apply(&p, &secretariat(), d.clone(), Utc::now()).map(|n| n.state);
                let expected = match (&d, from) {
                    (Decision::Publish, Pending) => Ok(Published),
                    (Decision::RequestChanges(_), Pending) => Ok(ChangesRequested),
                    (Decision::Reject(_), Pending) => Ok(Rejected),
                    (Decision::Unpublish(_), Published) => Ok(ChangesRequested),
                    (Decision::Withdraw, s) if s != Withdrawn => Ok(Withdrawn),
                    (Decision::Revise(_), Pending | ChangesRequested) => Ok(Pending),
                    (Decision::Revise(_), Published) => Ok(Published),
                    _ => Err(from),
                };
                assert_eq!(result.map_err(|e| e.state), expected, "{d:?} from {from:?}");
            }
        }
    }

    #[test]
    fn only_a_revision_that_would_move_nothing_changes_nothing() {
        let same = |p: &Project, role: &Role| revision_changes_nothing(p, role, &p.fields);
        let pending = project(State::Pending);
        assert!(same(&pending, &Role::Submitter));
        let mut other = pending.fields.clone();
        other.title = "Another title".into();
        assert!(!revision_changes_nothing(
            &pending,
            &Role::Submitter,
            &other
        ));
        // Sent back for changes: the same fields go back to the secretariat.
        assert!(!same(&project(State::ChangesRequested), &Role::Submitter));
        let published = project(State::Published);
        assert!(same(&published, &Role::Submitter));
        assert!(same(&published, &secretariat()));
        let waiting = apply(
            &published,
            &Role::Submitter,
            Decision::Revise(other.clone()),
            Utc::now(),
        )
        .unwrap();
        assert!(revision_changes_nothing(&waiting, &Role::Submitter, &other));
        assert!(
            !same(&waiting, &Role::Submitter),
            "back to the published text"
        );
        assert!(
            !same(&waiting, &secretariat()),
            "refused while a revision waits"
        );
        for state in [State::Rejected, State::Withdrawn] {
            assert!(!same(&project(state), &Role::Submitter));
        }
    }

    #[test]
    fn a_submitters_revision_of_a_published_project_waits_for_approval() {
        let p = project(State::Published);
        let mut fields = p.fields.clone();
        fields.title = "A revised title".into();
        let revised = apply(&p, &Role::Submitter, Decision::Revise(fields), Utc::now()).unwrap();
        assert_eq!(revised.fields, p.fields, "the published text stays");
        assert_eq!(revised.version, 2);
        let rejected = apply(
            &revised,
            &secretariat(),
            Decision::Reject("no".into()),
            Utc::now(),
        )
        .unwrap();
        assert_eq!(rejected.fields, p.fields);
        assert!(rejected.revision.is_none());
        let approved = apply(&revised, &secretariat(), Decision::Publish, Utc::now()).unwrap();
        assert_eq!(approved.fields.title, "A revised title");
        assert!(approved.revision.is_none());
        // While a revision waits, the secretariat's own edit would be lost on approval.
        let correction = Decision::Revise(p.fields.clone());
        let refused = apply(&revised, &secretariat(), correction, Utc::now()).unwrap_err();
        assert!(
            refused.to_string().contains("revision waiting"),
            "{refused}"
        );
        let twice = apply(&approved, &secretariat(), Decision::Publish, Utc::now()).unwrap_err();
        assert!(twice
            .to_string()
            .contains("published with no revision waiting"));
        let history: Vec<Action> = approved.history.iter().map(|t| t.action).collect();
        assert_eq!(history, vec![Action::Revised, Action::Published]);
        assert_eq!(approved.history[1].by, "desk");
    }

    #[test]
    fn unpublishing_sends_a_project_back_with_its_reason_once_no_revision_waits() {
        let p = project(State::Published);
        let unpublish = || Decision::Unpublish("out of date".into());
        let back = apply(&p, &secretariat(), unpublish(), Utc::now()).unwrap();
        assert_eq!(back.state, State::ChangesRequested);
        let last = back.history.last().unwrap();
        assert_eq!(last.action, Action::Unpublished);
        assert_eq!(last.message.as_deref(), Some("out of date"));
        let mut fields = p.fields.clone();
        fields.title = "A revised title".into();
        let waiting = apply(&p, &Role::Submitter, Decision::Revise(fields), Utc::now()).unwrap();
        let refused = apply(&waiting, &secretariat(), unpublish(), Utc::now()).unwrap_err();
        assert!(
            refused.to_string().contains("revision waiting"),
            "{refused}"
        );
    }
}
