//! The AWS MSK IAM vocabulary: Doris 4.1's canonical `aws.*` keys, the spellings of
//! other systems and of earlier designs that Doris accepts but does not read, and the
//! top-level keys of other systems that Doris rejects.

/// Where a non-canonical key comes from, for MSK-25's help.
const ORIGINAL_DESIGN: &str = "spelling from the original MSK IAM design";
const PRE_RELEASE: &str = "Doris 4.1 pre-release spelling (PR #60044)";
const RISINGWAVE: &str = "RisingWave spelling";
const COMMON: &str = "common spelling";

/// Client keys Doris accepts but nothing reads, and the canonical key.
pub const ACCEPTED_ALIASES: &[(&str, Option<&str>, &str)] = &[
    (
        "aws.msk.iam.role.arn",
        Some("aws.role_arn"),
        ORIGINAL_DESIGN,
    ),
    (
        "aws.profile.name",
        Some("aws.profile_name"),
        ORIGINAL_DESIGN,
    ),
    ("aws.access.key", Some("aws.access_key"), PRE_RELEASE),
    ("aws.secret.key", Some("aws.secret_key"), PRE_RELEASE),
    (
        "aws.credentials.provider",
        Some("aws.credentials_provider"),
        PRE_RELEASE,
    ),
    ("aws.session_token", Some("aws.session_key"), COMMON),
    ("aws.session.token", Some("aws.session_key"), COMMON),
    (
        "aws.credentials.access_key_id",
        Some("aws.access_key"),
        RISINGWAVE,
    ),
    (
        "aws.credentials.secret_access_key",
        Some("aws.secret_key"),
        RISINGWAVE,
    ),
    (
        "aws.credentials.session_token",
        Some("aws.session_key"),
        RISINGWAVE,
    ),
    ("aws.credentials.role.arn", Some("aws.role_arn"), RISINGWAVE),
    (
        "aws.credentials.role.external_id",
        Some("aws.external_id"),
        RISINGWAVE,
    ),
    ("aws.profile", Some("aws.profile_name"), RISINGWAVE),
    ("aws.endpoint_url", None, RISINGWAVE),
    ("aws.msk.signer_timeout_sec", None, RISINGWAVE),
];

/// The canonical `aws.*` keys (Doris 4.1).
pub const CANONICAL_AWS_KEYS: &[&str] = &[
    "aws.region",
    "aws.access_key",
    "aws.secret_key",
    "aws.role_arn",
    "aws.external_id",
    "aws.profile_name",
    "aws.credentials_provider",
    "aws.session_key",
];

/// Top-level keys of other systems that Doris rejects (K1), with the key to write.
pub fn foreign_key_alias(key: &str) -> Option<(String, &'static str)> {
    const RW: &str = "RisingWave short alias";
    const CH: &str = "ClickHouse Kafka engine setting";
    const FL: &str = "RisingWave/Flink key";
    let fixed: Option<(&str, &str)> = match key {
        "region" => Some(("aws.region", RW)),
        "access_key" => Some(("aws.access_key", RW)),
        "secret_key" => Some(("aws.secret_key", RW)),
        "session_token" => Some(("aws.session_key", RW)),
        "arn" => Some(("aws.role_arn", RW)),
        "external_id" => Some(("aws.external_id", RW)),
        "profile" => Some(("aws.profile_name", RW)),
        "endpoint_url" | "endpoint" => Some(("(no Doris equivalent: remove it)", RW)),
        "properties.bootstrap.server" | "properties.bootstrap.servers" | "bootstrap.servers" => {
            Some(("kafka_broker_list", FL))
        }
        "topic" => Some(("kafka_topic", FL)),
        "properties.group.id" | "group.id" => Some(("property.group.id", FL)),
        "kafka_aws_region" => Some(("aws.region", CH)),
        "kafka_security_protocol" => Some(("property.security.protocol", CH)),
        "kafka_sasl_mechanism" => Some(("property.sasl.mechanism", CH)),
        "kafka_sasl_username" => Some(("property.sasl.username", CH)),
        "kafka_sasl_password" => Some(("property.sasl.password", CH)),
        "kafka_topic_list" => Some(("kafka_topic (one topic only)", CH)),
        "kafka_group_name" => Some(("property.group.id", CH)),
        "kafka_default_offset" => Some(("property.kafka_default_offsets", "a documentation typo")),
        _ => None,
    };
    if let Some((k, o)) = fixed {
        return Some((k.to_string(), o));
    }
    if let Some(rest) = key.strip_prefix("properties.") {
        return Some((
            format!("property.{rest}"),
            "'properties.' is the RisingWave/Flink prefix; Doris uses 'property.'",
        ));
    }
    if !key.contains('.')
        && !key.starts_with("kafka_")
        && (key.starts_with("security_") || key.starts_with("sasl_") || key.starts_with("ssl_"))
    {
        return Some((
            format!("property.{}", key.replace('_', ".")),
            "client settings take the 'property.' prefix",
        ));
    }
    if matches!(
        key.split('.').next(),
        Some(
            "security"
                | "sasl"
                | "ssl"
                | "group"
                | "client"
                | "fetch"
                | "auto"
                | "enable"
                | "session"
                | "socket"
                | "reconnect"
                | "isolation"
        )
    ) {
        return Some((
            format!("property.{key}"),
            "client settings take the 'property.' prefix",
        ));
    }
    None
}

/// True for `AWS_MSK_IAM` in any case, with `-` or without separators.
pub fn is_aws_msk_iam(mechanism: &str) -> bool {
    let mut letters = mechanism.bytes().filter(|c| *c != b'_' && *c != b'-');
    b"AWSMSKIAM"
        .iter()
        .all(|want| letters.next().is_some_and(|c| c.eq_ignore_ascii_case(want)))
        && letters.next().is_none()
}
