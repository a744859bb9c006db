//! Known secret values pushed through every output path: Display, Debug, serde JSON,
//! `rlfe run` (text and JSON), SHOW, SHOW CREATE, EXPLAIN, plans (JSON and text),
//! diagnostics (plain and fancy), the piped REPL, `rlfe iam-policy`. None may print
//! them; only the explicit opt-in reveals them in plans, and the Thrift bytes carry them.

use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::plan::thrift::Protocol;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};
use routine_load_fe::{parse_script, parse_statement, ParseOptions};
use std::io::Write;
use std::process::{Command, Stdio};

const SECRETS: [&str; 7] = [
    "pw-Secret-111",
    "sk-Secret-222",
    "AKIASECRET333XYZ",
    "jaas-Secret-444",
    "kp-Secret-555",
    "alias-Secret-666",
    "typo-Secret-777",
];

fn script() -> String {
    format!(
        r#"CREATE ROUTINE LOAD db1.leaky ON t
FROM KAFKA (
    "kafka_broker_list" = "b-1.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.salescluster.ab12cd.c3.kafka.eu-west-1.amazonaws.com:9098",
    "kafka_topic" = "orders",
    "kafka_partitions" = "0,1,2",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "OAUTHBEARER",
    "aws.region" = "eu-west-1",
    "aws.secret_key" = "{1}",
    "aws.access_key" = "{2}",
    "property.sasl.password" = "{0}",
    "property.sasl.jaas.config" = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"{3}\";",
    "property.ssl.key.password" = "{4}",
    "aws.session.token" = "{5}",
    "property.sasl.pasword" = "{6}"
);
SHOW ROUTINE LOAD FOR db1.leaky;
SHOW CREATE ROUTINE LOAD FOR db1.leaky;
EXPLAIN CREATE ROUTINE LOAD db1.leaky2 ON t FROM KAFKA ("kafka_broker_list" = "k:9092", "kafka_topic" = "t", "kafka_partitions" = "0", "property.sasl.password" = "{0}");
CREATE ROUTINE LOAD db1.dup ON t FROM KAFKA ("kafka_broker_list" = "k:9092", "kafka_topic" = "t", "property.sasl.password" = "{0}", "property.sasl.password" = "{1}");
CREATE ROUTINE LOAD db1.broken ON t FROM KAFKA ("kafka_broker_list" = "k:", "property.sasl.password" = "{0}" "x" = "y");
CREATE ROUTINE LOAD db1.noeq ON t FROM KAFKA ("property.sasl.password" "{0}");
CREATE ROUTINE LOAD db1.noeq2 ON t FROM KAFKA ("aws.secret_key" = {1} {2});
CREATE ROUTINE LOAD db1.unterminated ON t FROM KAFKA ("aws.secret_key" = "{1}
"#,
        SECRETS[0], SECRETS[1], SECRETS[2], SECRETS[3], SECRETS[4], SECRETS[5], SECRETS[6]
    )
}

fn assert_clean(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{what} prints the secret {s}:\n{text}");
    }
}

fn session() -> Session {
    Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    })
}

#[test]
fn library_renderings_never_print_secrets() {
    let sql = script();
    for p in parse_script(&sql, &ParseOptions::default()) {
        match &p.result {
            Ok(stmt) => {
                assert_clean("Display", &stmt.to_string());
                assert_clean("Debug", &format!("{stmt:?}"));
                assert_clean("serde", &serde_json::to_string(stmt).unwrap());
            }
            Err(d) => {
                assert_clean("parse error", &format!("{d:?}"));
                assert_clean(
                    "rendered parse error",
                    &render(
                        d,
                        &routine_load_fe::parser::mask::source(&sql),
                        RenderStyle::Plain,
                    ),
                );
            }
        }
    }
    let mut s = session();
    let results = s.execute_sql(&sql);
    assert!(results[0].ok, "{:?}", results[0].first_error());
    for r in &results {
        assert_clean("sql echo", &r.sql);
        assert_clean("StatementResult Debug", &format!("{r:?}"));
        assert_clean("StatementResult serde", &serde_json::to_string(r).unwrap());
        for d in &r.diagnostics {
            assert_clean("diagnostic", &format!("{} {:?}", d.message, d.help));
            assert_clean(
                "plain render",
                &render(
                    d,
                    &routine_load_fe::parser::mask::source(&sql),
                    RenderStyle::Plain,
                ),
            );
            assert_clean(
                "fancy render",
                &render(
                    d,
                    &routine_load_fe::parser::mask::source(&sql),
                    RenderStyle::Fancy,
                ),
            );
        }
        if let Some(rows) = &r.rows {
            assert_clean("rows", &format!("{rows:?}"));
        }
        if let Some(plan) = &r.plan {
            assert_clean("plan JSON", &plan.to_json(false).to_string());
            assert_clean("plan text", &plan.to_text(false));
            assert_clean("plan Debug", &format!("{plan:?}"));
        }
    }
    for e in s.jobs.iter() {
        assert_clean("job Debug", &format!("{e:?}"));
        assert_clean("job serde", &serde_json::to_string(e).unwrap());
        assert_clean(
            "canonical SQL",
            &routine_load_fe::analyzer::render::canonical_create_sql(&e.job, false),
        );
    }
    // The opt-in reveals in plans; the Thrift bytes are the wire and carry the values.
    let plan = results[0].plan.as_ref().unwrap();
    assert!(plan.to_json(true).to_string().contains(SECRETS[0]));
    assert!(plan.to_text(true).contains(SECRETS[0]));
    let bytes = plan.to_thrift(Protocol::Binary).unwrap();
    assert!(bytes
        .windows(SECRETS[0].len())
        .any(|w| w == SECRETS[0].as_bytes()));
    // And a parse of the revealed canonical text gives the secret back.
    let revealed = format!(
        "{:#}",
        parse_statement(sql.split(";\n").next().unwrap()).unwrap()
    );
    assert!(revealed.contains(SECRETS[0]));
}

fn rlfe(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rlfe"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn cli_outputs_never_print_secrets() {
    let sql = script();
    for args in [
        vec!["run", "-"],
        vec!["run", "--format", "json", "-"],
        vec!["run", "--profile", "doris", "-"],
        vec!["plan", "--format", "json", "-"],
        vec!["plan", "--format", "text", "-"],
        vec!["iam-policy", "-"],
        vec![],
    ] {
        assert_clean(&format!("rlfe {}", args.join(" ")), &rlfe(&args, &sql));
    }
    assert!(
        rlfe(&["plan", "--format", "json", "--reveal-secrets", "-"], &sql).contains(SECRETS[0])
    );
}
