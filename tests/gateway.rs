//! `rlfe serve` with real clients: the mysql command-line client, pymysql, and
//! mysql_async connections from these tests; a durable registry that survives SIGTERM
//! and `kill -9`; an upstream MariaDB standing in for Doris FE. Every server is started
//! here on 127.0.0.1 and stopped when its test ends; every wait is bounded.

#![cfg(feature = "server")]

mod common;

use common::services::{self, mysql_client, Mariadb, Served};
use mysql_async::prelude::Queryable;
use routine_load_fe::server::{Gateway, ServerOptions, Users};
use routine_load_fe::session::Session;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap()
}

/// A gateway in this process on a free port, serving until the runtime ends.
async fn in_process(options: ServerOptions) -> (Arc<Gateway>, u16) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let gateway = Gateway::open(options).unwrap();
    tokio::spawn(gateway.clone().serve(listener, std::future::pending()));
    (gateway, port)
}

fn quiet(demo: bool) -> ServerOptions {
    ServerOptions {
        demo,
        log_statements: false,
        ..ServerOptions::default()
    }
}

async fn connect(
    port: u16,
    user: &str,
    password: &str,
) -> Result<mysql_async::Conn, mysql_async::Error> {
    let opts = mysql_async::OptsBuilder::default()
        .ip_or_hostname("127.0.0.1")
        .tcp_port(port)
        .user(Some(user))
        .pass(Some(password))
        .prefer_socket(false);
    tokio::time::timeout(Duration::from_secs(20), mysql_async::Conn::new(opts))
        .await
        .expect("connects within 20 s")
}

/// Runs a statement: Ok(warning count) or Err((errno, message)).
async fn exec(c: &mut mysql_async::Conn, sql: &str) -> Result<u16, (u16, String)> {
    match c.query_iter(sql).await {
        Ok(mut r) => {
            let w = r.warnings();
            let _: Vec<mysql_async::Row> = r.collect().await.map_err(server_error)?;
            Ok(w)
        }
        Err(e) => Err(server_error(e)),
    }
}

fn server_error(e: mysql_async::Error) -> (u16, String) {
    match e {
        mysql_async::Error::Server(s) => (s.code, s.message),
        other => (0, other.to_string()),
    }
}

async fn rows(c: &mut mysql_async::Conn, sql: &str) -> Vec<Vec<Option<String>>> {
    let rows: Vec<mysql_async::Row> = c.query(sql).await.unwrap();
    rows.into_iter()
        .map(|r| {
            (0..r.len())
                .map(|i| match r.as_ref(i) {
                    Some(mysql_async::Value::Bytes(b)) => {
                        Some(String::from_utf8_lossy(b).into_owned())
                    }
                    Some(mysql_async::Value::NULL) | None => None,
                    Some(v) => Some(v.as_sql(true)),
                })
                .collect()
        })
        .collect()
}

fn create(name: &str) -> String {
    format!(
        r#"CREATE ROUTINE LOAD demo.{name} ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "kafka_partitions" = "0,1")"#
    )
}

/// SHOW ALL ROUTINE LOAD of database demo as (name, state) pairs.
async fn job_states(c: &mut mysql_async::Conn) -> BTreeMap<String, String> {
    exec(c, "USE demo").await.unwrap();
    rows(c, "SHOW ALL ROUTINE LOAD")
        .await
        .into_iter()
        .map(|r| (r[1].clone().unwrap(), r[8].clone().unwrap()))
        .collect()
}

#[test]
fn mysql_client_runs_the_design_examples_and_shows_doris_answers() {
    let served = Served::start(&["--demo", "--quiet"]);
    let examples = std::fs::read_to_string(format!("{CORPUS}/msk_examples.sql")).unwrap();
    let two: String = examples
        .split(';')
        .take(2)
        .map(|s| format!("{s};"))
        .collect();
    let script = format!(
        "{two}\nSHOW ROUTINE LOAD\\G\nCREATE ROUTINE LOAD demo.bad ON user_events FROM KAFKA (\"kafka_topic\" = \"t\");\n"
    );
    let Some(out) = mysql_client(
        served.port,
        &["-uroot", "--force", "--show-warnings"],
        &script,
    ) else {
        return services::skip(
            "mysql client",
            "no mysql/mariadb client (Debian's mariadb-client)",
        );
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("                Name: load_user_events"),
        "{stdout}"
    );
    assert!(
        stdout.contains("                Name: load_cross_account"),
        "{stdout}"
    );
    assert!(
        stdout.contains("               State: NEED_SCHEDULE"),
        "{stdout}"
    );
    assert!(stdout.contains("                User: root"), "{stdout}");
    // rlfe's warnings are MySQL warnings, listed with --show-warnings.
    assert!(stdout.contains("Warning (Code 1105): [MSK-16]"), "{stdout}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("ERROR 1105 (HY000) at line ")
                && l.ends_with(
                    ": errCode = 2, detailMessage = kafka_broker_list is a required property"
                )),
        "{stderr}"
    );
    // Doris's own error numbers outside MySQL's list reach the client unchanged.
    let out = mysql_client(
        served.port,
        &["-uroot"],
        "ALTER ROUTINE LOAD FOR `1job` PROPERTIES (\"max_error_number\" = \"1\");",
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().any(|l| l.starts_with("ERROR 5063 (42000) at line 1: errCode = 2, detailMessage = Incorrect ROUTINE LOAD NAME name '1job'")),
        "{stderr}"
    );
}

/// The `ERROR` lines of `rlfe run --demo FILE`, in order.
fn run_errors(file: &str) -> Vec<String> {
    let out = common::rlfe(&["run", "--demo", file], "");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("ERROR "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_corpus_through_the_mysql_client_gets_the_verdicts_of_rlfe_run() {
    if services::program("mariadb")
        .or_else(|| services::program("mysql"))
        .is_none()
    {
        return services::skip(
            "mysql client corpus",
            "no mysql/mariadb client (Debian's mariadb-client)",
        );
    }
    for name in [
        "statements",
        "security",
        "rules",
        "malformed",
        "msk_examples",
        "session",
    ] {
        let file = format!("{CORPUS}/{name}.sql");
        let served = Served::start(&["--demo", "--quiet"]);
        let sql = std::fs::read_to_string(&file).unwrap();
        // --comments: the client passes comments on as Doris's clients do (without it,
        // it cuts nested comments short).
        let out = mysql_client(served.port, &["-uroot", "--force", "--comments"], &sql).unwrap();
        let got: Vec<String> = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.starts_with("ERROR "))
            // Statements outside routine load and the catalog are refused without an
            // upstream; `rlfe run` notes them.
            .filter(|l| !l.contains("rlfe serve runs routine-load and catalog statements"))
            .map(|l| {
                let (head, rest) = l.split_once(" at line ").unwrap();
                let (_, msg) = rest.split_once(": ").unwrap();
                format!("{head}: {msg}")
            })
            .collect();
        let want = run_errors(&file);
        assert!(!want.is_empty() || name == "msk_examples");
        assert_eq!(got, want, "{name}.sql");
    }
}

#[test]
fn pymysql_gets_the_library_s_verdict_for_every_statement() {
    let deps = match services::pymysql() {
        Ok(d) => d,
        Err(why) => return services::skip("pymysql", &why),
    };
    let served = Served::start(&["--demo", "--quiet"]);
    // The expected answers: a session on the demo catalog, statement by statement.
    let mut session = Session::default();
    session.load_demo().unwrap();
    session.current_db = Some("demo".into());
    let mut cases = Vec::new();
    for name in ["statements", "security"] {
        let sql = std::fs::read_to_string(format!("{CORPUS}/{name}.sql")).unwrap();
        for parsed in routine_load_fe::parse(&sql) {
            let text = parsed.sql(&sql).to_string();
            let r = session.execute_parsed(&parsed, &sql);
            if r.kind == routine_load_fe::StatementKind::Other && r.rows.is_none() {
                continue;
            }
            let (errno, message) = match r.first_error() {
                Some(d) if !r.ok => (
                    d.mysql_code().0,
                    format!("errCode = 2, detailMessage = {}", d.message),
                ),
                _ => (0, String::new()),
            };
            // Result sets carry no warning count (their EOF packet says 0).
            let warnings = if r.ok && r.rows.is_none() {
                r.diagnostics.len()
            } else {
                0
            };
            cases.push(serde_json::json!({"sql": text, "errno": errno, "message": message, "warnings": warnings}));
        }
    }
    let cases_file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pymysql-cases.json");
    std::fs::write(&cases_file, serde_json::to_string(&cases).unwrap()).unwrap();
    let script = r#"
import json, sys, pymysql
cases = json.load(open(sys.argv[2]))
conn = pymysql.connect(host="127.0.0.1", port=int(sys.argv[1]), user="root", password="", database="demo", autocommit=True)
bad = []
for c in cases:
    cur = conn.cursor()
    try:
        cur.execute(c["sql"])
        got = (0, "", cur._result.warning_count if cur._result else 0)
    except pymysql.err.MySQLError as e:
        got = (e.args[0], e.args[1], 0)
    want = (c["errno"], c["message"], c["warnings"])
    if got != tuple(want):
        bad.append({"sql": c["sql"][:120], "want": want, "got": got})
print(json.dumps({"cases": len(cases), "bad": bad}))
"#;
    let out = services::run_bounded(
        std::process::Command::new("python3")
            .args(["-c", script, &served.port.to_string()])
            .arg(&cases_file)
            .env("PYTHONPATH", &deps)
            .current_dir("/"),
        b"",
        Duration::from_secs(120),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(report["cases"].as_u64().unwrap() > 100, "{report}");
    assert_eq!(report["bad"], serde_json::json!([]), "{report:#}");
}

#[test]
fn logins_are_checked_with_mysql_native_password() {
    runtime().block_on(async {
        let mut users = Users::default();
        users.add("etl", "s3cret");
        users.add("root", "");
        let (_g, port) = in_process(ServerOptions {
            users,
            ..quiet(true)
        })
        .await;
        let mut c = connect(port, "etl", "s3cret").await.unwrap();
        assert_eq!(
            rows(&mut c, "SELECT CURRENT_USER()").await[0][0].as_deref(),
            Some("'etl'@'%'")
        );
        connect(port, "root", "").await.unwrap();
        let err = connect(port, "etl", "wrong").await.map(|_| ()).unwrap_err();
        assert_eq!(
            server_error(err),
            (
                1045,
                "Access denied for user 'etl@127.0.0.1' (using password: YES)".into()
            )
        );
        let err = connect(port, "nobody", "").await.map(|_| ()).unwrap_err();
        assert_eq!(
            server_error(err),
            (
                1045,
                "Access denied for user 'nobody@127.0.0.1' (using password: NO)".into()
            )
        );
    });
}

#[test]
fn connections_share_one_registry_and_one_name_is_created_once() {
    runtime().block_on(async {
        let (_g, port) = in_process(quiet(true)).await;
        let mut a = connect(port, "root", "").await.unwrap();
        let mut b = connect(port, "root", "").await.unwrap();
        exec(&mut a, &create("shared")).await.unwrap();
        exec(&mut b, "PAUSE ROUTINE LOAD FOR demo.shared")
            .await
            .unwrap();
        assert_eq!(job_states(&mut a).await["shared"], "PAUSED");
        assert_eq!(
            exec(&mut a, "PAUSE ROUTINE LOAD FOR demo.shared")
                .await
                .unwrap_err()
                .0,
            1105,
            "a second pause meets Doris's state rule"
        );
        // 64 connections race to create one name: exactly one wins.
        let mut tasks = Vec::new();
        for _ in 0..64 {
            tasks.push(tokio::spawn(async move {
                let mut c = connect(port, "root", "").await.unwrap();
                exec(&mut c, &create("race")).await
            }));
        }
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(_) => ok += 1,
                Err((1105, msg)) => assert_eq!(
                    msg,
                    "errCode = 2, detailMessage = Name race already used in db demo"
                ),
                Err(other) => panic!("{other:?}"),
            }
        }
        assert_eq!(ok, 1);
        // Per-connection state stays per connection.
        exec(&mut b, "SET time_zone = '+08:00'").await.unwrap();
        assert_eq!(
            rows(&mut b, "SELECT @@time_zone").await[0][0].as_deref(),
            Some("+08:00")
        );
        assert_eq!(
            rows(&mut a, "SELECT @@time_zone").await[0][0].as_deref(),
            Some("Asia/Shanghai")
        );
        exec(&mut b, "USE demo2").await.unwrap();
        assert_eq!(
            rows(&mut b, "SELECT DATABASE()").await[0][0].as_deref(),
            Some("demo2")
        );
        assert_eq!(
            rows(&mut a, "SELECT DATABASE()").await[0][0].as_deref(),
            Some("demo")
        );
        assert_eq!(
            exec(&mut a, "USE nosuch").await.unwrap_err(),
            (
                1049,
                "errCode = 2, detailMessage = Unknown database 'nosuch'".into()
            )
        );
        let health = rows(&mut a, "SHOW HEALTH").await;
        assert_eq!(health[0][0].as_deref(), Some("OK"));
        assert_eq!(health[0][4].as_deref(), Some("2"));
    });
}

#[test]
fn sixty_four_connections_times_fifty_statements_account_for_every_job() {
    runtime().block_on(async {
        let (gateway, port) = in_process(quiet(true)).await;
        let work = async {
            let mut tasks = Vec::new();
            for conn in 0..64 {
                tasks.push(tokio::spawn(async move {
                    let mut c = connect(port, "root", "").await.unwrap();
                    let mut failures = Vec::new();
                    // 25 times a CREATE and a state change: 50 statements, at most one
                    // running job per connection (Doris allows 100).
                    for j in 0..25 {
                        let name = format!("c{conn}_j{j}");
                        if let Err(e) = exec(&mut c, &create(&name)).await {
                            failures.push(e);
                        }
                        let change = if j % 2 == 0 {
                            format!("STOP ROUTINE LOAD FOR demo.{name}")
                        } else {
                            // Paused jobs count as running for the limit: stopped after.
                            format!("PAUSE ROUTINE LOAD FOR demo.{name}; STOP ROUTINE LOAD FOR demo.{name}")
                        };
                        if let Err(e) = exec(&mut c, &change).await {
                            failures.push(e);
                        }
                    }
                    failures
                }));
            }
            for t in tasks {
                assert_eq!(t.await.unwrap(), Vec::<(u16, String)>::new());
            }
        };
        tokio::time::timeout(Duration::from_secs(300), work)
            .await
            .expect("the load finishes within 300 s");
        assert_eq!(gateway.job_count(), 64 * 25);
        let mut c = connect(port, "root", "").await.unwrap();
        let states = job_states(&mut c).await;
        assert_eq!(states.len(), 64 * 25);
        assert!(states.values().all(|s| s == "STOPPED"), "{states:?}");
    });
}

#[test]
fn a_durable_registry_survives_a_restart_with_ids_times_and_states() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("durable-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.to_str().unwrap();
    let rt = runtime();
    let mut served = Served::start(&["--demo", "--quiet", "--data-dir", data]);
    let before = rt.block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        exec(&mut c, "CREATE DATABASE extra").await.unwrap();
        exec(&mut c, "CREATE TABLE extra.t (k INT, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1").await.unwrap();
        exec(&mut c, &create("a")).await.unwrap();
        exec(&mut c, &create("b")).await.unwrap();
        exec(&mut c, &create("c")).await.unwrap();
        exec(&mut c, "PAUSE ROUTINE LOAD FOR demo.a").await.unwrap();
        exec(&mut c, "ALTER ROUTINE LOAD FOR demo.a PROPERTIES (\"max_batch_rows\" = \"300000\")").await.unwrap();
        exec(&mut c, "STOP ROUTINE LOAD FOR demo.b").await.unwrap();
        exec(&mut c, r#"CREATE ROUTINE LOAD extra.d ON t FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t2", "property.sasl.password" = "hunter2")"#).await.unwrap();
        // A rejected statement leaves nothing behind.
        assert!(exec(&mut c, &create("a")).await.is_err());
        let mut all = rows(&mut c, "SHOW ALL ROUTINE LOAD").await;
        exec(&mut c, "USE extra").await.unwrap();
        all.extend(rows(&mut c, "SHOW ALL ROUTINE LOAD").await);
        all.extend(rows(&mut c, "SHOW CREATE ROUTINE LOAD FOR extra.d").await);
        all
    });
    assert!(
        served.terminate(),
        "SIGTERM stops it cleanly: {}",
        served.log()
    );
    assert!(served.log().contains("rlfe serve: stopped"));
    // Secrets are in the FE's metadata, which only its owner may read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("rlfe.sqlite3"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    let served = Served::start(&["--quiet", "--data-dir", data]);
    let after = rt.block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        let mut all = rows(&mut c, "SHOW ALL ROUTINE LOAD").await;
        exec(&mut c, "USE extra").await.unwrap();
        all.extend(rows(&mut c, "SHOW ALL ROUTINE LOAD").await);
        all.extend(rows(&mut c, "SHOW CREATE ROUTINE LOAD FOR extra.d").await);
        // The catalog came back too.
        assert_eq!(
            rows(&mut c, "SHOW TABLES FROM extra").await,
            vec![vec![Some("t".to_string())]]
        );
        all
    });
    assert_eq!(before.len(), 5);
    assert_eq!(after, before);
    assert!(served.log().contains("(durable in"), "{}", served.log());
}

async fn show_kinesis(c: &mut mysql_async::Conn) -> Vec<Vec<Option<String>>> {
    let mut all = rows(c, "SHOW ALL ROUTINE LOAD").await;
    all.extend(rows(c, "SHOW CREATE ROUTINE LOAD FOR demo.kj").await);
    all
}

#[test]
fn a_master_gateway_journals_kinesis_jobs_udfs_and_retargets_under_its_version() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("durable-master-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.to_str().unwrap();
    let rt = runtime();
    let mut served = Served::start(&[
        "--demo",
        "--quiet",
        "--doris-version",
        "master",
        "--data-dir",
        data,
    ]);
    let before = rt.block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        exec(&mut c, r#"CREATE ROUTINE LOAD demo.kj ON example_tbl FROM KINESIS ("aws.region" = "us-east-1", "kinesis_stream" = "orders", "kinesis_shards" = "shardId-000000000000", "kinesis_shards_pos" = "TRIM_HORIZON", "aws.access_key" = "AKIAIOSFODNN7EXAMPLE", "aws.secret_key" = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")"#).await.unwrap();
        exec(&mut c, r#"CREATE GLOBAL FUNCTION my_udf(string) RETURNS string PROPERTIES ("type" = "JAVA_UDF")"#).await.unwrap();
        exec(&mut c, r#"CREATE ROUTINE LOAD demo.kf ON example_tbl COLUMNS(k1, k2, v1 = my_udf(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#).await.unwrap();
        exec(&mut c, "PAUSE ROUTINE LOAD FOR demo.kf").await.unwrap();
        exec(&mut c, r#"ALTER ROUTINE LOAD FOR demo.kf SET TARGET TABLE = "example_random""#).await.unwrap();
        // Doris master's answers on the wire.
        let e = exec(&mut c, "ALTER ROUTINE LOAD FOR demo.kf ON example_tbl").await.unwrap_err();
        assert!(e.1.contains("expected end of statement, found 'ON'"), "{e:?}");
        let e = exec(&mut c, r#"CREATE ROUTINE LOAD demo.bad ON example_tbl COLUMNS(k1, k2, v1 = nosuch(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#).await.unwrap_err();
        assert!(e.1.contains("Can not found function 'nosuch'"), "{e:?}");
        let all = show_kinesis(&mut c).await;
        let text = format!("{all:?}");
        assert!(text.contains("KINESIS") && text.contains("example_random"), "{text}");
        assert!(!text.contains("wJalrXUtnFEMI"), "{text}");
        all
    });
    assert!(served.terminate(), "{}", served.log());
    // The data directory answers only as the version it journaled under.
    let refused = common::rlfe(
        &[
            "serve",
            "--quiet",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data,
        ],
        "",
    );
    assert!(!refused.status.success());
    assert!(common::all_output(&refused).contains("start it with --doris-version master"));
    let served = Served::start(&["--quiet", "--doris-version", "master", "--data-dir", data]);
    let after = rt.block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        show_kinesis(&mut c).await
    });
    assert_eq!(after, before);
}

/// Eight connections create (and at once stop) jobs as fast as they can, one name in
/// five twice, until `stop` ends the server; after a restart every acknowledged job is
/// there, and no job whose statement was refused. A statement whose answer never
/// arrived (the connection died with the server) is in doubt: either is right.
fn burst_then_restart(name: &str, log: bool, stop: impl FnOnce(&mut Served)) -> Served {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.to_str().unwrap().to_string();
    let rt = runtime();
    let mut args = vec!["--demo", "--data-dir", &data];
    if !log {
        args.push("--quiet");
    }
    let mut served = Served::start(&args);
    let port = served.port;
    let outcomes = rt.block_on(async {
        let mut tasks = Vec::new();
        for conn in 0..8 {
            tasks.push(tokio::spawn(async move {
                let mut c = connect(port, "root", "").await.unwrap();
                let mut seen: Vec<(String, Result<(), bool>)> = Vec::new();
                for j in 0..10_000 {
                    let name = if j % 5 == 4 {
                        format!("k{conn}_{}", j - 1)
                    } else {
                        format!("k{conn}_{j}")
                    };
                    match exec(&mut c, &create(&name)).await {
                        // Stopped at once: Doris allows 100 running jobs.
                        Ok(_) => {
                            seen.push((name.clone(), Ok(())));
                            if exec(&mut c, &format!("STOP ROUTINE LOAD FOR demo.{name}"))
                                .await
                                .is_err()
                            {
                                break;
                            }
                        }
                        // The server answered with an error: nothing was applied.
                        Err((code, _)) if code != 0 => seen.push((name, Err(true))),
                        // The connection died with the server: this one is in doubt.
                        Err(_) => {
                            seen.push((name, Err(false)));
                            break;
                        }
                    }
                }
                seen
            }));
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        stop(&mut served);
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all
    });
    let acknowledged: BTreeSet<String> = outcomes
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(n, _)| n.clone())
        .collect();
    let in_doubt: BTreeSet<String> = outcomes
        .iter()
        .filter(|(_, r)| *r == Err(false))
        .map(|(n, _)| n.clone())
        .collect();
    assert!(
        acknowledged.len() > 20,
        "the burst ran: {}",
        acknowledged.len()
    );
    let restarted = Served::start(&["--quiet", "--data-dir", &data]);
    let present: BTreeSet<String> = rt.block_on(async {
        let mut c = connect(restarted.port, "root", "").await.unwrap();
        job_states(&mut c).await.into_keys().collect()
    });
    let lost: Vec<_> = acknowledged.difference(&present).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let unacknowledged: Vec<_> = present
        .difference(&acknowledged)
        .filter(|n| !in_doubt.contains(*n))
        .collect();
    assert!(
        unacknowledged.is_empty(),
        "present without an OK: {unacknowledged:?}"
    );
    served
}

#[test]
fn kill_9_during_a_burst_of_creates_keeps_every_acknowledged_job_and_no_refused_one() {
    burst_then_restart("crash", false, Served::kill9);
}

#[test]
fn sigterm_during_a_burst_finishes_what_is_in_flight_and_stops_cleanly() {
    let mut clean = false;
    let served = burst_then_restart("sigterm", true, |s| clean = s.terminate());
    assert!(clean, "exit status 0 after SIGTERM: {}", served.log());
    let log = served.log();
    assert!(log.contains("rlfe serve: stopped"), "{log}");
    // One structured line per statement.
    let line = log
        .lines()
        .find(|l| l.contains("kind=CreateRoutineLoad"))
        .unwrap();
    assert!(
        line.contains("conn=")
            && line.contains("user=root")
            && line.contains("verdict=\"ok")
            && line.contains(" ms="),
        "{line}"
    );
}

#[test]
fn the_statement_log_masks_secrets() {
    let served = Served::start(&["--demo"]);
    runtime().block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        exec(&mut c, r#"CREATE ROUTINE LOAD demo.s ON example_tbl FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "PLAIN", "property.sasl.username" = "u", "property.sasl.password" = "hunter2-secret")"#).await.unwrap();
        let shown = rows(&mut c, "SHOW CREATE ROUTINE LOAD FOR demo.s").await;
        assert!(!format!("{shown:?}").contains("hunter2-secret"));
    });
    let log = served.log();
    assert!(log.contains("kind=CreateRoutineLoad"), "{log}");
    assert!(!log.contains("hunter2-secret"), "{log}");
}

#[test]
fn limits_connections_statement_size_and_idle_time() {
    runtime().block_on(async {
        let (_g, port) = in_process(ServerOptions {
            max_connections: 2,
            max_statement_bytes: 1000,
            idle_timeout: Duration::from_secs(1),
            ..quiet(true)
        })
        .await;
        let mut a = connect(port, "root", "").await.unwrap();
        let _b = connect(port, "root", "").await.unwrap();
        let err = connect(port, "root", "").await.map(|_| ()).unwrap_err();
        assert_eq!(server_error(err), (1040, "Too many connections".into()));
        let long = format!("SHOW ROUTINE LOAD FOR demo.{}", "x".repeat(2000));
        assert_eq!(
            exec(&mut a, &long).await.unwrap_err(),
            (
                1105,
                "errCode = 2, detailMessage = statement is larger than the limit of 1000 bytes"
                    .into()
            )
        );
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert!(
            exec(&mut a, "SELECT 1").await.is_err(),
            "an idle connection is closed"
        );
        // Its slot is free again.
        connect(port, "root", "").await.unwrap();
    });
}

#[test]
fn without_an_upstream_other_statements_are_refused_with_a_reason() {
    runtime().block_on(async {
        let (_g, port) = in_process(quiet(true)).await;
        let mut c = connect(port, "root", "").await.unwrap();
        let (errno, msg) = exec(&mut c, "INSERT INTO example_tbl VALUES (1)").await.unwrap_err();
        assert_eq!(errno, 1105);
        assert!(msg.contains("--upstream"), "{msg}");
        assert_eq!(rows(&mut c, "SELECT 1").await, vec![vec![Some("1".into())]]);
        assert_eq!(rows(&mut c, "SHOW VARIABLES LIKE 'version_comment'").await[0][1].as_deref(), Some(routine_load_fe::server::VERSION_COMMENT));
        exec(&mut c, &create("warned")).await.unwrap();
        let explain = rows(&mut c, &format!("EXPLAIN {}", create("explained"))).await;
        assert!(explain.len() > 3, "{explain:?}");
        assert!(explain.iter().any(|r| r[0].as_deref().unwrap_or("").contains("explained")), "{explain:?}");
        let tasks = rows(&mut c, "SHOW ROUTINE LOAD TASK WHERE JobName = \"warned\"").await;
        assert_eq!(tasks.len(), 0, "a NEED_SCHEDULE job has no running task: {tasks:?}");
        let w = exec(&mut c, r#"CREATE ROUTINE LOAD demo.w2 ON example_tbl FROM KAFKA ("kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "AWS_MSK_IAM")"#).await.unwrap();
        assert!(w > 0);
        let warnings = rows(&mut c, "SHOW WARNINGS").await;
        assert_eq!(warnings.len(), usize::from(w));
        assert!(warnings.iter().any(|r| r[2].as_deref().unwrap().starts_with("[MSK-16]")), "{warnings:?}");
    });
}

#[test]
fn an_upstream_mariadb_gets_what_rlfe_accepts_and_nothing_it_rejects() {
    let db = match Mariadb::start("upstream") {
        Ok(db) => db,
        Err(why) => return services::skip("upstream MariaDB", &why),
    };
    let upstream = format!("127.0.0.1:{}", db.port);
    let served = Served::start(&["--quiet", "--upstream", &upstream]);
    runtime().block_on(async {
        let mut c = connect(served.port, "root", "").await.unwrap();
        // Forwarded untouched, rows streamed back.
        exec(&mut c, "CREATE DATABASE shop").await.unwrap();
        exec(&mut c, "USE shop").await.unwrap();
        exec(&mut c, "CREATE TABLE orders (id BIGINT PRIMARY KEY, amount DECIMAL(10,2), note VARCHAR(20))").await.unwrap();
        exec(&mut c, "INSERT INTO orders VALUES (1, 9.50, 'a'), (2, 3.25, NULL)").await.unwrap();
        assert_eq!(
            rows(&mut c, "SELECT id, amount, note FROM orders ORDER BY id").await,
            vec![
                vec![Some("1".into()), Some("9.50".into()), Some("a".into())],
                vec![Some("2".into()), Some("3.25".into()), None],
            ]
        );
        assert_eq!(rows(&mut c, "SELECT DATABASE()").await[0][0].as_deref(), Some("shop"));
        // The upstream's own errors come back as they are.
        let (errno, _) = exec(&mut c, "SELECT * FROM nosuch").await.unwrap_err();
        assert_eq!(errno, 1146);
        // Rejected by the analysis, against the table the upstream describes: never forwarded.
        assert_eq!(
            exec(&mut c, r#"CREATE ROUTINE LOAD shop.bad1 ON orders FROM KAFKA ("kafka_topic" = "t")"#).await.unwrap_err(),
            (1105, "errCode = 2, detailMessage = kafka_broker_list is a required property".into())
        );
        // The keys come from the upstream: a table without a primary key is not UNIQUE.
        exec(&mut c, "CREATE TABLE events (id BIGINT, v INT)").await.unwrap();
        assert_eq!(
            exec(&mut c, r#"CREATE ROUTINE LOAD shop.bad2 ON events WITH DELETE FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#).await.unwrap_err(),
            (1105, "errCode = 2, detailMessage = load by MERGE or DELETE is only supported in unique tables.".into())
        );
        assert_eq!(
            exec(&mut c, r#"CREATE ROUTINE LOAD shop.bad3 ON nosuch FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#).await.unwrap_err(),
            (1051, "errCode = 2, detailMessage = Unknown table 'nosuch'".into())
        );
        // Accepted: forwarded, and the upstream's own answer returned (MariaDB has no
        // routine load, so its parser refuses it).
        let (errno, msg) = exec(
            &mut c,
            r#"CREATE ROUTINE LOAD shop.good ON orders WITH DELETE COLUMNS(id, amount, note) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t")"#,
        )
        .await
        .unwrap_err();
        assert_eq!(errno, 1064, "{msg}");
        // What reached the upstream: the forwarded statements, none of the rejected ones.
        let seen = rows(&mut c, "SELECT argument FROM mysql.general_log WHERE argument LIKE '%ROUTINE LOAD%'").await;
        let seen: Vec<String> = seen.into_iter().filter_map(|r| r[0].clone()).filter(|a| !a.contains("general_log")).collect();
        assert!(seen.iter().any(|a| a.contains("shop.good")), "{seen:?}");
        assert!(!seen.iter().any(|a| a.contains("bad1") || a.contains("bad2") || a.contains("bad3")), "{seen:?}");
    });
    drop(served);
    drop(db);
}
