//! The pages' session cookies: reading one from a request, and the `Set-Cookie` values that
//! open and end it (`HttpOnly`, `Path=/`, `Secure` over HTTPS).

use std::time::Duration;

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::{Cookie, SameSite};

/// The value of the cookie `name` a request carries, if any.
pub(super) fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

/// The `Set-Cookie` value that stores `value` under `name` for `max_age`.
pub(super) fn set(
    name: &'static str,
    value: &str,
    same_site: SameSite,
    max_age: Duration,
    secure: bool,
) -> HeaderValue {
    let cookie = Cookie::build((name, value.to_string()))
        .http_only(true)
        .secure(secure)
        .same_site(same_site)
        .path("/")
        .max_age(cookie::time::Duration::seconds(
            i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX),
        ))
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that removes the cookie `name`.
pub(super) fn clear(name: &'static str, same_site: SameSite) -> HeaderValue {
    set(name, "", same_site, Duration::ZERO, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_set_is_read_back_and_a_cleared_one_expires() {
        let set = set("stk_x", "abc", SameSite::Lax, Duration::from_secs(60), true);
        let text = set.to_str().unwrap_or_default();
        for part in [
            "stk_x=abc",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=60",
        ] {
            assert!(text.contains(part), "{text} has {part}");
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("other=1; stk_x=abc"),
        );
        assert_eq!(read(&headers, "stk_x").as_deref(), Some("abc"));
        assert_eq!(read(&headers, "stk_y"), None);
        let gone = clear("stk_x", SameSite::Strict);
        let text = gone.to_str().unwrap_or_default();
        assert!(
            text.contains("stk_x=") && text.contains("Max-Age=0"),
            "{text}"
        );
        assert!(text.contains("SameSite=Strict"), "{text}");
    }
}
