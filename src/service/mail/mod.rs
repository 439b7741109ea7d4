//! E-mail: a transactional outbox. A message is queued in the store in the same batch as
//! the change that causes it ([`outbox`]); one sender thread delivers the oldest first,
//! through a [`Transport`] (SMTP, or `.eml` files in the data directory), and retries with
//! backoff ([`sender`]). Nothing on a request path waits for a mail server.

pub mod outbox;
pub mod sender;
pub mod transport;

use std::sync::atomic::AtomicU64;
use std::sync::{Condvar, Mutex};

use ulid::Ulid;

use crate::model::Notice;

pub use outbox::Queued;
pub use sender::{spawn_sender, SenderSettings};
pub use transport::{FileOutbox, Smtp};

/// A message as it is sent: the words are written, the envelope is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// Its id: the same `Message-ID` on every attempt.
    pub id: Ulid,
    /// The address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body.
    pub html: String,
}

/// Writes a notice's words (in its language, with links to the site).
pub trait Compose: Send + Sync {
    /// The message for a notice.
    fn compose(&self, notice: &Notice) -> Outgoing;
}

/// Delivers messages.
pub trait Transport: Send {
    /// Delivers one message; the error says why it was not.
    ///
    /// # Errors
    /// The server refused it or could not be reached.
    fn send(&mut self, message: &Outgoing) -> Result<(), String>;
}

/// The sender's counters and its wake-up call, kept by the service.
#[derive(Default)]
pub struct MailState {
    /// Messages delivered since the start.
    pub sent: AtomicU64,
    /// Attempts that failed since the start.
    pub failures: AtomicU64,
    /// Set when something was queued (or the server stops); the sender waits on it.
    wake: Mutex<bool>,
    woken: Condvar,
    /// Set when the server stops.
    stopping: std::sync::atomic::AtomicBool,
}

impl MailState {
    /// Wakes the sender: something was queued.
    pub fn wake(&self) {
        let mut flag = self.wake.lock().unwrap_or_else(|p| p.into_inner());
        *flag = true;
        self.woken.notify_all();
    }

    /// Tells the sender to stop after the message it is sending.
    pub fn stop(&self) {
        self.stopping
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.wake();
    }

    fn is_stopping(&self) -> bool {
        self.stopping.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Waits until woken or `timeout` passed.
    fn wait(&self, timeout: std::time::Duration) {
        let flag = self.wake.lock().unwrap_or_else(|p| p.into_inner());
        let (mut flag, _) = self
            .woken
            .wait_timeout_while(flag, timeout, |woken| !*woken)
            .unwrap_or_else(|p| p.into_inner());
        *flag = false;
    }
}
