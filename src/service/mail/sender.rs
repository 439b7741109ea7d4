//! The sender thread: delivers due messages, oldest first. A message that fails waits
//! before its next attempt (doubling from a base with each of its failures, at most ten
//! minutes) while the others go on. A message is removed once delivered, so a crash or a
//! restart sends again whatever was not confirmed: at least once, with the same
//! `Message-ID`. A message the server refuses for good, after a few attempts, and a sign-in
//! link past its validity are dropped (and counted).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::message::{Compose, Transport};
use super::outbox::Queued;
use crate::model::NoticeKind;
use crate::service::{Service, ServiceError};

/// Longest wait between two attempts at one message.
const MAX_BACKOFF: Duration = Duration::from_secs(600);
/// Longest the sender sleeps without being woken (due retries are found this late at most).
const POLL: Duration = Duration::from_secs(1);
/// Refusals for good of a message before it is dropped (a refusal may be a server's
/// mistake; three in a row are not).
const PERMANENT_ATTEMPTS: u32 = 3;

/// How the sender retries.
#[derive(Clone, Copy, Debug)]
pub struct SenderSettings {
    /// The wait after a message's first failure; it doubles with each next one.
    pub retry_base: Duration,
    /// How long sign-in links work: a link message older than this is not sent.
    pub link_validity: Duration,
}

/// The wait after a message's `failures` failures.
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
            let mut sender = Sender {
                service: &service,
                transport: transport.as_mut(),
                composer: composer.as_ref(),
                settings,
            };
            while !service.mail.is_stopping() {
                let wait = match sender.pass() {
                    Ok(next) => next.map_or(POLL, |at| until(at).min(POLL)),
                    Err(e) => {
                        tracing::error!(error = %e, "cannot read or update the outbox");
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

struct Sender<'a> {
    service: &'a Service,
    transport: &'a mut dyn Transport,
    composer: &'a dyn Compose,
    settings: SenderSettings,
}

impl Sender<'_> {
    /// Tries every due message once, oldest first; answers when the next one is due.
    fn pass(&mut self) -> Result<Option<DateTime<Utc>>, ServiceError> {
        let mut next = None::<DateTime<Utc>>;
        for queued in self.service.outbox()? {
            if self.service.mail.is_stopping() {
                break;
            }
            let now = Utc::now();
            let due = match queued.next_try > now {
                true => queued.next_try,
                // A store error on one message does not hold up the others; the message is
                // tried again after the poll interval.
                false => self.attempt(queued, now).unwrap_or_else(|e| {
                    tracing::error!(error = %e, "cannot record a delivery attempt");
                    later(now, POLL)
                }),
            };
            if due > now {
                next = Some(next.map_or(due, |n| n.min(due)));
            }
        }
        Ok(next)
    }

    /// One attempt at a message; answers when it is next due (the past when it is gone).
    fn attempt(
        &mut self,
        queued: Queued,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, ServiceError> {
        let id = queued.notice.id;
        if self.expired_link(&queued, now) {
            tracing::warn!(%id, "a sign-in link was not delivered in time; dropped");
            return self.drop_message(id).map(|()| now);
        }
        let message = self.composer.compose(&queued.notice);
        let failed = match self.transport.send(&message) {
            Ok(()) => {
                self.service.outbox_delivered(id)?;
                self.service.mail.sent.fetch_add(1, Ordering::Relaxed);
                tracing::info!(%id, "mail delivered");
                return Ok(now);
            }
            Err(failed) => failed,
        };
        self.service.mail.failures.fetch_add(1, Ordering::Relaxed);
        // A server's answer may repeat the address: it stays out of logs.
        let reason = failed.reason.replace(&queued.notice.to, "<recipient>");
        let attempts = queued.attempts + 1;
        let refusals = queued.refusals + u32::from(failed.permanent);
        if refusals >= PERMANENT_ATTEMPTS {
            tracing::error!(%id, attempts, reason = %reason, "mail refused for good; dropped");
            return self.drop_message(id).map(|()| now);
        }
        let wait = backoff(self.settings.retry_base, attempts);
        tracing::warn!(%id, attempts, retry_in_ms = wait.as_millis() as u64, reason = %reason, "mail not delivered; it will be tried again");
        let next = later(now, wait);
        let queued = Queued { refusals, ..queued };
        self.service.outbox_failed(queued, &reason, next)?;
        Ok(next)
    }

    /// Whether the message is a sign-in link older than links work.
    fn expired_link(&self, queued: &Queued, now: DateTime<Utc>) -> bool {
        matches!(queued.notice.kind, NoticeKind::SignIn { .. })
            && later(queued.notice.created_at, self.settings.link_validity) <= now
    }

    fn drop_message(&self, id: ulid::Ulid) -> Result<(), ServiceError> {
        self.service.mail.dropped.fetch_add(1, Ordering::Relaxed);
        self.service.outbox_delivered(id)
    }
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
