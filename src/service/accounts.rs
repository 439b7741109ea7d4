//! Accounts without passwords: an account is an e-mail address, owner of the projects
//! whose contact has it. A sign-in link carries a single-use token, stored hashed and valid
//! for [`LINK_VALIDITY`] (the message carrying it holds it in clear in the outbox until it
//! is delivered); using it opens a session, stored hashed: a cookie for the pages, a
//! short-lived bearer token for the API.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::mail::Queued;
use super::{tokens, Caller, Service, ServiceError};
use crate::model::validation::is_email;
use crate::model::{
    FieldError, Language, Notice, NoticeKind, OwnerProject, Transition, ValidationErrors,
};
use crate::store::{json, normal_address, Space};

pub use super::account_rules::{
    AddressLimits, API_TOKEN, API_TOKEN_PREFIX, LINK_VALIDITY, PAGE_SESSION,
};

/// What a sign-in token stands for until used.
#[derive(Serialize, Deserialize)]
struct Link {
    email: String,
    expires_at: DateTime<Utc>,
}

/// Where a session is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// The pages (a cookie).
    Page,
    /// The API (a bearer token).
    Api,
}

/// An open session.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AccountSession {
    /// The account's address, in lower case.
    pub email: String,
    /// The token the pages' forms must carry.
    pub csrf: String,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
    /// Pages or API.
    pub kind: SessionKind,
}

/// One of an account's projects: as its submitter sees it, with its history.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AccountProject {
    /// The project (any state), with a revision waiting if any.
    #[serde(flatten)]
    pub project: OwnerProject,
    /// Its history, oldest first: the secretariat's messages are there.
    pub history: Vec<Transition>,
}

fn after(now: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    now + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

impl Service {
    /// Mails a sign-in link to the address, in `lang`. The answer does not tell whether the
    /// address has projects; past the per-address limit nothing is sent (and nothing said).
    ///
    /// # Errors
    /// 422 naming `email` for something that is not an address; storage errors.
    pub fn request_sign_in(&self, email: &str, lang: Language) -> Result<(), ServiceError> {
        let email = email.trim();
        if email.len() > 254 || !is_email(email) {
            return Err(ValidationErrors(vec![FieldError::new(
                "email",
                "invalid_email",
                "'email' must be an e-mail address",
            )])
            .into());
        }
        let address = normal_address(email);
        if !self.sign_in_limits.allows(&address) {
            tracing::warn!("sign-in links to one address asked for too often; none sent");
            return Ok(());
        }
        let now = Utc::now();
        let token = tokens::new_token();
        let link = Link {
            email: address,
            expires_at: after(now, self.link_validity),
        };
        let notice = Notice::new(
            email,
            lang,
            NoticeKind::SignIn {
                token: token.clone(),
            },
            None,
            now,
        );
        let records = [
            (
                Space::SignIn,
                tokens::hash(&token).into_bytes(),
                json(&link),
            ),
            Queued::record(notice),
        ];
        self.writable()?;
        self.prune(Space::SignIn, now)?;
        self.store.write_with(&[], None, &records)?;
        self.store.flush()?;
        self.mail.wake();
        Ok(())
    }

    /// Uses a sign-in link: opens a session of `kind`; answers its id (a secret) and the
    /// session. A link works once.
    ///
    /// # Errors
    /// 401 for an unknown, used or expired link; storage errors.
    pub fn sign_in(
        &self,
        token: &str,
        kind: SessionKind,
    ) -> Result<(String, AccountSession), ServiceError> {
        let refused = || {
            ServiceError::Unauthorized(
                "this sign-in link is unknown, used or expired; ask for a new one".into(),
            )
        };
        let taken = self
            .store
            .spaces()
            .take(Space::SignIn, tokens::hash(token.trim()).as_bytes())?
            .ok_or_else(refused)?;
        let link: Link = serde_json::from_slice(&taken).map_err(|_| refused())?;
        let now = Utc::now();
        if link.expires_at <= now {
            return Err(refused());
        }
        let (id, lasts) = match kind {
            SessionKind::Page => (tokens::new_token(), PAGE_SESSION),
            SessionKind::Api => (
                format!("{API_TOKEN_PREFIX}{}", tokens::new_token()),
                API_TOKEN,
            ),
        };
        let session = AccountSession {
            email: link.email,
            csrf: tokens::new_token(),
            expires_at: after(now, lasts),
            kind,
        };
        self.prune(Space::Session, now)?;
        let key = tokens::hash(&id);
        self.store
            .spaces()
            .put(Space::Session, key.as_bytes(), &json(&session))?;
        self.store.flush()?;
        Ok((id, session))
    }

    /// The open session of this id and kind, if any.
    ///
    /// # Errors
    /// Storage errors.
    pub fn account_session(
        &self,
        id: &str,
        kind: SessionKind,
    ) -> Result<Option<AccountSession>, ServiceError> {
        let key = tokens::hash(id);
        let Some(bytes) = self.store.spaces().get(Space::Session, key.as_bytes())? else {
            return Ok(None);
        };
        let session = serde_json::from_slice::<AccountSession>(&bytes).ok();
        match session {
            Some(s) if s.expires_at <= Utc::now() => {
                self.store.spaces().take(Space::Session, key.as_bytes())?;
                Ok(None)
            }
            Some(s) if s.kind == kind => Ok(Some(s)),
            _ => Ok(None),
        }
    }

    /// The caller an account's API token makes.
    ///
    /// # Errors
    /// 401 for an unknown or expired token.
    pub fn account_caller(&self, token: &str) -> Result<Caller, ServiceError> {
        match self.account_session(token, SessionKind::Api)? {
            Some(session) => Ok(Caller::Account(session.email)),
            None => Err(ServiceError::Unauthorized(
                "the account token is unknown or expired; sign in again".into(),
            )),
        }
    }

    /// Ends a session.
    ///
    /// # Errors
    /// Storage errors.
    pub fn sign_out(&self, id: &str) -> Result<(), ServiceError> {
        self.store
            .spaces()
            .take(Space::Session, tokens::hash(id).as_bytes())?;
        self.store.flush()?;
        Ok(())
    }

    /// Every project whose contact has the account's address, in every state, newest
    /// change first, with its history.
    ///
    /// # Errors
    /// Storage errors.
    pub fn account_projects(&self, email: &str) -> Result<Vec<AccountProject>, ServiceError> {
        let mut projects = self.store.projects_of(email)?;
        projects.sort_by_key(|p| std::cmp::Reverse(p.updated_at));
        Ok(projects
            .into_iter()
            .map(|p| AccountProject {
                project: OwnerProject::from(&p),
                history: p.history,
            })
            .collect())
    }

    /// How long a sign-in link works.
    pub fn link_validity(&self) -> std::time::Duration {
        self.link_validity
    }

    /// Forgets the links (or sessions) of `space` that expired, at most once a minute per
    /// space (each time reads them all).
    fn prune(&self, space: Space, now: DateTime<Utc>) -> Result<(), ServiceError> {
        #[derive(Deserialize)]
        struct Expiring {
            expires_at: DateTime<Utc>,
        }
        {
            let mut pruned = self.spaces_pruned.lock().unwrap_or_else(|p| p.into_inner());
            match pruned.iter_mut().find(|(s, _)| *s == space) {
                Some((_, at)) if now - *at < chrono::Duration::minutes(1) => return Ok(()),
                Some((_, at)) => *at = now,
                None => pruned.push((space, now)),
            }
        }
        for item in self.store.spaces().scan(space) {
            let (key, value) = item?;
            let expired =
                serde_json::from_slice::<Expiring>(&value).map_or(true, |l| l.expires_at <= now);
            if expired {
                self.store.spaces().take(space, &key)?;
            }
        }
        Ok(())
    }
}
