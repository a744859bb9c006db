//! What the benchmarks share: reading this run's results back from criterion.

/// A benchmark's time in this run, from criterion's estimates: the slope (what
/// criterion prints for these linear samplings), else the mean.
pub fn estimate_ns(group: &str, bench: &str) -> Option<f64> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/criterion")
        .join(group)
        .join(bench)
        .join("new/estimates.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    v.pointer("/slope/point_estimate")
        .or_else(|| v.pointer("/mean/point_estimate"))?
        .as_f64()
}
