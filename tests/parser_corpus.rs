//! The parser corpus: every statement parses, renders canonically (snapshot), and
//! survives the Display round trip.

mod common;

use routine_load_fe::ast::*;
use routine_load_fe::{parse_script, parse_statement, ParseOptions};

const CORPUS: &str = "tests/corpus/statements.sql";

#[test]
fn corpus_has_at_least_80_statements_and_all_parse() {
    let sql = common::read(CORPUS);
    let parsed = parse_script(&sql, &ParseOptions::default());
    assert!(parsed.len() >= 80, "corpus has {} statements", parsed.len());
    for p in &parsed {
        if let Err(e) = &p.result {
            panic!(
                "statement {} failed: {} at {:?}\n{}",
                p.index,
                e.message,
                e.span,
                p.sql(&sql)
            );
        }
    }
}

#[test]
fn corpus_canonical_rendering() {
    let sql = common::read(CORPUS);
    let mut out = String::new();
    for p in parse_script(&sql, &ParseOptions::default()) {
        let stmt = p.result.expect("corpus statement parses");
        out.push_str(&format!(
            "-- [{}] {} (line {})\n{stmt};\n",
            p.index,
            stmt.kind(),
            p.start.line
        ));
    }
    common::with_snapshots(|| insta::assert_snapshot!("parser_corpus_canonical", out));
}

#[test]
fn corpus_round_trips_through_display() {
    let sql = common::read(CORPUS);
    for p in parse_script(&sql, &ParseOptions::default()) {
        let stmt = p.result.expect("corpus statement parses");
        // `{:#}` reveals secrets: the canonical SQL a gateway forwards.
        let rendered = format!("{stmt:#}");
        let again = parse_statement(&rendered)
            .unwrap_or_else(|e| panic!("re-parse failed: {}\n{rendered}", e.message));
        assert_eq!(stmt, again, "round trip changed the AST:\n{rendered}");
        // Canonical rendering is a fixed point.
        assert_eq!(rendered, format!("{again:#}"));
    }
}

#[test]
fn display_masks_secrets_and_alternate_reveals() {
    let stmt = parse_statement(
        r#"CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_broker_list" = "b:9092", "kafka_topic" = "t", "property.sasl.password" = "hunter2", "aws.secret_key" = "wJalrXUtnFEMI")"#,
    )
    .unwrap();
    let shown = stmt.to_string();
    assert!(
        !shown.contains("hunter2") && !shown.contains("wJalrXUtnFEMI"),
        "{shown}"
    );
    assert!(shown.contains(r#""property.sasl.password" = "******""#));
    let debug = format!("{stmt:?}");
    assert!(
        !debug.contains("hunter2") && !debug.contains("wJalrXUtnFEMI"),
        "{debug}"
    );
    assert!(format!("{stmt:#}").contains("hunter2"));
}

#[test]
fn spans_point_at_names_keys_values_and_clauses() {
    let sql = "CREATE ROUTINE LOAD db.job1 ON tbl\nCOLUMNS(k1, k2 = k1 + 1),\nWHERE k1 > 0\nFROM KAFKA (\n  \"kafka_topic\" = \"t\"\n)";
    let Statement::CreateRoutineLoad(c) = parse_statement(sql).unwrap() else {
        panic!("not a create")
    };
    let at = |s: Span| (s.start.line, s.start.column, s.end.line, s.end.column);
    assert_eq!(at(c.name.db.as_ref().unwrap().span), (1, 21, 1, 23));
    assert_eq!(at(c.name.name.span), (1, 24, 1, 28));
    assert_eq!(at(c.table.as_ref().unwrap().span), (1, 32, 1, 35));
    assert_eq!(at(c.load_properties[0].span()), (2, 1, 2, 25));
    let LoadProperty::Columns { items, .. } = &c.load_properties[0] else {
        panic!()
    };
    assert_eq!(at(items[1].expr.as_ref().unwrap().span), (2, 18, 2, 24));
    let LoadProperty::Where { expr, span } = &c.load_properties[1] else {
        panic!()
    };
    assert_eq!(at(*span), (3, 1, 3, 13));
    assert_eq!(at(expr.span), (3, 7, 3, 13));
    let p = &c.source.properties.entries[0];
    assert_eq!(at(p.key.span), (5, 3, 5, 16));
    assert_eq!(at(p.value.span), (5, 19, 5, 22));
    assert_eq!(at(c.source.source_type.span), (4, 6, 4, 11));
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let Statement::CreateRoutineLoad(c) = parse_statement(
        r#"CREATE ROUTINE LOAD j ON t PROPERTIES ("a" = "1", "b" = "2", "a" = "3") FROM KAFKA ("x" = "y")"#,
    )
    .unwrap() else {
        panic!()
    };
    let keys: Vec<_> = c
        .properties
        .unwrap()
        .entries
        .iter()
        .map(|p| format!("{}={}", p.key(), p.value()))
        .collect();
    assert_eq!(keys, ["a=1", "b=2", "a=3"]);
}

#[test]
fn property_text_follows_doris_rules() {
    // quoted and unquoted keys and values are the same property; constants keep
    // their source text.
    let a = parse_statement(r#"CREATE ROUTINE LOAD j ON t PROPERTIES ("desired_concurrent_number" = "3", "strict_mode" = "TRUE") FROM KAFKA ("x" = "y")"#).unwrap();
    let b = parse_statement("CREATE ROUTINE LOAD j ON t PROPERTIES (desired_concurrent_number = 3, `strict_mode` = TRUE) FROM KAFKA (x = y)").unwrap();
    assert_eq!(a, b);
    let Statement::CreateRoutineLoad(c) = parse_statement("CREATE ROUTINE LOAD j ON t PROPERTIES (\"max_filter_ratio\" = 0.5, \"max_error_number\" = -1, \" format\" = 'csv') FROM KAFKA (\"x\" = \"y\")").unwrap() else { panic!() };
    let props = c.properties.unwrap();
    assert_eq!(props.entries[0].value(), "0.5");
    assert_eq!(props.entries[1].value(), "-1");
    assert_eq!(props.entries[2].key(), " format", "keys are not trimmed");
}

#[test]
fn separator_literal_is_kept_raw() {
    let Statement::CreateRoutineLoad(c) = parse_statement(r#"CREATE ROUTINE LOAD j ON t COLUMNS TERMINATED BY "\x01", WHERE a = '\t' FROM KAFKA ("x" = "y")"#).unwrap() else { panic!() };
    assert!(
        matches!(&c.load_properties[0], LoadProperty::ColumnSeparator { raw, .. } if raw == r"\x01")
    );
}

#[test]
fn other_statements_are_handed_back_for_routing() {
    let s = parse_statement("SELECT a FROM t WHERE b = 1").unwrap();
    assert_eq!(s.kind().as_str(), "other");
    assert!(matches!(s, Statement::Other(_)));
}
