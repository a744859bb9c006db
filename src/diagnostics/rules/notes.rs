//! Notes: what rlfe could not check offline, and how the plan shows what Doris resolves later.

use super::*;

/// Table-dependent checks were skipped: no catalog is known.
pub static NO_CATALOG: RuleDef = RuleDef {
    code: r#"NO-CATALOG"#,
    messages: &[r#"not verified: no catalog (not checked: {what})"#],
    summary: r#"Table-dependent checks were skipped: no catalog is known."#,
    doc: r#"Without any schema information rlfe cannot know whether a database or table exists, so those checks are skipped and said to be skipped, never invented as failures. Load a catalog (`--catalog FILE`, CREATE DATABASE/TABLE statements, or a gateway's `Catalog`)."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD somedb.j ON any_table FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"somedb.j"#,
        &[Setup::NoCatalog],
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..NOTE
};

/// FILE: references were not checked: no file is known.
pub static NO_FILES: RuleDef = RuleDef {
    code: r#"NO-FILES"#,
    messages: &[r#"FILE: references not verified: no files are known"#],
    summary: r#"FILE: references were not checked: no file is known."#,
    doc: r#"When no file was registered with CREATE FILE (or the gateway's catalog knows none), rlfe cannot tell whether a `FILE:<name>` reference resolves, and says so."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD somedb.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:ca.pem");"#,
        r#"KAFKA"#,
        &[Setup::NoCatalog],
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    ..NOTE
};

/// A statement outside the routine-load dialect.
pub static OTHER: RuleDef = RuleDef {
    code: r#"OTHER"#,
    messages: &[r#"not a routine-load or catalog statement: parsed, not executed"#],
    summary: r#"A statement outside the routine-load dialect."#,
    doc: r#"Statements rlfe does not implement (SELECT, INSERT, SET, …) are parsed by sqlparser and handed back to the caller as kind `other`, for a gateway to route; they are not executed."#,
    trips: Example::new(r#"SELECT 1;"#, r#""#),
    passes: Example::new(r#"SHOW ROUTINE LOAD;"#, r#""#),
    ..NOTE
};

/// The plan has no tasks: the topic's partitions are unknown.
pub static PLAN_PARTITIONS: RuleDef = RuleDef {
    code: r#"PLAN-PARTITIONS"#,
    stage: Stage::Plan,
    messages: &[
        r#"no tasks planned: the partitions of topic '{topic}' are discovered when the job is scheduled"#,
        r#"no tasks planned: the shards of stream '{stream}' are discovered when the job is scheduled"#,
    ],
    summary: r#"The plan has no tasks: the topic's partitions are unknown."#,
    doc: r#"Without `kafka_partitions`, Doris discovers the topic's partitions when it schedules the job. Offline, give the partition count (`--partitions TOPIC=N`, `\partitions TOPIC N`) to see the tasks."#,
    trips: Example::new(examples::MINIMAL, r#""#),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1");"#,
        r#""#,
    ),
    ..NOTE
};

/// FILE: references are shown as written.
pub static PLAN_FILE: RuleDef = RuleDef {
    code: r#"PLAN-FILE"#,
    stage: Stage::Plan,
    messages: &[
        r#"FILE: references stay FILE:<name> in this plan; Doris rewrites them to FILE:<fileId>:<md5> when the job is created"#,
    ],
    summary: r#"FILE: references are shown as written."#,
    doc: r#"Doris rewrites each `FILE:<name>` to `FILE:<file id>:<md5>` when the job is created; the BE downloads the file by id. The plan keeps the name."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "property.ssl.ca.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0");"#,
        r#""#,
    ),
    ..NOTE
};

/// The plan's offsets are points in time.
pub static PLAN_TIMES: RuleDef = RuleDef {
    code: r#"PLAN-TIMES"#,
    stage: Stage::Plan,
    messages: &[
        r#"offsets are points in time (epoch milliseconds); Doris turns each into the first offset at or after it before it sends a task"#,
    ],
    summary: r#"The plan's offsets are points in time."#,
    doc: r#"Datetime offsets are kept as epoch milliseconds (read in the job's time zone); Doris asks Kafka for the first offset at or after each time before it sends a task."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "2024-01-01 00:00:00");"#,
        r#""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "10");"#,
        r#""#,
    ),
    ..NOTE
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[
    &NO_CATALOG,
    &NO_FILES,
    &OTHER,
    &PLAN_PARTITIONS,
    &PLAN_FILE,
    &PLAN_TIMES,
];
