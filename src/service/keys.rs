//! Secretariat API keys: a small registry file in the data directory (`keys.json`), so that
//! `stocktaking keys …` works while a server holds the store, and a revocation takes effect
//! on the server's next request. Keys are stored only as SHA-256 hashes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::tokens;

/// What a key may do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyRole {
    /// Everything the secretariat does: moderate, edit, curate selections.
    #[default]
    Editor,
    /// Read everything (pending projects, the queue, unpublished selections), change nothing.
    Reader,
}

/// A key as the registry keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRecord {
    /// Who holds it (shown in project histories).
    pub name: String,
    /// SHA-256 of the key, hex.
    #[serde(rename = "hash")]
    pub key_hash: String,
    /// What it may do.
    #[serde(default)]
    pub role: KeyRole,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Errors of the key registry.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The registry file cannot be read or written.
    #[error("key registry {0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// The registry file is not what we wrote.
    #[error("key registry {0} is corrupt: {1}")]
    Corrupt(PathBuf, serde_json::Error),
    /// A live key already has this name.
    #[error("a key named '{0}' already exists")]
    Exists(String),
    /// No live key has this name.
    #[error("no active key named '{0}'")]
    Unknown(String),
    /// Names are 1–64 letters, digits, `.`, `_`, `-` or `@`.
    #[error("a key name is 1-64 letters, digits, '.', '_', '-' or '@'")]
    BadName,
}

/// The registry of one data directory.
pub struct Keys {
    path: PathBuf,
    /// The records as last read, and the file's modification time then.
    cache: Mutex<(Option<SystemTime>, Vec<KeyRecord>)>,
}

impl Keys {
    /// The registry of `data_dir`.
    pub fn new(data_dir: &Path) -> Keys {
        Keys {
            path: data_dir.join("keys.json"),
            cache: Mutex::new((None, Vec::new())),
        }
    }

    fn read(&self) -> Result<Vec<KeyRecord>, KeyError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| KeyError::Corrupt(self.path.clone(), e))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(KeyError::Io(self.path.clone(), e)),
        }
    }

    fn write(&self, records: &[KeyRecord]) -> Result<(), KeyError> {
        let io = |e| KeyError::Io(self.path.clone(), e);
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let bytes = serde_json::to_vec_pretty(records)
            .map_err(|e| KeyError::Corrupt(self.path.clone(), e))?;
        // Write beside, sync, then rename: readers see the old file or the new one.
        let tmp = self.path.with_extension("json.tmp");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &self.path).map_err(io)
    }

    /// Makes a key for `name`; returns the key (shown once).
    ///
    /// # Errors
    /// A bad or taken name; file errors.
    pub fn create(&self, name: &str, role: KeyRole) -> Result<String, KeyError> {
        let valid = (1..=64).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c));
        if !valid {
            return Err(KeyError::BadName);
        }
        let mut records = self.read()?;
        if records
            .iter()
            .any(|r| r.name == name && r.revoked_at.is_none())
        {
            return Err(KeyError::Exists(name.to_string()));
        }
        let key = format!("sk_{}", tokens::new_token());
        records.push(KeyRecord {
            name: name.to_string(),
            key_hash: tokens::hash(&key),
            role,
            created_at: Utc::now(),
            revoked_at: None,
        });
        self.write(&records)?;
        Ok(key)
    }

    /// Every key ever made, oldest first.
    ///
    /// # Errors
    /// File errors.
    pub fn list(&self) -> Result<Vec<KeyRecord>, KeyError> {
        self.read()
    }

    /// Replaces the registry with `records` (a restore).
    ///
    /// # Errors
    /// File errors.
    pub fn replace_all(&self, records: &[KeyRecord]) -> Result<(), KeyError> {
        self.write(records)
    }

    /// Revokes the live key of `name`.
    ///
    /// # Errors
    /// No such live key; file errors.
    pub fn revoke(&self, name: &str) -> Result<(), KeyError> {
        let mut records = self.read()?;
        let record = records
            .iter_mut()
            .find(|r| r.name == name && r.revoked_at.is_none())
            .ok_or_else(|| KeyError::Unknown(name.to_string()))?;
        record.revoked_at = Some(Utc::now());
        self.write(&records)
    }

    /// The name and role of the live key `key`, if it is one. Re-reads the registry when
    /// the file changed, so keys made or revoked by the CLI count at once.
    ///
    /// # Errors
    /// File errors.
    pub fn authenticate(&self, key: &str) -> Result<Option<(String, KeyRole)>, KeyError> {
        let modified = match std::fs::metadata(&self.path) {
            Ok(m) => m.modified().ok(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(KeyError::Io(self.path.clone(), e)),
        };
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        // A file rewritten within the clock's resolution keeps its time: read it anyway.
        if modified.is_none() || cache.0 != modified || recently(modified) {
            *cache = (modified, self.read()?);
        }
        Ok(cache
            .1
            .iter()
            .find(|r| r.revoked_at.is_none() && tokens::matches(key, &r.key_hash))
            .map(|r| (r.name.clone(), r.role)))
    }
}

fn recently(modified: Option<SystemTime>) -> bool {
    modified
        .and_then(|m| m.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_authenticate_until_revoked() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keys::new(dir.path());
        let key = keys.create("desk", KeyRole::Editor).unwrap();
        assert!(key.starts_with("sk_"));
        assert_eq!(
            keys.authenticate(&key).unwrap(),
            Some(("desk".to_string(), KeyRole::Editor))
        );
        assert_eq!(keys.authenticate("sk_wrong").unwrap(), None);
        assert!(matches!(
            keys.create("desk", KeyRole::Reader),
            Err(KeyError::Exists(_))
        ));
        assert!(matches!(
            keys.create("bad name", KeyRole::Editor),
            Err(KeyError::BadName)
        ));
        // Another process (the CLI) revokes it: the next check refuses it.
        Keys::new(dir.path()).revoke("desk").unwrap();
        assert_eq!(keys.authenticate(&key).unwrap(), None);
        let stored = std::fs::read_to_string(dir.path().join("keys.json")).unwrap();
        assert!(!stored.contains(&key), "only the hash is stored");
        assert_eq!(keys.list().unwrap().len(), 1);
    }
}
