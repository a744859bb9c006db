-- case: missing_from
CREATE ROUTINE LOAD j ON t PROPERTIES ("desired_concurrent_number" = "1");
-- case: missing_closing_paren
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_broker_list" = "b:9092", "kafka_topic" = "t"
-- case: missing_comma_between_properties
CREATE ROUTINE LOAD j ON t FROM KAFKA (
    "kafka_broker_list" = "b:9092"
    "kafka_topic" = "t"
);
-- case: comma_before_properties
CREATE ROUTINE LOAD j ON t COLUMNS(k1, k2), PROPERTIES ("format" = "csv") FROM KAFKA ("kafka_topic" = "t");
-- case: comma_before_from
CREATE ROUTINE LOAD j ON t WHERE k1 > 1, FROM KAFKA ("kafka_topic" = "t");
-- case: comma_between_properties_and_from
CREATE ROUTINE LOAD j ON t PROPERTIES ("format" = "csv"), FROM KAFKA ("kafka_topic" = "t");
-- case: unterminated_string
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_topic" = "t);
-- case: on_db_dot_table
CREATE ROUTINE LOAD j ON example_db.example_tbl FROM KAFKA ("kafka_topic" = "t");
-- case: empty_from_kafka
CREATE ROUTINE LOAD j ON t FROM KAFKA ();
-- case: empty_properties
CREATE ROUTINE LOAD j ON t PROPERTIES () FROM KAFKA ("kafka_topic" = "t");
-- case: three_part_name
CREATE ROUTINE LOAD internal.example_db.j ON t FROM KAFKA ("kafka_topic" = "t");
-- case: unknown_statement_keyword
CRATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_topic" = "t");
-- case: unknown_statement_word
FROBNICATE everything;
-- case: property_without_equals
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_broker_list" "b:9092");
-- case: trailing_comma_in_list
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_topic" = "t",);
-- case: missing_comma_between_load_properties
CREATE ROUTINE LOAD j ON t COLUMNS(k1, k2) WHERE k1 > 1 FROM KAFKA ("kafka_topic" = "t");
-- case: bad_merge_type
CREATE ROUTINE LOAD j ON t WITH UPSERT FROM KAFKA ("kafka_topic" = "t");
-- case: lines_terminated_by
CREATE ROUTINE LOAD j ON t LINES TERMINATED BY "\n" FROM KAFKA ("kafka_topic" = "t");
-- case: pause_for_all
PAUSE ROUTINE LOAD FOR ALL;
-- case: stop_all
STOP ALL ROUTINE LOAD;
-- case: hyphenated_job_name
CREATE ROUTINE LOAD job-abc ON t FROM KAFKA ("kafka_topic" = "t");
-- case: hyphen_digit_job_name
CREATE ROUTINE LOAD job-1 ON t FROM KAFKA ("kafka_topic" = "t");
-- case: reserved_word_job_name
CREATE ROUTINE LOAD order ON t FROM KAFKA ("kafka_topic" = "t");
-- case: properties_after_from
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_topic" = "t") PROPERTIES ("format" = "json");
-- case: comment_before_from
CREATE ROUTINE LOAD j ON t COMMENT "c" FROM KAFKA ("kafka_topic" = "t");
-- case: separator_not_a_string
CREATE ROUTINE LOAD j ON t COLUMNS TERMINATED BY 9 FROM KAFKA ("kafka_topic" = "t");
-- case: unterminated_comment
CREATE ROUTINE LOAD j ON t /* no end FROM KAFKA ("kafka_topic" = "t");
-- case: empty_columns
CREATE ROUTINE LOAD j ON t COLUMNS() FROM KAFKA ("kafka_topic" = "t");
-- case: where_without_expression
CREATE ROUTINE LOAD j ON t WHERE FROM KAFKA ("kafka_topic" = "t");
-- case: broken_expression
CREATE ROUTINE LOAD j ON t WHERE k1 > > 2 FROM KAFKA ("kafka_topic" = "t");
-- case: alter_on_with_properties
ALTER ROUTINE LOAD FOR j ON t2 PROPERTIES ("desired_concurrent_number" = "1");
-- case: alter_with_merge_type
ALTER ROUTINE LOAD FOR j WITH MERGE PROPERTIES ("desired_concurrent_number" = "1");
-- case: show_for_without_name
SHOW ROUTINE LOAD FOR;
-- case: create_table_unknown_type
CREATE TABLE t (k1 INTEGR, v1 STRING) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1);
-- case: create_table_unclosed_columns
CREATE TABLE t (k1 INT, v1 STRING DUPLICATE KEY(k1);
-- case: missing_load_keyword
CREATE ROUTINE j ON t FROM KAFKA ("kafka_topic" = "t");
-- case: from_without_source_type
CREATE ROUTINE LOAD j ON t FROM ("kafka_topic" = "t");
-- case: unterminated_backquote
CREATE ROUTINE LOAD `j ON t FROM KAFKA ("kafka_topic" = "t");
-- case: value_missing
CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_topic" = );
-- case: pause_without_for
PAUSE ROUTINE LOAD j;
-- case: with_after_load_property
CREATE ROUTINE LOAD j ON t COLUMNS(a) WITH MERGE FROM KAFKA ("kafka_topic" = "t");
