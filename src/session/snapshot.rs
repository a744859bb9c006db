//! Statement snapshots for teams that keep their routine-load statements under test:
//! what each statement of a script answers (Doris's line, the rows, every diagnostic)
//! and the plan of each accepted job, as one stable text. Run with reproducible ids
//! ([`crate::session::DeterministicIds`]), the text is the same on every run and
//! machine; secrets are masked. `rlfe test DIR` keeps one beside each `*.sql` file, in
//! insta's `.snap` format, and a Rust test suite can hand the text to
//! `insta::assert_snapshot!`:
//!
//! ```
//! use routine_load_fe::session::{snapshot, DeterministicIds, Session, SessionOptions};
//!
//! let mut session = Session::new(SessionOptions {
//!     ids: Box::new(DeterministicIds::default()),
//!     ..SessionOptions::default()
//! });
//! session.load_demo().unwrap();
//! let text = snapshot::of_script(&mut session, "CREATE ROUTINE LOAD demo.j ON user_events \
//!     FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"kafka_partitions\" = \"0\");");
//! assert!(text.contains("Query OK") && text.contains("\"kafka_load_info\""));
//! // insta::assert_snapshot!(text);
//! ```

use super::render::{text_parts, Style};
use super::{Session, StatementResult};
use crate::text::Script;

/// The snapshot text of one result.
pub fn of_result(r: &StatementResult, source: &crate::diagnostics::Source<'_>) -> String {
    let style = Style::plain();
    let parts = text_parts(r, source, style);
    let mut out = format!(
        "-- [{}] {} ok={} (line {})\n",
        r.index,
        r.kind.as_str(),
        r.ok,
        r.start.line
    );
    out.push_str(&parts.status);
    out.push_str(&parts.rows);
    out.push_str(&parts.diagnostics);
    if let Some(plan) = r.plan.as_ref().filter(|_| r.ok) {
        out.push_str(&serde_json::to_string_pretty(&plan.to_json(false)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Runs `sql` in `session` and gives the snapshot text of every statement, in order.
pub fn of_script(session: &mut Session, sql: &str) -> String {
    of_bytes(session, sql.as_bytes())
}

/// [`of_script`] for a script read as bytes (a file).
pub fn of_bytes(session: &mut Session, bytes: &[u8]) -> String {
    let script = Script::from_bytes(bytes);
    let mut source = crate::parser::mask::source(script.text());
    let mut out = String::new();
    session.run_decoded(&script, |r| {
        source.add_secrets(&r.secrets);
        out.push_str(&of_result(&r, &source));
    });
    out
}

/// A snapshot file in insta's format: a metadata header, then the text.
pub fn to_snap_file(source: &str, text: &str) -> String {
    format!("---\nsource: {source}\nexpression: statements\n---\n{text}")
}

/// The text of a snapshot file in insta's format (after its metadata header), `None`
/// when it has none.
pub fn from_snap_file(file: &str) -> Option<&str> {
    let rest = file.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    rest.get(end + 5..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snap_files_round_trip() {
        let file = to_snap_file("a.sql", "-- [0] use ok=true\nDatabase changed\n");
        assert_eq!(
            from_snap_file(&file),
            Some("-- [0] use ok=true\nDatabase changed\n")
        );
        assert_eq!(from_snap_file("no header"), None);
    }
}
