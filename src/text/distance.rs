//! Edit distances for did-you-mean help: bounded, allocation-light and panic-free.

/// Whether `a` and `b` are at most `k` edits apart (bytes).
pub fn within_distance(a: &str, b: &str, k: usize) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len().abs_diff(b.len()) <= k && bag_distance(a, b) <= k && osa(a, b, k).is_some()
}

/// The bytes a word holds, as a set of 64 classes (letters, digits, `.` and `-` each
/// their own; the other bytes share the rest).
///
/// Each byte class of one word that the other lacks needs an edit of its own (a
/// deletion or substitution on one side, an insertion or substitution on the other; a
/// transposition moves bytes without changing them), so two words `k` edits apart
/// differ by at most `k` classes either way. Classes shared by several bytes only hide
/// differences, so the test never rejects a pair within reach: a filter of a few
/// instructions before the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharSet(u64);

/// Each byte's class, looked up rather than matched (a word's set is a few loads).
// Constant evaluation checks these indices when it builds the table.
#[allow(clippy::indexing_slicing)]
static CLASSES: [u8; 256] = {
    let mut t = [63u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = 26 + b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 52 + d as u8;
        d += 1;
    }
    t[b'.' as usize] = 62;
    t
};

impl CharSet {
    fn of(word: &[u8]) -> CharSet {
        CharSet(word.iter().fold(0, |set, &b| {
            set | 1 << CLASSES.get(usize::from(b)).copied().unwrap_or(63)
        }))
    }

    /// False only when the two words are more than `k` edits apart.
    fn may_be_within(self, other: CharSet, k: usize) -> bool {
        at_most_ones(self.0 & !other.0, k) && at_most_ones(other.0 & !self.0, k)
    }
}

/// Whether `bits` has at most `k` bits set: `k` lowest bits cleared, then nothing left.
/// The baseline x86-64 has no population count instruction, and `k` is 2 or 3 here.
fn at_most_ones(mut bits: u64, k: usize) -> bool {
    for _ in 0..k {
        if bits == 0 {
            return true;
        }
        bits &= bits - 1;
    }
    bits == 0
}

/// The bag distance: the larger of the two multiset differences of the bytes. It never
/// exceeds the edit distance (an edit changes each difference by at most one; a
/// transposition by none), so it rules most pairs out without the quadratic table.
fn bag_distance(a: &[u8], b: &[u8]) -> usize {
    // Counts fit a byte for words shorter than 256 bytes: a quarter of the table to clear.
    if b.len() < 256 {
        bag_with(&mut [0u8; 256], a, b)
    } else {
        bag_with(&mut [0u32; 256], a, b)
    }
}

/// Bytes of `b` not yet matched are counted in `unmatched`; each byte of `a` takes one
/// or counts as extra.
fn bag_with<C>(unmatched: &mut [C; 256], a: &[u8], b: &[u8]) -> usize
where
    C: Copy + PartialEq + From<u8> + std::ops::AddAssign + std::ops::SubAssign,
{
    let (zero, one) = (C::from(0), C::from(1));
    for &x in b {
        if let Some(c) = unmatched.get_mut(usize::from(x)) {
            *c += one;
        }
    }
    let mut only_a = 0;
    for &x in a {
        match unmatched.get_mut(usize::from(x)) {
            Some(c) if *c != zero => *c -= one,
            _ => only_a += 1,
        }
    }
    let matched = a.len() - only_a;
    only_a.max(b.len() - matched)
}

/// The OSA distance when it is at most `k`, else `None`; stops as soon as a whole row
/// exceeds `k`. Panic-free: every cell is read with `get`.
fn osa<T: PartialEq>(a: &[T], b: &[T], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let m = b.len();
    // Three rows; on the stack for the short words did-you-mean compares.
    let mut stack = [0usize; 3 * 24];
    let mut heap = Vec::new();
    let rows: &mut [usize] = match stack.get_mut(..3 * (m + 1)) {
        Some(s) => s,
        None => {
            heap.resize(3 * (m + 1), 0);
            &mut heap
        }
    };
    let (prev2, rest) = rows.split_at_mut(m + 1);
    let (prev, cur) = rest.split_at_mut(m + 1);
    for (j, v) in prev.iter_mut().enumerate() {
        *v = j;
    }
    let (mut prev2, mut prev, mut cur) = (prev2, prev, cur);
    let cell = |v: &[usize], j: usize| v.get(j).copied().unwrap_or(usize::MAX - 1);
    for (i, ai) in a.iter().enumerate() {
        let row = i + 1;
        if let Some(first) = cur.first_mut() {
            *first = row;
        }
        let mut row_min = row;
        for (j, bj) in b.iter().enumerate() {
            let col = j + 1;
            let cost = usize::from(ai != bj);
            let mut d = (cell(prev, col) + 1)
                .min(cell(cur, j) + 1)
                .min(cell(prev, j) + cost);
            let transposed = i > 0
                && j > 0
                && a.get(i - 1).zip(b.get(j)).is_some_and(|(x, y)| x == y)
                && b.get(j - 1).is_some_and(|y| y == ai);
            if transposed {
                d = d.min(cell(prev2, j - 1) + 1);
            }
            if let Some(slot) = cur.get_mut(col) {
                *slot = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = cell(prev, m);
    (d <= k).then_some(d)
}

/// Up to `max` candidates close to `word`, closest first. Comparison is
/// case-insensitive, with `_` read as `.`; the threshold is 2 edits, or a fifth of
/// the length for words longer than 10 characters.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let norm = normalised;
    let w: Vec<u8> = word.bytes().map(norm).collect();
    let limit = edit_limit(w.len());
    let first_seg = w.split(|b| *b == b'.').next().unwrap_or(&[]).to_vec();
    let mut buf = Vec::with_capacity(64);
    let mut scored: Vec<(usize, bool, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            if c.len().abs_diff(w.len()) > limit {
                return None;
            }
            buf.clear();
            buf.extend(c.bytes().map(norm));
            let d = osa(&w, &buf, limit)?;
            let other_segment = buf.split(|b| *b == b'.').next() != Some(first_seg.as_slice());
            Some((d, other_segment, c))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.2 == b.2);
    scored.into_iter().take(max).map(|(_, _, c)| c).collect()
}

/// How did-you-mean compares bytes: case-insensitive, `_` read as `.`.
fn normalised(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b'_' => b'.',
        c => c,
    }
}

/// The most edits a suggestion may be away: 2, or a fifth of the length for words
/// longer than 10 characters.
fn edit_limit(len: usize) -> usize {
    if len > 10 {
        (len / 5).max(2)
    } else {
        2
    }
}

/// A few fixed words, each with its byte classes: whether a word is within `k` edits of
/// one of them, exactly as [`within_distance`] answers, for the word's classes
/// computed once instead of two bags per pair.
#[derive(Debug, Clone)]
pub struct NearWords<'a> {
    words: Vec<(&'a str, CharSet)>,
    /// Every class any of the words holds: a word with more than `k` classes outside
    /// it is more than `k` edits from each of them.
    union: CharSet,
}

impl<'a> NearWords<'a> {
    /// The words to compare with.
    pub fn new(words: &[&'a str]) -> Self {
        let words: Vec<(&'a str, CharSet)> = words
            .iter()
            .map(|w| (*w, CharSet::of(w.as_bytes())))
            .collect();
        let union = CharSet(words.iter().fold(0, |all, (_, set)| all | set.0));
        NearWords { words, union }
    }

    /// Whether `word` is at most `k` edits (bytes) from one of the words.
    pub fn any_within(&self, word: &str, k: usize) -> bool {
        let set = CharSet::of(word.as_bytes());
        if !at_most_ones(set.0 & !self.union.0, k) {
            return false;
        }
        self.words.iter().any(|(w, other)| {
            w.len().abs_diff(word.len()) <= k
                && set.may_be_within(*other, k)
                && within_distance(word, w, k)
        })
    }
}

/// A did-you-mean index over a fixed vocabulary: the same answers as [`did_you_mean`]
/// over the same candidates (a property test checks it), without the edit-distance
/// table for every candidate.
///
/// Candidates are kept in order of length with the set of byte classes each holds
/// ([`CharSet`]). A query looks only at the lengths within its reach (a candidate more
/// than `k` bytes longer or shorter is more than `k` edits away), rules out with two
/// population counts every candidate whose bytes differ from the word's by more than
/// `k` classes, and compares the rest with the table. For words of a few dozen bytes
/// over librdkafka's catalogue, that leaves a handful of tables per query.
#[derive(Debug, Clone)]
pub struct NearMissIndex<'a> {
    words: Vec<&'a str>,
    /// Each candidate normalised as [`did_you_mean`] compares it, by position in `words`.
    norm: Vec<Vec<u8>>,
    /// (length, byte classes, position in `words`), shortest first.
    by_length: Vec<(usize, CharSet, usize)>,
    /// For each of the 64 byte classes, the bits (by position in `by_length`, 64 to a
    /// word) of the candidates that hold it: `lanes` words per class.
    holders: Vec<u64>,
    lanes: usize,
}

/// The bits from `lo` up to (not including) `hi`, both at most 64.
fn bit_range(lo: usize, hi: usize) -> u64 {
    let below = |n: usize| {
        u32::try_from(n)
            .ok()
            .and_then(|n| 1u64.checked_shl(n))
            .map_or(!0, |b| b - 1)
    };
    below(hi) & !below(lo)
}

/// Counts up to 15 in four bit planes, one count per bit position of a word, with a
/// flag for the positions that went past it: 64 candidates counted at once.
#[derive(Default)]
struct SlicedCount {
    planes: [u64; 4],
    past: u64,
}

impl SlicedCount {
    /// Adds one at every position set in `bits`.
    fn add(&mut self, bits: u64) {
        let mut carry = bits;
        for plane in &mut self.planes {
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
        }
        self.past |= carry;
    }

    /// The positions whose count is at most `k` (`k` under 15).
    fn at_most(&self, k: usize) -> u64 {
        // Compared with k + 1 from the highest plane down: above it, or equal so far.
        let limit = k + 1;
        let (mut above, mut equal) = (0u64, !0u64);
        for (i, plane) in self.planes.iter().enumerate().rev() {
            if limit >> i & 1 == 1 {
                equal &= plane;
            } else {
                above |= equal & plane;
                equal &= !plane;
            }
        }
        !(above | equal | self.past)
    }
}

impl<'a> NearMissIndex<'a> {
    /// Indexes the candidates (duplicates are kept once).
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words: Vec<&'a str> = candidates.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        let norm: Vec<Vec<u8>> = words
            .iter()
            .map(|w| w.bytes().map(normalised).collect())
            .collect();
        let mut by_length: Vec<(usize, CharSet, usize)> = norm
            .iter()
            .enumerate()
            .map(|(id, n)| (n.len(), CharSet::of(n), id))
            .collect();
        by_length.sort_unstable_by_key(|(len, _, id)| (*len, *id));
        let lanes = by_length.len().div_ceil(64);
        let mut holders = vec![0u64; 64 * lanes];
        for (at, (_, set, _)) in by_length.iter().enumerate() {
            for class in 0..64 {
                if set.0 >> class & 1 == 1 {
                    if let Some(w) = holders.get_mut(class * lanes + at / 64) {
                        *w |= 1 << (at % 64);
                    }
                }
            }
        }
        NearMissIndex {
            words,
            norm,
            by_length,
            holders,
            lanes,
        }
    }

    /// The positions in `by_length` from `from` to `to` whose candidates may be within
    /// `k` edits of a word with the classes `set`: at most `k` of the word's classes
    /// missing, counted for 64 candidates at a time ([`CharSet`]'s first half; the
    /// caller applies the whole test to the few that pass), each given to `visit`.
    fn may_be_near(
        &self,
        set: CharSet,
        k: usize,
        from: usize,
        to: usize,
        mut visit: impl FnMut(usize),
    ) {
        if from >= to {
            return;
        }
        for lane in from / 64..to.div_ceil(64) {
            let first = lane * 64;
            let window = bit_range(from.saturating_sub(first), (to - first).min(64));
            let mut passing = if k < 15 {
                let mut missing = SlicedCount::default();
                let mut classes = set.0;
                while classes != 0 {
                    let class = classes.trailing_zeros() as usize;
                    classes &= classes - 1;
                    let held = self
                        .holders
                        .get(class * self.lanes + lane)
                        .copied()
                        .unwrap_or(0);
                    missing.add(!held);
                }
                missing.at_most(k) & window
            } else {
                window
            };
            while passing != 0 {
                visit(first + passing.trailing_zeros() as usize);
                passing &= passing - 1;
            }
        }
    }

    /// How many candidates it holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Up to `max` candidates close to `word`, closest first: [`did_you_mean`]'s answer.
    pub fn did_you_mean(&self, word: &str, max: usize) -> Vec<&'a str> {
        // The word normalised on the stack when it is short (nearly always).
        let (mut stack, mut heap) = ([0u8; 64], Vec::new());
        let w: &[u8] = match stack.get_mut(..word.len()) {
            Some(slot) => {
                for (s, b) in slot.iter_mut().zip(word.bytes()) {
                    *s = normalised(b);
                }
                slot
            }
            None => {
                heap.extend(word.bytes().map(normalised));
                &heap
            }
        };
        let limit = edit_limit(w.len());
        let set = CharSet::of(w);
        let (shortest, longest) = (w.len().saturating_sub(limit), w.len() + limit);
        let from = self.by_length.partition_point(|(len, ..)| *len < shortest);
        let to = self.by_length.partition_point(|(len, ..)| *len <= longest);
        let first_seg = w.split(|b| *b == b'.').next().unwrap_or(&[]);
        let mut scored: Vec<(usize, bool, &'a str)> = Vec::new();
        self.may_be_near(set, limit, from, to, |at| {
            let Some(&(_, other, id)) = self.by_length.get(at) else {
                return;
            };
            if !set.may_be_within(other, limit) {
                return;
            }
            let (Some(c), Some(word)) = (self.norm.get(id), self.words.get(id)) else {
                return;
            };
            if let Some(d) = osa(w, c, limit) {
                let other_segment = c.split(|b| *b == b'.').next() != Some(first_seg);
                scored.push((d, other_segment, word));
            }
        });
        scored.sort_unstable();
        scored.into_iter().take(max).map(|(_, _, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word made by edits of one of the vocabulary's (insertions, deletions,
    /// substitutions, transpositions), and the index's and the exhaustive search's
    /// suggestions for it.
    fn both_searches(
        vocab: &[String],
        pick: usize,
        edits: &[(usize, u8, String)],
        max: usize,
    ) -> (String, Vec<String>, Vec<String>) {
        let index = NearMissIndex::new(vocab.iter().map(String::as_str));
        let mut word: Vec<char> = vocab[pick % vocab.len()].chars().collect();
        for (at, op, ch) in edits {
            let ch = ch.chars().next().unwrap_or('a');
            let at = at % (word.len() + 1);
            match op {
                0 => word.insert(at, ch),
                1 if at < word.len() => {
                    word.remove(at);
                }
                2 if at < word.len() => word[at] = ch,
                3 if at + 1 < word.len() => word.swap(at, at + 1),
                _ => {}
            }
        }
        let word: String = word.into_iter().collect();
        let mut sorted: Vec<&str> = vocab.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let owned = |v: Vec<&str>| v.into_iter().map(String::from).collect();
        let fast = owned(index.did_you_mean(&word, max));
        let exhaustive = owned(did_you_mean(&word, sorted, max));
        (word, fast, exhaustive)
    }

    proptest::proptest! {
        #[test]
        fn at_most_ones_counts_as_the_population_count(
            dense in proptest::prelude::any::<u64>(),
            sparse in proptest::collection::vec(0u32..64, 0..8),
            k in 0usize..6,
        ) {
            let few = sparse.iter().fold(0u64, |bits, i| bits | 1 << i);
            for bits in [dense, few] {
                proptest::prop_assert_eq!(at_most_ones(bits, k), bits.count_ones() as usize <= k);
            }
        }
    }

    proptest::proptest! {
        /// Over more than one word of candidates (and long words, where the counter
        /// gives way to the whole test), the index still answers as the search does.
        #[test]
        fn the_index_agrees_over_many_lanes(
            vocab in proptest::collection::vec("[a-f0-2._]{1,24}", 60..220),
            pick in 0usize..220,
            edits in proptest::collection::vec((0usize..30, 0u8..4, "[a-f0-3._A-F]"), 0..6),
            long in proptest::prelude::any::<bool>(),
        ) {
            let mut vocab = vocab;
            if long {
                vocab.push("ab.".repeat(30));
            }
            let (word, fast, exhaustive) = both_searches(&vocab, pick, &edits, 3);
            proptest::prop_assert_eq!(fast, exhaustive, "word {:?}", word);
        }

        #[test]
        fn bit_range_sets_the_bits_between(lo in 0usize..=64, hi in 0usize..=64) {
            let bits = bit_range(lo, hi);
            for i in 0..64 {
                proptest::prop_assert_eq!(bits >> i & 1 == 1, lo <= i && i < hi);
            }
        }

        #[test]
        fn the_sliced_count_counts_each_position(
            adds in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..20),
            k in 0usize..15,
        ) {
            let mut count = SlicedCount::default();
            for bits in &adds {
                count.add(*bits);
            }
            let at_most = count.at_most(k);
            for position in 0..64 {
                let n = adds.iter().filter(|b| *b >> position & 1 == 1).count();
                proptest::prop_assert_eq!(at_most >> position & 1 == 1, n <= k, "position {}", position);
            }
        }
    }

    #[test]
    fn bag_distance_counts_past_a_byte() {
        let a = "a".repeat(300);
        let b = format!("{}bc", "a".repeat(299));
        assert_eq!(bag_distance(a.as_bytes(), b.as_bytes()), 2);
        assert_eq!(bag_distance(b"abc", b"cab"), 0);
        assert_eq!(bag_distance(b"abc", b"abd"), 1);
    }

    #[test]
    fn distance() {
        let d = |a: &str, b: &str| osa(a.as_bytes(), b.as_bytes(), usize::MAX);
        assert_eq!(d("aws.regoin", "aws.region"), Some(1));
        assert_eq!(d("kitten", "sitting"), Some(3));
        assert_eq!(d("", "abc"), Some(3));
        assert!(within_distance("sasl.pasword", "sasl.password", 2));
        assert!(within_distance("aws.regoin", "aws.region", 1));
        assert!(!within_distance("sasl.mechanism", "sasl.password", 2));
        assert!(!within_distance("kafka_topic", "sasl.password", 2));
    }

    proptest::proptest! {
        /// The index gives the exhaustive search's answer, for words near the
        /// vocabulary (edits of its words) and far from it.
        #[test]
        fn the_index_agrees_with_the_exhaustive_search(
            vocab in proptest::collection::vec("[a-c._]{1,14}", 1..40),
            pick in 0usize..40,
            edits in proptest::collection::vec((0usize..20, 0u8..4, "[a-c._A-C]"), 0..5),
            max in 1usize..4,
        ) {
            let (word, fast, exhaustive) = both_searches(&vocab, pick, &edits, max);
            proptest::prop_assert_eq!(fast, exhaustive, "word {:?}", word);
        }

        /// The byte-class filter never rules out a pair within reach.
        #[test]
        fn class_filter_agrees_with_the_table(a in "[abAB09._s-]{0,12}", b in "[abAB09._s-]{0,12}", k in 0usize..4) {
            let table = osa(a.as_bytes(), b.as_bytes(), usize::MAX).unwrap_or(usize::MAX);
            if table <= k {
                proptest::prop_assert!(CharSet::of(a.as_bytes()).may_be_within(CharSet::of(b.as_bytes()), k));
            }
        }

        /// The near-word test answers as the pairwise test does.
        #[test]
        fn near_words_agree_with_the_pairwise_test(words in proptest::collection::vec("[abAB09._s-]{0,10}", 0..6), w in "[abAB09._s-]{0,12}", k in 0usize..4) {
            let list: Vec<&str> = words.iter().map(String::as_str).collect();
            let near = NearWords::new(&list);
            proptest::prop_assert_eq!(near.any_within(&w, k), list.iter().any(|c| within_distance(&w, c, k)));
        }

        /// The bag-distance filter never changes an answer: it only skips pairs the
        /// full table would also reject.
        #[test]
        fn bag_filter_agrees_with_the_table(a in "[ab._s]{0,9}", b in "[ab._s]{0,9}", k in 0usize..4) {
            let table = osa(a.as_bytes(), b.as_bytes(), usize::MAX).unwrap_or(usize::MAX);
            proptest::prop_assert!(bag_distance(a.as_bytes(), b.as_bytes()) <= table);
            proptest::prop_assert_eq!(within_distance(&a, &b, k), table <= k);
        }
    }

    #[test]
    fn suggestions() {
        let c = ["security.protocol", "sasl.mechanism", "ssl.ca.location"];
        assert_eq!(
            did_you_mean("security.protocl", c, 3),
            vec!["security.protocol"]
        );
        assert_eq!(
            did_you_mean("ssl_ca_location", c, 3),
            vec!["ssl.ca.location"]
        );
        assert!(did_you_mean("zzz", c, 3).is_empty());
    }
}
