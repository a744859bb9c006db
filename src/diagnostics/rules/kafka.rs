//! Lints beyond Doris for any Kafka cluster (KAFKA rules): what librdkafka, the client Doris BE links, does with each client setting.

use super::*;

/// A property. key librdkafka does not know.
pub static KAFKA_01: RuleDef = RuleDef {
    code: r#"KAFKA-01"#,
    messages: &[
        r#"Unknown Kafka client property '{key}': Doris passes it to librdkafka {version}, which ignores it"#,
        r#"'{key}' is not supported by the librdkafka {version} Doris BE links ({reason}); the BE ignores it"#,
    ],
    summary: r#"A property. key librdkafka does not know."#,
    doc: r#"Doris passes every `property.<key>` to librdkafka, the Kafka client the BE links (1.9.2). librdkafka answers an unknown key with "No such configuration property", which the BE ignores, so the setting silently has no effect. rlfe compares the key with librdkafka's own catalogue (global and topic level, `topic.` prefix allowed), suggests the closest keys (underscores read as dots), and says when a key only exists in a newer librdkafka."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocl" = "SASL_SSL");"#,
        r#""property.security.protocl""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "doris", "property.topic.auto.offset.reset" = "earliest");"#,
        r#""#,
    ),
    ..LINT
};

/// A Java Kafka client setting, which librdkafka ignores.
pub static KAFKA_02: RuleDef = RuleDef {
    code: r#"KAFKA-02"#,
    messages: &[
        r#"'{key}' is a Java Kafka client setting; librdkafka (used by the Doris BE) does not support it and the BE ignores it"#,
        r#"'{key}' carries a Kafka Connect/Debezium prefix; librdkafka does not know it and the BE ignores it"#,
    ],
    summary: r#"A Java Kafka client setting, which librdkafka ignores."#,
    doc: r#"Settings copied from a Java client (`sasl.jaas.config`, `ssl.truststore.*`, `ssl.keystore.type`, callback handler classes, `fetch.max.wait.ms`, deserializers) and Kafka Connect prefixes (`consumer.`, `producer.`) mean nothing to librdkafka. When they carried the credentials, the job cannot authenticate. The help names the librdkafka keys to write; for `sasl.jaas.config` it lists the parsed options as keys (secrets masked)."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.truststore.location" = "/etc/kafka/truststore.jks");"#,
        r#""property.ssl.truststore.location""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.ca.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    ..LINT
};

/// An enumerated client setting has a value librdkafka refuses.
pub static KAFKA_03: RuleDef = RuleDef {
    code: r#"KAFKA-03"#,
    messages: &[r#"{librdkafka's refusal}; the job will fail when it starts"#],
    summary: r#"An enumerated client setting has a value librdkafka refuses."#,
    doc: r#"librdkafka checks enumerated values (`security.protocol`, `auto.offset.reset`, `isolation.level`, `ssl.endpoint.identification.algorithm`, `debug`, `builtin.features`, …) when the BE sets them; a refused value makes the BE pause the job when the task starts (`PAUSE: failed to set '<key>', value: '<value>', err: <librdkafka's text>`). Values are compared as librdkafka 1.9.2 compares them (ignoring case; string values after leading spaces are trimmed); the message is librdkafka's own and the help lists the allowed values and the closest one."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL-SSL");"#,
        r#""SASL-SSL""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.isolation.level" = "READ_COMMITTED", "property.auto.offset.reset" = "Earliest");"#,
        r#""#,
    ),
    ..LINT
};

/// A numeric, boolean or related client setting librdkafka refuses.
pub static KAFKA_04: RuleDef = RuleDef {
    code: r#"KAFKA-04"#,
    messages: &[
        r#"{librdkafka's refusal}; the job will fail when it starts"#,
        r#"librdkafka refuses to create the consumer: {librdkafka's text}; the job will fail when it starts"#,
    ],
    summary: r#"librdkafka refuses a client setting, or to create the consumer."#,
    doc: r#"The BE sets each property with `rd_kafka_conf_set` and then creates the consumer; librdkafka 1.9.2 refuses, among others, integers out of range (parsed like C's `strtol`, so `1000ms` is 1000), booleans other than `true/false/t/f/1/0`, callback settings given as text, producer-only keys with bad values (a consumer still parses them), malformed regular expressions, and, at creation, an empty `group.id`, `fetch.max.bytes` below `message.max.bytes`, `receive.message.max.bytes` below `fetch.max.bytes` + 512, `max.poll.interval.ms` below `session.timeout.ms`, `reconnect.backoff.max.ms` below `reconnect.backoff.ms` (the BE sets 100 and 10000), an unknown or mixed `partition.assignment.strategy`, incomplete OIDC settings, TLS material OpenSSL refuses. rlfe runs the BE's sequence on librdkafka's own rules, so the message is librdkafka's text and the help gives the reason Doris shows when it pauses the job."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.session.timeout.ms" = "0");"#,
        r#""0""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.session.timeout.ms" = "30000", "property.check.crcs" = "T");"#,
        r#""#,
    ),
    ..LINT
};

/// A SASL mechanism librdkafka does not implement.
pub static KAFKA_05: RuleDef = RuleDef {
    code: r#"KAFKA-05"#,
    messages: &[
        r#"{librdkafka's refusal}; the job will fail when it starts"#,
        r#"librdkafka refuses to create the consumer: {librdkafka's text}; the job will fail when it starts"#,
        r#"SASL mechanism 'SCRAM-SHA-1' is accepted by librdkafka but offered by no Kafka broker"#,
    ],
    summary: r#"A SASL mechanism librdkafka does not implement."#,
    doc: r#"librdkafka implements GSSAPI, PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 and OAUTHBEARER, with exactly these (case-sensitive) names and one mechanism per client. Anything else fails when the consumer connects. The Java spelling `AWS_MSK_IAM` is MSK-16's."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "oauthbearer", "aws.region" = "us-east-1");"#,
        r#""oauthbearer""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""#,
    ),
    ..LINT
};

/// Both sasl.mechanism and sasl.mechanisms are set.
pub static KAFKA_06: RuleDef = RuleDef {
    code: r#"KAFKA-06"#,
    messages: &[
        r#"'sasl.mechanism' and 'sasl.mechanisms' are the same librdkafka setting and are both set ('{a}' vs '{b}')"#,
    ],
    summary: r#"Both sasl.mechanism and sasl.mechanisms are set."#,
    doc: r#"The two keys are aliases of one librdkafka setting; the BE applies them in an order the statement does not show, and Doris's MSK IAM check reads only the singular key. Keep `property.sasl.mechanism`."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.mechanisms" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""property.sasl.mechanisms""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// SASL settings on a PLAINTEXT or SSL connection.
pub static KAFKA_07: RuleDef = RuleDef {
    code: r#"KAFKA-07"#,
    messages: &[r#"SASL settings are ignored because 'security.protocol' is '{protocol}'"#],
    summary: r#"SASL settings on a PLAINTEXT or SSL connection."#,
    doc: r#"librdkafka uses SASL only when `security.protocol` is `SASL_SSL` or `SASL_PLAINTEXT`; with PLAINTEXT (the default) or SSL the mechanism and credentials are ignored and the broker refuses the unauthenticated client."#,
    mirrors: doris_src::BE_CONSUMER,
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
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""property.sasl.mechanism""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A SASL protocol without a mechanism.
pub static KAFKA_08: RuleDef = RuleDef {
    code: r#"KAFKA-08"#,
    messages: &[
        r#"'property.sasl.mechanism' is not set, so librdkafka defaults to GSSAPI (Kerberos)"#,
        r#"'property.sasl.mechanism' is not set, so librdkafka uses GSSAPI (Kerberos) and refuses to create the consumer: {librdkafka's text}; the job will fail when it starts"#,
    ],
    summary: r#"A SASL protocol without a mechanism."#,
    doc: r#"Without `sasl.mechanism`, librdkafka uses GSSAPI (Kerberos). Its kinit command refers to `sasl.kerberos.keytab`, so without a keytab librdkafka refuses to create the consumer (`Invalid sasl.kerberos.kinit.cmd value: Property not available: "sasl.kerberos.keytab"`) and the job pauses. With a user name and password the intended mechanism was PLAIN or SCRAM."#,
    mirrors: doris_src::BE_CONSUMER,
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
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""SASL_SSL""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.kerberos.service.name" = "kafka", "property.sasl.kerberos.keytab" = "/etc/krb5.keytab", "property.sasl.kerberos.principal" = "doris@EXAMPLE.COM");"#,
        r#""#,
    ),
    ..LINT
};

/// Credentials or tokens over an unencrypted connection.
pub static KAFKA_09: RuleDef = RuleDef {
    code: r#"KAFKA-09"#,
    messages: &[
        r#"SASL/PLAIN over SASL_PLAINTEXT sends the password unencrypted"#,
        r#"SASL/OAUTHBEARER over SASL_PLAINTEXT sends a bearer token unencrypted"#,
        r#"SASL/{mechanism} over SASL_PLAINTEXT sends the data unencrypted"#,
    ],
    summary: r#"Credentials or tokens over an unencrypted connection."#,
    doc: r#"SASL_PLAINTEXT authenticates without TLS: PLAIN sends the password in clear and OAUTHBEARER a reusable token; SCRAM protects the password but not the data. Use SASL_SSL."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");"#,
        r#""SASL_PLAINTEXT""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// PLAIN or SCRAM without a user name and password.
pub static KAFKA_10: RuleDef = RuleDef {
    code: r#"KAFKA-10"#,
    messages: &[
        r#"librdkafka refuses to create the consumer: sasl.username and sasl.password must be set; the job will fail when it starts"#,
    ],
    summary: r#"PLAIN or SCRAM without a user name and password."#,
    doc: r#"PLAIN and SCRAM need `sasl.username` and `sasl.password`; librdkafka refuses to create the client without them. Credentials inside `sasl.jaas.config` do not count: librdkafka ignores that key."#,
    mirrors: doris_src::BE_CONSUMER,
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
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u");"#,
        r#""SCRAM-SHA-512""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A user name and password the mechanism ignores.
pub static KAFKA_11: RuleDef = RuleDef {
    code: r#"KAFKA-11"#,
    messages: &[r#"'property.sasl.username' is ignored by SASL/{mechanism}"#],
    summary: r#"A user name the mechanism ignores."#,
    doc: r#"GSSAPI (the default) and OAUTHBEARER do not use `sasl.username`; librdkafka warns about it when the consumer is created, and its presence usually means the mechanism is not the one intended."#,
    mirrors: doris_src::BE_CONSUMER,
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
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "property.sasl.username" = "u");"#,
        r#""property.sasl.username""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A client certificate without its key, or a keystore without its password.
pub static KAFKA_12: RuleDef = RuleDef {
    code: r#"KAFKA-12"#,
    messages: &[
        r#"Client certificate is incomplete: '{key}' is set but '{missing}' is not"#,
        r#"librdkafka refuses to create the consumer: `ssl.keystore.password` is mandatory when `ssl.keystore.location` is set; the job will fail when it starts"#,
        r#"Client certificate is set twice: both a PKCS#12 keystore and a PEM certificate/key"#,
    ],
    summary: r#"A client certificate without its key, or a keystore without its password."#,
    doc: r#"Mutual TLS needs the certificate and its private key (PEM files, or a PKCS#12 keystore with its password). librdkafka refuses a keystore without a password when the consumer is created (it reads every keystore as PKCS#12, a `.jks` file too); a certificate without its key is not refused (the broker then refuses the client), and under PLAINTEXT or SASL_PLAINTEXT no TLS file is read at all."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem");"#,
        r#""property.ssl.certificate.location""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "orders", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem", "property.ssl.key.location" = "FILE:ca.pem");"#,
        r#""#,
    ),
    ..LINT
};

/// Broker certificate or host-name verification is turned off.
pub static KAFKA_13: RuleDef = RuleDef {
    code: r#"KAFKA-13"#,
    messages: &[
        r#"TLS certificate verification is disabled; the connection is open to interception"#,
        r#"TLS hostname verification is disabled; the connection is open to interception"#,
    ],
    summary: r#"Broker certificate or host-name verification is turned off."#,
    doc: r#"`enable.ssl.certificate.verification` = false accepts any certificate, and `ssl.endpoint.identification.algorithm` = none any host name: a man in the middle can read the data and the credentials."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.enable.ssl.certificate.verification" = "false");"#,
        r#""false""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A producer-only setting.
pub static KAFKA_14: RuleDef = RuleDef {
    code: r#"KAFKA-14"#,
    messages: &[r#"'{key}' is a producer setting and is ignored by the routine-load consumer"#],
    summary: r#"A producer-only setting."#,
    doc: r#"Routine load consumes; producer settings (`linger.ms`, `acks`, `compression.type`, …) have no effect on the consumer."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.linger.ms" = "5");"#,
        r#""property.linger.ms""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A setting the Doris BE manages itself.
pub static KAFKA_15: RuleDef = RuleDef {
    code: r#"KAFKA-15"#,
    messages: &[r#"'{key}' overrides the value the Doris BE sets ('{be_value}')"#],
    summary: r#"A setting the Doris BE manages itself."#,
    doc: r#"The BE sets `metadata.broker.list` (from kafka_broker_list), `enable.partition.eof`, `enable.auto.offset.store`, `auto.offset.reset` and `statistics.interval.ms` for every consumer. Overriding them changes how tasks end and where they start; `bootstrap.servers` makes the BE connect elsewhere than kafka_broker_list says."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.bootstrap.servers" = "other:9092");"#,
        r#""property.bootstrap.servers""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// One setting written twice under different spellings.
pub static KAFKA_16: RuleDef = RuleDef {
    code: r#"KAFKA-16"#,
    messages: &[
        r#"'{a}' and '{b}' set the same property with different values"#,
        r#"'{a}' and '{b}' set the same property"#,
        r#"'{key}' is set twice with different values"#,
        r#"'{key}' is set twice"#,
    ],
    summary: r#"One setting written twice under different spellings."#,
    doc: r#"Aliases (`bootstrap.servers`/`metadata.broker.list`, `property.aws.region`/`aws.region`, an alias and its canonical key) set one value; which one wins depends on the order the BE applies them. Keep one spelling."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "property.aws.region" = "us-east-1", "aws.region" = "eu-west-1");"#,
        r#""aws.region""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// The topic name is not a legal Kafka topic name.
pub static KAFKA_18: RuleDef = RuleDef {
    code: r#"KAFKA-18"#,
    messages: &[r#"Topic name '{topic}' is not a legal Kafka topic name: {reason}"#],
    summary: r#"The topic name is not a legal Kafka topic name."#,
    doc: r#"Kafka topic names use letters, digits, `.`, `_` and `-`, are at most 249 characters long, and are not `.` or `..`. The broker reports another topic as unknown."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders$v2");"#,
        r#""orders$v2""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A deprecated librdkafka setting.
pub static KAFKA_19: RuleDef = RuleDef {
    code: r#"KAFKA-19"#,
    messages: &[r#"'{key}' is {deprecated or experimental} in librdkafka {version}"#],
    summary: r#"A deprecated or experimental librdkafka setting."#,
    doc: r#"librdkafka 1.9.2 accepts the key and, when the BE creates the consumer, warns that it is deprecated or experimental (the topic-level `auto.commit.enable`, `offset.store.method`, `topic.metadata.refresh.fast.cnt`, …; not the global `enable.auto.commit`, nor `api.version.request`, which only later versions deprecate). The help gives librdkafka's own description."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.topic.metadata.refresh.fast.cnt" = "5");"#,
        r#""property.topic.metadata.refresh.fast.cnt""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// A file setting given as a path, not a FILE: reference.
pub static KAFKA_20: RuleDef = RuleDef {
    code: r#"KAFKA-20"#,
    messages: &[r#"'{key}' refers to a path that must exist on every BE host"#],
    summary: r#"A file setting given as a path, not a FILE: reference."#,
    doc: r#"A path such as `/etc/kafka/ca.pem` is read on the BE host that runs each task, so it must exist on every BE. Upload the file with `CREATE FILE` and write `FILE:<name>`."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.ca.location" = "/etc/pki/ca.pem");"#,
        r#""/etc/pki/ca.pem""#,
    ),
    passes: Example::new(examples::SCRAM_TLS, r#""#),
    ..LINT
};

/// librdkafka logs a configuration warning when the BE creates the consumer.
pub static KAFKA_21: RuleDef = RuleDef {
    code: r#"KAFKA-21"#,
    messages: &[r#"librdkafka warns: {librdkafka's warning}"#],
    summary: r#"librdkafka logs a configuration warning when the BE creates the consumer."#,
    doc: r#"Besides deprecated, experimental and producer settings (KAFKA-19, KAFKA-14) and SASL settings without SASL (KAFKA-07, KAFKA-11), librdkafka warns about combinations that work badly, such as `fetch.wait.max.ms` not at least 1000 ms below `socket.timeout.ms`. The consumer is created; the warning goes to the BE's log."#,
    mirrors: doris_src::BE_CONSUMER,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.fetch.wait.max.ms" = "60000");"#,
        r#""60000""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.fetch.wait.max.ms" = "500");"#,
        r#""#,
    ),
    ..LINT
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[
    &KAFKA_01, &KAFKA_02, &KAFKA_03, &KAFKA_04, &KAFKA_05, &KAFKA_06, &KAFKA_07, &KAFKA_08,
    &KAFKA_09, &KAFKA_10, &KAFKA_11, &KAFKA_12, &KAFKA_13, &KAFKA_14, &KAFKA_15, &KAFKA_16,
    &KAFKA_18, &KAFKA_19, &KAFKA_20, &KAFKA_21,
];
