//! What every check reads besides the statement: the catalog, the FE configuration, a
//! read-only view of the jobs, and the session's settings.

use super::catalog::Catalog;
use super::model::{JobEntry, JobState};
pub use crate::diagnostics::rules::DorisVersion;

/// Whether the statement creates or alters a job: some checks and texts differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// CREATE ROUTINE LOAD (and EXPLAIN of one).
    Create,
    /// ALTER ROUTINE LOAD.
    Alter,
}

/// How Doris-compatible the answers are.
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

/// The FE configuration values and session variables the checks and the planner read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeConfig {
    /// The cap on a job's concurrent tasks, and the default `desired_concurrent_number`.
    pub max_routine_load_task_concurrent_num: i32,
    /// Task slots per BE.
    pub max_routine_load_task_num_per_be: i32,
    /// The cluster's limit of active jobs (C8 allows one more).
    pub max_routine_load_job_num: usize,
    /// A task's timeout is this many times `max_batch_interval`…
    pub routine_load_task_timeout_multiplier: i64,
    /// …and at least this many seconds.
    pub routine_load_task_min_timeout_sec: i64,
    /// The batch interval of adaptive batches.
    pub routine_load_adaptive_min_batch_interval_sec: i64,
    /// The most small files of a database.
    pub max_small_file_number: usize,
    /// The largest small file.
    pub max_small_file_size_bytes: i64,
    /// Session variable `send_batch_parallelism`.
    pub send_batch_parallelism: i32,
    /// Session variable `enable_memtable_on_sink_node`.
    pub enable_memtable_on_sink_node: bool,
    /// The cluster runs in cloud mode (storage and compute separated): compute groups
    /// exist, Kinesis jobs do not.
    pub cloud_mode: bool,
    /// The compute groups of a cloud-mode cluster.
    pub compute_groups: Vec<String>,
    /// FE config `enable_udf_in_load`: tasks may call user-defined functions.
    pub enable_udf_in_load: bool,
    /// FE config `enable_java_udf`.
    pub enable_java_udf: bool,
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
            cloud_mode: false,
            compute_groups: Vec::new(),
            enable_udf_in_load: false,
            enable_java_udf: true,
        }
    }
}

/// A read-only view of the jobs, as a registry keeps them.
pub trait JobView {
    /// Every job, in creation order, final ones included.
    fn entries(&self) -> &[JobEntry];

    /// The NEED_SCHEDULE, RUNNING or PAUSED job of that name in the database.
    fn active_job(&self, db: &str, name: &str) -> Option<&JobEntry> {
        self.entries()
            .iter()
            .find(|e| !e.state.is_final() && e.job.database == db && e.job.name == name)
    }

    /// Every job of that name in the database, final ones included, in creation order.
    fn named(&self, db: &str, name: &str) -> Vec<&JobEntry> {
        self.entries()
            .iter()
            .filter(|e| e.job.database == db && e.job.name == name)
            .collect()
    }

    /// How many jobs are NEED_SCHEDULE, RUNNING or PAUSED, in all databases.
    fn active_count(&self) -> usize {
        self.entries()
            .iter()
            .filter(|e| !e.state.is_final())
            .count()
    }
}

/// Everything a check reads besides the statement.
pub struct AnalyzeContext<'a> {
    /// The catalog (read-only).
    pub catalog: &'a dyn Catalog,
    /// The FE configuration.
    pub config: &'a FeConfig,
    /// The jobs so far.
    pub jobs: &'a dyn JobView,
    /// The current database.
    pub current_db: Option<&'a str>,
    /// The session variable `time_zone`.
    pub time_zone: &'a str,
    /// The user running the statement.
    pub user: &'a str,
    /// How Doris-compatible the answers are.
    pub profile: Profile,
    /// The Doris version whose answers are given.
    pub version: DorisVersion,
}

impl AnalyzeContext<'_> {
    /// The active job of that name and its state.
    pub fn active_job(&self, db: &str, name: &str) -> Option<(&JobEntry, JobState)> {
        self.jobs.active_job(db, name).map(|e| (e, e.state))
    }
}
