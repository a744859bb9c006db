//! A job rendered: the statement that creates it (SHOW CREATE ROUTINE LOAD's layout)
//! and the JobProperties column of SHOW ROUTINE LOAD, both from the declared property
//! table.

use super::model::{
    DataSource, KafkaOffset, KafkaSource, KinesisSource, RoutineLoadJob, KINESIS_DEFAULT_POS,
};
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
    let props: Vec<String> = properties_for_show(job)
        .iter()
        .map(|(k, v)| kv(k, v))
        .collect();
    out.push_str("PROPERTIES\n(\n");
    out.push_str(&props.join(",\n"));
    let entries = match &job.source {
        DataSource::Kafka(src) => kafka_entries(src, reveal),
        DataSource::Kinesis(src) => kinesis_entries(src, reveal),
    };
    let _ = write!(out, "\n)\nFROM {}\n(\n", job.source.type_name());
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

fn kv(k: &str, v: &str) -> String {
    format!("{} = {}", quote_string(k), quote_string(v))
}

fn custom_entry(k: &str, v: &str, reveal: bool) -> String {
    let v = if !reveal && is_secret_key(k) { MASK } else { v };
    kv(&format!("property.{k}"), v)
}

/// SHOW CREATE's `FROM KAFKA` lines.
fn kafka_entries(src: &KafkaSource, reveal: bool) -> Vec<String> {
    let mut entries = vec![
        kv("kafka_broker_list", &src.broker_list),
        kv("kafka_topic", &src.topic),
    ];
    for (k, v) in src.custom.iter() {
        match (k, &src.default_offset) {
            (ORIGIN_DEFAULT_OFFSETS, _) => continue,
            (DEFAULT_OFFSETS, KafkaOffset::Time { text, .. }) => {
                entries.push(kv(&format!("property.{k}"), text))
            }
            _ => entries.push(custom_entry(k, v, reveal)),
        }
    }
    if let Some(p) = &src.partition_offsets {
        let parts: Vec<String> = p.iter().map(|(n, _)| n.to_string()).collect();
        let offs: Vec<String> = p.iter().map(|(_, o)| o.as_written()).collect();
        entries.push(kv("kafka_partitions", &parts.join(", ")));
        entries.push(kv("kafka_offsets", &offs.join(", ")));
    }
    entries
}

/// SHOW CREATE's `FROM KINESIS` lines: the endpoint under its legacy key, as Doris
/// master prints it (VQ7), the custom map with secrets masked.
fn kinesis_entries(src: &KinesisSource, reveal: bool) -> Vec<String> {
    let mut entries = vec![
        kv("aws.region", &src.region),
        kv("kinesis_stream", &src.stream),
    ];
    if let Some(e) = &src.endpoint {
        entries.push(kv("kinesis_endpoint", e));
    }
    for (k, v) in src.custom.iter() {
        entries.push(custom_entry(k, v, reveal));
    }
    if let Some(shards) = &src.shards {
        let ids: Vec<&str> = shards.iter().map(|(s, _)| s.as_str()).collect();
        let pos: Vec<&str> = shards.iter().map(|(_, p)| p.as_str()).collect();
        entries.push(kv("kinesis_shards", &ids.join(",")));
        if !src.custom.contains(KINESIS_DEFAULT_POS) {
            entries.push(kv("kinesis_shards_pos", &pos.join(",")));
        }
    }
    entries
}
