//! Small records beside the projects, each kind under a key prefix of its own (the mail
//! outbox, sign-in links, account sessions), and the keys of the index of projects by
//! their contact's address.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::StoreError;
use crate::model::ProjectId;

/// `a` + address hash + project id → nothing: the projects of a contact address.
const OWNER: u8 = b'a';
/// Bytes of an address's hash in owner keys.
const ADDRESS_HASH: usize = 16;

/// A kind of small record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    /// Messages waiting to be sent, by id (time-ordered).
    Outbox,
    /// Sign-in links not yet used, by the hash of their token.
    SignIn,
    /// Account sessions, by the hash of their id.
    Session,
    /// Calls for submissions, by id.
    Call,
    /// How many submissions named a call, by the call's id.
    CallCount,
    /// Update requests, by project id and call id.
    UpdateRequest,
}

impl Space {
    fn prefix(self) -> u8 {
        match self {
            Space::Outbox => b'o',
            Space::SignIn => b'n',
            Space::Session => b'u',
            Space::Call => b'k',
            Space::CallCount => b'q',
            Space::UpdateRequest => b'r',
        }
    }

    /// The key of a record of this space.
    pub(super) fn key(self, k: &[u8]) -> Vec<u8> {
        let mut key = Vec::with_capacity(k.len() + 1);
        key.push(self.prefix());
        key.extend_from_slice(k);
        key
    }
}

/// A record to write in a space.
pub type Keyed = (Space, Vec<u8>, Vec<u8>);

/// A record's bytes: its JSON.
pub fn json(value: &impl Serialize) -> Vec<u8> {
    // The records are plain data (strings, numbers, dates): serializing cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

/// The small records of the store's tree.
pub struct Spaces {
    tree: sled::Tree,
}

impl Spaces {
    pub(super) fn new(tree: sled::Tree) -> Spaces {
        Spaces { tree }
    }

    /// The record under `k` in `space`.
    ///
    /// # Errors
    /// [`StoreError::Sled`].
    pub fn get(&self, space: Space, k: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree.get(space.key(k))?.map(|v| v.to_vec()))
    }

    /// Writes a record (not durable until the store is flushed).
    ///
    /// # Errors
    /// [`StoreError::Sled`].
    pub fn put(&self, space: Space, k: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.tree.insert(space.key(k), value)?;
        Ok(())
    }

    /// Removes a record and answers what it held: of two callers taking the same record,
    /// one gets it.
    ///
    /// # Errors
    /// [`StoreError::Sled`].
    pub fn take(&self, space: Space, k: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree.remove(space.key(k))?.map(|v| v.to_vec()))
    }

    /// Every record of a space, in key order.
    pub fn scan(
        &self,
        space: Space,
    ) -> impl Iterator<Item = Result<(Vec<u8>, Vec<u8>), StoreError>> + '_ {
        self.scan_under(space, &[])
    }

    /// The records of a space whose keys start with `prefix`, in key order.
    pub fn scan_under(
        &self,
        space: Space,
        prefix: &[u8],
    ) -> impl Iterator<Item = Result<(Vec<u8>, Vec<u8>), StoreError>> + '_ {
        self.tree.scan_prefix(space.key(prefix)).map(|item| {
            let (k, v) = item?;
            Ok((k[1..].to_vec(), v.to_vec()))
        })
    }

    /// The ids the owner index lists under an address (some may have changed contact
    /// since: the index only grows).
    ///
    /// # Errors
    /// [`StoreError::Sled`].
    pub(super) fn owned(&self, email: &str) -> Result<Vec<ProjectId>, StoreError> {
        let mut ids = Vec::new();
        for item in self.tree.scan_prefix(owner_prefix(email)) {
            let (k, _) = item?;
            if let Ok(id) = <[u8; 16]>::try_from(&k[1 + ADDRESS_HASH..]) {
                ids.push(ProjectId::from_bytes(id));
            }
        }
        Ok(ids)
    }
}

/// The owner-index key of a project under an address.
pub(super) fn owner_key(email: &str, id: ProjectId) -> Vec<u8> {
    let mut k = owner_prefix(email);
    k.extend_from_slice(&id.to_bytes());
    k
}

fn owner_prefix(email: &str) -> Vec<u8> {
    let hash = Sha256::digest(normal_address(email).as_bytes());
    let mut k = vec![OWNER];
    k.extend_from_slice(&hash[..ADDRESS_HASH]);
    k
}

/// An address as accounts compare it: trimmed, ASCII letters in lower case (no other
/// folding: two addresses that differ beyond ASCII case are two accounts).
pub fn normal_address(email: &str) -> String {
    email.trim().to_ascii_lowercase()
}
