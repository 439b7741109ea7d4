//! What a text query is planned against: the index as of one search and the settings in
//! force.

use tantivy::Searcher;

use super::expansion_cache::ExpansionCache;
use super::features::Features;
use crate::model::Language;
use crate::search::expansion::SynonymTable;
use crate::search::schema::Fields;

/// What a text query is planned against.
pub struct TextContext<'a> {
    /// The index as of this search.
    pub searcher: &'a Searcher,
    /// Typo and prefix expansions already looked up.
    pub cache: &'a ExpansionCache,
    /// The index's fields.
    pub fields: &'a Fields,
    /// The synonym sets in force.
    pub synonyms: &'a SynonymTable,
    /// The ranking features on.
    pub features: Features,
    /// The request's language (suggested filters are labelled in it).
    pub lang: Language,
}
