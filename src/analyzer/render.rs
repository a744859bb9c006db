//! A job rendered: the statement that creates it (SHOW CREATE ROUTINE LOAD's layout)
//! and the JobProperties column of SHOW ROUTINE LOAD, both from the declared property
//! table.

use super::model::{KafkaOffset, RoutineLoadJob};
use crate::ast::{quote_string, write_name};
use crate::keys::job::{show_create_order, JobKey, Rendering};
use crate::keys::kafka::{DEFAULT_OFFSETS, ORIGIN_DEFAULT_OFFSETS};
use crate::keys::secrets::{is_secret_key, MASK};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The job's properties as SHOW CREATE prints them: Doris's list in Doris's order,
/// then the settings beyond that list that change the job's meaning (so the rendered
/// statement creates the same job).
pub fn properties_for_show(job: &RoutineLoadJob) -> Vec<(&'static str, String)> {
    let p = &job.properties;
    show_create_order()
        .iter()
        .filter(|k| k.def().show_create.1.shows(**k, p))
        .map(|k| (k.as_str(), p.value(*k).render(Rendering::Plan)))
        .collect()
}

/// The job as a CREATE ROUTINE LOAD statement in Doris's SHOW CREATE layout, from the
/// normalised job: what Doris 4.1 accepts. Secrets are masked unless `reveal`. Two
/// deliberate differences from Doris, so that the text can be run again: `WITH` is
/// printed only when it was written (an explicit WITH APPEND is refused by flexible
/// partial update), and points in time are printed as the datetimes written.
pub fn canonical_create_sql(job: &RoutineLoadJob, reveal: bool) -> String {
    let mut out = String::from("CREATE ROUTINE LOAD ");
    let _ = write_name(&mut out, &job.name);
    if let Some(t) = &job.table {
        out.push_str(" ON ");
        let _ = write_name(&mut out, t);
    }
    out.push('\n');
    if job.merge_type_written {
        let _ = writeln!(out, "WITH {}", job.merge_type.as_str());
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
            let _ = write_name(&mut names, n);
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
        let _ = write_name(&mut c, s);
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
    let props: Vec<String> = properties_for_show(job)
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
            (ORIGIN_DEFAULT_OFFSETS, _) => continue,
            (DEFAULT_OFFSETS, KafkaOffset::Time { text, .. }) => text.clone(),
            _ if !reveal && is_secret_key(k) => MASK.to_string(),
            _ => v.to_string(),
        };
        entries.push(kv(&format!("property.{k}"), &v));
    }
    if let Some(p) = &src.partition_offsets {
        let parts: Vec<String> = p.iter().map(|(n, _)| n.to_string()).collect();
        let offs: Vec<String> = p.iter().map(|(_, o)| o.as_written()).collect();
        entries.push(kv("kafka_partitions", &parts.join(", ")));
        entries.push(kv("kafka_offsets", &offs.join(", ")));
    }
    out.push_str(&entries.join(",\n"));
    out.push_str("\n)");
    if let Some(c) = &job.comment {
        let _ = write!(out, "\nCOMMENT {}", quote_string(c));
    }
    out.push(';');
    out
}

/// The JobProperties column of SHOW ROUTINE LOAD: the load clauses (`*` when unset)
/// and the job properties the table marks for it, as a JSON object.
pub fn job_properties_json(job: &RoutineLoadJob) -> String {
    let p = &job.properties;
    let l = &job.load;
    let mut m: BTreeMap<&str, String> = BTreeMap::new();
    let star = |v: Option<String>| v.unwrap_or_else(|| "*".into());
    m.insert(
        "partitions",
        star(l.partitions.as_ref().map(|p| p.names.join(","))),
    );
    m.insert(
        "columnToColumnExpr",
        star(l.columns.as_ref().map(|c| {
            c.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        })),
    );
    m.insert(
        "precedingFilter",
        star(l.preceding_filter.as_ref().map(ToString::to_string)),
    );
    m.insert(
        "whereExpr",
        star(l.where_predicate.as_ref().map(ToString::to_string)),
    );
    if p.format != crate::keys::job::Format::Json {
        m.insert(
            "column_separator",
            l.column_separator
                .as_ref()
                .map_or_else(|| "\t".into(), |c| format!("'{}'", c.original)),
        );
        m.insert("line_delimiter", "\n".into());
    }
    m.insert(
        "delete",
        star(l.delete_on.as_ref().map(ToString::to_string)),
    );
    m.insert("sequence_col", star(l.sequence_col.clone()));
    m.insert("current_concurrent_number", "0".into());
    m.insert("merge_type", job.merge_type.as_str().into());
    for k in JobKey::ALL {
        if k.def().show_json.shows(*k, p) {
            m.insert(k.as_str(), p.value(*k).render(Rendering::Show));
        }
    }
    serde_json::to_string(&m).unwrap_or_default()
}
