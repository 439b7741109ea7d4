//! Statistics: published projects that pass some filters, counted by one or two facets.

use std::collections::BTreeMap;

use super::engine::SearchIndex;
use super::error::SearchError;
use super::facet_counts::{label, year_order};
use super::facets::{group_counts, ActiveFilters, GroupCounts};
use super::query::confirmed_query;
use crate::model::Dim;
use crate::model::Filters;
use crate::model::{Group, Groups};

impl SearchIndex {
    /// Published projects that pass `filters`, counted by one or two facets.
    ///
    /// # Errors
    /// Index errors.
    pub fn group(
        &self,
        filters: &Filters,
        dims: (Dim, Option<Dim>),
    ) -> Result<Groups, SearchError> {
        let searcher = self.reader.searcher();
        let active = ActiveFilters::from_filters(filters);
        let confirmed = confirmed_query(&self.fields, filters);
        let (total, counts) = group_counts(
            &self.facet_cache,
            &searcher,
            &active,
            confirmed.as_deref(),
            dims,
        )?;
        Ok(Groups {
            total,
            group_by: std::iter::once(dims.0.name())
                .chain(dims.1.map(Dim::name))
                .collect(),
            groups: labelled_groups(total, &counts, dims),
        })
    }
}

/// The groups in the taxonomy's order (years in order), labelled; values the taxonomy does
/// not know are left out.
fn labelled_groups(total: u64, counts: &GroupCounts, dims: (Dim, Option<Dim>)) -> Vec<Group> {
    let mut keys: Vec<(u64, u64)> = counts.keys().copied().collect();
    let order = |dim: Option<Dim>, v: u64| match dim {
        Some(Dim::Year) => year_order(v),
        _ => v,
    };
    keys.sort_unstable_by_key(|(a, b)| (order(Some(dims.0), *a), order(dims.1, *b)));
    keys.into_iter()
        .filter_map(|(a, b)| {
            let mut values = BTreeMap::new();
            values.insert(dims.0.name(), label(dims.0, a)?);
            if let Some(second) = dims.1 {
                values.insert(second.name(), label(second, b)?);
            }
            let count = counts.get(&(a, b)).copied().unwrap_or(0);
            Some(Group {
                values,
                count,
                share: if total == 0 {
                    0.0
                } else {
                    count as f64 / total as f64
                },
            })
        })
        .collect()
}
