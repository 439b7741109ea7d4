//! Small records beside the projects, each kind under a key prefix of its own (the mail
//! outbox, sign-in links, account sessions), and the index of projects by their contact's
//! address.

use sha2::{Digest, Sha256};

use super::{key, Store, StoreError};
use crate::model::{Project, ProjectId};

/// `a` + address hash + project id → nothing: the projects of a contact address.
pub(super) const OWNER: u8 = b'a';
/// Set once the owner index covers every project.
const OWNERS_BUILT: &[u8] = b"mowners_v1";
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
}

impl Space {
    fn prefix(self) -> u8 {
        match self {
            Space::Outbox => b'o',
            Space::SignIn => b'n',
            Space::Session => b'u',
        }
    }
}

/// A record to write in a space.
pub type Keyed = (Space, Vec<u8>, Vec<u8>);

/// The key of a record in a space.
pub(super) fn space_key(space: Space, k: &[u8]) -> Vec<u8> {
    key(space.prefix(), k)
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

/// An address as accounts compare it: trimmed, in lower case.
pub fn normal_address(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    /// The record under `k` in `space`.
    ///
    /// # Errors
    /// sled errors.
    pub fn get_in(&self, space: Space, k: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree.get(space_key(space, k))?.map(|v| v.to_vec()))
    }

    /// Writes a record (not durable until [`Store::flush`]).
    ///
    /// # Errors
    /// sled errors.
    pub fn put_in(&self, space: Space, k: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.tree.insert(space_key(space, k), value)?;
        Ok(())
    }

    /// Removes a record and answers what it held: of two callers taking the same record,
    /// one gets it.
    ///
    /// # Errors
    /// sled errors.
    pub fn take_in(&self, space: Space, k: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree.remove(space_key(space, k))?.map(|v| v.to_vec()))
    }

    /// Every record of a space, in key order.
    pub fn scan_in(
        &self,
        space: Space,
    ) -> impl Iterator<Item = Result<(Vec<u8>, Vec<u8>), StoreError>> + '_ {
        self.tree.scan_prefix([space.prefix()]).map(|item| {
            let (k, v) = item?;
            Ok((k[1..].to_vec(), v.to_vec()))
        })
    }

    /// The projects whose contact has this address (compared in lower case), in id order.
    ///
    /// # Errors
    /// sled errors, undecodable records.
    pub fn projects_of(&self, email: &str) -> Result<Vec<Project>, StoreError> {
        let wanted = normal_address(email);
        let mut found = Vec::new();
        for item in self.tree.scan_prefix(owner_prefix(email)) {
            let (k, _) = item?;
            let Ok(id) = <[u8; 16]>::try_from(&k[1 + ADDRESS_HASH..]) else {
                continue;
            };
            // The index only grows: a project whose contact changed since is skipped here.
            let Some(project) = self.get(ProjectId::from_bytes(id))? else {
                continue;
            };
            if project
                .contact
                .as_ref()
                .is_some_and(|c| normal_address(&c.email) == wanted)
            {
                found.push(project);
            }
        }
        Ok(found)
    }

    /// Indexes by contact address the projects of a store written before the index (once).
    pub(super) fn build_owner_index(&self) -> Result<(), StoreError> {
        if self.tree.contains_key(OWNERS_BUILT)? {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        for project in self.projects() {
            let project = project?;
            if let Some(contact) = &project.contact {
                batch.insert(owner_key(&contact.email, project.id), &[]);
            }
        }
        batch.insert(OWNERS_BUILT, &[]);
        self.tree.apply_batch(batch)?;
        Ok(())
    }
}
