//! parse + analyze + plan against sqlparser's bare tokenization of the same statement,
//! the analyzer and planner alone, and scaling with partitions/offsets and properties.
//! `cargo bench --bench pipeline`.

use criterion::{criterion_group, BatchSize, BenchmarkId, Criterion};
use routine_load_fe::analyzer::{analyze_create, AnalyzeContext, FeConfig, InMemoryCatalog};
use routine_load_fe::ast::Statement;
use routine_load_fe::plan::{plan_job, StaticTopicMetadata};
use routine_load_fe::session::{DeterministicIds, JobRegistry, Session, SessionOptions};
use routine_load_fe::{parse_statement, DorisDialect, ParseOptions};
use sqlparser::tokenizer::Tokenizer;
use std::hint::black_box;

#[path = "support.rs"]
mod support;
use support::estimate_ns;

/// The typical MSK IAM statement of the benchmarks (the original design's example 1).
const MSK_IAM: &str = include_str!("../benches/msk_iam.sql");

fn session() -> Session {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        parse: ParseOptions {
            max_properties: 100_000,
            ..ParseOptions::default()
        },
        ..SessionOptions::default()
    });
    s.current_db = Some("demo".into());
    s
}

fn partitions_statement(n: usize) -> String {
    let parts: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let offs: Vec<String> = (0..n).map(|i| (i * 10).to_string()).collect();
    format!(
        "CREATE ROUTINE LOAD j ON t PROPERTIES (\"desired_concurrent_number\" = \"256\") FROM KAFKA (\"kafka_broker_list\" = \"k1:9092,k2:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"{}\", \"kafka_offsets\" = \"{}\");",
        parts.join(","),
        offs.join(",")
    )
}

fn properties_statement(n: usize) -> String {
    let props: Vec<String> = (0..n)
        .map(|i| format!("\"property.x{i}.y\" = \"v{i}\""))
        .collect();
    format!(
        "CREATE ROUTINE LOAD j ON t FROM KAFKA (\"kafka_broker_list\" = \"k1:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0\", {});",
        props.join(", ")
    )
}

fn end_to_end(c: &mut Criterion) {
    let mut g = c.benchmark_group("pipeline/msk_iam");
    g.bench_function("tokenize_only (sqlparser)", |b| {
        b.iter(|| {
            black_box(
                Tokenizer::new(&DorisDialect, black_box(MSK_IAM))
                    .tokenize_with_location()
                    .unwrap(),
            )
        })
    });
    // A gateway keeps its session: only the statement is timed, not the session's
    // creation or drop.
    g.bench_function("parse+analyze+plan (rlfe)", |b| {
        b.iter_batched_ref(
            session,
            |s| black_box(s.execute_sql(black_box(MSK_IAM))),
            BatchSize::SmallInput,
        )
    });
    let Statement::CreateRoutineLoad(stmt) = parse_statement(MSK_IAM).unwrap() else {
        unreachable!()
    };
    let catalog = InMemoryCatalog::new();
    let config = FeConfig::default();
    let jobs = JobRegistry::default();
    let ctx = AnalyzeContext {
        catalog: &catalog,
        config: &config,
        jobs: &jobs,
        current_db: Some("demo"),
        time_zone: "Asia/Shanghai",
        user: "root",
        profile: Default::default(),
    };
    g.bench_function("analyze only", |b| {
        b.iter(|| black_box(analyze_create(black_box(&stmt), &ctx)))
    });
    let job = analyze_create(&stmt, &ctx).job.unwrap();
    let metadata = StaticTopicMetadata::default();
    g.bench_function("plan only", |b| {
        b.iter_batched(
            DeterministicIds::default,
            |mut ids| black_box(plan_job(&job, &config, &metadata, 100_000, &mut ids)),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// Builds a statement whose size grows with n.
type StatementOfSize = fn(usize) -> String;

fn scaling(c: &mut Criterion) {
    let groups: [(&str, StatementOfSize); 2] = [
        ("scaling/partitions", partitions_statement),
        ("scaling/properties", properties_statement),
    ];
    for (group, statement) in groups {
        let mut g = c.benchmark_group(group);
        g.sample_size(20);
        for n in [1usize, 10, 100, 1000, 10_000] {
            let sql = statement(n);
            g.bench_with_input(BenchmarkId::from_parameter(n), &sql, |b, sql| {
                b.iter_batched_ref(
                    session,
                    |s| black_box(s.execute_sql(sql)),
                    BatchSize::SmallInput,
                )
            });
        }
        g.finish();
    }
}

/// Prints the goals of the issue against this run's numbers.
fn report() {
    let e2e = estimate_ns("pipeline_msk_iam", "parse+analyze+plan (rlfe)");
    let floor = estimate_ns("pipeline_msk_iam", "tokenize_only (sqlparser)");
    if let (Some(e2e), Some(floor)) = (e2e, floor) {
        println!(
            "\nparse+analyze+plan / sqlparser tokenization = {:.2} µs / {:.2} µs = {:.2}x (goal: at most 2x)",
            e2e / 1000.0,
            floor / 1000.0,
            e2e / floor
        );
    }
    if let Some(t) = estimate_ns("scaling_partitions", "10000") {
        println!(
            "10,000 partitions end to end = {:.2} ms (goal: at most 10 ms)",
            t / 1e6
        );
    }
}

criterion_group!(benches, end_to_end, scaling);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
