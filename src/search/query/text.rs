//! Planning the text query: the typed words in groups (a word, or the words a synonym or a
//! taxonomy mention covers), then phrases and exclusions, then the phrase boosts, and last
//! the query itself and its relaxed form.

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query};

use super::analyzers::QueryAnalyzers;
use super::combine::{all_of, any_of, assemble, cloned, sequence};
use super::context::TextContext;
use super::filters::tag_query;
use super::words::WordForms;
use crate::model::SuggestedFilter;
use crate::model::{TextClause, TextQuery};
use crate::search::expansion::{tag_table, SynonymTable, Tag};

/// Weight of a synonym's expression against the words typed.
const SYNONYM_BOOST: f32 = 0.9;
/// Score of a document tagged with a tag the query names.
const TAG_SCORE: f32 = 1.5;
/// Extra weight when the typed words occur as one phrase (any field / the title).
const PHRASE_BOOST: f32 = 1.5;
const TITLE_PHRASE_BOOST: f32 = 2.5;
/// Most synonym alternatives one query brings in all (each word brings at most
/// [`MAX_ALTERNATIVES`](crate::search::expansion::MAX_ALTERNATIVES)).
pub const MAX_QUERY_ALTERNATIVES: usize = 64;
/// Longest run of words matched against synonyms and taxonomy names.
const MAX_SPAN_WORDS: usize = 12;
/// Score of each typed word a document has, when not all are required.
const WORD_FOUND_SCORE: f32 = 4.0;
/// Longest word run scored as a phrase.
const MAX_PHRASE_WORDS: usize = 10;

/// The text part of a search, planned.
pub struct TextPlan {
    /// The query, or `None` when the text matches everything.
    pub query: Option<Box<dyn Query>>,
    /// For two or more words: the query that needs only half of them, documents with more
    /// of them first (used when no document has them all).
    pub relaxed: Option<Box<dyn Query>>,
    /// Tags the text names, as filters to propose.
    pub suggested: Vec<SuggestedFilter>,
    /// Words to mark in snippets (typed words and synonyms).
    pub marks: Vec<String>,
    /// Scoring-only clauses (the exact phrase boosts) that only reorder the best
    /// candidates: added to their scores after the scan, not scored for every match.
    pub boosts: Vec<Box<dyn Query>>,
}

/// Plans the text query: all words required (stop words only score), phrases in order,
/// exclusions removed.
pub fn text_query(
    context: &TextContext<'_>,
    analyzers: &mut QueryAnalyzers,
    text: &TextQuery,
) -> TextPlan {
    let mut planner = Planner::new(context, analyzers);
    let plain = plain_words(text, |word| planner.forms.folded(word));
    let last_clause = text.clauses.len().checked_sub(1);
    let prefix_at = (text.open_end && context.features.prefix)
        .then_some(last_clause)
        .flatten();
    let mut i = 0;
    while i < plain.len() {
        i += planner.word_group(&plain[i..], prefix_at);
    }
    planner.phrases_and_exclusions(text);
    planner.phrase_boosts(&plain);
    planner.finish()
}

/// A plain typed word (neither in a phrase nor excluded).
struct PlainWord<'t> {
    /// Its clause's place in the query.
    at: usize,
    clause: &'t TextClause,
    /// Its folded words (one, or several for a hyphenated or mixed-script word).
    folded: Vec<String>,
}

/// What the words from one typed word on stand for: the tags and synonym alternatives of
/// the longest expression found, and how many typed words it covers.
struct Group {
    span: usize,
    tags: Vec<Tag>,
    alternatives: Vec<Vec<String>>,
}

/// The clauses of the query being planned.
#[derive(Default)]
struct Clauses {
    /// Phrases (required).
    must: Vec<Box<dyn Query>>,
    /// Word groups (required, but only half of them in the relaxed query).
    words: Vec<Box<dyn Query>>,
    /// Function words (scoring only).
    should: Vec<Box<dyn Query>>,
    /// Phrase boosts (scoring only, added to the best candidates after the scan).
    boosts: Vec<Box<dyn Query>>,
    /// Exclusions.
    must_not: Vec<Box<dyn Query>>,
}

struct Planner<'a> {
    context: &'a TextContext<'a>,
    forms: WordForms<'a>,
    clauses: Clauses,
    suggested: Vec<SuggestedFilter>,
    marks: Vec<String>,
    /// Synonym alternatives the query may still bring in.
    alternatives_left: usize,
}

impl<'a> Planner<'a> {
    fn new(context: &'a TextContext<'a>, analyzers: &'a mut QueryAnalyzers) -> Planner<'a> {
        Planner {
            context,
            forms: WordForms::new(context, analyzers),
            clauses: Clauses::default(),
            suggested: Vec::new(),
            marks: Vec::new(),
            alternatives_left: MAX_QUERY_ALTERNATIVES,
        }
    }

    /// Adds the group of words starting at the first of `plain`; how many it covers.
    fn word_group(&mut self, plain: &[PlainWord<'_>], prefix_at: Option<usize>) -> usize {
        let group = self.expand(plain);
        let covered = &plain[..group.span];
        let typed: Vec<Box<dyn Query>> = covered
            .iter()
            .filter_map(|w| self.forms.word(&w.clause.text, Some(w.at) == prefix_at))
            .collect();
        self.marks
            .extend(covered.iter().map(|w| w.clause.text.clone()));
        let optional = group.span == 1
            && group.tags.is_empty()
            && group.alternatives.is_empty()
            && covered[0].folded.len() == 1
            && self.forms.is_function_word(&covered[0].clause.text);
        let mut options: Vec<Box<dyn Query>> = all_of(typed).into_iter().collect();
        options.extend(self.synonym_options(&group.alternatives));
        options.extend(self.tag_options(&group.tags, covered));
        if let Some(q) = any_of(options) {
            if optional {
                self.clauses.should.push(q);
            } else {
                self.clauses.words.push(q);
            }
        }
        group.span
    }

    /// The longest synonym or taxonomy mention among the words typed one after the other
    /// from the first of `plain` (a phrase or an exclusion between two words ends the run),
    /// covering whole typed words.
    fn expand(&mut self, plain: &[PlainWord<'_>]) -> Group {
        let run = consecutive(plain);
        let words: Vec<String> = run
            .iter()
            .flat_map(|p| p.folded.iter().cloned())
            .take(MAX_SPAN_WORDS)
            .collect();
        // Word counts at each typed word's end.
        let ends: Vec<usize> = run
            .iter()
            .scan(0, |n, p| {
                *n += p.folded.len();
                Some(*n)
            })
            .collect();
        // The typed words `len` folded words cover, when they end at a typed word's end.
        let aligned = |len: usize| ends.iter().position(|e| *e == len).map(|k| k + 1);
        let features = self.context.features;
        let (tag_span, mut tags) = match features.tags {
            true => tags_at(&words, aligned),
            false => (0, Vec::new()),
        };
        let (synonym_span, mut alternatives) = match features.synonyms {
            // A lone stop word ("un", "ai") is never expanded: in one language or another it
            // is only a function word.
            true => {
                let lone_stop_word = plain[0].folded.len() == 1
                    && self.forms.is_function_word(&plain[0].clause.text);
                synonyms_at(self.context.synonyms, &words, aligned, lone_stop_word)
            }
            false => (0, Vec::new()),
        };
        let span = tag_span.max(synonym_span).max(1);
        if tag_span < span {
            tags.clear();
        }
        if synonym_span < span {
            alternatives.clear();
        }
        alternatives.truncate(self.alternatives_left);
        self.alternatives_left -= alternatives.len();
        Group {
            span,
            tags,
            alternatives,
        }
    }

    /// A synonym's alternatives, each matched in its forms (and marked in snippets).
    fn synonym_options(&mut self, alternatives: &[Vec<String>]) -> Vec<Box<dyn Query>> {
        let mut options: Vec<Box<dyn Query>> = Vec::new();
        for expression in alternatives {
            let joined = expression.join(" ");
            if let Some(q) = any_of(self.forms.forms(&joined)) {
                options.push(Box::new(BoostQuery::new(q, SYNONYM_BOOST)));
            }
            self.marks.push(joined);
        }
        options
    }

    /// The documents carrying the tags the covered words name; each tag is suggested as a
    /// filter once.
    fn tag_options(&mut self, tags: &[Tag], covered: &[PlainWord<'_>]) -> Vec<Box<dyn Query>> {
        let matched = covered
            .iter()
            .map(|w| w.clause.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut options: Vec<Box<dyn Query>> = Vec::new();
        for tag in tags {
            let query = tag_query(self.context.fields, *tag);
            options.push(Box::new(ConstScoreQuery::new(query, TAG_SCORE)));
            let known = |s: &SuggestedFilter| s.facet == tag.facet() && s.value == tag.value();
            if !self.suggested.iter().any(known) {
                self.suggested
                    .push(tag.as_filter(self.context.lang, matched.clone()));
            }
        }
        options
    }

    /// Phrases are required, exclusions excluded.
    fn phrases_and_exclusions(&mut self, text: &TextQuery) {
        for clause in text.clauses.iter().filter(|c| c.phrase || c.negated) {
            let Some(q) = any_of(self.forms.forms(&clause.text)) else {
                continue;
            };
            if clause.negated {
                self.clauses.must_not.push(q);
            } else {
                self.marks.push(clause.text.clone());
                self.clauses.must.push(q);
            }
        }
    }

    /// The plain words as one phrase score extra, in any field and more in the title.
    fn phrase_boosts(&mut self, plain: &[PlainWord<'_>]) {
        if !self.context.features.phrase || plain.len() < 2 {
            return;
        }
        let joined = plain
            .iter()
            .take(MAX_PHRASE_WORDS)
            .map(|p| p.clause.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let words = self.forms.folded_positions(&joined);
        if words.len() < 2 {
            return;
        }
        let fields = self.context.fields;
        for (field, boost) in [
            (fields.all_folded, PHRASE_BOOST),
            (fields.title_folded, TITLE_PHRASE_BOOST),
        ] {
            if let Some(q) = sequence(field, &words) {
                self.clauses
                    .boosts
                    .push(Box::new(BoostQuery::new(q, boost)));
            }
        }
    }

    fn finish(self) -> TextPlan {
        let relaxed = match self.context.features.partial {
            true => relaxed(&self.clauses),
            false => None,
        };
        let Clauses {
            mut must,
            words,
            mut should,
            must_not,
            mut boosts,
        } = self.clauses;
        must.extend(words);
        if must.is_empty() {
            // Without a required clause the boosts match documents too.
            should.append(&mut boosts);
        }
        TextPlan {
            query: assemble(must, should, must_not),
            relaxed,
            suggested: self.suggested,
            marks: self.marks,
            boosts,
        }
    }
}

/// The plain words, with their folded forms, for synonyms and taxonomy mentions.
fn plain_words<'t>(
    text: &'t TextQuery,
    mut fold: impl FnMut(&str) -> Vec<String>,
) -> Vec<PlainWord<'t>> {
    text.clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.phrase && !c.negated)
        .map(|(at, clause)| PlainWord {
            at,
            clause,
            folded: fold(&clause.text),
        })
        .collect()
}

/// The words from the first of `plain` that were typed one after the other.
fn consecutive<'p, 't>(plain: &'p [PlainWord<'t>]) -> &'p [PlainWord<'t>] {
    let run = plain
        .windows(2)
        .take_while(|w| w[1].at == w[0].at + 1)
        .count();
    &plain[..(run + 1).min(plain.len())]
}

/// The tags of the longest taxonomy mention at the start of `words` that ends at a typed
/// word's end, and how many typed words it covers (0 for none).
fn tags_at(words: &[String], aligned: impl Fn(usize) -> Option<usize>) -> (usize, Vec<Tag>) {
    let found = tag_table().matches_at(words);
    let Some((len, span)) = found
        .iter()
        .find_map(|(len, _)| aligned(*len).map(|k| (*len, k)))
    else {
        return (0, Vec::new());
    };
    let tags = found
        .iter()
        .filter(|(l, _)| *l == len)
        .map(|(_, t)| **t)
        .collect();
    (span, tags)
}

/// The alternatives of the longest synonym at the start of `words` that ends at a typed
/// word's end, and how many typed words it covers (0 for none).
fn synonyms_at(
    synonyms: &SynonymTable,
    words: &[String],
    aligned: impl Fn(usize) -> Option<usize>,
    lone_stop_word: bool,
) -> (usize, Vec<Vec<String>>) {
    let usable = |len: usize| aligned(len).is_some() && !(lone_stop_word && len == 1);
    synonyms
        .expand_where(words, usable)
        .and_then(|(len, alternatives)| aligned(len).map(|span| (span, alternatives)))
        .unwrap_or_default()
}

/// For two or more word groups: the query that needs only half of them, documents with more
/// of them first, with the same phrases and exclusions (the phrase boosts rescore its best
/// candidates as they do the strict query's).
fn relaxed(clauses: &Clauses) -> Option<Box<dyn Query>> {
    let words = &clauses.words;
    if words.len() < 2 {
        return None;
    }
    let needed = words.len().div_ceil(2);
    // Each word found adds a constant, so documents with more of them rank first.
    let counted: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .map(|w| {
            let with_bonus: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Should, w.box_clone()),
                (
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(w.box_clone(), WORD_FOUND_SCORE)),
                ),
            ]));
            (Occur::Should, with_bonus)
        })
        .collect();
    let some: Box<dyn Query> =
        Box::new(BooleanQuery::with_minimum_required_clauses(counted, needed));
    let mut must = vec![some];
    must.extend(cloned(&clauses.must));
    assemble(must, cloned(&clauses.should), cloned(&clauses.must_not))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, Synonyms};
    use crate::search::query::expansion_cache::ExpansionCache;
    use crate::search::query::features::Features;

    #[test]
    fn a_query_brings_a_bounded_number_of_synonym_alternatives() {
        let (schema, fields) = crate::search::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        crate::search::analysis::register(&index);
        let searcher = index.reader().unwrap().searcher();
        // 2,000 sets, each word of the query in hundreds of them.
        let words = ["health", "water", "school", "farm", "radio", "clinic"];
        let sets = (0..crate::model::synonyms::MAX_SETS)
            .map(|i| {
                std::iter::once(words[i % words.len()].to_string())
                    .chain((0..19).map(|j| format!("term{i}x{j}")))
                    .collect()
            })
            .collect();
        let table = SynonymTable::new(&Synonyms { sets });
        let text = TextQuery::parse(&words.join(" ")).unwrap();
        let context = TextContext {
            searcher: &searcher,
            cache: &ExpansionCache::default(),
            fields: &fields,
            synonyms: &table,
            features: Features::ALL,
            lang: Language::En,
        };
        let plan = text_query(&context, &mut QueryAnalyzers::default(), &text);
        let alternatives = plan.marks.len() - words.len();
        assert_eq!(alternatives, MAX_QUERY_ALTERNATIVES);
    }

    #[test]
    fn consecutive_words_end_at_a_gap() {
        let text = TextQuery::parse(r#"solar "wind farm" power grid -coal hydro"#).unwrap();
        let plain = plain_words(&text, |word| vec![word.to_string()]);
        let runs: Vec<usize> = (0..plain.len())
            .map(|i| consecutive(&plain[i..]).len())
            .collect();
        assert_eq!(runs, [1, 2, 1, 1]);
    }
}
