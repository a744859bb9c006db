//! Edit distances for did-you-mean help: bounded, allocation-light and panic-free.

/// Whether `a` and `b` are at most `k` edits apart (bytes).
pub fn within_distance(a: &str, b: &str, k: usize) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len().abs_diff(b.len()) <= k && bag_distance(a, b) <= k && osa(a, b, k).is_some()
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

/// A did-you-mean index over a fixed vocabulary: the same answers as [`did_you_mean`]
/// over the same candidates (a property test checks it), without comparing the word
/// with every candidate. Candidates are indexed by their bigrams; a word within `k`
/// edits of a candidate shares at least `max(|w|, |c|) - 1 - 3k` of its bigrams with it
/// (each edit, a transposition included, changes at most three bigrams), so only the
/// candidates that share that many are compared with the edit-distance table.
#[derive(Debug, Clone)]
pub struct NearMissIndex<'a> {
    words: Vec<&'a str>,
    norm: Vec<Vec<u8>>,
    /// Bigram → (candidate's length, candidate, how many times it holds the bigram),
    /// by length: a query walks only the lengths within its reach.
    postings: crate::text::hash::FastMap<[u8; 2], Vec<(usize, u32, u16)>>,
}

/// The distinct bigrams of `w` with how often each occurs.
fn bigrams(w: &[u8]) -> Vec<([u8; 2], u16)> {
    let mut all: Vec<[u8; 2]> = Vec::with_capacity(w.len());
    all.extend(w.windows(2).filter_map(|p| match p {
        [a, b] => Some([*a, *b]),
        _ => None,
    }));
    all.sort_unstable();
    let mut out: Vec<([u8; 2], u16)> = Vec::with_capacity(all.len());
    for g in all {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n = n.saturating_add(1),
            _ => out.push((g, 1)),
        }
    }
    out
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
        let mut postings: crate::text::hash::FastMap<[u8; 2], Vec<(usize, u32, u16)>> =
            crate::text::hash::FastMap::default();
        for (id, n) in norm.iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            for (g, count) in bigrams(n) {
                postings.entry(g).or_default().push((n.len(), id, count));
            }
        }
        for list in postings.values_mut() {
            list.sort_unstable();
        }
        NearMissIndex {
            words,
            norm,
            postings,
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
        let w: Vec<u8> = word.bytes().map(normalised).collect();
        let limit = edit_limit(w.len());
        // The fewest bigrams a candidate of length `len` must share to be in reach.
        let needed = |len: usize| (w.len().max(len) + 1).saturating_sub(2 + 3 * limit);
        let in_reach = |id: usize| {
            self.norm
                .get(id)
                .is_some_and(|c| c.len().abs_diff(w.len()) <= limit)
        };
        let mut ids: Vec<usize> = Vec::with_capacity(16);
        if needed(w.len()) == 0 {
            // Short words: every candidate of a close length is in reach.
            ids.extend((0..self.norm.len()).filter(|&id| in_reach(id)));
        } else {
            // Bigrams shared with each candidate of a length in reach, and the
            // candidates touched.
            let (shortest, longest) = (w.len().saturating_sub(limit), w.len() + limit);
            let mut shared = vec![0u32; self.norm.len()];
            let mut touched: Vec<usize> = Vec::with_capacity(self.norm.len());
            for (g, count) in bigrams(&w) {
                let list = self.postings.get(&g).map(Vec::as_slice).unwrap_or(&[]);
                let from = list.partition_point(|(len, ..)| *len < shortest);
                for &(len, id, c) in list.get(from..).unwrap_or(&[]) {
                    if len > longest {
                        break;
                    }
                    let Ok(id) = usize::try_from(id) else {
                        continue;
                    };
                    if let Some(n) = shared.get_mut(id) {
                        if *n == 0 {
                            touched.push(id);
                        }
                        *n += u32::from(count.min(c));
                    }
                }
            }
            for id in touched {
                let n = shared.get(id).copied().unwrap_or(0) as usize;
                let len = self.norm.get(id).map_or(usize::MAX, Vec::len);
                if n >= needed(len) {
                    ids.push(id);
                }
            }
        }
        let first_seg = w.split(|b| *b == b'.').next().unwrap_or(&[]);
        let mut scored: Vec<(usize, bool, &'a str)> = ids
            .into_iter()
            .filter_map(|id| {
                let c = self.norm.get(id)?;
                let d = osa(&w, c, limit)?;
                let other_segment = c.split(|b| *b == b'.').next() != Some(first_seg);
                Some((d, other_segment, *self.words.get(id)?))
            })
            .collect();
        scored.sort_unstable();
        scored.into_iter().take(max).map(|(_, _, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let index = NearMissIndex::new(vocab.iter().map(String::as_str));
            let mut word: Vec<char> = vocab[pick % vocab.len()].chars().collect();
            for (at, op, ch) in edits {
                let ch = ch.chars().next().unwrap_or('a');
                let at = at % (word.len() + 1);
                match op {
                    0 => word.insert(at, ch),
                    1 if at < word.len() => { word.remove(at); }
                    2 if at < word.len() => word[at] = ch,
                    3 if at + 1 < word.len() => word.swap(at, at + 1),
                    _ => {}
                }
            }
            let word: String = word.into_iter().collect();
            let mut sorted: Vec<&str> = vocab.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            sorted.dedup();
            proptest::prop_assert_eq!(index.did_you_mean(&word, max), did_you_mean(&word, sorted, max), "word {:?}", word);
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
