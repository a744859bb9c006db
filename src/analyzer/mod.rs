//! The analyzer: Doris FE's checks, in Doris's order, with Doris's exact texts — and
//! every independent problem in one pass, located, with help. The first error of a
//! statement is always the one Doris would report; what goes beyond Doris is a warning.

mod alter;
pub mod catalog;
mod create;
pub mod job;
pub mod job_properties;
pub mod kafka;
pub mod load;
pub mod security;
pub mod values;

pub use alter::{analyze_alter, AlterOutcome};
pub use catalog::{Catalog, FileInfo, InMemoryCatalog, TableInfo};
pub use create::{analyze_create, CreateOutcome};
pub use job::*;

use crate::ast::PropertyList;
use crate::diagnostic::{Diagnostic, Stage};

/// Whether the statement creates or alters a job: some checks and texts differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Create,
    Alter,
}

/// How Doris-compatible the answers are (kafka-security.md §0.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Aliases and other systems' spellings are normalised to Doris 4.1's vocabulary
    /// (with warnings), a missing region is taken from the broker hosts, and Doris's
    /// checks run on the result.
    #[default]
    Default,
    /// No normalisation: exactly Doris 4.1's answer to the raw text.
    Doris,
}

/// The FE configuration values the checks and the planner read (§10.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeConfig {
    pub max_routine_load_task_concurrent_num: i32,
    pub max_routine_load_task_num_per_be: i32,
    pub max_routine_load_job_num: usize,
    pub routine_load_task_timeout_multiplier: i64,
    pub routine_load_task_min_timeout_sec: i64,
    pub routine_load_adaptive_min_batch_interval_sec: i64,
    pub max_small_file_number: usize,
    pub max_small_file_size_bytes: i64,
    /// Session variable `send_batch_parallelism`.
    pub send_batch_parallelism: i32,
    /// Session variable `enable_memtable_on_sink_node`.
    pub enable_memtable_on_sink_node: bool,
}

impl Default for FeConfig {
    fn default() -> Self {
        FeConfig {
            max_routine_load_task_concurrent_num: 256,
            max_routine_load_task_num_per_be: 1024,
            max_routine_load_job_num: 100,
            routine_load_task_timeout_multiplier: 10,
            routine_load_task_min_timeout_sec: 60,
            routine_load_adaptive_min_batch_interval_sec: 360,
            max_small_file_number: 100,
            max_small_file_size_bytes: 1_048_576,
            send_batch_parallelism: 1,
            enable_memtable_on_sink_node: true,
        }
    }
}

/// The jobs a check must know about (C7, C8, ALTER).
pub trait JobView {
    /// A NEED_SCHEDULE, RUNNING or PAUSED job of that name in the database, and its state.
    fn active_job(&self, db: &str, name: &str) -> Option<(&RoutineLoadJob, JobState)>;
    /// How many jobs are NEED_SCHEDULE, RUNNING or PAUSED, in all databases.
    fn active_count(&self) -> usize;
}

/// Everything a check reads besides the statement.
pub struct AnalyzeContext<'a> {
    pub catalog: &'a dyn Catalog,
    pub config: &'a FeConfig,
    pub jobs: &'a dyn JobView,
    pub current_db: Option<&'a str>,
    /// The session variable `time_zone`.
    pub time_zone: &'a str,
    pub user: &'a str,
    pub profile: Profile,
}

/// An analyzer error at `span`, with help.
pub(crate) fn err(
    code: &'static str,
    msg: impl Into<crate::diagnostic::Text>,
    span: crate::ast::Span,
    help: impl Into<crate::diagnostic::Text>,
) -> Diagnostic {
    Diagnostic::error(Stage::Analyze, code, msg)
        .at(span)
        .with_help(help)
}

/// An analyzer warning at `span`, with help.
pub(crate) fn warn(
    code: &'static str,
    msg: impl Into<crate::diagnostic::Text>,
    span: crate::ast::Span,
    help: impl Into<crate::diagnostic::Text>,
) -> Diagnostic {
    Diagnostic::warning(Stage::Analyze, code, msg)
        .at(span)
        .with_help(help)
}

/// P2: a repeated key in one list, with Guava's text (secrets masked).
pub(crate) fn duplicate_keys(list: Option<&PropertyList>, diags: &mut Vec<Diagnostic>) {
    let Some(list) = list else { return };
    let entries = &list.entries;
    let key = |i: usize| entries.get(i).map_or("", |p| p.key());
    crate::hash::for_each_repeat(entries.len(), key, |i, first| {
        if let (Some(p), Some(first)) = (entries.get(i), entries.get(first)) {
            let show = |v: &str| crate::secrets::display_value(p.key(), v).to_string();
            diags.push(
                Diagnostic::error(
                    Stage::Analyze,
                    "P2",
                    format!(
                        "Multiple entries with same key: {k}={} and {k}={}",
                        show(first.value()),
                        show(p.value()),
                        k = p.key()
                    ),
                )
                .at(p.key.span)
                .with_help(format!(
                    "\"{}\" is given twice (first at {}); keep one",
                    p.key(),
                    first.key.span.start
                )),
            );
        }
    });
}

/// The note for checks skipped because no schema is known (open-world rule).
pub(crate) fn no_catalog_note(span: crate::ast::Span, what: &str) -> Diagnostic {
    Diagnostic::note(
        Stage::Analyze,
        "NO-CATALOG",
        format!("not verified: no catalog ({what} were not checked)"),
    )
    .at(span)
    .with_help("load a catalog with --catalog FILE, or run CREATE DATABASE / CREATE TABLE first")
}
