//! STS AssumeRole, as Doris BE's MSK IAM callback uses it for `aws.role_arn`
//! (`STSAssumeRoleCredentialsProvider(role_arn, session name, external_id, …,
//! STSClient(base credentials, region = aws.region))`): a SigV4-signed POST of
//! `Action=AssumeRole` to the region's STS endpoint, answered with temporary
//! credentials. The endpoint can be changed as the AWS SDKs allow
//! (`AWS_ENDPOINT_URL_STS`, then `AWS_ENDPOINT_URL`).

use super::aws_credentials::Environment;
use super::msk_iam::{uri_encode, AwsCredentials};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use std::time::{Duration, SystemTime};

/// What to assume.
#[derive(Debug, Clone)]
pub struct AssumeRole<'a> {
    /// `aws.role_arn`.
    pub role_arn: &'a str,
    /// `aws.external_id`.
    pub external_id: Option<&'a str>,
    /// `aws.region`: STS is called in it.
    pub region: &'a str,
    /// The role session name. Doris passes none; the AWS SDK for C++ then names
    /// the session itself.
    pub session_name: &'a str,
}

/// Why no credentials came back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StsError {
    /// STS could not be reached.
    #[error("STS at {endpoint} not reached: {reason}")]
    Unreachable {
        /// The endpoint.
        endpoint: String,
        /// Why.
        reason: String,
    },
    /// STS refused (`AccessDenied`, `InvalidClientTokenId`, …).
    #[error("STS refused AssumeRole of {role}: {code}: {message}")]
    Refused {
        /// The role.
        role: String,
        /// STS's error code.
        code: String,
        /// STS's message.
        message: String,
    },
    /// The answer could not be read.
    #[error("STS's answer could not be read: {0}")]
    Answer(String),
    /// The request could not be signed.
    #[error("the AWS SigV4 signer refused the STS request: {0}")]
    Signer(String),
}

/// The STS endpoint for a region, or the one the environment sets.
pub fn endpoint(env: &dyn Environment, region: &str) -> String {
    env.var("AWS_ENDPOINT_URL_STS")
        .or_else(|| env.var("AWS_ENDPOINT_URL"))
        .unwrap_or_else(|| format!("https://sts.{region}.amazonaws.com/"))
}

/// The text of the first `<tag>…</tag>` in an XML answer.
fn tag<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&close)? + start;
    Some(xml[start..end].trim())
}

/// XML's five entities decoded (STS escapes `&` in messages and `+`/`/` never).
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Calls STS AssumeRole with `base` and returns the temporary credentials.
pub fn assume_role(
    base: &AwsCredentials,
    request: &AssumeRole<'_>,
    env: &dyn Environment,
    timeout: Duration,
) -> Result<AwsCredentials, StsError> {
    let url = endpoint(env, request.region);
    let mut body = format!(
        "Action=AssumeRole&Version=2011-06-15&RoleArn={}&RoleSessionName={}",
        uri_encode(request.role_arn),
        uri_encode(request.session_name)
    );
    if let Some(id) = request.external_id {
        body.push_str(&format!("&ExternalId={}", uri_encode(id)));
    }
    let host = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
        .to_string();
    let identity = Credentials::new(
        base.access_key_id.clone(),
        base.secret_access_key.expose().to_string(),
        base.session_token.as_ref().map(|t| t.expose().to_string()),
        None,
        "rlfe",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(request.region)
        .name("sts")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| StsError::Signer(e.to_string()))?
        .into();
    let content_type = "application/x-www-form-urlencoded; charset=utf-8";
    let headers = [("host", host.as_str()), ("content-type", content_type)];
    let signable = SignableRequest::new(
        "POST",
        url.as_str(),
        headers.iter().copied(),
        SignableBody::Bytes(body.as_bytes()),
    )
    .map_err(|e| StsError::Signer(e.to_string()))?;
    let (instructions, _) = sign(signable, &params)
        .map_err(|e| StsError::Signer(e.to_string()))?
        .into_parts();
    let tls = native_tls::TlsConnector::new().map_err(|e| StsError::Unreachable {
        endpoint: url.clone(),
        reason: e.to_string(),
    })?;
    let agent = ureq::AgentBuilder::new()
        .timeout(timeout)
        .tls_connector(std::sync::Arc::new(tls))
        .build();
    let mut call = agent.post(&url).set("content-type", content_type);
    for (name, value) in instructions.headers() {
        call = call.set(name, value);
    }
    let answer = match call.send_string(&body) {
        Ok(r) => r
            .into_string()
            .map_err(|e| StsError::Answer(e.to_string()))?,
        Err(ureq::Error::Status(_, r)) => {
            let xml = r.into_string().unwrap_or_default();
            return Err(StsError::Refused {
                role: request.role_arn.to_string(),
                code: tag(&xml, "Code").unwrap_or("unknown").to_string(),
                message: unescape(tag(&xml, "Message").unwrap_or("")),
            });
        }
        Err(e) => {
            return Err(StsError::Unreachable {
                endpoint: url,
                reason: e.to_string(),
            })
        }
    };
    let field = |name: &str| {
        tag(&answer, name)
            .map(unescape)
            .ok_or_else(|| StsError::Answer(format!("no {name}")))
    };
    Ok(AwsCredentials::new(
        &field("AccessKeyId")?,
        &field("SecretAccessKey")?,
        Some(&field("SessionToken")?),
    ))
}

/// Credentials for a BE source, AssumeRole included: the base credentials read
/// where rlfe can read them, then STS for the role.
pub fn resolve(
    source: &super::aws_credentials::CredentialSource,
    region: &str,
    env: &dyn Environment,
    timeout: Duration,
) -> Result<super::aws_credentials::Resolved, String> {
    use super::aws_credentials::{resolve as base_of, CredentialSource, Resolved};
    match source {
        CredentialSource::AssumeRole {
            role_arn,
            external_id,
            base,
        } => {
            let base = base_of(base, env)
                .map_err(|e| format!("the base credentials of {role_arn}: {e}"))?;
            let session = format!("rlfe-{}", uuid::Uuid::new_v4());
            let creds = assume_role(
                &base.credentials,
                &AssumeRole {
                    role_arn,
                    external_id: external_id.as_deref(),
                    region,
                    session_name: &session,
                },
                env,
                timeout,
            )
            .map_err(|e| e.to_string())?;
            Ok(Resolved {
                origin: format!("STS AssumeRole of {role_arn} with {}", base.origin),
                credentials: creds,
            })
        }
        other => base_of(other, env).map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_by_tag() {
        let xml = "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s&amp;k</SecretAccessKey></Credentials></AssumeRoleResult></AssumeRoleResponse>";
        assert_eq!(tag(xml, "AccessKeyId"), Some("ASIA1"));
        assert_eq!(unescape(tag(xml, "SecretAccessKey").unwrap()), "s&k");
        assert_eq!(tag(xml, "SessionToken"), None);
    }
}
