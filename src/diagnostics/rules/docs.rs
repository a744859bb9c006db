//! The registry rendered for people: one rule's documentation, the listing of every
//! rule (text, JSON), and the generated rules reference (Markdown).

use super::{all, Rule, RuleKind};
use serde_json::{json, Value};
use std::fmt::Write;

/// A rule as JSON: code, kind, severity, stage, summary, doc, versions, the MySQL error,
/// the message forms, the Doris source, suppressions and the examples.
pub fn rule_json(rule: Rule) -> Value {
    json!({
        "code": rule.code,
        "kind": rule.kind.as_str(),
        "severity": rule.severity.as_str(),
        "stage": rule.stage.as_str(),
        "summary": rule.summary,
        "doc": rule.doc,
        "versions": rule.versions.names(),
        "mysql": {"errno": rule.mysql.errno, "sqlstate": rule.mysql.sqlstate},
        "messages": rule.messages,
        "mirrors": if rule.mirrors.is_empty() { Value::Null } else { Value::from(rule.mirrors) },
        "suppressed_by": rule.suppressed_by.iter().map(|s| s.by.code).collect::<Vec<_>>(),
        "examples": {
            "trips": {"sql": rule.trips.sql, "at": rule.trips.at},
            "passes": {"sql": rule.passes.sql},
        },
    })
}

/// Every rule as a JSON array.
pub fn all_json() -> Value {
    Value::Array(all().map(rule_json).collect())
}

/// One line per rule: code, kind, severity, versions, summary.
pub fn listing() -> String {
    let mut out = String::new();
    for r in all() {
        let _ = writeln!(
            out,
            "{:<16} {:<6} {:<8} {:<13} {}",
            r.code,
            r.kind.as_str(),
            r.severity.as_str(),
            r.versions.names().join(","),
            r.summary
        );
    }
    out
}

/// One rule's documentation as text (without the examples' results, which need a
/// session: see `session::examples::explain`).
pub fn describe(rule: Rule) -> String {
    let mut out = format!(
        "{} — {}\n\n{}\n\n",
        rule.code,
        rule.summary,
        rule.doc.trim()
    );
    let kind = match rule.kind {
        RuleKind::Doris => "a check Doris FE makes, with Doris's text",
        RuleKind::Quirk => "Doris's behaviour, reproduced and pointed out",
        RuleKind::Lint => "analysis beyond Doris (Doris accepts the statement)",
        RuleKind::Note => "information",
        RuleKind::Limit => "an rlfe input limit",
    };
    let _ = writeln!(out, "Kind:      {} ({kind})", rule.kind.as_str());
    let _ = writeln!(out, "Severity:  {}", rule.severity.as_str());
    let _ = writeln!(out, "Versions:  Doris {}", rule.versions.names().join(", "));
    if rule.severity == crate::diagnostics::Severity::Error {
        let _ = writeln!(
            out,
            "MySQL:     ERROR {} ({})",
            rule.mysql.errno, rule.mysql.sqlstate
        );
    }
    if !rule.mirrors.is_empty() {
        let _ = writeln!(out, "Mirrors:   apache/doris {}", rule.mirrors);
    }
    if !rule.suppressed_by.is_empty() {
        let by: Vec<&str> = rule.suppressed_by.iter().map(|s| s.by.code).collect();
        let _ = writeln!(out, "Yields to: {}", by.join(", "));
    }
    out.push_str("Messages:\n");
    for m in rule.messages {
        let _ = writeln!(out, "  {m}");
    }
    out
}

/// The rules reference (`docs/rules.md`), generated from the registry.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated from rlfe's rule registry (`rlfe rules --format markdown`); \
         a test fails when this file is stale. `rlfe explain CODE` prints one rule with \
         its examples run.\n\n| Code | Kind | Severity | Summary |\n|---|---|---|---|\n",
    );
    for r in all() {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} |",
            r.code,
            r.code.to_ascii_lowercase(),
            r.kind.as_str(),
            r.severity.as_str(),
            r.summary.replace('|', "\\|")
        );
    }
    for r in all() {
        let _ = write!(
            out,
            "\n## {}\n\n**{}**\n\n{}\n\n- Kind: {}; severity: {}; Doris {}\n",
            r.code,
            r.summary,
            r.doc.trim(),
            r.kind.as_str(),
            r.severity.as_str(),
            r.versions.names().join(", ")
        );
        if r.severity == crate::diagnostics::Severity::Error {
            let _ = writeln!(
                out,
                "- MySQL error: {} ({})",
                r.mysql.errno, r.mysql.sqlstate
            );
        }
        if !r.mirrors.is_empty() {
            let _ = writeln!(out, "- Mirrors: `{}`", r.mirrors);
        }
        if !r.suppressed_by.is_empty() {
            let by: Vec<String> = r
                .suppressed_by
                .iter()
                .map(|s| format!("[{}](#{})", s.by.code, s.by.code.to_ascii_lowercase()))
                .collect();
            let _ = writeln!(out, "- Yields to: {}", by.join(", "));
        }
        out.push_str("- Messages:\n");
        for m in r.messages {
            let _ = writeln!(out, "  - `{}`", m.replace('`', "'"));
        }
        let _ = write!(
            out,
            "\nRaises it:\n\n```sql\n{}\n```\n\nDoes not:\n\n```sql\n{}\n```\n",
            r.trips.sql.trim(),
            r.passes.sql.trim()
        );
    }
    out
}
