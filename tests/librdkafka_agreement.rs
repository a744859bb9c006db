#![cfg(feature = "librdkafka")]
//! rlfe's verdict on a job's client properties against the real librdkafka 1.9.2 (the
//! library Doris BE links, built into rlfe), driven through Doris BE's consumer
//! sequence.
//!
//! The corpus (`tests/corpus/librdkafka/cases.json`) is generated here: every property
//! of librdkafka's table with valid, invalid, boundary and odd values, misspelt keys,
//! Java client and producer keys, and combinations of security settings, with TLS
//! material this test makes itself. Each case records what the embedded librdkafka
//! makes of it. The tests check that the file is the generated corpus, that librdkafka
//! still answers as recorded, and that rlfe's findings — in both profiles — carry
//! exactly librdkafka's verdict: the job fails (and with which reason), which keys are
//! ignored, how many warnings librdkafka logs.
//!
//! `RLFE_BLESS=1 cargo test --test librdkafka_agreement` rewrites the corpus.

use routine_load_fe::analyzer::Profile;
use routine_load_fe::be::table::{self, Level, Type};
use routine_load_fe::be::{
    self, ConsumerOutcome, ConsumerSetup, Embedded, Fate, FilePolicy, IgnoredWhy,
};
use routine_load_fe::diagnostics::rules::RuleKind;
use routine_load_fe::diagnostics::ClientEffect;
use routine_load_fe::{Session, SessionOptions, StatementResult};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const CORPUS: &str = "tests/corpus/librdkafka/cases.json";

/// One job's client properties (as written after `property.`; `aws.*` bare).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Case {
    id: String,
    properties: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    librdkafka: Option<Verdict>,
}

/// A verdict: the class (`fails`, `ignored`, `warns`, `clean`, by precedence), how many
/// refusals, ignored keys and warnings, and the reason Doris gives when it pauses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Verdict {
    class: String,
    fails: usize,
    ignored: usize,
    warns: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pause: Option<String>,
}

impl Verdict {
    fn new(fails: usize, ignored: usize, warns: usize, pause: Option<String>) -> Self {
        let class = if fails > 0 {
            "fails"
        } else if ignored > 0 {
            "ignored"
        } else if warns > 0 {
            "warns"
        } else {
            "clean"
        };
        Verdict {
            class: class.into(),
            fails,
            ignored,
            warns,
            pause,
        }
    }
}

/// TLS material made by the test: a CA, a certificate it signed with its key, and a key
/// that does not belong to the certificate.
struct Tls {
    ca: String,
    cert: String,
    key: String,
    other_key: String,
}

fn tls() -> &'static Tls {
    static TLS: OnceLock<Tls> = OnceLock::new();
    TLS.get_or_init(|| {
        use openssl::asn1::Asn1Time;
        use openssl::bn::BigNum;
        use openssl::hash::MessageDigest;
        use openssl::pkey::PKey;
        use openssl::rsa::Rsa;
        use openssl::x509::{X509NameBuilder, X509};
        let key = |bits| PKey::from_rsa(Rsa::generate(bits).unwrap()).unwrap();
        let cert = |cn: &str,
                    subject_key: &PKey<openssl::pkey::Private>,
                    issuer: Option<(&X509, &PKey<openssl::pkey::Private>)>| {
            let mut name = X509NameBuilder::new().unwrap();
            name.append_entry_by_text("CN", cn).unwrap();
            let name = name.build();
            let mut b = X509::builder().unwrap();
            b.set_version(2).unwrap();
            b.set_serial_number(&BigNum::from_u32(1).unwrap().to_asn1_integer().unwrap())
                .unwrap();
            b.set_subject_name(&name).unwrap();
            match issuer {
                Some((ca, _)) => b.set_issuer_name(ca.subject_name()).unwrap(),
                None => b.set_issuer_name(&name).unwrap(),
            }
            b.set_pubkey(subject_key).unwrap();
            b.set_not_before(&Asn1Time::days_from_now(0).unwrap())
                .unwrap();
            b.set_not_after(&Asn1Time::days_from_now(365).unwrap())
                .unwrap();
            let signer = issuer.map_or(subject_key, |(_, k)| k);
            b.sign(signer, MessageDigest::sha256()).unwrap();
            b.build()
        };
        let ca_key = key(2048);
        let ca = cert("rlfe test CA", &ca_key, None);
        let leaf_key = key(2048);
        let leaf = cert("doris-be", &leaf_key, Some((&ca, &ca_key)));
        let pem = |b: Vec<u8>| String::from_utf8(b).unwrap();
        Tls {
            ca: pem(ca.to_pem().unwrap()),
            cert: pem(leaf.to_pem().unwrap()),
            key: pem(leaf_key.private_key_to_pem_pkcs8().unwrap()),
            other_key: pem(key(2048).private_key_to_pem_pkcs8().unwrap()),
        }
    })
}

/// A case's value with the TLS placeholders replaced.
fn material(value: &str) -> String {
    let t = tls();
    value
        .replace("{CA_PEM}", &t.ca)
        .replace("{CERT_PEM}", &t.cert)
        .replace("{KEY_PEM}", &t.key)
        .replace("{OTHER_KEY_PEM}", &t.other_key)
        .replace(
            "{CERT_PEM_CUT}",
            t.cert.get(..t.cert.len() / 2).unwrap_or(""),
        )
}

fn case(cases: &mut Vec<Case>, id: String, properties: &[(&str, &str)]) {
    cases.push(Case {
        id,
        properties: properties
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        librdkafka: None,
    });
}

/// Values to try for a property of librdkafka's table.
fn values_for(p: &table::Property) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let names: Vec<&str> = p.names.iter().map(|n| n.name.as_str()).collect();
    match p.ty {
        Type::Int => {
            for n in [p.vdef, p.vmin, p.vmax] {
                v.push(n.to_string());
            }
            if p.vmin > i32::MIN {
                v.push((i64::from(p.vmin) - 1).to_string());
            }
            if p.vmax < i32::MAX {
                v.push((i64::from(p.vmax) + 1).to_string());
            }
            v.extend(["abc", "", " 7", "12ms", "0x10", "99999999999"].map(String::from));
        }
        Type::Bool => v.extend(["true", "FALSE", "t", "1", "yes", ""].map(String::from)),
        Type::S2i | Type::S2f => {
            v.extend(names.iter().map(|n| n.to_string()));
            if let Some(first) = names.first() {
                v.push(first.to_ascii_uppercase());
                v.push(format!(" {first}"));
            }
            if p.ty == Type::S2f && names.len() > 1 {
                v.push(format!("{},{}", names[0], names[1]));
                v.push(format!("{}, {}", names[0], names[1]));
            }
            v.extend(["bogus", ""].map(String::from));
        }
        Type::Dbl => {
            v.push(p.ddef.to_string());
            v.push(p.dmin.to_string());
            v.push(p.dmax.to_string());
            v.push((p.dmax + 1.0).to_string());
            v.extend(["abc", ""].map(String::from));
        }
        Type::Str | Type::Kstr => {
            if !names.is_empty() {
                v.extend(names.iter().map(|n| n.to_string()));
                v.push(names[0].to_ascii_uppercase());
                v.push("bogus".into());
            } else {
                if let Some(d) = &p.sdef {
                    v.push(d.clone());
                }
                v.push("x".into());
            }
            v.push(String::new());
            // librdkafka reads past the end of an all-space software name (it trims
            // it to nothing before sanitising it): not a value to feed it.
            if !p.name.starts_with("client.software.") {
                v.push("   ".into());
            }
        }
        Type::PatList => v.extend(["^orders\\..*", "a(", "a,b", ""].map(String::from)),
        Type::Ptr | Type::Internal | Type::Invalid => v.extend(["x", ""].map(String::from)),
        Type::Alias => {}
    }
    // Values with a meaning of their own.
    let extra: &[&str] = match p.name.as_str() {
        "broker.version.fallback" => &["0.8.2", "0.7.0", "2.8.1", "abc"],
        "partition.assignment.strategy" => &[
            "range",
            "roundrobin",
            "cooperative-sticky",
            "range,roundrobin",
            "range, roundrobin",
            "range ,roundrobin",
            "RANGE",
            "sticky",
            "org.apache.kafka.clients.consumer.RangeAssignor",
            "range,cooperative-sticky",
        ],
        "sasl.mechanisms" => &[
            "PLAIN",
            "GSSAPI",
            "SCRAM-SHA-512",
            "OAUTHBEARER",
            "plain",
            "AWS_MSK_IAM",
            "PLAIN,SCRAM-SHA-256",
            " PLAIN",
            "PLAIN ",
        ],
        "debug" => &["all", "telemetry", "consumer,cgrp", "generic, broker"],
        "client.software.name" => &["a b", "doris"],
        "group.id" => &["g1", " "],
        _ => &[],
    };
    v.extend(extra.iter().map(|s| s.to_string()));
    v.dedup();
    v
}

/// The corpus, generated from librdkafka's table and the lists below.
fn generate() -> Vec<Case> {
    let mut cases = Vec::new();
    // Every property of the table, at its level.
    for p in table::properties() {
        let level = if p.level == Level::Global {
            "global"
        } else {
            "topic"
        };
        if p.ty == Type::Alias {
            let target = p.sdef.clone().unwrap_or_default();
            let target_values = table::lookup(p.level, &target)
                .map(|(_, t)| values_for(t))
                .unwrap_or_default();
            for (i, v) in target_values.iter().take(4).enumerate() {
                case(
                    &mut cases,
                    format!("property/{level}/{}/{i}", p.name),
                    &[(&p.name, v)],
                );
            }
            continue;
        }
        for (i, v) in values_for(p).iter().enumerate() {
            case(
                &mut cases,
                format!("property/{level}/{}/{i}", p.name),
                &[(&p.name, v)],
            );
        }
        if p.level == Level::Topic {
            let v = values_for(p).into_iter().next().unwrap_or_default();
            case(
                &mut cases,
                format!("property/topic-prefixed/{}", p.name),
                &[(&format!("topic.{}", p.name), &v)],
            );
        }
    }
    // Misspellings of the keys people write most.
    let common = [
        ("security.protocol", "SASL_SSL"),
        ("sasl.mechanism", "PLAIN"),
        ("sasl.username", "u"),
        ("sasl.password", "p"),
        ("ssl.ca.location", "FILE:ca.pem"),
        ("group.id", "g"),
        ("client.id", "c"),
        ("auto.offset.reset", "earliest"),
        ("session.timeout.ms", "30000"),
        ("fetch.max.bytes", "52428800"),
        ("max.partition.fetch.bytes", "1048576"),
        ("isolation.level", "read_committed"),
        ("enable.auto.commit", "false"),
        ("socket.timeout.ms", "60000"),
        ("ssl.certificate.location", "FILE:c.pem"),
        ("ssl.key.location", "FILE:k.pem"),
        ("sasl.kerberos.keytab", "/etc/krb5.keytab"),
        ("sasl.kerberos.principal", "doris"),
        ("fetch.wait.max.ms", "500"),
        ("heartbeat.interval.ms", "3000"),
    ];
    for (key, value) in common {
        let chars: Vec<char> = key.chars().collect();
        let mut variants = vec![
            key.replace('.', "_"),
            key.to_ascii_uppercase(),
            format!("kafka.{key}"),
            format!("{key} "),
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 3)
                .map(|(_, c)| c)
                .collect::<String>(),
        ];
        let mut swapped = chars.clone();
        swapped.swap(1, 2);
        variants.push(swapped.into_iter().collect());
        for (i, k) in variants.iter().enumerate() {
            case(&mut cases, format!("misspelt/{key}/{i}"), &[(k, value)]);
        }
    }
    // Java client and Kafka Connect keys.
    let java = [
        ("ssl.truststore.location", "/etc/kafka/truststore.jks"),
        ("ssl.truststore.password", "changeit"),
        ("ssl.truststore.type", "JKS"),
        ("ssl.keystore.type", "PKCS12"),
        ("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";"),
        ("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"),
        ("sasl.login.callback.handler.class", "x"),
        ("sasl.login.class", "x"),
        ("fetch.max.wait.ms", "500"),
        ("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
        ("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
        ("max.poll.records", "500"),
        ("ssl.protocol", "TLSv1.2"),
        ("ssl.enabled.protocols", "TLSv1.2"),
        ("ssl.keymanager.algorithm", "SunX509"),
        ("ssl.trustmanager.algorithm", "PKIX"),
        ("security.providers", "x"),
        ("consumer.security.protocol", "SSL"),
        ("producer.acks", "all"),
        ("database.history.consumer.sasl.mechanism", "PLAIN"),
        ("schema.history.internal.consumer.group.id", "g"),
        ("auto.commit.interval.ms", "1000"),
        ("request.timeout.ms", "30000"),
        ("allow.auto.create.topics", "true"),
        ("default.api.timeout.ms", "60000"),
    ];
    for (k, v) in java {
        case(&mut cases, format!("java/{k}"), &[(k, v)]);
    }
    combinations(&mut cases);
    cases
}

/// Combinations of security and cross-field settings.
fn combinations(cases: &mut Vec<Case>) {
    let mut c = |id: &str, props: &[(&str, &str)]| case(cases, format!("combination/{id}"), props);
    // Protocols and mechanisms, with and without credentials.
    for protocol in [
        "PLAINTEXT",
        "SSL",
        "SASL_PLAINTEXT",
        "SASL_SSL",
        " SASL_SSL",
        "sasl_ssl",
    ] {
        for mechanism in [
            None,
            Some("PLAIN"),
            Some("SCRAM-SHA-256"),
            Some("SCRAM-SHA-512"),
            Some("GSSAPI"),
            Some("OAUTHBEARER"),
            Some("SCRAM-SHA-1"),
            Some("SCRAM-SHA-384"),
        ] {
            for creds in [false, true] {
                let mut props = vec![("security.protocol", protocol)];
                if let Some(m) = mechanism {
                    props.push(("sasl.mechanism", m));
                }
                if creds {
                    props.push(("sasl.username", "u"));
                    props.push(("sasl.password", "p"));
                }
                c(
                    &format!(
                        "auth/{}/{}/{creds}",
                        protocol.trim(),
                        mechanism.unwrap_or("none")
                    ),
                    &props,
                );
            }
        }
    }
    // Kerberos.
    c(
        "gssapi/keytab",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.kerberos.keytab", "/etc/krb5.keytab"),
            ("sasl.kerberos.principal", "doris@EXAMPLE.COM"),
        ],
    );
    c(
        "gssapi/no-relogin",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.kerberos.min.time.before.relogin", "0"),
        ],
    );
    c(
        "gssapi/kinit-own",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.kerberos.kinit.cmd", "kinit -k doris"),
        ],
    );
    c(
        "gssapi/kinit-unknown-ref",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.kerberos.kinit.cmd", "kinit %{sasl.nope}"),
        ],
    );
    c(
        "gssapi/kinit-open-brace",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.kerberos.kinit.cmd", "kinit -t %{sasl.kerberos.keytab"),
        ],
    );
    c(
        "gssapi/kinit-known-ref",
        &[
            ("security.protocol", "SASL_PLAINTEXT"),
            (
                "sasl.kerberos.kinit.cmd",
                "kinit -S %{sasl.kerberos.service.name} %{sasl.kerberos.principal}",
            ),
        ],
    );
    c(
        "gssapi/mechanisms-plural",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanisms", "GSSAPI"),
            ("sasl.kerberos.keytab", "FILE:doris.keytab"),
        ],
    );
    // Both mechanism keys.
    c(
        "mechanism/both-agree",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.mechanisms", "PLAIN"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
        ],
    );
    c(
        "mechanism/both-differ",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.mechanisms", "SCRAM-SHA-512"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
        ],
    );
    c(
        "mechanism/plural-bad",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.mechanisms", "AWS_MSK_IAM"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
        ],
    );
    c(
        "mechanism/java-iam-plaintext",
        &[("sasl.mechanism", "AWS_MSK_IAM")],
    );
    c(
        "mechanism/java-iam-sasl",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "AWS_MSK_IAM"),
        ],
    );
    // OIDC: every subset of the three required settings, with and without unsecure JWT.
    let oidc = [
        ("sasl.oauthbearer.client.id", "client"),
        ("sasl.oauthbearer.client.secret", "secret"),
        (
            "sasl.oauthbearer.token.endpoint.url",
            "https://idp.example.com/token",
        ),
    ];
    for mask in 0..8u32 {
        for unsecure in [false, true] {
            let mut props = vec![
                ("security.protocol", "SASL_SSL"),
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.oauthbearer.method", "oidc"),
            ];
            for (i, p) in oidc.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    props.push(*p);
                }
            }
            if unsecure {
                props.push(("enable.sasl.oauthbearer.unsecure.jwt", "true"));
            }
            c(&format!("oidc/{mask}/{unsecure}"), &props);
        }
    }
    c(
        "oauthbearer/unsecure-jwt",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("enable.sasl.oauthbearer.unsecure.jwt", "true"),
            ("sasl.oauthbearer.config", "principal=doris"),
        ],
    );
    c(
        "oauthbearer/default-method",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.oauthbearer.method", "default"),
        ],
    );
    // MSK IAM: the BE installs its token callback.
    c(
        "iam/role",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.role_arn", "arn:aws:iam::123456789012:role/doris"),
        ],
    );
    c(
        "iam/static-keys",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.access_key", "AKIAIOSFODNN7EXAMPLE"),
            ("aws.secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ],
    );
    c(
        "iam/profile",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.profile_name", "default"),
        ],
    );
    c(
        "iam/provider",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.credentials_provider", "INSTANCE_PROFILE"),
        ],
    );
    c(
        "iam/unsecure-jwt",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.role_arn", "arn:aws:iam::123456789012:role/doris"),
            ("enable.sasl.oauthbearer.unsecure.jwt", "true"),
        ],
    );
    c(
        "iam/plaintext",
        &[
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.role_arn", "arn:aws:iam::123456789012:role/doris"),
        ],
    );
    c(
        "iam/lowercase-protocol",
        &[
            ("security.protocol", "sasl_ssl"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("aws.region", "us-east-1"),
            ("aws.role_arn", "arn:aws:iam::123456789012:role/doris"),
        ],
    );
    c(
        "iam/oidc-too",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.oauthbearer.method", "oidc"),
            ("aws.region", "us-east-1"),
            ("aws.role_arn", "arn:aws:iam::123456789012:role/doris"),
        ],
    );
    // TLS files (on the BE host: taken as present) and keystores.
    c(
        "tls/ca-file",
        &[
            ("security.protocol", "SSL"),
            ("ssl.ca.location", "FILE:ca.pem"),
        ],
    );
    c(
        "tls/mtls-files",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.location", "FILE:c.pem"),
            ("ssl.key.location", "FILE:k.pem"),
            ("ssl.key.password", "kp"),
        ],
    );
    c(
        "tls/cert-without-key",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.location", "FILE:c.pem"),
        ],
    );
    c(
        "tls/files-under-plaintext",
        &[
            ("ssl.ca.location", "/nonexistent/ca.pem"),
            ("ssl.certificate.location", "/nonexistent/c.pem"),
        ],
    );
    c(
        "tls/keystore-no-password",
        &[
            ("security.protocol", "SSL"),
            ("ssl.keystore.location", "FILE:client.p12"),
        ],
    );
    c(
        "tls/keystore-jks-no-password",
        &[
            ("security.protocol", "SSL"),
            ("ssl.keystore.location", "/etc/kafka/client.keystore.jks"),
        ],
    );
    c(
        "tls/keystore-password",
        &[
            ("security.protocol", "SSL"),
            ("ssl.keystore.location", "FILE:client.p12"),
            ("ssl.keystore.password", "pw"),
        ],
    );
    c(
        "tls/keystore-under-plaintext",
        &[("ssl.keystore.location", "FILE:client.p12")],
    );
    c(
        "tls/verification-off",
        &[
            ("security.protocol", "SSL"),
            ("enable.ssl.certificate.verification", "false"),
            ("ssl.endpoint.identification.algorithm", "none"),
        ],
    );
    // TLS material OpenSSL judges.
    c(
        "pem/ca",
        &[("security.protocol", "SSL"), ("ssl.ca.pem", "{CA_PEM}")],
    );
    c(
        "pem/ca-garbage",
        &[
            ("security.protocol", "SSL"),
            ("ssl.ca.pem", "not a certificate"),
        ],
    );
    c(
        "pem/ca-cut",
        &[
            ("security.protocol", "SSL"),
            ("ssl.ca.pem", "{CERT_PEM_CUT}"),
        ],
    );
    c(
        "pem/ca-under-plaintext",
        &[("ssl.ca.pem", "not a certificate")],
    );
    c(
        "pem/pair",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.pem", "{CERT_PEM}"),
            ("ssl.key.pem", "{KEY_PEM}"),
        ],
    );
    c(
        "pem/pair-mismatched",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.pem", "{CERT_PEM}"),
            ("ssl.key.pem", "{OTHER_KEY_PEM}"),
        ],
    );
    c(
        "pem/key-garbage",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.pem", "{CERT_PEM}"),
            ("ssl.key.pem", "garbage"),
        ],
    );
    c(
        "pem/cert-garbage",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.pem", "garbage"),
            ("ssl.key.pem", "{KEY_PEM}"),
        ],
    );
    c(
        "pem/cert-only",
        &[
            ("security.protocol", "SSL"),
            ("ssl.certificate.pem", "{CERT_PEM}"),
        ],
    );
    c(
        "pem/sasl-ssl-pair",
        &[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
            ("ssl.certificate.pem", "{CERT_PEM}"),
            ("ssl.key.pem", "{KEY_PEM}"),
            ("ssl.ca.pem", "{CA_PEM}"),
        ],
    );
    for (key, good, bad) in [
        (
            "ssl.cipher.suites",
            "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384",
            "NOPE-CIPHER",
        ),
        ("ssl.curves.list", "P-256:P-384", "nope-curve"),
        ("ssl.sigalgs.list", "RSA+SHA256:ECDSA+SHA256", "BOGUS+SHA1"),
    ] {
        c(
            &format!("openssl/{key}/good"),
            &[("security.protocol", "SSL"), (key, good)],
        );
        c(
            &format!("openssl/{key}/bad"),
            &[("security.protocol", "SSL"), (key, bad)],
        );
        c(&format!("openssl/{key}/bad-plaintext"), &[(key, bad)]);
        c(
            &format!("openssl/{key}/bad-sasl-ssl"),
            &[
                ("security.protocol", "SASL_SSL"),
                ("sasl.mechanism", "SCRAM-SHA-512"),
                ("sasl.username", "u"),
                ("sasl.password", "p"),
                (key, bad),
            ],
        );
    }
    // Cross-field rules, with the BE's own settings.
    c(
        "cross/fetch-below-message",
        &[("fetch.max.bytes", "1000"), ("message.max.bytes", "2000")],
    );
    c(
        "cross/message-above-default-fetch",
        &[("message.max.bytes", "60000000")],
    );
    c(
        "cross/receive-below-fetch",
        &[("receive.message.max.bytes", "1000000")],
    );
    c(
        "cross/receive-with-fetch",
        &[
            ("receive.message.max.bytes", "1000000"),
            ("fetch.max.bytes", "999000"),
        ],
    );
    c(
        "cross/queued-caps-fetch",
        &[
            ("queued.max.messages.kbytes", "1000"),
            ("receive.message.max.bytes", "1100000"),
        ],
    );
    c(
        "cross/poll-below-session",
        &[("max.poll.interval.ms", "10000")],
    );
    c(
        "cross/session-above-poll",
        &[("session.timeout.ms", "400000")],
    );
    c(
        "cross/backoff-max-below-be",
        &[("reconnect.backoff.max.ms", "50")],
    );
    c(
        "cross/backoff-above-be-max",
        &[("reconnect.backoff.ms", "20000")],
    );
    c(
        "cross/backoff-both",
        &[
            ("reconnect.backoff.ms", "20000"),
            ("reconnect.backoff.max.ms", "30000"),
        ],
    );
    c(
        "cross/fetch-wait-vs-socket",
        &[("fetch.wait.max.ms", "59500")],
    );
    c(
        "cross/fetch-wait-with-socket",
        &[
            ("fetch.wait.max.ms", "59500"),
            ("socket.timeout.ms", "120000"),
        ],
    );
    // Warnings and what silences them.
    c(
        "warnings/username-without-mechanism",
        &[("sasl.username", "u")],
    );
    c(
        "warnings/producer-and-deprecated",
        &[
            ("acks", "all"),
            ("linger.ms", "5"),
            ("offset.store.method", "file"),
            ("auto.commit.enable", "false"),
        ],
    );
    c(
        "warnings/quiet-log-level",
        &[("log_level", "3"), ("linger.ms", "5")],
    );
    c(
        "warnings/debug-and-quiet",
        &[
            ("log_level", "3"),
            ("debug", "consumer"),
            ("linger.ms", "5"),
        ],
    );
    c(
        "warnings/global-auto-commit",
        &[
            ("enable.auto.commit", "false"),
            ("auto.commit.interval.ms", "1000"),
        ],
    );
    // Several refusals at once, and keys after a refusal.
    c(
        "many/two-bad-values",
        &[
            ("session.timeout.ms", "0"),
            ("check.crcs", "yes"),
            ("client.id", "c"),
        ],
    );
    c(
        "many/bad-and-unknown",
        &[("acks", "abc"), ("security.protocl", "SSL")],
    );
    c(
        "many/unknown-keys",
        &[
            ("a.b", "1"),
            ("c.d", "2"),
            ("e.f", "3"),
            ("g.h", "4"),
            ("i.j", "5"),
        ],
    );
    c(
        "many/group-id-empty-and-protocol",
        &[("group.id", ""), ("security.protocol", "SSL")],
    );
}

/// What the embedded librdkafka makes of `properties` through the BE sequence.
fn embedded(properties: &[(String, String)]) -> ConsumerOutcome {
    let setup = ConsumerSetup {
        brokers: "k1:9092",
        properties,
        be: be::BeConfig::default(),
    };
    be::init(&mut Embedded::new(FilePolicy::AssumeValid), &setup)
}

fn verdict_of_outcome(o: &ConsumerOutcome) -> Verdict {
    let (fails, pause) = match &o.fate {
        Fate::Paused(p) => (
            1 + o.refused.len(),
            Some(p.doris_message().trim_end().to_string()),
        ),
        _ => (0, None),
    };
    let ignored = o
        .ignored
        .iter()
        .filter(|i| i.why != IgnoredWhy::AwsKey)
        .count();
    Verdict::new(fails, ignored, o.warnings.len(), pause)
}

/// A CREATE ROUTINE LOAD with the case's properties.
fn statement(properties: &[(String, String)]) -> String {
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut sql = String::from("CREATE ROUTINE LOAD db.job ON tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"events\", \"kafka_partitions\" = \"0\"");
    for (k, v) in properties {
        let key = if k.starts_with("aws.") {
            k.clone()
        } else {
            format!("property.{k}")
        };
        sql.push_str(&format!(", \"{}\" = \"{}\"", quote(&key), quote(v)));
    }
    sql.push_str(");");
    sql
}

/// rlfe's verdict: its findings marked as librdkafka's, and the properties it plans.
enum Rejected {
    /// By one of Doris's own checks.
    ByDoris(String),
    /// Any other way.
    Otherwise(String),
}

fn rlfe(
    properties: &[(String, String)],
    profile: Profile,
) -> Result<(Verdict, Vec<(String, String)>), Rejected> {
    let mut session = Session::new(SessionOptions {
        profile,
        ..SessionOptions::default()
    });
    let results: Vec<StatementResult> = session.execute_sql(&statement(properties));
    let r = results
        .first()
        .ok_or(Rejected::Otherwise("no result".into()))?;
    if !r.ok {
        let first = r.first_error();
        let text = format!(
            "rejected: {:?}",
            first.map(|d| (d.code(), d.message.to_string()))
        );
        return Err(match first.map(|d| d.rule.kind) {
            Some(RuleKind::Doris) => Rejected::ByDoris(text),
            _ => Rejected::Otherwise(text),
        });
    }
    let planned: Vec<(String, String)> = r
        .plan
        .as_ref()
        .and_then(|p| p.tasks.first())
        .and_then(|t| t.kafka_load_info.as_ref())
        .and_then(|k| k.properties.clone())
        .unwrap_or_default()
        .into_iter()
        .collect();
    let count = |e: ClientEffect| {
        r.diagnostics
            .iter()
            .filter(|d| d.effect == Some(e))
            .map(|d| 1 + d.repeats.len())
            .sum::<usize>()
    };
    let first_fail = r
        .diagnostics
        .iter()
        .find(|d| d.effect == Some(ClientEffect::Fails));
    let pause = first_fail.map(|d| {
        let help = d.help.as_deref().unwrap_or("");
        help.split_once("Doris pauses the job: ")
            .map_or(help, |(_, reason)| reason)
            .to_string()
    });
    Ok((
        Verdict::new(
            count(ClientEffect::Fails),
            count(ClientEffect::Ignored),
            count(ClientEffect::Warns),
            pause,
        ),
        planned,
    ))
}

fn load_corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(CORPUS).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

fn blessing() -> bool {
    std::env::var_os("RLFE_BLESS").is_some()
}

/// The generated corpus with librdkafka's verdicts (the TLS material substituted).
fn judged() -> Vec<Case> {
    generate()
        .into_iter()
        .map(|mut c| {
            let props: Vec<(String, String)> = c
                .properties
                .iter()
                .map(|(k, v)| (k.clone(), material(v)))
                .collect();
            c.librdkafka = Some(verdict_of_outcome(&embedded(&props)));
            c
        })
        .collect()
}

#[test]
fn the_corpus_is_generated_and_librdkafka_answers_as_recorded() {
    let fresh = judged();
    if blessing() {
        std::fs::create_dir_all("tests/corpus/librdkafka").unwrap();
        let text = serde_json::to_string_pretty(&fresh).unwrap();
        std::fs::write(CORPUS, text + "\n").unwrap();
    }
    let recorded = load_corpus();
    assert!(fresh.len() >= 800, "only {} cases", fresh.len());
    assert_eq!(
        recorded.len(),
        fresh.len(),
        "{CORPUS} is stale: regenerate it with RLFE_BLESS=1 cargo test --test librdkafka_agreement"
    );
    let changed: Vec<String> = recorded
        .iter()
        .zip(&fresh)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| {
            format!(
                "{}: recorded {:?}, now {:?} ({:?})",
                a.id, a.librdkafka, b.librdkafka, b.properties
            )
        })
        .collect();
    assert!(
        changed.is_empty(),
        "{} cases differ:\n{}",
        changed.len(),
        changed.join("\n")
    );
}

#[test]
fn rlfe_agrees_with_librdkafka_on_every_case_in_both_profiles() {
    let corpus = load_corpus();
    assert!(!corpus.is_empty(), "{CORPUS} is missing");
    let mut disagreements = Vec::new();
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    let mut rejected = Vec::new();
    for case in &corpus {
        let props: Vec<(String, String)> = case
            .properties
            .iter()
            .map(|(k, v)| (k.clone(), material(v)))
            .collect();
        for profile in [Profile::Doris, Profile::Default] {
            match rlfe(&props, profile) {
                // Doris FE refuses the statement: no job, nothing for the BE to judge.
                Err(Rejected::ByDoris(e)) => {
                    rejected.push(format!("{} ({profile:?}): {e}", case.id))
                }
                Err(Rejected::Otherwise(e)) => {
                    disagreements.push(format!("{} ({profile:?}): {e}", case.id))
                }
                Ok((verdict, planned)) => {
                    // librdkafka judges what rlfe plans to send (the default profile
                    // normalises some spellings first).
                    let expected = if profile == Profile::Doris {
                        case.librdkafka
                            .clone()
                            .unwrap_or_else(|| verdict_of_outcome(&embedded(&props)))
                    } else {
                        verdict_of_outcome(&embedded(&planned))
                    };
                    if profile == Profile::Doris {
                        *classes.entry(expected.class.clone()).or_default() += 1;
                    }
                    if verdict != expected {
                        disagreements.push(format!("{} ({profile:?}): rlfe {verdict:?}, librdkafka {expected:?}, properties {:?}", case.id, case.properties));
                    }
                }
            }
        }
    }
    println!("{} cases, librdkafka's verdicts: {classes:?}", corpus.len());
    println!(
        "{} refused by Doris FE's own checks:\n{}",
        rejected.len(),
        rejected.join("\n")
    );
    assert!(
        rejected.len() <= 10,
        "too many cases are refused before the BE: {rejected:?}"
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn the_property_table_is_the_linked_librdkafkas() {
    assert_eq!(be::embedded::version(), be::LIBRDKAFKA_VERSION);
    // Every property the linked library prints is in the table, with its type.
    let shown = be::embedded::properties_table();
    let mut missing = Vec::new();
    for line in shown.lines().filter(|l| l.contains('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(name) = cells
            .first()
            .filter(|n| !n.is_empty() && !n.starts_with('-') && *n != &"Property")
        else {
            continue;
        };
        let known = table::lookup(Level::Global, name).is_some()
            || table::lookup(Level::Topic, name).is_some();
        if !known {
            missing.push(name.to_string());
        }
    }
    assert!(missing.is_empty(), "not in the table: {missing:?}");
    let features = table::builtin_features();
    for f in [
        "ssl",
        "sasl_gssapi",
        "sasl_scram",
        "sasl_oauthbearer",
        "oidc",
        "zstd",
    ] {
        assert!(features.contains(&f), "{f} is not built in: {features:?}");
    }
}
