//! `GET /export`: projects as NDJSON, CSV or JSON with the search filters, streamed as they
//! are read. The secretariat's export holds every state and the contact details; anyone
//! else's, published projects and public fields.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::extract::query_pairs;
use crate::http::{blocking, AppState};
use crate::model::SearchRequest;
use crate::service::{ExportFormat, ExportOptions};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/export", get(export))
}

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

async fn export(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut pairs = query_pairs(query.as_deref());
    let mut format = ExportFormat::Ndjson;
    let mut bom = false;
    for (key, value) in &pairs {
        match key.as_str() {
            "format" => {
                format = ExportFormat::parse(value).ok_or_else(|| {
                    ApiError::bad_parameter(
                        "format",
                        "invalid_parameter",
                        format!("'format' must be ndjson, csv or json, not '{value}'"),
                    )
                })?
            }
            "bom" => bom = value == "true",
            "q" => {
                return Err(ApiError::bad_parameter(
                    "q",
                    "invalid_parameter",
                    "exports take the search filters but not full text ('q')",
                ))
            }
            _ => {}
        }
    }
    pairs.retain(|(k, _)| k != "format" && k != "bom");
    let request = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(crate::service::ServiceError::from)?;
    let credentials = Credentials::from_headers(&headers);
    let secretariat =
        blocking(&state, move |s| Ok(credentials.caller(s)?.is_secretariat())).await?;
    let options = ExportOptions {
        format,
        filters: request.filters,
        secretariat,
        bom,
    };
    let (tx, rx) = mpsc::channel(8);
    let service = state.service.clone();
    tokio::task::spawn_blocking(move || {
        let mut out = BodyWriter {
            buffer: Vec::with_capacity(CHUNK_BYTES),
            tx: tx.clone(),
        };
        if let Err(e) = service.export(&options, &mut out) {
            tracing::warn!(error = %e, "export stopped");
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
    });
    let disposition = format!("attachment; filename=\"projects.{}\"", format.extension());
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(ReceiverStream::new(rx)),
    )
        .into_response())
}
