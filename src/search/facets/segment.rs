//! The facet table of one segment: every document's facet values and sort keys, decoded once
//! from the fast fields into the layout of [`super::layout`].

use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::layout::{
    bits_of, call_byte, members, span, Places, COVID, ENTITIES, LINES, REGIONS, SCOPES, SDGS,
    STAKEHOLDERS, STATUSES,
};
use super::ranking::{Candidate, Ranking, UNKNOWN_DAY};
use super::value_sets::ValueSets;
use crate::model::Dim;
use crate::search::schema::names;

/// Segments of at least this many documents sort their two date orders on two threads
/// (a thread costs more than sorting a small segment).
const SORT_BESIDE_FROM: usize = 50_000;

/// Facet values and sort keys of every document of one segment.
pub struct SegmentFacetData {
    /// Per document, one bit per value of every coded facet (see [`super::layout::Span`]):
    /// what filters test, kept apart so that a scan streams 8 bytes per document.
    pub(super) bits: Vec<u64>,
    pub(super) places: Vec<Places>,
    /// Per document, the number of the call it answered (0 for none); empty when no
    /// document of the segment answered one, so that counting reads nothing for it.
    calls: Vec<u8>,
    overflow: HashMap<DocId, Vec<u16>>,
    start_day: Vec<i32>,
    tiebreak: Vec<u64>,
    /// Documents by start date, latest first (ties by tie-breaker).
    pub(super) newest: Vec<DocId>,
    /// Documents by start date, earliest first (ties by tie-breaker).
    pub(super) oldest: Vec<DocId>,
    /// The documents of each value, for counting large sets of matches.
    pub(super) sets: ValueSets,
}

/// One document's values, as read from the fast fields.
#[derive(Clone, Debug, Default)]
pub(super) struct DocFacets {
    /// Its coded facets, packed in a value word.
    pub(super) bits: u64,
    pub(super) year: u64,
    pub(super) countries: Vec<u16>,
    /// The call's number, 0 for none.
    pub(super) call: u64,
    pub(super) start_day: i64,
    pub(super) tiebreak: u64,
}

/// The fast fields a facet table is built from.
struct Columns {
    lines: Column<u64>,
    sdgs: Column<u64>,
    regions: Column<u64>,
    countries: Column<u64>,
    stakeholder: Column<u64>,
    entity: Column<u64>,
    scope: Column<u64>,
    status: Column<u64>,
    covid: Column<u64>,
    year: Column<u64>,
    call: Column<u64>,
    start_day: Column<i64>,
    tiebreak: Column<u64>,
}

impl Columns {
    fn open(reader: &SegmentReader) -> tantivy::Result<Columns> {
        let fast = reader.fast_fields();
        let facet = |dim: Dim| fast.u64(dim.name());
        Ok(Columns {
            lines: facet(Dim::ActionLine)?,
            sdgs: facet(Dim::Sdg)?,
            regions: facet(Dim::Region)?,
            countries: facet(Dim::Country)?,
            stakeholder: facet(Dim::StakeholderType)?,
            entity: facet(Dim::ItuEntity)?,
            scope: facet(Dim::Scope)?,
            status: facet(Dim::Status)?,
            covid: facet(Dim::Covid19)?,
            year: facet(Dim::Year)?,
            call: facet(Dim::Call)?,
            start_day: fast.i64(names::START_DAY)?,
            tiebreak: fast.u64(names::TIEBREAK)?,
        })
    }

    fn doc(&self, doc: DocId) -> DocFacets {
        let many = |c: &Column<u64>| bits_of(c.values_for_doc(doc));
        let one = |c: &Column<u64>| bits_of(c.first(doc).into_iter());
        DocFacets {
            bits: LINES.place(many(&self.lines))
                | SDGS.place(many(&self.sdgs))
                | REGIONS.place(many(&self.regions))
                | STAKEHOLDERS.place(one(&self.stakeholder))
                | ENTITIES.place(one(&self.entity))
                | SCOPES.place(one(&self.scope))
                | STATUSES.place(one(&self.status))
                | COVID.place(one(&self.covid)),
            year: self.year.first(doc).unwrap_or(0),
            countries: self
                .countries
                .values_for_doc(doc)
                .map(|v| v as u16)
                .collect(),
            call: self.call.first(doc).unwrap_or(0),
            start_day: self.start_day.first(doc).unwrap_or(0),
            tiebreak: self.tiebreak.first(doc).unwrap_or(0),
        }
    }
}

impl SegmentFacetData {
    /// The table of a segment.
    ///
    /// # Errors
    /// When a fast field is missing (an index of another schema).
    pub(super) fn build(reader: &SegmentReader) -> tantivy::Result<SegmentFacetData> {
        let columns = Columns::open(reader)?;
        Ok(SegmentFacetData::from_docs(
            (0..reader.max_doc()).map(|doc| columns.doc(doc)),
        ))
    }

    /// The table of these documents, numbered from 0.
    pub(super) fn from_docs(docs: impl ExactSizeIterator<Item = DocFacets>) -> SegmentFacetData {
        let n = docs.len();
        let mut data = SegmentFacetData {
            bits: Vec::with_capacity(n),
            places: Vec::with_capacity(n),
            calls: Vec::with_capacity(n),
            overflow: HashMap::new(),
            start_day: Vec::with_capacity(n),
            tiebreak: Vec::with_capacity(n),
            newest: Vec::new(),
            oldest: Vec::new(),
            sets: ValueSets::empty(),
        };
        for (doc, facets) in docs.enumerate() {
            data.push(doc as DocId, facets);
        }
        data.sort_by_date();
        if data.calls.iter().all(|c| *c == 0) {
            data.calls = Vec::new();
        }
        let rows = (0..n).map(|doc| {
            let places = &data.places[doc];
            (
                data.bits[doc],
                places.year,
                data.countries(doc as DocId, places),
                data.call(doc as DocId),
            )
        });
        data.sets = ValueSets::build(n, rows);
        data
    }

    fn push(&mut self, doc: DocId, facets: DocFacets) {
        self.bits.push(facets.bits);
        let (places, overflow) = Places::pack(facets.year, facets.countries);
        self.places.push(places);
        self.calls.push(call_byte(facets.call));
        if let Some(countries) = overflow {
            self.overflow.insert(doc, countries);
        }
        self.start_day.push(
            facets
                .start_day
                .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        );
        self.tiebreak.push(facets.tiebreak);
    }

    /// Fills the date orders (for a large segment, the two sorts side by side on two
    /// threads); unknown dates come last in both.
    fn sort_by_date(&mut self) {
        let (days, ties) = (&self.start_day, &self.tiebreak);
        let newest_first = |day: i32| (i64::from(i32::MAX) - i64::from(day)) as u64;
        let oldest_first = |day: i32| match day {
            UNKNOWN_DAY => u64::MAX,
            known => (i64::from(known) - i64::from(i32::MIN)) as u64,
        };
        let (newest, oldest) = std::thread::scope(|s| {
            let beside = (days.len() >= SORT_BESIDE_FROM)
                .then(|| {
                    std::thread::Builder::new()
                        .spawn_scoped(s, || date_order(days, ties, newest_first))
                        .ok()
                })
                .flatten();
            let oldest = date_order(days, ties, oldest_first);
            let newest = beside.and_then(|sorting| sorting.join().ok());
            (newest, oldest)
        });
        self.newest = newest.unwrap_or_else(|| date_order(days, ties, newest_first));
        self.oldest = oldest;
    }

    /// The sort key of a document: higher is better.
    #[inline]
    pub(super) fn key(&self, doc: DocId, ranking: Ranking, score: Score) -> f64 {
        let day = self.start_day.get(doc as usize).copied().unwrap_or(0);
        ranking.key(day, score)
    }

    /// A document as a candidate hit.
    pub(super) fn candidate(
        &self,
        segment: SegmentOrdinal,
        doc: DocId,
        ranking: Ranking,
        score: Score,
    ) -> Candidate {
        Candidate::new(
            self.key(doc, ranking, score),
            self.tiebreak[doc as usize],
            DocAddress::new(segment, doc),
            score,
        )
    }

    /// The number of the call a document answered, 0 for none.
    #[inline(always)]
    pub(super) fn call(&self, doc: DocId) -> u8 {
        self.calls.get(doc as usize).copied().unwrap_or(0)
    }

    /// The country indexes of a document.
    #[inline]
    pub(super) fn countries<'a>(&'a self, doc: DocId, places: &'a Places) -> &'a [u16] {
        match places.countries() {
            Some(inline) => inline,
            None => self.overflow.get(&doc).map(Vec::as_slice).unwrap_or(&[]),
        }
    }

    /// The values a document has in a facet, into `out` (cleared first).
    pub(super) fn values_of(&self, doc: DocId, dim: Dim, out: &mut Vec<u64>) {
        out.clear();
        let places = &self.places[doc as usize];
        match (dim, span(dim)) {
            (Dim::Year, _) => out.push(u64::from(places.year)),
            (Dim::Call, _) => match self.call(doc) {
                0 => {}
                call => out.push(u64::from(call)),
            },
            (Dim::Country, _) => {
                out.extend(self.countries(doc, places).iter().map(|c| u64::from(*c)))
            }
            (_, Some(span)) => out.extend(members(span.take(self.bits[doc as usize]))),
            (_, None) => {}
        }
    }
}

/// The documents by `day_key` of their start day, then by tie-breaker (then by number, so
/// the order is total).
fn date_order(days: &[i32], ties: &[u64], day_key: impl Fn(i32) -> u64) -> Vec<DocId> {
    let mut keyed: Vec<(u64, u64, DocId)> = (days.iter().zip(ties).enumerate())
        .map(|(doc, (day, tie))| (day_key(*day), *tie, doc as DocId))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, doc)| doc).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A start day: often unknown, often shared, sometimes extreme.
    fn day() -> impl Strategy<Value = i32> {
        prop_oneof![
            Just(UNKNOWN_DAY),
            Just(i32::MIN),
            Just(i32::MAX),
            -3..3i32,
            any::<i32>(),
        ]
    }

    /// The orders of the plain comparisons, newest first and oldest first.
    fn plain_orders(data: &SegmentFacetData) -> (Vec<DocId>, Vec<DocId>) {
        let (days, ties) = (&data.start_day, &data.tiebreak);
        let mut newest: Vec<DocId> = (0..days.len() as DocId).collect();
        newest.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            days[b].cmp(&days[a]).then(ties[a].cmp(&ties[b]))
        });
        let mut oldest: Vec<DocId> = (0..days.len() as DocId).collect();
        oldest.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            let unknown = |d: i32| d == UNKNOWN_DAY;
            (unknown(days[a]), days[a])
                .cmp(&(unknown(days[b]), days[b]))
                .then(ties[a].cmp(&ties[b]))
        });
        (newest, oldest)
    }

    fn table(docs: &[(i32, u64)]) -> SegmentFacetData {
        let facets = docs.iter().map(|(day, tie)| DocFacets {
            start_day: i64::from(*day),
            tiebreak: *tie,
            ..DocFacets::default()
        });
        SegmentFacetData::from_docs(facets.collect::<Vec<_>>().into_iter())
    }

    /// A large segment sorts its two orders on two threads: the same orders.
    #[test]
    fn a_large_segment_sorts_its_date_orders_beside_each_other_alike() {
        let docs: Vec<(i32, u64)> = (0..SORT_BESIDE_FROM as u64 + 10)
            .map(|i| match i % 7 {
                0 => (UNKNOWN_DAY, i % 5),
                _ => ((i * 7919 % 3000) as i32 - 1500, i % 11),
            })
            .collect();
        let data = table(&docs);
        let (newest, oldest) = plain_orders(&data);
        assert!(data.newest == newest && data.oldest == oldest);
    }

    proptest! {
        /// The keyed sorts give the orders of the plain comparisons: newest first, and
        /// oldest first with unknown dates last, ties by tie-breaker, then by document.
        #[test]
        fn date_orders_are_those_of_the_plain_comparisons(
            docs in proptest::collection::vec((day(), 0..4u64), 0..200),
        ) {
            let data = table(&docs);
            let (newest, oldest) = plain_orders(&data);
            prop_assert_eq!(&data.newest, &newest);
            prop_assert_eq!(&data.oldest, &oldest);
        }
    }
}
