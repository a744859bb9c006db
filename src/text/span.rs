//! Positions in source text: the spans every diagnostic and AST node carries.

use serde::Serialize;
use std::fmt;

/// A position in the source text: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: u64,
    /// 1-based column, in characters.
    pub column: u64,
}

impl Location {
    /// A position.
    pub const fn new(line: u64, column: u64) -> Self {
        Location { line, column }
    }
}

impl From<sqlparser::tokenizer::Location> for Location {
    fn from(l: sqlparser::tokenizer::Location) -> Self {
        Location::new(l.line, l.column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A region of the source text: `start` inclusive, `end` exclusive.
///
/// Spans are metadata, not content: all spans compare equal and hash alike, so two
/// ASTs are equal when they say the same thing, wherever they were written. Use
/// [`Span::same_place`] to compare positions.
#[derive(Clone, Copy, Default, Serialize)]
pub struct Span {
    /// The first position (inclusive).
    pub start: Location,
    /// The end (exclusive).
    pub end: Location,
}

impl Span {
    /// A span.
    pub const fn new(start: Location, end: Location) -> Self {
        Span { start, end }
    }

    /// True when the span carries no position (built programmatically).
    pub fn is_empty(&self) -> bool {
        self.start.line == 0
    }

    /// The smallest span covering both.
    pub fn union(self, other: Span) -> Span {
        if self.is_empty() {
            return other;
        }
        if other.is_empty() {
            return self;
        }
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Compares positions, which `==` deliberately ignores.
    pub fn same_place(&self, other: &Span) -> bool {
        self.start == other.start && self.end == other.end
    }
}

impl From<sqlparser::tokenizer::Span> for Span {
    fn from(s: sqlparser::tokenizer::Span) -> Self {
        Span::new(s.start.into(), s.end.into())
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}
impl Eq for Span {}
impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}..{}:{}",
            self.start.line, self.start.column, self.end.line, self.end.column
        )
    }
}
