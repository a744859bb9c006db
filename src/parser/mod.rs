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
use crate::diagnostics::Diagnostic;
use crate::text::{did_you_mean, LineIndex};
use lexer::Chunk;
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
    /// Most operators in one expression (default 1000): a long flat chain such as
    /// `1 + 1 + …` builds a tree as deep as it is long.
    pub max_expression_operators: usize,
    /// Most entries in one property list (default 1024).
    pub max_properties: usize,
    /// Most items in one list: columns, partition names, key columns (default 10000).
    pub max_list_items: usize,
    /// Most statements in one script (default 100000).
    pub max_statements: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_statement_bytes: 1 << 20,
            max_expression_depth: 64,
            max_expression_operators: 1000,
            max_properties: 1024,
            max_list_items: 10_000,
            max_statements: 100_000,
        }
    }
}

/// One statement of a script: where it is, and its AST or its parse error.
#[derive(Debug, Clone)]
pub struct ParsedStatement {
    /// Position among the script's statements, from 0.
    pub index: usize,
    /// Byte range of the statement's text in the script (without the `;`).
    pub range: Range<usize>,
    /// Where it starts.
    pub start: Location,
    /// Its AST, or its parse error.
    pub result: Result<Statement, Diagnostic>,
}

impl ParsedStatement {
    /// The statement's text, trimmed.
    pub fn sql<'a>(&self, script: &'a str) -> &'a str {
        script.get(self.range.clone()).unwrap_or("").trim()
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
    let mut index = 0usize;
    let mut over_limit = false;
    lexer::Splitter::new(sql).filter_map(move |chunk| {
        if over_limit {
            return None;
        }
        let parsed = parse_chunk(&chunk, options)?;
        let this = index;
        index += 1;
        let result = if this >= options.max_statements {
            over_limit = true;
            Err(LIMIT
                .error(format!(
                    "script has more than {} statements; the rest is not parsed",
                    options.max_statements
                ))
                .at(Span::new(chunk.start, chunk.start))
                .with_help("split the script into smaller scripts"))
        } else {
            parsed
        };
        Some(ParsedStatement {
            index: this,
            range: chunk.offset..chunk.offset + chunk.text.len(),
            start: chunk.start,
            result,
        })
    })
}

/// Parses one chunk; `None` when it holds no statement (only blanks and comments).
fn parse_chunk(chunk: &Chunk<'_>, options: &ParseOptions) -> Option<Result<Statement, Diagnostic>> {
    if chunk.text.len() > options.max_statement_bytes {
        let first = chunk.text.find(|c: char| !c.is_whitespace()).unwrap_or(0);
        let _ = first;
        return Some(Err(LIMIT
            .error(format!(
                "statement is {} bytes, more than the limit of {} bytes",
                chunk.text.len(),
                options.max_statement_bytes
            ))
            .at(Span::new(chunk.start, chunk.start))
            .with_help(
                "split the statement, or raise the statement size limit",
            )));
    }
    let tokens = match lexer::tokenize(chunk) {
        Ok(t) => t,
        Err(e) => return Some(Err(e)),
    };
    if tokens.is_empty() {
        return None;
    }
    let mut p = StatementParser::new(chunk, tokens, options);
    Some(p.parse())
}

/// Parses one statement's tokens: the helpers every statement builder shares.
pub(crate) struct StatementParser<'a> {
    pub(crate) p: Parser<'a>,
    chunk: &'a Chunk<'a>,
    options: &'a ParseOptions,
    line_index: Option<LineIndex>,
    /// A `>` left over from splitting a `>>` token in nested type arguments.
    pending_gt: bool,
}

static DIALECT: DorisDialect = DorisDialect;

const STATEMENT_KEYWORDS: &[&str] = &[
    "CREATE", "ALTER", "PAUSE", "RESUME", "STOP", "SHOW", "USE", "DROP", "EXPLAIN",
];

impl<'a> StatementParser<'a> {
    fn new(chunk: &'a Chunk<'a>, tokens: Vec<TokenWithSpan>, options: &'a ParseOptions) -> Self {
        let p = Parser::new(&DIALECT)
            .with_recursion_limit(options.max_expression_depth)
            .with_tokens_with_locations(tokens);
        StatementParser {
            p,
            chunk,
            options,
            line_index: None,
            pending_gt: false,
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
        match self.p.parse_statement() {
            Ok(s) => Ok(Statement::Other(Box::new(s))),
            Err(e) => {
                let mut d = self.sqlparser_error(e);
                if let Some(word) = first {
                    let known = STATEMENT_KEYWORDS.contains(&word)
                        || matches!(word, "SELECT" | "INSERT" | "UPDATE" | "WITH" | "SET");
                    if !known && d.span.map(|s| s.start) == Some(self.first_token_start()) {
                        d.message =
                            format!("unknown statement '{}'", self.first_word_text()).into();
                        let hint = did_you_mean(word, STATEMENT_KEYWORDS.iter().copied(), 1);
                        d.help = Some(match hint.first() {
                            Some(k) => format!("did you mean {k}?").into(),
                            None => "routine-load statements start with CREATE, ALTER, PAUSE, RESUME, STOP or SHOW".into(),
                        });
                    }
                }
                Err(d)
            }
        }
    }

    fn first_token_start(&self) -> Location {
        self.p.token_at(0).span.start.into()
    }

    fn first_word_text(&self) -> String {
        match &self.p.token_at(0).token {
            Token::Word(w) => w.value.clone(),
            t => t.to_string(),
        }
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
    fn advance(&mut self) -> Span {
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
        let found = if self.follows_secret_key() {
            // The token may be a secret value: name its kind, never its text.
            match tok.token {
                Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => {
                    "a string".to_string()
                }
                Token::Word(_) | Token::Number(..) => "a value".to_string(),
                ref t => Self::describe(t),
            }
        } else {
            Self::describe(&tok.token)
        };
        P0.error(format!("expected {what}, found {found}"))
            .at(self.token_span(tok))
    }

    /// Whether the next token comes right after a secret property key (`key` or
    /// `key =`), where it would be the secret value.
    fn follows_secret_key(&self) -> bool {
        let text = |t: &TokenWithSpan| match &t.token {
            Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => Some(s.clone()),
            Token::Word(w) => Some(w.value.clone()),
            _ => None,
        };
        let last = self.p.get_current_token();
        let before = self.p.get_previous_token();
        let is_secret =
            |t: &TokenWithSpan| text(t).is_some_and(|k| crate::keys::secrets::is_secret_key(&k));
        is_secret(last) || (matches!(last.token, Token::Eq | Token::DoubleEq) && is_secret(before))
    }

    fn token_span(&self, tok: &TokenWithSpan) -> Span {
        if matches!(tok.token, Token::EOF) {
            // Point just past the last token.
            let last: Location = self.p.get_current_token().span.end.into();
            if last.line == 0 {
                return Span::new(self.chunk.start, self.chunk.start);
            }
            return Span::new(last, last);
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
        let rel = |l: Location| {
            if l.line == chunk.start.line {
                (1, l.column + 1 - chunk.start.column)
            } else {
                (l.line + 1 - chunk.start.line, l.column)
            }
        };
        let (sl, sc) = rel(span.start);
        let (el, ec) = rel(span.end);
        let a = index.offset(chunk.text, sl, sc);
        let b = index.offset(chunk.text, el, ec);
        chunk.text.get(a..b).unwrap_or("")
    }

    /// `( key = value, … )`: at least one entry, no trailing comma.
    pub(crate) fn parse_property_list(
        &mut self,
        context: &str,
    ) -> Result<PropertyList, Diagnostic> {
        let open: Span = self
            .eat_token(&Token::LParen)
            .ok_or_else(|| self.expected(&format!("'(' to open the {context} list")))?;
        if matches!(self.peek().token, Token::RParen) {
            return Err(self.expected("a property").with_help(format!(
                "{context} (…) needs at least one \"key\" = \"value\" entry"
            )));
        }
        let mut entries = Vec::new();
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
        let display = if crate::ast::needs_reescape(&expr) {
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
        let limit = self.options.max_expression_operators;
        let mut depth = 0usize;
        let mut operators = 0usize;
        let mut i = self.p.get_current_index() + 1;
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
                    Keyword::AND
                    | Keyword::OR
                    | Keyword::XOR
                    | Keyword::NOT
                    | Keyword::IS
                    | Keyword::LIKE
                    | Keyword::ILIKE
                    | Keyword::RLIKE
                    | Keyword::REGEXP
                    | Keyword::IN
                    | Keyword::BETWEEN
                    | Keyword::DIV
                    | Keyword::CASE
                    | Keyword::WHEN => operators += 1,
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
                    _ => {}
                },
                Token::Number(..)
                | Token::SingleQuotedString(_)
                | Token::DoubleQuotedString(_)
                | Token::Placeholder(_) => {}
                _ => operators += 1,
            }
            if operators > limit {
                return Err(LIMIT
                    .error(format!("expression has more than {limit} operators"))
                    .at(self.token_span(tok))
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
