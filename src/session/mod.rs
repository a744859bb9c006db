//! The session: a catalog, a current database, session settings and the job registry.
//! It runs statements: the analyzer decides, the session applies the decision (the
//! changes of an accepted statement, in order) and plans created jobs. `rlfe run`,
//! `rlfe plan`, the REPL and gateways share it.

pub mod examples;
pub mod input;
mod online_plan;
mod registry;
pub mod render;
pub mod snapshot;

pub use crate::analyzer::ResultSet;
pub use crate::plan::ids::{DeterministicIds, IdGenerator, SystemIds};
pub use registry::JobRegistry;

use crate::analyzer::render::canonical_create_sql;
use crate::analyzer::{
    self, AnalyzeContext, Catalog, CatalogError, CatalogMut, Effect, FeConfig, InMemoryCatalog,
    Profile, RoutineLoadJob,
};
use crate::ast::{Location, Statement, StatementKind};
pub use crate::diagnostics::rules::DorisVersion;
use crate::diagnostics::{Diagnostic, Severity};
use crate::parser::{self, ParseOptions, ParsedStatement};
use crate::plan::{self, Plan, StaticTopicMetadata, TopicMetadata};
use crate::text::{Script, Span};
use serde::Serialize;

/// The demo catalog of the REPL and of `--demo`: a `demo` database (current) with the
/// tables of the usual examples, and the tables the rule examples use.
pub const DEMO_CATALOG: &str = include_str!("demo.sql");

/// What one statement did.
#[derive(Debug, Clone, Serialize)]
pub struct StatementResult {
    /// Position among the script's statements, from 0.
    pub index: usize,
    /// The statement text, secrets masked.
    pub sql: String,
    /// What kind of statement it is.
    pub kind: StatementKind,
    /// Whether Doris accepts it (and, with `deny_warnings`, it has no warning).
    pub ok: bool,
    /// Every finding, the first error being Doris's answer.
    pub diagnostics: Vec<Diagnostic>,
    /// The `Query OK …` line for statements that change something.
    pub message: Option<String>,
    /// A result table (SHOW, EXPLAIN).
    pub rows: Option<ResultSet>,
    /// The plan of a created (or explained) job, boxed: most statements have none, and
    /// a result is moved several times on its way out.
    pub plan: Option<Box<Plan>>,
    /// Where the statement starts in the script.
    #[serde(skip)]
    pub start: Location,
    /// Byte ranges of the script holding the statement's secret values: a renderer
    /// draws them masked ([`crate::diagnostics::Source::add_secrets`]).
    #[serde(skip)]
    pub secrets: Vec<std::ops::Range<usize>>,
    /// The ids of the jobs the statement created or changed (a durable registry
    /// writes these rows).
    #[serde(skip)]
    pub changed_jobs: Vec<i64>,
    /// Whether the statement changed the catalog (DDL that took effect).
    #[serde(skip)]
    pub changed_catalog: bool,
}

impl StatementResult {
    fn new(kind: StatementKind) -> Self {
        StatementResult {
            index: 0,
            sql: String::new(),
            kind,
            ok: true,
            diagnostics: Vec::new(),
            message: None,
            rows: None,
            plan: None,
            start: Location::default(),
            secrets: Vec::new(),
            changed_jobs: Vec::new(),
            changed_catalog: false,
        }
    }

    /// The errors, in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The first error: Doris's answer to the statement.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.errors().next()
    }
}

/// How a session is set up.
#[derive(Debug)]
pub struct SessionOptions {
    /// Normalise other systems' spellings (default) or answer exactly as Doris.
    pub profile: Profile,
    /// The Doris version whose answers are given (default 4.1, the newest release).
    pub doris_version: DorisVersion,
    /// Warnings fail the statement (CI linting).
    pub deny_warnings: bool,
    /// The session variable `time_zone` (Doris's default zone: Asia/Shanghai).
    pub time_zone: String,
    /// The user running the statements.
    pub user: String,
    /// The FE configuration.
    pub config: FeConfig,
    /// The parser's input limits.
    pub parse: ParseOptions,
    /// Where job ids, UUIDs and clock readings come from.
    pub ids: Box<dyn IdGenerator>,
    /// Show secret values in plans (JSON and text). Off by default.
    pub reveal_secrets: bool,
    /// Most partitions a topic may have for planning (default 100000): a larger count
    /// from the metadata plans no tasks and warns.
    pub max_partitions: usize,
    /// Most findings one statement reports (default 100); repeated warnings of one
    /// rule are folded first.
    pub max_diagnostics: usize,
    /// Check each CREATE ROUTINE LOAD … FROM KAFKA against its live brokers (off by
    /// default: nothing leaves the process).
    pub online: Option<crate::online::OnlineOptions>,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            profile: Profile::Default,
            doris_version: DorisVersion::V4_1,
            deny_warnings: false,
            time_zone: "Asia/Shanghai".into(),
            user: "root".into(),
            config: FeConfig::default(),
            parse: ParseOptions::default(),
            ids: Box::new(SystemIds::default()),
            reveal_secrets: false,
            max_partitions: plan::DEFAULT_MAX_PARTITIONS,
            max_diagnostics: 100,
            online: None,
        }
    }
}

/// The session's catalog: one that takes DDL, or a read-only one (a gateway's).
#[derive(Debug)]
pub enum SessionCatalog {
    /// DDL statements change it.
    Mutable(Box<dyn CatalogMut>),
    /// DDL statements are refused.
    ReadOnly(Box<dyn Catalog>),
}

impl SessionCatalog {
    /// The catalog to read.
    pub fn read(&self) -> &dyn Catalog {
        match self {
            SessionCatalog::Mutable(c) => c.as_ref(),
            SessionCatalog::ReadOnly(c) => c.as_ref(),
        }
    }

    fn write(&mut self) -> Result<&mut dyn CatalogMut, CatalogError> {
        match self {
            SessionCatalog::Mutable(c) => Ok(c.as_mut()),
            SessionCatalog::ReadOnly(_) => Err(CatalogError::ReadOnly),
        }
    }
}

/// One run of `rlfe`: a catalog, a current database and the jobs created so far.
#[derive(Debug)]
pub struct Session {
    /// The catalog.
    pub catalog: SessionCatalog,
    /// The current database.
    pub current_db: Option<String>,
    /// How the session is set up.
    pub options: SessionOptions,
    /// The jobs created so far.
    pub jobs: JobRegistry,
    /// Where partition counts come from, for planning jobs without `kafka_partitions`.
    pub metadata: Box<dyn TopicMetadata>,
    /// What the brokers answered for the statement being executed (`--online`).
    online_summary: Option<crate::plan::online::OnlineSummary>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new(SessionOptions::default())
    }
}

impl Session {
    /// A session on an empty in-memory catalog.
    pub fn new(options: SessionOptions) -> Self {
        Session {
            catalog: SessionCatalog::Mutable(Box::new(InMemoryCatalog::new())),
            current_db: None,
            options,
            jobs: JobRegistry::default(),
            metadata: Box::new(StaticTopicMetadata::default()),
            online_summary: None,
        }
    }

    /// Uses a gateway's catalog, which DDL statements may change.
    pub fn with_catalog(mut self, catalog: Box<dyn CatalogMut>) -> Self {
        self.catalog = SessionCatalog::Mutable(catalog);
        self
    }

    /// Uses a gateway's read-only catalog: DDL statements are refused.
    pub fn with_read_only_catalog(mut self, catalog: Box<dyn Catalog>) -> Self {
        self.catalog = SessionCatalog::ReadOnly(catalog);
        self
    }

    /// Uses a source of topic metadata (partition counts).
    pub fn with_metadata(mut self, metadata: Box<dyn TopicMetadata>) -> Self {
        self.metadata = metadata;
        self
    }

    /// Loads the demo catalog (database `demo`, current).
    pub fn load_demo(&mut self) -> Result<(), Diagnostic> {
        match self.load_catalog_script(DEMO_CATALOG).into_iter().next() {
            Some(r) => Err(r.diagnostics.into_iter().next().unwrap_or_else(|| {
                crate::diagnostics::rules::DDL.error("the demo catalog failed to load")
            })),
            None => Ok(()),
        }
    }

    /// Runs a script statement by statement, handing each result to `on_result` as soon
    /// as it exists (memory stays bounded by the largest statement). The script is
    /// decoded as [`Script::new`] does (a leading byte-order mark dropped, lone CRs read
    /// as line breaks): spans refer to that text.
    pub fn run_script(&mut self, sql: &str, on_result: impl FnMut(StatementResult)) {
        self.run_decoded(&Script::new(sql), on_result);
    }

    /// Runs a script given as bytes: a statement holding a byte that is not UTF-8
    /// fails alone, located at the byte. Spans refer to [`Script::from_bytes`]'s text.
    pub fn run_bytes(&mut self, bytes: &[u8], on_result: impl FnMut(StatementResult)) {
        self.run_decoded(&Script::from_bytes(bytes), on_result);
    }

    /// Runs a decoded script.
    pub fn run_decoded(&mut self, script: &Script<'_>, mut on_result: impl FnMut(StatementResult)) {
        if let Some(r) = self.refuse_oversized(script.text()) {
            on_result(r);
            return;
        }
        let opts = self.options.parse.clone();
        for parsed in parser::script_statements(script, &opts) {
            let r = self.execute_parsed(&parsed, script.text());
            on_result(r);
        }
    }

    /// The result that refuses a script over the script size limit, if it is.
    pub fn refuse_oversized(&self, script: &str) -> Option<StatementResult> {
        let limit = self.options.parse.max_script_bytes;
        (script.len() > limit).then(|| script_too_large(limit))
    }

    /// Runs a script and collects the results.
    pub fn execute_sql(&mut self, sql: &str) -> Vec<StatementResult> {
        let mut out = Vec::new();
        self.run_script(sql, |r| out.push(r));
        out
    }

    /// Runs one parsed statement of `script`.
    pub fn execute_parsed(&mut self, parsed: &ParsedStatement, script: &str) -> StatementResult {
        let mut r = match &parsed.result {
            Err(d) => {
                let mut r = StatementResult::new(StatementKind::Unknown);
                r.ok = false;
                r.diagnostics.push(d.clone());
                r
            }
            Ok(stmt) => self.execute(stmt),
        };
        // A limit about the whole statement points at its start.
        for d in &mut r.diagnostics {
            if std::ptr::eq(d.rule, &crate::diagnostics::rules::LIMIT) && d.span.is_none() {
                d.span = Some(Span::new(parsed.start, parsed.start));
            }
        }
        // No message may quote what the statement's text holds as a secret.
        let words = crate::keys::masking::SecretWords::in_ranges(script, &parsed.secrets);
        if !words.is_empty() {
            for d in &mut r.diagnostics {
                words.scrub_finding(d);
            }
        }
        r.index = parsed.index;
        r.sql = echo(parsed, script, self.options.parse.max_statement_bytes);
        r.start = parsed.start;
        r.secrets = parsed.secrets.clone();
        r
    }

    fn context(&self) -> AnalyzeContext<'_> {
        AnalyzeContext {
            catalog: self.catalog.read(),
            config: &self.options.config,
            jobs: &self.jobs,
            current_db: self.current_db.as_deref(),
            time_zone: &self.options.time_zone,
            user: &self.options.user,
            profile: self.options.profile,
            version: self.options.doris_version,
        }
    }

    /// Executes one statement: analyzes it, then applies what an accepted statement
    /// changes.
    pub fn execute(&mut self, stmt: &Statement) -> StatementResult {
        let mut outcome = analyzer::analyze(stmt, &self.context());
        self.online_summary = None;
        if self.options.online.is_some() && self.accepts(&outcome.diagnostics) {
            self.check_online(stmt, &mut outcome);
        }
        crate::diagnostics::rules::apply_suppressions(&mut outcome.diagnostics);
        let mut r = StatementResult::new(stmt.kind());
        r.diagnostics = self.reported(outcome.diagnostics, stmt);
        r.rows = outcome.rows;
        if self.accepts(&r.diagnostics) {
            r.message = outcome.message;
            // One clock reading for every state change of the statement.
            let changes_state = outcome
                .effects
                .iter()
                .any(|e| matches!(e, Effect::ChangeState(_)));
            let now = if changes_state {
                self.options.ids.now_millis()
            } else {
                0
            };
            for effect in outcome.effects {
                if let Err(d) = self.apply(effect, now, &mut r) {
                    r.diagnostics.push(d);
                    r.message = None;
                    break;
                }
            }
        }
        r.ok = self.accepts(&r.diagnostics);
        if !r.ok && r.first_error().is_none() {
            // Failed by --deny-warnings: the warnings are the statement's errors.
            for d in &mut r.diagnostics {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
            }
        }
        r
    }

    /// The findings as reported: repeated warnings folded, at most `max_diagnostics`,
    /// and no message quoting one of the statement's secret values.
    fn reported(&self, mut diags: Vec<Diagnostic>, stmt: &Statement) -> Vec<Diagnostic> {
        crate::diagnostics::fold_repeats(&mut diags);
        let max = self.options.max_diagnostics;
        if diags.len() > max {
            let hidden = diags.len() - max;
            diags.truncate(max);
            diags.push(
                crate::diagnostics::rules::LIMIT
                    .error(format!(
                        "{hidden} more diagnostics of this statement are not shown (the limit is {max})"
                    ))
                    .with_severity(Severity::Note)
                    .with_help("fix the findings shown, or raise the diagnostics limit"),
            );
            if let Some(d) = diags.last_mut() {
                d.stage = crate::diagnostics::Stage::Analyze;
            }
        }
        if diags.is_empty() {
            return diags;
        }
        let lists = stmt.property_lists();
        let secrets = crate::keys::masking::SecretWords::new(
            lists
                .iter()
                .flat_map(|l| l.entries.iter())
                .filter(|p| crate::keys::secrets::is_secret_key(p.key()))
                .map(|p| p.value.text.as_str()),
        );
        if !secrets.is_empty() {
            for d in &mut diags {
                secrets.scrub_finding(d);
            }
        }
        diags
    }

    /// Applies one change; a catalog refusal is the statement's error.
    fn apply(
        &mut self,
        effect: Effect,
        now: i64,
        r: &mut StatementResult,
    ) -> Result<(), Diagnostic> {
        match effect {
            Effect::CreateJob(job) => {
                let plan = self.register(*job);
                if let Some(e) = self.jobs.iter().last() {
                    r.changed_jobs.push(e.job.id);
                }
                r.plan = Some(Box::new(plan));
            }
            Effect::ExplainJob(mut job) => {
                job.id = self.options.ids.next_id();
                self.default_group_id(&mut job);
                let plan = self.plan_for(&job);
                r.rows = Some(ResultSet::new(
                    &["Explain String"],
                    plan.to_text(self.options.reveal_secrets)
                        .lines()
                        .map(|l| vec![l.to_string()])
                        .collect(),
                ));
                r.plan = Some(Box::new(plan));
            }
            Effect::ReplaceJob(job) => {
                r.changed_jobs.push(job.id);
                self.jobs.replace(*job);
            }
            Effect::ChangeState(change) => {
                r.changed_jobs.push(change.job_id);
                self.jobs.apply(&change, now);
            }
            Effect::UseDatabase(db) => self.current_db = Some(db),
            Effect::CreateDatabase {
                name,
                if_not_exists,
                span,
            } => self.catalog_effect(span, r, |c| c.create_database(&name, if_not_exists))?,
            Effect::DropDatabase {
                name,
                if_exists,
                span,
            } => self.catalog_effect(span, r, |c| c.drop_database(&name, if_exists))?,
            Effect::CreateTable {
                db,
                mut table,
                if_not_exists,
                span,
            } => self.catalog_effect(span, r, |c| {
                table.id = c.next_id();
                c.create_table(&db, *table, if_not_exists).map(|_| ())
            })?,
            Effect::DropTable {
                db,
                table,
                if_exists,
                span,
            } => self.catalog_effect(span, r, |c| c.drop_table(&db, &table, if_exists))?,
            Effect::CreateFile { mut file, span } => self.catalog_effect(span, r, |c| {
                file.id = c.next_id();
                c.create_file(file)
            })?,
            Effect::DropFile { db, name, span } => {
                self.catalog_effect(span, r, |c| c.drop_file(&db, &name))?
            }
            Effect::CreateFunction {
                function,
                if_not_exists,
                span,
            } => self.catalog_effect(span, r, |c| {
                c.create_function(function, if_not_exists).map(|_| ())
            })?,
            Effect::DropFunction {
                function,
                if_exists,
                span,
            } => self.catalog_effect(span, r, |c| c.drop_function(&function, if_exists))?,
            Effect::CreateEncryptKey {
                db,
                name,
                if_not_exists,
                span,
            } => {
                self.catalog_effect(span, r, |c| c.create_encrypt_key(&db, &name, if_not_exists))?
            }
            Effect::DropEncryptKey {
                db,
                name,
                if_exists,
                span,
            } => self.catalog_effect(span, r, |c| c.drop_encrypt_key(&db, &name, if_exists))?,
        }
        Ok(())
    }

    /// Runs the catalog change of an effect and marks the result as changing the
    /// catalog; a refusal is located at the statement's span.
    fn catalog_effect(
        &mut self,
        span: Span,
        r: &mut StatementResult,
        change: impl FnOnce(&mut dyn CatalogMut) -> Result<(), CatalogError>,
    ) -> Result<(), Diagnostic> {
        self.catalog
            .write()
            .and_then(change)
            .map_err(|e| e.diagnostic(span))?;
        r.changed_catalog = true;
        Ok(())
    }

    /// A statement is accepted when it has no error (and, with `deny_warnings`, no warning).
    fn accepts(&self, diags: &[Diagnostic]) -> bool {
        !diags.iter().any(|d| {
            d.severity == Severity::Error
                || (self.options.deny_warnings && d.severity == Severity::Warning)
        })
    }

    /// Doris's default `group.id`: `<job>_<uuid>`.
    fn default_group_id(&mut self, job: &mut RoutineLoadJob) {
        // Kinesis has no consumer groups.
        if let crate::analyzer::DataSource::Kafka(src) = &mut job.source {
            if !src.custom.contains("group.id") {
                let uuid = self.options.ids.next_uuid();
                src.custom
                    .insert("group.id", format!("{}_{uuid}", job.name));
                src.generated_group_id = true;
            }
        }
    }

    /// Registers a created job (NEED_SCHEDULE) and returns its plan.
    fn register(&mut self, mut job: RoutineLoadJob) -> Plan {
        job.id = self.options.ids.next_id();
        self.default_group_id(&mut job);
        let plan = self.plan_for(&job);
        let now = self.options.ids.now_millis();
        self.jobs.add(job, now);
        plan
    }

    fn plan_for(&mut self, job: &RoutineLoadJob) -> Plan {
        let Some(summary) = self.online_summary.take() else {
            return plan::plan_job(
                job,
                &self.options.config,
                self.metadata.as_ref(),
                self.options.max_partitions,
                self.options.ids.as_mut(),
            );
        };
        let live = online_plan::LivePartitions::from(&summary);
        let mut plan = plan::plan_job(
            job,
            &self.options.config,
            &live,
            self.options.max_partitions,
            self.options.ids.as_mut(),
        );
        online_plan::resolve_offsets(&mut plan, summary);
        plan
    }

    /// Runs the online checks of an accepted CREATE … FROM KAFKA: the findings join
    /// the statement's, the brokers' answers wait for the plan.
    fn check_online(&mut self, stmt: &Statement, outcome: &mut analyzer::Outcome) {
        let Some(options) = self.options.online.clone() else {
            return;
        };
        match stmt {
            Statement::CreateRoutineLoad(create) => {
                let Some(job) = outcome.effects.iter().find_map(|e| match e {
                    Effect::CreateJob(job) => Some(job),
                    _ => None,
                }) else {
                    return;
                };
                let crate::analyzer::DataSource::Kafka(src) = &job.source else {
                    return;
                };
                let places = online_plan::SourcePlaces(&create.source);
                let catalog = self.catalog.read();
                let files = |name: &str| online_plan::local_file(catalog, &job.database, name);
                let report = crate::online::check_kafka(
                    src,
                    &places,
                    &files,
                    &options,
                    crate::online::Checked::Create,
                );
                if report.summary.is_some() {
                    // Asked of the broker now: the offline "not verified" warning is answered.
                    outcome
                        .diagnostics
                        .retain(|d| !std::ptr::eq(d.rule, &crate::diagnostics::rules::C6));
                }
                outcome.diagnostics.extend(report.diagnostics);
                self.online_summary = report.summary;
            }
            Statement::AlterRoutineLoad(alter) => self.check_online_alter(alter, outcome, &options),
            _ => {}
        }
    }

    /// An ALTER giving partitions to a job whose partitions are discovered: checked
    /// against the topic the job consumes (A12's offline warning answered).
    fn check_online_alter(
        &mut self,
        alter: &crate::ast::AlterRoutineLoad,
        outcome: &mut analyzer::Outcome,
        options: &crate::online::OnlineOptions,
    ) {
        let a12 = &crate::diagnostics::rules::A12;
        if !outcome
            .diagnostics
            .iter()
            .any(|d| std::ptr::eq(d.rule, a12) && d.severity == Severity::Warning)
        {
            return;
        }
        let (crate::ast::AlterAction::Properties {
            source: Some(ast_src),
            ..
        }
        | crate::ast::AlterAction::TargetTable {
            source: Some(ast_src),
            ..
        }) = &alter.action
        else {
            return;
        };
        let Some(new) = outcome.effects.iter().find_map(|e| match e {
            Effect::ReplaceJob(job) => Some(job),
            _ => None,
        }) else {
            return;
        };
        let Some(old) = self.jobs.iter().find(|e| e.job.id == new.id) else {
            return;
        };
        let (
            crate::analyzer::DataSource::Kafka(old_src),
            crate::analyzer::DataSource::Kafka(new_src),
        ) = (&old.job.source, &new.source)
        else {
            return;
        };
        // Doris checks against the current progress: the old topic, the new partitions.
        let mut src = old_src.clone();
        src.partition_offsets = new_src.partition_offsets.clone();
        let places = online_plan::SourcePlaces(ast_src);
        let catalog = self.catalog.read();
        let files = |name: &str| online_plan::local_file(catalog, &new.database, name);
        let report = crate::online::check_kafka(
            &src,
            &places,
            &files,
            options,
            crate::online::Checked::Alter,
        );
        if report
            .summary
            .as_ref()
            .is_some_and(|s| !s.partitions.is_empty())
        {
            outcome
                .diagnostics
                .retain(|d| !(std::ptr::eq(d.rule, a12) && d.severity == Severity::Warning));
        }
        outcome.diagnostics.extend(report.diagnostics);
    }

    /// Loads a catalog script (DDL) into the session; the failed statements are returned.
    pub fn load_catalog_script(&mut self, sql: &str) -> Vec<StatementResult> {
        self.execute_sql(sql)
            .into_iter()
            .filter(|r| !r.ok)
            .collect()
    }

    /// The statement that creates an active job, as SHOW CREATE ROUTINE LOAD prints it.
    pub fn create_sql(&self, job: &RoutineLoadJob, reveal: bool) -> String {
        canonical_create_sql(job, reveal)
    }
}

/// The result of a script over the size limit: nothing of it runs.
fn script_too_large(limit: usize) -> StatementResult {
    let mut r = StatementResult::new(StatementKind::Unknown);
    r.ok = false;
    r.start = Location::new(1, 1);
    r.diagnostics.push(
        crate::diagnostics::rules::LIMIT
            .error(format!(
                "script is larger than the limit of {limit} bytes; nothing is run"
            ))
            .at(Span::new(Location::new(1, 1), Location::new(1, 2)))
            .with_help("split the script, or raise the script size limit"),
    );
    r
}

/// How many bytes of a statement over the size limit are echoed.
pub const ECHOED_OF_OVERSIZED: usize = 256;

/// The statement's text as echoed: secrets masked; a statement over the size limit
/// cut to its start.
fn echo(parsed: &ParsedStatement, script: &str, max_bytes: usize) -> String {
    if parsed.range.len() <= max_bytes {
        return parsed.masked_sql(script);
    }
    let text = parsed.sql(script);
    let cut = crate::text::mask::floor(text, ECHOED_OF_OVERSIZED);
    let head = crate::keys::masking::mask_sql(text.get(..cut).unwrap_or(""));
    format!("{head}… ({} bytes)", text.len())
}
