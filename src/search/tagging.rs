//! Tag suggestions for a text: Action Lines and SDGs ranked by three signals, each given as
//! a reason: keywords of the tag found in the text (in its language and in English), the
//! tags of the most similar published projects, and, for SDGs, the WSIS–SDG matrix applied
//! to the Action Lines suggested.

use std::collections::HashMap;
use std::sync::OnceLock;

use tantivy::collector::TopDocs;

use super::analysis::{language_analyzer, tokens, Segmenter};
use super::engine::SearchIndex;
use super::error::SearchError;
use super::expansion::{PhraseTable, Tag};
use crate::model::{taxonomy, ActionLine, Language, Sdg, TagLexicon};
use crate::model::{ActionLineSuggestion, Reason, SdgSuggestion, TagSuggestions};

/// Neighbours whose tags vote.
const NEIGHBOURS: usize = 8;
/// Words of the text the neighbour query keeps.
const NEIGHBOUR_TERMS: usize = 30;
/// Lowest score suggested.
const MIN_SCORE: f32 = 0.12;
/// Most suggestions of each kind.
const MAX_ACTION_LINES: usize = 5;
const MAX_SDGS: usize = 6;

/// Weights of the signals: keywords, neighbours, matrix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TagWeights {
    /// Keywords found in the text.
    pub keywords: f32,
    /// Tags of similar published projects.
    pub neighbours: f32,
    /// The WSIS–SDG matrix (SDGs only).
    pub matrix: f32,
}

impl TagWeights {
    /// The service's weights.
    pub const DEFAULT: TagWeights = TagWeights {
        keywords: 0.55,
        neighbours: 0.45,
        matrix: 0.15,
    };
}

/// Per language: every tag keyword (of that language and of English) as analyzed words.
fn keyword_tables() -> &'static [PhraseTable<(Tag, usize)>] {
    static TABLES: OnceLock<Vec<PhraseTable<(Tag, usize)>>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let lexicon = TagLexicon::shipped();
        let entries: Vec<(Tag, &[Vec<String>; 6])> = lexicon
            .action_lines
            .iter()
            .map(|(l, k)| (Tag::ActionLine(*l), k))
            .chain(lexicon.sdgs.iter().map(|(g, k)| (Tag::Sdg(*g), k)))
            .collect();
        Language::ALL
            .iter()
            .map(|&lang| {
                let mut analyzer = language_analyzer(lang, Segmenter::Query);
                let mut table = PhraseTable::default();
                for (tag, keywords) in &entries {
                    let mut sources = vec![&keywords[lang.index()]];
                    if lang != Language::En {
                        sources.push(&keywords[Language::En.index()]);
                    }
                    for (i, word) in sources.into_iter().flatten().enumerate() {
                        let words = tokens(&mut analyzer, word);
                        if !words.is_empty() {
                            table.insert(words, (*tag, i));
                        }
                    }
                }
                table
            })
            .collect()
    })
}

/// The keyword itself, for reasons.
fn keyword_text(tag: Tag, lang: Language, i: usize) -> String {
    let lexicon = TagLexicon::shipped();
    let keywords = match tag {
        Tag::ActionLine(line) => lexicon
            .action_lines
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, k)| k),
        Tag::Sdg(goal) => lexicon
            .sdgs
            .iter()
            .find(|(g, _)| *g == goal)
            .map(|(_, k)| k),
    };
    let Some(keywords) = keywords else {
        return String::new();
    };
    let own = &keywords[lang.index()];
    let english = &keywords[Language::En.index()];
    if lang == Language::En {
        own.get(i).cloned().unwrap_or_default()
    } else if i < own.len() {
        own[i].clone()
    } else {
        english.get(i - own.len()).cloned().unwrap_or_default()
    }
}

/// The SDGs the WSIS–SDG matrix maps an Action Line to.
fn matrix(line: ActionLine) -> Vec<u8> {
    taxonomy()
        .document
        .get("wsis_sdg_matrix")
        .and_then(|m| m.get(line.code()))
        .and_then(|v| v.as_array())
        .map(|v| {
            v.iter()
                .filter_map(|n| n.as_u64())
                .map(|n| n as u8)
                .collect()
        })
        .unwrap_or_default()
}

/// Evidence gathered for one tag.
#[derive(Default)]
struct Evidence {
    keyword_weight: f32,
    keywords: Vec<String>,
    neighbour_weight: f32,
    neighbours: Vec<String>,
}

impl Evidence {
    /// The score of the tag, the matrix aside.
    fn score(&self, weights: TagWeights) -> f32 {
        weights.keywords * (1.0 - (-self.keyword_weight / 2.0).exp())
            + weights.neighbours * self.neighbour_weight
    }

    /// The reasons to give for it.
    fn reasons(&self) -> Vec<Reason> {
        let mut out = Vec::new();
        if !self.keywords.is_empty() {
            out.push(Reason {
                kind: "keywords",
                evidence: self.keywords.clone(),
            });
        }
        if !self.neighbours.is_empty() && self.neighbour_weight > 0.0 {
            out.push(Reason {
                kind: "similar_projects",
                evidence: self.neighbours.clone(),
            });
        }
        out
    }
}

/// The evidence gathered for each tag.
type EvidenceByTag = HashMap<Tag, Evidence>;

impl SearchIndex {
    /// Tags for a project's title and description, with the service's weights.
    ///
    /// # Errors
    /// Internal tantivy errors.
    pub fn suggest_tags(
        &self,
        title: &str,
        description: &str,
        lang: Language,
    ) -> Result<TagSuggestions, SearchError> {
        self.suggest_tags_with(title, description, lang, TagWeights::DEFAULT)
    }

    /// [`SearchIndex::suggest_tags`] with other weights (for measuring each signal).
    ///
    /// # Errors
    /// Internal tantivy errors.
    pub fn suggest_tags_with(
        &self,
        title: &str,
        description: &str,
        lang: Language,
        weights: TagWeights,
    ) -> Result<TagSuggestions, SearchError> {
        let mut evidence = EvidenceByTag::new();
        if weights.keywords > 0.0 {
            self.keyword_evidence(title, description, lang, &mut evidence);
        }
        if weights.neighbours > 0.0 {
            self.neighbour_evidence(title, description, lang, &mut evidence)?;
        }
        let mut action_lines = action_line_suggestions(&evidence, weights);
        let mut sdgs = sdg_suggestions(&evidence, weights, &action_lines);
        let scores = action_lines.iter_mut().map(|s| &mut s.score);
        for score in scores.chain(sdgs.iter_mut().map(|s| &mut s.score)) {
            *score = round(score.min(1.0));
        }
        Ok(TagSuggestions { action_lines, sdgs })
    }

    /// Keywords of each tag found in the text (a title match counts double).
    fn keyword_evidence(
        &self,
        title: &str,
        description: &str,
        lang: Language,
        evidence: &mut EvidenceByTag,
    ) {
        let Some(table) = keyword_tables().get(lang.index()) else {
            return;
        };
        let mut analyzers = self.analyzers.clone();
        let analyzer = analyzers.language(lang);
        let mut counts: HashMap<(Tag, usize), f32> = HashMap::new();
        for (text, weight) in [(title, 2.0), (description, 1.0)] {
            let words = tokens(analyzer, text);
            for at in 0..words.len() {
                for (len, (tag, i)) in table.matches_at(&words[at..]) {
                    // Phrases are stronger evidence than single words.
                    let strength = if len > 1 { 1.5 } else { 1.0 };
                    *counts.entry((*tag, *i)).or_default() += weight * strength;
                }
            }
        }
        for ((tag, i), n) in counts {
            let e = evidence.entry(tag).or_default();
            // Repeats add less and less.
            e.keyword_weight += 1.0 + n.ln().max(0.0);
            let word = keyword_text(tag, lang, i);
            if !e.keywords.contains(&word) {
                e.keywords.push(word);
            }
        }
        for e in evidence.values_mut() {
            e.keywords.sort();
        }
    }

    /// Tags of the published projects most like the text, each neighbour's vote weighted by
    /// its similarity relative to the best one.
    fn neighbour_evidence(
        &self,
        title: &str,
        description: &str,
        lang: Language,
        evidence: &mut EvidenceByTag,
    ) -> Result<(), SearchError> {
        let searcher = self.reader.searcher();
        let text = format!("{title} {title} {description}");
        let Some(query) = self.like_text(&searcher, lang, &text, NEIGHBOUR_TERMS, false) else {
            return Ok(());
        };
        let top = searcher.search(&*query, &TopDocs::with_limit(NEIGHBOURS).order_by_score())?;
        let Some(best) = top.first().map(|(s, _)| *s).filter(|s| *s > 0.0) else {
            return Ok(());
        };
        let mut total = 0.0;
        let mut votes: HashMap<Tag, f32> = HashMap::new();
        for (score, address) in &top {
            let weight = score / best;
            total += weight;
            let hit = self.hit(&searcher, *address, None, None)?;
            let tags = hit
                .summary
                .action_lines
                .iter()
                .map(|l| Tag::ActionLine(*l))
                .chain(hit.summary.sdgs.iter().map(|g| Tag::Sdg(*g)));
            for tag in tags {
                *votes.entry(tag).or_default() += weight;
                let e = evidence.entry(tag).or_default();
                if e.neighbours.len() < 3 && weight >= 0.5 {
                    e.neighbours.push(hit.summary.title.clone());
                }
            }
        }
        for (tag, vote) in votes {
            evidence.entry(tag).or_default().neighbour_weight = vote / total;
        }
        Ok(())
    }
}

/// The Action Lines the evidence points to, best first.
fn action_line_suggestions(
    evidence: &EvidenceByTag,
    weights: TagWeights,
) -> Vec<ActionLineSuggestion> {
    let mut lines: Vec<ActionLineSuggestion> = evidence
        .iter()
        .filter_map(|(tag, e)| match tag {
            Tag::ActionLine(line) => Some(ActionLineSuggestion {
                code: *line,
                score: e.score(weights),
                reasons: e.reasons(),
            }),
            Tag::Sdg(_) => None,
        })
        .collect();
    sort_best_first(&mut lines, |s| (s.score, s.code.index()));
    lines.retain(|s| s.score >= MIN_SCORE);
    lines.truncate(MAX_ACTION_LINES);
    lines
}

/// The SDGs the evidence points to, and those the WSIS–SDG matrix maps the suggested Action
/// Lines to, best first.
fn sdg_suggestions(
    evidence: &EvidenceByTag,
    weights: TagWeights,
    action_lines: &[ActionLineSuggestion],
) -> Vec<SdgSuggestion> {
    let mut sdgs: Vec<SdgSuggestion> = Vec::new();
    for goal in Sdg::all() {
        let e = evidence.get(&Tag::Sdg(goal));
        let mut total = e.map_or(0.0, |e| e.score(weights));
        let mut reasons = e.map(Evidence::reasons).unwrap_or_default();
        let mapped: Vec<&ActionLineSuggestion> = action_lines
            .iter()
            .filter(|a| matrix(a.code).contains(&goal.number()))
            .collect();
        if weights.matrix > 0.0 && !mapped.is_empty() {
            let strongest = mapped.iter().map(|a| a.score).fold(0.0, f32::max);
            total += weights.matrix * strongest;
            reasons.push(Reason {
                kind: "wsis_sdg_matrix",
                evidence: mapped.iter().map(|a| a.code.code().to_string()).collect(),
            });
        }
        if total >= MIN_SCORE {
            sdgs.push(SdgSuggestion {
                sdg: goal,
                score: total,
                reasons,
            });
        }
    }
    sort_best_first(&mut sdgs, |s| (s.score, usize::from(s.sdg.number())));
    sdgs.truncate(MAX_SDGS);
    sdgs
}

fn sort_best_first<T>(items: &mut [T], key: impl Fn(&T) -> (f32, usize)) {
    items.sort_by(|a, b| {
        let (sa, ia) = key(a);
        let (sb, ib) = key(b);
        sb.total_cmp(&sa).then(ia.cmp(&ib))
    });
}

fn round(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}
