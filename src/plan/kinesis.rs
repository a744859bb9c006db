//! Kinesis tasks (Doris master): `TRoutineLoadTask` with `TKinesisLoadInfo` (field 20),
//! shards divided among the tasks as Doris divides Kafka partitions.

use super::{task_base, task_count, IdGenerator, JobSummary, Plan};
use crate::analyzer::model::{KinesisSource, RoutineLoadJob};
use crate::analyzer::security::policy::KinesisPolicy;
use crate::analyzer::FeConfig;
use crate::diagnostics::rules::PLAN_PARTITIONS;
use crate::keys::secrets::display_value;
use serde::Serialize;
use std::collections::BTreeMap;

/// `TLoadSourceType.KINESIS` (Doris master).
pub const LOAD_SOURCE_KINESIS: i32 = 3;

/// `TKinesisLoadInfo` (ids 1–5). `Debug` and `Serialize` mask secret properties; the
/// Thrift encoding carries the real values (it is the wire).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct KinesisLoadInfo {
    /// The region.
    pub region: String,
    /// The stream.
    pub stream: String,
    /// The custom endpoint, when set.
    pub endpoint: Option<String>,
    /// Each shard's position (`TRIM_HORIZON`, `LATEST` or a sequence number).
    pub shard_begin_sequence_number: BTreeMap<String, String>,
    /// The custom map as the job stores it (credentials and the default included).
    pub properties: Option<BTreeMap<String, String>>,
}

impl KinesisLoadInfo {
    /// The properties with secret values masked.
    pub fn masked_properties(&self) -> Option<BTreeMap<String, String>> {
        self.properties.as_ref().map(|p| {
            p.iter()
                .map(|(k, v)| (k.clone(), display_value(k, v).to_string()))
                .collect()
        })
    }
}

impl std::fmt::Debug for KinesisLoadInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KinesisLoadInfo")
            .field("region", &self.region)
            .field("stream", &self.stream)
            .field("endpoint", &self.endpoint)
            .field(
                "shard_begin_sequence_number",
                &self.shard_begin_sequence_number,
            )
            .field("properties", &self.masked_properties())
            .finish()
    }
}

impl Serialize for KinesisLoadInfo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("KinesisLoadInfo", 5)?;
        st.serialize_field("region", &self.region)?;
        st.serialize_field("stream", &self.stream)?;
        st.serialize_field("endpoint", &self.endpoint)?;
        st.serialize_field(
            "shard_begin_sequence_number",
            &self.shard_begin_sequence_number,
        )?;
        st.serialize_field("properties", &self.masked_properties())?;
        st.end()
    }
}

/// The Kinesis source in a plan's job section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KinesisSummary {
    /// The region.
    pub region: String,
    /// The stream.
    pub stream: String,
    /// The custom endpoint, when set.
    pub endpoint: Option<String>,
    /// Where shards without a position start.
    pub default_position: String,
    /// The explicit shards, in order (none: discovered when the job is scheduled).
    pub shards: Option<Vec<String>>,
}

/// How a Kinesis job authenticates, and the IAM policy its reader needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KinesisSecurity {
    /// Where the BE takes AWS credentials from.
    pub credentials: String,
    /// The least-privilege policy for reading the stream.
    pub policy: KinesisPolicy,
}

fn credentials(src: &KinesisSource) -> String {
    let c = &src.custom;
    let role = c.get("aws.role_arn");
    match (c.get("aws.access_key").is_some(), role) {
        (true, Some(r)) => format!("static keys (aws.access_key, aws.secret_key) assuming {r}"),
        (true, None) if c.get("aws.session_key").is_some() => {
            "temporary keys (aws.access_key, aws.secret_key, aws.session_key)".into()
        }
        (true, None) => "static keys (aws.access_key, aws.secret_key)".into(),
        (false, Some(r)) => format!(
            "assume role {r}{}",
            if c.get("aws.external.id").is_some() {
                " with an external id"
            } else {
                ""
            }
        ),
        (false, None) => {
            "the BE hosts' default AWS credential chain (environment, profile, instance profile)"
                .into()
        }
    }
}

/// Plans a Kinesis job: shard `k` goes to task `k mod n`.
pub(super) fn plan(
    job: &RoutineLoadJob,
    src: &KinesisSource,
    config: &FeConfig,
    ids: &mut dyn IdGenerator,
) -> Plan {
    let mut notes = Vec::new();
    let shards: &[(String, String)] = src.shards.as_deref().unwrap_or_default();
    if src.shards.is_none() {
        notes.push(
            PLAN_PARTITIONS
                .note(format!("no tasks planned: the shards of stream '{}' are discovered when the job is scheduled", src.stream))
                .with_help("give \"kinesis_shards\" (with \"kinesis_shards_pos\") to plan the tasks"),
        );
    }
    let n = task_count(job, config, shards.len());
    let properties: BTreeMap<String, String> = src
        .custom
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let begin: BTreeMap<String, String> = shards.iter().skip(i).step_by(n).cloned().collect();
        let mut task = task_base(job, config, ids, LOAD_SOURCE_KINESIS);
        task.kinesis_load_info = Some(KinesisLoadInfo {
            region: src.region.clone(),
            stream: src.stream.clone(),
            endpoint: src.endpoint.clone(),
            shard_begin_sequence_number: begin,
            properties: Some(properties.clone()),
        });
        tasks.push(task);
    }
    let summary = JobSummary {
        kinesis: Some(KinesisSummary {
            region: src.region.clone(),
            stream: src.stream.clone(),
            endpoint: src.endpoint.clone(),
            default_position: src.default_position().to_string(),
            shards: src
                .shards
                .as_ref()
                .map(|s| s.iter().map(|(id, _)| id.clone()).collect()),
        }),
        ..super::job_summary(job, config)
    };
    Plan {
        job: summary,
        tasks,
        security: None,
        kinesis_security: Some(KinesisSecurity {
            credentials: credentials(src),
            policy: KinesisPolicy::for_source(src),
        }),
        online: None,
        notes,
        client_properties: src.custom.clone(),
    }
}
