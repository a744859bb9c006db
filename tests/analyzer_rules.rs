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
