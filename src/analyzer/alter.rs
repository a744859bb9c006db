//! ALTER ROUTINE LOAD (A rules): validated in Doris's order, then applied to a
//! copy of the job, which the session stores.

use super::context::{AnalyzeContext, DorisVersion, Mode};
use super::kafka;
use super::kinesis;
use super::load;
use super::model::*;
use super::names::{check_name, job_name_format_ok, label_format_ok, N5_REGEX};
use super::properties;
use super::shared::{duplicate_keys, flexible_checks, FlexibleInput};
use super::source;
use crate::ast::{AlterAction, AlterRoutineLoad, LoadProperty, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, MysqlError, Text};
use crate::keys::job::JobKey;
use crate::keys::kafka::KafkaKey;

/// The result of an ALTER: its findings, and the altered job when it has no error.
#[derive(Debug, Clone)]
pub struct AlterOutcome {
    /// Every finding; the first error is Doris's answer.
    pub diagnostics: Vec<Diagnostic>,
    /// The job's new definition, which replaces the active job of that name.
    pub altered: Option<RoutineLoadJob>,
}

fn err(rule: Rule, msg: impl Into<Text>, span: Span) -> Diagnostic {
    rule.error(msg).at(span)
}

/// Analyzes an ALTER ROUTINE LOAD against the session's jobs.
pub fn analyze_alter(stmt: &AlterRoutineLoad, ctx: &AnalyzeContext<'_>) -> AlterOutcome {
    let mut diags = Vec::new();
    let name = &stmt.name.name.value;
    // A1, A2
    let db = check_name(&stmt.name, ctx.current_db, &mut diags);
    if !name.is_empty() && label_format_ok(name) && !job_name_format_ok(name) {
        diags.push(err(
            &A2,
            format!("Incorrect ROUTINE LOAD NAME name '{name}', required format is {N5_REGEX}"),
            stmt.name.name.span,
        ));
    }
    let (load_props, props, source) = match &stmt.action {
        AlterAction::Properties {
            load_properties,
            properties,
            source,
        } => (
            load_properties.as_slice(),
            properties.as_ref(),
            source.as_ref(),
        ),
        AlterAction::TargetTable {
            properties, source, ..
        } => (&[][..], properties.as_ref(), source.as_ref()),
        AlterAction::Table { .. } => (&[][..], None, None),
    };
    // The new target table, in either version's form.
    let retarget = match &stmt.action {
        AlterAction::Table { table, .. } => Some((table.value.as_str(), table.span)),
        AlterAction::TargetTable { table, .. } => Some((table.value.as_str(), table.span)),
        AlterAction::Properties { .. } => None,
    };
    duplicate_keys(props, &mut diags);
    if let Some(s) = source {
        duplicate_keys(Some(&s.properties), &mut diags);
    }
    // A4 (keys, then values: the values are checked against the job's own properties below)
    let given = properties::known_keys(props, Mode::Alter, ctx.version, &mut diags);
    // A5
    let found = db.as_deref().and_then(|d| ctx.active_job(d, name));
    if db.is_some() && found.is_none() {
        diags.push(err(&A5, format!("There is not operable routine load job with name {name}"), stmt.name.span()).with_help("SHOW ROUTINE LOAD lists the jobs that can be altered (NEED_SCHEDULE, RUNNING or PAUSED)"));
    }
    let Some((entry, state)) = found else {
        return AlterOutcome {
            diagnostics: diags,
            altered: None,
        };
    };
    let job = &entry.job;
    let mut new = job.clone();
    new.properties = properties::check_values(
        &given,
        Mode::Alter,
        job.properties.clone(),
        ctx.catalog,
        &mut diags,
    );
    properties::check_master_properties(&given, &new.properties, ctx.config, &mut diags);
    // A6
    let flexible_before =
        job.properties.unique_key_update_mode == UpdateMode::UpdateFlexibleColumns;
    let clauses = load::analyze(load_props, job.is_multi_table(), &mut diags);
    super::functions::check(
        load_props,
        &job.database,
        ctx.catalog,
        ctx.config,
        &mut diags,
    );
    // A7
    let mut topic_changed = false;
    if let Some(src) = source {
        let st = &src.source_type;
        let job_type = job.source.type_name();
        if ctx.version == DorisVersion::Master && !st.value.eq_ignore_ascii_case(job_type) {
            diags.push(
                err(
                    &KA1,
                    format!(
                        "The specified job type is not: {}",
                        st.value.to_ascii_uppercase()
                    ),
                    st.span,
                )
                .with_help(format!(
                    "job {name} is a {job_type} job: write FROM {job_type} (…)"
                )),
            );
        } else if !st.value.eq_ignore_ascii_case("KAFKA") {
            diags.push(
                Q35.warning(format!(
                    "ALTER ignores the source type '{}'; the job reads from KAFKA",
                    st.value
                ))
                .at(st.span)
                .with_help("write FROM KAFKA"),
            );
        }
        if ctx.version == DorisVersion::Master && job.source.kafka().is_some() {
            master_kafka_alter_checks(&src.properties, &mut diags);
        }
        match (&job.source, &mut new.source) {
            (DataSource::Kinesis(old), DataSource::Kinesis(nk)) => {
                alter_kinesis(old, nk, src, &mut diags);
            }
            (DataSource::Kafka(old), DataSource::Kafka(nk)) => {
                let input = kafka::classify(&src.properties, st.span, &mut diags);
                let s = source::analyze(
                    &input,
                    Mode::Alter,
                    job.is_multi_table(),
                    job.properties.zone(),
                    ctx,
                    &mut diags,
                );
                // C5: the new client properties are converted first; a FILE: reference must
                // name a file of the job's database, as at CREATE.
                super::shared::check_files(
                    &s,
                    &src.properties,
                    &job.database,
                    job.database_id,
                    ctx.catalog,
                    st.span,
                    &mut diags,
                );
                if input.get(KafkaKey::BrokerList).is_some() {
                    nk.broker_list = s.broker_list;
                    nk.brokers = s.brokers;
                }
                if input.get(KafkaKey::Topic).is_some() && s.topic != old.topic {
                    nk.topic = s.topic;
                    topic_changed = true;
                }
                for (k, v) in s.custom.iter() {
                    nk.custom.insert(k, v);
                }
                // A12: given partitions are checked against the job's current progress, also
                // when the topic changes (the progress is reset only after the check).
                if let Some(offsets) = s.partition_offsets {
                    let span = src
                        .properties
                        .get("kafka_partitions")
                        .map_or(st.span, |p| p.value.span);
                    match &old.partition_offsets {
                        Some(current) => {
                            for (p, _) in &offsets {
                                if !current.iter().any(|(q, _)| q == p) {
                                    diags.push(err(&A12, format!("The specified partition {p} is not in the consumed partitions"), span).with_help(format!("the job consumes partitions {}", current.iter().map(|(q, _)| q.to_string()).collect::<Vec<_>>().join(", "))));
                                }
                            }
                            if topic_changed {
                                // A new topic's progress holds the given partitions only.
                                nk.partition_offsets = Some(offsets);
                            } else {
                                let mut merged = current.clone();
                                for (p, o) in offsets {
                                    if let Some(slot) = merged.iter_mut().find(|(q, _)| *q == p) {
                                        slot.1 = o;
                                    }
                                }
                                nk.partition_offsets = Some(merged);
                            }
                        }
                        None => {
                            diags.push(A12.warning("partitions not verified against the job's progress").at(span).with_help("the job was created without kafka_partitions and has never been scheduled offline, so the partitions it consumes are unknown"));
                            nk.partition_offsets = Some(offsets);
                        }
                    }
                } else if topic_changed {
                    // A new topic resets the progress: every partition starts from the default.
                    let default = nk.default_offset.clone();
                    if let Some(p) = &mut nk.partition_offsets {
                        for slot in p.iter_mut() {
                            slot.1 = default.clone();
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // ST2
    if let (AlterAction::TargetTable { set, .. }, DataSource::Kinesis(_)) =
        (&stmt.action, &job.source)
    {
        diags.push(
            err(
                &ST2,
                "ALTER ROUTINE LOAD SET TARGET TABLE only supports Kafka jobs",
                *set,
            )
            .with_help("a Kinesis job keeps its table: create a new job for the other table"),
        );
    }
    // A8 (4.1's ON tbl), ST3–ST9 (master's SET TARGET TABLE): the same checks and texts
    if let Some((table, span)) = retarget {
        if job.is_multi_table() {
            diags.push(err(
                &A8,
                "ALTER ROUTINE LOAD target table change only supports single-table job",
                span,
            ));
        } else if ctx.catalog.has_schema() {
            match ctx.catalog.table(&job.database, table) {
                None => diags.push(err(&A8, format!("Unknown table '{table}'"), span).with_mysql(&MysqlError::BAD_TABLE)),
                Some(info) if !info.is_olap => diags.push(err(&A8, "ALTER ROUTINE LOAD target table only supports OLAP table", span)),
                Some(info) if info.temporary => diags.push(err(&A8, format!("Do not support load for temporary table {}", info.name), span)),
                Some(info) if new.properties.load_to_single_tablet && !info.random_distribution => diags.push(err(&A8, "if load_to_single_tablet set to true, the olap table must be with random distribution", span)),
                Some(info) => {
                    if job.merge_type != MergeType::Append && !info.is_unique() {
                        diags.push(A8.warning(format!("table {} is not a UNIQUE KEY table, but the job loads WITH {}", info.name, job.merge_type.as_str())).at(span).with_help("Doris checks this when it plans the job's tasks"));
                    }
                }
            }
        }
        new.table = Some(table.to_string());
    }
    // A9, A9b
    let mode = new.properties.unique_key_update_mode;
    let target = new
        .table
        .as_deref()
        .and_then(|t| ctx.catalog.table(&job.database, t));
    if mode != UpdateMode::Upsert {
        let span = given
            .get(JobKey::UniqueKeyUpdateMode)
            .or(given.get(JobKey::PartialColumns))
            .map_or(stmt.name.span(), |p| p.span());
        if job.is_multi_table() {
            diags.push(err(
                &A9,
                "load by PARTIAL_COLUMNS is not supported in multi-table load.",
                span,
            ));
        } else if let Some(t) = &target {
            if !(t.is_unique() && t.merge_on_write) {
                diags.push(err(
                    &A9,
                    "load by PARTIAL_COLUMNS is only supported in unique table MoW",
                    span,
                ));
            }
        }
    }
    let alter_span = |pred: &dyn Fn(&LoadProperty) -> bool| {
        load_props.iter().find(|p| pred(p)).map(LoadProperty::span)
    };
    if mode == UpdateMode::UpdateFlexibleColumns {
        let span = given
            .get(JobKey::UniqueKeyUpdateMode)
            .map_or(stmt.name.span(), |p| p.span());
        let any =
            |alter: Option<Span>, job_has: bool| alter.or(if job_has { Some(span) } else { None });
        if flexible_before {
            if let Some(s) = alter_span(&|p| matches!(p, LoadProperty::DeleteOn { .. })) {
                diags.push(
                    err(
                        &A6,
                        "Flexible partial update does not support delete on clause",
                        s,
                    )
                    .with_help("remove DELETE ON"),
                );
            }
        }
        flexible_checks(
            &FlexibleInput {
                table: target.as_ref(),
                format: new.properties.format.as_str(),
                fuzzy_parse: new.properties.fuzzy_parse,
                jsonpaths: !new.properties.jsonpaths.is_empty(),
                columns: any(
                    alter_span(&|p| matches!(p, LoadProperty::Columns { .. })),
                    job.load.columns.is_some(),
                ),
                where_clause: any(
                    alter_span(&|p| matches!(p, LoadProperty::Where { .. })),
                    job.load.where_predicate.is_some(),
                ),
                merge_type: if job.merge_type != MergeType::Append || job.merge_type_written {
                    Some(span)
                } else {
                    None
                },
                order_by: any(
                    alter_span(&|p| matches!(p, LoadProperty::OrderBy { .. })),
                    job.load.sequence_col.is_some(),
                ),
                anchor: span,
            },
            &mut diags,
        );
    }
    // A10
    let nothing = match &stmt.action {
        AlterAction::Properties {
            load_properties,
            properties,
            source,
        } => {
            load_properties.is_empty()
                && properties.as_ref().is_none_or(|p| p.is_empty())
                && source.is_none()
        }
        AlterAction::Table { .. } | AlterAction::TargetTable { .. } => false,
    };
    if nothing {
        diags.push(
            err(&A10, "No properties are specified", stmt.name.span())
                .with_help("give load properties, PROPERTIES (…) or FROM KAFKA (…) to change"),
        );
    }
    // A11
    if state != JobState::Paused {
        diags.push(
            err(
                &A11,
                "Only supports modification of PAUSED jobs",
                stmt.name.span(),
            )
            .with_help(format!(
                "the job is {}: run PAUSE ROUTINE LOAD FOR {name} first",
                state.as_str()
            )),
        );
    }
    // Apply the load clauses, each replacing the job's.
    macro_rules! replace {
        ($field:ident) => {
            if clauses.$field.is_some() {
                new.load.$field = clauses.$field.clone();
            }
        };
    }
    replace!(column_separator);
    replace!(columns);
    replace!(preceding_filter);
    replace!(where_predicate);
    replace!(delete_on);
    replace!(sequence_col);
    replace!(partitions);
    let ok = !diags.iter().any(Diagnostic::is_error);
    AlterOutcome {
        diagnostics: diags,
        altered: ok.then_some(new),
    }
}

/// KA2, KA5, Q51: a `FROM KINESIS (…)` list merged into a Kinesis job, as Doris
/// master's `KinesisRoutineLoadJob.modifyDataSourceProperties` does.
fn alter_kinesis(
    old: &KinesisSource,
    nk: &mut KinesisSource,
    src: &crate::ast::DataSource,
    diags: &mut Vec<Diagnostic>,
) {
    let span = src.source_type.span;
    let input = kinesis::analyze(&src.properties, span, Mode::Alter, diags);
    kinesis::lints(&input, &src.properties, diags);
    let stream_changed = input.stream.as_deref().is_some_and(|s| !s.is_empty());
    // KA5: checked before anything changes.
    if let (Some(given), false) = (&input.shards, stream_changed) {
        let at = src
            .properties
            .get("kinesis_shards")
            .map_or(span, |p| p.value.span);
        match &old.shards {
            Some(current) => {
                for (id, _) in given {
                    if !current.iter().any(|(c, _)| c == id) {
                        diags.push(err(&KA5, format!("The specified shard {id} is not in the consumed shards"), at).with_help(format!("the job consumes shards {}", current.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "))));
                    }
                }
            }
            None => diags.push(KA5.warning("shards not verified against the job's progress").at(at).with_help("the job's shards are discovered when it is scheduled, so offline the shards it consumes are unknown")),
        }
    }
    if input.default_filled
        && old
            .custom
            .get(KINESIS_DEFAULT_POS)
            .is_some_and(|d| d != "LATEST")
    {
        diags.push(
            Q51.warning("this ALTER sets the job's default position to LATEST")
                .at(span)
                .with_help(format!(
                    "the job's default is {}: repeat \"property.kinesis_default_pos\" = \"{}\" to keep it",
                    old.default_position(),
                    old.default_position()
                )),
        );
    }
    for (k, v) in input.custom.iter() {
        nk.custom.insert(k, v);
    }
    if stream_changed {
        nk.stream = input.stream.clone().unwrap_or_default();
        // A new stream resets the progress; without shards the list is discovered again.
        nk.shards = None;
    }
    if let Some(r) = input.region.as_ref().filter(|r| !r.is_empty()) {
        nk.region.clone_from(r);
    }
    if let Some(e) = input.endpoint.as_ref().filter(|e| !e.is_empty()) {
        nk.endpoint = Some(e.clone());
    }
    if let Some(shards) = input.shards {
        nk.shards = Some(shards);
    }
}

/// Doris master's own ALTER checks of a `FROM KAFKA` list: the multi-table keys are
/// create-only (AK7), and the default offset is given once (AK6).
fn master_kafka_alter_checks(list: &crate::ast::PropertyList, diags: &mut Vec<Diagnostic>) {
    for key in [
        KafkaKey::TableNameLocation,
        KafkaKey::TableNameFormat,
        KafkaKey::TextTableNameFieldDelimiter,
        KafkaKey::TextTableNameFieldIndex,
    ] {
        if let Some(p) = list.get(key.as_str()) {
            diags.push(
                err(
                    &AK7,
                    format!("{} can only be set when creating routine load job", key.as_str()),
                    p.key.span,
                )
                .with_help("how a multi-table job finds its tables is fixed when it is created: create a new job to change it"),
            );
        }
    }
    if let (Some(_), Some(p)) = (
        list.get(KafkaKey::DefaultOffsets.as_str()),
        list.get("property.kafka_default_offsets"),
    ) {
        diags.push(
            err(
                &AK6,
                "Only one of kafka_default_offsets and property.kafka_default_offsets can be set.",
                p.key.span,
            )
            .with_help("write the default offset once (Doris master reads both spellings)"),
        );
    }
}
