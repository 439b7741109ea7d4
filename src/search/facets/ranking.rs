//! How the collector ranks candidate hits: by score or by start date, ties broken by a
//! stable per-document key.

use std::cmp::Ordering;

use tantivy::{DocAddress, Score};

use crate::search::document::UNKNOWN_START_DAY;

/// A document's `start_day` when its start date is unknown.
pub(super) const UNKNOWN_DAY: i32 = UNKNOWN_START_DAY as i32;
/// The day an unknown start date counts as when it breaks a tie of scores: the last day
/// before 1900 (days count from 1970-01-01), below every known date.
const TIE_DAY_UNKNOWN: i32 = -25_568;
const _: () = assert!(
    UNKNOWN_START_DAY == i32::MIN as i64,
    "start_day is kept as an i32"
);

/// How candidate hits are ranked inside the collector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// By relevance score.
    Score,
    /// By start date, latest first.
    Newest,
    /// By start date, earliest first.
    Oldest,
}

impl Ranking {
    /// The sort key of a document that starts on `day` and scores `score`: higher is better.
    #[inline]
    pub(super) fn key(self, day: i32, score: Score) -> f64 {
        let known = day != UNKNOWN_DAY;
        match self {
            // Scores equal to four decimals tie; the later start date wins the tie (an
            // unknown one loses it).
            Ranking::Score => {
                let day = if known { day } else { TIE_DAY_UNKNOWN };
                (f64::from(score) * 1e4).round() + f64::from(day) * 1e-6
            }
            Ranking::Newest if known => f64::from(day),
            Ranking::Oldest if known => -f64::from(day),
            // Unknown start dates come after every dated project, whichever the order.
            Ranking::Newest | Ranking::Oldest => f64::NEG_INFINITY,
        }
    }

    /// Whether a document of this score ranks below `key` whatever its start date: by
    /// score, a start date moves a key by less than a half (days within ±500,000 of 1970,
    /// and validation keeps them within 1900 to 2100), so a rounded score below the key's
    /// rounded value is below the key.
    #[inline]
    pub(super) fn surely_below(self, score: Score, key: f64) -> bool {
        self == Ranking::Score && (f64::from(score) * 1e4).round() < key.round()
    }
}

/// A candidate hit.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// Its sort key ([`Ranking::key`]).
    pub(super) key: f64,
    tiebreak: u64,
    /// Where the document is.
    pub address: DocAddress,
    /// Its relevance score.
    pub score: Score,
}

impl Candidate {
    /// A candidate of this sort key and tie-breaker.
    pub(super) fn new(key: f64, tiebreak: u64, address: DocAddress, score: Score) -> Candidate {
        Candidate {
            key,
            tiebreak,
            address,
            score,
        }
    }

    /// The candidate of a score ranking with `extra` added to its score; its start date
    /// still breaks ties.
    #[must_use]
    pub fn with_extra_score(self, extra: Score) -> Candidate {
        let score = self.score + extra;
        let day_part = self.key - (f64::from(self.score) * 1e4).round();
        Candidate {
            key: (f64::from(score) * 1e4).round() + day_part,
            score,
            ..self
        }
    }

    /// `Less` means better: higher key, then lower tie-breaker.
    fn rank(&self, other: &Candidate) -> Ordering {
        other
            .key
            .total_cmp(&self.key)
            .then(self.tiebreak.cmp(&other.tiebreak))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Worse candidates are greater, so a max-heap keeps the worst on top.
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_start_date_loses_ties_to_every_known_one() {
        let first_known = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).map(|d| {
            d.signed_duration_since(chrono::NaiveDate::default())
                .num_days()
        });
        assert_eq!(first_known, Some(i64::from(TIE_DAY_UNKNOWN) + 1));
        let first_known = first_known.unwrap() as i32;
        assert!(Ranking::Score.key(first_known, 1.0) > Ranking::Score.key(UNKNOWN_DAY, 1.0));
        for order in [Ranking::Newest, Ranking::Oldest] {
            assert!(!order.surely_below(0.0, order.key(first_known, 1.0)));
            assert!(order.key(first_known, 0.0) > order.key(UNKNOWN_DAY, 0.0));
        }
    }

    proptest::proptest! {
        #[test]
        fn surely_below_is_never_wrong(
            score in 0.0f32..1e4,
            day in -40_000i32..60_000,
            worst_score in 0.0f32..1e4,
            worst_day in -40_000i32..60_000,
        ) {
            let worst = Ranking::Score.key(worst_day, worst_score);
            if Ranking::Score.surely_below(score, worst) {
                proptest::prop_assert!(Ranking::Score.key(day, score) < worst);
                proptest::prop_assert!(Ranking::Score.key(UNKNOWN_DAY, score) < worst);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn an_extra_score_ranks_as_if_scored_so(
            score in 0.0f32..1e3,
            extra in 0.0f32..1e3,
            day in -25_000i32..60_000,
        ) {
            let address = DocAddress::new(0, 0);
            let scored = Candidate::new(Ranking::Score.key(day, score), 1, address, score);
            let rescored = scored.with_extra_score(extra);
            let direct = Ranking::Score.key(day, score + extra);
            proptest::prop_assert!((rescored.key - direct).abs() < 1e-6);
            proptest::prop_assert_eq!(rescored.score, score + extra);
        }
    }

    #[test]
    fn better_candidates_sort_first() {
        let c = |key: f64, tiebreak: u64| Candidate::new(key, tiebreak, DocAddress::new(0, 0), 0.0);
        let mut v = [c(1.0, 5), c(3.0, 9), c(3.0, 2), c(2.0, 0)];
        v.sort();
        let order: Vec<(f64, u64)> = v.iter().map(|c| (c.key, c.tiebreak)).collect();
        assert_eq!(order, vec![(3.0, 2), (3.0, 9), (2.0, 0), (1.0, 5)]);
    }
}
