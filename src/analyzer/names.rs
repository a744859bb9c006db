//! Job names and their database (N rules), shared by every job statement.

use crate::ast::QualifiedName;
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::text::Span;

fn err(rule: Rule, msg: impl Into<Text>, span: Span) -> Diagnostic {
    rule.error(msg).at(span)
}

/// `No database selected` under `rule` (N1, or W1 for SHOW ROUTINE LOAD).
pub(crate) fn no_database(rule: Rule, span: Span) -> Diagnostic {
    rule.error("No database selected")
        .at(span)
        .with_help("name the database (<db>.<name>), or run USE <database> first")
}

/// The database of a job name: its own, else the current one; N1 without either.
pub(crate) fn job_database(
    name: &QualifiedName,
    current_db: Option<&str>,
    rule: Rule,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match (&name.db, current_db) {
        (Some(d), _) => Some(d.value.clone()),
        (None, Some(d)) => Some(d.to_string()),
        (None, None) => {
            diags.push(no_database(rule, name.span()));
            None
        }
    }
}

/// Doris's label pattern `^[-_A-Za-z0-9:]{1,128}$` (N3).
pub(crate) fn label_format_ok(name: &str) -> bool {
    (1..=128).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
}

/// Doris's job-name pattern `^[a-zA-Z][a-zA-Z0-9-_]{0,63}$` (N5, A2).
pub(crate) fn job_name_format_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().count() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

/// The job-name pattern as Doris's message prints it.
pub(crate) const N5_REGEX: &str = "^[a-zA-Z][a-zA-Z0-9-_]{0,63}$";

/// N1–N3: the job's database and name. Returns the database.
pub(crate) fn check_name(
    name: &QualifiedName,
    current_db: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let db = job_database(name, current_db, &N1, diags);
    if name.name.value.is_empty() {
        diags.push(err(&N2, "Table name is null", name.name.span).with_help("give the job a name"));
    } else if !label_format_ok(&name.name.value) {
        diags.push(
            err(&N3,
                format!(
                    "Label format error. regex: ^[-_A-Za-z0-9:]{{1,128}}$, label: {}",
                    name.name.value
                ),
                name.name.span,
            )
            .with_help("job names use letters, digits, '-' and '_', start with a letter, and have at most 64 characters"),
        );
    }
    db
}
