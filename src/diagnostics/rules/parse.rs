//! Rules of the parse stage: syntax errors and rlfe's input limits.

use super::*;

/// The statement is not valid SQL for Doris.
pub static P0: RuleDef = RuleDef {
    code: r#"P0"#,
    stage: Stage::Parse,
    messages: &[
        r#"expected {what}, found {token}"#,
        r#"expected {what}"#,
        r#"expected {what}, found reserved word '{word}'"#,
        r#"unknown statement '{word}'"#,
        r#"Possibly unquoted identifier {name} detected. Please consider quoting it with back-quotes as `{name}`"#,
        r#"table name must be [db.]table"#,
        r#"empty statement"#,
        r#"expected one statement, found more than one"#,
        r#"{tokenizer error}"#,
    ],
    summary: r#"The statement is not valid SQL for Doris."#,
    doc: r#"The text does not follow Doris's grammar for the statement: a token is missing, misplaced or of the wrong kind. Doris rejects such a statement with a syntax error before it looks at any property; rlfe does the same and says what it expected where it stopped, so the caret points at the first token that does not fit.

Common causes: a missing comma between properties or load clauses, a comma before `PROPERTIES` or `FROM`, clauses in the wrong order (the order is `ON`, `WITH`, load properties, `PROPERTIES`, `FROM`, `COMMENT`), a reserved word used as a name without backquotes, or a hyphenated name such as `job-abc` written without backquotes. The message text is rlfe's own; the decision (a syntax error) is Doris's."#,
    mirrors: doris_src::GRAMMAR,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_topic" = "t" "kafka_broker_list" = "k1:9092");"#,
        r#""kafka_broker_list""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_topic" = "t", "kafka_broker_list" = "k1:9092");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A job name has at most two parts: [database.]job.
pub static P1: RuleDef = RuleDef {
    code: r#"P1"#,
    stage: Stage::Parse,
    messages: &[r#"labelParts in load should be [db.]label"#],
    summary: r#"A job name has at most two parts: [database.]job."#,
    doc: r#"Doris names a routine-load job `job` or `database.job`. A name with more dots (`a.b.c`) is rejected while the statement is built, with the text of Doris's label-name check. Write at most one database part; a name that itself contains a dot must be backquoted (and is then rejected by N3, since labels cannot contain dots)."#,
    mirrors: doris_src::PARSER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD demo.etl.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"demo.etl.j"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD demo.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The input is larger than one of rlfe's input limits.
pub static LIMIT: RuleDef = RuleDef {
    code: r#"LIMIT"#,
    kind: RuleKind::Limit,
    stage: Stage::Parse,
    messages: &[
        r#"statement is {n} bytes, more than the limit of {limit} bytes"#,
        r#"script has more than {n} statements; the rest is not parsed"#,
        r#"expression nesting is deeper than the limit of {n} levels"#,
        r#"{context} list has more than {n} properties"#,
        r#"the {what} list has more than {n} items"#,
        r#"expression has more than {n} nodes (operators and operands)"#,
        r#"script is larger than the limit of {limit} bytes; nothing is run"#,
        r#"topic '{topic}' has {n} partitions, more than the limit of {limit}"#,
        r#"{n} more diagnostics of this statement are not shown (the limit is {limit})"#,
    ],
    summary: r#"The input is larger than one of rlfe's input limits."#,
    doc: r#"rlfe reads untrusted input (a gateway exposes it to the network), so it bounds what a script may cost: script size, statement size, statements per script, expression nesting and nodes, properties per list, items per list, partitions per topic and diagnostics per statement. Input beyond a limit is rejected with a located error instead of being parsed; the next statement still runs. The limits are generous for real statements and can be raised through `ParseOptions` and `SessionOptions`; the README lists each one with its default."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "c");"#,
        r#""property.client.id" = "c""#,
        &[Setup::MaxProperties(2)],
    ),
    passes: Example::with(examples::MINIMAL, r#""#, &[Setup::MaxProperties(2)]),
    ..DORIS_ERROR
};

/// Part of the script is not UTF-8.
pub static ENCODING: RuleDef = RuleDef {
    code: r#"ENCODING"#,
    kind: RuleKind::Limit,
    stage: Stage::Parse,
    messages: &[r#"invalid UTF-8: byte {byte} (byte {n} of the input) is not part of a character"#],
    summary: r#"Part of the script is not UTF-8."#,
    doc: r#"Doris reads statement text as UTF-8. A byte that cannot be part of a UTF-8 character (a Latin-1 `é` saved by an old editor, a truncated multi-byte character, binary data) makes the statement it falls in fail with this error, located at the byte; the other statements of the script still run. A byte-order mark at the start of the script is not an error: it is skipped, as editors hide it. Save the script as UTF-8 (`iconv -f latin1 -t utf-8`) to fix it."#,
    trips: Example::with(
        "SHOW ROUTINE LOAD; -- caf\u{fffd}",
        "\u{fffd}",
        &[Setup::ReplacementIsInvalidByte],
    ),
    passes: Example::with(
        "SHOW ROUTINE LOAD; -- caf\u{e9}",
        "",
        &[Setup::ReplacementIsInvalidByte],
    ),
    ..DORIS_ERROR
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&P0, &P1, &LIMIT, &ENCODING];
