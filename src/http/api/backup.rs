//! `GET /backup`: a consistent backup of the whole data directory but the index, streamed
//! (secretariat keys that may change things only: it holds contacts and key hashes).

use axum::extract::State;
use axum::response::Response;

use crate::http::auth::Credentials;
use crate::http::error::ApiError;
use crate::http::openapi::responses::KeyRefused;
use crate::http::openapi::SECRETARIAT;
use crate::http::stream::{attachment, streamed, Budget};
use crate::http::{on_service, AppState};
use crate::service::{Service, ServiceError};

/// A consistent backup of the store (projects, selections, keys, settings) as NDJSON; restore
/// it with `stocktaking restore`.
#[utoipa::path(
    get,
    path = "/backup",
    tag = SECRETARIAT,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The backup", content_type = "application/x-ndjson", body = String),
        KeyRefused
    )
)]
pub(crate) async fn backup(
    State(state): State<AppState>,
    credentials: Credentials,
) -> Result<Response, ApiError> {
    on_service(&state, move |s| credentials.secretariat_editor(s)).await?;
    // A turn first, so a busy answer costs nothing.
    let turn = state.stream_budgets.turn(Budget::Backup).await?;
    let file = on_service(&state, backup_file).await?;
    let body = streamed(&state.service, turn, move |_, out| {
        let mut file = file;
        std::io::copy(&mut file, out)
            .map(|_| ())
            .map_err(|e| ServiceError::caused("backup file", e))
    });
    Ok(attachment("application/x-ndjson", "backup.ndjson", body))
}

/// The backup taken into a temporary file under the write lock (fast, local), to be sent
/// after: a slow download never holds writes up. The file is gone from its directory at
/// once; the open handle keeps it until it is sent.
fn backup_file(service: &Service) -> Result<std::fs::File, ServiceError> {
    let name = format!("stocktaking-backup-{}.ndjson", ulid::Ulid::new());
    let path = std::env::temp_dir().join(name);
    let io = |e: std::io::Error| ServiceError::caused("backup file", e);
    let file = std::fs::File::create(&path).map_err(io)?;
    let written = service.backup(&mut std::io::BufWriter::new(&file));
    let reader = std::fs::File::open(&path).map_err(io);
    let _ = std::fs::remove_file(&path);
    written?;
    reader
}
