//! SHOW ROUTINE LOAD, SHOW ROUTINE LOAD TASK and SHOW CREATE ROUTINE LOAD (§5.3, §9),
//! with every secret masked.

use super::{JobEntry, ResultSet, Session, StatementResult};
use crate::analyzer::job::{KafkaOffset, RoutineLoadJob};
use crate::analyzer::job_properties::{format_ratio, properties_for_show};
use crate::analyzer::values::{check_time_zone, Zone};
use crate::ast::{
    quote_string, ShowCreateRoutineLoad, ShowFilter, ShowRoutineLoad, ShowRoutineLoadTask, Span,
    TaskFilter,
};
use crate::diagnostic::{Diagnostic, Stage};
use std::collections::BTreeMap;

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

fn err(code: &'static str, msg: impl Into<crate::diagnostic::Text>, span: Span) -> Diagnostic {
    Diagnostic::error(Stage::Analyze, code, msg).at(span)
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

fn job_properties_json(job: &RoutineLoadJob) -> String {
    let p = &job.properties;
    let l = &job.load;
    let mut m: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let s = |v: String| serde_json::Value::String(v);
    let star = |v: Option<String>| s(v.unwrap_or_else(|| "*".into()));
    m.insert(
        "partitions".into(),
        star(l.partitions.as_ref().map(|p| p.names.join(","))),
    );
    m.insert(
        "columnToColumnExpr".into(),
        star(l.columns.as_ref().map(|c| {
            c.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        })),
    );
    m.insert(
        "precedingFilter".into(),
        star(l.preceding_filter.as_ref().map(ToString::to_string)),
    );
    m.insert(
        "whereExpr".into(),
        star(l.where_predicate.as_ref().map(ToString::to_string)),
    );
    if p.format == crate::analyzer::job::Format::Json {
        m.insert("format".into(), s("json".into()));
        m.insert("jsonpaths".into(), s(p.jsonpaths.clone()));
        m.insert("json_root".into(), s(p.json_root.clone()));
        m.insert(
            "strip_outer_array".into(),
            s(p.strip_outer_array.to_string()),
        );
        m.insert("num_as_string".into(), s(p.num_as_string.to_string()));
        m.insert("fuzzy_parse".into(), s(p.fuzzy_parse.to_string()));
    } else {
        m.insert(
            "column_separator".into(),
            s(l.column_separator
                .as_ref()
                .map_or_else(|| "\t".into(), |c| format!("'{}'", c.original))),
        );
        m.insert("line_delimiter".into(), s("\n".into()));
        m.insert("format".into(), s(p.format.as_str().into()));
        m.insert(
            "enclose".into(),
            s(p.enclose
                .map_or_else(|| "\0".into(), |b| char::from(b).to_string())),
        );
        m.insert(
            "escape".into(),
            s(p.escape
                .map_or_else(|| "\0".into(), |b| char::from(b).to_string())),
        );
    }
    m.insert(
        "delete".into(),
        star(l.delete_on.as_ref().map(ToString::to_string)),
    );
    m.insert("sequence_col".into(), star(l.sequence_col.clone()));
    m.insert("partial_columns".into(), s(p.partial_columns.to_string()));
    m.insert("max_error_number".into(), s(p.max_error_number.to_string()));
    m.insert(
        "max_batch_interval".into(),
        s(p.max_batch_interval.to_string()),
    );
    m.insert("max_batch_rows".into(), s(p.max_batch_rows.to_string()));
    m.insert("max_batch_size".into(), s(p.max_batch_size.to_string()));
    m.insert("current_concurrent_number".into(), s("0".into()));
    m.insert(
        "desired_concurrent_number".into(),
        s(p.desired_concurrent_number.to_string()),
    );
    m.insert("exec_mem_limit".into(), s(p.exec_mem_limit.to_string()));
    m.insert("merge_type".into(), s(job.merge_type.as_str().into()));
    m.insert("timezone".into(), s(p.timezone.clone()));
    m.insert("strict_mode".into(), s(p.strict_mode.to_string()));
    m.insert(
        "send_batch_parallelism".into(),
        s(p.send_batch_parallelism.to_string()),
    );
    m.insert(
        "load_to_single_tablet".into(),
        s(p.load_to_single_tablet.to_string()),
    );
    m.insert(
        "max_filter_ratio".into(),
        s(format_ratio(p.max_filter_ratio)),
    );
    if p.unique_key_update_mode != crate::analyzer::job::UpdateMode::Upsert {
        m.insert(
            "unique_key_update_mode".into(),
            s(p.unique_key_update_mode.as_str().into()),
        );
        m.insert(
            "partial_update_new_key_behavior".into(),
            s(p.partial_update_new_key_behavior.as_str().into()),
        );
    }
    if let Some(w) = &p.workload_group {
        m.insert("workload_group".into(), s(w.clone()));
    }
    json(&m)
}

fn row(e: &JobEntry, tz: &str) -> Vec<String> {
    let j = &e.job;
    let time = |t: Option<i64>| t.map_or_else(|| "NULL".to_string(), |t| format_time(t, tz));
    let mut ds: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    ds.insert("topic".into(), j.source.topic.clone().into());
    ds.insert("currentKafkaPartitions".into(), "".into());
    ds.insert("brokerList".into(), j.source.broker_list.clone().into());
    let custom: BTreeMap<String, serde_json::Value> = j
        .source
        .custom
        .masked()
        .iter()
        .map(|(k, v)| (k.to_string(), v.into()))
        .collect();
    let stats: BTreeMap<String, serde_json::Value> = [
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
    ]
    .iter()
    .map(|k| (k.to_string(), 0.into()))
    .collect();
    let offsets = j.source.partition_offsets.clone().unwrap_or_default();
    let progress: BTreeMap<String, serde_json::Value> = offsets
        .iter()
        .map(|(p, o)| (p.to_string(), o.progress_text().into()))
        .collect();
    let lag: BTreeMap<String, serde_json::Value> = offsets
        .iter()
        .map(|(p, _)| (p.to_string(), (-1).into()))
        .collect();
    let reason = match (&e.reason, e.state) {
        (
            Some((code, text)),
            crate::analyzer::JobState::Paused | crate::analyzer::JobState::Cancelled,
        ) => {
            format!("ErrorReason{{code=errCode = {code}, msg='{text}'}}")
        }
        _ => String::new(),
    };
    vec![
        j.id.to_string(),
        j.name.clone(),
        format_time(e.create_time, tz),
        time(e.pause_time),
        time(e.end_time),
        j.database.clone(),
        j.table.clone().unwrap_or_default(),
        j.is_multi_table().to_string(),
        e.state.as_str().to_string(),
        "KAFKA".into(),
        "0".into(),
        job_properties_json(j),
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
        String::new(),
    ]
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

pub(super) fn show_routine_load(s: &mut Session, stmt: &ShowRoutineLoad, r: &mut StatementResult) {
    let (db, name) = match &stmt.filter {
        Some(ShowFilter::Job(n)) => (
            n.db.as_ref()
                .map(|d| d.value.clone())
                .or_else(|| s.current_db.clone()),
            Some(n),
        ),
        _ => (s.current_db.clone(), None),
    };
    let Some(db) = db else {
        r.diagnostics.push(
            err("W1", "No database selected", stmt.span).with_help("run USE <database> first"),
        );
        return;
    };
    if s.catalog.has_schema() && s.catalog.database_id(&db).is_none() {
        r.diagnostics.push(err(
            "W2",
            format!("unknown databases, dbName={db}"),
            stmt.span,
        ));
        return;
    }
    let tz = s.options.time_zone.clone();
    let mut entries: Vec<&JobEntry> = s
        .jobs
        .entries
        .iter()
        .filter(|e| e.job.database == db && (stmt.all || !e.state.is_final()))
        .filter(|e| match &stmt.filter {
            Some(ShowFilter::Job(n)) => e.job.name == n.name.value,
            Some(ShowFilter::Like(p)) => like(&p.value, &e.job.name),
            None => true,
        })
        .collect();
    entries.sort_by_key(|e| format_time(e.create_time, &tz));
    if let (Some(n), true) = (name, entries.is_empty()) {
        r.diagnostics.push(
            err(
                "W3",
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
        return;
    }
    r.rows = Some(ResultSet {
        columns: COLUMNS.map(String::from).to_vec(),
        rows: entries.iter().map(|e| row(e, &tz)).collect(),
    });
}

pub(super) fn show_routine_load_task(
    s: &mut Session,
    stmt: &ShowRoutineLoadTask,
    r: &mut StatementResult,
) {
    let db = stmt
        .db
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| s.current_db.clone());
    let Some(db) = db else {
        r.diagnostics.push(
            err("W4", "please designate a database in show stmt", stmt.span)
                .with_help("write SHOW ROUTINE LOAD TASK FROM <db> WHERE JobName = \"<job>\""),
        );
        return;
    };
    let job_name = match &stmt.filter {
        None | Some(TaskFilter::Like(_)) => {
            r.diagnostics.push(
                err(
                    "W5",
                    "please designate a jobName in where expr such as JobName=\"ILoveDoris\"",
                    stmt.span,
                )
                .with_help("write WHERE JobName = \"<job>\""),
            );
            return;
        }
        Some(TaskFilter::Where(e)) => {
            use sqlparser::ast::{BinaryOperator, Expr, Value};
            let name = match &e.expr {
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
                    r.diagnostics.push(err("W6", "show routine load job only support one equal expr which is sames like JobName=\"ILoveDoris\"", e.span).with_help("write exactly WHERE JobName = \"<job>\""));
                    return;
                }
            }
        }
    };
    // Q16: Doris ignores FROM db and searches every database; rlfe honours it.
    let here = s
        .jobs
        .entries
        .iter()
        .find(|e| e.job.database == db && e.job.name == job_name && !e.state.is_final());
    let elsewhere = s
        .jobs
        .entries
        .iter()
        .find(|e| e.job.name == job_name && !e.state.is_final());
    if let (Some(d), Some(e)) = (&stmt.db, elsewhere) {
        if here.is_none() || here.map(|h| h.job.id) != Some(e.job.id) {
            r.diagnostics.push(
                Diagnostic::warning(
                    Stage::Analyze,
                    "Q16",
                    format!(
                        "Doris ignores FROM {} and would show job {} of database {}",
                        d.value, job_name, e.job.database
                    ),
                )
                .at(d.span)
                .with_help("rlfe honours FROM; Doris 4.1 searches every database"),
            );
        }
    }
    if here.is_none() {
        r.diagnostics.push(
            err(
                "W7",
                format!(
                    "The job named {job_name}does not exists or job state is stopped or cancelled"
                ),
                stmt.span,
            )
            .with_help("SHOW ROUTINE LOAD lists the jobs that have tasks"),
        );
        return;
    }
    r.rows = Some(ResultSet {
        columns: [
            "TaskId",
            "TxnId",
            "TxnStatus",
            "JobId",
            "CreateTime",
            "ExecuteStartTime",
            "Timeout",
            "BeId",
            "DataSourceProperties",
        ]
        .map(String::from)
        .to_vec(),
        rows: Vec::new(),
    });
}

pub(super) fn show_create(s: &mut Session, stmt: &ShowCreateRoutineLoad, r: &mut StatementResult) {
    let db = stmt
        .name
        .db
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| s.current_db.clone());
    let Some(db) = db else {
        r.diagnostics.push(
            err("N1", "No database selected", stmt.span).with_help("run USE <database> first"),
        );
        return;
    };
    let name = &stmt.name.name.value;
    let jobs: Vec<&JobEntry> = s
        .jobs
        .entries
        .iter()
        .filter(|e| {
            e.job.database == db && &e.job.name == name && (stmt.all || !e.state.is_final())
        })
        .collect();
    if jobs.is_empty() && !stmt.all {
        r.diagnostics.push(
            err(
                "S3",
                format!("There is not operable routine load job with name {name}"),
                stmt.name.span(),
            )
            .with_help("SHOW ALL CREATE ROUTINE LOAD includes stopped jobs"),
        );
        return;
    }
    r.rows = Some(ResultSet {
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
}

/// The job as a CREATE ROUTINE LOAD statement in Doris's SHOW CREATE layout (§9.6),
/// from the normalised job: what Doris 4.1 accepts. Secrets are masked unless `reveal`.
/// Two deliberate differences from Doris, so that the text can be run again: `WITH` is
/// printed only when it was written (an explicit WITH APPEND is refused by flexible
/// partial update), and points in time are printed as the datetimes written.
pub fn canonical_create_sql(job: &RoutineLoadJob, reveal: bool) -> String {
    let mut out = String::from("CREATE ROUTINE LOAD ");
    crate::ast::write_name(&mut out, &job.name).ok();
    if let Some(t) = &job.table {
        out.push_str(" ON ");
        crate::ast::write_name(&mut out, t).ok();
    }
    out.push('\n');
    if job.merge_type_written {
        out.push_str(&format!("WITH {}\n", job.merge_type.as_str()));
    }
    let l = &job.load;
    let mut clauses = Vec::new();
    if let Some(sep) = &l.column_separator {
        let q = if sep.original.contains('"') {
            '\''
        } else {
            '"'
        };
        clauses.push(format!("COLUMNS TERMINATED BY {q}{}{q}", sep.original));
    }
    if let Some(c) = &l.columns {
        clauses.push(format!(
            "COLUMNS({})",
            c.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(w) = &l.where_predicate {
        clauses.push(format!("WHERE {w}"));
    }
    if let Some(p) = &l.partitions {
        let mut names = String::new();
        for (i, n) in p.names.iter().enumerate() {
            if i > 0 {
                names.push_str(", ");
            }
            crate::ast::write_name(&mut names, n).ok();
        }
        clauses.push(format!(
            "{}PARTITION({names})",
            if p.temporary { "TEMPORARY " } else { "" }
        ));
    }
    if let Some(d) = &l.delete_on {
        clauses.push(format!("DELETE ON {d}"));
    }
    if let Some(s) = &l.sequence_col {
        let mut c = String::new();
        crate::ast::write_name(&mut c, s).ok();
        clauses.push(format!("ORDER BY {c}"));
    }
    if let Some(f) = &l.preceding_filter {
        clauses.push(format!("PRECEDING FILTER {f}"));
    }
    if !clauses.is_empty() {
        out.push_str(&clauses.join(",\n"));
        out.push('\n');
    }
    let kv = |k: &str, v: &str| format!("{} = {}", quote_string(k), quote_string(v));
    let props: Vec<String> = properties_for_show(&job.properties)
        .iter()
        .map(|(k, v)| kv(k, v))
        .collect();
    out.push_str("PROPERTIES\n(\n");
    out.push_str(&props.join(",\n"));
    out.push_str("\n)\nFROM KAFKA\n(\n");
    let src = &job.source;
    let mut entries = vec![
        kv("kafka_broker_list", &src.broker_list),
        kv("kafka_topic", &src.topic),
    ];
    for (k, v) in src.custom.iter() {
        let v = match (k, &src.default_offset) {
            ("kafka_origin_default_offsets", _) => continue,
            ("kafka_default_offsets", KafkaOffset::Time { text, .. }) => text.clone(),
            _ if !reveal && crate::secrets::is_secret_key(k) => crate::secrets::MASK.to_string(),
            _ => v.to_string(),
        };
        entries.push(kv(&format!("property.{k}"), &v));
    }
    if let Some(p) = &src.partition_offsets {
        let parts: Vec<String> = p.iter().map(|(n, _)| n.to_string()).collect();
        let offs: Vec<String> = p
            .iter()
            .map(|(_, o)| match o {
                KafkaOffset::Beginning => "OFFSET_BEGINNING".into(),
                KafkaOffset::End => "OFFSET_END".into(),
                KafkaOffset::Offset { value } => value.to_string(),
                KafkaOffset::Time { text, .. } => text.clone(),
            })
            .collect();
        entries.push(kv("kafka_partitions", &parts.join(", ")));
        entries.push(kv("kafka_offsets", &offs.join(", ")));
    }
    out.push_str(&entries.join(",\n"));
    out.push_str("\n)");
    if let Some(c) = &job.comment {
        out.push_str(&format!("\nCOMMENT {}", quote_string(c)));
    }
    out.push(';');
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
