//! PAUSE, RESUME and STOP ROUTINE LOAD (S rules): which jobs change state, and how.

use super::context::AnalyzeContext;
use super::model::{JobEntry, JobState};
use super::names::{job_database, no_database};
use super::outcome::{query_ok, Effect, Outcome, StateChange};
use crate::ast::{JobTarget, QualifiedName};
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;
use crate::text::Span;

/// S3: no active job of that name.
fn not_operable(name: &QualifiedName) -> Diagnostic {
    S3.error(format!(
        "There is not operable routine load job with name {}",
        name.name.value
    ))
    .at(name.span())
    .with_help("SHOW ROUTINE LOAD lists the jobs that are NEED_SCHEDULE, RUNNING or PAUSED")
}

/// The state change PAUSE (or RESUME) makes to a job, or S5's text.
fn transition(e: &JobEntry, pause: bool, user: &str) -> Result<StateChange, &'static str> {
    let job_id = e.job.id;
    if !pause {
        return Ok(StateChange {
            job_id,
            to: JobState::NeedSchedule,
            reason: None,
        });
    }
    if e.state == JobState::Paused {
        return Err("Could not transform PAUSED to PAUSED");
    }
    Ok(StateChange {
        job_id,
        to: JobState::Paused,
        reason: Some((100, format!("User {user} pauses routine load job"))),
    })
}

/// `PAUSE|RESUME ROUTINE LOAD FOR job` and `PAUSE|RESUME ALL ROUTINE LOAD`.
pub fn analyze_pause_resume(target: &JobTarget, pause: bool, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    match target {
        JobTarget::Job(name) => {
            let Some(db) = job_database(name, ctx.current_db, &N1, &mut out.diagnostics) else {
                return out;
            };
            if ctx.catalog.has_schema() && ctx.catalog.database_id(&db).is_none() {
                out.diagnostics.push(
                    S2.error(format!("unknown databases, dbName={db}"))
                        .at(name.span())
                        .with_help("name an existing database"),
                );
                return out;
            }
            match ctx.jobs.active_job(&db, &name.name.value) {
                None => out.diagnostics.push(not_operable(name)),
                Some(e) => match transition(e, pause, ctx.user) {
                    Ok(change) => {
                        out.effects.push(Effect::ChangeState(change));
                        out.message = query_ok();
                    }
                    Err(m) => out.diagnostics.push(
                        S5.error(m)
                            .at(name.span())
                            .with_help("the job is already paused"),
                    ),
                },
            }
        }
        JobTarget::All { span } => all_jobs(*span, pause, ctx, &mut out),
    }
    out
}

/// The ALL form: every active job of the current database; a job that cannot make the
/// transition is skipped silently.
fn all_jobs(span: Span, pause: bool, ctx: &AnalyzeContext<'_>, out: &mut Outcome) {
    let Some(db) = ctx.current_db else {
        out.diagnostics.push(no_database(&N1, span));
        return;
    };
    if ctx.catalog.has_schema() && ctx.catalog.database_id(db).is_none() {
        out.diagnostics
            .push(S4.error(format!("Unknown database '{db}'")).at(span));
        return;
    }
    let changes: Vec<StateChange> = ctx
        .jobs
        .entries()
        .iter()
        .filter(|e| e.job.database == db && !e.state.is_final())
        .filter_map(|e| transition(e, pause, ctx.user).ok())
        .collect();
    let n = changes.len();
    out.effects
        .extend(changes.into_iter().map(Effect::ChangeState));
    out.message = Some(format!(
        "Query OK, {n} job{} affected",
        if n == 1 { "" } else { "s" }
    ));
}

/// `STOP ROUTINE LOAD FOR job`.
pub fn analyze_stop(name: &QualifiedName, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = job_database(name, ctx.current_db, &N1, &mut out.diagnostics) else {
        return out;
    };
    match ctx.jobs.active_job(&db, &name.name.value) {
        Some(e) => {
            out.effects.push(Effect::ChangeState(StateChange {
                job_id: e.job.id,
                to: JobState::Stopped,
                reason: Some((101, format!("User  {} stop routine load job", ctx.user))),
            }));
            out.message = query_ok();
        }
        None => out.diagnostics.push(not_operable(name)),
    }
    out
}

/// Doris's S3 text, for SHOW CREATE ROUTINE LOAD of a job that is not active.
pub(crate) fn not_operable_job(name: &QualifiedName) -> Diagnostic {
    not_operable(name).with_help("SHOW ALL CREATE ROUTINE LOAD includes stopped jobs")
}
