//! The REPL's line assembly: lines in, complete inputs out; nothing typed is lost or
//! reordered, and each input it hands over is complete.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routine_load_fe::session::input::{is_complete, LineAssembler};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut a = LineAssembler::default();
    let mut inputs = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    for line in &lines {
        if let Some(input) = a.push_line(line) {
            assert!(is_complete(&input));
            inputs.push(input);
        }
    }
    let mut all = inputs;
    if !a.pending().is_empty() || lines.is_empty() {
        assert!(!is_complete(a.pending()) || a.pending().trim().is_empty());
        all.push(a.pending().to_string());
    }
    assert_eq!(all.join("\n"), lines.join("\n"));
});
