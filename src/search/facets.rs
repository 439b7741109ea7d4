//! Exact disjunctive facet counts in one pass over the index.
//!
//! Each facet is counted over the documents that match the text and every *other* facet's
//! filter. The collector runs over the documents that fail at most one filter (the query
//! builder restricts the scan to those): a document failing none counts for every facet
//! (and is a hit), a document failing exactly one filter counts only for that filter's
//! facet. Values come from fast fields, so the scan reads columns, not stored documents.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::names;
use crate::model::{ActionLine, Country, Filters, Region, Scope, StakeholderType, Status};

/// The facets, in the order the API lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// Action lines (with the `C7` group).
    ActionLine,
    /// SDGs.
    Sdg,
    /// Regions.
    Region,
    /// Countries.
    Country,
    /// Stakeholder types.
    StakeholderType,
    /// Scopes.
    Scope,
    /// Statuses.
    Status,
    /// COVID-19 flag.
    Covid19,
    /// Start year.
    Year,
}

impl Dim {
    /// Every facet.
    pub const ALL: [Dim; 9] = [
        Dim::ActionLine,
        Dim::Sdg,
        Dim::Region,
        Dim::Country,
        Dim::StakeholderType,
        Dim::Scope,
        Dim::Status,
        Dim::Covid19,
        Dim::Year,
    ];

    /// The facet's name in the API.
    pub fn name(self) -> &'static str {
        match self {
            Dim::ActionLine => "action_line",
            Dim::Sdg => "sdg",
            Dim::Region => "region",
            Dim::Country => "country",
            Dim::StakeholderType => "stakeholder_type",
            Dim::Scope => "scope",
            Dim::Status => "status",
            Dim::Covid19 => "covid19",
            Dim::Year => "year",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Dim::ActionLine => names::ACTION_LINE,
            Dim::Sdg => names::SDG,
            Dim::Region => names::REGION,
            Dim::Country => names::COUNTRY,
            Dim::StakeholderType => names::STAKEHOLDER_TYPE,
            Dim::Scope => names::SCOPE,
            Dim::Status => names::STATUS,
            Dim::Covid19 => names::COVID19,
            Dim::Year => names::YEAR,
        }
    }

    /// Size of the counting array (values are `0..size`).
    fn size(self) -> usize {
        match self {
            Dim::ActionLine => ActionLine::COUNT,
            Dim::Sdg => 18,
            Dim::Region => Region::ALL.len(),
            Dim::Country => Country::count(),
            Dim::StakeholderType => StakeholderType::ALL.len(),
            Dim::Scope => Scope::ALL.len(),
            Dim::Status => Status::ALL.len(),
            Dim::Covid19 => 2,
            Dim::Year => YEAR_SLOTS,
        }
    }

    fn slot(self, value: u64) -> usize {
        match self {
            Dim::Year => value.saturating_sub(FIRST_YEAR) as usize,
            _ => value as usize,
        }
    }
}

/// Years counted: 1900 to 2100.
const FIRST_YEAR: u64 = 1900;
const YEAR_SLOTS: usize = 201;

/// A set of values of one facet: a 256-bit mask, or a year range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Values whose bit is set.
    Values([u64; 4]),
    /// Years within the inclusive range.
    Years(u64, u64),
}

impl Accept {
    fn values(values: impl IntoIterator<Item = usize>) -> Accept {
        let mut bits = [0u64; 4];
        for v in values {
            if v < 256 {
                bits[v / 64] |= 1 << (v % 64);
            }
        }
        Accept::Values(bits)
    }

    #[inline]
    fn accepts(&self, value: u64) -> bool {
        match self {
            Accept::Values(bits) => {
                value < 256 && bits[(value / 64) as usize] & (1 << (value % 64)) != 0
            }
            Accept::Years(from, to) => (*from..=*to).contains(&value),
        }
    }
}

/// The active filters, one per facet that has any.
#[derive(Clone, Debug, Default)]
pub struct ActiveFilters(pub Vec<(Dim, Accept)>);

impl ActiveFilters {
    /// The active filters of a request, with the u64 encodings the index uses.
    pub fn from_filters(f: &Filters) -> ActiveFilters {
        let mut active = Vec::new();
        let mut add = |dim: Dim, values: Vec<usize>| {
            if !values.is_empty() {
                active.push((dim, Accept::values(values)));
            }
        };
        add(
            Dim::ActionLine,
            f.action_lines.iter().map(|a| a.index()).collect(),
        );
        add(
            Dim::Sdg,
            f.sdgs.iter().map(|s| s.number() as usize).collect(),
        );
        add(Dim::Region, f.regions.iter().map(|r| r.index()).collect());
        add(
            Dim::Country,
            f.countries.iter().map(|c| c.index()).collect(),
        );
        add(
            Dim::StakeholderType,
            f.stakeholder_types.iter().map(|s| s.index()).collect(),
        );
        add(Dim::Scope, f.scopes.iter().map(|s| s.index()).collect());
        add(Dim::Status, f.statuses.iter().map(|s| s.index()).collect());
        add(
            Dim::Covid19,
            f.covid19.map(|c| vec![usize::from(c)]).unwrap_or_default(),
        );
        if f.year_from.is_some() || f.year_to.is_some() {
            let from = f.year_from.map(|y| y.max(0) as u64).unwrap_or(0);
            let to = f.year_to.map(|y| y.max(0) as u64).unwrap_or(u64::MAX);
            active.push((Dim::Year, Accept::Years(from, to)));
        }
        ActiveFilters(active)
    }
}

/// Counts per facet value, plus the number of documents that pass every filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetTally {
    /// Documents matching the text and every filter.
    pub total: u64,
    counts: Vec<Vec<u64>>,
}

impl FacetTally {
    fn new() -> FacetTally {
        FacetTally {
            total: 0,
            counts: Dim::ALL.iter().map(|d| vec![0; d.size()]).collect(),
        }
    }

    /// The counts of one facet as (value, count) with the value decoded for the API:
    /// the index for coded facets, the SDG number, the year.
    pub fn counts(&self, dim: Dim) -> impl Iterator<Item = (u64, u64)> + '_ {
        let offset = if dim == Dim::Year { FIRST_YEAR } else { 0 };
        self.counts[dim as usize]
            .iter()
            .enumerate()
            .map(move |(i, n)| (i as u64 + offset, *n))
    }

    fn merge(&mut self, other: &FacetTally) {
        self.total += other.total;
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }
}

/// The collector.
pub struct DisjunctiveFacets {
    filters: ActiveFilters,
}

impl DisjunctiveFacets {
    /// A collector for these filters.
    pub fn new(filters: ActiveFilters) -> DisjunctiveFacets {
        DisjunctiveFacets { filters }
    }
}

/// Per-segment state.
pub struct SegmentFacets {
    columns: Vec<Column<u64>>,
    filters: Vec<(usize, Accept)>,
    tally: FacetTally,
}

impl Collector for DisjunctiveFacets {
    type Fruit = FacetTally;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        let columns = Dim::ALL
            .iter()
            .map(|d| fast.u64(d.column()))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(SegmentFacets {
            columns,
            filters: self
                .filters
                .0
                .iter()
                .map(|(d, a)| (*d as usize, a.clone()))
                .collect(),
            tally: FacetTally::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut total = FacetTally::new();
        for f in &fruits {
            total.merge(f);
        }
        Ok(total)
    }
}

impl SegmentFacets {
    #[inline]
    fn count_dim(&mut self, dim: usize, doc: DocId) {
        let d = Dim::ALL[dim];
        let counts = &mut self.tally.counts[dim];
        for v in self.columns[dim].values_for_doc(doc) {
            if let Some(c) = counts.get_mut(d.slot(v)) {
                *c += 1;
            }
        }
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let mut failed: Option<usize> = None;
        for (dim, accept) in &self.filters {
            let pass = self.columns[*dim]
                .values_for_doc(doc)
                .any(|v| accept.accepts(v));
            if !pass {
                if failed.is_some() {
                    return;
                }
                failed = Some(*dim);
            }
        }
        match failed {
            None => {
                self.tally.total += 1;
                for dim in 0..Dim::ALL.len() {
                    self.count_dim(dim, doc);
                }
            }
            Some(dim) => self.count_dim(dim, doc),
        }
    }

    fn harvest(self) -> FacetTally {
        self.tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_sets_accept_exactly_their_members() {
        let a = Accept::values([0, 63, 64, 200]);
        for v in 0..256u64 {
            assert_eq!(a.accepts(v), [0, 63, 64, 200].contains(&v), "{v}");
        }
        assert!(!a.accepts(1000));
        let y = Accept::Years(2010, 2012);
        assert!(y.accepts(2010) && y.accepts(2012) && !y.accepts(2013));
    }
}
