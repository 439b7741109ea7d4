//! Per segment, the documents of every facet value, so that disjunctive counts over a large
//! set of matches are word operations: each value counted as
//! popcount(matches ∧ the other facets' filters ∧ value), whatever the number of matches.

use tantivy::DocId;

use super::doc_sets::{Bits, DocSet};
use super::filters::{Accept, ActiveFilters};
use super::layout::{
    members, span, year_of_slot, year_slot, Slot, CALL_SLOTS, FIRST_YEAR, YEAR_SLOTS,
};
use crate::model::Dim;

/// How many matches pass every filter, and the count of each value.
pub(super) type Counts = (u64, Vec<(Slot, u64)>);

/// The documents of one value, and where the value is counted.
#[derive(Debug)]
struct ValueSet {
    dim: Dim,
    /// The value as filters name it (the year for years).
    value: u64,
    slot: Slot,
    docs: DocSet,
}

/// The documents of every value of one segment that any document has.
#[derive(Debug)]
pub(super) struct ValueSets {
    docs: usize,
    sets: Vec<ValueSet>,
    /// Documents whose year is past the counted years (validation never lets one in): they
    /// count as unknown, but year filters still see their year.
    odd_years: Vec<(DocId, u16)>,
    /// What counting every value over a bitset costs, in word operations.
    cost: usize,
}

/// The facet and value a bit of the value word stands for.
fn coded_value(bit: u32) -> Option<(Dim, u64)> {
    Dim::ALL.into_iter().find_map(|dim| {
        let s = span(dim)?;
        s.range()
            .contains(&(bit as usize))
            .then(|| (dim, u64::from(bit - s.offset)))
    })
}

/// Where one segment's values are counted, with their documents in order.
struct Gathered {
    coded: Vec<Vec<DocId>>,
    countries: Vec<Vec<DocId>>,
    years: Vec<Vec<DocId>>,
    odd_years: Vec<(DocId, u16)>,
    calls: Vec<Vec<DocId>>,
}

/// One document's row, as the value sets are built from: its value word, its year, its
/// countries and its call.
pub(super) type Row<'a> = (u64, u16, &'a [u16], u8);

impl Gathered {
    fn from<'a>(rows: impl Iterator<Item = Row<'a>>) -> Gathered {
        let mut g = Gathered {
            coded: vec![Vec::new(); 64],
            countries: Vec::new(),
            years: vec![Vec::new(); YEAR_SLOTS + 1],
            odd_years: Vec::new(),
            calls: vec![Vec::new(); CALL_SLOTS],
        };
        for (doc, (bits, year, countries, call)) in rows.enumerate() {
            let doc = doc as DocId;
            if call != 0 {
                g.calls[usize::from(call)].push(doc);
            }
            for bit in members(bits) {
                g.coded[bit as usize].push(doc);
            }
            let slot = year_slot(year);
            g.years[slot].push(doc);
            if slot == YEAR_SLOTS && u64::from(year) >= FIRST_YEAR {
                g.odd_years.push((doc, year));
            }
            for c in countries {
                let c = usize::from(*c);
                if g.countries.len() <= c {
                    g.countries.resize(c + 1, Vec::new());
                }
                g.countries[c].push(doc);
            }
        }
        g
    }
}

impl ValueSets {
    /// No value sets (of an empty segment).
    pub(super) fn empty() -> ValueSets {
        ValueSets {
            docs: 0,
            sets: Vec::new(),
            odd_years: Vec::new(),
            cost: 0,
        }
    }

    /// The value sets of a segment of `docs` documents, from their rows in order.
    pub(super) fn build<'a>(docs: usize, rows: impl Iterator<Item = Row<'a>>) -> ValueSets {
        let words = docs.div_ceil(64);
        let g = Gathered::from(rows);
        let coded = g.coded.into_iter().enumerate().filter_map(|(bit, docs)| {
            let (dim, value) = coded_value(bit as u32)?;
            Some((dim, value, Slot::Value(bit), docs))
        });
        let countries = g
            .countries
            .into_iter()
            .enumerate()
            .map(|(c, docs)| (Dim::Country, c as u64, Slot::Country(c), docs));
        let years = g
            .years
            .into_iter()
            .enumerate()
            .map(|(slot, docs)| (Dim::Year, year_of_slot(slot), Slot::Year(slot), docs));
        let calls = g
            .calls
            .into_iter()
            .enumerate()
            .map(|(c, docs)| (Dim::Call, c as u64, Slot::Call(c), docs));
        let sets: Vec<ValueSet> = coded
            .chain(countries)
            .chain(years)
            .chain(calls)
            .filter(|(.., docs)| !docs.is_empty())
            .map(|(dim, value, slot, docs)| ValueSet {
                dim,
                value,
                slot,
                docs: DocSet::new(docs, words),
            })
            .collect();
        let cost = sets.iter().map(|s| s.docs.cost()).sum();
        ValueSets {
            docs,
            sets,
            odd_years: g.odd_years,
            cost,
        }
    }

    /// What counting with `filters` costs, in word operations.
    pub(super) fn cost(&self, filters: &ActiveFilters) -> usize {
        let k = filters.0.len();
        self.cost + self.docs.div_ceil(64) * (k + 1) * (k + 1)
    }

    /// The documents that pass one filter.
    fn passing(&self, dim: Dim, accept: &Accept) -> Bits {
        let mut bits = Bits::none(self.docs);
        for set in &self.sets {
            if set.dim == dim && accept.accepts(set.value) {
                set.docs.add_to(&mut bits);
            }
        }
        if dim == Dim::Year {
            for (doc, year) in &self.odd_years {
                if accept.accepts(u64::from(*year)) {
                    bits.insert(*doc);
                }
            }
        }
        bits
    }

    /// Counts every facet over `matches` (a superset of the documents that fail at most one
    /// filter): each facet over the matches that pass every other facet's filter. Hands back
    /// the counts, and the matches that pass every filter (how many they are, and which).
    pub(super) fn count(&self, matches: &Bits, filters: &ActiveFilters) -> (Counts, Bits) {
        let passing: Vec<(Dim, Bits)> = filters
            .0
            .iter()
            .map(|(dim, accept)| (*dim, self.passing(*dim, accept)))
            .collect();
        // Per filtered facet, the matches passing every other filter; then all of them.
        let but: Vec<(Dim, Bits)> = (0..passing.len())
            .map(|i| {
                let mut base = matches.clone();
                for (j, (_, bits)) in passing.iter().enumerate() {
                    if j != i {
                        base.and(bits);
                    }
                }
                (passing[i].0, base)
            })
            .collect();
        let all = match (but.first(), passing.first()) {
            (Some((_, base)), Some((_, own))) => {
                let mut all = base.clone();
                all.and(own);
                all
            }
            _ => matches.clone(),
        };
        let counts = self
            .sets
            .iter()
            .map(|set| {
                let base = but
                    .iter()
                    .find(|(dim, _)| *dim == set.dim)
                    .map_or(&all, |(_, b)| b);
                (set.slot, set.docs.len_in(base))
            })
            .collect();
        ((all.len(), counts), all)
    }
}
