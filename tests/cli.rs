//! The `rlfe` binary: the `run --format json` contract, exit statuses, scripted sessions,
//! `plan`, `iam-policy`, and piped input behaving as `rlfe run`.

mod common;

use common::rlfe;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn run_json_follows_the_contract() {
    let script = "CREATE DATABASE d;\nUSE d;\nCREATE ROUTINE LOAD j ON t FROM KAFKA (\"kafka_broker_list\" = \"k1:\", \"kafka_topic\" = \"t\");\nCREATE ROUTINE LOAD j2 FROM KAFKA ();\nSHOW ROUTINE LOAD;";
    let out = rlfe(&["run", "--format", "json", "--deterministic", "-"], script);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "create_database",
            "use",
            "create_routine_load",
            "unknown",
            "show_routine_load"
        ]
    );
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"], i);
        for key in ["sql", "ok", "errors", "warnings", "rows", "plan"] {
            assert!(l.get(key).is_some(), "line {i} lacks {key}");
        }
    }
    let create = &lines[2];
    assert_eq!(create["ok"], false);
    assert_eq!(create["sql"], "CREATE ROUTINE LOAD j ON t FROM KAFKA (\"kafka_broker_list\" = \"k1:\", \"kafka_topic\" = \"t\")");
    let e = &create["errors"][0];
    assert_eq!(e["stage"], "analyze");
    assert_eq!(e["code"], "T3");
    assert_eq!(e["message"], "Unknown table 't'");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(3), Some(26))
    );
    assert_eq!(create["errors"][1]["code"], "K3");
    assert_eq!(lines[3]["errors"][0]["stage"], "parse");
    assert_eq!(lines[4]["rows"]["columns"][0], "Id");
    let ok = rlfe(
        &["run", "--format", "json", "-"],
        "SHOW ROUTINE LOAD TASK FROM d WHERE JobName = 'x';",
    );
    assert_eq!(ok.status.code(), Some(1));
    let ok = rlfe(&["run", "--format", "json", "-"], "CREATE ROUTINE LOAD d.j ON t FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0\");");
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let plan: serde_json::Value = serde_json::from_str(stdout(&ok).trim()).unwrap();
    assert_eq!(
        plan["plan"]["tasks"][0]["kafka_load_info"]["partition_begin_offset"]["0"],
        -1
    );
    assert_eq!(
        plan["plan"]["job"]["properties"]["max_batch_rows"],
        "20000000"
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        rlfe(&["run", "/no/such/file.sql"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        rlfe(&["run", "--format", "yaml"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        rlfe(&["run", "--catalog", "/no/such/catalog.sql"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rlfe(&["plan", "--partitions", "t=x"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        rlfe(&["run", "--time-zone", "Mars/Base"], "").status.code(),
        Some(2)
    );
}

#[test]
fn scripted_session_end_to_end() {
    let script = common::read("tests/corpus/session.sql");
    let out = rlfe(&["run", "--deterministic", "-"], &script);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the script has failing statements"
    );
    // Results on standard output, Doris's errors and the diagnostics on standard error.
    let results = stdout(&out);
    assert!(
        !results.contains("ERROR ") && !results.contains("warning[") && !results.contains("error["),
        "{results}"
    );
    let diagnostics = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(diagnostics.contains("ERROR ") && diagnostics.contains("warning["));
    common::with_snapshots(|| {
        insta::assert_snapshot!("cli_session_text", results);
        insta::assert_snapshot!("cli_session_text_stderr", diagnostics);
    });
    let json = rlfe(
        &["run", "--format", "json", "--deterministic", "-"],
        &script,
    );
    common::with_snapshots(|| insta::assert_snapshot!("cli_session_json", stdout(&json)));
}

#[test]
fn piped_rlfe_behaves_like_the_repl_on_the_demo_catalog() {
    let script = common::read("tests/corpus/session.sql");
    let piped = rlfe(&["--deterministic"], &script);
    let run = rlfe(&["run", "--demo", "--deterministic", "-"], &script);
    assert_eq!(stdout(&piped), stdout(&run));
    assert_eq!(piped.stderr, run.stderr);
    assert_eq!(piped.status.code(), run.status.code());
    // The REPL's statements pass piped too: the demo catalog is there.
    let demo = "USE demo;\nCREATE ROUTINE LOAD j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");\n";
    let out = rlfe(&[], demo);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        !common::all_output(&out).contains("NO-CATALOG"),
        "{}",
        common::all_output(&out)
    );
    let without = rlfe(&["--no-demo"], demo);
    assert!(
        common::all_output(&without).contains("NO-CATALOG"),
        "{}",
        common::all_output(&without)
    );
}

#[test]
fn demo_is_accepted_by_every_command() {
    let sql = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0\");";
    for args in [
        &["run", "--demo", "-"][..],
        &["plan", "--demo", "-"][..],
        &["--demo", "plan", "-"][..],
    ] {
        let out = rlfe(args, sql);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let iam = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"b-1.c.x.c2.kafka.us-east-1.amazonaws.com:9098\", \"kafka_topic\" = \"t\", \"property.security.protocol\" = \"SASL_SSL\", \"property.sasl.mechanism\" = \"OAUTHBEARER\", \"aws.region\" = \"us-east-1\", \"aws.role_arn\" = \"arn:aws:iam::123456789012:role/doris\");";
    let out = rlfe(&["iam-policy", "--demo", "-"], iam);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn run_ends_with_a_summary_line_on_standard_error() {
    let script = "CREATE ROUTINE LOAD demo.a ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");\nCREATE ROUTINE LOAD demo.b ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"property.linger.ms\" = \"5\");\nCREATE ROUTINE LOAD demo.c ON nosuch FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");\n";
    let out = rlfe(&["run", "--demo", "-"], script);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().last(),
        Some("3 statements: 1 ok, 1 with warnings, 1 failed"),
        "{stderr}"
    );
    assert!(!stdout(&out).contains("3 statements"));
    let json = rlfe(&["run", "--demo", "--format", "json", "-"], script);
    assert!(!String::from_utf8_lossy(&json.stderr).contains("statements:"));
}

#[test]
fn deterministic_plans_are_byte_identical() {
    let script = common::read("tests/corpus/plans.sql");
    let plan = |args: &[&str]| {
        let mut all = vec!["plan", "--demo"];
        all.extend_from_slice(args);
        all.push("-");
        rlfe(&all, &script).stdout
    };
    let binary = ["--deterministic", "--format", "thrift-binary"];
    let first = plan(&binary);
    assert!(!first.is_empty());
    assert_eq!(first, plan(&binary));
    assert_eq!(plan(&["--deterministic"]), plan(&["--deterministic"]));
    // Without it, ids and labels differ from run to run.
    assert_ne!(plan(&[]), plan(&[]));
}

#[test]
fn plan_reports_the_warnings_of_accepted_statements() {
    let sql = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0\", \"property.acks\" = \"abc\");";
    let out = rlfe(&["plan", "--demo", "-"], sql);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[KAFKA-03]") && stderr.contains("request.required.acks"),
        "{stderr}"
    );
}

#[test]
fn deny_warnings_fails_statements_with_warnings() {
    let sql = "CREATE ROUTINE LOAD d.j ON t FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\", \"property.linger.ms\" = \"5\");";
    assert_eq!(rlfe(&["run", "-"], sql).status.code(), Some(0));
    let denied = rlfe(&["run", "--deny-warnings", "-"], sql);
    assert_eq!(denied.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&denied.stderr).contains("KAFKA-14"));
}

#[test]
fn doris_profile_answers_as_doris() {
    let sql = "CREATE ROUTINE LOAD d.j ON t FROM KAFKA (\"kafka_broker_list\" = \"b-1.partner-msk.us-west-2.amazonaws.com:9098\", \"kafka_topic\" = \"t\", \"property.security.protocol\" = \"SASL_SSL\", \"property.sasl.mechanism\" = \"AWS_MSK_IAM\", \"property.aws.msk.iam.role.arn\" = \"arn:aws:iam::999888777666:role/CrossAccountRole\");";
    assert_eq!(rlfe(&["run", "-"], sql).status.code(), Some(0));
    let doris = rlfe(&["run", "--profile", "doris", "--format", "json", "-"], sql);
    assert_eq!(doris.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(stdout(&doris).trim()).unwrap();
    assert_eq!(v["errors"][0]["message"], "When using AWS MSK IAM authentication, 'aws.region' is required. Please specify the AWS region (e.g., 'us-east-1', 'ap-east-1').");
}

const WORKED_EXAMPLE: &str = r#"CREATE ROUTINE LOAD example_db.orders_job ON orders
FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098",
    "kafka_topic" = "orders",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "eu-west-1",
    "aws.role_arn" = "arn:aws:iam::210987654321:role/doris-msk-reader"
);"#;

#[test]
fn iam_policy_matches_the_worked_example() {
    let out = rlfe(&["iam-policy", "-"], WORKED_EXAMPLE);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "MskConnect",
      "Effect": "Allow",
      "Action": ["kafka-cluster:Connect"],
      "Resource": "arn:aws:kafka:eu-west-1:210987654321:cluster/salescluster/*"
    },
    {
      "Sid": "MskReadTopic",
      "Effect": "Allow",
      "Action": ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
      "Resource": "arn:aws:kafka:eu-west-1:210987654321:topic/salescluster/*/orders"
    },
    {
      "Sid": "MskConsumerGroup",
      "Effect": "Allow",
      "Action": ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
      "Resource": "arn:aws:kafka:eu-west-1:210987654321:group/salescluster/*/orders_job_*"
    }
  ]
}"#;
    assert_eq!(stdout(&out).trim(), expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("account 210987654321 is taken from aws.role_arn"),
        "{stderr}"
    );
}

#[test]
fn iam_policy_for_the_commissioned_examples() {
    let script = common::read("tests/corpus/msk_examples.sql");
    let out = rlfe(&["iam-policy", "--deterministic", "-"], &script);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    // Several jobs: one JSON object, each policy under its job's name.
    let by_job: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("valid JSON");
    assert!(by_job.len() >= 2, "{text}");
    for (name, v) in &by_job {
        assert!(name.contains('.'), "{name}");
        assert_eq!(v["Version"], "2012-10-17");
        assert_eq!(v["Statement"].as_array().unwrap().len(), 3);
    }
    let first = by_job.keys().next().unwrap().clone();
    let one = rlfe(
        &["iam-policy", "--deterministic", "--job", &first, "-"],
        &script,
    );
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).expect("one policy");
    assert_eq!(v["Version"], "2012-10-17");
    let nosuch = rlfe(&["iam-policy", "--job", "nosuch", "-"], &script);
    assert_eq!(nosuch.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&nosuch.stderr);
    assert!(
        stderr.contains("no MSK IAM job 'nosuch'") && stderr.contains(&first),
        "{stderr}"
    );
    common::with_snapshots(|| {
        insta::assert_snapshot!("cli_iam_policy_stdout", text);
        insta::assert_snapshot!(
            "cli_iam_policy_stderr",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    let none = rlfe(&["iam-policy", "-"], "CREATE ROUTINE LOAD d.j ON t FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");");
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn piped_repl_session_with_meta_commands() {
    let script = common::read("tests/corpus/repl_session.sql");
    let out = rlfe(
        &["run", "--demo", "--deterministic", "--allow-meta", "-"],
        &script,
    );
    let text = stdout(&out);
    assert!(!text.contains("never-shown"));
    assert!(text.contains("Plans on.") && text.contains("Topic shared_events has 3 partition(s)."));
    // \q stops the script: the SHOW after it does not run.
    assert_eq!(
        text.trim_end().lines().last(),
        Some("unknown meta-command \\bogus: \\help lists them")
    );
    common::with_snapshots(|| {
        insta::assert_snapshot!("cli_piped_repl_session", text);
        insta::assert_snapshot!(
            "cli_piped_repl_session_stderr",
            String::from_utf8_lossy(&out.stderr)
        );
    });
}

#[test]
fn short_diagnostics_are_one_line_each() {
    let sql = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\",\n  \"kafka_topic\" = \"t\", \"property.acks\" = \"abc\", \"property.check.crcs\" = \"yes\");\nFROBNICATE;";
    let out = rlfe(&["run", "--demo", "--diagnostics", "short", "-"], sql);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.contains(&"2:42: warning[KAFKA-03]: Invalid value for configuration property \"request.required.acks\"; the job will fail when it starts"), "{stderr}");
    assert!(
        lines.iter().any(|l| l.starts_with("3:1: error[P0]: ")),
        "{stderr}"
    );
    assert!(!stderr.contains(" | "), "no source lines: {stderr}");
    // Warnings come in the order of the text; the summary ends the run.
    let warn_lines: Vec<&&str> = lines.iter().filter(|l| l.contains(": warning[")).collect();
    assert_eq!(warn_lines.len(), 2, "{stderr}");
    assert!(
        warn_lines[0].starts_with("2:42:") && warn_lines[1].contains("check.crcs"),
        "{stderr}"
    );
    assert_eq!(
        lines.last(),
        Some(&"2 statements: 0 ok, 1 with warnings, 1 failed")
    );
}

#[test]
fn rlfe_test_compares_a_directory_with_its_snapshots() {
    let dir = std::env::temp_dir().join(format!("rlfe-snapshots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sql = dir.join("orders.sql");
    std::fs::write(&sql, "CREATE ROUTINE LOAD demo.orders ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"orders\", \"kafka_partitions\" = \"0,1\");\nSHOW ROUTINE LOAD FOR demo.orders;\n").unwrap();
    let d = dir.to_str().unwrap();
    // No snapshot yet: it fails and leaves the new one for review.
    let first = rlfe(&["test", "--demo", d], "");
    assert_eq!(first.status.code(), Some(1), "{}", stdout(&first));
    assert!(dir.join("orders.sql.snap.new").exists());
    let accepted = rlfe(&["test", "--demo", "--accept", d], "");
    assert_eq!(accepted.status.code(), Some(0), "{}", stdout(&accepted));
    assert!(!dir.join("orders.sql.snap.new").exists());
    // Unchanged: passes, run after run (ids are reproducible).
    for _ in 0..2 {
        let again = rlfe(&["test", "--demo", d], "");
        assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
        assert!(stdout(&again).contains("1 files: 1 unchanged, 0 written, 0 differ"));
    }
    // A changed plan fails, with a diff.
    let changed = std::fs::read_to_string(&sql)
        .unwrap()
        .replace("\"0,1\"", "\"0,1,2\"");
    std::fs::write(&sql, changed).unwrap();
    let diff = rlfe(&["test", "--demo", d], "");
    assert_eq!(diff.status.code(), Some(1));
    let text = stdout(&diff);
    assert!(
        text.contains("differs from") && text.contains("@@"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with('+') && l.contains("\"2\"")),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn catalog_statements_are_answered_from_the_catalog() {
    let out = rlfe(&["run", "--demo", "-"], "SHOW DATABASES;\nSHOW TABLES;\nDESC demo.user_events;\nDESC nosuch;\nSHOW TABLES FROM nodb;\n");
    let text = stdout(&out);
    assert!(
        text.contains("| Database |") && text.contains("| demo "),
        "{text}"
    );
    assert!(
        text.contains("| Tables_in_demo") && text.contains("| user_events"),
        "{text}"
    );
    assert!(
        text.contains("| Field      | Type        | Null | Key   | Default | Extra |"),
        "{text}"
    );
    assert!(
        text.contains("| event_id   | BIGINT      | Yes  | true  | NULL    |       |"),
        "{text}"
    );
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(
        errors.contains("ERROR 1051 (42S02): errCode = 2, detailMessage = Unknown table 'nosuch'"),
        "{errors}"
    );
    assert!(
        errors.contains("ERROR 1049 (42000): errCode = 2, detailMessage = Unknown database 'nodb'"),
        "{errors}"
    );
    assert!(errors.contains("line 4, column 6"), "{errors}");
}

#[test]
fn text_plans_read_as_text() {
    let sql = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"b-1.c.x.c2.kafka.us-east-1.amazonaws.com:9098\", \"kafka_topic\" = \"t\", \"property.security.protocol\" = \"SASL_SSL\", \"property.sasl.mechanism\" = \"OAUTHBEARER\", \"aws.region\" = \"us-east-1\", \"aws.role_arn\" = \"arn:aws:iam::123456789012:role/r\", \"aws.secret_key\" = \"not-shown\", \"aws.access_key\" = \"AKIAEXAMPLE\");";
    let out = rlfe(&["plan", "--demo", "--format", "text", "-"], sql);
    let text = stdout(&out);
    // No tasks (no kafka_partitions), yet the client properties are shown, masked.
    assert!(
        text.contains("0 task(s)") && text.contains("Client properties (every task):"),
        "{text}"
    );
    assert!(
        text.contains("  aws.region = us-east-1") && !text.contains("not-shown"),
        "{text}"
    );
    assert!(text.contains("Security: AWS MSK IAM (OAUTHBEARER with a token the BE signs); credentials: static keys"), "{text}");
    assert!(!text.contains("{\"mode\""), "{text}");
    // Under the Doris profile the Java mechanism is not IAM: the BE never switches it on.
    let java = "CREATE ROUTINE LOAD demo.j ON user_events FROM KAFKA (\"kafka_broker_list\" = \"b-1.c.x.c2.kafka.us-east-1.amazonaws.com:9098\", \"kafka_topic\" = \"t\", \"property.security.protocol\" = \"SASL_SSL\", \"property.sasl.mechanism\" = \"AWS_MSK_IAM\");";
    let doris = rlfe(
        &[
            "plan",
            "--demo",
            "--profile",
            "doris",
            "--format",
            "text",
            "-",
        ],
        java,
    );
    assert!(
        stdout(&doris)
            .contains("Security: SASL/AWS_MSK_IAM over TLS (a mechanism librdkafka does not have)"),
        "{}",
        stdout(&doris)
    );
    let default = rlfe(&["plan", "--demo", "--format", "text", "-"], java);
    assert!(
        stdout(&default).contains("Security: AWS MSK IAM"),
        "{}",
        stdout(&default)
    );
    assert!(String::from_utf8_lossy(&default.stderr).contains("MSK-34"));
}

#[test]
fn an_unknown_statement_word_is_underlined_whole() {
    let out = rlfe(&["run", "-"], "SELEC 1;");
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(errors.contains(" 1 | SELEC 1;\n   | ^^^^^\n"), "{errors}");
}

#[test]
fn diagnostics_come_in_reading_order_with_one_location_each() {
    // An EXPLAIN of a refused CREATE: Doris's error first, then the warnings by place,
    // then the notes.
    let sql = "EXPLAIN CREATE ROUTINE LOAD demo.j ON user_events\nFROM KAFKA (\n  \"kafka_topic\" = \"t\",\n  \"property.linger.ms\" = \"5\",\n  \"property.acks\" = \"abc\"\n);";
    let out = rlfe(&["run", "--demo", "-"], sql);
    let errors = String::from_utf8_lossy(&out.stderr).into_owned();
    let heads: Vec<&str> = errors
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning[") || l.starts_with("note["))
        .collect();
    assert!(
        heads.first().is_some_and(|h| h.starts_with("error[")),
        "{errors}"
    );
    let rank = |h: &&str| {
        if h.starts_with("error[") {
            0
        } else if h.starts_with("warning[") {
            1
        } else {
            2
        }
    };
    assert!(
        heads.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{errors}"
    );
    assert!(
        errors.find("ERROR ").unwrap() < errors.find("warning[").unwrap_or(usize::MAX),
        "{errors}"
    );
    // Each finding names its place once.
    let places: Vec<&str> = errors
        .lines()
        .filter(|l| l.trim_start().starts_with("--> line"))
        .collect();
    let mut unique = places.clone();
    unique.dedup();
    assert_eq!(places.len(), unique.len(), "{errors}");
    assert_eq!(errors.matches("--> line").count(), places.len());
}

#[test]
fn an_online_timeout_that_is_not_a_duration_is_a_usage_error() {
    for bad in ["nan", "inf", "0", "-0.5", "3601", "ten"] {
        let out = common::rlfe(
            &[
                "run",
                "--demo",
                "--online",
                &format!("--online-timeout={bad}"),
                "-",
            ],
            "SHOW ROUTINE LOAD;",
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{bad}: {}",
            common::all_output(&out)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--online-timeout"),
            "{bad}"
        );
    }
    let out = common::rlfe(
        &["run", "--demo", "--online", "--online-timeout", "2.5", "-"],
        "SHOW ROUTINE LOAD;",
    );
    assert_eq!(out.status.code(), Some(0));
}
