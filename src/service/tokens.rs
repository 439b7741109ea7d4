//! Edit tokens: random secrets shown once to a submitter and stored only as SHA-256 hashes.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new random token (32 bytes, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a token.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `token` is the one whose hash is stored.
pub fn matches(token: &str, stored_hash: &str) -> bool {
    let given = hash(token);
    // Compare every byte so the time taken does not tell how much matched.
    given.len() == stored_hash.len()
        && given
            .bytes()
            .zip(stored_hash.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_matches_its_hash_and_no_other() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        let h = hash(&t);
        assert_ne!(h, t);
        assert!(matches(&t, &h));
        assert!(!matches(&new_token(), &h));
    }
}
