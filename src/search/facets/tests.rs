//! Properties of a facet table built from documents: it hands back each document's values,
//! its tally counts what a plain count counts, and its filter check fails what the filters
//! refuse.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::doc_sets::Bits;
use super::filters::{Accept, ActiveFilters};
use super::layout::{bits_of, span, CALL_SLOTS, COUNT_ALL, FIRST_YEAR, YEAR_SLOTS};
use super::plan::Plan;
use super::segment::{DocFacets, SegmentFacetData};
use super::tally::FacetTally;
use crate::model::Country;
use crate::model::Dim;
use crate::search::document::UNKNOWN_YEAR;

/// A document's values, facet by facet, as plain sets.
#[derive(Clone, Debug)]
struct Doc {
    /// Per facet of [`Dim::ALL`]: its values (the year alone for years).
    values: Vec<BTreeSet<u64>>,
}

impl Doc {
    fn values(&self, dim: Dim) -> &BTreeSet<u64> {
        &self.values[Dim::ALL.iter().position(|d| *d == dim).unwrap_or(0)]
    }

    fn year(&self) -> u64 {
        self.values(Dim::Year)
            .first()
            .copied()
            .unwrap_or(UNKNOWN_YEAR)
    }

    fn facets(&self, tiebreak: u64) -> DocFacets {
        let bits = Dim::ALL
            .into_iter()
            .filter_map(|d| span(d).map(|s| s.place(bits_of(self.values(d).iter().copied()))))
            .fold(0, |w, b| w | b);
        DocFacets {
            bits,
            year: self.year(),
            countries: self
                .values(Dim::Country)
                .iter()
                .map(|c| *c as u16)
                .collect(),
            call: self.values(Dim::Call).first().copied().unwrap_or(0),
            start_day: tiebreak as i64,
            tiebreak,
        }
    }
}

/// The values a facet may take.
fn domain(dim: Dim) -> BoxedStrategy<BTreeSet<u64>> {
    match (dim, span(dim)) {
        (_, Some(s)) => {
            let width = (1u64 << s.len) - 1;
            // Single-valued facets hold one value at most.
            let single = matches!(
                dim,
                Dim::StakeholderType | Dim::ItuEntity | Dim::Scope | Dim::Status | Dim::Covid19
            );
            let len = u64::from(s.len);
            if single {
                proptest::option::of(0..len)
                    .prop_map(|v| v.into_iter().collect())
                    .boxed()
            } else {
                any::<u64>()
                    .prop_map(move |m| super::layout::members(m & width).collect())
                    .boxed()
            }
        }
        (Dim::Country, _) => {
            proptest::collection::btree_set(0..Country::count() as u64, 0..6).boxed()
        }
        // No call, a few calls shared by many documents, or any.
        (Dim::Call, _) => prop_oneof![
            Just(None),
            proptest::option::of(1..4u64),
            proptest::option::of(1..CALL_SLOTS as u64),
        ]
        .prop_map(|v| v.into_iter().collect())
        .boxed(),
        _ => prop_oneof![
            Just(UNKNOWN_YEAR),
            Just(FIRST_YEAR - 1),
            Just(FIRST_YEAR),
            Just(FIRST_YEAR + YEAR_SLOTS as u64 - 1),
            Just(FIRST_YEAR + YEAR_SLOTS as u64),
            FIRST_YEAR..FIRST_YEAR + YEAR_SLOTS as u64,
        ]
        .prop_map(|y| BTreeSet::from([y]))
        .boxed(),
    }
}

fn doc() -> impl Strategy<Value = Doc> {
    Dim::ALL
        .into_iter()
        .map(domain)
        .collect::<Vec<_>>()
        .prop_map(|values| Doc { values })
}

fn table(docs: &[Doc]) -> SegmentFacetData {
    SegmentFacetData::from_docs(
        docs.iter()
            .enumerate()
            .map(|(i, d)| d.facets(i as u64))
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// A filter on one facet: a set of its values (a year range for years).
fn filter(dim: Dim) -> BoxedStrategy<(Dim, Accept)> {
    match dim {
        Dim::Year => (FIRST_YEAR..2110, 0..30u64)
            .prop_map(|(from, n)| (Dim::Year, Accept::Years(from, from + n)))
            .boxed(),
        _ => domain(dim)
            .prop_filter("a filter has values", |v| !v.is_empty())
            .prop_map(move |v| (dim, Accept::values(v.into_iter().map(|v| v as usize))))
            .boxed(),
    }
}

fn filters() -> impl Strategy<Value = ActiveFilters> {
    proptest::sample::subsequence(Dim::ALL.to_vec(), 0..=Dim::ALL.len())
        .prop_flat_map(|dims| dims.into_iter().map(filter).collect::<Vec<_>>())
        .prop_map(ActiveFilters)
}

/// Whether a document passes one filter, counted plainly.
fn passes(doc: &Doc, (dim, accept): &(Dim, Accept)) -> bool {
    doc.values(*dim).iter().any(|v| accept.accepts(*v))
}

proptest! {
    #[test]
    fn a_table_hands_back_each_documents_values(docs in proptest::collection::vec(doc(), 1..20)) {
        let data = table(&docs);
        let mut out = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            for dim in Dim::ALL {
                data.values_of(i as u32, dim, &mut out);
                let expected: Vec<u64> = match dim {
                    Dim::Year => vec![d.year()],
                    _ => d.values(dim).iter().copied().collect(),
                };
                prop_assert_eq!(&out, &expected, "document {} {:?}", i, dim);
            }
        }
    }

    #[test]
    fn a_tally_of_every_document_counts_each_value(docs in proptest::collection::vec(doc(), 0..20)) {
        let data = table(&docs);
        let mut tally = FacetTally::new();
        for doc in 0..docs.len() as u32 {
            tally.total += 1;
            tally.add(&data, doc, COUNT_ALL);
        }
        prop_assert_eq!(tally.total, docs.len() as u64);
        for dim in Dim::ALL {
            for (value, n) in tally.counts(dim) {
                let plain = docs
                    .iter()
                    .filter(|d| match dim {
                        Dim::Year => {
                            let y = d.year();
                            let counted = (FIRST_YEAR..FIRST_YEAR + YEAR_SLOTS as u64).contains(&y);
                            (if counted { y } else { UNKNOWN_YEAR }) == value
                        }
                        _ => d.values(dim).contains(&value),
                    })
                    .count() as u64;
                prop_assert_eq!(n, plain, "{:?} {}", dim, value);
            }
        }
    }

    #[test]
    fn a_plan_fails_what_the_filters_refuse(
        docs in proptest::collection::vec(doc(), 1..20),
        active in filters(),
    ) {
        let data = table(&docs);
        let plan = Plan::new(&active);
        for (i, d) in docs.iter().enumerate() {
            let failed: Vec<&(Dim, Accept)> = active.0.iter().filter(|f| !passes(d, f)).collect();
            let (fails, mask) = plan.check(&data, i as u32);
            prop_assert_eq!(fails as usize, failed.len(), "document {}", i);
            if let [(dim, _)] = failed.as_slice() {
                // Counted for the failed filter's facet alone.
                let mut one = FacetTally::new();
                one.add(&data, i as u32, mask);
                for other in Dim::ALL {
                    let counted = one.counts(other).any(|(_, n)| n > 0);
                    let has_values = !d.values(other).is_empty() || other == Dim::Year;
                    prop_assert_eq!(counted, other == *dim && has_values, "{:?}", other);
                }
            }
        }
    }

    #[test]
    fn bitset_counts_equal_the_tally_of_each_match(
        docs in proptest::collection::vec(doc(), 1..150),
        active in filters(),
        picked in proptest::collection::vec(any::<bool>(), 150),
    ) {
        let data = table(&docs);
        let plan = Plan::new(&active);
        let matched: Vec<u32> = (0..docs.len() as u32).filter(|d| picked[*d as usize]).collect();
        // Row by row, as the collector counts few matches.
        let mut rows = FacetTally::new();
        let mut expected_passing = Vec::new();
        for doc in &matched {
            let (fails, mask) = plan.check(&data, *doc);
            if fails <= 1 {
                rows.add(&data, *doc, mask);
            }
            if fails == 0 {
                rows.total += 1;
                expected_passing.push(*doc);
            }
        }
        // As bitsets, as it counts many.
        let mut set = Bits::none(docs.len());
        matched.iter().for_each(|d| set.insert(*d));
        let ((total, counts), passing) = data.sets.count(&set, &active);
        let bits = FacetTally::from_slots(total, counts);
        prop_assert_eq!(bits.total, rows.total);
        for dim in Dim::ALL {
            let a: Vec<(u64, u64)> = bits.counts(dim).collect();
            let b: Vec<(u64, u64)> = rows.counts(dim).collect();
            prop_assert_eq!(a, b, "{:?} with {:?}", dim, active);
        }
        let passing: Vec<u32> = (0..docs.len() as u32).filter(|d| passing.contains(*d)).collect();
        prop_assert_eq!(passing, expected_passing);
    }
}
