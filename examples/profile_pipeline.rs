//! Runs the typical MSK IAM statement through parse + analyze + plan in a loop, for
//! profilers (`valgrind --tool=callgrind target/release/examples/profile_pipeline`).
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

/// The typical MSK IAM statement of the benchmarks (the original design's example 1).
const MSK_IAM: &str = include_str!("../benches/msk_iam.sql");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let mut total = 0;
    for _ in 0..n {
        let mut s = Session::new(SessionOptions {
            ids: Box::new(DeterministicIds::default()),
            ..SessionOptions::default()
        });
        s.current_db = Some("demo".into());
        total += s.execute_sql(MSK_IAM).len();
    }
    println!("{total}");
}
