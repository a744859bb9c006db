//! librdkafka's verdict on a job's client properties, as findings: what Doris BE's
//! consumer does with each property (`be`: the BE sequence over the model of
//! librdkafka 1.9.2, or the embedded library where only OpenSSL can judge) becomes the
//! KAFKA rule that explains it, marked with its [`ClientEffect`]. Every consequence
//! the analysis states about librdkafka ("the job will fail when it starts", "ignored
//! by the BE", librdkafka's warnings) comes from here, so it is exactly librdkafka's.

use crate::analyzer::client::ClientMap;
use crate::analyzer::model::CustomProperties;
use crate::ast::Span;
use crate::be::table::{self, Level, Property, Type, Validator};
use crate::be::{self, ConsumerOutcome, ConsumerSetup, Fate, IgnoredWhy, Pause, PauseStep};
use crate::diagnostics::rules::*;
use crate::diagnostics::{ClientEffect, Folding, Text};
use crate::keys::aws::{is_aws_msk_iam, CANONICAL_AWS_KEYS};
use crate::keys::librdkafka;
use crate::text::{did_you_mean, NearMissIndex};

/// The keys the FE keeps out of the BE's client map.
const FE_ONLY: [&str; 2] = ["kafka_default_offsets", "kafka_origin_default_offsets"];

/// What the BE's consumer makes of the client map `custom` (as the plan sends it).
pub(crate) fn judge(custom: &CustomProperties, brokers: &str) -> ConsumerOutcome {
    let all = &custom.0;
    let properties: std::borrow::Cow<'_, [(String, String)]> =
        if all.iter().any(|(k, _)| FE_ONLY.contains(&k.as_str())) {
            all.iter()
                .filter(|(k, _)| !FE_ONLY.contains(&k.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .into()
        } else {
            all.as_slice().into()
        };
    let setup = ConsumerSetup {
        brokers,
        properties: &properties,
        be: be::BeConfig::default(),
    };
    let outcome = be::model(&setup);
    #[cfg(feature = "librdkafka")]
    if matches!(outcome.fate, Fate::Undecided(_)) {
        // OpenSSL decides: ask the real library (it reads no file and connects nowhere).
        return be::init(&mut be::Embedded::new(be::FilePolicy::AssumeValid), &setup);
    }
    outcome
}

/// librdkafka's name for a key of the client map (aliases resolved, `topic.` read as
/// librdkafka reads it), `None` for a key it does not know.
fn canonical(key: &str) -> Option<&'static str> {
    let resolve = |level: Level, name: &str| -> Option<&'static Property> {
        let (_, p) = table::lookup(level, name)?;
        if p.ty == Type::Alias {
            return table::lookup(level, p.sdef.as_deref()?).map(|(_, p)| p);
        }
        Some(p)
    };
    resolve(Level::Global, key)
        .or_else(|| resolve(Level::Topic, key.strip_prefix("topic.").unwrap_or(key)))
        .map(|p| p.name.as_str())
}

/// Whether librdkafka takes the key (knows it and can set it from text).
pub(super) fn taken(key: &str) -> bool {
    let resolve = |level: Level, name: &str| table::lookup(level, name).map(|(_, p)| p.ty);
    let ty = resolve(Level::Global, key)
        .or_else(|| resolve(Level::Topic, key.strip_prefix("topic.").unwrap_or(key)));
    ty.is_some_and(|t| t != Type::Invalid)
}

/// The findings of one job's outcome.
pub(crate) struct Findings<'x, 'a> {
    pub cm: &'x ClientMap<'a>,
    pub anchor: Span,
    /// Folded as they come: a key repeated thousands of times builds few texts.
    pub out: Folding,
    /// librdkafka's name of each key → the key (see `written_as`).
    pub names: Option<crate::text::hash::FastMap<&'static str, String>>,
}

impl Findings<'_, '_> {
    fn key_span(&self, key: &str) -> Span {
        self.cm.key_span(key).unwrap_or(self.anchor)
    }

    fn value_span(&self, key: &str) -> Span {
        self.cm.value_span(key).unwrap_or(self.anchor)
    }

    /// The key of the client map librdkafka calls `name` (the map from librdkafka's
    /// names to the keys is built once, on the first warning that needs it).
    fn written_as(&mut self, name: &str) -> Option<String> {
        if self.names.is_none() {
            let mut names = crate::text::hash::FastMap::default();
            for (k, _) in self.cm.map.iter() {
                if let Some(c) = canonical(k) {
                    names.entry(c).or_insert_with(|| k.to_string());
                }
            }
            self.names = Some(names);
        }
        self.names.as_ref().and_then(|n| n.get(name).cloned())
    }

    fn push(
        &mut self,
        rule: Rule,
        effect: ClientEffect,
        msg: impl Into<Text>,
        span: Span,
        help: impl Into<Text>,
    ) {
        self.push_with(rule, effect, span, || (msg.into(), help.into()));
    }

    /// [`Findings::push`] with texts built only when they can be shown.
    fn push_with(
        &mut self,
        rule: Rule,
        effect: ClientEffect,
        span: Span,
        texts: impl FnOnce() -> (Text, Text),
    ) {
        self.out.push_with(rule, span, || {
            let (msg, help) = texts();
            rule.warning(msg)
                .at(span)
                .with_help(help)
                .with_effect(effect)
        });
    }
}

/// The mechanism key of the client map, and its value.
fn mechanism<'m>(cm: &'m ClientMap<'_>) -> Option<(&'static str, &'m str)> {
    // The BE sets keys in byte order: `sasl.mechanisms` comes last and wins.
    ["sasl.mechanisms", "sasl.mechanism"]
        .into_iter()
        .find_map(|k| cm.get(k).map(|v| (k, v)))
}

/// Turns the outcome into findings: refusals, ignored keys, then warnings.
pub(crate) fn report(
    f: &mut Findings<'_, '_>,
    outcome: &ConsumerOutcome,
    java_mechanism_hint: bool,
) {
    match &outcome.fate {
        Fate::Paused(pause) => {
            refusal(f, pause, java_mechanism_hint);
            for p in &outcome.refused {
                refusal(f, p, java_mechanism_hint);
            }
        }
        // Only in a build without the embedded librdkafka: the values OpenSSL judges
        // are taken as valid, like the BE host's files.
        Fate::Undecided(_) => {}
        Fate::Created => {}
    }
    for ignored in &outcome.ignored {
        match &ignored.why {
            IgnoredWhy::Unknown => unknown_key(f, &ignored.key),
            IgnoredWhy::NotSupported(_) if super::lints::is_java_key(&ignored.key, "") => {
                unknown_key(f, &ignored.key)
            }
            IgnoredWhy::NotSupported(text) => {
                let span = f.key_span(&ignored.key);
                f.push(&KAFKA_01, ClientEffect::Ignored, format!("'{}' is not supported by the librdkafka {} Doris BE links ({text}); the BE ignores it", ignored.key, be::LIBRDKAFKA_VERSION), span, "remove it");
            }
            IgnoredWhy::AwsKey => {}
        }
    }
    for w in &outcome.warnings {
        warning(f, w);
    }
}

/// A key librdkafka does not know: a Java client's, a Kafka Connect prefix, or a
/// misspelling (with the closest keys).
fn unknown_key(f: &mut Findings<'_, '_>, key: &str) {
    // The written property (indexed lookup), not a scan of the map.
    let value = f.cm.property(key).map_or("", |p| p.value());
    let ks = f.key_span(key);
    if super::lints::is_java_key(key, value) {
        f.push_with(&KAFKA_02, ClientEffect::Ignored, ks, || {
            (format!("'{key}' is a Java Kafka client setting; librdkafka (used by the Doris BE) does not support it and the BE ignores it").into(), super::lints::java_help(key, value).into())
        });
        return;
    }
    for prefix in [
        "consumer.",
        "producer.",
        "database.history.consumer.",
        "schema.history.internal.consumer.",
    ] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if canonical(rest).is_some() {
                f.push_with(&KAFKA_02, ClientEffect::Ignored, ks, || {
                    (format!("'{key}' carries a Kafka Connect/Debezium prefix; librdkafka does not know it and the BE ignores it").into(), format!("write \"property.{rest}\"").into())
                });
                return;
            }
        }
    }
    f.push_with(&KAFKA_01, ClientEffect::Ignored, ks, || {
        let message = format!("Unknown Kafka client property '{key}': Doris passes it to librdkafka {}, which ignores it", be::LIBRDKAFKA_VERSION);
        (message.into(), unknown_key_help(key))
    });
}

/// What to do about an unknown client key: the librdkafka version that has it, or the
/// closest keys.
fn unknown_key_help(key: &str) -> Text {
    let newer = librdkafka::lookup(key).filter(|d| !d.in_be_version && !d.since.is_empty());
    match newer {
        Some(def) => format!(
            "'{key}' exists in librdkafka >= {} but the BE links {}",
            def.since,
            be::LIBRDKAFKA_VERSION
        )
        .into(),
        None => {
            let close = client_key_index().did_you_mean(key, 3);
            match close.as_slice() {
                [] => "check the key against librdkafka's CONFIGURATION.md".into(),
                s => format!(
                    "did you mean {}?",
                    s.iter()
                        .map(|c| format!("'property.{c}'"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                )
                .into(),
            }
        }
    }
}

/// The did-you-mean index over the keys a client property may be: librdkafka's visible
/// properties and the BE's `aws.*` keys. Built once, read-only.
fn client_key_index() -> &'static NearMissIndex<'static> {
    static INDEX: std::sync::OnceLock<NearMissIndex<'static>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        NearMissIndex::new(
            table::properties()
                .iter()
                .filter(|p| !p.hidden && p.ty != Type::Invalid)
                .map(|p| p.name.as_str())
                .chain(CANONICAL_AWS_KEYS.iter().copied()),
        )
    })
}

/// What to write instead of a refused value of `p`.
fn value_help(p: &Property, value: &str) -> String {
    let names: Vec<&str> = p
        .names
        .iter()
        .filter(|n| n.unsupported.is_none())
        .map(|n| n.name.as_str())
        .collect();
    if p.ty == Type::Int && !names.is_empty() {
        return format!(
            "give an integer from {} to {}, or {}",
            p.vmin,
            p.vmax,
            names.join(", ")
        );
    }
    if !names.is_empty() {
        let close = did_you_mean(
            &value.trim().to_ascii_lowercase().replace('-', "_"),
            names.iter().copied(),
            1,
        );
        let java = if p.name == "ssl.endpoint.identification.algorithm" && value.is_empty() {
            " (Java's empty value is 'none' here)"
        } else {
            ""
        };
        return match close.first() {
            Some(c) => format!("did you mean '{c}'? allowed: {}{java}", names.join(", ")),
            None => format!("allowed values: {}{java}", names.join(", ")),
        };
    }
    match (p.ty, p.validator) {
        (Type::Int, _) => format!("give an integer from {} to {}", p.vmin, p.vmax),
        (Type::Dbl, _) => format!("give a number from {} to {}", p.dmin, p.dmax),
        (Type::Bool, _) => "give true or false".into(),
        (Type::Ptr, _) => "remove it: a callback cannot be set from a string".into(),
        (Type::PatList, _) => "give comma-separated POSIX regular expressions".into(),
        (_, Some(Validator::BrokerVersion)) => "give a broker version such as 0.10.0".into(),
        (_, Some(Validator::Single)) => format!(
            "give exactly one of {}",
            crate::analyzer::client::MECHANISMS.join(", ")
        ),
        _ => "remove it".into(),
    }
}

/// A refusal: a property librdkafka does not take, or the consumer it does not create.
fn refusal(f: &mut Findings<'_, '_>, pause: &Pause, java_mechanism_hint: bool) {
    let reason = format!("Doris pauses the job: {}", pause.doris_message().trim_end());
    match &pause.step {
        PauseStep::Set { key, value } => {
            let def = canonical(key).and_then(|n| {
                table::lookup(Level::Global, n).or_else(|| table::lookup(Level::Topic, n))
            });
            let rule: Rule = match def {
                Some((_, p)) if p.name == "sasl.mechanisms" => &KAFKA_05,
                Some((_, p)) if !p.names.is_empty() => &KAFKA_03,
                _ => &KAFKA_04,
            };
            let fix = def.map_or_else(|| "remove it".to_string(), |(_, p)| value_help(p, value));
            let span = f.value_span(key);
            f.push(
                rule,
                ClientEffect::Fails,
                format!(
                    "{}; the job will fail when it starts",
                    pause.text.trim_end()
                ),
                span,
                format!("{fix}. {reason}"),
            );
        }
        PauseStep::Create => {
            let text = pause.text.trim_end();
            let mech = mechanism(f.cm);
            let (rule, key, fix): (Rule, Option<&str>, String) = if text
                == "sasl.username and sasl.password must be set"
            {
                let help = if f.cm.get("sasl.jaas.config").is_some() {
                    "the credentials are inside sasl.jaas.config, which librdkafka ignores: write \"property.sasl.username\" and \"property.sasl.password\""
                } else {
                    "add \"property.sasl.username\" and \"property.sasl.password\""
                };
                (&KAFKA_10, mech.map(|m| m.0), help.into())
            } else if let Some(m) =
                text.strip_prefix("Unsupported SASL mechanism: ")
                    .or_else(|| {
                        text.strip_prefix("Unsupported hash function: ")
                            .and_then(|r| r.split(' ').next())
                    })
            {
                if is_aws_msk_iam(m) {
                    let help = if java_mechanism_hint {
                        "write \"property.sasl.mechanism\" = \"OAUTHBEARER\", \"property.security.protocol\" = \"SASL_SSL\" and \"aws.region\" = \"<region>\"; Doris generates the IAM token itself"
                    } else {
                        "write \"property.sasl.mechanism\" = \"OAUTHBEARER\" with the aws.* keys"
                    };
                    (&MSK_16, mech.map(|m| m.0), help.into())
                } else {
                    let upper = m.to_ascii_uppercase();
                    let help = if text.starts_with("Unsupported hash function") {
                        "use SCRAM-SHA-512 or SCRAM-SHA-256".to_string()
                    } else if crate::analyzer::client::MECHANISMS.contains(&upper.as_str()) {
                        format!("mechanism names are case-sensitive: use '{upper}'")
                    } else {
                        format!(
                            "valid mechanisms: {}",
                            crate::analyzer::client::MECHANISMS.join(", ")
                        )
                    };
                    (&KAFKA_05, mech.map(|m| m.0), help)
                }
            } else if text.starts_with("Invalid sasl.kerberos.kinit.cmd") {
                if mech.is_none() {
                    (&KAFKA_08, Some("security.protocol"), "give \"property.sasl.mechanism\" (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER), or for Kerberos \"property.sasl.kerberos.keytab\" and \"property.sasl.kerberos.principal\"".into())
                } else {
                    (&KAFKA_04, Some("sasl.kerberos.kinit.cmd").filter(|k| f.cm.get(k).is_some()).or(mech.map(|m| m.0)), "Kerberos needs \"property.sasl.kerberos.keytab\" and \"property.sasl.kerberos.principal\" (the BE's kinit command refers to them)".into())
                }
            } else if text.starts_with("`ssl.keystore.password` is mandatory") {
                let jks =
                    f.cm.get("ssl.keystore.location")
                        .is_some_and(|v| v.to_ascii_lowercase().ends_with(".jks"));
                let help = if jks {
                    "librdkafka reads every keystore as PKCS#12: convert the JKS store (keytool -importkeystore -deststoretype PKCS12) and give \"property.ssl.keystore.password\", or use ssl.certificate.location + ssl.key.location"
                } else {
                    "give \"property.ssl.keystore.password\" with \"property.ssl.keystore.location\""
                };
                (&KAFKA_12, Some("ssl.keystore.location"), help.into())
            } else {
                create_failure(f, text)
            };
            let span = key.map_or(f.anchor, |k| f.value_span(k));
            let lead = if std::ptr::eq(rule, &KAFKA_08) {
                "'property.sasl.mechanism' is not set, so librdkafka uses GSSAPI (Kerberos) and refuses to create the consumer"
            } else {
                "librdkafka refuses to create the consumer"
            };
            f.push(
                rule,
                ClientEffect::Fails,
                format!("{lead}: {text}; the job will fail when it starts"),
                span,
                format!("{fix}. {reason}"),
            );
        }
    }
}

/// The rule, key and fix of any other refusal to create the consumer.
fn create_failure(f: &Findings<'_, '_>, text: &str) -> (Rule, Option<&'static str>, String) {
    // (the text's start, the keys to point at in order of preference, the fix)
    let known: &[(&str, &[&'static str], &str)] = &[
        ("\"group.id\" must be configured", &["group.id"], "give a non-empty \"property.group.id\", or leave it out (Doris sets one)"),
        ("`fetch.max.bytes` must be", &["fetch.max.bytes", "message.max.bytes"], "raise fetch.max.bytes, or lower message.max.bytes"),
        ("`receive.message.max.bytes` must be", &["receive.message.max.bytes", "fetch.max.bytes"], "raise receive.message.max.bytes with fetch.max.bytes"),
        ("`max.poll.interval.ms`must be", &["max.poll.interval.ms", "session.timeout.ms"], "raise max.poll.interval.ms, or lower session.timeout.ms"),
        ("`reconnect.backoff.max.ms` must be", &["reconnect.backoff.max.ms", "reconnect.backoff.ms"], "the BE sets reconnect.backoff.ms = 100 and reconnect.backoff.max.ms = 10000: keep reconnect.backoff.max.ms at least reconnect.backoff.ms"),
        ("Unsupported partition.assignment.strategy", &["partition.assignment.strategy"], "give range, roundrobin or cooperative-sticky (lower case, comma-separated)"),
        ("All partition.assignment.strategy", &["partition.assignment.strategy"], "do not mix cooperative-sticky with range or roundrobin"),
        ("`enable.sasl.oauthbearer.unsecure.jwt` and `oauthbearer_token_refresh_cb`", &["enable.sasl.oauthbearer.unsecure.jwt"], "remove enable.sasl.oauthbearer.unsecure.jwt: Doris's MSK IAM token callback provides the tokens"),
        ("`enable.sasl.oauthbearer.unsecure.jwt` and `sasl.oauthbearer.method=oidc`", &["enable.sasl.oauthbearer.unsecure.jwt"], "remove enable.sasl.oauthbearer.unsecure.jwt (OIDC fetches real tokens)"),
        ("`sasl.oauthbearer.", &["sasl.oauthbearer.method", "sasl.mechanism", "sasl.mechanisms"], "sasl.oauthbearer.method=oidc needs sasl.oauthbearer.client.id, sasl.oauthbearer.client.secret and sasl.oauthbearer.token.endpoint.url"),
        ("ssl.", &["security.protocol"], "check the TLS settings: OpenSSL refused them"),
    ];
    for (start, keys, fix) in known {
        if text.starts_with(start) {
            let key = keys
                .iter()
                .chain(&["security.protocol"])
                .copied()
                .find(|k| f.cm.get(k).is_some());
            return (&KAFKA_04, key, (*fix).to_string());
        }
    }
    (&KAFKA_04, None, "check the client properties".into())
}

/// A configuration warning librdkafka logs when the BE creates the consumer.
fn warning(f: &mut Findings<'_, '_>, w: &str) {
    let version = be::LIBRDKAFKA_VERSION;
    if let Some(rest) = w.strip_prefix("Configuration property ") {
        if let Some(name) = rest
            .strip_suffix(" is a producer property and will be ignored by this consumer instance")
        {
            let key = f.written_as(name).unwrap_or_else(|| name.to_string());
            let span = f.key_span(&key);
            f.push(
                &KAFKA_14,
                ClientEffect::Warns,
                format!(
                    "'{key}' is a producer setting and is ignored by the routine-load consumer"
                ),
                span,
                format!("remove it; librdkafka warns: {w}"),
            );
            return;
        }
        for what in ["deprecated and experimental", "deprecated", "experimental"] {
            let marker = format!(" is {what}: ");
            if let Some((name, desc)) = rest.split_once(marker.as_str()) {
                let key = f.written_as(name).unwrap_or_else(|| name.to_string());
                let span = f.key_span(&key);
                let help = if desc.is_empty() {
                    "remove it".to_string()
                } else {
                    desc.to_string()
                };
                f.push(
                    &KAFKA_19,
                    ClientEffect::Warns,
                    format!("'{key}' is {what} in librdkafka {version}"),
                    span,
                    help,
                );
                return;
            }
        }
    }
    if w.starts_with("Configuration property `sasl.mechanism` set to") {
        let span = mechanism(f.cm).map_or(f.anchor, |(k, _)| f.key_span(k));
        f.push(&KAFKA_07, ClientEffect::Warns, format!("SASL settings are ignored because 'security.protocol' is '{}'", f.cm.get("security.protocol").unwrap_or("PLAINTEXT").trim().to_ascii_uppercase()), span, format!("set \"property.security.protocol\" = \"SASL_SSL\" (or SASL_PLAINTEXT for a non-TLS listener); librdkafka warns: {w}"));
        return;
    }
    if w.starts_with("Configuration property `sasl.username` only applies") {
        let span = f.key_span("sasl.username");
        let m = mechanism(f.cm).map_or("GSSAPI", |(_, v)| v).to_string();
        f.push(&KAFKA_11, ClientEffect::Warns, format!("'property.sasl.username' is ignored by SASL/{m}"), span, format!("remove it, or choose the mechanism it belongs to (PLAIN or SCRAM-SHA-512); librdkafka warns: {w}"));
        return;
    }
    let key = ["fetch.wait.max.ms", "socket.timeout.ms"]
        .into_iter()
        .find(|k| w.contains(&format!("`{k}`")) && f.cm.get(k).is_some());
    let span = key.map_or(f.anchor, |k| f.value_span(k));
    f.push(
        &KAFKA_21,
        ClientEffect::Warns,
        format!("librdkafka warns: {w}"),
        span,
        "follow librdkafka's advice; the consumer works, but not as well",
    );
}
