//! Small text utilities shared by the stages: edit distance for did-you-mean help, and
//! Doris's string-literal decoding.

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return osa(a.as_bytes(), b.as_bytes(), usize::MAX).unwrap_or(usize::MAX);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// Whether `a` and `b` are at most `k` edits apart (bytes).
pub fn within_distance(a: &str, b: &str, k: usize) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len().abs_diff(b.len()) <= k && bag_distance(a, b) <= k && osa(a, b, k).is_some()
}

/// The bag distance: the larger of the two multiset differences of the bytes. It never
/// exceeds the edit distance (an edit changes each difference by at most one; a
/// transposition by none), so it rules most pairs out without the quadratic table.
fn bag_distance(a: &[u8], b: &[u8]) -> usize {
    // Bytes of `b` not yet matched, then each byte of `a` takes one or counts as extra.
    let mut unmatched = [0u32; 256];
    for &x in b {
        if let Some(c) = unmatched.get_mut(usize::from(x)) {
            *c += 1;
        }
    }
    let mut only_a = 0;
    for &x in a {
        match unmatched.get_mut(usize::from(x)) {
            Some(c) if *c > 0 => *c -= 1,
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
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
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
            let mut d = (cell(&prev, col) + 1)
                .min(cell(&cur, j) + 1)
                .min(cell(&prev, j) + cost);
            let transposed = i > 0
                && j > 0
                && a.get(i - 1).zip(b.get(j)).is_some_and(|(x, y)| x == y)
                && b.get(j - 1).is_some_and(|y| y == ai);
            if transposed {
                d = d.min(cell(&prev2, j - 1) + 1);
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
    let d = cell(&prev, m);
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
    let norm = |b: u8| match b.to_ascii_lowercase() {
        b'_' => b'.',
        c => c,
    };
    let w: Vec<u8> = word.bytes().map(norm).collect();
    let limit = if w.len() > 10 {
        (w.len() / 5).max(2)
    } else {
        2
    };
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

/// Decodes the content of a quoted literal (quotes stripped) as Doris does (§2.5): a
/// doubled quote is one quote; `\n \t \r \b \0 \Z` are control characters; `\%` and
/// `\_` keep their backslash; a backslash before any other character yields that
/// character; a trailing backslash is kept.
pub fn decode_string_literal(raw: &str, quote: char) -> String {
    if !raw.contains('\\') && !raw.contains(quote) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == quote && chars.peek() == Some(&quote) {
            chars.next();
            out.push(quote);
        } else if c == '\\' {
            match chars.next() {
                None => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('0') => out.push('\0'),
                Some('Z') => out.push('\u{1a}'),
                Some(c @ ('%' | '_')) => {
                    out.push('\\');
                    out.push(c);
                }
                Some(c) => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Maps line/column positions of a text to byte offsets.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// The byte offset of a 1-based line and character column, clamped to the text.
    pub fn offset(&self, text: &str, line: u64, column: u64) -> usize {
        let Some(&start) = usize::try_from(line.saturating_sub(1))
            .ok()
            .and_then(|l| self.line_starts.get(l))
        else {
            return text.len();
        };
        let rest = text.get(start..).unwrap_or("");
        let col = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        match rest.char_indices().nth(col) {
            Some((i, _)) => start + i,
            None => text.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("aws.regoin", "aws.region"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert!(within_distance("sasl.pasword", "sasl.password", 2));
        assert!(within_distance("aws.regoin", "aws.region", 1));
        assert!(!within_distance("sasl.mechanism", "sasl.password", 2));
        assert!(!within_distance("kafka_topic", "sasl.password", 2));
    }

    proptest::proptest! {
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

    #[test]
    fn decodes_like_doris() {
        assert_eq!(decode_string_literal(r"a\nb", '"'), "a\nb");
        assert_eq!(decode_string_literal(r"\%\_\x\\", '\''), r"\%\_x\");
        assert_eq!(decode_string_literal("it''s", '\''), "it's");
        assert_eq!(decode_string_literal(r"tail\", '"'), "tail\\");
    }

    #[test]
    fn line_index() {
        let t = "ab\ncdé\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.offset(t, 2, 3), 5);
        assert_eq!(li.offset(t, 3, 1), 8);
        assert_eq!(li.offset(t, 9, 1), t.len());
    }
}
