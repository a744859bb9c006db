//! Doris 4.1 and Doris master side by side: the version switch, FROM KINESIS (checks,
//! SHOW, ALTER, plans, Thrift), SET TARGET TABLE, the new properties and SHOW forms.

mod common;

use routine_load_fe::diagnostics::rules::{self, DorisVersion, RuleKind};
use routine_load_fe::plan::thrift::{decode_tasks, encode_tasks, Protocol};
use routine_load_fe::plan::Plan;
use routine_load_fe::session::{
    examples, DeterministicIds, Session, SessionOptions, StatementResult,
};

fn session(version: DorisVersion) -> Session {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        doris_version: version,
        ..SessionOptions::default()
    });
    s.load_demo().unwrap();
    s
}

fn run(version: DorisVersion, sql: &str) -> Vec<StatementResult> {
    session(version).execute_sql(sql)
}

/// The first error of the last statement: code and message.
fn verdict(results: &[StatementResult]) -> Option<(String, String)> {
    results
        .last()
        .and_then(|r| r.first_error())
        .map(|d| (d.code().to_string(), d.message.to_string()))
}

fn codes(r: &StatementResult) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code()).collect()
}

fn kinesis_plans() -> Vec<Plan> {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        doris_version: DorisVersion::Master,
        ..SessionOptions::default()
    });
    s.execute_sql(&common::read("tests/corpus/kinesis.sql"))
        .into_iter()
        .filter(|r| r.kind == routine_load_fe::StatementKind::CreateRoutineLoad)
        .map(|r| {
            assert!(r.ok, "{}: {:?}", r.sql, r.first_error());
            *r.plan.expect("an accepted CREATE has a plan")
        })
        .collect()
}

#[test]
fn kinesis_plan_corpus_snapshots() {
    let plans = kinesis_plans();
    assert_eq!(plans.len(), 11);
    for p in &plans {
        let json = serde_json::to_string_pretty(&p.to_json(false)).unwrap();
        common::with_snapshots(|| insta::assert_snapshot!(format!("plan_{}", p.job.name), json));
    }
}

#[test]
fn kinesis_shards_are_divided_as_doris_divides_partitions() {
    let plans = kinesis_plans();
    let division = |job: &str| -> Vec<Vec<String>> {
        let p = plans.iter().find(|p| p.job.name == job).unwrap();
        p.tasks
            .iter()
            .map(|t| {
                let k = t.kinesis_load_info.as_ref().unwrap();
                assert_eq!(t.load_source_type, 3, "TLoadSourceType.KINESIS");
                assert!(t.kafka_load_info.is_none());
                k.shard_begin_sequence_number
                    .iter()
                    .map(|(s, p)| format!("{}={p}", &s[s.len() - 1..]))
                    .collect()
            })
            .collect()
    };
    assert_eq!(division("kin_discovered"), Vec::<Vec<String>>::new());
    assert_eq!(division("kin_div_1"), vec![vec!["0=TRIM_HORIZON"]]);
    // Positions are trimmed and kept as written; task i takes shards i, i+n, …
    assert_eq!(
        division("kin_div_3_2"),
        vec![
            vec![
                "0=TRIM_HORIZON".to_string(),
                "2=49590338271490256608559692538361571095921575989136588898".to_string()
            ],
            vec!["1=latest".to_string()]
        ]
    );
    assert_eq!(division("kin_div_5_8").len(), 5);
    // Without positions each shard takes the default's raw text, LATEST when none.
    assert_eq!(division("kin_default_latest"), vec![vec!["7=LATEST"]]);
    let discovered = plans
        .iter()
        .find(|p| p.job.name == "kin_discovered")
        .unwrap();
    assert!(discovered.notes.iter().any(|n| n
        .message
        .contains("shards of stream 'orders' are discovered")));
}

#[test]
fn kinesis_tasks_round_trip_through_thrift_with_secrets_only_on_the_wire() {
    let plans = kinesis_plans();
    let p = plans
        .iter()
        .find(|p| p.job.name == "kin_static_keys")
        .unwrap();
    for protocol in [Protocol::Binary, Protocol::Compact] {
        let bytes = encode_tasks(&p.tasks, protocol).unwrap();
        let back = decode_tasks(&bytes, protocol).unwrap();
        assert_eq!(back, p.tasks);
        let info = back[0].kinesis_load_info.as_ref().unwrap();
        let props = info.properties.as_ref().unwrap();
        assert_eq!(
            props.get("aws.secret_key").map(String::as_str),
            Some("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        );
        assert_eq!(
            props.get("kinesis_default_pos"),
            None,
            "positions given: no default"
        );
    }
    let json = p.to_json(false).to_string();
    let text = p.to_text(false);
    let debug = format!("{p:?}");
    for rendering in [&json, &text, &debug] {
        assert!(!rendering.contains("wJalrXUtnFEMI"), "{rendering}");
        assert!(!rendering.contains("AKIAIOSFODNN7EXAMPLE"));
        assert!(!rendering.contains("FwoGZXIvYXdzEXAMPLESESSION"));
    }
    assert!(p.to_json(true).to_string().contains("wJalrXUtnFEMI"));
    let sec = p.kinesis_security.as_ref().unwrap();
    assert!(sec.credentials.contains("temporary keys"));
}

#[test]
fn kinesis_policy_grants_the_read_actions_on_the_stream() {
    let plans = kinesis_plans();
    let p = plans.iter().find(|p| p.job.name == "kin_role").unwrap();
    let doc = p.kinesis_security.as_ref().unwrap().policy.document();
    let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let st = &v["Statement"][0];
    assert_eq!(
        st["Resource"],
        "arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/audit"
    );
    let actions: Vec<&str> = st["Action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for a in [
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:ListShards",
    ] {
        assert!(actions.contains(&a), "{a}");
    }
    assert_eq!(actions.len(), 5, "least privilege: nothing else");
    let notes = p
        .kinesis_security
        .as_ref()
        .unwrap()
        .policy
        .notes()
        .join("\n");
    assert!(notes.contains("sts:ExternalId"), "{notes}");
}

#[test]
fn kinesis_is_doris_4_1s_unknown_source_with_a_note() {
    let sql = r#"CREATE ROUTINE LOAD j ON example_tbl FROM kinesis ("aws.region" = "us-east-1", "kinesis_stream" = "s");"#;
    let r = run(DorisVersion::V4_1, sql);
    assert_eq!(
        verdict(&r),
        Some((
            "P3".into(),
            "Unknown routine load data source type: kinesis".into()
        ))
    );
    assert!(r[0]
        .diagnostics
        .iter()
        .any(|d| d.code() == "VERSION" && d.message.contains("Doris master accepts FROM KINESIS")));
    let r = run(DorisVersion::Master, sql);
    assert!(r[0].ok, "{:?}", r[0].first_error());
}

#[test]
fn kinesis_checks_in_doris_order_with_doris_texts() {
    let cases: &[(&str, &str, &str)] = &[
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "aws.external_id" = "x")"#, "KN1", "aws.external_id is invalid Kinesis property or cannot be set"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "kafka_topic" = "x")"#, "KN1", "kafka_topic is invalid Kinesis property or cannot be set"),
        (r#"("kinesis_stream" = "s", "aws.region" = "  ")"#, "KN2", "aws.region is a required property"),
        (r#"("aws.region" = " us-east-1a ", "kinesis_stream" = "s")"#, "KN3", "Invalid AWS region format: us-east-1a. Expected format like: us-east-1, eu-west-2, cn-north-1"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = " ")"#, "KN4", "kinesis_stream is a required property"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "property.aws.secret_key" = "x")"#, "KN5", "When property.aws.secret_key is set, property.aws.access_key must also be set"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "property.aws.external.id" = "x")"#, "KN6", "When property.aws.external.id is set, property.aws.role_arn must also be set"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "kinesis_shards_pos" = "LATEST")"#, "KN9", "Number of shards must equal number of positions"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "kinesis_shards" = "a", "kinesis_shards_pos" = "AT_TIMESTAMP")"#, "KN11", "kinesis_shards_pos must be TRIM_HORIZON, LATEST, or a valid sequence number. Got: AT_TIMESTAMP"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "property.kinesis_default_pos" = " LATEST")"#, "KN12", "property.kinesis_default_pos can only be set to TRIM_HORIZON, LATEST, or a valid sequence number. Got:  LATEST"),
        (r#"("aws.region" = "us-east-1", "kinesis_stream" = "s", "property.kinesis_default_pos" = "2026-01-01 00:00:00")"#, "KN12", "property.kinesis_default_pos can only be set to TRIM_HORIZON, LATEST, or a valid sequence number. Got: 2026-01-01 00:00:00"),
        // KN1 comes first, the region before the stream.
        (r#"("aws.kinesis_stream" = "s", "aws.region" = "EU")"#, "KN1", "aws.kinesis_stream is invalid Kinesis property or cannot be set"),
        (r#"("aws.region" = "EU")"#, "KN3", "Invalid AWS region format: EU. Expected format like: us-east-1, eu-west-2, cn-north-1"),
    ];
    for (list, code, message) in cases {
        let sql = format!("CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS {list};");
        let r = run(DorisVersion::Master, &sql);
        assert_eq!(
            verdict(&r),
            Some((code.to_string(), message.to_string())),
            "{sql}"
        );
    }
    // Kafka's checks of the table and job properties still come first (Doris's order).
    let r = run(
        DorisVersion::Master,
        r#"CREATE ROUTINE LOAD j ON nosuch FROM KINESIS ("aws.region" = "x");"#,
    );
    assert_eq!(verdict(&r).map(|v| v.0), Some("T3".into()));
    // Cloud mode refuses Kinesis.
    let mut s = session(DorisVersion::Master);
    s.options.config.cloud_mode = true;
    let r = s.execute_sql(r#"CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "s");"#);
    assert_eq!(
        verdict(&r),
        Some((
            "KC1".into(),
            "Kinesis routine load does not support cloud mode".into()
        ))
    );
}

#[test]
fn kinesis_show_and_show_create_mask_the_credentials_and_parse_back() {
    let mut s = session(DorisVersion::Master);
    let r = s.execute_sql(r#"CREATE ROUTINE LOAD kj ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "aws.endpoint" = "https://kinesis.us-east-1.amazonaws.com", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "TRIM_HORIZON", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
SHOW ROUTINE LOAD FOR kj;
SHOW CREATE ROUTINE LOAD FOR kj;"#);
    assert!(r.iter().all(|r| r.ok));
    let show = r[1].rows.as_ref().unwrap();
    assert_eq!(show.columns.len(), 24, "master adds FirstErrorMsg");
    assert_eq!(
        show.columns.last().map(String::as_str),
        Some("FirstErrorMsg")
    );
    let row = &show.rows[0];
    let col = |name: &str| &row[show.columns.iter().position(|c| c == name).unwrap()];
    assert_eq!(col("DataSourceType"), "KINESIS");
    let ds: serde_json::Value = serde_json::from_str(col("DataSourceProperties")).unwrap();
    assert_eq!(ds["region"], "us-east-1");
    assert_eq!(ds["stream"], "orders");
    assert_eq!(ds["openKinesisShards"], "");
    assert_eq!(
        col("Progress"),
        r#"{"shardId-000000000000":"TRIM_HORIZON"}"#
    );
    assert_eq!(col("Lag"), r#"{"shardId-000000000000":-1}"#);
    assert!(col("Statistic").contains(r#""maxMillisBehindLatest":-1"#));
    assert!(!col("CustomProperties").contains("wJalr"));
    let create = &r[2].rows.as_ref().unwrap().rows[0][2];
    assert!(create.contains("FROM KINESIS"), "{create}");
    assert!(
        create.contains(r#""kinesis_endpoint" = "https://kinesis.us-east-1.amazonaws.com""#),
        "{create}"
    );
    assert!(
        create.contains(r#""property.aws.secret_key" = "******""#),
        "{create}"
    );
    // SHOW CREATE parses and is accepted again (as a new job).
    let again = create.replace("CREATE ROUTINE LOAD kj", "CREATE ROUTINE LOAD kj2");
    let r = s.execute_sql(&again);
    assert!(r[0].ok, "{again}: {:?}", r[0].first_error());
    // 4.1 shows 23 columns.
    let r = run(DorisVersion::V4_1, "SHOW ROUTINE LOAD;");
    assert_eq!(r[0].rows.as_ref().unwrap().columns.len(), 23);
}

#[test]
fn kinesis_alter_merges_checks_shards_and_refuses_the_other_type() {
    let setup = r#"CREATE ROUTINE LOAD kj ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000,shardId-000000000001", "kinesis_shards_pos" = "TRIM_HORIZON,TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR kj;
"#;
    let alter = |tail: &str| run(DorisVersion::Master, &format!("{setup}{tail}"));
    let r = alter(r#"ALTER ROUTINE LOAD FOR kj FROM KAFKA ("kafka_topic" = "t");"#);
    assert_eq!(
        verdict(&r),
        Some(("KA1".into(), "The specified job type is not: KAFKA".into()))
    );
    let r = alter(
        r#"ALTER ROUTINE LOAD FOR kj FROM KINESIS ("kinesis_shards" = "shardId-000000000005", "kinesis_shards_pos" = "LATEST");"#,
    );
    assert_eq!(
        verdict(&r),
        Some((
            "KA5".into(),
            "The specified shard shardId-000000000005 is not in the consumed shards".into()
        ))
    );
    let r = alter(
        r#"ALTER ROUTINE LOAD FOR kj FROM KINESIS ("kinesis_shards" = "shardId-000000000001");"#,
    );
    assert_eq!(
        verdict(&r),
        Some((
            "KN8".into(),
            "Must set position or default position with shard property".into()
        ))
    );
    let r = alter(r#"ALTER ROUTINE LOAD FOR kj SET TARGET TABLE = "example_random";"#);
    assert_eq!(
        verdict(&r),
        Some((
            "ST2".into(),
            "ALTER ROUTINE LOAD SET TARGET TABLE only supports Kafka jobs".into()
        ))
    );
    // A stream change without shards clears the shard list; the region is replaced.
    let mut s = session(DorisVersion::Master);
    let r = s.execute_sql(&format!("{setup}ALTER ROUTINE LOAD FOR kj FROM KINESIS (\"kinesis_stream\" = \"orders2\", \"aws.region\" = \"eu-west-1\", \"property.kinesis_default_pos\" = \"TRIM_HORIZON\");\nSHOW ROUTINE LOAD FOR kj;"));
    assert!(r[2].ok, "{:?}", r[2].first_error());
    let show = r[3].rows.as_ref().unwrap();
    let row = &show.rows[0];
    let col = |name: &str| &row[show.columns.iter().position(|c| c == name).unwrap()];
    assert!(col("DataSourceProperties").contains(r#""stream":"orders2""#));
    assert!(col("DataSourceProperties").contains(r#""region":"eu-west-1""#));
    assert_eq!(col("Progress"), "{}");
    // An ALTER without a position resets a TRIM_HORIZON default to LATEST (Q51).
    let r = run(
        DorisVersion::Master,
        r#"CREATE ROUTINE LOAD kj ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "property.kinesis_default_pos" = "TRIM_HORIZON");
PAUSE ROUTINE LOAD FOR kj;
ALTER ROUTINE LOAD FOR kj FROM KINESIS ("aws.region" = "us-west-2");"#,
    );
    assert!(r[2].ok);
    assert!(codes(&r[2]).contains(&"Q51"));
}

#[test]
fn set_target_table_and_on_tbl_each_belong_to_one_version() {
    let setup = "CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\nPAUSE ROUTINE LOAD FOR j;\n";
    let set = format!("{setup}ALTER ROUTINE LOAD FOR j SET TARGET TABLE = \"example_random\";\nSHOW ROUTINE LOAD FOR j;");
    let on = format!("{setup}ALTER ROUTINE LOAD FOR j ON example_random;");
    let r = run(DorisVersion::V4_1, &set);
    assert_eq!(
        verdict(&r[..3]),
        Some(("P0".into(), "expected end of statement, found 'SET'".into()))
    );
    assert!(codes(&r[2]).contains(&"VERSION"));
    let r = run(DorisVersion::Master, &set);
    assert!(r[2].ok, "{:?}", r[2].first_error());
    let show = r[3].rows.as_ref().unwrap();
    assert_eq!(show.rows[0][6], "example_random");
    let r = run(DorisVersion::Master, &on);
    assert_eq!(
        verdict(&r),
        Some(("P0".into(), "expected end of statement, found 'ON'".into()))
    );
    assert!(codes(&r[2]).contains(&"VERSION"));
    assert!(run(DorisVersion::V4_1, &on)[2].ok);
    // The table is a string; the target's checks are A8's.
    let r = run(
        DorisVersion::Master,
        &format!("{setup}ALTER ROUTINE LOAD FOR j SET TARGET TABLE = \"nosuch\";"),
    );
    assert_eq!(
        verdict(&r),
        Some(("A8".into(), "Unknown table 'nosuch'".into()))
    );
    let r = run(
        DorisVersion::Master,
        &format!("{setup}ALTER ROUTINE LOAD FOR j SET TARGET TABLE = example_random;"),
    );
    assert_eq!(verdict(&r).map(|v| v.0), Some("P0".into()));
    let r = run(
        DorisVersion::Master,
        &format!(
            "{setup}ALTER ROUTINE LOAD FOR j SET TARGET TABLE = \"example_random\" COLUMNS(k1);"
        ),
    );
    assert_eq!(verdict(&r).map(|v| v.0), Some("P0".into()));
    // With properties and FROM KAFKA in one statement.
    let r = run(DorisVersion::Master, &format!("{setup}ALTER ROUTINE LOAD FOR j SET TARGET TABLE = \"example_random\" PROPERTIES (\"max_error_number\" = \"5\") FROM KAFKA (\"kafka_topic\" = \"t2\");"));
    assert!(r[2].ok, "{:?}", r[2].first_error());
    // A Kafka job refuses FROM KINESIS in master (and ignores the word in 4.1).
    let r = run(
        DorisVersion::Master,
        &format!("{setup}ALTER ROUTINE LOAD FOR j FROM KINESIS (\"kafka_topic\" = \"t2\");"),
    );
    assert_eq!(
        verdict(&r),
        Some((
            "KA1".into(),
            "The specified job type is not: KINESIS".into()
        ))
    );
}

#[test]
fn master_properties_and_show_forms() {
    let job = |props: &str| {
        format!("CREATE ROUTINE LOAD j ON example_tbl PROPERTIES ({props}) FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");")
    };
    for key in ["compute_group", "fill_missing_columns"] {
        let r = run(DorisVersion::V4_1, &job(&format!("\"{key}\" = \"x\"")));
        assert_eq!(
            verdict(&r),
            Some(("J0".into(), format!("{key} is invalid property")))
        );
        assert!(codes(&r[0]).contains(&"VERSION"));
    }
    let r = run(DorisVersion::Master, &job("\"compute_group\" = \"cg1\""));
    assert_eq!(
        verdict(&r),
        Some((
            "JP6".into(),
            "compute_group is only supported in cloud mode".into()
        ))
    );
    assert!(run(DorisVersion::Master, &job("\"compute_group\" = \"\""))[0].ok);
    let mut s = session(DorisVersion::Master);
    s.options.config.cloud_mode = true;
    s.options.config.compute_groups = vec!["cg1".into()];
    let r = s.execute_sql(&job("\"compute_group\" = \"Default\""));
    assert_eq!(
        verdict(&r),
        Some((
            "JP6".into(),
            "compute_group DEFAULT is a reserved value".into()
        ))
    );
    let r = s.execute_sql(&job("\"compute_group\" = \"cg9\""));
    assert_eq!(
        verdict(&r),
        Some(("JP6".into(), "Compute group 'cg9' not found.".into()))
    );
    let r = s.execute_sql(&job("\"compute_group\" = \"cg1\""));
    assert!(r[0].ok);
    let plan = r[0].plan.as_ref().unwrap();
    assert_eq!(plan.job.properties.text("compute_group"), Some("cg1"));
    let r = run(
        DorisVersion::Master,
        &job("\"fill_missing_columns\" = \"true\""),
    );
    assert_eq!(
        verdict(&r),
        Some((
            "JP2".into(),
            "fill_missing_columns is only supported for json format".into()
        ))
    );
    let r = run(
        DorisVersion::Master,
        &job("\"format\" = \"json\", \"fill_missing_columns\" = \"yes\""),
    );
    assert_eq!(
        verdict(&r),
        Some((
            "JP2".into(),
            "fill_missing_columns must be 'true' or 'false', but found: yes".into()
        ))
    );
    assert!(
        run(
            DorisVersion::Master,
            &job("\"format\" = \"json\", \"fill_missing_columns\" = \"False\"")
        )[0]
        .ok
    );

    // SHOW ROUTINE LOAD … ORDER BY … LIMIT, SHOW ROUTINE LOAD TASK FOR.
    let jobs = "CREATE ROUTINE LOAD b ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\nCREATE ROUTINE LOAD a ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\nCREATE ROUTINE LOAD c ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\n";
    let names = |r: &StatementResult| -> Vec<String> {
        r.rows
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|row| row[1].clone())
            .collect()
    };
    let r = run(DorisVersion::Master, &format!("{jobs}SHOW ROUTINE LOAD ORDER BY Name;\nSHOW ROUTINE LOAD ORDER BY name DESC LIMIT 2;\nSHOW ROUTINE LOAD ORDER BY Name LIMIT 1, 1;\nSHOW ROUTINE LOAD ORDER BY Name LIMIT 1 OFFSET 2;\nSHOW ROUTINE LOAD ORDER BY Nme;"));
    assert_eq!(names(&r[3]), ["a", "b", "c"]);
    assert_eq!(names(&r[4]), ["c", "b"]);
    assert_eq!(names(&r[5]), ["b"]);
    assert_eq!(names(&r[6]), ["c"]);
    assert_eq!(
        verdict(&r),
        Some((
            "SW3".into(),
            "Unknown column 'Nme' in 'order clause'".into()
        ))
    );
    let r = run(
        DorisVersion::V4_1,
        &format!("{jobs}SHOW ROUTINE LOAD LIMIT 1;"),
    );
    assert_eq!(
        verdict(&r),
        Some((
            "P0".into(),
            "expected end of statement, found 'LIMIT'".into()
        ))
    );
    let r = run(
        DorisVersion::Master,
        &format!("{jobs}SHOW ROUTINE LOAD TASK FOR demo.a;\nSHOW ROUTINE LOAD TASK FOR zz;"),
    );
    assert!(r[3].ok);
    assert_eq!(r[3].rows.as_ref().unwrap().columns[0], "TaskId");
    assert_eq!(
        verdict(&r),
        Some((
            "W7".into(),
            "The job named zzdoes not exists or job state is stopped or cancelled".into()
        ))
    );
    let r = run(DorisVersion::V4_1, "SHOW ROUTINE LOAD TASK FOR a;");
    assert_eq!(
        verdict(&r),
        Some(("P0".into(), "expected end of statement, found 'FOR'".into()))
    );
}

#[test]
fn every_version_limited_rule_is_silent_in_the_other_version() {
    // A rule only one version has must not fire when its tripping example runs as
    // the other version (the registry drives this: a new rule is covered when added).
    let mut checked = 0;
    for rule in rules::all() {
        let other = if !rule.versions.v4_1 {
            DorisVersion::V4_1
        } else if !rule.versions.master {
            DorisVersion::Master
        } else {
            continue;
        };
        checked += 1;
        let mut s = examples::session_for(&rule.trips);
        s.options.doris_version = other;
        let results = s.execute_sql(rule.trips.sql);
        let last = results.last().unwrap();
        assert!(
            !last.diagnostics.iter().any(|d| d.rule == rule),
            "{} fires under Doris {other}",
            rule.code
        );
        if rule.kind == RuleKind::Doris {
            // Its statement gets the other version's own answer, with a note when that
            // version has no such form at all.
            assert!(last.first_error().is_some() || last.ok, "{}", rule.code);
        }
    }
    assert!(checked >= 20, "only {checked} version-limited rules");
}

#[test]
fn the_cli_switch_and_the_repl_setting() {
    let sql = "CREATE ROUTINE LOAD j ON example_tbl FROM KINESIS (\"aws.region\" = \"us-east-1\", \"kinesis_stream\" = \"s\");\n";
    let out = common::rlfe(&["run", "--demo", "--doris-version", "master", "-"], sql);
    assert!(out.status.success(), "{}", common::all_output(&out));
    let out = common::rlfe(&["run", "--demo", "-"], sql);
    assert!(!out.status.success());
    assert!(common::all_output(&out).contains("Unknown routine load data source type: KINESIS"));
    let out = common::rlfe(&["run", "--demo", "--doris-version", "9.9", "-"], sql);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::all_output(&out).contains("unknown Doris version '9.9'"));
    let repl = format!("\\set doris_version master\n{sql}");
    let out = common::rlfe(&["--allow-meta"], repl);
    let text = common::all_output(&out);
    assert!(text.contains("Answers as Doris master."), "{text}");
    assert!(
        !text.contains("Unknown routine load data source type"),
        "{text}"
    );
}

#[test]
fn load_expressions_are_resolved_against_doris_functions_at_their_place() {
    let sql = "CREATE ROUTINE LOAD j ON example_tbl\nCOLUMNS(k1, k2,\n   v1 = upper(concat_wss('-', k1)))\nFROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");";
    for version in DorisVersion::ALL {
        let r = run(version, sql);
        let d = r[0].first_error().unwrap();
        assert_eq!(d.code(), "EX1");
        assert_eq!(d.message, "Can not found function 'concat_wss'");
        let span = d.span.unwrap();
        assert_eq!(
            (span.start.line, span.start.column),
            (3, 15),
            "line and column of the call"
        );
        assert!(d.help.as_deref().unwrap_or("").contains("concat_ws"));
    }
    let r = run(DorisVersion::V4_1, "CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = substr(k1)), WHERE from_unixtime(k1, 'x', 'y') > 0 FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");");
    let errors: Vec<(String, String)> = r[0]
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code().to_string(), d.message.to_string()))
        .collect();
    assert_eq!(errors, vec![
        ("EX2".to_string(), "Can not found function 'substr' which has 1 arity. Candidate functions are: [substr(Expression, Expression, Expression), substr(Expression, Expression)]".to_string()),
        ("EX2".to_string(), "Can not found function 'from_unixtime' which has 3 arity. Candidate functions are: [from_unixtime(Expression, Expression), from_unixtime(Expression)]".to_string()),
    ]);
    // Names are compared lower-cased; grammar forms and operators are not functions.
    let ok = "CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = IFNULL(CAST(k1 AS INT), 0) + DATE_ADD(now(), INTERVAL 1 DAY) - CASE WHEN k1 IN (1) THEN 1 ELSE 2 END), WHERE k1 LIKE 'a%' AND key = 1, PRECEDING FILTER json_extract_string(k2, '$.a') IS NOT NULL FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");";
    let r = run(DorisVersion::V4_1, ok);
    assert!(r[0].first_error().is_none(), "{:?}", r[0].first_error());
    // DELETE ON and PRECEDING FILTER are analysed too; so is an ALTER's COLUMNS.
    let r = run(DorisVersion::V4_1, "CREATE ROUTINE LOAD j ON example_tbl PRECEDING FILTER nosuch(k1) FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");");
    assert_eq!(
        verdict(&r).map(|v| v.1),
        Some("Can not found function 'nosuch'".into())
    );
    let r = run(DorisVersion::V4_1, "CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\nPAUSE ROUTINE LOAD FOR j;\nALTER ROUTINE LOAD FOR j COLUMNS(k1, k2, v1 = md5sum(k1, k2, k1)), WHERE sha2(k1) = 'x';");
    assert_eq!(verdict(&r).map(|v| v.1), Some("Can not found function 'sha2' which has 1 arity. Candidate functions are: [sha2(Expression, Expression)]".into()));
}

#[test]
fn udfs_and_encrypt_keys_are_registered_by_the_session() {
    let udf = "CREATE GLOBAL FUNCTION g_udf(string, int) RETURNS string PROPERTIES (\"file\" = \"file:///u.jar\", \"symbol\" = \"a.B\", \"type\" = \"JAVA_UDF\");\nCREATE FUNCTION demo.v_udf(string, ...) RETURNS string PROPERTIES (\"type\" = \"JAVA_UDF\");\n";
    let job = |cols: &str| {
        format!("CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, {cols}) FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");")
    };
    let r = run(
        DorisVersion::V4_1,
        &format!("{udf}{}", job("v1 = G_UDF(k1, 2), v2 = v_udf(k1, k2, k1)")),
    );
    assert!(
        r.iter().all(|r| r.ok),
        "{:?}",
        r.iter().map(|r| r.first_error()).collect::<Vec<_>>()
    );
    assert!(codes(&r[2]).contains(&"UDF-IN-LOAD"));
    let r = run(
        DorisVersion::V4_1,
        &format!("{udf}{}", job("v1 = g_udf(k1)")),
    );
    assert_eq!(verdict(&r), Some(("EX2".into(), "Can not found function 'g_udf' which has 1 arity. Candidate functions are: [g_udf(Expression, Expression)]".into())));
    // A qualified name skips the built-ins and looks in that database only.
    let r = run(
        DorisVersion::V4_1,
        &format!("{udf}{}", job("v1 = demo.upper(k1)")),
    );
    assert_eq!(
        verdict(&r),
        Some(("EX1".into(), "Can not found function 'demo.upper'".into()))
    );
    let r = run(
        DorisVersion::V4_1,
        &format!(
            "{udf}DROP FUNCTION demo.v_udf(string, ...);\n{}",
            job("v1 = v_udf(k1)")
        ),
    );
    assert_eq!(
        verdict(&r),
        Some(("EX1".into(), "Can not found function 'v_udf'".into()))
    );
    let mut s = session(DorisVersion::V4_1);
    s.options.config.enable_udf_in_load = true;
    let r = s.execute_sql(&format!("{udf}{}", job("v1 = g_udf(k1, 1)")));
    assert!(r[2].ok && !codes(&r[2]).contains(&"UDF-IN-LOAD"));

    // Encrypt keys: KEY db.name in expressions; the key material never shows.
    let r = run(
        DorisVersion::V4_1,
        &format!(
            "CREATE ENCRYPTKEY demo.k1 AS \"TopSecretKeyMaterial\";\n{}\n{}",
            job("v1 = aes_encrypt(k1, KEY demo.k1)"),
            job("v1 = aes_decrypt(k1, KEY k9)").replace("ROUTINE LOAD j ", "ROUTINE LOAD j2 ")
        ),
    );
    assert!(r[0].ok && r[1].ok && !codes(&r[1]).contains(&"EX6"));
    assert!(r[2].ok && codes(&r[2]).contains(&"EX6"));
    let stmt = routine_load_fe::parser::parse_statement(
        "CREATE ENCRYPTKEY demo.k1 AS \"TopSecretKeyMaterial\"",
    )
    .unwrap();
    for rendering in [
        format!("{stmt}"),
        format!("{stmt:?}"),
        serde_json::to_string(&stmt).unwrap(),
    ] {
        assert!(!rendering.contains("TopSecret"), "{rendering}");
    }
    assert!(!r[0].sql.contains("TopSecret"), "{}", r[0].sql);
    // The KEY form prints back as written and parses again.
    let c = routine_load_fe::parser::parse_statement(&job("v1 = aes_encrypt(k1, KEY demo.k1)"))
        .unwrap();
    let again = routine_load_fe::parser::parse_statement(&c.to_string()).unwrap();
    assert_eq!(c.to_string(), again.to_string());
    assert!(c.to_string().contains("KEY demo.k1"));
}
