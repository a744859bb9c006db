//! Nothing costs more than linear time in its input: along each dimension a script
//! grows in, the work (counted as bytes allocated, which is deterministic, unlike time)
//! and the output grow in proportion. Times are measured by `cargo bench --bench
//! linearity`.

mod common;

use common::scale::{run_and_render, script, Dimension};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated and written for the script of size `n`, less the fixed cost of a
/// session on the demo catalog.
fn cost(dim: Dimension, n: usize, fixed: usize) -> (usize, usize, usize) {
    let sql = script(dim, n);
    let before = ALLOCATED.load(Ordering::Relaxed);
    let written = run_and_render(&sql);
    let allocated = ALLOCATED.load(Ordering::Relaxed) - before;
    (sql.len(), allocated.saturating_sub(fixed), written)
}

/// One test, so no other test allocates while it counts.
#[test]
fn cost_and_output_grow_linearly_along_every_dimension() {
    let before = ALLOCATED.load(Ordering::Relaxed);
    run_and_render("");
    let fixed = ALLOCATED.load(Ordering::Relaxed) - before;
    let mut report = Vec::new();
    for dim in Dimension::ALL {
        let n = dim.base();
        let (in1, alloc1, out1) = cost(dim, n, fixed);
        let (in4, alloc4, out4) = cost(dim, 4 * n, fixed);
        let input_ratio = in4 as f64 / in1 as f64;
        let alloc_ratio = alloc4 as f64 / alloc1.max(1) as f64;
        let out_ratio = out4 as f64 / out1.max(1) as f64;
        report.push(format!(
            "{:<12} input x{input_ratio:.2}  allocated x{alloc_ratio:.2}  output x{out_ratio:.2}  output/input {:.2}",
            dim.name(),
            out4 as f64 / in4 as f64
        ));
        // Quadratic growth would be about 16 times; linear about 4 (the input ratio).
        assert!(
            alloc_ratio < input_ratio * 1.6,
            "{}: allocation grows faster than the input: {report:#?}",
            dim.name()
        );
        assert!(
            out_ratio < input_ratio * 1.6,
            "{}: output grows faster than the input: {report:#?}",
            dim.name()
        );
        // The output-size bound: at most 1 KiB per statement (its answer, one drawing
        // per rule, its JSON line) and 16 bytes per input byte (the echo, and plans,
        // which list every partition).
        let bound = 1024 * dim.statements(4 * n) + 16 * in4;
        assert!(
            out4 < bound,
            "{}: {out4} bytes out for {in4} in (bound {bound})",
            dim.name()
        );
    }
    eprintln!("{}", report.join("\n"));
}
