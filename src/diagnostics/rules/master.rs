//! What Doris master changed: the version note, SET TARGET TABLE, the new job
//! properties (V, ST, JP rules).

use super::*;

/// A statement one Doris version accepts and the session's version does not.
pub static VERSION: RuleDef = RuleDef {
    code: r#"VERSION"#,
    messages: &[r#"Doris {version} accepts {what}"#],
    summary: r#"The other Doris version would accept this."#,
    doc: r#"rlfe answers as one Doris version at a time (`--doris-version 4.1|master`, 4.1 by default). When a statement uses a form, a property or a data source that only the other version has, the error is the session's version's own answer, and this note says which version would accept it.

Doris master adds `FROM KINESIS`, `ALTER … SET TARGET TABLE = "tbl"` (and drops the interim `ALTER … ON tbl`), the job properties `compute_group` and `fill_missing_columns`, `SHOW ROUTINE LOAD … ORDER BY … LIMIT …` and `SHOW ROUTINE LOAD TASK FOR job`."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j SET TARGET TABLE = "example_random";"#,
        r#"SET"#,
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j SET TARGET TABLE = "example_random";"#,
        r#""#,
        &[Setup::Master],
    ),
    ..NOTE
};

/// SET TARGET TABLE on a job that is not a Kafka job.
pub static ST2: RuleDef = RuleDef {
    code: r#"ST2"#,
    messages: &[r#"ALTER ROUTINE LOAD SET TARGET TABLE only supports Kafka jobs"#],
    summary: r#"SET TARGET TABLE on a job that is not a Kafka job."#,
    doc: r#"Doris master retargets only Kafka jobs: a Kinesis job keeps its table. Doris's exact text is not pinned by its tests (they require `only supports Kafka jobs`); rlfe uses the text of the change that introduced the form."#,
    mirrors: doris_src::ALTER,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "s");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j SET TARGET TABLE = "example_random";"#,
        r#"SET"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j SET TARGET TABLE = "example_random";"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// ALTER … FROM names another source type than the job's.
pub static KA1: RuleDef = RuleDef {
    code: r#"KA1"#,
    messages: &[r#"The specified job type is not: {type}"#],
    summary: r#"ALTER … FROM names another source type than the job's."#,
    doc: r#"In Doris master each data source analyses its own ALTER: a Kafka job cannot take `FROM KINESIS (…)` nor a Kinesis job `FROM KAFKA (…)` (the documented ALTER syntax lists both words, but the word must be the job's own). The type is printed upper-cased. Doris 4.1 ignores the word instead (Q35)."#,
    mirrors: doris_src::ALTER,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KINESIS ("kinesis_stream" = "s2");"#,
        r#"KINESIS"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_topic" = "t2");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// `fill_missing_columns` on a job that does not read JSON, or with a value that is
/// not a boolean.
pub static JP2: RuleDef = RuleDef {
    code: r#"JP2"#,
    messages: &[
        r#"fill_missing_columns is only supported for json format"#,
        r#"fill_missing_columns must be 'true' or 'false', but found: {value}"#,
    ],
    summary: r#"fill_missing_columns needs format json and a boolean value."#,
    doc: r#"`fill_missing_columns` (Doris master) makes the JSON reader fill the table columns a row does not name from the table's schema. It exists for JSON only: with the CSV family (the default format included) it is refused before its value is looked at. Its value must be `true` or `false` in any case. ALTER checks it against the job's format. The CSV-format text is not pinned by Doris's tests; the value text is Doris's."#,
    mirrors: "fe/fe-core/src/main/java/org/apache/doris/datasource/property/fileformat/JsonFileFormatProperties.java",
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("fill_missing_columns" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""fill_missing_columns" = "true""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("format" = "json", "fill_missing_columns" = "TRUE") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// `compute_group` outside cloud mode, reserved or unknown.
pub static JP6: RuleDef = RuleDef {
    code: r#"JP6"#,
    messages: &[
        r#"compute_group is only supported in cloud mode"#,
        r#"compute_group DEFAULT is a reserved value"#,
        r#"Compute group '{name}' not found."#,
    ],
    summary: r#"compute_group outside cloud mode, reserved or unknown."#,
    doc: r#"`compute_group` (Doris master, and 4.1 patch releases after 4.1.0) runs the job's tasks in a compute group of a cloud-mode cluster. Outside cloud mode every non-empty value is refused, `DEFAULT` included; in cloud mode `DEFAULT` (any case) is reserved and the group must exist. An empty value means no group. Offline a run is not cloud mode unless the catalog says so (`\set cloud_mode on` with compute groups, or `FeConfig::cloud_mode`). The first and second texts are not pinned by Doris's tests (they require `only supported in cloud mode` and `reserved value`); the third is Doris's."#,
    mirrors: doris_src::CREATE_INFO,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("compute_group" = "cg1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""cg1""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("compute_group" = "cg1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::Master, Setup::CloudMode],
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD … ORDER BY names no SHOW column.
pub static SW3: RuleDef = RuleDef {
    code: r#"SW3"#,
    messages: &[r#"Unknown column '{column}' in 'order clause'"#],
    summary: r#"SHOW ROUTINE LOAD … ORDER BY names no SHOW column."#,
    doc: r#"Doris master's SHOW ROUTINE LOAD takes `ORDER BY column [ASC|DESC], …` and `LIMIT [offset,] count` (or `LIMIT count OFFSET offset`), as its regression suite `test_show_routine_load_expr` runs them. Rows are ordered by the named SHOW column's text (column names ignore case), then skipped and cut by LIMIT. A name that is no column of SHOW ROUTINE LOAD is refused; Doris's text for it is not pinned, rlfe uses MySQL's."#,
    mirrors: doris_src::SHOW,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"SHOW ROUTINE LOAD ORDER BY JobName DESC;"#,
        r#"JobName"#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"SHOW ROUTINE LOAD ORDER BY Name DESC LIMIT 0, 1;"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// ALTER changes a multi-table job's table-name settings.
pub static AK7: RuleDef = RuleDef {
    code: r#"AK7"#,
    messages: &[r#"{key} can only be set when creating routine load job"#],
    summary: r#"ALTER changes a multi-table job's table-name settings."#,
    doc: r#"Doris master fixes how a multi-table job finds each row's table when the job is created: `kafka_table_name_location`, `kafka_table_name_format`, `kafka_text_table_name_field_delimiter` and `kafka_text_table_name_field_index` are refused in ALTER (Doris 4.1 accepts them). The text is not pinned by Doris's tests beyond `only be set`."#,
    mirrors: doris_src::KAFKA_JOB,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_table_name_location" = "value");"#,
        r#""kafka_table_name_location""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_table_name_location" = "value");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_topic" = "t2");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

/// ALTER gives the default offset in both spellings.
pub static AK6: RuleDef = RuleDef {
    code: r#"AK6"#,
    messages: &[
        r#"Only one of kafka_default_offsets and property.kafka_default_offsets can be set."#,
    ],
    summary: r#"ALTER gives the default offset in both spellings."#,
    doc: r#"Doris master's ALTER reads the default offset from `kafka_default_offsets` as well as from `property.kafka_default_offsets`, and refuses a statement that gives both. (Doris 4.1 ignores the unprefixed key, Q2.) The text is not pinned by Doris's tests; rlfe uses the form of K6's text."#,
    mirrors: doris_src::KAFKA_JOB,
    versions: Versions::MASTER,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_default_offsets" = "OFFSET_BEGINNING", "property.kafka_default_offsets" = "OFFSET_END");"#,
        r#""property.kafka_default_offsets""#,
        &[Setup::Master],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("property.kafka_default_offsets" = "OFFSET_END");"#,
        r#""#,
        &[Setup::Master],
    ),
    ..DORIS_ERROR
};

pub(super) static RULES: &[Rule] = &[&VERSION, &ST2, &KA1, &JP2, &JP6, &SW3, &AK6, &AK7];
