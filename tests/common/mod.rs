//! Helpers shared by the integration tests.
#![allow(dead_code)]

use routine_load_fe::diagnostics::Severity;
use routine_load_fe::session::render::{text, Style};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions, StatementResult};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub mod processes;
pub mod responder;
pub mod scale;
pub mod services;

/// Runs the `rlfe` binary on `stdin` (written from a thread, so a large input cannot
/// dead-lock against a full output pipe), without colours.
pub fn rlfe(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rlfe"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rlfe runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("rlfe finishes");
    let _ = writer.join();
    out
}

/// Standard output and standard error, one after the other.
pub fn all_output(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs `f` with insta writing to the top-level `snapshots/` folder.
pub fn with_snapshots<F: FnOnce()>(f: F) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f);
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Splits a file of cases headed by `-- case: <name>` lines.
pub fn cases(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("-- case: ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

/// A session on the fixture catalog (tests/corpus/catalog.sql), current database db1.
pub fn fixture_session(configure: impl FnOnce(&mut SessionOptions)) -> Session {
    let mut options = SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    };
    configure(&mut options);
    let mut s = Session::new(options);
    let failed = s.load_catalog_script(&read("tests/corpus/catalog.sql"));
    assert!(
        failed.is_empty(),
        "fixture catalog failed: {:?}",
        failed[0].diagnostics
    );
    s
}

pub struct Expectation {
    pub code: String,
    /// `None`: the code must not appear and the statement must be accepted.
    pub severity: Option<Severity>,
}

pub fn expectation(header: &str) -> (String, Expectation) {
    let (name, rest) = header
        .split_once(" expect ")
        .unwrap_or_else(|| panic!("bad case header: {header}"));
    let mut parts = rest.split_whitespace();
    let code = parts.next().unwrap().to_string();
    let severity = match parts.next().unwrap() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "note" => Some(Severity::Note),
        "none" => None,
        other => panic!("bad severity {other}"),
    };
    (name.to_string(), Expectation { code, severity })
}

pub fn check(name: &str, e: &Expectation, last: &StatementResult) {
    let found: Vec<_> = last
        .diagnostics
        .iter()
        .filter(|d| d.code() == e.code)
        .collect();
    match e.severity {
        Some(Severity::Error) => {
            assert!(
                !last.ok,
                "{name}: expected {} to reject the statement",
                e.code
            );
            let first = last.first_error().expect("an error");
            assert_eq!(
                first.code(),
                e.code,
                "{name}: the first error must be {}, got {} ({})",
                e.code,
                first.code(),
                first.message
            );
            assert!(first.span.is_some(), "{name}: the error has no location");
        }
        Some(sev) => {
            assert!(
                found.iter().any(|d| d.severity == sev),
                "{name}: expected {} at {sev:?}, got {:?}",
                e.code,
                last.diagnostics
                    .iter()
                    .map(|d| (d.code(), d.severity))
                    .collect::<Vec<_>>()
            );
            assert!(
                last.ok,
                "{name}: a {sev:?} must not reject the statement: {:?}",
                last.first_error().map(|d| &d.message)
            );
        }
        None => {
            assert!(
                found.is_empty(),
                "{name}: {} must not fire: {:?}",
                e.code,
                found.iter().map(|d| &d.message).collect::<Vec<_>>()
            );
            assert!(
                last.ok,
                "{name}: expected acceptance, got {:?}",
                last.first_error().map(|d| (d.code(), &d.message))
            );
        }
    }
}

pub fn render_all(results: &[StatementResult], sql: &str) -> String {
    let source = routine_load_fe::parser::mask::source(sql);
    let style = Style::plain();
    results
        .iter()
        .map(|r| {
            format!(
                "-- [{}] {} ok={}\n{}",
                r.index,
                r.kind,
                r.ok,
                text(r, &source, style)
            )
        })
        .collect()
}

/// Runs every `-- case:` of a rule corpus in a fresh session (`session_for` gets the
/// case name), asserts its expectation and snapshots the rendered output as
/// `<prefix>_<name>`.
pub fn run_case_corpus(
    corpus: &str,
    min_cases: usize,
    prefix: &str,
    session_for: impl Fn(&str) -> Session,
) {
    let cases = cases(&read(corpus));
    assert!(
        cases.len() >= min_cases,
        "only {} cases in {corpus}",
        cases.len()
    );
    for (header, sql) in cases {
        let (name, e) = expectation(&header);
        let mut s = session_for(&name);
        let results = s.execute_sql(&sql);
        let last = results
            .last()
            .unwrap_or_else(|| panic!("{name}: no statement"));
        check(&name, &e, last);
        let out = render_all(&results, &sql);
        with_snapshots(|| insta::assert_snapshot!(format!("{prefix}_{name}"), out));
    }
}

/// The statement's first finding of a rule (the test fails without one).
pub fn finding<'a>(r: &'a StatementResult, code: &str) -> &'a routine_load_fe::Diagnostic {
    r.diagnostics
        .iter()
        .find(|d| d.code() == code)
        .unwrap_or_else(|| {
            panic!(
                "no {code} among {:?}",
                r.diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>()
            )
        })
}

/// The help of the statement's first error.
pub fn error_help(r: &StatementResult) -> String {
    r.first_error()
        .and_then(|e| e.help.as_deref())
        .unwrap_or("")
        .to_string()
}

/// Each Kafka task's partitions and begin offsets, in task order.
pub fn task_offsets(plan: &routine_load_fe::plan::Plan) -> Vec<Vec<(i32, i64)>> {
    plan.tasks
        .iter()
        .map(|t| {
            t.kafka_load_info
                .as_ref()
                .map(|k| {
                    k.partition_begin_offset
                        .iter()
                        .map(|(p, o)| (*p, *o))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}
