//! Every Doris analysis rule: a case that trips it and one that passes, run in a session
//! on the fixture catalog, asserted, and snapshot-tested with the rendered output.

mod common;

use routine_load_fe::diagnostic::{RenderStyle, Severity};
use routine_load_fe::session::render::{text, Style};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions, StatementResult};

pub fn fixture_session(configure: impl FnOnce(&mut SessionOptions)) -> Session {
    let mut options = SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    };
    configure(&mut options);
    let mut s = Session::new(options);
    let failed = s.load_catalog_script(&common::read("tests/corpus/catalog.sql"));
    assert!(
        failed.is_empty(),
        "fixture catalog failed: {:?}",
        failed[0].diagnostics
    );
    s
}

pub struct Expectation {
    pub code: String,
    /// `None`: the code must not appear and the statement must be accepted.
    pub severity: Option<Severity>,
}

pub fn expectation(header: &str) -> (String, Expectation) {
    let (name, rest) = header
        .split_once(" expect ")
        .unwrap_or_else(|| panic!("bad case header: {header}"));
    let mut parts = rest.split_whitespace();
    let code = parts.next().unwrap().to_string();
    let severity = match parts.next().unwrap() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "note" => Some(Severity::Note),
        "none" => None,
        other => panic!("bad severity {other}"),
    };
    (name.to_string(), Expectation { code, severity })
}

pub fn check(name: &str, e: &Expectation, last: &StatementResult) {
    let found: Vec<_> = last
        .diagnostics
        .iter()
        .filter(|d| d.code == e.code)
        .collect();
    match e.severity {
        Some(Severity::Error) => {
            assert!(
                !last.ok,
                "{name}: expected {} to reject the statement",
                e.code
            );
            let first = last.first_error().expect("an error");
            assert_eq!(
                first.code, e.code,
                "{name}: the first error must be {}, got {} ({})",
                e.code, first.code, first.message
            );
            assert!(first.span.is_some(), "{name}: the error has no location");
        }
        Some(sev) => {
            assert!(
                found.iter().any(|d| d.severity == sev),
                "{name}: expected {} at {sev:?}, got {:?}",
                e.code,
                last.diagnostics
                    .iter()
                    .map(|d| (&d.code, d.severity))
                    .collect::<Vec<_>>()
            );
            assert!(
                last.ok,
                "{name}: a {sev:?} must not reject the statement: {:?}",
                last.first_error().map(|d| &d.message)
            );
        }
        None => {
            assert!(
                found.is_empty(),
                "{name}: {} must not fire: {:?}",
                e.code,
                found.iter().map(|d| &d.message).collect::<Vec<_>>()
            );
            assert!(
                last.ok,
                "{name}: expected acceptance, got {:?}",
                last.first_error().map(|d| (&d.code, &d.message))
            );
        }
    }
}

pub fn render_all(results: &[StatementResult], sql: &str) -> String {
    let style = Style {
        render: RenderStyle::Plain,
        show_plan: false,
        plan_json: false,
        reveal: false,
    };
    results
        .iter()
        .map(|r| {
            format!(
                "-- [{}] {} ok={}\n{}",
                r.index,
                r.kind,
                r.ok,
                text(r, sql, style)
            )
        })
        .collect()
}

#[test]
fn every_doris_rule_trips_and_passes() {
    let cases = common::cases(&common::read("tests/corpus/rules.sql"));
    assert!(cases.len() >= 150, "only {} rule cases", cases.len());
    for (header, sql) in cases {
        let (name, e) = expectation(&header);
        let mut s = fixture_session(|o| {
            if name.starts_with("C8") {
                o.config.max_routine_load_job_num = 0;
            }
        });
        if name.contains("no-db") {
            s.current_db = None;
        }
        let results = s.execute_sql(&sql);
        let last = results
            .last()
            .unwrap_or_else(|| panic!("{name}: no statement"));
        check(&name, &e, last);
        let out = render_all(&results, &sql);
        common::with_snapshots(|| insta::assert_snapshot!(format!("rule_{name}"), out));
    }
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
        .map(|d| (d.code.as_str(), d.severity))
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
    let errors: Vec<_> = r.errors().map(|d| d.code.as_str()).collect();
    assert_eq!(errors, ["T3", "J0", "J2", "K3", "K9"]);
}
