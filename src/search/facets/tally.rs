//! Facet counts: per facet value, how many documents have it.

use tantivy::DocId;

use super::filters::Accept;
use super::layout::{
    country_slot, span, value_bits, year_of_slot, year_slot, Counting, Slot, CALL_SLOTS,
    COUNTRY_SLOTS, COUNT_CALL, COUNT_COUNTRIES, COUNT_SLOTS, COUNT_YEAR, YEAR_SLOTS,
};
use super::segment::SegmentFacetData;
use crate::model::Country;
use crate::model::Dim;

/// Counts per facet value, plus the number of documents that pass every filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetTally {
    /// Documents matching the text and every filter.
    pub total: u64,
    /// Counts of the coded facets, by bit of the value word.
    values: [u64; 64],
    /// By country index; the last slot absorbs unused places.
    countries: [u64; COUNTRY_SLOTS + 1],
    /// By year from `FIRST_YEAR`; the last slot counts unknown start dates (and would absorb
    /// years out of range, which validation never lets in).
    years: [u64; YEAR_SLOTS + 1],
    /// By call number; slot 0 counts documents that answered no call (never listed).
    calls: [u64; CALL_SLOTS],
}

impl FacetTally {
    /// An empty tally.
    pub fn new() -> Box<FacetTally> {
        Box::new(FacetTally {
            total: 0,
            values: [0; 64],
            countries: [0; COUNTRY_SLOTS + 1],
            years: [0; YEAR_SLOTS + 1],
            calls: [0; CALL_SLOTS],
        })
    }

    fn slots(&self, dim: Dim) -> &[u64] {
        match (dim, span(dim)) {
            (_, Some(span)) => &self.values[span.range()],
            (Dim::Country, _) => &self.countries[..Country::count().min(COUNTRY_SLOTS)],
            (Dim::Call, _) => &self.calls[1..],
            _ => &self.years[..],
        }
    }

    /// The counts of one facet as (value, count): the index for coded facets, the SDG
    /// number, the year ([`UNKNOWN_YEAR`](crate::search::document::UNKNOWN_YEAR) for unknown
    /// start dates), the call number.
    pub fn counts(&self, dim: Dim) -> impl Iterator<Item = (u64, u64)> + '_ {
        let value = move |i: usize| match dim {
            Dim::Year => year_of_slot(i),
            Dim::Call => i as u64 + 1,
            _ => i as u64,
        };
        self.slots(dim)
            .iter()
            .enumerate()
            .map(move |(i, n)| (value(i), *n))
    }

    /// How many documents the filter of `dim` accepts (an estimate of its selectivity when
    /// documents carry several values).
    pub fn estimate(&self, dim: Dim, accept: &Accept) -> u64 {
        self.counts(dim)
            .filter(|(value, _)| accept.accepts(*value))
            .map(|(_, n)| n)
            .sum()
    }

    /// Replaces the counts of one facet with another tally's.
    pub fn take_counts(&mut self, dim: Dim, from: &FacetTally) {
        match (dim, span(dim)) {
            (_, Some(span)) => {
                self.values[span.range()].copy_from_slice(&from.values[span.range()]);
            }
            (Dim::Country, _) => self.countries = from.countries,
            (Dim::Call, _) => self.calls = from.calls,
            _ => self.years = from.years,
        }
    }

    /// Counts one document in the facets that `mask` selects: its value bits, and the year,
    /// countries and call flags (written out: this is the hottest loop).
    #[inline(always)]
    pub(super) fn add(&mut self, data: &SegmentFacetData, doc: DocId, mask: Counting) {
        let mut bits = data.bits[doc as usize] & value_bits(mask);
        while bits != 0 {
            self.values[bits.trailing_zeros() as usize & 63] += 1;
            bits &= bits - 1;
        }
        if mask & COUNT_SLOTS == 0 {
            return;
        }
        if mask & COUNT_CALL != 0 {
            self.calls[usize::from(data.call(doc))] += 1;
        }
        let places = &data.places[doc as usize];
        if mask & COUNT_YEAR != 0 {
            self.years[year_slot(places.year)] += 1;
        }
        if mask & COUNT_COUNTRIES != 0 {
            match places.country_places() {
                Some(inline) => {
                    for c in inline {
                        self.countries[country_slot(c)] += 1;
                    }
                }
                None => {
                    for c in data.countries(doc, places) {
                        self.countries[country_slot(*c)] += 1;
                    }
                }
            }
        }
    }

    /// A tally of these counts.
    pub(super) fn from_slots(
        total: u64,
        counts: impl IntoIterator<Item = (Slot, u64)>,
    ) -> Box<FacetTally> {
        let mut tally = FacetTally::new();
        tally.total = total;
        for (slot, n) in counts {
            tally.add_at(slot, n);
        }
        tally
    }

    /// Adds `n` to the count of one value (slots out of range are ignored).
    fn add_at(&mut self, slot: Slot, n: u64) {
        let count = match slot {
            Slot::Value(bit) => self.values.get_mut(bit),
            Slot::Country(c) => self.countries.get_mut(c),
            Slot::Year(y) => self.years.get_mut(y),
            Slot::Call(c) => self.calls.get_mut(c),
        };
        if let Some(count) = count {
            *count += n;
        }
    }

    /// Whether no document was counted at all (none matched, even failing one filter).
    pub fn is_empty(&self) -> bool {
        self.total == 0
            && Dim::ALL
                .iter()
                .all(|d| self.counts(*d).all(|(_, n)| n == 0))
    }

    /// Adds another tally.
    pub fn merge(&mut self, o: &FacetTally) {
        fn add<const N: usize>(a: &mut [u64; N], b: &[u64; N]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.total += o.total;
        add(&mut self.values, &o.values);
        add(&mut self.countries, &o.countries);
        add(&mut self.years, &o.years);
        add(&mut self.calls, &o.calls);
    }
}
