//! The checks of one Kafka job, in the order Doris meets them: the brokers, the
//! topic's metadata (`get_partition_meta`), the partitions of `kafka_partitions`
//! (`checkCustomPartition`), then each partition's offsets (`getRealOffsets`,
//! `getOffsetsForTimes`).

use super::client::{Collected, Connection, Failure, IamSigning, OpenError, TopicMetadata};
use super::{Checked as Mode, FileLookup, OnlineOptions, OnlineReport, Places};
use crate::analyzer::{KafkaOffset, KafkaSource};
use crate::be::aws_credentials::{self, CredentialSource, ProcessEnvironment};
use crate::be::consumer::{be_defaults, BeConfig, ConsumerSetup};
use crate::diagnostics::rules::{
    ONLINE_ADVERTISED, ONLINE_BROKER, ONLINE_C6, ONLINE_CHECKED, ONLINE_EMPTY, ONLINE_IAM,
    ONLINE_RANGE, ONLINE_SCHEDULE, ONLINE_TIME,
};
use crate::diagnostics::{Diagnostic, Stage};
use crate::keys::secrets::is_secret_key;
use crate::plan::online::{BootstrapBroker, OnlineSummary, PartitionOffsets};
use crate::text::Span;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The time budget of one statement.
struct Budget(Instant);

impl Budget {
    /// What is left, at most `cap`, at least 1 ms.
    fn left(&self, cap: Duration) -> Duration {
        self.0
            .saturating_duration_since(Instant::now())
            .min(cap)
            .max(Duration::from_millis(1))
    }

    fn spent(&self) -> bool {
        Instant::now() >= self.0
    }
}

/// The key a property was written with: `property.` for client keys.
fn written(places: &dyn Places, key: &str) -> Span {
    places
        .value(key)
        .or_else(|| places.value(&format!("property.{key}")))
        .unwrap_or_else(|| places.anchor())
}

fn online(d: Diagnostic) -> Diagnostic {
    let mut d = d;
    d.stage = Stage::Online;
    d
}

/// Every secret value of the job, masked in any text librdkafka gives back.
fn scrub(text: &str, src: &KafkaSource) -> String {
    let mut out = text.to_string();
    for (k, v) in src.custom.iter() {
        if is_secret_key(k) && v.chars().count() >= 3 {
            out = out.replace(v, crate::keys::secrets::MASK);
        }
    }
    out
}

fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `host:port` split at the last colon (IPv6 in brackets).
fn host_port(address: &str) -> Option<(String, u16)> {
    let (h, p) = address.trim().rsplit_once(':')?;
    let host = h.trim_start_matches('[').trim_end_matches(']');
    Some((host.to_string(), p.parse().ok()?))
}

/// Resolves and connects to one address of the broker list.
fn probe(address: &str, budget: &Budget) -> BootstrapBroker {
    let fail = |reason: String| BootstrapBroker {
        address: address.to_string(),
        reached: false,
        reason: Some(reason),
    };
    let Some((host, port)) = host_port(address) else {
        return fail("not a host:port address".into());
    };
    let addrs: Vec<_> = match (host.as_str(), port).to_socket_addrs() {
        Ok(a) => a.collect(),
        Err(e) => return fail(format!("the host name does not resolve ({e})")),
    };
    let mut last = String::from("the host name resolves to no address");
    for a in addrs {
        match TcpStream::connect_timeout(&a, budget.left(Duration::from_secs(3))) {
            Ok(_) => {
                return BootstrapBroker {
                    address: address.to_string(),
                    reached: true,
                    reason: None,
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                last = format!("connecting to {a} timed out");
            }
            Err(e) => last = format!("connecting to {a}: {e}"),
        }
    }
    fail(last)
}

/// librdkafka's reasons, most telling first: authentication and TLS failures, then
/// transport errors, then the log lines.
fn reasons(c: &Collected, src: &KafkaSource) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        let s = scrub(&tidy(&s), src);
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let telling = |t: &str| {
        let l = t.to_ascii_lowercase();
        l.contains("ssl")
            || l.contains("sasl")
            || l.contains("authenticat")
            || l.contains("certificate")
    };
    for (name, text) in c.errors.iter().filter(|(_, t)| telling(t)) {
        push(format!("{text} ({name})"));
    }
    for line in c.logs.iter().filter(|l| telling(l)) {
        push(line.clone());
    }
    // librdkafka's FAIL lines name the broker and the step that failed.
    for line in c
        .logs
        .iter()
        .filter(|l| l.starts_with("FAIL:") && !telling(l))
    {
        push(line.clone());
    }
    for (name, text) in c.errors.iter().filter(|(_, t)| !telling(t)) {
        push(format!("{text} ({name})"));
    }
    for n in &c.iam {
        if n.starts_with("no token") || n.starts_with("Failed") {
            push(format!("MSK IAM: {n}"));
        }
    }
    out.truncate(4);
    out
}

/// librdkafka's text without its thread tag (`[thrd:…]: `) and repeat counts
/// (`, 1 identical error(s) suppressed`), which differ between equal reasons.
fn tidy(text: &str) -> String {
    let mut t = text.to_string();
    if let Some(start) = t.find("[thrd:") {
        if let Some(len) = t[start..].find("]: ") {
            t.replace_range(start..start + len + 3, "");
        }
    }
    const REPEATS: &str = " identical error(s) suppressed";
    if let Some(end) = t.find(REPEATS) {
        if let Some(at) = t[..end].rfind(", ") {
            if t[at + 2..end].bytes().all(|b| b.is_ascii_digit()) {
                t.replace_range(at..end + REPEATS.len(), "");
            }
        }
    }
    t
}

/// After librdkafka's TLS handshake failed: the same handshake with OpenSSL through
/// `native-tls`, trusting the job's `ssl.ca.location` alone when it has one, checking
/// the host name only under `ssl.endpoint.identification.algorithm=https` (librdkafka
/// 1.9.2's default is `none`), for OpenSSL's verdict (`Hostname mismatch`, `unable
/// to get local issuer certificate`, …), which librdkafka's text leaves out.
fn tls_verdict(
    src: &KafkaSource,
    addresses: &[&str],
    files: FileLookup<'_>,
    budget: &Budget,
) -> Option<String> {
    let get = |k: &str| src.custom.iter().find(|(key, _)| *key == k).map(|(_, v)| v);
    let mut builder = native_tls::TlsConnector::builder();
    if let Some(ca) = get("ssl.ca.location") {
        let path = match ca.strip_prefix("FILE:") {
            Some(name) => files(name)?,
            None => std::path::PathBuf::from(ca),
        };
        let pem = std::fs::read(path).ok()?;
        builder.disable_built_in_roots(true);
        for cert in native_tls::Certificate::stack_from_pem(&pem).ok()? {
            builder.add_root_certificate(cert);
        }
    }
    let verify_host = get("ssl.endpoint.identification.algorithm")
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    builder.danger_accept_invalid_hostnames(!verify_host);
    let connector = builder.build().ok()?;
    let address = addresses.first()?;
    let (host, port) = host_port(address)?;
    let addr = (host.as_str(), port).to_socket_addrs().ok()?.next()?;
    let stream = TcpStream::connect_timeout(&addr, budget.left(Duration::from_secs(3))).ok()?;
    stream
        .set_read_timeout(Some(budget.left(Duration::from_secs(3))))
        .ok()?;
    match connector.connect(&host, stream) {
        Ok(_) => None,
        Err(e) => {
            let text = e.to_string();
            let verdict = text.rsplit_once(": ").map_or(text.as_str(), |(_, v)| v);
            Some(format!(
                "OpenSSL's verdict on {address}'s certificate: {verdict}"
            ))
        }
    }
}

/// A fix for what the reasons say.
fn fix_for(reasons: &[String]) -> &'static str {
    let all = reasons.join(" ").to_ascii_lowercase();
    if all.contains("apiversionrequest failed") {
        "librdkafka 1.9.2, Doris BE's Kafka client, cannot read this broker's ApiVersions answer; it skips that request only with \"property.broker.version.fallback\" below 0.10 (and \"property.api.version.request\" = \"false\"), which limits it to the oldest protocol versions: prefer a broker version librdkafka 1.9.2 supports"
    } else if all.contains("hostname mismatch") || all.contains("ip address mismatch") {
        "the broker's certificate does not name the host of kafka_broker_list: connect by a name the certificate lists (its subject alternative names), or reissue the certificate"
    } else if all.contains("did not answer the client's first request") {
        "check that the port is a Kafka listener and that its security protocol matches property.security.protocol (a TLS listener does not answer a PLAINTEXT client)"
    } else if all.contains("certificate") || all.contains("ssl handshake") {
        "check ssl.ca.location (the CA that signed the broker's certificate) and that the broker's certificate names the host of kafka_broker_list (ssl.endpoint.identification.algorithm)"
    } else if all.contains("sasl") || all.contains("authenticat") {
        "check sasl.mechanism against the mechanisms the broker enables, and the user name and password (or the MSK IAM credentials)"
    } else if all.contains("resolve") {
        "check the host names of kafka_broker_list, and DNS on the BE hosts"
    } else if all.contains("refused") {
        "check that the broker runs and listens on that port (listeners), and the port of kafka_broker_list"
    } else if all.contains("timed out") {
        "check the network path and firewalls between the BE hosts and the brokers"
    } else {
        "check kafka_broker_list, the brokers and the client properties"
    }
}

/// The finding Doris gives when the BE cannot answer its CREATE-time question, or
/// the warning that the job will pause when scheduled (no kafka_partitions).
fn consequence(
    src: &KafkaSource,
    places: &dyn Places,
    question: Question,
    why: &[String],
) -> Diagnostic {
    let topic = &src.topic;
    let help = format!(
        "the BE's reason, which Doris does not return: {}; {}",
        if why.is_empty() {
            "none given".to_string()
        } else {
            why.join("; ")
        },
        fix_for(why)
    );
    match (src.partition_offsets.is_some(), question) {
        (true, q) => {
            let text = match q {
                Question::Partitions => format!("Failed to get all partitions of kafka topic: {topic} error: errCode = 2, detailMessage = Failed to get info"),
                Question::RealOffsets => format!("Failed to get real offsets of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"),
                Question::Times => format!("Failed to get offsets for times of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"),
            };
            online(ONLINE_C6.error(text).at(written(places, "kafka_partitions")).with_help(help))
        }
        (false, q) => online(
            ONLINE_SCHEDULE
                .warning(match q {
                    Question::Partitions => format!("the job will pause when it is scheduled: errCode = 2, detailMessage = Failed to get all partitions of kafka topic: {topic} error: errCode = 2, detailMessage = Failed to get info may be Kafka properties set in job is error or no partition in this topic that should check Kafka"),
                    Question::RealOffsets => format!("the job will pause when it is scheduled: Failed to get real offsets of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"),
                    Question::Times => format!("the job will pause when it is scheduled: Failed to get offsets for times of kafka topic: {topic}. error: errCode = 2, detailMessage = Failed to get info"),
                })
                .at(written(places, "kafka_broker_list"))
                .with_help(help),
        ),
    }
}

#[derive(Clone, Copy)]
enum Question {
    Partitions,
    RealOffsets,
    Times,
}

/// The MSK IAM signing the BE would do, or why rlfe cannot sign here.
fn iam_signing(
    src: &KafkaSource,
    places: &dyn Places,
    timeout: Duration,
    diags: &mut Vec<Diagnostic>,
) -> Option<IamSigning> {
    let get = |k: &str| src.custom.iter().find(|(key, _)| *key == k).map(|(_, v)| v);
    if get("security.protocol") != Some("SASL_SSL") || get("sasl.mechanism") != Some("OAUTHBEARER")
    {
        return None;
    }
    let props = src
        .custom
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let region = get("aws.region").unwrap_or("").to_string();
    let source = aws_credentials::source_of(&props)?;
    let at = |k: &str| written(places, k);
    let resolved = crate::be::sts::resolve(&source, &region, &ProcessEnvironment, timeout);
    match resolved {
        Ok(r) => Some(IamSigning {
            credentials: r.credentials,
            region,
            expires_seconds: crate::be::msk_iam::TOKEN_EXPIRY_SECONDS,
        }),
        Err(e) => {
            let key = match source {
                CredentialSource::AssumeRole { .. } => "aws.role_arn",
                CredentialSource::Profile(_) => "aws.profile_name",
                CredentialSource::Provider(_) => "aws.credentials_provider",
                _ => "aws.access_key",
            };
            diags.push(online(ONLINE_IAM.warning(format!("no MSK IAM token: {e}")).at(at(key)).with_help("the BE signs with the credentials of its own host; rlfe signs with what it can read here")));
            None
        }
    }
}

/// The client settings the BE applies: its own, then the job's in key order (`aws.*`
/// kept out, `FILE:` references resolved to local files where there are some).
fn settings(
    src: &KafkaSource,
    files: FileLookup<'_>,
    notes: &mut Vec<String>,
) -> Vec<(String, String)> {
    let setup = ConsumerSetup {
        brokers: &src.broker_list,
        properties: &[],
        be: BeConfig::default(),
    };
    let mut out: Vec<(String, String)> = be_defaults(&setup)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut custom: Vec<(&str, &str)> = src.custom.iter().collect();
    custom.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for (k, v) in custom {
        if k.starts_with("aws.")
            || k == "kafka_default_offsets"
            || k == "kafka_origin_default_offsets"
        {
            continue;
        }
        match v.strip_prefix("FILE:") {
            Some(name) => match files(name) {
                Some(path) => out.push((k.to_string(), path.display().to_string())),
                None => notes.push(format!(
                    "{k} = FILE:{name} left out (the file is not on this machine)"
                )),
            },
            None => out.push((k.to_string(), v.to_string())),
        }
    }
    out
}

fn given_text(o: &KafkaOffset) -> String {
    match o {
        KafkaOffset::Beginning => "OFFSET_BEGINNING".into(),
        KafkaOffset::End => "OFFSET_END".into(),
        KafkaOffset::Offset { value } => value.to_string(),
        KafkaOffset::Time { text, .. } => text.clone(),
    }
}

/// The offsets property a partition's offset came from, for pointing at it.
fn offsets_key(src: &KafkaSource) -> &'static str {
    if src.partition_offsets.is_some() {
        "kafka_offsets"
    } else {
        "kafka_default_offsets"
    }
}

pub(super) fn check(
    src: &KafkaSource,
    places: &dyn Places,
    files: FileLookup<'_>,
    options: &OnlineOptions,
    mode: Mode,
) -> OnlineReport {
    let budget = Budget(Instant::now() + options.timeout);
    let mut diags = Vec::new();
    let mut summary = OnlineSummary::default();
    let list_span = written(places, "kafka_broker_list");
    let mock = src.custom.iter().any(|(k, _)| k == "test.mock.num.brokers");
    let addresses: Vec<&str> = src
        .broker_list
        .split(',')
        .filter(|a| !a.trim().is_empty())
        .collect();
    if !mock {
        for a in &addresses {
            let b = probe(a, &budget);
            if let Some(reason) = &b.reason {
                diags.push(online(
                    ONLINE_BROKER
                        .warning(format!("broker {a} not reached: {reason}"))
                        .at(list_span)
                        .with_help(fix_for(std::slice::from_ref(reason))),
                ));
            }
            summary.bootstrap.push(b);
        }
        if summary.bootstrap.iter().all(|b| !b.reached) {
            let why: Vec<String> = summary
                .bootstrap
                .iter()
                .filter_map(|b| b.reason.as_ref().map(|r| format!("{}: {r}", b.address)))
                .collect();
            if mode == Mode::Create {
                diags.push(consequence(src, places, Question::Partitions, &why));
            }
            return OnlineReport {
                diagnostics: diags,
                summary: Some(summary),
            };
        }
    }
    let mut left_out = Vec::new();
    let settings = settings(src, files, &mut left_out);
    let iam = iam_signing(src, places, budget.left(Duration::from_secs(5)), &mut diags);
    let conn = match Connection::open(&settings, iam) {
        Ok(c) => c,
        Err(e) => {
            let what = match e {
                OpenError::Set { key, text } => {
                    format!("nothing, librdkafka refuses {key}: {text}")
                }
                OpenError::Create(text) => {
                    format!("nothing, librdkafka cannot create the consumer: {text}")
                }
            };
            diags.push(online(ONLINE_CHECKED.note(format!(
                "checked against the broker: {}",
                scrub(&what, src)
            ))));
            return OnlineReport {
                diagnostics: diags,
                summary: Some(summary),
            };
        }
    };
    let metadata = conn.metadata(&src.topic, budget.left(Duration::from_secs(5)));
    let md: TopicMetadata = match metadata {
        Ok(md) if md.topic_error.is_none() && !md.partitions.is_empty() => md,
        other => {
            let mut why = reasons(&conn.collected(), src);
            match &other {
                Ok(TopicMetadata {
                    topic_error: Some((name, text)),
                    ..
                }) => why.insert(0, format!("error: {text} ({name})")),
                Ok(_) => why.insert(0, "no partition in this topic".into()),
                Err(Failure { name, text }) => {
                    if why.is_empty()
                        && name == "_TRANSPORT"
                        && summary.bootstrap.iter().any(|b| b.reached)
                    {
                        // librdkafka waited for a broker to become usable and says no more.
                        why.push(format!("the broker accepted the connection but did not answer the client's first request (ApiVersions) within {:.1} s", options.timeout.as_secs_f64()));
                    }
                    why.push(format!("failed to get partition meta: {text} ({name})"))
                }
            }
            if let Some(verdict) = why
                .iter()
                .any(|w| w.contains("SSL handshake failed"))
                .then(|| tls_verdict(src, &addresses, files, &budget))
                .flatten()
            {
                why.insert(0, verdict);
            }
            let auth = why.iter().find(|w| {
                let l = w.to_ascii_lowercase();
                l.contains("ssl")
                    || l.contains("sasl")
                    || l.contains("authenticat")
                    || l.contains("apiversionrequest failed")
            });
            if let Some(reason) = auth {
                for a in &addresses {
                    diags.push(online(
                        ONLINE_BROKER
                            .warning(format!("broker {a} refused the client: {reason}"))
                            .at(list_span)
                            .with_help(fix_for(&why)),
                    ));
                }
            }
            if mode == Mode::Create {
                diags.push(consequence(src, places, Question::Partitions, &why));
            }
            return OnlineReport {
                diagnostics: diags,
                summary: Some(summary),
            };
        }
    };
    summary.advertised = md
        .brokers
        .iter()
        .map(|(id, h, p)| format!("{id} {h}:{p}"))
        .collect();
    summary.partitions = md.partitions.clone();
    let bootstrap_remote = addresses
        .iter()
        .filter_map(|a| host_port(a))
        .find(|(h, _)| !is_loopback(h));
    for (id, host, port) in &md.brokers {
        if is_loopback(host) {
            if let Some((h, p)) = &bootstrap_remote {
                diags.push(online(ONLINE_ADVERTISED.warning(format!("broker {id} advertises {host}:{port}, a loopback address, while the broker list names {h}:{p}")).at(list_span).with_help("a BE on another host connects to itself: set the broker's advertised.listeners to an address the BE hosts reach")));
            }
        } else if (host.as_str(), u16::try_from(*port).unwrap_or(9092))
            .to_socket_addrs()
            .is_err()
        {
            diags.push(online(ONLINE_ADVERTISED.warning(format!("broker {id} advertises {host}:{port}, whose host does not resolve here")).at(list_span).with_help("the BE fetches from the advertised address: make it resolvable from the BE hosts, or fix advertised.listeners")));
        }
    }
    let planned: Vec<(i32, KafkaOffset)> = match &src.partition_offsets {
        Some(list) => {
            if let Some((p, _)) = list.iter().find(|(p, _)| !md.partitions.contains(p)) {
                let at = written(places, "kafka_partitions");
                let has = format!(
                    "topic {} has partitions {}",
                    src.topic,
                    partition_list(&md.partitions)
                );
                diags.push(online(match mode {
                    Mode::Create => ONLINE_C6
                        .error(format!(
                            "there is a custom kafka partition {p} which is invalid for topic {}",
                            src.topic
                        ))
                        .at(at)
                        .with_help(has),
                    Mode::Alter => crate::diagnostics::rules::A12
                        .error(format!("The specified partition {p} is not in the consumed partitions"))
                        .at(at)
                        .with_help(format!("{has}; a job created without kafka_partitions consumes every partition of its topic")),
                }));
                return OnlineReport {
                    diagnostics: diags,
                    summary: Some(summary),
                };
            }
            list.clone()
        }
        None => md
            .partitions
            .iter()
            .map(|p| (*p, src.default_offset.clone()))
            .collect(),
    };
    let offsets_span = written(places, offsets_key(src));
    let mut times: Vec<(i32, i64)> = Vec::new();
    // Doris asks for all partitions at once: one failure is one finding.
    let mut real_offsets_failed = false;
    for (p, given) in &planned {
        if budget.spent() {
            break;
        }
        let mut entry = PartitionOffsets {
            partition: *p,
            given: given_text(given),
            low: None,
            high: None,
            resolved: None,
        };
        // Doris resolves a datetime by offsets for times, not by the watermarks.
        if let KafkaOffset::Time { epoch_millis, .. } = given {
            times.push((*p, *epoch_millis));
        }
        match conn.watermarks(&src.topic, *p, budget.left(Duration::from_secs(5))) {
            Ok((low, high)) => {
                entry.low = Some(low);
                entry.high = Some(high);
                match given {
                    KafkaOffset::Beginning => entry.resolved = Some(low),
                    KafkaOffset::End => entry.resolved = Some(high),
                    KafkaOffset::Offset { value } => {
                        entry.resolved = Some(*value);
                        if *value < low {
                            diags.push(online(ONLINE_RANGE.warning(format!("offset {value} of partition {p} is below its first retained offset {low}: the first task fails with Offset out of range and the job pauses")).at(offsets_span).with_help(format!("start at {low} or later (or OFFSET_BEGINNING); messages before {low} were removed by retention"))));
                        } else if *value > high {
                            diags.push(online(ONLINE_RANGE.warning(format!("offset {value} of partition {p} is past its end {high}: the job pauses when it is scheduled (offset set in job: {value} is greater than kafka latest offset: {high} partition id: {p})")).at(offsets_span).with_help(format!("partition {p} holds offsets {low} to {}; use one of them, or OFFSET_END", high.saturating_sub(1).max(low)))));
                        }
                    }
                    KafkaOffset::Time { .. } => {}
                }
            }
            Err(f) => {
                if matches!(given, KafkaOffset::Beginning | KafkaOffset::End)
                    && !real_offsets_failed
                {
                    real_offsets_failed = true;
                    let mut why = reasons(&conn.collected(), src);
                    why.insert(
                        0,
                        format!(
                            "failed to get latest offset for partition: {p}, err: {}",
                            f.text
                        ),
                    );
                    diags.push(consequence(src, places, Question::RealOffsets, &why));
                    if src.partition_offsets.is_some() {
                        return OnlineReport {
                            diagnostics: diags,
                            summary: Some(summary),
                        };
                    }
                }
            }
        }
        summary.offsets.push(entry);
    }
    if !times.is_empty() {
        match conn.offsets_for_times(&src.topic, &times, budget.left(Duration::from_secs(5))) {
            Ok(found) => {
                for (p, offset) in found {
                    if let Some(e) = summary.offsets.iter_mut().find(|e| e.partition == p) {
                        e.resolved = Some(offset);
                        if offset < 0 {
                            diags.push(online(ONLINE_TIME.warning(format!("partition {p} has no message at or after {}: Doris starts it at OFFSET_END (-1)", e.given)).at(offsets_span).with_help("choose an earlier time, or check the producers' timestamps (message.timestamp.type)")));
                        }
                    }
                }
            }
            Err(f) => {
                let mut why = reasons(&conn.collected(), src);
                why.insert(0, format!("failed to get offsets for times: {}", f.text));
                diags.push(consequence(src, places, Question::Times, &why));
                if src.partition_offsets.is_some() {
                    return OnlineReport {
                        diagnostics: diags,
                        summary: Some(summary),
                    };
                }
            }
        }
    }
    let all_end = !planned.is_empty() && planned.iter().all(|(_, o)| *o == KafkaOffset::End);
    let empty = !summary.offsets.is_empty()
        && summary
            .offsets
            .iter()
            .all(|e| e.low.is_some() && e.low == e.high);
    if all_end && empty {
        let at: Vec<String> = summary
            .offsets
            .iter()
            .map(|e| format!("{}:{}", e.partition, e.high.unwrap_or(0)))
            .collect();
        let span = places
            .value("kafka_partitions")
            .unwrap_or_else(|| written(places, "kafka_topic"));
        diags.push(online(ONLINE_EMPTY.warning(format!("topic {} has no message: OFFSET_END starts at {} and the job shows RUNNING with no progress until messages arrive", src.topic, at.join(","))).at(span).with_help("check that the producers write to this topic and cluster")));
    }
    let mut what = format!(
        "topic {} has {} partition(s) ({}) on {} broker(s)",
        src.topic,
        md.partitions.len(),
        partition_list(&md.partitions),
        md.brokers.len()
    );
    let resolved = summary
        .offsets
        .iter()
        .filter(|e| e.resolved.is_some())
        .count();
    if resolved > 0 {
        what.push_str(&format!(
            "; begin offsets of {resolved} partition(s) resolved"
        ));
    }
    if mock {
        what.push_str(
            "; librdkafka's mock cluster (test.mock.num.brokers) replaced the broker list",
        );
    }
    for l in &left_out {
        what.push_str(&format!("; {l}"));
    }
    diags.push(online(
        ONLINE_CHECKED.note(format!("checked against the broker: {what}")),
    ));
    OnlineReport {
        diagnostics: diags,
        summary: Some(summary),
    }
}

/// `0,1,2` (long lists cut).
fn partition_list(ps: &[i32]) -> String {
    let mut s: Vec<String> = ps.iter().take(16).map(i32::to_string).collect();
    if ps.len() > 16 {
        s.push(format!("… {} in all", ps.len()));
    }
    s.join(",")
}
