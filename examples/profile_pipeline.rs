//! Runs the typical MSK IAM statement through parse + analyze + plan in a loop, for
//! profilers (`valgrind --tool=callgrind target/release/examples/profile_pipeline`);
//! with a second argument, that script instead (`profile_pipeline 1 big.sql`).
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

// The allocator the `rlfe` binary ships with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The typical MSK IAM statement of the benchmarks (the original design's example 1).
const MSK_IAM: &str = include_str!("../benches/msk_iam.sql");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    // A script given runs on the demo catalog (its set-up is counted too).
    let given = std::env::args().nth(2).map(|f| match f.as_str() {
        "tokenize" => f,
        _ => std::fs::read_to_string(f).expect("the script reads"),
    });
    // `tokenize` instead of a script: sqlparser's bare tokenization of the statement,
    // the benchmark's floor.
    if given.as_deref() == Some("tokenize") {
        let dialect = routine_load_fe::DorisDialect;
        let mut total = 0;
        for _ in 0..n {
            total += sqlparser::tokenizer::Tokenizer::new(&dialect, MSK_IAM)
                .tokenize_with_location()
                .map_or(0, |t| t.len());
        }
        println!("{total}");
        return;
    }
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
