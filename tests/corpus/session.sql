-- A scripted session: catalog, jobs through their life cycle, errors on the way.
CREATE DATABASE example_db;
USE example_db;
CREATE TABLE example_tbl (k1 INT, k2 VARCHAR(64), v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1) BUCKETS 4;
CREATE TABLE orders (order_id BIGINT, status VARCHAR(20), seq BIGINT) UNIQUE KEY(order_id) DISTRIBUTED BY HASH(order_id);
CREATE FILE "ca.pem" PROPERTIES ("url" = "https://example.com/ca.pem", "catalog" = "kafka");
CREATE ROUTINE LOAD csv_job ON example_tbl
COLUMNS TERMINATED BY ",",
COLUMNS(k1, k2, v1)
PROPERTIES ("desired_concurrent_number" = "2", "max_error_number" = "10")
FROM KAFKA ("kafka_broker_list" = "broker1:9092,broker2:9092", "kafka_topic" = "events", "kafka_partitions" = "0,1,2", "kafka_offsets" = "OFFSET_BEGINNING,100,OFFSET_END");
CREATE ROUTINE LOAD csv_job ON example_tbl FROM KAFKA ("kafka_broker_list" = "broker1:9092", "kafka_topic" = "events");
CREATE ROUTINE LOAD merge_job ON orders WITH MERGE COLUMNS(order_id, status, seq), DELETE ON status = "deleted", ORDER BY seq
PROPERTIES ("format" = "json")
FROM KAFKA ("kafka_broker_list" = "broker1:9093", "kafka_topic" = "orders", "property.security.protocol" = "SSL", "property.ssl.ca.location" = "FILE:ca.pem");
ALTER ROUTINE LOAD FOR csv_job PROPERTIES ("max_error_number" = "20");
PAUSE ROUTINE LOAD FOR csv_job;
ALTER ROUTINE LOAD FOR csv_job PROPERTIES ("max_error_number" = "20") FROM KAFKA ("kafka_partitions" = "1", "kafka_offsets" = "500");
SHOW ROUTINE LOAD FOR csv_job;
RESUME ROUTINE LOAD FOR csv_job;
SHOW ROUTINE LOAD TASK WHERE JobName = "csv_job";
STOP ROUTINE LOAD FOR csv_job;
SHOW ROUTINE LOAD;
SHOW ALL ROUTINE LOAD LIKE "csv%";
SHOW CREATE ROUTINE LOAD FOR merge_job;
PAUSE ROUTINE LOAD FOR csv_job;
SHOW FILE;
SELECT 1;
