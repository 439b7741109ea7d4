//! The relevance harness: the judged query set (`seed/eval/queries.json`, graded judgments
//! over the sample projects) scored by nDCG@10 and MRR for the plain BM25 baseline and for
//! each ranking feature added in turn; and the held-out labelled texts
//! (`seed/eval/tags_heldout.ndjson`) scored for tag suggestions.
//!
//! Run by `stocktaking eval`; it builds its own temporary data directory with the sample
//! projects and never touches the service's.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Deserialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED,
};
use tantivy::{Index, TantivyDocument, Term};

use crate::model::TagSuggestions;
use crate::model::{ActionLine, Language, Sdg, SearchRequest};
use crate::search::{Features, TagWeights};
use crate::service::{Service, ServiceConfig, ServiceError};

/// The shipped judged queries.
pub const QUERIES: &str = include_str!("../../seed/eval/queries.json");
/// The shipped held-out labelled texts.
pub const HELD_OUT_TAGS: &str = include_str!("../../seed/eval/tags_heldout.ndjson");
/// Results judged per query.
const K: usize = 10;

/// One judged query.
#[derive(Clone, Debug, Deserialize)]
pub struct JudgedQuery {
    /// Its id (`q01`).
    pub id: String,
    /// The text as a researcher types it.
    pub q: String,
    /// The language it is written in.
    pub lang: String,
    /// What it exercises (`plain`, `typo`, `synonym`, …).
    pub kind: String,
    /// Grade (1–3) per relevant project's `source_id`; unlisted projects are 0.
    pub judgments: HashMap<String, u8>,
}

#[derive(Deserialize)]
struct QueryFile {
    queries: Vec<JudgedQuery>,
}

/// One labelled text.
#[derive(Clone, Debug, Deserialize)]
pub struct LabelledText {
    /// Its id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Language.
    pub language: Language,
    /// The Action Lines a reviewer gave it, primary first.
    pub action_lines: Vec<ActionLine>,
    /// The SDGs a reviewer gave it, primary first.
    pub sdgs: Vec<Sdg>,
}

/// nDCG@k of a ranking: gains `2^grade - 1`, discount `log2(rank + 1)`, ideal from every
/// judgment.
pub fn ndcg(ranked: &[String], judgments: &HashMap<String, u8>, k: usize) -> f64 {
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain(judgments.get(id).copied().unwrap_or(0)) / ((i + 2) as f64).log2())
        .sum::<f64>()
        + 0.0;
    let mut ideal: Vec<u8> = judgments.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) / ((i + 2) as f64).log2())
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// Reciprocal rank of the first relevant result (grade 1 or more) within `k`, else 0.
pub fn reciprocal_rank(ranked: &[String], judgments: &HashMap<String, u8>, k: usize) -> f64 {
    ranked
        .iter()
        .take(k)
        .position(|id| judgments.get(id).is_some_and(|g| *g > 0))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// Mean nDCG@10 and MRR of one ranking method, overall and per query kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// The method.
    pub name: String,
    /// Mean nDCG@10.
    pub ndcg: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
    /// Mean nDCG@10 per query kind.
    pub by_kind: Vec<(String, f64)>,
    /// nDCG@10 per query id.
    pub by_query: Vec<(String, f64)>,
}

fn score(name: &str, queries: &[JudgedQuery], rankings: &[Vec<String>]) -> Scores {
    let n = queries.len().max(1) as f64;
    let per: Vec<(f64, f64)> = queries
        .iter()
        .zip(rankings)
        .map(|(q, r)| {
            (
                ndcg(r, &q.judgments, K),
                reciprocal_rank(r, &q.judgments, K),
            )
        })
        .collect();
    let mut kinds: Vec<String> = queries.iter().map(|q| q.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let by_kind = kinds
        .into_iter()
        .map(|kind| {
            let of: Vec<f64> = queries
                .iter()
                .zip(&per)
                .filter(|(q, _)| q.kind == kind)
                .map(|(_, p)| p.0)
                .collect();
            // (An empty f64 sum is -0.0.)
            let mean = of.iter().sum::<f64>() / of.len().max(1) as f64 + 0.0;
            (kind, mean)
        })
        .collect();
    Scores {
        name: name.to_string(),
        ndcg: per.iter().map(|p| p.0).sum::<f64>() / n + 0.0,
        mrr: per.iter().map(|p| p.1).sum::<f64>() / n + 0.0,
        by_kind,
        by_query: queries
            .iter()
            .zip(&per)
            .map(|(q, p)| (q.id.clone(), p.0))
            .collect(),
    }
}

/// Tag-suggestion quality of one configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct TagScores {
    /// The configuration.
    pub name: String,
    /// Share of texts whose first suggested Action Line is one of its labels.
    pub action_line_p1: f64,
    /// Mean share of a text's Action Lines found in the first three suggested.
    pub action_line_r3: f64,
    /// As above, for SDGs.
    pub sdg_p1: f64,
    /// As above, for SDGs.
    pub sdg_r3: f64,
}

fn tag_scores(
    name: &str,
    gold: &[(Vec<String>, Vec<String>)],
    got: &[(Vec<String>, Vec<String>)],
) -> TagScores {
    let n = gold.len().max(1) as f64;
    let p1 =
        |g: &[String], s: &[String]| f64::from(u8::from(s.first().is_some_and(|x| g.contains(x))));
    let r3 = |g: &[String], s: &[String]| {
        if g.is_empty() {
            return 0.0;
        }
        g.iter()
            .filter(|x| s.iter().take(3).any(|y| y == *x))
            .count() as f64
            / g.len() as f64
    };
    let sum = |f: &dyn Fn(usize) -> f64| (0..gold.len()).map(f).sum::<f64>() / n;
    TagScores {
        name: name.to_string(),
        action_line_p1: sum(&|i| p1(&gold[i].0, &got[i].0)),
        action_line_r3: sum(&|i| r3(&gold[i].0, &got[i].0)),
        sdg_p1: sum(&|i| p1(&gold[i].1, &got[i].1)),
        sdg_r3: sum(&|i| r3(&gold[i].1, &got[i].1)),
    }
}

/// Everything the harness measured.
#[derive(Clone, Debug)]
pub struct EvalReport {
    /// Judged queries.
    pub queries: usize,
    /// Per ranking method, the baseline first and each feature added in turn.
    pub ranking: Vec<Scores>,
    /// Labelled texts.
    pub texts: usize,
    /// Per tag-suggestion configuration, the popularity baseline first.
    pub tags: Vec<TagScores>,
    /// Extra labelled texts (SDGs only), when given: their count and scores.
    pub extra: Option<(usize, Vec<TagScores>)>,
}

/// Turns one feature on.
type AddFeature = fn(&mut Features);

/// The ranking methods measured, each adding one feature to the one before.
pub fn feature_steps() -> Vec<(&'static str, Features)> {
    let added: [(&str, AddFeature); 6] = [
        ("+ most words when none has all", |f| f.partial = true),
        ("+ exact phrase boost", |f| f.phrase = true),
        ("+ typo tolerance", |f| f.typos = true),
        ("+ last-word prefix", |f| f.prefix = true),
        ("+ synonyms", |f| f.synonyms = true),
        ("+ taxonomy-aware queries (all features)", |f| f.tags = true),
    ];
    let mut f = Features::NONE;
    let mut steps = vec![("per-language analysis (BM25, all words required)", f)];
    for (name, add) in added {
        add(&mut f);
        steps.push((name, f));
    }
    steps
}

/// Runs the harness over the sample projects.
///
/// # Errors
/// Unreadable files, or a service that cannot open its temporary directory.
pub fn run(
    queries_json: &str,
    tags_ndjson: &str,
    extra_sdg_texts: Option<Vec<LabelledText>>,
) -> Result<EvalReport, ServiceError> {
    let (queries, texts) = parse_inputs(queries_json, tags_ndjson)?;
    let dir = TempDir::new()?;
    let mut config = ServiceConfig::new(dir.0.join("data"));
    config.seed = true;
    let service = Service::open(&config)?;
    service.commit_index()?;
    let source_ids: HashMap<String, String> = service
        .store()
        .projects()
        .filter_map(Result::ok)
        .filter_map(|p| p.source_id.clone().map(|s| (p.id.to_string(), s)))
        .collect();

    let mut ranking = vec![baseline(&service, &queries, &source_ids)?];
    for (name, features) in feature_steps() {
        let rankings = feature_rankings(&service, &queries, &source_ids, features)?;
        ranking.push(score(name, &queries, &rankings));
    }

    let tags = tag_configurations(&service, &texts)?;
    let extra = match extra_sdg_texts {
        Some(extra) => Some((extra.len(), tag_configurations(&service, &extra)?)),
        None => None,
    };
    service.shutdown();
    Ok(EvalReport {
        queries: queries.len(),
        ranking,
        texts: texts.len(),
        tags,
        extra,
    })
}

/// The judged queries (JSON) and the labelled texts (NDJSON, blank lines skipped).
fn parse_inputs(
    queries_json: &str,
    tags_ndjson: &str,
) -> Result<(Vec<JudgedQuery>, Vec<LabelledText>), ServiceError> {
    let bad =
        |what: &str, e: &dyn std::fmt::Display| ServiceError::internal(format!("{what}: {e}"));
    let queries = serde_json::from_str::<QueryFile>(queries_json)
        .map_err(|e| bad("judged queries", &e))?
        .queries;
    let texts: Vec<LabelledText> = tags_ndjson
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| bad("labelled texts", &e))?;
    Ok((queries, texts))
}

/// The source ids of the service's first ten hits for each query, with these features.
fn feature_rankings(
    service: &Service,
    queries: &[JudgedQuery],
    source_ids: &HashMap<String, String>,
    features: Features,
) -> Result<Vec<Vec<String>>, ServiceError> {
    let mut rankings = Vec::with_capacity(queries.len());
    for q in queries {
        let pairs = [("q", q.q.as_str()), ("per_page", "10")];
        let req = SearchRequest::from_pairs(pairs)?;
        let results = service.search_with(&req, features)?;
        rankings.push(
            results
                .hits
                .iter()
                .filter_map(|h| source_ids.get(&h.summary.id.to_string()).cloned())
                .collect(),
        );
    }
    Ok(rankings)
}

fn codes(s: &TagSuggestions) -> (Vec<String>, Vec<String>) {
    (
        s.action_lines
            .iter()
            .map(|a| a.code.code().to_string())
            .collect(),
        s.sdgs.iter().map(|g| g.sdg.number().to_string()).collect(),
    )
}

fn gold_codes(t: &LabelledText) -> (Vec<String>, Vec<String>) {
    (
        t.action_lines
            .iter()
            .map(|a| a.code().to_string())
            .collect(),
        t.sdgs.iter().map(|g| g.number().to_string()).collect(),
    )
}

/// The popularity baseline (the most frequent tags of the published projects, whatever the
/// text), then each signal alone and together.
fn tag_configurations(
    service: &Service,
    texts: &[LabelledText],
) -> Result<Vec<TagScores>, ServiceError> {
    let gold: Vec<_> = texts.iter().map(gold_codes).collect();
    let popular = service.popular_tags(3)?;
    let popular_got: Vec<_> = texts.iter().map(|_| popular.clone()).collect();
    let mut out = vec![tag_scores(
        "most frequent tags (baseline)",
        &gold,
        &popular_got,
    )];
    let d = TagWeights::DEFAULT;
    for (name, weights) in [
        (
            "keywords only",
            TagWeights {
                keywords: 1.0,
                neighbours: 0.0,
                matrix: 0.0,
            },
        ),
        (
            "similar projects only",
            TagWeights {
                keywords: 0.0,
                neighbours: 1.0,
                matrix: 0.0,
            },
        ),
        (
            "keywords + similar projects",
            TagWeights { matrix: 0.0, ..d },
        ),
        ("keywords + similar projects + WSIS-SDG matrix (service)", d),
    ] {
        let mut got = Vec::with_capacity(texts.len());
        for t in texts {
            got.push(codes(&service.suggest_tags_with(
                &t.title,
                &t.description,
                t.language,
                weights,
            )?));
        }
        out.push(tag_scores(name, &gold, &got));
    }
    Ok(out)
}

/// Plain BM25 over English-stemmed title, organization and description in one field, all
/// words required: the engine as it was before per-language analysis.
fn baseline(
    service: &Service,
    queries: &[JudgedQuery],
    source_ids: &HashMap<String, String>,
) -> Result<Scores, ServiceError> {
    let (index, text, source) = baseline_index(service, source_ids)?;
    let mut analyzer = index
        .tokenizers()
        .get("en_stem")
        .ok_or_else(|| ServiceError::internal("no en_stem analyzer"))?;
    let reader = index.reader().map_err(internal)?;
    let searcher = reader.searcher();
    let mut rankings = Vec::with_capacity(queries.len());
    for q in queries {
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut stream = analyzer.token_stream(&q.q);
        while let Some(t) = stream.next() {
            words.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(text, &t.text),
                    IndexRecordOption::WithFreqs,
                )),
            ));
        }
        let mut ranked = Vec::new();
        if !words.is_empty() {
            let top = searcher
                .search(
                    &BooleanQuery::new(words),
                    &TopDocs::with_limit(K).order_by_score(),
                )
                .map_err(internal)?;
            for (_, address) in top {
                let doc: TantivyDocument = searcher.doc(address).map_err(internal)?;
                if let Some(sid) = doc.get_first(source).and_then(|v| v.as_str()) {
                    ranked.push(sid.to_string());
                }
            }
        }
        rankings.push(ranked);
    }
    Ok(score(
        "baseline: BM25, English stemming, one field",
        queries,
        &rankings,
    ))
}

fn internal(e: tantivy::TantivyError) -> ServiceError {
    ServiceError::caused("eval index", e)
}

/// The baseline's index in memory: the published sample projects' texts in one
/// English-stemmed field, and their source ids; returns the index and both fields.
fn baseline_index(
    service: &Service,
    source_ids: &HashMap<String, String>,
) -> Result<(Index, Field, Field), ServiceError> {
    let mut schema = Schema::builder();
    let text = schema.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let source = schema.add_text_field("source", STORED);
    let index = Index::create_in_ram(schema.build());
    {
        let mut writer = index
            .writer::<TantivyDocument>(50_000_000)
            .map_err(internal)?;
        for project in service.store().projects().filter_map(Result::ok) {
            if !project.is_public() {
                continue;
            }
            let Some(sid) = source_ids.get(&project.id.to_string()) else {
                continue;
            };
            let f = &project.fields;
            let mut doc = TantivyDocument::default();
            doc.add_text(source, sid);
            // As the old engine indexed them: the title twice, as a boost.
            for part in [&f.title, &f.title, &f.organization, &f.description] {
                doc.add_text(text, part);
            }
            writer.add_document(doc).map_err(internal)?;
        }
        writer.commit().map_err(internal)?;
    }
    Ok((index, text, source))
}

/// Labelled texts (SDGs only) from a Digital Public Goods registry export (NDJSON with
/// `name`, `description` and `SDGs[].SDGNumber`).
pub fn dpg_texts(ndjson: &str) -> Vec<LabelledText> {
    ndjson
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let sdgs: Vec<Sdg> = v
                .get("SDGs")?
                .as_array()?
                .iter()
                .filter_map(|s| s.get("SDGNumber")?.as_i64())
                .filter_map(Sdg::new)
                .collect();
            let description = v.get("description")?.as_str()?.to_string();
            (!sdgs.is_empty() && !description.is_empty()).then(|| LabelledText {
                id: v
                    .get("id")
                    .and_then(|i| i.as_str())
                    .unwrap_or("")
                    .to_string(),
                title: v
                    .get("name")
                    .and_then(|n| n.as_str())
                    .unwrap_or("")
                    .to_string(),
                description,
                language: Language::En,
                action_lines: Vec::new(),
                sdgs,
            })
        })
        .collect()
}

impl EvalReport {
    /// The report as Markdown tables.
    pub fn markdown(&self, per_query: bool) -> String {
        let mut out = String::new();
        self.ranking_table(&mut out);
        if per_query {
            self.per_query_table(&mut out);
        }
        tag_table(
            &mut out,
            format!("Tag suggestions: {} held-out labelled texts", self.texts),
            &self.tags,
            true,
        );
        if let Some((n, rows)) = &self.extra {
            tag_table(
                &mut out,
                format!("Tag suggestions: {n} extra labelled texts (SDGs only)"),
                rows,
                false,
            );
        }
        out
    }

    /// One row a method: nDCG@10, MRR, and nDCG@10 for each kind of query.
    fn ranking_table(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "## Ranking: {} judged queries over the sample projects\n",
            self.queries
        );
        let kinds: Vec<String> = self
            .ranking
            .first()
            .map(|s| s.by_kind.iter().map(|(k, _)| k.clone()).collect())
            .unwrap_or_default();
        let _ = writeln!(out, "| method | nDCG@10 | MRR | {} |", kinds.join(" | "));
        let _ = writeln!(out, "|---|---|---|{}", "---|".repeat(kinds.len()));
        for s in &self.ranking {
            let per: Vec<String> = s.by_kind.iter().map(|(_, v)| format!("{v:.3}")).collect();
            let _ = writeln!(
                out,
                "| {} | {:.3} | {:.3} | {} |",
                s.name,
                s.ndcg,
                s.mrr,
                per.join(" | ")
            );
        }
    }

    /// One row a query: its nDCG@10 under each method, in the ranking table's order.
    fn per_query_table(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "\nnDCG@10 per query, one column per method above, in order:\n"
        );
        let _ = writeln!(
            out,
            "| query | {} |\n|---|{}",
            (0..self.ranking.len())
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
            "---|".repeat(self.ranking.len())
        );
        if let Some(first) = self.ranking.first() {
            for (i, (id, _)) in first.by_query.iter().enumerate() {
                let row: Vec<String> = self
                    .ranking
                    .iter()
                    .map(|s| format!("{:.3}", s.by_query.get(i).map_or(0.0, |q| q.1)))
                    .collect();
                let _ = writeln!(out, "| {id} | {} |", row.join(" | "));
            }
        }
    }
}

/// A table of tag-suggestion scores under a heading: Action Lines and SDGs when `lines`,
/// SDGs only otherwise.
fn tag_table(out: &mut String, title: String, rows: &[TagScores], lines: bool) {
    let _ = writeln!(out, "\n## {title}\n");
    if lines {
        let _ = writeln!(
            out,
            "| signals | Action Line P@1 | Action Line R@3 | SDG P@1 | SDG R@3 |\n|---|---|---|---|---|"
        );
    } else {
        let _ = writeln!(out, "| signals | SDG P@1 | SDG R@3 |\n|---|---|---|");
    }
    for r in rows {
        if lines {
            let _ = writeln!(
                out,
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} |",
                r.name, r.action_line_p1, r.action_line_r3, r.sdg_p1, r.sdg_r3
            );
        } else {
            let _ = writeln!(out, "| {} | {:.3} | {:.3} |", r.name, r.sdg_p1, r.sdg_r3);
        }
    }
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, ServiceError> {
        let path = std::env::temp_dir().join(format!("stocktaking-eval-{}", ulid::Ulid::new()));
        std::fs::create_dir_all(&path)
            .map_err(|e| ServiceError::caused(path.display().to_string(), e))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, u8)]) -> HashMap<String, u8> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
        let j = judged(&[("a", 3), ("b", 1)]);
        assert!((ndcg(&ids(&["a", "b"]), &j, 10) - 1.0).abs() < 1e-9);
        let swapped = ndcg(&ids(&["b", "a"]), &j, 10);
        assert!(swapped < 1.0 && swapped > 0.0);
        assert_eq!(ndcg(&ids(&["x"]), &j, 10), 0.0);
        // Only the first k count.
        assert_eq!(ndcg(&ids(&["x", "a"]), &j, 1), 0.0);
    }

    #[test]
    fn reciprocal_rank_is_that_of_the_first_relevant_result() {
        let j = judged(&[("a", 1)]);
        assert_eq!(reciprocal_rank(&ids(&["x", "y", "a"]), &j, 10), 1.0 / 3.0);
        assert_eq!(reciprocal_rank(&ids(&["x"]), &j, 10), 0.0);
    }

    #[test]
    fn the_shipped_files_parse() {
        let q: QueryFile = serde_json::from_str(QUERIES).unwrap();
        assert!(q.queries.len() >= 40);
        let langs: std::collections::BTreeSet<&str> =
            q.queries.iter().map(|q| q.lang.as_str()).collect();
        assert!(langs.len() >= 4, "{langs:?}");
        assert!(q
            .queries
            .iter()
            .all(|q| q.judgments.values().any(|g| *g == 3)));
        for line in HELD_OUT_TAGS.lines() {
            let t: LabelledText = serde_json::from_str(line).unwrap();
            assert!(!t.action_lines.is_empty() && !t.sdgs.is_empty(), "{}", t.id);
        }
    }
}
