//! Every declared rule, driven by the registry: its tripping example raises exactly that
//! rule, at the text the example names, with one of the rule's message forms; its
//! passing example does not raise it and is accepted.

use routine_load_fe::diagnostics::rules::{self, RuleKind};
use routine_load_fe::diagnostics::{Severity, Source};
use routine_load_fe::session::examples;

/// The source text a diagnostic's span covers, in the example's script.
fn span_text(sql: &str, d: &routine_load_fe::Diagnostic) -> String {
    let Some(span) = d.span else {
        return String::new();
    };
    let src = Source::new(sql);
    let (a, b) = (src.offset(span.start), src.offset(span.end));
    sql.get(a..b.max(a)).unwrap_or("").to_string()
}

#[test]
fn every_rule_trips_at_its_place_and_passes() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules::all() {
        count += 1;
        let results = examples::run(&rule.trips);
        let findings = examples::last_findings(&results);
        let last = results.last();
        let found: Vec<_> = findings.iter().filter(|d| d.rule == rule).collect();
        match found.first() {
            None => failures.push(format!(
                "{}: the tripping example does not raise it (got {:?})",
                rule.code,
                findings.iter().map(|d| d.code()).collect::<Vec<_>>()
            )),
            Some(d) => {
                if d.severity == Severity::Error {
                    let first = last.and_then(|r| r.first_error());
                    if first.map(|f| f.rule) != Some(rule) {
                        failures.push(format!(
                            "{}: not the first error (first: {:?})",
                            rule.code,
                            first.map(|f| f.code())
                        ));
                    }
                }
                let at = span_text(rule.trips.sql, d);
                if at != rule.trips.at {
                    failures.push(format!(
                        "{}: points at {at:?}, the example says {:?}",
                        rule.code, rule.trips.at
                    ));
                }
                if !rule.matches_message(&d.message) {
                    failures.push(format!(
                        "{}: message {:?} has none of the declared forms",
                        rule.code, d.message
                    ));
                }
            }
        }
        let results = examples::run(&rule.passes);
        let findings = examples::last_findings(&results);
        if findings.iter().any(|d| d.rule == rule) {
            failures.push(format!("{}: the passing example raises it", rule.code));
        }
        if !results.last().is_some_and(|r| r.ok) {
            failures.push(format!(
                "{}: the passing example is not accepted: {:?}",
                rule.code,
                results
                    .last()
                    .and_then(|r| r.first_error())
                    .map(|d| (d.code(), d.message.to_string()))
            ));
        }
    }
    assert!(count >= 150, "only {count} rules");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn doris_checks_name_the_doris_source_they_mirror() {
    for rule in rules::all().filter(|r| r.kind == RuleKind::Doris) {
        assert!(
            rule.mirrors.starts_with("fe/") || rule.mirrors.starts_with("be/"),
            "{}: {}",
            rule.code,
            rule.mirrors
        );
    }
}

/// docs/rules.md is generated from the registry; set RLFE_BLESS=1 to rewrite it.
#[test]
fn the_rules_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let fresh = rules::markdown();
    if std::env::var_os("RLFE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/rules.md is stale: regenerate it with RLFE_BLESS=1 cargo test --test rule_registry (or rlfe rules --format markdown > docs/rules.md)"
    );
}

#[test]
fn explain_shows_the_examples_and_rlfes_answers() {
    let k3 = rules::lookup("k3").unwrap();
    let text = examples::explain(k3, routine_load_fe::diagnostics::RenderStyle::Plain);
    assert!(text.starts_with("K3 — "), "{text}");
    assert!(text.contains(k3.doc.trim()));
    assert!(text.contains("ERROR 1105 (HY000): errCode = 2, detailMessage = KAFKA_BROKER_LIST:k2: not match pattern"), "{text}");
    assert!(text.contains("Query OK"), "{text}");
    assert!(text.contains(rules::doris_src::KAFKA_PROPERTIES), "{text}");
}
