//! Response bodies written by blocking service calls (exports, backups) and sent to the
//! client as they are written.

use std::io::Write;

use axum::body::{Body, Bytes};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::AppState;
use crate::service::{Service, ServiceError};

/// Streamed bodies written at once.
pub const STREAMS: usize = 4;

/// Bytes gathered before they are sent on.
const CHUNK_BYTES: usize = 64 * 1024;

/// A writer that sends what it is given to the response body, in chunks; it fails once
/// the client has gone, which stops the export.
struct BodyWriter {
    buffer: Vec<u8>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
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
        // A client that stops reading gets SEND_TIMEOUT, then the export stops and frees
        // its thread.
        let mut chunk = Ok(Bytes::from(std::mem::take(&mut self.buffer)));
        let deadline = std::time::Instant::now() + SEND_TIMEOUT;
        loop {
            match self.tx.try_send(chunk) {
                Ok(()) => return Ok(()),
                Err(mpsc::error::TrySendError::Full(back)) => {
                    if std::time::Instant::now() > deadline {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the client stopped reading",
                        ));
                    }
                    chunk = back;
                    std::thread::sleep(std::time::Duration::from_millis(5));
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

/// How long a chunk waits for a client that does not read.
const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A body that `write` fills on the blocking pool. A failure after the first bytes cannot
/// change the status any more: it is logged and ends the body with an error, so the client
/// sees a cut transfer rather than a complete-looking file.
///
/// At most [`STREAMS`] bodies are written at once (each holds a blocking thread); more
/// wait their turn.
pub async fn streamed<F>(state: &AppState, write: F) -> Body
where
    F: FnOnce(&Service, &mut dyn Write) -> Result<(), ServiceError> + Send + 'static,
{
    let permit = state.stream_permits.clone().acquire_owned().await;
    let (tx, rx) = mpsc::channel(8);
    let service = state.service.clone();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut out = BodyWriter {
            buffer: Vec::with_capacity(CHUNK_BYTES),
            tx: tx.clone(),
        };
        let result = write(&service, &mut out).and_then(|()| {
            out.flush()
                .map_err(|e| ServiceError::Internal(e.to_string()))
        });
        if let Err(e) = result {
            tracing::warn!(error = %e, "streamed response stopped");
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
    });
    Body::from_stream(ReceiverStream::new(rx))
}
