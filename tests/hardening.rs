//! Hostile inputs: no crash, no leak, no reach outside, nothing worse than linear. Each
//! test reproduces a failure found by attacking rlfe, and checks the fix.

use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::parser::mask::source;
use routine_load_fe::session::render::json_line;
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

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
