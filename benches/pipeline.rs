//! parse + analyze + plan against sqlparser's bare tokenization of the same statement,
//! the analyzer and planner alone, and scaling with partitions/offsets and properties.
//! `cargo bench --bench pipeline`.

// The allocator the `rlfe` binary ships with, for rlfe and sqlparser alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, BatchSize, BenchmarkId, Criterion};
use routine_load_fe::analyzer::{analyze_create, AnalyzeContext, FeConfig, InMemoryCatalog};
use routine_load_fe::ast::Statement;
use routine_load_fe::plan::{plan_job, StaticTopicMetadata};
use routine_load_fe::session::{DeterministicIds, JobRegistry, Session, SessionOptions};
use routine_load_fe::{parse_statement, DorisDialect, ParseOptions};
use sqlparser::tokenizer::Tokenizer;
use std::hint::black_box;

#[path = "../tests/common/scale.rs"]
mod scale;
#[path = "support.rs"]
mod support;
use scale::{script, Dimension};
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
        version: Default::default(),
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

/// The sizes each dimension is measured at: the per-item cost is the difference over
/// the difference in items.
const SIZES: [usize; 2] = [10, 10_000];

/// A session on the demo catalog, with the parser's list limits raised so that 10,000
/// items of each dimension parse.
fn demo_session() -> Session {
    let mut s = session();
    s.load_demo().expect("the demo catalog");
    s.options.parse.max_list_items = 100_000;
    s.options.parse.max_statements = 100_000;
    s
}

fn scaling(c: &mut Criterion) {
    for dim in Dimension::ALL {
        let mut g = c.benchmark_group(format!("scaling/{}", dim.name()));
        g.sample_size(10);
        for n in SIZES {
            let sql = script(dim, n);
            g.bench_with_input(BenchmarkId::from_parameter(n), &sql, |b, sql| {
                b.iter_batched_ref(
                    demo_session,
                    |s| black_box(s.execute_sql(sql)),
                    BatchSize::SmallInput,
                )
            });
        }
        g.finish();
    }
}

/// Prints the goals of the performance issue against this run's numbers.
fn report() {
    let e2e = estimate_ns("pipeline_msk_iam", "parse+analyze+plan (rlfe)");
    let floor = estimate_ns("pipeline_msk_iam", "tokenize_only (sqlparser)");
    let met = |ok: bool| if ok { "met" } else { "NOT met" };
    if let (Some(e2e), Some(floor)) = (e2e, floor) {
        println!(
            "\nparse+analyze+plan / sqlparser tokenization = {:.2} µs / {:.2} µs = {:.2}x (goal: at most 1.0x: {})",
            e2e / 1000.0,
            floor / 1000.0,
            e2e / floor,
            met(e2e <= floor)
        );
    }
    // Per item and per input byte, from the difference between the two sizes (the
    // session's fixed cost cancels out).
    let per_item = |dim: Dimension| -> Option<(f64, f64, f64, f64)> {
        let group = format!("scaling_{}", dim.name());
        let small = estimate_ns(&group, &SIZES[0].to_string())?;
        let large = estimate_ns(&group, &SIZES[1].to_string())?;
        let bytes = (script(dim, SIZES[1]).len() - script(dim, SIZES[0]).len()) as f64;
        let items = (SIZES[1] - SIZES[0]) as f64;
        Some((
            small,
            large,
            (large - small) / items,
            (large - small) / bytes,
        ))
    };
    let reference = per_item(Dimension::Partitions).map(|(_, _, _, b)| b);
    println!("\ndimension      10 items    10,000 items   per item   per byte   × partitions' per byte (goal: at most 2x)");
    for dim in Dimension::ALL {
        if let Some((small, large, item, byte)) = per_item(dim) {
            // A filtered run may leave the reference out: then there is no ratio.
            let against = match reference.map(|r| byte / r) {
                _ if dim == Dimension::Partitions => "1.00x (reference)".to_string(),
                Some(ratio) => format!("{ratio:>5.2}x {}", met(ratio <= 2.0)),
                None => "  n/a (partitions not run)".to_string(),
            };
            println!(
                "{:<13} {:>9.1} µs {:>11.2} ms {:>8.0} ns {:>7.1} ns   {against}",
                dim.name(),
                small / 1e3,
                large / 1e6,
                item,
                byte,
            );
        }
    }
    if let Some((_, large, _, _)) = per_item(Dimension::Properties) {
        println!(
            "10,000 property.* keys end to end = {:.2} ms (goal: at most 10 ms: {})",
            large / 1e6,
            met(large <= 10e6)
        );
    }
    if let Some((_, large, _, _)) = per_item(Dimension::Partitions) {
        println!(
            "10,000 partitions end to end = {:.2} ms (goal: at most 10 ms: {})",
            large / 1e6,
            met(large <= 10e6)
        );
    }
}

criterion_group!(benches, end_to_end, scaling);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
