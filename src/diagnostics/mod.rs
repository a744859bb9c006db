//! The one diagnostic type of every stage, and the rule registry it points into.
//!
//! A [`Diagnostic`] carries a typed [`Rule`]: a reference to a declared [`RuleDef`]
//! (code, kind, severity, Doris's MySQL error, message forms, documentation, examples),
//! so a diagnostic for an undeclared code cannot be built. The registry
//! ([`rules::all`]) is the only place a code exists; `rlfe rules`, `rlfe explain` and
//! the registry-driven tests read it.

pub mod render;
pub mod rules;

pub use render::{render, render_width, Adapter, RenderStyle, Source};
pub use rules::{MysqlError, Rule, RuleDef, RuleKind};

use crate::text::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Diagnostic text: most messages and helps are fixed sentences, kept without a copy.
pub type Text = Cow<'static, str>;

/// How serious a finding is. Only errors change Doris's accept/reject decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Doris rejects the statement (or rlfe cannot read it).
    Error,
    /// Doris accepts it, but something is wrong or will fail later.
    Warning,
    /// Information: what was not checked, or how something was read.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
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
    /// Reading the statement text.
    Parse,
    /// Doris's checks and the analysis beyond Doris.
    Analyze,
    /// Forming the tasks Doris FE would send.
    Plan,
    /// Asking the live brokers (`--online`).
    Online,
}

impl Stage {
    /// `parse`, `analyze`, `plan` or `online`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Parse => "parse",
            Stage::Analyze => "analyze",
            Stage::Plan => "plan",
            Stage::Online => "online",
        }
    }
}

/// What a finding says librdkafka, in Doris BE's consumer, does with the job's client
/// properties (the BE sequence decides it): the findings of librdkafka's own verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientEffect {
    /// librdkafka refuses a property or the consumer: the job pauses when it starts.
    Fails,
    /// librdkafka (or the BE) ignores a property.
    Ignored,
    /// librdkafka accepts it and logs a configuration warning.
    Warns,
}

impl ClientEffect {
    /// `fails`, `ignored` or `warns`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClientEffect::Fails => "fails",
            ClientEffect::Ignored => "ignored",
            ClientEffect::Warns => "warns",
        }
    }
}

/// A located finding. `message` is what Doris would say (for Doris's checks); `help`
/// says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Diagnostic {
    /// The declared rule this finding belongs to.
    pub rule: Rule,
    /// The rule's default severity unless the finding says otherwise.
    pub severity: Severity,
    /// Where in the pipeline it was found.
    pub stage: Stage,
    /// The message: Doris's exact text for Doris's checks.
    pub message: Text,
    /// Where the problem is; `None` for findings about the whole statement.
    pub span: Option<Span>,
    /// What to do about it.
    pub help: Option<Text>,
    /// The MySQL error Doris answers with, when it is not the rule's own (a rule whose
    /// messages come from different rows of Doris's error table).
    pub mysql: Option<&'static MysqlError>,
    /// Where the same rule fired again in the statement, folded into this finding
    /// ([`fold_repeats`]).
    pub repeats: Repeats,
    /// librdkafka's verdict this finding reports, for the findings that report one.
    pub effect: Option<ClientEffect>,
}

/// The places of a folded finding's repeats (boxed: most findings have none, and a
/// diagnostic stays small enough to return in a `Result`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
// One pointer when empty, which `Option<Vec>` (three words) is not.
#[allow(clippy::box_collection)]
pub struct Repeats(Option<Box<Vec<Span>>>);

impl Repeats {
    /// How many.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |v| v.len())
    }

    /// None at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The places, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Span> {
        self.0.as_deref().map_or(&[][..], |v| v.as_slice()).iter()
    }

    fn push(&mut self, span: Span) {
        self.0.get_or_insert_with(Default::default).push(span);
    }

    fn extend(&mut self, spans: impl Iterator<Item = Span>) {
        for span in spans {
            self.push(span);
        }
    }
}

/// How many findings of one rule a statement shows before the rest are folded into
/// the first one as positions.
pub const SHOWN_REPEATS: usize = 3;

/// Folds repeated warnings and notes: when one rule fires more than
/// [`SHOWN_REPEATS`] times in a statement, its first finding stays and carries the
/// places of the others (errors are never folded). A finding already folded (by a
/// [`Folding`]) counts with its repeats, so folding in stages gives the same list as
/// folding once. Linear in the findings.
pub fn fold_repeats(diags: &mut Vec<Diagnostic>) {
    // Most statements have a handful of findings: a pairwise look (bounded by the
    // cut-off below) tells that none repeats without building a map.
    const PAIRWISE_UP_TO: usize = 16;
    let findings = || diags.iter().filter(|d| d.severity != Severity::Error);
    let weight = |d: &Diagnostic| 1 + d.repeats.len();
    if findings().nth(PAIRWISE_UP_TO).is_none()
        && findings().all(|d| {
            findings()
                .filter(|o| o.code() == d.code())
                .map(weight)
                .sum::<usize>()
                <= SHOWN_REPEATS
        })
    {
        return;
    }
    let mut counts: crate::text::hash::FastMap<&'static str, usize> = Default::default();
    for d in findings() {
        *counts.entry(d.code()).or_default() += weight(d);
    }
    if counts.values().all(|n| *n <= SHOWN_REPEATS) {
        return;
    }
    let mut first: crate::text::hash::FastMap<&'static str, usize> = Default::default();
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    for d in diags.drain(..) {
        let folded = d.severity != Severity::Error
            && counts.get(d.code()).is_some_and(|n| *n > SHOWN_REPEATS);
        if !folded {
            out.push(d);
            continue;
        }
        match first.get(d.code()).and_then(|i| out.get_mut(*i)) {
            Some(kept) => {
                if let Some(span) = d.span {
                    kept.repeats.push(span);
                }
                kept.repeats.extend(d.repeats.iter().copied());
            }
            None => {
                first.insert(d.code(), out.len());
                out.push(d);
            }
        }
    }
    *diags = out;
}

/// Findings gathered one at a time, folded as they come exactly as [`fold_repeats`]
/// folds the same list: once a rule has fired more than [`SHOWN_REPEATS`] times, each
/// further finding of it only adds its place to the first one. [`Folding::push_with`]
/// builds a finding's texts only when they can be shown, so a rule that fires for each
/// of thousands of items formats a handful of messages.
#[derive(Debug, Default)]
pub struct Folding {
    list: Vec<Diagnostic>,
    /// One per rule that has fired (errors aside). A statement's findings come from a
    /// few dozen rules at most, so a list beats a map.
    tallies: Vec<Tally>,
}

#[derive(Debug)]
struct Tally {
    code: &'static str,
    fired: usize,
    /// Where the rule's first finding is in the list, once the rule is folded.
    folded_into: Option<usize>,
}

impl Folding {
    /// The findings so far, folded.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.list
    }

    /// The findings, folded.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }

    /// Adds a finding.
    pub fn push(&mut self, d: Diagnostic) {
        if d.severity == Severity::Error {
            self.list.push(d);
            return;
        }
        let at = self.tally(d.code());
        self.add(at, d.span, || d);
    }

    /// Adds a finding of `rule` at `span` that is not an error, made by `build` only
    /// when it can be shown.
    pub fn push_with(&mut self, rule: Rule, span: Span, build: impl FnOnce() -> Diagnostic) {
        let at = self.tally(rule.code);
        let place = Some(span).filter(|s| !s.is_empty());
        self.add(at, place, build);
    }

    /// Counts one more finding of the rule of tally `at`: the first few are kept, the
    /// one past [`SHOWN_REPEATS`] folds the rule, and any later one only adds its place.
    fn add(&mut self, at: usize, place: Option<Span>, build: impl FnOnce() -> Diagnostic) {
        let Some(tally) = self.tallies.get_mut(at) else {
            return;
        };
        tally.fired += 1;
        let code = tally.code;
        match (tally.fired, tally.folded_into) {
            (_, Some(first)) => {
                if let (Some(kept), Some(span)) = (self.list.get_mut(first), place) {
                    kept.repeats.push(span);
                }
            }
            (n, None) if n <= SHOWN_REPEATS => self.list.push(build()),
            // Its texts are never shown: only its place is kept.
            (_, None) => self.fold(code, place),
        }
    }

    /// The tally of `code`, added when the rule has not fired yet.
    fn tally(&mut self, code: &'static str) -> usize {
        match self.tallies.iter().position(|t| t.code == code) {
            Some(at) => at,
            None => {
                self.tallies.push(Tally {
                    code,
                    fired: 0,
                    folded_into: None,
                });
                self.tallies.len() - 1
            }
        }
    }

    /// Folds every finding of `code` after the first into the first, as
    /// [`fold_repeats`] does, the newest finding's place last, and notes where each
    /// folded rule's first finding now is. Runs once per rule.
    fn fold(&mut self, code: &'static str, newest: Option<Span>) {
        let foldable = |d: &Diagnostic| d.severity != Severity::Error && d.code() == code;
        let mut places = Vec::new();
        let mut seen_first = false;
        self.list.retain(|d| {
            if !foldable(d) {
                return true;
            }
            if seen_first {
                places.extend(d.span);
                return false;
            }
            seen_first = true;
            true
        });
        places.extend(newest);
        let tallies = &mut self.tallies;
        if let Some(t) = tallies.iter_mut().find(|t| t.code == code) {
            t.folded_into = Some(0);
        }
        for (i, d) in self.list.iter_mut().enumerate() {
            if d.severity == Severity::Error {
                continue;
            }
            let folded = tallies
                .iter_mut()
                .find(|t| t.code == d.code() && t.folded_into.is_some());
            let Some(t) = folded else {
                continue;
            };
            t.folded_into = Some(i);
            if d.code() == code {
                for span in places.drain(..) {
                    d.repeats.push(span);
                }
            }
        }
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 5)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("stage", &self.stage)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("help", &self.help)?;
        if let Some(effect) = self.effect {
            st.serialize_field("client_effect", &effect)?;
        }
        st.end()
    }
}

impl Diagnostic {
    /// A finding of `rule` at its default severity and stage.
    pub fn new(rule: Rule, message: impl Into<Text>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            stage: rule.stage,
            message: message.into(),
            span: None,
            help: None,
            mysql: None,
            repeats: Repeats::default(),
            effect: None,
        }
    }

    /// The rule's stable code (`K3`, `MSK-05`, `P0`, …).
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// The same finding at another severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Points the diagnostic at `span` (ignored when the span carries no position).
    pub fn at(mut self, span: Span) -> Self {
        if !span.is_empty() {
            self.span = Some(span);
        }
        self
    }

    /// Sets the help text.
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Marks the finding as librdkafka's verdict.
    pub fn with_effect(mut self, effect: ClientEffect) -> Self {
        self.effect = Some(effect);
        self
    }

    /// Sets the MySQL error Doris answers with for this message.
    pub fn with_mysql(mut self, mysql: &'static MysqlError) -> Self {
        self.mysql = Some(mysql);
        self
    }

    /// Whether the finding is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The 1-based line of the start of the span.
    pub fn line(&self) -> Option<u64> {
        self.span.map(|s| s.start.line)
    }

    /// The 1-based column (in characters) of the start of the span.
    pub fn column(&self) -> Option<u64> {
        self.span.map(|s| s.start.column)
    }

    /// The MySQL error number and SQL state of Doris's error packet for this finding.
    pub fn mysql_code(&self) -> (u16, &'static str) {
        let m = self.mysql.unwrap_or(&self.rule.mysql);
        (m.errno, m.sqlstate)
    }

    /// The line a mysql client prints for this error.
    pub fn mysql_error_line(&self) -> String {
        let (errno, state) = self.mysql_code();
        format!(
            "ERROR {errno} ({state}): errCode = 2, detailMessage = {}",
            self.message
        )
    }

    /// The help text followed by where to read more about the rule.
    pub fn help_with_hint(&self) -> String {
        match &self.help {
            Some(h) => format!("{h} (rlfe explain {})", self.code()),
            None => format!("rlfe explain {} says more", self.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rules::{KAFKA_01, KAFKA_02, KAFKA_03, KAFKA_04};
    use super::*;
    use crate::text::Location;
    use proptest::prelude::*;

    const RULES: [Rule; 4] = [&KAFKA_01, &KAFKA_02, &KAFKA_03, &KAFKA_04];

    /// One generated finding: which rule, whether it is an error, where (`0` = no place).
    fn finding((rule, error, column): (usize, bool, u64)) -> Diagnostic {
        let rule = RULES.get(rule % RULES.len()).copied().unwrap_or(&KAFKA_01);
        let place = Span::new(Location::new(1, column), Location::new(1, column + 1));
        let d = Diagnostic::new(rule, format!("{} at {column}", rule.code))
            .with_help(format!("help {column}"));
        let d = if column == 0 { d } else { d.at(place) };
        if error {
            d.with_severity(Severity::Error)
        } else {
            d.with_severity(Severity::Warning)
        }
    }

    fn folded_once(items: &[(usize, bool, u64)]) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = items.iter().copied().map(finding).collect();
        fold_repeats(&mut all);
        all
    }

    fn items() -> impl Strategy<Value = Vec<(usize, bool, u64)>> {
        prop::collection::vec((0usize..4, prop::bool::weighted(0.15), 0u64..40), 0..60)
    }

    proptest! {
        /// Folding as findings come, whether their texts are built eagerly or lazily,
        /// gives exactly what folding the whole list once gives.
        #[test]
        fn folding_as_they_come_equals_folding_once(items in items(), lazy in any::<bool>()) {
            let mut folding = Folding::default();
            for item in items.iter().copied() {
                let d = finding(item);
                if lazy && d.severity != Severity::Error {
                    let span = d.span.unwrap_or_default();
                    folding.push_with(d.rule, span, || d.clone());
                } else {
                    folding.push(d);
                }
            }
            let mut got = folding.into_vec();
            // Placeholders are never shown, only their places: compare what shows.
            let shown = |ds: &[Diagnostic]| -> Vec<(String, Option<Span>, Vec<Span>)> {
                ds.iter()
                    .map(|d| (d.message.to_string(), d.span, d.repeats.iter().copied().collect()))
                    .collect()
            };
            let want = folded_once(&items);
            prop_assert_eq!(shown(&got), shown(&want));
            // A second fold over an already folded list (the session's, after more
            // findings join) changes nothing.
            fold_repeats(&mut got);
            prop_assert_eq!(shown(&got), shown(&want));
        }

        /// Folding in two stages (a `Folding`, then more findings and `fold_repeats`)
        /// equals folding the concatenation once.
        #[test]
        fn folding_in_stages_equals_folding_once(head in items(), tail in items()) {
            let mut folding = Folding::default();
            for item in head.iter().copied() {
                folding.push(finding(item));
            }
            let mut staged = folding.into_vec();
            staged.extend(tail.iter().copied().map(finding));
            fold_repeats(&mut staged);
            let all: Vec<_> = head.iter().chain(tail.iter()).copied().collect();
            prop_assert_eq!(staged, folded_once(&all));
        }
    }
}
