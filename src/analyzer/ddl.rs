//! The catalog statements: CREATE/DROP DATABASE, CREATE/DROP TABLE (with the table
//! checks Doris makes), USE, CREATE/DROP/SHOW FILE. The analysis decides; the session
//! applies the changes to its catalog.

use super::catalog::{ColumnInfo, FileInfo, TableInfo};
use super::context::AnalyzeContext;
use super::model::JobState;
use super::names::no_database;
use super::outcome::{query_ok, Effect, Outcome, ResultSet, StateChange};
use super::shared::no_catalog_note;
use crate::ast::{
    Buckets, CreateDatabase, CreateFile, CreateTable, Distribution, DropDatabase, DropFile,
    DropTable, Ident, KeysType, PartitionBound, Property, ShowFile, Use,
};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, MysqlError};
use crate::text::Span;

/// The database a catalog statement names, else the current one; N1 without either.
fn ddl_database(
    named: Option<&Ident>,
    span: Span,
    ctx: &AnalyzeContext<'_>,
    out: &mut Outcome,
) -> Option<String> {
    match named.map(|i| i.value.as_str()).or(ctx.current_db) {
        Some(d) => Some(d.to_string()),
        None => {
            out.diagnostics.push(no_database(&N1, span));
            None
        }
    }
}

fn unknown_database(db: &str, span: Span) -> Diagnostic {
    DDL.error(format!("Unknown database '{db}'"))
        .at(span)
        .with_mysql(&MysqlError::BAD_DB)
}

/// CREATE DATABASE.
pub fn analyze_create_database(c: &CreateDatabase) -> Outcome {
    Outcome {
        effects: vec![Effect::CreateDatabase {
            name: c.name.value.clone(),
            if_not_exists: c.if_not_exists,
            span: c.name.span,
        }],
        message: Some("Query OK, 1 row affected".into()),
        ..Outcome::default()
    }
}

/// USE [catalog.]db.
pub fn analyze_use(u: &Use, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let db = &u.database.value;
    if let Some(c) = &u.catalog {
        if c.value != "internal" {
            out.diagnostics.push(
                DDL.error(format!("Unknown catalog '{}'", c.value))
                    .at(c.span),
            );
            return out;
        }
    }
    if ctx.catalog.has_schema() && ctx.catalog.database_id(db).is_none() {
        out.diagnostics.push(unknown_database(db, u.database.span));
        return out;
    }
    if !ctx.catalog.has_schema() {
        out.diagnostics
            .push(no_catalog_note(u.database.span, "the database"));
    }
    out.effects.push(Effect::UseDatabase(db.clone()));
    out.message = Some("Database changed".into());
    out
}

/// DROP DATABASE: its active jobs are cancelled, as Doris does. Like Doris, the session
/// keeps the dropped database's name current, so later statements answer
/// `Unknown database`.
pub fn analyze_drop_database(d: &DropDatabase, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut effects = vec![Effect::DropDatabase {
        name: d.name.value.clone(),
        if_exists: d.if_exists,
        span: d.name.span,
    }];
    effects.extend(
        ctx.jobs
            .entries()
            .iter()
            .filter(|e| e.job.database == d.name.value && !e.state.is_final())
            .map(|e| {
                Effect::ChangeState(StateChange {
                    job_id: e.job.id,
                    to: JobState::Cancelled,
                    reason: Some((5, format!("db {}not exist", e.job.database_id))),
                })
            }),
    );
    Outcome {
        effects,
        message: query_ok(),
        ..Outcome::default()
    }
}

/// DROP TABLE: the active jobs that load into it are cancelled.
pub fn analyze_drop_table(d: &DropTable, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = ddl_database(d.name.db.as_ref(), d.span, ctx, &mut out) else {
        return out;
    };
    let table = &d.name.name.value;
    out.effects.push(Effect::DropTable {
        db: db.clone(),
        table: table.clone(),
        if_exists: d.if_exists,
        span: d.name.span(),
    });
    out.effects.extend(
        ctx.jobs
            .entries()
            .iter()
            .filter(|e| {
                e.job.database == db
                    && e.job.table.as_deref() == Some(table.as_str())
                    && !e.state.is_final()
            })
            .map(|e| {
                Effect::ChangeState(StateChange {
                    job_id: e.job.id,
                    to: JobState::Cancelled,
                    reason: Some((6, "table does not exist".into())),
                })
            }),
    );
    out.message = query_ok();
    out
}

/// CREATE TABLE: the table model, with Doris's table checks (its id is given when the
/// session creates it).
pub fn analyze_create_table(c: &CreateTable, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = ddl_database(c.name.db.as_ref(), c.name.span(), ctx, &mut out) else {
        return out;
    };
    if ctx.catalog.database_id(&db).is_none() {
        out.diagnostics.push(unknown_database(&db, c.name.span()));
        return out;
    }
    match table_from_ddl(c, 0) {
        Ok(info) => {
            out.effects.push(Effect::CreateTable {
                db,
                table: Box::new(info),
                if_not_exists: c.if_not_exists,
                span: c.name.name.span,
            });
            out.message = query_ok();
        }
        Err(d) => out.diagnostics.push(d),
    }
    out
}

/// CREATE FILE: `url` and `catalog` are required; a database holds at most
/// `max_small_file_number` files. The file is recorded, not fetched.
pub fn analyze_create_file(f: &CreateFile, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = ddl_database(f.database.as_ref(), f.span, ctx, &mut out) else {
        return out;
    };
    if ctx.catalog.database_id(&db).is_none() {
        out.diagnostics.push(unknown_database(&db, f.span));
        return out;
    }
    let get = |k: &str| f.properties.get(k).map(|p| p.value().to_string());
    let (Some(url), Some(catalog)) = (get("url"), get("catalog")) else {
        let missing = if get("url").is_none() {
            "url"
        } else {
            "catalog"
        };
        out.diagnostics.push(
            FILE.error(format!("{missing} is missing"))
                .at(f.properties.span)
                .with_help(
                    "CREATE FILE needs PROPERTIES (\"url\" = \"…\", \"catalog\" = \"kafka\")",
                ),
        );
        return out;
    };
    let limit = ctx.config.max_small_file_number;
    if ctx.catalog.files(&db).len() >= limit {
        out.diagnostics.push(
            DDL.error(format!("File number exceeds limit: {limit}"))
                .at(f.span),
        );
        return out;
    }
    out.effects.push(Effect::CreateFile {
        file: FileInfo {
            id: 0,
            name: f.name.value.clone(),
            database: db,
            catalog,
            url,
            md5: get("md5"),
        },
        span: f.name.span,
    });
    out.message = query_ok();
    out
}

/// DROP FILE.
pub fn analyze_drop_file(f: &DropFile, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = ddl_database(f.database.as_ref(), f.span, ctx, &mut out) else {
        return out;
    };
    out.effects.push(Effect::DropFile {
        db,
        name: f.name.value.clone(),
        span: f.name.span,
    });
    out.message = query_ok();
    out
}

/// SHOW FILE: the database's small files.
pub fn analyze_show_file(s: &ShowFile, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let Some(db) = ddl_database(s.database.as_ref(), s.span, ctx, &mut out) else {
        return out;
    };
    let rows = ctx
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
    out.rows = Some(ResultSet::new(
        &["Id", "DbName", "Catalog", "FileName", "FileSize", "MD5"],
        rows,
    ));
    out
}

fn prop<'a>(stmt: &'a CreateTable, key: &str) -> Option<&'a Property> {
    stmt.properties.as_ref()?.get(key)
}

fn bool_prop(stmt: &CreateTable, key: &str, default: bool) -> bool {
    prop(stmt, key).map_or(default, |p| p.value().eq_ignore_ascii_case("true"))
}

/// Builds the analyzer's table model from `CREATE TABLE`, with the checks Doris makes
/// (project-defined texts where Doris's are not pinned).
pub fn table_from_ddl(stmt: &CreateTable, id: i64) -> Result<TableInfo, Diagnostic> {
    let err = |_: &str, msg: String, span: Span| DDL.error(msg).at(span);
    let keys_type = stmt
        .keys
        .as_ref()
        .map_or(KeysType::Duplicate, |k| k.keys_type);
    let olap = stmt
        .engine
        .as_ref()
        .is_none_or(|e| e.value.eq_ignore_ascii_case("olap"));
    let mut seen = crate::text::hash::FastSet::default();
    for c in &stmt.columns {
        if !seen.insert(c.name.value.to_ascii_lowercase()) {
            return Err(err(
                "DDL",
                format!("Duplicate column name '{}'", c.name.value),
                c.name.span,
            )
            .with_mysql(&MysqlError::DUP_FIELDNAME));
        }
        if c.aggregation.is_some() && keys_type != KeysType::Aggregate {
            return Err(err(
                "DDL",
                format!(
                    "The aggregation type of column '{}' can only be set on an AGGREGATE KEY table",
                    c.name.value
                ),
                c.span,
            )
            .with_help("remove the aggregation type, or declare AGGREGATE KEY(...)"));
        }
    }
    // Key columns: an ordered prefix of the column list.
    let key_columns: Vec<String> = match &stmt.keys {
        Some(k) => {
            for (i, kc) in k.columns.iter().enumerate() {
                let Some(col) = stmt.columns.get(i) else {
                    return Err(err(
                        "DDL",
                        format!("Key column '{}' does not exist", kc.value),
                        kc.span,
                    ));
                };
                if !col.name.value.eq_ignore_ascii_case(&kc.value) {
                    let exists = stmt
                        .columns
                        .iter()
                        .any(|c| c.name.value.eq_ignore_ascii_case(&kc.value));
                    let msg = if exists {
                        format!("Key columns should be a ordered prefix of the schema. KeyColumns[{i}] (starts from zero) is {}, but corresponding column is {} in the previous columns declaration.", kc.value, col.name.value)
                    } else {
                        format!("Key column '{}' does not exist", kc.value)
                    };
                    return Err(err("DDL", msg, kc.span).with_help(
                        "list the key columns first in the column list, in the same order",
                    ));
                }
            }
            k.columns.iter().map(|c| c.value.clone()).collect()
        }
        // Doris picks a prefix of the leading columns (up to three).
        None => stmt
            .columns
            .iter()
            .take(3.min(stmt.columns.len()))
            .map(|c| c.name.value.clone())
            .collect(),
    };
    let unique = keys_type == KeysType::Unique;
    let (random, dist_cols, buckets) = match &stmt.distribution {
        Some(d) => (
            matches!(d.kind, Distribution::Random),
            match &d.kind {
                Distribution::Hash(cols) => cols.iter().map(|c| c.value.clone()).collect(),
                Distribution::Random => Vec::new(),
            },
            d.buckets.as_ref().map(|b| match b {
                Buckets::Count(n) => n.to_string(),
                Buckets::Auto => "AUTO".to_string(),
            }),
        ),
        None if keys_type == KeysType::Duplicate => (true, Vec::new(), Some("AUTO".into())),
        None => (false, key_columns.clone(), Some("AUTO".into())),
    };
    if random && unique {
        let span = stmt.distribution.as_ref().map_or(stmt.span, |d| d.span);
        return Err(err(
            "DDL",
            "Random distribution for unique key table is unsupported".into(),
            span,
        )
        .with_help("distribute a UNIQUE KEY table by HASH of its key columns"));
    }
    let merge_on_write = unique && bool_prop(stmt, "enable_unique_key_merge_on_write", true);
    let sequence_col = prop(stmt, "function_column.sequence_col").map(|p| p.value().to_string());
    if let Some(p) = prop(stmt, "function_column.sequence_col") {
        if !unique {
            return Err(err(
                "DDL",
                "Sequence column only support UNIQUE_KEYS".into(),
                p.span(),
            ));
        }
        if !stmt
            .columns
            .iter()
            .any(|c| c.name.value.eq_ignore_ascii_case(p.value()))
        {
            return Err(err(
                "DDL",
                format!("The specified sequence column[{}] not exists", p.value()),
                p.value.span,
            ));
        }
    }
    let skip_bitmap = bool_prop(stmt, "enable_unique_key_skip_bitmap_column", false);
    if skip_bitmap && !merge_on_write {
        let span =
            prop(stmt, "enable_unique_key_skip_bitmap_column").map_or(stmt.span, |p| p.span());
        return Err(err(
            "DDL",
            "enable_unique_key_skip_bitmap_column property only support unique merge-on-write table".into(),
            span,
        ));
    }
    let partitions = stmt
        .partition
        .as_ref()
        .map(|p| {
            p.partitions
                .iter()
                .filter_map(|d| match &d.bound {
                    PartitionBound::Step { .. } => None,
                    _ => d.name().map(|n| n.value.clone()),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(TableInfo {
        name: stmt.name.name.value.clone(),
        id,
        keys_type,
        is_olap: olap,
        temporary: stmt.temporary,
        columns: stmt
            .columns
            .iter()
            .map(|c| ColumnInfo {
                name: c.name.value.clone(),
                data_type: c.data_type.to_string(),
                is_key: key_columns
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(&c.name.value)),
                nullable: c.nullable.unwrap_or(true),
                aggregation: c.aggregation.map(|a| a.as_str().to_string()),
                is_variant: c.data_type.is_variant(),
            })
            .collect(),
        key_columns,
        merge_on_write,
        // A UNIQUE table has the hidden delete-sign column unless it models a table
        // created before batch delete existed.
        has_delete_sign: unique && bool_prop(stmt, "rlfe.has_delete_sign", true),
        sequence_col,
        sequence_type: prop(stmt, "function_column.sequence_type").map(|p| p.value().to_string()),
        skip_bitmap_column: skip_bitmap,
        light_schema_change: bool_prop(stmt, "light_schema_change", true),
        partitions,
        temp_partitions: Vec::new(),
        random_distribution: random,
        distribution_columns: dist_cols,
        buckets,
    })
}

/// The catalog statements outside the routine-load dialect that a mysql client sends
/// (`SHOW DATABASES`, `SHOW TABLES [FROM db]`, `DESC [db.]table`), answered from the
/// session's catalog with Doris's column names (`ShowDbStmt`, `ShowTableStmt`,
/// `DescribeStmt` in fe/fe-core); any other statement is handed back to the caller.
pub fn analyze_other(stmt: &crate::ast::OtherStatement, ctx: &AnalyzeContext<'_>) -> Outcome {
    use sqlparser::ast::Statement as S;
    let mut out = Outcome::default();
    let name_parts = |name: &sqlparser::ast::ObjectName| -> Vec<(String, Span)> {
        name.0
            .iter()
            .filter_map(|p| p.as_ident())
            .map(|i| (i.value.clone(), Span::from(i.span)))
            .collect()
    };
    let note_without_schema = |out: &mut Outcome, span: Span, what: &str| {
        if !ctx.catalog.has_schema() {
            out.diagnostics.push(no_catalog_note(span, what));
        }
    };
    match stmt.statement() {
        S::ShowDatabases { .. } | S::ShowSchemas { .. } => {
            note_without_schema(&mut out, Span::default(), "the databases");
            let rows = ctx
                .catalog
                .database_names()
                .into_iter()
                .map(|d| vec![d])
                .collect();
            out.rows = Some(ResultSet::new(&["Database"], rows));
        }
        S::ShowTables { show_options, .. } => {
            let named = show_options
                .show_in
                .as_ref()
                .and_then(|i| i.parent_name.as_ref())
                .map(name_parts)
                .and_then(|p| p.last().cloned());
            let Some((db, span)) =
                named.or_else(|| ctx.current_db.map(|d| (d.to_string(), Span::default())))
            else {
                out.diagnostics
                    .push(no_database(&N1, Span::default()).with_mysql(&MysqlError::NO_DB));
                return out;
            };
            if ctx.catalog.has_schema() && ctx.catalog.database_id(&db).is_none() {
                out.diagnostics.push(unknown_database(&db, span));
                return out;
            }
            note_without_schema(&mut out, span, "the tables");
            let rows = ctx
                .catalog
                .table_names(&db)
                .into_iter()
                .map(|t| vec![t])
                .collect();
            let column = format!("Tables_in_{db}");
            out.rows = Some(ResultSet::new(&[column.as_str()], rows));
        }
        S::ExplainTable { table_name, .. } => {
            let parts = name_parts(table_name);
            let (db, table, span) = match parts.as_slice() {
                [(t, s)] => (ctx.current_db.map(str::to_string), t.clone(), *s),
                [.., (d, _), (t, s)] => (Some(d.clone()), t.clone(), *s),
                [] => return out,
            };
            let Some(db) = db else {
                out.diagnostics
                    .push(no_database(&N1, span).with_mysql(&MysqlError::NO_DB));
                return out;
            };
            if !ctx.catalog.has_schema() {
                out.diagnostics.push(no_catalog_note(span, "the table"));
                return out;
            }
            let Some(info) = ctx.catalog.table(&db, &table) else {
                out.diagnostics.push(
                    DDL.error(format!("Unknown table '{table}'"))
                        .at(span)
                        .with_mysql(&MysqlError::BAD_TABLE),
                );
                return out;
            };
            out.rows = Some(describe(&info));
        }
        _ => out.diagnostics.push(
            OTHER
                .fixed()
                .with_help("rlfe hands such statements back to the caller (kind \"other\")"),
        ),
    }
    out
}

/// The columns as Doris's `DESC` shows them: `Field`, `Type`, `Null`, `Key`,
/// `Default`, `Extra` (`DescribeStmt`).
pub fn describe(info: &TableInfo) -> ResultSet {
    let rows = info
        .columns
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.data_type.to_ascii_uppercase(),
                if c.nullable { "Yes" } else { "No" }.into(),
                c.is_key.to_string(),
                "NULL".into(),
                c.aggregation.clone().unwrap_or_default(),
            ]
        })
        .collect();
    ResultSet::new(&["Field", "Type", "Null", "Key", "Default", "Extra"], rows)
}

/// The function a CREATE or DROP FUNCTION names: its scope and signature.
fn function_info(
    global: bool,
    name: &crate::ast::QualifiedName,
    arg_count: usize,
    variadic: bool,
    kind: crate::ast::FunctionKind,
    ctx: &AnalyzeContext<'_>,
    out: &mut Outcome,
) -> Option<super::catalog::FunctionInfo> {
    let database = if global {
        None
    } else {
        Some(ddl_database(name.db.as_ref(), name.span(), ctx, out)?)
    };
    Some(super::catalog::FunctionInfo {
        database,
        name: name.name.value.to_ascii_lowercase(),
        arg_count,
        variadic,
        kind,
    })
}

/// CREATE [GLOBAL] FUNCTION: registered in the session, so load expressions find it.
/// The library file, symbol and types are not checked offline.
pub fn analyze_create_function(
    f: &crate::ast::CreateFunction,
    ctx: &AnalyzeContext<'_>,
) -> Outcome {
    let mut out = Outcome::default();
    if let Some(function) = function_info(
        f.global,
        &f.name,
        f.arg_types.len(),
        f.variadic,
        f.kind,
        ctx,
        &mut out,
    ) {
        out.effects.push(Effect::CreateFunction {
            function,
            if_not_exists: f.if_not_exists,
            span: f.name.span(),
        });
        out.message = query_ok();
    }
    out
}

/// DROP [GLOBAL] FUNCTION.
pub fn analyze_drop_function(f: &crate::ast::DropFunction, ctx: &AnalyzeContext<'_>) -> Outcome {
    let mut out = Outcome::default();
    let kind = crate::ast::FunctionKind::Scalar;
    if let Some(function) = function_info(
        f.global,
        &f.name,
        f.arg_types.len(),
        f.variadic,
        kind,
        ctx,
        &mut out,
    ) {
        out.effects.push(Effect::DropFunction {
            function,
            if_exists: f.if_exists,
            span: f.name.span(),
        });
        out.message = query_ok();
    }
    out
}

/// The database and name of an encrypt key a statement names.
fn encrypt_key_name(
    name: &crate::ast::QualifiedName,
    ctx: &AnalyzeContext<'_>,
    out: &mut Outcome,
) -> Option<(String, String, Span)> {
    let db = ddl_database(name.db.as_ref(), name.span(), ctx, out)?;
    Some((db, name.name.value.clone(), name.span()))
}

/// CREATE ENCRYPTKEY: the key's name is registered (its material is not kept).
pub fn analyze_create_encrypt_key(
    k: &crate::ast::CreateEncryptKey,
    ctx: &AnalyzeContext<'_>,
) -> Outcome {
    let mut out = Outcome::default();
    if let Some((db, name, span)) = encrypt_key_name(&k.name, ctx, &mut out) {
        out.effects.push(Effect::CreateEncryptKey {
            db,
            name,
            if_not_exists: k.if_not_exists,
            span,
        });
        out.message = query_ok();
    }
    out
}

/// DROP ENCRYPTKEY.
pub fn analyze_drop_encrypt_key(
    k: &crate::ast::DropEncryptKey,
    ctx: &AnalyzeContext<'_>,
) -> Outcome {
    let mut out = Outcome::default();
    if let Some((db, name, span)) = encrypt_key_name(&k.name, ctx, &mut out) {
        out.effects.push(Effect::DropEncryptKey {
            db,
            name,
            if_exists: k.if_exists,
            span,
        });
        out.message = query_ok();
    }
    out
}
