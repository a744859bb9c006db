//! Splitting a script into statements, and tokenizing one statement.
//!
//! The splitter finds each `;` outside strings, backquoted names and comments (§2.8),
//! so a broken statement never hides the next one, and each statement is tokenized on
//! its own: memory stays bounded by the largest statement, not by the script.

use super::dialect::DorisDialect;
use crate::ast::{Location, Span};
use crate::diagnostic::{Diagnostic, Stage};
use crate::text::decode_string_literal;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

/// One statement's text, without its `;`.
#[derive(Debug, Clone, Copy)]
pub struct Chunk<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the script.
    pub offset: usize,
    /// Where `text` starts in the script.
    pub start: Location,
    /// Whether a `;` ended it (the last statement may omit it).
    pub terminated: bool,
}

/// Iterates over the statements of a script.
pub struct Splitter<'a> {
    src: &'a str,
    pos: usize,
    line: u64,
    col: u64,
}

impl<'a> Splitter<'a> {
    pub fn new(src: &'a str) -> Self {
        Splitter {
            src,
            pos: 0,
            line: 1,
            col: 1,
        }
    }

    fn bump(&mut self, b: u8) {
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            self.col += 1;
        }
    }

    fn skip_quoted(&mut self, bytes: &[u8], quote: u8) {
        let escapes = quote != b'`';
        self.bump(quote);
        while let Some(&b) = bytes.get(self.pos) {
            self.bump(b);
            if b == quote {
                return;
            }
            if escapes && b == b'\\' {
                if let Some(&n) = bytes.get(self.pos) {
                    self.bump(n);
                }
            }
        }
    }

    fn skip_line(&mut self, bytes: &[u8]) {
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'\n' {
                return;
            }
            self.bump(b);
        }
    }

    fn skip_block_comment(&mut self, bytes: &[u8]) {
        let mut depth = 0usize;
        while let Some(&b) = bytes.get(self.pos) {
            let next = bytes.get(self.pos + 1).copied();
            if b == b'/' && next == Some(b'*') {
                depth += 1;
                self.bump(b);
                self.bump(b'*');
            } else if b == b'*' && next == Some(b'/') {
                self.bump(b);
                self.bump(b'/');
                depth -= 1;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump(b);
            }
        }
    }
}

impl<'a> Iterator for Splitter<'a> {
    type Item = Chunk<'a>;

    fn next(&mut self) -> Option<Chunk<'a>> {
        let bytes = self.src.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let start_loc = Location::new(self.line, self.col);
        while let Some(&b) = bytes.get(self.pos) {
            let next = bytes.get(self.pos + 1).copied();
            match b {
                b'\'' | b'"' | b'`' => self.skip_quoted(bytes, b),
                b'-' if next == Some(b'-') => self.skip_line(bytes),
                b'#' => self.skip_line(bytes),
                b'/' if next == Some(b'*') => self.skip_block_comment(bytes),
                b';' => {
                    let text = self.src.get(start..self.pos).unwrap_or("");
                    self.bump(b);
                    return Some(Chunk {
                        text,
                        offset: start,
                        start: start_loc,
                        terminated: true,
                    });
                }
                _ => self.bump(b),
            }
        }
        Some(Chunk {
            text: self.src.get(start..).unwrap_or(""),
            offset: start,
            start: start_loc,
            terminated: false,
        })
    }
}

/// True when `text` holds at least one complete statement (a `;` outside strings and
/// comments): what the REPL waits for before it runs the input.
pub fn has_complete_statement(text: &str) -> bool {
    Splitter::new(text).any(|c| c.terminated)
}

/// Moves a location inside a chunk to its place in the script.
pub(crate) fn shift(loc: sqlparser::tokenizer::Location, base: Location) -> Location {
    if loc.line <= 1 {
        Location::new(base.line, base.column + loc.column.saturating_sub(1))
    } else {
        Location::new(base.line + loc.line - 1, loc.column)
    }
}

/// Tokenizes one statement: locations are the script's, strings hold their decoded
/// values (§2.5), backquoted names their names, and whitespace and comments are gone.
pub fn tokenize(chunk: &Chunk<'_>) -> Result<Vec<TokenWithSpan>, Diagnostic> {
    match tokenize_partial(chunk) {
        (tokens, None) => Ok(tokens),
        (_, Some(e)) => Err(e),
    }
}

/// Like [`tokenize`], but keeps the tokens read before an error, so that callers that
/// mask secrets can see what precedes a broken token.
pub fn tokenize_partial(chunk: &Chunk<'_>) -> (Vec<TokenWithSpan>, Option<Diagnostic>) {
    let dialect = DorisDialect;
    let mut buf = Vec::new();
    let base = chunk.start;
    let result = Tokenizer::new(&dialect, chunk.text)
        .with_unescape(false)
        .tokenize_with_location_into_buf_with_mapper(&mut buf, |mut t| {
            let start = shift(t.span.start, base);
            let end = shift(t.span.end, base);
            t.span = sqlparser::tokenizer::Span::new(
                sqlparser::tokenizer::Location::new(start.line, start.column),
                sqlparser::tokenizer::Location::new(end.line, end.column),
            );
            t.token = match t.token {
                // Most literals have nothing to decode: keep them without a copy.
                Token::SingleQuotedString(raw) if raw.contains(['\\', '\'']) => {
                    Token::SingleQuotedString(decode_string_literal(&raw, '\''))
                }
                Token::DoubleQuotedString(raw) if raw.contains(['\\', '"']) => {
                    Token::DoubleQuotedString(decode_string_literal(&raw, '"'))
                }
                Token::Word(mut w) if w.quote_style == Some('`') && w.value.contains("``") => {
                    w.value = w.value.replace("``", "`");
                    Token::Word(w)
                }
                other => other,
            };
            t
        });
    buf.retain(|t| !matches!(t.token, Token::Whitespace(_)));
    let error = result.err().map(|e| {
        let at = shift(e.location, base);
        let message = tokenizer_message(&e.message);
        Diagnostic::error(Stage::Parse, "P0", message.0)
            .at(Span::new(at, Location::new(at.line, at.column + 1)))
            .with_help(message.1)
    });
    (buf, error)
}

/// Rewords sqlparser's tokenizer errors for people: (message, help).
fn tokenizer_message(raw: &str) -> (String, String) {
    let lower = raw.to_ascii_lowercase();
    if lower.contains("unterminated string")
        || lower.contains("unterminated") && lower.contains("literal")
    {
        (
            "unterminated string literal".into(),
            "close the string with the quote character it starts with; a backslash escapes the next character".into(),
        )
    } else if lower.contains("comment") {
        (
            "unterminated /* comment".into(),
            "close the comment with */ (comments nest: every /* needs its own */)".into(),
        )
    } else if lower.contains("delimited") || lower.contains("expected close delimiter") {
        (
            "unterminated backquoted name".into(),
            "close the name with a backquote (`); write `` for a backquote inside it".into(),
        )
    } else {
        (
            format!("invalid token: {raw}"),
            "check the characters at this position".into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        Splitter::new(s).map(|c| c.text.trim()).collect()
    }

    #[test]
    fn splits_outside_strings_and_comments() {
        assert_eq!(
            texts("a ';' b; c \"x;y\" -- ; here\n d; /* ; /* ; */ ; */ e # ;\n f"),
            vec![
                "a ';' b",
                "c \"x;y\" -- ; here\n d",
                "/* ; /* ; */ ; */ e # ;\n f"
            ]
        );
        assert_eq!(texts("`a;b`;c"), vec!["`a;b`", "c"]);
        assert_eq!(texts(r"'it\'s;' ; x"), vec![r"'it\'s;'", "x"]);
    }

    #[test]
    fn chunk_locations() {
        let chunks: Vec<_> = Splitter::new("a;\n  bé;c").collect();
        assert_eq!(chunks[1].start, Location::new(1, 3));
        assert_eq!(chunks[2].start, Location::new(2, 6));
    }

    #[test]
    fn tokens_carry_script_locations() {
        let src = "x;\n  SELECT 'a\\nb'";
        let chunk = Splitter::new(src).nth(1).unwrap();
        let toks = tokenize(&chunk).unwrap();
        assert_eq!(toks[0].span.start.line, 2);
        assert_eq!(toks[0].span.start.column, 3);
        assert_eq!(toks[1].token, Token::SingleQuotedString("a\nb".into()));
    }
}
