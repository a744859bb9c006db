//! Every ```sql example in grammar/ parses.

mod common;

use routine_load_fe::{parse_script, ParseOptions};

fn sql_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```sql") => current = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.extend(current.take()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn every_grammar_example_parses() {
    let dir = common::root().join("grammar");
    let mut files = 0;
    let mut statements = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for block in sql_blocks(&text) {
            for p in parse_script(&block, &ParseOptions::default()) {
                statements += 1;
                if let Err(e) = &p.result {
                    panic!(
                        "{}: example does not parse: {} at {:?}\n{}",
                        path.display(),
                        e.message,
                        e.span,
                        p.sql(&block)
                    );
                }
            }
        }
    }
    assert!(files >= 7, "grammar/ has {files} files");
    assert!(statements >= 30, "grammar/ has only {statements} examples");
}
