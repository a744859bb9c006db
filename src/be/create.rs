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

use super::conf::ModelConf;
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

/// Properties whose values only OpenSSL can judge, under SSL.
pub(crate) const OPENSSL_JUDGED: &[&str] = &[
    "ssl.cipher.suites",
    "ssl.curves.list",
    "ssl.sigalgs.list",
    "ssl.key.pem",
    "ssl_key",
    "ssl.certificate.pem",
    "ssl_certificate",
    "ssl.ca.pem",
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
    if conf.get_cow("group.id").is_none_or(|g| g.is_empty()) {
        return Creation::Failed("\"group.id\" must be configured".into());
    }
    if let Some(e) = finalize(conf, installed) {
        return Creation::Failed(e);
    }
    if let Some(e) = assignors(conf) {
        return Creation::Failed(e);
    }
    let protocol = conf.get_cow("security.protocol").unwrap_or_default();
    if matches!(protocol.as_ref(), "sasl_plaintext" | "sasl_ssl") {
        if let Some(e) = sasl(conf) {
            return Creation::Failed(e);
        }
    }
    if matches!(protocol.as_ref(), "ssl" | "sasl_ssl") {
        if let Some(key) = OPENSSL_JUDGED.iter().find(|k| conf.text_ref(k).is_some()) {
            return Creation::NeedsLibrary(format!("'{key}' is checked by OpenSSL"));
        }
    }
    Creation::Created(warnings(conf))
}

/// `rd_kafka_conf_finalize` for a consumer.
fn finalize(conf: &ModelConf, installed: Installed) -> Option<String> {
    if conf.text_ref("ssl.keystore.location").is_some()
        && conf.text_ref("ssl.keystore.password").is_none()
    {
        return Some(
            "`ssl.keystore.password` is mandatory when `ssl.keystore.location` is set".into(),
        );
    }
    let mechanism = conf.text_ref("sasl.mechanisms").unwrap_or_default();
    if mechanism.eq_ignore_ascii_case("OAUTHBEARER") {
        let unsecure = conf.int("enable.sasl.oauthbearer.unsecure.jwt") != 0;
        let oidc = conf.get_cow("sasl.oauthbearer.method").as_deref() == Some("oidc");
        if unsecure && installed.token_refresh_cb {
            return Some("`enable.sasl.oauthbearer.unsecure.jwt` and `oauthbearer_token_refresh_cb` are mutually exclusive".into());
        }
        if unsecure && oidc {
            return Some("`enable.sasl.oauthbearer.unsecure.jwt` and `sasl.oauthbearer.method=oidc` are mutually exclusive".into());
        }
        if oidc {
            for key in [
                "sasl.oauthbearer.client.id",
                "sasl.oauthbearer.client.secret",
                "sasl.oauthbearer.token.endpoint.url",
            ] {
                if conf.text_ref(key).is_none() {
                    return Some(format!(
                        "`{key}` is mandatory when `sasl.oauthbearer.method=oidc` is set"
                    ));
                }
            }
        }
    }
    let message_max = conf.int("message.max.bytes");
    let mut fetch_max = conf.int("fetch.max.bytes");
    if conf.is_modified("fetch.max.bytes") {
        if fetch_max < message_max {
            return Some("`fetch.max.bytes` must be >= `message.max.bytes`".into());
        }
    } else {
        let queued = conf.int("queued.max.messages.kbytes").saturating_mul(1024);
        fetch_max = fetch_max.min(queued).max(message_max);
    }
    if conf.is_modified("receive.message.max.bytes")
        && i64::from(fetch_max) + 512 > i64::from(conf.int("receive.message.max.bytes"))
    {
        return Some("`receive.message.max.bytes` must be >= `fetch.max.bytes` + 512".into());
    }
    if conf.int("max.poll.interval.ms") < conf.int("session.timeout.ms") {
        return Some("`max.poll.interval.ms`must be >= `session.timeout.ms`".into());
    }
    if conf.int("reconnect.backoff.max.ms") < conf.int("reconnect.backoff.ms") {
        return Some("`reconnect.backoff.max.ms` must be >= `reconnect.max.ms`".into());
    }
    None
}

/// `rd_kafka_assignors_init`: each name of `partition.assignment.strategy` must be a
/// builtin assignor (names compared exactly; spaces before a name skipped, none after
/// it), all of one rebalance protocol.
fn assignors(conf: &ModelConf) -> Option<String> {
    let wanted = conf
        .text("partition.assignment.strategy")
        .unwrap_or_default();
    // The builtin assignors register only under the protocol type "consumer" (compared
    // exactly); under another, no name is found.
    let registered = conf.text_ref("group.protocol.type") == Some("consumer");
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
    let mechanism = conf.text_ref("sasl.mechanisms").unwrap_or_default();
    let credentials = || {
        (conf.text_ref("sasl.username").is_none() || conf.text_ref("sasl.password").is_none())
            .then(|| "sasl.username and sasl.password must be set".to_string())
    };
    match mechanism {
        // Cyrus SASL: a kinit command must render when relogin is on.
        "GSSAPI" => {
            let cmd = conf.text_ref("sasl.kerberos.kinit.cmd")?;
            if conf.int("sasl.kerberos.min.time.before.relogin") == 0 {
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
    if conf.int("debug") == 0 && conf.int("log_level") < 4 {
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
    let fetch_wait = conf.int("fetch.wait.max.ms");
    let socket_timeout = conf.int("socket.timeout.ms");
    if i64::from(fetch_wait) + 1000 > i64::from(socket_timeout) {
        out.push(format!("Configuration property `fetch.wait.max.ms` ({fetch_wait}) should be set lower than `socket.timeout.ms` ({socket_timeout}) by at least 1000ms to avoid blocking and timing out sub-sequent requests"));
    }
    let protocol = conf.get_cow("security.protocol").unwrap_or_default();
    let mechanism = conf.text_ref("sasl.mechanisms").unwrap_or_default();
    if conf.is_modified("sasl.mechanisms")
        && !matches!(protocol.as_ref(), "sasl_ssl" | "sasl_plaintext")
    {
        out.push(format!("Configuration property `sasl.mechanism` set to `{mechanism}` but `security.protocol` is not configured for SASL: recommend setting `security.protocol` to SASL_SSL or SASL_PLAINTEXT"));
    }
    if conf.is_modified("sasl.username")
        && !(mechanism.starts_with("SCRAM") || mechanism == "PLAIN")
    {
        out.push("Configuration property `sasl.username` only applies when `sasl.mechanism` is set to PLAIN or SCRAM-SHA-..".into());
    }
    // `client.software.name` and `.version` are sanitised in place before this check,
    // so librdkafka's warning about them never fires.
    out
}
