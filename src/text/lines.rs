//! Line and column positions of a text.

/// Maps line/column positions of a text to byte offsets.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
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
    fn line_index() {
        let t = "ab\ncdé\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.offset(t, 2, 3), 5);
        assert_eq!(li.offset(t, 3, 1), 8);
        assert_eq!(li.offset(t, 9, 1), t.len());
    }
}
