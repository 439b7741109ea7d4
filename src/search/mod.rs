//! The search side: a tantivy index that is a rebuildable view of the published projects.
//!
//! It is fed [`IndexBatch`]es through the [`IndexerHandle`] and answers [`SearchRequest`]s
//! from the index alone (fast fields for counts, stored summaries for hits). It knows nothing
//! of sled: the service layer feeds it, so another engine could take its place.

pub mod analysis;
pub mod document;
pub mod expansion;
pub mod facets;
pub mod indexer;
pub mod query;
pub mod related;
pub mod schema;
pub mod snippet;
pub mod suggest;
pub mod tagging;

use std::path::Path;

use crate::model::Filters;
use std::time::Instant;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::sync::{Arc, RwLock};

use tantivy::collector::sort_key::{SortByStaticFastValue, SortByString};
use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, Order, ReloadPolicy, Searcher, TantivyDocument,
    Warmer,
};

pub use document::{HitSummary, IndexDoc};
pub use expansion::{SuggestedFilter, SynonymTable, Tag};
pub use facets::Dim;
pub use indexer::{CommitPayload, IndexBatch, IndexOp, IndexerConfig, IndexerHandle};
pub use query::{Features, QueryAnalyzers};
pub use suggest::{Suggestions, TitleSuggestion};
pub use tagging::{ActionLineSuggestion, Reason, SdgSuggestion, TagSuggestions, TagWeights};

use crate::model::{
    ActionLine, Country, ProjectId, Region, Scope, SearchRequest, SortOrder, StakeholderType,
    Status, Synonyms, UNKNOWN_YEAR_LABEL,
};
use facets::{ActiveFilters, FacetCache, FacetTally, FacetWarmer, FacetsAndTop, Ranking};
use schema::{names, Fields, SCHEMA_VERSION};

/// Longest lead (the snippet when nothing is highlighted), in characters.
const SNIPPET_CHARS: usize = 220;
/// Memory the index writer may use for buffering.
const WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;

/// Search failures (all internal: bad input is caught when the request is parsed).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be prepared.
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    /// The indexer thread has stopped.
    #[error("the indexer has stopped")]
    Closed,
    /// Anything else.
    #[error("{0}")]
    Internal(String),
}

/// How an opened index relates to the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexStart {
    /// The index has applied the log up to this sequence number.
    UpTo(u64),
    /// The index is new or of another schema: rebuild it from the store.
    Rebuild,
}

/// The index and its reader.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    facet_cache: Arc<FacetCache>,
    /// Kept alive here: the reader holds it only weakly.
    _warmer: Arc<dyn Warmer>,
    /// The synonym sets in force (replaced whole when the secretariat edits them).
    synonyms: RwLock<Arc<SynonymTable>>,
    /// Query analyzers, cloned for each search.
    analyzers: QueryAnalyzers,
    /// Typo and prefix expansions of words already searched.
    expansions: query::ExpansionCache,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (or recreating it, when its schema is out of
    /// date) as needed.
    ///
    /// # Errors
    /// tantivy or file-system errors.
    pub fn open(dir: &Path) -> Result<(SearchIndex, IndexStart), SearchError> {
        let (schema, fields) = schema::build();
        let mut start = IndexStart::Rebuild;
        let index = if dir.join("meta.json").exists() {
            let index = Index::open_in_dir(dir)?;
            let payload = index
                .load_metas()?
                .payload
                .and_then(|p| serde_json::from_str::<CommitPayload>(&p).ok());
            match payload {
                Some(p) if p.schema == SCHEMA_VERSION && index.schema() == schema => {
                    start = IndexStart::UpTo(p.seq);
                    Some(index)
                }
                _ => None,
            }
        } else {
            None
        };
        let index = match index {
            Some(index) => {
                analysis::register(&index);
                index
            }
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir)?;
                }
                std::fs::create_dir_all(dir)?;
                let index = Index::builder()
                    .schema(schema)
                    .settings(IndexSettings {
                        // Small blocks: a hit decompresses 4 KiB, not 16.
                        docstore_blocksize: 4096,
                        ..IndexSettings::default()
                    })
                    .create_in_dir(dir)?;
                analysis::register(&index);
                index
            }
        };
        let facet_cache = Arc::new(FacetCache::default());
        let warmer: Arc<dyn Warmer> = Arc::new(FacetWarmer(facet_cache.clone()));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            // Hits are scattered: caching decompressed blocks costs more than it saves.
            .doc_store_cache_num_blocks(0)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        Ok((
            SearchIndex {
                index,
                reader,
                fields,
                facet_cache,
                _warmer: warmer,
                synonyms: RwLock::new(Arc::new(SynonymTable::new(&Synonyms::defaults()))),
                analyzers: QueryAnalyzers::default(),
                expansions: query::ExpansionCache::default(),
            },
            start,
        ))
    }

    /// Starts the indexer thread, which takes the index's single writer.
    ///
    /// # Errors
    /// When another writer holds the index, or the thread cannot start.
    pub fn start_indexer(
        &self,
        start_seq: u64,
        config: IndexerConfig,
    ) -> Result<IndexerHandle, SearchError> {
        // Half the cores: the other half stays with the writers feeding the index (a bulk
        // import parses and stores while the index catches up) and with searches.
        let threads = std::thread::available_parallelism()
            .map(|n| (n.get() / 2).clamp(1, 4))
            .unwrap_or(1);
        let writer = self
            .index
            .writer_with_num_threads(threads, WRITER_HEAP_BYTES)?;
        IndexerHandle::start(
            writer,
            self.reader.clone(),
            self.fields.clone(),
            start_seq,
            config,
        )
    }

    /// Number of searchable documents.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Number of index segments (each search visits every one).
    pub fn segment_count(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Runs a search: hits of the requested page and exact disjunctive facet counts.
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, SearchError> {
        self.search_with(req, Features::ALL)
    }

    /// Replaces the synonym sets; the next search uses them.
    pub fn set_synonyms(&self, synonyms: &Synonyms) {
        let table = Arc::new(SynonymTable::new(synonyms));
        match self.synonyms.write() {
            Ok(mut guard) => *guard = table,
            Err(poisoned) => *poisoned.into_inner() = table,
        }
    }

    /// The synonym sets in force.
    pub fn synonyms(&self) -> Arc<SynonymTable> {
        match self.synonyms.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// [`SearchIndex::search`] with some ranking features turned off (for measuring them).
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn search_with(
        &self,
        req: &SearchRequest,
        features: Features,
    ) -> Result<SearchResults, SearchError> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let mut analyzers = self.analyzers.clone();
        let synonyms = self.synonyms();
        let plan = query::text_query(
            &searcher,
            &self.expansions,
            &self.fields,
            &mut analyzers,
            &synonyms,
            &req.text,
            features,
            req.lang,
        );
        let text = plan.query;
        let planned = started.elapsed();
        let filters = ActiveFilters::from_filters(&req.filters);
        let has_text = text.is_some();
        let ranking = match req.sort {
            SortOrder::Relevance if has_text => Some(Ranking::Score),
            SortOrder::Relevance | SortOrder::Newest => Some(Ranking::Newest),
            SortOrder::Oldest => Some(Ranking::Oldest),
            SortOrder::Title => None,
        };
        let wanted = req.offset() + req.per_page as usize;
        let scan = |query: &dyn Query| -> Result<facets::Collected, SearchError> {
            let top = ranking.map(|r| (r, wanted));
            let collector = FacetsAndTop::new(self.facet_cache.clone(), filters.clone(), top);
            Ok(searcher.search(query, &collector)?)
        };
        // What to scan: the text matches when there is text (filters are checked in memory);
        // otherwise the precomputed counts of all documents and, with filters, the documents
        // that pass the most selective one or two of them.
        let mut partial_match = false;
        let mut text = text;
        let collected = match &text {
            Some(q) => {
                let strict = scan(&**q)?;
                match &plan.relaxed {
                    // No document has every word, whatever the filters: take those with
                    // most of them.
                    Some(relaxed) if strict.tally.is_empty() => {
                        partial_match = true;
                        let c = scan(&**relaxed)?;
                        text = Some(relaxed.box_clone());
                        c
                    }
                    _ => strict,
                }
            }
            None => {
                let all = facets::all_docs_tally(&self.facet_cache, &searcher)?;
                let mut by_selectivity: Vec<&(Dim, facets::Accept)> = filters.0.iter().collect();
                by_selectivity.sort_by_key(|(d, a)| all.estimate(*d, a));
                match by_selectivity.as_slice() {
                    [] => facets::Collected {
                        top: match ranking {
                            Some(r) => {
                                facets::all_docs_top(&self.facet_cache, &searcher, r, wanted)?
                            }
                            None => Vec::new(),
                        },
                        tally: all,
                    },
                    [(dim, accept)] => {
                        let mut c = scan(&*query::filter_query(&self.fields, *dim, accept))?;
                        // Counted without its own filter: over every document.
                        c.tally.take_counts(*dim, &all);
                        c
                    }
                    [(d0, a0), (d1, a1), ..] => {
                        // A document failing at most one filter passes one of these two.
                        let q0 = query::filter_query(&self.fields, *d0, a0);
                        let q1 = query::filter_query(&self.fields, *d1, a1);
                        scan(&*query::either(q0, q1))?
                    }
                }
            }
        };
        let tally = collected.tally;
        let top: Vec<(Option<f32>, DocAddress)> = match ranking {
            Some(r) => collected
                .top
                .iter()
                .skip(req.offset())
                .map(|c| ((r == Ranking::Score).then_some(c.score), c.address))
                .collect(),
            None => {
                let hit_query = query::hit_query(&self.fields, text.as_deref(), &filters);
                self.by_title(&searcher, &*hit_query, req)?
            }
        };

        let collected_at = started.elapsed();
        let mut highlighter = snippet::Highlighter::new(analyzers, plan.marks);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            hits.push(self.hit(&searcher, address, score, highlighter.as_mut())?);
        }
        let facets = FacetCounts::from_tally(&tally, req);
        let timings = SearchTimings {
            plan: planned,
            match_and_count: collected_at.saturating_sub(planned),
            hits: started.elapsed().saturating_sub(collected_at),
        };
        Ok(SearchResults {
            total: tally.total,
            page: req.page,
            per_page: req.per_page,
            took_ms: (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
            hits,
            facets,
            suggested_filters: plan.suggested,
            partial_match,
            timings,
        })
    }

    /// Hits sorted by title (the collector ranks by score or date; titles need the string
    /// fast field).
    /// Published projects that share the most words with `text`, best first: the candidates
    /// of a duplicate check.
    ///
    /// # Errors
    /// Internal tantivy errors only.
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<ProjectId>, SearchError> {
        use tantivy::query::{BooleanQuery, Occur, TermQuery};
        let searcher = self.reader.searcher();
        let mut analyzers = self.analyzers.clone();
        let words: std::collections::BTreeSet<String> = analysis::tokens(analyzers.folded(), text)
            .into_iter()
            .filter(|w| !analysis::is_stop_word(w))
            .collect();
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .into_iter()
            .take(64)
            .map(|w| {
                let term = tantivy::Term::from_field_text(self.fields.all_folded, &w);
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    term,
                    tantivy::schema::IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            ids.push(self.hit(&searcher, address, None, None)?.summary.id);
        }
        Ok(ids)
    }

    fn by_title(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        req: &SearchRequest,
    ) -> Result<Vec<(Option<f32>, DocAddress)>, SearchError> {
        let top = TopDocs::with_limit(req.per_page as usize).and_offset(req.offset());
        let tiebreak = (
            SortByStaticFastValue::<u64>::for_field(names::TIEBREAK),
            Order::Asc,
        );
        let by_title = (SortByString::for_field(names::TITLE_SORT), Order::Asc);
        Ok(searcher
            .search(query, &top.order_by((by_title, tiebreak)))?
            .into_iter()
            .map(|(_, a)| (None, a))
            .collect())
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: Option<f32>,
        highlighter: Option<&mut snippet::Highlighter>,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let summary: HitSummary = doc
            .get_first(self.fields.hit)
            .and_then(|v| v.as_bytes())
            .and_then(|b| serde_json::from_slice(b).ok())
            .ok_or_else(|| {
                SearchError::Internal(format!("document {address:?} has no hit summary"))
            })?;
        let description = doc
            .get_first(self.fields.description)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let language = summary.language;
        let snippet = highlighter
            .and_then(|h| h.snippet(description, language))
            .unwrap_or_else(|| lead(description));
        Ok(Hit {
            summary,
            snippet,
            score: score.map(|s| (s * 100.0).round() / 100.0),
        })
    }
}

/// The opening of a text, HTML-escaped, cut at a word boundary.
fn lead(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map(|(i, _)| text[..i].rfind(char::is_whitespace).unwrap_or(i));
    match cut {
        Some(end) => format!("{}…", escape_html(text[..end].trim_end())),
        None => escape_html(text),
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

impl SearchIndex {
    /// Published projects that pass `filters`, counted by one or two facets.
    ///
    /// # Errors
    /// Index errors.
    pub fn group(
        &self,
        filters: &Filters,
        dims: (Dim, Option<Dim>),
    ) -> Result<Groups, SearchError> {
        let searcher = self.reader.searcher();
        let active = ActiveFilters::from_filters(filters);
        let (total, counts) = facets::group_counts(&self.facet_cache, &searcher, &active, dims)?;
        let mut keys: Vec<(u64, u64)> = counts.keys().copied().collect();
        let order = |dim: Option<Dim>, v: u64| match dim {
            Some(Dim::Year) => year_order(v),
            _ => v,
        };
        keys.sort_unstable_by_key(|(a, b)| (order(Some(dims.0), *a), order(dims.1, *b)));
        let groups = keys
            .into_iter()
            .filter_map(|(a, b)| {
                let mut values = std::collections::BTreeMap::new();
                values.insert(dims.0.name(), label(dims.0, a)?);
                if let Some(second) = dims.1 {
                    values.insert(second.name(), label(second, b)?);
                }
                let count = counts.get(&(a, b)).copied().unwrap_or(0);
                Some(Group {
                    values,
                    count,
                    share: if total == 0 {
                        0.0
                    } else {
                        count as f64 / total as f64
                    },
                })
            })
            .collect();
        Ok(Groups {
            total,
            group_by: std::iter::once(dims.0.name())
                .chain(dims.1.map(Dim::name))
                .collect(),
            groups,
        })
    }
}

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
    fn from_tally(tally: &FacetTally, req: &SearchRequest) -> FacetCounts {
        let mut out = Vec::with_capacity(Dim::ALL.len());
        for dim in Dim::ALL {
            let mut values: Vec<(u64, String, u64)> = tally
                .counts(dim)
                .filter_map(|(value, count)| {
                    let selected = is_selected(dim, value, req);
                    if count == 0 && !selected {
                        return None;
                    }
                    label(dim, value).map(|code| (value, code, count))
                })
                .collect();
            if dim == Dim::Year {
                values.sort_by_key(|v| year_order(v.0));
            } else {
                values.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            }
            out.push((
                dim.name(),
                values.into_iter().map(|(_, code, n)| (code, n)).collect(),
            ));
        }
        FacetCounts(out)
    }

    /// The counts of one facet.
    pub fn get(&self, facet: &str) -> Option<&[(String, u64)]> {
        self.0
            .iter()
            .find(|(name, _)| *name == facet)
            .map(|(_, v)| v.as_slice())
    }
}

fn is_selected(dim: Dim, value: u64, req: &SearchRequest) -> bool {
    let f = &req.filters;
    let v = value as usize;
    match dim {
        Dim::ActionLine => f.action_lines.iter().any(|a| a.index() == v),
        Dim::Sdg => f.sdgs.iter().any(|s| s.number() as usize == v),
        Dim::Region => f.regions.iter().any(|r| r.index() == v),
        Dim::Country => f.countries.iter().any(|c| c.index() == v),
        Dim::StakeholderType => f.stakeholder_types.iter().any(|s| s.index() == v),
        Dim::Scope => f.scopes.iter().any(|s| s.index() == v),
        Dim::Status => f.statuses.iter().any(|s| s.index() == v),
        Dim::Covid19 => f.covid19.map(usize::from) == Some(v),
        Dim::Year => false,
    }
}

fn label(dim: Dim, value: u64) -> Option<String> {
    let v = value as usize;
    Some(match dim {
        Dim::ActionLine => ActionLine::from_index(v)?.code().to_string(),
        Dim::Sdg => value.to_string(),
        Dim::Region => Region::ALL.get(v)?.code().to_string(),
        Dim::Country => Country::from_index(v)?.code().to_string(),
        Dim::StakeholderType => StakeholderType::ALL.get(v)?.code().to_string(),
        Dim::Scope => Scope::ALL.get(v)?.code().to_string(),
        Dim::Status => Status::ALL.get(v)?.code().to_string(),
        Dim::Covid19 => if value == 1 { "true" } else { "false" }.to_string(),
        Dim::Year if value == document::UNKNOWN_YEAR => UNKNOWN_YEAR_LABEL.to_string(),
        Dim::Year => value.to_string(),
    })
}

/// Years in order, the unknown year last.
fn year_order(year: u64) -> u64 {
    if year == document::UNKNOWN_YEAR {
        u64::MAX
    } else {
        year
    }
}

impl utoipa::PartialSchema for FacetCounts {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, SchemaType, Type};
        let counts = || {
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::Object))
                .description(Some(
                    "Projects per value (code, goal number, year or `unknown`, true/false).",
                ))
                .additional_properties(Some(AdditionalProperties::RefOr(
                    ObjectBuilder::new()
                        .schema_type(SchemaType::new(Type::Integer))
                        .minimum(Some(0))
                        .into(),
                )))
                .build()
        };
        let mut facets = ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Object))
            .description(Some(
                "Disjunctive counts per facet: each facet counted with every filter but its own.",
            ));
        for dim in Dim::ALL {
            facets = facets.property(dim.name(), counts()).required(dim.name());
        }
        facets.into()
    }
}

impl utoipa::ToSchema for FacetCounts {}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_are_escaped_and_cut_at_a_word() {
        assert_eq!(lead("a <b> & c"), "a &lt;b&gt; &amp; c");
        let long = "word ".repeat(100);
        let l = lead(&long);
        assert!(l.ends_with('…'));
        assert!(l.chars().count() <= SNIPPET_CHARS + 1);
    }
}
