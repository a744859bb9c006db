//! The renderer on any text, any place, any width and style: it never panics, stays
//! within its window, and never prints a control character raw (colours aside).
#![no_main]

use libfuzzer_sys::fuzz_target;
use routine_load_fe::diagnostics::{render_width, RenderStyle};
use routine_load_fe::text::{Location, Span};

fuzz_target!(|data: &[u8]| {
    let [a, b, c, d, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let line = u64::from(*a % 8) + 1;
    let column = u64::from(u16::from_le_bytes([*b, *c]));
    let width = usize::from(*d) * 2;
    let style = match d % 3 {
        0 => RenderStyle::Plain,
        1 => RenderStyle::Fancy,
        _ => RenderStyle::Short,
    };
    let source = routine_load_fe::parser::mask::source(&text);
    let diag = routine_load_fe::diagnostics::rules::P0
        .error(format!("message with {}", text.chars().take(20).collect::<String>()))
        .at(Span::new(
            Location::new(line, column),
            Location::new(line + u64::from(*a % 2), column + u64::from(*b % 50)),
        ))
        .with_help("help");
    let out = render_width(&diag, &source, style, width);
    assert!(out.len() <= 16 * width.max(40) + 1024, "{} bytes", out.len());
    if style != RenderStyle::Fancy {
        assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{out:?}");
    }
    let _ = format!("{:?}", routine_load_fe::diagnostics::Adapter::new(&diag, &source));
});
