//! The SASL/OAUTHBEARER token Doris BE hands librdkafka for AWS MSK IAM
//! (`be/src/runtime/aws_msk_iam_auth.cpp`, `AwsMskIamAuth::generate_token`): an AWS
//! SigV4 presigned `GET https://kafka.<region>.amazonaws.com/?Action=kafka-cluster%3AConnect`,
//! valid 900 s, signed for the service `kafka-cluster` with only the `host` header,
//! then the BE's User-Agent appended after the signature, the whole URL base64url
//! encoded without padding. The signature comes from AWS's own signer (`aws-sigv4`);
//! this module only lays the signed parameters out in the BE's order.
//!
//! Every value that carries a credential (the token, the URL, the session token, the
//! signature) is a [`Secret`]: Debug and Display mask it.

use crate::keys::secrets::Secret;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    sign, SignableBody, SignableRequest, SignatureLocation, SigningSettings,
};
use aws_sigv4::sign::v4;
use base64::Engine;
use chrono::{DateTime, Utc};
use std::time::{Duration, SystemTime};

/// The service the token is signed for.
pub const SERVICE: &str = "kafka-cluster";
/// The action the presigned request asks for.
pub const ACTION: &str = "kafka-cluster:Connect";
/// `TOKEN_EXPIRY_SECONDS`: the token's validity, and `X-Amz-Expires`.
pub const TOKEN_EXPIRY_SECONDS: u64 = 900;
/// The User-Agent Doris BE appends (unsigned).
pub const DORIS_USER_AGENT: &str = "doris-msk-iam-auth/1.0";
/// The User-Agent of AWS's Python signer, `aws-msk-iam-sasl-signer-python` 1.0.2.
pub const PYTHON_USER_AGENT: &str = "aws-msk-iam-sasl-signer-python/1.0.2";
/// The principal Doris BE passes to `oauthbearer_set_token` (never sent: the GS2
/// header carries no authorization identity).
pub const DORIS_PRINCIPAL: &str = "doris-consumer";
/// SHA-256 of the empty payload, the presigned request's body hash.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Whose layout of the token URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignerStyle {
    /// Doris BE: `X-Amz-Security-Token` before `X-Amz-SignedHeaders`, User-Agent
    /// `doris-msk-iam-auth/1.0`.
    #[default]
    DorisBe,
    /// AWS's Python signer (botocore's presigner): `X-Amz-Security-Token` after
    /// `X-Amz-SignedHeaders`, its own User-Agent.
    Python,
}

impl SignerStyle {
    /// The User-Agent this signer appends.
    pub fn user_agent(self) -> &'static str {
        match self {
            SignerStyle::DorisBe => DORIS_USER_AGENT,
            SignerStyle::Python => PYTHON_USER_AGENT,
        }
    }
}

/// AWS credentials: the access key id is shown, the secret and session token never.
#[derive(Clone, PartialEq, Eq)]
pub struct AwsCredentials {
    /// The access key id (`AKIA…` long-term, `ASIA…` temporary).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: Secret,
    /// The session token of temporary credentials.
    pub session_token: Option<Secret>,
}

impl AwsCredentials {
    /// Credentials from their parts; an empty session token is none.
    pub fn new(access_key_id: &str, secret_access_key: &str, session_token: Option<&str>) -> Self {
        AwsCredentials {
            access_key_id: access_key_id.to_string(),
            secret_access_key: Secret::new(secret_access_key),
            session_token: session_token.filter(|t| !t.is_empty()).map(Secret::new),
        }
    }

    /// The access key id as the BE logs it: its first four characters, then `****`.
    pub fn masked_key_id(&self) -> String {
        let head: String = self.access_key_id.chars().take(4).collect();
        format!("{head}****")
    }
}

impl std::fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsCredentials")
            .field("access_key_id", &self.masked_key_id())
            .field("secret_access_key", &self.secret_access_key)
            .field("session_token", &self.session_token)
            .finish()
    }
}

/// Why no token could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The region is empty or not a region name.
    #[error("'{0}' is not an AWS region (expected a name such as us-east-1)")]
    Region(String),
    /// The access key id or the secret is empty.
    #[error("AWS credentials can not be empty")]
    EmptyCredentials,
    /// The signing time is before 1970 or unrepresentable.
    #[error("the signing time is out of range")]
    Time,
    /// The expiry is outside SigV4's 1 s to 7 days.
    #[error("an expiry of {0} s is outside SigV4's range of 1 to 604800 seconds")]
    Expiry(u64),
    /// AWS's signer refused the request.
    #[error("the AWS SigV4 signer refused the request: {0}")]
    Signer(String),
}

/// A token, with what went into it.
#[derive(Clone, PartialEq, Eq)]
pub struct MskIamToken {
    /// The region signed for.
    pub region: String,
    /// `kafka.<region>.amazonaws.com`.
    pub host: String,
    /// The signing time, to the second.
    pub signed_at: DateTime<Utc>,
    /// `X-Amz-Expires`.
    pub expires_seconds: u64,
    /// The access key id signed with.
    pub access_key_id: String,
    /// Whether the credentials had a session token (`X-Amz-Security-Token`).
    pub has_session_token: bool,
    /// The presigned URL (holds the signature and any session token).
    pub url: Secret,
    /// The token: the URL, base64url without padding.
    pub token: Secret,
    /// The canonical request that was signed (holds any session token).
    pub canonical_request: Secret,
    /// The SigV4 signature, lower-case hex.
    pub signature: Secret,
    /// The layout.
    pub style: SignerStyle,
}

impl MskIamToken {
    /// The token's lifetime as Doris BE passes it to librdkafka, in ms.
    pub fn lifetime_ms(&self) -> i64 {
        i64::try_from(self.expires_seconds)
            .unwrap_or(i64::MAX / 1000)
            .saturating_mul(1000)
    }

    /// The absolute expiry (epoch ms) when the token is set at its signing second.
    pub fn expiry_ms(&self) -> i64 {
        self.signed_at
            .timestamp_millis()
            .saturating_add(self.lifetime_ms())
    }

    /// The URL with the signature and any session token masked: what `--decode`
    /// shows without `--reveal-secrets`.
    pub fn masked_url(&self) -> String {
        mask_query(self.url.expose())
    }

    /// The canonical request with any session token masked.
    pub fn masked_canonical_request(&self) -> String {
        self.canonical_request
            .expose()
            .split('\n')
            .map(|line| {
                if line.contains("X-Amz-Security-Token=") {
                    mask_query(line)
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl std::fmt::Debug for MskIamToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MskIamToken")
            .field("region", &self.region)
            .field("signed_at", &self.signed_at.to_rfc3339())
            .field("expires_seconds", &self.expires_seconds)
            .field("url", &self.masked_url())
            .field("token", &self.token)
            .field("style", &self.style)
            .finish()
    }
}

/// A query string (or URL) with the values of `X-Amz-Signature` and
/// `X-Amz-Security-Token` replaced by the mask.
fn mask_query(text: &str) -> String {
    let (head, query) = match text.split_once('?') {
        Some((h, q)) => (Some(h), q),
        None => (None, text),
    };
    let masked = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == "X-Amz-Signature" || k == "X-Amz-Security-Token" => {
                format!("{k}={}", crate::keys::secrets::MASK)
            }
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&");
    match head {
        Some(h) => format!("{h}?{masked}"),
        None => masked,
    }
}

/// RFC 3986 encoding as SigV4 uses it: unreserved characters kept, every other byte
/// `%XX` in upper-case hex.
pub fn uri_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether a region name has the shape AWS region names have (`us-east-1`,
/// `cn-north-1`, `us-gov-west-1`, `eu-isoe-west-1`).
pub fn is_region_name(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && parts
            .last()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// Makes the token Doris BE sends for `region` at `at` (truncated to the second).
pub fn generate(
    credentials: &AwsCredentials,
    region: &str,
    at: DateTime<Utc>,
    expires_seconds: u64,
    style: SignerStyle,
) -> Result<MskIamToken, TokenError> {
    if !is_region_name(region) {
        return Err(TokenError::Region(region.to_string()));
    }
    if credentials.access_key_id.is_empty() || credentials.secret_access_key.expose().is_empty() {
        return Err(TokenError::EmptyCredentials);
    }
    if !(1..=604_800).contains(&expires_seconds) {
        return Err(TokenError::Expiry(expires_seconds));
    }
    let secs = u64::try_from(at.timestamp()).map_err(|_| TokenError::Time)?;
    let signed_at = DateTime::<Utc>::from_timestamp(at.timestamp(), 0).ok_or(TokenError::Time)?;
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
    let host = format!("kafka.{region}.amazonaws.com");
    let endpoint = format!("https://{host}/");
    let identity = Credentials::new(
        credentials.access_key_id.clone(),
        credentials.secret_access_key.expose().to_string(),
        credentials
            .session_token
            .as_ref()
            .map(|t| t.expose().to_string()),
        None,
        "rlfe",
    )
    .into();
    let mut settings = SigningSettings::default();
    settings.signature_location = SignatureLocation::QueryParams;
    settings.expires_in = Some(Duration::from_secs(expires_seconds));
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(SERVICE)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|e| TokenError::Signer(e.to_string()))?
        .into();
    let uri = format!("{endpoint}?Action={}", uri_encode(ACTION));
    let request = SignableRequest::new(
        "GET",
        uri.as_str(),
        std::iter::once(("host", host.as_str())),
        SignableBody::Bytes(&[]),
    )
    .map_err(|e| TokenError::Signer(e.to_string()))?;
    let (instructions, _) = sign(request, &params)
        .map_err(|e| TokenError::Signer(e.to_string()))?
        .into_parts();
    let signed: Vec<(String, String)> = instructions
        .params()
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.to_string()))
        .collect();
    let get = |name: &str| {
        signed
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let signature = get("X-Amz-Signature")
        .ok_or_else(|| TokenError::Signer("no X-Amz-Signature".into()))?
        .to_string();
    // The signed parameters in the signer's layout; the canonical query is the same
    // parameters sorted, which is what was signed.
    let order: &[&str] = match style {
        SignerStyle::DorisBe => &[
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-Security-Token",
            "X-Amz-SignedHeaders",
        ],
        SignerStyle::Python => &[
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-SignedHeaders",
            "X-Amz-Security-Token",
        ],
    };
    let pair = |k: &str, v: &str| format!("{k}={}", uri_encode(v));
    let mut query = vec![pair("Action", ACTION)];
    query.extend(order.iter().filter_map(|k| get(k).map(|v| pair(k, v))));
    let mut canonical: Vec<String> = query.clone();
    canonical.sort();
    let canonical_request = format!(
        "GET\n/\n{}\nhost:{host}\n\nhost\n{EMPTY_PAYLOAD_SHA256}",
        canonical.join("&")
    );
    query.push(pair("X-Amz-Signature", &signature));
    query.push(pair("User-Agent", style.user_agent()));
    let url = format!("{endpoint}?{}", query.join("&"));
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(url.as_bytes());
    Ok(MskIamToken {
        region: region.to_string(),
        host,
        signed_at,
        expires_seconds,
        access_key_id: credentials.access_key_id.clone(),
        has_session_token: credentials.session_token.is_some(),
        url: Secret::new(url),
        token: Secret::new(token),
        canonical_request: Secret::new(canonical_request),
        signature: Secret::new(signature),
        style,
    })
}

/// Decodes a token back to its URL (base64url, padding optional).
pub fn decode(token: &str) -> Option<String> {
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine
        .decode(token.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_signs_to_its_signature() {
        let c = AwsCredentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
        );
        let at = DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let t = generate(&c, "us-east-1", at, 900, SignerStyle::DorisBe).unwrap();
        assert!(t
            .signature
            .expose()
            .starts_with("083ac0649124b99c022ac874d20b7123"));
        assert!(!format!("{t:?}").contains("083ac06"));
        assert!(!format!("{c:?}").contains("EXAMPLEKEY"));
        assert_eq!(decode(t.token.expose()).as_deref(), Some(t.url.expose()));
    }

    #[test]
    fn bad_inputs_are_refused() {
        let c = AwsCredentials::new("AKID", "SECRET", None);
        let at = Utc::now();
        assert_eq!(
            generate(&c, "", at, 900, SignerStyle::DorisBe).unwrap_err(),
            TokenError::Region(String::new())
        );
        assert_eq!(
            generate(&c, "us-east-1", at, 0, SignerStyle::DorisBe).unwrap_err(),
            TokenError::Expiry(0)
        );
        let empty = AwsCredentials::new("", "x", None);
        assert_eq!(
            generate(&empty, "us-east-1", at, 900, SignerStyle::DorisBe).unwrap_err(),
            TokenError::EmptyCredentials
        );
    }
}
