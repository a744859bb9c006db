//! Doris behaviours reproduced as Doris has them, and pointed out with a warning (Q rules).

use super::*;

/// The bare kafka_default_offsets key is accepted and ignored.
pub static Q2: RuleDef = RuleDef {
    code: r#"Q2"#,
    messages: &[r#"kafka_default_offsets without the "property." prefix has no effect"#],
    summary: r#"The bare kafka_default_offsets key is accepted and ignored."#,
    doc: r#"Doris accepts `kafka_default_offsets` as a source key (it takes part in K6 and K8) but reads the default offset only from `property.kafka_default_offsets`. The job starts from OFFSET_END. Write the prefixed key."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_default_offsets" = "OFFSET_BEGINNING");"#,
        r#""kafka_default_offsets""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "OFFSET_BEGINNING");"#,
        r#""#,
    ),
    ..QUIRK
};

/// kafka_offsets together with property.kafka_default_offsets.
pub static Q3: RuleDef = RuleDef {
    code: r#"Q3"#,
    messages: &[r#"property.kafka_default_offsets is ignored when kafka_offsets is given"#],
    summary: r#"kafka_offsets together with property.kafka_default_offsets."#,
    doc: r#"With per-partition offsets, Doris neither validates (K12) nor uses the default offset. Remove one of them."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "property.kafka_default_offsets" = "junk");"#,
        r#""junk""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1");"#,
        r#""#,
    ),
    ..QUIRK
};

/// A boolean job property has a value other than true or false.
pub static Q4: RuleDef = RuleDef {
    code: r#"Q4"#,
    messages: &[r#"{key} = "{value}" is read as false"#],
    summary: r#"A boolean job property has a value other than true or false."#,
    doc: r#"Doris reads a boolean property as true only when it is `true` (any case); `yes`, `1` and `on` silently mean false. Write `"true"` or `"false"`."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("strict_mode" = "yes") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""yes""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("strict_mode" = "TRUE") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..QUIRK
};

/// A number property is read in a way the text does not show.
pub static Q6: RuleDef = RuleDef {
    code: r#"Q6"#,
    messages: &[
        r#"an empty {key} means the default ({default})"#,
        r#"{key} = "{value}" is read as {number}"#,
        r#"{key} = {value} does not fit in 32 bits; Doris reads it as {number}"#,
        r#"max_filter_ratio = "{value}" is read as {number}"#,
    ],
    summary: r#"A number property is read in a way the text does not show."#,
    doc: r#"Doris parses numbers with Java's parsers: an empty value means the default, `+5` is 5, `desired_concurrent_number` and `send_batch_parallelism` keep only their low 32 bits (4294967297 is 1), and `max_filter_ratio` takes forms like `.5`, `5e-1`, `0.5d` and surrounding spaces. The statement is accepted; write the number plainly."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurrent_number" = "4294967297") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""4294967297""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("desired_concurrent_number" = "5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..QUIRK
};

/// SHOW ROUTINE LOAD TASK FROM db shows the first active job Doris walks.
pub static Q16: RuleDef = RuleDef {
    code: r#"Q16"#,
    messages: &[
        r#"Doris ignores FROM {db} and the job name: it shows the tasks of job {job} of database {other}, the first active job it walks"#,
    ],
    summary: r#"SHOW ROUTINE LOAD TASK FROM db shows the first active job Doris walks."#,
    doc: r#"With `FROM db`, Doris 4.1's SHOW ROUTINE LOAD TASK never sets the database it searches (`validate` fills it only when FROM is absent), and `RoutineLoadManager.getJob(null, name)` then takes every job whatever its name: the statement shows the tasks of the first active job in the order Doris's job map (a Java ConcurrentHashMap keyed by job id) walks them, with stopped and cancelled jobs swapped to the end. It fails only when no job is active anywhere. rlfe answers the same (the same job, the same error) and warns when the job shown is not the one named. Without FROM the job is looked up by name in the current database."#,
    mirrors: doris_src::SHOW_TASK,
    trips: Example::new(
        r#"USE demo2;
CREATE TABLE events (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE ROUTINE LOAD j ON events FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "j";"#,
        r#"demo"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "j";"#,
        r#""#,
    ),
    ..QUIRK
};

/// The target table is temporary.
pub static Q18: RuleDef = RuleDef {
    code: r#"Q18"#,
    messages: &[r#"table {table} is a temporary table"#],
    summary: r#"The target table is temporary."#,
    doc: r#"Doris rejects temporary tables only when a PARTITION clause is given (C2); otherwise the job is created and fails when the session that owns the table ends."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tmp FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"example_tmp"#,
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..QUIRK
};

/// A CSV-only setting on a JSON job.
pub static Q24: RuleDef = RuleDef {
    code: r#"Q24"#,
    messages: &[
        r#"COLUMNS TERMINATED BY is ignored for format json"#,
        r#"{key} is ignored for format {format}"#,
    ],
    summary: r#"A CSV-only setting on a JSON job."#,
    doc: r#"JSON jobs accept and ignore `COLUMNS TERMINATED BY`, `enclose` and `escape`. Remove them."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY "," PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"COLUMNS TERMINATED BY ",""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY "," FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..QUIRK
};

/// enclose or escape is one non-ASCII character.
pub static Q25: RuleDef = RuleDef {
    code: r#"Q25"#,
    messages: &[r#"{key} '{char}' is not one byte; Doris keeps only its low byte"#],
    summary: r#"enclose or escape is one non-ASCII character."#,
    doc: r#"Doris counts UTF-16 units, so `é` passes J16, and then keeps only the character's low byte. Use an ASCII character."#,
    mirrors: doris_src::CREATE_INFO,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("enclose" = "é") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""é""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ("enclose" = "'") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..QUIRK
};

/// kafka_partitions lists a partition twice.
pub static Q26: RuleDef = RuleDef {
    code: r#"Q26"#,
    messages: &[r#"partition {partition} is listed twice; Doris may give it to two tasks"#],
    summary: r#"kafka_partitions lists a partition twice."#,
    doc: r#"Doris accepts repeated partitions and may assign both to different tasks, which then consume the same data twice. List each partition once."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,0");"#,
        r#""0,0""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1");"#,
        r#""#,
    ),
    ..QUIRK
};

/// A kafka_offsets element overflows 64 bits.
pub static Q27: RuleDef = RuleDef {
    code: r#"Q27"#,
    messages: &[r#"offset {offset} does not fit in 64 bits; Doris reads it as 0"#],
    summary: r#"A kafka_offsets element overflows 64 bits."#,
    doc: r#"Doris parses offsets with a helper that returns 0 on overflow: the job starts from offset 0."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "99999999999999999999");"#,
        r#"99999999999999999999"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "9223372036854775807");"#,
        r#""#,
    ),
    ..QUIRK
};

/// ALTER … FROM names another source type.
pub static Q35: RuleDef = RuleDef {
    code: r#"Q35"#,
    messages: &[r#"ALTER ignores the source type '{type}'; the job reads from KAFKA"#],
    summary: r#"ALTER … FROM names another source type."#,
    doc: r#"ALTER ignores the identifier after FROM: `FROM PULSAR (…)` changes the Kafka source. Write `FROM KAFKA`."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM PULSAR ("kafka_topic" = "t2");"#,
        r#"PULSAR"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_topic" = "t2");"#,
        r#""#,
    ),
    ..QUIRK
};

/// property..x sets the client key .x.
pub static Q40: RuleDef = RuleDef {
    code: r#"Q40"#,
    messages: &[r#""{key}" sets the client key "{client_key}""#],
    summary: r#"property..x sets the client key .x."#,
    doc: r#"Doris strips `property.` up to the first dot, so `property..x` sets the client key `.x`, which the Kafka client does not know. Remove the extra dot."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property..x" = "y");"#,
        r#""property..x""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "c");"#,
        r#""#,
    ),
    ..QUIRK
};

/// kafka_broker_list ends with a comma.
pub static Q41: RuleDef = RuleDef {
    code: r#"Q41"#,
    messages: &[r#"kafka_broker_list ends with a comma; Doris drops the empty entry"#],
    summary: r#"kafka_broker_list ends with a comma."#,
    doc: r#"Java's split drops trailing empty elements, so a trailing comma passes K3 and is ignored; an empty element between two commas fails K3."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,", "kafka_topic" = "t");"#,
        r#""k1:9092,""#,
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..QUIRK
};

/// kafka_topic contains spaces.
pub static Q42: RuleDef = RuleDef {
    code: r#"Q42"#,
    messages: &[r#"Doris removes the spaces from kafka_topic: the topic is '{topic}'"#],
    summary: r#"kafka_topic contains spaces."#,
    doc: r#"Doris removes every space from the topic (`my topic` becomes `mytopic`), so the job consumes another topic than written."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "my topic");"#,
        r#""my topic""#,
    ),
    passes: Example::new(examples::MINIMAL, r#""#),
    ..QUIRK
};

/// kafka_partitions has a negative number.
pub static Q43: RuleDef = RuleDef {
    code: r#"Q43"#,
    messages: &[
        r#"kafka_partitions has a negative partition number; it fails when the job starts"#,
    ],
    summary: r#"kafka_partitions has a negative number."#,
    doc: r#"Negative partition numbers pass Doris's integer parsing; they fail only against the live topic. Kafka partitions are numbered from 0."#,
    mirrors: doris_src::KAFKA_CONFIGURATION,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "-1");"#,
        r#""-1""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0");"#,
        r#""#,
    ),
    ..QUIRK
};

/// ALTER sets enclose or escape to more than one character.
pub static Q44: RuleDef = RuleDef {
    code: r#"Q44"#,
    messages: &[r#"ALTER does not check {key}; "{value}" is stored as given"#],
    summary: r#"ALTER sets enclose or escape to more than one character."#,
    doc: r#"CREATE checks `enclose` and `escape` (J16); ALTER stores them unchecked. Give one character."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("enclose" = "ab");"#,
        r#""ab""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("enclose" = "a");"#,
        r#""#,
    ),
    ..QUIRK
};

/// ALTER sets a number property to an empty value.
pub static Q45: RuleDef = RuleDef {
    code: r#"Q45"#,
    messages: &[
        r#"an empty {key} is stored as -1"#,
        r#"an empty max_filter_ratio is ignored"#,
    ],
    summary: r#"ALTER sets a number property to an empty value."#,
    doc: r#"ALTER stores an empty integer property as -1 (and ignores an empty max_filter_ratio), unlike CREATE, where empty means the default."#,
    mirrors: doris_src::ALTER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "");"#,
        r#""""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "5");"#,
        r#""#,
    ),
    ..QUIRK
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[
    &Q2, &Q3, &Q4, &Q6, &Q16, &Q18, &Q24, &Q25, &Q26, &Q27, &Q35, &Q40, &Q41, &Q42, &Q43, &Q44,
    &Q45,
];
