//! How statement results are printed: Doris-style text (the REPL and `rlfe run`) and
//! JSON Lines (the `rlfe run --format json` contract).

use super::{ResultSet, StatementResult};
use crate::ast::StatementKind;
use crate::diagnostics::render::escape_controls;
use crate::diagnostics::{Diagnostic, RenderStyle, Severity, Source};
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
    /// Result rows one column per line (the mysql client's `\G`).
    pub vertical: bool,
    /// How wide diagnostics are drawn (the terminal's width), in columns.
    pub width: usize,
}

impl Style {
    /// Plain text at the default width: no colours, no plans (snapshots, logs).
    pub fn plain() -> Self {
        Style {
            render: RenderStyle::Plain,
            show_plan: false,
            plan_json: false,
            reveal: false,
            vertical: false,
            width: crate::diagnostics::render::DEFAULT_WIDTH,
        }
    }
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
    let cell = |s: &str| escape_cell(s);
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

/// A value as a table cell: line breaks and tabs as `\n` and `\t`, other control
/// characters escaped, so a value cannot move the cursor or clear the screen.
fn escape_cell(s: &str) -> String {
    escape_controls(&s.replace('\n', "\\n").replace('\t', "\\t")).into_owned()
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
            out.push_str(&format!(
                "{:>pad$}: {}\n",
                escape_cell(c),
                escape_controls(v)
            ));
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
    let parts = text_parts(r, source, style);
    let mut out = parts.status;
    out.push_str(&parts.rows);
    out.push_str(&parts.diagnostics);
    out.push_str(&parts.plan);
    out
}

/// The text of one result in its parts: what a script's output stream carries (the
/// status line of an accepted statement, result rows, the plan) and what its error
/// stream carries (Doris's `ERROR …` line and every diagnostic).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextParts {
    /// `Query OK …`, or Doris's `ERROR …` line for a refused statement.
    pub status: String,
    /// The result table.
    pub rows: String,
    /// The diagnostics: the first error (Doris's answer) first, then the other errors,
    /// the warnings and the notes, each group in the order of the text.
    pub diagnostics: String,
    /// The plan, when the style asks for it.
    pub plan: String,
}

impl TextParts {
    /// Whether the status line is an error (it belongs with the diagnostics).
    pub fn status_is_error(&self) -> bool {
        self.status.starts_with("ERROR")
    }
}

/// The diagnostics in reading order: Doris's answer first, then by severity, then by
/// place (findings about the whole statement last in their group).
pub fn reading_order(r: &StatementResult) -> Vec<&Diagnostic> {
    let first = r.first_error();
    let mut order: Vec<&Diagnostic> = r.diagnostics.iter().collect();
    order.sort_by_key(|d| {
        let answer = first.is_some_and(|f| std::ptr::eq(f, *d));
        let place = d
            .span
            .map_or((u64::MAX, u64::MAX), |s| (s.start.line, s.start.column));
        (!answer, d.severity, place)
    });
    order
}

/// [`text`], in its parts.
pub fn text_parts(r: &StatementResult, source: &Source<'_>, style: Style) -> TextParts {
    let mut parts = TextParts::default();
    if let Some(e) = r.first_error() {
        // A warning made an error by --deny-warnings is not Doris's answer.
        let line = if e.rule.severity == Severity::Warning {
            format!("ERROR (--deny-warnings): {}", e.message)
        } else {
            e.mysql_error_line()
        };
        parts.status.push_str(&escape_controls(&line));
        parts.status.push('\n');
    } else if let Some(m) = &r.message {
        parts.status.push_str(&escape_controls(m));
        parts.status.push('\n');
    }
    if let Some(rows) = &r.rows {
        if r.ok {
            parts.rows.push_str(&if style.vertical {
                vertical(rows)
            } else {
                table(rows)
            });
        }
    }
    for d in reading_order(r) {
        parts
            .diagnostics
            .push_str(&crate::diagnostics::render_width(
                d,
                source,
                style.render,
                style.width,
            ));
    }
    if style.show_plan && r.ok && r.kind != StatementKind::Explain {
        if let Some(plan) = &r.plan {
            if style.plan_json {
                parts.plan.push_str(
                    &serde_json::to_string_pretty(&plan.to_json(style.reveal)).unwrap_or_default(),
                );
                parts.plan.push('\n');
            } else {
                parts.plan.push_str(&plan.to_text(style.reveal));
            }
        }
    }
    parts
}

fn diag_json(d: &Diagnostic) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    v.insert("stage".into(), json!(d.stage));
    v.insert("code".into(), json!(d.code()));
    v.insert("message".into(), json!(d.message));
    v.insert("line".into(), json!(d.line()));
    v.insert("column".into(), json!(d.column()));
    v.insert("help".into(), json!(d.help_with_hint()));
    if let Some(effect) = d.effect {
        // What librdkafka in Doris BE does: the job fails, a key is ignored, a warning.
        v.insert("client_effect".into(), json!(effect));
    }
    if !d.repeats.is_empty() {
        let places: Vec<_> = d
            .repeats
            .iter()
            .map(|s| json!({"line": s.start.line, "column": s.start.column}))
            .collect();
        v.insert("repeats".into(), json!(places));
    }
    serde_json::Value::Object(v)
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
