//! Doris's checks of CREATE ROUTINE LOAD, in Doris's order: the statement build (P), job name and database (N), target table and partial update (T, F), load properties (L), job properties (J), the Kafka source (K), merge type (M) and job creation (C).

use super::*;

/// A key appears twice in one property list.
pub static P2: RuleDef = RuleDef {
    code: r#"P2"#,
    messages: &[r#"Multiple entries with same key: {key}={value} and {key}={value}"#],
    summary: r#"A key appears twice in one property list."#,
    doc: r#"Doris builds each property list into an immutable map, which refuses a repeated key with the map library's own text (older releases silently kept the last value). rlfe reports it at the second occurrence and says where the first one is. When the key holds a secret, both values are masked in the message."#,
    mirrors: doris_src::PARSER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_error_number" = "1", "max_error_number" = "2") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""max_error_number""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_error_number" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The data source after FROM is not one Doris knows.
pub static P3: RuleDef = RuleDef {
    code: r#"P3"#,
    messages: &[r#"Unknown routine load data source type: {type}"#],
    summary: r#"The data source after FROM is not one Doris knows."#,
    doc: r#"The identifier after `FROM` names the data source type. Doris compares it ignoring case with the types it implements; anything else is rejected. Doris 4.1 implements `KAFKA`; Doris master adds `KINESIS`, so under `--doris-version 4.1` a Kinesis job gets this error and a VERSION note."#,
    mirrors: doris_src::ROUTINE_LOAD_FACTORY,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM PULSAR ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"PULSAR"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM kafka ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The statement names no database and none is selected.
pub static N1: RuleDef = RuleDef {
    code: r#"N1"#,
    mysql: MysqlError::NO_DB,
    messages: &[r#"No database selected"#],
    summary: r#"The statement names no database and none is selected."#,
    doc: r#"A job lives in a database: the one in its name (`db.job`), else the connection's current database. With neither, Doris answers with MySQL's error 1046. Name the database in the statement or run `USE <database>` first. The same check runs for ALTER, PAUSE, RESUME, STOP, SHOW CREATE and the catalog statements."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::with(examples::MINIMAL, r#"j"#, &[Setup::NoDatabase]),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD demo.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::NoDatabase],
    ),
    ..DORIS_ERROR
};

/// The job name is empty.
pub static N2: RuleDef = RuleDef {
    code: r#"N2"#,
    messages: &[r#"Table name is null"#],
    summary: r#"The job name is empty."#,
    doc: r#"An empty backquoted name (```` `` ````) leaves the job without a name. Doris's label check reports it with a text that says "Table" although it is about the job. Give the job a name."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD `` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"``"#,
    ),
    passes: Example::new(examples::PARTITIONED, r#""#),
    ..DORIS_ERROR
};

/// The job name is not a valid Doris label.
pub static N3: RuleDef = RuleDef {
    code: r#"N3"#,
    messages: &[r#"Label format error. regex: ^[-_A-Za-z0-9:]{1,128}$, label: {name}"#],
    summary: r#"The job name is not a valid Doris label."#,
    doc: r#"A job's name is also the prefix of its load labels, so Doris first checks it against the label pattern: letters, digits, `-`, `_` and `:`, 1 to 128 characters. A name that passes here can still fail the stricter job-name check (N5), which Doris runs only after the table checks."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD `job.name` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"`job.name`"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD `job-1` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The job's database does not exist.
pub static N4: RuleDef = RuleDef {
    code: r#"N4"#,
    mysql: MysqlError::BAD_DB,
    messages: &[r#"Unknown database '{db}'"#],
    summary: r#"The job's database does not exist."#,
    doc: r#"The database named by the job (or the current database) must exist. Create it with `CREATE DATABASE`, or name an existing one. Without a catalog, rlfe cannot tell and skips the check with a note."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD nodb.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"nodb"#,
    ),
    passes: Example::new(
        r#"CREATE TABLE demo2.events (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE ROUTINE LOAD demo2.j ON events FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The job name does not match Doris's job-name pattern.
pub static N5: RuleDef = RuleDef {
    code: r#"N5"#,
    mysql: MysqlError::WRONG_NAME_FORMAT,
    messages: &[
        r#"Incorrect ROUTINE LOAD NAME name '{name}', required format is ^[a-zA-Z][a-zA-Z0-9-_]{0,63}$ Maybe routine load job name is longer than 64 or contains illegal characters"#,
    ],
    summary: r#"The job name does not match Doris's job-name pattern."#,
    doc: r#"Besides being a valid label (N3), a job name must start with a letter and use only letters, digits, `-` and `_`, at most 64 characters. Doris checks this after the target table, so a statement with both a bad name and an unknown table reports the table first. Names with `-` must be backquoted in SQL (`` `job-1` ``)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD `1job` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"`1job`"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD `Job-1_a` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A multi-table job asks for partial update.
pub static T1: RuleDef = RuleDef {
    code: r#"T1"#,
    messages: &[r#"Partial update is not supported in multi-table load."#],
    summary: r#"A multi-table job asks for partial update."#,
    doc: r#"A job without `ON <table>` takes its target table from each message, so it cannot update a subset of one table's columns. Doris rejects `partial_columns` = `true` and any `unique_key_update_mode` other than `UPSERT` for such jobs. Name the target table with `ON`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j PROPERTIES ("partial_columns" = "true", "format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""partial_columns" = "true""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The target table after ON is empty.
pub static T2: RuleDef = RuleDef {
    code: r#"T2"#,
    messages: &[r#"Table name should not be null"#],
    summary: r#"The target table after ON is empty."#,
    doc: r#"`ON ```` names no table. Give the target table's name, or leave `ON` out for a multi-table job."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON `` FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"``"#,
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..DORIS_ERROR
};

/// The target table does not exist in the job's database.
pub static T3: RuleDef = RuleDef {
    code: r#"T3"#,
    mysql: MysqlError::BAD_TABLE,
    messages: &[r#"Unknown table '{table}'"#],
    summary: r#"The target table does not exist in the job's database."#,
    doc: r#"The table after `ON` must exist in the job's database (the table is never qualified: `ON db.tbl` is a syntax error). rlfe suggests the closest table name. Without a catalog the check is skipped with a note."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD `1job` ON no_such_table FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"no_such_table"#,
    ),
    passes: Example::new(examples::PARTITIONED, r#""#),
    ..DORIS_ERROR
};

/// WITH MERGE or WITH DELETE on a table that is not UNIQUE KEY.
pub static T4: RuleDef = RuleDef {
    code: r#"T4"#,
    messages: &[r#"load by MERGE or DELETE is only supported in unique tables."#],
    summary: r#"WITH MERGE or WITH DELETE on a table that is not UNIQUE KEY."#,
    doc: r#"Deleting rows by key needs a key model that identifies rows: only UNIQUE KEY OLAP tables support `WITH MERGE` and `WITH DELETE`. Use `WITH APPEND` (the default) or load into a UNIQUE KEY table."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl WITH MERGE DELETE ON k1 = 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WITH MERGE"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WITH DELETE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// WITH MERGE or WITH DELETE on a UNIQUE table without the hidden delete-sign column.
pub static T5: RuleDef = RuleDef {
    code: r#"T5"#,
    messages: &[r#"load by MERGE or DELETE need to upgrade table to support batch delete."#],
    summary: r#"WITH MERGE or WITH DELETE on a UNIQUE table without the hidden delete-sign column."#,
    doc: r#"MERGE and DELETE loads mark deleted rows through the table's hidden delete-sign column. Tables created before batch delete existed lack it; Doris asks to upgrade the table first (`ALTER TABLE … ENABLE FEATURE "BATCH_DELETE"`). rlfe's catalog models such a legacy table with the table property `"rlfe.has_delete_sign" = "false"`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE TABLE legacy_orders (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) PROPERTIES ("rlfe.has_delete_sign" = "false");
CREATE ROUTINE LOAD j ON legacy_orders WITH DELETE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WITH DELETE"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WITH DELETE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Partial column update on a table that is not UNIQUE merge-on-write.
pub static T6: RuleDef = RuleDef {
    code: r#"T6"#,
    messages: &[r#"load by PARTIAL_COLUMNS is only supported in unique table MoW"#],
    summary: r#"Partial column update on a table that is not UNIQUE merge-on-write."#,
    doc: r#"Updating only some columns of a row (`partial_columns` = `true`, or `unique_key_update_mode` = `UPDATE_FIXED_COLUMNS`) reads the row's other columns at load time, which only merge-on-write UNIQUE KEY tables support."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mor PROPERTIES ("partial_columns" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""partial_columns" = "true""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("partial_columns" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update on a table that cannot take it.
pub static F1: RuleDef = RuleDef {
    code: r#"F1"#,
    messages: &[
        r#"Only unique key merge on write support partial update"#,
        r#"Flexible partial update can only support table with skip bitmap hidden column. But table {tbl} doesn't have it. You can use `ALTER TABLE {tbl} ENABLE FEATURE "UPDATE_FLEXIBLE_COLUMNS";` to add it to the table."#,
        r#"Flexible partial update can only support table with light_schema_change enabled. But table {tbl}'s property light_schema_change is false"#,
        r#"Flexible partial update can only support table without variant columns."#,
    ],
    summary: r#"Flexible partial update on a table that cannot take it."#,
    doc: r#"`unique_key_update_mode` = `UPDATE_FLEXIBLE_COLUMNS` lets each JSON row name the columns it updates. The table must be UNIQUE KEY with merge-on-write, have the skip-bitmap hidden column (`"enable_unique_key_skip_bitmap_column" = "true"` or `ALTER TABLE … ENABLE FEATURE "UPDATE_FLEXIBLE_COLUMNS"`), have light schema change enabled, and have no VARIANT column. Doris checks these in that order and reports the first that fails."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "update_flexible_columns") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with a format other than JSON.
pub static F2: RuleDef = RuleDef {
    code: r#"F2"#,
    messages: &[r#"Flexible partial update only supports JSON format, but found: {format}"#],
    summary: r#"Flexible partial update with a format other than JSON."#,
    doc: r#"Flexible partial update reads the columns to update from the keys of each JSON object, so the job must set `"format" = "json"`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "JSON", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with fuzzy_parse.
pub static F3: RuleDef = RuleDef {
    code: r#"F3"#,
    messages: &[r#"Flexible partial update does not support fuzzy_parse"#],
    summary: r#"Flexible partial update with fuzzy_parse."#,
    doc: r#"`fuzzy_parse` assumes every row has the same keys as the first one, which contradicts rows that each name their own columns. Remove it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "fuzzy_parse" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "fuzzy_parse" = "false") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with jsonpaths.
pub static F4: RuleDef = RuleDef {
    code: r#"F4"#,
    messages: &[r#"Flexible partial update does not support jsonpaths"#],
    summary: r#"Flexible partial update with jsonpaths."#,
    doc: r#"With flexible partial update the JSON keys name the columns; `jsonpaths` would map them to fixed positions. Remove it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "jsonpaths" = "[\"$.k1\"]") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "jsonpaths" = "") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with a COLUMNS list.
pub static F5: RuleDef = RuleDef {
    code: r#"F5"#,
    messages: &[r#"Flexible partial update does not support COLUMNS specification"#],
    summary: r#"Flexible partial update with a COLUMNS list."#,
    doc: r#"The JSON keys of each row name its columns, so a `COLUMNS (…)` mapping has no meaning. Remove it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow COLUMNS(k1, v1) PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"COLUMNS(k1, v1)"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with a WHERE clause.
pub static F6: RuleDef = RuleDef {
    code: r#"F6"#,
    messages: &[r#"Flexible partial update does not support where clause"#],
    summary: r#"Flexible partial update with a WHERE clause."#,
    doc: r#"Doris 4.1 rejects a `WHERE` filter on flexible partial update jobs (earlier releases accepted it). Filter with `PRECEDING FILTER`, or upstream."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WHERE k1 > 0 PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WHERE k1 > 0"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PRECEDING FILTER k1 > 0 PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with a WITH clause.
pub static F7: RuleDef = RuleDef {
    code: r#"F7"#,
    messages: &[r#"Flexible partial update does not support merge_type, remove the WITH clause"#],
    summary: r#"Flexible partial update with a WITH clause."#,
    doc: r#"A row deletes its key through the hidden delete-sign field of its own JSON object, so no merge type may be written, not even `WITH APPEND`. Remove the `WITH` clause."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WITH APPEND PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WITH APPEND"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FIXED_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Flexible partial update with ORDER BY.
pub static F8: RuleDef = RuleDef {
    code: r#"F8"#,
    messages: &[
        r#"Flexible partial update does not support ORDER BY, set the table property function_column.sequence_col instead"#,
    ],
    summary: r#"Flexible partial update with ORDER BY."#,
    doc: r#"The sequence column of a flexible partial update job comes from the table property `function_column.sequence_col`, not from `ORDER BY`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow ORDER BY seq PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"ORDER BY seq"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow ORDER BY seq FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// COLUMNS TERMINATED BY is empty or a malformed hex separator.
pub static L1: RuleDef = RuleDef {
    code: r#"L1"#,
    messages: &[
        r#"Column separator is null or empty"#,
        r#"Hex str is empty"#,
        r#"Hex str format error"#,
        r#"Hex str length error"#,
    ],
    summary: r#"COLUMNS TERMINATED BY is empty or a malformed hex separator."#,
    doc: r#"The column separator is text (`","`, `"\t"`, `"||"`) or hex bytes written `\x` followed by an even number of hex digits (`"\x01"`). Doris rejects an empty separator and hex text that is empty, has a non-hex digit or an odd number of digits. Backslash escapes other than `\\`, `\'`, `\"`, `\r`, `\t` and `\n` are kept as written."#,
    mirrors: doris_src::SEPARATOR,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY "" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"COLUMNS TERMINATED BY """#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY "\x01" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A multi-table job has a COLUMNS clause.
pub static L2: RuleDef = RuleDef {
    code: r#"L2"#,
    messages: &[r#"Multi-table load does not support setting columns info"#],
    summary: r#"A multi-table job has a COLUMNS clause."#,
    doc: r#"A job without `ON <table>` takes its table from each message, so a `COLUMNS` clause cannot refer to one table's columns. Doris rejects it with the same text for COLUMNS, WHERE and PRECEDING FILTER. Remove the clause, or name the table with `ON`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j COLUMNS(k1, v1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"COLUMNS(k1, v1)"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j COLUMNS TERMINATED BY "|", PARTITION(p1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A multi-table job has a WHERE clause.
pub static L3: RuleDef = RuleDef {
    code: r#"L3"#,
    messages: &[r#"Multi-table load does not support setting columns info"#],
    summary: r#"A multi-table job has a WHERE clause."#,
    doc: r#"A job without `ON <table>` takes its table from each message, so a `WHERE` clause cannot refer to one table's columns. Doris rejects it with the same text for COLUMNS, WHERE and PRECEDING FILTER. Remove the clause, or name the table with `ON`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j WHERE k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WHERE k1 > 1"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl WHERE k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A multi-table job has a PRECEDING FILTER clause.
pub static L4: RuleDef = RuleDef {
    code: r#"L4"#,
    messages: &[r#"Multi-table load does not support setting columns info"#],
    summary: r#"A multi-table job has a PRECEDING FILTER clause."#,
    doc: r#"A job without `ON <table>` takes its table from each message, so a `PRECEDING FILTER` clause cannot refer to one table's columns. Doris rejects it with the same text for COLUMNS, WHERE and PRECEDING FILTER. Remove the clause, or name the table with `ON`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j PRECEDING FILTER k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"PRECEDING FILTER k1 > 1"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PRECEDING FILTER k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A load clause is given twice.
pub static L5: RuleDef = RuleDef {
    code: r#"L5"#,
    messages: &[
        r#"repeat setting of column separator"#,
        r#"repeat setting of columns info"#,
        r#"repeat setting of preceding where predicate"#,
        r#"repeat setting of where predicate"#,
        r#"repeat setting of partition names"#,
        r#"repeat setting of delete predicate"#,
        r#"repeat setting of sequence column"#,
    ],
    summary: r#"A load clause is given twice."#,
    doc: r#"Each load clause (COLUMNS TERMINATED BY, COLUMNS, WHERE, PRECEDING FILTER, PARTITION, DELETE ON, ORDER BY) may appear once. Doris 4.1's behaviour for a repeat is not documented; rlfe rejects it with the texts of Doris's legacy parser, which did. Merge the two clauses into one."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl WHERE k1 > 1, WHERE k1 < 9 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WHERE k1 < 9"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY ",", COLUMNS(k1, k2, v1), WHERE k1 > 1, PRECEDING FILTER k1 > 0 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A key in PROPERTIES (…) is not a job property (or cannot be altered).
pub static J0: RuleDef = RuleDef {
    code: r#"J0"#,
    messages: &[r#"{key} is invalid property"#],
    summary: r#"A key in PROPERTIES (…) is not a job property (or cannot be altered)."#,
    doc: r#"`PROPERTIES (…)` takes the job properties (`desired_concurrent_number`, `max_batch_interval`, `format`, …). Any other key is rejected, and so are keys that ALTER may not change (`format`, `exec_mem_limit`, `send_batch_parallelism`, `load_to_single_tablet`, `partial_update_new_key_behavior`). rlfe suggests the closest key, points Kafka keys to `FROM KAFKA (…)`, and explains the keys Doris's manual lists but the code rejects (`delimiter`, `skip_header_lines`, …)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurent_number" = "3") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""desired_concurent_number""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurrent_number" = "1", "max_error_number" = "5", "max_filter_ratio" = "0.2", "strict_mode" = "true", "timezone" = "UTC", "workload_group" = "normal") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// desired_concurrent_number is not a positive integer.
pub static J1: RuleDef = RuleDef {
    code: r#"J1"#,
    messages: &[
        r#"desired_concurrent_number must be greater than 0"#,
        r#"desired_concurrent_number should > 0"#,
    ],
    summary: r#"desired_concurrent_number is not a positive integer."#,
    doc: r#"The number of tasks the job may run at once. It must be a whole number of at least 1; Doris reads it as a 64-bit number and then keeps its low 32 bits, so a huge value can wrap (Q6 warns). ALTER reports the same check with the text `desired_concurrent_number should > 0`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurrent_number" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""0""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurrent_number" = "+5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// max_error_number is negative or not an integer.
pub static J2: RuleDef = RuleDef {
    code: r#"J2"#,
    messages: &[r#"max_error_number should >= 0"#],
    summary: r#"max_error_number is negative or not an integer."#,
    doc: r#"The number of bad rows tolerated in the sampling window before the job pauses: a whole number of at least 0. An empty value means the default (Q6)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_error_number" = "-1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""-1""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_error_number" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// max_filter_ratio is not a number from 0 to 1.
pub static J3: RuleDef = RuleDef {
    code: r#"J3"#,
    messages: &[r#"max_filter_ratio should between 0 and 1"#],
    summary: r#"max_filter_ratio is not a number from 0 to 1."#,
    doc: r#"The share of filtered rows tolerated before the job pauses: a decimal number from 0 to 1. Doris parses it as a Java double, so `.5`, `5e-1` and `0.5d` are accepted (Q6 warns about unusual forms); `NaN` is not in range."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_filter_ratio" = "1.5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""1.5""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_filter_ratio" = "5e-1d") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// max_batch_interval is below 1 second.
pub static J4: RuleDef = RuleDef {
    code: r#"J4"#,
    messages: &[r#"max_batch_interval should >= 1"#],
    summary: r#"max_batch_interval is below 1 second."#,
    doc: r#"How long each task consumes before it commits, in seconds: at least 1 (Doris's manual says 1–60 in places; the code accepts any value of 1 or more). It also sets the task timeout (10 × the interval, at least 60 s)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_interval" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""0""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_interval" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// max_batch_rows is below 200000.
pub static J5: RuleDef = RuleDef {
    code: r#"J5"#,
    messages: &[r#"max_batch_rows should > 200000"#],
    summary: r#"max_batch_rows is below 200000."#,
    doc: r#"The most rows one task reads. The message says "> 200000" but Doris accepts 200000 itself; the smallest value is 200000."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_rows" = "199999") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""199999""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_rows" = "200000") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// max_batch_size is outside 100 MB–10 GB.
pub static J6: RuleDef = RuleDef {
    code: r#"J6"#,
    messages: &[r#"max_batch_size should between 100MB and 10GB"#],
    summary: r#"max_batch_size is outside 100 MB–10 GB."#,
    doc: r#"The most bytes one task reads: from 104857600 (100 MB) to 10737418240 (10 GB)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_size" = "104857599") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""104857599""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("max_batch_size" = "10737418240") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// exec_mem_limit is negative or not an integer.
pub static J8: RuleDef = RuleDef {
    code: r#"J8"#,
    messages: &[r#"exec_mem_limit must be greater than 0"#],
    summary: r#"exec_mem_limit is negative or not an integer."#,
    doc: r#"The memory limit of each load task, in bytes. The message says "greater than 0" but Doris accepts 0 itself. ALTER cannot change it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("exec_mem_limit" = "-5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""-5""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("exec_mem_limit" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// send_batch_parallelism is not a positive integer.
pub static J9: RuleDef = RuleDef {
    code: r#"J9"#,
    messages: &[r#"send_batch_parallelism must be greater than 0"#],
    summary: r#"send_batch_parallelism is not a positive integer."#,
    doc: r#"The parallelism of sending batches to the storage nodes: at least 1, read as a 64-bit number and narrowed to 32 bits like desired_concurrent_number. ALTER cannot change it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("send_batch_parallelism" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""0""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("send_batch_parallelism" = "4") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The workload group does not exist.
pub static J11: RuleDef = RuleDef {
    code: r#"J11"#,
    messages: &[r#"Can not find workload group {name}"#],
    summary: r#"The workload group does not exist."#,
    doc: r#"A job can run its tasks in a workload group. The group must exist; Doris always has `normal`. Create others with `CREATE WORKLOAD GROUP`. A gateway's catalog says which groups exist."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("workload_group" = "etl") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""etl""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("workload_group" = "normal") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The timezone property is not a time zone Doris knows.
pub static J12: RuleDef = RuleDef {
    code: r#"J12"#,
    mysql: MysqlError::UNKNOWN_TIME_ZONE,
    messages: &[r#"Unknown or incorrect time zone: '{zone}'"#],
    summary: r#"The timezone property is not a time zone Doris knows."#,
    doc: r#"The job's time zone reads datetime offsets and converts time functions. Doris accepts region names (`Asia/Shanghai`), `UTC` and a few aliases (case-sensitive: `utc` is rejected), and offsets from `-12:00` to `+14:00` (`+8:00` is normalised to `+08:00`). rlfe suggests the canonical spelling when the case is wrong."#,
    mirrors: doris_src::TIME_UTILS,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("timezone" = "+15:00") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""+15:00""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("timezone" = "8:00") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW CREATE ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// unique_key_update_mode is not one of the three modes.
pub static J13: RuleDef = RuleDef {
    code: r#"J13"#,
    messages: &[
        r#"unique_key_update_mode should be one of {'UPSERT', 'UPDATE_FIXED_COLUMNS', 'UPDATE_FLEXIBLE_COLUMNS'}, but found {value}"#,
    ],
    summary: r#"unique_key_update_mode is not one of the three modes."#,
    doc: r#"The update mode of a UNIQUE KEY job: `UPSERT` (whole rows, the default), `UPDATE_FIXED_COLUMNS` (the columns of the COLUMNS list; what `partial_columns` = `true` means) or `UPDATE_FLEXIBLE_COLUMNS` (each JSON row names its columns). Case does not matter."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("unique_key_update_mode" = "PARTIAL") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""PARTIAL""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("unique_key_update_mode" = "upsert") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// partial_update_new_key_behavior without partial update, or with a bad value.
pub static J14: RuleDef = RuleDef {
    code: r#"J14"#,
    messages: &[
        r#"partial_update_new_key_behavior can only be set when partial update is enabled"#,
        r#"partial_update_new_key_behavior should be one of {'APPEND', 'ERROR'}, but found {value}"#,
    ],
    summary: r#"partial_update_new_key_behavior without partial update, or with a bad value."#,
    doc: r#"What a partial update does with a key that does not exist yet: `APPEND` it (the default) or fail with `ERROR`. It can only be set when partial update is enabled (`partial_columns` = `true` or an update mode other than UPSERT). ALTER cannot change it."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("partial_update_new_key_behavior" = "ERROR") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""ERROR""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PROPERTIES ("partial_columns" = "true", "partial_update_new_key_behavior" = "error") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The format property names no format Doris knows.
pub static J15: RuleDef = RuleDef {
    code: r#"J15"#,
    messages: &[r#"format:{format} is not supported."#],
    summary: r#"The format property names no format Doris knows."#,
    doc: r#"The message format: routine load reads `csv` (the default), `csv_with_names`, `csv_with_names_and_types` and `json`. Doris knows other format names (parquet, orc, …) but rejects them for routine load later (C4). ALTER cannot change the format."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "xml") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""xml""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "CSV_WITH_NAMES_AND_TYPES") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// enclose or escape is longer than one character.
pub static J16: RuleDef = RuleDef {
    code: r#"J16"#,
    messages: &[
        r#"enclose should not be longer than one byte."#,
        r#"escape must be single-char"#,
    ],
    summary: r#"enclose or escape is longer than one character."#,
    doc: r#"`enclose` (the quote around CSV fields) and `escape` take one character. Doris counts UTF-16 units, so one non-ASCII character passes and is cut to its low byte (Q25 warns). JSON jobs ignore both (Q24); ALTER does not check them (Q44)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("enclose" = "ab") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""ab""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("enclose" = "\"", "escape" = "|") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A key in FROM KAFKA (…) is neither a Kafka source key nor a client setting.
pub static K1: RuleDef = RuleDef {
    code: r#"K1"#,
    messages: &[r#"{key} is invalid kafka property or can not be set"#],
    summary: r#"A key in FROM KAFKA (…) is neither a Kafka source key nor a client setting."#,
    doc: r#"`FROM KAFKA (…)` takes the source keys (`kafka_broker_list`, `kafka_topic`, `kafka_partitions`, `kafka_offsets`, `kafka_default_offsets`, `kafka_table_name_*`), client settings prefixed with `property.`, and `aws.*` keys. Anything else is rejected. The help recognises other systems' spellings (RisingWave's `properties.bootstrap.server`, ClickHouse's `kafka_sasl_username`, Flink's `topic`, the documentation typo `kafka_default_offset`) and names the Doris key to write."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_default_offset" = "OFFSET_BEGINNING");"#,
        r#""kafka_default_offset""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "c", "aws.region" = "us-east-1", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// kafka_broker_list is missing or blank.
pub static K2: RuleDef = RuleDef {
    code: r#"K2"#,
    messages: &[r#"kafka_broker_list is a required property"#],
    summary: r#"kafka_broker_list is missing or blank."#,
    doc: r#"The bootstrap brokers, as `host:port,host:port`. CREATE needs them (spaces are removed first, so a blank value counts as missing); ALTER may leave them out."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_topic" = "t");"#,
        r#"KAFKA"#,
    ),
    passes: Example::new(examples::PARTITIONED, r#""#),
    ..DORIS_ERROR
};

/// A broker in kafka_broker_list does not match Doris's endpoint pattern.
pub static K3: RuleDef = RuleDef {
    code: r#"K3"#,
    messages: &[
        r#"KAFKA_BROKER_LIST:{broker} not match pattern [-A-Za-z0-9+&@#/%?=~_|!:,.;]+[-A-Za-z0-9+&@#/%=~_|]"#,
    ],
    summary: r#"A broker in kafka_broker_list does not match Doris's endpoint pattern."#,
    doc: r#"Each comma-separated broker must be at least two characters of `[-A-Za-z0-9+&@#/%?=~_|!:,.;]` and must not end with `:`, `.`, `,`, `;`, `!` or `?` — so `host:` (a missing port) and an empty entry between two commas fail. The message starts with Doris's internal constant name `KAFKA_BROKER_LIST`, not the key. A trailing comma is dropped silently (Q41)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:", "kafka_topic" = "t");"#,
        r#""k1:9092,k2:""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "http://127.0.0.1:8080, broker1,10.0.0.1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// kafka_topic is missing or blank.
pub static K4: RuleDef = RuleDef {
    code: r#"K4"#,
    messages: &[r#"kafka_topic is a required property"#],
    summary: r#"kafka_topic is missing or blank."#,
    doc: r#"The topic to consume. CREATE needs it; spaces are removed from it (Q42), so a blank value counts as missing."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092");"#,
        r#"KAFKA"#,
    ),
    passes: Example::new(examples::PARTITIONED, r#""#),
    ..DORIS_ERROR
};

/// A property. key names no client setting.
pub static K5: RuleDef = RuleDef {
    code: r#"K5"#,
    messages: &[r#"kafka property value could not be a empty string"#],
    summary: r#"A property. key names no client setting."#,
    doc: r#"`property.<key>` passes `<key>` to the Kafka client. Doris splits the key on `.` and drops trailing empty parts, so `property.` and `property..` leave nothing and are rejected (with a text that says "value" although the key is empty). `property..x` passes and sets the client key `.x` (Q40)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property." = "x");"#,
        r#""property.""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.a.b" = "c");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Both kafka_offsets and the bare kafka_default_offsets are given.
pub static K6: RuleDef = RuleDef {
    code: r#"K6"#,
    messages: &[r#"Only one of kafka_offsets and kafka_default_offsets can be set."#],
    summary: r#"Both kafka_offsets and the bare kafka_default_offsets are given."#,
    doc: r#"Per-partition offsets and a default offset exclude each other when both are written as source keys. Note that the bare key `kafka_default_offsets` otherwise has no effect (Q2): the default offset is `property.kafka_default_offsets`."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "kafka_default_offsets" = "OFFSET_END");"#,
        r#""kafka_default_offsets""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "kafka_default_offsets" = " ");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A multi-table job uses a table-name format other than TEXT.
pub static K7: RuleDef = RuleDef {
    code: r#"K7"#,
    messages: &[r#"Multi load olay supported for table name format TEXT"#],
    summary: r#"A multi-table job uses a table-name format other than TEXT."#,
    doc: r#"A job without `ON <table>` reads each message's table name; Doris supports only the TEXT table-name format (the text keeps Doris's typo "olay")."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_table_name_format" = "JSON");"#,
        r#""JSON""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_table_name_format" = "text");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// ALTER gives kafka_partitions without offsets.
pub static K8: RuleDef = RuleDef {
    code: r#"K8"#,
    messages: &[r#"Must set offset or default offset with partition property"#],
    summary: r#"ALTER gives kafka_partitions without offsets."#,
    doc: r#"When ALTER changes the partitions, it must also say where they start: `kafka_offsets` or `kafka_default_offsets`."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "0");"#,
        r#""kafka_partitions""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "0", "kafka_offsets" = "10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// kafka_offsets and kafka_partitions have different lengths.
pub static K9: RuleDef = RuleDef {
    code: r#"K9"#,
    messages: &[r#"Partitions number should be equals to offsets number"#],
    summary: r#"kafka_offsets and kafka_partitions have different lengths."#,
    doc: r#"Give one offset per listed partition, in the same order."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "1");"#,
        r#""1""#,
    ),
    passes: Example::new(examples::PARTITIONED, r#""#),
    ..DORIS_ERROR
};

/// kafka_offsets mixes points in time and offsets.
pub static K10: RuleDef = RuleDef {
    code: r#"K10"#,
    messages: &[
        r#"The offset of the partition cannot be specified by the timestamp and the offset at the same time"#,
    ],
    summary: r#"kafka_offsets mixes points in time and offsets."#,
    doc: r#"Offsets are either all numbers/`OFFSET_BEGINNING`/`OFFSET_END`, or all datetimes (`yyyy-MM-dd HH:mm:ss`, read in the job's time zone)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "2024-01-01 00:00:00,5");"#,
        r#""2024-01-01 00:00:00,5""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "2024-01-01 00:00:00,2024-01-02 00:00:00");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// An element of kafka_offsets is not an offset.
pub static K11: RuleDef = RuleDef {
    code: r#"K11"#,
    messages: &[r#"kafka_offsets must be an integer or a date time"#],
    summary: r#"An element of kafka_offsets is not an offset."#,
    doc: r#"Each offset is a non-negative whole number, `OFFSET_BEGINNING`, `OFFSET_END` (any case) or a datetime. A negative number is rejected; a number past 64 bits becomes 0 (Q27)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "-5");"#,
        r#""-5""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2", "kafka_offsets" = "offset_beginning,OFFSET_END,7");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// property.kafka_default_offsets is not a default offset.
pub static K12: RuleDef = RuleDef {
    code: r#"K12"#,
    messages: &[
        r#"kafka_default_offsets can only be set to OFFSET_BEGINNING, OFFSET_END or date time"#,
    ],
    summary: r#"property.kafka_default_offsets is not a default offset."#,
    doc: r#"Where newly found partitions start: `OFFSET_BEGINNING`, `OFFSET_END` (the default) or a datetime. A number is not accepted here."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "12");"#,
        r#""12""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("timezone" = "UTC") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "2024-02-30 00:00:00");
SHOW ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// kafka_partitions (or the table-name field index) is not a list of integers.
pub static K13: RuleDef = RuleDef {
    code: r#"K13"#,
    messages: &[r#"For input string: "{element}""#],
    summary: r#"kafka_partitions (or the table-name field index) is not a list of integers."#,
    doc: r#"Doris parses `kafka_partitions` element by element with Java's integer parser and lets its number-format error through as the message. Spaces are removed first; empty inner elements fail (`For input string: ""`). Negative numbers pass (Q43) and repeated ones too (Q26)."#,
    mirrors: doris_src::KAFKA_CONFIGURATION,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,a", "kafka_offsets" = "1,2");"#,
        r#""0,a""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = " 0, +1 ,2");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// DELETE ON without WITH MERGE.
pub static M1: RuleDef = RuleDef {
    code: r#"M1"#,
    messages: &[r#"not support DELETE ON clause when merge type is not MERGE."#],
    summary: r#"DELETE ON without WITH MERGE."#,
    doc: r#"`DELETE ON <predicate>` says which rows delete their key, which only a MERGE load does. Write `WITH MERGE`; `WITH DELETE` deletes every row's key and takes no predicate."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow DELETE ON k1 = 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"DELETE ON k1 = 1"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j DELETE ON k1 = 1;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// WITH MERGE without DELETE ON.
pub static M2: RuleDef = RuleDef {
    code: r#"M2"#,
    messages: &[r#"Excepted DELETE ON clause when merge type is MERGE."#],
    summary: r#"WITH MERGE without DELETE ON."#,
    doc: r#"A MERGE load must say which rows delete their key: add `DELETE ON <predicate>`. (The text keeps Doris's typo "Excepted".)"#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WITH MERGE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WITH MERGE"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow WITH MERGE DELETE ON v1 < 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The target table is not an OLAP table.
pub static C1: RuleDef = RuleDef {
    code: r#"C1"#,
    mysql: MysqlError::NOT_OLAP_TABLE,
    messages: &[r#"Table '{table}' is not a OLAP table"#],
    summary: r#"The target table is not an OLAP table."#,
    doc: r#"Routine load writes into Doris's own (OLAP) tables; external tables (`ENGINE = mysql`, …) cannot be targets."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mysql FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"example_mysql"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_random FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A PARTITION clause names a missing partition, or the table is temporary.
pub static C2: RuleDef = RuleDef {
    code: r#"C2"#,
    messages: &[
        r#"Cannot create routine load for temporary table {table}"#,
        r#"Partition {partition} does not exist"#,
    ],
    summary: r#"A PARTITION clause names a missing partition, or the table is temporary."#,
    doc: r#"`PARTITION (…)` restricts the load to named partitions, which must exist (`TEMPORARY PARTITION` looks only among temporary partitions). `PARTITION(*)` parses but has no routine-load meaning and is rejected. Doris checks for temporary tables only when PARTITION is given (Q18)."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tmp PARTITION(p1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"PARTITION(p1)"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_mow PARTITION(P1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// load_to_single_tablet on a table distributed by HASH.
pub static C3: RuleDef = RuleDef {
    code: r#"C3"#,
    messages: &[
        r#"if load_to_single_tablet set to true, the olap table must be with random distribution"#,
    ],
    summary: r#"load_to_single_tablet on a table distributed by HASH."#,
    doc: r#"`load_to_single_tablet` writes each task into one tablet, which only randomly distributed tables allow. Use `DISTRIBUTED BY RANDOM`, or remove the property."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("load_to_single_tablet" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""load_to_single_tablet" = "true""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_random PROPERTIES ("load_to_single_tablet" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A format routine load cannot read.
pub static C4: RuleDef = RuleDef {
    code: r#"C4"#,
    messages: &[r#"Invalid format type."#],
    summary: r#"A format routine load cannot read."#,
    doc: r#"The format is known to Doris (J15) but routine load reads only the CSV family and JSON."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "parquet") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""parquet""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A FILE: reference names a file that was not uploaded.
pub static C5: RuleDef = RuleDef {
    code: r#"C5"#,
    messages: &[
        r#"file does not exist with db: {db_id} and catalog: kafka"#,
        r#"File does not exist"#,
    ],
    summary: r#"A FILE: reference names a file that was not uploaded."#,
    doc: r#"Client settings such as `property.ssl.ca.location` may name a small file uploaded with `CREATE FILE "<name>" PROPERTIES ("url" = "…", "catalog" = "kafka")`, as `FILE:<name>`. Doris resolves each reference when the job is created, and again when an ALTER sets client properties (it merges and converts them before changing anything else; the job's database is searched): the first text when the database has no Kafka file at all, the second when the name is not among them. Without any known file rlfe skips the check with a note (NO-FILES)."#,
    mirrors: doris_src::KAFKA_JOB,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:client.pem");"#,
        r#""FILE:client.pem""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// kafka_partitions could not be checked against the live topic.
pub static C6: RuleDef = RuleDef {
    code: r#"C6"#,
    severity: Severity::Warning,
    messages: &[r#"partitions and offsets not verified against the topic"#],
    summary: r#"kafka_partitions could not be checked against the live topic."#,
    doc: r#"Doris asks Kafka whether each partition of `kafka_partitions` exists when the job is created. rlfe works offline by default, so it says the check was not made; the job fails to be created (Doris) or to start if a partition is missing."#,
    mirrors: doris_src::KAFKA_JOB,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1");"#,
        r#""0,1""#,
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..DORIS_ERROR
};

/// A job of that name is already active in the database.
pub static C7: RuleDef = RuleDef {
    code: r#"C7"#,
    messages: &[r#"Name {name} already used in db {db}"#],
    summary: r#"A job of that name is already active in the database."#,
    doc: r#"Job names are unique among a database's NEED_SCHEDULE, RUNNING and PAUSED jobs. A STOPPED or CANCELLED job's name can be reused."#,
    mirrors: doris_src::MANAGER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The cluster has reached max_routine_load_job_num.
pub static C8: RuleDef = RuleDef {
    code: r#"C8"#,
    messages: &[r#"There are more than {n} routine load jobs are running. exceed limit."#],
    summary: r#"The cluster has reached max_routine_load_job_num."#,
    doc: r#"Doris limits the active routine-load jobs of the whole cluster (FE config `max_routine_load_job_num`, 100). Its check uses `>`, so one job more than the limit is still allowed."#,
    mirrors: doris_src::MANAGER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j1 ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD j2 ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"j2"#,
        &[Setup::NoJobSlots],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j1 ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::NoJobSlots],
    ),
    ..DORIS_ERROR
};

/// A load clause names a column the table does not have.
pub static COLUMN: RuleDef = RuleDef {
    code: r#"COLUMN"#,
    messages: &[r#"column '{name}' is not a column of table {table} nor of the COLUMNS list"#],
    summary: r#"A load clause names a column the table does not have."#,
    doc: r#"WHERE, PRECEDING FILTER, DELETE ON, ORDER BY and COLUMNS expressions refer to columns of the target table or of the COLUMNS list. Doris checks them only when it plans each task, and then pauses the job; rlfe says so when the job is created."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl WHERE k9 > 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"WHERE k9 > 0"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl WHERE k1 > 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..LINT
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[
    &P2, &P3, &N1, &N2, &N3, &N4, &N5, &T1, &T2, &T3, &T4, &T5, &T6, &F1, &F2, &F3, &F4, &F5, &F6,
    &F7, &F8, &L1, &L2, &L3, &L4, &L5, &J0, &J1, &J2, &J3, &J4, &J5, &J6, &J8, &J9, &J11, &J12,
    &J13, &J14, &J15, &J16, &K1, &K2, &K3, &K4, &K5, &K6, &K7, &K8, &K9, &K10, &K11, &K12, &K13,
    &M1, &M2, &C1, &C2, &C3, &C4, &C5, &C6, &C7, &C8, &COLUMN,
];
