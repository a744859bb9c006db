//! What the analysis of a statement decides: its findings, the changes the session
//! applies (in order; the first that fails stops the rest), and what it answers.

use super::catalog::{FileInfo, TableInfo};
use super::model::{JobState, RoutineLoadJob};
use crate::diagnostics::Diagnostic;
use crate::text::Span;
use serde::Serialize;

/// A result table (SHOW statements, EXPLAIN).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultSet {
    /// Column names, as Doris names them.
    pub columns: Vec<String>,
    /// The rows, each value as text.
    pub rows: Vec<Vec<String>>,
}

impl ResultSet {
    /// A table with these columns and rows.
    pub fn new(columns: &[&str], rows: Vec<Vec<String>>) -> Self {
        ResultSet {
            columns: columns.iter().map(|c| (*c).to_string()).collect(),
            rows,
        }
    }
}

/// A job's change of state, with the times and the reason it sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    /// The job's id.
    pub job_id: i64,
    /// The new state.
    pub to: JobState,
    /// The reason code and text (`None` clears the reason).
    pub reason: Option<(u32, String)>,
}

/// One change the session applies to its state.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Register a job (NEED_SCHEDULE) and plan it.
    CreateJob(Box<RoutineLoadJob>),
    /// Plan a job without registering it (EXPLAIN).
    ExplainJob(Box<RoutineLoadJob>),
    /// Replace an active job's definition (ALTER).
    ReplaceJob(Box<RoutineLoadJob>),
    /// Change a job's state.
    ChangeState(StateChange),
    /// Create a database.
    CreateDatabase {
        /// Its name.
        name: String,
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Drop a database.
    DropDatabase {
        /// Its name.
        name: String,
        /// `IF EXISTS`.
        if_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Create a table.
    CreateTable {
        /// The database.
        db: String,
        /// The table.
        table: Box<TableInfo>,
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Drop a table.
    DropTable {
        /// The database.
        db: String,
        /// The table.
        table: String,
        /// `IF EXISTS`.
        if_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Register a small file (its id is the catalog's next id).
    CreateFile {
        /// The file, id 0.
        file: FileInfo,
        /// Where the name is written.
        span: Span,
    },
    /// Drop a small file.
    DropFile {
        /// The database.
        db: String,
        /// The file name.
        name: String,
        /// Where the name is written.
        span: Span,
    },
    /// Make a database current.
    UseDatabase(String),
    /// Create a user-defined function.
    CreateFunction {
        /// The function.
        function: crate::analyzer::catalog::FunctionInfo,
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Drop a user-defined function.
    DropFunction {
        /// The function's signature.
        function: crate::analyzer::catalog::FunctionInfo,
        /// `IF EXISTS`.
        if_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Create an encrypt key.
    CreateEncryptKey {
        /// The database.
        db: String,
        /// The key's name.
        name: String,
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// Where the name is written.
        span: Span,
    },
    /// Drop an encrypt key.
    DropEncryptKey {
        /// The database.
        db: String,
        /// The key's name.
        name: String,
        /// `IF EXISTS`.
        if_exists: bool,
        /// Where the name is written.
        span: Span,
    },
}

/// The analysis of one statement.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Findings, the first error being Doris's answer.
    pub diagnostics: Vec<Diagnostic>,
    /// Changes to apply when the statement is accepted.
    pub effects: Vec<Effect>,
    /// The `Query OK …` line when the statement is accepted.
    pub message: Option<String>,
    /// A result table.
    pub rows: Option<ResultSet>,
}

impl Outcome {
    /// An outcome with only these findings.
    pub fn from_diagnostics(diagnostics: Vec<Diagnostic>) -> Self {
        Outcome {
            diagnostics,
            ..Outcome::default()
        }
    }

    /// Whether any finding is an error.
    pub fn has_error(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// `Query OK, 0 rows affected`.
pub(crate) fn query_ok() -> Option<String> {
    Some("Query OK, 0 rows affected".into())
}
