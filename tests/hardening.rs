//! Hostile inputs: no crash, no leak, no reach outside, nothing worse than linear. Each
//! test reproduces a failure found by attacking rlfe, and checks the fix.

mod common;

use common::all_output;
use routine_load_fe::diagnostics::{render, render_width, RenderStyle, Severity, Source};
use routine_load_fe::parser::mask::source;
use routine_load_fe::session::render::json_line;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions, StatementResult};
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary in the demo database (no catalog: table checks are skipped).
fn rlfe(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = args.to_vec();
    all.extend(["--database", "demo"]);
    common::rlfe(&all, stdin)
}

/// The exit status is one rlfe chooses (0, 1, 2), never a panic (101) or an abort.
fn assert_clean_exit(o: &Output, what: &str) {
    let code = o.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}\n{}",
        all_output(o)
    );
    assert!(
        !all_output(o).contains("panicked"),
        "{what}: {}",
        all_output(o)
    );
}

/// Text and JSON output as `rlfe run` writes it, plans left out.
fn run_text(s: &mut Session, sql: &str) -> (Vec<StatementResult>, String) {
    common::scale::run_rendered(s, sql, false)
}

fn session() -> Session {
    Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    })
}

/// Runs a script and every rendering of its results (text, JSON, plans) on a thread
/// with `stack` bytes of stack.
fn run_on_stack(sql: String, stack: usize) -> Vec<(bool, Vec<String>)> {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut s = session();
            let results = s.execute_sql(&sql);
            let src = source(&sql);
            results
                .iter()
                .map(|r| {
                    for d in &r.diagnostics {
                        let _ = render(d, &src, RenderStyle::Plain);
                    }
                    let _ = json_line(r, false);
                    if let Some(p) = &r.plan {
                        let _ = p.to_text(false);
                    }
                    (r.ok, r.errors().map(|d| d.code().to_string()).collect())
                })
                .collect()
        })
        .unwrap()
        .join()
        .expect("the analysis overflowed its stack")
}

fn chain(n: usize, op: &str) -> String {
    let terms: Vec<String> = (0..n).map(|i| format!("k1 = {i}")).collect();
    format!(
        "CREATE ROUTINE LOAD db1.j ON t WHERE {} FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");\nSHOW ROUTINE LOAD FOR db1.j;",
        terms.join(op)
    )
}

#[test]
fn long_flat_expressions_hold_on_a_256_kib_stack() {
    // Within the limit (2000 expression nodes): analysed, rendered, planned.
    let results = run_on_stack(chain(500, " OR "), 256 * 1024);
    assert!(results[0].0, "{results:?}");
    let sum = format!(
        "CREATE ROUTINE LOAD db1.j ON t WHERE k1 = {} FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\");",
        vec!["1"; 990].join("+")
    );
    assert!(run_on_stack(sum, 256 * 1024)[0].0);
    // Beyond it: a located limit error, and the next statement still runs.
    for op in [" OR ", " AND "] {
        let results = run_on_stack(chain(12_000, op), 256 * 1024);
        assert_eq!(results[0].1, ["LIMIT"], "{results:?}");
        assert_eq!(results.len(), 2);
    }
    let sum = format!(
        "CREATE ROUTINE LOAD db1.j ON t WHERE k1 = {} FROM KAFKA (\"kafka_topic\" = \"t\");",
        vec!["1"; 50_000].join("+")
    );
    assert_eq!(run_on_stack(sum, 256 * 1024)[0].1, ["LIMIT"]);
}

#[test]
fn the_cli_survives_long_flat_expressions() {
    let sum = format!(
        "CREATE ROUTINE LOAD db1.j ON t WHERE k1 = {} FROM KAFKA (\"kafka_topic\"=\"t\");\nSHOW ROUTINE LOAD;",
        vec!["1"; 10_000].join("+")
    );
    let ors: Vec<String> = (0..12_000).map(|i| format!("k1 = {i}")).collect();
    let or = format!(
        "CREATE ROUTINE LOAD db1.j ON t WHERE {} FROM KAFKA (\"kafka_topic\"=\"t\");\nSHOW ROUTINE LOAD;",
        ors.join(" OR ")
    );
    for sql in [sum, or] {
        let out = rlfe(&["run", "--format", "json"], sql.as_bytes());
        assert_clean_exit(&out, "long expression");
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "the next statement runs");
        assert_eq!(lines[0]["errors"][0]["code"], "LIMIT");
        assert_eq!(lines[0]["errors"][0]["line"], 1);
        assert_eq!(
            lines[0]["errors"][0]["column"], 38,
            "at the expression's start"
        );
    }
}

/// A diagnostic far along a line is drawn in a window around its caret, in every
/// command; the renderer never fails, whatever the column or width.
#[test]
fn diagnostics_past_column_65536_are_drawn_in_a_window() {
    let far = format!("{}FROBNICATE x;", " ".repeat(65_536));
    for args in [
        &["run"][..],
        &["run", "--format", "json"],
        &["plan"],
        &["iam-policy"],
    ] {
        let out = rlfe(args, far.as_bytes());
        assert_clean_exit(&out, &format!("{args:?}"));
        let text = all_output(&out);
        assert!(text.contains("FROBNICATE"), "{args:?}: {text}");
        assert!(text.len() < 4_000, "{args:?}: {} bytes", text.len());
    }
    let out = rlfe(&["run"], far.as_bytes());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("line 1, column 65537"), "{text}");
    assert!(
        text.contains("^^^^^^^^^^"),
        "the caret covers the word: {text}"
    );
    // Generated one-line statements with a finding far to the right.
    let parts: Vec<String> = (0..15_000).map(|i| i.to_string()).collect();
    let cols: Vec<String> = (0..10_001).map(|i| format!("c{i}")).collect();
    let ins: Vec<String> = (0..20_000).map(|i| i.to_string()).collect();
    for sql in [
        format!("CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"{}\", \"kafak_offsets\" = \"1\");", parts.join(",")),
        format!("CREATE ROUTINE LOAD j ON example_tbl COLUMNS({}) FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");", cols.join(",")),
        format!("CREATE ROUTINE LOAD j ON example_tbl WHERE k1 IN ({}) FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"oops\" = 1);", ins.join(",")),
    ] {
        let mut s = session();
        s.load_demo().unwrap();
        let (results, out) = run_text(&mut s, &sql);
        assert!(!results[0].diagnostics.is_empty());
        // The JSON echo is one copy of the statement; the drawings are bounded.
        assert!(out.len() < sql.len() + 20_000, "{} bytes of output", out.len());
    }
    // The renderer on its own: any column, any width, every style.
    let d =
        routine_load_fe::diagnostics::rules::P0
            .error("x")
            .at(routine_load_fe::text::Span::new(
                routine_load_fe::text::Location::new(1, 70_000),
                routine_load_fe::text::Location::new(1, 70_010),
            ));
    let line = format!("{}é€😀\t\u{1b}[2J{}", "x".repeat(69_990), "y".repeat(100));
    let src = Source::new(&line);
    for style in [RenderStyle::Plain, RenderStyle::Fancy, RenderStyle::Short] {
        for width in [0, 1, 40, 100, 100_000] {
            let out = render_width(&d, &src, style, width);
            assert!(
                !out.contains('\u{1b}') || style == RenderStyle::Fancy,
                "{out}"
            );
            assert!(
                out.len() < width.max(40) * 8 + 400,
                "{style:?} {width}: {}",
                out.len()
            );
        }
    }
}

/// A rule that fires once per offset is folded into one finding listing the places.
#[test]
fn repeated_warnings_are_folded_and_output_stays_small() {
    let n = 2_000;
    let parts: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let offsets: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 1 {
                "99999999999999999999".into()
            } else {
                i.to_string()
            }
        })
        .collect();
    let sql = format!(
        "CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"{}\", \"kafka_offsets\" = \"{}\");",
        parts.join(","),
        offsets.join(",")
    );
    let mut s = session();
    s.load_demo().unwrap();
    let (results, out) = run_text(&mut s, &sql);
    let q27: Vec<_> = results[0]
        .diagnostics
        .iter()
        .filter(|d| d.code() == "Q27")
        .collect();
    assert_eq!(q27.len(), 1, "folded into one");
    assert_eq!(q27[0].repeats.len(), n / 2 - 1);
    let cols: std::collections::BTreeSet<u64> =
        q27[0].repeats.iter().map(|s| s.start.column).collect();
    assert_eq!(cols.len(), n / 2 - 1, "each repeat at its own offset");
    assert!(
        out.contains("999 more like it in this statement"),
        "{}",
        &out[..2000.min(out.len())]
    );
    // The drawings are a few lines; the JSON (the echo and the plan's 2000 partitions)
    // is linear in the input.
    let drawn = out.find("{\"index\"").unwrap();
    assert!(drawn < 3_000, "{drawn} bytes of text");
    assert!(
        out.len() < 8 * sql.len(),
        "{} bytes for {} bytes of input",
        out.len(),
        sql.len()
    );
}

fn secret_cases() -> Vec<(&'static str, String)> {
    let list = |v: &str| {
        format!("CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"property.sasl.password\" {v}, \"kafka_topic\" = \"t\");")
    };
    vec![
        ("two strings", list(r#"= "S3CR3T_A" "S3CR3T_B""#)),
        ("N string", list("= N'S3CR3T_N'")),
        ("X string", list("= X'5EC12E7'")),
        ("b string", list("= b'S3CR3T_b'")),
        ("e string", list("= e'S3CR3T_e'")),
        ("number prefix", list("= 1e5S3CR3T")),
        ("=>", list(r#"=> "S3CR3T_arrow""#)),
        (":=", list(r#":= "S3CR3T_walrus""#)),
        ("= =", list(r#"= = "S3CR3T_eqeq""#)),
        ("@", list("= @S3CR3T_at")),
        ("-", list("= -S3CR3T_minus")),
        ("(x)", list("= (S3CR3T_paren)")),
        ("?", list("= ?S3CR3T_q")),
        ("0x", list("= 0x5EC12E7")),
        ("no =", list(r#""S3CR3T_noeq""#)),
        ("key missing its closing quote", "CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"property.sasl.password = \"S3CR3T_noclose\", \"kafka_topic\" = \"t\");".into()),
        ("unterminated backquote before the key", "CREATE ROUTINE LOAD `j ON example_tbl FROM KAFKA (\"property.sasl.password\" = \"S3CR3T_bq\");".into()),
        ("unterminated comment before the key", "CREATE /* ROUTINE LOAD j ON example_tbl FROM KAFKA (\"property.sasl.password\" = \"S3CR3T_cm\");".into()),
        ("unterminated value", list(r#"= "S3CR3T_open"#)),
        ("S3 table function", r#"SELECT * FROM s3("uri" = "s3://b/k", "s3.access_key" = "AK", "s3.secret_key" = "S3CR3T_s3", "format" = "csv");"#.into()),
        ("SET password", "SET password = 'S3CR3T_setpw';".into()),
        ("SET PASSWORD FOR", "SET PASSWORD FOR 'u'@'%' = PASSWORD('S3CR3T_setfor');".into()),
        ("SET secret variable", "SET aws.secret_key = 'S3CR3T_setaws';".into()),
        ("IDENTIFIED BY", "CREATE USER u IDENTIFIED BY 'S3CR3T_user';".into()),
        ("IDENTIFIED BY, broken", "CREATE USER u@ IDENTIFIED BY 'S3CR3T_user2' garbage (;".into()),
        ("Java PEM key", list("= \"S3CR3T_pem\"").replace("sasl.password", "ssl.keystore.key")),
        ("fullwidth key", list("= \"S3CR3T_full\"").replace("password", "ｐａｓｓｗｏｒｄ")),
        ("zero-width key", list("= \"S3CR3T_zw\"").replace("password", "pass\u{200b}word")),
        ("soft-hyphen key", list("= \"S3CR3T_shy\"").replace("password", "pass\u{ad}word")),
        ("condition on a secret key", "CREATE ROUTINE LOAD j ON example_tbl WHERE \"password\" = \"S3CR3T_where\" FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");".into()),
    ]
}

fn leaked(text: &str) -> Option<&'static str> {
    ["S3CR3T", "5EC12E7"].into_iter().find(|m| text.contains(m))
}

/// Every reproducer of a secret leaking through a parse error, an echo or a statement
/// outside the dialect, through every library rendering and every command.
#[test]
fn secrets_do_not_leak_through_errors_echoes_or_other_statements() {
    for (name, sql) in secret_cases() {
        let mut s = session();
        s.load_demo().unwrap();
        let (results, out) = run_text(&mut s, &sql);
        assert_eq!(leaked(&out), None, "{name}: {out}");
        for r in &results {
            assert_eq!(leaked(&format!("{r:?}")), None, "{name}: Debug {r:?}");
            assert_eq!(
                leaked(&serde_json::to_string(r).unwrap()),
                None,
                "{name}: serde"
            );
            let lenient = source(&sql);
            for d in &r.diagnostics {
                for style in [RenderStyle::Plain, RenderStyle::Fancy, RenderStyle::Short] {
                    assert_eq!(leaked(&render(d, &lenient, style)), None, "{name}");
                }
            }
        }
        for p in routine_load_fe::parse_script(&sql, &Default::default()) {
            let shown = match &p.result {
                Ok(stmt) => format!("{stmt} {stmt:?} {}", serde_json::to_string(stmt).unwrap()),
                Err(d) => format!("{d:?}"),
            };
            assert_eq!(leaked(&shown), None, "{name}: {shown}");
            assert_eq!(leaked(&p.masked_sql(&sql)), None, "{name}");
        }
        assert_eq!(
            leaked(&routine_load_fe::parser::mask::mask_sql(&sql)),
            None,
            "{name}"
        );
        for args in [
            &["run"][..],
            &["run", "--format", "json"],
            &["plan"],
            &["iam-policy"],
        ] {
            let out = rlfe(args, sql.as_bytes());
            assert_clean_exit(&out, name);
            assert_eq!(
                leaked(&all_output(&out)),
                None,
                "{name} {args:?}: {}",
                all_output(&out)
            );
        }
    }
}

#[test]
fn statements_outside_the_dialect_mask_secrets_in_display_and_debug() {
    let sql =
        r#"SELECT * FROM s3("uri" = "s3://b/k", "s3.secret_key" = "S3CR3T_s3", "format" = "csv")"#;
    let stmt = routine_load_fe::parse_statement(sql).unwrap();
    let routine_load_fe::ast::Statement::Other(other) = &stmt else {
        panic!("{stmt:?}")
    };
    for shown in [
        stmt.to_string(),
        format!("{stmt:?}"),
        serde_json::to_string(&stmt).unwrap(),
    ] {
        assert_eq!(leaked(&shown), None, "{shown}");
        assert!(shown.contains("s3.secret_key"), "{shown}");
    }
    // The AST itself is there for routing.
    assert!(other.statement().to_string().contains("S3CR3T_s3"));
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `\i` and the other meta-commands run in scripts only when asked for; `\i` is
/// bounded in depth and size, reads regular files only, and never draws their lines.
#[test]
fn meta_commands_in_scripts_are_opt_in_and_bounded() {
    let dir = temp_dir("meta");
    let secret = dir.join("credentials");
    std::fs::write(&secret, "[default]\naws_access_key_id = AKIAFOREIGNFILE\n").unwrap();
    let script = format!("\\i {}\nSHOW ROUTINE LOAD;\n", secret.display());
    // Without --allow-meta: refused, located, nothing of the file read.
    let out = rlfe(&["run"], script.as_bytes());
    assert_clean_exit(&out, "refused \\i");
    assert_eq!(out.status.code(), Some(1));
    let text = all_output(&out);
    assert!(!text.contains("AKIAFOREIGNFILE"), "{text}");
    assert!(
        text.contains("line 1: meta-command \\i is not run in a script; pass --allow-meta"),
        "{text}"
    );
    assert!(
        text.contains("Empty set"),
        "the statement after it runs: {text}"
    );
    // With it: the file runs, but its lines are never drawn.
    let out = rlfe(&["run", "--allow-meta"], script.as_bytes());
    let text = all_output(&out);
    assert!(!text.contains("AKIAFOREIGNFILE"), "{text}");
    assert!(text.contains("error[P0]"), "{text}");
    // A file that includes itself stops at the depth limit.
    let me = dir.join("me.sql");
    std::fs::write(&me, format!("SHOW ROUTINE LOAD;\n\\i {}\n", me.display())).unwrap();
    let out = rlfe(
        &["run", "--allow-meta"],
        format!("\\i {}\n", me.display()).as_bytes(),
    );
    assert_clean_exit(&out, "self-include");
    let text = all_output(&out);
    assert_eq!(text.matches("Empty set").count(), 8, "{text}");
    assert!(text.contains("nested more than 8 deep"), "{text}");
    // Not a regular file.
    for path in ["/dev/zero", "/proc/self/fd/0", dir.to_str().unwrap()] {
        let out = rlfe(&["run", "--allow-meta"], format!("\\i {path}\n").as_bytes());
        assert_clean_exit(&out, path);
        assert!(
            all_output(&out).contains("not a regular file"),
            "{path}: {}",
            all_output(&out)
        );
    }
}

#[test]
fn partition_counts_are_bounded() {
    for spec in ["big=2147483647", "big=10000000", "big=100001"] {
        let out = rlfe(&["run", "--partitions", spec], b"SHOW ROUTINE LOAD;");
        assert_eq!(out.status.code(), Some(2), "{spec}");
        assert!(
            all_output(&out).contains("more than the limit of 100000 partitions per topic"),
            "{}",
            all_output(&out)
        );
    }
    let dir = temp_dir("partitions");
    let file = dir.join("metadata");
    std::fs::write(&file, "t=2147483647\n").unwrap();
    let out = rlfe(
        &["run", "--metadata", file.to_str().unwrap()],
        b"SHOW ROUTINE LOAD;",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(all_output(&out).contains("line 1: 2147483647 partitions is more than the limit"));
    let out = rlfe(&["run", "--allow-meta"], b"\\partitions t 2147483647\n");
    assert_clean_exit(&out, "\\partitions");
    assert!(
        all_output(&out).contains("more than the limit"),
        "{}",
        all_output(&out)
    );
    // A metadata source beyond the limit plans no tasks and says why.
    let mut s = session();
    s.options.max_partitions = 10;
    let mut m = routine_load_fe::plan::StaticTopicMetadata::default();
    m.set("t", 11);
    let mut s = s.with_metadata(Box::new(m));
    s.load_demo().unwrap();
    let r = s.execute_sql("CREATE ROUTINE LOAD j ON example_tbl FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");");
    let plan = r[0].plan.as_ref().unwrap();
    assert!(plan.tasks.is_empty());
    assert!(plan
        .notes
        .iter()
        .any(|n| n.code() == "LIMIT" && n.message.contains("11 partitions")));
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn errors_are_located_where_they_are() {
    // The end of an expression: at its last token, not the previous statement's ';'.
    let out = rlfe(
        &["run", "--format", "json"],
        b"SHOW ROUTINE LOAD FOR db1.a;\n\n  CREATE ROUTINE LOAD db1.j ON t WHERE k1 >\n;\n",
    );
    let l = json_lines(&out);
    assert_eq!(
        (
            l[1]["errors"][0]["line"].as_u64(),
            l[1]["errors"][0]["column"].as_u64()
        ),
        (Some(3), Some(44)),
        "{}",
        l[1]
    );
    // Limit errors at the statement's first token, after comments.
    let mut s = session();
    s.current_db = Some("d".into());
    s.options.parse.max_statement_bytes = 40;
    s.options.parse.max_statements = 3;
    let sql = "SHOW ROUTINE LOAD;\n-- a long comment that does not count toward the statement's size\n  SHOW ROUTINE LOAD;\nSHOW ALL ROUTINE LOAD FOR a_rather_long_job_name_here;\n";
    let r = s.execute_sql(sql);
    assert!(r[1].ok, "a comment does not count: {:?}", r[1].diagnostics);
    assert_eq!(r[1].sql, "SHOW ROUTINE LOAD");
    let e = r[2].first_error().unwrap();
    assert_eq!(
        (e.code(), e.line(), e.column()),
        ("LIMIT", Some(4), Some(1))
    );
    let mut s = session();
    s.options.parse.max_statements = 1;
    let r = s.execute_sql("SHOW ROUTINE LOAD;\n\n   SHOW ROUTINE LOAD;");
    let e = r[1].first_error().unwrap();
    assert_eq!((e.line(), e.column()), (Some(3), Some(4)));
    // A rejected oversized statement is echoed cut.
    let mut s = session();
    s.options.parse.max_statement_bytes = 1000;
    let big = format!("SHOW ROUTINE LOAD FOR {};", "x".repeat(5000));
    let r = s.execute_sql(&big);
    assert!(
        r[0].sql.len() < 300 && r[0].sql.ends_with("(5022 bytes)"),
        "{}",
        r[0].sql
    );
    // A byte-order mark is skipped.
    let out = rlfe(
        &["run", "--format", "json"],
        "\u{feff}SHOW ROUTINE LOAD;".as_bytes(),
    );
    assert_eq!(json_lines(&out)[0]["ok"], true);
    // Lone CRs, CRLFs and LFs number lines alike.
    for eol in ["\r", "\r\n", "\n"] {
        let sql = format!("SHOW ROUTINE LOAD;{eol}{eol}FROBNICATE;");
        let out = rlfe(&["run"], sql.as_bytes());
        let text = all_output(&out);
        assert!(
            text.contains("--> line 3, column 1") && text.contains(" 3 | FROBNICATE;"),
            "{eol:?}: {text}"
        );
    }
}

#[test]
fn invalid_utf8_fails_only_its_statement() {
    let mut input = b"SHOW ROUTINE LOAD;\nSHOW ROUTINE LOAD FOR caf".to_vec();
    input.push(0xE9);
    input.extend_from_slice(b";\n-- \xFF in a comment\nSHOW ROUTINE LOAD;\n");
    let out = rlfe(&["run", "--format", "json"], &input);
    assert_eq!(out.status.code(), Some(1));
    let l = json_lines(&out);
    assert_eq!(l.len(), 3, "{l:?}");
    assert_eq!(l[0]["ok"], true);
    assert_eq!(l[1]["errors"][0]["code"], "ENCODING");
    assert_eq!(
        (
            l[1]["errors"][0]["line"].as_u64(),
            l[1]["errors"][0]["column"].as_u64()
        ),
        (Some(2), Some(26))
    );
    assert!(
        l[1]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("byte 0xE9 (byte 44 of the input)"),
        "{}",
        l[1]
    );
    // A comment before a statement is part of its text: the byte fails it.
    assert_eq!(l[2]["errors"][0]["code"], "ENCODING");
    assert_eq!(l[2]["errors"][0]["line"], 3);
}

#[test]
fn a_closed_or_full_output_is_not_a_crash() {
    let sql = format!("{}\n", "SHOW ROUTINE LOAD;\n".repeat(20_000));
    let iam = r#"CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#;
    if std::path::Path::new("/dev/full").exists() {
        for (args, input) in [
            (&["run"][..], sql.as_str()),
            (&["iam-policy"], iam),
            (&["rules"], ""),
            (&["plan"], iam),
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let mut child = Command::new(env!("CARGO_BIN_EXE_rlfe"))
                .args(args)
                .args(["--database", "demo"])
                .stdin(Stdio::piped())
                .stdout(full)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", all_output(&out));
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("cannot write the output"),
                "{args:?}"
            );
        }
    }
    // A reader that goes away: the output ends quietly. (`--database`: the statements
    // succeed, so their output goes to the closed stream, not to standard error.)
    for args in [&["run"][..], &["rules"], &["explain", "K3"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rlfe"))
            .args(args)
            .args(["--database", "demo"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let bytes = sql.clone().into_bytes();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        let _ = std::io::Read::read(&mut stdout, &mut one);
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        assert_clean_exit(&out, &format!("{args:?} | head -c1"));
    }
}

#[test]
fn smaller_findings() {
    // The script size limit refuses the script as a whole.
    let mut s = session();
    s.options.parse.max_script_bytes = 100;
    let r = s.execute_sql(&"SHOW ROUTINE LOAD;\n".repeat(10));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].first_error().unwrap().code(), "LIMIT");
    // Control characters print escaped in text output.
    let out = rlfe(
        &["run"],
        b"SHOW ROUTINE LOAD FOR `a\x1b[2J\x07b`;\nFROBNICATE `\x1b]0;title\x07`;",
    );
    let text = all_output(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}"), "{text}");
    // iam-policy warns about a wildcard topic, as run does.
    let wild = r#"CREATE ROUTINE LOAD j ON t FROM KAFKA ("kafka_broker_list" = "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "*", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1");"#;
    let run = all_output(&rlfe(&["run"], wild.as_bytes()));
    let iam = rlfe(&["iam-policy"], wild.as_bytes());
    let warned: Vec<&str> = run.lines().filter(|l| l.starts_with("warning[")).collect();
    assert!(!warned.is_empty(), "{run}");
    for w in warned {
        assert!(
            String::from_utf8_lossy(&iam.stderr).contains(w),
            "iam-policy does not say {w}"
        );
    }
    // --deny-warnings: a failed statement always lists its errors.
    let out = rlfe(
        &["run", "--format", "json", "--deny-warnings"],
        wild.as_bytes(),
    );
    let l = json_lines(&out);
    assert_eq!(l[0]["ok"], false);
    assert!(!l[0]["errors"].as_array().unwrap().is_empty(), "{}", l[0]);
    let text = all_output(&rlfe(&["run", "--deny-warnings"], wild.as_bytes()));
    assert!(text.starts_with("ERROR (--deny-warnings): "), "{text}");
    // Findings beyond the per-statement limit are counted in a located note.
    let mut s = session();
    s.current_db = Some("demo".into());
    s.options.max_diagnostics = 1;
    let r = s.execute_sql(&format!("SHOW ROUTINE LOAD;\n  {wild}"));
    let last = r[1].diagnostics.last().unwrap();
    assert_eq!(
        (last.code(), last.severity),
        ("LIMIT", Severity::Note),
        "{:?}",
        r[1].diagnostics
    );
    assert_eq!((last.line(), last.column()), (Some(2), Some(3)));
    assert_eq!(last.stage, routine_load_fe::Stage::Analyze);
    assert_eq!(r[1].diagnostics.len(), 2);
    // Warnings are errors under deny_warnings in the library too.
    let mut s = Session::new(SessionOptions {
        deny_warnings: true,
        ..SessionOptions::default()
    });
    s.current_db = Some("demo".into());
    let r = s.execute_sql(wild);
    assert!(!r[0].ok);
    assert!(r[0]
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Warning));
}
