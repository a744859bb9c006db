//! What the online check learnt from the brokers, as the plan shows it: the brokers
//! reached and advertised, and each partition's watermarks with its symbolic and
//! resolved begin offset.

use serde::Serialize;

/// The brokers' answers for one job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct OnlineSummary {
    /// Each address of the broker list, and whether it was reached.
    pub bootstrap: Vec<BootstrapBroker>,
    /// The brokers the cluster advertises (`id host:port`).
    pub advertised: Vec<String>,
    /// The topic's partitions, in metadata order.
    pub partitions: Vec<i32>,
    /// The begin offsets of the planned partitions.
    pub offsets: Vec<PartitionOffsets>,
}

/// One address of `kafka_broker_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BootstrapBroker {
    /// `host:port` as written.
    pub address: String,
    /// Reached over TCP from this machine.
    pub reached: bool,
    /// Why not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A partition's offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionOffsets {
    /// The partition.
    pub partition: i32,
    /// The offset as the job gives it (`OFFSET_END`, `OFFSET_BEGINNING`, a number,
    /// a datetime).
    pub given: String,
    /// The low watermark (first retained offset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<i64>,
    /// The high watermark (the next offset to be written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<i64>,
    /// The offset Doris sends in the task (the watermark, the offset for the time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<i64>,
}
