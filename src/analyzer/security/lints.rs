//! The rule catalogue beyond Doris: KAFKA-xx (any Kafka), MSK-xx
//! (Amazon MSK) and SEC-xx (credential hygiene). Every rule here is a warning: Doris
//! accepts these statements; the message says when the job will fail when it starts.
//! Precedences between these rules are declared in the registry (`suppressed_by`).

use super::jaas;
use crate::analyzer::client::{ClientMap, ClientSettings, SaslMechanism};
use crate::analyzer::context::AnalyzeContext;
use crate::analyzer::endpoint::{self, EndpointKind};
use crate::analyzer::kafka::SourceInput;
use crate::ast::Span;
use crate::diagnostics::rules::*;
use crate::diagnostics::{ClientEffect, Diagnostic, Text};
use crate::keys::aws::{ACCEPTED_ALIASES, CANONICAL_AWS_KEYS};
use crate::keys::kafka::KafkaKey;
use crate::keys::librdkafka;
use crate::keys::secrets::is_secret_key;
use crate::text::did_you_mean;

const FAILS: &str = "; the job will fail when it starts";

struct Lints<'x, 'a> {
    cm: &'x ClientMap<'a>,
    s: &'x ClientSettings<'a>,
    input: &'x SourceInput<'a>,
    /// librdkafka's verdict, as findings.
    consumer: &'x [Diagnostic],
    out: Vec<Diagnostic>,
}

impl Lints<'_, '_> {
    fn push(&mut self, rule: Rule, msg: impl Into<Text>, span: Span, help: impl Into<Text>) {
        self.out.push(rule.warning(msg).at(span).with_help(help));
    }

    fn key_span(&self, key: &str) -> Span {
        self.cm.key_span(key).unwrap_or(self.input.anchor)
    }

    fn value_span(&self, key: &str) -> Span {
        self.cm.value_span(key).unwrap_or(self.input.anchor)
    }

    fn brokers_span(&self) -> Span {
        self.input.value_span(KafkaKey::BrokerList)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.cm.get(key)
    }

    /// Whether librdkafka's verdict already reports a refusal under `rule`.
    fn refused_by_librdkafka(&self, rule: Rule) -> bool {
        self.consumer
            .iter()
            .any(|d| d.rule == rule && d.effect == Some(ClientEffect::Fails))
    }
}

/// The authentication mode's label.
fn auth_label(cs: &ClientSettings<'_>, iam: bool) -> &'static str {
    match cs.protocol.text.as_str() {
        "ssl" if cs.client_cert => "MTLS",
        "ssl" => "TLS",
        "sasl_ssl" | "sasl_plaintext" => {
            if iam {
                return "IAM";
            }
            match cs.mechanism_kind {
                Some(SaslMechanism::ScramSha512) => "SCRAM512",
                Some(SaslMechanism::ScramSha256) => "SCRAM256",
                Some(SaslMechanism::Plain) => "PLAIN",
                Some(SaslMechanism::Gssapi) | None => "KERBEROS",
                Some(SaslMechanism::OauthBearer) => "OAUTH",
                Some(SaslMechanism::AwsMskIam | SaslMechanism::Other) => "SASL",
            }
        }
        _ => "PLAINTEXT",
    }
}

fn listener_of_port(port: u16) -> Option<&'static str> {
    Some(match port {
        9092 => "plaintext",
        9094 | 9194 => "TLS",
        9096 | 9196 => "SASL/SCRAM",
        9098 | 9198 => "IAM",
        _ => return None,
    })
}

/// (private port, public port) for an auth label on MSK.
fn ports_for(label: &str) -> Option<(u16, Option<u16>)> {
    Some(match label {
        "PLAINTEXT" => (9092, None),
        "TLS" => (9094, None),
        "MTLS" => (9094, Some(9194)),
        "SCRAM512" | "SCRAM256" => (9096, Some(9196)),
        "IAM" => (9098, Some(9198)),
        _ => return None,
    })
}

/// Java-client keys and what to write instead.
fn java_equivalent(key: &str, value: &str) -> Option<&'static str> {
    Some(match key {
        "ssl.truststore.location" => "use \"property.ssl.ca.location\" (a PEM file, e.g. \"FILE:ca.pem\") or \"property.ssl.ca.pem\"; for MSK nothing is needed: the brokers use public ACM certificates",
        "ssl.truststore.password" | "ssl.truststore.type" => "nothing: a PEM CA needs no password",
        "ssl.keystore.type" => "nothing: librdkafka keystores are always PKCS#12 (convert a JKS store, or use ssl.certificate.location + ssl.key.location)",
        "ssl.keystore.location" if value.to_ascii_lowercase().ends_with(".jks") => "use \"property.ssl.certificate.location\" + \"property.ssl.key.location\" (PEM, FILE: references), or convert to PKCS#12 and keep ssl.keystore.location",
        "ssl.protocol" | "ssl.enabled.protocols" | "ssl.keymanager.algorithm" | "ssl.trustmanager.algorithm" | "security.providers" => "nothing: OpenSSL negotiates (ssl.cipher.suites, ssl.curves.list and ssl.sigalgs.list exist)",
        "sasl.client.callback.handler.class" | "sasl.login.callback.handler.class" | "sasl.login.class" => "nothing: for MSK IAM the Doris BE installs its own OAUTHBEARER token callback (aws.* keys)",
        "fetch.max.wait.ms" => "use \"property.fetch.wait.max.ms\"",
        "key.deserializer" | "value.deserializer" => "nothing: Doris decodes messages through \"format\"",
        "max.poll.records" => "nothing: batching is max_batch_rows",
        "sasl.jaas.config" => "write the librdkafka keys instead",
        _ => return None,
    })
}

pub(super) fn is_java_key(key: &str, value: &str) -> bool {
    key.starts_with("ssl.truststore.") || java_equivalent(key, value).is_some()
}

/// What to write instead of a Java client's key.
pub(super) fn java_help(key: &str, value: &str) -> String {
    if key == "sasl.jaas.config" {
        return jaas_help(value);
    }
    java_equivalent(key, value)
        .unwrap_or("use the librdkafka key")
        .to_string()
}

/// Help for `sasl.jaas.config`: the parsed options as the keys to write (secrets masked).
fn jaas_help(value: &str) -> String {
    let Some(j) = jaas::parse(value) else {
        return "the value is not a JAAS entry librdkafka could use anyway (expected '<LoginModule> required name=\"value\" …;')".into();
    };
    let shown = |name: &str, v: &str| {
        if jaas::SECRET_OPTIONS.contains(&name) {
            crate::keys::secrets::MASK.to_string()
        } else {
            v.to_string()
        }
    };
    if j.is_msk_iam() {
        let mut parts: Vec<String> = j
            .options
            .iter()
            .filter_map(|(k, v)| {
                jaas::IAM_OPTION_KEYS
                    .iter()
                    .find(|(o, _)| o == k)
                    .map(|(_, c)| format!("\"{c}\" = \"{}\"", shown(k, v)))
            })
            .collect();
        parts.push("\"property.sasl.mechanism\" = \"OAUTHBEARER\"".into());
        return format!("write {}", parts.join(", "));
    }
    if j.is_plain_or_scram() {
        let u = j.option("username").unwrap_or("<user>");
        return format!(
            "write \"property.sasl.username\" = \"{u}\", \"property.sasl.password\" = \"{}\"",
            crate::keys::secrets::MASK
        );
    }
    if j.is_kerberos() {
        let keytab = j.option("keyTab").unwrap_or("<keytab>");
        let principal = j.option("principal").unwrap_or("<principal>");
        return format!("write \"property.sasl.kerberos.keytab\" = \"{keytab}\", \"property.sasl.kerberos.principal\" = \"{principal}\" (+ \"property.sasl.kerberos.service.name\")");
    }
    "for OAUTHBEARER use the sasl.oauthbearer.* keys (method oidc) or, for MSK IAM, the aws.* keys"
        .into()
}

pub(crate) fn run(
    cm: &ClientMap<'_>,
    cs: &ClientSettings<'_>,
    input: &SourceInput<'_>,
    _ctx: &AnalyzeContext<'_>,
    consumer: &[Diagnostic],
    diags: &mut Vec<Diagnostic>,
) {
    let mut l = Lints {
        cm,
        s: cs,
        input,
        consumer,
        out: Vec::new(),
    };
    let eps = &cs.endpoints;
    let implicit_iam = cs.mechanism == Some("OAUTHBEARER")
        && eps.iter().any(|e| {
            e.is_msk()
                && (matches!(e.port, 9098 | 9198)
                    || e.kind == EndpointKind::Serverless
                    || e.multi_vpc_auth.as_deref() == Some("iam"))
        });
    let iam = cs.iam_explicit || implicit_iam;
    let label = auth_label(cs, iam);
    let pair_missing = cs.iam_explicit && cs.aws.pair_incomplete();

    client_keys(&mut l);
    mechanism_rules(&mut l, iam);
    certificate_rules(&mut l);
    topic_rules(&mut l);
    msk_broker_rules(&mut l, label, iam);
    aws_value_rules(&mut l, iam, implicit_iam, pair_missing);
    secret_rules(&mut l);
    diags.extend(l.out);
}

/// KAFKA-15, 16, 20: advice on the keys (librdkafka's own verdict on each key is the
/// consumer module's).
fn client_keys(l: &mut Lints<'_, '_>) {
    let cm = l.cm;
    let tls = matches!(l.s.protocol.text.as_str(), "ssl" | "sasl_ssl");
    for (key, value) in cm.map.iter() {
        if key.starts_with("aws.")
            || key == "kafka_default_offsets"
            || key == "kafka_origin_default_offsets"
        {
            continue;
        }
        let ks = l.key_span(key);
        let vs = l.value_span(key);
        let Some(def) = librdkafka::lookup(key).filter(|_| super::consumer::taken(key)) else {
            continue;
        };
        // KAFKA-15: keys the BE manages.
        let be_value = match def.alias_of.as_deref().unwrap_or(key) {
            "metadata.broker.list" => Some("the kafka_broker_list value"),
            "enable.partition.eof" => Some("true"),
            "enable.auto.offset.store" => Some("false"),
            "auto.offset.reset" => Some("error"),
            "statistics.interval.ms" => Some("0"),
            _ => None,
        };
        if let Some(bv) = be_value {
            let help = match key {
                "bootstrap.servers" | "metadata.broker.list" => format!("the BE would connect to '{value}' instead of kafka_broker_list; MSK checks were made on kafka_broker_list"),
                "enable.partition.eof" => "routine-load tasks rely on end-of-partition events to finish".to_string(),
                _ => "remove it; Doris keeps its own offsets".to_string(),
            };
            l.push(
                &KAFKA_15,
                format!("'{key}' overrides the value the Doris BE sets ('{bv}')"),
                ks,
                help,
            );
        }
        // KAFKA-20: files the BE reads (TLS files only under TLS, the keytab only
        // under SASL).
        let read = if key == "sasl.kerberos.keytab" {
            l.s.protocol.is_sasl()
        } else {
            key.ends_with(".location") && (tls || !key.starts_with("ssl"))
        };
        if read && !value.starts_with("FILE:") {
            l.push(
                &KAFKA_20,
                format!("'{key}' refers to a path that must exist on every BE host"),
                vs,
                "upload it with CREATE FILE and use \"FILE:<name>\" (not for a CA directory)",
            );
        }
    }
    // KAFKA-16: one setting written twice (property.aws.x and aws.x; librdkafka aliases).
    let input = l.input;
    let written = input
        .client
        .iter()
        .map(|e| (e.key, e.value, e.property.key.span));
    let mut first_value: crate::text::hash::FastMap<&str, &str> =
        crate::text::hash::FastMap::default();
    for (k, v, span) in written {
        if let Some(v2) = first_value.get(k).copied().or_else(|| {
            first_value.insert(k, v);
            None
        }) {
            let differs = v != v2;
            l.push(&KAFKA_16, if differs { format!("'{k}' is set twice with different values") } else { format!("'{k}' is set twice") }, span, "keep one spelling: the canonical key (the bare aws.* form; the singular librdkafka name)");
        }
    }
    for (a, b) in [
        ("bootstrap.servers", "metadata.broker.list"),
        ("max.partition.fetch.bytes", "fetch.message.max.bytes"),
    ] {
        if let (Some(va), Some(vb)) = (l.get(a), l.get(b)) {
            let differs = va != vb;
            let span = l.key_span(a);
            l.push(
                &KAFKA_16,
                if differs {
                    format!("'{a}' and '{b}' set the same property with different values")
                } else {
                    format!("'{a}' and '{b}' set the same property")
                },
                span,
                "keep one spelling",
            );
        }
    }
}

/// KAFKA-05 … KAFKA-11.
fn mechanism_rules(l: &mut Lints<'_, '_>, iam: bool) {
    let cs = l.s;
    let m_key = cs.mechanism_key;
    // KAFKA-06
    if let (Some(a), Some(b)) = (l.get("sasl.mechanism"), l.get("sasl.mechanisms")) {
        let (a, b) = (a.to_string(), b.to_string());
        let span = l.key_span("sasl.mechanisms");
        l.push(&KAFKA_06, format!("'sasl.mechanism' and 'sasl.mechanisms' are the same librdkafka setting and are both set ('{a}' vs '{b}')"), span, "keep \"property.sasl.mechanism\": Doris's IAM check reads only that spelling, and the BE applies sasl.mechanisms last");
    }
    // KAFKA-05: librdkafka's refusals are the consumer module's; this is advice.
    if let Some(m) = cs.mechanism.filter(|m| *m == "SCRAM-SHA-1") {
        if cs.protocol.is_sasl() {
            let span = l.value_span(m_key);
            l.push(
                &KAFKA_05,
                format!(
                    "SASL mechanism '{m}' is accepted by librdkafka but offered by no Kafka broker"
                ),
                span,
                "use SCRAM-SHA-512",
            );
        }
    }
    let sasl_keys: Vec<String> =
        l.cm.map
            .iter()
            .filter(|(k, _)| {
                k.starts_with("sasl.mechanism")
                    || *k == "sasl.username"
                    || *k == "sasl.password"
                    || k.starts_with("sasl.kerberos.")
                    || k.starts_with("sasl.oauthbearer.")
            })
            .map(|(k, _)| k.to_string())
            .collect();
    // KAFKA-07 (librdkafka itself warns when a mechanism is set: the consumer module)
    if let (Some(first), true) = (
        sasl_keys.first(),
        !iam && cs.mechanism.is_none() && matches!(cs.protocol.text.as_str(), "plaintext" | "ssl"),
    ) {
        let span = l.key_span(first);
        l.push(&KAFKA_07, format!("SASL settings are ignored because 'security.protocol' is '{}'", cs.protocol.upper()), span, "set \"property.security.protocol\" = \"SASL_SSL\" (or SASL_PLAINTEXT for a non-TLS listener)");
    }
    let has_kerberos = cs.kerberos;
    // KAFKA-08 (when librdkafka refuses GSSAPI, the consumer module says so)
    let refused = l.refused_by_librdkafka(&KAFKA_08);
    if cs.protocol.is_sasl() && cs.mechanism.is_none() && !iam && !has_kerberos && !refused {
        let span = l.value_span("security.protocol");
        let msg =
            "'property.sasl.mechanism' is not set, so librdkafka defaults to GSSAPI (Kerberos)";
        l.push(
            &KAFKA_08,
            msg,
            span,
            "Valid values: GSSAPI, PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER",
        );
    }
    let any_msk = cs.endpoints.iter().any(|e| e.is_msk());
    // KAFKA-09
    if cs.protocol.text == "sasl_plaintext" && !any_msk {
        let span = l.value_span("security.protocol");
        match cs.mechanism {
            Some("PLAIN") => l.push(
                &KAFKA_09,
                "SASL/PLAIN over SASL_PLAINTEXT sends the password unencrypted",
                span,
                "use SASL_SSL",
            ),
            Some("OAUTHBEARER") => l.push(
                &KAFKA_09,
                "SASL/OAUTHBEARER over SASL_PLAINTEXT sends a bearer token unencrypted",
                span,
                "use SASL_SSL",
            ),
            Some(s) if s.starts_with("SCRAM-") => l.push(
                &KAFKA_09,
                format!("SASL/{s} over SASL_PLAINTEXT sends the data unencrypted"),
                span,
                "use SASL_SSL",
            ),
            _ => {}
        }
    }
}

/// KAFKA-12 (advice: librdkafka's refusal of a keystore without its password is the
/// consumer module's), KAFKA-13. Nothing here applies without TLS: no TLS file is read.
fn certificate_rules(l: &mut Lints<'_, '_>) {
    if !matches!(l.s.protocol.text.as_str(), "ssl" | "sasl_ssl") {
        return;
    }
    let has = |l: &Lints<'_, '_>, k: &str| l.get(k).is_some();
    let cert = has(l, "ssl.certificate.location") || has(l, "ssl.certificate.pem");
    let key = has(l, "ssl.key.location") || has(l, "ssl.key.pem");
    let keystore = has(l, "ssl.keystore.location");
    let pem_help = "set both \"property.ssl.certificate.location\" and \"property.ssl.key.location\" (FILE: references); without the key the broker refuses the client";
    if cert && !key && !keystore {
        let k = if has(l, "ssl.certificate.location") {
            "ssl.certificate.location"
        } else {
            "ssl.certificate.pem"
        };
        let span = l.key_span(k);
        l.push(
            &KAFKA_12,
            format!("Client certificate is incomplete: '{k}' is set but 'ssl.key.location' is not"),
            span,
            pem_help,
        );
    } else if key && !cert && !keystore {
        let k = if has(l, "ssl.key.location") {
            "ssl.key.location"
        } else {
            "ssl.key.pem"
        };
        let span = l.key_span(k);
        l.push(&KAFKA_12, format!("Client certificate is incomplete: '{k}' is set but 'ssl.certificate.location' is not"), span, pem_help);
    }
    if has(l, "ssl.key.password") && !key && !keystore {
        let span = l.key_span("ssl.key.password");
        l.push(&KAFKA_12, "Client certificate is incomplete: 'ssl.key.password' is set but 'ssl.key.location' is not", span, pem_help);
    }
    if keystore && (cert || key) {
        let span = l.key_span("ssl.keystore.location");
        l.push(
            &KAFKA_12,
            "Client certificate is set twice: both a PKCS#12 keystore and a PEM certificate/key",
            span,
            "keep one of them",
        );
    }
    let tls = matches!(l.s.protocol.text.as_str(), "ssl" | "sasl_ssl");
    let msk_help = |l: &Lints<'_, '_>| {
        if l.s.endpoints.iter().any(|e| e.is_msk()) {
            "MSK brokers use public ACM certificates and real DNS names; verification works without extra settings"
        } else {
            "remove the setting so librdkafka verifies the broker"
        }
    };
    if l.get("enable.ssl.certificate.verification")
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "false" | "f" | "0"))
        && tls
    {
        let span = l.value_span("enable.ssl.certificate.verification");
        let h = msk_help(l);
        l.push(
            &KAFKA_13,
            "TLS certificate verification is disabled; the connection is open to interception",
            span,
            h,
        );
    }
    if l.get("ssl.endpoint.identification.algorithm")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("none"))
        && tls
    {
        let span = l.value_span("ssl.endpoint.identification.algorithm");
        let h = msk_help(l);
        l.push(
            &KAFKA_13,
            "TLS hostname verification is disabled; the connection is open to interception",
            span,
            h,
        );
    }
}

/// KAFKA-18, MSK-32, MSK-33.
fn topic_rules(l: &mut Lints<'_, '_>) {
    if let Some(p) = l.input.get(KafkaKey::Topic) {
        let t = crate::text::without_spaces(p.value());
        let span = p.value.span;
        let reason = if t.is_empty() {
            None
        } else if t.len() > 249 {
            Some("longer than 249 characters".to_string())
        } else if t == "." || t == ".." {
            Some("'.' and '..' are not topic names".to_string())
        } else {
            t.chars()
                .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
                .map(|c| format!("'{c}' is not allowed"))
        };
        if let Some(r) = reason {
            l.push(&KAFKA_18, format!("Topic name '{t}' is not a legal Kafka topic name: {r}"), span, "Kafka topic names use only letters, digits, '.', '_' and '-', at most 249 characters");
        }
        let internal = matches!(
            t.as_str(),
            "__consumer_offsets"
                | "__transaction_state"
                | "__amazon_msk_canary"
                | "__amazon_msk_canary_state"
        ) || t.starts_with("__amazon_msk_connect_")
            || t.starts_with("__msk_connect_");
        if internal {
            l.push(
                &MSK_32,
                format!("'{t}' is an internal Kafka/MSK topic"),
                span,
                "consume an application topic; internal topics hold broker or MSK state",
            );
        }
    }
}

/// MSK-01, 02, 04, 06–15, 28, 30, 31, 33.
fn msk_broker_rules(l: &mut Lints<'_, '_>, label: &str, iam: bool) {
    let eps = &l.s.endpoints;
    let span = l.brokers_span();
    let cs = l.s;
    let m = cs.mechanism.unwrap_or_default();
    let pm = || {
        if cs.protocol.is_sasl() {
            format!(
                "{}/{}",
                cs.protocol.upper(),
                if m.is_empty() { "GSSAPI" } else { m }
            )
        } else {
            cs.protocol.upper()
        }
    };
    let mut msk01 = Vec::new();
    let mut msk02_err = Vec::new();
    let mut msk02_mix = Vec::new();
    for e in eps {
        // `host:port`, for the messages (built only when one is written).
        let b = || format!("{}:{}", e.host, e.port);
        // MSK-09, MSK-10
        if e.kind == EndpointKind::ZooKeeper || matches!(e.port, 2181 | 2182) {
            l.push(&MSK_09, format!("'{}' is an Apache ZooKeeper endpoint, not a Kafka broker; use the bootstrap broker string{FAILS}", b()), span, "use the bootstrap broker string (b-N… hosts on 9092/9094/9096/9098)");
            continue;
        }
        if matches!(e.port, 11001 | 11002) {
            l.push(&MSK_10, format!("Port {} is an MSK open-monitoring (Prometheus exporter) port, not a Kafka listener{FAILS}", e.port), span, "use the bootstrap broker string (b-N… hosts on 9092/9094/9096/9098)");
            continue;
        }
        if !e.is_msk() {
            continue;
        }
        // MSK-06
        if e.kind == EndpointKind::Serverless {
            if label != "IAM" || e.port != 9098 {
                l.push(&MSK_06, format!("MSK Serverless requires IAM access control; '{label}' cannot connect to '{}'{FAILS}", b()), span, "use SASL_SSL + OAUTHBEARER + aws.region on port 9098; Kafka ACLs and SASL/SCRAM are not available on serverless");
            }
            continue;
        }
        // MSK-02
        let public_host = e.kind == EndpointKind::Public;
        let public_port = matches!(e.port, 9194 | 9196 | 9198);
        if public_host || public_port {
            if matches!(label, "PLAINTEXT" | "TLS") {
                msk02_err.push(b());
                continue;
            }
            if public_host && matches!(e.port, 9092 | 9094 | 9096 | 9098) {
                msk02_mix.push((b(), "public", "private"));
                continue;
            }
            if !public_host && public_port {
                msk02_mix.push((b(), "private", "public"));
                continue;
            }
        }
        // MSK-11
        if e.multi_vpc_auth.is_some() || (14001..=14100).contains(&e.port) {
            let want = match e.multi_vpc_auth.as_deref() {
                Some("iam") => Some("IAM"),
                Some("scram") => Some("SCRAM512"),
                Some("tls") => Some("MTLS"),
                _ => None,
            };
            if let Some(w) = want {
                if w != label {
                    l.push(&MSK_11, format!("Multi-VPC endpoint '{}' is the {} connection, but the client is configured for {label}{FAILS}", b(), e.multi_vpc_auth.as_deref().unwrap_or("")), span, "use the multi-VPC bootstrap string for the configured scheme (labels iam/scram/tls, ports 14001-14100)");
                } else if !(14001..=14100).contains(&e.port) {
                    l.push(&MSK_11, format!("Multi-VPC endpoint '{}' uses port {}, outside 14001-14100", b(), e.port), span, "use the multi-VPC bootstrap string for the configured scheme (labels iam/scram/tls, ports 14001-14100)");
                }
            }
            continue;
        }
        // MSK-01
        if e.kind == EndpointKind::Provisioned {
            if let (Some(listener), Some((private, public))) =
                (listener_of_port(e.port), ports_for(label))
            {
                if e.port != private && Some(e.port) != public {
                    msk01.push((b(), listener, private, public));
                }
            }
        }
    }
    if !msk02_err.is_empty() {
        l.push(&MSK_02, format!("Public MSK endpoint '{}' requires an authenticated, encrypted connection (IAM, SASL/SCRAM or mTLS){FAILS}", msk02_err.join("', '")), span, "from outside AWS use the public bootstrap string (b-N-public…, ports 9194/9196/9198) with IAM, SASL/SCRAM-SHA-512 or mTLS; inside AWS use the private string");
    }
    for (b, host, port) in msk02_mix {
        l.push(&MSK_02, format!("'{b}' mixes a {host} host name with a {port} port"), span, "the public and private bootstrap strings are different: from outside AWS use the public one (b-N-public…, ports 9194/9196/9198), inside AWS the private one");
    }
    if let Some(&(_, listener, private, public)) = msk01.first() {
        let bs: Vec<String> = msk01.iter().map(|(b, ..)| b.clone()).collect();
        let port_help = match label {
            "IAM" => "for IAM use port 9098 (9198 for public access)".to_string(),
            "SCRAM512" | "SCRAM256" => {
                "for SASL/SCRAM use port 9096 (9196 for public access)".to_string()
            }
            "MTLS" => "for mTLS use port 9094 (9194 for public access)".to_string(),
            "TLS" => "for TLS use port 9094".to_string(),
            _ => format!(
                "use port {private}{}",
                public
                    .map(|p| format!(" ({p} for public access)"))
                    .unwrap_or_default()
            ),
        };
        let settings = match listener {
            "IAM" => "; or, for port 9098: it is IAM, use SASL_SSL + OAUTHBEARER with aws.region",
            "SASL/SCRAM" => "; or, for port 9096: it is SASL/SCRAM, use SASL_SSL + SCRAM-SHA-512 with sasl.username and sasl.password",
            "TLS" => "; or, for port 9094: it is TLS, use \"property.security.protocol\" = \"SSL\"",
            _ => "",
        };
        l.push(&MSK_01, format!("Broker '{}' is the MSK {listener} listener, but the client is configured for {label} ({}){FAILS}", bs.join("', '"), pm()), span, format!("{port_help}{settings}"));
    }
    let any_msk = eps.iter().any(|e| e.is_msk());
    let serverless = eps.iter().any(|e| e.kind == EndpointKind::Serverless);
    // MSK-07 (declared: MSK-06 and KAFKA-05 take precedence)
    if any_msk {
        let oidc = l.s.oidc;
        let msg = match label {
            "SCRAM256" => Some("Amazon MSK supports only SCRAM-SHA-512".to_string()),
            "PLAIN" | "KERBEROS" => Some(format!("Amazon MSK does not offer SASL/{}; it supports IAM (OAUTHBEARER), SASL/SCRAM-SHA-512 and mTLS", if label == "PLAIN" { "PLAIN" } else { "GSSAPI" })),
            "OAUTH" if oidc => Some("Amazon MSK does not offer SASL/OAUTHBEARER (OIDC); it supports IAM (OAUTHBEARER), SASL/SCRAM-SHA-512 and mTLS".to_string()),
            _ => None,
        };
        if let Some(msg) = msg {
            let span = l.value_span("sasl.mechanism");
            l.push(&MSK_07, format!("{msg}{FAILS}"), span, "use SASL_SSL + SCRAM-SHA-512 on port 9096 (9196 public), or IAM (OAUTHBEARER + aws.region) on port 9098 (9198 public)");
        }
    }
    // MSK-08
    if any_msk && cs.protocol.text == "sasl_plaintext" {
        let span = l.value_span("security.protocol");
        l.push(
            &MSK_08,
            format!("Amazon MSK SASL listeners (SCRAM and IAM) require TLS; use 'SASL_SSL'{FAILS}"),
            span,
            "set \"property.security.protocol\" = \"SASL_SSL\"",
        );
    }
    // MSK-04
    if let Some(region) = l.s.aws.region {
        for e in eps {
            if let Some(r) = e.region.as_deref().filter(|r| *r != region) {
                let sure = e.is_msk();
                let msg = format!(
                    "'aws.region' is '{region}' but broker '{}' is in region '{r}'{}",
                    e.host,
                    if sure && iam { FAILS } else { "" }
                );
                let span = l.value_span("aws.region");
                l.push(&MSK_04, msg, span, "MSK IAM tokens are signed for the cluster's region; multi-VPC connectivity is same-region only");
                break;
            }
        }
    }
    // MSK-12
    if let (Some(first), true) = (eps.first(), eps.len() >= 2) {
        let what = eps.iter().skip(1).find_map(|e| {
            if e.cluster_suffix() != first.cluster_suffix() && (e.is_msk() || first.is_msk()) {
                Some(("clusters", e))
            } else if e.region != first.region {
                Some(("regions", e))
            } else if e.kind != first.kind {
                Some(("endpoint kinds", e))
            } else if e.port != first.port {
                Some(("ports", e))
            } else {
                None
            }
        });
        if let Some((what, e)) = what {
            l.push(&MSK_12, format!("kafka_broker_list mixes {what} ('{}:{}' vs '{}:{}'); a bootstrap string lists brokers of one cluster and one listener", first.host, first.port, e.host, e.port), span, "copy one bootstrap string (one cluster, one listener) from the MSK console or get-bootstrap-brokers");
        }
    }
    // MSK-13
    if matches!(eps.as_slice(), [only] if only.is_msk()) && !serverless {
        l.push(
            &MSK_13,
            "Only one bootstrap broker is listed",
            span,
            "list at least one broker per availability zone so the job survives broker patching",
        );
    }
    // MSK-14
    if let Some(e) = eps.iter().find(|e| e.kind == EndpointKind::AwsLooking) {
        l.push(&MSK_14, format!("'{}' looks like an AWS host name but not like an MSK broker endpoint (b-N.<cluster>.<id>.cN.kafka.<region>.amazonaws.com)", e.host), span, "copy the bootstrap string from the MSK console or 'aws kafka get-bootstrap-brokers'");
    }
    // MSK-15
    if label == "MTLS" {
        let region =
            l.s.aws
                .region
                .map(str::to_string)
                .or_else(|| eps.iter().find_map(|e| e.region.clone()));
        if region
            .as_deref()
            .is_some_and(|r| r == "cn-north-1" || r == "cn-northwest-1")
        {
            l.push(&MSK_15, "The MSK Developer Guide states that TLS client authentication is not available in the Beijing and Ningxia regions", span, "use IAM or SASL/SCRAM-SHA-512 there, or confirm with current MSK documentation");
        }
    }
    // MSK-30
    if iam {
        if let Some(v) = l
            .get("reconnect.backoff.ms")
            .and_then(crate::be::conf::int_value)
        {
            if v < 1000 {
                let span = l.value_span("reconnect.backoff.ms");
                l.push(&MSK_30, format!("MSK limits IAM connection attempts (100 per second per broker, 4 on kafka.t3.small); a reconnect backoff of {v} ms can trip 'Too many connects'"), span, "the MSK guide suggests e.g. \"property.reconnect.backoff.ms\" = \"1000\"");
            }
        }
        // MSK-33
        if let Some(g) = l.cm.get("group.id") {
            if let Some(c) = g.chars().find(|c| *c == '*' || *c == '?') {
                let span = l.value_span("group.id");
                l.push(&MSK_33, format!("group.id '{g}' contains '{c}', which IAM policies treat as a wildcard; a policy for this group also matches other groups"), span, "use a group.id without '*' or '?'");
            }
        }
    }
    // MSK-31
    if serverless {
        if let Some(v) = l
            .get("fetch.max.bytes")
            .and_then(crate::be::conf::int_value)
        {
            if v > 55_000_000 {
                let span = l.value_span("fetch.max.bytes");
                l.push(&MSK_31, format!("MSK Serverless rejects fetch requests larger than 55MB; 'fetch.max.bytes' is {v}"), span, "lower \"property.fetch.max.bytes\" (librdkafka default 52428800)");
            }
        }
    }
}

/// MSK-20 … MSK-29 on the aws.* values.
fn aws_value_rules(l: &mut Lints<'_, '_>, iam: bool, implicit: bool, pair_missing: bool) {
    let cs = l.s;
    let region = l.s.aws.region;
    // MSK-20 (MSK-03 replaces it on public endpoints)
    if pair_missing {
        let k = if l.s.aws.access_key.is_some() {
            "aws.access_key"
        } else {
            "aws.secret_key"
        };
        let span = l.key_span(k);
        l.push(&MSK_20, "When using AWS credentials, both 'aws.access_key' and 'aws.secret_key' must be provided together.", span, "give both keys or neither; without them the BE ignores the one given and uses aws.role_arn, aws.credentials_provider or the default chain");
    }
    // MSK-21
    if let Some(arn) = l.s.aws.role_arn {
        let span = l.value_span("aws.role_arn");
        let expected = "(expected arn:aws:iam::<12-digit account>:role/[path/]<name>)";
        match endpoint::parse_role_arn(arn) {
            Ok(parsed) => {
                if let Some(r) = region.filter(|r| endpoint::is_region(r)) {
                    if endpoint::partition_of(r) != parsed.partition {
                        l.push(&MSK_21, format!("'aws.role_arn' is in partition '{}' but region '{r}' is in partition '{}'{FAILS}", parsed.partition, endpoint::partition_of(r)), span, "its partition must match the region (aws-cn for cn-*, aws-us-gov for us-gov-*)");
                    }
                }
            }
            Err(problem) => {
                let msg = match problem {
                    endpoint::ArnProblem::User => format!("'aws.role_arn' is an IAM user ARN, not a role ARN: '{arn}' {expected}"),
                    endpoint::ArnProblem::AssumedRole { account, role } => format!("'aws.role_arn' is an STS session ARN; the role ARN is 'arn:aws:iam::{account}:role/{role}'"),
                    endpoint::ArnProblem::Policy => format!("'aws.role_arn' is a policy ARN, not a role ARN: '{arn}' {expected}"),
                    endpoint::ArnProblem::Malformed => format!("'aws.role_arn' is not an IAM role ARN: '{arn}' {expected}"),
                };
                l.push(&MSK_21, format!("{msg}{FAILS}"), span, "copy the ARN from the role's summary in the IAM console; its partition must match the region (aws-cn for cn-*, aws-us-gov for us-gov-*)");
            }
        }
    }
    // MSK-22
    if let Some(x) = l.s.aws.external_id {
        let n = x.chars().count();
        let ok = (2..=1224).contains(&n)
            && x.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c));
        if !ok {
            let span = l.value_span("aws.external_id");
            l.push(&MSK_22, format!("'aws.external_id' must be 2-1224 characters from letters, digits and + = , . @ : / - _{FAILS}"), span, "the value must equal the sts:ExternalId condition in the role's trust policy");
        }
    }
    // MSK-23
    if let Some(r) = region {
        let span = l.value_span("aws.region");
        let derived = cs.endpoints.iter().find_map(|e| e.region.clone());
        if !endpoint::is_region(r) {
            let mut help = if endpoint::is_region(&r.to_ascii_lowercase()) {
                format!(
                    "use the lower-case region code '{}'",
                    r.to_ascii_lowercase()
                )
            } else {
                "use the lower-case region code, e.g. 'us-east-1'".to_string()
            };
            if let Some(d) = &derived {
                help.push_str(&format!("; the broker host name says '{d}'"));
            }
            l.push(
                &MSK_23,
                format!(
                    "'aws.region' value '{r}' is not an AWS region code{}",
                    if iam { FAILS } else { "" }
                ),
                span,
                help,
            );
        } else if !endpoint::KNOWN_REGIONS.contains(&r) {
            let close = did_you_mean(r, endpoint::KNOWN_REGIONS.iter().copied(), 1);
            l.push(
                &MSK_23,
                format!("'aws.region' value '{r}' is not a region known to rlfe"),
                span,
                match close.first() {
                    Some(c) => format!("did you mean '{c}'?"),
                    None => "check the region code".to_string(),
                },
            );
        } else if cs
            .endpoints
            .iter()
            .any(|e| e.kind == EndpointKind::Serverless)
            && !endpoint::SERVERLESS_REGIONS.contains(&r)
        {
            l.push(
                &MSK_23,
                format!("MSK Serverless is not listed as available in '{r}'"),
                span,
                "check the MSK Serverless regions",
            );
        }
    }
    // MSK-24
    if let Some(v) = l.s.aws.credentials_provider {
        let span = l.value_span("aws.credentials_provider");
        let upper = v.to_ascii_uppercase();
        let help = "DEFAULT (SDK default chain), ENV (environment variables), INSTANCE_PROFILE (EC2 instance role), CONTAINER (ECS/EKS container credentials)";
        if !matches!(
            upper.as_str(),
            "DEFAULT" | "ENV" | "INSTANCE_PROFILE" | "CONTAINER" | "ENVIRONMENT" | "ECS"
        ) {
            l.push(&MSK_24, format!("'aws.credentials_provider' must be one of DEFAULT, ENV, INSTANCE_PROFILE, CONTAINER{FAILS}"), span, help);
        } else if v != upper || upper == "ENVIRONMENT" || upper == "ECS" {
            l.push(
                &MSK_24,
                format!("'aws.credentials_provider' = '{v}' is not the canonical spelling"),
                span,
                help,
            );
        }
    }
    // MSK-26: unknown aws.* keys (aliases were reported as MSK-25).
    let unknown: Vec<String> =
        l.cm.map
            .iter()
            .filter(|(k, _)| {
                k.starts_with("aws.")
                    && !CANONICAL_AWS_KEYS.contains(k)
                    && !ACCEPTED_ALIASES.iter().any(|(a, _, _)| a == k)
            })
            .map(|(k, _)| k.to_string())
            .collect();
    for k in unknown {
        let mut candidates: Vec<&str> = CANONICAL_AWS_KEYS.to_vec();
        candidates.extend(ACCEPTED_ALIASES.iter().map(|(a, _, _)| *a));
        let close = did_you_mean(&k, candidates, 2);
        let span = l.key_span(&k);
        let help = match close.as_slice() {
            [] => format!("the MSK IAM settings are {}", CANONICAL_AWS_KEYS.join(", ")),
            s => format!(
                "did you mean {}?",
                s.iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        l.push(&MSK_26, format!("Unknown AWS setting '{k}'; Doris ignores it, but it still turns on MSK IAM validation"), span, help);
    }
    // MSK-27
    if cs.iam_explicit {
        let scram_or_plain = cs
            .mechanism
            .is_some_and(|m| m.starts_with("SCRAM-") || m == "PLAIN");
        let unsecure_jwt = cs.unsecure_jwt;
        let oidc = cs.oidc;
        let what = if unsecure_jwt || oidc {
            Some((
                "OIDC settings",
                if unsecure_jwt {
                    "enable.sasl.oauthbearer.unsecure.jwt"
                } else {
                    "sasl.oauthbearer.method"
                },
            ))
        } else if (l.s.username.is_some() || l.s.password.is_some()) && !scram_or_plain {
            Some((
                "SASL/SCRAM credentials",
                if l.s.username.is_some() {
                    "sasl.username"
                } else {
                    "sasl.password"
                },
            ))
        } else if cs.client_cert {
            Some((
                "a client certificate",
                if l.get("ssl.certificate.location").is_some() {
                    "ssl.certificate.location"
                } else {
                    "ssl.keystore.location"
                },
            ))
        } else {
            None
        };
        if let Some((what, key)) = what {
            let span = l.key_span(key);
            l.push(&MSK_27, format!("The statement mixes AWS MSK IAM settings with {what}; only one authentication mode applies"), span, format!("under Doris IAM wins: remove '{key}' (one listener and bootstrap string per authentication mode)"));
        }
    }
    // MSK-28
    if implicit && !cs.iam_explicit {
        let b = cs
            .endpoints
            .iter()
            .find(|e| e.is_msk())
            .map(|e| format!("{}:{}", e.host, e.port))
            .unwrap_or_default();
        let derived = cs
            .endpoints
            .iter()
            .find_map(|e| e.region.clone())
            .unwrap_or_else(|| "<region>".into());
        let span = l.brokers_span();
        l.push(&MSK_28, format!("OAUTHBEARER to MSK IAM listener '{b}' without 'aws.region'; Doris signs MSK IAM tokens with the configured region"), span, format!("add \"aws.region\" = \"{derived}\""));
    }
    // MSK-29
    if l.s.aws.access_key.is_some() && l.s.aws.secret_key.is_some() && l.s.aws.role_arn.is_none() {
        for k in ["aws.profile_name", "aws.credentials_provider"] {
            if l.get(k).is_some() {
                let span = l.key_span(k);
                l.push(&MSK_29, format!("'{k}' is not used: static keys take precedence"), span, "the BE uses aws.access_key + aws.secret_key first, then aws.role_arn, then aws.credentials_provider / aws.profile_name, then the default chain");
            }
        }
    }
}

/// SEC-01 … SEC-05. Never quotes a secret value.
fn secret_rules(l: &mut Lints<'_, '_>) {
    let any_msk = l.s.endpoints.iter().any(|e| e.is_msk());
    let input = l.input;
    let written = input
        .client
        .iter()
        .map(|e| (e.key, e.value, e.property.key.span, e.property.value.span));
    let mut seen = crate::text::hash::FastSet::default();
    for (key, value, kspan, vspan) in written {
        // One diagnostic per rule and key.
        if value.is_empty() || !is_secret_key(key) || !seen.insert(key) {
            continue;
        }
        // SEC-05
        let lower = value.to_ascii_lowercase();
        if lower.starts_with("secret://")
            || (lower.starts_with("arn:aws") && lower.contains(":secretsmanager:"))
        {
            l.push(&SEC_05, format!("Doris does not resolve secret references; '{key}' would be sent literally{FAILS}"), vspan, "give the secret value itself (our outputs mask it) or switch to IAM authentication");
            continue;
        }
        // SEC-02 replaces SEC-01 for spellings Doris does not mask.
        let doris_masks = matches!(
            key,
            "sasl.jaas.config" | "aws.access_key" | "aws.secret_key" | "aws.session_key"
        );
        let alias = ACCEPTED_ALIASES.iter().find(|(a, _, _)| *a == key);
        let near_miss = librdkafka::lookup(key).is_none()
            && alias.is_none()
            && !CANONICAL_AWS_KEYS.contains(&key)
            && (key.starts_with("sasl.") || key.starts_with("ssl."));
        if let Some((_, canonical, _)) = alias {
            l.push(&SEC_02, format!("'{key}' carries a secret but Doris does not mask this spelling in its audit log"), kspan, format!("write \"{}\" (rlfe masks the value in every output)", canonical.unwrap_or(key)));
            continue;
        }
        if near_miss && librdkafka::lookup(key).is_none() {
            l.push(&SEC_02, format!("'{key}' carries a secret but Doris does not mask this spelling in its audit log"), kspan, "check the key's spelling (rlfe masks the value in every output)");
            continue;
        }
        // SEC-01
        if key == "sasl.jaas.config" || key == "sasl.oauthbearer.config" {
            let has_secret = jaas::parse(value).is_some_and(|j| {
                j.options
                    .iter()
                    .any(|(k, _)| jaas::SECRET_OPTIONS.contains(&k.as_str()))
            }) || value.contains("password")
                || value.contains("clientSecret");
            if !has_secret {
                continue;
            }
        }
        let help = match key {
            "aws.secret_key" | "aws.access_key" => "prefer \"aws.role_arn\" or \"aws.credentials_provider\" = \"INSTANCE_PROFILE\" (static keys are required only for public endpoints, MSK-03)",
            "ssl.key.pem" => "prefer \"property.ssl.key.location\" = \"FILE:<name>\"",
            "sasl.password" if any_msk => "prefer IAM authentication",
            "ssl.key.password" | "ssl.keystore.password" => "no alternative in Doris; restrict who can run SHOW CREATE ROUTINE LOAD",
            _ => "keep the statement text out of logs; rlfe masks the value in every output",
        };
        let _ = doris_masks;
        l.push(
            &SEC_01,
            format!(
                "'{key}' holds a secret in the statement text; it is stored in the job definition"
            ),
            kspan,
            help,
        );
    }
    // SEC-03, SEC-04 (on the normalised keys; values never printed)
    let ak = l.s.aws.access_key;
    let sk = l.s.aws.secret_key;
    if let Some(ak) = &ak {
        let span = l.key_span("aws.access_key");
        let id_like = |s: &str| {
            (s.starts_with("AKIA") || s.starts_with("ASIA"))
                && s.len() == 20
                && s.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        };
        let help = "aws.access_key is the 20-character id (AKIA… or ASIA…); aws.secret_key is the 40-character secret";
        if ak.len() == 40 && (ak.contains('/') || ak.contains('+')) && sk.is_some_and(id_like) {
            l.push(
                &SEC_03,
                "the access key and secret key look swapped",
                span,
                help,
            );
        } else if !(16..=128).contains(&ak.len())
            || !ak
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            l.push(
                &SEC_03,
                "'aws.access_key' does not look like an AWS access key id",
                span,
                help,
            );
        }
        if ak.starts_with("ASIA") {
            if l.s.aws.session_key.is_none() {
                l.push(&SEC_04, format!("'aws.access_key' is a temporary STS credential (ASIA…); it cannot be used without its session token{FAILS}"), span, "use \"aws.role_arn\" so the BE refreshes credentials itself");
            } else {
                l.push(&SEC_04, "'aws.access_key' is a temporary STS credential (ASIA…); it expires and is not refreshed", span, "use \"aws.role_arn\" so the BE refreshes credentials itself");
            }
        }
    }
}
