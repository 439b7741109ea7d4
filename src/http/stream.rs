//! Response bodies written by blocking service calls (exports, backups) and sent to the
//! client as they are written.
//!
//! Each body holds a blocking thread while it is written, so bodies take turns: the public
//! and the secretariat have budgets of their own ([`StreamBudgets`]), so anonymous exports
//! never hold up the secretariat's exports and backups. A client that stops reading loses
//! its turn after the send timeout: the writer gives up, frees its thread and its turn, and
//! the body ends with an error (a cut transfer, never a complete-looking file).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

use crate::service::{Service, ServiceError};

/// Anonymous streamed bodies written at once.
pub const PUBLIC_STREAMS: usize = 4;
/// The secretariat's exports written at once (a budget of their own).
pub const SECRETARIAT_STREAMS: usize = 4;
/// Backups written at once (a budget of their own).
pub const BACKUP_STREAMS: usize = 2;

/// Bytes gathered before they are sent on.
const CHUNK_BYTES: usize = 64 * 1024;

/// Chunks queued between the writer and the connection.
const QUEUED_CHUNKS: usize = 8;

/// How long a body waits for a turn before the answer is 503 with `Retry-After`.
const TURN_WAIT: Duration = Duration::from_secs(10);

/// Whose budget a streamed body takes its turn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// Exports of anyone without a secretariat key.
    Public,
    /// Exports with a secretariat key (every state, with contacts).
    Secretariat,
    /// Backups (keys that may change things).
    Backup,
}

/// The turns of streamed bodies: one budget each for public exports, the secretariat's
/// exports and backups, so no one of them waits behind another.
pub struct StreamBudgets {
    public: Arc<Semaphore>,
    secretariat: Arc<Semaphore>,
    backup: Arc<Semaphore>,
    /// How long a chunk waits for a client that does not read.
    send_timeout: Duration,
}

/// A turn to write a streamed body, given back when dropped (when the writer stops).
pub struct Turn {
    _permit: OwnedSemaphorePermit,
    /// How long a chunk of this body waits for a client that does not read.
    send_timeout: Duration,
}

impl StreamBudgets {
    /// [`PUBLIC_STREAMS`], [`SECRETARIAT_STREAMS`] and [`BACKUP_STREAMS`] bodies at once; a
    /// client that stops reading is given up after `send_timeout`.
    pub fn new(send_timeout: Duration) -> StreamBudgets {
        StreamBudgets {
            public: Arc::new(Semaphore::new(PUBLIC_STREAMS)),
            secretariat: Arc::new(Semaphore::new(SECRETARIAT_STREAMS)),
            backup: Arc::new(Semaphore::new(BACKUP_STREAMS)),
            send_timeout,
        }
    }

    /// A turn from `budget`, waiting at most [`TURN_WAIT`].
    ///
    /// # Errors
    /// [`ServiceError::Busy`] when no turn came in time.
    pub async fn turn(&self, budget: Budget) -> Result<Turn, ServiceError> {
        let semaphore = match budget {
            Budget::Public => &self.public,
            Budget::Secretariat => &self.secretariat,
            Budget::Backup => &self.backup,
        };
        let busy = || ServiceError::Busy {
            message: "every export slot is taken; try again shortly".into(),
            retry_after: 5,
        };
        match tokio::time::timeout(TURN_WAIT, semaphore.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(Turn {
                _permit: permit,
                send_timeout: self.send_timeout,
            }),
            Ok(Err(_)) | Err(_) => Err(busy()),
        }
    }
}

/// A writer that sends what it is given to the response body, in chunks; it fails once
/// the client has gone or has not taken a chunk for the send timeout, which stops the
/// export.
struct BodyWriter {
    buffer: Vec<u8>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    send_timeout: Duration,
}

impl Write for BodyWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK_BYTES {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let mut chunk = Ok(Bytes::from(std::mem::take(&mut self.buffer)));
        let deadline = Instant::now() + self.send_timeout;
        loop {
            match self.tx.try_send(chunk) {
                Ok(()) => return Ok(()),
                Err(mpsc::error::TrySendError::Full(back)) => {
                    if Instant::now() > deadline {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the client stopped reading",
                        ));
                    }
                    chunk = back;
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(mpsc::error::TrySendError::Closed(_)) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::BrokenPipe,
                        "client gone",
                    ))
                }
            }
        }
    }
}

/// After the writer's chunks: nothing when the writer finished, an error otherwise, so a
/// body cut short never looks complete.
struct Ending {
    finished: Arc<AtomicBool>,
    checked: bool,
}

impl Iterator for Ending {
    type Item = Result<Bytes, std::io::Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if std::mem::replace(&mut self.checked, true) || self.finished.load(Ordering::SeqCst) {
            return None;
        }
        Some(Err(std::io::Error::other("the body was cut short")))
    }
}

/// A body that `write` fills on the blocking pool, in its `turn`
/// ([`StreamBudgets::turn`]). A failure after the first bytes cannot change the status any
/// more: it is logged and ends the body with an error.
pub fn streamed<F>(service: &Arc<Service>, turn: Turn, write: F) -> Body
where
    F: FnOnce(&Service, &mut dyn Write) -> Result<(), ServiceError> + Send + 'static,
{
    let (tx, rx) = mpsc::channel(QUEUED_CHUNKS);
    let finished = Arc::new(AtomicBool::new(false));
    let service = service.clone();
    let send_timeout = turn.send_timeout;
    let done = finished.clone();
    tokio::task::spawn_blocking(move || {
        // Held until the writer stops, whatever the client does.
        let _turn = turn;
        let mut out = BodyWriter {
            buffer: Vec::with_capacity(CHUNK_BYTES),
            tx,
            send_timeout,
        };
        let result = write(&service, &mut out).and_then(|()| {
            out.flush()
                .map_err(|e| ServiceError::caused("streamed body", e))
        });
        match result {
            Ok(()) => done.store(true, Ordering::SeqCst),
            // The body ends with an error after what was sent ([`Ending`]); nothing here
            // waits for the client.
            Err(e) => tracing::warn!(error = %e, "streamed response stopped"),
        }
    });
    let ending = tokio_stream::iter(Ending {
        finished,
        checked: false,
    });
    Body::from_stream(ReceiverStream::new(rx).chain(ending))
}

/// A body sent as a file to save: its content type and file name.
pub fn attachment(content_type: &str, filename: &str, body: impl IntoResponse) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    let headers = [
        (header::CONTENT_TYPE, content_type.to_string()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    (StatusCode::OK, headers, body).into_response()
}
