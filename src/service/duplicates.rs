//! Possible duplicates: two projects look like one when they have the same organization
//! and a similar title (Jaccard similarity of title words at least 0.5), or a near-identical
//! text (title and description words, at least 0.85).
//!
//! The waiting projects are compared with each other without comparing every pair: only
//! projects with the same organization, or sharing one of their rarest words (a pair that
//! is 85 % alike must share one of each other's rarest 15 % of words), are candidates, and
//! each project is checked against at most [`MAX_CHECKS`] of them, so a queue inflated by
//! one client costs time in proportion to its length.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::model::ProjectFields;

/// Most candidates one waiting project is compared with.
pub const MAX_CHECKS: usize = 200;

/// Most words of a text compared (its first distinct words: near-identical texts start
/// alike).
const TEXT_WORDS: usize = 300;

/// Similarity of the titles of two projects of one organization that flags them.
const SIMILAR_TITLE: f64 = 0.5;
/// Similarity of two texts that flags them.
const NEAR_IDENTICAL: f64 = 0.85;

/// Why two projects look like one, if they do.
#[cfg(test)]
fn duplicate_reason(a: &ProjectFields, b: &ProjectFields) -> Option<&'static str> {
    Fingerprint::of(a).reason(&Fingerprint::of(b))
}

/// What a duplicate check compares of a project, worked out once: word hashes, sorted.
pub struct Fingerprint {
    organization: String,
    title: Vec<u64>,
    text: Vec<u64>,
    /// The words to look for similar published projects with.
    pub probe: String,
}

impl Fingerprint {
    /// The fingerprint of a project's fields.
    pub fn of(f: &ProjectFields) -> Fingerprint {
        let text = format!("{} {}", f.title, f.description);
        Fingerprint {
            organization: f
                .organization
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" "),
            title: word_hashes(&f.title, usize::MAX),
            text: word_hashes(&text, TEXT_WORDS),
            probe: format!("{} {}", f.title, f.organization),
        }
    }

    /// The same organization and a similar title, or a near-identical text.
    pub fn reason(&self, other: &Fingerprint) -> Option<&'static str> {
        if self.organization == other.organization
            && jaccard(&self.title, &other.title) >= SIMILAR_TITLE
        {
            return Some("same organization and a similar title");
        }
        (jaccard(&self.text, &other.text) >= NEAR_IDENTICAL).then_some("near-identical text")
    }
}

/// The hashes of the first `limit` distinct lower-cased words of a text, sorted.
fn word_hashes(s: &str, limit: usize) -> Vec<u64> {
    let mut seen = Vec::new();
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        word.to_lowercase().hash(&mut hasher);
        let h = hasher.finish();
        if !seen.contains(&h) {
            seen.push(h);
            if seen.len() == limit {
                break;
            }
        }
    }
    seen.sort_unstable();
    seen
}

/// Jaccard similarity of two sorted sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// The waiting projects' fingerprints, indexed for finding each one's candidates.
pub struct Peers<'a> {
    prints: &'a [Fingerprint],
    by_organization: HashMap<&'a str, Vec<usize>>,
    by_rare_word: HashMap<u64, Vec<usize>>,
    /// Each project's rarest words (its prefix in the order of rarity).
    rare: Vec<Vec<u64>>,
}

impl<'a> Peers<'a> {
    /// Indexes the fingerprints.
    pub fn new(prints: &'a [Fingerprint]) -> Peers<'a> {
        let mut frequency: HashMap<u64, usize> = HashMap::new();
        for p in prints {
            for w in &p.text {
                *frequency.entry(*w).or_default() += 1;
            }
        }
        let mut by_organization: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_rare_word: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut rare = Vec::with_capacity(prints.len());
        for (i, p) in prints.iter().enumerate() {
            by_organization.entry(&p.organization).or_default().push(i);
            let mut words = p.text.clone();
            words.sort_by_key(|w| (frequency.get(w).copied().unwrap_or(0), *w));
            // A set 85 % like another shares one of its first |A| - ceil(0.85 |A|) + 1.
            let keep = words.len() - (NEAR_IDENTICAL * words.len() as f64).ceil() as usize + 1;
            words.truncate(keep.min(words.len()));
            for w in &words {
                by_rare_word.entry(*w).or_default().push(i);
            }
            rare.push(words);
        }
        Peers {
            prints,
            by_organization,
            by_rare_word,
            rare,
        }
    }

    /// The other projects that look like project `i`, with why, checking at most
    /// [`MAX_CHECKS`] candidates.
    pub fn of(&self, i: usize) -> Vec<(usize, &'static str)> {
        let print = &self.prints[i];
        let same_organization = self
            .by_organization
            .get(print.organization.as_str())
            .into_iter()
            .flatten();
        let sharing_a_rare_word = self.rare[i]
            .iter()
            .flat_map(|w| self.by_rare_word.get(w).into_iter().flatten());
        let mut checked: Vec<usize> = Vec::new();
        let mut found = Vec::new();
        for &j in same_organization.chain(sharing_a_rare_word) {
            if j == i || checked.contains(&j) {
                continue;
            }
            if checked.len() == MAX_CHECKS {
                break;
            }
            checked.push(j);
            if let Some(reason) = print.reason(&self.prints[j]) {
                found.push((j, reason));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resubmission_by_the_same_organization_is_a_duplicate() {
        let a = crate::model::validation::tests::sample_fields();
        let mut b = a.clone();
        b.title = format!("{} (second call)", a.title);
        b.description = "Entirely different words here.".into();
        assert_eq!(
            duplicate_reason(&a, &b),
            Some("same organization and a similar title")
        );
        b.organization = "Someone Else".into();
        assert_eq!(duplicate_reason(&a, &b), None);
        let mut c = a.clone();
        c.organization = "Another Body".into();
        assert_eq!(duplicate_reason(&a, &c), Some("near-identical text"));
    }

    #[test]
    fn peers_find_what_comparing_every_pair_finds() {
        let base = crate::model::validation::tests::sample_fields();
        let mut all = Vec::new();
        for i in 0..60 {
            let mut f = base.clone();
            f.organization = format!("Org {}", i % 7);
            f.title = format!("Project {} about topic {}", i % 5, i % 3);
            f.description = format!(
                "Words {} and more words {} shared by some {}",
                i % 4,
                i % 6,
                "filler ".repeat(i % 3)
            );
            all.push(f);
        }
        let prints: Vec<Fingerprint> = all.iter().map(Fingerprint::of).collect();
        let peers = Peers::new(&prints);
        for i in 0..all.len() {
            let mut got: Vec<usize> = peers.of(i).into_iter().map(|(j, _)| j).collect();
            got.sort_unstable();
            let expected: Vec<usize> = (0..all.len())
                .filter(|j| *j != i && duplicate_reason(&all[i], &all[*j]).is_some())
                .collect();
            assert_eq!(got, expected, "project {i}");
        }
    }

    #[test]
    fn a_thousand_copies_cost_a_bounded_number_of_checks_each() {
        let f = crate::model::validation::tests::sample_fields();
        let prints: Vec<Fingerprint> = (0..1_000).map(|_| Fingerprint::of(&f)).collect();
        let peers = Peers::new(&prints);
        assert_eq!(peers.of(0).len(), MAX_CHECKS);
    }
}
