//! The planner: what Doris FE sends its backends for a job — its tasks, each a
//! `TRoutineLoadTask` with its `TKafkaLoadInfo` — as typed values, JSON, text, and Thrift.

pub mod ids;
mod kinesis;
mod metadata;
pub mod online;
pub mod thrift;

pub use ids::{DeterministicIds, IdGenerator, SystemIds};
pub use kinesis::{KinesisLoadInfo, KinesisSecurity, KinesisSummary, LOAD_SOURCE_KINESIS};
pub use metadata::{check_partition_count, StaticTopicMetadata, TopicMetadata};

/// Most partitions a topic may have for planning (the default of
/// `SessionOptions::max_partitions`): one task entry is planned per partition.
pub const DEFAULT_MAX_PARTITIONS: usize = 100_000;

use crate::analyzer::endpoint;
use crate::analyzer::model::{
    AuthMode, DataSource, Format, KafkaOffset, KafkaSource, RoutineLoadJob,
};
use crate::analyzer::security::policy;
use crate::analyzer::FeConfig;
use crate::diagnostics::rules::{LIMIT, PLAN_FILE, PLAN_PARTITIONS, PLAN_TIMES};
use crate::diagnostics::Diagnostic;
use crate::keys::job::{alphabetical_order, format_ratio, Rendering, Value};
use crate::keys::kafka::{DEFAULT_OFFSETS, ORIGIN_DEFAULT_OFFSETS};
use crate::keys::secrets::{display_value, is_secret_key, MASK};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// `TLoadSourceType.KAFKA`.
pub const LOAD_SOURCE_KAFKA: i32 = 1;
/// `TFileFormatType.FORMAT_CSV_PLAIN`.
pub const FORMAT_CSV_PLAIN: i32 = 0;
/// `TFileFormatType.FORMAT_JSON`.
pub const FORMAT_JSON: i32 = 9;

/// `TUniqueId`: a task UUID as two signed 64-bit halves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct UniqueId {
    /// The high 64 bits.
    pub hi: i64,
    /// The low 64 bits.
    pub lo: i64,
}

impl UniqueId {
    /// A UUID as two signed halves.
    pub fn from_uuid(u: uuid::Uuid) -> Self {
        let (hi, lo) = u.as_u64_pair();
        UniqueId {
            hi: hi as i64,
            lo: lo as i64,
        }
    }

    /// Java's `Long.toHexString` of each half, as Doris prints task ids and labels.
    pub fn hex(&self) -> (String, String) {
        (
            format!("{:x}", self.hi as u64),
            format!("{:x}", self.lo as u64),
        )
    }
}

/// `TKafkaLoadInfo` (ids 1–4). `Debug` and `Serialize` mask secret properties; the
/// Thrift encoding carries the real values (it is the wire).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct KafkaLoadInfo {
    /// The bootstrap brokers.
    pub brokers: String,
    /// The topic.
    pub topic: String,
    /// Each partition's first offset to read.
    pub partition_begin_offset: BTreeMap<i32, i64>,
    /// The client properties.
    pub properties: Option<BTreeMap<String, String>>,
}

impl KafkaLoadInfo {
    /// The properties with secret values masked.
    pub fn masked_properties(&self) -> Option<BTreeMap<String, String>> {
        self.properties.as_ref().map(|p| {
            p.iter()
                .map(|(k, v)| (k.clone(), display_value(k, v).to_string()))
                .collect()
        })
    }
}

impl std::fmt::Debug for KafkaLoadInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KafkaLoadInfo")
            .field("brokers", &self.brokers)
            .field("topic", &self.topic)
            .field("partition_begin_offset", &self.partition_begin_offset)
            .field("properties", &self.masked_properties())
            .finish()
    }
}

impl Serialize for KafkaLoadInfo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("KafkaLoadInfo", 4)?;
        st.serialize_field("brokers", &self.brokers)?;
        st.serialize_field("topic", &self.topic)?;
        st.serialize_field("partition_begin_offset", &self.partition_begin_offset)?;
        st.serialize_field("properties", &self.masked_properties())?;
        st.end()
    }
}

/// `TRoutineLoadTask` (ids 1–19; the plan fragments 13 and 15 are out of scope).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RoutineLoadTask {
    /// `TLoadSourceType` (1 = KAFKA, 3 = KINESIS).
    #[serde(rename = "type")]
    pub load_source_type: i32,
    /// The job id.
    pub job_id: i64,
    /// The task id.
    pub id: UniqueId,
    /// The transaction id (-1 before the transaction).
    pub txn_id: i64,
    /// The auth code (0).
    pub auth_code: i64,
    /// The database.
    pub db: Option<String>,
    /// The table (none for multi-table jobs).
    pub tbl: Option<String>,
    /// The load label.
    pub label: Option<String>,
    /// `max_batch_interval`.
    pub max_interval_s: Option<i64>,
    /// `max_batch_rows`.
    pub max_batch_rows: Option<i64>,
    /// `max_batch_size`.
    pub max_batch_size: Option<i64>,
    /// The Kafka part.
    pub kafka_load_info: Option<KafkaLoadInfo>,
    /// `TFileFormatType` (0 = CSV, 9 = JSON).
    pub format: Option<i32>,
    /// A multi-table job.
    pub is_multi_table: Option<bool>,
    /// Session variable `enable_memtable_on_sink_node`.
    pub memtable_on_sink_node: Option<bool>,
    /// The job's user.
    pub qualified_user: Option<String>,
    /// The compute group (cloud mode).
    pub cloud_cluster: Option<String>,
    /// The Kinesis part (id 20, Doris master; Kinesis tasks only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinesis_load_info: Option<KinesisLoadInfo>,
}

/// The job section of a plan: the effective properties and the load clauses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobSummary {
    /// The job id.
    pub id: i64,
    /// The job name.
    pub name: String,
    /// The database.
    pub database: String,
    /// The table (none for multi-table jobs).
    pub table: Option<String>,
    /// A multi-table job.
    pub is_multi_table: bool,
    /// APPEND, DELETE or MERGE.
    pub merge_type: String,
    /// Effective job properties, defaults filled in.
    pub properties: FieldMap,
    /// The load clauses as SQL text.
    pub load: FieldMap,
    /// The bootstrap brokers (Kafka jobs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub broker_list: String,
    /// The topic (Kafka jobs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub topic: String,
    /// Where new partitions start (Kafka jobs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub default_offset: String,
    /// Whether the offsets are points in time.
    pub offsets_for_times: bool,
    /// The Kinesis source (Kinesis jobs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinesis: Option<KinesisSummary>,
    /// Task timeout in seconds: max(max_batch_interval × 10, 60).
    pub task_timeout_s: i64,
}

/// Named text fields in key order, serialised as a JSON object: the summary's
/// properties and load clauses. Keys are fixed names and most values are constants,
/// so a plan does not allocate a string for either.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldMap(Vec<(&'static str, Field)>);

/// A field's value: text, or a number written out (as Java would) when the field is
/// rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// Text.
    Text(Cow<'static, str>),
    /// A number.
    Int(i64),
    /// A ratio, written as Java writes a double.
    Ratio(f64),
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Text(t) => f.write_str(t),
            Field::Int(n) => write!(f, "{n}"),
            Field::Ratio(r) => f.write_str(&format_ratio(*r)),
        }
    }
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FieldMap {
    /// Builds the map from fields given in any order (already sorted is the cheap case).
    fn sorted(mut fields: Vec<(&'static str, Field)>) -> Self {
        if !fields.is_sorted_by_key(|(k, _)| *k) {
            fields.sort_by_key(|(k, _)| *k);
        }
        FieldMap(fields)
    }

    /// The value of a text field.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| match v {
                Field::Text(t) => Some(&**t),
                Field::Int(_) | Field::Ratio(_) => None,
            })
    }

    /// The fields, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Field)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for FieldMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// The security summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecuritySummary {
    /// How the consumer authenticates.
    pub auth: AuthMode,
    /// `security.protocol`, upper-cased.
    pub protocol: String,
    /// The SASL mechanism.
    pub mechanism: Option<String>,
    /// The brokers, classified.
    pub brokers: Vec<endpoint::Endpoint>,
    /// The least-privilege IAM policy of an MSK IAM job.
    pub policy: Option<policy::IamPolicy>,
    /// What the BE does that the statement does not show.
    pub notes: Vec<Cow<'static, str>>,
}

/// A job's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The job.
    pub job: JobSummary,
    /// The tasks Doris FE forms.
    pub tasks: Vec<RoutineLoadTask>,
    /// The security summary (Kafka jobs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<SecuritySummary>,
    /// The credentials and IAM policy of a Kinesis job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinesis_security: Option<KinesisSecurity>,
    /// What the brokers answered (`--online`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<online::OnlineSummary>,
    /// What the plan leaves to Doris.
    pub notes: Vec<Diagnostic>,
    /// The client properties the tasks carry (shown by the text plan even when no task
    /// is planned; the JSON and Thrift carry them in the tasks).
    #[serde(skip)]
    pub client_properties: crate::analyzer::CustomProperties,
}

/// The converted client map: `kafka_default_offsets` and
/// `kafka_origin_default_offsets` removed; FILE: references kept as written (Doris
/// rewrites them to `FILE:<id>:<md5>` when the job is created).
fn converted_properties(src: &KafkaSource) -> BTreeMap<String, String> {
    src.custom
        .iter()
        .filter(|(k, _)| *k != DEFAULT_OFFSETS && *k != ORIGIN_DEFAULT_OFFSETS)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn offset_text(o: &KafkaOffset) -> String {
    match o {
        KafkaOffset::Beginning => "OFFSET_BEGINNING".into(),
        KafkaOffset::End => "OFFSET_END".into(),
        KafkaOffset::Offset { value } => value.to_string(),
        KafkaOffset::Time { text, epoch_millis } => format!("{text} ({epoch_millis} ms)"),
    }
}

/// Plans a job: Doris's task division before offset resolution.
pub fn plan_job(
    job: &RoutineLoadJob,
    config: &FeConfig,
    metadata: &dyn TopicMetadata,
    max_partitions: usize,
    ids: &mut dyn IdGenerator,
) -> Plan {
    match &job.source {
        DataSource::Kafka(src) => plan_kafka(job, src, config, metadata, max_partitions, ids),
        DataSource::Kinesis(src) => kinesis::plan(job, src, config, ids),
    }
}

/// The task fields every source shares (ids, label, table, batch limits, format).
pub(crate) fn task_base(
    job: &RoutineLoadJob,
    config: &FeConfig,
    ids: &mut dyn IdGenerator,
    load_source_type: i32,
) -> RoutineLoadTask {
    let p = &job.properties;
    let id = UniqueId::from_uuid(ids.next_uuid());
    let (hi, lo) = id.hex();
    let txn_id = -1;
    RoutineLoadTask {
        load_source_type,
        job_id: job.id,
        id,
        txn_id,
        auth_code: 0,
        db: Some(job.database.clone()),
        tbl: job.table.clone(),
        label: Some(format!("{}-{}-{hi}-{lo}-{txn_id}", job.name, job.id)),
        max_interval_s: Some(p.max_batch_interval),
        max_batch_rows: Some(p.max_batch_rows),
        max_batch_size: Some(p.max_batch_size),
        kafka_load_info: None,
        format: Some(if p.format == Format::Json {
            FORMAT_JSON
        } else {
            FORMAT_CSV_PLAIN
        }),
        is_multi_table: Some(job.is_multi_table()),
        memtable_on_sink_node: Some(config.enable_memtable_on_sink_node),
        qualified_user: Some(job.user.clone()),
        cloud_cluster: (!p.compute_group.is_empty()).then(|| p.compute_group.clone()),
        kinesis_load_info: None,
    }
}

/// How many tasks a job with `units` partitions or shards forms.
pub(crate) fn task_count(job: &RoutineLoadJob, config: &FeConfig, units: usize) -> usize {
    usize::try_from(
        job.properties
            .desired_concurrent_number
            .min(config.max_routine_load_task_concurrent_num)
            .max(0),
    )
    .unwrap_or(0)
    .min(units)
}

fn plan_kafka(
    job: &RoutineLoadJob,
    src: &KafkaSource,
    config: &FeConfig,
    metadata: &dyn TopicMetadata,
    max_partitions: usize,
    ids: &mut dyn IdGenerator,
) -> Plan {
    let mut notes = Vec::new();
    // the partition list, in order, with each partition's next offset.
    let partitions: Vec<(i32, i64)> = match &src.partition_offsets {
        Some(list) => list.iter().map(|(p, o)| (*p, o.wire_value())).collect(),
        None => match metadata.partitions(&src.broker_list, &src.topic) {
            Some(parts) if parts.len() > max_partitions => {
                notes.push(
                    LIMIT
                        .error(format!(
                            "topic '{}' has {} partitions, more than the limit of {max_partitions}",
                            src.topic,
                            parts.len()
                        ))
                        .with_severity(crate::diagnostics::Severity::Warning)
                        .with_help("no tasks planned; raise the partition limit to plan them"),
                );
                if let Some(d) = notes.last_mut() {
                    d.stage = crate::diagnostics::Stage::Plan;
                }
                Vec::new()
            }
            Some(parts) => parts
                .into_iter()
                .map(|p| (p, src.default_offset.wire_value()))
                .collect(),
            None => {
                notes.push(
                    PLAN_PARTITIONS
                        .note(format!("no tasks planned: the partitions of topic '{}' are discovered when the job is scheduled", src.topic))
                    .with_help("give \"kafka_partitions\", or the partition count (--partitions TOPIC=N, \\partitions TOPIC N)"),
                );
                Vec::new()
            }
        },
    };
    let n = task_count(job, config, partitions.len());
    if src.custom.iter().any(|(_, v)| v.starts_with("FILE:")) {
        notes.push(PLAN_FILE.fixed());
    }
    if src.offsets_for_times() {
        notes.push(PLAN_TIMES.fixed());
    }
    let properties = if n > 0 {
        converted_properties(src)
    } else {
        BTreeMap::new()
    };
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        // Round robin: task i takes the partitions at positions i, i + n, i + 2n, …
        let begin: BTreeMap<i32, i64> = partitions.iter().skip(i).step_by(n).copied().collect();
        let mut task = task_base(job, config, ids, LOAD_SOURCE_KAFKA);
        task.kafka_load_info = Some(KafkaLoadInfo {
            brokers: src.broker_list.clone(),
            topic: src.topic.clone(),
            partition_begin_offset: begin,
            properties: Some(properties.clone()),
        });
        tasks.push(task);
    }
    let summary = JobSummary {
        broker_list: src.broker_list.clone(),
        topic: src.topic.clone(),
        default_offset: offset_text(&src.default_offset),
        offsets_for_times: src.offsets_for_times(),
        ..job_summary(job, config)
    };
    Plan {
        job: summary,
        tasks,
        security: Some(security_summary(job, src)),
        kinesis_security: None,
        online: None,
        notes,
        client_properties: crate::analyzer::CustomProperties(
            converted_properties(src).into_iter().collect(),
        ),
    }
}

/// A task's timeout in seconds: max(max_batch_interval × multiplier, minimum).
pub(crate) fn task_timeout(job: &RoutineLoadJob, config: &FeConfig) -> i64 {
    (job.properties
        .max_batch_interval
        .saturating_mul(config.routine_load_task_timeout_multiplier))
    .max(config.routine_load_task_min_timeout_sec)
}

/// The job section of a plan, without a source's fields.
pub(crate) fn job_summary(job: &RoutineLoadJob, config: &FeConfig) -> JobSummary {
    let (properties, load) = summary_fields(job);
    JobSummary {
        id: job.id,
        name: job.name.clone(),
        database: job.database.clone(),
        table: job.table.clone(),
        is_multi_table: job.is_multi_table(),
        merge_type: job.merge_type.as_str().to_string(),
        properties,
        load,
        broker_list: String::new(),
        topic: String::new(),
        default_offset: String::new(),
        offsets_for_times: false,
        kinesis: None,
        task_timeout_s: task_timeout(job, config),
    }
}

/// The summary's effective properties and load clauses.
fn summary_fields(job: &RoutineLoadJob) -> (FieldMap, FieldMap) {
    let p = &job.properties;
    let text = |t: String| Field::Text(Cow::Owned(t));
    // Every property, in key order (the table's alphabetical order), so that sorting
    // finds nothing to do.
    let props = FieldMap::sorted(
        alphabetical_order()
            .iter()
            // A property only Doris master has is shown when the job sets it.
            .filter(|k| {
                k.def().versions.v4_1 || !matches!(p.value(**k), Value::Text(t) if t.is_empty())
            })
            .map(|k| {
                let field = match p.value(*k) {
                    Value::Int(n) => Field::Int(n),
                    Value::Ratio(r) => Field::Ratio(r),
                    Value::Bool(b) => Field::Text(Cow::Borrowed(if b { "true" } else { "false" })),
                    Value::Name(n) => Field::Text(Cow::Borrowed(n)),
                    other => text(other.render(Rendering::Plan)),
                };
                (k.as_str(), field)
            })
            .collect(),
    );
    let l = &job.load;
    let mut load: Vec<(&'static str, Field)> = Vec::new();
    if let Some(s) = &l.column_separator {
        load.push(("column_separator", text(s.original.clone())));
    }
    if let Some(c) = &l.columns {
        // Written into one text, not one per column joined.
        let mut columns = String::new();
        for (i, item) in c.iter().enumerate() {
            if i > 0 {
                columns.push_str(", ");
            }
            let _ = write!(columns, "{item}");
        }
        load.push(("columns", text(columns)));
    }
    for (k, e) in [
        ("preceding_filter", &l.preceding_filter),
        ("where", &l.where_predicate),
        ("delete_on", &l.delete_on),
    ] {
        if let Some(e) = e {
            load.push((k, text(e.to_string())));
        }
    }
    if let Some(s) = &l.sequence_col {
        load.push(("order_by", text(s.clone())));
    }
    if let Some(pp) = &l.partitions {
        let key = if pp.temporary {
            "temporary_partitions"
        } else {
            "partitions"
        };
        load.push((key, text(pp.names.join(", "))));
    }
    (props, FieldMap::sorted(load))
}

fn security_summary(job: &RoutineLoadJob, src: &KafkaSource) -> SecuritySummary {
    let mut notes = Vec::new();
    let protocol = src
        .custom
        .get("security.protocol")
        .unwrap_or("PLAINTEXT")
        .to_ascii_uppercase();
    if protocol.contains("SSL")
        && src
            .custom
            .get("ssl.endpoint.identification.algorithm")
            .is_none()
    {
        notes.push("librdkafka 1.9.x (the Doris BE) does not verify broker host names by default (ssl.endpoint.identification.algorithm = none)".into());
    }
    let policy = match &src.auth {
        AuthMode::MskIam { .. } => {
            notes.push("the Doris BE reconnects after 100 ms by default; MSK limits IAM connection attempts to 100 per second per broker".into());
            notes.push(format!(
                "MSK allows 3000 IAM connections per broker (per cluster on serverless); this job runs up to {} concurrent tasks",
                job.properties.desired_concurrent_number
            ).into());
            policy::for_job(job).ok()
        }
        _ => None,
    };
    SecuritySummary {
        auth: src.auth.clone(),
        protocol,
        mechanism: src
            .custom
            .get("sasl.mechanism")
            .or_else(|| src.custom.get("sasl.mechanisms"))
            .map(str::to_string),
        brokers: src.brokers.iter().map(|b| b.endpoint.clone()).collect(),
        policy,
        notes,
    }
}

impl Plan {
    /// The plan as JSON: `job`, `tasks[i].kafka_load_info.partition_begin_offset` as
    /// `{"<partition>": offset}`, secrets masked unless `reveal`.
    pub fn to_json(&self, reveal: bool) -> serde_json::Value {
        // Serialization masks; revealing puts the real values back, explicitly.
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if reveal {
            if let Some(tasks) = v.get_mut("tasks").and_then(|t| t.as_array_mut()) {
                for (t, task) in tasks.iter_mut().zip(&self.tasks) {
                    if let (Some(slot), Some(info)) = (
                        t.pointer_mut("/kafka_load_info/properties"),
                        &task.kafka_load_info,
                    ) {
                        *slot = serde_json::to_value(&info.properties).unwrap_or_default();
                    }
                    if let (Some(slot), Some(info)) = (
                        t.pointer_mut("/kinesis_load_info/properties"),
                        &task.kinesis_load_info,
                    ) {
                        *slot = serde_json::to_value(&info.properties).unwrap_or_default();
                    }
                }
            }
        } else {
            mask_json(&mut v);
        }
        if let Some(notes) = v.get_mut("notes") {
            *notes = serde_json::Value::Array(
                self.notes
                    .iter()
                    .map(|n| serde_json::json!({"code": n.code(), "message": n.message, "help": n.help_with_hint()}))
                    .collect(),
            );
        }
        v
    }

    /// A readable rendering (EXPLAIN, `rlfe plan --format text`).
    pub fn to_text(&self, reveal: bool) -> String {
        let j = &self.job;
        let source = match &j.kinesis {
            Some(k) => format!(
                "  region {}\n  stream {}\n{}",
                k.region,
                k.stream,
                k.endpoint
                    .as_ref()
                    .map_or_else(String::new, |e| format!("  endpoint {e}\n"))
            ),
            None => format!("  brokers {}\n  topic {}\n", j.broker_list, j.topic),
        };
        let mut out = format!(
            "Job {} (id {}) {}.{}{}\n  merge type {}, format {}, {} task(s), timeout {} s\n{}",
            j.name,
            j.id,
            j.database,
            j.table.as_deref().unwrap_or("<multi-table>"),
            if j.is_multi_table {
                " (multi-table)"
            } else {
                ""
            },
            j.merge_type,
            j.properties.text("format").unwrap_or("csv"),
            self.tasks.len(),
            j.task_timeout_s,
            source
        );
        for (k, v) in j.load.iter() {
            out.push_str(&format!("  {k}: {v}\n"));
        }
        let show = |k: &str, v: &str| -> String {
            if reveal {
                v.to_string()
            } else {
                display_value(k, v).to_string()
            }
        };
        for (i, t) in self.tasks.iter().enumerate() {
            out.push_str(&format!(
                "Task {i}: label {}\n",
                t.label.as_deref().unwrap_or("")
            ));
            if let Some(k) = &t.kafka_load_info {
                let offs: Vec<String> = k
                    .partition_begin_offset
                    .iter()
                    .map(|(p, o)| format!("{p}:{o}"))
                    .collect();
                out.push_str(&format!(
                    "  partition_begin_offset {{{}}}\n",
                    offs.join(", ")
                ));
            }
            if let Some(k) = &t.kinesis_load_info {
                let pos: Vec<String> = k
                    .shard_begin_sequence_number
                    .iter()
                    .map(|(s, p)| format!("{s}:{p}"))
                    .collect();
                out.push_str(&format!(
                    "  shard_begin_sequence_number {{{}}}\n",
                    pos.join(", ")
                ));
            }
        }
        if !self.client_properties.0.is_empty() {
            out.push_str("Client properties (every task):\n");
            for (pk, pv) in self.client_properties.iter() {
                out.push_str(&format!("  {pk} = {}\n", show(pk, pv)));
            }
        }
        if let Some(sec) = &self.security {
            out.push_str(&format!("Security: {}\n", sec.auth));
            if let Some(p) = &sec.policy {
                out.push_str("IAM policy for the consumer role:\n");
                out.push_str(&p.document());
                out.push('\n');
            }
        }
        if let Some(sec) = &self.kinesis_security {
            out.push_str(&format!("Credentials: {}\n", sec.credentials));
            out.push_str("IAM policy for reading the stream:\n");
            out.push_str(&sec.policy.document());
            out.push('\n');
        }
        for n in &self.notes {
            out.push_str(&format!("note: {}\n", n.message));
        }
        out
    }

    /// The tasks as Thrift bytes, one struct after another (real values: the wire).
    pub fn to_thrift(&self, protocol: thrift::Protocol) -> Result<Vec<u8>, String> {
        thrift::encode_tasks(&self.tasks, protocol).map_err(|e| e.to_string())
    }
}

/// Masks every string under a secret key anywhere in a JSON value.
pub fn mask_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if is_secret_key(k) && val.is_string() {
                    *val = serde_json::Value::String(MASK.into());
                } else {
                    mask_json(val);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(mask_json),
        _ => {}
    }
}
