//! Why an operation failed, as one error type the HTTP layer maps to statuses.

use crate::model::{ParamError, ValidationErrors};
use crate::search::SearchError;
use crate::store::StoreError;

/// Why an operation failed; the HTTP layer maps the kind to a status.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The submitted fields are invalid.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// A query parameter is invalid.
    #[error(transparent)]
    BadParameter(#[from] ParamError),
    /// No such record, or the caller may not see it.
    #[error("{0}")]
    NotFound(String),
    /// Credentials are missing or wrong.
    #[error("{0}")]
    Unauthorized(String),
    /// The caller is known but may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The record changed meanwhile, or its state does not allow the move.
    #[error("{message}")]
    Conflict {
        /// `version_conflict` or `invalid_transition`.
        code: &'static str,
        /// What the state or version is.
        message: String,
    },
    /// Too many writes from one client; retry after this many seconds.
    #[error("too many submissions and edits from this client; retry in {retry_after} s")]
    RateLimited {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// A conditional write came without its condition (`If-Match`).
    #[error("{0}")]
    PreconditionRequired(String),
    /// The service cannot take this request now (data directory held elsewhere, or writes
    /// stopped after a storage or index failure).
    #[error("{0}")]
    Unavailable(String),
    /// Every turn for this kind of work is taken; retry after this many seconds.
    #[error("{message}")]
    Busy {
        /// What is busy.
        message: String,
        /// Seconds to wait.
        retry_after: u64,
    },
    /// Our fault: storage or index errors.
    #[error("{context}")]
    Internal {
        /// What was being done.
        context: String,
        /// Why it failed, when another error says (logged, never sent).
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> ServiceError {
        match e {
            StoreError::Locked(_) => ServiceError::Unavailable(e.to_string()),
            other => ServiceError::caused("store", other),
        }
    }
}

impl From<SearchError> for ServiceError {
    fn from(e: SearchError) -> ServiceError {
        ServiceError::caused("search index", e)
    }
}

impl ServiceError {
    /// The code of a [`ServiceError::Conflict`] on a version other than the current one.
    pub const VERSION_CONFLICT: &'static str = "version_conflict";

    /// Whether the caller wrote against a version other than the current one.
    pub fn is_version_conflict(&self) -> bool {
        matches!(self, ServiceError::Conflict { code, .. } if *code == Self::VERSION_CONFLICT)
    }

    /// An internal error with nothing underneath.
    pub fn internal(context: impl Into<String>) -> ServiceError {
        ServiceError::Internal {
            context: context.into(),
            source: None,
        }
    }

    /// An internal error that `source` caused while doing `context`.
    pub fn caused(
        context: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> ServiceError {
        ServiceError::Internal {
            context: context.into(),
            source: Some(source.into()),
        }
    }
}
