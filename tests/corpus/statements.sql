-- The parser corpus: every statement, clause and property form, written the way
-- people write routine loads. Each statement is snapshot-tested in its canonical
-- rendering, and each must survive a Display round trip.

-- 1. Catalog DDL ------------------------------------------------------------------
CREATE DATABASE example_db;
CREATE DATABASE IF NOT EXISTS demo PROPERTIES ("replication_allocation" = "tag.location.default: 1");
CREATE SCHEMA analytics;
USE example_db;
USE internal.example_db;
CREATE TABLE example_tbl (
    k1 INT,
    k2 VARCHAR(64),
    k3 DATE,
    v1 BIGINT,
    v2 DOUBLE,
    v3 DECIMAL(27, 9)
) DUPLICATE KEY(k1, k2)
DISTRIBUTED BY HASH(k1) BUCKETS 10
PROPERTIES ("replication_num" = "1");
CREATE TABLE IF NOT EXISTS user_events (
    event_id BIGINT NOT NULL COMMENT "event id",
    user_id BIGINT,
    event_type VARCHAR(50),
    event_time DATETIME
) DUPLICATE KEY(event_id)
DISTRIBUTED BY HASH(event_id) BUCKETS 10;
CREATE TABLE orders_mow (
    order_id BIGINT NOT NULL,
    customer_id BIGINT,
    status VARCHAR(20) DEFAULT "new",
    amount DECIMAL(18, 2) DEFAULT "0",
    updated_at DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    seq BIGINT
) UNIQUE KEY(order_id)
COMMENT "orders, merge on write"
PARTITION BY RANGE(updated_at) (
    PARTITION p2024 VALUES LESS THAN ("2025-01-01 00:00:00"),
    PARTITION p2025 VALUES [("2025-01-01 00:00:00"), ("2026-01-01 00:00:00")),
    PARTITION pmax VALUES LESS THAN MAXVALUE
)
DISTRIBUTED BY HASH(order_id) BUCKETS 16
PROPERTIES (
    "enable_unique_key_merge_on_write" = "true",
    "function_column.sequence_col" = "seq",
    "enable_unique_key_skip_bitmap_column" = "true"
);
CREATE TABLE site_pv (
    site_id INT,
    dt DATE,
    pv BIGINT SUM DEFAULT "0",
    last_ip VARCHAR(32) REPLACE,
    first_seen DATETIME MIN,
    uv BITMAP BITMAP_UNION,
    uv_hll HLL HLL_UNION,
    latency QUANTILE_STATE QUANTILE_UNION,
    note STRING REPLACE_IF_NOT_NULL,
    peak BIGINT MAX
) AGGREGATE KEY(site_id, dt)
PARTITION BY LIST(site_id) (
    PARTITION p_cn VALUES IN ((1), (2), (3)),
    PARTITION p_us VALUES IN (10, 11),
    PARTITION p_default
)
DISTRIBUTED BY HASH(site_id) BUCKETS AUTO;
CREATE TABLE typed_cols (
    id BIGINT AUTO_INCREMENT,
    tags ARRAY<STRING>,
    nested ARRAY<ARRAY<INT>>,
    attrs MAP<STRING, ARRAY<INT>>,
    person STRUCT<name: VARCHAR(20), age: INT COMMENT "years">,
    payload JSON,
    doc VARIANT,
    ip IPV4,
    ip6 IPV6,
    flag BOOLEAN DEFAULT "true",
    price DECIMALV3(10, 4),
    ts DATETIMEV2(6),
    c CHAR(8),
    txt VARCHAR(*),
    big LARGEINT,
    INDEX idx_tags (tags) USING INVERTED COMMENT "tags index"
) DUPLICATE KEY(id)
DISTRIBUTED BY RANDOM BUCKETS 4;
CREATE TABLE logs_auto (
    ts DATETIME NOT NULL,
    msg STRING
) DUPLICATE KEY(ts)
AUTO PARTITION BY RANGE (date_trunc(ts, 'day')) ()
DISTRIBUTED BY RANDOM BUCKETS AUTO
PROPERTIES ("replication_num" = "1");
CREATE TEMPORARY TABLE tmp_stage (k1 INT, v1 STRING) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM;
CREATE EXTERNAL TABLE ext_mysql (id INT, name VARCHAR(20)) ENGINE = mysql PROPERTIES ("host" = "127.0.0.1", "port" = "3306");
CREATE TABLE step_parts (dt DATE, v INT) DUPLICATE KEY(dt) PARTITION BY RANGE(dt) (FROM ("2024-01-01") TO ("2024-04-01") INTERVAL 1 MONTH) DISTRIBUTED BY HASH(dt);
CREATE TABLE agg_generic (k INT, s AGG_STATE GENERIC) AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) ROLLUP (r1 (k)) PROPERTIES ("light_schema_change" = "true");
DROP TABLE IF EXISTS tmp_stage;
DROP TABLE example_db.old_tbl FORCE;
DROP DATABASE IF EXISTS scratch;
DROP SCHEMA scratch2 FORCE;
CREATE FILE "ca.pem" PROPERTIES ("url" = "https://example.com/kafka-key/ca.pem", "catalog" = "kafka");
CREATE FILE "client.key" IN example_db PROPERTIES ("url" = "https://example.com/client.key", "catalog" = "kafka", "md5" = "b5bb901bf10f99205b39a92bd8e4f6c2");
DROP FILE "client.key" FROM example_db PROPERTIES ("catalog" = "kafka");
SHOW FILE;
SHOW FILE FROM example_db;

-- 2. CSV jobs with column mappings and filters ---------------------------------------
CREATE ROUTINE LOAD example_db.test1 ON example_tbl
COLUMNS TERMINATED BY ",",
COLUMNS(k1, k2, k3, v1, v2, v3 = k1 * 100),
PRECEDING FILTER k1 = 1,
WHERE k1 > 100 and k2 like "%doris%"
PROPERTIES
(
    "desired_concurrent_number" = "3",
    "max_batch_interval" = "20",
    "max_batch_rows" = "300000",
    "max_batch_size" = "209715200",
    "strict_mode" = "false"
)
FROM KAFKA
(
    "kafka_broker_list" = "broker1:9092,broker2:9092,broker3:9092",
    "kafka_topic" = "my_topic",
    "property.group.id" = "xxx",
    "property.client.id" = "xxx",
    "property.kafka_default_offsets" = "OFFSET_BEGINNING"
);
CREATE ROUTINE LOAD example_db.test2 ON example_tbl
COLUMNS TERMINATED BY "\t",
COLUMNS(k1, k2, k3, tmp_v1, v1 = tmp_v1 + 1, v2 = cast(tmp_v1 as double), v3 = 0)
FROM KAFKA ("kafka_broker_list" = "broker1:9092", "kafka_topic" = "my_topic", "kafka_partitions" = "0,1,2,3", "kafka_offsets" = "101,0,0,200");
CREATE ROUTINE LOAD test_hex ON example_tbl COLUMNS TERMINATED BY "\x01" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_multichar ON example_tbl COLUMNS TERMINATED BY '||' FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_case ON example_tbl
COLUMNS(k1, k2, k3, v1, v2 = case when v1 > 10 then 1 when v1 is null then 0 else 2 end, v3 = if(k1 in (1, 2, 3), k1, null)),
WHERE k3 between '2024-01-01' and '2024-12-31' and not k2 rlike '^tmp_'
FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_paren_items ON example_tbl COLUMNS((k1), (k2 = 'x'), k3, v1, v2, v3) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_funcs ON example_tbl COLUMNS(k1, k2, tmp_ts, k3 = from_unixtime(tmp_ts / 1000), v1 = k1 DIV 2, v2 = v1 % 7, v3 = concat_ws('-', k2, 'x')), WHERE v1 IS NOT NULL AND k1 != 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_partitions ON orders_mow PARTITION(p2024, p2025) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_partition_single ON orders_mow PARTITION p2025 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_temp_partitions ON orders_mow TEMPORARY PARTITIONS (tp1, tp2) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_partition_star ON orders_mow PARTITION(*) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_enclose ON example_tbl PROPERTIES ("format" = "csv", "enclose" = "\"", "escape" = "\\", "empty_field_as_null" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_csv_names ON example_tbl PROPERTIES ("format" = "csv_with_names", "max_filter_ratio" = "0.1", "max_error_number" = "1000") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_unquoted_props ON example_tbl PROPERTIES (desired_concurrent_number = 3, max_filter_ratio = 0.5, strict_mode = TRUE) FROM KAFKA (kafka_broker_list = 'k1:9092', kafka_topic = t);
CREATE ROUTINE LOAD test_comment ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t") COMMENT "nightly CSV feed";
CREATE ROUTINE LOAD `job-with-hyphen` ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD `db`.`quoted job` ON `example_tbl` FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_timezone ON example_tbl PROPERTIES ("timezone" = "America/New_York", "exec_mem_limit" = "4294967296", "send_batch_parallelism" = "2", "load_to_single_tablet" = "false", "workload_group" = "normal") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");

-- 3. JSON jobs ----------------------------------------------------------------------
CREATE ROUTINE LOAD example_db.test_json_label_1 ON table1
COLUMNS(category, price, author)
PROPERTIES
(
    "desired_concurrent_number" = "3",
    "max_batch_interval" = "20",
    "max_batch_rows" = "300000",
    "max_batch_size" = "209715200",
    "strict_mode" = "false",
    "format" = "json"
)
FROM KAFKA
(
    "kafka_broker_list" = "broker1:9092,broker2:9092,broker3:9092",
    "kafka_topic" = "my_topic",
    "kafka_partitions" = "0,1,2",
    "kafka_offsets" = "0,0,0"
);
CREATE ROUTINE LOAD example_db.test_json_paths ON table1
COLUMNS(category, author, price, timestamp, dt = from_unixtime(timestamp, '%Y%m%d'))
PROPERTIES
(
    "format" = "json",
    "jsonpaths" = "[\"$.category\",\"$.author\",\"$.price\",\"$.timestamp\"]",
    "json_root" = "$.RECORDS",
    "strip_outer_array" = "true"
)
FROM KAFKA ("kafka_broker_list" = "broker1:9092", "kafka_topic" = "my_topic");
CREATE ROUTINE LOAD test_json_misc ON table1 PROPERTIES ("format" = "json", "num_as_string" = "true", "fuzzy_parse" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD test_partial ON orders_mow PROPERTIES ("format" = "json", "partial_columns" = "true", "partial_update_new_key_behavior" = "ERROR") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_flexible ON orders_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_fixed_mode ON orders_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "update_fixed_columns") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");

-- 4. Merge, delete, sequence column --------------------------------------------------
CREATE ROUTINE LOAD example_db.test_merge ON orders_mow
WITH MERGE
COLUMNS(order_id, customer_id, status, amount, updated_at, seq),
DELETE ON status = 'deleted',
ORDER BY seq
PROPERTIES ("format" = "json")
FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD example_db.test_delete ON orders_mow WITH DELETE COLUMNS(order_id) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "order_deletes");
CREATE ROUTINE LOAD test_append ON orders_mow WITH APPEND FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");
CREATE ROUTINE LOAD test_order_first ON orders_mow WITH MERGE ORDER BY seq, DELETE ON status = 'deleted', WHERE amount >= 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "orders");

-- 5. Offsets ------------------------------------------------------------------------
CREATE ROUTINE LOAD test_offsets_begin ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2", "kafka_offsets" = "OFFSET_BEGINNING,OFFSET_END,42");
CREATE ROUTINE LOAD test_default_end ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "OFFSET_END");
CREATE ROUTINE LOAD test_datetime_offsets ON example_tbl PROPERTIES ("timezone" = "Asia/Shanghai") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "2024-01-01 10:00:00, 2024-01-01 10:00:00");
CREATE ROUTINE LOAD test_default_datetime ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2", "property.kafka_default_offsets" = "2024-06-01 00:00:00");
CREATE ROUTINE LOAD test_many_partitions ON example_tbl PROPERTIES ("desired_concurrent_number" = "4") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2,3,4,5,6,7,8,9", "property.kafka_default_offsets" = "OFFSET_BEGINNING");

-- 6. Security: SSL, SASL, Kerberos, MSK IAM ------------------------------------------
CREATE ROUTINE LOAD example_db.test_ssl ON example_tbl
COLUMNS TERMINATED BY ","
FROM KAFKA
(
    "kafka_broker_list" = "broker1:9091,broker2:9091",
    "kafka_topic" = "my_topic",
    "property.security.protocol" = "ssl",
    "property.ssl.ca.location" = "FILE:ca.pem",
    "property.ssl.certificate.location" = "FILE:client.pem",
    "property.ssl.key.location" = "FILE:client.key",
    "property.ssl.key.password" = "abcdefg"
);
CREATE ROUTINE LOAD test_sasl_plain ON example_tbl FROM KAFKA (
    "kafka_broker_list" = "kafka1:9092",
    "kafka_topic" = "t",
    "property.security.protocol" = "SASL_PLAINTEXT",
    "property.sasl.mechanism" = "PLAIN",
    "property.sasl.username" = "admin",
    "property.sasl.password" = "admin-secret"
);
CREATE ROUTINE LOAD test_scram ON example_tbl FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9096",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "SCRAM-SHA-512",
    "property.sasl.username" = "doris",
    "property.sasl.password" = "scram-secret"
);
CREATE ROUTINE LOAD test_kerberos ON example_tbl FROM KAFKA (
    "kafka_broker_list" = "kafka1:9092",
    "kafka_topic" = "t",
    "property.security.protocol" = "SASL_PLAINTEXT",
    "property.sasl.kerberos.service.name" = "kafka",
    "property.sasl.kerberos.keytab" = "/etc/krb5.keytab",
    "property.sasl.kerberos.principal" = "doris@EXAMPLE.COM"
);
CREATE ROUTINE LOAD test_msk_iam ON user_events FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "eu-west-1",
    "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader"
);
CREATE ROUTINE LOAD test_msk_public ON user_events FROM KAFKA (
    "kafka_broker_list" = "b-1-public.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9198",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "property.aws.region" = "eu-west-1",
    "aws.access_key" = "AKIAIOSFODNN7EXAMPLE",
    "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
);
CREATE ROUTINE LOAD test_msk_external ON user_events FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "eu-west-1",
    "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader",
    "aws.external_id" = "doris-external-42",
    "aws.credentials_provider" = "INSTANCE_PROFILE"
);
CREATE ROUTINE LOAD load_user_events ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
);
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
CREATE ROUTINE LOAD test_msk_serverless ON user_events FROM KAFKA (
    "kafka_broker_list" = "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "events",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "us-east-1",
    "aws.profile_name" = "doris"
);
CREATE ROUTINE LOAD test_java_jaas ON user_events FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM",
    "property.sasl.jaas.config" = "software.amazon.msk.auth.iam.IAMLoginModule required awsRoleArn=\"arn:aws:iam::123456789012:role/R\";",
    "property.sasl.client.callback.handler.class" = "software.amazon.msk.auth.iam.IAMClientCallbackHandler"
);

-- 7. Multi-table jobs ------------------------------------------------------------------
CREATE ROUTINE LOAD example_db.multi_json PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "all_tables");
CREATE ROUTINE LOAD example_db.multi_csv COLUMNS TERMINATED BY "|" PROPERTIES ("format" = "csv") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "all_tables", "kafka_table_name_location" = "key", "kafka_table_name_format" = "TEXT", "kafka_text_table_name_field_delimiter" = ",", "kafka_text_table_name_field_index" = "0");

-- 8. ALTER, PAUSE, RESUME, STOP ---------------------------------------------------------
ALTER ROUTINE LOAD FOR example_db.test1 PROPERTIES ("desired_concurrent_number" = "1");
ALTER ROUTINE LOAD FOR test1 PROPERTIES ("desired_concurrent_number" = "10") FROM KAFKA ("kafka_partitions" = "0, 1, 2", "kafka_offsets" = "100, 200, 100", "property.group.id" = "new_group");
ALTER ROUTINE LOAD FOR test1 COLUMNS(k1, k2, k3, v1, v2, v3 = k1 * 10), WHERE k1 > 10 PROPERTIES ("max_error_number" = "100");
ALTER ROUTINE LOAD FOR test1 FROM KAFKA ("kafka_topic" = "new_topic", "kafka_broker_list" = "k9:9092");
ALTER ROUTINE LOAD FOR test1 ON example_tbl2;
ALTER ROUTINE LOAD FOR test1;
PAUSE ROUTINE LOAD FOR test1;
PAUSE ROUTINE LOAD FOR example_db.test1;
PAUSE ALL ROUTINE LOAD;
RESUME ROUTINE LOAD FOR test1;
RESUME ALL ROUTINE LOAD;
STOP ROUTINE LOAD FOR example_db.test1;

-- 9. SHOW ------------------------------------------------------------------------------
SHOW ROUTINE LOAD;
SHOW ALL ROUTINE LOAD;
SHOW ROUTINE LOAD FOR test1;
SHOW ALL ROUTINE LOAD FOR example_db.test1;
SHOW ROUTINE LOAD LIKE "test%";
SHOW ROUTINE LOAD TASK WHERE JobName = "test1";
SHOW ROUTINE LOAD TASK FROM example_db WHERE JobName = "test1";
SHOW ROUTINE LOAD TASK IN example_db LIKE "test%";
SHOW ROUTINE LOAD TASK;
SHOW CREATE ROUTINE LOAD FOR test1;
SHOW ALL CREATE ROUTINE LOAD FOR example_db.test1;
EXPLAIN CREATE ROUTINE LOAD explain_me ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2");

-- 10. Lexical forms ---------------------------------------------------------------------
/* a block /* nested */ comment */ create routine load lower_case on example_tbl from kafka ('kafka_broker_list' = 'k1:9092', 'kafka_topic' = 't');
# a mysql-client comment
CREATE ROUTINE LOAD test_escapes ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = 'it''s', "property.client.id" = "tab\there", "property.x" == "y");
CREATE ROUTINE LOAD test_neg ON example_tbl PROPERTIES ("max_error_number" = -1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD kafka_source_lower ON example_tbl FROM kafka ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD kinesis_job ON example_tbl FROM KINESIS ("kinesis_stream" = "s", "aws.region" = "us-east-1");

-- 11. Statements for sqlparser ------------------------------------------------------------
SELECT k1, count(*) FROM example_tbl GROUP BY k1;
INSERT INTO example_tbl VALUES (1, 'a', '2024-01-01', 1, 1.0, 1.5);
SET time_zone = 'UTC';
