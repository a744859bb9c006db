//! A model of creating the consumer from a configuration: librdkafka 1.9.2's C++
//! `RdKafka::KafkaConsumer::create` and the C `rd_kafka_new(RD_KAFKA_CONSUMER, …)`
//! under it, step by step in their order (`src-cpp/KafkaConsumerImpl.cpp`;
//! `src/rdkafka.c`, `rdkafka_conf.c` `rd_kafka_conf_finalize`, `rdkafka_assignor.c`,
//! `rdkafka_sasl.c` and the providers, `rd_kafka_conf_warn`): the first failure, or
//! the configuration warnings of a created consumer.
//!
//! What only OpenSSL can judge (PEM text, cipher, curve and signature-algorithm lists)
//! is not modelled: those configurations answer [`Created::needs_library`], and the
//! embedded librdkafka decides them.

use super::conf::{ModelConf, Name};
use super::table;

/// What creating the consumer gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creation {
    /// Created, with the CONFWARN warnings librdkafka logs.
    Created(Vec<String>),
    /// Refused, with librdkafka's text.
    Failed(String),
    /// Only the real library can tell (the reason).
    NeedsLibrary(String),
}

/// What the BE installs besides the properties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Installed {
    /// An OAUTHBEARER token refresh callback (Doris's MSK IAM).
    pub token_refresh_cb: bool,
}

/// The properties the model reads, each looked up in the table once.
macro_rules! names {
    ($($id:ident = $text:literal,)*) => {
        $(pub(crate) static $id: Name = Name::new($text);)*
        /// Every name declared, for the test that they all resolve.
        #[cfg(test)]
        static DECLARED: &[&Name] = &[$(&$id),*];
    };
}

names! {
    DEBUG = "debug",
    ENABLE_SASL_OAUTHBEARER_UNSECURE_JWT = "enable.sasl.oauthbearer.unsecure.jwt",
    FETCH_MAX_BYTES = "fetch.max.bytes",
    FETCH_WAIT_MAX_MS = "fetch.wait.max.ms",
    GROUP_ID = "group.id",
    GROUP_PROTOCOL_TYPE = "group.protocol.type",
    LOG_LEVEL = "log_level",
    MAX_POLL_INTERVAL_MS = "max.poll.interval.ms",
    MESSAGE_MAX_BYTES = "message.max.bytes",
    PARTITION_ASSIGNMENT_STRATEGY = "partition.assignment.strategy",
    QUEUED_MAX_MESSAGES_KBYTES = "queued.max.messages.kbytes",
    RECEIVE_MESSAGE_MAX_BYTES = "receive.message.max.bytes",
    RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms",
    RECONNECT_BACKOFF_MS = "reconnect.backoff.ms",
    SASL_KERBEROS_KINIT_CMD = "sasl.kerberos.kinit.cmd",
    SASL_KERBEROS_MIN_TIME_BEFORE_RELOGIN = "sasl.kerberos.min.time.before.relogin",
    SASL_MECHANISMS = "sasl.mechanisms",
    SASL_OAUTHBEARER_METHOD = "sasl.oauthbearer.method",
    SASL_PASSWORD = "sasl.password",
    SASL_USERNAME = "sasl.username",
    SECURITY_PROTOCOL = "security.protocol",
    SESSION_TIMEOUT_MS = "session.timeout.ms",
    SOCKET_TIMEOUT_MS = "socket.timeout.ms",
    SSL_KEYSTORE_LOCATION = "ssl.keystore.location",
    SSL_KEYSTORE_PASSWORD = "ssl.keystore.password",
}

/// The properties `sasl.oauthbearer.method=oidc` needs, in librdkafka's order.
static OIDC_REQUIRED: [Name; 3] = [
    Name::new("sasl.oauthbearer.client.id"),
    Name::new("sasl.oauthbearer.client.secret"),
    Name::new("sasl.oauthbearer.token.endpoint.url"),
];

/// Properties whose values only OpenSSL can judge, under SSL.
pub(crate) static OPENSSL_JUDGED: [Name; 8] = [
    Name::new("ssl.cipher.suites"),
    Name::new("ssl.curves.list"),
    Name::new("ssl.sigalgs.list"),
    Name::new("ssl.key.pem"),
    Name::new("ssl_key"),
    Name::new("ssl.certificate.pem"),
    Name::new("ssl_certificate"),
    Name::new("ssl.ca.pem"),
];

/// Cyrus SASL's check of a kinit command (librdkafka's `rd_string_render` with the
/// configuration as the source of the `%{name}` values): librdkafka's error text, cut
/// to its 128-byte buffer.
pub(crate) fn kinit_error(available: &dyn Fn(&str) -> bool, template: &str) -> Option<String> {
    let mut rest = template;
    let mut consumed = 0usize;
    let err = loop {
        let start = rest.find("%{")?;
        let after = rest.get(start + 2..).unwrap_or("");
        let Some(close) = after.find('}') else {
            let shown: String = rest.get(start..).unwrap_or("").chars().take(15).collect();
            // librdkafka reports the offset where the scan stood, not of the `%{`.
            break format!("Missing close-brace }} for {shown} at {consumed}");
        };
        let key = after.get(..close).unwrap_or("");
        if !available(key) {
            break format!("Property not available: \"{key}\"");
        }
        let skip = start + 2 + close + 1;
        consumed += skip;
        rest = rest.get(skip..).unwrap_or("");
    };
    Some(format!(
        "Invalid sasl.kerberos.kinit.cmd value: {}",
        truncated(err, 128)
    ))
}

/// A C string buffer of `size` bytes holding `text` (cut, never mid-character).
fn truncated(text: String, size: usize) -> String {
    if text.len() < size {
        return text;
    }
    let cut = crate::text::mask::floor(&text, size - 1);
    text.get(..cut).unwrap_or("").to_string()
}

/// The consumer created from `conf`, as `RdKafka::KafkaConsumer::create` answers.
pub fn create(conf: &ModelConf, installed: Installed) -> Creation {
    // C++ wrapper: the group id is required and not empty.
    if conf.get_cow(&GROUP_ID).is_none_or(|g| g.is_empty()) {
        return Creation::Failed("\"group.id\" must be configured".into());
    }
    if let Some(e) = finalize(conf, installed) {
        return Creation::Failed(e);
    }
    if let Some(e) = assignors(conf) {
        return Creation::Failed(e);
    }
    let protocol = conf.get_cow(&SECURITY_PROTOCOL).unwrap_or_default();
    if matches!(protocol.as_ref(), "sasl_plaintext" | "sasl_ssl") {
        if let Some(e) = sasl(conf) {
            return Creation::Failed(e);
        }
    }
    if matches!(protocol.as_ref(), "ssl" | "sasl_ssl") {
        if let Some(key) = OPENSSL_JUDGED.iter().find(|k| conf.text_ref(*k).is_some()) {
            return Creation::NeedsLibrary(format!("'{}' is checked by OpenSSL", key.text()));
        }
    }
    Creation::Created(warnings(conf))
}

/// `rd_kafka_conf_finalize` for a consumer.
fn finalize(conf: &ModelConf, installed: Installed) -> Option<String> {
    if conf.text_ref(&SSL_KEYSTORE_LOCATION).is_some()
        && conf.text_ref(&SSL_KEYSTORE_PASSWORD).is_none()
    {
        return Some(
            "`ssl.keystore.password` is mandatory when `ssl.keystore.location` is set".into(),
        );
    }
    let mechanism = conf.text_ref(&SASL_MECHANISMS).unwrap_or_default();
    if mechanism.eq_ignore_ascii_case("OAUTHBEARER") {
        let unsecure = conf.int(&ENABLE_SASL_OAUTHBEARER_UNSECURE_JWT) != 0;
        let oidc = conf.get_cow(&SASL_OAUTHBEARER_METHOD).as_deref() == Some("oidc");
        if unsecure && installed.token_refresh_cb {
            return Some("`enable.sasl.oauthbearer.unsecure.jwt` and `oauthbearer_token_refresh_cb` are mutually exclusive".into());
        }
        if unsecure && oidc {
            return Some("`enable.sasl.oauthbearer.unsecure.jwt` and `sasl.oauthbearer.method=oidc` are mutually exclusive".into());
        }
        if oidc {
            for key in &OIDC_REQUIRED {
                if conf.text_ref(key).is_none() {
                    return Some(format!(
                        "`{}` is mandatory when `sasl.oauthbearer.method=oidc` is set",
                        key.text()
                    ));
                }
            }
        }
    }
    let message_max = conf.int(&MESSAGE_MAX_BYTES);
    let mut fetch_max = conf.int(&FETCH_MAX_BYTES);
    if conf.is_modified(&FETCH_MAX_BYTES) {
        if fetch_max < message_max {
            return Some("`fetch.max.bytes` must be >= `message.max.bytes`".into());
        }
    } else {
        let queued = conf.int(&QUEUED_MAX_MESSAGES_KBYTES).saturating_mul(1024);
        fetch_max = fetch_max.min(queued).max(message_max);
    }
    if conf.is_modified(&RECEIVE_MESSAGE_MAX_BYTES)
        && i64::from(fetch_max) + 512 > i64::from(conf.int(&RECEIVE_MESSAGE_MAX_BYTES))
    {
        return Some("`receive.message.max.bytes` must be >= `fetch.max.bytes` + 512".into());
    }
    if conf.int(&MAX_POLL_INTERVAL_MS) < conf.int(&SESSION_TIMEOUT_MS) {
        return Some("`max.poll.interval.ms`must be >= `session.timeout.ms`".into());
    }
    if conf.int(&RECONNECT_BACKOFF_MAX_MS) < conf.int(&RECONNECT_BACKOFF_MS) {
        return Some("`reconnect.backoff.max.ms` must be >= `reconnect.max.ms`".into());
    }
    None
}

/// `rd_kafka_assignors_init`: each name of `partition.assignment.strategy` must be a
/// builtin assignor (names compared exactly; spaces before a name skipped, none after
/// it), all of one rebalance protocol.
fn assignors(conf: &ModelConf) -> Option<String> {
    let wanted = conf
        .text(&PARTITION_ASSIGNMENT_STRATEGY)
        .unwrap_or_default();
    // The builtin assignors register only under the protocol type "consumer" (compared
    // exactly); under another, no name is found.
    let registered = conf.text_ref(&GROUP_PROTOCOL_TYPE) == Some("consumer");
    let mut cooperative = None;
    let mut rest = wanted.as_str();
    while !rest.is_empty() {
        let s = rest.trim_start_matches([' ', ',']);
        let (name, next) = match s.find(',') {
            Some(c) => (s.get(..c).unwrap_or(""), s.get(c + 1..).unwrap_or("")),
            None => (s, ""),
        };
        let kind = match name {
            "range" | "roundrobin" if registered => false,
            "cooperative-sticky" if registered => true,
            _ => return Some(format!("Unsupported partition.assignment.strategy: {name}")),
        };
        if *cooperative.get_or_insert(kind) != kind {
            return Some(format!("All partition.assignment.strategy ({wanted}) assignors must have the same protocol type, online migration between assignors with different protocol types is not supported"));
        }
        rest = next;
    }
    None
}

/// SASL provider selection and its configuration check (`rd_kafka_sasl_select_provider`).
fn sasl(conf: &ModelConf) -> Option<String> {
    let mechanism = conf.text_ref(&SASL_MECHANISMS).unwrap_or_default();
    let credentials = || {
        (conf.text_ref(&SASL_USERNAME).is_none() || conf.text_ref(&SASL_PASSWORD).is_none())
            .then(|| "sasl.username and sasl.password must be set".to_string())
    };
    match mechanism {
        // Cyrus SASL: a kinit command must render when relogin is on.
        "GSSAPI" => {
            let cmd = conf.text_ref(&SASL_KERBEROS_KINIT_CMD)?;
            if conf.int(&SASL_KERBEROS_MIN_TIME_BEFORE_RELOGIN) == 0 {
                return None;
            }
            kinit_error(&|key| conf.get_cow(key).is_some(), cmd)
        }
        "PLAIN" => credentials(),
        m if m.starts_with("SCRAM-SHA-") => credentials().or_else(|| {
            (!matches!(m, "SCRAM-SHA-1" | "SCRAM-SHA-256" | "SCRAM-SHA-512"))
                .then(|| format!("Unsupported hash function: {m} (try SCRAM-SHA-512)"))
        }),
        "OAUTHBEARER" => None,
        m => Some(format!("Unsupported SASL mechanism: {m}")),
    }
}

/// `rd_kafka_conf_warn` for a consumer: deprecated, experimental and producer
/// properties that were set (global ones, then topic ones, in librdkafka's order), then
/// the combination warnings.
pub(crate) fn warnings(conf: &ModelConf) -> Vec<String> {
    let mut out = Vec::new();
    // Logged at LOG_WARNING: only when `log_level` lets them through (any `debug`
    // context raises it to LOG_DEBUG).
    if conf.int(&DEBUG) == 0 && conf.int(&LOG_LEVEL) < 4 {
        return out;
    }
    // librdkafka scans its table, global properties first, then the topic ones: the
    // table's own order. Only the properties set can warn.
    for p in conf
        .modified()
        .into_iter()
        .filter_map(|i| table::properties().get(i))
    {
        if p.ty == table::Type::Alias || !(p.deprecated || p.experimental || p.producer) {
            continue;
        }
        if p.deprecated || p.experimental {
            let what = match (p.deprecated, p.experimental) {
                (true, true) => "deprecated and experimental",
                (true, false) => "deprecated",
                _ => "experimental",
            };
            out.push(format!(
                "Configuration property {} is {what}: {}",
                p.name, p.desc
            ));
        }
        if p.producer {
            out.push(format!(
                    "Configuration property {} is a producer property and will be ignored by this consumer instance",
                    p.name
                ));
        }
    }
    let fetch_wait = conf.int(&FETCH_WAIT_MAX_MS);
    let socket_timeout = conf.int(&SOCKET_TIMEOUT_MS);
    if i64::from(fetch_wait) + 1000 > i64::from(socket_timeout) {
        out.push(format!("Configuration property `fetch.wait.max.ms` ({fetch_wait}) should be set lower than `socket.timeout.ms` ({socket_timeout}) by at least 1000ms to avoid blocking and timing out sub-sequent requests"));
    }
    let protocol = conf.get_cow(&SECURITY_PROTOCOL).unwrap_or_default();
    let mechanism = conf.text_ref(&SASL_MECHANISMS).unwrap_or_default();
    if conf.is_modified(&SASL_MECHANISMS)
        && !matches!(protocol.as_ref(), "sasl_ssl" | "sasl_plaintext")
    {
        out.push(format!("Configuration property `sasl.mechanism` set to `{mechanism}` but `security.protocol` is not configured for SASL: recommend setting `security.protocol` to SASL_SSL or SASL_PLAINTEXT"));
    }
    if conf.is_modified(&SASL_USERNAME) && !(mechanism.starts_with("SCRAM") || mechanism == "PLAIN")
    {
        out.push("Configuration property `sasl.username` only applies when `sasl.mechanism` is set to PLAIN or SCRAM-SHA-..".into());
    }
    // `client.software.name` and `.version` are sanitised in place before this check,
    // so librdkafka's warning about them never fires.
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::be::conf::PropertyName;
    use crate::be::table::Level;

    /// A misspelt name would read as a default of 0 or NULL, silently: every name the
    /// model reads is a property of the table, resolved as its text is.
    #[test]
    fn every_name_the_model_reads_is_a_property() {
        let all = DECLARED
            .iter()
            .copied()
            .chain(&OIDC_REQUIRED)
            .chain(&OPENSSL_JUDGED);
        for name in all {
            let levels = [Level::Global, Level::Topic];
            assert!(
                levels.iter().any(|l| name.at(*l).is_some()),
                "{} is not in librdkafka's table",
                name.text()
            );
            for level in levels {
                // Read twice: the first resolves, the second reads what was kept.
                for _ in 0..2 {
                    let cached = name.at(level).map(|(i, p)| (i, std::ptr::from_ref(p)));
                    let looked_up = name
                        .text()
                        .at(level)
                        .map(|(i, p)| (i, std::ptr::from_ref(p)));
                    assert_eq!(cached, looked_up, "{} at {level:?}", name.text());
                }
            }
        }
    }
}
