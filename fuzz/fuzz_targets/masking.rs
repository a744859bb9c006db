//! Masking with a no-marker oracle: a marker value written after a secret key, in any
//! surroundings the fuzzer finds (quotes and comments taken out of them, so the
//! marker really is a value), never shows in any rendering of the script.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routine_load_fe::diagnostics::{render, RenderStyle};
use routine_load_fe::session::render::{json_line, text, Style};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

const MARKER: &str = "Qv7Marker";
const KEYS: &[&str] = &[
    "\"property.sasl.password\"",
    "'aws.secret_key'",
    "password",
    "`s3.secret_key`",
    "IDENTIFIED BY",
    "\"property.ssl.keystore.key\"",
];

/// The text with everything that could open a string, name or comment taken out.
fn plain(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !matches!(c, '\'' | '"' | '`' | '#' | '\\' | '/' | '-' | '*'))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let [k, cut1, cut2, rest @ ..] = data else { return };
    let (a, b) = (usize::from(*cut1) % (rest.len() + 1), usize::from(*cut2));
    let (prefix, tail) = rest.split_at(a);
    let b = b % (tail.len() + 1);
    let (value, suffix) = tail.split_at(b);
    let key = KEYS[usize::from(*k) % KEYS.len()];
    let sql = format!(
        "{} {key} = {MARKER}{} {}",
        plain(prefix),
        String::from_utf8_lossy(value),
        String::from_utf8_lossy(suffix)
    );
    // The fuzzer may write the marker itself elsewhere (inside a string, say).
    if sql.matches(MARKER).count() != 1 {
        return;
    }
    let mut out = routine_load_fe::parser::mask::mask_sql(&sql);
    let mut s = Session::new(SessionOptions { ids: Box::new(DeterministicIds::default()), ..SessionOptions::default() });
    s.current_db = Some("d".into());
    let mut source = routine_load_fe::parser::mask::source(&sql);
    let style = Style { show_plan: true, ..Style::plain() };
    s.run_script(&sql, |r| {
        source.add_secrets(&r.secrets);
        out.push_str(&text(&r, &source, style));
        out.push_str(&json_line(&r, false));
        out.push_str(&format!("{r:?}"));
        for d in &r.diagnostics {
            out.push_str(&render(d, &source, RenderStyle::Short));
        }
    });
    for p in routine_load_fe::parse_script(&sql, &Default::default()) {
        match &p.result {
            Ok(stmt) => out.push_str(&format!("{stmt}{stmt:?}")),
            Err(d) => out.push_str(&format!("{d:?}")),
        }
    }
    assert!(!out.contains(MARKER), "{sql:?}");
});
