//! SHOW ROUTINE LOAD, SHOW ROUTINE LOAD TASK and SHOW CREATE ROUTINE LOAD (W rules):
//! Doris's checks and the result rows, every secret masked.

use super::context::{AnalyzeContext, DorisVersion};
use super::control::not_operable_job;
use super::model::{DataSource, JobEntry, JobState};
use super::names::no_database;
use super::outcome::{Outcome, ResultSet};
use super::render::{self, canonical_create_sql};
use crate::ast::{
    ShowCreateRoutineLoad, ShowFilter, ShowRoutineLoad, ShowRoutineLoadTask, TaskFilter,
};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::values::{check_time_zone, Zone};
use crate::text::Span;
use std::collections::BTreeMap;

/// SHOW ROUTINE LOAD's columns (Doris 4.1).
const COLUMNS: [&str; 23] = [
    "Id",
    "Name",
    "CreateTime",
    "PauseTime",
    "EndTime",
    "DbName",
    "TableName",
    "IsMultiTable",
    "State",
    "DataSourceType",
    "CurrentTaskNum",
    "JobProperties",
    "DataSourceProperties",
    "CustomProperties",
    "Statistic",
    "Progress",
    "Lag",
    "ReasonOfStateChanged",
    "ErrorLogUrls",
    "OtherMsg",
    "User",
    "Comment",
    "ComputeGroup",
];

fn err(rule: Rule, msg: impl Into<Text>, span: Span) -> Diagnostic {
    rule.error(msg).at(span)
}

/// `yyyy-MM-dd HH:mm:ss` in the session's time zone.
fn format_time(millis: i64, tz: &str) -> String {
    let Some(utc) = chrono::DateTime::from_timestamp_millis(millis) else {
        return "NULL".into();
    };
    let fmt = "%Y-%m-%d %H:%M:%S";
    match check_time_zone(tz) {
        Ok((_, Zone::Region(z))) => utc.with_timezone(&z).format(fmt).to_string(),
        Ok((_, Zone::Fixed(s))) => chrono::FixedOffset::east_opt(s).map_or_else(
            || utc.format(fmt).to_string(),
            |o| utc.with_timezone(&o).format(fmt).to_string(),
        ),
        Err(_) => utc.format(fmt).to_string(),
    }
}

fn json(map: &BTreeMap<String, serde_json::Value>) -> String {
    serde_json::to_string(map).unwrap_or_default()
}

/// The Kafka counters of the Statistic column (every job has them).
const COUNTERS: [&str; 11] = [
    "receivedBytes",
    "receivedBytesRate",
    "errorRows",
    "errorRowsAfterResumed",
    "committedTaskNum",
    "loadedRows",
    "loadRowsRate",
    "abortedTaskNum",
    "totalRows",
    "unselectedRows",
    "taskExecuteTimeMs",
];

type JsonMap = BTreeMap<String, serde_json::Value>;

/// DataSourceProperties, Statistic, Progress and Lag of a job that has not run.
fn source_columns(source: &DataSource) -> (JsonMap, JsonMap, JsonMap, JsonMap) {
    let mut ds = JsonMap::new();
    let mut stats: JsonMap = COUNTERS.iter().map(|k| (k.to_string(), 0.into())).collect();
    let (progress, lag): (JsonMap, JsonMap) = match source {
        DataSource::Kafka(k) => {
            ds.insert("topic".into(), k.topic.clone().into());
            ds.insert("currentKafkaPartitions".into(), "".into());
            ds.insert("brokerList".into(), k.broker_list.clone().into());
            let offsets = k.partition_offsets.clone().unwrap_or_default();
            (
                offsets
                    .iter()
                    .map(|(p, o)| (p.to_string(), o.progress_text().into()))
                    .collect(),
                offsets
                    .iter()
                    .map(|(p, _)| (p.to_string(), (-1).into()))
                    .collect(),
            )
        }
        DataSource::Kinesis(k) => {
            // KS2: shards are discovered when the job is scheduled: none yet.
            ds.insert("region".into(), k.region.clone().into());
            ds.insert("stream".into(), k.stream.clone().into());
            if let Some(e) = &k.endpoint {
                ds.insert("endpoint".into(), e.clone().into());
            }
            ds.insert("openKinesisShards".into(), "".into());
            ds.insert("closedKinesisShards".into(), "".into());
            for c in [
                "openShardNum",
                "closedShardNum",
                "trackedShardNum",
                "cachedMillisBehindLatestShardNum",
                "totalMillisBehindLatest",
            ] {
                stats.insert(c.into(), 0.into());
            }
            stats.insert("maxMillisBehindLatest".into(), (-1).into());
            let shards = k.shards.clone().unwrap_or_default();
            (
                shards
                    .iter()
                    .map(|(s, p)| (s.clone(), p.clone().into()))
                    .collect(),
                shards
                    .iter()
                    .map(|(s, _)| (s.clone(), (-1).into()))
                    .collect(),
            )
        }
    };
    (ds, stats, progress, lag)
}

fn row(e: &JobEntry, tz: &str, version: DorisVersion) -> Vec<String> {
    let j = &e.job;
    let time = |t: Option<i64>| t.map_or_else(|| "NULL".to_string(), |t| format_time(t, tz));
    let custom: JsonMap = j
        .source
        .custom()
        .masked()
        .iter()
        .map(|(k, v)| (k.to_string(), v.into()))
        .collect();
    let (ds, stats, progress, lag) = source_columns(&j.source);
    let reason = match (&e.reason, e.state) {
        (Some((code, text)), JobState::Paused | JobState::Cancelled) => {
            format!("ErrorReason{{code=errCode = {code}, msg='{text}'}}")
        }
        _ => String::new(),
    };
    let mut out = vec![
        j.id.to_string(),
        j.name.clone(),
        format_time(e.create_time, tz),
        time(e.pause_time),
        time(e.end_time),
        j.database.clone(),
        j.table.clone().unwrap_or_default(),
        j.is_multi_table().to_string(),
        e.state.as_str().to_string(),
        j.source.type_name().into(),
        "0".into(),
        render::job_properties_json(j),
        json(&ds),
        json(&custom),
        json(&stats),
        json(&progress),
        json(&lag),
        reason,
        String::new(),
        String::new(),
        j.user.clone(),
        j.comment.clone().unwrap_or_default(),
        j.properties.compute_group.clone(),
    ];
    if version == DorisVersion::Master {
        // FirstErrorMsg: a job that has not run has none.
        out.push(String::new());
    }
    out
}

/// MySQL LIKE: `%`, `_`, backslash escape; case-sensitive. Greedy matching with one
/// backtrack point: linear in practice, never exponential on `%%%%…` patterns.
fn like(pattern: &str, text: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum P {
        Any,
        One,
        Lit(char),
    }
    let mut pat = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        pat.push(match c {
            '%' => P::Any,
            '_' => P::One,
            '\\' => P::Lit(chars.next().unwrap_or('\\')),
            c => P::Lit(c),
        });
    }
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        match (pat.get(pi), t.get(ti)) {
            (Some(P::Any), _) => {
                backtrack = Some((pi, ti));
                pi += 1;
            }
            (Some(P::One), Some(_)) => {
                pi += 1;
                ti += 1;
            }
            (Some(P::Lit(c)), Some(x)) if c == x => {
                pi += 1;
                ti += 1;
            }
            _ => match backtrack {
                Some((bp, bt)) => {
                    pi = bp + 1;
                    ti = bt + 1;
                    backtrack = Some((bp, bt + 1));
                }
                None => return false,
            },
        }
    }
    pat.get(pi..)
        .is_some_and(|rest| rest.iter().all(|p| *p == P::Any))
}

/// SHOW [ALL] ROUTINE LOAD [FOR job | LIKE 'pattern'].
pub fn show_routine_load(stmt: &ShowRoutineLoad, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let (db, name) = match &stmt.filter {
        Some(ShowFilter::Job(n)) => (
            n.db.as_ref()
                .map(|d| d.value.clone())
                .or_else(|| ctx.current_db.map(str::to_string)),
            Some(n),
        ),
        _ => (ctx.current_db.map(str::to_string), None),
    };
    let Some(db) = db else {
        out.diagnostics.push(no_database(&W1, stmt.span));
        return out;
    };
    if ctx.catalog.has_schema() && ctx.catalog.database_id(&db).is_none() {
        out.diagnostics.push(err(
            &W2,
            format!("unknown databases, dbName={db}"),
            stmt.span,
        ));
        return out;
    }
    let tz = ctx.time_zone.to_string();
    // A job named: its entries through the index, not a scan of every job.
    let candidates = match &stmt.filter {
        Some(ShowFilter::Job(n)) => ctx.jobs.named(&db, &n.name.value),
        _ => ctx.jobs.entries().iter().collect(),
    };
    let mut entries: Vec<&JobEntry> = candidates
        .into_iter()
        .filter(|e| e.job.database == db && (stmt.all || !e.state.is_final()))
        .filter(|e| match &stmt.filter {
            Some(ShowFilter::Job(n)) => e.job.name == n.name.value,
            Some(ShowFilter::Like(p)) => like(&p.value, &e.job.name),
            None => true,
        })
        .collect();
    entries.sort_by_key(|e| format_time(e.create_time, &tz));
    if let (Some(n), true) = (name, entries.is_empty()) {
        out.diagnostics.push(
            err(
                &W3,
                format!(
                    "There is no job named {} in db {db}. Include history? {}",
                    n.name.value, stmt.all
                ),
                n.span(),
            )
            .with_help(if stmt.all {
                "no job of that name exists"
            } else {
                "SHOW ALL ROUTINE LOAD also lists STOPPED and CANCELLED jobs"
            }),
        );
        return out;
    }
    let mut rows: Vec<Vec<String>> = entries.iter().map(|e| row(e, &tz, ctx.version)).collect();
    let mut columns: Vec<String> = COLUMNS.map(String::from).to_vec();
    if ctx.version == DorisVersion::Master {
        columns.push("FirstErrorMsg".into());
    }
    if let Some(order) = &stmt.order_by {
        let mut keys = Vec::with_capacity(order.keys.len());
        for k in &order.keys {
            match columns
                .iter()
                .position(|c| c.eq_ignore_ascii_case(&k.column.value))
            {
                Some(i) => keys.push((i, k.descending)),
                None => {
                    let close = crate::text::did_you_mean(
                        &k.column.value,
                        columns.iter().map(String::as_str),
                        1,
                    );
                    out.diagnostics.push(
                        err(
                            &SW3,
                            format!("Unknown column '{}' in 'order clause'", k.column.value),
                            k.column.span,
                        )
                        .with_help(match close.first() {
                            Some(c) => format!("did you mean {c}?"),
                            None => format!(
                                "order by one of SHOW ROUTINE LOAD's columns: {}",
                                columns.join(", ")
                            ),
                        }),
                    );
                    return out;
                }
            }
        }
        // Columns compare as the text SHOW prints; a stable sort keeps Doris's order
        // among equal rows.
        rows.sort_by(|a, b| {
            keys.iter()
                .map(|&(i, desc)| {
                    let o = a.get(i).cmp(&b.get(i));
                    if desc {
                        o.reverse()
                    } else {
                        o
                    }
                })
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    if let Some(l) = &stmt.limit {
        let skip = usize::try_from(l.offset.unwrap_or(0)).unwrap_or(usize::MAX);
        let take = usize::try_from(l.count).unwrap_or(usize::MAX);
        rows = rows.into_iter().skip(skip).take(take).collect();
    }
    out.rows = Some(ResultSet { columns, rows });
    out
}

/// SHOW ROUTINE LOAD TASK's columns.
const TASK_COLUMNS: [&str; 9] = [
    "TaskId",
    "TxnId",
    "TxnStatus",
    "JobId",
    "CreateTime",
    "ExecuteStartTime",
    "Timeout",
    "BeId",
    "DataSourceProperties",
];

/// The task rows of a job: none offline (tasks exist only while a job runs).
fn task_rows() -> ResultSet {
    ResultSet {
        columns: TASK_COLUMNS.map(String::from).to_vec(),
        rows: Vec::new(),
    }
}

/// SHOW ROUTINE LOAD TASK FOR [db.]job (Doris master): the job's database is the
/// name's, else the current one.
fn show_tasks_for(name: &crate::ast::QualifiedName, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let db = name
        .db
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| ctx.current_db.map(str::to_string));
    let Some(db) = db else {
        out.diagnostics.push(no_database(&N1, name.span()));
        return out;
    };
    let job = &name.name.value;
    if ctx.jobs.active_job(&db, job).is_none() {
        out.diagnostics.push(
            err(
                &W7,
                format!("The job named {job}does not exists or job state is stopped or cancelled"),
                name.span(),
            )
            .with_help(format!(
                "SHOW ROUTINE LOAD lists the jobs of database {db} that have tasks"
            )),
        );
        return out;
    }
    out.rows = Some(task_rows());
    out
}

/// SHOW ROUTINE LOAD TASK [FROM db] WHERE JobName = "job", or FOR job.
pub fn show_routine_load_task(stmt: &ShowRoutineLoadTask, ctx: &AnalyzeContext<'_>) -> Outcome {
    if let Some(TaskFilter::Job { name, .. }) = &stmt.filter {
        return show_tasks_for(name, ctx);
    }
    let mut out = Outcome::default();
    let db = stmt
        .db
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| ctx.current_db.map(str::to_string));
    let Some(db) = db else {
        out.diagnostics.push(
            err(&W4, "please designate a database in show stmt", stmt.span)
                .with_help("write SHOW ROUTINE LOAD TASK FROM <db> WHERE JobName = \"<job>\""),
        );
        return out;
    };
    let job_name = match &stmt.filter {
        None | Some(TaskFilter::Like(_)) | Some(TaskFilter::Job { .. }) => {
            out.diagnostics.push(
                err(
                    &W5,
                    "please designate a jobName in where expr such as JobName=\"ILoveDoris\"",
                    stmt.span,
                )
                .with_help("write WHERE JobName = \"<job>\""),
            );
            return out;
        }
        Some(TaskFilter::Where(e)) => {
            use sqlparser::ast::{BinaryOperator, Expr, Value};
            let name = match e.expr.as_ref() {
                Expr::BinaryOp {
                    left,
                    op: BinaryOperator::Eq,
                    right,
                } => match (left.as_ref(), right.as_ref()) {
                    (Expr::Identifier(i), Expr::Value(v))
                        if i.value.eq_ignore_ascii_case("jobname") =>
                    {
                        match &v.value {
                            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => {
                                Some(s.clone())
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                },
                _ => None,
            };
            match name {
                Some(n) => n,
                None => {
                    out.diagnostics.push(err(&W6, "show routine load job only support one equal expr which is sames like JobName=\"ILoveDoris\"", e.span).with_help("write exactly WHERE JobName = \"<job>\""));
                    return out;
                }
            }
        }
    };
    // Without FROM, Doris looks the job up in the current database. With FROM, Doris
    // 4.1 never sets the database it searches (`ShowRoutineLoadTaskCommand.validate`
    // fills it only when FROM is absent), and `RoutineLoadManager.getJob(null, name)`
    // takes every job, whatever its name: the first active one of its job map (Q16).
    let entries = ctx.jobs.entries();
    let shown = if stmt.db.is_some() {
        let ids: Vec<i64> = entries.iter().map(|e| e.job.id).collect();
        let mut order = super::job_map::walk_order(&ids);
        super::job_map::history_last(&mut order, |k| {
            entries.get(k).is_some_and(|e| e.state.is_final())
        });
        order
            .into_iter()
            .filter_map(|k| entries.get(k))
            .find(|e| !e.state.is_final())
    } else {
        entries
            .iter()
            .find(|e| e.job.database == db && e.job.name == job_name && !e.state.is_final())
    };
    let Some(shown) = shown else {
        out.diagnostics.push(
            err(
                &W7,
                format!(
                    "The job named {job_name}does not exists or job state is stopped or cancelled"
                ),
                stmt.span,
            )
            .with_help("SHOW ROUTINE LOAD lists the jobs that have tasks"),
        );
        return out;
    };
    if let Some(d) = &stmt.db {
        if shown.job.database != db || shown.job.name != job_name {
            out.diagnostics.push(
                Q16.warning(format!(
                    "Doris ignores FROM {} and the job name: it shows the tasks of job {} of database {}, the first active job it walks",
                    d.value, shown.job.name, shown.job.database
                ))
                .at(d.span)
                .with_help(format!(
                    "leave FROM out and USE {db} first: Doris then looks up job {job_name} in {db}"
                )),
            );
        }
    }
    out.rows = Some(task_rows());
    out
}

/// SHOW [ALL] CREATE ROUTINE LOAD FOR job.
pub fn show_create(stmt: &ShowCreateRoutineLoad, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let db = stmt
        .name
        .db
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| ctx.current_db.map(str::to_string));
    let Some(db) = db else {
        out.diagnostics.push(no_database(&N1, stmt.span));
        return out;
    };
    let name = &stmt.name.name.value;
    let jobs: Vec<&JobEntry> = ctx
        .jobs
        .named(&db, name)
        .into_iter()
        .filter(|e| stmt.all || !e.state.is_final())
        .collect();
    if jobs.is_empty() && !stmt.all {
        out.diagnostics.push(not_operable_job(&stmt.name));
        return out;
    }
    out.rows = Some(ResultSet {
        columns: ["JobId", "JobName", "CreateStmt"]
            .map(String::from)
            .to_vec(),
        rows: jobs
            .iter()
            .map(|e| {
                vec![
                    e.job.id.to_string(),
                    e.job.name.clone(),
                    canonical_create_sql(&e.job, false),
                ]
            })
            .collect(),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn mysql_like() {
        assert!(like("test%", "test1"));
        assert!(like("t_st", "test"));
        assert!(!like("Test%", "test1"));
        assert!(like("a\\%b", "a%b"));
        assert!(!like("a\\%b", "axb"));
    }
}
