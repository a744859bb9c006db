//! Kafka and AWS MSK security analysis (kafka-security.md): one canonical IAM vocabulary
//! (Doris 4.1's keys), normalisation of every alias in the default profile, Doris's own
//! MSK IAM rules (I1–I5) on the normalised map, and the authentication mode.

pub mod endpoint;
pub mod jaas;
pub mod librdkafka;
pub mod lints;
pub mod policy;

use super::job::{AuthMode, Broker, CredentialSource, CustomProperties};
use super::kafka::{KafkaKey, SourceInput};
use super::{warn, AnalyzeContext, Mode, Profile};
use crate::ast::{Property, Span};
use crate::diagnostic::{Diagnostic, Stage};

/// Where a non-canonical key comes from, for MSK-25's help.
const ORIGINAL_DESIGN: &str = "spelling from the original MSK IAM design";
const PRE_RELEASE: &str = "Doris 4.1 pre-release spelling (PR #60044)";
const RISINGWAVE: &str = "RisingWave spelling";
const COMMON: &str = "common spelling";

/// Client keys Doris accepts but nothing reads, and the canonical key (§3.2).
pub const ACCEPTED_ALIASES: &[(&str, Option<&str>, &str)] = &[
    (
        "aws.msk.iam.role.arn",
        Some("aws.role_arn"),
        ORIGINAL_DESIGN,
    ),
    (
        "aws.profile.name",
        Some("aws.profile_name"),
        ORIGINAL_DESIGN,
    ),
    ("aws.access.key", Some("aws.access_key"), PRE_RELEASE),
    ("aws.secret.key", Some("aws.secret_key"), PRE_RELEASE),
    (
        "aws.credentials.provider",
        Some("aws.credentials_provider"),
        PRE_RELEASE,
    ),
    ("aws.session_token", Some("aws.session_key"), COMMON),
    ("aws.session.token", Some("aws.session_key"), COMMON),
    (
        "aws.credentials.access_key_id",
        Some("aws.access_key"),
        RISINGWAVE,
    ),
    (
        "aws.credentials.secret_access_key",
        Some("aws.secret_key"),
        RISINGWAVE,
    ),
    (
        "aws.credentials.session_token",
        Some("aws.session_key"),
        RISINGWAVE,
    ),
    ("aws.credentials.role.arn", Some("aws.role_arn"), RISINGWAVE),
    (
        "aws.credentials.role.external_id",
        Some("aws.external_id"),
        RISINGWAVE,
    ),
    ("aws.profile", Some("aws.profile_name"), RISINGWAVE),
    ("aws.endpoint_url", None, RISINGWAVE),
    ("aws.msk.signer_timeout_sec", None, RISINGWAVE),
];

/// The canonical `aws.*` keys (Doris 4.1).
pub const CANONICAL_AWS_KEYS: &[&str] = &[
    "aws.region",
    "aws.access_key",
    "aws.secret_key",
    "aws.role_arn",
    "aws.external_id",
    "aws.profile_name",
    "aws.credentials_provider",
    "aws.session_key",
];

/// Top-level keys of other systems that Doris rejects (K1), with the key to write.
pub fn foreign_key_alias(key: &str) -> Option<(String, &'static str)> {
    const RW: &str = "RisingWave short alias";
    const CH: &str = "ClickHouse Kafka engine setting";
    const FL: &str = "RisingWave/Flink key";
    let fixed: Option<(&str, &str)> = match key {
        "region" => Some(("aws.region", RW)),
        "access_key" => Some(("aws.access_key", RW)),
        "secret_key" => Some(("aws.secret_key", RW)),
        "session_token" => Some(("aws.session_key", RW)),
        "arn" => Some(("aws.role_arn", RW)),
        "external_id" => Some(("aws.external_id", RW)),
        "profile" => Some(("aws.profile_name", RW)),
        "endpoint_url" | "endpoint" => Some(("(no Doris equivalent: remove it)", RW)),
        "properties.bootstrap.server" | "properties.bootstrap.servers" | "bootstrap.servers" => {
            Some(("kafka_broker_list", FL))
        }
        "topic" => Some(("kafka_topic", FL)),
        "properties.group.id" | "group.id" => Some(("property.group.id", FL)),
        "kafka_aws_region" => Some(("aws.region", CH)),
        "kafka_security_protocol" => Some(("property.security.protocol", CH)),
        "kafka_sasl_mechanism" => Some(("property.sasl.mechanism", CH)),
        "kafka_sasl_username" => Some(("property.sasl.username", CH)),
        "kafka_sasl_password" => Some(("property.sasl.password", CH)),
        "kafka_topic_list" => Some(("kafka_topic (one topic only)", CH)),
        "kafka_group_name" => Some(("property.group.id", CH)),
        "kafka_default_offset" => Some(("property.kafka_default_offsets", "a documentation typo")),
        _ => None,
    };
    if let Some((k, o)) = fixed {
        return Some((k.to_string(), o));
    }
    if let Some(rest) = key.strip_prefix("properties.") {
        return Some((
            format!("property.{rest}"),
            "'properties.' is the RisingWave/Flink prefix; Doris uses 'property.'",
        ));
    }
    if !key.contains('.')
        && !key.starts_with("kafka_")
        && (key.starts_with("security_") || key.starts_with("sasl_") || key.starts_with("ssl_"))
    {
        return Some((
            format!("property.{}", key.replace('_', ".")),
            "client settings take the 'property.' prefix",
        ));
    }
    if matches!(
        key.split('.').next(),
        Some(
            "security"
                | "sasl"
                | "ssl"
                | "group"
                | "client"
                | "fetch"
                | "auto"
                | "enable"
                | "session"
                | "socket"
                | "reconnect"
                | "isolation"
        )
    ) {
        return Some((
            format!("property.{key}"),
            "client settings take the 'property.' prefix",
        ));
    }
    None
}

/// True for `AWS_MSK_IAM` in any case, with `-` or without separators.
pub fn is_aws_msk_iam(mechanism: &str) -> bool {
    let mut letters = mechanism.bytes().filter(|c| *c != b'_' && *c != b'-');
    b"AWSMSKIAM"
        .iter()
        .all(|want| letters.next().is_some_and(|c| c.eq_ignore_ascii_case(want)))
        && letters.next().is_none()
}

/// The client map with, for each key, the property it was written as.
pub(crate) struct ClientMap<'a> {
    pub map: &'a mut CustomProperties,
    /// (client key after normalisation, the written property)
    pub origin: Vec<(&'a str, &'a Property)>,
    /// Client key → position of its last entry in `origin` (see `reindex`).
    index: crate::hash::FastMap<&'a str, usize>,
}

impl ClientMap<'_> {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.map.get(key)
    }

    /// Rebuilds the key index after keys were renamed. Short lists (nearly all) are
    /// searched directly and need none.
    fn reindex(&mut self) {
        self.index.clear();
        if self.origin.len() > 32 {
            self.index = self
                .origin
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (*k, i))
                .collect();
        }
    }

    /// The written property that set `key` last.
    pub fn property(&self, key: &str) -> Option<&Property> {
        let i = if self.index.is_empty() {
            self.origin.iter().rposition(|(k, _)| *k == key)
        } else {
            self.index.get(key).copied()
        };
        i.and_then(|i| self.origin.get(i)).map(|(_, p)| *p)
    }

    pub fn value_span(&self, key: &str) -> Option<Span> {
        self.property(key).map(|p| p.value.span)
    }

    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.property(key).map(|p| p.key.span)
    }
}

/// Derived facts of §1.3, computed once per statement after normalisation.
#[derive(Debug, Clone)]
pub(crate) struct Facts<'a> {
    /// `security.protocol` lower-cased; `plaintext` when absent.
    pub protocol: String,
    /// `sasl.mechanism`, else `sasl.mechanisms`, as written.
    pub mechanism: Option<String>,
    pub client_cert: bool,
    /// Explicit IAM intent (aws.* keys, an AWS_MSK_IAM spelling, a Java IAM module).
    pub iam_explicit: bool,
    pub endpoints: Vec<&'a endpoint::Endpoint>,
}

impl Facts<'_> {
    pub fn is_sasl(&self) -> bool {
        self.protocol.starts_with("sasl_")
    }
}

/// Normalises the client map (default profile), runs Doris's MSK IAM rules on it, the
/// security lints, and returns the authentication mode.
pub(crate) fn analyze_client_map(
    input: &SourceInput<'_>,
    custom: &mut CustomProperties,
    brokers: &[Broker],
    mode: Mode,
    ctx: &AnalyzeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> AuthMode {
    let anchor = input.anchor;
    let normalise = ctx.profile == Profile::Default;
    let origin: Vec<(&str, &Property)> = input.client.iter().map(|e| (e.key, e.property)).collect();
    let mut cm = ClientMap {
        map: custom,
        origin,
        index: crate::hash::FastMap::default(),
    };
    cm.reindex();
    let mut iam_signal = false;

    // Step 2: key aliases.
    if normalise {
        let written: Vec<(&str, &Property)> = cm.origin.clone();
        for (key, prop) in written {
            let value = prop.value();
            let Some((_, canonical, origin)) = ACCEPTED_ALIASES.iter().find(|(a, _, _)| *a == key)
            else {
                continue;
            };
            let mut help = format!(
                "write \"{}\" ({origin})",
                canonical.unwrap_or("nothing: Doris has no such setting")
            );
            if matches!(key, "aws.access.key" | "aws.secret.key") {
                help.push_str("; this spelling is also not masked in Doris audit logs");
            }
            diags.push(warn(
                "MSK-25",
                match canonical {
                    Some(c) => format!(
                        "'{}' is not read by Doris; the MSK IAM setting is '{c}'",
                        prop.key()
                    ),
                    None => format!(
                        "'{}' is not read by Doris and has no Doris equivalent",
                        prop.key()
                    ),
                },
                prop.key.span,
                help,
            ));
            let Some(canonical) = canonical else { continue };
            iam_signal = true;
            if let Some(existing) = cm.get(canonical).map(str::to_string) {
                let other = cm
                    .property(canonical)
                    .map(|p| p.key().to_string())
                    .unwrap_or_default();
                let differs = existing != value;
                diags.push(warn(
                    "KAFKA-16",
                    if differs {
                        format!(
                            "'{}' and '{other}' set the same property with different values",
                            prop.key()
                        )
                    } else {
                        format!("'{}' and '{other}' set the same property", prop.key())
                    },
                    prop.key.span,
                    "keep one spelling: the canonical key (the bare aws.* form)",
                ));
                cm.map.remove(key);
            } else {
                // Rename in place, keeping the order of the map.
                if let Some(entry) = cm.map.0.iter_mut().find(|(k, _)| *k == key) {
                    entry.0 = canonical.to_string();
                }
            }
            for o in cm.origin.iter_mut().filter(|(k, _)| *k == key) {
                o.0 = canonical;
            }
        }
    }

    if iam_signal {
        // Keys were renamed.
        cm.reindex();
    }

    // Step 3: value aliases.
    let mechanism_key = if cm.get("sasl.mechanism").is_some() {
        "sasl.mechanism"
    } else {
        "sasl.mechanisms"
    };
    if let Some(m) = cm.get(mechanism_key).map(str::to_string) {
        if is_aws_msk_iam(&m) {
            iam_signal = true;
            let span = cm.value_span(mechanism_key).unwrap_or(anchor);
            let help = "write \"property.sasl.mechanism\" = \"OAUTHBEARER\", \"property.security.protocol\" = \"SASL_SSL\" and \"aws.region\" = \"<region>\"; Doris generates the IAM token itself";
            if normalise {
                diags.push(warn("MSK-16", format!("'{m}' is the Java client's name for MSK IAM; librdkafka (Doris BE) has no such mechanism, so it is planned as OAUTHBEARER with the aws.* keys"), span, help));
                cm.map.insert(mechanism_key, "OAUTHBEARER");
            } else if !cm.map.iter().any(|(k, _)| k.starts_with("aws.")) {
                diags.push(warn("MSK-16", format!("'{m}' is a Java client mechanism; librdkafka (Doris BE) has no AWS_MSK_IAM mechanism and would fail with 'Unsupported SASL mechanism: {m}'"), span, help));
            }
        }
    }
    if normalise {
        if let Some(v) = cm.get("aws.credentials_provider").map(str::to_string) {
            let canonical = match v.to_ascii_uppercase().as_str() {
                "ENVIRONMENT" => Some("ENV"),
                "ECS" => Some("CONTAINER"),
                "DEFAULT" => Some("DEFAULT"),
                "ENV" => Some("ENV"),
                "INSTANCE_PROFILE" => Some("INSTANCE_PROFILE"),
                "CONTAINER" => Some("CONTAINER"),
                _ => None,
            };
            if let Some(c) = canonical.filter(|c| *c != v) {
                let span = cm.value_span("aws.credentials_provider").unwrap_or(anchor);
                diags.push(warn("MSK-24", format!("aws.credentials_provider '{v}' is normalised to '{c}'"), span, "DEFAULT (SDK default chain), ENV (environment variables), INSTANCE_PROFILE (EC2 instance role), CONTAINER (ECS/EKS container credentials)"));
                cm.map.insert("aws.credentials_provider", c);
            }
        }
    }
    // A Java IAM login module or callback handler also signals IAM.
    let jaas_iam = cm
        .get("sasl.jaas.config")
        .is_some_and(|j| j.contains("software.amazon.msk.auth.iam.IAMLoginModule"))
        || cm.map.iter().any(|(k, v)| {
            k.starts_with("sasl.")
                && k.ends_with("callback.handler.class")
                && v.starts_with("software.amazon.msk.auth.iam.")
        });
    let has_aws_key = cm.map.iter().any(|(k, _)| k.starts_with("aws."));
    let iam_explicit = has_aws_key || iam_signal || jaas_iam;

    let endpoints: Vec<&endpoint::Endpoint> = brokers.iter().map(|b| &b.endpoint).collect();

    // Step 4: region from the broker hosts.
    if normalise && iam_explicit && cm.get("aws.region").is_none() {
        let regions: Vec<(&str, &str)> = endpoints
            .iter()
            .filter_map(|e| e.region.as_deref().map(|r| (r, e.host.as_str())))
            .collect();
        if let Some((first, host)) = regions.first() {
            if regions.len() == endpoints.len() && regions.iter().all(|(r, _)| r == first) {
                cm.map.insert("aws.region", *first);
                diags.push(
                    Diagnostic::note(
                        Stage::Analyze,
                        "MSK-REGION",
                        format!("aws.region '{first}' is taken from the broker host '{host}'"),
                    )
                    .at(input
                        .get(KafkaKey::BrokerList)
                        .map_or(anchor, |p| p.value.span))
                    .with_help(format!(
                        "write \"aws.region\" = \"{first}\" to make it explicit"
                    )),
                );
            }
        }
    }

    let facts = Facts {
        protocol: cm
            .get("security.protocol")
            .map_or_else(|| "plaintext".to_string(), str::to_ascii_lowercase),
        mechanism: cm
            .get("sasl.mechanism")
            .or_else(|| cm.get("sasl.mechanisms"))
            .map(str::to_string),
        client_cert: [
            "ssl.certificate.location",
            "ssl.certificate.pem",
            "ssl.keystore.location",
        ]
        .iter()
        .any(|k| cm.get(k).is_some()),
        iam_explicit,
        endpoints,
    };

    // Doris's MSK IAM rules: they run when any aws.* key is present (Doris); in the
    // default profile also when IAM is meant another way (the original design's rules).
    let doris_trigger = cm.map.iter().any(|(k, _)| k.starts_with("aws."));
    let run_iam_rules = doris_trigger || (normalise && iam_explicit);
    let mut iam_failed = false;
    if run_iam_rules {
        iam_failed = iam_rules(&cm, &facts, brokers, anchor, input, mode, diags);
    }
    lints::run(&cm, &facts, input, iam_failed, ctx, diags);

    auth_mode(&cm, &facts)
}

/// I1–I5 (kafka-security MSK-05, MSK-17, MSK-18, MSK-19, MSK-03) with Doris's texts.
/// Returns whether any of them failed.
fn iam_rules(
    cm: &ClientMap<'_>,
    facts: &Facts,
    brokers: &[Broker],
    anchor: Span,
    input: &SourceInput<'_>,
    mode: Mode,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let before = diags.iter().filter(|d| d.is_error()).count();
    let err = |code: &'static str, msg: String, span: Span, help: String| {
        Diagnostic::error(Stage::Analyze, code, msg)
            .at(span)
            .with_help(help)
    };
    let alter_note = if mode == Mode::Alter {
        " (ALTER checks only the keys it sets: repeat the job's aws.region, protocol and mechanism)"
    } else {
        ""
    };
    // I1
    if cm.get("aws.region").is_none() {
        let derived = facts
            .endpoints
            .iter()
            .find_map(|e| e.region.as_deref().map(|r| (r, e.host.as_str())));
        let help = match derived {
            Some((r, host)) => {
                format!("add \"aws.region\" = \"{r}\" (taken from '{host}'){alter_note}")
            }
            None => format!(
                "add \"aws.region\" = \"<region>\", the region of the MSK cluster{alter_note}"
            ),
        };
        diags.push(err("MSK-05", "When using AWS MSK IAM authentication, 'aws.region' is required. Please specify the AWS region (e.g., 'us-east-1', 'ap-east-1').".into(), anchor, help));
    }
    // I2
    match cm.get("security.protocol") {
        Some(p) if p.eq_ignore_ascii_case("SASL_SSL") => {
            if p != "SASL_SSL" {
                diags.push(warn("MSK-17", format!("'property.security.protocol' = '{p}' is accepted by librdkafka, but some Doris BE versions enable the MSK IAM token callback only for the exact value 'SASL_SSL'"), cm.value_span("security.protocol").unwrap_or(anchor), "write \"SASL_SSL\" in upper case"));
            }
        }
        other => diags.push(err(
            "MSK-17",
            format!("For AWS MSK IAM authentication, 'property.security.protocol' must be 'SASL_SSL' (SSL encryption + SASL authentication required), but got: {}", other.unwrap_or("null")),
            cm.value_span("security.protocol").unwrap_or(anchor),
            format!("set \"property.security.protocol\" = \"SASL_SSL\"; MSK offers IAM only over TLS{alter_note}"),
        )),
    }
    // I3 (Doris reads the singular key only)
    match cm.get("sasl.mechanism") {
        Some(m) if m.eq_ignore_ascii_case("OAUTHBEARER") => {}
        other => {
            let mut help = "set \"property.sasl.mechanism\" = \"OAUTHBEARER\"; Doris signs the MSK IAM token itself".to_string();
            if other.is_none() && cm.get("sasl.mechanisms").is_some() {
                help = "Doris reads 'property.sasl.mechanism' (singular): write \"property.sasl.mechanism\" = \"OAUTHBEARER\"".into();
            } else if other.is_some_and(|m| {
                m.to_ascii_uppercase().starts_with("SCRAM") || m.eq_ignore_ascii_case("PLAIN")
            }) {
                help.push_str("; the statement mixes IAM settings (aws.*) with SASL/SCRAM or PLAIN: only one authentication mode applies (MSK-27)");
            }
            // MSK-16 replaces MSK-18 for AWS_MSK_IAM spellings (§6.4), with Doris's text.
            let code = if other.is_some_and(is_aws_msk_iam) {
                "MSK-16"
            } else {
                "MSK-18"
            };
            diags.push(err(
                code,
                format!("For AWS MSK IAM authentication, 'property.sasl.mechanism' must be 'OAUTHBEARER', but got: {}. Other SASL mechanisms are not supported now.", other.unwrap_or("null")),
                cm.value_span("sasl.mechanism").unwrap_or(anchor),
                help,
            ));
        }
    }
    // I4
    if cm.get("aws.external_id").is_some() && cm.get("aws.role_arn").is_none() {
        diags.push(err("MSK-19", "'aws.external_id' can only be used together with 'aws.role_arn'.".into(), cm.key_span("aws.external_id").unwrap_or(anchor), "add \"aws.role_arn\", or remove \"aws.external_id\" (an external id only applies to AssumeRole)".into()));
    }
    // I5
    if brokers.iter().any(|b| b.text.contains("-public."))
        && (cm.get("aws.access_key").is_none() || cm.get("aws.secret_key").is_none())
    {
        let span = input
            .get(KafkaKey::BrokerList)
            .map_or(anchor, |p| p.value.span);
        diags.push(err("MSK-03", "When accessing AWS MSK through a public endpoint, explicit credentials are required: both 'aws.access_key' and 'aws.secret_key' must be provided together.".into(), span, "Doris requires static keys for public endpoints; use a dedicated, least-privilege IAM user and rotate its keys (see SEC-01)".into()));
    }
    diags.iter().filter(|d| d.is_error()).count() > before
}

/// The authentication mode of §1.3.
fn auth_mode(cm: &ClientMap<'_>, facts: &Facts) -> AuthMode {
    let tls = facts.protocol == "sasl_ssl";
    match facts.protocol.as_str() {
        "ssl" => AuthMode::Ssl {
            client_certificate: facts.client_cert,
        },
        "sasl_ssl" | "sasl_plaintext" => {
            if facts.iam_explicit {
                return AuthMode::MskIam {
                    credential_source: credential_source(cm),
                };
            }
            match facts
                .mechanism
                .as_deref()
                .map(str::to_ascii_uppercase)
                .as_deref()
            {
                Some(m) if m.starts_with("SCRAM-") => AuthMode::Scram {
                    mechanism: m.to_string(),
                    tls,
                },
                Some("PLAIN") => AuthMode::SaslPlain { tls },
                Some("OAUTHBEARER") => AuthMode::OauthBearer { tls },
                _ => AuthMode::Gssapi { tls },
            }
        }
        _ => AuthMode::Plaintext,
    }
}

/// §6.3: static keys first, then AssumeRole, then a profile or provider, else the chain.
fn credential_source(cm: &ClientMap<'_>) -> CredentialSource {
    let role = cm.get("aws.role_arn");
    if cm.get("aws.access_key").is_some() && cm.get("aws.secret_key").is_some() {
        CredentialSource::StaticKeys {
            with_role: role.is_some(),
        }
    } else if let Some(r) = role {
        CredentialSource::AssumeRole {
            role_arn: r.to_string(),
            external_id: cm.get("aws.external_id").is_some(),
        }
    } else if let Some(p) = cm.get("aws.profile_name") {
        CredentialSource::Profile {
            name: p.to_string(),
        }
    } else if let Some(p) = cm.get("aws.credentials_provider") {
        CredentialSource::Provider {
            provider: p.to_string(),
        }
    } else {
        CredentialSource::DefaultChain
    }
}

#[cfg(test)]
mod tests {
    use super::is_aws_msk_iam;

    #[test]
    fn aws_msk_iam_spellings() {
        for yes in [
            "AWS_MSK_IAM",
            "aws-msk-iam",
            "AwsMskIam",
            "AWSMSKIAM",
            "_AWS__MSK-IAM_",
        ] {
            assert!(is_aws_msk_iam(yes), "{yes}");
        }
        for no in [
            "",
            "AWS_MSK",
            "AWS_MSK_IAMX",
            "OAUTHBEARER",
            "AWS MSK IAM",
            "AWS_MSK_ÍAM",
        ] {
            assert!(!is_aws_msk_iam(no), "{no}");
        }
    }
}
