//! The online checks (`--online`): what only a live broker can decide, asked through
//! librdkafka as Doris BE asks it. The examples run against librdkafka's mock
//! cluster, which a job starts in its own client with `property.test.mock.num.brokers`
//! (librdkafka then ignores the broker list), or against a closed port of 127.0.0.1.

use super::*;

/// Doris's partition check at CREATE, against the live topic.
pub static ONLINE_C6: RuleDef = RuleDef {
    code: r#"ONLINE-C6"#,
    stage: Stage::Online,
    messages: &[
        r#"there is a custom kafka partition {partition} which is invalid for topic {topic}"#,
        r#"Failed to get all partitions of kafka topic: {topic} error: errCode = 2, detailMessage = Failed to get info"#,
        r#"Failed to get real offsets of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"#,
        r#"Failed to get offsets for times of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"#,
    ],
    summary: r#"A partition of kafka_partitions the topic lacks, or Kafka unreachable when Doris asks it at CREATE."#,
    doc: r#"With `kafka_partitions`, Doris FE asks a BE for the topic's partitions when the job is created and refuses a partition the topic does not have; then it resolves `OFFSET_BEGINNING`/`OFFSET_END` to the partitions' watermarks (or datetimes to offsets for times). When the BE cannot get an answer (brokers unreachable, the topic unreadable, authentication failing, the MSK IAM token not made), the FE only says `Failed to get info` (the BE's reason is logged, not returned): rlfe gives Doris's text and librdkafka's own reason in the help. Doris nests the BE's error as `errCode = 2, detailMessage = …` (`KafkaUtil`, `UserException.getMessage`)."#,
    mirrors: doris_src::KAFKA_UTIL,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0,7");"#,
        r#""0,7""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0,3");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..DORIS_ERROR
};

/// A broker of the list could not be used.
pub static ONLINE_BROKER: RuleDef = RuleDef {
    code: r#"ONLINE-1"#,
    stage: Stage::Online,
    messages: &[
        r#"broker {broker} not reached: {reason}"#,
        r#"broker {broker} refused the client: {reason}"#,
    ],
    summary: r#"A broker of kafka_broker_list is unreachable, or refuses the client (TLS, SASL)."#,
    doc: r#"Each address of `kafka_broker_list` is resolved and connected to (TCP) from this machine, then librdkafka connects with the job's client properties, as the BE would. A name that does not resolve, a refused connection, a timeout, a TLS failure (certificate, host name) or a SASL failure (mechanism, credentials) is reported with librdkafka's own reason, collected from its error and log callbacks. The BE connects from its own host: a broker reachable from there but not from here (or the reverse) is possible, so this is a warning; Doris's own answer comes from ONLINE-C6 (CREATE with `kafka_partitions`) or when the job is scheduled."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:1", "kafka_topic" = "t");"#,
        r#""127.0.0.1:1""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// The job will pause when it is scheduled: Kafka gives no partitions.
pub static ONLINE_SCHEDULE: RuleDef = RuleDef {
    code: r#"ONLINE-2"#,
    stage: Stage::Online,
    messages: &[
        r#"the job will pause when it is scheduled: {reason} may be Kafka properties set in job is error or no partition in this topic that should check Kafka"#,
        r#"the job will pause when it is scheduled: Failed to get real offsets of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"#,
        r#"the job will pause when it is scheduled: Failed to get offsets for times of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"#,
    ],
    summary: r#"Without kafka_partitions Doris accepts the job, then pauses it at scheduling: Kafka gives no partitions."#,
    doc: r#"A job without `kafka_partitions` is created without asking Kafka. The scheduler then asks for the topic's partitions (`updateKafkaPartitions`); when that fails (brokers unreachable, the topic missing or unreadable, authentication failing), the job goes to PAUSED with `PARTITIONS_ERR` and this reason. When the partitions are known but their offsets cannot be resolved (`updateNewPartitionProgress`: the watermarks, or offsets for times), the job pauses with `PARTITIONS_ERR` as well. rlfe asks the broker now and says so before the job is created."#,
    mirrors: doris_src::KAFKA_JOB,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:1", "kafka_topic" = "t");"#,
        r#""127.0.0.1:1""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// A broker advertises an address the BE may not reach.
pub static ONLINE_ADVERTISED: RuleDef = RuleDef {
    code: r#"ONLINE-3"#,
    stage: Stage::Online,
    messages: &[
        r#"broker {id} advertises {address}, a loopback address, while the broker list names {bootstrap}"#,
        r#"broker {id} advertises {address}, whose host does not resolve here"#,
    ],
    summary: r#"A broker's advertised.listeners points at loopback or at a name that does not resolve."#,
    doc: r#"The broker list is used only for the first connection: afterwards librdkafka connects to the addresses the brokers advertise (`advertised.listeners`). A broker reached through a routable name that advertises `localhost` or `127.0.0.1` sends the BE to itself, and a name the BE cannot resolve fails every fetch: the job is created, then its tasks fail with transport errors. Fix the broker's `advertised.listeners`."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "kafka.example.com:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t");"#,
        r#""kafka.example.com:9092""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// A numeric offset outside the partition's retained range.
pub static ONLINE_RANGE: RuleDef = RuleDef {
    code: r#"ONLINE-4"#,
    stage: Stage::Online,
    messages: &[
        r#"offset {offset} of partition {partition} is below its first retained offset {low}: the first task fails with Offset out of range and the job pauses"#,
        r#"offset {offset} of partition {partition} is past its end {high}: the job pauses when it is scheduled (offset set in job: {offset} is greater than kafka latest offset: {high} partition id: {partition})"#,
    ],
    summary: r#"A numeric offset below the partition's low watermark or above its high watermark."#,
    doc: r#"Doris takes numeric offsets as given. Below the low watermark (retention removed the messages) the BE's first fetch gets `OFFSET_OUT_OF_RANGE`; with the BE's `auto.offset.reset=error` librdkafka reports it, the task is aborted and the job PAUSED (`TASKS_ABORT_ERR`, reason containing `Offset out of range`). Above the high watermark the scheduler finds the next offset greater than the latest and pauses the job with Doris's text. The watermarks are read from the partition leaders now; they move, so the verdict holds for now."#,
    mirrors: doris_src::KAFKA_JOB,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "5");"#,
        r#""5""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "0");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// OFFSET_END on a topic with no message.
pub static ONLINE_EMPTY: RuleDef = RuleDef {
    code: r#"ONLINE-5"#,
    stage: Stage::Online,
    messages: &[
        r#"topic {topic} has no message: OFFSET_END starts at {offsets} and the job shows RUNNING with no progress until messages arrive"#,
    ],
    summary: r#"OFFSET_END on a topic that holds no message."#,
    doc: r#"`OFFSET_END` (the default) starts each partition at its high watermark. On an empty topic every task finds no data and is re-queued: the job is RUNNING with no rows and no error, which is what users often report as "routine load does nothing". Check that the producers write to this topic, or start from `OFFSET_BEGINNING` to load what arrives from the start."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0,1");"#,
        r#""0,1""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,OFFSET_BEGINNING");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// No message at or after a datetime offset.
pub static ONLINE_TIME: RuleDef = RuleDef {
    code: r#"ONLINE-6"#,
    stage: Stage::Online,
    messages: &[
        r#"partition {partition} has no message at or after {time}: Doris starts it at OFFSET_END (-1)"#,
    ],
    summary: r#"A datetime offset after the partition's last message."#,
    doc: r#"Doris FE turns a datetime offset into the first offset whose timestamp is at or after it (`offsetsForTimes`, in the job's time zone). When no message is that recent Kafka answers -1, and Doris keeps -1 (`OFFSET_END`) as the partition's offset: the job loads only messages produced after it is scheduled, none of those since the time."#,
    mirrors: doris_src::KAFKA_UTIL,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "2024-01-01 00:00:00");"#,
        r#""2024-01-01 00:00:00""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "0");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// The MSK IAM token the BE would send could not be made here.
pub static ONLINE_IAM: RuleDef = RuleDef {
    code: r#"ONLINE-7"#,
    stage: Stage::Online,
    messages: &[r#"no MSK IAM token: {reason}"#],
    summary: r#"The MSK IAM token Doris BE would send cannot be made from the job's credentials."#,
    doc: r#"For an MSK IAM job the BE signs a token with the job's credentials when it creates the consumer (`refresh_now`); if that fails the consumer is not created and every call to Kafka fails. rlfe signs the same token with the credentials it can read on this machine (explicit keys, the environment, the shared AWS files; for `aws.role_arn`, STS AssumeRole in `aws.region` with those as the base credentials, `AWS_ENDPOINT_URL_STS` changing the endpoint) and hands it to librdkafka through its OAUTHBEARER refresh callback. Sources only the BE host has (instance profile, container, web identity) are not used, and said so; an STS refusal is given with STS's code and message."#,
    mirrors: doris_src::BE_MSK_IAM,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.credentials_provider" = "INSTANCE_PROFILE");"#,
        r#""INSTANCE_PROFILE""#,
        &[Setup::Online],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""#,
        &[Setup::Online],
    ),
    ..LINT
};

/// What the broker answered.
pub static ONLINE_CHECKED: RuleDef = RuleDef {
    code: r#"ONLINE"#,
    stage: Stage::Online,
    messages: &[r#"checked against the broker: {what}"#],
    summary: r#"What the online check asked the broker and what it answered."#,
    doc: r#"With `--online` each CREATE ROUTINE LOAD is checked against the brokers with the client properties the plan sends to the BE: the topic's metadata, the partitions' watermarks, offsets for times. Nothing is consumed, no group is joined and no offset is committed. The plan then holds the real partitions and the offsets Doris would send, beside the symbolic ones."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "127.0.0.1:9092", "property.test.mock.num.brokers" = "1", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Online],
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..NOTE
};

pub(super) static RULES: &[Rule] = &[
    &ONLINE_C6,
    &ONLINE_BROKER,
    &ONLINE_SCHEDULE,
    &ONLINE_ADVERTISED,
    &ONLINE_RANGE,
    &ONLINE_EMPTY,
    &ONLINE_TIME,
    &ONLINE_IAM,
    &ONLINE_CHECKED,
];
