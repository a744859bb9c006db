//! # routine-load-fe
//!
//! The Apache Doris FE statement path for routine load, as a library. Data flows one
//! way:
//!
//! 1. [`parser`]: SQL text → [`ast::Statement`]s with source spans (a `DorisDialect`
//!    on sqlparser); a located [`Diagnostic`] per statement that does not parse.
//! 2. [`analyzer`]: Doris FE's checks in Doris's order with Doris's exact texts, the
//!    Kafka and AWS MSK security analysis, and a typed [`analyzer::RoutineLoadJob`].
//! 3. [`plan`]: the job's `TRoutineLoadTask`s / `TKafkaLoadInfo`s, as values, JSON
//!    and Thrift bytes.
//!
//! A [`Session`] ties them together: a catalog (your own through
//! [`analyzer::Catalog`], or DDL statements), a current database, the jobs created so
//! far. Everything is `Send + Sync`; there is no global mutable state.
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
pub mod diagnostic;
mod hash;
pub mod parser;
pub mod plan;
pub mod secrets;
pub mod session;
pub mod text;

pub use ast::Statement;
pub use diagnostic::{Diagnostic, Severity, Stage};
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
