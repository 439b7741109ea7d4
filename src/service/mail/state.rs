//! What the service keeps of the sender: its counters and its wake-up call.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};

/// The sender's counters and its wake-up call, kept by the service.
#[derive(Default)]
pub struct MailState {
    /// Messages delivered since the start.
    pub sent: AtomicU64,
    /// Attempts that failed since the start.
    pub failures: AtomicU64,
    /// Messages given up since the start (refused for good, or a sign-in link too late).
    pub dropped: AtomicU64,
    /// Set when something was queued (or the server stops); the sender waits on it.
    wake: Mutex<bool>,
    woken: Condvar,
    /// Set when the server stops.
    stopping: AtomicBool,
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
        self.stopping.store(true, Ordering::SeqCst);
        self.wake();
    }

    pub(super) fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Waits until woken or `timeout` passed.
    pub(super) fn wait(&self, timeout: std::time::Duration) {
        let flag = self.wake.lock().unwrap_or_else(|p| p.into_inner());
        let (mut flag, _) = self
            .woken
            .wait_timeout_while(flag, timeout, |woken| !*woken)
            .unwrap_or_else(|p| p.into_inner());
        *flag = false;
    }
}
