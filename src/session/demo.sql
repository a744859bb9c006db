-- The demo catalog (the REPL, `--demo`, the rule examples): a `demo` database, current,
-- with tables that make the typical routine-load examples work as pasted.
CREATE DATABASE demo;
USE demo;

-- The table of the MSK IAM examples.
CREATE TABLE user_events (
    event_id BIGINT,
    user_id BIGINT,
    event_type VARCHAR(50),
    event_time DATETIME
) DUPLICATE KEY(event_id)
DISTRIBUTED BY HASH(event_id) BUCKETS 10;

-- Doris's documentation examples.
CREATE TABLE example_tbl (
    k1 INT,
    k2 VARCHAR(64),
    k3 DATE,
    v1 BIGINT,
    v2 DOUBLE,
    v3 DECIMAL(27, 9)
) DUPLICATE KEY(k1, k2)
DISTRIBUTED BY HASH(k1) BUCKETS 10;

CREATE TABLE table1 (
    category VARCHAR(64),
    author VARCHAR(64),
    price DOUBLE,
    timestamp BIGINT,
    dt INT
) DUPLICATE KEY(category)
DISTRIBUTED BY RANDOM BUCKETS 4;

-- A unique merge-on-write table for MERGE, DELETE and partial updates (fixed and
-- flexible).
CREATE TABLE orders (
    order_id BIGINT NOT NULL,
    customer_id BIGINT,
    status VARCHAR(20),
    amount DECIMAL(18, 2),
    updated_at DATETIME,
    seq BIGINT
) UNIQUE KEY(order_id)
PARTITION BY RANGE(order_id) (
    PARTITION p1 VALUES LESS THAN ("1000000"),
    PARTITION p2 VALUES LESS THAN MAXVALUE
)
DISTRIBUTED BY HASH(order_id) BUCKETS 8
PROPERTIES (
    "enable_unique_key_merge_on_write" = "true",
    "enable_unique_key_skip_bitmap_column" = "true"
);

-- An aggregate table.
CREATE TABLE site_pv (
    site_id INT,
    dt DATE,
    pv BIGINT SUM DEFAULT "0",
    uv BITMAP BITMAP_UNION
) AGGREGATE KEY(site_id, dt)
DISTRIBUTED BY HASH(site_id) BUCKETS 4;

-- A randomly distributed table for load_to_single_tablet.
CREATE TABLE logs (
    ts DATETIME,
    level VARCHAR(8),
    msg STRING
) DUPLICATE KEY(ts)
DISTRIBUTED BY RANDOM BUCKETS 8;

-- The tables the rule examples use (`rlfe explain CODE` runs them on this catalog),
-- each named after what it shows.
CREATE TABLE example_random (k1 INT, v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM BUCKETS 4;
CREATE TABLE example_mow (k1 INT NOT NULL, v1 BIGINT, v2 STRING, seq BIGINT) UNIQUE KEY(k1)
  PARTITION BY RANGE(k1) (PARTITION p1 VALUES LESS THAN ("100"), PARTITION p2 VALUES LESS THAN MAXVALUE)
  DISTRIBUTED BY HASH(k1) BUCKETS 4
  PROPERTIES ("enable_unique_key_merge_on_write" = "true", "enable_unique_key_skip_bitmap_column" = "true");
CREATE TABLE example_noskip (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1)
  PROPERTIES ("enable_unique_key_merge_on_write" = "true");
CREATE TABLE example_mor (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1)
  PROPERTIES ("enable_unique_key_merge_on_write" = "false");
CREATE TABLE example_nolsc (k1 INT, v1 BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1)
  PROPERTIES ("enable_unique_key_skip_bitmap_column" = "true", "light_schema_change" = "false");
CREATE TABLE example_variant (k1 INT, v VARIANT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1)
  PROPERTIES ("enable_unique_key_skip_bitmap_column" = "true");
CREATE TABLE example_agg (k1 INT, v1 BIGINT SUM) AGGREGATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE EXTERNAL TABLE example_mysql (k1 INT) ENGINE = mysql PROPERTIES ("host" = "127.0.0.1");
CREATE TEMPORARY TABLE example_tmp (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY RANDOM;
CREATE FILE "ca.pem" IN demo PROPERTIES ("url" = "https://example.com/ca.pem", "catalog" = "kafka");
CREATE DATABASE demo2;
