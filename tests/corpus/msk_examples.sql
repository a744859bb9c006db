-- The original MSK IAM design's examples, as pasted (no catalog: table checks skipped).
CREATE ROUTINE LOAD demo.load_user_events ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
);

CREATE ROUTINE LOAD demo.load_cross_account ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.partner-msk.us-west-2.amazonaws.com:9098",
    "kafka_topic" = "shared_events",
    "property.group.id" = "doris_cross_account",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM",
    "property.aws.msk.iam.role.arn" = "arn:aws:iam::999888777666:role/CrossAccountRole"
);

CREATE ROUTINE LOAD demo.serverless_job ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "clicks",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "us-east-1",
    "aws.role_arn" = "arn:aws:iam::123456789012:role/doris-reader",
    "aws.external_id" = "doris-ext-1"
);
