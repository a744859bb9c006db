//! Linear cost along every dimension a script grows in (statements, partitions,
//! offsets, properties, columns, diagnostics): each is run and rendered (text and
//! JSON, as `rlfe run` does) at a base size and at four times it, and the time ratio is
//! printed beside the input ratio. `cargo bench --bench linearity`. The output-size
//! bound is checked by `tests/linear_cost.rs`.

// The allocator the `rlfe` binary ships with, for rlfe and sqlparser alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

#[path = "../tests/common/scale.rs"]
mod scale;
#[path = "support.rs"]
mod support;

use scale::{run_and_render, script, Dimension};

fn dimensions(c: &mut Criterion) {
    let mut g = c.benchmark_group("linearity/fixed");
    g.sample_size(20);
    g.bench_function("empty", |b| b.iter(|| black_box(run_and_render(""))));
    g.finish();
    for dim in Dimension::ALL {
        let mut g = c.benchmark_group(format!("linearity/{}", dim.name()));
        g.sample_size(10);
        for n in [dim.base(), 4 * dim.base()] {
            let sql = script(dim, n);
            g.throughput(Throughput::Bytes(sql.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &sql, |b, sql| {
                b.iter(|| black_box(run_and_render(sql)))
            });
        }
        g.finish();
    }
}

/// Time at four times the size over time at the base size, the fixed cost of a
/// session on the demo catalog taken off: about 4 when linear.
fn report() {
    let fixed = support::estimate_ns("linearity_fixed", "empty").unwrap_or(0.0);
    println!(
        "\ndimension     input ratio   time ratio (fixed cost {:.2} ms taken off)",
        fixed / 1e6
    );
    for dim in Dimension::ALL {
        let group = format!("linearity_{}", dim.name());
        let n = dim.base();
        let t1 = support::estimate_ns(&group, &n.to_string());
        let t4 = support::estimate_ns(&group, &(4 * n).to_string());
        if let (Some(t1), Some(t4)) = (t1, t4) {
            let input = script(dim, 4 * n).len() as f64 / script(dim, n).len() as f64;
            println!(
                "{:<13} {input:>11.2}   {:>10.2}   ({:.2} ms -> {:.2} ms)",
                dim.name(),
                (t4 - fixed) / (t1 - fixed).max(1.0),
                t1 / 1e6,
                t4 / 1e6
            );
        }
    }
}

criterion_group!(benches, dimensions);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
