//! One statement's analysis: the dispatch from a statement to its checks.

use super::context::AnalyzeContext;
use super::model::RoutineLoadJob;
use super::outcome::{query_ok, Effect, Outcome};
use super::{alter, control, create, ddl, show};
use crate::ast::Statement;

/// Analyzes a statement against the session's state: Doris's answer, the findings
/// beyond Doris, and the changes to apply when it is accepted.
pub fn analyze(stmt: &Statement, ctx: &AnalyzeContext<'_>) -> Outcome {
    let gate = super::versions::grammar_gate(stmt, ctx.version);
    if !gate.is_empty() {
        return Outcome::from_diagnostics(gate);
    }
    match stmt {
        Statement::CreateRoutineLoad(c) => {
            let o = create::analyze_create(c, ctx);
            job_outcome(o.diagnostics, o.job, Effect::CreateJob, query_ok())
        }
        Statement::Explain(e) => {
            let o = create::analyze_create(&e.statement, ctx);
            job_outcome(o.diagnostics, o.job, Effect::ExplainJob, None)
        }
        Statement::AlterRoutineLoad(a) => {
            let o = alter::analyze_alter(a, ctx);
            job_outcome(o.diagnostics, o.altered, Effect::ReplaceJob, query_ok())
        }
        Statement::PauseRoutineLoad(p) => control::analyze_pause_resume(&p.target, true, ctx),
        Statement::ResumeRoutineLoad(p) => control::analyze_pause_resume(&p.target, false, ctx),
        Statement::StopRoutineLoad(s) => control::analyze_stop(&s.name, ctx),
        Statement::ShowRoutineLoad(s) => show::show_routine_load(s, ctx),
        Statement::ShowRoutineLoadTask(s) => show::show_routine_load_task(s, ctx),
        Statement::ShowCreateRoutineLoad(s) => show::show_create(s, ctx),
        Statement::CreateDatabase(c) => ddl::analyze_create_database(c),
        Statement::Use(u) => ddl::analyze_use(u, ctx),
        Statement::DropDatabase(d) => ddl::analyze_drop_database(d, ctx),
        Statement::DropTable(d) => ddl::analyze_drop_table(d, ctx),
        Statement::CreateTable(c) => ddl::analyze_create_table(c, ctx),
        Statement::CreateFile(f) => ddl::analyze_create_file(f, ctx),
        Statement::DropFile(f) => ddl::analyze_drop_file(f, ctx),
        Statement::ShowFile(s) => ddl::analyze_show_file(s, ctx),
        Statement::CreateFunction(f) => ddl::analyze_create_function(f, ctx),
        Statement::DropFunction(f) => ddl::analyze_drop_function(f, ctx),
        Statement::CreateEncryptKey(k) => ddl::analyze_create_encrypt_key(k, ctx),
        Statement::DropEncryptKey(k) => ddl::analyze_drop_encrypt_key(k, ctx),
        Statement::Other(o) => ddl::analyze_other(o, ctx),
    }
}

/// The outcome of a job statement: its findings, and the job's effect when there is one.
fn job_outcome(
    diagnostics: Vec<crate::diagnostics::Diagnostic>,
    job: Option<RoutineLoadJob>,
    effect: fn(Box<RoutineLoadJob>) -> Effect,
    message: Option<String>,
) -> Outcome {
    let mut out = Outcome::from_diagnostics(diagnostics);
    if let Some(job) = job {
        out.effects.push(effect(Box::new(job)));
        out.message = message;
    }
    out
}
