//! Example statements several rules share (a passing example is often the same clean
//! job).

/// A clean MSK IAM job: two brokers on the IAM port, a role with an external id.
pub(crate) const MSK_IAM_ROLE: &str = r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");"#;

/// A clean self-managed Kafka job: SASL/SCRAM-SHA-512 over TLS with an uploaded CA.
pub(crate) const SCRAM_TLS: &str = r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");"#;

/// The smallest job: a broker and a topic.
pub(crate) const MINIMAL: &str = r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#;

/// An MSK IAM job with static keys assuming a role (cross-account).
pub(crate) const MSK_IAM_KEYS: &str = r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");"#;

/// A job with explicit partitions and offsets.
pub(crate) const PARTITIONED: &str = r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");"#;
