//! Runs the typical MSK IAM statement through parse + analyze + plan in a loop, for
//! profilers (`valgrind --tool=callgrind target/release/examples/profile_pipeline`);
//! with a second argument, that script instead (`profile_pipeline 1 big.sql`).
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

/// The typical MSK IAM statement of the benchmarks (the original design's example 1).
const MSK_IAM: &str = include_str!("../benches/msk_iam.sql");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    // A script given runs on the demo catalog (its set-up is counted too).
    let given = std::env::args()
        .nth(2)
        .map(|f| std::fs::read_to_string(f).expect("the script reads"));
    let demo = given.is_some();
    let script = given.unwrap_or_else(|| MSK_IAM.to_string());
    let mut total = 0;
    for _ in 0..n {
        let mut s = Session::new(SessionOptions {
            ids: Box::new(DeterministicIds::default()),
            ..SessionOptions::default()
        });
        s.options.parse.max_properties = 100_000;
        s.options.parse.max_list_items = 100_000;
        s.options.parse.max_statements = 100_000;
        if demo {
            s.load_demo().expect("the demo catalog");
        }
        total += s.execute_sql(&script).len();
    }
    println!("{total}");
}
