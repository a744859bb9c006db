//! Drawing a diagnostic over its source: the header, one location, the source line
//! with carets under the offending text, and the help. Long lines are cut to a window
//! around the carets, control characters are shown escaped, and nothing here can fail
//! or cost more than the window it draws.

use super::{Diagnostic, Severity};
use crate::text::LineIndex;
use std::borrow::Cow;
use std::fmt::{self, Write};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// How a diagnostic is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// The source line and carets, no colour: for snapshots, pipes and logs.
    Plain,
    /// The same with ANSI colours: for terminals.
    Fancy,
    /// One line: `line:column: severity[CODE]: message`, as compilers' short format.
    Short,
}

/// How wide a drawing may be, in terminal columns (source lines are cut to fit).
pub const DEFAULT_WIDTH: usize = 100;

/// Draws `diag` over `source` (the script the spans refer to, its secret values masked),
/// at most [`DEFAULT_WIDTH`] columns wide.
pub fn render(diag: &Diagnostic, source: &Source<'_>, style: RenderStyle) -> String {
    render_width(diag, source, style, DEFAULT_WIDTH)
}

/// Draws `diag` at most `width` terminal columns wide (at least 40).
pub fn render_width(
    diag: &Diagnostic,
    source: &Source<'_>,
    style: RenderStyle,
    width: usize,
) -> String {
    let width = width.max(40);
    let paint = Paint(style == RenderStyle::Fancy);
    let mut out = String::new();
    let sev = diag.severity.as_str();
    let head = paint.severity(diag.severity, &format!("{sev}[{}]", diag.code()));
    if style == RenderStyle::Short {
        let at = diag
            .span
            .map(|s| format!("{}:{}: ", s.start.line, s.start.column))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{at}{head}: {}",
            escape_controls(&diag.message).replace('\n', " ")
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{head}: {}",
        wrap(&escape_controls(&diag.message), width, head_len(diag))
    );
    if let Some(span) = diag.span {
        let _ = writeln!(
            out,
            "  {} line {}, column {}",
            paint.gutter("-->"),
            span.start.line,
            span.start.column
        );
        if let Some(snippet) = source.snippet(span, width) {
            let number = span.start.line.to_string();
            let pad = " ".repeat(number.len());
            let bar = paint.gutter("|");
            let _ = writeln!(out, " {pad} {bar}");
            let _ = writeln!(out, " {} {bar} {}", paint.gutter(&number), snippet.line);
            let _ = writeln!(
                out,
                " {pad} {bar} {}{}",
                " ".repeat(snippet.caret_start),
                paint.severity(diag.severity, &"^".repeat(snippet.caret_len.max(1)))
            );
        }
    }
    let help = diag.help_with_hint();
    let _ = writeln!(
        out,
        "  {} {}",
        paint.gutter("= help:"),
        wrap(&escape_controls(&help), width, 10)
    );
    out
}

fn head_len(diag: &Diagnostic) -> usize {
    diag.severity.as_str().len() + diag.code().len() + 4
}

/// Wraps `text` to `width` columns; continuation lines are indented by `indent`.
fn wrap(text: &str, width: usize, indent: usize) -> String {
    // The hint at the end stays on one line.
    let glued = text.replace("(rlfe explain ", "(rlfe\u{1}explain\u{1}");
    let avail = width.saturating_sub(indent).max(20);
    let mut out = String::with_capacity(text.len() + 16);
    let mut col = 0;
    for (i, word) in glued.split(' ').enumerate() {
        let w = word.chars().count();
        if i > 0 {
            if col + 1 + w > avail && col > 0 {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                col = 0;
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col += w;
    }
    out.replace('\u{1}', " ")
}

/// ANSI colours, or none.
struct Paint(bool);

impl Paint {
    fn severity(&self, s: Severity, text: &str) -> String {
        if !self.0 {
            return text.to_string();
        }
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    fn gutter(&self, text: &str) -> String {
        if self.0 {
            format!("\x1b[1;34m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Text with control characters (other than line breaks) shown as `\u{…}`, so that
/// printing it cannot move the cursor, clear the screen or ring the bell.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The source line of a span as drawn: cut to the window, carets placed.
struct Snippet {
    line: String,
    /// Display columns before the first caret.
    caret_start: usize,
    /// How many carets.
    caret_len: usize,
}

/// One character as drawn in a snippet (one column wide at least, for the carets).
fn drawn(c: char) -> (char, usize) {
    match c {
        '\t' | '\r' => (' ', 1),
        c if c.is_control() => ('\u{fffd}', 1),
        c => (c, c.width().unwrap_or(1).max(1)),
    }
}

/// A script prepared for drawing diagnostics: its lines indexed once, and its text with
/// secret values replaced (the parser knows which).
#[derive(Debug, Clone)]
pub struct Source<'a> {
    text: &'a str,
    lines: LineIndex,
    masked: Cow<'a, str>,
    /// The masked text's lines (masking may replace line breaks).
    masked_lines: Option<LineIndex>,
    /// The replaced byte ranges of `text`, in order, with the shift (masked offset
    /// minus original offset) after each.
    replaced: Vec<(Range<usize>, isize)>,
}

impl<'a> Source<'a> {
    /// A source without secrets.
    pub fn plain(text: &'a str) -> Self {
        Source {
            text,
            lines: LineIndex::new(text),
            masked: Cow::Borrowed(text),
            masked_lines: None,
            replaced: Vec::new(),
        }
    }

    /// A source whose `masked` text replaced the given ranges of `text` (in order, not
    /// overlapping) by texts of the given lengths.
    pub fn masked(text: &'a str, masked: String, replaced: Vec<(Range<usize>, usize)>) -> Self {
        let mut shift: isize = 0;
        let replaced = replaced
            .into_iter()
            .map(|(r, len)| {
                shift += len as isize - (r.end - r.start) as isize;
                (r, shift)
            })
            .collect();
        Source {
            text,
            lines: LineIndex::new(text),
            masked_lines: Some(LineIndex::new(&masked)),
            masked: Cow::Owned(masked),
            replaced,
        }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The text with secret values masked.
    pub fn masked_text(&self) -> &str {
        &self.masked
    }

    /// The byte offset of a location in the original text.
    pub fn offset(&self, at: crate::text::Location) -> usize {
        self.lines.offset(self.text, at.line, at.column)
    }

    /// The masked text's line index.
    fn masked_line_index(&self) -> &LineIndex {
        self.masked_lines.as_ref().unwrap_or(&self.lines)
    }

    /// Where an offset of the original text is in the masked text (an offset inside a
    /// replaced range maps to the start of its replacement).
    pub fn masked_offset(&self, offset: usize) -> usize {
        let before = self.replaced.partition_point(|(r, _)| r.end <= offset);
        let shift = before
            .checked_sub(1)
            .and_then(|i| self.replaced.get(i))
            .map_or(0, |(_, s)| *s);
        match self.replaced.get(before) {
            Some((r, _)) if r.start < offset => (r.start as isize + shift).max(0) as usize,
            _ => (offset as isize + shift).max(0) as usize,
        }
    }
}

impl Source<'_> {
    /// The line a span starts on, in the masked text, cut to at most `width` columns
    /// around the span, with the carets' place. Work is bounded by the window.
    fn snippet(&self, span: crate::text::Span, width: usize) -> Option<Snippet> {
        let masked = self.masked_text();
        let lines = self.masked_line_index();
        let start = self
            .masked_offset(self.offset(span.start))
            .min(masked.len());
        let end = self
            .masked_offset(self.offset(span.end))
            .clamp(start, masked.len());
        let line = lines.line_range(masked, lines.line_of(start))?;
        let end = end.min(line.end);
        let avail = width.saturating_sub(12).max(20);
        // The window starts at the line's start when that leaves room for the span
        // (capped at two thirds of the width); otherwise a third of the width before it.
        let span_cols = (end - start).min(avail * 2 / 3);
        let left_max = avail.saturating_sub(span_cols);
        let (mut from, mut third) = (start, start);
        let mut cols = 0;
        for (i, c) in masked.get(line.start..start)?.char_indices().rev() {
            let (_, w) = drawn(c);
            if cols + w > left_max {
                break;
            }
            cols += w;
            from = line.start + i;
            if cols <= avail / 3 {
                third = from;
            }
        }
        if from > line.start {
            from = third;
        }
        // …to as far as the width allows.
        let mut text = String::new();
        let (mut caret_start, mut caret_len, mut used) = (0, 0, 0);
        if from > line.start {
            text.push('…');
            used = 1;
        }
        let mut to = from;
        for (i, c) in masked.get(from..line.end)?.char_indices() {
            let (shown, w) = drawn(c);
            if used + w > avail {
                break;
            }
            let at = from + i;
            if at == start {
                caret_start = used;
            }
            if at >= start && at < end.max(start + 1) {
                caret_len += w;
            }
            text.push(shown);
            used += w;
            to = at + c.len_utf8();
        }
        if start >= to {
            caret_start = used;
        }
        if to < line.end {
            text.push('…');
        }
        Some(Snippet {
            line: text,
            caret_start,
            caret_len,
        })
    }
}

/// A diagnostic seen through miette's eyes, for gateways that report with miette.
#[derive(Debug)]
pub struct Adapter<'a> {
    diag: &'a Diagnostic,
    source: &'a str,
    span: Option<miette::SourceSpan>,
}

impl<'a> Adapter<'a> {
    /// The diagnostic over its (masked) source.
    pub fn new(diag: &'a Diagnostic, source: &'a Source<'a>) -> Self {
        let masked = source.masked_text();
        let span = diag.span.map(|s| {
            let start = source.masked_offset(source.offset(s.start));
            let end = source
                .masked_offset(source.offset(s.end))
                .max(start + 1)
                .min(masked.len().max(start));
            miette::SourceSpan::new(start.into(), end.saturating_sub(start))
        });
        Adapter {
            diag,
            source: masked,
            span,
        }
    }
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.diag.severity.as_str(),
            self.diag.code()
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.help_with_hint()))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.span.map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(None, span),
        )))
    }
}
