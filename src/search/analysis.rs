//! Text analysis for the six UN languages.
//!
//! Each project's text is indexed in its own language's fields, analysed by that language's
//! analyzer: stop words and Snowball stemming for English, French, Spanish and Russian;
//! normalisation (alef, hamza, ta marbuta and alef maksura forms, diacritics, tatweel), the
//! definite article and stemming for Arabic; jieba word segmentation for Chinese. Every
//! analyzer lower-cases and folds accents last, so `sante` meets `santé`.
//!
//! The `folded` analyzer (lower case and accents folded, no stemming, no stop words) feeds
//! the fields that typo tolerance, prefixes and exact phrases work on.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language as Snowball, LowerCaser, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::Index;
use tantivy_jieba::JiebaTokenizer;

use crate::model::Language;

/// Longest token kept, in bytes (longer ones are URLs or noise).
const LONGEST_TOKEN: usize = 40;

/// Name of the folded analyzer.
pub const FOLDED: &str = "folded";

/// Name of a language's analyzer for the index.
pub fn analyzer_name(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "text_ar",
        Language::Zh => "text_zh",
        Language::En => "text_en",
        Language::Fr => "text_fr",
        Language::Ru => "text_ru",
        Language::Es => "text_es",
    }
}

/// Registers every analyzer with the index.
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    for &lang in Language::ALL {
        manager.register(
            analyzer_name(lang),
            language_analyzer(lang, Segmenter::Index),
        );
    }
    manager.register(FOLDED, folded_analyzer(Segmenter::Index));
}

/// How Chinese runs are cut: every dictionary word (also the words inside longer ones) for the
/// index, the best single cut for queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segmenter {
    /// Documents: jieba's search mode.
    Index,
    /// Queries: jieba's default mode.
    Query,
}

/// An analyzer: words cut by a [`WordTokenizer`], overlong ones dropped, lower case, then
/// the given filters, and accents folded last.
macro_rules! analyzer {
    ($segmenter:expr $(, $filter:expr)* $(,)?) => {
        TextAnalyzer::builder(WordTokenizer::new($segmenter))
            .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
            .filter(LowerCaser)
            $(.filter($filter))*
            .filter(AsciiFoldingFilter)
            .build()
    };
}

/// The analyzer of one language.
pub fn language_analyzer(lang: Language, segmenter: Segmenter) -> TextAnalyzer {
    match lang {
        Language::Zh => analyzer!(segmenter),
        Language::Ar => analyzer!(
            segmenter,
            MapFilter(arabic_prestem),
            MapFilter(arabic_normalize),
            Stemmer::new(Snowball::Arabic),
        ),
        Language::Ru => analyzer!(
            segmenter,
            MapFilter(russian_yo),
            stop_words(Snowball::Russian),
            Stemmer::new(Snowball::Russian),
        ),
        Language::En | Language::Fr | Language::Es => {
            let snowball = match lang {
                Language::Fr => Snowball::French,
                Language::Es => Snowball::Spanish,
                _ => Snowball::English,
            };
            analyzer!(
                segmenter,
                MapFilter(strip_elision),
                stop_words(snowball),
                Stemmer::new(snowball),
            )
        }
    }
}

/// Lower case and accents folded, Arabic normalised: the form typo tolerance and prefixes
/// compare.
pub fn folded_analyzer(segmenter: Segmenter) -> TextAnalyzer {
    analyzer!(
        segmenter,
        MapFilter(russian_yo),
        MapFilter(arabic_normalize)
    )
}

/// A language's stop words, as a filter (every language used here has a list).
fn stop_words(lang: Snowball) -> StopWordFilter {
    StopWordFilter::new(lang).unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new()))
}

/// Whether a word is a stop word in any of the stemmed languages: such a query word is not
/// required.
pub fn is_stop_word(folded: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut words = std::collections::HashSet::new();
            for lang in [Language::En, Language::Fr, Language::Es, Language::Ru] {
                let mut plain = folded_analyzer(Segmenter::Query);
                let mut stopped = language_analyzer(lang, Segmenter::Query);
                for word in STOP_PROBES {
                    let mut s = plain.token_stream(word);
                    let Some(folded) = s.next().map(|t| t.text.clone()) else {
                        continue;
                    };
                    if stopped.token_stream(word).next().is_none() {
                        words.insert(folded);
                    }
                }
            }
            words
        })
        .contains(folded)
}

/// Short function words probed against each language's stop list (the lists themselves are
/// private to tantivy).
const STOP_PROBES: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with", "de", "la", "le", "les", "des", "du", "et", "en",
    "un", "une", "au", "aux", "pour", "par", "sur", "dans", "avec", "el", "los", "las", "del", "y",
    "para", "por", "con", "una", "al", "que", "и", "в", "на", "с", "по", "для", "о", "от", "к",
    "из", "не",
];

/// Splits text into words: runs of letters and digits, with runs of Chinese characters cut
/// into words by jieba. Positions count words (the words jieba finds inside a longer word,
/// at index time, share its position), so phrases match across scripts.
#[derive(Clone)]
pub struct WordTokenizer {
    simple: SimpleTokenizer,
    /// The best cut (positions), and the index-time cut with the words inside words.
    best: JiebaTokenizer,
    all: Option<JiebaTokenizer>,
    token: Token,
    tokens: Vec<Token>,
}

impl WordTokenizer {
    /// A tokenizer cutting Chinese as `segmenter` says.
    pub fn new(segmenter: Segmenter) -> WordTokenizer {
        WordTokenizer {
            simple: SimpleTokenizer::default(),
            best: JiebaTokenizer::with_search_mode(false),
            all: (segmenter == Segmenter::Index).then(|| JiebaTokenizer::with_search_mode(true)),
            token: Token::default(),
            tokens: Vec::new(),
        }
    }

    /// The words of a run of Chinese characters starting at byte `from`, numbered from
    /// `position`; the next free position.
    fn han_run(&mut self, run: &str, from: usize, mut position: usize) -> usize {
        // The best cut: each word's character span and its position.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        let mut stream = self.best.token_stream(run);
        while let Some(t) = stream.next() {
            if t.text.chars().any(char::is_alphanumeric) {
                spans.push((t.position, t.position + t.position_length, position));
                if self.all.is_none() {
                    self.tokens.push(shifted(t, from, position));
                }
                position += 1;
            }
        }
        if let Some(all) = self.all.as_mut() {
            let mut stream = all.token_stream(run);
            while let Some(t) = stream.next() {
                if !t.text.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let at = spans
                    .iter()
                    .find(|(start, end, _)| (*start..*end).contains(&t.position))
                    .map_or(position, |s| s.2);
                self.tokens.push(shifted(t, from, at));
            }
        }
        position
    }
}

/// A token of a substring starting at byte `from`, at `position`.
fn shifted(t: &Token, from: usize, position: usize) -> Token {
    Token {
        offset_from: t.offset_from + from,
        offset_to: t.offset_to + from,
        position,
        text: t.text.clone(),
        position_length: 1,
    }
}

/// Whether a character is written in Chinese (CJK ideographs and their punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3000..=0x303F)
}

/// The words of a [`WordTokenizer`].
pub struct WordStream<'a> {
    tokens: std::vec::IntoIter<Token>,
    simple: Option<tantivy::tokenizer::SimpleTokenStream<'a>>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        if !text.chars().any(is_han) {
            return WordStream {
                tokens: Vec::new().into_iter(),
                simple: Some(self.simple.token_stream(text)),
                token: &mut self.token,
            };
        }
        // Runs of Chinese go to jieba, the rest to the simple tokenizer.
        self.tokens.clear();
        let mut position = 0;
        let mut runs: Vec<(usize, usize, bool)> = Vec::new();
        for (i, c) in text.char_indices() {
            let han = is_han(c);
            match runs.last_mut() {
                Some(last) if last.2 == han => last.1 = i + c.len_utf8(),
                _ => runs.push((i, i + c.len_utf8(), han)),
            }
        }
        for (from, to, han) in runs {
            let run = &text[from..to];
            if han {
                position = self.han_run(run, from, position);
            } else {
                let mut stream = self.simple.token_stream(run);
                while let Some(t) = stream.next() {
                    let token = shifted(t, from, position);
                    self.tokens.push(token);
                    position += 1;
                }
            }
        }
        WordStream {
            tokens: std::mem::take(&mut self.tokens).into_iter(),
            simple: None,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(simple) = self.simple.as_mut() {
            return simple.advance();
        }
        match self.tokens.next() {
            Some(token) => {
                *self.token = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        match &self.simple {
            Some(simple) => simple.token(),
            None => self.token,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match &mut self.simple {
            Some(simple) => simple.token_mut(),
            None => self.token,
        }
    }
}

/// A filter that rewrites each token's text in place; a token left empty is dropped.
#[derive(Clone, Copy)]
pub struct MapFilter(pub fn(&mut String));

impl TokenFilter for MapFilter {
    type Tokenizer<T: Tokenizer> = MapFilterTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MapFilterTokenizer<T> {
        MapFilterTokenizer {
            inner: tokenizer,
            map: self.0,
        }
    }
}

/// A tokenizer followed by a [`MapFilter`].
#[derive(Clone)]
pub struct MapFilterTokenizer<T> {
    inner: T,
    map: fn(&mut String),
}

impl<T: Tokenizer> Tokenizer for MapFilterTokenizer<T> {
    type TokenStream<'a> = MapFilterStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapFilterStream {
            tail: self.inner.token_stream(text),
            map: self.map,
        }
    }
}

/// The stream of a [`MapFilterTokenizer`].
pub struct MapFilterStream<T> {
    tail: T,
    map: fn(&mut String),
}

impl<T: TokenStream> TokenStream for MapFilterStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            (self.map)(&mut self.tail.token_mut().text);
            if !self.tail.token().text.is_empty() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// `ё` is written `е` as often as not.
fn russian_yo(text: &mut String) {
    if text.contains('ё') {
        *text = text.replace('ё', "е");
    }
}

/// French and English elisions the simple tokenizer leaves as separate letters are dropped
/// with the stop words; here only a stray apostrophe form is cut (`l’éducation` arrives as
/// `l` and `éducation`, so nothing is left to do but drop lone `l`, `d`, `j`, `qu`).
fn strip_elision(text: &mut String) {
    if matches!(
        text.as_str(),
        "l" | "d" | "j" | "qu" | "s" | "n" | "c" | "m" | "t"
    ) {
        text.clear();
    }
}

/// Arabic before stemming: diacritics and tatweel removed, hamza-carrying alefs unified, and
/// the definite article (also after و ب ك ف ل) taken off.
fn arabic_prestem(text: &mut String) {
    if !text.chars().any(is_arabic) {
        return;
    }
    let mut out: String = text
        .chars()
        .filter(|c| !is_arabic_mark(*c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            c => c,
        })
        .collect();
    for article in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = out.strip_prefix(article) {
            if rest.chars().count() >= 2 {
                out = rest.to_string();
                break;
            }
        }
    }
    *text = out;
}

/// Arabic letter forms that writers interchange, unified: alefs, alef maksura, ta marbuta,
/// hamza on waw and ya; diacritics and tatweel removed.
fn arabic_normalize(text: &mut String) {
    if !text.chars().any(is_arabic) {
        return;
    }
    *text = text
        .chars()
        .filter(|c| !is_arabic_mark(*c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            'ئ' => 'ي',
            c => c,
        })
        .collect();
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Harakat, shadda, sukun, superscript alef and tatweel.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The analyzed forms of `text`, in order.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    positioned_tokens(analyzer, text)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

/// The analyzed forms of `text` with their positions.
pub fn positioned_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push((t.position, t.text.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(lang: Language, text: &str) -> Vec<String> {
        tokens(&mut language_analyzer(lang, Segmenter::Query), text)
    }

    /// Asserts that each pair of texts of `lang` analyse to the same words.
    fn assert_same_stems(lang: Language, pairs: &[(&str, &str)]) {
        for (a, b) in pairs {
            assert_eq!(stems(lang, a), stems(lang, b), "{a} ~ {b} ({lang:?})");
        }
    }

    #[test]
    fn accents_and_inflections_meet_in_every_stemmed_language() {
        assert_same_stems(
            Language::Fr,
            &[
                ("santé", "sante"),
                ("l'éducation numérique", "education numeriques"),
            ],
        );
        assert_same_stems(Language::Es, &[("vacunas", "vacuna")]);
        assert_same_stems(Language::Ru, &[("здравоохранения", "здравоохранение")]);
        assert_same_stems(Language::En, &[("clinics", "Clinic")]);
        assert!(stems(Language::En, "the of and").is_empty());
    }

    #[test]
    fn arabic_article_letter_forms_and_diacritics_are_normalised() {
        assert_same_stems(
            Language::Ar,
            &[
                ("الصحة", "صحة"),
                ("والصحة", "صحه"),
                ("إدارة", "ادارة"),
                ("صِحَّة", "صحة"),
            ],
        );
        assert!(!stems(Language::Ar, "صحة").is_empty());
    }

    #[test]
    fn chinese_is_cut_into_words_inside_sentences() {
        let mut index = language_analyzer(Language::Zh, Segmenter::Index);
        let doc = tokens(&mut index, "该项目为偏远村庄提供远程医疗服务。");
        let query = stems(Language::Zh, "远程医疗");
        assert!(!query.is_empty());
        for word in &query {
            assert!(doc.contains(word), "{word} in {doc:?}");
        }
        assert!(!doc.iter().any(|t| t == "。" || t.trim().is_empty()));
    }

    #[test]
    fn mixed_scripts_keep_latin_words_whole_and_positions_count_words() {
        let mut a = language_analyzer(Language::Fr, Segmenter::Query);
        let words = positioned_tokens(&mut a, "Santé publique « 健康 » à Lyon, COVID-19");
        let texts: Vec<&str> = words.iter().map(|(_, t)| t.as_str()).collect();
        assert!(
            texts.contains(&"sant") && texts.contains(&"lyon"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"covid") && texts.contains(&"19"),
            "{texts:?}"
        );
        let positions: Vec<usize> = words.iter().map(|(p, _)| *p).collect();
        assert!(positions.windows(2).all(|w| w[1] > w[0]), "{words:?}");
        // Words found inside a longer word share its position.
        let mut index = language_analyzer(Language::Zh, Segmenter::Index);
        let doc = positioned_tokens(&mut index, "远程医疗服务");
        let query = positioned_tokens(
            &mut language_analyzer(Language::Zh, Segmenter::Query),
            "远程医疗服务",
        );
        for (i, (_, w)) in query.iter().enumerate() {
            assert!(
                doc.iter().any(|(p, t)| t == w && *p == i),
                "{w} at {i} in {doc:?}"
            );
        }
    }

    #[test]
    fn folding_keeps_words_whole() {
        let mut f = folded_analyzer(Segmenter::Query);
        assert_eq!(
            tokens(&mut f, "Télémédecine, COVID-19"),
            ["telemedecine", "covid", "19"]
        );
        assert!(is_stop_word("the") && is_stop_word("de") && !is_stop_word("health"));
    }
}
