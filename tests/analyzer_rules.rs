//! Every Doris analysis rule: a case that trips it and one that passes, run in a session
//! on the fixture catalog, asserted, and snapshot-tested with the rendered output.

mod common;

use common::{fixture_session, render_all};
use routine_load_fe::diagnostics::Severity;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

#[test]
fn every_doris_rule_trips_and_passes() {
    common::run_case_corpus("tests/corpus/rules.sql", 150, "rule", |name| {
        let mut s = fixture_session(|o| {
            if name.starts_with("C8") {
                o.config.max_routine_load_job_num = 0;
            }
        });
        if name.contains("no-db") {
            s.current_db = None;
        }
        s
    });
}

#[test]
fn without_a_catalog_table_checks_are_skipped_with_a_note() {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    });
    let sql = "CREATE ROUTINE LOAD somedb.j ON any_table WITH MERGE DELETE ON x = 1, PARTITION(p9) FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\", \"property.ssl.ca.location\" = \"FILE:ca.pem\");";
    let results = s.execute_sql(sql);
    let r = &results[0];
    assert!(r.ok, "{:?}", r.first_error());
    let codes: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.severity))
        .collect();
    assert!(codes.contains(&("NO-CATALOG", Severity::Note)), "{codes:?}");
    assert!(codes.contains(&("NO-FILES", Severity::Note)), "{codes:?}");
    common::with_snapshots(|| {
        insta::assert_snapshot!("rule_open_world", render_all(&results, sql))
    });
}

#[test]
fn all_independent_errors_are_reported_first_is_dorises() {
    let mut s = fixture_session(|_| {});
    let sql = "CREATE ROUTINE LOAD j ON no_table PROPERTIES (\"max_error_number\" = \"-1\", \"bogus\" = \"1\") FROM KAFKA (\"kafka_broker_list\" = \"k1:\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0,1\", \"kafka_offsets\" = \"1\")";
    let r = s.execute_sql(sql).remove(0);
    let errors: Vec<_> = r.errors().map(|d| d.code()).collect();
    assert_eq!(errors, ["T3", "J0", "J2", "K3", "K9"]);
}

/// SHOW ROUTINE LOAD TASK FROM db answers as Doris 4.1 does: it looks at no database
/// and no name, and shows the first active job its job map walks (Q16); it fails only
/// when no job is active anywhere.
#[test]
fn show_task_from_db_shows_the_first_active_job_doris_walks() {
    let mut s = routine_load_fe::Session::new(routine_load_fe::SessionOptions {
        ids: Box::new(routine_load_fe::session::DeterministicIds::default()),
        ..Default::default()
    });
    s.load_demo().unwrap();
    let run = |s: &mut routine_load_fe::Session, sql: &str| s.execute_sql(sql).remove(0);
    let none = run(
        &mut s,
        r#"SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "nosuch""#,
    );
    assert_eq!(
        none.first_error().unwrap().message,
        "The job named nosuchdoes not exists or job state is stopped or cancelled"
    );
    for name in ["a", "b"] {
        let r = run(
            &mut s,
            &format!(
                r#"CREATE ROUTINE LOAD demo.{name} ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#
            ),
        );
        assert!(r.ok);
    }
    // Doris never looks the name up: any active job makes the statement succeed.
    let other = run(
        &mut s,
        r#"SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "nosuch""#,
    );
    assert!(other.ok, "{:?}", other.diagnostics);
    let w = &other.diagnostics[0];
    assert_eq!(w.code(), "Q16");
    assert!(
        w.message.contains("job a of database demo"),
        "{}",
        w.message
    );
    // Job a (id 10001) comes first in the walk; stopped, b is shown.
    assert!(run(&mut s, "STOP ROUTINE LOAD FOR demo.a").ok);
    let next = run(
        &mut s,
        r#"SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "a""#,
    );
    assert!(next.ok);
    assert!(
        next.diagnostics[0]
            .message
            .contains("job b of database demo"),
        "{}",
        next.diagnostics[0].message
    );
    // The named job is the one walked first: nothing to warn about.
    let same = run(
        &mut s,
        r#"SHOW ROUTINE LOAD TASK FROM demo WHERE JobName = "b""#,
    );
    assert!(
        same.ok && same.diagnostics.is_empty(),
        "{:?}",
        same.diagnostics
    );
    // Without FROM the name is looked up in the current database.
    let named = run(&mut s, r#"SHOW ROUTINE LOAD TASK WHERE JobName = "a""#);
    assert!(named.first_error().is_some());
}

/// An ALTER checks the given partitions against the job's progress even when it changes
/// the topic (A12), and resolves FILE: references as CREATE does (C5).
#[test]
fn alter_checks_partitions_before_a_topic_change_and_resolves_files() {
    let mut s = routine_load_fe::Session::new(routine_load_fe::SessionOptions {
        ids: Box::new(routine_load_fe::session::DeterministicIds::default()),
        ..Default::default()
    });
    s.load_demo().unwrap();
    let run = |s: &mut routine_load_fe::Session, sql: &str| s.execute_sql(sql).remove(0);
    assert!(run(&mut s, r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "0,0")"#).ok);
    assert!(run(&mut s, "PAUSE ROUTINE LOAD FOR j").ok);
    let moved = run(
        &mut s,
        r#"ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_topic" = "t2", "kafka_partitions" = "2", "kafka_offsets" = "5")"#,
    );
    let e = moved.first_error().expect("rejected");
    assert_eq!(
        (e.code(), e.message.as_ref()),
        (
            "A12",
            "The specified partition 2 is not in the consumed partitions"
        )
    );
    // A consumed partition with a new topic: the new progress holds it alone.
    assert!(run(&mut s, r#"ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_topic" = "t2", "kafka_partitions" = "1", "kafka_offsets" = "5")"#).ok);
    let shown = run(&mut s, "SHOW ROUTINE LOAD FOR j");
    let rows = shown.rows.unwrap();
    let sources = rows
        .columns
        .iter()
        .position(|c| c == "DataSourceProperties")
        .unwrap();
    assert!(
        rows.rows[0][sources].contains("\"topic\":\"t2\""),
        "{:?}",
        rows.rows[0][sources]
    );
    let progress = rows.columns.iter().position(|c| c == "Progress").unwrap();
    assert_eq!(rows.rows[0][progress], r#"{"1":"4"}"#);
    let missing = run(
        &mut s,
        r#"ALTER ROUTINE LOAD FOR j FROM KAFKA ("property.ssl.ca.location" = "FILE:nosuch.pem")"#,
    );
    let e = missing.first_error().expect("rejected");
    assert_eq!(
        (e.code(), e.message.as_ref()),
        ("C5", "File does not exist")
    );
    assert!(
        run(
            &mut s,
            r#"ALTER ROUTINE LOAD FOR j FROM KAFKA ("property.ssl.ca.location" = "FILE:ca.pem")"#
        )
        .ok
    );
}
