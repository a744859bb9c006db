//! parse → analyze → plan on arbitrary input: it must give statements or located
//! errors, and never panic. Every rendering path runs too (text, JSON, Thrift).
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
    let Ok(sql) = std::str::from_utf8(data) else { return };
    let mut s = Session::new(SessionOptions { ids: Box::new(DeterministicIds::default()), ..SessionOptions::default() });
    s.execute_sql(CATALOG);
    for r in s.execute_sql(sql) {
        for d in &r.diagnostics {
            let _ = render(d, &routine_load_fe::parser::mask::source(sql), RenderStyle::Plain);
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
