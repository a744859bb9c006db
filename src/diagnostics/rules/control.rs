//! Doris's checks of PAUSE, RESUME and STOP ROUTINE LOAD (S rules).

use super::*;

/// PAUSE, RESUME or STOP FOR a job of a missing database.
pub static S2: RuleDef = RuleDef {
    code: r#"S2"#,
    messages: &[r#"unknown databases, dbName={db}"#],
    summary: r#"PAUSE, RESUME or STOP FOR a job of a missing database."#,
    doc: r#"The `FOR [db.]job` forms look the database up first."#,
    mirrors: doris_src::PAUSE,
    trips: Example::new(r#"PAUSE ROUTINE LOAD FOR nodb.j;"#, r#"nodb.j"#),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR demo.j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// PAUSE, RESUME, STOP or SHOW CREATE of a job that is not active.
pub static S3: RuleDef = RuleDef {
    code: r#"S3"#,
    messages: &[r#"There is not operable routine load job with name {job}"#],
    summary: r#"PAUSE, RESUME, STOP or SHOW CREATE of a job that is not active."#,
    doc: r#"These statements act on a NEED_SCHEDULE, RUNNING or PAUSED job of that name in the database. A stopped job is final; `SHOW ALL CREATE ROUTINE LOAD` includes it."#,
    mirrors: doris_src::MANAGER,
    trips: Example::new(r#"STOP ROUTINE LOAD FOR nosuch;"#, r#"nosuch"#),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// PAUSE ALL or RESUME ALL in a missing database.
pub static S4: RuleDef = RuleDef {
    code: r#"S4"#,
    mysql: MysqlError::BAD_DB,
    messages: &[r#"Unknown database '{db}'"#],
    summary: r#"PAUSE ALL or RESUME ALL in a missing database."#,
    doc: r#"The `ALL` forms act on every job of the current database, which must exist."#,
    mirrors: doris_src::PAUSE,
    trips: Example::new(
        r#"CREATE DATABASE gone;
USE gone;
DROP DATABASE gone;
PAUSE ALL ROUTINE LOAD;"#,
        r#"ALL ROUTINE LOAD"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ALL ROUTINE LOAD;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// PAUSE of a job that is already paused.
pub static S5: RuleDef = RuleDef {
    code: r#"S5"#,
    messages: &[r#"Could not transform PAUSED to PAUSED"#],
    summary: r#"PAUSE of a job that is already paused."#,
    doc: r#"A paused job cannot be paused again (`PAUSE ALL` skips such jobs silently). RESUME is allowed from every non-final state."#,
    mirrors: doris_src::ROUTINE_LOAD_JOB,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
PAUSE ROUTINE LOAD FOR j;"#,
        r#"j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
RESUME ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&S2, &S3, &S4, &S5];
