//! Doris BE's Kafka consumer: what becomes of a job's client properties when a BE
//! starts consuming. The BE's `KafkaDataConsumer::init` ([`consumer`]) drives a
//! librdkafka 1.9.2 configuration, the version Doris links (`thirdparty/vars.sh`, 4.1
//! and master alike): either the model of it ([`conf`], [`create`], from librdkafka's
//! own property table, [`table`]), which is what the analyzer runs, or, with the
//! `librdkafka` feature, the real library ([`embedded`]), which decides what the model
//! leaves to OpenSSL and against which the tests hold the model.

pub mod aws_credentials;
pub mod conf;
pub mod consumer;
pub mod create;
#[cfg(feature = "librdkafka")]
pub mod embedded;
pub mod msk_iam;
pub mod sts;
pub mod table;

pub use conf::{ModelConf, SetResult};
pub use consumer::{
    init, model, BeConfig, Client, ConsumerOutcome, ConsumerSetup, Fate, Ignored, IgnoredWhy,
    Pause, PauseStep,
};
pub use create::{Creation, Installed};
#[cfg(feature = "librdkafka")]
pub use embedded::{Embedded, FilePolicy};

/// The librdkafka version Doris BE links, for every Doris version rlfe knows.
pub const LIBRDKAFKA_VERSION: &str = "1.9.2";
