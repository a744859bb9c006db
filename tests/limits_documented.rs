//! The README's limits table is the code's: every limit in `ParseOptions` and
//! `SessionOptions` has a row, and every row's default is the one the code has.

use routine_load_fe::session::SessionOptions;
use routine_load_fe::ParseOptions;

/// A documented default: `64 MiB`, `1,024`, `8`.
fn number(text: &str) -> usize {
    let t = text.trim().replace(',', "");
    match t.strip_suffix(" MiB") {
        Some(n) => n.trim().parse::<usize>().unwrap() << 20,
        None => t.parse().unwrap_or_else(|_| panic!("not a number: {text}")),
    }
}

/// The top-level `max_…` fields of a pretty Debug rendering, with their values.
fn fields(debug: &str) -> Vec<(String, usize)> {
    debug
        .lines()
        .filter_map(|line| {
            let field = line.strip_prefix("    ")?;
            let (name, value) = field
                .strip_prefix("max_")
                .map(|_| field)?
                .split_once(": ")?;
            Some((name.to_string(), value.trim_end_matches(',').parse().ok()?))
        })
        .collect()
}

#[test]
fn the_readme_lists_every_limit_with_its_default() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme
        .split("<!-- limits")
        .nth(1)
        .and_then(|t| t.split("<!-- /limits -->").next())
        .expect("the README has the limits table");
    let mut rows = std::collections::BTreeMap::new();
    for line in table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Limit"))
    {
        let cells: Vec<&str> = line.split(" | ").collect();
        let setting = cells[2].trim_matches('`').to_string();
        rows.insert(setting, number(cells[1]));
    }
    let mut code: Vec<(String, usize)> = Vec::new();
    for (name, value) in fields(&format!("{:#?}", ParseOptions::default())) {
        code.push((format!("ParseOptions::{name}"), value));
    }
    for (name, value) in fields(&format!("{:#?}", SessionOptions::default())) {
        code.push((format!("SessionOptions::{name}"), value));
    }
    code.push((
        "diagnostics::SHOWN_REPEATS".into(),
        routine_load_fe::diagnostics::SHOWN_REPEATS,
    ));
    code.push((
        "session::input::MAX_INCLUDE_DEPTH".into(),
        routine_load_fe::session::input::MAX_INCLUDE_DEPTH,
    ));
    assert!(code.len() >= 11, "{code:?}");
    for (name, value) in &code {
        assert_eq!(
            rows.get(name),
            Some(value),
            "README limits table, row {name}"
        );
    }
    assert_eq!(
        rows.len(),
        code.len(),
        "the table has rows the code does not: {rows:?}"
    );
    assert!(table.contains(&format!(
        "first {} bytes",
        routine_load_fe::session::ECHOED_OF_OVERSIZED
    )));
}
