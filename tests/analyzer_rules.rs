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

#[test]
fn every_doris_rule_has_a_tripping_and_a_passing_case() {
    let corpus = common::read("tests/corpus/rules.sql");
    let codes = [
        "P2", "P3", "N1", "N2", "N3", "N4", "N5", "T1", "T3", "T4", "T6",
    ]
    .into_iter()
    .map(String::from)
    .chain((1..=8).map(|i| format!("F{i}")))
    .chain((1..=5).map(|i| format!("L{i}")))
    .chain(
        (0..=16)
            .filter(|i| *i != 7 && *i != 10)
            .map(|i| format!("J{i}")),
    )
    .chain((1..=13).map(|i| format!("K{i}")))
    .chain(["M1", "M2"].map(String::from))
    .chain((1..=8).map(|i| format!("C{i}")))
    .chain([2, 5, 8, 9, 10, 11, 12].map(|i| format!("A{i}")))
    .chain(["S3", "S4", "S5", "W3", "W4", "W5", "W6", "W7"].map(String::from));
    for code in codes {
        let trips = ["error", "warning", "note"]
            .iter()
            .any(|s| corpus.contains(&format!("expect {code} {s}")));
        assert!(trips, "no case trips {code}");
        assert!(
            corpus.contains(&format!("expect {code} none")),
            "no case passes {code}"
        );
    }
}
