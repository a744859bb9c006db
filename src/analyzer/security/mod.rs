//! Kafka and AWS MSK security analysis: one canonical IAM vocabulary (Doris 4.1's
//! keys), normalisation of every alias in the default profile, Doris's own MSK IAM rules
//! (MSK-05, 17, 18, 19, 03) on the normalised map, the lints beyond Doris, and the
//! authentication mode.

pub(crate) mod consumer;
pub(crate) mod jaas;
mod lints;
pub mod policy;

use super::client::{self, ClientMap, ClientSettings, SecurityProtocol};
use super::context::{AnalyzeContext, Mode, Profile};
use super::kafka::SourceInput;
use super::model::{AuthMode, Broker, CredentialSource, CustomProperties};
use crate::ast::{Property, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;
use crate::keys::aws::{is_aws_msk_iam, ACCEPTED_ALIASES};
use crate::keys::kafka::KafkaKey;

/// A located warning with help.
fn warn(
    rule: Rule,
    msg: impl Into<crate::diagnostics::Text>,
    span: Span,
    help: impl Into<crate::diagnostics::Text>,
) -> Diagnostic {
    rule.warning(msg).at(span).with_help(help)
}

/// Normalises the client map (default profile), runs Doris's MSK IAM rules on it, the
/// security lints, and returns the authentication mode.
pub(crate) fn analyze(
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
    let mut cm = ClientMap::new(custom, origin);
    let mut iam_signal = normalise_keys(&mut cm, normalise, diags);

    // Value aliases: the Java client's AWS_MSK_IAM mechanism, credential providers.
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
                diags.push(warn(&MSK_16, format!("'{m}' is the Java client's name for MSK IAM; librdkafka (Doris BE) has no such mechanism, so it is planned as OAUTHBEARER with the aws.* keys"), span, help));
                cm.map.insert(mechanism_key, "OAUTHBEARER");
            }
            // Otherwise librdkafka's verdict says whether the mechanism is read (only
            // under SASL, and only the value set last).
        }
    }
    if normalise {
        normalise_provider(&mut cm, anchor, diags);
    }
    let endpoints = brokers.iter().map(|b| &b.endpoint).collect();
    let iam_explicit = client::iam_explicit(cm.map, iam_signal);
    if normalise && iam_explicit {
        region_from_hosts(&mut cm, brokers, input, diags);
    }

    let settings = ClientSettings::read(cm.map, iam_signal, endpoints);
    // Doris's MSK IAM rules run when any aws.* key is present; in the default profile
    // also when IAM is meant another way (the original design's rules).
    let doris_trigger = cm.map.iter().any(|(k, _)| k.starts_with("aws."));
    if doris_trigger || (normalise && settings.iam_explicit) {
        iam_rules(&cm, &settings, brokers, input, mode, diags);
    }
    let brokers_text = input.get(KafkaKey::BrokerList).map_or("", |p| p.value());
    let outcome = consumer::judge(cm.map, brokers_text);
    let mut findings = consumer::Findings {
        cm: &cm,
        anchor,
        out: Default::default(),
        names: None,
    };
    consumer::report(&mut findings, &outcome, iam_signal);
    let mut lint_findings = Vec::new();
    lints::run(
        &cm,
        &settings,
        input,
        ctx,
        findings.out.as_slice(),
        &mut lint_findings,
    );
    diags.append(&mut findings.out.into_vec());
    diags.append(&mut lint_findings);
    // The BE's IAM switch: exactly SASL_SSL and OAUTHBEARER (`sasl.mechanism` only).
    let iam_gate = cm.get("security.protocol") == Some("SASL_SSL")
        && cm.get("sasl.mechanism") == Some("OAUTHBEARER");
    let iam = settings.iam_explicit && iam_gate;
    if iam
        && !outcome.iam
        && !(cm.get("aws.external_id").is_some() && cm.get("aws.role_arn").is_none())
    {
        let span = cm.value_span("sasl.mechanism").unwrap_or(anchor);
        diags.push(warn(&MSK_34, MSK_34.messages.first().copied().unwrap_or_default(), span, "give a credential source: \"aws.role_arn\", \"aws.credentials_provider\" = \"DEFAULT\" (the BE host's instance profile or container role), \"aws.profile_name\", or \"aws.access_key\" with \"aws.secret_key\""));
    }
    let auth = auth_mode(&settings, iam);
    drop(settings);
    auth
}

/// Step 2 of normalisation: accepted aliases of the IAM keys are renamed to the
/// canonical keys (default profile), each with a warning. Returns whether any alias
/// signals IAM.
fn normalise_keys(cm: &mut ClientMap<'_>, normalise: bool, diags: &mut Vec<Diagnostic>) -> bool {
    if !normalise {
        return false;
    }
    let mut renamed = false;
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
            &MSK_25,
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
        renamed = true;
        if let Some(existing) = cm.get(canonical).map(str::to_string) {
            let other = cm
                .property(canonical)
                .map(|p| p.key().to_string())
                .unwrap_or_default();
            let differs = existing != value;
            diags.push(warn(
                &KAFKA_16,
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
        } else if let Some(entry) = cm.map.0.iter_mut().find(|(k, _)| *k == key) {
            // Rename in place, keeping the order of the map.
            entry.0 = canonical.to_string();
        }
        for o in cm.origin.iter_mut().filter(|(k, _)| *k == key) {
            o.0 = canonical;
        }
    }
    if renamed {
        cm.reindex();
    }
    renamed
}

/// `aws.credentials_provider` spellings of other systems, normalised.
fn normalise_provider(cm: &mut ClientMap<'_>, anchor: Span, diags: &mut Vec<Diagnostic>) {
    let Some(v) = cm.get("aws.credentials_provider").map(str::to_string) else {
        return;
    };
    let canonical = match v.to_ascii_uppercase().as_str() {
        "ENVIRONMENT" | "ENV" => Some("ENV"),
        "ECS" | "CONTAINER" => Some("CONTAINER"),
        "DEFAULT" => Some("DEFAULT"),
        "INSTANCE_PROFILE" => Some("INSTANCE_PROFILE"),
        _ => None,
    };
    if let Some(c) = canonical.filter(|c| *c != v) {
        let span = cm.value_span("aws.credentials_provider").unwrap_or(anchor);
        diags.push(warn(&MSK_24, format!("aws.credentials_provider '{v}' is normalised to '{c}'"), span, "DEFAULT (SDK default chain), ENV (environment variables), INSTANCE_PROFILE (EC2 instance role), CONTAINER (ECS/EKS container credentials)"));
        cm.map.insert("aws.credentials_provider", c);
    }
}

/// Step 4: the region from the broker hosts, when every one names the same region.
fn region_from_hosts(
    cm: &mut ClientMap<'_>,
    brokers: &[Broker],
    input: &SourceInput<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    if cm.get("aws.region").is_some() {
        return;
    }
    let regions: Vec<(&str, &str)> = brokers
        .iter()
        .filter_map(|b| {
            b.endpoint
                .region
                .as_deref()
                .map(|r| (r, b.endpoint.host.as_str()))
        })
        .collect();
    let Some((first, host)) = regions.first().copied() else {
        return;
    };
    if regions.len() == brokers.len() && regions.iter().all(|(r, _)| *r == first) {
        cm.map.insert("aws.region", first);
        diags.push(
            MSK_REGION
                .note(format!(
                    "aws.region '{first}' is taken from the broker host '{host}'"
                ))
                .at(input.value_span(KafkaKey::BrokerList))
                .with_help(format!(
                    "write \"aws.region\" = \"{first}\" to make it explicit"
                )),
        );
    }
}

/// Doris's MSK IAM checks, in Doris's order: region (MSK-05), protocol (MSK-17),
/// mechanism (MSK-18, reported as MSK-16 for the Java spelling), external id (MSK-19),
/// public endpoints (MSK-03).
fn iam_rules(
    cm: &ClientMap<'_>,
    s: &ClientSettings<'_>,
    brokers: &[Broker],
    input: &SourceInput<'_>,
    mode: Mode,
    diags: &mut Vec<Diagnostic>,
) {
    let anchor = input.anchor;
    let alter_note = if mode == Mode::Alter {
        " (ALTER checks only the keys it sets: repeat the job's aws.region, protocol and mechanism)"
    } else {
        ""
    };
    if s.aws.region.is_none() {
        let derived = s
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
        diags.push(MSK_05.fixed().at(anchor).with_help(help));
    }
    match cm.get("security.protocol") {
        Some(p) if p.eq_ignore_ascii_case("SASL_SSL") => {
            if p != "SASL_SSL" {
                diags.push(warn(&MSK_17, format!("'property.security.protocol' = '{p}' is accepted by librdkafka, but some Doris BE versions enable the MSK IAM token callback only for the exact value 'SASL_SSL'"), cm.value_span("security.protocol").unwrap_or(anchor), "write \"SASL_SSL\" in upper case"));
            }
        }
        other => diags.push(
            MSK_17
                .error(format!("For AWS MSK IAM authentication, 'property.security.protocol' must be 'SASL_SSL' (SSL encryption + SASL authentication required), but got: {}", other.unwrap_or("null")))
                .at(cm.value_span("security.protocol").unwrap_or(anchor))
                .with_help(format!("set \"property.security.protocol\" = \"SASL_SSL\"; MSK offers IAM only over TLS{alter_note}")),
        ),
    }
    // Doris reads the singular key only.
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
            // The Java spelling is reported under its own rule, with Doris's text.
            let rule: Rule = if other.is_some_and(is_aws_msk_iam) {
                &MSK_16
            } else {
                &MSK_18
            };
            diags.push(
                rule.error(format!("For AWS MSK IAM authentication, 'property.sasl.mechanism' must be 'OAUTHBEARER', but got: {}. Other SASL mechanisms are not supported now.", other.unwrap_or("null")))
                    .at(cm.value_span("sasl.mechanism").unwrap_or(anchor))
                    .with_help(help),
            );
        }
    }
    if s.aws.external_id.is_some() && s.aws.role_arn.is_none() {
        diags.push(MSK_19.fixed().at(cm.key_span("aws.external_id").unwrap_or(anchor)).with_help("add \"aws.role_arn\", or remove \"aws.external_id\" (an external id only applies to AssumeRole)"));
    }
    if brokers.iter().any(|b| b.text.contains("-public."))
        && (s.aws.access_key.is_none() || s.aws.secret_key.is_none())
    {
        diags.push(MSK_03.fixed().at(input.value_span(KafkaKey::BrokerList)).with_help("Doris requires static keys for public endpoints; use a dedicated, least-privilege IAM user and rotate its keys (see SEC-01)"));
    }
}

/// The authentication mode of the consumer.
/// The authentication mode: MSK IAM when IAM is meant and the BE's switch for it is on
/// (`iam`: exactly SASL_SSL and OAUTHBEARER), else the mechanism librdkafka would use.
fn auth_mode(s: &ClientSettings<'_>, iam: bool) -> AuthMode {
    let tls = s.protocol.kind == SecurityProtocol::SaslSsl;
    match s.protocol.kind {
        SecurityProtocol::Ssl => AuthMode::Ssl {
            client_certificate: s.client_cert,
        },
        SecurityProtocol::SaslSsl | SecurityProtocol::SaslPlaintext => {
            if iam {
                return AuthMode::MskIam {
                    credential_source: credential_source(s),
                };
            }
            // librdkafka trims the value and compares the name exactly.
            match s.mechanism.map(str::trim) {
                Some(m @ ("SCRAM-SHA-256" | "SCRAM-SHA-512")) => AuthMode::Scram {
                    mechanism: m.to_string(),
                    tls,
                },
                Some("PLAIN") => AuthMode::SaslPlain { tls },
                Some("OAUTHBEARER") => AuthMode::OauthBearer { tls },
                None | Some("" | "GSSAPI") => AuthMode::Gssapi { tls },
                Some(m) => AuthMode::UnsupportedMechanism {
                    mechanism: m.to_string(),
                    tls,
                },
            }
        }
        SecurityProtocol::Plaintext | SecurityProtocol::Other => AuthMode::Plaintext,
    }
}

/// Where the BE takes AWS credentials from: static keys first, then AssumeRole, then
/// a profile or provider, else the default chain.
fn credential_source(s: &ClientSettings<'_>) -> CredentialSource {
    let aws = &s.aws;
    if aws.access_key.is_some() && aws.secret_key.is_some() {
        CredentialSource::StaticKeys {
            with_role: aws.role_arn.is_some(),
        }
    } else if let Some(r) = aws.role_arn {
        CredentialSource::AssumeRole {
            role_arn: r.to_string(),
            external_id: aws.external_id.is_some(),
        }
    } else if let Some(p) = aws.profile_name {
        CredentialSource::Profile {
            name: p.to_string(),
        }
    } else if let Some(p) = aws.credentials_provider {
        CredentialSource::Provider {
            provider: p.to_string(),
        }
    } else {
        CredentialSource::DefaultChain
    }
}
