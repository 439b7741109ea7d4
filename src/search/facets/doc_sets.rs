//! Sets of a segment's documents: a bitset ([`Bits`], one bit per document) and the set of one
//! facet value ([`DocSet`]: a bitset when the value is common, a sorted list when it is rare).

use tantivy::DocId;

/// One bit per document of a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    /// No document, for a segment of `docs` documents.
    pub(super) fn none(docs: usize) -> Bits {
        Bits(vec![0; docs.div_ceil(64)])
    }

    /// Every document of a segment of `docs` documents.
    pub(super) fn all(docs: usize) -> Bits {
        let mut bits = Bits(vec![u64::MAX; docs.div_ceil(64)]);
        if let Some(last) = bits.0.last_mut() {
            if !docs.is_multiple_of(64) {
                *last = (1u64 << (docs % 64)) - 1;
            }
        }
        bits
    }

    /// Removes a document.
    pub(super) fn remove(&mut self, doc: DocId) {
        if let Some(word) = self.0.get_mut(doc as usize / 64) {
            *word &= !(1 << (doc % 64));
        }
    }

    /// The words of the set.
    pub(super) fn words(&self) -> usize {
        self.0.len()
    }

    /// Adds a document.
    #[inline]
    pub(super) fn insert(&mut self, doc: DocId) {
        if let Some(word) = self.0.get_mut(doc as usize / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    /// Whether the document is in the set.
    #[inline]
    pub(super) fn contains(&self, doc: DocId) -> bool {
        self.0
            .get(doc as usize / 64)
            .is_some_and(|word| word & (1 << (doc % 64)) != 0)
    }

    /// Keeps only the documents also in `other`.
    pub(super) fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    /// Adds the documents of `other`.
    pub(super) fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// How many documents the set holds.
    pub(super) fn len(&self) -> u64 {
        self.0.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// How many documents are in both sets.
    #[inline]
    pub(super) fn len_and(&self, other: &Bits) -> u64 {
        // Four sums let the loop run without waiting on one accumulator.
        let mut sums = [0u64; 4];
        let (a, b) = (self.0.chunks_exact(4), other.0.chunks_exact(4));
        let (ra, rb) = (a.remainder(), b.remainder());
        for (x, y) in a.zip(b) {
            for i in 0..4 {
                sums[i] += u64::from((x[i] & y[i]).count_ones());
            }
        }
        let rest: u64 = ra
            .iter()
            .zip(rb)
            .map(|(x, y)| u64::from((x & y).count_ones()))
            .sum();
        sums.iter().sum::<u64>() + rest
    }
}

/// The documents of one facet value in a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum DocSet {
    /// A common value: a bitset.
    Dense(Bits),
    /// A rare value: its documents in order.
    Sparse(Vec<DocId>),
}

impl DocSet {
    /// A set of these documents (in order), dense when a bitset costs less to count with than
    /// probing each document: `words` is the segment's bitset length.
    pub(super) fn new(docs: Vec<DocId>, words: usize) -> DocSet {
        if docs.len() * PROBE_COST > words {
            let mut bits = Bits::none(words * 64);
            for doc in docs {
                bits.insert(doc);
            }
            DocSet::Dense(bits)
        } else {
            DocSet::Sparse(docs)
        }
    }

    /// How many of the documents are in `among`.
    #[inline]
    pub(super) fn len_in(&self, among: &Bits) -> u64 {
        match self {
            DocSet::Dense(bits) => bits.len_and(among),
            DocSet::Sparse(docs) => docs.iter().filter(|d| among.contains(**d)).count() as u64,
        }
    }

    /// Adds its documents to `into`.
    pub(super) fn add_to(&self, into: &mut Bits) {
        match self {
            DocSet::Dense(bits) => into.or(bits),
            DocSet::Sparse(docs) => docs.iter().for_each(|d| into.insert(*d)),
        }
    }

    /// What counting it over a bitset costs, in word operations.
    pub(super) fn cost(&self) -> usize {
        match self {
            DocSet::Dense(bits) => bits.words(),
            DocSet::Sparse(docs) => docs.len() * PROBE_COST,
        }
    }
}

/// A probe of one document in a bitset costs about this many word operations (a random
/// read against a streamed one).
const PROBE_COST: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitsets_count_what_they_hold() {
        let mut a = Bits::none(200);
        for d in [0, 63, 64, 130, 199] {
            a.insert(d);
        }
        a.insert(500); // past the segment: ignored
        assert_eq!(a.len(), 5);
        assert!(a.contains(130) && !a.contains(131) && !a.contains(500));
        assert_eq!(a.len_and(&a.clone()), 5);
        let all = Bits::all(200);
        assert_eq!(all.len(), 200);
        assert_eq!(a.len_and(&all), 5);
        assert_eq!(Bits::all(128).len(), 128);
        let mut b = Bits::none(200);
        b.insert(64);
        b.insert(65);
        assert_eq!(a.len_and(&b), 1);
        b.or(&a);
        assert_eq!(b.len(), 6);
        b.and(&a);
        assert_eq!(b, a);
        b.remove(0);
        assert_eq!(b.len(), 4);
    }

    #[test]
    fn sparse_and_dense_sets_count_the_same() {
        let docs: Vec<DocId> = (0..1000).step_by(7).collect();
        let mut among = Bits::none(1000);
        (0..1000).step_by(3).for_each(|d| among.insert(d));
        let sparse = DocSet::Sparse(docs.clone());
        let dense = DocSet::new(docs.clone(), 16);
        assert!(matches!(dense, DocSet::Dense(_)));
        let plain = docs.iter().filter(|d| *d % 3 == 0).count() as u64;
        assert_eq!(sparse.len_in(&among), plain);
        assert_eq!(dense.len_in(&among), plain);
        let (mut a, mut b) = (Bits::none(1000), Bits::none(1000));
        sparse.add_to(&mut a);
        dense.add_to(&mut b);
        assert_eq!(a, b);
    }
}
