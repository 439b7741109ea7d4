//! `GET /backup`: a consistent backup of the whole data directory but the index, streamed
//! (secretariat keys that may change things only: it holds contacts and key hashes).

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::stream::streamed;
use crate::http::{blocking, on_service, AppState};
use crate::service::ServiceError;

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/backup", get(backup))
}

async fn backup(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let credentials = Credentials::from_headers(&headers);
    blocking(&state, move |s| credentials.secretariat_editor(s)).await?;
    // Taken into a temporary file under the write lock (fast, local), then sent: a slow
    // download never holds writes up.
    let file = on_service(&state, |service| {
        let path =
            std::env::temp_dir().join(format!("stocktaking-backup-{}.ndjson", ulid::Ulid::new()));
        let io = |e: std::io::Error| ServiceError::Internal(format!("backup file: {e}"));
        let file = std::fs::File::create(&path).map_err(io)?;
        let written = service.backup(&mut std::io::BufWriter::new(&file));
        let reader = std::fs::File::open(&path).map_err(io);
        // Gone from the directory at once; the open handle keeps it until it is sent.
        let _ = std::fs::remove_file(&path);
        written?;
        reader
    })
    .await?;
    let body = streamed(&state, move |_, out| {
        let mut file = file;
        std::io::copy(&mut file, out)
            .map(|_| ())
            .map_err(|e| ServiceError::Internal(format!("backup file: {e}")))
    })
    .await;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/x-ndjson"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"backup.ndjson\"",
            ),
        ],
        body,
    )
        .into_response())
}
