//! Drawing a diagnostic over its source: the header, one location, the source line
//! with carets under the offending text, and the help. Long lines are cut to a window
//! around the carets, control characters are shown escaped, and nothing here can fail
//! or cost more than the window it draws.

use super::{Diagnostic, Severity};
use crate::text::mask::{floor, mask_ranges, masked_form, normalize_ranges, MASK};
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
        let more = match diag.repeats.len() {
            0 => String::new(),
            n => format!(" (+{n} more)"),
        };
        let _ = writeln!(
            out,
            "{at}{head}: {}{more}",
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
    if !diag.repeats.is_empty() {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.gutter("= also:"),
            wrap(&repeats_text(diag), width, 10)
        );
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

/// The places a folded finding also has, the first few listed.
fn repeats_text(diag: &Diagnostic) -> String {
    const LISTED: usize = 8;
    let n = diag.repeats.len();
    let places: Vec<String> = diag
        .repeats
        .iter()
        .take(LISTED)
        .map(|s| format!("{}:{}", s.start.line, s.start.column))
        .collect();
    format!(
        "{n} more like it in this statement, at {}{}",
        places.join(", "),
        if n > LISTED { ", …" } else { "" }
    )
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
    /// The bytes of `line` under the carets.
    caret_bytes: Range<usize>,
}

/// One character as drawn in a snippet (one column wide at least, for the carets).
fn drawn(c: char) -> (char, usize) {
    match c {
        '\t' | '\r' => (' ', 1),
        c if c.is_control() => ('\u{fffd}', 1),
        c => (c, c.width().unwrap_or(1).max(1)),
    }
}

/// A piece of a drawn line: a character, or the mask over a secret value.
enum Cell {
    Char(char),
    Mask(&'static str),
}

/// A script prepared for drawing diagnostics: its lines indexed once, and the byte
/// ranges of its secret values, drawn as the mask. Drawing a diagnostic costs the
/// window it draws, not the script.
///
/// Secrets come in two sets: those known before any statement runs (a lenient scan of
/// the whole script, so a window reaching into a later statement masks it too) and
/// those each statement adds as it runs (from its AST), in script order.
#[derive(Clone)]
pub struct Source<'a> {
    text: &'a str,
    lines: LineIndex,
    /// Sorted, not overlapping.
    secrets: Vec<Range<usize>>,
    /// Sorted, not overlapping (they may overlap `secrets`).
    added: Vec<Range<usize>>,
    /// False for text that must not be shown (another file's): locations only.
    shown: bool,
}

impl fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("bytes", &self.text.len())
            .field("lines", &self.lines.lines())
            .field("secrets", &(self.secrets.len() + self.added.len()))
            .field("shown", &self.shown)
            .finish()
    }
}

impl<'a> Source<'a> {
    /// A source without secrets.
    pub fn new(text: &'a str) -> Self {
        Source {
            text,
            lines: LineIndex::new(text),
            secrets: Vec::new(),
            added: Vec::new(),
            shown: true,
        }
    }

    /// A source whose given byte ranges are secret values.
    pub fn with_secrets(text: &'a str, mut secrets: Vec<Range<usize>>) -> Self {
        normalize_ranges(&mut secrets);
        Source {
            secrets,
            ..Source::new(text)
        }
    }

    /// A source whose text is never drawn (a file the user did not write): diagnostics
    /// show their location only.
    pub fn hidden(text: &'a str) -> Self {
        Source {
            shown: false,
            ..Source::new(text)
        }
    }

    /// Marks more byte ranges as secret values: cheap when they come in script order,
    /// as a script's statements do.
    pub fn add_secrets(&mut self, ranges: &[Range<usize>]) {
        let in_order = match (self.added.last(), ranges.first()) {
            (Some(last), Some(first)) => first.start >= last.end,
            _ => true,
        } && ranges
            .iter()
            .zip(ranges.iter().skip(1))
            .all(|(a, b)| a.end <= b.start);
        self.added
            .extend(ranges.iter().filter(|r| r.start < r.end).cloned());
        if !in_order {
            normalize_ranges(&mut self.added);
        }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The byte ranges of the secret values, in order, merged (a copy: linear in
    /// their number).
    pub fn secrets(&self) -> Vec<Range<usize>> {
        let mut all: Vec<Range<usize>> = self.secrets.iter().chain(&self.added).cloned().collect();
        normalize_ranges(&mut all);
        all
    }

    /// The whole text with secret values masked (a copy of the script).
    pub fn masked_text(&self) -> String {
        mask_ranges(self.text, &self.secrets())
    }

    /// The byte offset of a location in the original text.
    pub fn offset(&self, at: crate::text::Location) -> usize {
        self.lines.offset(self.text, at.line, at.column)
    }

    /// Where an offset of the original text is in [`Source::masked_text`] (an offset
    /// inside a secret maps to the start of its mask). Linear in the secrets.
    pub fn masked_offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for r in &self.secrets() {
            if r.start >= offset {
                break;
            }
            let form = masked_form(self.text.get(r.clone()).unwrap_or("")).len() as isize;
            if r.end > offset {
                return (r.start as isize + shift).max(0) as usize;
            }
            shift += form - (r.end - r.start) as isize;
        }
        (offset as isize + shift).max(0) as usize
    }

    /// The secret range holding byte `pos` (the union of the two sets' ranges there).
    fn secret_at(&self, pos: usize) -> Option<Range<usize>> {
        let find = |set: &[Range<usize>]| {
            let i = set.partition_point(|r| r.end <= pos);
            set.get(i).filter(|r| r.start <= pos).cloned()
        };
        match (find(&self.secrets), find(&self.added)) {
            (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
            (a, b) => a.or(b),
        }
    }

    fn mask_of(&self, r: &Range<usize>, from: usize) -> &'static str {
        if from == r.start {
            masked_form(self.text.get(r.clone()).unwrap_or(""))
        } else {
            MASK
        }
    }

    /// The cell at `pos` and where the next one starts.
    fn forward(&self, pos: usize, line_end: usize) -> Option<(Cell, usize, usize)> {
        if pos >= line_end {
            return None;
        }
        if let Some(r) = self.secret_at(pos) {
            let form = self.mask_of(&r, pos);
            return Some((Cell::Mask(form), form.len(), r.end.min(line_end)));
        }
        let c = self.text.get(pos..)?.chars().next()?;
        let (shown, w) = drawn(c);
        Some((Cell::Char(shown), w, pos + c.len_utf8()))
    }

    /// The width of the cell before `pos` and where it starts.
    fn backward(&self, pos: usize, line_start: usize) -> Option<(usize, usize)> {
        if pos <= line_start {
            return None;
        }
        let c = self.text.get(..pos)?.chars().next_back()?;
        let prev = pos - c.len_utf8();
        if let Some(r) = self.secret_at(prev) {
            let from = r.start.max(line_start);
            return Some((self.mask_of(&r, from).len(), from));
        }
        Some((drawn(c).1, prev))
    }

    /// The line a span starts on, cut to at most `width` columns around the span, with
    /// the carets' place. Work is bounded by the window.
    fn snippet(&self, span: crate::text::Span, width: usize) -> Option<Snippet> {
        if !self.shown {
            return None;
        }
        let text = self.text;
        let mut start = floor(text, self.offset(span.start));
        if let Some(r) = self.secret_at(start) {
            start = r.start;
        }
        let end = floor(text, self.offset(span.end)).max(start);
        let line = self.lines.line_range(text, self.lines.line_of(start))?;
        let end = end.min(line.end);
        let avail = width.saturating_sub(12).max(20);
        // The window starts at the line's start when that leaves room for the span
        // (capped at two thirds of the width); otherwise a third of the width before it.
        let span_cols = (end - start).min(avail * 2 / 3);
        let left_max = avail.saturating_sub(span_cols);
        let (mut from, mut third, mut cols) = (start, start, 0);
        while let Some((w, prev)) = self.backward(from, line.start) {
            if cols + w > left_max {
                break;
            }
            cols += w;
            from = prev;
            if cols <= avail / 3 {
                third = from;
            }
        }
        if from > line.start {
            from = third;
        }
        let mut drawn_line = String::new();
        let (mut caret_start, mut caret_len, mut used) = (None, 0, 0);
        if from > line.start {
            drawn_line.push('…');
            used = 1;
        }
        let mut pos = from;
        let mut caret_bytes: Option<Range<usize>> = None;
        while let Some((cell, w, next)) = self.forward(pos, line.end) {
            if used + w > avail {
                break;
            }
            if caret_start.is_none() && next > start {
                caret_start = Some(used);
            }
            let under = next > start && pos < end.max(start + 1);
            let at = drawn_line.len();
            match cell {
                Cell::Char(c) => drawn_line.push(c),
                Cell::Mask(m) => drawn_line.push_str(m),
            }
            if under {
                caret_len += w;
                let r = caret_bytes.get_or_insert(at..at);
                r.end = drawn_line.len();
            }
            used += w;
            pos = next;
        }
        if pos < line.end {
            drawn_line.push('…');
        }
        let len = drawn_line.len();
        Some(Snippet {
            line: drawn_line,
            caret_start: caret_start.unwrap_or(used),
            caret_len,
            caret_bytes: caret_bytes.unwrap_or(len..len),
        })
    }
}

/// A diagnostic seen through miette's eyes, for gateways that report with miette.
#[derive(Debug)]
pub struct Adapter<'a> {
    diag: &'a Diagnostic,
    source: String,
    span: Option<miette::SourceSpan>,
}

impl<'a> Adapter<'a> {
    /// The diagnostic over its source line, cut to the window a drawing shows and
    /// masked as drawings are (so its cost is the window's, not the script's).
    pub fn new(diag: &'a Diagnostic, source: &'a Source<'a>) -> Self {
        let snippet = diag.span.and_then(|s| source.snippet(s, DEFAULT_WIDTH));
        let (text, span) = match snippet {
            Some(sn) => {
                let len = sn
                    .caret_bytes
                    .len()
                    .max(1)
                    .min(sn.line.len().saturating_sub(sn.caret_bytes.start));
                let span = miette::SourceSpan::new(sn.caret_bytes.start.into(), len);
                (sn.line, Some(span))
            }
            None => (String::new(), None),
        };
        Adapter {
            diag,
            source: text,
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
