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
use crate::http::{blocking, AppState};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/backup", get(backup))
}

async fn backup(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let credentials = Credentials::from_headers(&headers);
    blocking(&state, move |s| credentials.secretariat_editor(s)).await?;
    let body = streamed(&state, |service, out| service.backup(out).map(|_| ()));
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
