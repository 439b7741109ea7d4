//! Abuse limits on anonymous writes: a per-client rate limit on submissions and edits
//! (429 with `Retry-After`). Calls with a secretariat key are not limited here.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use governor::{DefaultKeyedRateLimiter, Quota};

use crate::service::{Caller, ServiceError};

/// Limits of the HTTP layer.
#[derive(Clone, Copy, Debug)]
pub struct HttpLimits {
    /// Submissions and edits per client and minute, without a key (0: no limit).
    pub writes_per_minute: u32,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
}

impl Default for HttpLimits {
    fn default() -> HttpLimits {
        HttpLimits {
            writes_per_minute: 60,
            max_body_bytes: super::MAX_BODY_BYTES,
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
