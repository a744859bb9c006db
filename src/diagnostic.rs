//! The one diagnostic type of every stage: severity, stable code, message (Doris's
//! exact text where Doris makes the check), location, and help.

use crate::ast::Span;
use crate::text::LineIndex;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// Diagnostic text: most messages and helps are fixed sentences, kept without a copy.
pub type Text = Cow<'static, str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// The pipeline stage that produced a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Parse,
    Analyze,
    Plan,
}

/// A located finding. `message` is what Doris would say (for Doris's checks); `help`
/// says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Diagnostic {
    pub severity: Severity,
    pub stage: Stage,
    /// A stable code: the rule id (`K3`, `MSK-05`, `P1`, …).
    pub code: Text,
    pub message: Text,
    /// Where the problem is; `None` for findings about the whole statement.
    #[serde(skip)]
    pub span: Option<Span>,
    pub help: Option<Text>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        stage: Stage,
        code: impl Into<crate::diagnostic::Text>,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Self {
        Diagnostic {
            severity,
            stage,
            code: code.into(),
            message: message.into(),
            span: None,
            help: None,
        }
    }

    pub fn error(
        stage: Stage,
        code: impl Into<crate::diagnostic::Text>,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Self {
        Self::new(Severity::Error, stage, code, message)
    }

    pub fn warning(
        stage: Stage,
        code: impl Into<crate::diagnostic::Text>,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Self {
        Self::new(Severity::Warning, stage, code, message)
    }

    pub fn note(
        stage: Stage,
        code: impl Into<crate::diagnostic::Text>,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Self {
        Self::new(Severity::Note, stage, code, message)
    }

    /// Points the diagnostic at `span` (ignored when the span carries no position).
    pub fn at(mut self, span: Span) -> Self {
        if !span.is_empty() {
            self.span = Some(span);
        }
        self
    }

    pub fn with_help(mut self, help: impl Into<crate::diagnostic::Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn line(&self) -> Option<u64> {
        self.span.map(|s| s.start.line)
    }

    pub fn column(&self) -> Option<u64> {
        self.span.map(|s| s.start.column)
    }

    /// The MySQL error number and SQL state Doris's error packet carries for this
    /// message (§4.0): Doris's MySQL-compatible error table where it applies, else
    /// 1105/HY000.
    pub fn mysql_code(&self) -> (u16, &'static str) {
        let m: &str = &self.message;
        if m == "No database selected" {
            (1046, "3D000")
        } else if m.starts_with("Unknown database '") {
            (1049, "42000")
        } else if m.starts_with("Unknown table '") {
            (1051, "42S02")
        } else if m.starts_with("Incorrect ") && m.contains(" name '") {
            (5063, "42000")
        } else if m.starts_with("Unknown or incorrect time zone: ") {
            (1298, "HY000")
        } else if m.ends_with("is not a OLAP table") {
            (5000, "HY000")
        } else {
            (1105, "HY000")
        }
    }

    /// The line a mysql client prints for this error.
    pub fn mysql_error_line(&self) -> String {
        let (errno, state) = self.mysql_code();
        format!(
            "ERROR {errno} ({state}): errCode = 2, detailMessage = {}",
            self.message
        )
    }
}

/// How a diagnostic is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// Plain ASCII, no colour: for snapshots, pipes and logs.
    Plain,
    /// Unicode and ANSI colours: for terminals.
    Fancy,
}

/// Draws `diag` with a caret under the offending text of `source` (the whole script
/// the spans refer to). Secret values in the source are masked in the drawing.
pub fn render(diag: &Diagnostic, source: &str, style: RenderStyle) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let masked = crate::secrets::mask_sql(source);
    let mut adapter = Adapter::new(diag, source);
    if masked != source {
        adapter.span = adapter.span.map(|s| {
            let start = crate::secrets::masked_offset(source, s.offset());
            let end = crate::secrets::masked_offset(source, s.offset() + s.len()).max(start + 1);
            miette::SourceSpan::new(start.into(), end.min(masked.len().max(start)) - start)
        });
        adapter.source = &masked;
    }
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
            diag.code,
            diag.message
        );
    }
    out
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
    pub fn new(diag: &'a Diagnostic, source: &'a str) -> Self {
        let span = diag.span.map(|s| {
            let index = LineIndex::new(source);
            let start = index.offset(source, s.start.line, s.start.column);
            let end = index
                .offset(source, s.end.line, s.end.column)
                .max(start + 1)
                .min(source.len().max(start));
            miette::SourceSpan::new(start.into(), end.saturating_sub(start))
        });
        let location = diag.span.map(|s| s.start.to_string());
        Adapter {
            diag,
            source,
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
            self.diag.code
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
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
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
