//! Query expansion: synonym sets and taxonomy mentions recognised in the typed words.
//!
//! Both are phrase tables over folded words: the longest expression that starts at a word
//! and covers whole typed words wins. A synonym brings its set's other expressions as
//! alternatives; a taxonomy mention (`SDG 3`, `goal 3`, `objetivo 4`, `C7 e-health`,
//! `e-health`, an SDG's or Action Line's name in one of the six languages) brings the tag
//! itself, matched in the index's facet fields, and is proposed to the caller as a filter.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::analysis::{folded_analyzer, tokens, Segmenter};
use crate::model::labels;
use crate::model::SuggestedFilter;
use crate::model::{ActionLine, Language, Sdg, Synonyms};

/// A table of expressions (as folded words) and what each stands for.
#[derive(Clone, Debug)]
pub struct PhraseTable<T> {
    by_words: HashMap<Vec<String>, Vec<T>>,
    /// Words of the longest expression.
    longest: usize,
}

impl<T: Clone> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_words: HashMap::new(),
            longest: 0,
        }
    }
}

impl<T: Clone + PartialEq> PhraseTable<T> {
    /// Adds an expression already split into folded words.
    pub fn insert(&mut self, words: Vec<String>, value: T) {
        if words.is_empty() {
            return;
        }
        self.longest = self.longest.max(words.len());
        let values = self.by_words.entry(words).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }

    /// The expressions matching `words` from its start, longest first, with their lengths:
    /// one lookup per length, however many expressions share a word.
    pub fn matches_at<'a>(&'a self, words: &[String]) -> Vec<(usize, &'a T)> {
        (1..=self.longest.min(words.len()))
            .rev()
            .filter_map(|len| self.by_words.get(&words[..len]).map(|v| (len, v)))
            .flat_map(|(len, values)| values.iter().map(move |v| (len, v)))
            .collect()
    }
}

/// Most alternatives one synonym brings to a query (a word shared by many sets would
/// otherwise bring thousands of clauses).
pub const MAX_ALTERNATIVES: usize = 16;

/// The synonym sets, ready for matching: each expression points at its set.
#[derive(Clone, Debug, Default)]
pub struct SynonymTable {
    /// Every set's expressions as folded words.
    pub sets: Vec<Vec<Vec<String>>>,
    table: PhraseTable<usize>,
    /// The list as the secretariat wrote it.
    pub source: Synonyms,
}

impl SynonymTable {
    /// Analyses every expression.
    pub fn new(synonyms: &Synonyms) -> SynonymTable {
        let mut folded = folded_analyzer(Segmenter::Query);
        let mut table = PhraseTable::default();
        let mut sets = Vec::with_capacity(synonyms.sets.len());
        for (i, set) in synonyms.sets.iter().enumerate() {
            let expressions: Vec<Vec<String>> = set
                .iter()
                .map(|e| tokens(&mut folded, e))
                .filter(|w| !w.is_empty())
                .collect();
            for words in &expressions {
                table.insert(words.clone(), i);
            }
            sets.push(expressions);
        }
        SynonymTable {
            sets,
            table,
            source: synonyms.clone(),
        }
    }

    /// The longest synonym starting at `words`: its length and the other expressions of its
    /// sets.
    pub fn expand(&self, words: &[String]) -> Option<(usize, Vec<Vec<String>>)> {
        self.expand_where(words, |_| true)
    }

    /// [`SynonymTable::expand`] for the longest synonym whose length `usable` accepts; at
    /// most [`MAX_ALTERNATIVES`] alternatives, from the sets in list order.
    pub fn expand_where(
        &self,
        words: &[String],
        usable: impl Fn(usize) -> bool,
    ) -> Option<(usize, Vec<Vec<String>>)> {
        let found: Vec<(usize, &usize)> = self
            .table
            .matches_at(words)
            .into_iter()
            .filter(|(len, _)| usable(*len))
            .collect();
        let (len, _) = *found.first()?;
        let matched = &words[..len];
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        let expressions = found
            .iter()
            .filter(|(l, _)| *l == len)
            .flat_map(|(_, set)| self.sets.get(**set).into_iter().flatten());
        for expression in expressions {
            if alternatives.len() == MAX_ALTERNATIVES {
                break;
            }
            if expression[..] != *matched && !alternatives.contains(expression) {
                alternatives.push(expression.clone());
            }
        }
        Some((len, alternatives))
    }
}

/// A taxonomy tag a query can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// An Action Line (or the C7 group).
    ActionLine(ActionLine),
    /// An SDG.
    Sdg(Sdg),
}

impl Tag {
    /// The search parameter that filters on it.
    pub fn facet(self) -> &'static str {
        match self {
            Tag::ActionLine(_) => "action_line",
            Tag::Sdg(_) => "sdg",
        }
    }

    /// The parameter's value.
    pub fn value(self) -> String {
        match self {
            Tag::ActionLine(line) => line.code().to_string(),
            Tag::Sdg(goal) => goal.number().to_string(),
        }
    }

    /// The filter it stands for, labelled in `lang`, found as `matched`.
    pub fn as_filter(self, lang: Language, matched: String) -> SuggestedFilter {
        SuggestedFilter {
            facet: self.facet(),
            value: self.value(),
            label: self.label(lang),
            matched,
        }
    }

    /// Its label in `lang`.
    pub fn label(self, lang: Language) -> String {
        match self {
            Tag::ActionLine(line) => labels::action_line_label(lang, line),
            Tag::Sdg(goal) => labels::sdg_label(lang, goal),
        }
    }
}

/// Words that introduce an SDG number, in the six languages.
const GOAL_WORDS: &[&str] = &[
    "sdg",
    "sdgs",
    "goal",
    "objetivo",
    "ods",
    "objectif",
    "odd",
    "цур",
    "цель",
    "الهدف",
    "هدف",
    "目标",
    "可持续发展目标",
];

/// Every way of naming a tag, as folded words.
pub fn tag_table() -> &'static PhraseTable<Tag> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<PhraseTable<Tag>> = OnceLock::new();
    TABLE.get_or_init(build_tag_table)
}

fn build_tag_table() -> PhraseTable<Tag> {
    let mut names = TagNames {
        folded: folded_analyzer(Segmenter::Query),
        table: PhraseTable::default(),
    };
    for goal in Sdg::all() {
        names.add_goal(goal);
    }
    for line in ActionLine::all() {
        if line.is_c7() {
            names.add_c7_line(line);
        } else {
            names.add_line(line);
        }
    }
    names.table
}

/// The tag table being built.
struct TagNames {
    folded: TextAnalyzer,
    table: PhraseTable<Tag>,
}

impl TagNames {
    /// Adds a way of naming a tag.
    fn add(&mut self, text: &str, tag: Tag) {
        let words = tokens(&mut self.folded, text);
        if !words.is_empty() {
            self.table.insert(words, tag);
        }
    }

    /// Adds a name of two words or more (one-word names, such as "Partnerships", are
    /// ordinary words).
    fn add_long(&mut self, text: &str, tag: Tag) {
        if tokens(&mut self.folded, text).len() >= 2 {
            self.add(text, tag);
        }
    }

    /// `SDG 3`, `goal 3`, `objetivo 3`…, `sdg3` and the goal's name in each language (in
    /// Chinese whatever its length).
    fn add_goal(&mut self, goal: Sdg) {
        let (tag, n) = (Tag::Sdg(goal), goal.number());
        for word in GOAL_WORDS {
            self.add(&format!("{word} {n}"), tag);
        }
        self.add(&format!("sdg{n}"), tag);
        for &lang in Language::ALL {
            let name = labels::sdg(lang, goal);
            if lang == Language::Zh {
                self.add(name, tag);
            } else {
                self.add_long(name, tag);
            }
        }
    }

    /// `C7.e-health`, `C7 e-health`, `e-health`, `ehealth` and the sub-line's title in each
    /// language, alone or after `C7`.
    fn add_c7_line(&mut self, line: ActionLine) {
        let tag = Tag::ActionLine(line);
        let sub = line.code().trim_start_matches("C7.");
        self.add(line.code(), tag);
        self.add(&format!("c7 {sub}"), tag);
        self.add(sub, tag);
        self.add(&sub.replace('-', ""), tag);
        for &lang in Language::ALL {
            let title = labels::action_line(lang, line);
            self.add(title, tag);
            self.add(&format!("c7 {title}"), tag);
        }
    }

    /// `C5` and the line's title in each language.
    fn add_line(&mut self, line: ActionLine) {
        let tag = Tag::ActionLine(line);
        self.add(line.code(), tag);
        for &lang in Language::ALL {
            self.add_long(labels::action_line(lang, line), tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(&mut folded_analyzer(Segmenter::Query), text)
    }

    fn tag_of(text: &str) -> Option<(usize, Tag)> {
        tag_table()
            .matches_at(&words(text))
            .first()
            .map(|(n, t)| (*n, **t))
    }

    #[test]
    fn goals_and_action_lines_are_recognised_in_several_languages() {
        let sdg = |n| Tag::Sdg(Sdg::new(n).unwrap());
        let line = |c| Tag::ActionLine(ActionLine::parse(c).unwrap());
        assert_eq!(tag_of("SDG 3 clinics"), Some((2, sdg(3))));
        assert_eq!(tag_of("Goal 4"), Some((2, sdg(4))));
        assert_eq!(tag_of("objetivo 4"), Some((2, sdg(4))));
        assert_eq!(tag_of("sdg3"), Some((1, sdg(3))));
        assert_eq!(tag_of("C7 e-health"), Some((3, line("C7.e-health"))));
        assert_eq!(tag_of("e-health"), Some((2, line("C7.e-health"))));
        assert_eq!(tag_of("C5"), Some((1, line("C5"))));
        assert_eq!(tag_of("quality education"), Some((2, sdg(4))));
        assert_eq!(tag_of("SDG 18"), None);
        assert_eq!(tag_of("health"), None);
    }

    #[test]
    fn a_word_shared_by_thousands_of_sets_brings_a_bounded_number_of_alternatives() {
        let sets = (0..crate::model::synonyms::MAX_SETS)
            .map(|i| {
                std::iter::once("health".to_string())
                    .chain((0..19).map(|j| format!("term{i}x{j}")))
                    .collect()
            })
            .collect();
        let table = SynonymTable::new(&Synonyms { sets });
        let (len, alts) = table.expand(&words("health clinics")).unwrap();
        assert_eq!(len, 1);
        assert_eq!(alts.len(), MAX_ALTERNATIVES);
        assert_eq!(alts[0], words("term0x0"), "the first sets come first");
    }

    #[test]
    fn synonyms_expand_to_the_other_expressions_of_their_set() {
        let table = SynonymTable::new(&Synonyms {
            sets: vec![vec![
                "ict".into(),
                "information and communication technologies".into(),
            ]],
        });
        let (len, alts) = table.expand(&words("ict for schools")).unwrap();
        assert_eq!(len, 1);
        assert_eq!(
            alts,
            vec![words("information and communication technologies")]
        );
        let (len, alts) = table
            .expand(&words("information and communication technologies in"))
            .unwrap();
        assert_eq!((len, alts), (4, vec![words("ict")]));
        assert!(table.expand(&words("schools")).is_none());
    }
}
