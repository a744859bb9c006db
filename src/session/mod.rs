//! The session: a catalog, a current database, session variables, FE configuration and a
//! registry of routine-load jobs. `rlfe run`, `rlfe plan` and the REPL share it.

pub mod ids;
pub mod render;
mod show;

pub use ids::{DeterministicIds, IdGenerator, SystemIds};
pub use show::canonical_create_sql;

use crate::analyzer::{
    self, catalog::table_from_ddl, AnalyzeContext, Catalog, FeConfig, FileInfo, InMemoryCatalog,
    JobState, JobView, Profile, RoutineLoadJob,
};
use crate::ast::{JobTarget, Location, Span, Statement};
use crate::diagnostic::{Diagnostic, Severity, Stage};
use crate::parser::{self, ParseOptions, ParsedStatement};
use crate::plan::{self, Plan, StaticTopicMetadata, TopicMetadata};
use serde::Serialize;

/// A job in the registry, with its state and times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobEntry {
    pub job: RoutineLoadJob,
    pub state: JobState,
    pub create_time: i64,
    pub pause_time: Option<i64>,
    pub end_time: Option<i64>,
    /// (code, text) of the last state change made by a user or the system.
    pub reason: Option<(u32, String)>,
}

/// The jobs of a session.
#[derive(Debug, Clone, Default)]
pub struct JobRegistry {
    pub entries: Vec<JobEntry>,
}

impl JobRegistry {
    fn find_active_mut(&mut self, db: &str, name: &str) -> Option<&mut JobEntry> {
        self.entries
            .iter_mut()
            .find(|e| !e.state.is_final() && e.job.database == db && e.job.name == name)
    }
}

impl JobView for JobRegistry {
    fn active_job(&self, db: &str, name: &str) -> Option<(&RoutineLoadJob, JobState)> {
        self.entries
            .iter()
            .find(|e| !e.state.is_final() && e.job.database == db && e.job.name == name)
            .map(|e| (&e.job, e.state))
    }

    fn active_count(&self) -> usize {
        self.entries.iter().filter(|e| !e.state.is_final()).count()
    }
}

/// A result table (SHOW statements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultSet {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What one statement did.
#[derive(Debug, Clone, Serialize)]
pub struct StatementResult {
    pub index: usize,
    /// The statement text, secrets masked.
    pub sql: String,
    pub kind: &'static str,
    pub ok: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// The `Query OK …` line for statements that change something.
    pub message: Option<String>,
    pub rows: Option<ResultSet>,
    pub plan: Option<Plan>,
    /// Where the statement starts in the script.
    #[serde(skip)]
    pub start: Location,
}

impl StatementResult {
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
    pub profile: Profile,
    /// Warnings fail the statement (CI linting).
    pub deny_warnings: bool,
    /// The session variable `time_zone` (Doris's default zone: Asia/Shanghai).
    pub time_zone: String,
    pub user: String,
    pub config: FeConfig,
    pub parse: ParseOptions,
    pub ids: Box<dyn IdGenerator>,
    /// Show secret values in plans (JSON and text). Off by default.
    pub reveal_secrets: bool,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            profile: Profile::Default,
            deny_warnings: false,
            time_zone: "Asia/Shanghai".into(),
            user: "root".into(),
            config: FeConfig::default(),
            parse: ParseOptions::default(),
            ids: Box::new(SystemIds::default()),
            reveal_secrets: false,
        }
    }
}

/// One run of `rlfe`: a catalog, a current database and the jobs created so far.
#[derive(Debug)]
pub struct Session {
    pub catalog: Box<dyn Catalog>,
    pub current_db: Option<String>,
    pub options: SessionOptions,
    pub jobs: JobRegistry,
    pub metadata: Box<dyn TopicMetadata>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new(SessionOptions::default())
    }
}

fn ok_message() -> Option<String> {
    Some("Query OK, 0 rows affected".into())
}

impl Session {
    pub fn new(options: SessionOptions) -> Self {
        Session {
            catalog: Box::new(InMemoryCatalog::new()),
            current_db: None,
            options,
            jobs: JobRegistry::default(),
            metadata: Box::new(StaticTopicMetadata::default()),
        }
    }

    /// Uses a gateway's catalog.
    pub fn with_catalog(mut self, catalog: Box<dyn Catalog>) -> Self {
        self.catalog = catalog;
        self
    }

    /// Uses a source of topic metadata (partition counts).
    pub fn with_metadata(mut self, metadata: Box<dyn TopicMetadata>) -> Self {
        self.metadata = metadata;
        self
    }

    /// Runs a script statement by statement, handing each result to `on_result` as soon
    /// as it exists (memory stays bounded by the largest statement).
    pub fn run_script(&mut self, sql: &str, mut on_result: impl FnMut(StatementResult)) {
        let opts = self.options.parse.clone();
        for parsed in parser::statements(sql, &opts) {
            let r = self.execute_parsed(&parsed, sql);
            on_result(r);
        }
    }

    /// Runs a script and collects the results.
    pub fn execute_sql(&mut self, sql: &str) -> Vec<StatementResult> {
        let mut out = Vec::new();
        self.run_script(sql, |r| out.push(r));
        out
    }

    pub fn execute_parsed(&mut self, parsed: &ParsedStatement, script: &str) -> StatementResult {
        let sql = masked_text(parsed, script);
        match &parsed.result {
            Err(d) => StatementResult {
                index: parsed.index,
                sql,
                kind: "unknown",
                ok: false,
                diagnostics: vec![d.clone()],
                message: None,
                rows: None,
                plan: None,
                start: parsed.start,
            },
            Ok(stmt) => {
                let mut r = self.execute(stmt);
                r.index = parsed.index;
                r.sql = sql;
                r.start = parsed.start;
                r
            }
        }
    }

    fn context(&self) -> AnalyzeContext<'_> {
        AnalyzeContext {
            catalog: self.catalog.as_ref(),
            config: &self.options.config,
            jobs: &self.jobs,
            current_db: self.current_db.as_deref(),
            time_zone: &self.options.time_zone,
            user: &self.options.user,
            profile: self.options.profile,
        }
    }

    /// Executes one statement against the session.
    pub fn execute(&mut self, stmt: &Statement) -> StatementResult {
        let mut r = StatementResult {
            index: 0,
            sql: String::new(),
            kind: stmt.kind(),
            ok: true,
            diagnostics: Vec::new(),
            message: None,
            rows: None,
            plan: None,
            start: Location::default(),
        };
        match stmt {
            Statement::CreateRoutineLoad(c) => {
                let outcome = analyzer::analyze_create(c, &self.context());
                r.diagnostics = outcome.diagnostics;
                if let Some(job) = outcome.job {
                    if self.accepts(&r.diagnostics) {
                        r.plan = Some(self.register(job));
                        r.message = ok_message();
                    }
                }
            }
            Statement::Explain(e) => {
                let outcome = analyzer::analyze_create(&e.statement, &self.context());
                r.diagnostics = outcome.diagnostics;
                if let Some(mut job) = outcome.job {
                    job.id = self.options.ids.next_id();
                    self.default_group_id(&mut job);
                    let plan = self.plan_for(&job);
                    r.rows = Some(ResultSet {
                        columns: vec!["Explain String".into()],
                        rows: plan
                            .to_text(self.options.reveal_secrets)
                            .lines()
                            .map(|l| vec![l.to_string()])
                            .collect(),
                    });
                    r.plan = Some(plan);
                }
            }
            Statement::AlterRoutineLoad(a) => {
                let outcome = analyzer::analyze_alter(a, &self.context());
                r.diagnostics = outcome.diagnostics;
                if let Some((db, job)) = outcome.altered {
                    if self.accepts(&r.diagnostics) {
                        if let Some(e) = self.jobs.find_active_mut(&db, &job.name) {
                            e.job = job;
                        }
                        r.message = ok_message();
                    }
                }
            }
            Statement::PauseRoutineLoad(p) => self.pause_resume(&p.target, true, &mut r),
            Statement::ResumeRoutineLoad(p) => self.pause_resume(&p.target, false, &mut r),
            Statement::StopRoutineLoad(s) => {
                if let Some(db) = self.job_db(&s.name, &mut r) {
                    let user = self.options.user.clone();
                    let now = self.options.ids.now_millis();
                    match self.jobs.find_active_mut(&db, &s.name.name.value) {
                        Some(e) => {
                            e.state = JobState::Stopped;
                            e.end_time = Some(now);
                            e.reason = Some((101, format!("User  {user} stop routine load job")));
                            r.message = ok_message();
                        }
                        None => r.diagnostics.push(not_operable(&s.name)),
                    }
                }
            }
            Statement::ShowRoutineLoad(s) => show::show_routine_load(self, s, &mut r),
            Statement::ShowRoutineLoadTask(s) => show::show_routine_load_task(self, s, &mut r),
            Statement::ShowCreateRoutineLoad(s) => show::show_create(self, s, &mut r),
            Statement::CreateDatabase(c) => {
                match self.catalog.create_database(&c.name.value, c.if_not_exists) {
                    Ok(()) => r.message = Some("Query OK, 1 row affected".into()),
                    Err(m) => r.diagnostics.push(ddl_error(m, c.name.span)),
                }
            }
            Statement::Use(u) => {
                let db = &u.database.value;
                if let Some(c) = &u.catalog {
                    if c.value != "internal" {
                        r.diagnostics
                            .push(ddl_error(format!("Unknown catalog '{}'", c.value), c.span));
                        return self.finish(r);
                    }
                }
                if self.catalog.has_schema() && self.catalog.database_id(db).is_none() {
                    r.diagnostics.push(ddl_error(
                        format!("Unknown database '{db}'"),
                        u.database.span,
                    ));
                } else {
                    if !self.catalog.has_schema() {
                        r.diagnostics
                            .push(analyzer::no_catalog_note(u.database.span, "the database"));
                    }
                    self.current_db = Some(db.clone());
                    r.message = Some("Database changed".into());
                }
            }
            Statement::DropDatabase(d) => {
                match self.catalog.drop_database(&d.name.value, d.if_exists) {
                    Ok(()) => {
                        let now = self.options.ids.now_millis();
                        for e in self
                            .jobs
                            .entries
                            .iter_mut()
                            .filter(|e| e.job.database == d.name.value && !e.state.is_final())
                        {
                            e.state = JobState::Cancelled;
                            e.end_time = Some(now);
                            e.reason = Some((5, format!("db {}not exist", e.job.database_id)));
                        }
                        // Like Doris, the session keeps its current database name: later
                        // statements then answer "Unknown database".
                        r.message = ok_message();
                    }
                    Err(m) => r.diagnostics.push(ddl_error(m, d.name.span)),
                }
            }
            Statement::DropTable(d) => {
                let Some(db) =
                    self.ddl_db(d.name.db.as_ref().map(|i| i.value.as_str()), d.span, &mut r)
                else {
                    return self.finish(r);
                };
                match self
                    .catalog
                    .drop_table(&db, &d.name.name.value, d.if_exists)
                {
                    Ok(()) => {
                        let now = self.options.ids.now_millis();
                        for e in self.jobs.entries.iter_mut().filter(|e| {
                            e.job.database == db
                                && e.job.table.as_deref() == Some(d.name.name.value.as_str())
                                && !e.state.is_final()
                        }) {
                            e.state = JobState::Cancelled;
                            e.end_time = Some(now);
                            e.reason = Some((6, "table does not exist".into()));
                        }
                        r.message = ok_message();
                    }
                    Err(m) => r.diagnostics.push(ddl_error(m, d.name.span())),
                }
            }
            Statement::CreateTable(c) => {
                let Some(db) = self.ddl_db(
                    c.name.db.as_ref().map(|i| i.value.as_str()),
                    c.name.span(),
                    &mut r,
                ) else {
                    return self.finish(r);
                };
                if self.catalog.database_id(&db).is_none() {
                    r.diagnostics
                        .push(ddl_error(format!("Unknown database '{db}'"), c.name.span()));
                    return self.finish(r);
                }
                let id = self.catalog.next_id();
                match table_from_ddl(c, id) {
                    Ok(info) => match self.catalog.create_table(&db, info, c.if_not_exists) {
                        Ok(_) => r.message = ok_message(),
                        Err(m) => r.diagnostics.push(ddl_error(m, c.name.name.span)),
                    },
                    Err(d) => r.diagnostics.push(d),
                }
            }
            Statement::CreateFile(f) => self.create_file(f, &mut r),
            Statement::DropFile(f) => {
                let Some(db) = self.ddl_db(
                    f.database.as_ref().map(|i| i.value.as_str()),
                    f.span,
                    &mut r,
                ) else {
                    return self.finish(r);
                };
                match self.catalog.drop_file(&db, &f.name.value) {
                    Ok(()) => r.message = ok_message(),
                    Err(m) => r.diagnostics.push(ddl_error(m, f.name.span)),
                }
            }
            Statement::ShowFile(s) => {
                let Some(db) = self.ddl_db(
                    s.database.as_ref().map(|i| i.value.as_str()),
                    s.span,
                    &mut r,
                ) else {
                    return self.finish(r);
                };
                let rows = self
                    .catalog
                    .files(&db)
                    .into_iter()
                    .map(|f| {
                        vec![
                            f.id.to_string(),
                            f.database,
                            f.catalog,
                            f.name,
                            "1".into(),
                            f.md5.unwrap_or_default(),
                        ]
                    })
                    .collect();
                r.rows = Some(ResultSet {
                    columns: ["Id", "DbName", "Catalog", "FileName", "FileSize", "MD5"]
                        .map(String::from)
                        .to_vec(),
                    rows,
                });
            }
            Statement::Other(_) => r.diagnostics.push(
                Diagnostic::note(
                    Stage::Analyze,
                    "OTHER",
                    "not a routine-load or catalog statement: parsed, not executed",
                )
                .with_help("rlfe hands such statements back to the caller (kind \"other\")"),
            ),
        }
        self.finish(r)
    }

    fn finish(&self, mut r: StatementResult) -> StatementResult {
        r.ok = self.accepts(&r.diagnostics);
        r
    }

    /// A statement is accepted when it has no error (and, with `deny_warnings`, no warning).
    fn accepts(&self, diags: &[Diagnostic]) -> bool {
        !diags.iter().any(|d| {
            d.severity == Severity::Error
                || (self.options.deny_warnings && d.severity == Severity::Warning)
        })
    }

    fn default_group_id(&mut self, job: &mut RoutineLoadJob) {
        if !job.source.custom.contains("group.id") {
            let uuid = self.options.ids.next_uuid();
            job.source
                .custom
                .insert("group.id", format!("{}_{uuid}", job.name));
            job.source.generated_group_id = true;
        }
    }

    /// Registers a created job (NEED_SCHEDULE) and returns its plan.
    fn register(&mut self, mut job: RoutineLoadJob) -> Plan {
        job.id = self.options.ids.next_id();
        self.default_group_id(&mut job);
        let plan = plan::plan_job(
            &job,
            &self.options.config,
            self.metadata.as_ref(),
            self.options.ids.as_mut(),
        );
        self.jobs.entries.push(JobEntry {
            job,
            state: JobState::NeedSchedule,
            create_time: self.options.ids.now_millis(),
            pause_time: None,
            end_time: None,
            reason: None,
        });
        plan
    }

    fn plan_for(&mut self, job: &RoutineLoadJob) -> Plan {
        plan::plan_job(
            job,
            &self.options.config,
            self.metadata.as_ref(),
            self.options.ids.as_mut(),
        )
    }

    /// N1 for a job name: the name's database, else the current one.
    fn job_db(&self, name: &crate::ast::QualifiedName, r: &mut StatementResult) -> Option<String> {
        match (&name.db, &self.current_db) {
            (Some(d), _) => Some(d.value.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => {
                r.diagnostics.push(no_db(name.span()));
                None
            }
        }
    }

    fn ddl_db(&self, named: Option<&str>, span: Span, r: &mut StatementResult) -> Option<String> {
        match named
            .map(str::to_string)
            .or_else(|| self.current_db.clone())
        {
            Some(d) => Some(d),
            None => {
                r.diagnostics.push(no_db(span));
                None
            }
        }
    }

    fn pause_resume(&mut self, target: &JobTarget, pause: bool, r: &mut StatementResult) {
        let user = self.options.user.clone();
        let now = self.options.ids.now_millis();
        let apply = |e: &mut JobEntry| -> Result<(), String> {
            if pause {
                if e.state == JobState::Paused {
                    return Err("Could not transform PAUSED to PAUSED".into());
                }
                e.state = JobState::Paused;
                e.pause_time = Some(now);
                e.reason = Some((100, format!("User {user} pauses routine load job")));
            } else {
                e.state = JobState::NeedSchedule;
                e.pause_time = None;
                e.reason = None;
            }
            Ok(())
        };
        match target {
            JobTarget::Job(name) => {
                let Some(db) = self.job_db(name, r) else {
                    return;
                };
                if self.catalog.has_schema() && self.catalog.database_id(&db).is_none() {
                    r.diagnostics.push(
                        Diagnostic::error(
                            Stage::Analyze,
                            "S2",
                            format!("unknown databases, dbName={db}"),
                        )
                        .at(name.span())
                        .with_help("name an existing database"),
                    );
                    return;
                }
                match self.jobs.find_active_mut(&db, &name.name.value) {
                    None => r.diagnostics.push(not_operable(name)),
                    Some(e) => match apply(e) {
                        Ok(()) => r.message = ok_message(),
                        Err(m) => r.diagnostics.push(
                            Diagnostic::error(Stage::Analyze, "S5", m)
                                .at(name.span())
                                .with_help("the job is already paused"),
                        ),
                    },
                }
            }
            JobTarget::All { span } => {
                let Some(db) = self.current_db.clone() else {
                    r.diagnostics.push(no_db(*span));
                    return;
                };
                if self.catalog.has_schema() && self.catalog.database_id(&db).is_none() {
                    r.diagnostics.push(
                        Diagnostic::error(Stage::Analyze, "S4", format!("Unknown database '{db}'"))
                            .at(*span),
                    );
                    return;
                }
                let mut n = 0;
                for e in self
                    .jobs
                    .entries
                    .iter_mut()
                    .filter(|e| e.job.database == db && !e.state.is_final())
                {
                    if apply(e).is_ok() {
                        n += 1;
                    }
                }
                r.message = Some(format!(
                    "Query OK, {n} job{} affected",
                    if n == 1 { "" } else { "s" }
                ));
            }
        }
    }

    fn create_file(&mut self, f: &crate::ast::CreateFile, r: &mut StatementResult) {
        let Some(db) = self.ddl_db(f.database.as_ref().map(|i| i.value.as_str()), f.span, r) else {
            return;
        };
        if self.catalog.database_id(&db).is_none() {
            r.diagnostics
                .push(ddl_error(format!("Unknown database '{db}'"), f.span));
            return;
        }
        let get = |k: &str| f.properties.get(k).map(|p| p.value().to_string());
        let (Some(url), Some(catalog)) = (get("url"), get("catalog")) else {
            let missing = if get("url").is_none() {
                "url"
            } else {
                "catalog"
            };
            r.diagnostics.push(
                Diagnostic::error(Stage::Analyze, "FILE", format!("{missing} is missing"))
                    .at(f.properties.span)
                    .with_help(
                        "CREATE FILE needs PROPERTIES (\"url\" = \"…\", \"catalog\" = \"kafka\")",
                    ),
            );
            return;
        };
        if self.catalog.files(&db).len() >= self.options.config.max_small_file_number {
            r.diagnostics.push(ddl_error(
                format!(
                    "File number exceeds limit: {}",
                    self.options.config.max_small_file_number
                ),
                f.span,
            ));
            return;
        }
        let id = self.catalog.next_id();
        let file = FileInfo {
            id,
            name: f.name.value.clone(),
            database: db,
            catalog,
            url,
            md5: get("md5"),
        };
        match self.catalog.create_file(file) {
            Ok(()) => r.message = ok_message(),
            Err(m) => r.diagnostics.push(ddl_error(m, f.name.span)),
        }
    }

    /// Loads a catalog script (DDL) into the session; its errors are returned.
    pub fn load_catalog_script(&mut self, sql: &str) -> Vec<StatementResult> {
        self.execute_sql(sql)
            .into_iter()
            .filter(|r| !r.ok)
            .collect()
    }
}

/// The statement's text with secret values masked: from the AST's spans when it
/// parsed (no second tokenization), else by scanning the text.
fn masked_text(parsed: &ParsedStatement, script: &str) -> String {
    let text = parsed.sql(script);
    let Ok(stmt) = &parsed.result else {
        return crate::secrets::mask_sql(text);
    };
    let spans: Vec<Span> = stmt
        .property_lists()
        .into_iter()
        .flat_map(|l| l.entries.iter())
        .filter(|p| crate::secrets::is_secret_key(p.key()))
        .map(|p| p.value.span)
        .collect();
    if spans.is_empty() {
        return text.to_string();
    }
    let index = crate::text::LineIndex::new(script);
    let base = parsed.range.start
        + script
            .get(parsed.range.clone())
            .map_or(0, |s| s.len() - s.trim_start().len());
    let ranges = spans
        .iter()
        .filter_map(|s| {
            let a = index
                .offset(script, s.start.line, s.start.column)
                .checked_sub(base)?;
            let b = index
                .offset(script, s.end.line, s.end.column)
                .checked_sub(base)?;
            (a < b && b <= text.len()).then_some(a..b)
        })
        .collect();
    crate::secrets::mask_ranges(text, ranges)
}

fn no_db(span: Span) -> Diagnostic {
    Diagnostic::error(Stage::Analyze, "N1", "No database selected")
        .at(span)
        .with_help("run USE <database> first, or name the database: <db>.<job>")
}

fn not_operable(name: &crate::ast::QualifiedName) -> Diagnostic {
    Diagnostic::error(
        Stage::Analyze,
        "S3",
        format!(
            "There is not operable routine load job with name {}",
            name.name.value
        ),
    )
    .at(name.span())
    .with_help("SHOW ROUTINE LOAD lists the jobs that are NEED_SCHEDULE, RUNNING or PAUSED")
}

fn ddl_error(message: String, span: Span) -> Diagnostic {
    Diagnostic::error(Stage::Analyze, "DDL", message).at(span)
}
