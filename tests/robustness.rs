//! Hardening: mutated statements (tokens deleted, duplicated, swapped) and random
//! property lists always give a plan or located errors, never a panic, and the next
//! statement still runs; a 10 MB script is handled in bounded memory.

mod common;

use proptest::prelude::*;
use routine_load_fe::parser::lexer::Splitter;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};
use routine_load_fe::{DorisDialect, ParseOptions, Severity};
use sqlparser::tokenizer::{Token, Tokenizer};

fn corpus_statements() -> Vec<String> {
    let mut out = Vec::new();
    for f in [
        "tests/corpus/statements.sql",
        "tests/corpus/security.sql",
        "tests/corpus/plans.sql",
    ] {
        let text = common::read(f);
        out.extend(
            Splitter::new(&text)
                .map(|c| c.text.trim().to_string())
                .filter(|s| !s.is_empty() && !s.starts_with("-- case")),
        );
    }
    out
}

fn session() -> Session {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    });
    s.execute_sql("CREATE DATABASE db1; USE db1; CREATE TABLE t_dup (k1 INT, v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);");
    s
}

/// Runs `stmt` followed by a SHOW: every failing statement has a located error, and the
/// SHOW runs whenever the broken statement ended at its ';'.
fn check_runs(stmt: &str) -> Result<(), TestCaseError> {
    let script = format!("{stmt};\nSHOW ROUTINE LOAD;");
    let mut s = session();
    let results = s.execute_sql(&script);
    for r in &results {
        if !r.ok {
            let e = r.diagnostics.iter().find(|d| d.severity == Severity::Error);
            let e =
                e.ok_or_else(|| TestCaseError::fail(format!("failed without an error: {script}")))?;
            prop_assert!(
                e.span.is_some(),
                "error without a location: {} in {}",
                e.message,
                script
            );
        }
    }
    let show_is_last = Splitter::new(&script)
        .last()
        .is_some_and(|c| c.text.trim() == "SHOW ROUTINE LOAD");
    if show_is_last {
        prop_assert_eq!(
            results.last().map(|r| r.kind.as_str()),
            Some("show_routine_load"),
            "the next statement did not run: {}",
            script
        );
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
}

fn mutate(stmt: &str, muts: &[Mutation]) -> String {
    let Ok(mut tokens) = Tokenizer::new(&DorisDialect, stmt).tokenize() else {
        return stmt.to_string();
    };
    tokens.retain(|t| !matches!(t, Token::Whitespace(_)));
    for m in muts {
        let n = tokens.len();
        if n == 0 {
            break;
        }
        match *m {
            Mutation::Delete(i) => {
                tokens.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let t = tokens[i % n].clone();
                tokens.insert(i % n, t);
            }
            Mutation::Swap(i, j) => tokens.swap(i % n, j % n),
        }
    }
    tokens
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("kafka_broker_list".to_string()),
        Just("kafka_topic".to_string()),
        Just("kafka_partitions".to_string()),
        Just("kafka_offsets".to_string()),
        Just("property.kafka_default_offsets".to_string()),
        Just("property.security.protocol".to_string()),
        Just("property.sasl.mechanism".to_string()),
        Just("aws.region".to_string()),
        Just("aws.role_arn".to_string()),
        Just("aws.access_key".to_string()),
        Just("property.".to_string()),
        "property\\.[a-z._]{0,20}",
        "aws\\.[a-z._]{0,12}",
        "[ -~]{0,12}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("b-1.c.abc123.c1.kafka.us-east-1.amazonaws.com:9098".to_string()),
        Just("k1:9092,,k2:".to_string()),
        Just("0,1,2".to_string()),
        Just("OFFSET_BEGINNING,5,2024-01-01 00:00:00".to_string()),
        Just("SASL_SSL".to_string()),
        Just("AWS_MSK_IAM".to_string()),
        Just("arn:aws:iam::123456789012:role/R".to_string()),
        Just("2024-02-30 00:00:00".to_string()),
        "[0-9,]{0,12}",
        "[ -~]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn mutated_statements_never_panic(index in any::<usize>(), muts in prop::collection::vec(mutation(), 1..4)) {
        let stmts = corpus_statements();
        let stmt = &stmts[index % stmts.len()];
        check_runs(&mutate(stmt, &muts))?;
    }

    #[test]
    fn random_property_lists_never_panic(props in prop::collection::vec((key(), value()), 1..8), table in any::<bool>()) {
        let list: Vec<String> = props.iter().map(|(k, v)| format!("{} = {}", routine_load_fe::ast::quote_string(k), routine_load_fe::ast::quote_string(v))).collect();
        let on = if table { " ON t_dup" } else { "" };
        check_runs(&format!("CREATE ROUTINE LOAD j{on} PROPERTIES ({}) FROM KAFKA ({})", list.join(", "), list.join(", ")))?;
    }
}

#[test]
fn a_10_mb_statement_is_rejected_with_a_clear_error() {
    let big = format!(
        "CREATE ROUTINE LOAD j ON t FROM KAFKA (\"kafka_topic\" = \"{}\");\nSHOW ROUTINE LOAD;",
        "x".repeat(10 << 20)
    );
    let mut s = session();
    let results = s.execute_sql(&big);
    assert_eq!(results.len(), 2);
    let e = results[0].first_error().unwrap();
    assert_eq!(e.code(), "LIMIT");
    assert!(
        e.message.contains("more than the limit of 1048576 bytes"),
        "{}",
        e.message
    );
    assert_eq!(results[1].kind.as_str(), "show_routine_load");
}

#[test]
fn a_10_mb_script_runs_statement_by_statement() {
    // 10 MB of statements, run as a stream: results are handed over one at a time.
    let stmt = format!("SHOW ROUTINE LOAD LIKE 'job_{}%';\n", "x".repeat(120));
    let script = stmt.repeat((10 << 20) / stmt.len());
    let mut s = session();
    let mut count = 0usize;
    let mut failed = 0usize;
    s.run_script(&script, |r| {
        count += 1;
        failed += usize::from(!r.ok);
    });
    assert_eq!(count, (10 << 20) / stmt.len());
    assert_eq!(failed, 0);
    // Past the statement-count limit, the rest of the script is refused with one error.
    let opts = ParseOptions {
        max_statements: 1000,
        ..ParseOptions::default()
    };
    let parsed: Vec<_> = routine_load_fe::parser::statements(&script, &opts).collect();
    assert_eq!(parsed.len(), 1001);
    assert!(parsed[1000]
        .result
        .as_ref()
        .unwrap_err()
        .message
        .contains("more than 1000 statements"));
}
