\help
\d
\d user_events
\plan on
CREATE ROUTINE LOAD load_user_events ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
);
\partitions shared_events 3
\format json
CREATE ROUTINE LOAD load_cross_account ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.partner-msk.us-west-2.amazonaws.com:9098",
    "kafka_topic" = "shared_events",
    "property.group.id" = "doris_cross_account",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM",
    "property.aws.msk.iam.role.arn" = "arn:aws:iam::999888777666:role/CrossAccountRole"
);
\set timezone UTC
\jobs
CREATE ROUTINE LOAD bad ON user_events FROM KAFKA ("kafka_broker_list" = "b:9092", "kafka_topic" = "t", "property.sasl.password" = "never-shown") PROPERTIES ("format" = "json");
SHOW ROUTINE LOAD FOR load_cross_account;
\bogus
\q
SHOW ROUTINE LOAD;
