//! Line and column positions of a text.

/// Characters between two checkpoints of a line that is not all ASCII.
const STRIDE: usize = 256;

/// Maps line/column positions of a text to byte offsets, in time independent of the
/// line's length: ASCII lines are addressed directly, other lines through a checkpoint
/// every 256 characters.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// For each line that is not all ASCII: (line, the byte offsets of its characters
    /// 0, 256, 512, …).
    checkpoints: Vec<(usize, Vec<usize>)>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            for (line, &start) in line_starts.iter().enumerate() {
                let end = line_starts.get(line + 1).copied().unwrap_or(text.len());
                let Some(body) = text.get(start..end) else {
                    continue;
                };
                if body.is_ascii() {
                    continue;
                }
                let marks = body
                    .char_indices()
                    .step_by(STRIDE)
                    .map(|(i, _)| start + i)
                    .collect();
                checkpoints.push((line, marks));
            }
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// How many lines the text has.
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of a 0-based line (its `\n` excluded).
    pub fn line_range(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |next| next - 1);
        Some(start..end.max(start))
    }

    /// The 0-based line an offset is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// The byte offset of a 1-based line and character column, clamped to the line (a
    /// column past its last character is its end).
    pub fn offset(&self, text: &str, line: u64, column: u64) -> usize {
        let Some(line) = usize::try_from(line.saturating_sub(1)).ok() else {
            return text.len();
        };
        let Some(range) = self.line_range(text, line) else {
            return text.len();
        };
        let col = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        let (base, skip) = match self.checkpoints.binary_search_by_key(&line, |(l, _)| *l) {
            // ASCII: characters are bytes.
            Err(_) => return range.start.saturating_add(col).min(range.end),
            Ok(i) => {
                let marks = self.checkpoints.get(i).map_or(&[][..], |(_, m)| m);
                match marks.get(col / STRIDE) {
                    Some(&b) => (b, col % STRIDE),
                    None => return range.end,
                }
            }
        };
        let rest = text.get(base..range.end).unwrap_or("");
        match rest.char_indices().nth(skip) {
            Some((i, _)) => base + i,
            None => range.end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index() {
        let t = "ab\ncdé\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.offset(t, 2, 3), 5);
        assert_eq!(li.offset(t, 3, 1), 8);
        assert_eq!(li.offset(t, 9, 1), t.len());
        assert_eq!(li.line_of(4), 1);
        assert_eq!(li.line_range(t, 1), Some(3..7));
    }

    proptest::proptest! {
        /// The checkpoints give the same offsets as counting characters from the line's
        /// start, up to just past its last character.
        #[test]
        fn offsets_agree_with_counting(text in "([aé\\n]{0,40}|[ab\\n€]{300,700})", line in 1u64..4, col in 1u64..700) {
            let li = LineIndex::new(&text);
            let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            if let Some(&s) = starts.get((line - 1) as usize) {
                let body = text[s..].split('\n').next().unwrap_or("");
                let chars = body.chars().count() as u64;
                if col <= chars + 1 {
                    let want = s + body.char_indices().nth((col - 1) as usize).map_or(body.len(), |(i, _)| i);
                    proptest::prop_assert_eq!(li.offset(&text, line, col), want);
                }
            }
        }
    }
}
