//! The grammar each Doris version has: a statement form only the other version parses
//! gets this version's syntax error, and a note naming the version that accepts it.
//!
//! The parser reads the union of both grammars (so a statement's AST and its Display
//! do not depend on the session); this gate, run before any check, turns the forms the
//! session's version lacks back into the error its parser gives.

use super::context::DorisVersion;
use super::properties::version_note;
use crate::ast::{AlterAction, Span, Statement, TaskFilter};
use crate::diagnostics::rules::P0;
use crate::diagnostics::Diagnostic;

/// One form only one version parses: where it starts, its first word, what it is,
/// the version that has it and how to write it in the other.
struct Form {
    at: Span,
    word: &'static str,
    what: &'static str,
    version: DorisVersion,
    instead: &'static str,
}

fn forms(stmt: &Statement) -> Vec<Form> {
    let mut out = Vec::new();
    match stmt {
        Statement::AlterRoutineLoad(a) => match &a.action {
            AlterAction::Table { on, .. } => out.push(Form {
                at: *on,
                word: "ON",
                what: "ALTER ROUTINE LOAD … ON tbl",
                version: DorisVersion::V4_1,
                instead: "Doris master retargets a job with ALTER ROUTINE LOAD FOR job SET TARGET TABLE = \"tbl\"",
            }),
            AlterAction::TargetTable { set, .. } => out.push(Form {
                at: *set,
                word: "SET",
                what: "ALTER ROUTINE LOAD … SET TARGET TABLE",
                version: DorisVersion::Master,
                instead: "Doris 4.1 retargets a job with ALTER ROUTINE LOAD FOR job ON tbl",
            }),
            AlterAction::Properties { .. } => {}
        },
        Statement::ShowRoutineLoad(s) => {
            if let Some(o) = &s.order_by {
                out.push(Form {
                    at: o.keyword,
                    word: "ORDER",
                    what: "SHOW ROUTINE LOAD … ORDER BY",
                    version: DorisVersion::Master,
                    instead: "Doris 4.1 lists jobs in its own order; sort the rows in the client",
                });
            } else if let Some(l) = &s.limit {
                out.push(Form {
                    at: l.keyword,
                    word: "LIMIT",
                    what: "SHOW ROUTINE LOAD … LIMIT",
                    version: DorisVersion::Master,
                    instead: "Doris 4.1 shows every job; use SHOW ROUTINE LOAD FOR job or LIKE 'pattern' to show fewer",
                });
            }
        }
        Statement::ShowRoutineLoadTask(s) => {
            if let Some(TaskFilter::Job { keyword, .. }) = &s.filter {
                out.push(Form {
                    at: *keyword,
                    word: "FOR",
                    what: "SHOW ROUTINE LOAD TASK FOR job",
                    version: DorisVersion::Master,
                    instead: "Doris 4.1 writes SHOW ROUTINE LOAD TASK [FROM db] WHERE JobName = \"job\"",
                });
            }
        }
        _ => {}
    }
    out
}

/// The syntax error (and version note) of the first form `version` does not parse.
pub(crate) fn grammar_gate(stmt: &Statement, version: DorisVersion) -> Vec<Diagnostic> {
    let Some(f) = forms(stmt).into_iter().find(|f| f.version != version) else {
        return Vec::new();
    };
    vec![
        P0.error(format!("expected end of statement, found '{}'", f.word))
            .at(f.at)
            .with_help(format!("Doris {version} has no {}: {}", f.what, f.instead)),
        version_note(f.version, f.what, f.at),
    ]
}
