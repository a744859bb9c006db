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

/// Whether the REPL should run `input` now: it holds a complete statement (a `;`, `\G`
/// or `\g` outside strings and comments), or it is a meta-command line, or it is blank.
pub fn is_complete(input: &str) -> bool {
    let t = input.trim();
    if t.is_empty() || t.starts_with('\\') {
        return true;
    }
    let (text, _) = go_terminators(input);
    crate::parser::has_complete_statement(&text)
}

/// The mysql client's `\G` (end the statement, show its rows vertically) and `\g` (end
/// it) after statement text, outside strings, names and comments: each is replaced by
/// `; ` (same length: offsets and locations stay) and the offsets of the `\G`s are
/// returned. A `\` command on a line of its own at a statement boundary is left to
/// [`split_meta`].
pub fn go_terminators(text: &str) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let b = text.as_bytes();
    let mut found: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    let mut pending = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'\'' | b'"' | b'`' => {
                pending = true;
                let mut j = i + 1;
                while let Some(&d) = b.get(j) {
                    if d == b'\\' && c != b'`' {
                        j += 2;
                        continue;
                    }
                    if d == c {
                        break;
                    }
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            // A line comment: `#` (the mysql client's) or `--`.
            b'#' | b'-' if c == b'#' || b.get(i + 1) == Some(&b'-') => {
                i = b
                    .get(i..)
                    .and_then(|r| r.iter().position(|&d| d == b'\n'))
                    .map_or(b.len(), |p| i + p);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = b
                    .get(i + 2..)
                    .and_then(|r| r.windows(2).position(|w| w == b"*/"))
                    .map_or(b.len(), |p| i + 2 + p + 2);
                continue;
            }
            b';' => pending = false,
            b'\\' if pending && matches!(b.get(i + 1), Some(b'G' | b'g')) => {
                found.push((i, b.get(i + 1) == Some(&b'G')));
                pending = false;
                i += 2;
                continue;
            }
            c if !c.is_ascii_whitespace() => pending = true,
            _ => {}
        }
        i += 1;
    }
    if found.is_empty() {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    let mut out = text.as_bytes().to_vec();
    for (at, _) in &found {
        if let Some(two) = out.get_mut(*at..*at + 2) {
            two.copy_from_slice(b"; ");
        }
    }
    // Two ASCII bytes replaced by two ASCII bytes: still UTF-8.
    let out = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    let vertical = found
        .into_iter()
        .filter(|(_, v)| *v)
        .map(|(at, _)| at)
        .collect();
    (std::borrow::Cow::Owned(out), vertical)
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
    fn go_terminators_end_statements() {
        let (t, v) = go_terminators("SHOW ROUTINE LOAD FOR j\\G\nSHOW ROUTINE LOAD\\g\n'a\\G' x;");
        assert_eq!(
            t,
            "SHOW ROUTINE LOAD FOR j; \nSHOW ROUTINE LOAD; \n'a\\G' x;"
        );
        assert_eq!(v, [23]);
        // At a statement boundary it is a meta-command, not a terminator.
        let (t, v) = go_terminators("SHOW ROUTINE LOAD;\n\\G\n");
        assert_eq!(t, "SHOW ROUTINE LOAD;\n\\G\n");
        assert!(v.is_empty());
        assert!(is_complete("SHOW ROUTINE LOAD FOR j\\G"));
        assert!(!is_complete("SHOW ROUTINE LOAD FOR 'j\\G"));
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
