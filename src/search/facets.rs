//! Exact disjunctive facet counts and the top hits, in one pass over the index.
//!
//! Each facet is counted over the documents that match the text and every *other* facet's
//! filter. The collector runs over the documents that fail at most one filter (the query
//! builder restricts the scan to those): a document failing none counts for every facet and
//! is a hit candidate; a document failing exactly one filter counts only for that filter's
//! facet.
//!
//! Per-document facet values are decoded once per segment from the fast fields into a
//! compact in-memory table ([`SegmentFacetData`]), built by a tantivy warmer when a new
//! searcher is published, so the scan is a few bit operations per document.

use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::{
    DocAddress, DocId, Score, SearcherGeneration, SegmentOrdinal, SegmentReader, Warmer,
};

use super::document::{UNKNOWN_START_DAY, UNKNOWN_YEAR};
use super::schema::names;
use crate::model::{ActionLine, Country, Filters, Region, Scope, StakeholderType, Status};

/// The facets, in the order the API lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// Action lines (with the `C7` group).
    ActionLine,
    /// SDGs.
    Sdg,
    /// Regions.
    Region,
    /// Countries.
    Country,
    /// Stakeholder types.
    StakeholderType,
    /// Scopes.
    Scope,
    /// Statuses.
    Status,
    /// COVID-19 flag.
    Covid19,
    /// Start year.
    Year,
}

impl Dim {
    /// Every facet.
    pub const ALL: [Dim; 9] = [
        Dim::ActionLine,
        Dim::Sdg,
        Dim::Region,
        Dim::Country,
        Dim::StakeholderType,
        Dim::Scope,
        Dim::Status,
        Dim::Covid19,
        Dim::Year,
    ];

    /// The facet of an API name.
    pub fn parse(name: &str) -> Option<Dim> {
        Dim::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The facet's name in the API.
    pub fn name(self) -> &'static str {
        match self {
            Dim::ActionLine => "action_line",
            Dim::Sdg => "sdg",
            Dim::Region => "region",
            Dim::Country => "country",
            Dim::StakeholderType => "stakeholder_type",
            Dim::Scope => "scope",
            Dim::Status => "status",
            Dim::Covid19 => "covid19",
            Dim::Year => "year",
        }
    }
}

/// Years counted: 1900 to 2100, and a last slot for unknown start dates.
const FIRST_YEAR: u64 = 1900;
const YEAR_SLOTS: usize = 201;
/// A document's `start_day` when its start date is unknown.
const UNKNOWN_DAY: i32 = UNKNOWN_START_DAY as i32;
/// The day an unknown start date counts as when it breaks a tie of scores: the last day
/// before 1900 (days count from 1970-01-01), below every known date.
const TIE_DAY_UNKNOWN: i32 = -25_568;
const _: () = assert!(
    UNKNOWN_START_DAY == i32::MIN as i64,
    "start_day is kept as an i32"
);

/// The value of a year slot: the year, or [`UNKNOWN_YEAR`] for the last slot.
fn year_of_slot(slot: usize) -> u64 {
    if slot >= YEAR_SLOTS {
        UNKNOWN_YEAR
    } else {
        slot as u64 + FIRST_YEAR
    }
}
/// Countries kept inline per document; more go to an overflow table.
const INLINE_COUNTRIES: usize = 3;
/// An unused inline country place.
const NO_COUNTRY: u16 = u16::MAX;
/// In the first inline place: "the countries are in the overflow table".
const MORE_COUNTRIES: u16 = u16::MAX - 1;
/// Country slots of a tally; the extra last slot absorbs unused places.
const COUNTRY_SLOTS: usize = 256;

/// The bits of one coded facet in a document's value word: one bit per value.
///
/// Every facet but countries and years fits in one `u64` per document, so a filter is one
/// mask test and counting walks the set bits.
#[derive(Clone, Copy, Debug)]
struct Span {
    offset: u32,
    len: u32,
}

impl Span {
    const fn after(prev: Span, len: usize) -> Span {
        Span {
            offset: prev.offset + prev.len,
            len: len as u32,
        }
    }

    const fn mask(self) -> u64 {
        ((1u64 << self.len) - 1) << self.offset
    }

    /// Places a set of values (bit `i` = value `i`) in the span.
    fn place(self, values: u64) -> u64 {
        (values << self.offset) & self.mask()
    }

    fn range(self) -> std::ops::Range<usize> {
        self.offset as usize..(self.offset + self.len) as usize
    }
}

const LINES: Span = Span {
    offset: 0,
    len: ActionLine::COUNT as u32,
};
/// Indexed by SDG number: slot 0 is unused.
const SDGS: Span = Span::after(LINES, 18);
const REGIONS: Span = Span::after(SDGS, Region::ALL.len());
const STAKEHOLDERS: Span = Span::after(REGIONS, StakeholderType::ALL.len());
const SCOPES: Span = Span::after(STAKEHOLDERS, Scope::ALL.len());
const STATUSES: Span = Span::after(SCOPES, Status::ALL.len());
const COVID: Span = Span::after(STATUSES, 2);
/// Beyond the value bits, two flags of a counting mask: count the year, count the countries.
const COUNT_YEAR: u64 = 1 << 62;
const COUNT_COUNTRIES: u64 = 1 << 63;
const VALUE_BITS: u64 = COUNT_YEAR - 1;
const _: () = assert!(
    COVID.offset + COVID.len <= 62,
    "facet values exceed the value word"
);

/// The span of a coded facet (none for countries and years).
fn span(dim: Dim) -> Option<Span> {
    match dim {
        Dim::ActionLine => Some(LINES),
        Dim::Sdg => Some(SDGS),
        Dim::Region => Some(REGIONS),
        Dim::StakeholderType => Some(STAKEHOLDERS),
        Dim::Scope => Some(SCOPES),
        Dim::Status => Some(STATUSES),
        Dim::Covid19 => Some(COVID),
        Dim::Country | Dim::Year => None,
    }
}

/// A set of values of one facet: a 256-bit mask, or a year range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Values whose bit is set.
    Values([u64; 4]),
    /// Years within the inclusive range.
    Years(u64, u64),
}

impl Accept {
    fn values(values: impl IntoIterator<Item = usize>) -> Accept {
        let mut bits = [0u64; 4];
        for v in values {
            if v < 256 {
                bits[v / 64] |= 1 << (v % 64);
            }
        }
        Accept::Values(bits)
    }

    /// Whether the value is accepted.
    #[inline]
    pub fn accepts(&self, value: u64) -> bool {
        match self {
            Accept::Values(bits) => {
                value < 256 && bits[(value / 64) as usize] & (1 << (value % 64)) != 0
            }
            Accept::Years(from, to) => (*from..=*to).contains(&value),
        }
    }

    /// The low 64 bits of a value set (every coded facet but countries fits in them).
    fn low_mask(&self) -> u64 {
        match self {
            Accept::Values(bits) => bits[0],
            Accept::Years(..) => 0,
        }
    }
}

/// The active filters, one per facet that has any.
#[derive(Clone, Debug, Default)]
pub struct ActiveFilters(pub Vec<(Dim, Accept)>);

impl ActiveFilters {
    /// The active filters of a request, with the encodings the index uses.
    pub fn from_filters(f: &Filters) -> ActiveFilters {
        let mut active = Vec::new();
        let mut add = |dim: Dim, values: Vec<usize>| {
            if !values.is_empty() {
                active.push((dim, Accept::values(values)));
            }
        };
        add(
            Dim::ActionLine,
            f.action_lines.iter().map(|a| a.index()).collect(),
        );
        add(
            Dim::Sdg,
            f.sdgs.iter().map(|s| s.number() as usize).collect(),
        );
        add(Dim::Region, f.regions.iter().map(|r| r.index()).collect());
        add(
            Dim::Country,
            f.countries.iter().map(|c| c.index()).collect(),
        );
        add(
            Dim::StakeholderType,
            f.stakeholder_types.iter().map(|s| s.index()).collect(),
        );
        add(Dim::Scope, f.scopes.iter().map(|s| s.index()).collect());
        add(Dim::Status, f.statuses.iter().map(|s| s.index()).collect());
        add(
            Dim::Covid19,
            f.covid19.map(|c| vec![usize::from(c)]).unwrap_or_default(),
        );
        if f.year_from.is_some() || f.year_to.is_some() {
            // From 1900 at the earliest, so an unknown year (0) never passes a year filter.
            let from = f
                .year_from
                .map_or(FIRST_YEAR, |y| (y.max(0) as u64).max(FIRST_YEAR));
            let to = f.year_to.map(|y| y.max(0) as u64).unwrap_or(u64::MAX);
            active.push((Dim::Year, Accept::Years(from, to)));
        }
        ActiveFilters(active)
    }
}

/// A document's year and countries (its coded facets are in its value word).
#[derive(Clone, Copy, Debug)]
struct Places {
    year: u16,
    /// Country indexes, `NO_COUNTRY` in unused places, or `MORE_COUNTRIES` first when the
    /// document has more than fit here.
    countries: [u16; INLINE_COUNTRIES],
}

/// Facet values and sort keys of every document of one segment.
pub struct SegmentFacetData {
    /// Per document, one bit per value of every coded facet (see [`Span`]): what filters
    /// test, kept apart so that a scan streams 8 bytes per document.
    bits: Vec<u64>,
    places: Vec<Places>,
    overflow: HashMap<DocId, Vec<u16>>,
    start_day: Vec<i32>,
    tiebreak: Vec<u64>,
    /// Documents by start date, latest first (ties by tie-breaker).
    newest: Vec<DocId>,
    /// Documents by start date, earliest first (ties by tie-breaker).
    oldest: Vec<DocId>,
}

fn bits_of(values: impl Iterator<Item = u64>) -> u64 {
    values.filter(|v| *v < 64).fold(0, |m, v| m | (1 << v))
}

impl SegmentFacetData {
    fn build(reader: &SegmentReader) -> tantivy::Result<SegmentFacetData> {
        let fast = reader.fast_fields();
        let col = |name: &str| fast.u64(name);
        let (lines, sdgs, regions, countries) = (
            col(names::ACTION_LINE)?,
            col(names::SDG)?,
            col(names::REGION)?,
            col(names::COUNTRY)?,
        );
        let (stakeholder, scope, status, covid, year) = (
            col(names::STAKEHOLDER_TYPE)?,
            col(names::SCOPE)?,
            col(names::STATUS)?,
            col(names::COVID19)?,
            col(names::YEAR)?,
        );
        let start_day = fast.i64(names::START_DAY)?;
        let tiebreak = col(names::TIEBREAK)?;
        let n = reader.max_doc() as usize;
        let mut data = SegmentFacetData {
            bits: Vec::with_capacity(n),
            places: Vec::with_capacity(n),
            overflow: HashMap::new(),
            start_day: Vec::with_capacity(n),
            tiebreak: Vec::with_capacity(n),
            newest: Vec::new(),
            oldest: Vec::new(),
        };
        for doc in 0..reader.max_doc() {
            let one = |c: &tantivy::columnar::Column<u64>| bits_of(c.first(doc).into_iter());
            let cs: Vec<u16> = countries.values_for_doc(doc).map(|v| v as u16).collect();
            data.bits.push(
                LINES.place(bits_of(lines.values_for_doc(doc)))
                    | SDGS.place(bits_of(sdgs.values_for_doc(doc)))
                    | REGIONS.place(bits_of(regions.values_for_doc(doc)))
                    | STAKEHOLDERS.place(one(&stakeholder))
                    | SCOPES.place(one(&scope))
                    | STATUSES.place(one(&status))
                    | COVID.place(one(&covid)),
            );
            let mut d = Places {
                year: year.first(doc).unwrap_or(0).min(u64::from(u16::MAX)) as u16,
                countries: [NO_COUNTRY; INLINE_COUNTRIES],
            };
            if cs.len() <= INLINE_COUNTRIES {
                d.countries[..cs.len()].copy_from_slice(&cs);
            } else {
                d.countries[0] = MORE_COUNTRIES;
                data.overflow.insert(doc, cs);
            }
            data.places.push(d);
            data.start_day.push(
                start_day
                    .first(doc)
                    .unwrap_or(0)
                    .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            );
            data.tiebreak.push(tiebreak.first(doc).unwrap_or(0));
        }
        let (days, ties) = (&data.start_day, &data.tiebreak);
        let mut newest: Vec<DocId> = (0..reader.max_doc()).collect();
        newest.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            days[b].cmp(&days[a]).then(ties[a].cmp(&ties[b]))
        });
        let mut oldest: Vec<DocId> = (0..reader.max_doc()).collect();
        // Unknown dates come last in both orders.
        oldest.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            let unknown = |d: i32| d == UNKNOWN_DAY;
            (unknown(days[a]), days[a])
                .cmp(&(unknown(days[b]), days[b]))
                .then(ties[a].cmp(&ties[b]))
        });
        data.newest = newest;
        data.oldest = oldest;
        Ok(data)
    }

    /// The sort key of a document: higher is better.
    #[inline]
    fn key(&self, doc: DocId, ranking: Ranking, score: Score) -> f64 {
        let day = self.start_day.get(doc as usize).copied().unwrap_or(0);
        let known = day != UNKNOWN_DAY;
        match ranking {
            // Scores equal to four decimals tie; the later start date wins the tie (an
            // unknown one loses it).
            Ranking::Score => {
                let day = if known { day } else { TIE_DAY_UNKNOWN };
                (f64::from(score) * 1e4).round() + f64::from(day) * 1e-6
            }
            Ranking::Newest if known => f64::from(day),
            Ranking::Oldest if known => -f64::from(day),
            // Unknown start dates come after every dated project, whichever the order.
            Ranking::Newest | Ranking::Oldest => f64::NEG_INFINITY,
        }
    }

    fn candidate(
        &self,
        segment: SegmentOrdinal,
        doc: DocId,
        ranking: Ranking,
        score: Score,
    ) -> Candidate {
        Candidate {
            key: self.key(doc, ranking, score),
            tiebreak: self.tiebreak[doc as usize],
            address: DocAddress::new(segment, doc),
            score,
        }
    }

    /// The country indexes of a document.
    #[inline]
    fn countries<'a>(&'a self, doc: DocId, d: &'a Places) -> &'a [u16] {
        if d.countries[0] == MORE_COUNTRIES {
            self.overflow.get(&doc).map(Vec::as_slice).unwrap_or(&[])
        } else {
            let used = d.countries.iter().take_while(|c| **c != NO_COUNTRY).count();
            &d.countries[..used]
        }
    }
}

/// A segment as of one delete generation.
type SegmentGeneration = (SegmentId, Option<u64>);

/// The per-segment tables of the live searchers, kept up to date by a tantivy warmer.
#[derive(Default)]
pub struct FacetCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFacetData>>>,
    /// Counts over every live document of a segment, per delete generation.
    alive: Mutex<HashMap<SegmentGeneration, Arc<FacetTally>>>,
}

impl FacetCache {
    /// The table of a segment, built now if the warmer has not built it yet.
    ///
    /// # Errors
    /// When a fast field is missing (an index of another schema).
    pub fn segment(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentFacetData>> {
        let id = reader.segment_id();
        if let Some(data) = self.lock().get(&id) {
            return Ok(data.clone());
        }
        let data = Arc::new(SegmentFacetData::build(reader)?);
        self.lock().insert(id, data.clone());
        Ok(data)
    }

    /// Counts over every live document of a segment (what a search with no text and no
    /// filter counts), built now if the warmer has not built them yet.
    ///
    /// # Errors
    /// As [`FacetCache::segment`].
    pub fn alive_tally(&self, reader: &SegmentReader) -> tantivy::Result<Arc<FacetTally>> {
        let key = (reader.segment_id(), reader.delete_opstamp());
        if let Some(t) = lock(&self.alive).get(&key) {
            return Ok(t.clone());
        }
        let data = self.segment(reader)?;
        let mut tally = FacetTally::new();
        for doc in 0..reader.max_doc() {
            if reader
                .alive_bitset()
                .is_none_or(|alive| alive.is_alive(doc))
            {
                tally.total += 1;
                tally.add(&data, doc, u64::MAX);
            }
        }
        let tally: Arc<FacetTally> = Arc::from(tally);
        lock(&self.alive).insert(key, tally.clone());
        Ok(tally)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacetData>>> {
        lock(&self.segments)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding these locks cannot leave the maps inconsistent.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counts over every live document of the searcher.
///
/// # Errors
/// As [`FacetCache::segment`].
pub fn all_docs_tally(
    cache: &FacetCache,
    searcher: &tantivy::Searcher,
) -> tantivy::Result<Box<FacetTally>> {
    let mut all = FacetTally::new();
    for reader in searcher.segment_readers() {
        all.merge(&*cache.alive_tally(reader)?);
    }
    Ok(all)
}

/// The best `wanted` live documents of the whole index by start date, without a scan.
///
/// # Errors
/// As [`FacetCache::segment`].
pub fn all_docs_top(
    cache: &FacetCache,
    searcher: &tantivy::Searcher,
    ranking: Ranking,
    wanted: usize,
) -> tantivy::Result<Vec<Candidate>> {
    let mut top = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let data = cache.segment(reader)?;
        let order = if ranking == Ranking::Oldest {
            &data.oldest
        } else {
            &data.newest
        };
        let alive = |doc: &&DocId| reader.alive_bitset().is_none_or(|a| a.is_alive(**doc));
        top.extend(
            order
                .iter()
                .filter(alive)
                .take(wanted)
                .map(|doc| data.candidate(ord as SegmentOrdinal, *doc, ranking, 0.0)),
        );
    }
    top.sort();
    top.truncate(wanted);
    Ok(top)
}

/// Builds the tables of new segments before a searcher is published.
pub struct FacetWarmer(pub Arc<FacetCache>);

impl Warmer for FacetWarmer {
    fn warm(&self, searcher: &tantivy::Searcher) -> tantivy::Result<()> {
        for reader in searcher.segment_readers() {
            self.0.alive_tally(reader)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let keep: HashSet<SegmentGeneration> = live
            .iter()
            .flat_map(|g| g.segments().iter().map(|(id, opstamp)| (*id, *opstamp)))
            .collect();
        self.0
            .lock()
            .retain(|id, _| keep.iter().any(|(k, _)| k == id));
        lock(&self.0.alive).retain(|key, _| keep.contains(key));
    }
}

/// Counts per facet value, plus the number of documents that pass every filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetTally {
    /// Documents matching the text and every filter.
    pub total: u64,
    /// Counts of the coded facets, by bit of the value word.
    values: [u64; 64],
    /// By country index; the last slot absorbs unused places.
    countries: [u64; COUNTRY_SLOTS + 1],
    /// By year from `FIRST_YEAR`; the last slot counts unknown start dates (and would absorb
    /// years out of range, which validation never lets in).
    years: [u64; YEAR_SLOTS + 1],
}

impl FacetTally {
    /// An empty tally.
    pub fn new() -> Box<FacetTally> {
        Box::new(FacetTally {
            total: 0,
            values: [0; 64],
            countries: [0; COUNTRY_SLOTS + 1],
            years: [0; YEAR_SLOTS + 1],
        })
    }

    fn slots(&self, dim: Dim) -> &[u64] {
        match (dim, span(dim)) {
            (_, Some(span)) => &self.values[span.range()],
            (Dim::Country, _) => &self.countries[..Country::count().min(COUNTRY_SLOTS)],
            _ => &self.years[..],
        }
    }

    /// The counts of one facet as (value, count): the index for coded facets, the SDG
    /// number, the year ([`UNKNOWN_YEAR`] for unknown start dates).
    pub fn counts(&self, dim: Dim) -> impl Iterator<Item = (u64, u64)> + '_ {
        let value = move |i: usize| {
            if dim == Dim::Year {
                year_of_slot(i)
            } else {
                i as u64
            }
        };
        self.slots(dim)
            .iter()
            .enumerate()
            .map(move |(i, n)| (value(i), *n))
    }

    /// How many documents the filter of `dim` accepts (an estimate of its selectivity when
    /// documents carry several values).
    pub fn estimate(&self, dim: Dim, accept: &Accept) -> u64 {
        self.counts(dim)
            .filter(|(value, _)| accept.accepts(*value))
            .map(|(_, n)| n)
            .sum()
    }

    /// Replaces the counts of one facet with another tally's.
    pub fn take_counts(&mut self, dim: Dim, from: &FacetTally) {
        match (dim, span(dim)) {
            (_, Some(span)) => {
                self.values[span.range()].copy_from_slice(&from.values[span.range()]);
            }
            (Dim::Country, _) => self.countries = from.countries,
            _ => self.years = from.years,
        }
    }

    /// Counts one document in the facets that `mask` selects: its value bits, and the year
    /// and countries flags (written out: this is the hottest loop).
    #[inline(always)]
    fn add(&mut self, data: &SegmentFacetData, doc: DocId, mask: u64) {
        let mut bits = data.bits[doc as usize] & mask & VALUE_BITS;
        while bits != 0 {
            self.values[bits.trailing_zeros() as usize & 63] += 1;
            bits &= bits - 1;
        }
        if mask & (COUNT_YEAR | COUNT_COUNTRIES) == 0 {
            return;
        }
        let d = &data.places[doc as usize];
        if mask & COUNT_YEAR != 0 {
            let slot = usize::from(d.year).wrapping_sub(FIRST_YEAR as usize);
            self.years[slot.min(YEAR_SLOTS)] += 1;
        }
        if mask & COUNT_COUNTRIES != 0 {
            if d.countries[0] == MORE_COUNTRIES {
                for c in data.countries(doc, d) {
                    self.countries[usize::from(*c).min(COUNTRY_SLOTS)] += 1;
                }
            } else {
                for c in d.countries {
                    self.countries[usize::from(c).min(COUNTRY_SLOTS)] += 1;
                }
            }
        }
    }

    /// Whether no document was counted at all (none matched, even failing one filter).
    pub fn is_empty(&self) -> bool {
        self.total == 0
            && Dim::ALL
                .iter()
                .all(|d| self.counts(*d).all(|(_, n)| n == 0))
    }

    /// Adds another tally.
    pub fn merge(&mut self, o: &FacetTally) {
        fn add<const N: usize>(a: &mut [u64; N], b: &[u64; N]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.total += o.total;
        add(&mut self.values, &o.values);
        add(&mut self.countries, &o.countries);
        add(&mut self.years, &o.years);
    }
}

/// How candidate hits are ranked inside the collector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// By relevance score.
    Score,
    /// By start date, latest first.
    Newest,
    /// By start date, earliest first.
    Oldest,
}

/// A candidate hit.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    key: f64,
    tiebreak: u64,
    /// Where the document is.
    pub address: DocAddress,
    /// Its relevance score.
    pub score: Score,
}

impl Candidate {
    /// `Less` means better: higher key, then lower tie-breaker.
    fn rank(&self, other: &Candidate) -> Ordering {
        other
            .key
            .total_cmp(&self.key)
            .then(self.tiebreak.cmp(&other.tiebreak))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Worse candidates are greater, so a max-heap keeps the worst on top.
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

/// What the collector produces.
pub struct Collected {
    /// Facet counts and total.
    pub tally: Box<FacetTally>,
    /// The best `limit` candidates, best first (empty when hits are collected elsewhere).
    pub top: Vec<Candidate>,
}

/// The collector: disjunctive facet counts, and optionally the top hits.
pub struct FacetsAndTop {
    cache: Arc<FacetCache>,
    filters: ActiveFilters,
    /// Ranking and how many candidates to keep (offset + page size).
    top: Option<(Ranking, usize)>,
}

impl FacetsAndTop {
    /// A collector for these filters; `top` asks it to keep the best hits too.
    pub fn new(
        cache: Arc<FacetCache>,
        filters: ActiveFilters,
        top: Option<(Ranking, usize)>,
    ) -> FacetsAndTop {
        FacetsAndTop {
            cache,
            filters,
            top,
        }
    }
}

/// The filters of a search, compiled for the scan.
#[derive(Clone, Debug, Default)]
struct Plan {
    /// Per coded-facet filter: the accepted value bits, and the counting mask to use when
    /// a document fails this filter alone (its own facet).
    bits: Vec<(u64, u64)>,
    /// Accepted years.
    years: Option<(u16, u16)>,
    /// Accepted countries.
    countries: Option<Accept>,
}

impl Plan {
    fn new(filters: &ActiveFilters) -> Plan {
        let mut plan = Plan::default();
        for (dim, accept) in &filters.0 {
            match (span(*dim), accept) {
                (_, Accept::Years(from, to)) => {
                    plan.years = Some(((*from).min(65_535) as u16, (*to).min(65_535) as u16));
                }
                (Some(span), a) => plan.bits.push((span.place(a.low_mask()), span.mask())),
                (None, a) => plan.countries = Some(a.clone()),
            }
        }
        plan
    }

    /// How many filters the document fails, and the counting mask for it: everything when
    /// it fails none, the failed filter's own facet when it fails one.
    #[inline(always)]
    fn check(&self, data: &SegmentFacetData, doc: DocId) -> (u32, u64) {
        let bits = data.bits[doc as usize];
        let mut fails = 0;
        let mut mask = u64::MAX;
        for &(accept, own) in &self.bits {
            let fail = bits & accept == 0;
            fails += u32::from(fail);
            mask = if fail { own } else { mask };
        }
        if let Some((from, to)) = self.years {
            if !(from..=to).contains(&data.places[doc as usize].year) {
                fails += 1;
                mask = COUNT_YEAR;
            }
        }
        if let Some(accept) = &self.countries {
            let countries = data.countries(doc, &data.places[doc as usize]);
            if !countries.iter().any(|c| accept.accepts(u64::from(*c))) {
                fails += 1;
                mask = COUNT_COUNTRIES;
            }
        }
        (fails, mask)
    }
}

/// How many matches ahead the tally touches the facet table.
const LOOKAHEAD: usize = 8;

thread_local! {
    /// The match buffer of the last scan on this thread, kept for the next one: a fresh
    /// buffer per search costs page faults on every large result set.
    static MATCH_BUFFER: Cell<Vec<(DocId, Score)>> = const { Cell::new(Vec::new()) };
}

/// Counts by (value of the first facet, value of the second or 0).
pub type GroupCounts = HashMap<(u64, u64), u64>;

/// Live documents that pass `filters`, counted by the values of one or two facets: the
/// key is (value of the first facet, value of the second or 0). A document with several
/// values counts once under each.
///
/// # Errors
/// As [`FacetCache::segment`].
pub fn group_counts(
    cache: &FacetCache,
    searcher: &tantivy::Searcher,
    filters: &ActiveFilters,
    dims: (Dim, Option<Dim>),
) -> tantivy::Result<(u64, GroupCounts)> {
    let plan = Plan::new(filters);
    let mut total = 0;
    let mut groups = GroupCounts::new();
    let (mut first, mut second) = (Vec::new(), Vec::new());
    for reader in searcher.segment_readers() {
        let data = cache.segment(reader)?;
        let alive = reader.alive_bitset();
        for doc in 0..reader.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) || plan.check(&data, doc).0 > 0 {
                continue;
            }
            total += 1;
            data.values_of(doc, dims.0, &mut first);
            match dims.1 {
                Some(dim) => data.values_of(doc, dim, &mut second),
                None => {
                    second.clear();
                    second.push(0);
                }
            }
            for a in &first {
                for b in &second {
                    *groups.entry((*a, *b)).or_default() += 1;
                }
            }
        }
    }
    Ok((total, groups))
}

impl SegmentFacetData {
    /// The values a document has in a facet, into `out` (cleared first).
    fn values_of(&self, doc: DocId, dim: Dim, out: &mut Vec<u64>) {
        out.clear();
        let places = &self.places[doc as usize];
        match (dim, span(dim)) {
            (Dim::Year, _) => out.push(u64::from(places.year)),
            (Dim::Country, _) => {
                out.extend(self.countries(doc, places).iter().map(|c| u64::from(*c)))
            }
            (_, Some(span)) => {
                let mut bits = (self.bits[doc as usize] & span.mask()) >> span.offset;
                while bits != 0 {
                    out.push(u64::from(bits.trailing_zeros()));
                    bits &= bits - 1;
                }
            }
            (_, None) => {}
        }
    }
}

/// Per-segment state.
pub struct SegmentFacets {
    data: Arc<SegmentFacetData>,
    plan: Plan,
    tally: Box<FacetTally>,
    segment: SegmentOrdinal,
    top: Option<(Ranking, usize)>,
    heap: BinaryHeap<Candidate>,
    /// Matches gathered during the scan and tallied in `harvest`: the scorer's loop and the
    /// tally's loop each run tight instead of interleaved.
    matches: Vec<(DocId, Score)>,
}

impl Collector for FacetsAndTop {
    type Fruit = Collected;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        Ok(SegmentFacets {
            data: self.cache.segment(reader)?,
            plan: Plan::new(&self.filters),
            tally: FacetTally::new(),
            segment,
            top: self.top.filter(|(_, n)| *n > 0),
            heap: BinaryHeap::new(),
            matches: MATCH_BUFFER.with(Cell::take),
        })
    }

    fn requires_scoring(&self) -> bool {
        matches!(self.top, Some((Ranking::Score, _)))
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut tally = FacetTally::new();
        let mut top = Vec::new();
        for f in fruits {
            tally.merge(&f.tally);
            top.extend(f.top);
        }
        top.sort();
        top.truncate(self.top.map(|(_, n)| n).unwrap_or(0));
        Ok(Collected { tally, top })
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Collected;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        self.matches.push((doc, score));
    }

    fn harvest(mut self) -> Collected {
        let mut matches = std::mem::take(&mut self.matches);
        // Touch the table row a few matches ahead so that its cache miss overlaps the work
        // on the current one (a plain load: prefetch intrinsics need `unsafe`).
        let mut touched = 0u64;
        let data = self.data.clone();
        for (i, &(doc, score)) in matches.iter().enumerate() {
            if let Some((ahead, _)) = matches.get(i + LOOKAHEAD) {
                let ahead = *ahead as usize;
                touched ^= data.bits.get(ahead).copied().unwrap_or(0)
                    ^ data.places.get(ahead).map_or(0, |p| u64::from(p.year));
            }
            self.tally_one(doc, score);
        }
        std::hint::black_box(touched);
        matches.clear();
        MATCH_BUFFER.with(|buffer| buffer.set(matches));
        Collected {
            tally: self.tally,
            top: self.heap.into_vec(),
        }
    }
}

impl SegmentFacets {
    #[inline]
    fn tally_one(&mut self, doc: DocId, score: Score) {
        let (fails, mask) = self.plan.check(&self.data, doc);
        if fails > 1 {
            return;
        }
        self.tally.add(&self.data, doc, mask);
        if fails == 0 {
            self.tally.total += 1;
            if let Some((ranking, limit)) = self.top {
                // Most matches cannot enter a full heap: tell from the sort key alone, before
                // reading the tie-breaker from memory.
                if self.heap.len() >= limit {
                    if let Some(worst) = self.heap.peek() {
                        if self.data.key(doc, ranking, score) < worst.key {
                            return;
                        }
                    }
                }
                let candidate = self.data.candidate(self.segment, doc, ranking, score);
                if self.heap.len() < limit {
                    self.heap.push(candidate);
                } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
                    self.heap.pop();
                    self.heap.push(candidate);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_sets_accept_exactly_their_members() {
        let a = Accept::values([0, 63, 64, 200]);
        for v in 0..256u64 {
            assert_eq!(a.accepts(v), [0, 63, 64, 200].contains(&v), "{v}");
        }
        assert!(!a.accepts(1000));
        let y = Accept::Years(2010, 2012);
        assert!(y.accepts(2010) && y.accepts(2012) && !y.accepts(2013));
    }

    #[test]
    fn an_unknown_start_date_loses_ties_to_every_known_one() {
        let first_known = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).map(|d| {
            d.signed_duration_since(chrono::NaiveDate::default())
                .num_days()
        });
        assert_eq!(first_known, Some(i64::from(TIE_DAY_UNKNOWN) + 1));
    }

    #[test]
    fn better_candidates_sort_first() {
        let c = |key: f64, tiebreak: u64| Candidate {
            key,
            tiebreak,
            address: DocAddress::new(0, 0),
            score: 0.0,
        };
        let mut v = [c(1.0, 5), c(3.0, 9), c(3.0, 2), c(2.0, 0)];
        v.sort();
        let order: Vec<(f64, u64)> = v.iter().map(|c| (c.key, c.tiebreak)).collect();
        assert_eq!(order, vec![(3.0, 2), (3.0, 9), (2.0, 0), (1.0, 5)]);
    }
}
