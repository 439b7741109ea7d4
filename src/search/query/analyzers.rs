//! The analyzers query text goes through: one per language, and the folded one.

use tantivy::tokenizer::TextAnalyzer;

use crate::model::Language;
use crate::search::analysis::{folded_analyzer, language_analyzer, Segmenter};

/// Analyzers for query text: one per language, and the folded one.
#[derive(Clone)]
pub struct QueryAnalyzers {
    languages: Vec<TextAnalyzer>,
    folded: TextAnalyzer,
}

impl Default for QueryAnalyzers {
    fn default() -> Self {
        QueryAnalyzers {
            languages: Language::ALL
                .iter()
                .map(|&l| language_analyzer(l, Segmenter::Query))
                .collect(),
            folded: folded_analyzer(Segmenter::Query),
        }
    }
}

impl QueryAnalyzers {
    /// The analyzer of one language.
    pub fn language(&mut self, lang: Language) -> &mut TextAnalyzer {
        &mut self.languages[lang.index()]
    }

    /// The folded analyzer.
    pub fn folded(&mut self) -> &mut TextAnalyzer {
        &mut self.folded
    }
}
