//! A page's form post as its handlers take it: the fields, the request headers and the
//! client's address; its page context and its write budget.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::forms::FormValues;
use super::layout::Ctx;
use crate::http::limits::ClientIp;
use crate::http::AppState;
use crate::model::Language;
use crate::service::{Caller, ServiceError};

/// An `application/x-www-form-urlencoded` post from one of the pages.
pub struct FormPost {
    /// The form's fields.
    pub values: FormValues,
    /// The request's headers (session cookie, `Origin`, `Host`).
    pub headers: HeaderMap,
    client: ClientIp,
}

impl<S: Send + Sync> FromRequest<S> for FormPost {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<FormPost, Response> {
        let (mut parts, body) = request.into_parts();
        let Ok(client) = ClientIp::from_request_parts(&mut parts, state).await;
        let headers = parts.headers.clone();
        let body = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(FormPost {
            values: FormValues::parse(&body),
            headers,
            client,
        })
    }
}

impl FormPost {
    /// The language the form was filled in: its `lang` field, English when absent.
    pub fn lang(&self) -> Language {
        Language::parse(self.values.get("lang")).unwrap_or(Language::En)
    }

    /// The context of the page answering the post, at `path`, in the form's language.
    pub fn ctx(&self, path: &str) -> Ctx {
        Ctx::new(self.lang(), path, Vec::new())
    }

    /// The client's address.
    pub fn client(&self) -> ClientIp {
        ClientIp(self.client.0)
    }

    /// Spends one of the client's writes for `caller`: refused (rate limited) when none is
    /// left.
    pub fn spend_write(&self, state: &AppState, caller: &Caller) -> Result<(), ServiceError> {
        state.write_limiter.check(caller, &self.client)
    }
}
