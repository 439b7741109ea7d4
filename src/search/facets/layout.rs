//! How a document's facet values are packed in memory.
//!
//! Every coded facet (all but countries, years and calls) has a [`Span`] of a `u64` value
//! word: one bit per value, so a filter is one mask test and counting walks the set bits. A
//! document's year and first countries sit beside it in [`Places`], its call in a byte of its
//! own; a tally counts years, countries and calls in slots (see [`year_slot`],
//! [`country_slot`] and [`CALL_SLOTS`]).

use crate::model::Dim;
use crate::model::{ActionLine, ItuEntity, Region, Scope, StakeholderType, Status};
use crate::search::document::UNKNOWN_YEAR;

/// The first year counted: years count from 1900 to 2100 ...
pub(super) const FIRST_YEAR: u64 = 1900;
/// ... in this many slots, and a last slot for unknown start dates.
pub(super) const YEAR_SLOTS: usize = 201;

/// The value of a year slot: the year, or [`UNKNOWN_YEAR`] for the last slot.
pub(super) fn year_of_slot(slot: usize) -> u64 {
    if slot >= YEAR_SLOTS {
        UNKNOWN_YEAR
    } else {
        slot as u64 + FIRST_YEAR
    }
}

/// The slot a year counts in: the last one for an unknown year (and for years out of range,
/// which validation never lets in).
#[inline(always)]
pub(super) fn year_slot(year: u16) -> usize {
    usize::from(year)
        .wrapping_sub(FIRST_YEAR as usize)
        .min(YEAR_SLOTS)
}

/// Where a value is counted in a tally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    /// A bit of the value word (a coded facet's value).
    Value(usize),
    /// A country index.
    Country(usize),
    /// A year slot (see [`year_slot`]).
    Year(usize),
    /// A call number.
    Call(usize),
}

/// Call slots of a tally, by call number: slot 0 counts documents that answered no call,
/// and calls are numbered from 1 to 255 (the service opens no more).
pub(super) const CALL_SLOTS: usize = 256;

/// The byte a document's call number is kept in (0, no call, for a number past the slots,
/// which the service never gives).
pub(super) fn call_byte(number: u64) -> u8 {
    u8::try_from(number).unwrap_or(0)
}

/// Countries kept inline per document; more go to an overflow table.
pub(super) const INLINE_COUNTRIES: usize = 3;
/// An unused inline country place.
const NO_COUNTRY: u16 = u16::MAX;
/// In the first inline place: "the countries are in the overflow table".
const MORE_COUNTRIES: u16 = u16::MAX - 1;
/// Country slots of a tally; the extra last slot absorbs unused places.
pub(super) const COUNTRY_SLOTS: usize = 256;

/// The slot a country place counts in: its index, or the last slot for an unused place.
#[inline(always)]
pub(super) fn country_slot(place: u16) -> usize {
    usize::from(place).min(COUNTRY_SLOTS)
}

/// A document's year and countries (its coded facets are in its value word).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Places {
    /// The start year, or [`UNKNOWN_YEAR`].
    pub(super) year: u16,
    /// Country indexes, `NO_COUNTRY` in unused places, or `MORE_COUNTRIES` first when the
    /// document has more than fit here.
    countries: [u16; INLINE_COUNTRIES],
}

impl Places {
    /// Packs a year (kept up to `u16::MAX`) and countries; the countries are handed back
    /// when they do not fit inline, for the overflow table.
    pub(super) fn pack(year: u64, countries: Vec<u16>) -> (Places, Option<Vec<u16>>) {
        let mut places = Places {
            year: year.min(u64::from(u16::MAX)) as u16,
            countries: [NO_COUNTRY; INLINE_COUNTRIES],
        };
        if countries.len() <= INLINE_COUNTRIES {
            places.countries[..countries.len()].copy_from_slice(&countries);
            (places, None)
        } else {
            places.countries[0] = MORE_COUNTRIES;
            (places, Some(countries))
        }
    }

    /// The countries held inline; `None` when they are in the overflow table.
    #[inline]
    pub(super) fn countries(&self) -> Option<&[u16]> {
        if self.countries[0] == MORE_COUNTRIES {
            return None;
        }
        let used = self
            .countries
            .iter()
            .take_while(|c| **c != NO_COUNTRY)
            .count();
        Some(&self.countries[..used])
    }

    /// Every inline place, unused ones included: their [`country_slot`] is the absorbing
    /// one, so counting needs no test. `None` when the countries are in the overflow table.
    #[inline(always)]
    pub(super) fn country_places(&self) -> Option<[u16; INLINE_COUNTRIES]> {
        (self.countries[0] != MORE_COUNTRIES).then_some(self.countries)
    }
}

/// The bits of one coded facet in a document's value word: one bit per value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    /// The bit of value 0.
    pub(super) offset: u32,
    /// How many values.
    pub(super) len: u32,
}

impl Span {
    const fn after(prev: Span, len: usize) -> Span {
        Span {
            offset: prev.end(),
            len: len as u32,
        }
    }

    /// The first bit past the span.
    pub(super) const fn end(self) -> u32 {
        self.offset + self.len
    }

    /// The span's bits.
    pub(super) const fn mask(self) -> u64 {
        ((1u64 << self.len) - 1) << self.offset
    }

    /// Packs a set of values (bit `i` = value `i`) into the span; values past its width are
    /// dropped.
    #[inline]
    pub(super) fn place(self, values: u64) -> u64 {
        (values << self.offset) & self.mask()
    }

    /// Unpacks the set of values (bit `i` = value `i`) a value word holds in the span.
    #[inline]
    pub(super) fn take(self, word: u64) -> u64 {
        (word & self.mask()) >> self.offset
    }

    /// The span's bits as indexes of a value word.
    pub(super) fn range(self) -> std::ops::Range<usize> {
        self.offset as usize..self.end() as usize
    }
}

pub(super) const LINES: Span = Span {
    offset: 0,
    len: ActionLine::COUNT as u32,
};
/// Indexed by SDG number: slot 0 is unused.
pub(super) const SDGS: Span = Span::after(LINES, 18);
pub(super) const REGIONS: Span = Span::after(SDGS, Region::ALL.len());
pub(super) const STAKEHOLDERS: Span = Span::after(REGIONS, StakeholderType::ALL.len());
pub(super) const ENTITIES: Span = Span::after(STAKEHOLDERS, ItuEntity::ALL.len());
pub(super) const SCOPES: Span = Span::after(ENTITIES, Scope::ALL.len());
pub(super) const STATUSES: Span = Span::after(SCOPES, Status::ALL.len());
pub(super) const COVID: Span = Span::after(STATUSES, 2);
const _: () = assert!(COVID.end() <= 64, "facet values exceed the value word");

/// What to count of a document: its value bits under the low 64 bits, and above them flags
/// for the facets counted in slots.
pub(super) type Counting = u128;
/// Count everything.
pub(super) const COUNT_ALL: Counting = Counting::MAX;
/// Count the year.
pub(super) const COUNT_YEAR: Counting = 1 << 64;
/// Count the countries.
pub(super) const COUNT_COUNTRIES: Counting = 1 << 65;
/// Count the call.
pub(super) const COUNT_CALL: Counting = 1 << 66;
/// The flags of the facets counted in slots.
pub(super) const COUNT_SLOTS: Counting = COUNT_YEAR | COUNT_COUNTRIES | COUNT_CALL;

/// The value bits a counting mask selects.
#[inline(always)]
pub(super) fn value_bits(counting: Counting) -> u64 {
    counting as u64
}

/// A counting mask of value bits only.
pub(super) fn counting_values(bits: u64) -> Counting {
    Counting::from(bits)
}

/// The span of a coded facet (none for countries, years and calls).
pub(super) fn span(dim: Dim) -> Option<Span> {
    match dim {
        Dim::ActionLine => Some(LINES),
        Dim::Sdg => Some(SDGS),
        Dim::Region => Some(REGIONS),
        Dim::StakeholderType => Some(STAKEHOLDERS),
        Dim::ItuEntity => Some(ENTITIES),
        Dim::Scope => Some(SCOPES),
        Dim::Status => Some(STATUSES),
        Dim::Covid19 => Some(COVID),
        Dim::Country | Dim::Year | Dim::Call => None,
    }
}

/// The set (bit `i` = value `i`) of the values below 64; larger ones are dropped.
pub(super) fn bits_of(values: impl Iterator<Item = u64>) -> u64 {
    values.filter(|v| *v < 64).fold(0, |m, v| m | (1 << v))
}

/// The values of a set (bit `i` = value `i`), in order.
pub(super) fn members(mut set: u64) -> impl Iterator<Item = u64> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let value = u64::from(set.trailing_zeros());
            set &= set - 1;
            value
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, Sdg};
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// The coded facets and their spans, in the order of the value word.
    fn coded() -> Vec<(Dim, Span)> {
        Dim::ALL
            .into_iter()
            .filter_map(|d| span(d).map(|s| (d, s)))
            .collect()
    }

    /// The values a facet's taxonomy has, as the index codes them.
    fn taxonomy_values(dim: Dim) -> Vec<u64> {
        let indexes = |n: usize| (0..n as u64).collect();
        match dim {
            Dim::ActionLine => ActionLine::all().map(|l| l.index() as u64).collect(),
            Dim::Sdg => Sdg::all().map(|g| u64::from(g.number())).collect(),
            Dim::Region => indexes(Region::ALL.len()),
            Dim::StakeholderType => indexes(StakeholderType::ALL.len()),
            Dim::ItuEntity => indexes(ItuEntity::ALL.len()),
            Dim::Scope => indexes(Scope::ALL.len()),
            Dim::Status => indexes(Status::ALL.len()),
            Dim::Covid19 => vec![0, 1],
            Dim::Country => indexes(Country::count()),
            Dim::Year => (FIRST_YEAR..FIRST_YEAR + YEAR_SLOTS as u64).collect(),
            Dim::Call => (1..CALL_SLOTS as u64).collect(),
        }
    }

    #[test]
    fn the_spans_tile_the_value_word_in_facet_order() {
        let mut next = 0;
        for (dim, s) in coded() {
            assert_eq!(
                s.offset, next,
                "{dim:?} starts where the previous facet ends"
            );
            assert!(s.len > 0, "{dim:?}");
            next = s.end();
        }
        assert!(next <= 64, "the values fit the value word");
        let all = coded().iter().fold(0, |m, (_, s)| m | s.mask());
        assert_eq!(value_bits(counting_values(all)), all);
        assert_eq!(
            value_bits(COUNT_SLOTS),
            0,
            "the slot flags stay clear of the values"
        );
        assert_eq!(value_bits(COUNT_ALL), u64::MAX);
        assert_eq!(COUNT_SLOTS.count_ones(), 3);
    }

    #[test]
    fn every_value_of_the_taxonomy_has_a_place() {
        for (dim, s) in coded() {
            let values = taxonomy_values(dim);
            assert!(!values.is_empty(), "{dim:?}");
            for v in values {
                assert!(v < u64::from(s.len), "{dim:?} value {v} fits its span");
                let word = s.place(1 << v);
                assert_eq!(word.count_ones(), 1, "{dim:?} {v}");
                assert_eq!(s.take(word), 1 << v, "{dim:?} {v}");
                for (other, o) in coded() {
                    if other != dim {
                        assert_eq!(o.take(word), 0, "{dim:?} {v} leaks into {other:?}");
                    }
                }
            }
        }
        for call in taxonomy_values(Dim::Call) {
            assert_eq!(u64::from(call_byte(call)), call, "call {call} has its slot");
        }
        assert_eq!(call_byte(CALL_SLOTS as u64), 0);
        for c in taxonomy_values(Dim::Country) {
            assert!(
                country_slot(c as u16) < COUNTRY_SLOTS,
                "country {c} has a slot"
            );
        }
        assert_eq!(country_slot(NO_COUNTRY), COUNTRY_SLOTS);
        for year in taxonomy_values(Dim::Year) {
            assert_eq!(year_of_slot(year_slot(year as u16)), year);
        }
    }

    #[test]
    fn the_boundaries_of_each_span_hold() {
        for (dim, s) in coded() {
            let last = u64::from(s.len) - 1;
            assert_eq!(
                s.take(s.place(1 << last)),
                1 << last,
                "{dim:?}: last value kept"
            );
            if s.len < 64 {
                assert_eq!(
                    s.place(1 << s.len),
                    0,
                    "{dim:?}: one past the width dropped"
                );
            }
            assert_eq!(s.place(u64::MAX), s.mask(), "{dim:?}: every value");
            assert_eq!(s.take(u64::MAX), s.mask() >> s.offset);
            assert_eq!(s.range().len(), s.len as usize);
        }
        assert_eq!(year_of_slot(0), FIRST_YEAR);
        assert_eq!(
            year_of_slot(YEAR_SLOTS - 1),
            FIRST_YEAR + YEAR_SLOTS as u64 - 1
        );
        assert_eq!(year_of_slot(YEAR_SLOTS), UNKNOWN_YEAR);
        assert_eq!(year_slot(UNKNOWN_YEAR as u16), YEAR_SLOTS);
        assert_eq!(year_slot(FIRST_YEAR as u16 - 1), YEAR_SLOTS);
        assert_eq!(year_slot(u16::MAX), YEAR_SLOTS);
    }

    /// A subset of each coded facet's values.
    fn value_sets() -> impl Strategy<Value = Vec<BTreeSet<u64>>> {
        coded()
            .into_iter()
            .map(|(_, s)| {
                let width = (1u64 << s.len) - 1;
                any::<u64>().prop_map(move |m| members(m & width).collect::<BTreeSet<u64>>())
            })
            .collect::<Vec<_>>()
    }

    proptest! {
        #[test]
        fn packing_every_facet_into_one_word_unpacks_to_the_same_sets(sets in value_sets()) {
            let spans = coded();
            let word = spans
                .iter()
                .zip(&sets)
                .fold(0, |w, ((_, s), set)| w | s.place(bits_of(set.iter().copied())));
            for ((dim, s), set) in spans.iter().zip(&sets) {
                let back: BTreeSet<u64> = members(s.take(word)).collect();
                prop_assert_eq!(&back, set, "{:?}", dim);
            }
        }

        #[test]
        fn values_past_a_span_never_reach_another(dim in 0..8usize, values in any::<u64>()) {
            let spans = coded();
            let (_, s) = spans[dim];
            let word = s.place(values);
            prop_assert_eq!(word & !s.mask(), 0);
            prop_assert_eq!(s.take(word), values & (s.mask() >> s.offset));
        }

        #[test]
        fn sets_and_their_members_round_trip(values in proptest::collection::btree_set(0..64u64, 0..64)) {
            let set = bits_of(values.iter().copied());
            prop_assert_eq!(set.count_ones() as usize, values.len());
            prop_assert_eq!(members(set).collect::<BTreeSet<u64>>(), values);
        }

        #[test]
        fn values_of_64_and_above_are_left_out_of_a_set(values in proptest::collection::vec(0..1000u64, 0..20)) {
            let kept: BTreeSet<u64> = values.iter().copied().filter(|v| *v < 64).collect();
            prop_assert_eq!(members(bits_of(values.into_iter())).collect::<BTreeSet<u64>>(), kept);
        }

        #[test]
        fn places_hand_back_the_countries_packed(
            year in any::<u64>(),
            countries in proptest::collection::vec(0..300u16, 0..8),
        ) {
            let (places, overflow) = Places::pack(year, countries.clone());
            prop_assert_eq!(u64::from(places.year), year.min(u64::from(u16::MAX)));
            match (places.countries(), overflow) {
                (Some(inline), None) => {
                    prop_assert!(countries.len() <= INLINE_COUNTRIES);
                    prop_assert_eq!(inline, &countries[..]);
                    let slots = places.country_places().map(|p| p.map(country_slot));
                    let unused = INLINE_COUNTRIES - countries.len();
                    prop_assert_eq!(
                        slots.map(|s| s.iter().filter(|s| **s == COUNTRY_SLOTS).count()),
                        Some(unused + countries.iter().filter(|c| country_slot(**c) == COUNTRY_SLOTS).count())
                    );
                }
                (None, Some(all)) => {
                    prop_assert!(countries.len() > INLINE_COUNTRIES);
                    prop_assert_eq!(all, countries);
                    prop_assert_eq!(places.country_places(), None);
                }
                (inline, overflow) => {
                    prop_assert!(false, "inline {:?} and overflow {:?}", inline, overflow);
                }
            }
        }

        #[test]
        fn every_year_maps_to_its_slot_and_back(year in any::<u16>()) {
            let slot = year_slot(year);
            prop_assert!(slot <= YEAR_SLOTS);
            let counted = (FIRST_YEAR..FIRST_YEAR + YEAR_SLOTS as u64).contains(&u64::from(year));
            prop_assert_eq!(
                year_of_slot(slot),
                if counted { u64::from(year) } else { UNKNOWN_YEAR }
            );
        }
    }
}
