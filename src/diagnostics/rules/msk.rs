//! Amazon MSK rules: Doris's own MSK IAM checks (MSK-03, 05, 17, 18, 19, with Doris's texts) and the lints beyond Doris.

use super::*;

/// The MSK port does not match the authentication the client uses.
pub static MSK_01: RuleDef = RuleDef {
    code: r#"MSK-01"#,
    messages: &[
        r#"Broker '{brokers}' is the MSK {listener} listener, but the client is configured for {auth} ({settings}); the job will fail when it starts"#,
    ],
    summary: r#"The MSK port does not match the authentication the client uses."#,
    doc: r#"Each MSK listener has its own port: 9092 plaintext, 9094 TLS/mTLS, 9096 SASL/SCRAM, 9098 IAM (9194/9196/9198 for public access). A client configured for another mode than the port's cannot connect."#,
    suppressed_by: &[
        Suppression {
            by: &MSK_05,
            at_least: Severity::Error,
        },
        Suppression {
            by: &MSK_16,
            at_least: Severity::Note,
        },
        Suppression {
            by: &MSK_17,
            at_least: Severity::Error,
        },
        Suppression {
            by: &MSK_18,
            at_least: Severity::Error,
        },
        Suppression {
            by: &MSK_19,
            at_least: Severity::Error,
        },
        Suppression {
            by: &MSK_20,
            at_least: Severity::Note,
        },
        Suppression {
            by: &MSK_03,
            at_least: Severity::Error,
        },
    ],
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t");"#,
        r#""b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL");"#,
        r#""#,
    ),
    ..LINT
};

/// A public MSK endpoint without authentication, or a public/private mix-up.
pub static MSK_02: RuleDef = RuleDef {
    code: r#"MSK-02"#,
    messages: &[
        r#"Public MSK endpoint '{brokers}' requires an authenticated, encrypted connection (IAM, SASL/SCRAM or mTLS); the job will fail when it starts"#,
        r#"'{broker}' mixes a {host} host name with a {port} port"#,
    ],
    summary: r#"A public MSK endpoint without authentication, or a public/private mix-up."#,
    doc: r#"Public access to MSK requires IAM, SASL/SCRAM or mTLS on the public ports 9194/9196/9198 and the `b-N-public…` host names; private names take the private ports."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1-public.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL");"#,
        r#""b-1-public.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// MSK IAM through a public endpoint without static keys.
pub static MSK_03: RuleDef = RuleDef {
    code: r#"MSK-03"#,
    messages: &[
        r#"When accessing AWS MSK through a public endpoint, explicit credentials are required: both 'aws.access_key' and 'aws.secret_key' must be provided together."#,
    ],
    summary: r#"MSK IAM through a public endpoint without static keys."#,
    doc: r#"Doris requires `aws.access_key` and `aws.secret_key` when any broker is a public MSK endpoint (`-public.` in the name): the BE outside AWS has no instance role. Use a dedicated, least-privilege IAM user (SEC-01)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#""b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..DORIS_ERROR
};

/// aws.region differs from the broker host's region.
pub static MSK_04: RuleDef = RuleDef {
    code: r#"MSK-04"#,
    messages: &[
        r#"'aws.region' is '{region}' but broker '{host}' is in region '{broker_region}'"#,
        r#"'aws.region' is '{region}' but broker '{host}' is in region '{broker_region}'; the job will fail when it starts"#,
    ],
    summary: r#"aws.region differs from the broker host's region."#,
    doc: r#"MSK IAM tokens are signed for a region; a token for another region than the cluster's is refused."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.us-west-2.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#""us-east-1""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// MSK IAM without aws.region.
pub static MSK_05: RuleDef = RuleDef {
    code: r#"MSK-05"#,
    messages: &[
        r#"When using AWS MSK IAM authentication, 'aws.region' is required. Please specify the AWS region (e.g., 'us-east-1', 'ap-east-1')."#,
    ],
    summary: r#"MSK IAM without aws.region."#,
    doc: r#"When the source has any `aws.*` key, Doris validates it as MSK IAM: the region is required to sign the token. In the default profile rlfe takes the region from the broker host names when they name one (MSK-REGION)."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("aws.role_arn" = "arn:aws:iam::123456789012:role/R");"#,
        r#"KAFKA"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// MSK Serverless without IAM on port 9098.
pub static MSK_06: RuleDef = RuleDef {
    code: r#"MSK-06"#,
    messages: &[
        r#"MSK Serverless requires IAM access control; '{auth}' cannot connect to '{broker}'; the job will fail when it starts"#,
    ],
    summary: r#"MSK Serverless without IAM on port 9098."#,
    doc: r#"MSK Serverless clusters accept only IAM authentication, on port 9098."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#""#,
    ),
    ..LINT
};

/// A SASL mechanism Amazon MSK does not offer.
pub static MSK_07: RuleDef = RuleDef {
    code: r#"MSK-07"#,
    messages: &[
        r#"Amazon MSK supports only SCRAM-SHA-512; the job will fail when it starts"#,
        r#"Amazon MSK does not offer SASL/{mechanism}; it supports IAM (OAUTHBEARER), SASL/SCRAM-SHA-512 and mTLS; the job will fail when it starts"#,
    ],
    summary: r#"A SASL mechanism Amazon MSK does not offer."#,
    doc: r#"MSK offers IAM (OAUTHBEARER with a SigV4 token), SASL/SCRAM-SHA-512 and mTLS; not PLAIN, GSSAPI, SCRAM-SHA-256 or OIDC OAUTHBEARER."#,
    suppressed_by: &[
        Suppression {
            by: &MSK_06,
            at_least: Severity::Note,
        },
        Suppression {
            by: &KAFKA_05,
            at_least: Severity::Note,
        },
    ],
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-256", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""SCRAM-SHA-256""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""#,
    ),
    ..LINT
};

/// SASL without TLS against MSK.
pub static MSK_08: RuleDef = RuleDef {
    code: r#"MSK-08"#,
    messages: &[
        r#"Amazon MSK SASL listeners (SCRAM and IAM) require TLS; use 'SASL_SSL'; the job will fail when it starts"#,
    ],
    summary: r#"SASL without TLS against MSK."#,
    doc: r#"MSK's SASL listeners are TLS listeners: use `SASL_SSL`."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""SASL_PLAINTEXT""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// A ZooKeeper endpoint in kafka_broker_list.
pub static MSK_09: RuleDef = RuleDef {
    code: r#"MSK-09"#,
    messages: &[
        r#"'{broker}' is an Apache ZooKeeper endpoint, not a Kafka broker; use the bootstrap broker string; the job will fail when it starts"#,
    ],
    summary: r#"A ZooKeeper endpoint in kafka_broker_list."#,
    doc: r#"ZooKeeper connection strings (`z-N…` hosts, ports 2181/2182) are not Kafka brokers."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "z-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:2181", "kafka_topic" = "t");"#,
        r#""z-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:2181""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// A monitoring port in kafka_broker_list.
pub static MSK_10: RuleDef = RuleDef {
    code: r#"MSK-10"#,
    messages: &[
        r#"Port {port} is an MSK open-monitoring (Prometheus exporter) port, not a Kafka listener; the job will fail when it starts"#,
    ],
    summary: r#"A monitoring port in kafka_broker_list."#,
    doc: r#"Ports 11001 and 11002 are MSK's Prometheus exporters."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:11001", "kafka_topic" = "t");"#,
        r#""b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:11001""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// A multi-VPC endpoint for another authentication, or outside its ports.
pub static MSK_11: RuleDef = RuleDef {
    code: r#"MSK-11"#,
    messages: &[
        r#"Multi-VPC endpoint '{broker}' is the {label} connection, but the client is configured for {auth}; the job will fail when it starts"#,
        r#"Multi-VPC endpoint '{broker}' uses port {port}, outside 14001-14100"#,
    ],
    summary: r#"A multi-VPC endpoint for another authentication, or outside its ports."#,
    doc: r#"Multi-VPC private connectivity has one bootstrap string per authentication scheme (labels iam/scram/tls) on ports 14001-14100."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com:14001", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com:14001""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com:14001", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#""#,
    ),
    ..LINT
};

/// kafka_broker_list mixes clusters, regions, endpoint kinds or ports.
pub static MSK_12: RuleDef = RuleDef {
    code: r#"MSK-12"#,
    messages: &[
        r#"kafka_broker_list mixes {what} ('{a}' vs '{b}'); a bootstrap string lists brokers of one cluster and one listener"#,
    ],
    summary: r#"kafka_broker_list mixes clusters, regions, endpoint kinds or ports."#,
    doc: r#"A bootstrap string lists the brokers of one cluster on one listener; a mix usually means two strings were pasted together."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.a.abc123.c1.kafka.us-east-1.amazonaws.com:9096,b-1.b.def456.c1.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""b-1.a.abc123.c1.kafka.us-east-1.amazonaws.com:9096,b-1.b.def456.c1.kafka.us-east-1.amazonaws.com:9096""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// Only one MSK bootstrap broker.
pub static MSK_13: RuleDef = RuleDef {
    code: r#"MSK-13"#,
    messages: &[r#"Only one bootstrap broker is listed"#],
    summary: r#"Only one MSK bootstrap broker."#,
    doc: r#"With one bootstrap broker the job cannot start while that broker is patched or replaced. List one broker per availability zone."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1");"#,
        r#""b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1");"#,
        r#""#,
    ),
    ..LINT
};

/// An amazonaws.com host that is not an MSK broker.
pub static MSK_14: RuleDef = RuleDef {
    code: r#"MSK-14"#,
    messages: &[
        r#"'{host}' looks like an AWS host name but not like an MSK broker endpoint (b-N.<cluster>.<id>.cN.kafka.<region>.amazonaws.com)"#,
    ],
    summary: r#"An amazonaws.com host that is not an MSK broker."#,
    doc: r#"The host ends in amazonaws.com but has none of MSK's endpoint shapes; it is often a console URL or a cluster ARN pasted by mistake."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "kafka.us-east-1.amazonaws.com:9092", "kafka_topic" = "t");"#,
        r#""kafka.us-east-1.amazonaws.com:9092""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// mTLS in Beijing or Ningxia.
pub static MSK_15: RuleDef = RuleDef {
    code: r#"MSK-15"#,
    messages: &[
        r#"The MSK Developer Guide states that TLS client authentication is not available in the Beijing and Ningxia regions"#,
    ],
    summary: r#"mTLS in Beijing or Ningxia."#,
    doc: r#"The MSK Developer Guide lists TLS client authentication as unavailable in cn-north-1 and cn-northwest-1."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094,b-2.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "/etc/client.pem", "property.ssl.key.location" = "/etc/client.key");"#,
        r#""b-1.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094,b-2.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "orders", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem", "property.ssl.key.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    ..LINT
};

/// The Java client's AWS_MSK_IAM mechanism.
pub static MSK_16: RuleDef = RuleDef {
    code: r#"MSK-16"#,
    messages: &[
        r#"'{mechanism}' is the Java client's name for MSK IAM; librdkafka (Doris BE) has no such mechanism, so it is planned as OAUTHBEARER with the aws.* keys"#,
        r#"'{mechanism}' is a Java client mechanism; librdkafka (Doris BE) has no AWS_MSK_IAM mechanism and would fail with 'Unsupported SASL mechanism: {mechanism}'"#,
        r#"For AWS MSK IAM authentication, 'property.sasl.mechanism' must be 'OAUTHBEARER', but got: {value}. Other SASL mechanisms are not supported now."#,
    ],
    summary: r#"The Java client's AWS_MSK_IAM mechanism."#,
    doc: r#"`AWS_MSK_IAM` is the mechanism name of the Java client's aws-msk-iam-auth library. librdkafka has no such mechanism; Doris implements MSK IAM as OAUTHBEARER with a token it signs from the `aws.*` settings. The default profile plans the job that way (with a warning); under `--profile doris` Doris rejects it when an `aws.*` key is present (with its OAUTHBEARER text) and the consumer fails otherwise."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098", "kafka_topic" = "user_events", "property.group.id" = "doris_consumer", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM");"#,
        r#""AWS_MSK_IAM""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// MSK IAM without security.protocol = SASL_SSL.
pub static MSK_17: RuleDef = RuleDef {
    code: r#"MSK-17"#,
    messages: &[
        r#"For AWS MSK IAM authentication, 'property.security.protocol' must be 'SASL_SSL' (SSL encryption + SASL authentication required), but got: {value}"#,
        r#"'property.security.protocol' = '{value}' is accepted by librdkafka, but some Doris BE versions enable the MSK IAM token callback only for the exact value 'SASL_SSL'"#,
    ],
    summary: r#"MSK IAM without security.protocol = SASL_SSL."#,
    doc: r#"MSK IAM is SASL over TLS. Doris compares the value ignoring case; the BE installs its token callback only for the upper-case value, so a lower-case `sasl_ssl` is warned about."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#"KAFKA"#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..DORIS_ERROR
};

/// MSK IAM without sasl.mechanism = OAUTHBEARER.
pub static MSK_18: RuleDef = RuleDef {
    code: r#"MSK-18"#,
    messages: &[
        r#"For AWS MSK IAM authentication, 'property.sasl.mechanism' must be 'OAUTHBEARER', but got: {value}. Other SASL mechanisms are not supported now."#,
    ],
    summary: r#"MSK IAM without sasl.mechanism = OAUTHBEARER."#,
    doc: r#"Doris signs the MSK IAM token itself and hands it to librdkafka as an OAUTHBEARER token, so the mechanism must be OAUTHBEARER. Doris reads only the singular key `property.sasl.mechanism`. A statement that mixes `aws.*` keys with SCRAM or PLAIN fails here."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "aws.region" = "us-east-1");"#,
        r#"KAFKA"#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..DORIS_ERROR
};

/// aws.external_id without aws.role_arn.
pub static MSK_19: RuleDef = RuleDef {
    code: r#"MSK-19"#,
    messages: &[r#"'aws.external_id' can only be used together with 'aws.role_arn'."#],
    summary: r#"aws.external_id without aws.role_arn."#,
    doc: r#"An external id is a condition of a role's trust policy, passed when assuming the role: it has no meaning without `aws.role_arn`."#,
    mirrors: doris_src::KAFKA_PROPERTIES,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.external_id" = "ext-1234");"#,
        r#""aws.external_id""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole", "aws.external_id" = "ext-1234");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// Only one of aws.access_key and aws.secret_key.
pub static MSK_20: RuleDef = RuleDef {
    code: r#"MSK-20"#,
    messages: &[
        r#"When using AWS credentials, both 'aws.access_key' and 'aws.secret_key' must be provided together."#,
    ],
    summary: r#"Only one of aws.access_key and aws.secret_key."#,
    doc: r#"Doris 4.1 enforces the pair only for public endpoints (MSK-03); on a private endpoint the BE ignores a lone key and falls back to the role, the provider or the default chain."#,
    suppressed_by: &[Suppression {
        by: &MSK_03,
        at_least: Severity::Error,
    }],
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE");"#,
        r#""aws.access_key""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..LINT
};

/// aws.role_arn is not an IAM role ARN of the region's partition.
pub static MSK_21: RuleDef = RuleDef {
    code: r#"MSK-21"#,
    messages: &[
        r#"'aws.role_arn' is an IAM user ARN, not a role ARN: '{arn}' (expected arn:aws:iam::<12-digit account>:role/[path/]<name>); the job will fail when it starts"#,
        r#"'aws.role_arn' is an STS session ARN; the role ARN is 'arn:aws:iam::{account}:role/{role}'; the job will fail when it starts"#,
        r#"'aws.role_arn' is a policy ARN, not a role ARN: '{arn}' (expected arn:aws:iam::<12-digit account>:role/[path/]<name>); the job will fail when it starts"#,
        r#"'aws.role_arn' is not an IAM role ARN: '{arn}' (expected arn:aws:iam::<12-digit account>:role/[path/]<name>); the job will fail when it starts"#,
        r#"'aws.role_arn' is in partition '{partition}' but region '{region}' is in partition '{region_partition}'; the job will fail when it starts"#,
    ],
    summary: r#"aws.role_arn is not an IAM role ARN of the region's partition."#,
    doc: r#"`aws.role_arn` must be `arn:<partition>:iam::<12-digit account>:role/[path/]<name>`, in the partition of the region (aws-cn for cn-*, aws-us-gov for us-gov-*). User, policy and STS session ARNs are common mistakes."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:user/bob");"#,
        r#""arn:aws:iam::123456789012:user/bob""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// aws.external_id has characters or a length STS refuses.
pub static MSK_22: RuleDef = RuleDef {
    code: r#"MSK-22"#,
    messages: &[
        r#"'aws.external_id' must be 2-1224 characters from letters, digits and + = , . @ : / - _; the job will fail when it starts"#,
    ],
    summary: r#"aws.external_id has characters or a length STS refuses."#,
    doc: r#"STS accepts external ids of 2-1224 characters from letters, digits and `+=,.@:/-_`."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/R", "aws.external_id" = "x");"#,
        r#""x""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// aws.region is not a region code, or not one MSK has.
pub static MSK_23: RuleDef = RuleDef {
    code: r#"MSK-23"#,
    messages: &[
        r#"'aws.region' value '{region}' is not an AWS region code"#,
        r#"'aws.region' value '{region}' is not an AWS region code; the job will fail when it starts"#,
        r#"'aws.region' value '{region}' is not a region known to rlfe"#,
        r#"MSK Serverless is not listed as available in '{region}'"#,
    ],
    summary: r#"aws.region is not a region code, or not one MSK has."#,
    doc: r#"A region code is lower case (`us-east-1`). rlfe also knows the current list of AWS regions and of MSK Serverless regions."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "US-EAST-1");"#,
        r#""US-EAST-1""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// aws.credentials_provider is not a provider the BE knows.
pub static MSK_24: RuleDef = RuleDef {
    code: r#"MSK-24"#,
    messages: &[
        r#"'aws.credentials_provider' must be one of DEFAULT, ENV, INSTANCE_PROFILE, CONTAINER; the job will fail when it starts"#,
        r#"'aws.credentials_provider' = '{value}' is not the canonical spelling"#,
        r#"aws.credentials_provider '{value}' is normalised to '{canonical}'"#,
    ],
    summary: r#"aws.credentials_provider is not a provider the BE knows."#,
    doc: r#"The BE knows DEFAULT (the SDK default chain), ENV (environment variables), INSTANCE_PROFILE (the EC2 instance role) and CONTAINER (ECS/EKS container credentials)."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.credentials_provider" = "EC2");"#,
        r#""EC2""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// An IAM key spelled as another system or an earlier design spells it.
pub static MSK_25: RuleDef = RuleDef {
    code: r#"MSK-25"#,
    messages: &[
        r#"'{key}' is not read by Doris; the MSK IAM setting is '{canonical}'"#,
        r#"'{key}' is not read by Doris and has no Doris equivalent"#,
    ],
    summary: r#"An IAM key spelled as another system or an earlier design spells it."#,
    doc: r#"Doris reads `aws.region`, `aws.access_key`, `aws.secret_key`, `aws.session_key`, `aws.role_arn`, `aws.external_id`, `aws.profile_name` and `aws.credentials_provider`. Other spellings (the original design's `aws.msk.iam.role.arn`, the pre-release `aws.access.key`, RisingWave's `aws.credentials.*`) are accepted and ignored; the default profile plans them under the canonical key."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access.key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret.key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""aws.access.key""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// An aws.* key Doris does not know.
pub static MSK_26: RuleDef = RuleDef {
    code: r#"MSK-26"#,
    messages: &[
        r#"Unknown AWS setting '{key}'; Doris ignores it, but it still turns on MSK IAM validation"#,
    ],
    summary: r#"An aws.* key Doris does not know."#,
    doc: r#"Doris accepts any `aws.` key, ignores the unknown ones, and still validates the source as MSK IAM because one is present."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.regoin" = "us-east-1");"#,
        r#""aws.regoin""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// MSK IAM settings mixed with another authentication.
pub static MSK_27: RuleDef = RuleDef {
    code: r#"MSK-27"#,
    messages: &[
        r#"The statement mixes AWS MSK IAM settings with {what}; only one authentication mode applies"#,
        r#"The statement mixes AWS MSK IAM settings with {what}; only one authentication mode applies (librdkafka refuses unsecure JWT together with the IAM token callback); the job will fail when it starts"#,
    ],
    summary: r#"MSK IAM settings mixed with another authentication."#,
    doc: r#"IAM, SCRAM credentials, OIDC OAUTHBEARER and client certificates are separate listeners and modes; under Doris IAM wins and the other settings are dead weight or conflict."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.ssl.certificate.location" = "/etc/c.pem", "property.ssl.key.location" = "/etc/c.key");"#,
        r#""property.ssl.certificate.location""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// OAUTHBEARER to an MSK IAM port without any aws.* setting.
pub static MSK_28: RuleDef = RuleDef {
    code: r#"MSK-28"#,
    messages: &[
        r#"OAUTHBEARER to MSK IAM listener '{broker}' without 'aws.region'; Doris signs MSK IAM tokens with the configured region"#,
    ],
    summary: r#"OAUTHBEARER to an MSK IAM port without any aws.* setting."#,
    doc: r#"Without an `aws.*` key Doris treats OAUTHBEARER as generic OAuth and installs no IAM token callback, so the consumer has no token for the MSK IAM listener."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER");"#,
        r#""b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// Several credential sources where one wins.
pub static MSK_29: RuleDef = RuleDef {
    code: r#"MSK-29"#,
    messages: &[r#"'{key}' is not used: static keys take precedence"#],
    summary: r#"Several credential sources where one wins."#,
    doc: r#"The BE uses static keys first, then `aws.role_arn`, then the credentials provider or profile, then the default chain."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.profile_name" = "default");"#,
        r#""aws.profile_name""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..LINT
};

/// A short reconnect backoff with MSK IAM.
pub static MSK_30: RuleDef = RuleDef {
    code: r#"MSK-30"#,
    messages: &[
        r#"MSK limits IAM connection attempts (100 per second per broker, 4 on kafka.t3.small); a reconnect backoff of {ms} ms can trip 'Too many connects'"#,
    ],
    summary: r#"A short reconnect backoff with MSK IAM."#,
    doc: r#"MSK throttles new IAM connections; a backoff below a second can trip the limit when many tasks reconnect."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.reconnect.backoff.ms" = "100");"#,
        r#""100""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// fetch.max.bytes above MSK Serverless's limit.
pub static MSK_31: RuleDef = RuleDef {
    code: r#"MSK-31"#,
    messages: &[
        r#"MSK Serverless rejects fetch requests larger than 55MB; 'fetch.max.bytes' is {value}"#,
    ],
    summary: r#"fetch.max.bytes above MSK Serverless's limit."#,
    doc: r#"MSK Serverless refuses fetches larger than 55 MB."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.fetch.max.bytes" = "60000000", "property.receive.message.max.bytes" = "70000000");"#,
        r#""60000000""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "clicks", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.fetch.max.bytes" = "52428800");"#,
        r#""#,
    ),
    ..LINT
};

/// An internal Kafka or MSK topic.
pub static MSK_32: RuleDef = RuleDef {
    code: r#"MSK-32"#,
    messages: &[r#"'{topic}' is an internal Kafka/MSK topic"#],
    summary: r#"An internal Kafka or MSK topic."#,
    doc: r#"Topics like `__consumer_offsets` and `__amazon_msk_canary` hold broker or MSK state, not application data."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "__consumer_offsets");"#,
        r#""__consumer_offsets""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// A group.id with IAM wildcard characters.
pub static MSK_33: RuleDef = RuleDef {
    code: r#"MSK-33"#,
    messages: &[
        r#"group.id '{group}' contains '{char}', which IAM policies treat as a wildcard; a policy for this group also matches other groups"#,
    ],
    summary: r#"A group.id with IAM wildcard characters."#,
    doc: r#"IAM resource ARNs treat `*` and `?` as wildcards, so a policy written for such a group grants other groups too."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.group.id" = "doris-*");"#,
        r#""doris-*""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// MSK IAM without a credential source: the BE installs no token callback.
pub static MSK_34: RuleDef = RuleDef {
    code: r#"MSK-34"#,
    messages: &[
        r#"AWS MSK IAM authentication enabled but no credentials configured: the BE installs no token callback, and every connection fails with 'OAUTHBEARER cannot log in because there is no token available'"#,
    ],
    summary: r#"MSK IAM without a credential source: the BE installs no token callback."#,
    doc: r#"Doris BE's `AwsMskIamOAuthCallback::create_from_properties` (be/src/runtime/routine_load/aws_msk_iam_auth.cpp) returns no callback, logging `AWS MSK IAM authentication enabled but no credentials configured. Please provide one of: access_key/secret_key, role_arn, profile_name, or credentials_provider`, when none of `aws.access_key` with `aws.secret_key`, `aws.role_arn`, `aws.profile_name` or `aws.credentials_provider` is given. The consumer is still created, as an OAUTHBEARER client without a token, so the job fails when it connects. To use the BE host's own role (instance profile, container role), write `"aws.credentials_provider" = "DEFAULT"` (or `INSTANCE_PROFILE`)."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
        r#""OAUTHBEARER""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// aws.region was taken from the broker host names.
pub static MSK_REGION: RuleDef = RuleDef {
    code: r#"MSK-REGION"#,
    messages: &[r#"aws.region '{region}' is taken from the broker host '{host}'"#],
    summary: r#"aws.region was taken from the broker host names."#,
    doc: r#"In the default profile, an MSK IAM job without `aws.region` gets the region its MSK broker host names name, when all of them name the same one. Write the key to make it explicit."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM");"#,
        r#""b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1");"#,
        r#""#,
    ),
    ..NOTE
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[
    &MSK_34,
    &MSK_01,
    &MSK_02,
    &MSK_03,
    &MSK_04,
    &MSK_05,
    &MSK_06,
    &MSK_07,
    &MSK_08,
    &MSK_09,
    &MSK_10,
    &MSK_11,
    &MSK_12,
    &MSK_13,
    &MSK_14,
    &MSK_15,
    &MSK_16,
    &MSK_17,
    &MSK_18,
    &MSK_19,
    &MSK_20,
    &MSK_21,
    &MSK_22,
    &MSK_23,
    &MSK_24,
    &MSK_25,
    &MSK_26,
    &MSK_27,
    &MSK_28,
    &MSK_29,
    &MSK_30,
    &MSK_31,
    &MSK_32,
    &MSK_33,
    &MSK_REGION,
];
