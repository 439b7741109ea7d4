//! The relevance harness over the shipped judged queries and held-out labelled texts: the
//! service beats plain BM25 and each measured feature pulls its weight.

use wsis_stocktaking::dev::eval::{self, EvalReport};

use crate::helpers::outside_async;

fn report() -> EvalReport {
    outside_async(|| eval::run(eval::QUERIES, eval::HELD_OUT_TAGS, None).unwrap())
}

#[test]
fn the_service_ranks_far_better_than_plain_bm25_on_the_judged_queries() {
    let r = report();
    assert!(r.queries >= 40);
    let baseline = &r.ranking[0];
    let service = r.ranking.last().unwrap();
    assert!(baseline.name.starts_with("baseline"));
    assert!(
        service.ndcg > baseline.ndcg + 0.3 && service.mrr > baseline.mrr + 0.3,
        "{baseline:?} {service:?}"
    );
    let kind = |s: &eval::Scores, k: &str| {
        s.by_kind
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| *v)
            .unwrap()
    };
    // The queries each feature is for get better with it.
    for k in [
        "accent",
        "inflected",
        "typo",
        "prefix",
        "synonym",
        "taxonomy",
    ] {
        assert!(
            kind(service, k) > kind(baseline, k) + 0.2,
            "{k}: {} -> {}",
            kind(baseline, k),
            kind(service, k)
        );
    }
    // Markdown for the notes: every method is a row.
    let md = r.markdown(true);
    for s in &r.ranking {
        assert!(md.contains(&s.name));
    }
}

#[test]
fn tag_suggestions_beat_the_most_frequent_tags_on_held_out_texts() {
    let r = report();
    assert!(r.texts >= 40);
    let popular = &r.tags[0];
    let service = r.tags.last().unwrap();
    assert!(
        service.action_line_p1 > popular.action_line_p1 + 0.4
            && service.sdg_p1 > popular.sdg_p1 + 0.3
            && service.sdg_r3 > popular.sdg_r3 + 0.1,
        "{popular:?} {service:?}"
    );
}
