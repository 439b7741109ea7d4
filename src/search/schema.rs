//! The tantivy schema: text fields for matching and snippets, u64 fields (indexed and fast)
//! for filters and facet counts, sort keys, and a stored hit summary.

use super::analysis;
use crate::model::Dim;
use crate::model::Language;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, SchemaBuilder, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Bumped whenever the schema or the analysis changes; an index of another version is rebuilt
/// from the store on start.
pub const SCHEMA_VERSION: u32 = 5;

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
    /// ITU-entity index, when ITU submitted it.
    pub itu_entity: Field,
    /// Scope index.
    pub scope: Field,
    /// Status index.
    pub status: Field,
    /// 1 for COVID-19 responses, else 0.
    pub covid19: Field,
    /// Start year.
    pub year: Field,
    /// The number of the call it answered (no value for none).
    pub call: Field,
    /// The day its submitter last confirmed it, as days since 1970-01-01
    /// ([`NEVER_CONFIRMED`](super::document::NEVER_CONFIRMED) if never).
    pub confirmed_day: Field,
    /// Start date as days since 1970-01-01.
    pub start_day: Field,
    /// Stable tie-breaker derived from the id.
    pub tiebreak: Field,
    /// JSON of the hit summary.
    pub hit: Field,
}

/// Names of the fast fields that are not facets. A facet's field is named as the API names
/// the facet ([`Dim::name`]): renaming either changes the schema (bump [`SCHEMA_VERSION`]).
pub mod names {
    /// Start day.
    pub const START_DAY: &str = "start_day";
    /// The day of the last confirmation.
    pub const CONFIRMED_DAY: &str = "confirmed_day";
    /// Title sort key.
    pub const TITLE_SORT: &str = "title_sort";
    /// Tie-breaker.
    pub const TIEBREAK: &str = "tiebreak";
}

impl Fields {
    /// The field of a facet.
    pub fn facet(&self, dim: Dim) -> Field {
        match dim {
            Dim::ActionLine => self.action_line,
            Dim::Sdg => self.sdg,
            Dim::Region => self.region,
            Dim::Country => self.country,
            Dim::StakeholderType => self.stakeholder_type,
            Dim::ItuEntity => self.itu_entity,
            Dim::Scope => self.scope,
            Dim::Status => self.status,
            Dim::Covid19 => self.covid19,
            Dim::Year => self.year,
            Dim::Call => self.call,
        }
    }
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
    let per_language = |b: &mut SchemaBuilder, part: &str| -> PerLanguage {
        let mut field = |lang: Language| {
            b.add_text_field(
                &format!("{part}_{}", lang.code()),
                text(analysis::analyzer_name(lang)),
            )
        };
        // `Language::ALL` is in index order.
        std::array::from_fn(|i| field(Language::ALL[i]))
    };
    let facet = |b: &mut SchemaBuilder, dim: Dim| {
        b.add_u64_field(dim.name(), NumericOptions::from(INDEXED | FAST))
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        text: per_language(&mut b, "text"),
        all_folded: b.add_text_field("all_folded", text(analysis::FOLDED)),
        title_folded: b.add_text_field("title_folded", text(analysis::FOLDED)),
        org_folded: b.add_text_field("org_folded", text(analysis::FOLDED)),
        description: b.add_text_field("description", STORED),
        title_sort: b.add_text_field(names::TITLE_SORT, TextOptions::default().set_fast("raw")),
        action_line: facet(&mut b, Dim::ActionLine),
        sdg: facet(&mut b, Dim::Sdg),
        region: facet(&mut b, Dim::Region),
        country: facet(&mut b, Dim::Country),
        stakeholder_type: facet(&mut b, Dim::StakeholderType),
        itu_entity: facet(&mut b, Dim::ItuEntity),
        scope: facet(&mut b, Dim::Scope),
        status: facet(&mut b, Dim::Status),
        covid19: facet(&mut b, Dim::Covid19),
        year: facet(&mut b, Dim::Year),
        call: facet(&mut b, Dim::Call),
        confirmed_day: b.add_i64_field(names::CONFIRMED_DAY, NumericOptions::from(INDEXED | FAST)),
        start_day: b.add_i64_field(names::START_DAY, FAST),
        tiebreak: b.add_u64_field(names::TIEBREAK, FAST),
        hit: b.add_bytes_field("hit", STORED),
    };
    (b.build(), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_and_languages_have_the_fields_of_their_names() {
        let (schema, fields) = build();
        for dim in Dim::ALL {
            assert_eq!(schema.get_field(dim.name()).ok(), Some(fields.facet(dim)));
            assert!(
                schema.get_field_entry(fields.facet(dim)).is_fast(),
                "{dim:?}"
            );
        }
        for &lang in Language::ALL {
            let name = schema.get_field_name(fields.text[lang.index()]);
            assert_eq!(name, format!("text_{}", lang.code()));
        }
    }
}
