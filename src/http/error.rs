//! Errors as HTTP answers: the one table from a kind of service error to its status and
//! code ([`answer`], used by the API and the pages), and the API's error body
//! `{"error": {"code", "message", "field", "details"}}`.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::model::text::strip_unsafe;
use crate::model::FieldError;
use crate::service::ServiceError;

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    field: Option<String>,
    details: Option<Vec<FieldError>>,
    retry_after: Option<u64>,
    cause: Option<Box<Cause>>,
}

/// The body of every error answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// What went wrong: a code for programs, a sentence for people, the field at fault.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable code, e.g. `invalid_action_line`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// The field or parameter at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every bad field of a submission, the first one leading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<FieldError>>,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            details: None,
            retry_after: None,
            cause: None,
        }
    }

    /// The same error, telling the client when to retry (`Retry-After`, seconds).
    pub fn with_retry_after(mut self, seconds: u64) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }

    /// The same error, naming the field or parameter at fault.
    pub fn with_field(mut self, field: &str) -> ApiError {
        self.field = Some(field.to_string());
        self
    }

    /// 400 for a bad query parameter.
    pub fn bad_parameter(param: &str, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message).with_field(param)
    }

    /// 500; the cause goes to the request's log line, never to the client.
    pub fn internal(cause: &dyn std::error::Error) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "something went wrong on our side; the error has been logged",
        );
        error.cause = Some(Box::new(Cause::of(cause)));
        error
    }
}

/// How a service error is answered, in the API and on the pages alike.
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The machine-readable code.
    pub code: &'static str,
    /// Seconds to wait before retrying, sent as `Retry-After`.
    pub retry_after: Option<u64>,
}

/// The one table from a kind of service error to its status and code.
pub fn answer(error: &ServiceError) -> Answer {
    let (status, code, retry_after) = match error {
        ServiceError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors.0.first().map(|f| f.code).unwrap_or("invalid"),
            None,
        ),
        ServiceError::BadParameter(p) => (StatusCode::BAD_REQUEST, p.code, None),
        ServiceError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found", None),
        ServiceError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized", None),
        ServiceError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden", None),
        ServiceError::Conflict { code, .. } => (StatusCode::CONFLICT, *code, None),
        ServiceError::RateLimited { retry_after } => (
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            Some(*retry_after),
        ),
        ServiceError::PreconditionRequired(_) => {
            (StatusCode::PRECONDITION_REQUIRED, "if_match_required", None)
        }
        ServiceError::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable", None),
        ServiceError::Busy { retry_after, .. } => {
            (StatusCode::SERVICE_UNAVAILABLE, "busy", Some(*retry_after))
        }
        ServiceError::Internal { .. } => {
            (StatusCode::INTERNAL_SERVER_ERROR, "internal_error", None)
        }
    };
    Answer {
        status,
        code,
        retry_after,
    }
}

/// The cause of a 5xx answer, carried in the response's extensions to the request's log
/// line ([`crate::http::metrics::track`]); never sent.
#[derive(Clone, Debug)]
pub struct Cause(pub String);

impl Cause {
    /// The cause of an internal error, with every source it holds.
    pub fn of(error: &dyn std::error::Error) -> Cause {
        let mut text = error.to_string();
        let mut source = error.source();
        while let Some(inner) = source {
            text.push_str(": ");
            text.push_str(&inner.to_string());
            source = inner.source();
        }
        Cause(text)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> ApiError {
        let answer = answer(&e);
        let mut error = ApiError::new(answer.status, answer.code, e.to_string());
        error.retry_after = answer.retry_after;
        match e {
            ServiceError::Invalid(errors) => {
                let first = errors.0.first();
                error.message = first.map(|f| f.message.clone()).unwrap_or_default();
                error.field = first.map(|f| f.field.clone());
                error.details = Some(errors.0);
            }
            ServiceError::BadParameter(p) => {
                error.message = p.message;
                error.field = Some(p.param);
            }
            ServiceError::PreconditionRequired(_) => error.field = Some("If-Match".into()),
            ServiceError::Internal { .. } => return ApiError::internal(&e),
            _ => {}
        }
        error
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with 'Content-Type: application/json'",
            ),
            JsonRejection::JsonSyntaxError(e) => ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                format!("the body is not valid JSON: {}", e.body_text()),
            ),
            JsonRejection::JsonDataError(e) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_type",
                e.body_text(),
            ),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                "the body is larger than this endpoint accepts",
            ),
            other => ApiError::new(other.status(), "bad_request", other.body_text()),
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        ApiError::new(rejection.status(), "invalid_path", rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // A message or field may quote what the client sent: never its control characters.
        let clean = |s: String| strip_unsafe(&s).into_owned();
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: clean(self.message),
                field: self.field.map(clean),
                details: self.details,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        if let Some(cause) = self.cause {
            response.extensions_mut().insert(*cause);
        }
        response
    }
}
