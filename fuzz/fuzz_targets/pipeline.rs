//! parse → analyze → plan on arbitrary input: it must give statements or located
//! errors, and never panic, whatever the bytes (UTF-8 or not). Every rendering path runs
//! too (text, JSON, Thrift).
#![no_main]

use libfuzzer_sys::fuzz_target;
use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::plan::thrift::{decode_tasks, Protocol};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

const CATALOG: &str = "CREATE DATABASE db1; USE db1; \
    CREATE TABLE t (k1 INT, v1 BIGINT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1); \
    CREATE TABLE u (k1 INT, v1 BIGINT, seq BIGINT) UNIQUE KEY(k1) DISTRIBUTED BY HASH(k1) \
      PROPERTIES (\"enable_unique_key_skip_bitmap_column\" = \"true\");";

fuzz_target!(|data: &[u8]| {
    let mut s = Session::new(SessionOptions { ids: Box::new(DeterministicIds::default()), ..SessionOptions::default() });
    s.execute_sql(CATALOG);
    let script = routine_load_fe::text::Script::from_bytes(data);
    let mut source = routine_load_fe::parser::mask::source(script.text());
    let mut results = Vec::new();
    s.run_decoded(&script, |r| results.push(r));
    for r in results {
        source.add_secrets(&r.secrets);
        for d in &r.diagnostics {
            let _ = render(d, &source, RenderStyle::Plain);
            assert!(d.stage != routine_load_fe::Stage::Parse || d.span.is_some(), "parse error without a location");
        }
        if let Some(plan) = &r.plan {
            let _ = plan.to_json(false);
            let _ = plan.to_text(false);
            for p in [Protocol::Binary, Protocol::Compact] {
                let bytes = plan.to_thrift(p).expect("tasks encode");
                assert_eq!(decode_tasks(&bytes, p).expect("tasks decode"), plan.tasks);
            }
        }
    }
});
