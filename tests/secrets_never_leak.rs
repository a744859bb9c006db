//! Known secret values pushed through every output path: Display, Debug, serde JSON,
//! `rlfe run` (text and JSON), SHOW, SHOW CREATE, EXPLAIN, plans (JSON and text),
//! diagnostics (plain and fancy), the piped REPL, `rlfe iam-policy`. None may print
//! them; only the explicit opt-in reveals them in plans, and the Thrift bytes carry them.

mod common;

use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::plan::thrift::Protocol;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};
use routine_load_fe::{parse_script, parse_statement, ParseOptions};

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
    common::all_output(&common::rlfe(args, stdin))
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

/// The marker every generated secret value carries.
const MARKER: &str = "Qv7Marker";

/// Statements of every kind the parser knows, and some it does not, split into tokens:
/// a generated secret is put between any two of them.
const SEEDS: &[&str] = &[
    r#"CREATE ROUTINE LOAD demo.j ON example_tbl COLUMNS TERMINATED BY ",", COLUMNS(k1, v1 = k1 + 1), WHERE k1 > 0 PROPERTIES ("desired_concurrent_number" = "2", "format" = "json") FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u") COMMENT "c";"#,
    r#"ALTER ROUTINE LOAD FOR demo.j PROPERTIES ("max_error_number" = "5") FROM KAFKA ("kafka_partitions" = "0", "kafka_offsets" = "10");"#,
    r#"CREATE FILE "ca.pem" IN demo PROPERTIES ("url" = "https://example.com/ca.pem", "catalog" = "kafka");"#,
    r#"SELECT * FROM s3("uri" = "s3://b/k", "format" = "csv");"#,
    r#"CREATE USER u IDENTIFIED BY 'x';"#,
    r#"SET time_zone = 'UTC';"#,
    r#"CREATE ROUTINE LOAD demo.j2 ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#,
];

/// A seed's tokens: quoted texts whole, words, and single punctuation characters.
fn tokens(seed: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = seed.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if matches!(c, '"' | '\'' | '`') {
            let end = chars[i + 1..]
                .iter()
                .position(|d| *d == c)
                .map_or(chars.len(), |n| i + n + 2);
            out.push(chars[i..end.min(chars.len())].iter().collect());
            i = end;
        } else if c.is_alphanumeric() || c == '_' || c == '.' {
            let end = chars[i..]
                .iter()
                .position(|d| !(d.is_alphanumeric() || *d == '_' || *d == '.'))
                .map_or(chars.len(), |n| i + n);
            out.push(chars[i..end].iter().collect());
            i = end;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

const KEYS: &[&str] = &[
    r#""property.sasl.password""#,
    r#"'aws.secret_key'"#,
    r#""aws.access_key""#,
    "`password`",
    "password",
    "property.sasl.password",
    r#""property.ssl.keystore.key""#,
    r#""s3.secret_key""#,
    "IDENTIFIED BY",
    r#""property.sasl.ｐａｓｓｗｏｒｄ""#,
    "\"property.sasl.pass\u{200b}word\"",
    r#""property.sasl.pasword""#,
    r#""property.sasl.jaas.config""#,
];

const SEPARATORS: &[&str] = &[" = ", " ", " => ", " := ", " = = ", "=", " == ", " : "];

/// Value shapes; `M` is replaced by the marker.
const VALUES: &[&str] = &[
    r#""M""#,
    "'M'",
    "M",
    "N'M'",
    "b'M'",
    "e'M'",
    "@M",
    "-M",
    "(M)",
    "?M",
    r#""M" "M""#,
    "1e5M",
    r#""M"#,
    "'M",
    "`M",
    "/* M",
    "M)",
    "(M",
    r#""M\"x""#,
    "X'M'",
    "M M M",
    "'M' + 1",
];

#[derive(Debug, Clone)]
enum Mutation {
    None,
    /// Drop the token right before the secret.
    DropBefore,
    /// Drop the token right after it.
    DropAfter,
    /// Cut the statement right after it.
    Truncate,
    /// The secret twice.
    Twice,
}

fn generated() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        proptest::sample::select(SEEDS),
        any::<proptest::sample::Index>(),
        proptest::sample::select(KEYS),
        proptest::sample::select(SEPARATORS),
        proptest::sample::select(VALUES),
        prop_oneof![
            Just(Mutation::None),
            Just(Mutation::DropBefore),
            Just(Mutation::DropAfter),
            Just(Mutation::Truncate),
            Just(Mutation::Twice),
        ],
    )
        .prop_map(|(seed, at, key, sep, value, mutation)| {
            let mut toks = tokens(seed);
            let at = at.index(toks.len() + 1);
            let secret = format!("{key}{sep}{}", value.replace('M', MARKER));
            let secret = match mutation {
                Mutation::Twice => format!("{secret}, {secret}"),
                _ => secret,
            };
            let mut before: Vec<String> = toks.drain(..at).collect();
            let mut after = toks;
            match mutation {
                Mutation::DropBefore => {
                    before.pop();
                }
                Mutation::DropAfter if !after.is_empty() => {
                    after.remove(0);
                }
                Mutation::Truncate => after.clear(),
                _ => {}
            }
            format!("{} {secret} {}", before.join(" "), after.join(" "))
        })
}

/// Every rendering of one script: the library's, the session's, the lenient ones.
fn every_rendering(sql: &str) -> String {
    let mut out = String::new();
    for p in parse_script(sql, &ParseOptions::default()) {
        out.push_str(&p.masked_sql(sql));
        match &p.result {
            Ok(stmt) => {
                out.push_str(&format!("{stmt}{stmt:?}"));
                out.push_str(&serde_json::to_string(stmt).unwrap());
            }
            Err(d) => out.push_str(&format!("{d:?}{d}")),
        }
    }
    out.push_str(&routine_load_fe::parser::mask::mask_sql(sql));
    let mut s = common::scale::demo_session();
    let lenient = routine_load_fe::parser::mask::source(sql);
    let (results, rendered) = common::scale::run_rendered(&mut s, sql, true);
    out.push_str(&rendered);
    let source = routine_load_fe::parser::mask::source(sql);
    for r in &results {
        out.push_str(&format!("{r:?}"));
        for d in &r.diagnostics {
            for style in [RenderStyle::Plain, RenderStyle::Fancy, RenderStyle::Short] {
                out.push_str(&render(d, &lenient, style));
            }
            out.push_str(&format!(
                "{:?}",
                routine_load_fe::diagnostics::Adapter::new(d, &source)
            ));
        }
        if let Some(p) = &r.plan {
            out.push_str(&p.to_json(false).to_string());
        }
    }
    for e in s.jobs.iter() {
        out.push_str(&format!("{e:?}"));
        out.push_str(&routine_load_fe::analyzer::render::canonical_create_sql(
            &e.job, false,
        ));
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// A secret value put anywhere in a statement (after any token, in any spelling of
    /// a secret key, with any separator, in any token shape, broken or not) is never
    /// printed.
    #[test]
    fn no_marker_in_any_output(sql in generated()) {
        let out = every_rendering(&sql);
        proptest::prop_assert!(!out.contains(MARKER), "{sql}\n---\n{}", &out[out.find(MARKER).unwrap().saturating_sub(300)..]);
    }
}
