-- The fixture catalog of the rule tests.
CREATE DATABASE db1;
CREATE DATABASE db2;
USE db1;
CREATE TABLE t_dup (k1 INT, k2 VARCHAR(20), v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1) BUCKETS 4;
CREATE TABLE t_random (k1 INT, v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM BUCKETS 4;
CREATE TABLE t_mow (k1 INT NOT NULL, v1 BIGINT, v2 STRING, seq BIGINT) UNIQUE KEY(k1)
  PARTITION BY RANGE(k1) (PARTITION p1 VALUES LESS THAN ("100"), PARTITION p2 VALUES LESS THAN MAXVALUE)
  DISTRIBUTED BY HASH(k1) BUCKETS 4
  PROPERTIES ("enable_unique_key_merge_on_write" = "true", "enable_unique_key_skip_bitmap_column" = "true");
CREATE TABLE t_noskip (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) PROPERTIES ("enable_unique_key_merge_on_write" = "true");
CREATE TABLE t_mor (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) PROPERTIES ("enable_unique_key_merge_on_write" = "false");
CREATE TABLE t_nolsc (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) PROPERTIES ("enable_unique_key_skip_bitmap_column" = "true", "light_schema_change" = "false");
CREATE TABLE t_variant (k1 INT, v VARIANT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) PROPERTIES ("enable_unique_key_skip_bitmap_column" = "true");
CREATE TABLE t_agg (k1 INT, v1 BIGINT SUM) AGGREGATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE EXTERNAL TABLE t_mysql (k1 INT) ENGINE = mysql PROPERTIES ("host" = "127.0.0.1");
CREATE TEMPORARY TABLE t_tmp (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM;
CREATE FILE "ca.pem" IN db1 PROPERTIES ("url" = "https://example.com/ca.pem", "catalog" = "kafka");
