//! The queue of messages in the store: a record per message, keyed by its time-ordered
//! id, written with the change that causes it and removed once delivered.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

use crate::model::Notice;
use crate::service::{Service, ServiceError};
use crate::store::{json, Keyed, Space};

/// A message waiting to be delivered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    /// What to tell whom.
    pub notice: Notice,
    /// Attempts that failed so far.
    pub attempts: u32,
    /// Of those, the ones the server refused for good.
    #[serde(default)]
    pub refusals: u32,
    /// Not to be tried before this.
    pub next_try: DateTime<Utc>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

impl Queued {
    /// The store record queueing a notice now.
    pub fn record(notice: Notice) -> Keyed {
        let key = notice.id.to_bytes().to_vec();
        let queued = Queued {
            next_try: notice.created_at,
            notice,
            attempts: 0,
            refusals: 0,
            last_error: None,
        };
        (Space::Outbox, key, json(&queued))
    }
}

impl Service {
    /// The messages waiting, oldest first (an undecodable record is logged and removed).
    ///
    /// # Errors
    /// Storage errors.
    pub fn outbox(&self) -> Result<Vec<Queued>, ServiceError> {
        let mut queued = Vec::new();
        for item in self.store.spaces().scan(Space::Outbox) {
            let (key, value) = item?;
            match serde_json::from_slice::<Queued>(&value) {
                Ok(q) => queued.push(q),
                Err(e) => {
                    // Set aside once, not read again every second.
                    tracing::error!(key = %hex::encode(&key), error = %e, "unreadable message in the outbox; dropped");
                    self.store.spaces().take(Space::Outbox, &key)?;
                    self.mail
                        .dropped
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
        Ok(queued)
    }

    /// How many messages wait.
    pub fn outbox_depth(&self) -> usize {
        self.store.spaces().scan(Space::Outbox).count()
    }

    /// Removes a delivered message.
    ///
    /// # Errors
    /// Storage errors.
    pub fn outbox_delivered(&self, id: Ulid) -> Result<(), ServiceError> {
        self.store.spaces().take(Space::Outbox, &id.to_bytes())?;
        self.store.flush()?;
        Ok(())
    }

    /// Records a failed attempt: the message is tried again at `next_try`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn outbox_failed(
        &self,
        mut queued: Queued,
        error: &str,
        next_try: DateTime<Utc>,
    ) -> Result<(), ServiceError> {
        queued.attempts += 1;
        queued.next_try = next_try;
        queued.last_error = Some(error.chars().take(500).collect());
        let key = queued.notice.id.to_bytes();
        self.store
            .spaces()
            .put(Space::Outbox, &key, &json(&queued))?;
        self.store.flush()?;
        Ok(())
    }
}
