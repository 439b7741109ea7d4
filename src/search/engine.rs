//! The search engine: the tantivy index, its reader and what searches share (facet tables,
//! synonyms, analyzers, expansions). Searches, suggestions and statistics are its methods,
//! each in the file of its job.

use std::path::Path;
use std::sync::{Arc, RwLock};

use tantivy::schema::{Schema, Value};
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument, Warmer,
};

use super::analysis;
use super::error::SearchError;
use super::expansion::SynonymTable;
use super::facets::{FacetCache, FacetCounting, FacetWarmer};
use super::indexer::{CommitPayload, IndexerConfig, IndexerHandle};
use super::parallel::SearchParts;
use super::query::{ExpansionCache, QueryAnalyzers};
use super::schema::{self, Fields, SCHEMA_VERSION};
use super::snippet::{lead, Highlighter};
use crate::model::Hit;
use crate::model::HitSummary;
use crate::model::Synonyms;

/// Memory the index writer may use for buffering.
const WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;
/// The least each writer thread may have of it (tantivy's `MEMORY_BUDGET_NUM_BYTES_MIN`,
/// which it does not export): more threads than the buffer allows is an error.
const THREAD_HEAP_MIN_BYTES: usize = 15_000_000;

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
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    pub(super) facet_cache: Arc<FacetCache>,
    /// Kept alive here: the reader holds it only weakly.
    _warmer: Arc<dyn Warmer>,
    /// The synonym sets in force (replaced whole when the secretariat edits them).
    synonyms: RwLock<Arc<SynonymTable>>,
    /// Query analyzers, cloned for each search.
    pub(super) analyzers: QueryAnalyzers,
    /// Typo and prefix expansions of words already searched.
    pub(super) expansions: ExpansionCache,
    /// How many threads a search collects its matches on.
    pub(super) parts: SearchParts,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (or recreating it, when its schema is out of
    /// date) as needed.
    ///
    /// # Errors
    /// tantivy or file-system errors.
    pub fn open(
        dir: &Path,
        counting: FacetCounting,
    ) -> Result<(SearchIndex, IndexStart), SearchError> {
        let (schema, fields) = schema::build();
        let (index, start) = match reopen(dir, &schema)? {
            Some(found) => found,
            None => (create(dir, schema)?, IndexStart::Rebuild),
        };
        analysis::register(&index);
        let facet_cache = Arc::new(FacetCache::new(counting));
        let warmer: Arc<dyn Warmer> = Arc::new(FacetWarmer(facet_cache.clone()));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            // Hits are scattered: caching decompressed blocks costs more than it saves.
            .doc_store_cache_num_blocks(0)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        let engine = SearchIndex {
            index,
            reader,
            fields,
            facet_cache,
            _warmer: warmer,
            synonyms: RwLock::new(Arc::new(SynonymTable::new(&Synonyms::defaults()))),
            analyzers: QueryAnalyzers::default(),
            expansions: ExpansionCache::default(),
            parts: SearchParts::Auto,
        };
        Ok((engine, start))
    }

    /// The index, its searches collecting their matches in `parts`.
    #[must_use]
    pub fn with_parts(mut self, parts: SearchParts) -> SearchIndex {
        self.parts = parts;
        self
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
        let most = WRITER_HEAP_BYTES / THREAD_HEAP_MIN_BYTES;
        let writer = self
            .index
            .writer_with_num_threads(config.threads.clamp(1, most), WRITER_HEAP_BYTES)?;
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

    /// The hit of a document: its stored summary and a snippet of its description (the
    /// highlighted part, or its opening).
    pub(super) fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: Option<f32>,
        highlighter: Option<&mut Highlighter>,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let (summary, description) = self.stored(&doc).ok_or_else(|| {
            SearchError::Internal(format!("document {address:?} has no hit summary"))
        })?;
        let snippet = highlighter
            .and_then(|h| h.snippet(description, summary.language))
            .unwrap_or_else(|| lead(description));
        Ok(Hit {
            summary,
            snippet,
            score: score.map(|s| (s * 100.0).round() / 100.0),
        })
    }

    /// The hit summary and the description a document stores; `None` without a readable
    /// summary.
    pub(super) fn stored<'d>(&self, doc: &'d TantivyDocument) -> Option<(HitSummary, &'d str)> {
        let summary = doc
            .get_first(self.fields.hit)
            .and_then(|v| v.as_bytes())
            .and_then(|b| serde_json::from_slice(b).ok())?;
        let description = doc
            .get_first(self.fields.description)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        Some((summary, description))
    }
}

/// The index in `dir` and the log position it has applied, when it is of the current
/// schema; `None` when there is none or it is out of date.
fn reopen(dir: &Path, schema: &Schema) -> Result<Option<(Index, IndexStart)>, SearchError> {
    if !dir.join("meta.json").exists() {
        return Ok(None);
    }
    let index = Index::open_in_dir(dir)?;
    let payload = index
        .load_metas()?
        .payload
        .and_then(|p| serde_json::from_str::<CommitPayload>(&p).ok());
    Ok(match payload {
        Some(p) if p.schema == SCHEMA_VERSION && index.schema() == *schema => {
            Some((index, IndexStart::UpTo(p.seq)))
        }
        _ => None,
    })
}

/// A new, empty index in `dir` (whatever was there is removed).
fn create(dir: &Path, schema: Schema) -> Result<Index, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(Index::builder()
        .schema(schema)
        .settings(IndexSettings {
            // Small blocks: a hit decompresses 4 KiB, not 16.
            docstore_blocksize: 4096,
            ..IndexSettings::default()
        })
        .create_in_dir(dir)?)
}
