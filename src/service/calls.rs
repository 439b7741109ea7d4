//! Calls for submissions: the secretariat opens them and moves their deadlines (the
//! history is kept); a submission may name an open one, and each call counts the
//! submissions that did.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::Value;

use super::{Caller, Service, ServiceError};
use crate::model::{
    parse_call, Call, CallId, CallKind, CallRefusal, FieldError, ProjectId, ValidationErrors,
    MAX_CALL_NUMBER,
};
use crate::store::{Keyed, Space};

/// A call with the number of submissions that named it.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct CallView {
    /// The call.
    #[serde(flatten)]
    pub call: Call,
    /// Whether submissions may name it now.
    pub open: bool,
    /// Submissions that named it.
    pub submissions: u64,
}

fn editor(caller: &Caller) -> Result<&str, ServiceError> {
    match caller {
        Caller::Secretariat(name) => Ok(name),
        Caller::Reader(name) => Err(ServiceError::Forbidden(format!(
            "the key '{name}' is read-only"
        ))),
        _ => Err(ServiceError::Unauthorized(
            "calls are opened by the secretariat: 'Authorization: Bearer <key>'".into(),
        )),
    }
}

fn call_field_error(code: &'static str, message: String) -> ServiceError {
    ValidationErrors(vec![FieldError::new("call", code, message)]).into()
}

impl Service {
    /// Opens a call (secretariat).
    ///
    /// # Errors
    /// 401/403 for other callers; 422 naming each bad field; storage errors.
    pub fn create_call(&self, caller: &Caller, body: Value) -> Result<CallView, ServiceError> {
        editor(caller)?;
        let new = parse_call(body)?;
        let _guard = self.write_lock.blocking_lock();
        let number = self.next_call_number()?;
        let call = Call {
            id: ProjectId::generate(),
            number,
            kind: new.kind,
            texts: new.texts,
            opens_at: new.opens_at,
            closes_at: new.closes_at,
            deadline_history: Vec::new(),
            created_at: Utc::now(),
        };
        self.put_call(&call)?;
        self.view(call)
    }

    /// Moves a call's deadline (secretariat); the old one stays in its history.
    ///
    /// # Errors
    /// 401/403 for other callers; 404 for an unknown call; 422 for a deadline before the
    /// opening; storage errors.
    pub fn move_deadline(
        &self,
        caller: &Caller,
        id: &str,
        to: DateTime<Utc>,
    ) -> Result<CallView, ServiceError> {
        let by = editor(caller)?.to_string();
        let _guard = self.write_lock.blocking_lock();
        let mut call = self.load_call(id)?;
        call.move_deadline(to, &by, Utc::now())?;
        self.put_call(&call)?;
        self.view(call)
    }

    /// Every call, open ones first, then the latest deadline first.
    ///
    /// # Errors
    /// Storage errors.
    pub fn calls(&self) -> Result<Vec<CallView>, ServiceError> {
        let mut views = Vec::new();
        for item in self.store.spaces().scan(Space::Call) {
            let (_, bytes) = item?;
            let call: Call = serde_json::from_slice(&bytes)
                .map_err(|e| ServiceError::caused("unreadable call", e))?;
            views.push(self.view(call)?);
        }
        views.sort_by_key(|v| (!v.open, std::cmp::Reverse(v.call.closes_at)));
        Ok(views)
    }

    /// One call.
    ///
    /// # Errors
    /// 404 for an unknown id; storage errors.
    pub fn call(&self, id: &str) -> Result<CallView, ServiceError> {
        self.view(self.load_call(id)?)
    }

    /// The call a submission names, if it admits submissions now, with its counter's new
    /// record (the caller holds the write lock and writes the record with the project).
    ///
    /// # Errors
    /// 422 naming `call`: unknown, not open yet, or closed (with its deadline).
    pub(super) fn admitting_call(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(Call, Keyed), ServiceError> {
        let unknown = || {
            call_field_error(
                "unknown_call",
                format!("no call for submissions has the id '{id}'"),
            )
        };
        let call = self.load_call(id).map_err(|e| match e {
            ServiceError::NotFound(_) => unknown(),
            other => other,
        })?;
        if call.kind == CallKind::Update {
            let message =
                "an update call asks for updates of published projects, not for new submissions";
            return Err(call_field_error("call_not_for_submissions", message.into()));
        }
        match call.admits(now) {
            Ok(()) => {}
            Err(CallRefusal::NotOpen) => {
                let opens = call.opens_at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
                return Err(call_field_error(
                    "call_not_open",
                    format!("the call opens on {opens}"),
                ));
            }
            Err(CallRefusal::Closed) => {
                let closed = call.closes_at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
                return Err(call_field_error(
                    "call_closed",
                    format!("the call closed on {closed}; its deadline has passed"),
                ));
            }
        }
        let count = self.submissions_of(call.id)? + 1;
        let record = (
            Space::CallCount,
            call.id.to_bytes().to_vec(),
            count.to_be_bytes().to_vec(),
        );
        Ok((call, record))
    }

    /// The number the next call gets (caller holds the write lock).
    ///
    /// # Errors
    /// 409 when every number is taken; storage errors.
    fn next_call_number(&self) -> Result<u16, ServiceError> {
        let mut last = 0;
        for item in self.store.spaces().scan(Space::Call) {
            let (_, bytes) = item?;
            if let Ok(call) = serde_json::from_slice::<Call>(&bytes) {
                last = last.max(call.number);
            }
        }
        if last >= MAX_CALL_NUMBER {
            return Err(ServiceError::Conflict {
                code: "too_many_calls",
                message: format!("at most {MAX_CALL_NUMBER} calls can be opened"),
            });
        }
        Ok(last + 1)
    }

    fn submissions_of(&self, id: CallId) -> Result<u64, ServiceError> {
        let bytes = self.store.spaces().get(Space::CallCount, &id.to_bytes())?;
        Ok(bytes
            .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
            .map_or(0, u64::from_be_bytes))
    }

    fn view(&self, call: Call) -> Result<CallView, ServiceError> {
        Ok(CallView {
            open: call.is_open(Utc::now()),
            submissions: self.submissions_of(call.id)?,
            call,
        })
    }

    fn load_call(&self, id: &str) -> Result<Call, ServiceError> {
        let not_found = || ServiceError::NotFound(format!("no call with id '{id}'"));
        let id: CallId = id.parse().map_err(|_| not_found())?;
        let bytes = self
            .store
            .spaces()
            .get(Space::Call, &id.to_bytes())?
            .ok_or_else(not_found)?;
        serde_json::from_slice(&bytes).map_err(|e| ServiceError::caused("unreadable call", e))
    }

    /// Counts one more submission of a call (a restore, which holds the write lock).
    pub(super) fn count_submission(&self, id: CallId) -> Result<(), ServiceError> {
        let count = self.submissions_of(id)? + 1;
        (self.store.spaces()).put(Space::CallCount, &id.to_bytes(), &count.to_be_bytes())?;
        Ok(())
    }

    pub(super) fn put_call(&self, call: &Call) -> Result<(), ServiceError> {
        let bytes = serde_json::to_vec(call).map_err(|e| ServiceError::caused("call", e))?;
        self.store
            .spaces()
            .put(Space::Call, &call.id.to_bytes(), &bytes)?;
        self.store.flush()?;
        Ok(())
    }
}
