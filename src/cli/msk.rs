//! `rlfe msk-iam-token`: the OAUTHBEARER token Doris BE would send to AWS MSK.

use super::{read_input, run_quietly, session, warn, write_stdout, Common};
use clap::{Args, ValueEnum};
use routine_load_fe::analyzer::DataSource;
use routine_load_fe::be::aws_credentials::{self, ProcessEnvironment, Resolved};
use routine_load_fe::be::msk_iam::{self, SignerStyle, DORIS_PRINCIPAL};
use std::collections::BTreeMap;

#[derive(Args, Debug)]
pub(crate) struct TokenArgs {
    /// The AWS region (`aws.region`); with --job, the job's unless given.
    #[arg(long)]
    region: Option<String>,
    /// Sign as at this time (RFC 3339, e.g. 2024-01-01T00:00:00Z) instead of now.
    #[arg(long, value_name = "RFC3339-TIME")]
    at: Option<String>,
    /// X-Amz-Expires: how long the token is valid (Doris BE: 900).
    #[arg(long, value_name = "SECONDS", default_value_t = msk_iam::TOKEN_EXPIRY_SECONDS)]
    expires: u64,
    /// Also print the signed request: its parameters, the canonical request, the
    /// expiry (signature and session token masked unless --reveal-secrets).
    #[arg(long)]
    decode: bool,
    /// Whose URL layout: Doris BE's, or AWS's Python signer's.
    #[arg(long, value_enum, default_value = "doris")]
    signer: SignerArg,
    /// The credentials of this profile of the shared AWS files, not the environment's.
    #[arg(long, value_name = "PROFILE", conflicts_with = "job")]
    aws_profile: Option<String>,
    /// The job whose aws.* settings give the region and the credentials, as its BE
    /// would take them: `--job NAME FILE` (the script that creates it).
    #[arg(long, value_name = "NAME", requires = "file")]
    job: Option<String>,
    /// The script creating the job (`-`: standard input).
    file: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum SignerArg {
    Doris,
    Python,
}

/// The job's client properties (`property.` removed), from the script.
fn job_properties(
    common: &Common,
    name: &str,
    file: Option<&str>,
) -> Result<BTreeMap<String, String>, String> {
    let mut s = session(common, common.demo)?;
    let input = read_input(file, s.options.parse.max_script_bytes)?;
    run_quietly(&mut s, &input, |_, _| {});
    let mut names = Vec::new();
    for e in s.jobs.iter() {
        let full = format!("{}.{}", e.job.database, e.job.name);
        if let DataSource::Kafka(src) = &e.job.source {
            if e.job.name == name || full == name {
                return Ok(src
                    .custom
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect());
            }
        }
        names.push(full);
    }
    Err(if names.is_empty() {
        format!("no Kafka job '{name}' in the input (no job was created; run it with `rlfe run` to see why)")
    } else {
        format!(
            "no Kafka job '{name}' in the input; its jobs: {}",
            names.join(", ")
        )
    })
}

fn job_credentials(props: &BTreeMap<String, String>, region: &str) -> Result<Resolved, String> {
    let gate = props.get("security.protocol").map(String::as_str) == Some("SASL_SSL")
        && props.get("sasl.mechanism").map(String::as_str) == Some("OAUTHBEARER");
    if !gate {
        warn("note: the BE makes no MSK IAM token for this job: it does so only with property.security.protocol exactly SASL_SSL and property.sasl.mechanism exactly OAUTHBEARER");
    }
    match aws_credentials::source_of(props) {
        None => Err("the BE installs no MSK IAM token callback for this job: it has no credential source (aws.access_key with aws.secret_key, aws.role_arn, aws.profile_name or aws.credentials_provider), or aws.external_id without aws.role_arn".into()),
        // STS AssumeRole for aws.role_arn, on top of the base credentials.
        Some(source) => routine_load_fe::be::sts::resolve(
            &source,
            region,
            &ProcessEnvironment,
            std::time::Duration::from_secs(10),
        ),
    }
}

pub(crate) fn msk_iam_token(common: &Common, a: TokenArgs) -> Result<i32, String> {
    let (region, resolved) = match &a.job {
        Some(name) => {
            let props = job_properties(common, name, a.file.as_deref())?;
            let region = a
                .region
                .clone()
                .or_else(|| props.get("aws.region").cloned())
                .ok_or("the job has no aws.region; give --region")?;
            let resolved = job_credentials(&props, &region)?;
            (region, resolved)
        }
        None => {
            let region = a.region.clone().ok_or("--region is required (or --job)")?;
            let r = aws_credentials::from_standard_sources(
                &ProcessEnvironment,
                a.aws_profile.as_deref(),
            )
            .map_err(|e| e.to_string())?;
            (region, r)
        }
    };
    let at = match &a.at {
        Some(t) => chrono::DateTime::parse_from_rfc3339(t)
            .map_err(|e| format!("--at '{t}': {e} (expected RFC 3339, e.g. 2024-01-01T00:00:00Z)"))?
            .with_timezone(&chrono::Utc),
        None => chrono::Utc::now(),
    };
    let style = match a.signer {
        SignerArg::Doris => SignerStyle::DorisBe,
        SignerArg::Python => SignerStyle::Python,
    };
    let token = msk_iam::generate(&resolved.credentials, &region, at, a.expires, style)
        .map_err(|e| e.to_string())?;
    let reveal = common.reveal_secrets;
    let shown = |s: &routine_load_fe::keys::secrets::Secret| {
        if reveal {
            s.expose().to_string()
        } else {
            s.to_string()
        }
    };
    let mut out = format!("{}\n", shown(&token.token));
    if a.decode {
        let url = if reveal {
            token.url.expose().to_string()
        } else {
            token.masked_url()
        };
        out.push_str(&format!("url: {url}\n"));
        if let Some((_, query)) = url.split_once('?') {
            for pair in query.split('&') {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                out.push_str(&format!("  {k} = {}\n", percent_decode(v)));
            }
        }
        let canonical = if reveal {
            token.canonical_request.expose().to_string()
        } else {
            token.masked_canonical_request()
        };
        out.push_str("canonical request:\n");
        for line in canonical.split('\n') {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str(&format!("signature: {}\n", shown(&token.signature)));
        let expiry = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(token.expiry_ms())
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default();
        out.push_str(&format!(
            "expires: {expiry} ({} ms; lifetime {} ms from the signing second)\n",
            token.expiry_ms(),
            token.lifetime_ms()
        ));
        if style == SignerStyle::DorisBe {
            out.push_str(&format!("principal: {DORIS_PRINCIPAL} (not sent)\n"));
        }
    }
    write_stdout(&out)?;
    warn(&format!(
        "note: MSK IAM token for region {region}, signed {} with {} from {}{}",
        token
            .signed_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        resolved.credentials.masked_key_id(),
        resolved.origin,
        if reveal {
            ""
        } else {
            "; masked: --reveal-secrets prints it"
        }
    ));
    Ok(0)
}

/// `%XX` sequences decoded (for display).
fn percent_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
