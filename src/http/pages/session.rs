//! Secretariat sign-in sessions for the pages: a random session id in an `HttpOnly`,
//! `SameSite=Strict` cookie, held in memory with the key it was opened with (checked again
//! on every request, so a revoked key ends its sessions) and a CSRF token that every form
//! must return.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::SameSite;

use crate::service::tokens;

/// The session cookie's name.
pub const COOKIE: &str = "stk_session";

/// How long a session lasts without use.
const IDLE: Duration = Duration::from_secs(8 * 3600);

/// Most sessions held at once; the oldest go first.
const MAX_SESSIONS: usize = 10_000;

struct Session {
    key: String,
    csrf: String,
    last_used: Instant,
}

/// An open session's key and CSRF token.
#[derive(Clone, Debug)]
pub struct Open {
    /// The secretariat key the session was opened with.
    pub key: String,
    /// The token forms must carry.
    pub csrf: String,
}

/// The open sessions, by the hash of their id.
#[derive(Default)]
pub struct Sessions {
    open: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// Opens a session for a (checked) key; returns the id for the cookie.
    pub fn open(&self, key: String) -> String {
        let id = tokens::new_token();
        let session = Session {
            key,
            csrf: tokens::new_token(),
            last_used: Instant::now(),
        };
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        open.retain(|_, s| s.last_used.elapsed() < IDLE);
        if open.len() >= MAX_SESSIONS {
            if let Some(oldest) = open
                .iter()
                .min_by_key(|(_, s)| s.last_used)
                .map(|(k, _)| k.clone())
            {
                open.remove(&oldest);
            }
        }
        open.insert(tokens::hash(&id), session);
        id
    }

    /// The session a request's cookie names, if it is open.
    pub fn find(&self, headers: &HeaderMap) -> Option<Open> {
        let id = session_cookie(headers)?;
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let hash = tokens::hash(&id);
        let session = open.get_mut(&hash)?;
        if session.last_used.elapsed() >= IDLE {
            open.remove(&hash);
            return None;
        }
        session.last_used = Instant::now();
        Some(Open {
            key: session.key.clone(),
            csrf: session.csrf.clone(),
        })
    }

    /// Closes the session a request's cookie names.
    pub fn close(&self, headers: &HeaderMap) {
        if let Some(id) = session_cookie(headers) {
            let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
            open.remove(&tokens::hash(&id));
        }
    }
}

/// Whether a form's CSRF token is the session's (compared in constant time).
pub fn csrf_ok(expected: &str, given: &str) -> bool {
    tokens::matches(given, &tokens::hash(expected))
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    super::cookies::read(headers, COOKIE)
}

/// The `Set-Cookie` value that opens a session; `Secure` when the browser came over HTTPS
/// (a TLS proxy in front says so with `X-Forwarded-Proto: https`).
pub fn set_cookie(id: &str, secure: bool) -> HeaderValue {
    super::cookies::set(COOKIE, id, SameSite::Strict, IDLE, secure)
}

/// The `Set-Cookie` value that ends a session.
pub fn clear_cookie() -> HeaderValue {
    super::cookies::clear(COOKIE, SameSite::Strict)
}

/// Whether a form post comes from our own pages: its `Origin` (sent by browsers on posts)
/// names this host. Posts without `Origin` (old browsers, tools) pass; the session's CSRF
/// token still guards them.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split("://").nth(1);
    matches!((origin_host, host), (Some(o), Some(h)) if o == h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_cookie(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("")),
        );
        headers
    }

    #[test]
    fn a_session_is_found_by_its_cookie_and_closed() {
        let sessions = Sessions::default();
        let id = sessions.open("the-key".into());
        let headers = with_cookie(&format!("other=1; {COOKIE}={id}"));
        let open = sessions.find(&headers);
        assert_eq!(open.as_ref().map(|o| o.key.as_str()), Some("the-key"));
        let open = open.unwrap_or_else(|| unreachable!());
        assert!(csrf_ok(&open.csrf, &open.csrf));
        assert!(!csrf_ok(&open.csrf, "forged"));
        assert!(sessions
            .find(&with_cookie(&format!("{COOKIE}=guess")))
            .is_none());
        sessions.close(&headers);
        assert!(sessions.find(&headers).is_none());
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(same_origin(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8080"),
        );
        assert!(same_origin(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&headers));
    }
}
