//! The online checks for the requests no broker here answers correctly for
//! librdkafka 1.9.2, against the scripted Kafka-protocol responder
//! (`common/responder.rs`): offsets for times, and SASL failures.

#![cfg(feature = "librdkafka")]

mod common;

use common::responder::{Responder, Script};
use routine_load_fe::online::OnlineOptions;
use routine_load_fe::session::{Session, SessionOptions, StatementResult};
use std::time::Duration;

fn run(sql: &str) -> StatementResult {
    let mut s = Session::new(SessionOptions {
        online: Some(OnlineOptions {
            timeout: Duration::from_secs(6),
        }),
        time_zone: "UTC".into(),
        ..SessionOptions::default()
    });
    s.load_demo().expect("demo catalog");
    s.execute_sql(sql).pop().expect("a statement")
}

fn create(bootstrap: &str, extra: &str) -> String {
    format!(
        "CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY \",\" FROM KAFKA (\"kafka_broker_list\" = \"{bootstrap}\", \"kafka_topic\" = \"clicks\"{extra});"
    )
}

fn ms(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap()
        .timestamp_millis()
}

#[test]
fn a_datetime_offset_plans_the_brokers_offset_for_that_time() {
    // Partition 0: messages at 10:00, 10:10, 10:20, 10:30; partition 1: at 09:00.
    let times: Vec<i64> = ["10:00", "10:10", "10:20", "10:30"]
        .iter()
        .map(|t| ms(&format!("2026-05-01T{t}:00Z")))
        .collect();
    let r = Responder::start(Script {
        topics: vec![(
            "clicks".into(),
            vec![times, vec![ms("2026-05-01T09:00:00Z")]],
        )],
        sasl: None,
    });
    let res = run(&create(
        &r.bootstrap(),
        r#", "kafka_partitions" = "0,1", "kafka_offsets" = "2026-05-01 10:15:00,2026-05-01 10:15:00""#,
    ));
    assert!(res.ok, "{:?}", res.diagnostics);
    let plan = res.plan.as_ref().unwrap();
    let begin: Vec<(i32, i64)> = common::task_offsets(plan).concat();
    // The first message at or after 10:15 is offset 2; partition 1 has none (-1).
    assert_eq!(begin, vec![(0, 2), (1, -1)]);
    let w = common::finding(&res, "ONLINE-6");
    assert!(w
        .message
        .contains("partition 1 has no message at or after 2026-05-01 10:15:00"));
    let online = plan.online.as_ref().unwrap();
    assert_eq!(online.offsets[0].resolved, Some(2));
    assert_eq!(
        (online.offsets[0].low, online.offsets[0].high),
        (Some(0), Some(4))
    );
}

fn sasl_script() -> Script {
    Script {
        topics: vec![("clicks".into(), vec![vec![]])],
        sasl: Some((
            vec!["PLAIN".into(), "SCRAM-SHA-512".into()],
            vec![("doris".into(), "right-password".into())],
        )),
    }
}

#[test]
fn bad_sasl_credentials_are_explained_without_the_password() {
    let r = Responder::start(sasl_script());
    let res = run(&create(
        &r.bootstrap(),
        r#", "kafka_partitions" = "0", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "doris", "property.sasl.password" = "wrong-password""#,
    ));
    assert!(!res.ok);
    let e = res.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    let help = e.help.as_deref().unwrap_or("");
    assert!(help.contains("Authentication failed"), "{help}");
    assert!(help.contains("user name and password"), "{help}");
    let all = format!("{:?}", res.diagnostics);
    assert!(!all.contains("wrong-password"));
    // A user the broker does not know is refused the same way.
    let res = run(&create(
        &r.bootstrap(),
        r#", "kafka_partitions" = "0", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "nobody", "property.sasl.password" = "right-password""#,
    ));
    assert!(!res.ok);
    assert!(common::error_help(&res).contains("Authentication failed"));
    // The right password passes.
    let ok = run(&create(
        &r.bootstrap(),
        r#", "kafka_partitions" = "0", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "doris", "property.sasl.password" = "right-password""#,
    ));
    assert!(ok.ok, "{:?}", ok.diagnostics);
}

#[test]
fn a_mechanism_the_broker_does_not_enable_is_explained() {
    let r = Responder::start(sasl_script());
    let res = run(&create(
        &r.bootstrap(),
        r#", "kafka_partitions" = "0", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "SCRAM-SHA-256", "property.sasl.username" = "doris", "property.sasl.password" = "right-password""#,
    ));
    assert!(!res.ok);
    let help = common::error_help(&res);
    assert!(
        help.contains("SCRAM-SHA-256") && help.contains("PLAIN"),
        "{help}"
    );
}
