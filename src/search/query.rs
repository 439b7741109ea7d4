//! Turning a [`SearchRequest`] into tantivy queries: the text query, the filter clauses, the
//! main query for hits and the relaxed query the facet collector scans.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::facets::{Accept, ActiveFilters, Dim};
use super::schema::Fields;
use crate::model::{TextClause, TextQuery};

/// Text fields searched, with their boosts.
fn text_fields(fields: &Fields) -> [(Field, f32); 3] {
    [
        (fields.title, 3.0),
        (fields.organization, 2.0),
        (fields.description, 1.0),
    ]
}

/// The query for one clause over every text field, or `None` when it has no searchable word.
fn clause_query(
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
    clause: &TextClause,
) -> Option<Box<dyn Query>> {
    let mut words = Vec::new();
    let mut stream = analyzer.token_stream(&clause.text);
    while let Some(token) = stream.next() {
        words.push(token.text.clone());
    }
    if words.is_empty() {
        return None;
    }
    let per_field: Vec<(Occur, Box<dyn Query>)> = text_fields(fields)
        .into_iter()
        .map(|(field, boost)| {
            let q: Box<dyn Query> = if words.len() == 1 {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &words[0]),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                Box::new(PhraseQuery::new(
                    words
                        .iter()
                        .map(|w| Term::from_field_text(field, w))
                        .collect(),
                ))
            };
            (
                Occur::Should,
                Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>,
            )
        })
        .collect();
    Some(Box::new(BooleanQuery::new(per_field)))
}

/// The text part of a search.
pub struct TextQueries {
    /// Required and excluded clauses; `None` when the text matches everything.
    pub matching: Option<Box<dyn Query>>,
    /// The required clauses only, for highlighting; `None` when nothing is to be marked.
    pub highlight: Option<Box<dyn Query>>,
}

/// Builds the text queries: all words required, phrases in order, exclusions removed.
pub fn text_queries(fields: &Fields, analyzer: &mut TextAnalyzer, text: &TextQuery) -> TextQueries {
    let mut must = Vec::new();
    let mut must_not = Vec::new();
    let mut highlight = Vec::new();
    for clause in &text.clauses {
        let Some(q) = clause_query(fields, analyzer, clause) else {
            continue;
        };
        if clause.negated {
            must_not.push((Occur::MustNot, q));
        } else {
            highlight.push((Occur::Should, q.box_clone()));
            must.push((Occur::Must, q));
        }
    }
    if must.is_empty() && must_not.is_empty() {
        return TextQueries {
            matching: None,
            highlight: None,
        };
    }
    if must.is_empty() {
        must.push((Occur::Must, Box::new(AllQuery) as Box<dyn Query>));
    }
    must.extend(must_not);
    TextQueries {
        matching: Some(Box::new(BooleanQuery::new(must))),
        highlight: (!highlight.is_empty())
            .then(|| Box::new(BooleanQuery::new(highlight)) as Box<dyn Query>),
    }
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
            let terms = (0..256u64)
                .filter(|v| bits[(*v / 64) as usize] & (1 << (*v % 64)) != 0)
                .map(|v| Term::from_field_u64(field, v));
            Box::new(TermSetQuery::new(terms))
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
