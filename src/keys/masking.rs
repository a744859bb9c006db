//! Finding secret values in SQL text that may not parse, for the echo of a failed
//! statement, the text of a statement outside the dialect, the REPL's history and the
//! source a diagnostic is drawn on.
//!
//! The scan is lenient and never fails: an unterminated string, name or comment runs
//! to the end of the text. After a secret key (quoted, or a bare word naming one, or
//! `IDENTIFIED BY`), everything up to the next `,`, `)` or `;` at
//! the key's depth is the value, whatever its tokens are; a text that breaks off
//! inside an unterminated token is masked from the first secret key in that token to
//! its end. One pass, linear in the text.

use super::secrets::{is_secret_key, is_secret_word};
use std::ops::Range;

/// What the lenient scan sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A name, keyword or number (letters, digits, `_`, `$`, `.`, any non-ASCII).
    Word,
    /// A string or backquoted name; `closed` is false when it runs to the end.
    Quoted {
        quote: u8,
        closed: bool,
    },
    /// A comment; `closed` is false for a `/*` without its `*/`.
    Comment {
        closed: bool,
    },
    /// A run of `=`, `:`, `<`, `>`, `!`: `=`, `:=`, `=>`, `==`, …
    Operator,
    Comma,
    Semicolon,
    Open,
    Close,
    /// Any other character.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    /// The token's bytes.
    range: (usize, usize),
    /// The text a key test looks at: a word, or what is inside the quotes.
    body: (usize, usize),
}

/// Where the string or name opened by the quote at `start` ends: the closing quote's
/// position and true, or the end of the text and false. A doubled quote stands for
/// itself; in a string (not a backquoted name) a backslash escapes the next byte.
fn quoted_end(bytes: &[u8], start: usize, quote: u8) -> (usize, bool) {
    let escapes = quote != b'`';
    let mut i = start + 1;
    // Jump from one quote or backslash to the next.
    let next = |r: &[u8]| {
        if escapes {
            memchr::memchr2(quote, b'\\', r)
        } else {
            memchr::memchr(quote, r)
        }
    };
    while let Some(n) = bytes.get(i..).and_then(next) {
        i += n;
        if bytes.get(i) != Some(&quote) || bytes.get(i + 1) == Some(&quote) {
            // A backslash and the byte it escapes, or a doubled quote.
            i += 2;
        } else {
            return (i, true);
        }
    }
    (bytes.len(), false)
}

/// The tokens of `text`, whitespace left out; a stretch whose secrets are already
/// [`Known`] is jumped over when the scan reaches its start.
struct Scan<'a> {
    text: &'a str,
    pos: usize,
    /// The stretches not reached yet, in order.
    known: &'a [Known],
    /// The secrets of the stretches jumped over.
    found: Vec<Range<usize>>,
}

impl<'a> Scan<'a> {
    /// The tokens from byte `pos` on.
    fn new(text: &'a str, pos: usize) -> Self {
        Scan {
            text,
            pos,
            known: &[],
            found: Vec::new(),
        }
    }
}

/// A stretch of the text (a parsed property list's inside) whose secret values were
/// found from the AST, so the scan need not tokenize it. It is jumped over only when
/// the scan reaches `from` exactly at a token boundary; a scan that tokenizes the
/// text otherwise goes through it, and `secrets` is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The first byte of the stretch.
    pub from: usize,
    /// The byte after it.
    pub to: usize,
    /// What the scan would have found in it.
    pub secrets: Vec<Range<usize>>,
}

/// Which bytes continue a word: one load per byte instead of four comparisons.
// Evaluated at compile time: an index out of range fails the build, never a run.
#[allow(clippy::indexing_slicing)]
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.') || b >= 0x80;
        i += 1;
    }
    table
};

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES.get(usize::from(b)).copied().unwrap_or(false)
}

impl Iterator for Scan<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let bytes = self.text.as_bytes();
        while let Some((k, rest)) = self.known.split_first() {
            if self.pos < k.from {
                break;
            }
            if self.pos == k.from {
                self.pos = k.to.max(k.from);
                self.found.extend(k.secrets.iter().cloned());
            }
            self.known = rest;
        }
        // Whitespace, ASCII or not (a non-ASCII space is not part of a word).
        loop {
            match bytes.get(self.pos) {
                None => return None,
                Some(9..=13 | b' ') => self.pos += 1,
                Some(b) if b.is_ascii() => break,
                Some(_) => {
                    let c = self.text.get(self.pos..)?.chars().next()?;
                    if !c.is_whitespace() {
                        break;
                    }
                    self.pos += c.len_utf8();
                }
            }
        }
        let start = self.pos;
        let b = *bytes.get(start)?;
        let next = bytes.get(start + 1).copied();
        let end_of_line = |from: usize| {
            bytes
                .get(from..)
                .and_then(|r| r.iter().position(|c| *c == b'\n'))
                .map_or(bytes.len(), |n| from + n)
        };
        let (kind, end, body) = match b {
            b'\'' | b'"' | b'`' => {
                let (i, closed) = quoted_end(bytes, start, b);
                let end = if closed { i + 1 } else { i };
                (Kind::Quoted { quote: b, closed }, end, (start + 1, i))
            }
            b'-' if next == Some(b'-') => {
                let e = end_of_line(start);
                (Kind::Comment { closed: true }, e, (start, e))
            }
            b'#' => {
                let e = end_of_line(start);
                (Kind::Comment { closed: true }, e, (start, e))
            }
            b'/' if next == Some(b'*') => {
                let (end, closed) = crate::text::block_comment_end(bytes, start);
                (Kind::Comment { closed }, end, (start, end))
            }
            b',' => (Kind::Comma, start + 1, (start, start)),
            b';' => (Kind::Semicolon, start + 1, (start, start)),
            b'(' => (Kind::Open, start + 1, (start, start)),
            b')' => (Kind::Close, start + 1, (start, start)),
            b'=' | b':' | b'<' | b'>' | b'!' => {
                let n = bytes.get(start..).map_or(1, |r| {
                    r.iter()
                        .take_while(|c| matches!(c, b'=' | b':' | b'<' | b'>' | b'!'))
                        .count()
                });
                (Kind::Operator, start + n, (start, start + n))
            }
            _ if is_word_byte(b) => {
                let mut e = start;
                // Words stop at whitespace, ASCII or not.
                while let Some(&b) = bytes.get(e) {
                    if b.is_ascii() {
                        if !is_word_byte(b) {
                            break;
                        }
                        e += 1;
                        continue;
                    }
                    match self.text.get(e..).and_then(|r| r.chars().next()) {
                        Some(c) if !c.is_whitespace() => e += c.len_utf8(),
                        _ => break,
                    }
                }
                (Kind::Word, e, (start, e))
            }
            _ => {
                let len = self.text.get(start..)?.chars().next()?.len_utf8();
                (Kind::Other, start + len, (start, start + len))
            }
        };
        self.pos = end.max(start + 1).min(bytes.len());
        while !self.text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
        Some(Tok {
            kind,
            range: (start, self.pos),
            body: (body.0, body.1.min(self.pos)),
        })
    }
}

/// The parts of a quoted text or comment a key may be: runs of word characters.
fn parts(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let body = text.get(from..to).unwrap_or("");
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = body.get(at..)?;
        let skip = rest
            .char_indices()
            .find(|(_, c)| !c.is_whitespace() && (!c.is_ascii() || is_word_byte(*c as u8)))?
            .0;
        let begin = at + skip;
        let len = body
            .get(begin..)?
            .char_indices()
            .find(|(_, c)| c.is_whitespace() || (c.is_ascii() && !is_word_byte(*c as u8)))
            .map_or(body.len() - begin, |(i, _)| i);
        at = begin + len;
        Some((from + begin, from + begin + len))
    })
}

/// The end of the first secret key among the parts of `from..to`.
fn first_secret_part(text: &str, from: usize, to: usize) -> Option<usize> {
    first_secret_part_besides(text, from, to, None)
}

/// [`first_secret_part`], a part that is `checked` (already found not secret) skipped.
fn first_secret_part_besides(
    text: &str,
    from: usize,
    to: usize,
    checked: Option<&str>,
) -> Option<usize> {
    parts(text, from, to)
        .find(|(a, b)| {
            text.get(*a..*b)
                .is_some_and(|part| Some(part) != checked && is_secret_key(part))
        })
        .map(|(_, b)| b)
}

fn body<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.body.0..t.body.1).unwrap_or("")
}

/// Whether the string or quoted name whose inside is `text[from..to]`, followed by
/// a value, is a secret key: as a whole (blanks around it left out), or by one of
/// its parts (`"x password"`).
pub fn quoted_key_is_secret(text: &str, (from, to): (usize, usize)) -> bool {
    let key = text.get(from..to).unwrap_or("").trim();
    // A key of word bytes only is its own single part, tested already.
    let one_part = key.bytes().all(|b| b.is_ascii() && is_word_byte(b));
    is_secret_key(key)
        || (!one_part && first_secret_part_besides(text, from, to, Some(key)).is_some())
}

/// Byte ranges of the secret values in `text`, in order, not overlapping.
pub fn secret_ranges(text: &str) -> Vec<Range<usize>> {
    secret_ranges_around(text, &[])
}

/// [`secret_ranges`], with the stretches whose secrets are `known` (in order, not
/// overlapping) jumped over where the scan reaches them; their secrets join the
/// answer, which is then in order only up to [`crate::text::mask::normalize_ranges`].
pub fn secret_ranges_around(text: &str, known: &[Known]) -> Vec<Range<usize>> {
    let mut scan = Scan {
        known,
        ..Scan::new(text, 0)
    };
    let mut out = scan_secrets(text, &mut scan);
    out.append(&mut scan.found);
    out
}

/// The secret values the scan's tokens show.
fn scan_secrets(text: &str, scan: &mut Scan<'_>) -> Vec<Range<usize>> {
    // The tokens stream by with one token of lookahead: nothing is kept.
    let mut toks = scan.peekable();
    let mut out = Vec::new();
    while let Some(t) = toks.next() {
        let next = toks.peek().copied();
        // A key right before a separator has no value to mask: skip the key test (in a
        // valid list that is every value, so only keys are tested).
        let ends = matches!(
            next.map(|n| n.kind),
            None | Some(Kind::Comma | Kind::Close | Kind::Semicolon)
        );
        let identified = matches!(t.kind, Kind::Word)
            && body(text, &t).eq_ignore_ascii_case("identified")
            && next.is_some_and(|n| body(text, &n).eq_ignore_ascii_case("by"));
        let is_key = match t.kind {
            Kind::Quoted { closed: true, .. } | Kind::Word if ends => false,
            Kind::Quoted { closed: true, .. } => quoted_key_is_secret(text, t.body),
            Kind::Word => identified || is_secret_word(body(text, &t)),
            // Broken off inside a string, name or comment: the rest from its first
            // secret key on.
            Kind::Quoted { closed: false, .. } | Kind::Comment { closed: false } => {
                if let Some(from) = first_secret_part(text, t.body.0, t.body.1) {
                    if from < text.len() {
                        out.push(from..text.len());
                    }
                    break;
                }
                false
            }
            _ => false,
        };
        if !is_key {
            continue;
        }
        if identified {
            toks.next();
        }
        if toks
            .peek()
            .is_some_and(|n| matches!(n.kind, Kind::Operator))
        {
            toks.next();
        }
        let (mut depth, mut first, mut last) = (0usize, None, 0);
        while let Some(v) = toks.peek() {
            match v.kind {
                Kind::Comma | Kind::Semicolon | Kind::Close if depth == 0 => break,
                Kind::Open => depth += 1,
                Kind::Close => depth -= 1,
                _ => {}
            }
            first.get_or_insert(v.range.0);
            last = v.range.1;
            toks.next();
        }
        if let Some(a) = first {
            out.push(a..last);
        }
    }
    out
}

/// SQL text with every secret value replaced by the mask (quotes kept).
pub fn mask_sql(text: &str) -> String {
    crate::text::mask::mask_ranges(text, &secret_ranges(text))
}

/// The secret texts a message could quote (at least three characters each, each
/// once), and the means to mask them in any message: one automaton over all of
/// them, built the first time a message is scrubbed, so a message costs one pass
/// however many secrets the statement has.
pub struct SecretWords<'a> {
    words: Vec<&'a str>,
    finder: std::cell::OnceCell<crate::text::WordFinder>,
}

impl std::fmt::Debug for SecretWords<'_> {
    // The words are secrets: only how many there are is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretWords({} words)", self.words.len())
    }
}

impl<'a> SecretWords<'a> {
    /// The given secret texts; the short ones (under three characters, which would
    /// mask ordinary words) and repeats are left out.
    pub fn new(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut seen = crate::text::hash::FastSet::default();
        let words = texts
            .into_iter()
            .filter(|w| w.chars().nth(2).is_some() && seen.insert(*w))
            .collect();
        SecretWords {
            words,
            finder: std::cell::OnceCell::new(),
        }
    }

    /// The words and quoted texts inside the given ranges of `text`, and each range's
    /// whole text: what a message that quotes a token could show of a secret.
    pub fn in_ranges(text: &'a str, ranges: &[Range<usize>]) -> Self {
        let inners = ranges.iter().filter_map(|r| text.get(r.clone()));
        Self::new(inners.flat_map(|inner| {
            let tokens = Scan::new(inner, 0);
            tokens
                .map(move |t| inner.get(t.body.0..t.body.1).unwrap_or("").trim())
                .chain(std::iter::once(inner))
        }))
    }

    /// True when there is nothing to mask.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Where the words occur in `message`, overlapping occurrences merged.
    fn occurrences(&self, message: &str) -> Vec<Range<usize>> {
        let finder = self
            .finder
            .get_or_init(|| crate::text::WordFinder::new(self.words.iter().copied()));
        let mut found = finder.find_in(message);
        crate::text::mask::normalize_ranges(&mut found);
        found
    }

    /// `message` with every occurrence of a word masked, or `None` when it quotes
    /// none.
    pub fn scrub(&self, message: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let found = self.occurrences(message);
        (!found.is_empty()).then(|| crate::text::mask::mask_ranges(message, &found))
    }

    /// Masks the words in a finding's message and help.
    pub fn scrub_finding(&self, d: &mut crate::diagnostics::Diagnostic) {
        if let Some(m) = self.scrub(&d.message) {
            d.message = m.into();
        }
        if let Some(h) = d.help.as_deref().and_then(|h| self.scrub(h)) {
            d.help = Some(h.into());
        }
    }

    /// Like [`scrub`](Self::scrub), and a word's start of three characters or more
    /// cut off by a closing quote is masked too (the quote kept): a server that
    /// quotes a statement (MySQL's `near '…'`) cuts the quote where it likes.
    pub fn scrub_with_cuts(&self, message: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut found = self.occurrences(message);
        let bytes = message.as_bytes();
        for w in &self.words {
            let Some(head) = w.get(..floor3(w)) else {
                continue;
            };
            // Every occurrence, overlapping ones included.
            let mut from = 0;
            while let Some(at) = message
                .get(from..)
                .and_then(|m| m.find(head))
                .map(|i| from + i)
            {
                from = at + w.chars().next().map_or(1, char::len_utf8);
                // The longest start of the word that the message has here, up to a
                // quote that follows it.
                let same = bytes
                    .get(at..)
                    .unwrap_or(&[])
                    .iter()
                    .zip(w.as_bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let cut = (head.len()..=same.min(w.len() - 1))
                    .rev()
                    .find(|k| bytes.get(at + k) == Some(&b'\'') && w.is_char_boundary(*k));
                if let Some(k) = cut {
                    found.push(at..at + k);
                }
            }
        }
        crate::text::mask::normalize_ranges(&mut found);
        (!found.is_empty()).then(|| crate::text::mask::mask_ranges(message, &found))
    }
}

/// The byte length of the first three characters of `w`.
fn floor3(w: &str) -> usize {
    w.char_indices().nth(3).map_or(w.len(), |(i, _)| i)
}

/// A one-word description of the token at byte `at` of `text` and its length in
/// characters: what an error message may say instead of quoting a secret.
pub fn describe_token_at(text: &str, at: usize) -> String {
    let mut scan = Scan::new(text, at);
    match scan.next() {
        Some(t) => {
            let len = text
                .get(t.range.0..t.range.1)
                .map_or(0, |s| s.chars().count());
            let kind = match t.kind {
                Kind::Quoted { quote: b'`', .. } => "a quoted name",
                Kind::Quoted { .. } => "a string",
                Kind::Word
                    if text
                        .get(t.range.0..t.range.1)
                        .is_some_and(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit())) =>
                {
                    "a number"
                }
                Kind::Word => "a word",
                Kind::Comment { .. } => "a comment",
                _ => "a symbol",
            };
            format!(
                "{kind} of {len} character{}",
                if len == 1 { "" } else { "s" }
            )
        }
        None => "the end of the statement".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`quoted_end`] one byte at a time, as it was first written.
    fn quoted_end_bytewise(bytes: &[u8], start: usize, quote: u8) -> (usize, bool) {
        let mut i = start + 1;
        while let Some(&c) = bytes.get(i) {
            if c == quote && bytes.get(i + 1) == Some(&quote) {
                i += 2;
            } else if c == quote {
                return (i, true);
            } else if c == b'\\' && quote != b'`' {
                i += 2;
            } else {
                i += 1;
            }
        }
        (bytes.len(), false)
    }

    proptest::proptest! {
        #[test]
        fn quoted_end_jumps_to_where_the_bytewise_scan_stops(
            body in "[a\\\\'\"`]{0,24}",
            quote in proptest::sample::select(vec![b'\'', b'"', b'`']),
        ) {
            let text = format!("{}{body}", quote as char);
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(quoted_end(bytes, 0, quote), quoted_end_bytewise(bytes, 0, quote));
        }
    }

    fn masked(s: &str) -> String {
        mask_sql(s)
    }

    #[test]
    fn masks_the_value_after_a_secret_key_whatever_its_tokens() {
        for (sql, want) in [
            (
                r#"("property.sasl.password" = "S3", "k" = "v")"#,
                r#"("property.sasl.password" = "******", "k" = "v")"#,
            ),
            (
                r#"("property.sasl.password" = "A" "B", "k" = "v")"#,
                r#"("property.sasl.password" = "******", "k" = "v")"#,
            ),
            (
                r#"("property.sasl.password" => "A")"#,
                r#"("property.sasl.password" => "******")"#,
            ),
            (
                r#"("property.sasl.password" := "A")"#,
                r#"("property.sasl.password" := "******")"#,
            ),
            (
                r#"("property.sasl.password" = = "A")"#,
                r#"("property.sasl.password" = ******)"#,
            ),
            (
                r#"("property.sasl.password" = @x, "k" = 1)"#,
                r#"("property.sasl.password" = ******, "k" = 1)"#,
            ),
            (
                r#"("property.sasl.password" = -x)"#,
                r#"("property.sasl.password" = ******)"#,
            ),
            (
                r#"("property.sasl.password" = (x, y), "k" = 1)"#,
                r#"("property.sasl.password" = ******, "k" = 1)"#,
            ),
            (
                r#"("property.sasl.password" = ?x)"#,
                r#"("property.sasl.password" = ******)"#,
            ),
            (
                r#"("property.sasl.password" = 0xABCDEF)"#,
                r#"("property.sasl.password" = ******)"#,
            ),
            (
                r#"("property.sasl.password" = N'A')"#,
                r#"("property.sasl.password" = ******)"#,
            ),
            (
                r#"("property.sasl.password" "A")"#,
                r#"("property.sasl.password" "******")"#,
            ),
            (
                r#"("property.sasl.password" = "A"#,
                r#"("property.sasl.password" = ******"#,
            ),
            ("SET password = 'A'", "SET password = '******'"),
            ("(password A, k = 1)", "(password ******, k = 1)"),
            (
                "SET PASSWORD FOR 'u'@'%' = PASSWORD('A')",
                "SET PASSWORD ******",
            ),
            ("SET aws.secret_key = 'A'", "SET aws.secret_key = '******'"),
            (
                "CREATE USER u IDENTIFIED BY 'A'",
                "CREATE USER u IDENTIFIED BY '******'",
            ),
            (
                "create user u identified by password '*A'",
                "create user u identified by ******",
            ),
            (
                r#"SELECT * FROM s3("uri" = "s3://b/k", "s3.secret_key" = "A", "format" = "csv")"#,
                r#"SELECT * FROM s3("uri" = "s3://b/k", "s3.secret_key" = "******", "format" = "csv")"#,
            ),
            (
                r#"("ｐａｓｓｗｏｒｄ" = "A")"#,
                r#"("ｐａｓｓｗｏｒｄ" = "******")"#,
            ),
            (
                "(\"pass\u{200B}word\" = \"A\")",
                "(\"pass\u{200B}word\" = \"******\")",
            ),
        ] {
            assert_eq!(masked(sql), want, "{sql}");
        }
    }

    #[test]
    fn masks_the_rest_after_a_key_in_a_broken_token() {
        // A key missing its closing quote.
        let m = masked(r#"("property.sasl.password = "S3CR3T", "k" = "v")"#);
        assert!(!m.contains("S3CR3T"), "{m}");
        // An unterminated backquote or comment before the key.
        for sql in [
            r#"CREATE ROUTINE LOAD `j ON t FROM KAFKA ("property.sasl.password" = "S3CR3T")"#,
            r#"CREATE /* ROUTINE LOAD j ON t FROM KAFKA ("property.sasl.password" = "S3CR3T")"#,
            r#"CREATE 'x FROM KAFKA ("property.sasl.password" = "S3CR3T")"#,
        ] {
            let m = masked(sql);
            assert!(!m.contains("S3CR3T"), "{m}");
            assert!(m.contains("password"), "{m}");
        }
    }

    #[test]
    fn leaves_other_text_alone() {
        for sql in [
            r#"("property.sasl.username" = "u", "kafka_topic" = "password")"#,
            "SELECT token FROM users",
            "CREATE ROUTINE LOAD secret ON t",
            "COLUMNS(password, k1)",
            "",
            "'",
            "/*",
        ] {
            assert_eq!(masked(sql), sql);
        }
    }

    #[test]
    fn describes_tokens_without_quoting_them() {
        assert_eq!(
            describe_token_at(r#"x "abc""#, 2),
            "a string of 5 characters"
        );
        assert_eq!(describe_token_at("x 12e5", 2), "a number of 4 characters");
        assert_eq!(describe_token_at("x", 1), "the end of the statement");
    }

    #[test]
    fn scrubs_secret_words() {
        let text = r#"("property.sasl.password" = "S3CR3T_A" "S3CR3T_B")"#;
        let ranges = secret_ranges(text);
        let words = SecretWords::in_ranges(text, &ranges);
        let m = words.scrub(r#"expected ',', found "S3CR3T_B""#).unwrap();
        assert!(!m.contains("S3CR3T"), "{m}");
        assert_eq!(words.scrub("nothing here"), None);
    }

    #[test]
    fn scrubs_overlapping_secrets_and_cut_quotes() {
        let words = SecretWords::new(["abcdef", "defghi", "xy", "abcdef"]);
        assert_eq!(format!("{words:?}"), "SecretWords(2 words)");
        // Two secrets that overlap are masked as one; a short text is not a secret.
        assert_eq!(words.scrub("[abcdefghi] xy").unwrap(), "[******] xy");
        // A quote that cuts a secret after three characters or more.
        assert_eq!(
            words
                .scrub_with_cuts("near 'abcd' and 'ab' and 'ababcde'")
                .unwrap(),
            "near '******' and 'ab' and 'ab******'"
        );
        assert_eq!(words.scrub_with_cuts("near 'abc"), None);
        assert_eq!(SecretWords::new([]).scrub_with_cuts("abcdef"), None);
    }
}
