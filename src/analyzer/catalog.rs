//! The catalog: databases, tables and small files. `Catalog` is a trait, so a gateway
//! plugs in its own metadata; [`InMemoryCatalog`] backs the CLI and is filled by DDL.

use crate::ast::{self, Buckets, CreateTable, Distribution, KeysType, PartitionBound};
use crate::diagnostic::{Diagnostic, Stage};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the analyzer knows about a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableInfo {
    pub name: String,
    pub id: i64,
    pub keys_type: KeysType,
    /// False for tables of another engine (`ENGINE = mysql`, …).
    pub is_olap: bool,
    pub temporary: bool,
    pub columns: Vec<ColumnInfo>,
    pub key_columns: Vec<String>,
    pub merge_on_write: bool,
    /// UNIQUE tables carry Doris's hidden delete-sign column (batch delete).
    pub has_delete_sign: bool,
    /// `function_column.sequence_col` (a mapped sequence column).
    pub sequence_col: Option<String>,
    /// `function_column.sequence_type` (a hidden sequence column).
    pub sequence_type: Option<String>,
    pub skip_bitmap_column: bool,
    pub light_schema_change: bool,
    pub partitions: Vec<String>,
    pub temp_partitions: Vec<String>,
    pub random_distribution: bool,
    pub distribution_columns: Vec<String>,
    pub buckets: Option<String>,
}

impl TableInfo {
    pub fn column(&self, name: &str) -> Option<&ColumnInfo> {
        self.columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    pub fn has_variant_column(&self) -> bool {
        self.columns.iter().any(|c| c.is_variant)
    }

    pub fn is_unique(&self) -> bool {
        self.keys_type == KeysType::Unique
    }

    pub fn has_partition(&self, name: &str, temporary: bool) -> bool {
        let list = if temporary {
            &self.temp_partitions
        } else {
            &self.partitions
        };
        list.iter().any(|p| p.eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnInfo {
    pub name: String,
    pub data_type: String,
    pub is_key: bool,
    pub nullable: bool,
    pub aggregation: Option<String>,
    pub is_variant: bool,
}

/// A small file registered with `CREATE FILE` (its content is not fetched).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileInfo {
    pub id: i64,
    pub name: String,
    pub database: String,
    pub catalog: String,
    pub url: String,
    pub md5: Option<String>,
}

/// Metadata the analyzer reads. Mutating methods serve DDL statements; a read-only
/// gateway catalog keeps their defaults, which refuse.
pub trait Catalog: Send + Sync + std::fmt::Debug {
    /// Whether any schema information exists at all. Without it, table-dependent checks
    /// are skipped (with a note), never invented as failures.
    fn has_schema(&self) -> bool;
    /// The numeric id of a database, when it exists.
    fn database_id(&self, db: &str) -> Option<i64>;
    fn database_names(&self) -> Vec<String>;
    fn table(&self, db: &str, table: &str) -> Option<TableInfo>;
    fn table_names(&self, db: &str) -> Vec<String>;
    /// Whether the workload group exists (Doris always has `normal`).
    fn workload_group_exists(&self, name: &str) -> bool {
        name == "normal"
    }
    /// Whether any file is known; without files, FILE: checks are skipped.
    fn knows_files(&self) -> bool;
    fn files(&self, db: &str) -> Vec<FileInfo>;

    fn create_database(&mut self, _name: &str, _if_not_exists: bool) -> Result<(), String> {
        Err("the catalog is read-only".into())
    }
    fn drop_database(&mut self, _name: &str, _if_exists: bool) -> Result<(), String> {
        Err("the catalog is read-only".into())
    }
    fn create_table(
        &mut self,
        _db: &str,
        _table: TableInfo,
        _if_not_exists: bool,
    ) -> Result<bool, String> {
        Err("the catalog is read-only".into())
    }
    fn drop_table(&mut self, _db: &str, _table: &str, _if_exists: bool) -> Result<(), String> {
        Err("the catalog is read-only".into())
    }
    fn create_file(&mut self, _file: FileInfo) -> Result<(), String> {
        Err("the catalog is read-only".into())
    }
    fn drop_file(&mut self, _db: &str, _name: &str) -> Result<(), String> {
        Err("the catalog is read-only".into())
    }
    /// The next catalog id (databases, tables, files).
    fn next_id(&mut self) -> i64 {
        0
    }
}

#[derive(Debug, Clone, Default)]
struct Database {
    id: i64,
    tables: BTreeMap<String, TableInfo>,
    files: Vec<FileInfo>,
}

/// The in-memory catalog of a run.
#[derive(Debug, Clone, Default)]
pub struct InMemoryCatalog {
    databases: BTreeMap<String, Database>,
    has_schema: bool,
    next_id: i64,
    workload_groups: Vec<String>,
}

impl InMemoryCatalog {
    pub fn new() -> Self {
        InMemoryCatalog {
            next_id: 10000,
            workload_groups: vec!["normal".into()],
            ..Default::default()
        }
    }

    pub fn add_workload_group(&mut self, name: impl Into<String>) {
        self.workload_groups.push(name.into());
    }
}

impl Catalog for InMemoryCatalog {
    fn has_schema(&self) -> bool {
        self.has_schema
    }

    fn database_id(&self, db: &str) -> Option<i64> {
        self.databases.get(db).map(|d| d.id)
    }

    fn database_names(&self) -> Vec<String> {
        self.databases.keys().cloned().collect()
    }

    fn table(&self, db: &str, table: &str) -> Option<TableInfo> {
        self.databases.get(db)?.tables.get(table).cloned()
    }

    fn table_names(&self, db: &str) -> Vec<String> {
        self.databases
            .get(db)
            .map(|d| d.tables.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn workload_group_exists(&self, name: &str) -> bool {
        self.workload_groups.iter().any(|g| g == name)
    }

    fn knows_files(&self) -> bool {
        self.databases.values().any(|d| !d.files.is_empty())
    }

    fn files(&self, db: &str) -> Vec<FileInfo> {
        self.databases
            .get(db)
            .map(|d| d.files.clone())
            .unwrap_or_default()
    }

    fn create_database(&mut self, name: &str, if_not_exists: bool) -> Result<(), String> {
        self.has_schema = true;
        if self.databases.contains_key(name) {
            if if_not_exists {
                return Ok(());
            }
            return Err(format!("Can't create database '{name}'; database exists"));
        }
        let id = self.next_id();
        self.databases.insert(
            name.to_string(),
            Database {
                id,
                ..Default::default()
            },
        );
        Ok(())
    }

    fn drop_database(&mut self, name: &str, if_exists: bool) -> Result<(), String> {
        if self.databases.remove(name).is_none() && !if_exists {
            return Err(format!(
                "Can't drop database '{name}'; database doesn't exist"
            ));
        }
        Ok(())
    }

    fn create_table(
        &mut self,
        db: &str,
        table: TableInfo,
        if_not_exists: bool,
    ) -> Result<bool, String> {
        self.has_schema = true;
        let Some(d) = self.databases.get_mut(db) else {
            return Err(format!("Unknown database '{db}'"));
        };
        if d.tables.contains_key(&table.name) {
            if if_not_exists {
                return Ok(false);
            }
            return Err(format!("Table '{}' already exists", table.name));
        }
        d.tables.insert(table.name.clone(), table);
        Ok(true)
    }

    fn drop_table(&mut self, db: &str, table: &str, if_exists: bool) -> Result<(), String> {
        let Some(d) = self.databases.get_mut(db) else {
            return Err(format!("Unknown database '{db}'"));
        };
        if d.tables.remove(table).is_none() && !if_exists {
            return Err(format!("Unknown table '{table}'"));
        }
        Ok(())
    }

    fn create_file(&mut self, file: FileInfo) -> Result<(), String> {
        let Some(d) = self.databases.get_mut(&file.database) else {
            return Err(format!("Unknown database '{}'", file.database));
        };
        if d.files
            .iter()
            .any(|f| f.name == file.name && f.catalog == file.catalog)
        {
            return Err(format!(
                "File {} already exist in db {}",
                file.name, file.database
            ));
        }
        d.files.push(file);
        Ok(())
    }

    fn drop_file(&mut self, db: &str, name: &str) -> Result<(), String> {
        let Some(d) = self.databases.get_mut(db) else {
            return Err(format!("Unknown database '{db}'"));
        };
        let before = d.files.len();
        d.files.retain(|f| f.name != name);
        if d.files.len() == before {
            return Err(format!("File {name} does not exist"));
        }
        Ok(())
    }

    fn next_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }
}

fn prop<'a>(stmt: &'a CreateTable, key: &str) -> Option<&'a ast::Property> {
    stmt.properties.as_ref()?.get(key)
}

fn bool_prop(stmt: &CreateTable, key: &str, default: bool) -> bool {
    prop(stmt, key).map_or(default, |p| p.value().eq_ignore_ascii_case("true"))
}

/// Builds the analyzer's table model from `CREATE TABLE`, with the checks Doris makes
/// (project-defined texts where Doris's are not pinned).
pub fn table_from_ddl(stmt: &CreateTable, id: i64) -> Result<TableInfo, Diagnostic> {
    let err = |code: &'static str, msg: String, span: ast::Span| {
        Diagnostic::error(Stage::Analyze, code, msg).at(span)
    };
    let keys_type = stmt
        .keys
        .as_ref()
        .map_or(KeysType::Duplicate, |k| k.keys_type);
    let olap = stmt
        .engine
        .as_ref()
        .is_none_or(|e| e.value.eq_ignore_ascii_case("olap"));
    let mut seen = crate::hash::FastSet::default();
    for c in &stmt.columns {
        if !seen.insert(c.name.value.to_ascii_lowercase()) {
            return Err(err(
                "DDL",
                format!("Duplicate column name '{}'", c.name.value),
                c.name.span,
            ));
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
        has_delete_sign: unique,
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
