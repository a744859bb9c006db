//! The script splitter: meta-command lines are blanked in place (same length, nothing
//! else changed) and found at statement boundaries; statements come in order, inside the text,
//! each with its location; `\G` and `\g` terminators are replaced in place by `; `.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routine_load_fe::session::input::{go_terminators, split_meta};

fuzz_target!(|data: &[u8]| {
    let script = routine_load_fe::text::Script::from_bytes(data);
    let text = script.text();
    let (went, vertical) = go_terminators(text);
    assert_eq!(went.len(), text.len());
    for at in &vertical {
        assert_eq!(text.get(*at..*at + 2), Some("\\G"));
        assert_eq!(went.get(*at..*at + 2), Some("; "));
    }
    for (i, (x, y)) in text.bytes().zip(went.bytes()).enumerate() {
        assert!(x == y || (x == b'\\' && y == b';') || (matches!(x, b'G' | b'g') && y == b' ' && i > 0), "{i}");
    }
    let (blanked, metas) = split_meta(text);
    assert_eq!(blanked.len(), text.len());
    for (x, y) in text.bytes().zip(blanked.bytes()) {
        assert!(x == y || y == b' ');
    }
    for m in &metas {
        // At a line's start, or right after the `;` that ends a statement.
        assert!(m.offset == 0 || matches!(text.as_bytes()[m.offset - 1], b'\n' | b';'));
        assert!(m.command.starts_with('\\'));
    }
    let options = routine_load_fe::ParseOptions::default();
    let mut last = 0;
    for p in routine_load_fe::parser::script_statements(&script, &options) {
        assert!(p.range.start >= last && p.range.end <= text.len(), "{:?}", p.range);
        assert!(text.is_char_boundary(p.range.start) && text.is_char_boundary(p.range.end));
        last = p.range.end;
        if let Err(d) = &p.result {
            assert!(d.span.is_some(), "{d:?}");
        }
    }
});
