//! The online checks against real Kafka brokers started here: librdkafka's own mock
//! cluster (the Kafka wire protocol on 127.0.0.1, with correct watermarks and fault
//! injection), with topics, partitions and messages the tests make.

#![cfg(feature = "librdkafka")]

mod common;

use routine_load_fe::diagnostics::Severity;
use routine_load_fe::online::mock::MockCluster;
use routine_load_fe::online::OnlineOptions;
use routine_load_fe::session::{Session, SessionOptions, StatementResult};
use std::time::{Duration, Instant};

fn session(timeout: Duration) -> Session {
    let mut s = Session::new(SessionOptions {
        online: Some(OnlineOptions { timeout }),
        ..SessionOptions::default()
    });
    s.load_demo().expect("demo catalog");
    s
}

fn create(brokers: &str, topic: &str, extra: &str, job_props: &str) -> String {
    format!(
        "CREATE ROUTINE LOAD j ON example_tbl COLUMNS TERMINATED BY \",\"\n{job_props}\nFROM KAFKA (\n  \"kafka_broker_list\" = \"{brokers}\",\n  \"kafka_topic\" = \"{topic}\"{extra}\n);"
    )
}

fn run(s: &mut Session, sql: &str) -> StatementResult {
    s.execute_sql(sql).pop().expect("one statement")
}

fn codes(r: &StatementResult) -> Vec<String> {
    r.diagnostics.iter().map(|d| d.code().to_string()).collect()
}

fn begin_offsets(r: &StatementResult) -> Vec<Vec<(i32, i64)>> {
    common::task_offsets(r.plan.as_ref().expect("a plan"))
}

#[test]
fn a_job_without_partitions_plans_the_topics_partitions_at_their_watermarks() {
    let mc = MockCluster::new(3).unwrap();
    mc.create_topic("orders", 5).unwrap();
    mc.produce("orders", 0, 7).unwrap();
    mc.produce("orders", 3, 2).unwrap();
    let mut s = session(Duration::from_secs(10));
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "orders",
            "",
            "PROPERTIES (\"desired_concurrent_number\" = \"2\")",
        ),
    );
    assert!(r.ok, "{:?}", r.diagnostics);
    let online_warnings = r
        .diagnostics
        .iter()
        .filter(|d| d.stage.as_str() == "online" && d.severity <= Severity::Warning)
        .count();
    assert_eq!(online_warnings, 0, "{:?}", codes(&r));
    // Doris: min(desired, partitions) tasks, partitions dealt round robin; OFFSET_END
    // resolved to each partition's high watermark.
    assert_eq!(
        begin_offsets(&r),
        vec![vec![(0, 7), (2, 0), (4, 0)], vec![(1, 0), (3, 2)]]
    );
    let online = r.plan.as_ref().unwrap().online.as_ref().unwrap();
    assert_eq!(online.partitions, vec![0, 1, 2, 3, 4]);
    assert_eq!(online.advertised.len(), 3);
    assert!(online.bootstrap.iter().all(|b| b.reached));
    let p0 = online.offsets.iter().find(|o| o.partition == 0).unwrap();
    assert_eq!(
        (p0.given.as_str(), p0.low, p0.high, p0.resolved),
        ("OFFSET_END", Some(0), Some(7), Some(7))
    );
    let json = r.plan.as_ref().unwrap().to_json(false);
    assert_eq!(json["online"]["offsets"][0]["given"], "OFFSET_END");
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code() == "ONLINE" && d.stage.as_str() == "online"));
}

#[test]
fn a_partition_the_topic_lacks_fails_with_doris_text_at_the_list() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("t3", 3).unwrap();
    let mut s = session(Duration::from_secs(10));
    let sql = create(
        &mc.bootstraps(),
        "t3",
        ",\n  \"kafka_partitions\" = \"0,1,5\"",
        "",
    );
    let r = run(&mut s, &sql);
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    assert_eq!(
        e.message.to_string(),
        "there is a custom kafka partition 5 which is invalid for topic t3"
    );
    let span = e.span.unwrap();
    assert_eq!((span.start.line, span.start.column), (6, 24));
    assert!(s.jobs.iter().next().is_none(), "no job is created");
    // The same statement with partitions the topic has is accepted, at BEGINNING.
    let ok = create(
        &mc.bootstraps(),
        "t3",
        ",\n  \"kafka_partitions\" = \"0,2\",\n  \"kafka_offsets\" = \"OFFSET_BEGINNING,OFFSET_END\"",
        "",
    );
    mc.produce("t3", 2, 4).unwrap();
    let r = run(&mut s, &ok);
    assert!(r.ok, "{:?}", r.diagnostics);
    assert_eq!(begin_offsets(&r), vec![vec![(0, 0)], vec![(2, 4)]]);
}

#[test]
fn offsets_out_of_range_and_offset_end_on_an_empty_topic_warn() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("full", 1).unwrap();
    mc.produce("full", 0, 10).unwrap();
    mc.create_topic("empty", 2).unwrap();
    let mut s = session(Duration::from_secs(10));
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "full",
            ",\n  \"kafka_partitions\" = \"0\",\n  \"kafka_offsets\" = \"100\"",
            "",
        ),
    );
    assert!(r.ok, "Doris accepts it");
    let w = common::finding(&r, "ONLINE-4");
    assert!(
        w.message
            .contains("offset 100 of partition 0 is past its end 10"),
        "{}",
        w.message
    );
    assert!(w.message.contains(
        "offset set in job: 100 is greater than kafka latest offset: 10 partition id: 0"
    ));
    let r = run(
        &mut s,
        &create(&mc.bootstraps(), "empty", "", "")
            .replace("CREATE ROUTINE LOAD j ", "CREATE ROUTINE LOAD j2 "),
    );
    assert!(r.ok);
    let w = common::finding(&r, "ONLINE-5");
    assert!(
        w.message
            .contains("topic empty has no message: OFFSET_END starts at 0:0,1:0"),
        "{}",
        w.message
    );
}

#[test]
fn a_datetime_offset_is_asked_of_the_broker() {
    // librdkafka 1.9.2's mock answers every lookup by time with -1 (no message at or
    // after the time); Doris then keeps OFFSET_END.
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("timed", 1).unwrap();
    mc.produce("timed", 0, 3).unwrap();
    let mut s = session(Duration::from_secs(10));
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "timed",
            ",\n  \"kafka_partitions\" = \"0\",\n  \"kafka_offsets\" = \"2030-01-01 00:00:00\"",
            "",
        ),
    );
    assert!(r.ok);
    let w = common::finding(&r, "ONLINE-6");
    assert!(w
        .message
        .contains("partition 0 has no message at or after 2030-01-01 00:00:00"));
    assert_eq!(begin_offsets(&r), vec![vec![(0, -1)]]);
}

#[test]
fn a_stopped_broker_gives_a_located_error_within_the_timeout() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("t", 1).unwrap();
    mc.broker_down(-1).unwrap();
    let timeout = Duration::from_secs(3);
    let mut s = session(timeout);
    let sql = create(
        &mc.bootstraps(),
        "t",
        ",\n  \"kafka_partitions\" = \"0\"",
        "",
    );
    let started = Instant::now();
    let r = run(&mut s, &sql);
    assert!(
        started.elapsed() < timeout + Duration::from_secs(2),
        "bounded by the timeout"
    );
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    assert_eq!(e.message.to_string(), "Failed to get all partitions of kafka topic: t error: errCode = 2, detailMessage = Failed to get info");
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("Connection refused"),
        "{:?}",
        e.help
    );
    assert!(e.span.is_some());
    let w = common::finding(&r, "ONLINE-1");
    assert_eq!(w.span.unwrap().start.line, 4, "at the broker list");
    // Without kafka_partitions Doris accepts the job; it pauses when scheduled.
    let r = run(&mut s, &create(&mc.bootstraps(), "t", "", ""));
    assert!(r.ok);
    assert!(
        codes(&r).contains(&"ONLINE-2".to_string()),
        "{:?}",
        codes(&r)
    );
    // The next statement still runs, and the broker back up answers.
    mc.broker_up(-1).unwrap();
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "t",
            ",\n  \"kafka_partitions\" = \"0\"",
            "",
        )
        .replace("LOAD j ", "LOAD j9 "),
    );
    assert!(r.ok, "{:?}", r.diagnostics);
}

#[test]
fn an_unknown_topic_is_doris_failure_with_the_brokers_reason() {
    let mc = MockCluster::new(1).unwrap();
    mc.set_topic_error(
        "missing",
        rdkafka_sys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
    );
    let mut s = session(Duration::from_secs(10));
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "missing",
            ",\n  \"kafka_partitions\" = \"0\"",
            "",
        ),
    );
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("Unknown topic or partition"),
        "{:?}",
        e.help
    );
}

#[test]
fn a_tls_client_against_a_plaintext_broker_is_refused_with_librdkafkas_reason() {
    // MSK IAM settings against a plaintext broker: the BE's token is signed and set
    // through the OAUTHBEARER callback, then the TLS handshake fails.
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("secure", 1).unwrap();
    let mut s = session(Duration::from_secs(4));
    let extra = ",\n  \"kafka_partitions\" = \"0\",\n  \"property.security.protocol\" = \"SASL_SSL\",\n  \"property.sasl.mechanism\" = \"OAUTHBEARER\",\n  \"aws.region\" = \"us-east-1\",\n  \"aws.access_key\" = \"AKIAIOSFODNN7EXAMPLE\",\n  \"aws.secret_key\" = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"";
    let r = run(&mut s, &create(&mc.bootstraps(), "secure", extra, ""));
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "ONLINE-C6");
    let help = e.help.as_deref().unwrap_or("");
    assert!(help.to_ascii_lowercase().contains("ssl"), "{help}");
    let refused = common::finding(&r, "ONLINE-1");
    assert!(
        refused.message.contains("refused the client"),
        "{}",
        refused.message
    );
    let all = format!("{:?}", r.diagnostics);
    assert!(!all.contains("EXAMPLEKEY"), "no secret in any finding");
}

#[test]
fn the_msk_iam_token_is_refreshed_before_it_expires() {
    use routine_load_fe::be::msk_iam::AwsCredentials;
    use routine_load_fe::online::client::{Connection, IamSigning};
    // A five-second token: librdkafka asks for the next one at 80 % of its life (4 s).
    let mc = MockCluster::new(1).unwrap();
    let settings: Vec<(String, String)> = [
        ("bootstrap.servers", mc.bootstraps().as_str()),
        ("security.protocol", "SASL_SSL"),
        ("sasl.mechanism", "OAUTHBEARER"),
        ("group.id", "rlfe-refresh"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
    .collect();
    let conn = Connection::open(
        &settings,
        Some(IamSigning {
            credentials: AwsCredentials::new(
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                None,
            ),
            region: "us-east-1".into(),
            expires_seconds: 5,
        }),
    )
    .unwrap();
    let started = Instant::now();
    let first = conn.collected().iam;
    assert_eq!(
        first.len(),
        1,
        "the first token is set at creation: {first:?}"
    );
    assert!(
        first[0].starts_with("token set for region us-east-1 (AKIA****)"),
        "{first:?}"
    );
    while conn.collected().iam.len() < 2 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let notes = conn.collected().iam;
    assert!(notes.len() >= 2, "refreshed: {notes:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "before the first token expired"
    );
    assert!(!format!("{notes:?}").contains("EXAMPLEKEY"));
}

#[test]
fn an_alter_of_a_discovered_job_checks_its_partitions_against_the_topic() {
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("logs", 3).unwrap();
    mc.produce("logs", 2, 5).unwrap();
    let mut s = session(Duration::from_secs(10));
    assert!(run(&mut s, &create(&mc.bootstraps(), "logs", "", "")).ok);
    assert!(run(&mut s, "PAUSE ROUTINE LOAD FOR j;").ok);
    let bad = "ALTER ROUTINE LOAD FOR j FROM KAFKA (\"kafka_partitions\" = \"0,5\", \"kafka_offsets\" = \"1,1\");";
    let r = run(&mut s, bad);
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(e.code(), "A12");
    assert_eq!(
        e.message.to_string(),
        "The specified partition 5 is not in the consumed partitions"
    );
    assert_eq!(
        e.span.unwrap().start.column,
        59,
        "at the value of kafka_partitions"
    );
    let good = "ALTER ROUTINE LOAD FOR j FROM KAFKA (\"kafka_partitions\" = \"0,2\", \"kafka_offsets\" = \"0,9\");";
    let r = run(&mut s, good);
    assert!(r.ok, "{:?}", r.diagnostics);
    assert!(
        !codes(&r).contains(&"A12".to_string()),
        "answered online: {:?}",
        codes(&r)
    );
    let w = common::finding(&r, "ONLINE-4");
    assert!(
        w.message
            .contains("offset 9 of partition 2 is past its end 5"),
        "{}",
        w.message
    );
}

#[test]
fn an_injected_listoffsets_error_is_doris_failure_to_get_real_offsets() {
    use rdkafka_sys::rd_kafka_resp_err_t as E;
    let mc = MockCluster::new(1).unwrap();
    mc.create_topic("flaky", 1).unwrap();
    // Every ListOffsets answer of the check fails (not retriable).
    mc.push_request_errors(2, &[E::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED; 8]);
    let mut s = session(Duration::from_secs(5));
    let r = run(
        &mut s,
        &create(
            &mc.bootstraps(),
            "flaky",
            ",\n  \"kafka_partitions\" = \"0\"",
            "",
        ),
    );
    assert!(!r.ok);
    let e = r.first_error().unwrap();
    assert_eq!(
        e.message.to_string(),
        "Failed to get real offsets of kafka topic: flaky. error: errCode = 2, detailMessage = Failed to get info"
    );
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("failed to get latest offset for partition: 0"),
        "{:?}",
        e.help
    );
}

#[test]
fn a_name_that_does_not_resolve_and_a_broker_that_never_answers_are_told_apart() {
    let mut s = session(Duration::from_secs(3));
    let r = run(
        &mut s,
        &create("rlfe-no-such-broker.invalid:9092", "t", "", ""),
    );
    assert!(r.ok, "Doris accepts a job without kafka_partitions");
    let w = r
        .diagnostics
        .iter()
        .find(|d| d.code() == "ONLINE-1")
        .unwrap();
    assert!(
        w.message.contains("the host name does not resolve"),
        "{}",
        w.message
    );
    // A listener that accepts and never answers: the check ends at its timeout.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    let hold = std::thread::spawn(move || {
        let conns: Vec<_> = silent.incoming().take(3).collect();
        std::thread::sleep(Duration::from_secs(6));
        drop(conns);
    });
    let started = Instant::now();
    let r = run(
        &mut s,
        &create(
            &addr.to_string(),
            "t",
            ",\n  \"kafka_partitions\" = \"0\"",
            "",
        )
        .replace("LOAD j ", "LOAD j2 "),
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "bounded by the 3 s timeout"
    );
    assert!(!r.ok);
    let help = common::error_help(&r);
    assert!(
        help.contains("did not answer the client's first request"),
        "{help}"
    );
    drop(hold);
}

/// A TLS listener on 127.0.0.1 whose certificate names `host`, signed by a CA made
/// here; returns its address and the CA's PEM.
fn tls_listener(host: &str) -> (std::net::SocketAddr, String) {
    use openssl::asn1::Asn1Time;
    use openssl::hash::MessageDigest;
    use openssl::pkey::PKey;
    use openssl::rsa::Rsa;
    use openssl::ssl::{SslAcceptor, SslMethod};
    use openssl::x509::extension::{BasicConstraints, SubjectAlternativeName};
    use openssl::x509::{X509NameBuilder, X509};
    let make = |cn: &str| {
        let key = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let mut name = X509NameBuilder::new().unwrap();
        name.append_entry_by_text("CN", cn).unwrap();
        (key, name.build())
    };
    let (ca_key, ca_name) = make("rlfe test CA");
    let mut ca = X509::builder().unwrap();
    ca.set_version(2).unwrap();
    ca.set_subject_name(&ca_name).unwrap();
    ca.set_issuer_name(&ca_name).unwrap();
    ca.set_pubkey(&ca_key).unwrap();
    ca.set_not_before(&Asn1Time::days_from_now(0).unwrap())
        .unwrap();
    ca.set_not_after(&Asn1Time::days_from_now(2).unwrap())
        .unwrap();
    ca.append_extension(BasicConstraints::new().critical().ca().build().unwrap())
        .unwrap();
    ca.sign(&ca_key, MessageDigest::sha256()).unwrap();
    let ca = ca.build();
    let (key, name) = make(host);
    let mut cert = X509::builder().unwrap();
    cert.set_version(2).unwrap();
    cert.set_subject_name(&name).unwrap();
    cert.set_issuer_name(ca.subject_name()).unwrap();
    cert.set_pubkey(&key).unwrap();
    cert.set_not_before(&Asn1Time::days_from_now(0).unwrap())
        .unwrap();
    cert.set_not_after(&Asn1Time::days_from_now(2).unwrap())
        .unwrap();
    let san = SubjectAlternativeName::new()
        .dns(host)
        .build(&cert.x509v3_context(Some(&ca), None))
        .unwrap();
    cert.append_extension(san).unwrap();
    cert.sign(&ca_key, MessageDigest::sha256()).unwrap();
    let cert = cert.build();
    let mut acceptor = SslAcceptor::mozilla_intermediate(SslMethod::tls()).unwrap();
    acceptor.set_private_key(&key).unwrap();
    acceptor.set_certificate(&cert).unwrap();
    let acceptor = acceptor.build();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for conn in listener.incoming().take(8).flatten() {
            let _ = acceptor.accept(conn);
        }
    });
    (addr, String::from_utf8(ca.to_pem().unwrap()).unwrap())
}

#[test]
fn tls_failures_name_the_certificate_problem() {
    let dir = std::env::temp_dir().join(format!("rlfe-online-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // An unknown CA: the broker's certificate cannot be verified.
    let (addr, ca_pem) = tls_listener("localhost");
    let mut s = session(Duration::from_secs(3));
    let r = run(
        &mut s,
        &create(
            &addr.to_string(),
            "t",
            ",\n  \"kafka_partitions\" = \"0\",\n  \"property.security.protocol\" = \"SSL\"",
            "",
        ),
    );
    assert!(!r.ok);
    let help = common::error_help(&r);
    assert!(help.contains("certificate verify failed"), "{help}");
    assert!(help.contains("ssl.ca.location"), "{help}");
    // The right CA, registered as a small file, but a certificate for another host.
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &ca_pem).unwrap();
    let (addr, ca_pem2) = tls_listener("broker.example.com");
    let ca2 = dir.join("ca2.pem");
    std::fs::write(&ca2, &ca_pem2).unwrap();
    let catalog = format!("CREATE FILE \"ca2.pem\" IN demo PROPERTIES (\"url\" = \"file://{}\", \"catalog\" = \"kafka\");", ca2.display());
    assert!(s.execute_sql(&catalog).iter().all(|r| r.ok), "CREATE FILE");
    let r = run(
        &mut s,
        &create(
            &addr.to_string(),
            "t",
            ",\n  \"kafka_partitions\" = \"0\",\n  \"property.security.protocol\" = \"SSL\",\n  \"property.ssl.ca.location\" = \"FILE:ca2.pem\",\n  \"property.ssl.endpoint.identification.algorithm\" = \"https\"",
            "",
        )
        .replace("LOAD j ", "LOAD j2 "),
    );
    assert!(!r.ok);
    let help = common::error_help(&r);
    assert!(
        help.contains("certificate verify failed")
            && help.contains("OpenSSL's verdict")
            && help.contains("address mismatch")
            && help.contains("does not name the host"),
        "{help}"
    );
    std::fs::remove_dir_all(dir).ok();
}
