//! Splitting a script into statements, and tokenizing one statement.
//!
//! The splitter finds each `;` outside strings, backquoted names and comments,
//! so a broken statement never hides the next one, and each statement is tokenized on
//! its own: memory stays bounded by the largest statement, not by the script.

use super::dialect::DorisDialect;
use crate::ast::{Location, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;
use crate::text::decode_string_literal;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

/// One statement's text, without its `;`.
#[derive(Debug, Clone, Copy)]
pub struct Chunk<'a> {
    /// The statement text.
    pub text: &'a str,
    /// Byte offset of `text` in the script.
    pub offset: usize,
    /// Where `text` starts in the script.
    pub start: Location,
    /// Whether a `;` ended it (the last statement may omit it).
    pub terminated: bool,
}

impl Chunk<'_> {
    /// The byte offset in `text` of a script location inside this chunk, through an
    /// index of the chunk's own lines.
    pub(crate) fn offset_of(&self, index: &crate::text::LineIndex, at: Location) -> usize {
        let (line, column) = self.relative(at);
        index.offset(self.text, line, column)
    }

    /// A script location as a 1-based line and column of this chunk's text.
    pub(crate) fn relative(&self, at: Location) -> (u64, u64) {
        if at.line == self.start.line {
            (1, (at.column + 1).saturating_sub(self.start.column).max(1))
        } else {
            ((at.line + 1).saturating_sub(self.start.line), at.column)
        }
    }

    /// How many bytes of blanks and comments the chunk starts with, and where what
    /// follows them starts.
    pub(crate) fn leading_trivia(&self) -> (usize, Location) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            match (bytes.get(i), bytes.get(i + 1)) {
                (Some(b'-'), Some(b'-')) | (Some(b'#'), _) => {
                    while bytes.get(i).is_some_and(|b| *b != b'\n') {
                        i += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => i = crate::text::block_comment_end(bytes, i).0,
                _ => break,
            }
        }
        let i = i.min(bytes.len());
        (i, self.location_at(i))
    }

    /// The script location of byte `at` of the chunk, counted from the chunk's start
    /// (linear in `at`).
    pub(crate) fn location_at(&self, at: usize) -> Location {
        let before = self.text.get(..at).unwrap_or(self.text);
        match before.rfind('\n') {
            Some(nl) => Location::new(
                self.start.line + before.matches('\n').count() as u64,
                1 + before.get(nl + 1..).map_or(0, |t| t.chars().count()) as u64,
            ),
            None => Location::new(
                self.start.line,
                self.start.column + before.chars().count() as u64,
            ),
        }
    }
}

/// Iterates over the statements of a script.
pub struct Splitter<'a> {
    src: &'a str,
    pos: usize,
    line: u64,
    /// A byte offset on the current line and its column: columns are counted from
    /// it only when a statement starts, not for every byte (and never twice, so many
    /// statements on one long line stay linear).
    mark: (usize, u64),
}

impl<'a> Splitter<'a> {
    /// Splits `src`.
    pub fn new(src: &'a str) -> Self {
        Splitter {
            src,
            pos: 0,
            line: 1,
            mark: (0, 1),
        }
    }

    fn bump(&mut self, b: u8) {
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.mark = (self.pos, 1);
        }
    }

    /// The location of byte offset `pos` (at or after the mark, on the current line);
    /// columns count characters.
    fn location(&mut self, pos: usize) -> Location {
        let (from, col) = self.mark;
        let text = self.src.as_bytes().get(from..pos).unwrap_or(&[]);
        let col = col + text.iter().filter(|b| **b & 0xC0 != 0x80).count() as u64;
        self.mark = (pos, col);
        Location::new(self.line, col)
    }

    /// Moves to the first byte from here on that `find` finds, and returns it; `None`
    /// at the end of the text. `find` stops at every line break: lines are counted
    /// only where it stops.
    fn jump(&mut self, bytes: &[u8], find: impl Fn(&[u8]) -> Option<usize>) -> Option<u8> {
        let rest = bytes.get(self.pos..).unwrap_or(&[]);
        match find(rest) {
            Some(n) => self.pos += n,
            None => self.pos = bytes.len(),
        }
        bytes.get(self.pos).copied()
    }

    fn skip_quoted(&mut self, bytes: &[u8], quote: u8) {
        let escapes = quote != b'`';
        self.bump(quote);
        loop {
            // Jump to the next byte that matters inside the quotes.
            let Some(b) = self.jump(bytes, |rest| memchr::memchr3(quote, b'\\', b'\n', rest))
            else {
                return;
            };
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

/// The bytes the splitter stops at: quotes, comment starts, `;` and line breaks.
// Evaluated at compile time: an index out of range fails the build, never a run.
#[allow(clippy::indexing_slicing)]
static SPLITTER_STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let stops = *b"'\"`-#/;\n";
    let mut i = 0;
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

fn splits_or_quotes(b: u8) -> bool {
    SPLITTER_STOPS.get(usize::from(b)).copied().unwrap_or(false)
}

impl<'a> Iterator for Splitter<'a> {
    type Item = Chunk<'a>;

    fn next(&mut self) -> Option<Chunk<'a>> {
        let bytes = self.src.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let start_loc = self.location(start);
        // Most bytes are none of the ones below: step over them, one table load each.
        while let Some(b) = self.jump(bytes, |rest| rest.iter().position(|b| splits_or_quotes(*b)))
        {
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
/// values, backquoted names their names, and whitespace and comments are gone.
pub(crate) fn tokenize(chunk: &Chunk<'_>) -> Result<Vec<TokenWithSpan>, Diagnostic> {
    match tokenize_partial(chunk) {
        (tokens, None) => Ok(tokens),
        (_, Some(e)) => Err(e),
    }
}

/// Like [`tokenize`], but keeps the tokens read before an error, so that callers that
/// mask secrets can see what precedes a broken token.
pub(crate) fn tokenize_partial(chunk: &Chunk<'_>) -> (Vec<TokenWithSpan>, Option<Diagnostic>) {
    match tokenize_common(chunk) {
        Some(tokens) => (tokens, None),
        None => tokenize_with_sqlparser(chunk),
    }
}

/// The fast path for the statements people write most: ASCII text made of names,
/// strings without escapes, `( ) , = .` and whitespace. It gives exactly the tokens
/// sqlparser's tokenizer gives (tests compare the two on every corpus statement and on
/// generated text), about four times faster; anything else (numbers, operators,
/// comments, escapes, prefixed strings, non-ASCII, errors) returns `None` and goes to
/// sqlparser.
pub(crate) fn tokenize_common(chunk: &Chunk<'_>) -> Option<Vec<TokenWithSpan>> {
    use sqlparser::tokenizer::{Location as SqlLocation, Span as SqlSpan};
    let bytes = chunk.text.as_bytes();
    // Room for a token every four bytes: a statement of names and strings fits, and a
    // dense list (`c1,c2,…`, a token every two or three bytes) grows once, not a dozen
    // times.
    let mut out = Vec::with_capacity(bytes.len() / 4 + 4);
    let (mut line, mut col) = (1u64, 1u64);
    let mut i = 0;
    let base = chunk.start;
    let mut push = |token: Token, start: (u64, u64), end: (u64, u64)| {
        let a = shift(SqlLocation::new(start.0, start.1), base);
        let b = shift(SqlLocation::new(end.0, end.1), base);
        out.push(TokenWithSpan {
            token,
            span: SqlSpan::new(
                SqlLocation::new(a.line, a.column),
                SqlLocation::new(b.line, b.column),
            ),
        });
    };
    let word_part = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    // Columns count characters: in ASCII text (nearly every statement, checked once)
    // a string's column width is its byte length.
    let ascii = chunk.text.is_ascii();
    while let Some(&b) = bytes.get(i) {
        let start = (line, col);
        match b {
            b'\n' => {
                line += 1;
                col = 1;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                // sqlparser counts a `\r` as a column, like any character but `\n`.
                col += 1;
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let len = bytes
                    .get(i..)?
                    .iter()
                    .take_while(|b| word_part(**b))
                    .count();
                let word = chunk.text.get(i..i + len)?;
                // A quote right after a word may make a prefixed string (N'…', X'…').
                if matches!(bytes.get(i + len), Some(b'\'' | b'"' | b'`')) {
                    return None;
                }
                i += len;
                col += len as u64;
                push(make_word(word), start, (line, col));
            }
            b'\'' | b'"' | b'`' => {
                let body = bytes.get(i + 1..)?;
                let len = body
                    .iter()
                    .position(|c| *c == b || *c == b'\\' || *c == b'\n')?;
                // An escape, a doubled quote or a line break inside: sqlparser's case.
                if body.get(len) != Some(&b) || body.get(len + 1) == Some(&b) {
                    return None;
                }
                let text = chunk.text.get(i + 1..i + 1 + len)?.to_string();
                i += len + 2;
                // Columns count characters, not bytes.
                let width = if ascii { len } else { text.chars().count() };
                col += width as u64 + 2;
                let token = match b {
                    b'\'' => Token::SingleQuotedString(text),
                    b'"' => Token::DoubleQuotedString(text),
                    _ => Token::make_word(&text, Some('`')),
                };
                push(token, start, (line, col));
            }
            b'(' | b')' | b',' | b'=' | b'.' => {
                let next = bytes.get(i + 1).copied();
                let token = match b {
                    b'(' => Token::LParen,
                    b')' => Token::RParen,
                    b',' => Token::Comma,
                    // `==` and `=>` are other tokens.
                    b'=' if !matches!(next, Some(b'=' | b'>')) => Token::Eq,
                    // `.5` is a number and `._` depends on the token before.
                    b'.' if !next.is_some_and(|n| n.is_ascii_digit() || n == b'_') => Token::Period,
                    _ => return None,
                };
                i += 1;
                col += 1;
                push(token, start, (line, col));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `Token::make_word(word, None)` with a hashed keyword table instead of a binary
/// search over sqlparser's 900 keywords (the same table, so the same keywords).
fn make_word(word: &str) -> Token {
    use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
    // Keyed by bytes: the upper-cased copy is looked up without a UTF-8 check.
    static TABLE: std::sync::OnceLock<crate::text::hash::FastMap<&'static [u8], Keyword>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        ALL_KEYWORDS
            .iter()
            .map(|k| k.as_bytes())
            .zip(ALL_KEYWORDS_INDEX.iter().copied())
            .collect()
    });
    let mut buf = [0u8; 64];
    let keyword = match buf.get_mut(..word.len()) {
        // Keywords are upper-case ASCII and short; longer words are names.
        Some(upper) => {
            upper.copy_from_slice(word.as_bytes());
            upper.make_ascii_uppercase();
            table.get(&*upper).copied().unwrap_or(Keyword::NoKeyword)
        }
        None => Keyword::NoKeyword,
    };
    Token::Word(sqlparser::tokenizer::Word {
        value: word.to_string(),
        quote_style: None,
        keyword,
    })
}

/// sqlparser's tokenizer with our string decoding and script locations.
fn tokenize_with_sqlparser(chunk: &Chunk<'_>) -> (Vec<TokenWithSpan>, Option<Diagnostic>) {
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
        P0.error(message.0)
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

    /// The fast path's tokens are sqlparser's, or it declines. Returns how many
    /// statements it took.
    fn check_fast_path(text: &str) -> usize {
        let mut taken = 0;
        for chunk in Splitter::new(text) {
            if let Some(fast) = tokenize_common(&chunk) {
                let (slow, error) = tokenize_with_sqlparser(&chunk);
                assert!(
                    error.is_none(),
                    "fast path accepted a statement sqlparser rejects: {text:?}"
                );
                assert_eq!(
                    fast, slow,
                    "fast path differs from sqlparser on {:?}",
                    chunk.text
                );
                taken += 1;
            }
        }
        taken
    }

    #[test]
    fn fast_path_matches_sqlparser_on_every_corpus_statement() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut taken = 0;
        for dir in ["tests/corpus", "grammar"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if !path.is_file() {
                    continue;
                }
                let text = std::fs::read_to_string(path).unwrap();
                taken += check_fast_path(&text);
            }
        }
        eprintln!("fast path: {taken} corpus statements");
        assert!(taken > 100, "the fast path is rarely taken: {taken}");
    }

    #[test]
    fn keyword_table_is_sqlparsers() {
        use sqlparser::keywords::ALL_KEYWORDS;
        for k in ALL_KEYWORDS {
            assert_eq!(make_word(k), Token::make_word(k, None));
            let lower = k.to_ascii_lowercase();
            assert_eq!(make_word(&lower), Token::make_word(&lower, None));
        }
        let long = "a".repeat(40);
        for w in ["events", "user_events", "x1", long.as_str()] {
            assert_eq!(make_word(w), Token::make_word(w, None));
        }
    }

    #[test]
    fn fast_path_takes_the_typical_statement() {
        let sql = "CREATE ROUTINE LOAD db.job ON `t` FROM KAFKA (\n  \"kafka_broker_list\" = \"b-1.x.kafka.us-east-1.amazonaws.com:9098\",\r\n\t'kafka_topic' = 'events')";
        let chunk = Splitter::new(sql).next().unwrap();
        let fast = tokenize_common(&chunk).expect("fast path");
        assert_eq!(fast, tokenize_with_sqlparser(&chunk).0);
        // Declined: a number, an escape, a doubled quote, a prefixed string, a comment.
        for other in [
            "a = 1", "'a\\'b'", "'a''b'", "N'x'", "a -- c", "é", "a.5", "x == y",
        ] {
            let chunk = Splitter::new(other).next().unwrap();
            assert!(tokenize_common(&chunk).is_none(), "{other}");
        }
    }

    /// The statement boundaries as first computed, one byte at a time: (offset, length,
    /// terminated) of each statement.
    fn split_bytewise(src: &str) -> Vec<(usize, usize, bool)> {
        let bytes = src.as_bytes();
        let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            let next = bytes.get(i + 1).copied();
            match bytes[i] {
                q @ (b'\'' | b'"' | b'`') => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += if q != b'`' && bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'-' if next == Some(b'-') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if next == Some(b'*') => {
                    let mut depth = 0;
                    while i < bytes.len() {
                        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                            depth += 1;
                            i += 2;
                        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            i += 1;
                        }
                    }
                }
                b';' => {
                    out.push((start, i - start, true));
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        if start < bytes.len() {
            out.push((start, bytes.len() - start, false));
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The splitter's jumps find the statements a byte-at-a-time walk finds.
        #[test]
        fn splitter_agrees_with_a_bytewise_walk(text in "[a;'\"`\\\n#/*-]{0,40}") {
            let fast: Vec<_> = Splitter::new(&text)
                .map(|c| (c.offset, c.text.len(), c.terminated))
                .collect();
            proptest::prop_assert_eq!(fast, split_bytewise(&text));
        }
    }

    proptest::proptest! {
        /// Chunk locations agree with counting lines and characters from the start.
        #[test]
        fn chunk_locations_count_characters(text in "[a;é\n' -]{0,40}") {
            for chunk in Splitter::new(&text) {
                let before = &text[..chunk.offset];
                let line = before.matches('\n').count() as u64 + 1;
                let col = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
                proptest::prop_assert_eq!(chunk.start, Location::new(line, col));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_path_matches_sqlparser_on_generated_text(
            text in "[a-cxXnNbB_$0-9é€ \t\r\n'\"`().,=>;\\\\#/*-]{0,30}"
        ) {
            check_fast_path(&text);
        }

        #[test]
        fn fast_path_matches_sqlparser_on_statement_shapes(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("ON ".to_string()),
                    "[a-zA-Z_][a-zA-Z0-9_$]{0,6}",
                    "'[a-zé€ .:,-]{0,8}'",
                    "\"[a-z0-9 .:,_-]{0,8}\"",
                    "`[a-zé ._]{0,5}`",
                    "[(),=.]",
                    "[ \t\r\n]{1,3}",
                ],
                0..24,
            )
        ) {
            check_fast_path(&parts.concat());
        }
    }
}
