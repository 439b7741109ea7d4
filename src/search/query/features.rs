//! Which ranking features a search uses.

/// Which ranking features are on (all of them for the service; the relevance harness turns
/// them off one by one to measure each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// Typo tolerance.
    pub typos: bool,
    /// Prefix matching of the last word.
    pub prefix: bool,
    /// Synonym sets.
    pub synonyms: bool,
    /// Taxonomy mentions match tags.
    pub tags: bool,
    /// Exact phrase boost.
    pub phrase: bool,
    /// When no document has every word, those with most of them.
    pub partial: bool,
}

impl Features {
    /// Everything on.
    pub const ALL: Features = Features {
        typos: true,
        prefix: true,
        synonyms: true,
        tags: true,
        phrase: true,
        partial: true,
    };
    /// Everything off: per-language BM25 alone.
    pub const NONE: Features = Features {
        typos: false,
        prefix: false,
        synonyms: false,
        tags: false,
        phrase: false,
        partial: false,
    };
}
