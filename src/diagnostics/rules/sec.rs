//! Credential hygiene (SEC rules). No message ever quotes a secret value.

use super::*;

/// A secret written into the statement.
pub static SEC_01: RuleDef = RuleDef {
    code: r#"SEC-01"#,
    messages: &[
        r#"'{key}' holds a secret in the statement text; it is stored in the job definition"#,
    ],
    summary: r#"A secret written into the statement."#,
    doc: r#"Passwords and keys in a CREATE statement end up in the job definition, in SHOW CREATE ROUTINE LOAD (Doris prints client properties unmasked) and in whatever logs the statement text. rlfe masks them in every output; prefer IAM roles, instance profiles or FILE: references where they exist."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""aws.access_key""#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.sasl.jaas.config" = "software.amazon.msk.auth.iam.IAMLoginModule required;");"#,
        r#""#,
    ),
    ..LINT
};

/// A secret under a spelling Doris does not mask.
pub static SEC_02: RuleDef = RuleDef {
    code: r#"SEC-02"#,
    messages: &[
        r#"'{key}' carries a secret but Doris does not mask this spelling in its audit log"#,
    ],
    summary: r#"A secret under a spelling Doris does not mask."#,
    doc: r#"Doris masks a fixed list of sensitive keys in its audit log; aliases and misspellings of secret keys are logged in clear."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.secret.key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.access.key" = "AKIAIOSFODNN7EXAMPLE");"#,
        r#""aws.secret.key""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..LINT
};

/// aws.access_key does not look like an access key id.
pub static SEC_03: RuleDef = RuleDef {
    code: r#"SEC-03"#,
    messages: &[
        r#"the access key and secret key look swapped"#,
        r#"'aws.access_key' does not look like an AWS access key id"#,
    ],
    summary: r#"aws.access_key does not look like an access key id."#,
    doc: r#"An access key id is 16-128 upper-case letters and digits (AKIA… or ASIA…, 20 characters); the 40-character secret goes into `aws.secret_key`."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "my-key", "aws.secret_key" = "my-secret");"#,
        r#""aws.access_key""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..LINT
};

/// Temporary STS credentials as static keys.
pub static SEC_04: RuleDef = RuleDef {
    code: r#"SEC-04"#,
    messages: &[
        r#"'aws.access_key' is a temporary STS credential (ASIA…); it cannot be used without its session token; the job will fail when it starts"#,
        r#"'aws.access_key' is a temporary STS credential (ASIA…); it expires and is not refreshed"#,
    ],
    summary: r#"Temporary STS credentials as static keys."#,
    doc: r#"ASIA… keys come from STS with a session token and expire within hours; a long-running job should assume a role instead (`aws.role_arn`), which the BE refreshes."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "ASIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");"#,
        r#""aws.access_key""#,
    ),
    passes: Example::new(examples::MSK_IAM_KEYS, r#""#),
    ..LINT
};

/// A secret-manager reference instead of a secret.
pub static SEC_05: RuleDef = RuleDef {
    code: r#"SEC-05"#,
    messages: &[
        r#"Doris does not resolve secret references; '{key}' would be sent literally; the job will fail when it starts"#,
    ],
    summary: r#"A secret-manager reference instead of a secret."#,
    doc: r#"Doris sends `secret://…` and Secrets Manager ARNs to the broker as the password itself."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_doris");"#,
        r#""arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_doris""#,
    ),
    passes: Example::new(examples::MSK_IAM_ROLE, r#""#),
    ..LINT
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&SEC_01, &SEC_02, &SEC_03, &SEC_04, &SEC_05];
