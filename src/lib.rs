//! # routine-load-fe
//!
//! The Apache Doris FE statement path for routine load, as a library: SQL text →
//! [`parser`] (a `DorisDialect` on sqlparser, a spanned [`ast`]) → analyzer → plan.

pub mod ast;
pub mod diagnostic;
pub mod parser;
pub mod secrets;
pub mod text;

pub use ast::Statement;
pub use diagnostic::{Diagnostic, Severity, Stage};
pub use parser::{parse_script, parse_statement, DorisDialect, ParseOptions, ParsedStatement};
pub mod analyzer;
pub mod plan;
pub mod session;
