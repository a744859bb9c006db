//! The analyzer: Doris FE's checks, in Doris's order, with Doris's exact texts — and
//! every independent problem in one pass, located, with help. The first error of a
//! statement is always the one Doris would report; what goes beyond Doris is a warning.
//!
//! [`analyze`] takes a statement and a read-only [`AnalyzeContext`] (catalog, FE
//! configuration, the jobs so far) and returns an [`Outcome`]: the findings, and the
//! changes the session applies when the statement is accepted.
//!
//! The modules point one way: the job model, value reading, endpoints and client
//! settings are leaves; the Kafka checks and the security analysis do not call each
//! other (`source` runs one, then the other); the statement analyses sit on top.

mod alter;
mod builtins;
pub mod catalog;
mod client;
mod context;
mod control;
mod create;
mod ddl;
pub mod endpoint;
mod functions;
mod job_map;
mod kafka;
mod kinesis;
mod load;
pub mod model;
mod names;
mod outcome;
mod properties;
pub mod render;
pub mod security;
mod shared;
mod show;
mod source;
mod statement;
mod versions;

pub use alter::{analyze_alter, AlterOutcome};
pub use catalog::{
    Catalog, CatalogError, CatalogMut, ColumnInfo, FileInfo, FunctionInfo, InMemoryCatalog,
    TableInfo,
};
pub use context::{AnalyzeContext, FeConfig, JobView, Mode, Profile};
pub use create::{analyze_create, CreateOutcome};
pub use ddl::describe;
pub use model::*;
pub use outcome::{Effect, Outcome, ResultSet, StateChange};
pub use statement::analyze;
