//! Malformed inputs: each gives a located error (snapshot-tested with its caret and
//! help), none panics, and the statement after a bad one is still parsed.

mod common;

use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::{parse_script, ParseOptions, Stage};

#[test]
fn malformed_inputs_give_located_errors() {
    let cases = common::cases(&common::read("tests/corpus/malformed.sql"));
    assert!(cases.len() >= 30, "only {} malformed cases", cases.len());
    for (name, sql) in cases {
        let parsed = parse_script(&sql, &ParseOptions::default());
        let mut out = String::new();
        let mut errors = 0;
        for p in &parsed {
            match &p.result {
                Ok(s) => out.push_str(&format!("ok: {s}\n")),
                Err(d) => {
                    errors += 1;
                    assert_eq!(d.stage, Stage::Parse, "{name}");
                    let span = d
                        .span
                        .unwrap_or_else(|| panic!("{name}: error without a location"));
                    assert!(span.start.line >= 1 && span.start.column >= 1, "{name}");
                    out.push_str(&format!(
                        "{}:{} {}\n",
                        span.start.line,
                        span.start.column,
                        render(
                            d,
                            &routine_load_fe::parser::mask::source(&sql),
                            RenderStyle::Plain
                        )
                    ));
                }
            }
        }
        assert!(errors >= 1, "{name}: no error for malformed input");
        common::with_snapshots(|| insta::assert_snapshot!(format!("parse_error_{name}"), out));
    }
}

#[test]
fn the_statement_after_a_bad_one_is_still_parsed() {
    let sql = "CREATE ROUTINE LOAD j ON t FROM KAFKA ();\nPAUSE ROUTINE LOAD FOR j;\nCREATE ROUTINE LOAD a.b.c ON t FROM KAFKA (\"x\"=\"y\");\nSHOW ROUTINE LOAD";
    let parsed = parse_script(sql, &ParseOptions::default());
    assert_eq!(parsed.len(), 4);
    assert!(parsed[0].result.is_err());
    assert_eq!(
        parsed[1].result.as_ref().unwrap().kind().as_str(),
        "pause_routine_load"
    );
    assert_eq!(parsed[2].result.as_ref().unwrap_err().code(), "P1");
    assert_eq!(
        parsed[3].result.as_ref().unwrap().kind().as_str(),
        "show_routine_load"
    );
    assert_eq!(parsed[3].sql(sql), "SHOW ROUTINE LOAD");
}

#[test]
fn empty_statements_are_ignored() {
    let parsed = parse_script(
        ";; -- nothing\n ; SHOW ROUTINE LOAD;;",
        &ParseOptions::default(),
    );
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].index, 0);
}

#[test]
fn limits_give_clear_errors() {
    let opts = ParseOptions {
        max_statement_bytes: 100,
        max_expression_depth: 10,
        max_properties: 3,
        max_list_items: 4,
        max_statements: 2,
        ..ParseOptions::default()
    };
    let long = format!("SHOW ROUTINE LOAD LIKE '{}'", "x".repeat(200));
    let err = parse_script(&long, &opts).remove(0).result.unwrap_err();
    assert_eq!(err.code(), "LIMIT");
    assert!(
        err.message.contains("more than the limit of 100 bytes"),
        "{}",
        err.message
    );

    let deep = format!(
        "SHOW ROUTINE LOAD TASK WHERE {}1{}",
        "(".repeat(30),
        ")".repeat(30)
    );
    let err = parse_script(&deep, &opts).remove(0).result.unwrap_err();
    assert_eq!(err.code(), "LIMIT");
    assert!(
        err.message.contains("deeper than the limit of 10"),
        "{}",
        err.message
    );

    let many =
        "CREATE ROUTINE LOAD j ON t FROM KAFKA (\"a\"=\"1\",\"b\"=\"2\",\"c\"=\"3\",\"d\"=\"4\")";
    let err = parse_script(many, &opts).remove(0).result.unwrap_err();
    assert!(
        err.message.contains("more than 3 properties"),
        "{}",
        err.message
    );
    assert_eq!(
        err.span.unwrap().start.column,
        64,
        "points at the 4th property"
    );

    let parts = "CREATE ROUTINE LOAD j ON t PARTITION(a,b,c,d,e) FROM KAFKA (\"x\"=\"y\")";
    let err = parse_script(parts, &opts).remove(0).result.unwrap_err();
    assert!(err.message.contains("more than 4 items"), "{}", err.message);

    let script = "SHOW ROUTINE LOAD; SHOW ROUTINE LOAD; SHOW ROUTINE LOAD; SHOW ROUTINE LOAD";
    let parsed = parse_script(script, &opts);
    assert_eq!(parsed.len(), 3);
    assert!(parsed[2]
        .result
        .as_ref()
        .unwrap_err()
        .message
        .contains("more than 2 statements"));
}
