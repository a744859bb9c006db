//! Doris master's Kinesis source (KN, KC, KA rules), its quirks and rlfe's Kinesis lints.

use super::*;

/// A key a Kinesis source does not have.
pub static KN1: RuleDef = RuleDef {
    code: r#"KN1"#,
    messages: &[
        r#"{key} is invalid Kinesis property or cannot be set"#,
    ],
    summary: r#"A key a Kinesis source does not have."#,
    doc: r#"A Kinesis source takes `aws.region`, `aws.endpoint` (or the legacy `kinesis_endpoint`), `kinesis_stream`, `kinesis_shards`, `kinesis_shards_pos`, the credentials `aws.access_key`, `aws.secret_key`, `aws.session_key`, `aws.role_arn`, and `property.*` entries passed to the BE. Unlike a Kafka source, no other `aws.*` key is accepted: the external id is `property.aws.external.id`, and `aws.profile_name`, `aws.credentials_provider` and Kafka's keys are refused. Earlier development spellings (`kinesis_region`, `aws.kinesis.stream`, the documentation's quick-start `aws.kinesis_stream`) are unknown keys too."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "aws.kinesis_stream" = "orders");"#,
        r#""aws.kinesis_stream""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// CREATE of a Kinesis job without a region.
pub static KN2: RuleDef = RuleDef {
    code: r#"KN2"#,
    messages: &[
        r#"aws.region is a required property"#,
    ],
    summary: r#"CREATE of a Kinesis job without a region."#,
    doc: r#"A Kinesis job needs the stream's region (`aws.region`), also when `aws.endpoint` names a custom endpoint. A value that is blank after trimming counts as missing. ALTER does not require it."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("kinesis_stream" = "orders");"#,
        r#"KINESIS"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// A region that is not an AWS region code.
pub static KN3: RuleDef = RuleDef {
    code: r#"KN3"#,
    messages: &[
        r#"Invalid AWS region format: {region}. Expected format like: us-east-1, eu-west-2, cn-north-1"#,
    ],
    summary: r#"A region that is not an AWS region code."#,
    doc: r#"The region must match `^[a-z]{2}(-[a-z]+)?-[a-z]+-\d$` after trimming: two lower-case letters, one or two words, and one digit (`us-east-1`, `us-gov-west-1`, `cn-north-1`). Upper case, a missing digit or a zone name (`us-east-1a`) fail, in CREATE and ALTER."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "US-EAST-1", "kinesis_stream" = "orders");"#,
        r#""US-EAST-1""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// CREATE of a Kinesis job without a stream.
pub static KN4: RuleDef = RuleDef {
    code: r#"KN4"#,
    messages: &[
        r#"kinesis_stream is a required property"#,
    ],
    summary: r#"CREATE of a Kinesis job without a stream."#,
    doc: r#"A Kinesis job reads one stream, named by `kinesis_stream` (not blank). ALTER may leave it out; a new stream given in ALTER resets the job's progress."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1");"#,
        r#"KINESIS"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// A static access key without its secret, or the reverse.
pub static KN5: RuleDef = RuleDef {
    code: r#"KN5"#,
    messages: &[
        r#"When property.aws.access_key is set, property.aws.secret_key must also be set"#,
        r#"When property.aws.secret_key is set, property.aws.access_key must also be set"#,
    ],
    summary: r#"A static access key without its secret, or the reverse."#,
    doc: r#"Static credentials come in pairs. Doris reads them from the merged custom map, so `aws.access_key` and `property.aws.access_key` are the same credential (the direct key wins when both are given), and its texts name the `property.` spellings whichever was written. Prefer a role (`aws.role_arn`) or the BE's default credential chain over static keys in the statement."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE");"#,
        r#""aws.access_key""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// An external id without a role to assume.
pub static KN6: RuleDef = RuleDef {
    code: r#"KN6"#,
    messages: &[
        r#"When property.aws.external.id is set, property.aws.role_arn must also be set"#,
    ],
    summary: r#"An external id without a role to assume."#,
    doc: r#"The external id (`property.aws.external.id`, the only spelling a Kinesis source accepts) is sent when the BE assumes `aws.role_arn`; without a role it has no use."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.aws.external.id" = "ext-1");"#,
        r#""property.aws.external.id""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.role_arn" = "arn:aws:iam::123456789012:role/doris-kinesis", "property.aws.external.id" = "ext-1");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// Both per-shard positions and a default position.
pub static KN7: RuleDef = RuleDef {
    code: r#"KN7"#,
    messages: &[
        r#"Only one of kinesis_shards_pos and property.kinesis_default_pos can be set."#,
    ],
    summary: r#"Both per-shard positions and a default position."#,
    doc: r#"`kinesis_shards_pos` gives each listed shard its position; `property.kinesis_default_pos` gives the position of shards without one. A statement sets one or the other."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "LATEST", "property.kinesis_default_pos" = "TRIM_HORIZON");"#,
        r#""LATEST""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "LATEST");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// ALTER names shards without a position.
pub static KN8: RuleDef = RuleDef {
    code: r#"KN8"#,
    messages: &[
        r#"Must set position or default position with shard property"#,
    ],
    summary: r#"ALTER names shards without a position."#,
    doc: r#"An ALTER that lists `kinesis_shards` must say where they start: `kinesis_shards_pos` or `property.kinesis_default_pos`."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "TRIM_HORIZON,TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("kinesis_shards" = "shardId-000000000001");"#,
        r#""shardId-000000000001""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "TRIM_HORIZON,TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("kinesis_shards" = "shardId-000000000001", "kinesis_shards_pos" = "49590338271490256608559692538361571095921575989136588898");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// As many positions as shards.
pub static KN9: RuleDef = RuleDef {
    code: r#"KN9"#,
    messages: &[
        r#"Number of shards must equal number of positions"#,
    ],
    summary: r#"As many positions as shards."#,
    doc: r#"`kinesis_shards_pos` has one position per shard of `kinesis_shards`, in the same order (none when `kinesis_shards` is absent). Positions are split on `,` and trimmed; empty elements count."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "LATEST");"#,
        r#""LATEST""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "LATEST, TRIM_HORIZON");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// A shard position that is not a position.
pub static KN11: RuleDef = RuleDef {
    code: r#"KN11"#,
    messages: &[
        r#"kinesis_shards_pos must be TRIM_HORIZON, LATEST, or a valid sequence number. Got: {position}"#,
    ],
    summary: r#"A shard position that is not a position."#,
    doc: r#"A position is `TRIM_HORIZON` (the oldest record kept), `LATEST` (only new records), in any case, or a sequence number (digits, as Java's `BigInteger` reads them). The newest Doris master takes no datetimes (its tests and the ALTER manual say so; an earlier master state took them and `AT_TIMESTAMP`). The text is not pinned by Doris's tests beyond `must be TRIM_HORIZON, LATEST, or a valid sequence number`."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "2026-01-01 00:00:00");"#,
        r#""2026-01-01 00:00:00""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "trim_horizon");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// A default position that is not a position.
pub static KN12: RuleDef = RuleDef {
    code: r#"KN12"#,
    messages: &[
        r#"property.kinesis_default_pos can only be set to TRIM_HORIZON, LATEST, or a valid sequence number. Got: {value}"#,
    ],
    summary: r#"A default position that is not a position."#,
    doc: r#"Without `kinesis_shards_pos` the default position (`LATEST` when absent, written into the job) must be `TRIM_HORIZON`, `LATEST` (any case) or a sequence number. Doris reads it raw from the custom map: `" LATEST"` with a space fails. The documentation's table still lists datetimes, which the newest master refuses."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.kinesis_default_pos" = "EARLIEST");"#,
        r#""EARLIEST""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.kinesis_default_pos" = "TRIM_HORIZON");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// A Kinesis job on a cloud-mode cluster.
pub static KC1: RuleDef = RuleDef {
    code: r#"KC1"#,
    messages: &[
        r#"Kinesis routine load does not support cloud mode"#,
    ],
    summary: r#"A Kinesis job on a cloud-mode cluster."#,
    doc: r#"Doris master creates Kinesis jobs only on clusters that keep storage and compute together; a cloud-mode FE refuses them."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisRoutineLoadJob.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#"KINESIS"#,
        &[Setup::Master, Setup::CloudMode],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// ALTER names a shard the job does not consume.
pub static KA5: RuleDef = RuleDef {
    code: r#"KA5"#,
    messages: &[
        r#"The specified shard {shard} is not in the consumed shards"#,
    ],
    summary: r#"ALTER names a shard the job does not consume."#,
    doc: r#"When an ALTER gives `kinesis_shards` and keeps the stream, every shard must be one the job consumes; the check runs before anything changes. A job whose shards are discovered at scheduling has no known shards offline, so the check is a warning then."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisRoutineLoadJob.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "TRIM_HORIZON,TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("kinesis_shards" = "shardId-000000000009", "kinesis_shards_pos" = "LATEST");"#,
        r#""shardId-000000000009""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "TRIM_HORIZON,TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("kinesis_shards" = "shardId-000000000001", "kinesis_shards_pos" = "LATEST");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// kinesis_shards names a shard with an empty id.
pub static Q50: RuleDef = RuleDef {
    code: r#"Q50"#,
    messages: &[
        r#"an empty shard id is in kinesis_shards"#,
    ],
    summary: r#"kinesis_shards names a shard with an empty id."#,
    doc: r#"Doris removes every space from `kinesis_shards` and splits it on `,`, keeping empty ids in the middle (and `""` is one empty id). A shard with an empty id never exists, so its tasks fail when they ask Kinesis for an iterator."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisDataSourceProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,,shardId-000000000001", "kinesis_shards_pos" = "LATEST,LATEST,LATEST");"#,
        r#""shardId-000000000000,,shardId-000000000001""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "LATEST,LATEST");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..QUIRK
};

/// An ALTER … FROM KINESIS without a position resets the default to LATEST.
pub static Q51: RuleDef = RuleDef {
    code: r#"Q51"#,
    messages: &[
        r#"this ALTER sets the job's default position to LATEST"#,
    ],
    summary: r#"An ALTER … FROM KINESIS without a position resets the default to LATEST."#,
    doc: r#"Doris fills in `kinesis_default_pos` = `LATEST` while it analyses any `FROM KINESIS (…)` list without positions or a default, and ALTER merges that into the job: a job created with `TRIM_HORIZON` silently changes its default. Repeat `property.kinesis_default_pos` in the ALTER to keep it."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kinesis/KinesisRoutineLoadJob.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.kinesis_default_pos" = "TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("aws.region" = "us-west-2");"#,
        r#"KINESIS"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.kinesis_default_pos" = "TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("aws.region" = "us-west-2", "property.kinesis_default_pos" = "TRIM_HORIZON");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..QUIRK
};

/// A custom endpoint that does not fit the region.
pub static KINESIS_1: RuleDef = RuleDef {
    code: r#"KINESIS-1"#,
    messages: &[
        r#"aws.endpoint {endpoint} is in region {endpoint_region}, not in aws.region {region}"#,
        r#"aws.endpoint {endpoint} is not an https URL"#,
    ],
    summary: r#"A custom endpoint that does not fit the region."#,
    doc: r#"With `aws.endpoint` the BE sends its requests there, but signs them for `aws.region`: an AWS endpoint of another region (`https://kinesis.eu-west-1.amazonaws.com` with `us-east-1`) fails every request with a signature error, and a plain `http://` endpoint sends the credentials' signatures and the records unencrypted (fine for LocalStack on a test host only)."#,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.endpoint" = "https://kinesis.eu-west-1.amazonaws.com");"#,
        r#""https://kinesis.eu-west-1.amazonaws.com""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.endpoint" = "https://kinesis.us-east-1.amazonaws.com");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..LINT
};

/// Static or temporary AWS keys in a Kinesis job.
pub static KINESIS_2: RuleDef = RuleDef {
    code: r#"KINESIS-2"#,
    messages: &[
        r#"static AWS keys are stored in the job"#,
        r#"aws.session_key is a temporary credential: the job fails when it expires"#,
    ],
    summary: r#"Static or temporary AWS keys in a Kinesis job."#,
    doc: r#"Keys written in the statement are stored in the job's properties, sent to every BE with each task, and shown (masked) by SHOW. A session key expires within hours or days and the job pauses then. Prefer `aws.role_arn` (with `property.aws.external.id` for a role in another account) or the BE hosts' instance profile, which need no key in the statement."#,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""aws.access_key""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.role_arn" = "arn:aws:iam::123456789012:role/doris-kinesis");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..LINT
};

pub(super) static RULES: &[Rule] = &[
    &KN1, &KN2, &KN3, &KN4, &KN5, &KN6, &KN7, &KN8, &KN9, &KN11, &KN12, &KC1, &KA5, &Q50, &Q51,
    &KINESIS_1, &KINESIS_2,
];
