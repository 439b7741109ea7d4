//! The tantivy schema: text fields for matching and snippets, u64 fields (indexed and fast)
//! for filters and facet counts, sort keys, and a stored hit summary.

use super::analysis;
use crate::model::Language;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED, STRING,
};

/// Bumped whenever the schema or the analysis changes; an index of another version is rebuilt
/// from the store on start.
pub const SCHEMA_VERSION: u32 = 4;

/// Per-language text fields, indexed by [`Language::index`].
pub type PerLanguage = [Field; 6];

/// Handles of every field.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Project id (raw string; used to replace a document).
    pub id: Field,
    /// Everything searchable, in the field of the project's language (analysed there): the
    /// title three times and the organization twice, so that BM25 weighs a title match
    /// above an organization match above a description match, with one posting list per
    /// word and language.
    pub text: PerLanguage,
    /// Title, organization and description folded but not stemmed: typo tolerance, prefixes
    /// and exact phrases.
    pub all_folded: Field,
    /// The title folded (prefixes for suggestions, exact title phrases).
    pub title_folded: Field,
    /// The organization folded.
    pub org_folded: Field,
    /// Description (stored only, for snippets).
    pub description: Field,
    /// Lower-cased title, a fast field for sorting by title.
    pub title_sort: Field,
    /// Action-line indexes, including the `C7` group when any C7 line is tagged.
    pub action_line: Field,
    /// SDG numbers.
    pub sdg: Field,
    /// Region indexes.
    pub region: Field,
    /// Country indexes.
    pub country: Field,
    /// Stakeholder-type index.
    pub stakeholder_type: Field,
    /// Scope index.
    pub scope: Field,
    /// Status index.
    pub status: Field,
    /// 1 for COVID-19 responses, else 0.
    pub covid19: Field,
    /// Start year.
    pub year: Field,
    /// Start date as days since 1970-01-01.
    pub start_day: Field,
    /// Stable tie-breaker derived from the id.
    pub tiebreak: Field,
    /// JSON of the hit summary.
    pub hit: Field,
}

/// Names of the fast fields the facet collector reads.
pub mod names {
    /// Action lines.
    pub const ACTION_LINE: &str = "action_line";
    /// SDGs.
    pub const SDG: &str = "sdg";
    /// Regions.
    pub const REGION: &str = "region";
    /// Countries.
    pub const COUNTRY: &str = "country";
    /// Stakeholder type.
    pub const STAKEHOLDER_TYPE: &str = "stakeholder_type";
    /// Scope.
    pub const SCOPE: &str = "scope";
    /// Status.
    pub const STATUS: &str = "status";
    /// COVID-19 flag.
    pub const COVID19: &str = "covid19";
    /// Start year.
    pub const YEAR: &str = "year";
    /// Start day.
    pub const START_DAY: &str = "start_day";
    /// Title sort key.
    pub const TITLE_SORT: &str = "title_sort";
    /// Tie-breaker.
    pub const TIEBREAK: &str = "tiebreak";
}

/// Builds the schema and returns it with the field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let per_language = |b: &mut tantivy::schema::SchemaBuilder, part: &str| -> PerLanguage {
        let mut field = |lang: Language| {
            b.add_text_field(
                &format!("{part}_{}", lang.code()),
                text(analysis::analyzer_name(lang)),
            )
        };
        [
            field(Language::Ar),
            field(Language::Zh),
            field(Language::En),
            field(Language::Fr),
            field(Language::Ru),
            field(Language::Es),
        ]
    };
    let facet = || NumericOptions::from(INDEXED | FAST);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        text: per_language(&mut b, "text"),
        all_folded: b.add_text_field("all_folded", text(analysis::FOLDED)),
        title_folded: b.add_text_field("title_folded", text(analysis::FOLDED)),
        org_folded: b.add_text_field("org_folded", text(analysis::FOLDED)),
        description: b.add_text_field("description", STORED),
        title_sort: b.add_text_field(names::TITLE_SORT, TextOptions::default().set_fast("raw")),
        action_line: b.add_u64_field(names::ACTION_LINE, facet()),
        sdg: b.add_u64_field(names::SDG, facet()),
        region: b.add_u64_field(names::REGION, facet()),
        country: b.add_u64_field(names::COUNTRY, facet()),
        stakeholder_type: b.add_u64_field(names::STAKEHOLDER_TYPE, facet()),
        scope: b.add_u64_field(names::SCOPE, facet()),
        status: b.add_u64_field(names::STATUS, facet()),
        covid19: b.add_u64_field(names::COVID19, facet()),
        year: b.add_u64_field(names::YEAR, facet()),
        start_day: b.add_i64_field(names::START_DAY, FAST),
        tiebreak: b.add_u64_field(names::TIEBREAK, FAST),
        hit: b.add_bytes_field("hit", STORED),
    };
    (b.build(), fields)
}
