//! The modules point one way: no cycle between the library's top-level modules, none
//! among the analyzer's modules, and each top-level module uses only the layers below it.
//! The graph is read from the sources (`crate::…` paths and `use super::…` items).
//! `src/analyzer/mod.rs` only declares and re-exports its modules, so it adds no edge
//! to the analyzer's graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use only modules of lower layers (or its own).
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["diagnostics"],
    &["keys"],
    &["be"],
    &["ast"],
    &["parser"],
    &["analyzer"],
    &["plan"],
    &["session"],
    &["server"],
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The names a source file refers to with `prefix` (`crate::`, `super::`): the first
/// path segment after it, in plain paths and in `use prefix{a, b::c}` groups.
fn referenced(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// Code without comments and string literals, so prose does not count as a use.
fn code_only(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

fn graphs() -> (
    BTreeMap<String, BTreeSet<String>>,
    BTreeMap<String, BTreeSet<String>>,
) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let top: BTreeSet<String> = LAYERS
        .iter()
        .flat_map(|l| l.iter().map(|s| s.to_string()))
        .collect();
    let mut modules = BTreeMap::new();
    let mut analyzer = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect();
        let Some(first) = parts.first() else { continue };
        let module = first.trim_end_matches(".rs").to_string();
        if !top.contains(&module) {
            continue; // lib.rs, main.rs, the CLI
        }
        let text = code_only(&std::fs::read_to_string(&f).unwrap());
        let edges: &mut BTreeSet<String> = modules.entry(module.clone()).or_default();
        for m in referenced(&text, "crate::") {
            if m != module && top.contains(&m) {
                edges.insert(m);
            }
        }
        let front_door = parts.len() == 2 && parts[1] == "mod.rs";
        if module == "analyzer" && front_door {
            assert!(
                !["fn ", "struct ", "enum ", "trait ", "impl "]
                    .iter()
                    .any(|k| text.contains(k)),
                "src/analyzer/mod.rs only declares and re-exports modules"
            );
        }
        if module == "analyzer" && parts.len() >= 2 && !front_door {
            let node = parts[1].trim_end_matches(".rs").to_string();
            let edges: &mut BTreeSet<String> = analyzer.entry(node.clone()).or_default();
            let mut refs = referenced(&text, "crate::analyzer::");
            if parts.len() == 2 {
                refs.extend(referenced(&text, "super::"));
            } else {
                refs.extend(referenced(&text, "super::super::"));
            }
            for m in refs {
                if m != node && m != "super" {
                    edges.insert(m);
                }
            }
        }
    }
    (modules, analyzer)
}

#[test]
fn no_cycle_between_top_level_modules() {
    let (modules, _) = graphs();
    assert!(modules.len() >= 8, "{modules:?}");
    if let Some(c) = cycle(&modules) {
        panic!("module cycle: {}", c.join(" -> "));
    }
}

#[test]
fn no_cycle_among_the_analyzers_modules() {
    let (_, analyzer) = graphs();
    assert!(analyzer.len() >= 15, "{analyzer:?}");
    if let Some(c) = cycle(&analyzer) {
        panic!("analyzer module cycle: {}", c.join(" -> "));
    }
}

#[test]
fn each_module_uses_only_lower_layers() {
    let (modules, _) = graphs();
    let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m)).unwrap();
    let mut wrong = Vec::new();
    for (m, uses) in &modules {
        for u in uses {
            if layer(u) > layer(m) {
                wrong.push(format!("{m} uses {u}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_a_cycle_when_there_is_one() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(cycle(&g).is_some());
    assert_eq!(
        referenced(
            "use crate::{text::Span, keys};\nlet x = crate::ast::Foo;",
            "crate::"
        ),
        BTreeSet::from(["ast".to_string(), "keys".to_string(), "text".to_string()])
    );
}

#[test]
#[ignore = "prints the module graphs"]
fn print_graphs() {
    let (m, a) = graphs();
    println!("{m:#?}\n{a:#?}");
}
