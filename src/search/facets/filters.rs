//! The filters of a search as requested ([`ActiveFilters`]): per facet, the values it accepts.

use super::layout::FIRST_YEAR;
use crate::model::Dim;
use crate::model::Filters;

/// A set of values of one facet: a 256-bit mask, or a year range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Values whose bit is set.
    Values([u64; 4]),
    /// Years within the inclusive range.
    Years(u64, u64),
}

impl Accept {
    /// The set of these values (those below 256).
    pub(super) fn values(values: impl IntoIterator<Item = usize>) -> Accept {
        let mut bits = [0u64; 4];
        for v in values {
            if v < 256 {
                bits[v / 64] |= 1 << (v % 64);
            }
        }
        Accept::Values(bits)
    }

    /// Whether the value is accepted.
    #[inline]
    pub fn accepts(&self, value: u64) -> bool {
        match self {
            Accept::Values(bits) => {
                value < 256 && bits[(value / 64) as usize] & (1 << (value % 64)) != 0
            }
            Accept::Years(from, to) => (*from..=*to).contains(&value),
        }
    }

    /// The values of a value set, in order (none for a year range).
    pub fn members(&self) -> impl Iterator<Item = u64> + '_ {
        let values = match self {
            Accept::Values(_) => 0..256,
            Accept::Years(..) => 0..0,
        };
        values.filter(|v| self.accepts(*v))
    }

    /// The low 64 bits of a value set (every coded facet but countries fits in them).
    pub(super) fn low_mask(&self) -> u64 {
        match self {
            Accept::Values(bits) => bits[0],
            Accept::Years(..) => 0,
        }
    }
}

/// The active filters, one per facet that has any.
#[derive(Clone, Debug, Default)]
pub struct ActiveFilters(pub Vec<(Dim, Accept)>);

impl ActiveFilters {
    /// The active filters of a request, with the encodings the index uses.
    pub fn from_filters(f: &Filters) -> ActiveFilters {
        let coded: [(Dim, Vec<usize>); 10] = [
            (
                Dim::ActionLine,
                f.action_lines.iter().map(|a| a.index()).collect(),
            ),
            (
                Dim::Sdg,
                f.sdgs.iter().map(|s| s.number() as usize).collect(),
            ),
            (Dim::Region, f.regions.iter().map(|r| r.index()).collect()),
            (
                Dim::Country,
                f.countries.iter().map(|c| c.index()).collect(),
            ),
            (
                Dim::StakeholderType,
                f.stakeholder_types.iter().map(|s| s.index()).collect(),
            ),
            (
                Dim::ItuEntity,
                f.itu_entities.iter().map(|e| e.index()).collect(),
            ),
            (Dim::Scope, f.scopes.iter().map(|s| s.index()).collect()),
            (Dim::Status, f.statuses.iter().map(|s| s.index()).collect()),
            (
                Dim::Covid19,
                f.covid19.into_iter().map(usize::from).collect(),
            ),
            (Dim::Call, f.calls.iter().map(|c| usize::from(*c)).collect()),
        ];
        let mut active: Vec<(Dim, Accept)> = coded
            .into_iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(dim, values)| (dim, Accept::values(values)))
            .collect();
        if f.year_from.is_some() || f.year_to.is_some() {
            // From 1900 at the earliest, so an unknown year (0) never passes a year filter.
            let from = f
                .year_from
                .map_or(FIRST_YEAR, |y| (y.max(0) as u64).max(FIRST_YEAR));
            let to = f.year_to.map(|y| y.max(0) as u64).unwrap_or(u64::MAX);
            active.push((Dim::Year, Accept::Years(from, to)));
        }
        ActiveFilters(active)
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
        assert_eq!(a.members().collect::<Vec<_>>(), [0, 63, 64, 200]);
        let y = Accept::Years(2010, 2012);
        assert!(y.accepts(2010) && y.accepts(2012) && !y.accepts(2013));
        assert_eq!(y.members().count(), 0);
    }
}
