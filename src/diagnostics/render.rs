//! Drawing a diagnostic over its source, with a caret under the offending text.

use super::{Diagnostic, Severity};
use crate::text::LineIndex;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// How a diagnostic is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// Plain ASCII, no colour: for snapshots, pipes and logs.
    Plain,
    /// Unicode and ANSI colours: for terminals.
    Fancy,
}

/// Draws `diag` with a caret under the offending text of `source` (the script the
/// spans refer to, its secret values masked).
pub fn render(diag: &Diagnostic, source: &Source<'_>, style: RenderStyle) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let adapter = Adapter::new(diag, source);
    let theme = match style {
        RenderStyle::Plain => GraphicalTheme::none(),
        RenderStyle::Fancy => GraphicalTheme::unicode(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, &adapter).is_err() {
        return format!(
            "{}[{}]: {}",
            diag.severity.as_str(),
            diag.code(),
            diag.message
        );
    }
    out
}

/// A script prepared for drawing diagnostics: its lines indexed once, and its text with
/// secret values replaced (the parser knows which).
#[derive(Debug, Clone)]
pub struct Source<'a> {
    text: &'a str,
    lines: LineIndex,
    masked: Cow<'a, str>,
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

/// A diagnostic seen through miette's eyes, for gateways that report with miette.
#[derive(Debug)]
pub struct Adapter<'a> {
    diag: &'a Diagnostic,
    source: &'a str,
    span: Option<miette::SourceSpan>,
    location: Option<String>,
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
        let location = diag.span.map(|s| s.start.to_string());
        Adapter {
            diag,
            source: masked,
            span,
            location,
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
            miette::LabeledSpan::new_with_span(self.location.clone(), span),
        )))
    }
}
