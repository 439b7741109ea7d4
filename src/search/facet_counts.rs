//! Facet values as the API writes them: the counts of an answer, labelled and ordered.

use super::document::UNKNOWN_YEAR;
use super::facets::FacetTally;
use crate::model::Dim;
use crate::model::FacetCounts;
use crate::model::{
    ActionLine, Country, ItuEntity, Region, Scope, SearchRequest, StakeholderType, Status,
    UNKNOWN_YEAR_LABEL,
};

/// The counts of a tally, per facet: values with no document are left out unless the
/// request selects them; most frequent first (years in order).
pub(super) fn facet_counts(tally: &FacetTally, req: &SearchRequest) -> FacetCounts {
    let mut out = Vec::with_capacity(Dim::ALL.len());
    for dim in Dim::ALL {
        let mut values: Vec<(u64, String, u64)> = tally
            .counts(dim)
            .filter_map(|(value, count)| {
                let selected = is_selected(dim, value, req);
                if count == 0 && !selected {
                    return None;
                }
                label(dim, value).map(|code| (value, code, count))
            })
            .collect();
        if dim == Dim::Year {
            values.sort_by_key(|v| year_order(v.0));
        } else {
            values.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        }
        out.push((
            dim.name(),
            values.into_iter().map(|(_, code, n)| (code, n)).collect(),
        ));
    }
    FacetCounts(out)
}

/// Whether the request filters on this value.
fn is_selected(dim: Dim, value: u64, req: &SearchRequest) -> bool {
    let f = &req.filters;
    let v = value as usize;
    match dim {
        Dim::ActionLine => f.action_lines.iter().any(|a| a.index() == v),
        Dim::Sdg => f.sdgs.iter().any(|s| s.number() as usize == v),
        Dim::Region => f.regions.iter().any(|r| r.index() == v),
        Dim::Country => f.countries.iter().any(|c| c.index() == v),
        Dim::StakeholderType => f.stakeholder_types.iter().any(|s| s.index() == v),
        Dim::ItuEntity => f.itu_entities.iter().any(|e| e.index() == v),
        Dim::Scope => f.scopes.iter().any(|s| s.index() == v),
        Dim::Status => f.statuses.iter().any(|s| s.index() == v),
        Dim::Covid19 => f.covid19.map(usize::from) == Some(v),
        Dim::Year => false,
        Dim::Call => f.calls.iter().any(|c| u64::from(*c) == value),
    }
}

/// A value as the API writes it: its code, goal number, year or `unknown`, true/false, call
/// number.
pub(super) fn label(dim: Dim, value: u64) -> Option<String> {
    let v = value as usize;
    Some(match dim {
        Dim::ActionLine => ActionLine::from_index(v)?.code().to_string(),
        Dim::Sdg => value.to_string(),
        Dim::Region => Region::ALL.get(v)?.code().to_string(),
        Dim::Country => Country::from_index(v)?.code().to_string(),
        Dim::StakeholderType => StakeholderType::ALL.get(v)?.code().to_string(),
        Dim::ItuEntity => ItuEntity::ALL.get(v)?.code().to_string(),
        Dim::Scope => Scope::ALL.get(v)?.code().to_string(),
        Dim::Status => Status::ALL.get(v)?.code().to_string(),
        Dim::Covid19 => if value == 1 { "true" } else { "false" }.to_string(),
        Dim::Year if value == UNKNOWN_YEAR => UNKNOWN_YEAR_LABEL.to_string(),
        Dim::Year => value.to_string(),
        Dim::Call if value == 0 => return None,
        Dim::Call => value.to_string(),
    })
}

/// Years in order, the unknown year last.
pub(super) fn year_order(year: u64) -> u64 {
    if year == UNKNOWN_YEAR {
        u64::MAX
    } else {
        year
    }
}
