//! Snippets: the part of a description where the searched words are densest, HTML-escaped,
//! with `<mark>` around each match; or, when nothing is marked, the description's opening.
//!
//! Words are compared after the same analysis as the index (lower case, English stem). To stay
//! cheap, only words that share their first letters with a searched stem are stemmed.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use tantivy::tokenizer::TextAnalyzer;

use super::query::QueryAnalyzers;
use crate::model::Language;

/// Longest snippet, in bytes of source text.
pub const SNIPPET_BYTES: usize = 220;
/// Context kept before the first match of the window.
const LEAD_IN_BYTES: usize = 40;
/// Longest lead (the snippet when nothing is highlighted), in characters.
const LEAD_CHARS: usize = 220;

/// Escapes `& < > " '` for HTML text and attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The opening of a text, HTML-escaped, cut at a word boundary.
pub fn lead(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(LEAD_CHARS)
        .map(|(i, _)| text[..i].rfind(char::is_whitespace).unwrap_or(i));
    match cut {
        Some(end) => format!("{}…", escape_html(text[..end].trim_end())),
        None => escape_html(text),
    }
}

/// Highlights the words of one query, in whichever language a document is written.
pub struct Highlighter {
    words: Vec<String>,
    analyzers: QueryAnalyzers,
    by_language: Vec<Option<Option<Marks>>>,
}

/// What to mark in one language: the searched words' stems and their first letters.
struct Marks {
    stems: HashSet<String>,
    prefixes: Vec<String>,
    /// Finds the prefixes in a text at once when they are all ASCII.
    finder: Option<AhoCorasick>,
    stemmer: TextAnalyzer,
}

impl Highlighter {
    /// A highlighter for `words` (the typed words and their synonyms); `None` when nothing
    /// is to be marked.
    pub fn new(analyzers: QueryAnalyzers, words: Vec<String>) -> Option<Highlighter> {
        if words.iter().all(|w| w.trim().is_empty()) {
            return None;
        }
        Some(Highlighter {
            words,
            analyzers,
            by_language: (0..Language::ALL.len()).map(|_| None).collect(),
        })
    }

    /// The snippet of `text`, written in `lang`, or `None` when no searched word occurs.
    pub fn snippet(&mut self, text: &str, lang: Language) -> Option<String> {
        let slot = &mut self.by_language[lang.index()];
        if slot.is_none() {
            let stemmer = self.analyzers.language(lang).clone();
            *slot = Some(Marks::new(stemmer, &self.words));
        }
        slot.as_mut().and_then(|m| m.as_mut())?.snippet(text)
    }
}

impl Marks {
    /// Marks for `words` analyzed by `stemmer`; `None` when none survives analysis.
    fn new(mut stemmer: TextAnalyzer, words: &[String]) -> Option<Marks> {
        let mut stems = HashSet::new();
        for word in words {
            let mut stream = stemmer.token_stream(word);
            while let Some(token) = stream.next() {
                stems.insert(token.text.clone());
            }
        }
        if stems.is_empty() {
            return None;
        }
        let prefixes: Vec<String> = stems.iter().map(|s| s.chars().take(3).collect()).collect();
        let finder = prefixes
            .iter()
            .all(|p| p.is_ascii())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(&prefixes)
                    .ok()
            })
            .flatten();
        Some(Marks {
            stems,
            prefixes,
            finder,
            stemmer,
        })
    }

    /// Byte ranges of the matching words of `text`. Words are split as the index's tokenizer
    /// splits them (runs of letters and digits); only words that start like a searched stem
    /// are stemmed and compared.
    fn matches(&mut self, text: &str) -> Vec<(usize, usize)> {
        // Stems are accent-folded: a text with accents is scanned word by word.
        if !text.is_ascii() {
            return self.matches_by_scan(text);
        }
        let Some(finder) = self.finder.take() else {
            return self.matches_by_scan(text);
        };
        let mut found = Vec::new();
        for m in finder.find_iter(text) {
            let from = m.start();
            let starts_word = text[..from]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !starts_word {
                continue;
            }
            let to = text[from..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(i, _)| from + i);
            if self.is_stem(&text[from..to]) {
                found.push((from, to));
            }
        }
        self.finder = Some(finder);
        found
    }

    /// [`Highlighter::matches`] word by word, for prefixes that are not all ASCII.
    fn matches_by_scan(&mut self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let bytes = text.as_bytes();
        let mut start = None;
        let mut at = 0;
        while at <= bytes.len() {
            // ASCII bytes are classified directly; other characters are decoded.
            let (in_word, width) = match bytes.get(at) {
                None => (false, 1),
                Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
                Some(_) => text[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
            };
            if in_word {
                start.get_or_insert(at);
            } else if let Some(from) = start.take() {
                if self.is_match(&text[from..at]) {
                    found.push((from, at));
                }
            }
            at += width;
        }
        found
    }

    /// Whether a word, analyzed, is a searched stem (only words that start like one are
    /// analyzed).
    fn is_match(&mut self, word: &str) -> bool {
        let candidate = self
            .prefixes
            .iter()
            .any(|p| match word.as_bytes().get(..p.len()) {
                // No shorter word lowercases to a longer ASCII prefix.
                None if p.is_ascii() => false,
                Some(head) if p.is_ascii() && head.is_ascii() => {
                    head.eq_ignore_ascii_case(p.as_bytes())
                }
                // An accented word may fold to the prefix: leave it to the stemmer.
                _ if !word.is_ascii() => true,
                _ => {
                    let n = p.chars().count();
                    word.chars()
                        .flat_map(char::to_lowercase)
                        .take(n)
                        .eq(p.chars())
                }
            });
        candidate && self.is_stem(word)
    }

    /// Whether a word, analyzed, is a searched stem.
    fn is_stem(&mut self, word: &str) -> bool {
        let mut stream = self.stemmer.token_stream(word);
        stream.next().is_some_and(|t| self.stems.contains(&t.text))
    }

    /// The snippet, or `None` when no searched word occurs in `text`.
    fn snippet(&mut self, text: &str) -> Option<String> {
        let matches = self.matches(text);
        if matches.is_empty() {
            return None;
        }
        // The window starting at the match that has the most matches within reach.
        let mut best = (0, 0);
        let mut end = 0;
        for (i, (from, _)) in matches.iter().enumerate() {
            end = end.max(i);
            while end + 1 < matches.len()
                && matches[end + 1].1 <= from + SNIPPET_BYTES - LEAD_IN_BYTES
            {
                end += 1;
            }
            if end + 1 - i > best.1 {
                best = (i, end + 1 - i);
            }
        }
        let (first, first_end) = matches[best.0];
        let start = window_start(text, first);
        let stop = window_stop(text, start, first_end);
        let mut html = String::with_capacity(SNIPPET_BYTES * 2);
        if start > 0 {
            html.push('…');
        }
        let mut at = start;
        for &(from, to) in matches.iter().filter(|(f, t)| *f >= start && *t <= stop) {
            html.push_str(&escape_html(&text[at..from]));
            html.push_str("<mark>");
            html.push_str(&escape_html(&text[from..to]));
            html.push_str("</mark>");
            at = to;
        }
        html.push_str(&escape_html(&text[at..stop]));
        if stop < text.len() {
            html.push('…');
        }
        Some(html)
    }
}

/// Where the window opens: at a word start at most `LEAD_IN_BYTES` before the first match,
/// never after it.
fn window_start(text: &str, first: usize) -> usize {
    let earliest = ceil_boundary(text, first.saturating_sub(LEAD_IN_BYTES));
    if earliest == 0 {
        return 0;
    }
    match text[earliest..first].find(char::is_whitespace) {
        Some(ws) => {
            let at = earliest + ws;
            at + text[at..].chars().next().map(char::len_utf8).unwrap_or(0)
        }
        None => first,
    }
}

/// Where the window closes: at the end of a word at most `SNIPPET_BYTES` after `start`, never
/// before the end of the first match (a long unbroken token is cut mid-word).
fn window_stop(text: &str, start: usize, first_end: usize) -> usize {
    let limit = start + SNIPPET_BYTES;
    if limit >= text.len() {
        return text.len();
    }
    let limit = floor_boundary(text, limit.max(first_end));
    match text[first_end..limit].rfind(char::is_whitespace) {
        Some(ws) => first_end + ws,
        None => limit,
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextQuery;
    use crate::search::analysis::{language_analyzer, Segmenter};

    fn highlighter(q: &str) -> Marks {
        marks(q).unwrap()
    }

    /// `None` when every word is a stop word.
    fn marks(q: &str) -> Option<Marks> {
        let words: Vec<String> = TextQuery::parse(q)
            .unwrap()
            .clauses
            .into_iter()
            .filter(|c| !c.negated)
            .map(|c| c.text)
            .collect();
        Marks::new(language_analyzer(Language::En, Segmenter::Query), &words)
    }

    /// The snippet of `text` for the query `q`.
    fn marked(q: &str, text: &str) -> Option<String> {
        highlighter(q).snippet(text)
    }

    /// Asserts that the snippet of `text` for `q` holds `mark`.
    fn assert_marks(q: &str, text: &str, mark: &str) {
        let snippet = marked(q, text).unwrap_or_default();
        assert!(snippet.contains(mark), "{mark} in {snippet}");
    }

    #[test]
    fn each_language_is_marked_with_its_own_stems() {
        let mut h = Highlighter::new(QueryAnalyzers::default(), vec!["vacunas".into()]).unwrap();
        assert_eq!(
            h.snippet("Una vacuna nueva.", Language::Es).unwrap(),
            "Una <mark>vacuna</mark> nueva."
        );
        assert!(h.snippet("Une vaccination.", Language::Fr).is_none());
    }

    #[test]
    fn stemmed_matches_are_marked_and_html_is_escaped() {
        assert_eq!(
            marked("clinic", "Nurses <b>visit</b> rural Clinics & schools.").as_deref(),
            Some("Nurses &lt;b&gt;visit&lt;/b&gt; rural <mark>Clinics</mark> &amp; schools.")
        );
    }

    #[test]
    fn the_window_moves_to_the_matches_and_marks_ellipses() {
        let text = format!(
            "{} the telemedicine hub opened. {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        assert_marks("telemedicine", &text, "<mark>telemedicine</mark>");
        let s = marked("telemedicine", &text).unwrap_or_default();
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.len() < SNIPPET_BYTES + 40);
    }

    #[test]
    fn no_match_gives_none_and_excluded_words_are_not_marked() {
        assert_eq!(marked("solar", "Wind power only."), None);
        assert_eq!(
            marked("wind -solar", "Wind and solar.").as_deref(),
            Some("<mark>Wind</mark> and solar.")
        );
    }

    #[test]
    fn leads_are_escaped_and_cut_at_a_word() {
        assert_eq!(lead("a <b> & c"), "a &lt;b&gt; &amp; c");
        let long = "word ".repeat(100);
        let l = lead(&long);
        assert!(l.ends_with('…'));
        assert!(l.chars().count() <= LEAD_CHARS + 1);
    }

    #[test]
    fn a_long_unbroken_token_is_cut_without_panicking() {
        let text = format!(
            "Our telemedicine programme: https://example.org/programmes/digital-health/{} more",
            "resources/".repeat(30)
        );
        assert_marks("health", &text, "<mark>health</mark>");
        let text = format!("{}zzz{}", "a".repeat(300), "b".repeat(300));
        assert_eq!(
            marked("zzz", &text),
            None,
            "one token: no separate word 'zzz'"
        );
        let text = format!("{} zzz {}", "a".repeat(300), "b".repeat(300));
        assert_marks("zzz", &text, "<mark>zzz</mark>");
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = format!("{} télémédecine {}", "é".repeat(200), "ü".repeat(200));
        assert_marks("télémédecine", &text, "<mark>télémédecine</mark>");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn the_prefix_finder_marks_what_the_word_scan_marks(
                text in "[a-zA-Zé<>&\" /.:-]{0,400}",
                words in "[a-z]{1,6}( [a-z]{1,6}){0,2}",
            ) {
                let h = marks(&words);
                prop_assume!(h.as_ref().is_some_and(|h| h.finder.is_some()));
                let Some(mut h) = h else { return Ok(()) };
                prop_assert_eq!(h.matches(&text), h.matches_by_scan(&text));
            }

            #[test]
            fn snippets_never_panic_and_never_carry_raw_markup(
                text in "[a-zé<>&\" /.:-]{0,600}",
                word in "[a-zé]{1,6}",
            ) {
                let Some(mut h) = marks(&word) else { return Ok(()) };
                if let Some(s) = h.snippet(&text) {
                    let without_marks = s.replace("<mark>", "").replace("</mark>", "");
                    prop_assert!(!without_marks.contains('<') && !without_marks.contains('>'));
                    prop_assert!(s.contains("<mark>"));
                }
            }
        }
    }
}
