//! # routine-load-fe
//!
//! The Apache Doris FE statement path for routine load, as a library. Data flows one
//! way, each layer using only the ones above it:
//!
//! 1. [`text`] and [`diagnostics`]: positions, the one diagnostic type, and the rule
//!    registry every diagnostic points into;
//! 2. [`ast`] and [`keys`]: the spanned AST, and the property vocabulary (which keys
//!    exist, their types and defaults, which hold secrets); [`be`]: what Doris BE's
//!    Kafka consumer (librdkafka 1.9.2) does with a job's client properties;
//! 3. [`parser`]: SQL text → [`Statement`]s (a `DorisDialect` on sqlparser), a located
//!    [`Diagnostic`] per statement that does not parse; masking secrets in SQL text;
//! 4. [`analyzer`]: Doris FE's checks in Doris's order with Doris's exact texts, the
//!    Kafka and AWS MSK security analysis, and the decision for each statement;
//! 5. [`plan`]: a job's `TRoutineLoadTask`s / `TKafkaLoadInfo`s, as values, JSON and
//!    Thrift bytes;
//! 6. [`session`]: a catalog, a current database and a job registry that apply the
//!    analyzer's decisions;
//! 7. `server` (feature `server`): `rlfe serve`, a MySQL-protocol gateway whose
//!    connections share one durable session.
//!
//! Everything is `Send + Sync`; there is no global mutable state.
//!
//! ```
//! use routine_load_fe::Session;
//!
//! let mut session = Session::default();
//! let sql = r#"CREATE ROUTINE LOAD db.job ON tbl FROM KAFKA (
//!     "kafka_broker_list" = "broker1:9092",
//!     "kafka_topic" = "events",
//!     "kafka_partitions" = "0,1")"#;
//! let result = &session.execute_sql(sql)[0];
//! assert!(result.ok);
//! let plan = result.plan.as_ref().unwrap();
//! assert_eq!(plan.tasks.len(), 2);
//!
//! // Doris's answer, exactly: the first error's message.
//! let bad = &session.execute_sql("CREATE ROUTINE LOAD db.j2 ON tbl FROM KAFKA (\"kafka_topic\" = \"t\")")[0];
//! assert_eq!(bad.first_error().unwrap().message, "kafka_broker_list is a required property");
//! ```

#![warn(missing_docs)]
// Library code never panics on input: no unwrap, expect, panics or unchecked indexing.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo
    )
)]

pub mod analyzer;
pub mod ast;
pub mod be;
pub mod diagnostics;
pub mod keys;
pub mod online;
pub mod parser;
pub mod plan;
#[cfg(feature = "server")]
pub mod server;
pub mod session;
pub mod text;

pub use ast::{Statement, StatementKind};
pub use diagnostics::{Diagnostic, Rule, Severity, Stage};
pub use parser::{parse_script, parse_statement, DorisDialect, ParseOptions, ParsedStatement};
pub use session::{Session, SessionOptions, StatementResult};

/// Parses a script with the default limits: one entry per statement.
pub fn parse(sql: &str) -> Vec<ParsedStatement> {
    parse_script(sql, &ParseOptions::default())
}

/// Runs a script in a fresh session (no catalog: table checks are skipped with a
/// note) and returns what each statement did.
pub fn run(sql: &str) -> Vec<StatementResult> {
    Session::default().execute_sql(sql)
}

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<super::Session>();
        assert_send_sync::<super::Statement>();
        assert_send_sync::<super::Diagnostic>();
        assert_send_sync::<super::StatementResult>();
        assert_send_sync::<super::plan::Plan>();
        assert_send_sync::<super::analyzer::RoutineLoadJob>();
    }
}
