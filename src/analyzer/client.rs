//! The client settings of a Kafka source (`property.*` and `aws.*`), typed: the
//! security protocol, the SASL mechanism, the AWS settings and the TLS material are
//! read once from the client map, after normalisation, and the rules read these.

use super::endpoint::Endpoint;
use super::model::CustomProperties;
use crate::ast::Property;
use crate::text::hash::FastMap;
use crate::text::Span;

/// `security.protocol` as the client map holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SecurityProtocol {
    /// `PLAINTEXT`, librdkafka's default.
    Plaintext,
    /// `SSL`: TLS without SASL.
    Ssl,
    /// `SASL_PLAINTEXT`.
    SaslPlaintext,
    /// `SASL_SSL`.
    SaslSsl,
    /// Anything else (librdkafka refuses it).
    Other,
}

/// The protocol and its text (lower case), `plaintext` when absent.
#[derive(Debug, Clone)]
pub(crate) struct Protocol {
    pub kind: SecurityProtocol,
    pub text: String,
}

impl Protocol {
    fn read(value: Option<&str>) -> Self {
        let text = value.map_or_else(|| "plaintext".to_string(), str::to_ascii_lowercase);
        let kind = match text.as_str() {
            "plaintext" => SecurityProtocol::Plaintext,
            "ssl" => SecurityProtocol::Ssl,
            "sasl_plaintext" => SecurityProtocol::SaslPlaintext,
            "sasl_ssl" => SecurityProtocol::SaslSsl,
            _ => SecurityProtocol::Other,
        };
        Protocol { kind, text }
    }

    /// Whether librdkafka authenticates with SASL (the text names a SASL protocol).
    pub fn is_sasl(&self) -> bool {
        self.text.starts_with("sasl_")
    }

    /// The protocol as librdkafka names it, in upper case.
    pub fn upper(&self) -> String {
        self.text.to_ascii_uppercase()
    }
}

/// A SASL mechanism, by librdkafka's exact (case-sensitive) names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SaslMechanism {
    Gssapi,
    Plain,
    ScramSha256,
    ScramSha512,
    OauthBearer,
    /// The Java client's MSK IAM mechanism (any spelling), which librdkafka lacks.
    AwsMskIam,
    /// Anything else.
    Other,
}

impl SaslMechanism {
    pub fn parse(text: &str) -> Self {
        match text {
            "GSSAPI" => SaslMechanism::Gssapi,
            "PLAIN" => SaslMechanism::Plain,
            "SCRAM-SHA-256" => SaslMechanism::ScramSha256,
            "SCRAM-SHA-512" => SaslMechanism::ScramSha512,
            "OAUTHBEARER" => SaslMechanism::OauthBearer,
            t if crate::keys::aws::is_aws_msk_iam(t) => SaslMechanism::AwsMskIam,
            _ => SaslMechanism::Other,
        }
    }
}

/// The SASL mechanisms librdkafka implements, by their exact (case-sensitive) names.
pub(crate) const MECHANISMS: [&str; 5] = [
    "GSSAPI",
    "PLAIN",
    "SCRAM-SHA-256",
    "SCRAM-SHA-512",
    "OAUTHBEARER",
];

/// The AWS settings Doris reads (canonical keys, after normalisation).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AwsSettings<'a> {
    pub region: Option<&'a str>,
    pub access_key: Option<&'a str>,
    pub secret_key: Option<&'a str>,
    pub session_key: Option<&'a str>,
    pub role_arn: Option<&'a str>,
    pub external_id: Option<&'a str>,
    pub profile_name: Option<&'a str>,
    pub credentials_provider: Option<&'a str>,
}

impl<'a> AwsSettings<'a> {
    fn read(map: &'a CustomProperties) -> Self {
        AwsSettings {
            region: map.get("aws.region"),
            access_key: map.get("aws.access_key"),
            secret_key: map.get("aws.secret_key"),
            session_key: map.get("aws.session_key"),
            role_arn: map.get("aws.role_arn"),
            external_id: map.get("aws.external_id"),
            profile_name: map.get("aws.profile_name"),
            credentials_provider: map.get("aws.credentials_provider"),
        }
    }

    /// Whether exactly one of the static key pair is given.
    pub fn pair_incomplete(&self) -> bool {
        self.access_key.is_some() != self.secret_key.is_some()
    }
}

/// The client settings the security rules read, typed.
#[derive(Debug, Clone)]
pub(crate) struct ClientSettings<'a> {
    pub protocol: Protocol,
    /// `sasl.mechanism`, else `sasl.mechanisms`, as written.
    pub mechanism: Option<&'a str>,
    /// The mechanism, typed.
    pub mechanism_kind: Option<SaslMechanism>,
    /// The key the mechanism was read from.
    pub mechanism_key: &'static str,
    pub aws: AwsSettings<'a>,
    /// `sasl.username` and `sasl.password`.
    pub username: Option<&'a str>,
    pub password: Option<&'a str>,
    /// Any `sasl.kerberos.*` key.
    pub kerberos: bool,
    /// A client certificate (PEM file, PEM text or PKCS#12 keystore).
    pub client_cert: bool,
    /// `sasl.oauthbearer.method` is `oidc`.
    pub oidc: bool,
    /// `enable.sasl.oauthbearer.unsecure.jwt` is true.
    pub unsecure_jwt: bool,
    /// Explicit IAM intent: an `aws.*` key, an AWS_MSK_IAM spelling, a Java IAM module.
    pub iam_explicit: bool,
    /// The brokers' endpoints.
    pub endpoints: Vec<&'a Endpoint>,
}

impl<'a> ClientSettings<'a> {
    /// Reads the settings from a (normalised) client map.
    pub fn read(map: &'a CustomProperties, iam_signal: bool, endpoints: Vec<&'a Endpoint>) -> Self {
        let mechanism_key = if map.contains("sasl.mechanism") {
            "sasl.mechanism"
        } else {
            "sasl.mechanisms"
        };
        let truthy = |k: &str| {
            map.get(k)
                .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "t" | "1"))
        };
        let aws = AwsSettings::read(map);
        ClientSettings {
            protocol: Protocol::read(map.get("security.protocol")),
            mechanism: map.get(mechanism_key),
            mechanism_kind: map.get(mechanism_key).map(SaslMechanism::parse),
            mechanism_key,
            aws,
            username: map.get("sasl.username"),
            password: map.get("sasl.password"),
            kerberos: map.iter().any(|(k, _)| k.starts_with("sasl.kerberos.")),
            client_cert: [
                "ssl.certificate.location",
                "ssl.certificate.pem",
                "ssl.keystore.location",
            ]
            .iter()
            .any(|k| map.contains(k)),
            oidc: map
                .get("sasl.oauthbearer.method")
                .is_some_and(|v| v.eq_ignore_ascii_case("oidc")),
            unsecure_jwt: truthy("enable.sasl.oauthbearer.unsecure.jwt"),
            iam_explicit: iam_explicit(map, iam_signal),
            endpoints,
        }
    }
}

/// Explicit IAM intent: an `aws.*` key, an AWS_MSK_IAM spelling (`iam_signal`), or the
/// Java client's IAM login module or callback handler.
pub(crate) fn iam_explicit(map: &CustomProperties, iam_signal: bool) -> bool {
    iam_signal
        || map.iter().any(|(k, v)| {
            k.starts_with("aws.")
                || (k == "sasl.jaas.config"
                    && v.contains("software.amazon.msk.auth.iam.IAMLoginModule"))
                || (k.starts_with("sasl.")
                    && k.ends_with("callback.handler.class")
                    && v.starts_with("software.amazon.msk.auth.iam."))
        })
}

/// The client map with, for each key, the property it was written as.
pub(crate) struct ClientMap<'a> {
    pub map: &'a mut CustomProperties,
    /// (client key after normalisation, the written property)
    pub origin: Vec<(&'a str, &'a Property)>,
    /// Client key → position of its last entry in `origin` (see `reindex`).
    index: FastMap<&'a str, usize>,
}

impl<'a> ClientMap<'a> {
    /// The map of `written` (client key, property) entries over `map`.
    pub fn new(map: &'a mut CustomProperties, origin: Vec<(&'a str, &'a Property)>) -> Self {
        let mut cm = ClientMap {
            map,
            origin,
            index: FastMap::default(),
        };
        cm.reindex();
        cm
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.map.get(key)
    }

    /// Rebuilds the key index after keys were renamed. Short lists (nearly all) are
    /// searched directly and need none.
    pub fn reindex(&mut self) {
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
