//! The parser: our own statement dispatch in front of sqlparser, in DataFusion's
//! `DFParser` manner. Routine-load statements and the Doris DDL are parsed here over
//! sqlparser's tokens; expressions by sqlparser's expression parser; every other
//! statement is handed to sqlparser and kept as [`Statement::Other`].

mod ddl;
pub mod dialect;
pub mod lexer;
pub mod mask;
mod routine_load;

pub use dialect::DorisDialect;
pub use lexer::has_complete_statement;

use crate::ast::*;
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::text::{LineIndex, NearMissIndex};
use lexer::Chunk;
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, TokenWithSpan};
use std::ops::Range;

/// An unquoted word of up to 16 bytes, upper-cased, for matching statement keywords
/// (all shorter). `as_str` is `None` for anything else: a quoted or longer word, or
/// another token.
#[derive(Default)]
struct KeywordText {
    bytes: [u8; 16],
    len: usize,
}

impl KeywordText {
    fn as_str(&self) -> Option<&str> {
        let b = self.bytes.get(..self.len).filter(|b| !b.is_empty())?;
        std::str::from_utf8(b).ok()
    }
}

/// Limits that keep untrusted input cheap. Each one exceeded is a located error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Largest statement text, in bytes (default 1 MiB).
    pub max_statement_bytes: usize,
    /// Deepest expression nesting (default 64).
    pub max_expression_depth: usize,
    /// Most nodes (operators and operands) in one expression (default 2000): a long
    /// flat chain such as `1 + 1 + …` builds a tree as deep as it is long.
    pub max_expression_nodes: usize,
    /// Most entries in one property list (default 1024).
    pub max_properties: usize,
    /// Most items in one list: columns, partition names, key columns (default 10000).
    pub max_list_items: usize,
    /// Most statements in one script (default 100000).
    pub max_statements: usize,
    /// Largest script, in bytes (default 64 MiB): readers stop there.
    pub max_script_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_statement_bytes: 1 << 20,
            max_expression_depth: 64,
            max_expression_nodes: 2000,
            max_properties: 1024,
            max_list_items: 10_000,
            max_statements: 100_000,
            max_script_bytes: 64 << 20,
        }
    }
}

/// One statement of a script: where it is, its AST or its parse error, and where its
/// secret values are.
#[derive(Debug, Clone)]
pub struct ParsedStatement {
    /// Position among the script's statements, from 0.
    pub index: usize,
    /// Byte range of the statement's text in the script: from its first token (after
    /// blanks and comments) to the end of its last, without the `;`.
    pub range: Range<usize>,
    /// Where its first token starts.
    pub start: Location,
    /// Its AST, or its parse error.
    pub result: Result<Statement, Diagnostic>,
    /// Byte ranges of the script holding secret values (in order): from the AST's
    /// property lists when the statement parsed, else from a lenient scan of its text.
    pub secrets: Vec<Range<usize>>,
}

impl ParsedStatement {
    /// The statement's text.
    pub fn sql<'a>(&self, script: &'a str) -> &'a str {
        script.get(self.range.clone()).unwrap_or("")
    }

    /// The statement's text with its secret values masked.
    pub fn masked_sql(&self, script: &str) -> String {
        let base = self.range.start;
        let relative: Vec<Range<usize>> = self
            .secrets
            .iter()
            .map(|r| r.start.saturating_sub(base)..r.end.saturating_sub(base))
            .collect();
        crate::text::mask::mask_ranges(self.sql(script), &relative)
    }
}

/// Parses every statement of a script. A statement that fails to parse yields its
/// error, and parsing goes on with the next statement.
pub fn parse_script(sql: &str, options: &ParseOptions) -> Vec<ParsedStatement> {
    statements(sql, options).collect()
}

/// Parses exactly one statement (a trailing `;` is allowed).
pub fn parse_statement(sql: &str) -> Result<Statement, Diagnostic> {
    let mut all = parse_script(sql, &ParseOptions::default()).into_iter();
    match (all.next(), all.next()) {
        (Some(first), None) => first.result,
        (None, _) => Err(P0.error("empty statement").with_help("write one statement")),
        (Some(_), Some(second)) => Err(P0
            .error("expected one statement, found more than one")
            .at(Span::new(second.start, second.start))
            .with_help("parse scripts with parse_script")),
    }
}

/// Lazily parses a script statement by statement, so memory stays bounded by the
/// largest statement.
pub fn statements<'a>(
    sql: &'a str,
    options: &'a ParseOptions,
) -> impl Iterator<Item = ParsedStatement> + 'a {
    parse_lazily(sql, &[], options)
}

/// Lazily parses a decoded script: as [`statements`], and a statement holding a byte
/// that was not UTF-8 fails with a located ENCODING error (the others still run).
pub fn script_statements<'a>(
    script: &'a crate::text::Script<'a>,
    options: &'a ParseOptions,
) -> impl Iterator<Item = ParsedStatement> + 'a {
    parse_lazily(script.text(), script.invalid(), options)
}

fn parse_lazily<'a>(
    sql: &'a str,
    invalid: &'a [crate::text::InvalidByte],
    options: &'a ParseOptions,
) -> impl Iterator<Item = ParsedStatement> + 'a {
    let mut index = 0usize;
    let mut over_limit = false;
    let mut invalid = invalid.iter().peekable();
    lexer::Splitter::new(sql).filter_map(move |chunk| {
        if over_limit {
            return None;
        }
        let chunk_end = chunk.offset + chunk.text.len();
        let mut bad = None;
        while let Some(b) = invalid.next_if(|b| b.offset < chunk_end) {
            bad = bad.or(Some(*b));
        }
        let (trivia, start) = chunk.leading_trivia();
        let body = chunk.text.get(trivia..).unwrap_or("").trim_end();
        if body.is_empty() && bad.is_none() {
            return None;
        }
        let range = chunk.offset + trivia..chunk.offset + trivia + body.len();
        let this = index;
        index += 1;
        let (result, secrets) = if let Some(b) = bad {
            let e = encoding_error(&chunk, &b);
            let secrets = crate::keys::masking::secret_ranges(chunk.text)
                .into_iter()
                .map(|r| r.start + chunk.offset..r.end + chunk.offset)
                .collect();
            (Err(e), secrets)
        } else if this >= options.max_statements {
            over_limit = true;
            let e = LIMIT
                .error(format!(
                    "script has more than {} statements; the rest is not parsed",
                    options.max_statements
                ))
                .at(Span::new(start, start))
                .with_help(
                    "split the script into smaller scripts, or raise the statement count limit",
                );
            (Err(e), Vec::new())
        } else if body.len() > options.max_statement_bytes {
            let e = LIMIT
                .error(format!(
                    "statement is {} bytes, more than the limit of {} bytes",
                    body.len(),
                    options.max_statement_bytes
                ))
                .at(Span::new(start, start))
                .with_help("split the statement, or raise the statement size limit");
            (Err(e), Vec::new())
        } else {
            parse_chunk(&chunk, options)?
        };
        Some(ParsedStatement {
            index: this,
            range,
            start,
            result,
            secrets,
        })
    })
}

/// The error of a statement holding a byte that is not UTF-8, at the byte.
fn encoding_error(chunk: &Chunk<'_>, bad: &crate::text::InvalidByte) -> Diagnostic {
    let at = chunk.location_at(bad.offset.saturating_sub(chunk.offset));
    ENCODING
        .error(format!(
            "invalid UTF-8: byte 0x{:02X} (byte {} of the input) is not part of a character",
            bad.byte, bad.input_offset
        ))
        .at(Span::new(at, Location::new(at.line, at.column + 1)))
        .with_help("save the script as UTF-8; the script's other statements still run")
}

/// A statement's AST or parse error, and its secret values' byte ranges.
type ChunkParse = (Result<Statement, Diagnostic>, Vec<Range<usize>>);

/// Parses one chunk, and finds its secret values; `None` when it holds no statement.
fn parse_chunk(chunk: &Chunk<'_>, options: &ParseOptions) -> Option<ChunkParse> {
    let lenient = || {
        crate::keys::masking::secret_ranges(chunk.text)
            .into_iter()
            .map(|r| r.start + chunk.offset..r.end + chunk.offset)
            .collect::<Vec<_>>()
    };
    let result = match lexer::tokenize(chunk) {
        Ok(tokens) if tokens.is_empty() => return None,
        Ok(tokens) => StatementParser::new(chunk, tokens, options).parse(),
        Err(e) => Err(e),
    };
    let secrets = match &result {
        Ok(Statement::Other(_)) | Err(_) => lenient(),
        Ok(stmt) => parsed_secrets(stmt, chunk),
    };
    let result = result.map_err(|d| without_secrets(d, chunk, &secrets));
    Some((result, secrets))
}

/// A parsed statement's secrets, as script byte ranges: its secret properties' values
/// (from the AST), and whatever else follows a secret key (a condition on a string
/// that is one, say), found by the lenient scan. The scan jumps over the property
/// lists the AST shows as the scan would see them.
fn parsed_secrets(stmt: &Statement, chunk: &Chunk<'_>) -> Vec<Range<usize>> {
    use crate::keys::masking::secret_ranges_around;
    let lists = stmt.property_lists();
    let encrypt_key = match stmt {
        Statement::CreateEncryptKey(k) => Some(k.key.span),
        _ => None,
    };
    // Lists are jumped over only in ASCII text, where a cursor finds their offsets.
    let mut cursor = AsciiOffsets::new(chunk);
    let mut known = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for list in &lists {
        match cursor.as_mut().and_then(|c| known_list(list, c)) {
            Some(k) => known.push(k),
            None => spans.extend(
                list.entries
                    .iter()
                    .filter(|p| crate::keys::secrets::is_secret_key(p.key()))
                    .map(|p| p.value.span),
            ),
        }
    }
    known.sort_by_key(|k| k.from);
    // An encrypt key's material is a secret too.
    spans.extend(encrypt_key);
    // Only spans still to place need the index of the lines.
    let index = (!spans.is_empty()).then(|| LineIndex::new(chunk.text));
    let mut out: Vec<Range<usize>> = index
        .iter()
        .flat_map(|index| {
            spans
                .iter()
                .map(|s| chunk.offset_of(index, s.start)..chunk.offset_of(index, s.end))
        })
        .chain(secret_ranges_around(chunk.text, &known))
        .map(|r| r.start + chunk.offset..r.end + chunk.offset)
        .collect();
    crate::text::mask::normalize_ranges(&mut out);
    out
}

/// The inside of a property list and its secret values (those the AST shows and those
/// the lenient scan would find), worked out from the AST instead of by tokenizing it again: only for a list the
/// scan cannot see otherwise than the lexer did (ASCII, no backslash, no comment, every
/// key and value a quoted string). `None` for any other list: the scan goes through it.
fn known_list(
    list: &PropertyList,
    offsets: &mut AsciiOffsets<'_>,
) -> Option<crate::keys::masking::Known> {
    let chunk = offsets.chunk;
    let bytes = chunk.text.as_bytes();
    let mut at = |l: Location| offsets.at(l);
    let open = at(list.span.start);
    let close = at(list.span.end).checked_sub(1)?;
    if bytes.get(open) != Some(&b'(') || bytes.get(close) != Some(&b')') {
        return None;
    }
    let inside = bytes.get(open + 1..close)?;
    if !inside.is_ascii() || memchr::memchr(b'\\', inside).is_some() || has_comment(inside) {
        return None;
    }
    // A string token's byte range, from its opening quote to its closing one.
    let mut quoted = |t: &PropertyText| {
        let (a, b) = (at(t.span.start), at(t.span.end));
        let q = *bytes.get(a)?;
        let closes = b >= a + 2 && bytes.get(b - 1) == Some(&q);
        (matches!(q, b'\'' | b'"') && closes).then_some((a, b))
    };
    let mut secrets = Vec::new();
    for p in &list.entries {
        let (ka, kb) = quoted(&p.key)?;
        let (va, vb) = quoted(&p.value)?;
        // The scan tests the key as written; the AST's test, the key's value, is
        // the same test unless an escape made them differ.
        let written = chunk.text.get(ka + 1..kb - 1);
        if crate::keys::masking::quoted_key_is_secret(chunk.text, (ka + 1, kb - 1))
            || (written != Some(p.key()) && crate::keys::secrets::is_secret_key(p.key()))
        {
            secrets.push(va..vb);
        }
    }
    Some(crate::keys::masking::Known {
        from: open + 1,
        to: close,
        secrets,
    })
}

/// Byte offsets of script locations in an ASCII chunk, asked for mostly in order: a
/// cursor walks its lines once, where an index of them would be built first.
struct AsciiOffsets<'a> {
    chunk: &'a Chunk<'a>,
    /// The 1-based line of the chunk the cursor is on, and where that line starts.
    line: u64,
    line_start: usize,
}

impl<'a> AsciiOffsets<'a> {
    /// `None` for a chunk that is not all ASCII (columns count characters).
    fn new(chunk: &'a Chunk<'a>) -> Option<Self> {
        chunk.text.is_ascii().then_some(AsciiOffsets {
            chunk,
            line: 1,
            line_start: 0,
        })
    }

    /// The byte offset of `at` (clamped to the text's end).
    fn at(&mut self, at: Location) -> usize {
        let text = self.chunk.text.as_bytes();
        let (line, column) = self.chunk.relative(at);
        if line < self.line {
            (self.line, self.line_start) = (1, 0);
        }
        while self.line < line {
            match text
                .get(self.line_start..)
                .and_then(|r| memchr::memchr(b'\n', r))
            {
                Some(n) => (self.line, self.line_start) = (self.line + 1, self.line_start + n + 1),
                None => return text.len(),
            }
        }
        let column = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        self.line_start.saturating_add(column).min(text.len())
    }
}

/// Whether `bytes` hold something that opens a comment outside a string: `#`, `--`
/// or `/*` (inside a string too: then the list is only not jumped over).
fn has_comment(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(b'#', b'-', b'/', bytes).any(|i| match bytes.get(i) {
        Some(b'-') => bytes.get(i + 1) == Some(&b'-'),
        Some(b'/') => bytes.get(i + 1) == Some(&b'*'),
        _ => true,
    })
}

/// A parse error that cannot show a secret: a token it points at inside a secret
/// value is named by its kind and length, and any secret text it quotes is masked.
fn without_secrets(mut d: Diagnostic, chunk: &Chunk<'_>, secrets: &[Range<usize>]) -> Diagnostic {
    use crate::keys::masking::{describe_token_at, SecretWords};
    if secrets.is_empty() {
        return d;
    }
    let relative: Vec<Range<usize>> = secrets
        .iter()
        .map(|r| r.start - chunk.offset..r.end - chunk.offset)
        .collect();
    if let Some(span) = d.span {
        let at = chunk.offset_of(&LineIndex::new(chunk.text), span.start);
        let found = d.message.find(", found ");
        if let Some(i) = found.filter(|_| relative.iter().any(|r| r.start <= at && at < r.end)) {
            let head = d.message.get(..i).unwrap_or("");
            d.message = format!(
                "{head}, found {} (part of a secret value, not shown)",
                describe_token_at(chunk.text, at)
            )
            .into();
        }
    }
    SecretWords::in_ranges(chunk.text, &relative).scrub_finding(&mut d);
    d
}

/// Parses one statement's tokens: the helpers every statement builder shares.
pub(crate) struct StatementParser<'a> {
    pub(crate) p: Parser<'a>,
    chunk: &'a Chunk<'a>,
    options: &'a ParseOptions,
    line_index: Option<LineIndex>,
    /// A `>` left over from splitting a `>>` token in nested type arguments.
    pending_gt: bool,
    /// Where the statement's last token ends.
    last_end: Location,
    /// How many tokens the statement has.
    token_count: usize,
}

static DIALECT: DorisDialect = DorisDialect;

const STATEMENT_KEYWORDS: &[&str] = &[
    "CREATE", "ALTER", "PAUSE", "RESUME", "STOP", "SHOW", "USE", "DROP", "EXPLAIN",
];

impl<'a> StatementParser<'a> {
    fn new(chunk: &'a Chunk<'a>, tokens: Vec<TokenWithSpan>, options: &'a ParseOptions) -> Self {
        let last_end = tokens
            .last()
            .map_or(chunk.start, |t| Location::from(t.span.end));
        let token_count = tokens.len();
        let p = Parser::new(&DIALECT)
            .with_recursion_limit(options.max_expression_depth)
            .with_tokens_with_locations(tokens);
        StatementParser {
            p,
            chunk,
            options,
            line_index: None,
            pending_gt: false,
            last_end,
            token_count,
        }
    }

    fn parse(&mut self) -> Result<Statement, Diagnostic> {
        let stmt = self.parse_statement()?;
        if !matches!(self.peek().token, Token::EOF) {
            let mut d = self.expected("end of statement");
            if matches!(stmt, Statement::AlterRoutineLoad(ref a) if matches!(a.action, AlterAction::Table{..}))
            {
                d = d.with_help(
                    "ALTER ROUTINE LOAD … ON tbl changes the target table only; alter properties in a separate statement",
                );
            } else if d.help.is_none() {
                d = d.with_help("statements are separated by ';'");
            }
            return Err(d);
        }
        Ok(stmt)
    }

    fn parse_statement(&mut self) -> Result<Statement, Diagnostic> {
        let (first, second, third) = (self.keyword_at(0), self.keyword_at(1), self.keyword_at(2));
        let start = self.peek().span.into();
        match (first.as_str(), second.as_str(), third.as_str()) {
            (Some("CREATE"), Some("ROUTINE"), _) => {
                self.advance_n(2);
                self.expect_kw("LOAD")?;
                Ok(Statement::CreateRoutineLoad(
                    self.parse_create_routine_load(start)?,
                ))
            }
            (Some("CREATE"), Some("DATABASE" | "SCHEMA"), _) => {
                self.advance_n(2);
                Ok(Statement::CreateDatabase(
                    self.parse_create_database(start)?,
                ))
            }
            (Some("CREATE"), Some("TABLE" | "TEMPORARY" | "EXTERNAL"), _) => {
                self.advance_n(1);
                Ok(Statement::CreateTable(Box::new(
                    self.parse_create_table(start)?,
                )))
            }
            (Some("CREATE"), Some("FUNCTION" | "AGGREGATE" | "TABLES" | "ALIAS"), _)
            | (Some("CREATE"), Some("GLOBAL"), _) => {
                self.advance_n(1);
                Ok(Statement::CreateFunction(Box::new(
                    self.parse_create_function(start)?,
                )))
            }
            (Some("CREATE"), Some("ENCRYPTKEY"), _) => {
                self.advance_n(2);
                Ok(Statement::CreateEncryptKey(
                    self.parse_create_encrypt_key(start)?,
                ))
            }
            (Some("DROP"), Some("FUNCTION" | "GLOBAL"), _) => {
                self.advance_n(1);
                Ok(Statement::DropFunction(self.parse_drop_function(start)?))
            }
            (Some("DROP"), Some("ENCRYPTKEY"), _) => {
                self.advance_n(2);
                Ok(Statement::DropEncryptKey(
                    self.parse_drop_encrypt_key(start)?,
                ))
            }
            (Some("CREATE"), Some("FILE"), _) => {
                self.advance_n(2);
                Ok(Statement::CreateFile(self.parse_create_file(start)?))
            }
            (Some("ALTER"), Some("ROUTINE"), _) => {
                self.advance_n(2);
                self.expect_kw("LOAD")?;
                Ok(Statement::AlterRoutineLoad(
                    self.parse_alter_routine_load(start)?,
                ))
            }
            (Some("PAUSE"), _, _) => {
                self.advance_n(1);
                let target = self.parse_job_target("PAUSE")?;
                Ok(Statement::PauseRoutineLoad(PauseRoutineLoad {
                    target,
                    span: self.span_from(start),
                }))
            }
            (Some("RESUME"), _, _) => {
                self.advance_n(1);
                let target = self.parse_job_target("RESUME")?;
                Ok(Statement::ResumeRoutineLoad(ResumeRoutineLoad {
                    target,
                    span: self.span_from(start),
                }))
            }
            (Some("STOP"), _, _) => {
                self.advance_n(1);
                Ok(Statement::StopRoutineLoad(self.parse_stop(start)?))
            }
            (Some("SHOW"), Some("ROUTINE"), _)
            | (Some("SHOW"), Some("ALL"), Some("ROUTINE"))
            | (Some("SHOW"), Some("CREATE"), Some("ROUTINE"))
            | (Some("SHOW"), Some("ALL"), Some("CREATE")) => {
                self.advance_n(1);
                self.parse_show_routine_load(start)
            }
            (Some("SHOW"), Some("FILE"), _) => {
                self.advance_n(2);
                let database = self.parse_optional_from_db()?;
                Ok(Statement::ShowFile(ShowFile {
                    database,
                    span: self.span_from(start),
                }))
            }
            (Some("USE"), _, _) => {
                self.advance_n(1);
                Ok(Statement::Use(self.parse_use(start)?))
            }
            (Some("DROP"), Some("DATABASE" | "SCHEMA"), _) => {
                self.advance_n(2);
                Ok(Statement::DropDatabase(self.parse_drop_database(start)?))
            }
            (Some("DROP"), Some("TABLE"), _) => {
                self.advance_n(2);
                Ok(Statement::DropTable(self.parse_drop_table(start)?))
            }
            (Some("DROP"), Some("FILE"), _) => {
                self.advance_n(2);
                Ok(Statement::DropFile(self.parse_drop_file(start)?))
            }
            (Some("EXPLAIN"), Some("CREATE"), Some("ROUTINE")) => {
                self.advance_n(3);
                self.expect_kw("LOAD")?;
                let stmt = self.parse_create_routine_load(start)?;
                Ok(Statement::Explain(Explain {
                    statement: Box::new(stmt),
                    span: self.span_from(start),
                }))
            }
            _ => {
                let first = self.word_upper(0);
                self.parse_other(first.as_deref())
            }
        }
    }

    /// Hands the statement to sqlparser.
    fn parse_other(&mut self, first: Option<&str>) -> Result<Statement, Diagnostic> {
        // A first word that is no SQL keyword starts nothing sqlparser parses: it would
        // refuse it at that word, and that refusal becomes the unknown statement below.
        // (With no nesting allowed, sqlparser refuses before it looks at the word.)
        let no_keyword = matches!(
            &self.peek().token,
            Token::Word(w) if w.keyword == Keyword::NoKeyword && w.quote_style.is_none()
        ) && Location::from(self.peek().span.start) == self.first_token_start()
            && self.options.max_expression_depth > 0;
        match (first, no_keyword) {
            (Some(word), true) => Err(self.unknown_statement(word)),
            _ => self.parse_with_sqlparser(first),
        }
    }

    /// [`Self::parse_other`] without its shortcut: sqlparser's answer, its refusal at an
    /// unknown first word told as an unknown statement.
    fn parse_with_sqlparser(&mut self, first: Option<&str>) -> Result<Statement, Diagnostic> {
        match self.p.parse_statement() {
            Ok(s) => Ok(Statement::Other(OtherStatement::new(s))),
            Err(e) => {
                let d = self.sqlparser_error(e);
                match first {
                    Some(word)
                        if !STATEMENT_KEYWORDS.contains(&word)
                            && !matches!(word, "SELECT" | "INSERT" | "UPDATE" | "WITH" | "SET")
                            && d.span.map(|s| s.start) == Some(self.first_token_start()) =>
                    {
                        Err(self.unknown_statement(word))
                    }
                    _ => Err(d),
                }
            }
        }
    }

    /// The statement's first word (`word`, upper-cased) starts no statement: the closest
    /// statement keyword, if any is close.
    fn unknown_statement(&self, word: &str) -> Diagnostic {
        static KEYWORDS: std::sync::OnceLock<NearMissIndex<'static>> = std::sync::OnceLock::new();
        let hint = KEYWORDS
            .get_or_init(|| NearMissIndex::new(STATEMENT_KEYWORDS.iter().copied()))
            .did_you_mean(word, 1);
        let message = match &self.p.token_at(0).token {
            Token::Word(w) => format!("unknown statement '{}'", w.value),
            t => format!("unknown statement '{t}'"),
        };
        P0.error(message)
            .at(self.p.token_at(0).span.into())
            .with_help(match hint.first() {
                Some(k) => Text::from(format!("did you mean {k}?")),
                None => {
                    "routine-load statements start with CREATE, ALTER, PAUSE, RESUME, STOP or SHOW"
                        .into()
                }
            })
    }

    fn first_token_start(&self) -> Location {
        self.p.token_at(0).span.start.into()
    }

    // ----- token helpers ---------------------------------------------------------------

    pub(crate) fn peek(&self) -> &TokenWithSpan {
        self.p.peek_token_ref()
    }

    pub(crate) fn peek_nth(&self, n: usize) -> &TokenWithSpan {
        self.p.peek_nth_token_ref(n)
    }

    fn advance_n(&mut self, n: usize) {
        for _ in 0..n {
            self.p.advance_token();
        }
    }

    /// The n-th next token as a statement keyword, upper-cased without allocating.
    fn keyword_at(&self, n: usize) -> KeywordText {
        let mut k = KeywordText::default();
        if let Token::Word(w) = &self.peek_nth(n).token {
            if let Some(slot) = k.bytes.get_mut(..w.value.len()) {
                if w.quote_style.is_none() {
                    slot.copy_from_slice(w.value.as_bytes());
                    slot.make_ascii_uppercase();
                    k.len = w.value.len();
                }
            }
        }
        k
    }

    /// The upper-cased text of the n-th next token when it is an unquoted word.
    fn word_upper(&self, n: usize) -> Option<String> {
        match &self.peek_nth(n).token {
            Token::Word(w) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
            _ => None,
        }
    }

    pub(crate) fn is_kw(tok: &Token, kw: &str) -> bool {
        matches!(tok, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(kw))
    }

    pub(crate) fn peek_kw(&self, kw: &str) -> bool {
        Self::is_kw(&self.peek().token, kw)
    }

    pub(crate) fn peek_nth_kw(&self, n: usize, kw: &str) -> bool {
        Self::is_kw(&self.peek_nth(n).token, kw)
    }

    pub(crate) fn eat_kw(&mut self, kw: &str) -> Option<Span> {
        self.peek_kw(kw).then(|| self.advance())
    }

    /// Consumes the next token (without copying it) and returns its span.
    pub(crate) fn advance(&mut self) -> Span {
        let span = self.peek().span.into();
        self.p.advance_token();
        span
    }

    pub(crate) fn expect_kw(&mut self, kw: &str) -> Result<Span, Diagnostic> {
        self.eat_kw(kw).ok_or_else(|| self.expected(kw))
    }

    pub(crate) fn eat_token(&mut self, t: &Token) -> Option<Span> {
        (&self.peek().token == t).then(|| self.advance())
    }

    pub(crate) fn expect_token(&mut self, t: &Token, what: &str) -> Result<Span, Diagnostic> {
        self.eat_token(t).ok_or_else(|| self.expected(what))
    }

    /// The span from `start` to the end of the last consumed token.
    pub(crate) fn span_from(&self, start: Span) -> Span {
        let end: Location = self.p.get_current_token().span.end.into();
        Span::new(start.start, end.max(start.end))
    }

    /// How a token is named in "found …".
    pub(crate) fn describe(tok: &Token) -> String {
        match tok {
            Token::EOF => "end of statement".into(),
            Token::Word(w) if w.quote_style == Some('`') => format!("`{}`", w.value),
            Token::Word(w) => format!("'{}'", w.value),
            Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => {
                format!("the string {tok}")
            }
            Token::Number(n, _) => format!("the number {n}"),
            t => format!("'{t}'"),
        }
    }

    /// "expected …, found …" at the next token.
    pub(crate) fn expected(&self, what: &str) -> Diagnostic {
        let tok = self.peek();
        P0.error(format!(
            "expected {what}, found {}",
            Self::describe(&tok.token)
        ))
        .at(self.token_span(tok))
    }

    fn token_span(&self, tok: &TokenWithSpan) -> Span {
        if matches!(tok.token, Token::EOF) {
            // Point just past the last token.
            return Span::new(self.last_end, self.last_end);
        }
        tok.span.into()
    }

    /// Turns a sqlparser error into our diagnostic, at the place sqlparser names.
    pub(crate) fn sqlparser_error(&self, e: ParserError) -> Diagnostic {
        let raw = match e {
            ParserError::RecursionLimitExceeded => {
                return LIMIT
                    .error(format!(
                        "expression nesting is deeper than the limit of {} levels",
                        self.options.max_expression_depth
                    ))
                    .at(self.token_span(self.peek()))
                    .with_help("simplify the expression");
            }
            ParserError::ParserError(m) | ParserError::TokenizerError(m) => m,
        };
        let (text, at) = match raw.rfind(" at Line: ") {
            Some(i) => {
                let loc = parse_location(raw.get(i + 10..).unwrap_or(""));
                (raw.get(..i).unwrap_or(&raw).to_string(), loc)
            }
            None => (raw.clone(), None),
        };
        let message = match text.strip_prefix("Expected: ") {
            Some(rest) => match rest.split_once(", found: ") {
                Some((exp, found)) => format!("expected {exp}, found {}", describe_found(found)),
                None => format!("expected {rest}"),
            },
            None => text,
        };
        let span = match at {
            // sqlparser places the end of the statement at line 0: point just past the
            // last token instead.
            Some(l) if l.line == 0 => Span::new(self.last_end, self.last_end),
            Some(l) => Span::new(l, Location::new(l.line, l.column + 1)),
            None => self.token_span(self.peek()),
        };
        P0.error(message).at(span)
    }

    // ----- names, strings, properties, expressions -----------------------------------

    /// An identifier: unquoted (not a reserved word), or backquoted.
    pub(crate) fn parse_ident(&mut self, what: &str) -> Result<Ident, Diagnostic> {
        let tok = self.peek();
        let Token::Word(w) = &tok.token else {
            return Err(self.expected(what));
        };
        if w.quote_style.is_none() && is_reserved(&w.value) {
            return Err(P0
                .error(format!(
                    "expected {what}, found reserved word '{}'",
                    w.value
                ))
                .at(tok.span.into())
                .with_help(format!(
                    "reserved words need backquotes to be used as names: `{}`",
                    w.value
                )));
        }
        if w.quote_style.is_some_and(|q| q != '`') {
            return Err(self.expected(what));
        }
        let ident = Ident {
            value: w.value.clone(),
            quoted: w.quote_style.is_some(),
            span: tok.span.into(),
        };
        self.p.advance_token();
        self.check_hyphenated(&ident)?;
        Ok(ident)
    }

    /// `job-abc`: a hyphen glued between two words is an unquoted name.
    fn check_hyphenated(&self, ident: &Ident) -> Result<(), Diagnostic> {
        if ident.quoted {
            return Ok(());
        }
        let minus = self.peek_nth(0);
        let word = self.peek_nth(1);
        let glued = |a: Location, b: sqlparser::tokenizer::Location| a == Location::from(b);
        if matches!(minus.token, Token::Minus)
            && glued(ident.span.end, minus.span.start)
            && glued(minus.span.end.into(), word.span.start)
        {
            if let Token::Word(w) = &word.token {
                if w.quote_style.is_none()
                    && w.value.chars().next().is_some_and(|c| !c.is_ascii_digit())
                {
                    let full = format!("{}-{}", ident.value, w.value);
                    return Err(P0.error(format!(
                            "Possibly unquoted identifier {full} detected. Please consider quoting it with back-quotes as `{full}`"
                        ),
                    )
                    .at(Span::new(ident.span.start, word.span.end.into()))
                    .with_help(format!("write `{full}`")));
                }
            }
        }
        Ok(())
    }

    /// `name { . name }`
    pub(crate) fn parse_name_parts(&mut self, what: &str) -> Result<Vec<Ident>, Diagnostic> {
        let mut parts = vec![self.parse_ident(what)?];
        while self.eat_token(&Token::Period).is_some() {
            parts.push(self.parse_ident(what)?);
        }
        Ok(parts)
    }

    /// `[db.]job` (P1: more parts are Doris's `labelParts` error).
    pub(crate) fn parse_job_name(&mut self) -> Result<QualifiedName, Diagnostic> {
        let mut parts = self.parse_name_parts("a job name")?;
        if parts.len() > 2 {
            let span = names_span(&parts);
            return Err(P1
                .error("labelParts in load should be [db.]label")
                .at(span)
                .with_help("a job name has at most two parts: [database.]job"));
        }
        let name = parts.pop().ok_or_else(|| self.expected("a job name"))?;
        Ok(QualifiedName {
            db: parts.pop(),
            name,
        })
    }

    /// `[db.]table`
    pub(crate) fn parse_table_name(&mut self) -> Result<QualifiedName, Diagnostic> {
        let mut parts = self.parse_name_parts("a table name")?;
        if parts.len() > 2 {
            let span = names_span(&parts);
            return Err(P0
                .error("table name must be [db.]table")
                .at(span)
                .with_help(
                    "only the internal catalog exists: name the table as [database.]table",
                ));
        }
        let name = parts.pop().ok_or_else(|| self.expected("a table name"))?;
        Ok(QualifiedName {
            db: parts.pop(),
            name,
        })
    }

    pub(crate) fn parse_string(&mut self, what: &str) -> Result<StringLit, Diagnostic> {
        let tok = self.peek().clone();
        match tok.token {
            Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => {
                self.p.advance_token();
                Ok(StringLit {
                    value: s,
                    span: tok.span.into(),
                })
            }
            _ => Err(self.expected(what)),
        }
    }

    /// The source text of a span within this statement.
    pub(crate) fn source_text(&mut self, span: Span) -> &'a str {
        let chunk = self.chunk;
        let index = self
            .line_index
            .get_or_insert_with(|| LineIndex::new(chunk.text));
        let a = chunk.offset_of(index, span.start);
        let b = chunk.offset_of(index, span.end);
        chunk.text.get(a..b).unwrap_or("")
    }

    /// `( key = value, … )`: at least one entry, no trailing comma.
    pub(crate) fn parse_property_list(
        &mut self,
        // Named only in errors: a list that parses never renders it.
        context: &dyn std::fmt::Display,
    ) -> Result<PropertyList, Diagnostic> {
        let open: Span = self
            .eat_token(&Token::LParen)
            .ok_or_else(|| self.expected(&format!("'(' to open the {context} list")))?;
        if matches!(self.peek().token, Token::RParen) {
            return Err(self.expected("a property").with_help(format!(
                "{context} (…) needs at least one \"key\" = \"value\" entry"
            )));
        }
        // An entry takes at least four tokens (`key = value ,`): sized from the tokens
        // left, a long list grows in one allocation instead of a dozen doublings.
        let room = self.token_count.saturating_sub(self.p.index()) / 4;
        let mut entries = Vec::with_capacity(room.min(self.options.max_properties + 1));
        loop {
            let key = self.parse_property_term(|| "a property key".into())?;
            if self.eat_token(&Token::Eq).is_none() && self.eat_token(&Token::DoubleEq).is_none() {
                return Err(self
                    .expected(&format!(
                        "'=' after property key {}",
                        quote_string(&key.text)
                    ))
                    .with_help(format!("write {} = \"value\"", quote_string(&key.text))));
            }
            let value = self.parse_property_term(|| {
                format!("a value for property {}", quote_string(&key.text))
            })?;
            entries.push(Property { key, value });
            if entries.len() > self.options.max_properties {
                return Err(LIMIT
                    .error(format!(
                        "{context} list has more than {} properties",
                        self.options.max_properties
                    ))
                    .at(entries.last().map(|p| p.span()).unwrap_or(open)));
            }
            if self.eat_token(&Token::Comma).is_some() {
                if matches!(self.peek().token, Token::RParen) {
                    return Err(self
                        .expected("a property after ','")
                        .with_help("remove the trailing comma"));
                }
                continue;
            }
            if let Some(close) = self.eat_token(&Token::RParen) {
                return Ok(PropertyList {
                    entries,
                    span: open.union(close),
                });
            }
            let mut d = self.expected("',' or ')' after a property");
            if matches!(
                self.peek().token,
                Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) | Token::Word(_)
            ) {
                d = d.with_help("separate properties with commas");
            } else if matches!(self.peek().token, Token::EOF) {
                d = d.with_help(format!("close the {context} list with ')'"));
            }
            return Err(d);
        }
    }

    /// A property key or value: a string's value, a name, or a constant's text.
    fn parse_property_term(
        &mut self,
        what: impl FnOnce() -> String,
    ) -> Result<PropertyText, Diagnostic> {
        let tok = self.peek();
        let span: Span = tok.span.into();
        let text = match &tok.token {
            Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => s.clone(),
            Token::Word(w) if w.quote_style.is_none() || w.quote_style == Some('`') => {
                let typed = ["DATE", "DATEV1", "DATEV2", "TIMESTAMP"]
                    .iter()
                    .any(|k| w.quote_style.is_none() && w.value.eq_ignore_ascii_case(k));
                if typed
                    && matches!(
                        self.peek_nth(1).token,
                        Token::SingleQuotedString(_) | Token::DoubleQuotedString(_)
                    )
                {
                    self.p.advance_token();
                    self.p.advance_token();
                    let full = self.span_from(span);
                    let text = self.source_text(full).to_string();
                    return Ok(PropertyText { text, span: full });
                }
                w.value.clone()
            }
            Token::Number(n, _) => n.clone(),
            Token::Minus => {
                if let Token::Number(n, _) = &self.peek_nth(1).token {
                    let text = format!("-{n}");
                    self.p.advance_token();
                    self.p.advance_token();
                    return Ok(PropertyText {
                        text,
                        span: self.span_from(span),
                    });
                }
                return Err(self.expected(&what()));
            }
            _ => return Err(self.expected(&what())),
        };
        self.p.advance_token();
        Ok(PropertyText { text, span })
    }

    /// An expression, by sqlparser.
    pub(crate) fn parse_expr(&mut self, what: &str) -> Result<ExprNode, Diagnostic> {
        if matches!(self.peek().token, Token::EOF | Token::Comma | Token::RParen) {
            return Err(self.expected(what));
        }
        let start: Span = self.peek().span.into();
        let first = self.p.get_current_index() + 1;
        self.check_expression_size()?;
        let expr = self.p.parse_expr().map_err(|e| self.sqlparser_error(e))?;
        let quoted_quote = (first..self.p.get_current_index() + 1).any(|i| {
            matches!(&self.p.token_at(i).token, Token::Word(w)
                if w.quote_style.is_some_and(|q| w.value.contains(q)))
        });
        let display = if quoted_quote || crate::ast::needs_reescape(&expr) {
            self.reparse_escaped(first..self.p.get_current_index() + 1)
        } else {
            None
        };
        Ok(ExprNode {
            expr: std::sync::Arc::new(expr),
            span: self.span_from(start),
            display,
        })
    }

    /// The expression of the tokens `range`, parsed again with its string literals
    /// escaped the way Doris reads them back: the form it is written out in. Parsing
    /// again is cheap where copying the tree and rewriting the copy is not (a copy
    /// recurses as deep as the tree).
    fn reparse_escaped(
        &self,
        range: std::ops::Range<usize>,
    ) -> Option<std::sync::Arc<sqlparser::ast::Expr>> {
        let tokens: Vec<TokenWithSpan> = range
            .map(|i| {
                let mut t = self.p.token_at(i).clone();
                t.token = match t.token {
                    Token::SingleQuotedString(s) => {
                        Token::SingleQuotedString(s.replace('\\', "\\\\"))
                    }
                    // sqlparser writes a double-quoted literal's quotes unescaped.
                    Token::DoubleQuotedString(s) => {
                        Token::DoubleQuotedString(s.replace('\\', "\\\\").replace('"', "\\\""))
                    }
                    // Nor does it double a quoted name's own quote character.
                    Token::Word(mut w) => {
                        if let Some(q) = w.quote_style.filter(|q| w.value.contains(*q)) {
                            w.value = w.value.replace(q, &format!("{q}{q}"));
                        }
                        Token::Word(w)
                    }
                    other => other,
                };
                t
            })
            .collect();
        Parser::new(&DIALECT)
            .with_recursion_limit(self.options.max_expression_depth)
            .with_tokens_with_locations(tokens)
            .parse_expr()
            .ok()
            .map(std::sync::Arc::new)
    }

    /// Counts the operators of the expression that starts at the next token (up to the
    /// `,`, `)` or clause keyword that ends it) before it is parsed: the tree of a flat
    /// chain is as deep as the chain is long, and every walk over it (clone, drop,
    /// rendering) recurses that deep.
    fn check_expression_size(&self) -> Result<(), Diagnostic> {
        use sqlparser::keywords::Keyword;
        let limit = self.options.max_expression_nodes;
        let mut depth = 0usize;
        let mut nodes = 0usize;
        let first = self.p.get_current_index() + 1;
        let mut i = first;
        loop {
            let tok = self.p.token_at(i);
            match &tok.token {
                Token::EOF | Token::SemiColon => break,
                Token::LParen => depth += 1,
                Token::RParen if depth == 0 => break,
                Token::RParen => depth -= 1,
                Token::Comma if depth == 0 => break,
                Token::Comma | Token::Period => {}
                Token::Word(w) => match w.keyword {
                    Keyword::PARTITION
                    | Keyword::PARTITIONS
                    | Keyword::TBLPROPERTIES
                    | Keyword::FROM
                    | Keyword::COLUMNS
                    | Keyword::PRECEDING
                    | Keyword::ORDER
                    | Keyword::TEMPORARY
                        if depth == 0 =>
                    {
                        break
                    }
                    _ if depth == 0 && w.value.eq_ignore_ascii_case("PROPERTIES") => break,
                    _ => nodes += 1,
                },
                _ => nodes += 1,
            }
            if nodes > limit {
                return Err(LIMIT
                    .error(format!(
                        "expression has more than {limit} nodes (operators and operands)"
                    ))
                    .at(self.token_span(self.p.token_at(first)))
                    .with_help("split the condition, or raise the expression size limit"));
            }
            i += 1;
        }
        Ok(())
    }

    /// A comma-separated list of identifiers in parentheses.
    pub(crate) fn parse_ident_list(&mut self, what: &str) -> Result<Vec<Ident>, Diagnostic> {
        self.eat_token(&Token::LParen)
            .ok_or_else(|| self.expected(&format!("'(' before the {what} list")))?;
        let mut out = Vec::new();
        loop {
            out.push(self.parse_ident(what)?);
            self.check_list_len(out.len(), what)?;
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.eat_token(&Token::RParen)
            .ok_or_else(|| self.expected(&format!("',' or ')' in the {what} list")))?;
        Ok(out)
    }

    pub(crate) fn check_list_len(&self, len: usize, what: &str) -> Result<(), Diagnostic> {
        if len > self.options.max_list_items {
            return Err(LIMIT
                .error(format!(
                    "the {what} list has more than {} items",
                    self.options.max_list_items
                ))
                .at(self.token_span(self.peek())));
        }
        Ok(())
    }

    /// `[FROM|IN db]`
    pub(crate) fn parse_optional_from_db(&mut self) -> Result<Option<Ident>, Diagnostic> {
        if self.eat_kw("FROM").is_some() || self.eat_kw("IN").is_some() {
            Ok(Some(self.parse_ident("a database name")?))
        } else {
            Ok(None)
        }
    }
}

/// The span of a dotted name, from its first to its last part.
pub(crate) fn names_span(parts: &[Ident]) -> Span {
    match (parts.first(), parts.last()) {
        (Some(a), Some(b)) => a.span.union(b.span),
        _ => Span::default(),
    }
}

fn parse_location(s: &str) -> Option<Location> {
    // "3, Column: 5"
    let (line, rest) = s.split_once(", Column: ")?;
    let col: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some(Location::new(line.trim().parse().ok()?, col.parse().ok()?))
}

fn describe_found(found: &str) -> String {
    match found {
        "EOF" => "end of statement".into(),
        f => format!("'{f}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A first word that is no keyword is refused without sqlparser, exactly as
        /// sqlparser's refusal would have been told.
        #[test]
        fn an_unknown_first_word_is_told_as_sqlparser_would(
            word in "[A-Za-z_][A-Za-z0-9_]{0,14}",
            rest in "( [a-z0-9]{1,6}| =| \\(1\\)|)",
        ) {
            let text = format!("{word}{rest}");
            let chunk = Chunk { text: &text, offset: 0, start: Location::new(1, 1), terminated: true };
            let options = ParseOptions::default();
            let parser = || StatementParser::new(&chunk, lexer::tokenize(&chunk).unwrap(), &options);
            let first = parser().word_upper(0);
            let quick = parser().parse_other(first.as_deref());
            let full = parser().parse_with_sqlparser(first.as_deref());
            proptest::prop_assert_eq!(format!("{quick:?}"), format!("{full:?}"));
        }
    }

    #[test]
    fn an_unknown_first_word_takes_the_shortcut_only_when_it_is_no_keyword() {
        let options = ParseOptions::default();
        for (text, unknown) in [
            ("FROBNICATE x", true),
            ("SELEC 1", true),
            ("KILL 1", false),
            ("select 1", false),
        ] {
            let chunk = Chunk {
                text,
                offset: 0,
                start: Location::new(1, 1),
                terminated: true,
            };
            let mut p = StatementParser::new(&chunk, lexer::tokenize(&chunk).unwrap(), &options);
            let first = p.word_upper(0);
            let got = p.parse_other(first.as_deref());
            let told_unknown = got
                .as_ref()
                .err()
                .is_some_and(|d| d.message.starts_with("unknown statement"));
            assert_eq!(told_unknown, unknown, "{text}: {got:?}");
        }
    }

    /// What a parsed statement's secrets were before the scan jumped over lists: the
    /// AST's secret values and the lenient scan of the whole text, merged.
    fn secrets_by_full_scan(stmt: &Statement, chunk: &Chunk<'_>) -> Vec<Range<usize>> {
        let index = LineIndex::new(chunk.text);
        let mut out: Vec<Range<usize>> = stmt
            .property_lists()
            .into_iter()
            .flat_map(|l| l.entries.iter())
            .filter(|p| crate::keys::secrets::is_secret_key(p.key()))
            .map(|p| {
                chunk.offset_of(&index, p.value.span.start)
                    ..chunk.offset_of(&index, p.value.span.end)
            })
            .chain(crate::keys::masking::secret_ranges(chunk.text))
            .collect();
        crate::text::mask::normalize_ranges(&mut out);
        out
    }

    fn chunk_of(text: &str) -> Chunk<'_> {
        Chunk {
            text,
            offset: 0,
            start: Location::new(1, 1),
            terminated: true,
        }
    }

    /// A property key or value as written, quoted either way; `tricky` adds what makes
    /// the scan go through the list (escapes, comment openers, non-ASCII, numbers).
    fn term(tricky: bool) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut bodies = vec![
            "kafka_topic",
            "property.group.id",
            "password",
            " password ",
            "x password",
            "pass''word",
            "pass\"\"word",
            "sasl.pasword",
            "token",
            "property.sasl.password",
            "aws.secret_key",
            "v",
            "a,b",
            "(x)",
            "",
            "identified by",
            "a-b",
            "a/b",
        ];
        if tricky {
            bodies.extend([
                "p\\\\assword",
                "p\\'assword",
                "# password",
                "a--b",
                "a/*b",
                "ｐａｓｓｗｏｒｄ",
                "ü",
            ]);
        }
        (
            prop::sample::select(bodies),
            prop::bool::ANY,
            prop::bool::weighted(if tricky { 0.2 } else { 0.0 }),
        )
            .prop_map(|(b, single, bare)| {
                let q = if single { '\'' } else { '"' };
                let inner = if single {
                    b.replace("\"\"", "\"")
                } else {
                    b.replace("''", "'")
                };
                // A number or a name instead of a string, now and then.
                if bare {
                    "-1".to_string()
                } else {
                    format!("{q}{inner}{q}")
                }
            })
    }

    fn gap(tricky: bool) -> impl proptest::strategy::Strategy<Value = &'static str> {
        let mut gaps = vec![" ", "", "\n", "\t "];
        if tricky {
            gaps.extend([" /* c */ ", " -- c\n", " # c\n"]);
        }
        proptest::sample::select(gaps)
    }

    /// A property list; most are plain (the scan jumps over them), some tricky.
    fn entries() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::bool::weighted(0.3).prop_flat_map(|tricky| {
            let entry = (
                term(tricky),
                gap(tricky),
                prop::sample::select(vec!["=", "=="]),
                gap(tricky),
                term(tricky),
            )
                .prop_map(|(k, g1, op, g2, v)| format!("{k}{g1}{op}{g2}{v}"));
            (prop::collection::vec(entry, 1..5), gap(tricky))
                .prop_map(|(es, g)| format!("({g}{}{g})", es.join(&format!(",{g}"))))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Jumping over the property lists the AST shows finds exactly the secrets the
        /// scan of the whole text found.
        #[test]
        fn the_jumped_scan_finds_what_the_full_scan_found(
            form in 0..4usize,
            job in entries(),
            source in entries(),
            word in proptest::sample::select(vec!["x", "password", "'password'", "token"]),
            later in proptest::bool::ANY,
        ) {
            let text = match form {
                0 => format!("CREATE ROUTINE LOAD j ON t PROPERTIES {job} FROM KAFKA {source}"),
                1 => format!("CREATE ROUTINE LOAD j ON t WHERE a = {word} FROM KAFKA {source}"),
                2 => format!("ALTER ROUTINE LOAD FOR j PROPERTIES {job} FROM KAFKA {source}"),
                _ => format!("CREATE ROUTINE LOAD j ON t COLUMNS(a, {word}) PROPERTIES {job} FROM KAFKA{source}"),
            };
            // A statement after others starts inside a line of the script.
            let start = if later { Location::new(3, 7) } else { Location::new(1, 1) };
            let chunk = Chunk { start, ..chunk_of(&text) };
            let options = ParseOptions::default();
            if let Some((Ok(stmt), got)) = parse_chunk(&chunk, &options) {
                proptest::prop_assert_eq!(got, secrets_by_full_scan(&stmt, &chunk), "{}", text);
            }
        }
    }

    /// The first property list of a statement that parses, as the scan's jump knows it.
    fn known_first_list(text: &str) -> Option<crate::keys::masking::Known> {
        let chunk = chunk_of(text);
        let tokens = lexer::tokenize(&chunk).unwrap();
        let stmt = StatementParser::new(&chunk, tokens, &ParseOptions::default())
            .parse()
            .unwrap();
        let lists = stmt.property_lists();
        assert_eq!(lists.len(), 1, "{text}");
        known_list(lists[0], &mut AsciiOffsets::new(&chunk).unwrap())
    }

    #[test]
    fn a_plain_property_list_is_jumped_over() {
        let text = include_str!("../../benches/msk_iam.sql");
        let text = text.trim_end().trim_end_matches(';');
        let known = known_first_list(text).expect("a list of quoted strings is known");
        assert_eq!(&text[known.from - 1..known.from], "(");
        assert_eq!(&text[known.to..known.to + 1], ")");
        assert!(known.secrets.is_empty());
        // A secret key's value is what the list's secrets hold.
        let text =
            "CREATE ROUTINE LOAD j ON t FROM KAFKA ('x' = 'y', \"sasl password\" = 'hunter2')";
        let known = known_first_list(text).unwrap();
        let masked: Vec<&str> = known.secrets.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(masked, ["'hunter2'"]);
        // A comment inside makes the scan go through the list.
        let text = "CREATE ROUTINE LOAD j ON t FROM KAFKA ('x' = /* c */ 'y')";
        assert_eq!(known_first_list(text), None);
    }
}
