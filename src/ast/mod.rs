//! The spanned AST of the Doris routine-load dialect.
//!
//! Every node a diagnostic can point at carries a [`Span`]. Spans never take part in
//! equality (see [`Span`]), so a statement rendered with `Display` and parsed again
//! compares equal to the original.

mod ddl;
mod display;
mod routine_load;

pub(crate) use display::{is_reserved, needs_reescape};
pub use display::{quote_string, write_name};

pub use ddl::*;
pub use routine_load::*;

pub use crate::text::{Location, Span};

use serde::Serialize;
use std::fmt;

/// A name: an unquoted identifier, a non-reserved keyword or a backquoted name.
#[derive(Debug, Clone, Serialize)]
pub struct Ident {
    /// The name.
    pub value: String,
    /// Written with backquotes. Presentation only: not part of equality.
    #[serde(skip)]
    pub quoted: bool,
    /// Where it is written.
    pub span: Span,
}

impl Ident {
    /// A name written plainly, without a position.
    pub fn new(value: impl Into<String>) -> Self {
        Ident {
            value: value.into(),
            quoted: false,
            span: Span::default(),
        }
    }
}

impl PartialEq for Ident {
    fn eq(&self, other: &Ident) -> bool {
        self.value == other.value
    }
}
impl Eq for Ident {}

/// A string literal (its decoded value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StringLit {
    /// The decoded value.
    pub value: String,
    /// Where it is written.
    pub span: Span,
}

impl StringLit {
    /// A name written plainly, without a position.
    pub fn new(value: impl Into<String>) -> Self {
        StringLit {
            value: value.into(),
            span: Span::default(),
        }
    }
}

/// `[db.]name`: a job name or a table name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualifiedName {
    /// The database, when written.
    pub db: Option<Ident>,
    /// The name.
    pub name: Ident,
}

impl QualifiedName {
    /// From the key to the value.
    pub fn span(&self) -> Span {
        match &self.db {
            Some(db) => db.span.union(self.name.span),
            None => self.name.span,
        }
    }
}

/// The text of a property key or value: a string literal's value, an identifier's
/// name, or any other constant's source text. Quoting is not recorded: `a = 1` and
/// `"a" = "1"` are the same property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PropertyText {
    /// The text.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

impl PropertyText {
    /// Spans of parts of the text, worked out once for many parts.
    pub fn char_spans(&self) -> CharSpans {
        let (start, end) = (self.span.start, self.span.end);
        let chars = if self.text.is_ascii() {
            self.text.len()
        } else {
            self.text.chars().count()
        } as u64;
        // Written as it reads: the span is the text's characters, and two quotes.
        let first = match end.column.saturating_sub(start.column).checked_sub(chars) {
            _ if start.line != end.line => None,
            Some(2) => Some(start.column + 1),
            Some(0) => Some(start.column),
            _ => None,
        };
        CharSpans {
            whole: self.span,
            first,
        }
    }
}

/// Where the characters of a property's text are, when it is written as it reads (on
/// one line, without escapes); otherwise every part is the whole text's span.
#[derive(Debug, Clone, Copy)]
pub struct CharSpans {
    whole: Span,
    /// The column of the text's first character.
    first: Option<u64>,
}

impl CharSpans {
    /// The span of the characters `chars` (character offsets into the text).
    pub fn span(&self, chars: std::ops::Range<usize>) -> Span {
        match self.first {
            Some(col) => {
                let line = self.whole.start.line;
                let from = col + chars.start as u64;
                Span::new(
                    Location::new(line, from),
                    Location::new(line, from + chars.len() as u64),
                )
            }
            None => self.whole,
        }
    }
}

/// One `key = value` entry. Its `Debug`, `Display` and `Serialize` mask secret values.
#[derive(Clone, PartialEq, Eq)]
pub struct Property {
    /// The key.
    pub key: PropertyText,
    /// The value.
    pub value: PropertyText,
}

impl Serialize for Property {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Property", 2)?;
        st.serialize_field("key", &self.key)?;
        st.serialize_field(
            "value",
            &PropertyText {
                text: crate::keys::secrets::display_value(&self.key.text, &self.value.text)
                    .to_string(),
                span: self.value.span,
            },
        )?;
        st.end()
    }
}

impl fmt::Debug for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Property")
            .field("key", &self.key.text)
            .field(
                "value",
                &crate::keys::secrets::display_value(&self.key.text, &self.value.text),
            )
            .field("span", &self.span())
            .finish()
    }
}

impl Property {
    /// A property written plainly, without positions.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Property {
            key: PropertyText {
                text: key.into(),
                span: Span::default(),
            },
            value: PropertyText {
                text: value.into(),
                span: Span::default(),
            },
        }
    }

    /// The key text.
    pub fn key(&self) -> &str {
        &self.key.text
    }

    /// The value text.
    pub fn value(&self) -> &str {
        &self.value.text
    }

    /// From the key to the value.
    pub fn span(&self) -> Span {
        self.key.span.union(self.value.span)
    }
}

/// A parenthesised property list, in source order. Repeated keys are kept: judging
/// them is the analyzer's job (rule P2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct PropertyList {
    /// The entries, in order.
    pub entries: Vec<Property>,
    /// From the opening to the closing parenthesis.
    pub span: Span,
}

impl PropertyList {
    /// The first entry with this key.
    pub fn get(&self, key: &str) -> Option<&Property> {
        self.entries.iter().find(|p| p.key.text == key)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Property> {
        self.entries.iter()
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// An expression parsed by sqlparser's expression parser, with the span of its text.
/// The tree is shared, not copied, when the node is cloned: a copy would recurse as
/// deep as the tree. Its Display, Debug and JSON forms mask secret values.
#[derive(Clone)]
pub struct ExprNode {
    /// The expression.
    pub expr: std::sync::Arc<sqlparser::ast::Expr>,
    /// Where it is written.
    pub span: Span,
    /// The same expression with its string literals escaped for output, when they need
    /// it (sqlparser writes a literal's backslashes and quotes as they are).
    pub display: Option<std::sync::Arc<sqlparser::ast::Expr>>,
}

impl ExprNode {
    /// An expression without a position.
    pub fn new(expr: sqlparser::ast::Expr) -> Self {
        ExprNode {
            expr: std::sync::Arc::new(expr),
            span: Span::default(),
            display: None,
        }
    }
}

impl Serialize for ExprNode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ExprNode", 2)?;
        st.serialize_field("expr", &self.to_string())?;
        st.serialize_field("span", &self.span)?;
        st.end()
    }
}

impl PartialEq for ExprNode {
    fn eq(&self, other: &ExprNode) -> bool {
        self.expr == other.expr
    }
}

impl Eq for ExprNode {}

/// Every statement the dialect knows, plus everything else sqlparser parses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Statement {
    /// `CREATE ROUTINE LOAD`.
    CreateRoutineLoad(CreateRoutineLoad),
    /// `ALTER ROUTINE LOAD`.
    AlterRoutineLoad(AlterRoutineLoad),
    /// `PAUSE [ALL] ROUTINE LOAD`.
    PauseRoutineLoad(PauseRoutineLoad),
    /// `RESUME [ALL] ROUTINE LOAD`.
    ResumeRoutineLoad(ResumeRoutineLoad),
    /// `STOP ROUTINE LOAD`.
    StopRoutineLoad(StopRoutineLoad),
    /// `SHOW [ALL] ROUTINE LOAD`.
    ShowRoutineLoad(ShowRoutineLoad),
    /// `SHOW ROUTINE LOAD TASK`.
    ShowRoutineLoadTask(ShowRoutineLoadTask),
    /// `SHOW [ALL] CREATE ROUTINE LOAD`.
    ShowCreateRoutineLoad(ShowCreateRoutineLoad),
    /// `EXPLAIN CREATE ROUTINE LOAD …`: analyze and plan without creating the job.
    Explain(Explain),
    /// `CREATE DATABASE`.
    CreateDatabase(CreateDatabase),
    /// `USE`.
    Use(Use),
    /// `DROP DATABASE`.
    DropDatabase(DropDatabase),
    /// `DROP TABLE`.
    DropTable(DropTable),
    /// `CREATE TABLE`.
    CreateTable(Box<CreateTable>),
    /// `CREATE FILE`.
    CreateFile(CreateFile),
    /// `DROP FILE`.
    DropFile(DropFile),
    /// `SHOW FILE`.
    ShowFile(ShowFile),
    /// `CREATE [GLOBAL] … FUNCTION`.
    CreateFunction(Box<CreateFunction>),
    /// `DROP [GLOBAL] FUNCTION`.
    DropFunction(DropFunction),
    /// `CREATE ENCRYPTKEY`.
    CreateEncryptKey(CreateEncryptKey),
    /// `DROP ENCRYPTKEY`.
    DropEncryptKey(DropEncryptKey),
    /// A statement outside the routine-load dialect, parsed by sqlparser, for routing.
    Other(OtherStatement),
}

/// A statement outside the routine-load dialect, as sqlparser parsed it. Its Display,
/// Debug and JSON forms mask secret values (`SET password = …`, `IDENTIFIED BY …`,
/// secret keys in `PROPERTIES` lists and table-function arguments), so it can be
/// logged; [`OtherStatement::statement`] gives the AST itself.
#[derive(Clone, PartialEq)]
pub struct OtherStatement(Box<sqlparser::ast::Statement>);

impl OtherStatement {
    /// Wraps sqlparser's statement.
    pub fn new(statement: sqlparser::ast::Statement) -> Self {
        OtherStatement(Box::new(statement))
    }

    /// sqlparser's AST, secret values included.
    pub fn statement(&self) -> &sqlparser::ast::Statement {
        &self.0
    }
}

impl fmt::Display for OtherStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // sqlparser reads `{:#}` as pretty-printing; keep its one-line form.
        f.write_str(&crate::keys::masking::mask_sql(&self.0.to_string()))
    }
}

impl Serialize for OtherStatement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("OtherStatement", 1)?;
        st.serialize_field("sql", &self.to_string())?;
        st.end()
    }
}

impl fmt::Debug for OtherStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OtherStatement")
            .field(&self.to_string())
            .finish()
    }
}

impl Statement {
    /// Every property list of the statement, in source order.
    pub fn property_lists(&self) -> Vec<&PropertyList> {
        fn create(c: &CreateRoutineLoad) -> Vec<&PropertyList> {
            c.properties
                .iter()
                .chain(std::iter::once(&c.source.properties))
                .collect()
        }
        match self {
            Statement::CreateRoutineLoad(c) => create(c),
            Statement::Explain(e) => create(&e.statement),
            Statement::AlterRoutineLoad(a) => match &a.action {
                AlterAction::Properties {
                    properties, source, ..
                } => properties
                    .iter()
                    .chain(source.iter().map(|s| &s.properties))
                    .collect(),
                AlterAction::TargetTable {
                    properties, source, ..
                } => properties
                    .iter()
                    .chain(source.iter().map(|s| &s.properties))
                    .collect(),
                AlterAction::Table { .. } => Vec::new(),
            },
            Statement::CreateDatabase(c) => c.properties.iter().collect(),
            Statement::CreateTable(t) => t.properties.iter().collect(),
            Statement::CreateFile(f) => vec![&f.properties],
            Statement::DropFile(f) => vec![&f.properties],
            _ => Vec::new(),
        }
    }

    /// What kind of statement this is.
    pub fn kind(&self) -> StatementKind {
        match self {
            Statement::CreateRoutineLoad(_) => StatementKind::CreateRoutineLoad,
            Statement::AlterRoutineLoad(_) => StatementKind::AlterRoutineLoad,
            Statement::PauseRoutineLoad(_) => StatementKind::PauseRoutineLoad,
            Statement::ResumeRoutineLoad(_) => StatementKind::ResumeRoutineLoad,
            Statement::StopRoutineLoad(_) => StatementKind::StopRoutineLoad,
            Statement::ShowRoutineLoad(_) => StatementKind::ShowRoutineLoad,
            Statement::ShowRoutineLoadTask(_) => StatementKind::ShowRoutineLoadTask,
            Statement::ShowCreateRoutineLoad(_) => StatementKind::ShowCreateRoutineLoad,
            Statement::Explain(_) => StatementKind::Explain,
            Statement::CreateDatabase(_) => StatementKind::CreateDatabase,
            Statement::Use(_) => StatementKind::Use,
            Statement::DropDatabase(_) => StatementKind::DropDatabase,
            Statement::DropTable(_) => StatementKind::DropTable,
            Statement::CreateTable(_) => StatementKind::CreateTable,
            Statement::CreateFile(_) => StatementKind::CreateFile,
            Statement::DropFile(_) => StatementKind::DropFile,
            Statement::ShowFile(_) => StatementKind::ShowFile,
            Statement::CreateFunction(_) => StatementKind::CreateFunction,
            Statement::DropFunction(_) => StatementKind::DropFunction,
            Statement::CreateEncryptKey(_) => StatementKind::CreateEncryptKey,
            Statement::DropEncryptKey(_) => StatementKind::DropEncryptKey,
            Statement::Other(_) => StatementKind::Other,
        }
    }
}

/// The kind of a statement, serialised as its snake_case name (`create_routine_load`,
/// …; `unknown` for a statement that did not parse).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// `CREATE ROUTINE LOAD`
    CreateRoutineLoad,
    /// `ALTER ROUTINE LOAD`
    AlterRoutineLoad,
    /// `PAUSE [ALL] ROUTINE LOAD`
    PauseRoutineLoad,
    /// `RESUME [ALL] ROUTINE LOAD`
    ResumeRoutineLoad,
    /// `STOP ROUTINE LOAD`
    StopRoutineLoad,
    /// `SHOW [ALL] ROUTINE LOAD`
    ShowRoutineLoad,
    /// `SHOW ROUTINE LOAD TASK`
    ShowRoutineLoadTask,
    /// `SHOW [ALL] CREATE ROUTINE LOAD`
    ShowCreateRoutineLoad,
    /// `EXPLAIN CREATE ROUTINE LOAD`
    Explain,
    /// `CREATE DATABASE`
    CreateDatabase,
    /// `USE`
    Use,
    /// `DROP DATABASE`
    DropDatabase,
    /// `DROP TABLE`
    DropTable,
    /// `CREATE TABLE`
    CreateTable,
    /// `CREATE FILE`
    CreateFile,
    /// `DROP FILE`
    DropFile,
    /// `SHOW FILE`
    ShowFile,
    /// `CREATE … FUNCTION`
    CreateFunction,
    /// `DROP FUNCTION`
    DropFunction,
    /// `CREATE ENCRYPTKEY`
    CreateEncryptKey,
    /// `DROP ENCRYPTKEY`
    DropEncryptKey,
    /// A statement outside the dialect, parsed by sqlparser.
    Other,
    /// A statement that did not parse.
    Unknown,
}

impl StatementKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::CreateRoutineLoad => "create_routine_load",
            StatementKind::AlterRoutineLoad => "alter_routine_load",
            StatementKind::PauseRoutineLoad => "pause_routine_load",
            StatementKind::ResumeRoutineLoad => "resume_routine_load",
            StatementKind::StopRoutineLoad => "stop_routine_load",
            StatementKind::ShowRoutineLoad => "show_routine_load",
            StatementKind::ShowRoutineLoadTask => "show_routine_load_task",
            StatementKind::ShowCreateRoutineLoad => "show_create_routine_load",
            StatementKind::Explain => "explain",
            StatementKind::CreateDatabase => "create_database",
            StatementKind::Use => "use",
            StatementKind::DropDatabase => "drop_database",
            StatementKind::DropTable => "drop_table",
            StatementKind::CreateTable => "create_table",
            StatementKind::CreateFile => "create_file",
            StatementKind::DropFile => "drop_file",
            StatementKind::ShowFile => "show_file",
            StatementKind::CreateFunction => "create_function",
            StatementKind::DropFunction => "drop_function",
            StatementKind::CreateEncryptKey => "create_encryptkey",
            StatementKind::DropEncryptKey => "drop_encryptkey",
            StatementKind::Other => "other",
            StatementKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
