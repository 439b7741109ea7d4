//! The clauses of filters and tags, and the query for hits in title order.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::combine::{any_of, term};
use crate::model::{Dim, Filters};
use crate::search::expansion::Tag;
use crate::search::facets::{Accept, ActiveFilters};
use crate::search::schema::Fields;

/// Documents carrying a tag.
pub fn tag_query(fields: &Fields, tag: Tag) -> Box<dyn Query> {
    let term_of = match tag {
        Tag::ActionLine(line) => Term::from_field_u64(fields.action_line, line.index() as u64),
        Tag::Sdg(goal) => Term::from_field_u64(fields.sdg, u64::from(goal.number())),
    };
    term(term_of, IndexRecordOption::Basic)
}

/// The query that one active filter stands for.
pub fn filter_query(fields: &Fields, dim: Dim, accept: &Accept) -> Box<dyn Query> {
    let field = fields.facet(dim);
    match accept {
        // Term queries, not a TermSetQuery: that one builds an automaton and a bitset of the
        // whole segment on every search.
        Accept::Values(_) => any_of(
            accept
                .members()
                .map(|v| term(Term::from_field_u64(field, v), IndexRecordOption::Basic))
                .collect(),
        )
        // A filter has at least one value; an empty one matches nothing.
        .unwrap_or_else(|| Box::new(BooleanQuery::new(Vec::new()))),
        Accept::Years(from, to) => Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_u64(field, *from)),
            Bound::Included(Term::from_field_u64(field, *to)),
        )),
    }
}

/// The query for hits in title order: text and every filter.
pub fn hit_query(
    fields: &Fields,
    text: Option<&dyn Query>,
    filters: &ActiveFilters,
) -> Box<dyn Query> {
    let base: Box<dyn Query> = text
        .map(|q| q.box_clone())
        .unwrap_or_else(|| Box::new(AllQuery));
    if filters.0.is_empty() {
        return base;
    }
    let mut clauses = vec![(Occur::Must, base)];
    clauses.extend(
        filters
            .0
            .iter()
            .map(|(d, a)| (Occur::Must, filter_query(fields, *d, a))),
    );
    Box::new(BooleanQuery::new(clauses))
}

/// Documents the `confirmed_before` and `confirmed_since` filters let through, scoring
/// nothing; `None` without those filters.
pub fn confirmed_query(fields: &Fields, filters: &Filters) -> Option<Box<dyn Query>> {
    if filters.confirmed_before.is_none() && filters.confirmed_since.is_none() {
        return None;
    }
    let day = |d: NaiveDate| {
        let days = d.signed_duration_since(NaiveDate::default()).num_days();
        Term::from_field_i64(fields.confirmed_day, days)
    };
    let from = filters
        .confirmed_since
        .map_or(Bound::Unbounded, |d| Bound::Included(day(d)));
    let to = filters
        .confirmed_before
        .map_or(Bound::Unbounded, |d| Bound::Excluded(day(d)));
    let range = RangeQuery::new(from, to);
    Some(Box::new(ConstScoreQuery::new(Box::new(range), 0.0)))
}

/// Documents matching both queries (scored as the sum).
pub fn both(a: Box<dyn Query>, b: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![(Occur::Must, a), (Occur::Must, b)]))
}

/// Documents matching either of two filters.
pub fn either(a: Box<dyn Query>, b: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, a),
        (Occur::Should, b),
    ]))
}
