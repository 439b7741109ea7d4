//! The answers of a search: a page of hits with its facet counts and the filters its
//! words name, and the statistics' groups. The search engine fills them; the service
//! hands them out; they are the public JSON contract.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use chrono::NaiveDate;

use super::project::ProjectId;
use super::taxonomy::{ActionLine, Country, Language, Region, Sdg, Status};

/// One search hit.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// The stored summary.
    #[serde(flatten)]
    pub summary: HitSummary,
    /// HTML-escaped excerpt with `<mark>` around matched words.
    pub snippet: String,
    /// Relevance score (only when sorted by relevance).
    pub score: Option<f32>,
}

/// The answer to a search.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Projects matching the text and every filter.
    pub total: u64,
    /// Page number.
    pub page: u32,
    /// Hits per page.
    pub per_page: u32,
    /// Time spent, in milliseconds.
    pub took_ms: f64,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Disjunctive facet counts.
    pub facets: FacetCounts,
    /// Filters the text seems to ask for (`SDG 3` proposes `sdg=3`).
    pub suggested_filters: Vec<SuggestedFilter>,
    /// No project has every word typed: the hits have at least half of them, those with
    /// more first, and the counts are over them.
    pub partial_match: bool,
    /// Where the time went (for the metrics; not sent).
    #[serde(skip)]
    pub timings: SearchTimings,
}

/// The phases of one search.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SearchTimings {
    /// Analysing the text and planning the query (typo and prefix expansions).
    pub plan: std::time::Duration,
    /// Matching, ranking and counting every facet: one pass over the matches.
    pub match_and_count: std::time::Duration,
    /// Reading the page of hits and their snippets, and ordering the facet counts.
    pub hits: std::time::Duration,
}

/// Facet counts: per facet, (value, count) pairs, most frequent first (years in order).
/// Values with no document are left out unless they are selected as filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts(pub Vec<(&'static str, Vec<(String, u64)>)>);

impl FacetCounts {
    /// The counts of one facet.
    pub fn get(&self, facet: &str) -> Option<&[(String, u64)]> {
        self.0
            .iter()
            .find(|(name, _)| *name == facet)
            .map(|(_, v)| v.as_slice())
    }
}

impl Serialize for FacetCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Values<'a>(&'a [(String, u64)]);
        impl Serialize for Values<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, values) in &self.0 {
            m.serialize_entry(name, &Values(values))?;
        }
        m.end()
    }
}

/// Published projects counted by one or two facets.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct Groups {
    /// Projects that pass the filters.
    pub total: u64,
    /// The facets grouped by.
    pub group_by: Vec<&'static str>,
    /// One entry per value (pair of values) held by at least one project, in the
    /// taxonomy's order.
    pub groups: Vec<Group>,
}

/// One group: its value per facet, how many projects, and their share of the total.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The value of each facet grouped by, by facet name.
    #[serde(flatten)]
    pub values: std::collections::BTreeMap<&'static str, String>,
    /// Projects in the group.
    pub count: u64,
    /// `count / total` (projects with several values count in several groups).
    pub share: f64,
}

/// The part of a hit that is stored in the index.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HitSummary {
    /// Id.
    pub id: ProjectId,
    /// Title.
    pub title: String,
    /// Organization.
    pub organization: String,
    /// Countries.
    pub countries: Vec<Country>,
    /// Regions.
    pub regions: Vec<Region>,
    /// Action lines.
    pub action_lines: Vec<ActionLine>,
    /// SDGs.
    pub sdgs: Vec<Sdg>,
    /// COVID-19 response.
    pub covid19: bool,
    /// Status.
    pub status: Status,
    /// Start date, when known.
    pub start_date: Option<NaiveDate>,
    /// The language of the text.
    pub language: Language,
}

/// A filter that the words of a query (or of a suggestion) name.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct SuggestedFilter {
    /// The search parameter (`sdg`, `action_line`).
    pub facet: &'static str,
    /// Its value (`3`, `C7.e-health`).
    pub value: String,
    /// The tag's label in the request's language.
    pub label: String,
    /// The words that name it, as typed (or the label matched, in its own language).
    pub matched: String,
}
