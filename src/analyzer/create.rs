//! CREATE ROUTINE LOAD, in Doris's order: build (P2, P3), job name and database
//! (N1–N4), table and partial update (T1–T7, F1–F8), name format (N5), load properties
//! (L), job properties (J), Kafka source (K, MSK IAM), merge type (M), creation (C).

use super::catalog::{Catalog, TableInfo};
use super::context::{AnalyzeContext, DorisVersion, Mode};
use super::kafka;
use super::kinesis;
use super::load;
use super::model::*;
use super::names::{check_name, job_name_format_ok, label_format_ok, N5_REGEX};
use super::properties;
use super::shared::{duplicate_keys, flexible_checks, no_catalog_note, FlexibleInput};
use super::source;
use crate::ast::{CreateRoutineLoad, ExprNode, LoadProperty, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::job::{DefaultsContext, JobKey};
use crate::keys::values::{check_time_zone, Zone};

/// The result of analyzing a CREATE: its findings, and the job when it has no error.
#[derive(Debug, Clone)]
pub struct CreateOutcome {
    /// Every finding; the first error is Doris's answer.
    pub diagnostics: Vec<Diagnostic>,
    /// The analyzed job (id 0: the session assigns ids when it registers the job).
    pub job: Option<RoutineLoadJob>,
}

fn err(rule: Rule, msg: impl Into<Text>, span: Span) -> Diagnostic {
    rule.error(msg).at(span)
}

fn clause_span(props: &[LoadProperty], pred: impl Fn(&LoadProperty) -> bool) -> Option<Span> {
    props.iter().find(|p| pred(p)).map(LoadProperty::span)
}

/// The session's time zone, resolved (Doris's default zone when it does not resolve).
pub(crate) fn session_zone(ctx: &AnalyzeContext<'_>) -> (String, Zone) {
    check_time_zone(ctx.time_zone).unwrap_or_else(|_| {
        (
            "Asia/Shanghai".to_string(),
            Zone::Region(chrono_tz::Asia::Shanghai),
        )
    })
}

/// Analyzes a CREATE ROUTINE LOAD.
pub fn analyze_create(stmt: &CreateRoutineLoad, ctx: &AnalyzeContext<'_>) -> CreateOutcome {
    let mut diags = Vec::with_capacity(8);
    let catalog: &dyn Catalog = ctx.catalog;
    let anchor = stmt.source.source_type.span;
    // Build: P2, P3.
    duplicate_keys(stmt.properties.as_ref(), &mut diags);
    duplicate_keys(Some(&stmt.source.properties), &mut diags);
    let source_type = &stmt.source.source_type.value;
    let kafka_source = source_type.eq_ignore_ascii_case("KAFKA");
    let kinesis_named = source_type.eq_ignore_ascii_case("KINESIS");
    let kinesis_source = kinesis_named && ctx.version == DorisVersion::Master;
    if !kafka_source && !kinesis_source {
        diags.push(
            err(
                &P3,
                format!("Unknown routine load data source type: {source_type}"),
                anchor,
            )
            .with_help(match ctx.version {
                DorisVersion::V4_1 => "Doris 4.1 routine load reads from KAFKA",
                DorisVersion::Master => "routine load reads from KAFKA or KINESIS",
            }),
        );
        if kinesis_named {
            diags.push(properties::version_note(
                DorisVersion::Master,
                "FROM KINESIS (Amazon Kinesis Data Streams)",
                anchor,
            ));
        }
    }
    // N1–N4.
    let db = check_name(&stmt.name, ctx.current_db, &mut diags);
    let has_schema = catalog.has_schema();
    let mut skipped = Vec::new();
    let mut db_id = 0;
    let mut db_ok = db.is_some();
    if let Some(d) = &db {
        if has_schema {
            match catalog.database_id(d) {
                Some(id) => db_id = id,
                None => {
                    let span = stmt.name.db.as_ref().map_or(stmt.name.span(), |i| i.span);
                    diags.push(err(&N4, format!("Unknown database '{d}'"), span).with_help(
                        format!("create it with CREATE DATABASE {d}, or name an existing database"),
                    ));
                    db_ok = false;
                }
            }
        } else {
            skipped.push("database");
        }
    }
    // J0 is reported in Doris's order later; the update mode is read now (U1–U4).
    let mut j0 = Vec::new();
    let given =
        properties::known_keys(stmt.properties.as_ref(), Mode::Create, ctx.version, &mut j0);
    let mode = properties::update_mode(&given);
    let format = properties::format_text(&given);
    let merge = stmt
        .merge_type
        .as_ref()
        .map_or(MergeType::Append, |m| m.merge_type);
    let merge_span = stmt.merge_type.as_ref().map_or(anchor, |m| m.span);
    let multi_table = stmt.table.is_none();
    // T1–T7, F1–F8.
    let mut table: Option<TableInfo> = None;
    if multi_table {
        if mode != UpdateMode::Upsert {
            let span = given
                .get(JobKey::UniqueKeyUpdateMode)
                .or(given.get(JobKey::PartialColumns))
                .map_or(anchor, |p| p.span());
            diags.push(
                err(
                    &T1,
                    "Partial update is not supported in multi-table load.",
                    span,
                )
                .with_help("partial update needs one target table: add ON <table>"),
            );
        }
    } else if let (Some(t), Some(d)) = (&stmt.table, &db) {
        if t.value.is_empty() {
            diags.push(err(&T2, "Table name should not be null", t.span));
        } else if has_schema && db_ok {
            match catalog.table(d, &t.value) {
                None => {
                    let known = catalog.table_names(d);
                    let close =
                        crate::text::did_you_mean(&t.value, known.iter().map(String::as_str), 1);
                    diags.push(
                        err(&T3, format!("Unknown table '{}'", t.value), t.span).with_help(
                            match close.first() {
                                Some(c) => format!("did you mean '{c}'?"),
                                None => format!("create the table in database {d} first"),
                            },
                        ),
                    );
                }
                Some(info) => {
                    if merge != MergeType::Append && !(info.is_olap && info.is_unique()) {
                        diags.push(err(&T4, "load by MERGE or DELETE is only supported in unique tables.", merge_span).with_help(format!("table {} is a {} KEY table; MERGE and DELETE need a UNIQUE KEY table", info.name, info.keys_type.as_str())));
                    } else if merge != MergeType::Append && !info.has_delete_sign {
                        diags.push(err(&T5, "load by MERGE or DELETE need to upgrade table to support batch delete.", merge_span).with_help("enable batch delete on the table (ALTER TABLE … ENABLE FEATURE \"BATCH_DELETE\")"));
                    }
                    if mode == UpdateMode::UpdateFixedColumns
                        && !(info.is_unique() && info.merge_on_write)
                    {
                        let span = given
                            .get(JobKey::PartialColumns)
                            .or(given.get(JobKey::UniqueKeyUpdateMode))
                            .map_or(anchor, |p| p.span());
                        diags.push(err(&T6, "load by PARTIAL_COLUMNS is only supported in unique table MoW", span).with_help("partial columns update needs a UNIQUE KEY table with merge-on-write"));
                    }
                    table = Some(info);
                }
            }
        } else if !has_schema {
            skipped.push("table");
        }
        if mode == UpdateMode::UpdateFlexibleColumns {
            let span = given
                .get(JobKey::UniqueKeyUpdateMode)
                .map_or(anchor, |p| p.span());
            flexible_checks(
                &FlexibleInput {
                    table: table.as_ref(),
                    format,
                    fuzzy_parse: given
                        .value(JobKey::FuzzyParse)
                        .is_some_and(|v| v.eq_ignore_ascii_case("true")),
                    jsonpaths: given
                        .value(JobKey::Jsonpaths)
                        .is_some_and(|v| !v.is_empty()),
                    columns: clause_span(&stmt.load_properties, |p| {
                        matches!(p, LoadProperty::Columns { .. })
                    }),
                    where_clause: clause_span(&stmt.load_properties, |p| {
                        matches!(p, LoadProperty::Where { .. })
                    }),
                    merge_type: stmt.merge_type.as_ref().map(|m| m.span),
                    order_by: clause_span(&stmt.load_properties, |p| {
                        matches!(p, LoadProperty::OrderBy { .. })
                    }),
                    anchor: span,
                },
                &mut diags,
            );
        }
    }
    // N5
    let name = &stmt.name.name.value;
    if !name.is_empty() && label_format_ok(name) && !job_name_format_ok(name) {
        diags.push(err(&N5, format!("Incorrect ROUTINE LOAD NAME name '{name}', required format is {N5_REGEX} Maybe routine load job name is longer than 64 or contains illegal characters"), stmt.name.name.span).with_help("start the name with a letter; use letters, digits, '-' and '_'; at most 64 characters"));
    }
    // L, then the expressions' functions (EX)
    let load = load::analyze(&stmt.load_properties, multi_table, &mut diags);
    if let Some(d) = &db {
        super::functions::check(&stmt.load_properties, d, catalog, ctx.config, &mut diags);
    }
    if format.eq_ignore_ascii_case("json") {
        if let Some(s) = clause_span(&stmt.load_properties, |p| {
            matches!(p, LoadProperty::ColumnSeparator { .. })
        }) {
            diags.push(
                Q24.warning("COLUMNS TERMINATED BY is ignored for format json")
                    .at(s)
                    .with_help("remove it; JSON rows have no separator"),
            );
        }
    }
    // J
    diags.extend(j0);
    let (name_tz, zone) = session_zone(ctx);
    let defaults = JobProperties::defaults(&DefaultsContext {
        concurrency: ctx.config.max_routine_load_task_concurrent_num,
        send_batch_parallelism: ctx.config.send_batch_parallelism,
        timezone: TimeZone {
            name: name_tz,
            zone,
        },
    });
    let properties =
        properties::check_values(&given, Mode::Create, defaults, ctx.catalog, &mut diags);
    properties::check_master_properties(&given, &properties, ctx.config, &mut diags);
    // K (and the MSK IAM rules inside), or KN
    let source = if kafka_source {
        let input = kafka::classify(&stmt.source.properties, anchor, &mut diags);
        Some(DataSource::Kafka(source::analyze(
            &input,
            Mode::Create,
            multi_table,
            properties.zone(),
            ctx,
            &mut diags,
        )))
    } else if kinesis_source {
        let input = kinesis::analyze(&stmt.source.properties, anchor, Mode::Create, &mut diags);
        kinesis::lints(&input, &stmt.source.properties, &mut diags);
        Some(DataSource::Kinesis(input.into_source()))
    } else {
        None
    };
    // M1, M2
    if let Some(d) = &load.delete_on {
        if merge != MergeType::Merge {
            let span = clause_span(&stmt.load_properties, |p| {
                matches!(p, LoadProperty::DeleteOn { .. })
            })
            .unwrap_or(d.span);
            diags.push(
                err(
                    &M1,
                    "not support DELETE ON clause when merge type is not MERGE.",
                    span,
                )
                .with_help("DELETE ON needs WITH MERGE; WITH DELETE deletes every row's key"),
            );
        }
    } else if merge == MergeType::Merge {
        diags.push(
            err(
                &M2,
                "Excepted DELETE ON clause when merge type is MERGE.",
                merge_span,
            )
            .with_help("add DELETE ON <predicate> to say which rows delete their key"),
        );
    }
    // KC1, then C1–C8
    if kinesis_source && ctx.config.cloud_mode {
        diags.push(
            err(
                &KC1,
                "Kinesis routine load does not support cloud mode",
                anchor,
            )
            .with_help("Kinesis jobs run on clusters that keep storage and compute together"),
        );
    }
    if let (Some(info), Some(tname)) = (&table, &stmt.table) {
        if !info.is_olap {
            diags.push(
                err(
                    &C1,
                    format!("Table '{}' is not a OLAP table", info.name),
                    tname.span,
                )
                .with_help("routine load writes to OLAP tables only"),
            );
        }
        if let Some(parts) = &load.partitions {
            let span = clause_span(&stmt.load_properties, |p| {
                matches!(p, LoadProperty::Partitions { .. })
            })
            .unwrap_or(tname.span);
            if info.temporary {
                diags.push(err(
                    &C2,
                    format!(
                        "Cannot create routine load for temporary table {}",
                        info.name
                    ),
                    span,
                ));
            } else {
                for p in &parts.names {
                    if p == "*" {
                        diags.push(err(&C2, "Partition * does not exist", span).with_help("PARTITION(*) has no meaning in routine load: name the partitions, or leave PARTITION out to load into all of them"));
                    } else if !info.has_partition(p, parts.temporary) {
                        let help = if parts.temporary {
                            "temporary partitions are looked up only among the table's temporary partitions".to_string()
                        } else if info.partitions.is_empty() {
                            format!("table {} has no partitions", info.name)
                        } else {
                            format!(
                                "table {} has partitions {}",
                                info.name,
                                info.partitions.join(", ")
                            )
                        };
                        diags.push(
                            err(&C2, format!("Partition {p} does not exist"), span).with_help(help),
                        );
                    }
                }
            }
        } else if info.temporary {
            diags.push(Q18.warning(format!("table {} is a temporary table", info.name)).at(tname.span).with_help("Doris checks temporary tables only when PARTITION is given; a temporary table disappears with its session"));
        }
        if properties.load_to_single_tablet && !info.random_distribution {
            let span = given
                .get(JobKey::LoadToSingleTablet)
                .map_or(tname.span, |p| p.span());
            diags.push(err(&C3, "if load_to_single_tablet set to true, the olap table must be with random distribution", span).with_help(format!("table {} is distributed by HASH; load_to_single_tablet needs DISTRIBUTED BY RANDOM", info.name)));
        }
    } else if !multi_table
        && !has_schema
        && (load.partitions.is_some() || properties.load_to_single_tablet)
    {
        skipped.push("partitions and distribution");
    }
    if !(properties.format.is_csv_family() || properties.format == Format::Json) {
        let span = given.get(JobKey::Format).map_or(anchor, |p| p.value.span);
        diags.push(err(&C4, "Invalid format type.", span).with_help(
            "routine load reads csv (and csv_with_names, csv_with_names_and_types) or json",
        ));
    }
    if let (Some(DataSource::Kafka(src)), Some(d)) = (&source, &db) {
        super::shared::check_files(
            src,
            &stmt.source.properties,
            d,
            db_id,
            catalog,
            anchor,
            &mut diags,
        );
        if src.partition_offsets.is_some() {
            let span = stmt
                .source
                .properties
                .get("kafka_partitions")
                .map_or(anchor, |p| p.value.span);
            diags.push(C6.warning("partitions and offsets not verified against the topic").at(span).with_help("Doris asks Kafka whether each partition exists when the job is created; rlfe works offline"));
        }
    }
    if let (Some(_), Some(d)) = (&source, &db) {
        if ctx.jobs.active_job(d, name).is_some() {
            diags.push(err(&C7, format!("Name {name} already used in db {d}"), stmt.name.name.span).with_help("choose another name, or STOP the existing job first (stopped names can be reused)"));
        }
    }
    if ctx.jobs.active_count() > ctx.config.max_routine_load_job_num {
        diags.push(
            err(
                &C8,
                format!(
                    "There are more than {} routine load jobs are running. exceed limit.",
                    ctx.config.max_routine_load_job_num
                ),
                stmt.name.span(),
            )
            .with_help("stop jobs you no longer need"),
        );
    }
    if let Some(info) = &table {
        column_warnings(info, &stmt.load_properties, &mut diags);
    }
    if !skipped.is_empty() {
        diags.push(no_catalog_note(stmt.name.span(), &skipped.join(", ")));
    }
    let ok = !diags.iter().any(Diagnostic::is_error);
    let job = match (ok, source, db) {
        (true, Some(source), Some(database)) => Some(RoutineLoadJob {
            id: 0,
            name: name.clone(),
            database,
            database_id: db_id,
            table: stmt.table.as_ref().map(|t| t.value.clone()),
            merge_type: merge,
            merge_type_written: stmt.merge_type.is_some(),
            load,
            properties,
            source,
            comment: stmt.comment.as_ref().map(|c| c.value.clone()),
            user: ctx.user.to_string(),
        }),
        _ => None,
    };
    CreateOutcome {
        diagnostics: diags,
        job,
    }
}

fn idents(e: &ExprNode, out: &mut Vec<String>) {
    let _ = sqlparser::ast::visit_expressions(e.expr.as_ref(), |x| {
        match x {
            sqlparser::ast::Expr::Identifier(i) => out.push(i.value.clone()),
            sqlparser::ast::Expr::CompoundIdentifier(parts) => {
                if let Some(last) = parts.last() {
                    out.push(last.value.clone());
                }
            }
            _ => {}
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// Columns the load clauses name that the table does not have: warnings, because Doris
/// checks columns only when it plans each task.
fn column_warnings(table: &TableInfo, props: &[LoadProperty], diags: &mut Vec<Diagnostic>) {
    let mapped: Vec<String> = props
        .iter()
        .filter_map(|p| match p {
            LoadProperty::Columns { items, .. } => Some(
                items
                    .iter()
                    .map(|i| i.name.value.clone())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    let known =
        |c: &str| table.column(c).is_some() || mapped.iter().any(|m| m.eq_ignore_ascii_case(c));
    let mut reported = crate::text::hash::FastSet::default();
    for p in props {
        let mut names = Vec::new();
        match p {
            LoadProperty::Where { expr, .. }
            | LoadProperty::PrecedingFilter { expr, .. }
            | LoadProperty::DeleteOn { expr, .. } => idents(expr, &mut names),
            LoadProperty::Columns { items, .. } => items
                .iter()
                .filter_map(|i| i.expr.as_ref())
                .for_each(|e| idents(e, &mut names)),
            LoadProperty::OrderBy { column, .. } => names.push(column.value.clone()),
            _ => {}
        }
        for n in names {
            if !known(&n) && reported.insert(n.to_ascii_lowercase()) {
                let close =
                    crate::text::did_you_mean(&n, table.columns.iter().map(|c| c.name.as_str()), 1);
                diags.push(
                    COLUMN.warning(format!("column '{n}' is not a column of table {} nor of the COLUMNS list", table.name))
                        .at(p.span())
                        .with_help(match close.first() {
                            Some(c) => format!("did you mean '{c}'? (Doris checks columns when it plans each task and pauses the job on an unknown one)"),
                            None => "Doris checks columns when it plans each task and pauses the job on an unknown one".to_string(),
                        }),
                );
            }
        }
    }
}
