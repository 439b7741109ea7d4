//! Submissions that are safe to repeat: a client that sends an `Idempotency-Key` with a
//! submission gets the first answer again for the same key and body within
//! [`REMEMBERED_FOR`], and a 422 for another body under the same key.
//!
//! The answer is remembered in the store in the same batch as the project it created, so a
//! crash never leaves one without the other. The store holds the key only hashed, and the
//! edit token only sealed with the key: the store alone cannot give either away.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Caller, Service, ServiceError, Submitted};
use crate::model::{FieldError, ProjectId, State, ValidationErrors};

/// How long an answer is remembered.
pub const REMEMBERED_FOR: Duration = Duration::hours(24);

/// Longest key, in characters.
pub const KEY_MAX_CHARS: usize = 255;

/// The header (and the field named in its errors).
pub const HEADER: &str = "Idempotency-Key";

/// A client's idempotency key: 1 to 255 visible ASCII characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Checks a key as the client sent it.
    ///
    /// # Errors
    /// 400 naming the header for an empty, too long or non-ASCII key.
    pub fn parse(raw: &str) -> Result<IdempotencyKey, ServiceError> {
        let ok = !raw.is_empty()
            && raw.len() <= KEY_MAX_CHARS
            && raw.bytes().all(|b| b.is_ascii_graphic());
        if ok {
            Ok(IdempotencyKey(raw.to_string()))
        } else {
            Err(ServiceError::BadParameter(crate::model::ParamError {
                param: HEADER.to_string(),
                code: "invalid_idempotency_key",
                message: format!(
                    "'{HEADER}' must be 1 to {KEY_MAX_CHARS} visible ASCII characters (a UUID, say)"
                ),
            }))
        }
    }

    /// A key for a form that may be posted twice: the form's own key and its content, so
    /// the same content is one submission and changed content a new one.
    pub fn for_form(form_key: &str, body: &Value) -> Option<IdempotencyKey> {
        let form_key = IdempotencyKey::parse(form_key).ok()?;
        Some(IdempotencyKey(format!(
            "form:{}:{}",
            hex::encode(Sha256::digest(form_key.0.as_bytes())),
            body_hash(body)
        )))
    }

    /// The key as stored: its hash, with whose key it is (a secretariat key's name, or the
    /// public), so one caller's key never answers another caller.
    pub(super) fn store_key(&self, caller: &Caller) -> [u8; 32] {
        let scope = match caller {
            Caller::Secretariat(name) | Caller::Reader(name) => format!("key {name}"),
            Caller::Account(email) => format!("account {email}"),
            Caller::Public | Caller::Submitter(_) => "public".to_string(),
        };
        Sha256::new()
            .chain_update(b"idempotency-key:")
            .chain_update(scope.as_bytes())
            .chain_update(b":")
            .chain_update(self.0.as_bytes())
            .finalize()
            .into()
    }

    /// The pad that seals the edit token for this key and body.
    fn pad(&self, body: &str) -> [u8; 32] {
        Sha256::new()
            .chain_update(b"idempotency-seal:")
            .chain_update(self.0.as_bytes())
            .chain_update(b":")
            .chain_update(body.as_bytes())
            .finalize()
            .into()
    }
}

/// A remembered answer, as stored. A replay gives the first answer as it was (state
/// `pending`), whatever happened to the project since.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Remembered {
    /// The hash of the body it answered.
    body: String,
    id: ProjectId,
    seq: u64,
    /// The edit token, sealed with the key ([`IdempotencyKey::pad`]).
    token: String,
    at: DateTime<Utc>,
}

impl Remembered {
    /// What to remember of a first answer.
    pub(super) fn new(
        key: &IdempotencyKey,
        body: String,
        answer: &Submitted,
        at: DateTime<Utc>,
    ) -> Remembered {
        let token = seal(&answer.edit_token, &key.pad(&body));
        Remembered {
            body,
            id: answer.id,
            seq: answer.seq,
            token,
            at,
        }
    }

    /// Whether it is still remembered at `now`.
    pub(super) fn is_live(&self, now: DateTime<Utc>) -> bool {
        now < self.at + REMEMBERED_FOR
    }

    /// The first answer again, for the same key and body.
    ///
    /// # Errors
    /// 422 naming the header when the body is another one.
    pub(super) fn replay(
        &self,
        key: &IdempotencyKey,
        body: &str,
    ) -> Result<Submitted, ServiceError> {
        if self.body != body {
            return Err(ServiceError::Invalid(ValidationErrors(vec![FieldError::new(
                HEADER,
                "idempotency_key_reused",
                format!(
                    "this {HEADER} was used within 24 hours for another submission; send a new key with a new submission"
                ),
            )])));
        }
        Ok(Submitted {
            id: self.id,
            state: State::Pending,
            edit_token: seal(&self.token, &key.pad(body)),
            seq: self.seq,
            replayed: true,
        })
    }

    pub(super) fn to_bytes(&self) -> Vec<u8> {
        // Plain strings and numbers: serializing cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub(super) fn from_bytes(bytes: &[u8]) -> Option<Remembered> {
        serde_json::from_slice(bytes).ok()
    }
}

impl Service {
    /// The first answer to `key` from `caller` within a day, given again, if there is one
    /// (caller holds the write lock).
    ///
    /// # Errors
    /// 422 naming the header when the key came with another body; storage errors.
    pub(super) fn earlier_answer(
        &self,
        key: &IdempotencyKey,
        caller: &Caller,
        body_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Submitted>, ServiceError> {
        self.forget_old_answers(now)?;
        let earlier = self
            .store
            .remembered(&key.store_key(caller))?
            .and_then(|bytes| Remembered::from_bytes(&bytes))
            .filter(|r| r.is_live(now));
        earlier.map(|r| r.replay(key, body_hash)).transpose()
    }

    /// Forgets remembered answers older than a day, at most once an hour (caller holds the
    /// write lock).
    fn forget_old_answers(&self, now: DateTime<Utc>) -> Result<(), ServiceError> {
        let mut last = self
            .answers_pruned
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if last.is_some_and(|at| now - at < Duration::hours(1)) {
            return Ok(());
        }
        *last = Some(now);
        let forgotten = self.store.forget_remembered(|bytes| {
            Remembered::from_bytes(bytes).is_some_and(|r| r.is_live(now))
        })?;
        if forgotten > 0 {
            tracing::debug!(forgotten, "forgot remembered answers older than a day");
        }
        Ok(())
    }
}

/// XOR of a hex token with the pad, as hex (sealing and unsealing are the same).
fn seal(token_hex: &str, pad: &[u8; 32]) -> String {
    let bytes = hex::decode(token_hex).unwrap_or_default();
    hex::encode(
        bytes
            .iter()
            .zip(pad.iter().cycle())
            .map(|(b, p)| b ^ p)
            .collect::<Vec<u8>>(),
    )
}

/// The hash of a body, the same whatever the order of its keys.
pub(super) fn body_hash(body: &Value) -> String {
    fn canonical(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(k.as_str()).to_string());
                    out.push(':');
                    canonical(&map[k], out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    canonical(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut text = String::new();
    canonical(body, &mut text);
    hex::encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        assert!(IdempotencyKey::parse("3f2a-9c1e").is_ok());
        for bad in ["", "has space", "ünï", &"x".repeat(256), "tab\t"] {
            assert!(IdempotencyKey::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bodies_hash_alike_whatever_the_key_order() {
        let a = json!({"title": "T", "contact": {"name": "N", "email": "e@x.org"}, "sdgs": [3, 4]});
        let b = json!({"sdgs": [3, 4], "contact": {"email": "e@x.org", "name": "N"}, "title": "T"});
        assert_eq!(body_hash(&a), body_hash(&b));
        assert_ne!(body_hash(&a), body_hash(&json!({"sdgs": [4, 3]})));
    }

    #[test]
    fn the_token_is_stored_sealed_and_replayed_only_for_the_same_body() {
        let key = IdempotencyKey::parse("k-1").unwrap();
        let answer = Submitted {
            id: ProjectId::generate(),
            state: State::Pending,
            edit_token: crate::service::tokens::new_token(),
            seq: 7,
            replayed: false,
        };
        let body = body_hash(&json!({"a": 1}));
        let remembered = Remembered::new(&key, body.clone(), &answer, Utc::now());
        let stored = String::from_utf8(remembered.to_bytes()).unwrap();
        assert!(!stored.contains(&answer.edit_token));
        let again = remembered.replay(&key, &body).unwrap();
        assert_eq!((again.id, again.seq), (answer.id, 7));
        assert_eq!(again.edit_token, answer.edit_token);
        assert!(again.replayed);
        let other = remembered.replay(&key, &body_hash(&json!({"a": 2})));
        assert!(matches!(other, Err(ServiceError::Invalid(_))));
        assert!(remembered.is_live(Utc::now()));
        assert!(!remembered.is_live(Utc::now() + REMEMBERED_FOR));
    }
}
