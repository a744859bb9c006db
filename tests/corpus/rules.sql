-- Doris analysis rules: each case trips one rule, or passes it. The last statement of
-- a case is the one checked. Fixture: tests/corpus/catalog.sql (current database db1).

-- case: P2-trip expect P2 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "1", "max_error_number" = "2") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: P2-secret-masked expect P2 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.sasl.password" = "first-secret", "property.sasl.password" = "second-secret");
-- case: P2-pass expect P2 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: P3-trip expect P3 error
CREATE ROUTINE LOAD j ON t_dup FROM PULSAR ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: P3-pass-lower-case expect P3 none
CREATE ROUTINE LOAD j ON t_dup FROM kafka ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: P3-kinesis-in-4.1 expect P3 error
CREATE ROUTINE LOAD j ON t_dup FROM KINESIS ("kinesis_stream" = "s", "aws.region" = "us-east-1");
-- case: N1-trip-no-db expect N1 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N1-pass-qualified expect N1 none
CREATE ROUTINE LOAD db1.j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N2-trip expect N2 error
CREATE ROUTINE LOAD `` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N3-trip expect N3 error
CREATE ROUTINE LOAD `job.name` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N3-pass-hyphen expect N3 none
CREATE ROUTINE LOAD `job-1` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N4-trip expect N4 error
CREATE ROUTINE LOAD nodb.j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N5-trip-digit-first expect N5 error
CREATE ROUTINE LOAD `1job` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N5-after-table-checks expect T3 error
CREATE ROUTINE LOAD `1job` ON no_such_table FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: N5-colon expect N5 error
CREATE ROUTINE LOAD `a:b` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T1-trip expect T1 error
CREATE ROUTINE LOAD j PROPERTIES ("partial_columns" = "true", "format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T1-pass expect T1 none
CREATE ROUTINE LOAD j PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T3-trip expect T3 error
CREATE ROUTINE LOAD j ON t_dupp FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T4-trip expect T4 error
CREATE ROUTINE LOAD j ON t_dup WITH MERGE DELETE ON k1 = 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T4-pass expect T4 none
CREATE ROUTINE LOAD j ON t_mow WITH DELETE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T6-trip expect T6 error
CREATE ROUTINE LOAD j ON t_mor PROPERTIES ("partial_columns" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: T6-pass expect T6 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("partial_columns" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F1a-not-mow expect F1 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F1b-no-skip-bitmap expect F1 error
CREATE ROUTINE LOAD j ON t_noskip PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F1c-light-schema-change expect F1 error
CREATE ROUTINE LOAD j ON t_nolsc PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F1d-variant expect F1 error
CREATE ROUTINE LOAD j ON t_variant PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F2-csv expect F2 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F3-fuzzy expect F3 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "fuzzy_parse" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F4-jsonpaths expect F4 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "jsonpaths" = "[\"$.k1\"]") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F5-columns expect F5 error
CREATE ROUTINE LOAD j ON t_mow COLUMNS(k1, v1) PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F6-where expect F6 error
CREATE ROUTINE LOAD j ON t_mow WHERE k1 > 0 PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F7-with-append expect F7 error
CREATE ROUTINE LOAD j ON t_mow WITH APPEND PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F8-order-by expect F8 error
CREATE ROUTINE LOAD j ON t_mow ORDER BY seq PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: F-pass expect F1 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "update_flexible_columns") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L1-empty expect L1 error
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L1-hex-empty expect L1 error
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "\x" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L1-hex-format expect L1 error
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "\xZZ" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L1-hex-length expect L1 error
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "\x012" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L1-pass-hex expect L1 none
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "\x01\x02" FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L2-columns-multi-table expect L2 error
CREATE ROUTINE LOAD j COLUMNS(k1, v1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L3-where-multi-table expect L3 error
CREATE ROUTINE LOAD j WHERE k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L4-preceding-multi-table expect L4 error
CREATE ROUTINE LOAD j PRECEDING FILTER k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L-pass-multi-table-separator expect L2 none
CREATE ROUTINE LOAD j COLUMNS TERMINATED BY "|", PARTITION(p1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L5-repeat-where expect L5 error
CREATE ROUTINE LOAD j ON t_dup WHERE k1 > 1, WHERE k1 < 9 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: L5-repeat-columns expect L5 error
CREATE ROUTINE LOAD j ON t_dup COLUMNS(k1), COLUMNS(k2) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J0-trip expect J0 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurent_number" = "3") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J0-documented-key expect J0 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("skip_header_lines" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J0-kafka-key-in-properties expect J0 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("kafka_topic" = "t") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J0-before-values expect J0 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "-1", "bogus" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J1-trip expect J1 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurrent_number" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J1-not-a-number expect J1 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurrent_number" = " 5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J1-wraps-32-bits expect Q6 warning
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurrent_number" = "4294967297") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J1-pass-plus-sign expect J1 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurrent_number" = "+5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J2-trip expect J2 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "-1") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J2-empty-means-default expect Q6 warning
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J3-trip expect J3 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_filter_ratio" = "1.5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J3-nan expect J3 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_filter_ratio" = "NaN") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J3-pass-java-double expect J3 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_filter_ratio" = "5e-1d") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J4-trip expect J4 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_interval" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J5-trip expect J5 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_rows" = "199999") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J5-pass-200000 expect J5 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_rows" = "200000") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J6-trip expect J6 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_size" = "104857599") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J6-pass expect J6 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_size" = "10737418240") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J7-Q4-boolean-yes expect Q4 warning
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("strict_mode" = "yes") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J8-trip expect J8 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("exec_mem_limit" = "-5") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J8-pass-zero expect J8 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("exec_mem_limit" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J9-trip expect J9 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("send_batch_parallelism" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J11-trip expect J11 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("workload_group" = "etl") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J11-pass-normal expect J11 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("workload_group" = "normal") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J12-trip-offset expect J12 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("timezone" = "+15:00") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J12-trip-case expect J12 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("timezone" = "utc") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J12-trip-region expect J12 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("timezone" = "Mars/Base") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J12-pass-normalised expect J12 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("timezone" = "8:00") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW CREATE ROUTINE LOAD FOR j;
-- case: J13-trip expect J13 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("unique_key_update_mode" = "PARTIAL") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J14-without-partial expect J14 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("partial_update_new_key_behavior" = "ERROR") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J14-bad-value expect J14 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("partial_columns" = "true", "partial_update_new_key_behavior" = "ignore") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J14-pass expect J14 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("partial_columns" = "true", "partial_update_new_key_behavior" = "error") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J15-trip expect J15 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "xml") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J15-empty expect J15 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J16-enclose expect J16 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("enclose" = "ab") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J16-escape expect J16 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("escape" = "\\\\") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: J16-Q25-non-ascii expect Q25 warning
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("enclose" = "é") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: Q24-json-ignores-separator expect Q24 warning
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY "," PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: K1-trip expect K1 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_default_offset" = "OFFSET_BEGINNING");
-- case: K1-foreign-key expect K1 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("properties.bootstrap.servers" = "k1:9092", "kafka_topic" = "t");
-- case: K2-trip expect K2 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_topic" = "t");
-- case: K2-blank expect K2 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "  ", "kafka_topic" = "t");
-- case: K3-trailing-colon expect K3 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:", "kafka_topic" = "t");
-- case: K3-inner-empty expect K3 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,,k2:9092", "kafka_topic" = "t");
-- case: K3-pass-trailing-comma expect Q41 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,", "kafka_topic" = "t");
-- case: K4-trip expect K4 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092");
-- case: K4-Q42-spaces expect Q42 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "my topic");
-- case: K5-trip expect K5 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property." = "x");
-- case: K5-Q40-dot-key expect Q40 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property..x" = "y");
-- case: K13-trip expect K13 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,a", "kafka_offsets" = "1,2");
-- case: K13-Q43-negative expect Q43 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "-1");
-- case: K13-Q26-repeated expect Q26 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,0");
-- case: K6-trip expect K6 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "kafka_default_offsets" = "OFFSET_END");
-- case: K6-Q2-bare-default expect Q2 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_default_offsets" = "OFFSET_BEGINNING");
-- case: K6-Q3-both expect Q3 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "property.kafka_default_offsets" = "junk");
-- case: K7-trip expect K7 error
CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_table_name_format" = "JSON");
-- case: K7-pass expect K7 none
CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_table_name_format" = "text");
-- case: K9-trip expect K9 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "1");
-- case: K10-trip expect K10 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "2024-01-01 00:00:00,5");
-- case: K11-trip expect K11 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "-5");
-- case: K11-Q27-overflow expect Q27 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "99999999999999999999");
-- case: K11-pass-mixed-case expect K11 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1,2", "kafka_offsets" = "offset_beginning,OFFSET_END,7");
-- case: K12-trip expect K12 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "12");
-- case: K12-pass-datetime expect K12 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("timezone" = "UTC") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.kafka_default_offsets" = "2024-02-30 00:00:00");
SHOW ROUTINE LOAD FOR j;
-- case: M1-trip expect M1 error
CREATE ROUTINE LOAD j ON t_mow DELETE ON k1 = 1 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: M2-trip expect M2 error
CREATE ROUTINE LOAD j ON t_mow WITH MERGE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: M-pass expect M2 none
CREATE ROUTINE LOAD j ON t_mow WITH MERGE DELETE ON v1 < 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C1-trip expect C1 error
CREATE ROUTINE LOAD j ON t_mysql FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-temporary-table expect C2 error
CREATE ROUTINE LOAD j ON t_tmp PARTITION(p1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-Q18-temporary-without-partition expect Q18 warning
CREATE ROUTINE LOAD j ON t_tmp FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-missing-partition expect C2 error
CREATE ROUTINE LOAD j ON t_mow PARTITION(p1, p9) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-temporary-partition expect C2 error
CREATE ROUTINE LOAD j ON t_mow TEMPORARY PARTITION(p1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-Q33-star expect C2 error
CREATE ROUTINE LOAD j ON t_mow PARTITION(*) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C2-pass-case-insensitive expect C2 none
CREATE ROUTINE LOAD j ON t_mow PARTITION(P1) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C3-trip expect C3 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("load_to_single_tablet" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C3-pass-random expect C3 none
CREATE ROUTINE LOAD j ON t_random PROPERTIES ("load_to_single_tablet" = "true") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C4-trip expect C4 error
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "parquet") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C5-no-files-in-db expect C5 error
CREATE TABLE db2.t_dup (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE ROUTINE LOAD db2.j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:ca.pem");
-- case: C5-missing-file expect C5 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:client.pem");
-- case: C5-pass expect C5 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.ssl.ca.location" = "FILE:ca.pem");
-- case: C6-explicit-partitions expect C6 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1");
-- case: C7-trip expect C7 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C7-pass-after-stop expect C7 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: COLUMN-unknown expect COLUMN warning
CREATE ROUTINE LOAD j ON t_dup COLUMNS(k1, k2, tmp, v1 = tmp * 2), WHERE k3 > 0 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: A1-no-db expect N1 error
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "1");
-- case: A2-name-format expect A2 error
ALTER ROUTINE LOAD FOR `1job` PROPERTIES ("max_error_number" = "1");
-- case: A4-not-alterable expect J0 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("format" = "json");
-- case: A4-alter-text expect J1 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("desired_concurrent_number" = "0");
-- case: A4-Q45-empty-integer expect Q45 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "");
-- case: A4-Q44-enclose-unchecked expect Q44 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("enclose" = "ab");
-- case: A5-no-job expect A5 error
ALTER ROUTINE LOAD FOR ghost PROPERTIES ("max_error_number" = "1");
-- case: A6-repeat expect L5 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j WHERE k1 > 1, WHERE k1 > 2;
-- case: A6-delete-on-append-accepted expect M1 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j DELETE ON k1 = 1;
-- case: A6-flexible-delete-on expect A6 error
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j DELETE ON k1 = 1;
-- case: A7-kafka-rules expect K3 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_broker_list" = "k1:");
-- case: A7-Q35-source-type expect Q35 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM PULSAR ("property.client.id" = "c");
-- case: A7-K8 expect K8 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "0");
-- case: A7-Q21-iam-keys-only expect MSK-05 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("aws.role_arn" = "arn:aws:iam::123456789012:role/R");
-- case: A8-multi-table expect A8 error
CREATE ROUTINE LOAD j FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ON t_dup;
-- case: A8-unknown-table expect A8 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ON nowhere;
-- case: A8-pass expect A8 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ON t_random;
SHOW ROUTINE LOAD FOR j;
-- case: A9-partial-not-mow expect A9 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("partial_columns" = "true");
-- case: A9b-flexible-needs-json expect F2 error
CREATE ROUTINE LOAD j ON t_mow FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS");
-- case: A10-nothing expect A10 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j;
-- case: A11-not-paused expect A11 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
ALTER ROUTINE LOAD FOR j PROPERTIES ("max_error_number" = "5");
-- case: A12-unconsumed-partition expect A12 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "0,0");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "2", "kafka_offsets" = "5");
-- case: A12-unknown-progress expect A12 warning
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "2", "kafka_offsets" = "5");
-- case: A-pass-alter-and-show expect A11 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "0,0");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j COLUMNS(k1, k2, v1 = k1 * 10) PROPERTIES ("desired_concurrent_number" = "2") FROM KAFKA ("kafka_partitions" = "1", "kafka_offsets" = "42", "property.group.id" = "g2");
SHOW CREATE ROUTINE LOAD FOR j;
-- case: S1-no-db expect N1 error
PAUSE ROUTINE LOAD FOR j;
-- case: S3-unknown-job expect S3 error
PAUSE ROUTINE LOAD FOR ghost;
-- case: S4-all-unknown-db expect S4 error
USE db2;
DROP DATABASE db2;
PAUSE ALL ROUTINE LOAD;
-- case: S-pause-all expect S5 none
CREATE ROUTINE LOAD j1 ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD j2 ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j1;
PAUSE ALL ROUTINE LOAD;
SHOW ROUTINE LOAD;
-- case: S5-already-paused expect S5 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
PAUSE ROUTINE LOAD FOR j;
PAUSE ROUTINE LOAD FOR j;
-- case: S-pass-resume-running expect S5 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
RESUME ROUTINE LOAD FOR j;
-- case: S-stop-is-final expect S3 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
RESUME ROUTINE LOAD FOR j;
-- case: W3-no-job expect W3 error
SHOW ROUTINE LOAD FOR ghost;
-- case: W3-pass-history expect W3 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
SHOW ALL ROUTINE LOAD FOR j;
-- case: W4-no-db expect W4 error
SHOW ROUTINE LOAD TASK WHERE JobName = "j";
-- case: W5-no-where expect W5 error
SHOW ROUTINE LOAD TASK;
-- case: W6-bad-where expect W6 error
SHOW ROUTINE LOAD TASK WHERE JobName LIKE "j%";
-- case: W7-stopped expect W7 error
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
STOP ROUTINE LOAD FOR j;
SHOW ROUTINE LOAD TASK WHERE jobname = 'j';
-- case: W-pass-task expect W7 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK WHERE JobName = "j";
-- case: Q16-from-db-ignored-by-doris expect Q16 warning
CREATE TABLE db2.t2 (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE ROUTINE LOAD db1.j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD db2.j ON t2 FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
SHOW ROUTINE LOAD TASK FROM db2 WHERE JobName = "j";
-- case: C8-job-limit expect C8 error
CREATE ROUTINE LOAD j1 ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
CREATE ROUTINE LOAD j2 ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: C8-pass-boundary expect C8 none
CREATE ROUTINE LOAD j1 ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");

-- Passing cases: the statement just passes the rule.
-- case: N2-pass expect N2 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: N4-pass expect N4 none
CREATE TABLE db2.t_dup2 (k1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
CREATE ROUTINE LOAD db2.j ON t_dup2 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: N5-pass expect N5 none
CREATE ROUTINE LOAD `Job-1_a` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: T3-pass expect T3 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F2-pass expect F2 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "JSON", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F3-pass expect F3 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "fuzzy_parse" = "false") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F4-pass expect F4 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS", "jsonpaths" = "") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F5-pass expect F5 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F6-pass expect F6 none
CREATE ROUTINE LOAD j ON t_mow PRECEDING FILTER k1 > 0 PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FLEXIBLE_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F7-pass expect F7 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("format" = "json", "unique_key_update_mode" = "UPDATE_FIXED_COLUMNS") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: F8-pass expect F8 none
CREATE ROUTINE LOAD j ON t_mow ORDER BY seq FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: L3-pass expect L3 none
CREATE ROUTINE LOAD j ON t_dup WHERE k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: L4-pass expect L4 none
CREATE ROUTINE LOAD j ON t_dup PRECEDING FILTER k1 > 1 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: L5-pass expect L5 none
CREATE ROUTINE LOAD j ON t_dup COLUMNS TERMINATED BY ",", COLUMNS(k1, k2, v1), WHERE k1 > 1, PRECEDING FILTER k1 > 0 FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J0-pass expect J0 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("desired_concurrent_number" = "1", "max_error_number" = "5", "max_filter_ratio" = "0.2", "strict_mode" = "true", "timezone" = "UTC", "workload_group" = "normal") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J2-pass expect J2 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_error_number" = "0") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J4-pass expect J4 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("max_batch_interval" = "1") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J9-pass expect J9 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("send_batch_parallelism" = "4") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J13-pass expect J13 none
CREATE ROUTINE LOAD j ON t_mow PROPERTIES ("unique_key_update_mode" = "upsert") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J15-pass expect J15 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "CSV_WITH_NAMES_AND_TYPES") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: J16-pass expect J16 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("enclose" = "\"", "escape" = "|") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: K1-pass expect K1 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.client.id" = "c", "aws.region" = "us-east-1", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER");
-- case: K2-pass expect K2 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: K3-pass expect K3 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "http://127.0.0.1:8080, broker1,10.0.0.1:9092", "kafka_topic" = "t");
-- case: K4-pass expect K4 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: K5-pass expect K5 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.a.b" = "c");
-- case: K6-pass expect K6 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "kafka_offsets" = "1", "kafka_default_offsets" = " ");
-- case: K9-pass expect K9 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: K10-pass expect K10 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "2024-01-01 00:00:00,2024-01-02 00:00:00");
-- case: K13-pass expect K13 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = " 0, +1 ,2");
-- case: K8-pass expect K8 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "0", "kafka_offsets" = "OFFSET_END");
-- case: C1-pass expect C1 none
CREATE ROUTINE LOAD j ON t_random FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: C4-pass expect C4 none
CREATE ROUTINE LOAD j ON t_dup PROPERTIES ("format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
-- case: C6-pass expect C6 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");
-- case: A2-pass expect A2 none
CREATE ROUTINE LOAD `job-2` ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR `job-2`;
ALTER ROUTINE LOAD FOR `job-2` PROPERTIES ("max_error_number" = "1");
-- case: A5-pass expect A5 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR db1.j PROPERTIES ("max_error_number" = "1");
-- case: A9-pass expect A9 none
CREATE ROUTINE LOAD j ON t_mow FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j PROPERTIES ("partial_columns" = "true");
-- case: A10-pass expect A10 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j ORDER BY v1;
-- case: A12-pass expect A12 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR j;
ALTER ROUTINE LOAD FOR j FROM KAFKA ("kafka_partitions" = "1", "kafka_offsets" = "99");
-- case: S3-pass expect S3 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
PAUSE ROUTINE LOAD FOR db1.j;
-- case: S4-pass expect S4 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
RESUME ALL ROUTINE LOAD;
-- case: W4-pass expect W4 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
SHOW ROUTINE LOAD TASK FROM db1 WHERE JobName = "j";
-- case: W5-pass expect W5 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
SHOW ROUTINE LOAD TASK WHERE JobName = "j";
-- case: W6-pass expect W6 none
CREATE ROUTINE LOAD j ON t_dup FROM KAFKA ("kafka_broker_list" = "k1:9092,k2:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "kafka_offsets" = "OFFSET_BEGINNING,10");
SHOW ROUTINE LOAD TASK WHERE jobname = 'j';
