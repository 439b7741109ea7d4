//! Putting clauses together: any of, all of, words in sequence, a whole query of required,
//! scoring and excluded clauses.

use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// Documents holding a term.
pub(crate) fn term(term: Term, record: IndexRecordOption) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, record))
}

/// A term, or the words in order at their positions.
pub(super) fn sequence(field: Field, words: &[(usize, String)]) -> Option<Box<dyn Query>> {
    match words {
        [] => None,
        [(_, word)] => Some(term(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        )),
        [(first, _), ..] => Some(Box::new(PhraseQuery::new_with_offset(
            words
                .iter()
                .map(|(at, w)| (at - first, Term::from_field_text(field, w)))
                .collect(),
        ))),
    }
}

/// Documents matching any of the queries.
pub(super) fn any_of(options: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    joined(options, Occur::Should)
}

/// Documents matching all of the queries.
pub(super) fn all_of(parts: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    joined(parts, Occur::Must)
}

/// The queries joined by `occur`: `None` for none, a single one as it is.
fn joined(mut queries: Vec<Box<dyn Query>>, occur: Occur) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (occur, q)).collect(),
        ))),
    }
}

/// Copies of the queries.
pub(super) fn cloned(queries: &[Box<dyn Query>]) -> Vec<Box<dyn Query>> {
    queries.iter().map(|q| q.box_clone()).collect()
}

/// The query requiring `must`, scoring `should` and excluding `must_not`; `None` when there
/// is no clause at all (the text matches everything).
pub(super) fn assemble(
    must: Vec<Box<dyn Query>>,
    should: Vec<Box<dyn Query>>,
    must_not: Vec<Box<dyn Query>>,
) -> Option<Box<dyn Query>> {
    if must.is_empty() && should.is_empty() && must_not.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if must.is_empty() && should.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    clauses.extend(must.into_iter().map(|q| (Occur::Must, q)));
    clauses.extend(should.into_iter().map(|q| (Occur::Should, q)));
    clauses.extend(must_not.into_iter().map(|q| (Occur::MustNot, q)));
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}
