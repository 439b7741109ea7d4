//! Abuse limits on anonymous writes: a per-client rate limit on submissions and edits
//! (429 with `Retry-After`). Calls with a secretariat key are not limited here.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;

use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use governor::{DefaultKeyedRateLimiter, Quota};

use super::error::ApiError;
use crate::service::{Caller, ServiceError};

/// Longest a request may take (imports, whose bodies stream, excepted).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Answers 503 with `Retry-After` when a request takes longer than [`REQUEST_TIMEOUT`].
pub async fn deadline(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let message = format!(
                "the request took longer than {} s; try a narrower one, or later",
                REQUEST_TIMEOUT.as_secs()
            );
            if api {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", message)
                    .with_retry_after(5)
                    .into_response()
            } else {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(axum::http::header::RETRY_AFTER, "5")],
                    message,
                )
                    .into_response()
            }
        }
    }
}

/// Refuses at once (413) a request whose declared `Content-Length` is over `max` bytes,
/// before its body is read; imports, whose bodies stream, are exempt.
pub async fn declared_size(
    axum::extract::State(max): axum::extract::State<usize>,
    request: Request,
    next: Next,
) -> Response {
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let too_large = declared.is_some_and(|n| n > max as u64);
    if !too_large || request.uri().path() == "/api/v1/import" {
        return next.run(request).await;
    }
    let error = ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!("the body is larger than the {max} bytes this endpoint accepts"),
    );
    if request.uri().path().starts_with("/api/") {
        error.into_response()
    } else {
        (StatusCode::PAYLOAD_TOO_LARGE, "the form is too large").into_response()
    }
}

/// Largest request body accepted (a description is at most 20,000 characters).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Limits of the HTTP layer.
#[derive(Clone, Copy, Debug)]
pub struct HttpLimits {
    /// Submissions and edits per client and minute, without a key (0: no limit).
    pub writes_per_minute: u32,
    /// Sign-in links asked for per client and hour (0: no limit).
    pub sign_ins_per_hour: u32,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// How long a streamed body waits for a client that does not read before it gives up
    /// (and frees its turn).
    pub send_timeout: Duration,
}

impl Default for HttpLimits {
    fn default() -> HttpLimits {
        HttpLimits {
            writes_per_minute: 60,
            sign_ins_per_hour: 20,
            max_body_bytes: MAX_BODY_BYTES,
            send_timeout: Duration::from_secs(30),
        }
    }
}

/// The client's address (unspecified when the server does not record addresses, as in
/// tests over the router alone: then every client shares one budget).
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<ClientIp, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip())
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        ))
    }
}

/// Budgets of anonymous writes per client.
pub struct WriteLimiter(Option<DefaultKeyedRateLimiter<IpAddr>>);

impl WriteLimiter {
    /// `per_minute` writes per client and minute, all of them usable at once; 0 disables.
    pub fn new(per_minute: u32) -> WriteLimiter {
        WriteLimiter(
            NonZeroU32::new(per_minute)
                .map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(n))),
        )
    }

    /// `per_hour` per client and hour, all of them usable at once; 0 disables.
    pub fn per_hour(per_hour: u32) -> WriteLimiter {
        WriteLimiter(
            NonZeroU32::new(per_hour).map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_hour(n))),
        )
    }

    /// Takes one write from the client's budget (the secretariat's calls are free).
    ///
    /// # Errors
    /// 429 with the seconds to wait, when the budget is spent.
    pub fn check(&self, caller: &Caller, client: &ClientIp) -> Result<(), ServiceError> {
        let Some(limiter) = &self.0 else {
            return Ok(());
        };
        if caller.is_secretariat() {
            return Ok(());
        }
        // Forget clients whose budget is full again, so the table stays small.
        if limiter.len() > 10_000 {
            limiter.retain_recent();
        }
        limiter.check_key(&client.0).map_err(|not_until| {
            let clock = governor::clock::DefaultClock::default();
            let wait = not_until.wait_time_from(governor::clock::Clock::now(&clock));
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            ServiceError::RateLimited {
                retry_after: seconds.max(1),
            }
        })
    }
}
