//! Turning a [`SearchRequest`] into tantivy queries: the text query, the filter clauses, the
//! main query for hits and the relaxed query the facet collector scans.

use std::ops::Bound;

use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::facets::{Accept, ActiveFilters, Dim};
use super::schema::Fields;
use crate::model::{TextClause, TextQuery};

/// The query for one clause, or `None` when it has no searchable word.
fn clause_query(
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
    clause: &TextClause,
) -> Option<Box<dyn Query>> {
    let mut words = Vec::new();
    let mut stream = analyzer.token_stream(&clause.text);
    while let Some(token) = stream.next() {
        words.push(Term::from_field_text(fields.text, &token.text));
    }
    match words.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            words.remove(0),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(words))),
    }
}

/// The text query: all words required, phrases in order, exclusions removed; `None` when the
/// text matches everything.
pub fn text_query(
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
    text: &TextQuery,
) -> Option<Box<dyn Query>> {
    let mut must = Vec::new();
    let mut must_not = Vec::new();
    for clause in &text.clauses {
        let Some(q) = clause_query(fields, analyzer, clause) else {
            continue;
        };
        if clause.negated {
            must_not.push((Occur::MustNot, q));
        } else {
            must.push((Occur::Must, q));
        }
    }
    if must.is_empty() && must_not.is_empty() {
        return None;
    }
    if must.is_empty() {
        must.push((Occur::Must, Box::new(AllQuery) as Box<dyn Query>));
    }
    must.extend(must_not);
    Some(Box::new(BooleanQuery::new(must)))
}

fn dim_field(fields: &Fields, dim: Dim) -> Field {
    match dim {
        Dim::ActionLine => fields.action_line,
        Dim::Sdg => fields.sdg,
        Dim::Region => fields.region,
        Dim::Country => fields.country,
        Dim::StakeholderType => fields.stakeholder_type,
        Dim::Scope => fields.scope,
        Dim::Status => fields.status,
        Dim::Covid19 => fields.covid19,
        Dim::Year => fields.year,
    }
}

/// The query that one active filter stands for.
pub fn filter_query(fields: &Fields, dim: Dim, accept: &Accept) -> Box<dyn Query> {
    let field = dim_field(fields, dim);
    match accept {
        Accept::Values(bits) => {
            // Term queries, not a TermSetQuery: that one builds an automaton and a bitset of
            // the whole segment on every search.
            let mut terms: Vec<Box<dyn Query>> = (0..256u64)
                .filter(|v| bits[(*v / 64) as usize] & (1 << (*v % 64)) != 0)
                .map(|v| {
                    Box::new(TermQuery::new(
                        Term::from_field_u64(field, v),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>
                })
                .collect();
            if terms.len() == 1 {
                terms.remove(0)
            } else {
                Box::new(BooleanQuery::new(
                    terms.into_iter().map(|q| (Occur::Should, q)).collect(),
                ))
            }
        }
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

/// Documents matching either of two filters.
pub fn either(a: Box<dyn Query>, b: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, a),
        (Occur::Should, b),
    ]))
}
