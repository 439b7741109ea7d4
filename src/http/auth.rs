//! Who is calling: `Authorization: Bearer <key>` (the secretariat) or `X-Edit-Token` (a
//! submitter). Keys are checked by the service; edit tokens against each project.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::service::{Caller, Service, ServiceError};

/// Header carrying a submitter's edit token.
pub const EDIT_TOKEN_HEADER: &str = "x-edit-token";

/// The credentials a request carries, not yet checked.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// None at all.
    None,
    /// A bearer key.
    Key(String),
    /// An edit token.
    EditToken(String),
    /// An `Authorization` header that is not `Bearer <key>`.
    Malformed,
}

impl<S: Send + Sync> FromRequestParts<S> for Credentials {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Credentials, Self::Rejection> {
        Ok(Credentials::from_headers(&parts.headers))
    }
}

impl Credentials {
    /// Reads the headers (a key wins over an edit token).
    pub fn from_headers(headers: &HeaderMap) -> Credentials {
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            return match value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")) {
                Some(key) if !key.trim().is_empty() => Credentials::Key(key.trim().to_string()),
                _ => Credentials::Malformed,
            };
        }
        match headers.get(EDIT_TOKEN_HEADER).and_then(|v| v.to_str().ok()) {
            Some(token) => Credentials::EditToken(token.to_string()),
            None => Credentials::None,
        }
    }

    /// The caller, once the key is checked.
    ///
    /// # Errors
    /// 401 for a malformed header or an unknown or revoked key.
    pub fn caller(self, service: &Service) -> Result<Caller, ServiceError> {
        match self {
            Credentials::None => Ok(Caller::Public),
            Credentials::EditToken(token) => Ok(Caller::Submitter(token)),
            Credentials::Key(key) => service.authenticate(&key),
            Credentials::Malformed => Err(ServiceError::Unauthorized(
                "the Authorization header must be 'Bearer <key>'".into(),
            )),
        }
    }

    /// Checks for a secretariat key of either role (for reading).
    ///
    /// # Errors
    /// 401 without a valid key.
    pub fn secretariat(self, service: &Service) -> Result<Caller, ServiceError> {
        match self.caller(service)? {
            caller if caller.is_secretariat() => Ok(caller),
            _ => Err(ServiceError::Unauthorized(
                "this needs a secretariat key: 'Authorization: Bearer <key>'".into(),
            )),
        }
    }

    /// Checks for a secretariat key that may change things.
    ///
    /// # Errors
    /// 401 without a valid key; 403 for a read-only key.
    pub fn secretariat_editor(self, service: &Service) -> Result<String, ServiceError> {
        match self.secretariat(service)? {
            Caller::Secretariat(name) => Ok(name),
            Caller::Reader(name) => Err(ServiceError::Forbidden(format!(
                "the key '{name}' is read-only"
            ))),
            _ => Err(ServiceError::Unauthorized(
                "this needs a secretariat key: 'Authorization: Bearer <key>'".into(),
            )),
        }
    }
}
