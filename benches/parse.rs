//! Parsing the typical statements, against sqlparser's bare tokenization of the same
//! text: the ratio is read from one run (`cargo bench --bench parse`).

// The allocator the `rlfe` binary ships with, for rlfe and sqlparser alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use routine_load_fe::{parse_script, DorisDialect, ParseOptions};
use sqlparser::tokenizer::Tokenizer;
use std::hint::black_box;

pub const MSK_IAM: &str = include_str!("msk_iam.sql");

pub const CSV_JOB: &str = r#"CREATE ROUTINE LOAD example_db.test1 ON example_tbl
COLUMNS TERMINATED BY ",",
COLUMNS(k1, k2, k3, v1, v2, v3 = k1 * 100),
PRECEDING FILTER k1 = 1,
WHERE k1 > 100 and k2 like "%doris%"
PROPERTIES ("desired_concurrent_number" = "3", "max_batch_interval" = "20", "strict_mode" = "false")
FROM KAFKA ("kafka_broker_list" = "broker1:9092,broker2:9092", "kafka_topic" = "my_topic", "kafka_partitions" = "0,1,2,3", "kafka_offsets" = "101,0,0,200");"#;

fn bench(c: &mut Criterion) {
    let opts = ParseOptions::default();
    for (name, sql) in [("msk_iam", MSK_IAM), ("csv_job", CSV_JOB)] {
        let mut g = c.benchmark_group(format!("parse/{name}"));
        g.throughput(Throughput::Bytes(sql.len() as u64));
        g.bench_function("tokenize_only (sqlparser)", |b| {
            b.iter(|| {
                let d = DorisDialect;
                black_box(
                    Tokenizer::new(&d, black_box(sql))
                        .tokenize_with_location()
                        .unwrap(),
                )
            })
        });
        g.bench_function("parse (rlfe)", |b| {
            b.iter(|| black_box(parse_script(black_box(sql), &opts)))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
