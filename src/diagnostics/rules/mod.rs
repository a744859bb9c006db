//! The rule registry: every diagnostic code, declared once, as data.
//!
//! A rule is a `static` [`RuleDef`] in one of the family modules below (Doris's
//! statement checks, its quirks, the Kafka, MSK and secret lints, input limits, notes).
//! [`all`] lists them in a stable order; [`lookup`] finds one by code. Tests walk the
//! registry: every rule's tripping example must raise exactly that rule at the text
//! `at` names, and its passing example must not raise it.

mod alter;
mod control;
mod create;
mod ddl;
mod docs;
mod examples;
mod expr;
mod kafka;
mod kinesis;
mod master;
mod msk;
mod notes;
mod online;
mod parse;
mod quirks;
mod sec;
mod show;

pub use alter::*;
pub use control::*;
pub use create::*;
pub use ddl::*;
pub use docs::{all_json, describe, listing, markdown, rule_json};
pub use expr::*;
pub use kafka::*;
pub use kinesis::*;
pub use master::*;
pub use msk::*;
pub use notes::*;
pub use online::*;
pub use parse::*;
pub use quirks::*;
pub use sec::*;
pub use show::*;

use super::{Diagnostic, Severity, Stage, Text};
use serde::Serialize;
use std::fmt;

/// A reference to a declared rule. Two rules are equal when their codes are.
pub type Rule = &'static RuleDef;

/// What kind of check a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A check Doris FE makes, with Doris's own text: its errors are Doris's answer.
    Doris,
    /// A Doris behaviour reproduced as Doris has it, and pointed out with a warning.
    Quirk,
    /// Analysis beyond Doris: Doris accepts the statement, the job may still fail.
    Lint,
    /// What rlfe could not check, or how it read something.
    Note,
    /// A limit rlfe puts on untrusted input.
    Limit,
}

impl RuleKind {
    /// The kind's snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Doris => "doris",
            RuleKind::Quirk => "quirk",
            RuleKind::Lint => "lint",
            RuleKind::Note => "note",
            RuleKind::Limit => "limit",
        }
    }
}

/// A MySQL error as Doris FE sends it: the error number and SQL state of its error
/// packet (Doris's `ErrorCode` table, `1105`/`HY000` for plain analysis errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct MysqlError {
    /// The error number.
    pub errno: u16,
    /// The five-character SQL state.
    pub sqlstate: &'static str,
}

impl MysqlError {
    /// `ERR_UNKNOWN_ERROR`: every plain analysis error.
    pub const UNKNOWN: MysqlError = MysqlError::new(1105, "HY000");
    /// `ERR_DB_CREATE_EXISTS`.
    pub const DB_CREATE_EXISTS: MysqlError = MysqlError::new(1007, "HY000");
    /// `ERR_DB_DROP_EXISTS`.
    pub const DB_DROP_EXISTS: MysqlError = MysqlError::new(1008, "HY000");
    /// `ERR_ACCESS_DENIED_ERROR`.
    pub const ACCESS_DENIED: MysqlError = MysqlError::new(1045, "28000");
    /// `ERR_NO_DB_ERROR`: `No database selected`.
    pub const NO_DB: MysqlError = MysqlError::new(1046, "3D000");
    /// `ERR_BAD_DB_ERROR`: `Unknown database '<db>'`.
    pub const BAD_DB: MysqlError = MysqlError::new(1049, "42000");
    /// `ERR_TABLE_EXISTS_ERROR`: `Table '<tbl>' already exists`.
    pub const TABLE_EXISTS: MysqlError = MysqlError::new(1050, "42S01");
    /// `ERR_BAD_TABLE_ERROR`: `Unknown table '<tbl>'`.
    pub const BAD_TABLE: MysqlError = MysqlError::new(1051, "42S02");
    /// `ERR_DUP_FIELDNAME`: `Duplicate column name '<col>'`.
    pub const DUP_FIELDNAME: MysqlError = MysqlError::new(1060, "42S21");
    /// `ERR_UNKNOWN_TIME_ZONE`.
    pub const UNKNOWN_TIME_ZONE: MysqlError = MysqlError::new(1298, "HY000");
    /// `ERR_NOT_OLAP_TABLE`: `Table '<tbl>' is not a OLAP table`.
    pub const NOT_OLAP_TABLE: MysqlError = MysqlError::new(5000, "HY000");
    /// `ERR_WRONG_NAME_FORMAT`: `Incorrect <what> name '<name>'…`.
    pub const WRONG_NAME_FORMAT: MysqlError = MysqlError::new(5063, "42000");

    /// An error number and SQL state.
    pub const fn new(errno: u16, sqlstate: &'static str) -> Self {
        MysqlError { errno, sqlstate }
    }
}

/// The Doris version whose answers a session gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum DorisVersion {
    /// Doris 4.1, the newest release (the default).
    #[default]
    #[serde(rename = "4.1")]
    V4_1,
    /// Doris master: 4.1 plus FROM KINESIS, SET TARGET TABLE, the new properties and
    /// SHOW forms.
    #[serde(rename = "master")]
    Master,
}

impl DorisVersion {
    /// Every version, oldest first.
    pub const ALL: [DorisVersion; 2] = [DorisVersion::V4_1, DorisVersion::Master];

    /// `4.1` or `master`.
    pub fn as_str(self) -> &'static str {
        match self {
            DorisVersion::V4_1 => "4.1",
            DorisVersion::Master => "master",
        }
    }

    /// The version a text names (`4.1`, `4.1.x`, `master`, ignoring case).
    pub fn parse(text: &str) -> Option<DorisVersion> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "master" | "dev" | "trunk" => Some(DorisVersion::Master),
            "4.1" | "4.1.0" | "v4.1" => Some(DorisVersion::V4_1),
            _ => None,
        }
    }

    /// The other version.
    pub fn other(self) -> DorisVersion {
        match self {
            DorisVersion::V4_1 => DorisVersion::Master,
            DorisVersion::Master => DorisVersion::V4_1,
        }
    }
}

impl fmt::Display for DorisVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Doris versions a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Versions {
    /// Doris 4.1, the newest release.
    pub v4_1: bool,
    /// Doris master.
    pub master: bool,
}

impl Versions {
    /// Every version rlfe models.
    pub const ALL: Versions = Versions {
        v4_1: true,
        master: true,
    };

    /// Doris 4.1 only (master changed or removed it).
    pub const V4_1: Versions = Versions {
        v4_1: true,
        master: false,
    };

    /// Doris master only.
    pub const MASTER: Versions = Versions {
        v4_1: false,
        master: true,
    };

    /// Whether `version` has it.
    pub fn has(self, version: DorisVersion) -> bool {
        match version {
            DorisVersion::V4_1 => self.v4_1,
            DorisVersion::Master => self.master,
        }
    }

    /// The names of the versions, for listings.
    pub fn names(self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.v4_1 {
            out.push("4.1");
        }
        if self.master {
            out.push("master");
        }
        out
    }
}

/// How an example's session is set up, beyond the demo catalog (current database
/// `demo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setup {
    /// `--profile doris`: Doris's answer to the raw text, no normalisation.
    DorisProfile,
    /// `--doris-version master` (examples run as Doris 4.1 otherwise).
    Master,
    /// The catalog is a cloud-mode cluster with the compute groups `cg1` and `cg2`.
    CloudMode,
    /// FE config `enable_java_udf` = false.
    JavaUdfDisabled,
    /// `--online`: the statement is checked against the live brokers (the examples
    /// use librdkafka's mock cluster or a closed port on 127.0.0.1).
    Online,
    /// No current database.
    NoDatabase,
    /// No catalog at all: table checks are skipped.
    NoCatalog,
    /// `max_routine_load_job_num` = 0, so the job limit is reached at once.
    NoJobSlots,
    /// At most this many properties in one list (a small input limit).
    MaxProperties(usize),
    /// At most this many statements in one script.
    MaxStatements(usize),
    /// Statements of at most this many bytes.
    MaxStatementBytes(usize),
    /// Expression nesting of at most this many levels.
    MaxExpressionDepth(usize),
    /// The script is run as bytes, each U+FFFD in it standing for the byte 0xFF (not
    /// UTF-8).
    ReplacementIsInvalidByte,
}

/// A runnable example of a rule: a script (the last statement is the one shown),
/// the text the diagnostic points at, and how the session is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Example {
    /// The script, run on the demo catalog.
    pub sql: &'static str,
    /// The source text the diagnostic's span covers (`""`: the finding has no place).
    pub at: &'static str,
    /// Session set-up beyond the demo catalog.
    pub setup: &'static [Setup],
}

impl Example {
    /// An example with no extra set-up.
    pub const fn new(sql: &'static str, at: &'static str) -> Self {
        Example {
            sql,
            at,
            setup: &[],
        }
    }

    /// An example with extra set-up.
    pub const fn with(sql: &'static str, at: &'static str, setup: &'static [Setup]) -> Self {
        Example { sql, at, setup }
    }
}

/// A statement's finding of `by` (at `at_least` this severity) makes the rule's own
/// findings in that statement redundant: they are dropped.
#[derive(Debug, Clone, Copy)]
pub struct Suppression {
    /// The rule whose finding takes precedence.
    pub by: Rule,
    /// The least severe finding of `by` that counts (`Note` counts every finding).
    pub at_least: Severity,
}

/// One declared rule.
pub struct RuleDef {
    /// The stable code.
    pub code: &'static str,
    /// Doris check, quirk, lint, note or limit.
    pub kind: RuleKind,
    /// The default severity.
    pub severity: Severity,
    /// The stage that raises it.
    pub stage: Stage,
    /// The MySQL error Doris answers with when it is an error.
    pub mysql: MysqlError,
    /// Every form its message takes, `{…}` standing for a value; Doris's exact text
    /// for Doris's checks.
    pub messages: &'static [&'static str],
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// What it checks, why, how to fix it.
    pub doc: &'static str,
    /// The Doris source file whose behaviour it mirrors (empty for rlfe's own rules).
    pub mirrors: &'static str,
    /// The Doris versions it applies to.
    pub versions: Versions,
    /// Findings of other rules that make this rule's findings redundant.
    pub suppressed_by: &'static [Suppression],
    /// A script that raises the rule.
    pub trips: Example,
    /// A script close to it that does not.
    pub passes: Example,
}

impl RuleDef {
    /// A finding of this rule at its default severity.
    pub fn diag(&'static self, message: impl Into<Text>) -> Diagnostic {
        Diagnostic::new(self, message)
    }

    /// A finding with the rule's first message form, for rules whose message is fixed.
    pub fn fixed(&'static self) -> Diagnostic {
        Diagnostic::new(self, self.messages.first().copied().unwrap_or(self.summary))
    }

    /// An error of this rule.
    pub fn error(&'static self, message: impl Into<Text>) -> Diagnostic {
        self.diag(message).with_severity(Severity::Error)
    }

    /// A warning of this rule.
    pub fn warning(&'static self, message: impl Into<Text>) -> Diagnostic {
        self.diag(message).with_severity(Severity::Warning)
    }

    /// A note of this rule.
    pub fn note(&'static self, message: impl Into<Text>) -> Diagnostic {
        self.diag(message).with_severity(Severity::Note)
    }

    /// Whether `message` has one of the rule's declared forms.
    pub fn matches_message(&self, message: &str) -> bool {
        self.messages.iter().any(|m| template_matches(m, message))
    }
}

impl PartialEq for RuleDef {
    fn eq(&self, other: &RuleDef) -> bool {
        self.code == other.code
    }
}

impl Eq for RuleDef {}

impl std::hash::Hash for RuleDef {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.code.hash(h);
    }
}

impl fmt::Debug for RuleDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl Serialize for RuleDef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

/// The common fields of Doris's error checks; rules override what differs.
pub(crate) const DORIS_ERROR: RuleDef = RuleDef {
    code: "",
    kind: RuleKind::Doris,
    severity: Severity::Error,
    stage: Stage::Analyze,
    mysql: MysqlError::UNKNOWN,
    messages: &[],
    summary: "",
    doc: "",
    mirrors: "",
    versions: Versions::ALL,
    suppressed_by: &[],
    trips: Example::new("", ""),
    passes: Example::new("", ""),
};

/// The common fields of rlfe's lints (warnings beyond Doris).
pub(crate) const LINT: RuleDef = RuleDef {
    kind: RuleKind::Lint,
    severity: Severity::Warning,
    ..DORIS_ERROR
};

/// The common fields of Doris's quirks (warnings about behaviour Doris has).
pub(crate) const QUIRK: RuleDef = RuleDef {
    kind: RuleKind::Quirk,
    severity: Severity::Warning,
    ..DORIS_ERROR
};

/// The common fields of notes.
pub(crate) const NOTE: RuleDef = RuleDef {
    kind: RuleKind::Note,
    severity: Severity::Note,
    ..DORIS_ERROR
};

/// The Doris source files the rules mirror (paths in apache/doris).
pub mod doris_src {
    /// CREATE ROUTINE LOAD's analysis (Nereids).
    pub const CREATE_INFO: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/info/CreateRoutineLoadInfo.java";
    /// The Kafka source's checks and the MSK IAM checks.
    pub const KAFKA_PROPERTIES: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kafka/KafkaDataSourceProperties.java";
    /// How each Kafka source key is parsed.
    pub const KAFKA_CONFIGURATION: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kafka/KafkaConfiguration.java";
    /// The Kafka job: FILE: references, partitions.
    pub const KAFKA_JOB: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/kafka/KafkaRoutineLoadJob.java";
    /// A job's state changes and properties.
    pub const ROUTINE_LOAD_JOB: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/RoutineLoadJob.java";
    /// Which data source types exist.
    pub const ROUTINE_LOAD_FACTORY: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/RoutineLoadDataSourcePropertyFactory.java";
    /// Job registry checks: names, limits, state changes.
    pub const MANAGER: &str =
        "fe/fe-core/src/main/java/org/apache/doris/load/routineload/RoutineLoadManager.java";
    /// ALTER ROUTINE LOAD.
    pub const ALTER: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/AlterRoutineLoadCommand.java";
    /// PAUSE ROUTINE LOAD.
    pub const PAUSE: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/load/PauseRoutineLoadCommand.java";
    /// RESUME ROUTINE LOAD.
    pub const RESUME: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/load/ResumeRoutineLoadCommand.java";
    /// STOP ROUTINE LOAD.
    pub const STOP: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/load/StopRoutineLoadCommand.java";
    /// SHOW ROUTINE LOAD.
    pub const SHOW: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/ShowRoutineLoadCommand.java";
    /// SHOW ROUTINE LOAD TASK.
    pub const SHOW_TASK: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/ShowRoutineLoadTaskCommand.java";
    /// SHOW CREATE ROUTINE LOAD.
    pub const SHOW_CREATE: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/load/ShowCreateRoutineLoadCommand.java";
    /// The statement builder (property maps, names).
    pub const PARSER: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/parser/LogicalPlanBuilder.java";
    /// Doris's grammar.
    pub const GRAMMAR: &str = "fe/fe-core/src/main/antlr4/org/apache/doris/nereids/DorisParser.g4";
    /// Column separators.
    pub const SEPARATOR: &str = "fe/fe-core/src/main/java/org/apache/doris/analysis/Separator.java";
    /// Time zones and datetimes.
    pub const TIME_UTILS: &str =
        "fe/fe-core/src/main/java/org/apache/doris/common/util/TimeUtils.java";
    /// CREATE TABLE.
    pub const CREATE_TABLE: &str =
        "fe/fe-core/src/main/java/org/apache/doris/nereids/trees/plans/commands/info/CreateTableInfo.java";
    /// Databases and tables.
    pub const CATALOG: &str =
        "fe/fe-core/src/main/java/org/apache/doris/datasource/InternalCatalog.java";
    /// Small files (CREATE FILE).
    pub const SMALL_FILES: &str =
        "fe/fe-core/src/main/java/org/apache/doris/common/util/SmallFileMgr.java";
    /// The BE's Kafka consumer (librdkafka settings).
    pub const BE_CONSUMER: &str = "be/src/runtime/routine_load/data_consumer.cpp";
    /// The BE's MSK IAM token.
    pub const BE_MSK_IAM: &str = "be/src/runtime/routine_load/aws_msk_iam_auth.cpp";
    /// The FE's calls to Kafka through a BE (partitions, offsets, offsets for times).
    pub const KAFKA_UTIL: &str =
        "fe/fe-core/src/main/java/org/apache/doris/datasource/kafka/KafkaUtil.java";
    /// The BE's answers to those calls.
    pub const BE_INTERNAL_SERVICE: &str = "be/src/service/internal_service.cpp";
}

/// Every declared rule, family by family.
pub fn all() -> impl Iterator<Item = Rule> {
    [
        parse::RULES,
        create::RULES,
        alter::RULES,
        control::RULES,
        show::RULES,
        master::RULES,
        kinesis::RULES,
        expr::RULES,
        ddl::RULES,
        quirks::RULES,
        kafka::RULES,
        msk::RULES,
        sec::RULES,
        online::RULES,
        notes::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The rule with this code (case-insensitive).
pub fn lookup(code: &str) -> Option<Rule> {
    all().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Drops the findings that a rule's declared suppressions make redundant.
pub fn apply_suppressions(diags: &mut Vec<Diagnostic>) {
    // librdkafka's verdict is never hidden: another rule may explain it, not replace it.
    let suppressed = |d: &Diagnostic, all: &[Diagnostic]| {
        d.effect.is_none()
            && d.rule.suppressed_by.iter().any(|s| {
                all.iter()
                    .any(|o| o.rule == s.by && o.severity <= s.at_least)
            })
    };
    if diags.iter().all(|d| d.rule.suppressed_by.is_empty()) {
        return;
    }
    let keep: Vec<bool> = diags.iter().map(|d| !suppressed(d, diags)).collect();
    let mut flags = keep.into_iter();
    diags.retain(|_| flags.next().unwrap_or(true));
}

/// Whether `text` has the form `template` (each `{…}` in it matches any text).
pub fn template_matches(template: &str, text: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        match rest.get(open..).and_then(|r| r.find('}')) {
            Some(close) => {
                parts.push(rest.get(..open).unwrap_or(""));
                rest = rest.get(open + close + 1..).unwrap_or("");
            }
            None => break,
        }
    }
    parts.push(rest);
    let Some((first, others)) = parts.split_first() else {
        return false;
    };
    let Some(mut tail) = text.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = others.split_last() else {
        return tail.is_empty();
    };
    for lit in middle {
        match tail.find(lit) {
            Some(i) => tail = tail.get(i + lit.len()..).unwrap_or(""),
            None => return false,
        }
    }
    tail.len() >= last.len() && tail.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert!(template_matches("a {x} b", "a 1 b"));
        assert!(template_matches("a {x} b", "a  b"));
        assert!(!template_matches("a {x} b", "a 1 c"));
        assert!(template_matches("fixed", "fixed"));
        assert!(!template_matches("fixed", "fixed!"));
        assert!(template_matches("{x}", "anything"));
        assert!(template_matches("{x} is {y}.", "k is v."));
        assert!(template_matches(
            "For input string: \"{e}\"",
            "For input string: \"\""
        ));
    }

    #[test]
    fn codes_are_unique_and_examples_exist() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "{} declared twice", r.code);
            assert!(!r.summary.is_empty(), "{}: no summary", r.code);
            assert!(!r.doc.is_empty(), "{}: no documentation", r.code);
            assert!(!r.messages.is_empty(), "{}: no message form", r.code);
            assert!(!r.trips.sql.is_empty(), "{}: no tripping example", r.code);
            assert!(!r.passes.sql.is_empty(), "{}: no passing example", r.code);
            if r.kind == RuleKind::Doris {
                assert!(!r.mirrors.is_empty(), "{}: which Doris file?", r.code);
            }
        }
    }
}
