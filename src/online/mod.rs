//! The online checks (`--online`): a CREATE ROUTINE LOAD … FROM KAFKA checked against
//! the live brokers, through librdkafka 1.9.2 configured as Doris BE configures its
//! consumer. What Doris decides with the broker (the partitions of `kafka_partitions`,
//! the offsets it resolves) gets Doris's answer; the rest (unreachable brokers,
//! advertised addresses, offsets out of range, empty topics, MSK IAM tokens) gets
//! warnings that say when the job will fail. Nothing is consumed, no group is
//! joined, no offset committed.

#[cfg(feature = "librdkafka")]
pub mod client;
#[cfg(feature = "librdkafka")]
mod kafka;
#[cfg(feature = "librdkafka")]
pub mod mock;

use crate::analyzer::KafkaSource;
use crate::diagnostics::Diagnostic;
use crate::plan::online::OnlineSummary;
use crate::text::Span;
use std::time::Duration;

/// How the online checks run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineOptions {
    /// The time one statement's checks may take in all (default 10 s).
    pub timeout: Duration,
}

impl Default for OnlineOptions {
    fn default() -> Self {
        OnlineOptions {
            timeout: Duration::from_secs(10),
        }
    }
}

/// Where in the statement a finding points: the value of a property as written.
pub trait Places {
    /// The value's span of the property written with this key (`kafka_partitions`,
    /// `property.kafka_default_offsets`, `aws.credentials_provider`, …).
    fn value(&self, key: &str) -> Option<Span>;
    /// Where findings about the whole source point.
    fn anchor(&self) -> Span;
}

/// What the checks found.
#[derive(Debug, Clone, Default)]
pub struct OnlineReport {
    /// The findings, stage `online`.
    pub diagnostics: Vec<Diagnostic>,
    /// What the brokers answered; `None` when nothing was asked.
    pub summary: Option<OnlineSummary>,
}

/// A FILE: reference resolved to a file on this machine, when there is one.
pub type FileLookup<'a> = &'a dyn Fn(&str) -> Option<std::path::PathBuf>;

/// Which statement a check is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// CREATE: Doris asks Kafka for the partitions of `kafka_partitions`.
    Create,
    /// An ALTER giving partitions to a job whose partitions are discovered (`src` is
    /// the job's current source with the ALTER's partitions and offsets): the job
    /// consumes every partition of its topic, and Doris's progress check (A12)
    /// refuses any other; the offsets are then resolved as at CREATE.
    Alter,
}

/// Checks a Kafka job's source against its brokers.
pub fn check_kafka(
    src: &KafkaSource,
    places: &dyn Places,
    files: FileLookup<'_>,
    options: &OnlineOptions,
    checked: Checked,
) -> OnlineReport {
    #[cfg(feature = "librdkafka")]
    {
        kafka::check(src, places, files, options, checked)
    }
    #[cfg(not(feature = "librdkafka"))]
    {
        let _ = (src, files, options, checked);
        OnlineReport {
            diagnostics: vec![crate::diagnostics::rules::ONLINE_CHECKED
                .note("checked against the broker: nothing, rlfe was built without librdkafka (feature `librdkafka`)")
                .at(places.anchor())],
            summary: None,
        }
    }
}
