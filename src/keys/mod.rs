//! The property vocabulary: which keys exist and which hold secrets.
//!
//! - [`job`]: the job properties of `PROPERTIES (…)`, declared once as a table (key,
//!   type, default, Doris's check, ALTER, versions, renderings);
//! - [`kafka`]: the fixed keys of `FROM KAFKA (…)`;
//! - [`librdkafka`]: the client keys librdkafka (Doris BE's Kafka client) knows;
//! - [`aws`]: the MSK IAM keys and their aliases;
//! - [`secrets`]: which keys hold secrets, and the mask;
//! - [`masking`]: where the secret values are in SQL text that may not parse;
//! - [`values`]: how Doris (Java) reads numbers, booleans, datetimes and time zones.

pub mod aws;
pub mod job;
pub mod kafka;
pub mod kinesis;
pub mod librdkafka;
pub mod masking;
pub mod secrets;
pub mod values;
