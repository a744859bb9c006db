//! How statement results are printed: Doris-style text (the REPL and `rlfe run`) and
//! JSON Lines (the `rlfe run --format json` contract).

use super::{ResultSet, StatementResult};
use crate::ast::StatementKind;
use crate::diagnostics::{render, Diagnostic, RenderStyle, Severity, Source};
use serde_json::json;

/// Output switches shared by `rlfe run`, `rlfe plan` and the REPL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// How diagnostics are drawn.
    pub render: RenderStyle,
    /// Print each accepted CREATE's plan.
    pub show_plan: bool,
    /// Plans as JSON rather than text.
    pub plan_json: bool,
    /// Show secret values in plans.
    pub reveal: bool,
}

/// A MySQL-client table; too wide a table is printed vertically, as the client's `\G`.
pub fn table(rs: &ResultSet) -> String {
    let width: usize = rs.columns.len() * 3
        + rs.columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                rs.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|v| v.chars().count())
                    .max()
                    .unwrap_or(0)
                    .max(c.chars().count())
            })
            .sum::<usize>();
    if width > 160 {
        return vertical(rs);
    }
    let mut widths: Vec<usize> = rs.columns.iter().map(|c| c.chars().count()).collect();
    let cell = |s: &str| {
        s.replace('\n', "\\n")
            .replace('\t', "\\t")
            .replace('\0', "\\0")
    };
    for row in &rs.rows {
        for (i, v) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell(v).chars().count());
            }
        }
    }
    let line: String = widths
        .iter()
        .map(|w| format!("+{}", "-".repeat(w + 2)))
        .collect::<String>()
        + "+\n";
    let fmt_row = |vals: Vec<String>| -> String {
        vals.iter()
            .zip(&widths)
            .map(|(v, w)| format!("| {v}{} ", " ".repeat(w - v.chars().count())))
            .collect::<String>()
            + "|\n"
    };
    let mut out = line.clone();
    out.push_str(&fmt_row(rs.columns.clone()));
    out.push_str(&line);
    for row in &rs.rows {
        out.push_str(&fmt_row(row.iter().map(|v| cell(v)).collect()));
    }
    if !rs.rows.is_empty() {
        out.push_str(&line);
    }
    let n = rs.rows.len();
    out.push_str(&if n == 0 {
        "Empty set\n".to_string()
    } else {
        format!("{n} row{} in set\n", if n == 1 { "" } else { "s" })
    });
    out
}

/// The mysql client's vertical (`\G`) layout.
pub fn vertical(rs: &ResultSet) -> String {
    let pad = rs
        .columns
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, row) in rs.rows.iter().enumerate() {
        out.push_str(&format!(
            "*************************** {}. row ***************************\n",
            i + 1
        ));
        for (c, v) in rs.columns.iter().zip(row) {
            out.push_str(&format!("{c:>pad$}: {v}\n"));
        }
    }
    let n = rs.rows.len();
    out.push_str(&if n == 0 {
        "Empty set\n".to_string()
    } else {
        format!("{n} row{} in set\n", if n == 1 { "" } else { "s" })
    });
    out
}

/// Text for one result: Doris's `ERROR …` line or `Query OK`, tables, then our located
/// diagnostics with carets and help, then the plan when asked for.
pub fn text(r: &StatementResult, source: &Source<'_>, style: Style) -> String {
    let mut out = String::new();
    if let Some(e) = r.first_error() {
        out.push_str(&e.mysql_error_line());
        out.push('\n');
    } else if !r.ok {
        if let Some(w) = r
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Warning)
        {
            out.push_str(&format!("ERROR (--deny-warnings): {}\n", w.message));
        }
    } else if let Some(m) = &r.message {
        out.push_str(m);
        out.push('\n');
    }
    if let Some(rows) = &r.rows {
        if r.ok {
            out.push_str(&table(rows));
        }
    }
    for d in &r.diagnostics {
        out.push_str(&render(d, source, style.render));
    }
    if style.show_plan && r.ok && r.kind != StatementKind::Explain {
        if let Some(plan) = &r.plan {
            if style.plan_json {
                out.push_str(
                    &serde_json::to_string_pretty(&plan.to_json(style.reveal)).unwrap_or_default(),
                );
                out.push('\n');
            } else {
                out.push_str(&plan.to_text(style.reveal));
            }
        }
    }
    out
}

fn diag_json(d: &Diagnostic) -> serde_json::Value {
    json!({
        "stage": d.stage,
        "code": d.code(),
        "message": d.message,
        "line": d.line(),
        "column": d.column(),
        "help": d.help_with_hint(),
    })
}

/// One JSON Lines object (the `rlfe run --format json` contract).
pub fn json_line(r: &StatementResult, reveal: bool) -> String {
    let by = |s: Severity| -> Vec<serde_json::Value> {
        r.diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .map(diag_json)
            .collect()
    };
    let v = json!({
        "index": r.index,
        "sql": r.sql,
        "kind": r.kind,
        "ok": r.ok,
        "errors": by(Severity::Error),
        "warnings": by(Severity::Warning),
        "notes": by(Severity::Note),
        "message": r.message,
        "rows": r.rows.as_ref().map(|rs| json!({"columns": rs.columns, "rows": rs.rows})),
        "plan": r.plan.as_ref().map(|p| p.to_json(reveal)),
    });
    serde_json::to_string(&v).unwrap_or_default()
}
