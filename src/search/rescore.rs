//! The exact phrase boosts, added to the best candidates only.
//!
//! A phrase boost reads word positions. Scored with the query, it read them for every
//! match: a sixth of a search's time at a million projects. It only reorders the best
//! candidates, so the boosts are scored for a window of the best by the rest of the score
//! alone. Scores inside the window are the same as the whole query's; a document outside it
//! ranks as if it had no phrase.

use tantivy::query::{EnableScoring, Query, Scorer};
use tantivy::{DocSet, Score, Searcher};

use super::facets::Candidate;

/// Candidates rescored: far more than a page, so that a phrase lifts a project from well
/// below the first page. The same for every page, so that paging sees one order.
const WINDOW: usize = 200;

/// How many candidates the scan keeps for a page ending at `wanted`: at least the window
/// when there are boosts to add.
pub(super) fn window(wanted: usize, boosts: &[Box<dyn Query>]) -> usize {
    match boosts {
        [] => wanted,
        _ => wanted.max(WINDOW),
    }
}

/// Adds each boost's score to the best [`WINDOW`] candidates (`top` is best first) and
/// re-sorts them; the rest keep their order below them, then all but the best `wanted` are
/// dropped. A boost only raises a score, so every rescored candidate still scores at least
/// as high as any candidate after the window.
///
/// # Errors
/// Internal tantivy errors only.
pub(super) fn rescore(
    searcher: &Searcher,
    boosts: &[Box<dyn Query>],
    top: &mut Vec<Candidate>,
    wanted: usize,
) -> tantivy::Result<()> {
    let rescored = WINDOW.min(top.len());
    let best = &mut top[..rescored];
    if !boosts.is_empty() && !best.is_empty() {
        let extra = boost_scores(searcher, boosts, best)?;
        for (candidate, extra) in best.iter_mut().zip(extra) {
            *candidate = candidate.with_extra_score(extra);
        }
        best.sort();
    }
    top.truncate(wanted);
    Ok(())
}

/// The sum of the boosts' scores for each candidate (0 where none matches).
fn boost_scores(
    searcher: &Searcher,
    boosts: &[Box<dyn Query>],
    top: &[Candidate],
) -> tantivy::Result<Vec<Score>> {
    // Scorers only move forward: visit the candidates in index order.
    let mut order: Vec<usize> = (0..top.len()).collect();
    order.sort_by_key(|&i| top[i].address);
    let mut extra = vec![0.0; top.len()];
    for boost in boosts {
        let weight = boost.weight(EnableScoring::enabled_from_searcher(searcher))?;
        let mut current: Option<(u32, Box<dyn Scorer>)> = None;
        for &i in &order {
            let address = top[i].address;
            let scorer = match &mut current {
                Some((segment, scorer)) if *segment == address.segment_ord => scorer,
                _ => {
                    let reader = searcher.segment_reader(address.segment_ord);
                    let scorer = weight.scorer(reader, 1.0)?;
                    &mut current.insert((address.segment_ord, scorer)).1
                }
            };
            if scorer.doc() <= address.doc_id && scorer.seek(address.doc_id) == address.doc_id {
                extra[i] += scorer.score();
            }
        }
    }
    Ok(extra)
}
