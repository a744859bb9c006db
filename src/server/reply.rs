//! What a connection is (its database, time zone, user, last warnings) and what the
//! gateway answers, independent of the wire: an OK with warnings, a result set, or
//! Doris's error (number, SQLSTATE, `errCode = 2, detailMessage = …`).

use crate::diagnostics::Severity;
use crate::session::StatementResult;

/// One entry of `SHOW WARNINGS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `Error`, `Warning` or `Note`.
    pub level: &'static str,
    /// The MySQL error number of the finding's rule.
    pub code: u16,
    /// The rule's code, its message and where it points.
    pub message: String,
}

/// A connection's own state; the catalog and the jobs are the FE's.
#[derive(Debug, Clone)]
pub struct ConnState {
    /// The connection id (the handshake's, `CONNECTION_ID()`).
    pub id: u32,
    /// The current database.
    pub database: Option<String>,
    /// The session variable `time_zone`.
    pub time_zone: String,
    /// The authenticated user.
    pub user: String,
    /// The peer's address, for logs and `USER()`.
    pub peer: String,
    /// The findings of the last statement (`SHOW WARNINGS`).
    pub warnings: Vec<Warning>,
    /// The session variable `autocommit` (kept for clients that read it back).
    pub autocommit: bool,
}

impl ConnState {
    /// A new connection of `user` from `peer`.
    pub fn new(id: u32, user: &str, peer: &str) -> Self {
        ConnState {
            id,
            database: None,
            time_zone: "Asia/Shanghai".into(),
            user: user.to_string(),
            peer: peer.to_string(),
            warnings: Vec::new(),
            autocommit: true,
        }
    }
}

/// A column of a result set: every value Doris's SHOW statements return is text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The column name.
    pub name: String,
    /// A number column (`SELECT 1`, `@@wait_timeout`); others are VARCHAR.
    pub numeric: bool,
}

/// The gateway's answer to one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An OK packet.
    Ok {
        /// Affected rows.
        affected: u64,
        /// The findings, counted in the OK packet and listed by `SHOW WARNINGS`.
        warnings: Vec<Warning>,
    },
    /// A result set.
    Rows {
        /// The columns.
        columns: Vec<Column>,
        /// The rows (`None` is NULL).
        rows: Vec<Vec<Option<String>>>,
        /// The findings.
        warnings: Vec<Warning>,
    },
    /// An error packet.
    Error {
        /// The MySQL error number.
        errno: u16,
        /// The SQLSTATE.
        sqlstate: String,
        /// The message, as Doris FE writes it.
        message: String,
        /// Every finding (`SHOW WARNINGS` after an error lists them).
        warnings: Vec<Warning>,
    },
}

/// Doris FE's message form for an analysis error.
pub fn doris_message(detail: &str) -> String {
    format!("errCode = 2, detailMessage = {detail}")
}

impl Reply {
    /// An OK without findings.
    pub fn ok() -> Reply {
        Reply::Ok {
            affected: 0,
            warnings: Vec::new(),
        }
    }

    /// Doris's generic error (1105, HY000).
    pub fn error(detail: impl AsRef<str>) -> Reply {
        Reply::coded(1105, "HY000", detail)
    }

    /// An error with its number and SQLSTATE.
    pub fn coded(errno: u16, sqlstate: &str, detail: impl AsRef<str>) -> Reply {
        Reply::Error {
            errno,
            sqlstate: sqlstate.to_string(),
            message: doris_message(detail.as_ref()),
            warnings: Vec::new(),
        }
    }

    /// A failure of the gateway itself (storage), not of the statement.
    pub fn internal(detail: impl AsRef<str>) -> Reply {
        Reply::error(detail)
    }

    /// A result set of text columns.
    pub fn rows(columns: &[&str], rows: Vec<Vec<Option<String>>>) -> Reply {
        Reply::Rows {
            columns: columns
                .iter()
                .map(|c| Column {
                    name: (*c).to_string(),
                    numeric: false,
                })
                .collect(),
            rows,
            warnings: Vec::new(),
        }
    }

    /// The findings the reply carries.
    pub fn warnings(&self) -> &[Warning] {
        match self {
            Reply::Ok { warnings, .. }
            | Reply::Rows { warnings, .. }
            | Reply::Error { warnings, .. } => warnings,
        }
    }

    /// Adds findings (an upstream's answer with rlfe's warnings).
    pub fn with_warnings(mut self, extra: Vec<Warning>) -> Reply {
        match &mut self {
            Reply::Ok { warnings, .. }
            | Reply::Rows { warnings, .. }
            | Reply::Error { warnings, .. } => warnings.extend(extra),
        }
        self
    }

    /// A short verdict for the log: `ok`, `rows`, or the error number.
    pub fn verdict(&self) -> String {
        match self {
            Reply::Ok { warnings, .. } if warnings.is_empty() => "ok".into(),
            Reply::Ok { warnings, .. } => format!("ok ({} warnings)", warnings.len()),
            Reply::Rows { rows, .. } => format!("{} rows", rows.len()),
            Reply::Error { errno, .. } => format!("error {errno}"),
        }
    }

    /// The answer to a statement text: the first failed statement's error, otherwise
    /// the last statement's OK or rows.
    pub fn from_results(results: Vec<StatementResult>) -> Reply {
        let pick = results
            .iter()
            .position(|r| !r.ok)
            .or_else(|| results.len().checked_sub(1));
        // A text of comments only (the mysql client's `--comments` sends them) is a
        // no-op.
        let Some(r) = pick.and_then(|i| results.into_iter().nth(i)) else {
            return Reply::ok();
        };
        let warnings = findings(&r);
        if !r.ok {
            let (errno, sqlstate, message) = match r.first_error() {
                Some(d) => {
                    let (errno, state) = d.mysql_code();
                    (errno, state, doris_message(&d.message))
                }
                None => (1105, "HY000", doris_message("the statement failed")),
            };
            return Reply::Error {
                errno,
                sqlstate: sqlstate.to_string(),
                message,
                warnings,
            };
        }
        match r.rows {
            Some(set) => Reply::Rows {
                columns: set
                    .columns
                    .iter()
                    .map(|c| Column {
                        name: c.clone(),
                        numeric: false,
                    })
                    .collect(),
                rows: set
                    .rows
                    .into_iter()
                    .map(|row| row.into_iter().map(Some).collect())
                    .collect(),
                warnings,
            },
            None => Reply::Ok {
                affected: 0,
                warnings,
            },
        }
    }
}

/// A statement's findings as `SHOW WARNINGS` rows: the rule's code, the message and
/// where it points.
fn findings(r: &StatementResult) -> Vec<Warning> {
    r.diagnostics
        .iter()
        .map(|d| {
            let level = match d.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
                _ => "Note",
            };
            let at = match (d.line(), d.column()) {
                (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
                _ => String::new(),
            };
            Warning {
                level,
                code: d.mysql_code().0,
                message: format!("[{}] {}{at}", d.code(), d.message),
            }
        })
        .collect()
}
