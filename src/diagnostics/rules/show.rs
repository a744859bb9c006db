//! Doris's checks of SHOW ROUTINE LOAD and SHOW ROUTINE LOAD TASK (W rules).

use super::*;

/// SHOW ROUTINE LOAD without a database.
pub static W1: RuleDef = RuleDef {
    code: r#"W1"#,
    mysql: MysqlError::NO_DB,
    messages: &[r#"No database selected"#],
    summary: r#"SHOW ROUTINE LOAD without a database."#,
    doc: r#"SHOW ROUTINE LOAD lists the jobs of the `FOR` name's database or of the current database."#,
    mirrors: doris_src::SHOW,
    trips: Example::with(
        r#"SHOW ROUTINE LOAD;"#,
        r#"SHOW ROUTINE LOAD"#,
        &[Setup::NoDatabase],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD demo.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD FOR demo.j;"#,
        r#""#,
        &[Setup::NoDatabase],
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD of a missing database.
pub static W2: RuleDef = RuleDef {
    code: r#"W2"#,
    messages: &[r#"unknown databases, dbName={db}"#],
    summary: r#"SHOW ROUTINE LOAD of a missing database."#,
    doc: r#"The database must exist."#,
    mirrors: doris_src::SHOW,
    trips: Example::new(
        r#"SHOW ROUTINE LOAD FOR nodb.j;"#,
        r#"SHOW ROUTINE LOAD FOR nodb.j"#,
    ),
    passes: Example::new(r#"SHOW ROUTINE LOAD;"#, r#""#),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD FOR a job that has no row.
pub static W3: RuleDef = RuleDef {
    code: r#"W3"#,
    messages: &[r#"There is no job named {job} in db {db}. Include history? {all}"#],
    summary: r#"SHOW ROUTINE LOAD FOR a job that has no row."#,
    doc: r#"Without `ALL` only active jobs are listed; `SHOW ALL ROUTINE LOAD FOR job` includes stopped and cancelled ones."#,
    mirrors: doris_src::SHOW,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
SHOW ROUTINE LOAD FOR j;"#,
        r#"j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
SHOW ALL ROUTINE LOAD FOR j;"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD TASK without a database.
pub static W4: RuleDef = RuleDef {
    code: r#"W4"#,
    messages: &[r#"please designate a database in show stmt"#],
    summary: r#"SHOW ROUTINE LOAD TASK without a database."#,
    doc: r#"Name the database with `FROM <db>`, or select one."#,
    mirrors: doris_src::SHOW_TASK,
    trips: Example::with(
        r#"SHOW ROUTINE LOAD TASK WHERE JobName = "j";"#,
        r#"SHOW ROUTINE LOAD TASK WHERE JobName = "j""#,
        &[Setup::NoDatabase],
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "j";"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD TASK without WHERE JobName = ….
pub static W5: RuleDef = RuleDef {
    code: r#"W5"#,
    messages: &[r#"please designate a jobName in where expr such as JobName="ILoveDoris""#],
    summary: r#"SHOW ROUTINE LOAD TASK without WHERE JobName = …."#,
    doc: r#"The tasks are listed for one job, named in `WHERE JobName = "<job>"`."#,
    mirrors: doris_src::SHOW_TASK,
    trips: Example::new(r#"SHOW ROUTINE LOAD TASK;"#, r#"SHOW ROUTINE LOAD TASK"#),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK WHERE JobName = "j";"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD TASK with a WHERE other than JobName = "<job>".
pub static W6: RuleDef = RuleDef {
    code: r#"W6"#,
    messages: &[
        r#"show routine load job only support one equal expr which is sames like JobName="ILoveDoris""#,
    ],
    summary: r#"SHOW ROUTINE LOAD TASK with a WHERE other than JobName = "<job>"."#,
    doc: r#"The WHERE must be exactly one `JobName = <string>` comparison (the column name in any case)."#,
    mirrors: doris_src::SHOW_TASK,
    trips: Example::new(
        r#"SHOW ROUTINE LOAD TASK WHERE JobName LIKE "j%";"#,
        r#"JobName LIKE "j%""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK WHERE jobname = "j";"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// SHOW ROUTINE LOAD TASK of a job that is not active.
pub static W7: RuleDef = RuleDef {
    code: r#"W7"#,
    messages: &[r#"The job named {job}does not exists or job state is stopped or cancelled"#],
    summary: r#"SHOW ROUTINE LOAD TASK of a job that is not active."#,
    doc: r#"Only active jobs have tasks. The text has no space after the job name, as in Doris."#,
    mirrors: doris_src::SHOW_TASK,
    trips: Example::new(
        r#"SHOW ROUTINE LOAD TASK WHERE JobName = "nosuch";"#,
        r#"SHOW ROUTINE LOAD TASK WHERE JobName = "nosuch""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK WHERE JobName = "j";"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&W1, &W2, &W3, &W4, &W5, &W6, &W7];
