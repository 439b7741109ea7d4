//! Response bodies written by blocking service calls (exports, backups) and sent to the
//! client as they are written.

use std::io::Write;

use axum::body::{Body, Bytes};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::AppState;
use crate::service::{Service, ServiceError};

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
        let chunk = Bytes::from(std::mem::take(&mut self.buffer));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client gone"))
    }
}

/// A body that `write` fills on the blocking pool. A failure after the first bytes cannot
/// change the status any more: it is logged and ends the body with an error, so the client
/// sees a cut transfer rather than a complete-looking file.
pub fn streamed<F>(state: &AppState, write: F) -> Body
where
    F: FnOnce(&Service, &mut dyn Write) -> Result<(), ServiceError> + Send + 'static,
{
    let (tx, rx) = mpsc::channel(8);
    let service = state.service.clone();
    tokio::task::spawn_blocking(move || {
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
