//! The catalog: databases, tables and small files. [`Catalog`] is what the checks read
//! (a gateway plugs in its own metadata); [`CatalogMut`] adds the DDL the session
//! applies; [`InMemoryCatalog`] backs the CLI and is filled by DDL.

use crate::ast::KeysType;
use crate::diagnostics::rules::DDL;
use crate::diagnostics::{Diagnostic, MysqlError};
use crate::text::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the analyzer knows about a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableInfo {
    /// The table name.
    pub name: String,
    /// The table id.
    pub id: i64,
    /// DUPLICATE, UNIQUE or AGGREGATE KEY.
    pub keys_type: KeysType,
    /// False for tables of another engine (`ENGINE = mysql`, …).
    pub is_olap: bool,
    /// Created with CREATE TEMPORARY TABLE.
    pub temporary: bool,
    /// The columns, in order.
    pub columns: Vec<ColumnInfo>,
    /// The key columns, in order.
    pub key_columns: Vec<String>,
    /// A UNIQUE KEY table with merge-on-write.
    pub merge_on_write: bool,
    /// UNIQUE tables carry Doris's hidden delete-sign column (batch delete).
    pub has_delete_sign: bool,
    /// `function_column.sequence_col` (a mapped sequence column).
    pub sequence_col: Option<String>,
    /// `function_column.sequence_type` (a hidden sequence column).
    pub sequence_type: Option<String>,
    /// The table has the skip-bitmap hidden column (flexible partial update).
    pub skip_bitmap_column: bool,
    /// Light schema change is enabled.
    pub light_schema_change: bool,
    /// The partition names.
    pub partitions: Vec<String>,
    /// The temporary partition names.
    pub temp_partitions: Vec<String>,
    /// DISTRIBUTED BY RANDOM.
    pub random_distribution: bool,
    /// The HASH distribution columns.
    pub distribution_columns: Vec<String>,
    /// The bucket count, or `AUTO`.
    pub buckets: Option<String>,
}

impl TableInfo {
    /// A column, matched ignoring case.
    pub fn column(&self, name: &str) -> Option<&ColumnInfo> {
        self.columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    /// Whether a column is VARIANT.
    pub fn has_variant_column(&self) -> bool {
        self.columns.iter().any(|c| c.is_variant)
    }

    /// A UNIQUE KEY table.
    pub fn is_unique(&self) -> bool {
        self.keys_type == KeysType::Unique
    }

    /// Whether the (temporary) partition exists, matched ignoring case.
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
/// What the analyzer knows about a column.
pub struct ColumnInfo {
    /// The column name.
    pub name: String,
    /// The type as written.
    pub data_type: String,
    /// A key column.
    pub is_key: bool,
    /// Whether NULL is allowed.
    pub nullable: bool,
    /// The aggregation type of an AGGREGATE KEY table's value column.
    pub aggregation: Option<String>,
    /// A VARIANT column.
    pub is_variant: bool,
}

/// A small file registered with `CREATE FILE` (its content is not fetched).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileInfo {
    /// The file id.
    pub id: i64,
    /// The file name (what `FILE:<name>` names).
    pub name: String,
    /// The database it belongs to.
    pub database: String,
    /// The catalog (`kafka` for routine load).
    pub catalog: String,
    /// Where the file is fetched from.
    pub url: String,
    /// Its MD5, when given.
    pub md5: Option<String>,
}

/// A user-defined function (`CREATE [GLOBAL] FUNCTION`), as a load expression looks it
/// up: by scope, lower-cased name and argument count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionInfo {
    /// Its database; `None` for a GLOBAL function.
    pub database: Option<String>,
    /// The name, lower-cased (Doris compares function names so).
    pub name: String,
    /// How many arguments its signature lists.
    pub arg_count: usize,
    /// A last `...`: at least `arg_count`.
    pub variadic: bool,
    /// Scalar, aggregate, table-generating or alias.
    pub kind: crate::ast::FunctionKind,
}

impl FunctionInfo {
    /// Whether a call with `n` arguments fits.
    pub fn takes(&self, n: usize) -> bool {
        n == self.arg_count || (self.variadic && n >= self.arg_count)
    }

    /// `name(Expression, …)`, as Doris's candidate hints print a signature.
    pub fn hint(&self, written: &str) -> String {
        let mut parts = vec!["Expression"; self.arg_count];
        if self.variadic {
            parts.push("...");
        }
        format!("{written}({})", parts.join(", "))
    }
}

/// Why a catalog change failed, with Doris's texts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// CREATE DATABASE of an existing database.
    #[error("Can't create database '{0}'; database exists")]
    DatabaseExists(String),
    /// DROP DATABASE of a missing database.
    #[error("Can't drop database '{0}'; database doesn't exist")]
    DatabaseMissing(String),
    /// A statement names a database that does not exist.
    #[error("Unknown database '{0}'")]
    UnknownDatabase(String),
    /// CREATE TABLE of an existing table.
    #[error("Table '{0}' already exists")]
    TableExists(String),
    /// DROP TABLE of a missing table.
    #[error("Unknown table '{0}'")]
    UnknownTable(String),
    /// CREATE FILE of a file the database already has.
    #[error("File {name} already exist in db {db}")]
    FileExists {
        /// The file name.
        name: String,
        /// The database.
        db: String,
    },
    /// DROP FILE of a missing file.
    #[error("File {0} does not exist")]
    FileMissing(String),
    /// CREATE FUNCTION of a signature that exists.
    #[error("function already exists: {0}")]
    FunctionExists(String),
    /// DROP FUNCTION of a signature that does not exist.
    #[error("Unknown function {0}")]
    FunctionMissing(String),
    /// CREATE ENCRYPTKEY of a key that exists.
    #[error("encryptKey {0} already exists")]
    EncryptKeyExists(String),
    /// DROP ENCRYPTKEY of a key that does not exist.
    #[error("Unknown encryptKey {0}")]
    EncryptKeyMissing(String),
    /// The catalog does not take DDL.
    #[error("the catalog is read-only")]
    ReadOnly,
}

impl CatalogError {
    /// The MySQL error Doris answers with.
    pub fn mysql(&self) -> &'static MysqlError {
        match self {
            CatalogError::DatabaseExists(_) => &MysqlError::DB_CREATE_EXISTS,
            CatalogError::DatabaseMissing(_) => &MysqlError::DB_DROP_EXISTS,
            CatalogError::UnknownDatabase(_) => &MysqlError::BAD_DB,
            CatalogError::TableExists(_) => &MysqlError::TABLE_EXISTS,
            CatalogError::UnknownTable(_) => &MysqlError::BAD_TABLE,
            CatalogError::FileExists { .. }
            | CatalogError::FileMissing(_)
            | CatalogError::FunctionExists(_)
            | CatalogError::FunctionMissing(_)
            | CatalogError::EncryptKeyExists(_)
            | CatalogError::EncryptKeyMissing(_)
            | CatalogError::ReadOnly => &MysqlError::UNKNOWN,
        }
    }

    /// The error as a located DDL diagnostic.
    pub fn diagnostic(&self, span: Span) -> Diagnostic {
        DDL.error(self.to_string())
            .at(span)
            .with_mysql(self.mysql())
    }
}

/// Metadata the analyzer reads. Without any schema information ([`Catalog::has_schema`]
/// false), table-dependent checks are skipped with a note, never invented as failures.
pub trait Catalog: Send + Sync + std::fmt::Debug {
    /// Whether any schema information exists at all.
    fn has_schema(&self) -> bool;
    /// The numeric id of a database, when it exists.
    fn database_id(&self, db: &str) -> Option<i64>;
    /// Every database's name.
    fn database_names(&self) -> Vec<String>;
    /// A table of a database.
    fn table(&self, db: &str, table: &str) -> Option<TableInfo>;
    /// The table names of a database.
    fn table_names(&self, db: &str) -> Vec<String>;
    /// Whether the workload group exists (Doris always has `normal`).
    fn workload_group_exists(&self, name: &str) -> bool {
        name == "normal"
    }
    /// Whether any file is known; without files, FILE: checks are skipped.
    fn knows_files(&self) -> bool;
    /// The small files of a database.
    fn files(&self, db: &str) -> Vec<FileInfo>;
    /// Whether the catalog knows the user-defined functions (without that, a name that
    /// is no built-in function is not checked).
    fn knows_functions(&self) -> bool {
        false
    }
    /// The user-defined functions of that name (lower case) in a database, or the
    /// GLOBAL ones (`None`).
    fn functions(&self, _db: Option<&str>, _name: &str) -> Vec<FunctionInfo> {
        Vec::new()
    }
    /// Whether the catalog knows the encrypt keys.
    fn knows_encrypt_keys(&self) -> bool {
        false
    }
    /// Whether the database has that encrypt key.
    fn has_encrypt_key(&self, _db: &str, _name: &str) -> bool {
        false
    }
}

/// A catalog that also takes DDL (the CLI's, a gateway's own).
pub trait CatalogMut: Catalog {
    /// CREATE DATABASE.
    fn create_database(&mut self, name: &str, if_not_exists: bool) -> Result<(), CatalogError>;
    /// DROP DATABASE.
    fn drop_database(&mut self, name: &str, if_exists: bool) -> Result<(), CatalogError>;
    /// CREATE TABLE; `false` when it existed and `IF NOT EXISTS` was given.
    fn create_table(
        &mut self,
        db: &str,
        table: TableInfo,
        if_not_exists: bool,
    ) -> Result<bool, CatalogError>;
    /// DROP TABLE.
    fn drop_table(&mut self, db: &str, table: &str, if_exists: bool) -> Result<(), CatalogError>;
    /// CREATE FILE.
    fn create_file(&mut self, file: FileInfo) -> Result<(), CatalogError>;
    /// DROP FILE.
    fn drop_file(&mut self, db: &str, name: &str) -> Result<(), CatalogError>;
    /// The next catalog id (databases, tables, files).
    fn next_id(&mut self) -> i64;
    /// CREATE FUNCTION; `false` when it existed and `IF NOT EXISTS` was given.
    fn create_function(
        &mut self,
        _f: FunctionInfo,
        _if_not_exists: bool,
    ) -> Result<bool, CatalogError> {
        Err(CatalogError::ReadOnly)
    }
    /// DROP FUNCTION of the signature with that argument count.
    fn drop_function(&mut self, _f: &FunctionInfo, _if_exists: bool) -> Result<(), CatalogError> {
        Err(CatalogError::ReadOnly)
    }
    /// CREATE ENCRYPTKEY.
    fn create_encrypt_key(
        &mut self,
        _db: &str,
        _name: &str,
        _if_not_exists: bool,
    ) -> Result<(), CatalogError> {
        Err(CatalogError::ReadOnly)
    }
    /// DROP ENCRYPTKEY.
    fn drop_encrypt_key(
        &mut self,
        _db: &str,
        _name: &str,
        _if_exists: bool,
    ) -> Result<(), CatalogError> {
        Err(CatalogError::ReadOnly)
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
    functions: Vec<FunctionInfo>,
    encrypt_keys: std::collections::BTreeSet<(String, String)>,
}

impl InMemoryCatalog {
    /// An empty catalog (ids from 10001; the workload group `normal`).
    pub fn new() -> Self {
        InMemoryCatalog {
            next_id: 10000,
            workload_groups: vec!["normal".into()],
            ..Default::default()
        }
    }

    /// Adds a workload group.
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

    fn knows_functions(&self) -> bool {
        self.has_schema
    }

    fn functions(&self, db: Option<&str>, name: &str) -> Vec<FunctionInfo> {
        self.functions
            .iter()
            .filter(|f| f.database.as_deref() == db && f.name == name)
            .cloned()
            .collect()
    }

    fn knows_encrypt_keys(&self) -> bool {
        self.has_schema
    }

    fn has_encrypt_key(&self, db: &str, name: &str) -> bool {
        self.encrypt_keys
            .contains(&(db.to_string(), name.to_string()))
    }
}

impl CatalogMut for InMemoryCatalog {
    fn create_database(&mut self, name: &str, if_not_exists: bool) -> Result<(), CatalogError> {
        self.has_schema = true;
        if self.databases.contains_key(name) {
            if if_not_exists {
                return Ok(());
            }
            return Err(CatalogError::DatabaseExists(name.to_string()));
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

    fn drop_database(&mut self, name: &str, if_exists: bool) -> Result<(), CatalogError> {
        if self.databases.remove(name).is_none() && !if_exists {
            return Err(CatalogError::DatabaseMissing(name.to_string()));
        }
        Ok(())
    }

    fn create_table(
        &mut self,
        db: &str,
        table: TableInfo,
        if_not_exists: bool,
    ) -> Result<bool, CatalogError> {
        self.has_schema = true;
        let Some(d) = self.databases.get_mut(db) else {
            return Err(CatalogError::UnknownDatabase(db.to_string()));
        };
        if d.tables.contains_key(&table.name) {
            if if_not_exists {
                return Ok(false);
            }
            return Err(CatalogError::TableExists(table.name.clone()));
        }
        d.tables.insert(table.name.clone(), table);
        Ok(true)
    }

    fn drop_table(&mut self, db: &str, table: &str, if_exists: bool) -> Result<(), CatalogError> {
        let Some(d) = self.databases.get_mut(db) else {
            return Err(CatalogError::UnknownDatabase(db.to_string()));
        };
        if d.tables.remove(table).is_none() && !if_exists {
            return Err(CatalogError::UnknownTable(table.to_string()));
        }
        Ok(())
    }

    fn create_file(&mut self, file: FileInfo) -> Result<(), CatalogError> {
        let Some(d) = self.databases.get_mut(&file.database) else {
            return Err(CatalogError::UnknownDatabase(file.database.clone()));
        };
        if d.files
            .iter()
            .any(|f| f.name == file.name && f.catalog == file.catalog)
        {
            return Err(CatalogError::FileExists {
                name: file.name.clone(),
                db: file.database.clone(),
            });
        }
        d.files.push(file);
        Ok(())
    }

    fn drop_file(&mut self, db: &str, name: &str) -> Result<(), CatalogError> {
        let Some(d) = self.databases.get_mut(db) else {
            return Err(CatalogError::UnknownDatabase(db.to_string()));
        };
        let before = d.files.len();
        d.files.retain(|f| f.name != name);
        if d.files.len() == before {
            return Err(CatalogError::FileMissing(name.to_string()));
        }
        Ok(())
    }

    fn next_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    fn create_function(
        &mut self,
        f: FunctionInfo,
        if_not_exists: bool,
    ) -> Result<bool, CatalogError> {
        if let Some(db) = &f.database {
            if !self.databases.contains_key(db) {
                return Err(CatalogError::UnknownDatabase(db.clone()));
            }
        }
        let same = |g: &FunctionInfo| {
            g.database == f.database
                && g.name == f.name
                && g.arg_count == f.arg_count
                && g.variadic == f.variadic
        };
        if self.functions.iter().any(same) {
            return if if_not_exists {
                Ok(false)
            } else {
                Err(CatalogError::FunctionExists(f.hint(&f.name)))
            };
        }
        self.functions.push(f);
        Ok(true)
    }

    fn drop_function(&mut self, f: &FunctionInfo, if_exists: bool) -> Result<(), CatalogError> {
        let before = self.functions.len();
        self.functions.retain(|g| {
            !(g.database == f.database
                && g.name == f.name
                && g.arg_count == f.arg_count
                && g.variadic == f.variadic)
        });
        if self.functions.len() == before && !if_exists {
            return Err(CatalogError::FunctionMissing(f.hint(&f.name)));
        }
        Ok(())
    }

    fn create_encrypt_key(
        &mut self,
        db: &str,
        name: &str,
        if_not_exists: bool,
    ) -> Result<(), CatalogError> {
        if !self.databases.contains_key(db) {
            return Err(CatalogError::UnknownDatabase(db.to_string()));
        }
        if !self.encrypt_keys.insert((db.to_string(), name.to_string())) && !if_not_exists {
            return Err(CatalogError::EncryptKeyExists(format!("{db}.{name}")));
        }
        Ok(())
    }

    fn drop_encrypt_key(
        &mut self,
        db: &str,
        name: &str,
        if_exists: bool,
    ) -> Result<(), CatalogError> {
        if !self
            .encrypt_keys
            .remove(&(db.to_string(), name.to_string()))
            && !if_exists
        {
            return Err(CatalogError::EncryptKeyMissing(format!("{db}.{name}")));
        }
        Ok(())
    }
}
