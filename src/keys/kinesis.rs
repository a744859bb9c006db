//! The keys of a Kinesis source (`FROM KINESIS (…)`, Doris master): the fixed keys,
//! and `property.*` entries passed to the BE.

/// A fixed key of a Kinesis source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KinesisKey {
    /// `aws.region` (required at CREATE).
    Region,
    /// `aws.endpoint`: a custom endpoint (LocalStack, a VPC endpoint).
    Endpoint,
    /// `kinesis_endpoint`: the legacy spelling of `aws.endpoint`.
    LegacyEndpoint,
    /// `kinesis_stream` (required at CREATE).
    Stream,
    /// `kinesis_shards`: explicit shard ids.
    Shards,
    /// `kinesis_shards_pos`: one position per shard.
    ShardsPos,
    /// `aws.access_key`.
    AccessKey,
    /// `aws.secret_key`.
    SecretKey,
    /// `aws.session_key`.
    SessionKey,
    /// `aws.role_arn`.
    RoleArn,
}

impl KinesisKey {
    /// Every fixed key, in the order Doris lists them.
    pub const ALL: [KinesisKey; 10] = [
        KinesisKey::Region,
        KinesisKey::Endpoint,
        KinesisKey::LegacyEndpoint,
        KinesisKey::Stream,
        KinesisKey::Shards,
        KinesisKey::ShardsPos,
        KinesisKey::AccessKey,
        KinesisKey::SecretKey,
        KinesisKey::SessionKey,
        KinesisKey::RoleArn,
    ];

    /// The key as written.
    pub fn as_str(self) -> &'static str {
        match self {
            KinesisKey::Region => "aws.region",
            KinesisKey::Endpoint => "aws.endpoint",
            KinesisKey::LegacyEndpoint => "kinesis_endpoint",
            KinesisKey::Stream => "kinesis_stream",
            KinesisKey::Shards => "kinesis_shards",
            KinesisKey::ShardsPos => "kinesis_shards_pos",
            KinesisKey::AccessKey => "aws.access_key",
            KinesisKey::SecretKey => "aws.secret_key",
            KinesisKey::SessionKey => "aws.session_key",
            KinesisKey::RoleArn => "aws.role_arn",
        }
    }

    /// The key for a text (keys are case-sensitive).
    pub fn parse(key: &str) -> Option<KinesisKey> {
        KinesisKey::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// The credentials, copied into the custom map when not blank.
    pub fn is_credential(self) -> bool {
        matches!(
            self,
            KinesisKey::AccessKey
                | KinesisKey::SecretKey
                | KinesisKey::SessionKey
                | KinesisKey::RoleArn
        )
    }
}

/// What a key that is not a Kinesis key was probably meant to be.
pub fn kinesis_alias(key: &str) -> Option<&'static str> {
    Some(match key {
        "aws.kinesis_stream" | "aws.kinesis.stream" | "kinesis.stream" | "stream" => {
            "kinesis_stream"
        }
        "kinesis_region" | "aws.kinesis.region" | "region" => "aws.region",
        "aws.access.key" | "kinesis_access_key" | "aws.kinesis.access_key" => "aws.access_key",
        "aws.secret.key" | "kinesis_secret_key" | "aws.kinesis.secret_key" => "aws.secret_key",
        "aws.external_id" | "aws.external.id" => "property.aws.external.id",
        "aws.session_token" | "aws.token" => "aws.session_key",
        "kinesis_shard" | "kinesis_shard_ids" => "kinesis_shards",
        "kinesis_positions" | "kinesis_shard_positions" | "kinesis_shards_position" => {
            "kinesis_shards_pos"
        }
        "kinesis_default_pos" | "kinesis_default_position" => "property.kinesis_default_pos",
        _ => return None,
    })
}
