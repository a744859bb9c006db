//! `FROM KINESIS (…)` (Doris master): the Kinesis source's own checks (KN rules) in
//! Doris's order, read into the parts of a [`KinesisSource`] the statement gives.
//! CREATE builds the job's source from them; ALTER merges them into the job's.

use super::context::Mode;
use super::model::{CustomProperties, KinesisSource, KINESIS_DEFAULT_POS};
use crate::ast::{Property, PropertyList, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::kafka::CLIENT_PREFIX;
use crate::keys::kinesis::{kinesis_alias, KinesisKey};
use crate::text::did_you_mean;

fn err(rule: Rule, msg: impl Into<Text>, span: Span, help: impl Into<Text>) -> Diagnostic {
    rule.error(msg).at(span).with_help(help)
}

/// What a `FROM KINESIS (…)` list says, normalised as Doris reads it.
#[derive(Debug, Clone, Default)]
pub(crate) struct KinesisInput {
    /// `aws.region`, trimmed, when given.
    pub region: Option<String>,
    /// `kinesis_stream`, trimmed, when given.
    pub stream: Option<String>,
    /// `aws.endpoint` (else `kinesis_endpoint`), trimmed, when given.
    pub endpoint: Option<String>,
    /// Explicit shards with their positions, when `kinesis_shards` is given.
    pub shards: Option<Vec<(String, String)>>,
    /// Whether `kinesis_shards_pos` is given.
    pub positions_given: bool,
    /// The custom map this list gives (`property.*`, credentials, the default).
    pub custom: CustomProperties,
    /// Whether `kinesis_default_pos` was filled in as `LATEST` (no position and no
    /// default given).
    pub default_filled: bool,
}

impl KinesisInput {
    /// The job's source, at CREATE.
    pub fn into_source(self) -> KinesisSource {
        KinesisSource {
            region: self.region.unwrap_or_default(),
            stream: self.stream.unwrap_or_default(),
            endpoint: self.endpoint.filter(|e| !e.is_empty()),
            shards: self.shards,
            custom: self.custom,
        }
    }
}

/// Java's `String.split(",")` on a whole value: `""` gives one empty element, trailing
/// empty elements are dropped.
fn java_split_all(s: &str) -> Vec<&str> {
    if s.is_empty() {
        return vec![""];
    }
    super::kafka::java_split(s, ',')
}

/// Doris's region pattern `^[a-z]{2}(-[a-z]+)?-[a-z]+-\d$`.
pub(crate) fn region_format_ok(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    let letters = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase());
    match parts.as_slice() {
        [first, middle @ .., last] if (1..=2).contains(&middle.len()) => {
            first.len() == 2
                && letters(first)
                && middle.iter().all(|m| letters(m))
                && last.len() == 1
                && last.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// A sequence number as Java's `BigInteger` reads it: an optional sign, then digits.
fn is_sequence_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A position Doris master accepts: `TRIM_HORIZON`, `LATEST` (any case) or a sequence
/// number.
pub(crate) fn position_ok(p: &str) -> bool {
    p.eq_ignore_ascii_case("TRIM_HORIZON")
        || p.eq_ignore_ascii_case("LATEST")
        || is_sequence_number(p)
}

fn blank(v: Option<&str>) -> bool {
    v.is_none_or(|v| v.trim().is_empty())
}

/// KN1–KN12: reads and checks a Kinesis source list.
pub(crate) fn analyze(
    list: &PropertyList,
    anchor: Span,
    mode: Mode,
    diags: &mut Vec<Diagnostic>,
) -> KinesisInput {
    let mut fixed: Vec<(KinesisKey, &Property)> = Vec::new();
    let mut custom = CustomProperties::default();
    // KN1
    for p in &list.entries {
        let key = p.key();
        if let Some(k) = KinesisKey::parse(key) {
            fixed.push((k, p));
        } else if let Some(rest) = key.strip_prefix(CLIENT_PREFIX) {
            custom.insert(rest, p.value());
        } else {
            let help = match kinesis_alias(key) {
                Some(k) => format!("did you mean \"{k}\"?"),
                None => match did_you_mean(key, KinesisKey::ALL.iter().map(|k| k.as_str()), 2)
                    .first()
                {
                    Some(k) => format!("did you mean \"{k}\"?"),
                    None if key.starts_with("kafka_") => "a Kinesis source takes kinesis_* and aws.* keys; Kafka keys belong in FROM KAFKA (…)".to_string(),
                    None => "a Kinesis source takes aws.region, kinesis_stream, kinesis_shards, kinesis_shards_pos, aws.endpoint, the aws.* credentials and property.* keys".to_string(),
                },
            };
            diags.push(err(
                &KN1,
                format!("{key} is invalid Kinesis property or cannot be set"),
                p.key.span,
                help,
            ));
        }
    }
    let get = |k: KinesisKey| fixed.iter().find(|(f, _)| *f == k).map(|(_, p)| *p);
    let value_span = |k: KinesisKey| get(k).map_or(anchor, |p| p.value.span);
    let mut input = KinesisInput {
        region: get(KinesisKey::Region).map(|p| p.value().trim().to_string()),
        stream: get(KinesisKey::Stream).map(|p| p.value().trim().to_string()),
        endpoint: match get(KinesisKey::Endpoint) {
            Some(p) => Some(p.value().trim().to_string()),
            None => get(KinesisKey::LegacyEndpoint).map(|p| p.value().trim().to_string()),
        },
        ..KinesisInput::default()
    };
    // KN2, KN3
    match &input.region {
        Some(r) if !r.is_empty() && !region_format_ok(r) => {
            diags.push(err(
                &KN3,
                format!("Invalid AWS region format: {r}. Expected format like: us-east-1, eu-west-2, cn-north-1"),
                value_span(KinesisKey::Region),
                "write the stream's region code in lower case, for example \"us-east-1\"",
            ));
        }
        Some(r) if !r.is_empty() => {}
        _ if mode == Mode::Create => diags.push(err(
            &KN2,
            "aws.region is a required property",
            value_span(KinesisKey::Region),
            "add \"aws.region\" = \"<region of the stream>\", for example \"us-east-1\"",
        )),
        _ => {}
    }
    // KN4
    if mode == Mode::Create && blank(input.stream.as_deref()) {
        diags.push(err(
            &KN4,
            "kinesis_stream is a required property",
            value_span(KinesisKey::Stream),
            "add \"kinesis_stream\" = \"<stream name>\"",
        ));
    }
    // The credentials join the custom map when not blank (the direct key wins).
    for (k, p) in &fixed {
        if k.is_credential() && !p.value().trim().is_empty() {
            custom.insert(k.as_str(), p.value());
        }
    }
    let cred_span = |k: KinesisKey| {
        get(k)
            .map(|p| p.key.span)
            .or_else(|| {
                list.get(&format!("property.{}", k.as_str()))
                    .map(|p| p.key.span)
            })
            .unwrap_or(anchor)
    };
    // KN5, KN6
    let access = custom.get("aws.access_key");
    let secret = custom.get("aws.secret_key");
    if !blank(access) && blank(secret) {
        diags.push(err(
            &KN5,
            "When property.aws.access_key is set, property.aws.secret_key must also be set",
            cred_span(KinesisKey::AccessKey),
            "add \"aws.secret_key\"; the access key alone cannot sign requests",
        ));
    } else if !blank(secret) && blank(access) {
        diags.push(err(
            &KN5,
            "When property.aws.secret_key is set, property.aws.access_key must also be set",
            cred_span(KinesisKey::SecretKey),
            "add \"aws.access_key\" for this secret key",
        ));
    }
    if !blank(custom.get("aws.external.id")) && blank(custom.get("aws.role_arn")) {
        let span = list
            .get("property.aws.external.id")
            .map_or(anchor, |p| p.key.span);
        diags.push(err(
            &KN6,
            "When property.aws.external.id is set, property.aws.role_arn must also be set",
            span,
            "the external id is sent when the role is assumed: add \"aws.role_arn\"",
        ));
    }
    // Shards and positions.
    let shards: Option<Vec<String>> = get(KinesisKey::Shards).map(|p| {
        let no_spaces: String = p.value().chars().filter(|c| *c != ' ').collect();
        java_split_all(&no_spaces)
            .into_iter()
            .map(str::to_string)
            .collect()
    });
    let positions: Option<Vec<String>> = get(KinesisKey::ShardsPos)
        .map(|p| p.value().split(',').map(|s| s.trim().to_string()).collect());
    input.positions_given = positions.is_some();
    let default = custom.get(KINESIS_DEFAULT_POS).map(str::to_string);
    let default_span = list
        .get(&format!("property.{KINESIS_DEFAULT_POS}"))
        .map_or(anchor, |p| p.value.span);
    // KN7
    if positions.is_some() && !blank(default.as_deref()) {
        diags.push(err(
            &KN7,
            "Only one of kinesis_shards_pos and property.kinesis_default_pos can be set.",
            value_span(KinesisKey::ShardsPos),
            "give each shard its position, or one default for all: not both",
        ));
    }
    // KN8
    if mode == Mode::Alter && shards.is_some() && positions.is_none() && blank(default.as_deref()) {
        diags.push(err(
            &KN8,
            "Must set position or default position with shard property",
            value_span(KinesisKey::Shards),
            "add \"kinesis_shards_pos\" (one position per shard) or \"property.kinesis_default_pos\"",
        ));
    }
    match &positions {
        Some(pos) => {
            // KN9
            let shard_count = shards.as_ref().map_or(0, Vec::len);
            if pos.len() != shard_count {
                diags.push(err(
                    &KN9,
                    "Number of shards must equal number of positions",
                    value_span(KinesisKey::ShardsPos),
                    format!("{} shard(s) and {} position(s): give one position per shard, in the same order", shard_count, pos.len()),
                ));
            } else {
                // KN11
                for p in pos {
                    if !position_ok(p) {
                        diags.push(err(
                            &KN11,
                            format!("kinesis_shards_pos must be TRIM_HORIZON, LATEST, or a valid sequence number. Got: {p}"),
                            value_span(KinesisKey::ShardsPos),
                            "a position is TRIM_HORIZON (the oldest record), LATEST (new records only) or a sequence number; Doris master takes no datetimes",
                        ));
                    }
                }
            }
        }
        None => {
            // KN12: the default, LATEST when absent (not trimmed).
            let d = default.clone().unwrap_or_else(|| "LATEST".to_string());
            if default.is_none() {
                custom.insert(KINESIS_DEFAULT_POS, "LATEST");
                input.default_filled = true;
            }
            if !position_ok(&d) {
                diags.push(err(
                    &KN12,
                    format!("property.kinesis_default_pos can only be set to TRIM_HORIZON, LATEST, or a valid sequence number. Got: {d}"),
                    default_span,
                    if d.trim() != d && position_ok(d.trim()) {
                        format!("Doris does not trim this value: write \"{}\"", d.trim())
                    } else {
                        "write TRIM_HORIZON (the oldest record), LATEST (new records only) or a sequence number; Doris master takes no datetimes".to_string()
                    },
                ));
            }
        }
    }
    input.shards = shards.map(|ids| {
        let raw_default = custom
            .get(KINESIS_DEFAULT_POS)
            .unwrap_or("LATEST")
            .to_string();
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| {
                let pos = positions
                    .as_ref()
                    .and_then(|p| p.get(i).cloned())
                    .unwrap_or_else(|| raw_default.clone());
                (id, pos)
            })
            .collect()
    });
    if let Some(sh) = &input.shards {
        if sh.iter().any(|(id, _)| id.is_empty()) {
            diags.push(
                Q50.warning("an empty shard id is in kinesis_shards")
                    .at(value_span(KinesisKey::Shards))
                    .with_help("Doris keeps empty ids (\"\" and \"a,,b\" name a shard with an empty id); list shard ids such as shardId-000000000000"),
            );
        }
    }
    input.custom = custom;
    input
}

/// The region an AWS Kinesis endpoint host names (`kinesis.<region>.amazonaws.com`,
/// the FIPS and VPC-endpoint forms too).
fn endpoint_region(host: &str) -> Option<&str> {
    let host = host
        .strip_suffix(".amazonaws.com.cn")
        .or_else(|| host.strip_suffix(".amazonaws.com"))?;
    host.split('.').find(|part| region_format_ok(part))
}

/// The host of an endpoint URL (or of a bare host name).
fn endpoint_host(endpoint: &str) -> &str {
    let rest = endpoint.split_once("://").map_or(endpoint, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host_port.split(':').next().unwrap_or(host_port),
    }
}

/// rlfe's Kinesis lints beyond Doris: the endpoint against the region (KINESIS-1),
/// credentials kept in the job (KINESIS-2).
pub(crate) fn lints(input: &KinesisInput, list: &PropertyList, diags: &mut Vec<Diagnostic>) {
    let span_of = |key: &str| list.get(key).map(|p| p.value.span);
    if let Some(e) = input.endpoint.as_deref().filter(|e| !e.is_empty()) {
        let span = span_of("aws.endpoint").or_else(|| span_of("kinesis_endpoint"));
        let host = endpoint_host(e);
        let loopback = host == "localhost" || host.starts_with("127.") || host == "::1";
        if e.starts_with("http://") && !loopback {
            let mut d = KINESIS_1
                .warning(format!("aws.endpoint {e} is not an https URL"))
                .with_help("records and request signatures travel unencrypted: use https:// (plain http suits a local test endpoint only)");
            if let Some(s) = span {
                d = d.at(s);
            }
            diags.push(d);
        }
        if let (Some(er), Some(r)) = (endpoint_region(host), input.region.as_deref()) {
            if !r.is_empty() && er != r {
                let mut d = KINESIS_1
                    .warning(format!("aws.endpoint {e} is in region {er}, not in aws.region {r}"))
                    .with_help(format!("the BE signs its requests for {r}: every request to {er} fails with a signature error; make aws.region {er}, or use the endpoint of {r}"));
                if let Some(s) = span {
                    d = d.at(s);
                }
                diags.push(d);
            }
        }
    }
    let key_span = |k: &str| {
        list.get(k)
            .or_else(|| list.get(&format!("property.{k}")))
            .map(|p| p.key.span)
    };
    if input
        .custom
        .get("aws.access_key")
        .is_some_and(|v| !v.trim().is_empty())
    {
        let mut d = KINESIS_2.warning("static AWS keys are stored in the job").with_help(
            "the keys are kept in the job and sent with every task: prefer aws.role_arn, or the BE hosts' instance profile",
        );
        if let Some(s) = key_span("aws.access_key") {
            d = d.at(s);
        }
        diags.push(d);
    }
    if input
        .custom
        .get("aws.session_key")
        .is_some_and(|v| !v.trim().is_empty())
    {
        let mut d = KINESIS_2
            .warning("aws.session_key is a temporary credential: the job fails when it expires")
            .with_help("temporary keys expire within hours: give aws.role_arn so the BE refreshes its own credentials");
        if let Some(s) = key_span("aws.session_key") {
            d = d.at(s);
        }
        diags.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_as_doris_matches_them() {
        for ok in [
            "us-east-1",
            "us-gov-west-1",
            "cn-north-1",
            "eu-west-2",
            "ap-southeast-2",
        ] {
            assert!(region_format_ok(ok), "{ok}");
        }
        for bad in [
            "US-EAST-1",
            "us-east",
            "us-east-10",
            "us-east-1a",
            "use-east-1",
            "us--1",
            "us-a-b-c-1",
            "",
        ] {
            assert!(!region_format_ok(bad), "{bad}");
        }
    }

    #[test]
    fn positions_and_endpoints() {
        for ok in [
            "TRIM_HORIZON",
            "latest",
            "123",
            "+49590338271490256608559692538361571095921575989136588898",
            "-1",
        ] {
            assert!(position_ok(ok), "{ok}");
        }
        for bad in [
            "",
            " LATEST",
            "AT_TIMESTAMP",
            "2026-01-01 00:00:00",
            "1.5",
            "+",
        ] {
            assert!(!position_ok(bad), "{bad}");
        }
        assert_eq!(
            endpoint_host("https://kinesis.eu-west-1.amazonaws.com:443/x"),
            "kinesis.eu-west-1.amazonaws.com"
        );
        assert_eq!(
            endpoint_region("kinesis.eu-west-1.amazonaws.com"),
            Some("eu-west-1")
        );
        assert_eq!(
            endpoint_region("vpce-1a2b.kinesis.us-east-1.vpce.amazonaws.com"),
            Some("us-east-1")
        );
        assert_eq!(endpoint_region("localhost"), None);
        assert_eq!(java_split_all(""), vec![""]);
        assert_eq!(java_split_all("a,,b,,"), vec!["a", "", "b"]);
    }
}
