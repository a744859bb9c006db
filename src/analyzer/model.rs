//! The analyzed job: typed job properties, load clauses and Kafka source, which the
//! planner consumes and the registry keeps.

pub use crate::ast::MergeType;
pub use crate::keys::job::{Format, JobProperties, NewKeyBehavior, TimeZone, UpdateMode};

use crate::ast::{ColumnItem, ExprNode};
use crate::keys::secrets::display_value;
use serde::Serialize;
use std::fmt;

/// Doris's job states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobState {
    /// Created or resumed, waiting for tasks.
    NeedSchedule,
    /// Tasks are running.
    Running,
    /// Paused by a user or an error.
    Paused,
    /// Stopped by a user (final).
    Stopped,
    /// Cancelled by the system, e.g. its table was dropped (final).
    Cancelled,
}

impl JobState {
    /// The state's name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::NeedSchedule => "NEED_SCHEDULE",
            JobState::Running => "RUNNING",
            JobState::Paused => "PAUSED",
            JobState::Stopped => "STOPPED",
            JobState::Cancelled => "CANCELLED",
        }
    }

    /// STOPPED and CANCELLED are final: nothing leaves them.
    pub fn is_final(self) -> bool {
        matches!(self, JobState::Stopped | JobState::Cancelled)
    }
}

/// `COLUMNS TERMINATED BY`: the text as written and the converted bytes (L1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Separator {
    /// The separator as written.
    pub original: String,
    /// The bytes it stands for.
    pub bytes: Vec<u8>,
}

/// The load clauses of a job, each at most once.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LoadClauses {
    /// `COLUMNS TERMINATED BY`.
    pub column_separator: Option<Separator>,
    /// `COLUMNS (…)`.
    pub columns: Option<Vec<ColumnItem>>,
    /// `PRECEDING FILTER`.
    pub preceding_filter: Option<ExprNode>,
    #[serde(rename = "where")]
    /// `WHERE`.
    pub where_predicate: Option<ExprNode>,
    /// `DELETE ON`.
    pub delete_on: Option<ExprNode>,
    /// `ORDER BY`: the sequence column.
    pub sequence_col: Option<String>,
    /// `[TEMPORARY] PARTITION (…)`.
    pub partitions: Option<PartitionSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// The `PARTITION` clause of a job.
pub struct PartitionSpec {
    /// Temporary partitions.
    pub temporary: bool,
    /// The partition names.
    pub names: Vec<String>,
}

/// A Kafka offset as a job holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KafkaOffset {
    /// `OFFSET_BEGINNING` (wire value -2).
    Beginning,
    /// `OFFSET_END` (wire value -1).
    End,
    /// An offset.
    Offset {
        /// The offset.
        value: i64,
    },
    /// A point in time: epoch milliseconds in the job's time zone, and the text.
    Time {
        /// Epoch milliseconds, read in the job's time zone.
        epoch_millis: i64,
        /// The datetime as written.
        text: String,
    },
}

impl KafkaOffset {
    /// Doris's wire value: -2, -1, the offset, or the epoch milliseconds.
    pub fn wire_value(&self) -> i64 {
        match self {
            KafkaOffset::Beginning => -2,
            KafkaOffset::End => -1,
            KafkaOffset::Offset { value } => *value,
            KafkaOffset::Time { epoch_millis, .. } => *epoch_millis,
        }
    }

    /// A point in time.
    pub fn is_time(&self) -> bool {
        matches!(self, KafkaOffset::Time { .. })
    }

    /// The offset as a statement writes it (`OFFSET_BEGINNING`, a number, a datetime).
    pub fn as_written(&self) -> String {
        match self {
            KafkaOffset::Beginning => "OFFSET_BEGINNING".into(),
            KafkaOffset::End => "OFFSET_END".into(),
            KafkaOffset::Offset { value } => value.to_string(),
            KafkaOffset::Time { text, .. } => text.clone(),
        }
    }

    /// SHOW's progress text: the last consumed offset, or a name.
    pub fn progress_text(&self) -> String {
        match self.wire_value() {
            -2 => "OFFSET_BEGINNING".into(),
            -1 => "OFFSET_END".into(),
            0 => "OFFSET_ZERO".into(),
            n => (n - 1).to_string(),
        }
    }
}

/// One broker of `kafka_broker_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broker {
    /// The broker as written.
    pub text: String,
    /// Its host.
    pub host: String,
    /// Its port, when written.
    pub port: Option<u16>,
    /// What the host is (MSK provisioned, serverless, …), classified once when the
    /// list is read and shared by the lints, the plan and the IAM policy.
    #[serde(skip)]
    pub endpoint: super::endpoint::Endpoint,
}

/// The client map: source order, later keys win. Its `Debug`
/// and `Serialize` mask secrets.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct CustomProperties(pub Vec<(String, String)>);

impl Serialize for CustomProperties {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, display_value(k, v))))
    }
}

impl CustomProperties {
    /// A key's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the key is set.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets a key, replacing an existing value in place.
    pub fn insert(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key.to_string(), value)),
        }
    }

    /// Removes a key.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// A copy with secret values masked.
    pub fn masked(&self) -> CustomProperties {
        CustomProperties(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), display_value(k, v).to_string()))
                .collect(),
        )
    }
}

impl fmt::Debug for CustomProperties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, display_value(k, v))))
            .finish()
    }
}

/// How the consumer authenticates, derived from the client map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum AuthMode {
    /// No TLS, no SASL.
    Plaintext,
    /// TLS.
    Ssl {
        /// With a client certificate (mTLS).
        client_certificate: bool,
    },
    /// SASL/PLAIN.
    SaslPlain {
        /// Over TLS.
        tls: bool,
    },
    /// SASL/SCRAM.
    Scram {
        /// The SCRAM mechanism.
        mechanism: String,
        /// Over TLS.
        tls: bool,
    },
    /// SASL/GSSAPI (Kerberos).
    Gssapi {
        /// Over TLS.
        tls: bool,
    },
    /// SASL/OAUTHBEARER (generic OAuth).
    OauthBearer {
        /// Over TLS.
        tls: bool,
    },
    /// A SASL mechanism librdkafka does not implement (the consumer is not created).
    UnsupportedMechanism {
        /// The mechanism as set.
        mechanism: String,
        /// Over TLS.
        tls: bool,
    },
    /// AWS MSK IAM (OAUTHBEARER with a token the BE signs).
    MskIam {
        /// Where the BE takes AWS credentials from.
        credential_source: CredentialSource,
    },
}

impl fmt::Display for AuthMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let over = |tls: bool| if tls { "over TLS" } else { "without TLS" };
        match self {
            AuthMode::Plaintext => f.write_str("PLAINTEXT (no TLS, no authentication)"),
            AuthMode::Ssl {
                client_certificate: true,
            } => f.write_str("mutual TLS (a client certificate)"),
            AuthMode::Ssl { .. } => f.write_str("TLS (no client authentication)"),
            AuthMode::SaslPlain { tls } => write!(f, "SASL/PLAIN {}", over(*tls)),
            AuthMode::Scram { mechanism, tls } => write!(f, "SASL/{mechanism} {}", over(*tls)),
            AuthMode::Gssapi { tls } => write!(f, "SASL/GSSAPI (Kerberos) {}", over(*tls)),
            AuthMode::OauthBearer { tls } => write!(f, "SASL/OAUTHBEARER {}", over(*tls)),
            AuthMode::UnsupportedMechanism { mechanism, tls } => write!(
                f,
                "SASL/{mechanism} {} (a mechanism librdkafka does not have)",
                over(*tls)
            ),
            AuthMode::MskIam { credential_source } => {
                f.write_str("AWS MSK IAM (OAUTHBEARER with a token the BE signs); credentials: ")?;
                match credential_source {
                    CredentialSource::StaticKeys { with_role: false } => {
                        f.write_str("static keys (aws.access_key, aws.secret_key)")
                    }
                    CredentialSource::StaticKeys { with_role: true } => f.write_str(
                        "static keys (aws.access_key, aws.secret_key) assuming aws.role_arn",
                    ),
                    CredentialSource::AssumeRole {
                        role_arn,
                        external_id,
                    } => write!(
                        f,
                        "assume role {role_arn}{}",
                        if *external_id {
                            " with an external id"
                        } else {
                            ""
                        }
                    ),
                    CredentialSource::Profile { name } => write!(f, "profile {name}"),
                    CredentialSource::Provider { provider } => write!(f, "provider {provider}"),
                    CredentialSource::DefaultChain => {
                        f.write_str("none given: the BE installs no token callback (MSK-34)")
                    }
                }
            }
        }
    }
}

/// Where the backend takes AWS credentials from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum CredentialSource {
    /// `aws.access_key` and `aws.secret_key`.
    StaticKeys {
        /// Used to assume `aws.role_arn` (cross-account).
        with_role: bool,
    },
    /// STS AssumeRole of `aws.role_arn`.
    AssumeRole {
        /// The role.
        role_arn: String,
        /// With an external id.
        external_id: bool,
    },
    /// A named profile (`aws.profile_name`).
    Profile {
        /// The profile.
        name: String,
    },
    /// A credentials provider (`aws.credentials_provider`).
    Provider {
        /// The provider.
        provider: String,
    },
    /// The AWS SDK's default chain.
    DefaultChain,
}

/// The Kafka data source of a job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KafkaSource {
    /// `kafka_broker_list` with spaces removed, otherwise as written.
    pub broker_list: String,
    /// The brokers, classified.
    pub brokers: Vec<Broker>,
    /// `kafka_topic` with spaces removed.
    pub topic: String,
    /// Explicit `kafka_partitions` with their initial offsets, in the order written.
    pub partition_offsets: Option<Vec<(i32, KafkaOffset)>>,
    /// Where newly discovered partitions start.
    pub default_offset: KafkaOffset,
    /// The client map.
    pub custom: CustomProperties,
    /// How the consumer authenticates.
    pub auth: AuthMode,
    /// Multi-table settings (`kafka_table_name_*`).
    pub table_name_location: String,
    /// `kafka_table_name_format` (multi-table jobs).
    pub table_name_format: String,
    /// `kafka_text_table_name_field_delimiter`.
    pub table_name_delimiter: String,
    /// `kafka_text_table_name_field_index`.
    pub table_name_field_index: i32,
    /// Whether `group.id` is Doris's generated `<job>_<uuid>` (set when the job is created).
    pub generated_group_id: bool,
}

impl KafkaSource {
    /// Whether the offsets are points in time ("offsets for times").
    pub fn offsets_for_times(&self) -> bool {
        match &self.partition_offsets {
            Some(p) => p.iter().any(|(_, o)| o.is_time()),
            None => self.default_offset.is_time(),
        }
    }
}

/// The Kinesis data source of a job (Doris master): stream ≙ topic, shard ≙
/// partition, sequence number ≙ offset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KinesisSource {
    /// `aws.region`, trimmed.
    pub region: String,
    /// `kinesis_stream`, trimmed.
    pub stream: String,
    /// `aws.endpoint` (or the legacy `kinesis_endpoint`), trimmed, when set.
    pub endpoint: Option<String>,
    /// Explicit `kinesis_shards`, each with its position as the job stores it
    /// (`TRIM_HORIZON`, `LATEST`, a sequence number, or the default's raw text), in
    /// the order written. `None`: the shards are discovered when the job is scheduled.
    pub shards: Option<Vec<(String, String)>>,
    /// The custom map: every `property.*` entry, the credentials, and
    /// `kinesis_default_pos`. Its `Debug` and `Serialize` mask secrets.
    pub custom: CustomProperties,
}

impl KinesisSource {
    /// The default position of shards without one (`LATEST` unless set).
    pub fn default_position(&self) -> &str {
        self.custom.get(KINESIS_DEFAULT_POS).unwrap_or("LATEST")
    }
}

/// The custom key of a Kinesis job's default position.
pub const KINESIS_DEFAULT_POS: &str = "kinesis_default_pos";

/// Where a job reads from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DataSource {
    /// `FROM KAFKA`.
    Kafka(KafkaSource),
    /// `FROM KINESIS` (Doris master).
    Kinesis(KinesisSource),
}

impl DataSource {
    /// `KAFKA` or `KINESIS`, as SHOW prints the type.
    pub fn type_name(&self) -> &'static str {
        match self {
            DataSource::Kafka(_) => "KAFKA",
            DataSource::Kinesis(_) => "KINESIS",
        }
    }

    /// The client (Kafka) or custom (Kinesis) map.
    pub fn custom(&self) -> &CustomProperties {
        match self {
            DataSource::Kafka(k) => &k.custom,
            DataSource::Kinesis(k) => &k.custom,
        }
    }

    /// The Kafka source, for a Kafka job.
    pub fn kafka(&self) -> Option<&KafkaSource> {
        match self {
            DataSource::Kafka(k) => Some(k),
            DataSource::Kinesis(_) => None,
        }
    }

    /// The Kinesis source, for a Kinesis job.
    pub fn kinesis(&self) -> Option<&KinesisSource> {
        match self {
            DataSource::Kinesis(k) => Some(k),
            DataSource::Kafka(_) => None,
        }
    }
}

/// A routine-load job as the session registers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutineLoadJob {
    /// The job id (0 until the session registers it).
    pub id: i64,
    /// The job name.
    pub name: String,
    /// The job's database.
    pub database: String,
    /// The database id.
    pub database_id: i64,
    /// `None` for a multi-table job.
    pub table: Option<String>,
    /// APPEND, DELETE or MERGE.
    pub merge_type: MergeType,
    /// Whether `WITH` was written (F7).
    pub merge_type_written: bool,
    /// The load clauses.
    pub load: LoadClauses,
    /// The effective job properties.
    pub properties: JobProperties,
    /// Where it reads from.
    pub source: DataSource,
    /// The COMMENT.
    pub comment: Option<String>,
    /// The user that created it.
    pub user: String,
}

impl RoutineLoadJob {
    /// A job without ON <table>.
    pub fn is_multi_table(&self) -> bool {
        self.table.is_none()
    }
}

/// A job as the registry keeps it: its definition, state and times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobEntry {
    /// The job.
    pub job: RoutineLoadJob,
    /// Its state.
    pub state: JobState,
    /// When it was created, in epoch milliseconds.
    pub create_time: i64,
    /// When it was last paused.
    pub pause_time: Option<i64>,
    /// When it was stopped or cancelled.
    pub end_time: Option<i64>,
    /// The code and text of the last state change a user or the system made.
    pub reason: Option<(u32, String)>,
}
