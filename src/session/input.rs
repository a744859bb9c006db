//! Reading input the way the mysql client does: statements end at `;` and may span
//! lines; a `\` meta-command is a line of its own at a statement boundary and ends at
//! the line break. The REPL, piped input and `rlfe run` share these rules.

use crate::parser::lexer::Splitter;
use crate::text::Location;

/// How deep `\i FILE` may nest (a file that includes itself stops there).
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// A meta-command line found in a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaLine {
    /// Byte offset of the line in the script.
    pub offset: usize,
    /// Where the line starts.
    pub start: Location,
    /// The command, trimmed, without a trailing `;`.
    pub command: String,
}

/// Finds the meta-command lines at statement boundaries (before a statement's first
/// token, after blanks and comments). Returns the text with those lines blanked (same
/// length, so every offset and location stays) and the commands in order.
pub fn split_meta(text: &str) -> (String, Vec<MetaLine>) {
    let mut blanked: Option<Vec<u8>> = None;
    let mut metas = Vec::new();
    for chunk in Splitter::new(text) {
        let mut pos = chunk.offset;
        let mut column = chunk.start.column;
        for (line_no, line) in (chunk.start.line..).zip(chunk.text.split_inclusive('\n')) {
            let t = line.trim();
            if t.starts_with('\\') {
                let lead = line.len() - line.trim_start().len();
                let start = Location::new(line_no, column + lead as u64);
                metas.push(MetaLine {
                    offset: pos,
                    start,
                    command: t.trim_end_matches(';').trim().to_string(),
                });
                let bytes = blanked.get_or_insert_with(|| text.as_bytes().to_vec());
                let body = line.trim_end_matches('\n').len();
                if let Some(span) = bytes.get_mut(pos..pos + body) {
                    span.fill(b' ');
                }
            } else if !(t.is_empty() || t.starts_with("--") || t.starts_with('#')) {
                break;
            }
            pos += line.len();
            column = 1;
        }
    }
    let text = match blanked {
        // Whole lines were replaced by spaces (line breaks kept), so the text is still
        // UTF-8.
        Some(bytes) => String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()),
        None => text.to_string(),
    };
    (text, metas)
}

/// Whether the REPL should run `input` now: it holds a complete statement (a `;`
/// outside strings and comments), or it is a meta-command line, or it is blank.
pub fn is_complete(input: &str) -> bool {
    let t = input.trim();
    t.is_empty() || t.starts_with('\\') || crate::parser::has_complete_statement(input)
}

/// Collects lines until they make a complete input ([`is_complete`]): the REPL's line
/// assembly for terminals that hand over one line at a time.
#[derive(Debug, Default, Clone)]
pub struct LineAssembler {
    pending: String,
}

impl LineAssembler {
    /// Adds a line; returns the input to run when it is complete.
    pub fn push_line(&mut self, line: &str) -> Option<String> {
        if !self.pending.is_empty() {
            self.pending.push('\n');
        }
        self.pending.push_str(line);
        if is_complete(&self.pending) {
            Some(std::mem::take(&mut self.pending))
        } else {
            None
        }
    }

    /// The lines collected so far (an incomplete statement).
    pub fn pending(&self) -> &str {
        &self.pending
    }

    /// Drops the collected lines (Ctrl-C).
    pub fn clear(&mut self) {
        self.pending.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines_only_at_statement_boundaries() {
        let text =
            "\\plan on\nSHOW ROUTINE LOAD;\n  \\partitions t 3\n-- c\nCREATE x\n\\not meta\n;\n\\q";
        let (sql, metas) = split_meta(text);
        let cmds: Vec<&str> = metas.iter().map(|m| m.command.as_str()).collect();
        assert_eq!(cmds, ["\\plan on", "\\partitions t 3", "\\q"]);
        assert_eq!(metas[1].start, Location::new(3, 3));
        assert_eq!(sql.len(), text.len());
        assert!(sql.contains("\\not meta"));
        assert!(!sql.contains("\\plan"));
    }

    #[test]
    fn assembles_lines_into_inputs() {
        let mut a = LineAssembler::default();
        assert_eq!(a.push_line("SHOW ROUTINE"), None);
        assert_eq!(a.push_line("LOAD 'a;"), None);
        assert_eq!(
            a.push_line("';").as_deref(),
            Some("SHOW ROUTINE\nLOAD 'a;\n';")
        );
        assert_eq!(a.push_line("\\q").as_deref(), Some("\\q"));
        assert_eq!(a.pending(), "");
    }
}
