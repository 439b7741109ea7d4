//! The filters of a search compiled for a scan over a facet table's rows ([`Plan`]).

use tantivy::DocId;

use super::filters::{Accept, ActiveFilters};
use super::layout::{
    counting_values, span, Counting, COUNT_ALL, COUNT_CALL, COUNT_COUNTRIES, COUNT_YEAR,
};
use super::segment::SegmentFacetData;
use crate::model::Dim;

/// The filters of a search, compiled for the scan.
#[derive(Clone, Debug, Default)]
pub(super) struct Plan {
    /// Per coded-facet filter: the accepted value bits, and the counting mask to use when
    /// a document fails this filter alone (its own facet).
    bits: Vec<(u64, Counting)>,
    /// Accepted years.
    years: Option<(u16, u16)>,
    /// Accepted countries.
    countries: Option<Accept>,
    /// Accepted call numbers.
    calls: Option<Accept>,
}

impl Plan {
    pub(super) fn new(filters: &ActiveFilters) -> Plan {
        let mut plan = Plan::default();
        for (dim, accept) in &filters.0 {
            match (span(*dim), accept) {
                (_, Accept::Years(from, to)) => {
                    plan.years = Some(((*from).min(65_535) as u16, (*to).min(65_535) as u16));
                }
                (Some(span), a) => {
                    plan.bits
                        .push((span.place(a.low_mask()), counting_values(span.mask())));
                }
                (None, a) if *dim == Dim::Call => plan.calls = Some(a.clone()),
                (None, a) => plan.countries = Some(a.clone()),
            }
        }
        plan
    }

    /// How many filters the document fails, and the counting mask for it: everything when
    /// it fails none, the failed filter's own facet when it fails one.
    #[inline(always)]
    pub(super) fn check(&self, data: &SegmentFacetData, doc: DocId) -> (u32, Counting) {
        let bits = data.bits[doc as usize];
        let mut fails = 0;
        let mut mask = COUNT_ALL;
        for &(accept, own) in &self.bits {
            let fail = bits & accept == 0;
            fails += u32::from(fail);
            mask = if fail { own } else { mask };
        }
        if let Some((from, to)) = self.years {
            if !(from..=to).contains(&data.places[doc as usize].year) {
                fails += 1;
                mask = COUNT_YEAR;
            }
        }
        if let Some(accept) = &self.countries {
            let countries = data.countries(doc, &data.places[doc as usize]);
            if !countries.iter().any(|c| accept.accepts(u64::from(*c))) {
                fails += 1;
                mask = COUNT_COUNTRIES;
            }
        }
        if let Some(accept) = &self.calls {
            if !accept.accepts(u64::from(data.call(doc))) {
                fails += 1;
                mask = COUNT_CALL;
            }
        }
        (fails, mask)
    }
}
