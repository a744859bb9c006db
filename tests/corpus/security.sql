-- Kafka and AWS MSK security rules and acceptance cases.
-- A case whose name contains "doris-profile" runs in the Doris compatibility profile.

-- case: KAFKA-01-trip expect KAFKA-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocl" = "SASL_SSL");
-- case: KAFKA-01-newer-librdkafka expect KAFKA-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.metadata.recovery.strategy" = "rebootstrap");
-- case: KAFKA-01-underscores expect KAFKA-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl_ca_location" = "FILE:ca.pem");
-- case: KAFKA-01-pass expect KAFKA-01 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "doris", "property.topic.auto.offset.reset" = "earliest");
-- case: KAFKA-02-truststore expect KAFKA-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.truststore.location" = "/etc/kafka/truststore.jks");
-- case: KAFKA-02-jaas-plain expect KAFKA-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.jaas.config" = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"jaas-secret\";");
-- case: KAFKA-02-pass expect KAFKA-02 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.ca.location" = "FILE:ca.pem");
-- case: KAFKA-03-trip expect KAFKA-03 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL-SSL");
-- case: KAFKA-03-E13-empty expect KAFKA-03 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.endpoint.identification.algorithm" = "");
-- case: KAFKA-03-pass-case expect KAFKA-03 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.isolation.level" = "READ_COMMITTED", "property.auto.offset.reset" = "Earliest");
-- case: KAFKA-04-range expect KAFKA-04 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.session.timeout.ms" = "0");
-- case: KAFKA-04-E12-cross-field expect KAFKA-04 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.reconnect.backoff.ms" = "20000");
-- case: KAFKA-04-bool expect KAFKA-04 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.check.crcs" = "yes");
-- case: KAFKA-04-pass expect KAFKA-04 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.session.timeout.ms" = "30000", "property.check.crcs" = "T");
-- case: KAFKA-05-E5-case expect KAFKA-05 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "oauthbearer", "aws.region" = "us-east-1");
-- case: KAFKA-05-multi-token expect KAFKA-05 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN,SCRAM-SHA-256", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-05-hash expect KAFKA-05 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-384", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-05-pass expect KAFKA-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-06-E11 expect KAFKA-06 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.mechanisms" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-07-trip expect KAFKA-07 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-08-trip expect KAFKA-08 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-08-pass-kerberos expect KAFKA-08 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.kerberos.service.name" = "kafka", "property.sasl.kerberos.keytab" = "/etc/krb5.keytab", "property.sasl.kerberos.principal" = "doris@EXAMPLE.COM");
-- case: KAFKA-09-E3 expect KAFKA-09 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: KAFKA-10-trip expect KAFKA-10 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u");
-- case: KAFKA-11-trip expect KAFKA-11 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "property.sasl.username" = "u");
-- case: KAFKA-12-cert-without-key expect KAFKA-12 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem");
-- case: KAFKA-12-keystore expect KAFKA-12 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.keystore.location" = "FILE:ca.pem");
-- case: KAFKA-13-trip expect KAFKA-13 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.enable.ssl.certificate.verification" = "false");
-- case: KAFKA-14-trip expect KAFKA-14 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.linger.ms" = "5");
-- case: KAFKA-15-trip expect KAFKA-15 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.bootstrap.servers" = "other:9092");
-- case: KAFKA-16-E16 expect KAFKA-16 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "property.aws.region" = "us-east-1", "aws.region" = "eu-west-1");
-- case: KAFKA-17-foreign-key expect K1 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_aws_region" = "us-east-1");
-- case: KAFKA-18-trip expect KAFKA-18 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders$v2");
-- case: KAFKA-19-trip expect KAFKA-19 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.topic.metadata.refresh.fast.cnt" = "5");
-- case: KAFKA-20-trip expect KAFKA-20 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9093", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.ca.location" = "/etc/pki/ca.pem");
-- case: MSK-01-D12 expect MSK-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t");
-- case: MSK-01-D13 expect MSK-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SSL");
-- case: MSK-01-pass expect MSK-01 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL");
-- case: MSK-02-E8 expect MSK-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL");
-- case: MSK-02-mixed expect MSK-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
-- case: MSK-03-D15 expect MSK-03 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-03-D22-profile-only expect MSK-03 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.profile_name" = "default");
-- case: MSK-03-D14-pass expect SEC-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
-- case: MSK-04-E1 expect MSK-04 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.us-west-2.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-05-no-region expect MSK-05 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: MSK-05-D7-doris-profile expect MSK-05 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: MSK-05-D7-derived expect MSK-REGION note
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: MSK-06-E2 expect MSK-06 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-06-pass expect MSK-06 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-07-D11 expect MSK-07 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-256", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-07-pass expect MSK-07 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-08-trip expect MSK-08 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_PLAINTEXT", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-09-E9 expect MSK-09 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "z-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:2181", "kafka_topic" = "t");
-- case: MSK-10-trip expect MSK-10 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:11001", "kafka_topic" = "t");
-- case: MSK-11-trip expect MSK-11 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com:14001", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-11-pass expect MSK-11 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com:14001", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-12-trip expect MSK-12 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.a.abc123.c1.kafka.us-east-1.amazonaws.com:9096,b-1.b.def456.c1.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: MSK-13-trip expect MSK-13 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1");
-- case: MSK-13-pass expect MSK-13 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1");
-- case: MSK-15-trip expect MSK-15 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094,b-2.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9094", "kafka_topic" = "t", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "/etc/client.pem", "property.ssl.key.location" = "/etc/client.key");
-- case: MSK-16-doris-profile-no-aws-keys expect MSK-16 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098", "kafka_topic" = "user_events", "property.group.id" = "doris_consumer", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM");
-- case: MSK-17-D3-missing expect MSK-17 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-17-D4-plaintext expect MSK-17 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "PLAINTEXT", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-17-lower-case expect MSK-17 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "sasl_ssl", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
-- case: MSK-18-D5-missing expect MSK-18 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "aws.region" = "us-east-1");
-- case: MSK-18-D6-plain expect MSK-18 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "aws.region" = "us-east-1");
-- case: MSK-18-E10-scram-with-role expect MSK-18 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9096", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "p", "aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: MSK-19-D10 expect MSK-19 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.external_id" = "ext-1234");
-- case: MSK-20-trip expect MSK-20 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE");
-- case: MSK-21-user-arn expect MSK-21 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:user/bob");
-- case: MSK-21-partition expect MSK-21 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.cn-north-1.amazonaws.com.cn:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "cn-north-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: MSK-22-trip expect MSK-22 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/R", "aws.external_id" = "x");
-- case: MSK-23-upper-case expect MSK-23 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "US-EAST-1");
-- case: MSK-23-unknown expect MSK-23 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-9");
-- case: MSK-24-invalid expect MSK-24 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.credentials_provider" = "EC2");
-- case: MSK-24-alias-normalised expect MSK-24 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.credentials_provider" = "ecs");
-- case: MSK-25-E14 expect MSK-25 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access.key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret.key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
-- case: MSK-25-risingwave expect MSK-25 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.credentials.role.arn" = "arn:aws:iam::123456789012:role/R", "aws.profile" = "etl");
-- case: MSK-26-E7 expect MSK-26 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.regoin" = "us-east-1");
-- case: MSK-27-client-cert expect MSK-27 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.ssl.certificate.location" = "/etc/c.pem", "property.ssl.key.location" = "/etc/c.key");
-- case: MSK-28-D2 expect MSK-28 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER");
-- case: MSK-29-trip expect MSK-29 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.profile_name" = "default");
-- case: MSK-30-trip expect MSK-30 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.reconnect.backoff.ms" = "100");
-- case: MSK-31-trip expect MSK-31 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.fetch.max.bytes" = "60000000", "property.receive.message.max.bytes" = "70000000");
-- case: MSK-32-trip expect MSK-32 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "__consumer_offsets");
-- case: MSK-33-trip expect MSK-33 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.group.id" = "doris-*");
-- case: SEC-01-trip expect SEC-01 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "u", "property.sasl.password" = "s3cr3t");
-- case: SEC-01-pass-bare-jaas expect SEC-01 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.sasl.jaas.config" = "software.amazon.msk.auth.iam.IAMLoginModule required;");
-- case: SEC-02-E14 expect SEC-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.secret.key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.access.key" = "AKIAIOSFODNN7EXAMPLE");
-- case: SEC-02-near-miss expect SEC-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.pasword" = "typo-secret");
-- case: SEC-03-shape expect SEC-03 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "my-key", "aws.secret_key" = "my-secret");
-- case: SEC-03-swapped expect SEC-03 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.secret_key" = "AKIAIOSFODNN7EXAMPLE");
-- case: SEC-04-E15 expect SEC-04 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "ASIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
-- case: SEC-05-trip expect SEC-05 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_doris");
-- case: D1 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole");
-- case: D8 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole", "aws.profile_name" = "default");
-- case: D9 expect MSK-19 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole", "aws.external_id" = "ext-1234");
-- case: D16 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.credentials_provider" = "INSTANCE_PROFILE");
-- case: D17 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole", "aws.credentials_provider" = "ENV");
-- case: D18 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.profile_name" = "default");
-- case: D19 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole");
-- case: D20-public-secret-only expect MSK-03 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1-public.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9198", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
-- case: D24 expect MSK-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::123456789012:role/MyRole", "aws.external_id" = "ext-1234", "aws.profile_name" = "default");
-- case: O-P1 expect MSK-25 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.aws.msk.iam.role.arn" = "arn:aws:iam::123456789012:role/MyMskRole");
-- case: O-P1-no-region-host expect MSK-05 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.aws.msk.iam.role.arn" = "arn:aws:iam::123456789012:role/MyMskRole");
-- case: O-P1-doris-profile expect MSK-05 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.aws.msk.iam.role.arn" = "arn:aws:iam::123456789012:role/MyMskRole");
-- case: O-P3-scram-self-managed expect MSK-07 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-256", "property.sasl.username" = "u", "property.sasl.password" = "p");
-- case: O-N1-no-protocol expect MSK-17 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.sasl.mechanism" = "AWS_MSK_IAM");
-- case: O-N2-plaintext expect MSK-17 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "PLAINTEXT", "property.sasl.mechanism" = "AWS_MSK_IAM");
-- case: O-N3-no-mechanism expect MSK-18 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.aws.msk.iam.role.arn" = "arn:aws:iam::123456789012:role/MyMskRole");
-- case: O-N4-incompatible expect MSK-18 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.aws.profile.name" = "default");
-- case: O-X1 expect MSK-14 warning
CREATE ROUTINE LOAD load_user_events ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098", "kafka_topic" = "user_events", "property.group.id" = "doris_consumer", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM");
-- case: O-X2 expect MSK-25 warning
CREATE ROUTINE LOAD load_cross_account ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.partner-msk.us-west-2.amazonaws.com:9098", "kafka_topic" = "shared_events", "property.group.id" = "doris_cross_account", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.aws.msk.iam.role.arn" = "arn:aws:iam::999888777666:role/CrossAccountRole");
-- case: O-X2-doris-profile expect MSK-05 error
CREATE ROUTINE LOAD load_cross_account ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.partner-msk.us-west-2.amazonaws.com:9098", "kafka_topic" = "shared_events", "property.group.id" = "doris_cross_account", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.aws.msk.iam.role.arn" = "arn:aws:iam::999888777666:role/CrossAccountRole");
-- case: E4-java-set expect KAFKA-02 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM", "property.ssl.truststore.location" = "/tmp/kafka.client.truststore.jks", "property.sasl.jaas.config" = "software.amazon.msk.auth.iam.IAMLoginModule required awsRoleArn=\"arn:aws:iam::123456789012:role/R\";", "property.sasl.client.callback.handler.class" = "software.amazon.msk.auth.iam.IAMClientCallbackHandler");

-- Passing cases: a clean statement of the rule's kind, on which the rule stays silent.
-- case: KAFKA-06-pass expect KAFKA-06 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-07-pass expect KAFKA-07 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-09-pass expect KAFKA-09 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-10-pass expect KAFKA-10 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-11-pass expect KAFKA-11 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-12-pass expect KAFKA-12 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "orders", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem", "property.ssl.key.location" = "FILE:ca.pem");
-- case: KAFKA-13-pass expect KAFKA-13 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-14-pass expect KAFKA-14 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-15-pass expect KAFKA-15 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-16-pass expect KAFKA-16 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-18-pass expect KAFKA-18 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-19-pass expect KAFKA-19 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: KAFKA-20-pass expect KAFKA-20 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "kafka1:9093,kafka2:9093", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "SCRAM-SHA-512", "property.sasl.username" = "doris", "property.sasl.password" = "p", "property.ssl.ca.location" = "FILE:ca.pem", "property.check.crcs" = "true");
-- case: MSK-02-pass expect MSK-02 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-03-pass expect MSK-03 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: MSK-04-pass expect MSK-04 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-08-pass expect MSK-08 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-09-pass expect MSK-09 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-10-pass expect MSK-10 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-12-pass expect MSK-12 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-14-pass expect MSK-14 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-15-pass expect MSK-15 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094,b-2.c.abc123.c1.kafka.eu-west-1.amazonaws.com:9094", "kafka_topic" = "orders", "property.security.protocol" = "SSL", "property.ssl.certificate.location" = "FILE:ca.pem", "property.ssl.key.location" = "FILE:ca.pem");
-- case: MSK-16-pass expect MSK-16 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-17-pass expect MSK-17 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-18-pass expect MSK-18 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-20-pass expect MSK-20 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: MSK-21-pass expect MSK-21 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-22-pass expect MSK-22 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-23-pass expect MSK-23 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-24-pass expect MSK-24 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-25-pass expect MSK-25 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-26-pass expect MSK-26 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-27-pass expect MSK-27 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-28-pass expect MSK-28 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-29-pass expect MSK-29 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: MSK-30-pass expect MSK-30 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-31-pass expect MSK-31 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098", "kafka_topic" = "clicks", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "property.fetch.max.bytes" = "52428800");
-- case: MSK-32-pass expect MSK-32 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: MSK-33-pass expect MSK-33 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
-- case: SEC-02-pass expect SEC-02 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: SEC-03-pass expect SEC-03 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: SEC-04-pass expect SEC-04 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader");
-- case: SEC-05-pass expect SEC-05 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098", "kafka_topic" = "orders", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "eu-west-1", "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader", "aws.external_id" = "ext-1234", "aws.credentials_provider" = "INSTANCE_PROFILE", "property.reconnect.backoff.ms" = "1000", "property.group.id" = "doris-orders");
