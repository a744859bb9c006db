//! Doris's checks of ALTER ROUTINE LOAD (A rules).

use super::*;

/// ALTER names a job whose name cannot be a job name.
pub static A2: RuleDef = RuleDef {
    code: r#"A2"#,
    mysql: MysqlError::WRONG_NAME_FORMAT,
    messages: &[
        r#"Incorrect ROUTINE LOAD NAME name '{name}', required format is ^[a-zA-Z][a-zA-Z0-9-_]{0,63}$"#,
    ],
    summary: r#"ALTER names a job whose name cannot be a job name."#,
    doc: r#"ALTER checks the job name against the job-name pattern (a letter first, then letters, digits, `-` and `_`, at most 64 characters) before it looks the job up. The text is CREATE's N5 text without its last sentence."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"ALTER ROUTINE LOAD FOR `1job` PROPERTIES ("max_error_number" = "1");"#,
        r#"`1job`"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "1");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER of a job that does not exist or is stopped.
pub static A5: RuleDef = RuleDef {
    code: r#"A5"#,
    messages: &[r#"There is not operable routine load job with name {job}"#],
    summary: r#"ALTER of a job that does not exist or is stopped."#,
    doc: r#"Only NEED_SCHEDULE, RUNNING and PAUSED jobs can be altered. Doris 4.1 fails with an internal error in most shapes of this statement; rlfe answers with the text Doris uses for PAUSE and STOP."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"ALTER ROUTINE LOAD FOR nosuch PROPERTIES ("max_error_number" = "1");"#,
        r#"nosuch"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "1");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER adds DELETE ON to a flexible partial update job.
pub static A6: RuleDef = RuleDef {
    code: r#"A6"#,
    messages: &[r#"Flexible partial update does not support delete on clause"#],
    summary: r#"ALTER adds DELETE ON to a flexible partial update job."#,
    doc: r#"A job that updates flexible columns deletes keys through each row's delete-sign field; ALTER may not give it a DELETE ON predicate."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j DELETE ON k1 = 1 PROPERTIES ("unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS");"#,
        r#"DELETE ON k1 = 1"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER … ON tbl names a table the job cannot load into.
pub static A8: RuleDef = RuleDef {
    code: r#"A8"#,
    messages: &[
        r#"ALTER ROUTINE LOAD target table change only supports single-table job"#,
        r#"Unknown table '{table}'"#,
        r#"ALTER ROUTINE LOAD target table only supports OLAP table"#,
        r#"Do not support load for temporary table {table}"#,
        r#"if load_to_single_tablet set to true, the olap table must be with random distribution"#,
        r#"table {table} is not a UNIQUE KEY table, but the job loads WITH {merge_type}"#,
    ],
    summary: r#"ALTER … ON tbl (4.1) or SET TARGET TABLE (master) names a table the job cannot load into."#,
    doc: r#"`ALTER ROUTINE LOAD FOR job ON tbl` (Doris 4.1) and `ALTER ROUTINE LOAD FOR job SET TARGET TABLE = "tbl"` (Doris master, where the table is a string and PROPERTIES and FROM KAFKA may follow) retarget a single-table job. The new table must exist in the job's database, be an OLAP table, not be temporary, and be randomly distributed if the job loads to a single tablet. A MERGE or DELETE job retargeted to a non-UNIQUE table is accepted; Doris fails it when it plans the job's tasks (a warning)."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ON example_tbl;"#,
        r#"example_tbl"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ON example_random;
SHOW ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER turns on partial update where it cannot apply.
pub static A9: RuleDef = RuleDef {
    code: r#"A9"#,
    messages: &[
        r#"load by PARTIAL_COLUMNS is not supported in multi-table load."#,
        r#"load by PARTIAL_COLUMNS is only supported in unique table MoW"#,
    ],
    summary: r#"ALTER turns on partial update where it cannot apply."#,
    doc: r#"Partial update needs a single target table that is UNIQUE KEY merge-on-write; ALTER checks the job's table after applying the new properties."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("partial_columns" = "true");"#,
        r#""partial_columns" = "true""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("partial_columns" = "true");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER changes nothing.
pub static A10: RuleDef = RuleDef {
    code: r#"A10"#,
    messages: &[r#"No properties are specified"#],
    summary: r#"ALTER changes nothing."#,
    doc: r#"An ALTER must give load properties, `PROPERTIES (…)` or `FROM KAFKA (…)` (or `ON tbl`)."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j;"#,
        r#"j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ORDER BY v1;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER of a job that is not paused.
pub static A11: RuleDef = RuleDef {
    code: r#"A11"#,
    messages: &[r#"Only supports modification of PAUSED jobs"#],
    summary: r#"ALTER of a job that is not paused."#,
    doc: r#"Doris alters only PAUSED jobs: run `PAUSE ROUTINE LOAD FOR <job>` first, then `RESUME` after the ALTER."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "5");"#,
        r#"j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "0,0");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j COLUMNS(k1, k2, v1 = k1 * 10) PROPERTIES ("desired_concurrent_number" = "2") FROM KAFKA ("kafka_partitions" = "1", "kafka_offsets" = "42", "property.group.id" = "g2");
SHOW CREATE ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER sets offsets of partitions the job does not consume.
pub static A12: RuleDef = RuleDef {
    code: r#"A12"#,
    messages: &[
        r#"The specified partition {partition} is not in the consumed partitions"#,
        r#"partitions not verified against the job's progress"#,
    ],
    summary: r#"ALTER sets offsets of partitions the job does not consume."#,
    doc: r#"ALTER may move the offsets of partitions the job already consumes. A partition outside the job's progress is rejected, also when the same ALTER changes `kafka_topic`: Doris checks the partitions against the current progress before the new topic resets it (`KafkaRoutineLoadJob.modifyPropertiesInternal`), and the new topic's progress then holds the given partitions. When the job was created without `kafka_partitions` its partitions are unknown offline, and rlfe says the check was not made."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "0,0");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "2", "kafka_offsets" = "5");"#,
        r#""2""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "1", "kafka_offsets" = "99");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&A2, &A5, &A6, &A8, &A9, &A10, &A11, &A12];
