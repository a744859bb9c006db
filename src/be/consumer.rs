//! Doris BE's `KafkaDataConsumer::init` (`be/src/runtime/routine_load/data_consumer.cpp`,
//! with the MSK IAM wiring of `aws_msk_iam_auth.cpp`): the BE's own settings, then the
//! job's client properties in key order, each through `rd_kafka_conf_set` (an unknown
//! key and a "not supported" refusal are ignored, any other refusal pauses the job),
//! the group id, the IAM token callback, and the consumer's creation. One sequence for
//! both clients: the model of librdkafka and the embedded library.

use super::conf::{ModelConf, Name, SetResult};
use super::create::{create, Creation, Installed, SECURITY_PROTOCOL};
use crate::keys::secrets::{display_value, is_secret_key};
use std::borrow::Cow;

/// A librdkafka configuration the sequence drives.
pub trait Client {
    /// `rd_kafka_conf_set`.
    fn set(&mut self, key: &str, value: &str) -> SetResult;
    /// `rd_kafka_conf_get`, `None` when not available.
    fn get(&self, key: &str) -> Option<String>;
    /// Whether `rd_kafka_conf_get` has a value.
    fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// [`Client::has`] for a name fixed in the code (the model resolves it once).
    fn has_name(&self, name: &Name) -> bool {
        self.has(name.text())
    }
    /// [`Client::get`] for a name fixed in the code, without a copy where the client
    /// can lend the value.
    fn get_name(&self, name: &Name) -> Option<Cow<'_, str>> {
        self.get(name.text()).map(Cow::Owned)
    }
    /// `RdKafka::KafkaConsumer::create`.
    fn create(&mut self, installed: Installed) -> Creation;
}

impl Client for ModelConf {
    fn set(&mut self, key: &str, value: &str) -> SetResult {
        ModelConf::set(self, key, value)
    }

    fn get(&self, key: &str) -> Option<String> {
        ModelConf::get(self, key)
    }

    fn has(&self, key: &str) -> bool {
        self.get_cow(key).is_some()
    }

    fn has_name(&self, name: &Name) -> bool {
        self.get_cow(name).is_some()
    }

    fn get_name(&self, name: &Name) -> Option<Cow<'_, str>> {
        self.get_cow(name)
    }

    fn create(&mut self, installed: Installed) -> Creation {
        create(self, installed)
    }
}

/// The BE configuration items the sequence reads (`be.conf`), with Doris's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeConfig {
    /// `kafka_api_version_request` (default `true`).
    pub kafka_api_version_request: Cow<'static, str>,
    /// `kafka_broker_version_fallback` (default `0.10.0`).
    pub kafka_broker_version_fallback: Cow<'static, str>,
    /// `kafka_debug` (default `disable`: not set).
    pub kafka_debug: Cow<'static, str>,
}

impl BeConfig {
    /// Whether these are Doris's defaults.
    pub fn is_default(&self) -> bool {
        self.kafka_api_version_request == "true"
            && self.kafka_broker_version_fallback == "0.10.0"
            && self.kafka_debug == "disable"
    }
}

impl Default for BeConfig {
    fn default() -> Self {
        BeConfig {
            kafka_api_version_request: Cow::Borrowed("true"),
            kafka_broker_version_fallback: Cow::Borrowed("0.10.0"),
            kafka_debug: Cow::Borrowed("disable"),
        }
    }
}

/// What the BE receives for a job.
#[derive(Debug, Clone)]
pub struct ConsumerSetup<'a> {
    /// `kafka_broker_list`.
    pub brokers: &'a str,
    /// The custom properties as the FE sends them: `property.` removed, `aws.*` kept,
    /// `FILE:` references as written (the FE turns them into file ids the BE resolves).
    pub properties: &'a [(String, String)],
    /// The BE's configuration.
    pub be: BeConfig,
}

/// Why a key had no effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoredWhy {
    /// librdkafka does not know the key.
    Unknown,
    /// librdkafka refused it with a "not supported" text, which the BE ignores.
    NotSupported(String),
    /// The BE does not give `aws.*` keys to librdkafka (they configure MSK IAM).
    AwsKey,
}

/// A key the BE ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The key (without `property.`).
    pub key: String,
    /// Why.
    pub why: IgnoredWhy,
}

/// Where the job stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PauseStep {
    /// Setting one property.
    Set {
        /// The key.
        key: String,
        /// The value as set.
        value: String,
    },
    /// Creating the consumer.
    Create,
}

/// The job pauses: the step and librdkafka's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pause {
    /// Where.
    pub step: PauseStep,
    /// librdkafka's text.
    pub text: String,
}

impl Pause {
    /// The reason Doris gives (`SHOW ROUTINE LOAD`'s `ReasonOfStateChanged`), a secret
    /// value masked.
    pub fn doris_message(&self) -> String {
        match &self.step {
            PauseStep::Set { key, value } => format!(
                "PAUSE: failed to set '{key}', value: '{}', err: {}",
                display_value(key, value),
                self.text
            ),
            PauseStep::Create => format!("PAUSE: failed to create kafka consumer: {}", self.text),
        }
    }
}

/// What becomes of the job's consumer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// The consumer is created.
    Created,
    /// The job pauses.
    Paused(Pause),
    /// Only the real librdkafka can tell (the reason); see the embedded client.
    Undecided(String),
}

/// Everything the BE sequence decides for a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerOutcome {
    /// Created, paused, or undecided.
    pub fate: Fate,
    /// The job's properties librdkafka refuses after the first (the BE stops at the
    /// first; each of these pauses the job once the ones before it are fixed).
    pub refused: Vec<Pause>,
    /// The keys with no effect, in the order the BE met them.
    pub ignored: Vec<Ignored>,
    /// Keys whose effect depends on the BE host (files read, libraries loaded there):
    /// the key and what the BE does with it.
    pub host_dependent: Vec<(String, String)>,
    /// librdkafka's configuration warnings at creation (CONFWARN), in order.
    pub warnings: Vec<String>,
    /// The BE installs its MSK IAM token callback.
    pub iam: bool,
}

/// Properties the BE reads files on its host for, under TLS.
pub(crate) static FILE_LOCATIONS: [Name; 5] = [
    Name::new("ssl.ca.location"),
    Name::new("ssl.certificate.location"),
    Name::new("ssl.key.location"),
    Name::new("ssl.keystore.location"),
    Name::new("ssl.crl.location"),
];

/// The OpenSSL engine the BE loads, under TLS.
static ENGINE_LOCATION: Name = Name::new("ssl.engine.location");

/// `AwsMskIamOAuthCallback::create_from_properties`: whether the BE installs its token
/// callback (exactly `SASL_SSL` and `OAUTHBEARER`, compared case-sensitively, and a
/// credential source).
fn iam_callback(props: &[(String, String)]) -> bool {
    let get = |k: &str| {
        props
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    if get("security.protocol") != Some("SASL_SSL") || get("sasl.mechanism") != Some("OAUTHBEARER")
    {
        return false;
    }
    let static_keys = get("aws.access_key").is_some() && get("aws.secret_key").is_some();
    let role = get("aws.role_arn").is_some();
    if get("aws.external_id").is_some() && !role {
        return false;
    }
    static_keys
        || role
        || get("aws.profile_name").is_some()
        || get("aws.credentials_provider").is_some()
}

/// The BE's path for a `FILE:` reference (the small file it downloaded).
fn small_file_path(reference: &str) -> String {
    format!("small_files/{}", reference.trim_start_matches("FILE:"))
}

/// Sets one property as the BE does: an unknown key and a "not supported" refusal are
/// ignored, a host-dependent one noted, any other refusal pauses the job (and is
/// recorded; the rest are still judged). Whether the property was taken.
fn apply(client: &mut dyn Client, outcome: &mut ConsumerOutcome, key: &str, value: &str) -> bool {
    match client.set(key, value) {
        SetResult::Ok => true,
        SetResult::Unknown(_) => {
            outcome.ignored.push(Ignored {
                key: key.to_string(),
                why: IgnoredWhy::Unknown,
            });
            true
        }
        SetResult::Invalid(text) if text.contains("not supported") => {
            outcome.ignored.push(Ignored {
                key: key.to_string(),
                why: IgnoredWhy::NotSupported(text),
            });
            true
        }
        SetResult::HostDependent(what) => {
            outcome.host_dependent.push((key.to_string(), what));
            true
        }
        SetResult::Invalid(text) => {
            let pause = Pause {
                step: PauseStep::Set {
                    key: key.to_string(),
                    value: value.to_string(),
                },
                text,
            };
            if matches!(outcome.fate, Fate::Paused(_)) {
                outcome.refused.push(pause);
            } else {
                outcome.fate = Fate::Paused(pause);
            }
            false
        }
    }
}

/// The BE's own settings, before the job's (`KafkaDataConsumer::init`).
pub(crate) fn be_defaults<'s>(setup: &'s ConsumerSetup<'_>) -> Vec<(&'s str, &'s str)> {
    let be = &setup.be;
    let mut defaults: Vec<(&str, &str)> = vec![
        ("metadata.broker.list", setup.brokers),
        ("enable.partition.eof", "true"),
        ("enable.auto.offset.store", "false"),
        ("statistics.interval.ms", "0"),
        ("auto.offset.reset", "error"),
        ("socket.keepalive.enable", "true"),
        ("reconnect.backoff.ms", "100"),
        ("reconnect.backoff.max.ms", "10000"),
        ("api.version.request", &be.kafka_api_version_request),
        ("api.version.fallback.ms", "0"),
        ("broker.version.fallback", &be.kafka_broker_version_fallback),
        ("broker.address.ttl", "0"),
    ];
    if be.kafka_debug != "disable" {
        defaults.push(("debug", &be.kafka_debug));
    }
    defaults
}

impl Default for ConsumerOutcome {
    fn default() -> Self {
        ConsumerOutcome {
            fate: Fate::Created,
            refused: Vec::new(),
            ignored: Vec::new(),
            host_dependent: Vec::new(),
            warnings: Vec::new(),
            iam: false,
        }
    }
}

/// Runs the BE sequence on a client.
pub fn init(client: &mut dyn Client, setup: &ConsumerSetup<'_>) -> ConsumerOutcome {
    let mut outcome = ConsumerOutcome::default();
    for (k, v) in be_defaults(setup) {
        if !apply(client, &mut outcome, k, v) {
            return outcome;
        }
    }
    job_settings(client, setup, outcome)
}

/// The sequence after the BE's own settings: the job's properties, the group id, the
/// IAM callback, the consumer's creation.
fn job_settings(
    client: &mut dyn Client,
    setup: &ConsumerSetup<'_>,
    mut outcome: ConsumerOutcome,
) -> ConsumerOutcome {
    // A thrift map reaches the BE as a std::map: keys in byte order.
    let mut custom: Vec<&(String, String)> = setup.properties.iter().collect();
    custom.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    custom.dedup_by(|a, b| a.0 == b.0);
    for (k, v) in custom {
        if k.starts_with("aws.") {
            outcome.ignored.push(Ignored {
                key: k.clone(),
                why: IgnoredWhy::AwsKey,
            });
            continue;
        }
        let value: Cow<'_, str> = if v.starts_with("FILE:") {
            Cow::Owned(small_file_path(v))
        } else {
            Cow::Borrowed(v)
        };
        // The BE stops at the first refusal; the rest are judged on (each `set` is
        // independent of the others) so that all of them can be reported at once.
        apply(client, &mut outcome, k, &value);
    }
    if matches!(outcome.fate, Fate::Paused(_)) {
        return outcome;
    }
    if !setup.properties.iter().any(|(k, _)| k == "group.id") {
        // The BE's own group id, `<host>_<uuid>` (the FE normally gives one).
        if !apply(
            client,
            &mut outcome,
            "group.id",
            "be-host_00000000-0000-0000-0000-000000000000",
        ) {
            return outcome;
        }
    }
    outcome.iam = iam_callback(setup.properties);
    let tls = client
        .get_name(&SECURITY_PROTOCOL)
        .is_some_and(|p| matches!(p.as_ref(), "ssl" | "sasl_ssl"));
    if tls {
        for key in FILE_LOCATIONS.iter().chain([&ENGINE_LOCATION]) {
            if client.has_name(key) {
                let what = if std::ptr::eq(key, &ENGINE_LOCATION) {
                    "an OpenSSL engine the BE loads"
                } else {
                    "a file the BE reads when it creates the consumer (assumed present and valid)"
                };
                outcome
                    .host_dependent
                    .push((key.text().to_string(), what.to_string()));
            }
        }
    }
    match client.create(Installed {
        token_refresh_cb: outcome.iam,
    }) {
        Creation::Created(warnings) => outcome.warnings = warnings,
        Creation::Failed(text) => {
            outcome.fate = Fate::Paused(Pause {
                step: PauseStep::Create,
                text,
            })
        }
        Creation::NeedsLibrary(why) => outcome.fate = Fate::Undecided(why),
    }
    outcome
}

/// The outcome of the model of librdkafka. The BE's own settings are the same for
/// every job of a BE configuration: under the default one they are applied once.
pub fn model(setup: &ConsumerSetup<'_>) -> ConsumerOutcome {
    static BASE: std::sync::OnceLock<Option<ModelConf>> = std::sync::OnceLock::new();
    let base = BASE.get_or_init(|| {
        let empty = ConsumerSetup {
            brokers: "",
            properties: &[],
            be: BeConfig::default(),
        };
        let mut conf = ModelConf::new();
        let mut outcome = ConsumerOutcome::default();
        let clean = be_defaults(&empty)
            .into_iter()
            .all(|(k, v)| apply(&mut conf, &mut outcome, k, v))
            && outcome.ignored.is_empty()
            && outcome.host_dependent.is_empty();
        clean.then_some(conf)
    });
    match base {
        Some(base) if setup.be.is_default() => {
            let mut conf = base.clone();
            let mut outcome = ConsumerOutcome::default();
            if !apply(
                &mut conf,
                &mut outcome,
                "metadata.broker.list",
                setup.brokers,
            ) {
                return outcome;
            }
            job_settings(&mut conf, setup, outcome)
        }
        _ => init(&mut ModelConf::new(), setup),
    }
}

impl ConsumerOutcome {
    /// The keys whose values are secrets appear masked in every text of the outcome.
    pub fn masked_text(&self, text: &str, setup: &ConsumerSetup<'_>) -> String {
        let mut out = text.to_string();
        for (k, v) in setup.properties {
            if is_secret_key(k) && v.chars().count() >= 3 {
                out = out.replace(v.as_str(), crate::keys::secrets::MASK);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::be::conf::PropertyName;
    use crate::be::table::Level;

    #[test]
    fn the_names_the_sequence_reads_are_global_properties() {
        for name in FILE_LOCATIONS
            .iter()
            .chain([&ENGINE_LOCATION, &SECURITY_PROTOCOL])
        {
            assert!(name.at(Level::Global).is_some(), "{}", name.text());
        }
        // Read through a name or through its text, a client answers alike.
        let mut conf = ModelConf::new();
        assert_eq!(conf.set("security.protocol", "SASL_SSL"), SetResult::Ok);
        assert_eq!(conf.set("ssl.ca.location", "/ca.pem"), SetResult::Ok);
        for name in FILE_LOCATIONS
            .iter()
            .chain([&ENGINE_LOCATION, &SECURITY_PROTOCOL])
        {
            assert_eq!(conf.has_name(name), Client::has(&conf, name.text()));
            assert_eq!(
                conf.get_name(name).map(Cow::into_owned),
                Client::get(&conf, name.text())
            );
        }
    }
}
