//! The sender thread: delivers the oldest due message first; after a failure the message
//! and the transport wait (doubling from a base, at most ten minutes) before the next
//! attempt. A message is removed only once delivered, so a crash or restart sends again
//! whatever was not confirmed: at least once, with the same `Message-ID`.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::message::{Compose, Transport};
use super::outbox::Queued;
use crate::service::Service;

/// Longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);
/// Longest the sender sleeps without being woken (due retries are found this late at most).
const POLL: Duration = Duration::from_secs(1);

/// How the sender retries.
#[derive(Clone, Copy, Debug)]
pub struct SenderSettings {
    /// The wait after a first failure; it doubles with each next one.
    pub retry_base: Duration,
}

/// The wait after `failures` failures in a row.
fn backoff(base: Duration, failures: u32) -> Duration {
    let factor = 1u32 << failures.saturating_sub(1).min(16);
    base.saturating_mul(factor).min(MAX_BACKOFF)
}

fn later(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX)
}

/// Starts the sender thread; it stops when the service's mail state is told to.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_sender(
    service: Arc<Service>,
    mut transport: Box<dyn Transport>,
    composer: Arc<dyn Compose>,
    settings: SenderSettings,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("mail-sender".into())
        .spawn(move || {
            let mut failures = 0u32;
            while !service.mail.is_stopping() {
                let wait = match send_due(&service, transport.as_mut(), composer.as_ref()) {
                    Ok(Pass::Idle(next)) => {
                        failures = 0;
                        next.map_or(POLL, |at| until(at).min(POLL))
                    }
                    Ok(Pass::Failed(queued, error)) => {
                        failures += 1;
                        let wait = backoff(settings.retry_base, failures);
                        let next = later(Utc::now(), wait);
                        service.mail.failures.fetch_add(1, Ordering::Relaxed);
                        tracing::warn!(id = %queued.notice.id, attempts = queued.attempts + 1, retry_in_ms = wait.as_millis() as u64, error = %error, "mail not delivered; it will be tried again");
                        if let Err(e) = service.outbox_failed(*queued, &error, next) {
                            tracing::error!(error = %e, "cannot record a failed delivery");
                        }
                        wait
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "cannot read the outbox");
                        POLL
                    }
                };
                service.mail.wait(wait);
            }
        })
}

/// The time from now until `at` (nothing when it is past).
fn until(at: DateTime<Utc>) -> Duration {
    (at - Utc::now()).to_std().unwrap_or(Duration::ZERO)
}

/// How a pass over the outbox ended.
enum Pass {
    /// Everything due went out; the next message is due then (if any waits).
    Idle(Option<DateTime<Utc>>),
    /// This message failed: the pass stopped there.
    Failed(Box<Queued>, String),
}

/// Sends every due message, oldest first, until one fails.
fn send_due(
    service: &Service,
    transport: &mut dyn Transport,
    composer: &dyn Compose,
) -> Result<Pass, crate::service::ServiceError> {
    let mut next = None::<DateTime<Utc>>;
    for queued in service.outbox()? {
        if service.mail.is_stopping() {
            break;
        }
        if queued.next_try > Utc::now() {
            next = Some(next.map_or(queued.next_try, |n| n.min(queued.next_try)));
            continue;
        }
        let message = composer.compose(&queued.notice);
        match transport.send(&message) {
            Ok(()) => {
                service.outbox_delivered(queued.notice.id)?;
                service.mail.sent.fetch_add(1, Ordering::Relaxed);
                tracing::info!(id = %queued.notice.id, "mail delivered");
            }
            Err(error) => {
                // A server's answer may repeat the address: it stays out of logs.
                let error = error.replace(&queued.notice.to, "<recipient>");
                return Ok(Pass::Failed(Box::new(queued), error));
            }
        }
    }
    Ok(Pass::Idle(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_the_base_up_to_ten_minutes() {
        let base = Duration::from_millis(100);
        assert_eq!(backoff(base, 1), base);
        assert_eq!(backoff(base, 2), base * 2);
        assert_eq!(backoff(base, 4), base * 8);
        assert_eq!(backoff(base, 40), MAX_BACKOFF);
        assert_eq!(backoff(Duration::from_secs(5), 12), MAX_BACKOFF);
    }
}
