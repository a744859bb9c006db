//! The catalog DDL subset: databases, tables, files.

use super::{ExprNode, Ident, PropertyList, QualifiedName, Span, StringLit};
use serde::Serialize;

/// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name [PROPERTIES (…)]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateDatabase {
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// The database.
    pub name: Ident,
    /// The `PROPERTIES (…)` list.
    pub properties: Option<PropertyList>,
    /// Where it is written.
    pub span: Span,
}

/// `USE [catalog.]db`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Use {
    /// The catalog, when written (only `internal` exists).
    pub catalog: Option<Ident>,
    /// The database.
    pub database: Ident,
    /// Where it is written.
    pub span: Span,
}

/// `DROP DATABASE|SCHEMA [IF EXISTS] name [FORCE]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropDatabase {
    /// `IF EXISTS`.
    pub if_exists: bool,
    /// The database.
    pub name: Ident,
    /// `FORCE`.
    pub force: bool,
    /// Where it is written.
    pub span: Span,
}

/// `DROP TABLE [IF EXISTS] [db.]tbl [FORCE]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropTable {
    /// `IF EXISTS`.
    pub if_exists: bool,
    /// The table.
    pub name: QualifiedName,
    /// `FORCE`.
    pub force: bool,
    /// Where it is written.
    pub span: Span,
}

/// `CREATE FILE 'name' [IN|FROM db] PROPERTIES (…)`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateFile {
    /// The file name.
    pub name: StringLit,
    /// The database, when written.
    pub database: Option<Ident>,
    /// The `PROPERTIES (…)` list.
    pub properties: PropertyList,
    /// Where it is written.
    pub span: Span,
}

/// `DROP FILE 'name' [FROM|IN db] PROPERTIES (…)`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropFile {
    /// The file name.
    pub name: StringLit,
    /// The database, when written.
    pub database: Option<Ident>,
    /// The `PROPERTIES (…)` list.
    pub properties: PropertyList,
    /// Where it is written.
    pub span: Span,
}

/// `SHOW FILE [FROM|IN db]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowFile {
    /// The database, when written.
    pub database: Option<Ident>,
    /// Where it is written.
    pub span: Span,
}

/// Doris `CREATE TABLE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateTable {
    /// `TEMPORARY`.
    pub temporary: bool,
    /// `EXTERNAL`.
    pub external: bool,
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// The table.
    pub name: QualifiedName,
    /// The columns.
    pub columns: Vec<ColumnDef>,
    /// The indexes (accepted, not used).
    pub indexes: Vec<IndexDef>,
    /// The engine, when written (`olap` otherwise).
    pub engine: Option<Ident>,
    /// The key description.
    pub keys: Option<KeyDesc>,
    /// The `COMMENT`.
    pub comment: Option<StringLit>,
    /// The partitioning.
    pub partition: Option<PartitionDesc>,
    /// The distribution.
    pub distribution: Option<DistributionDesc>,
    /// The rollups (accepted, not used).
    pub rollups: Vec<RollupDef>,
    /// The `PROPERTIES (…)` list.
    pub properties: Option<PropertyList>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// A column of CREATE TABLE.
pub struct ColumnDef {
    /// The column name.
    pub name: Ident,
    /// Its type.
    pub data_type: DataType,
    /// `KEY`.
    pub key: bool,
    /// Its aggregation type.
    pub aggregation: Option<AggType>,
    /// `[GENERATED ALWAYS] AS (expr)`
    pub generated: Option<ExprNode>,
    /// `Some(true)` for `NULL`, `Some(false)` for `NOT NULL`, `None` when unsaid.
    pub nullable: Option<bool>,
    /// `AUTO_INCREMENT[(start)]`
    pub auto_increment: Option<Option<i64>>,
    /// Its default value.
    pub default: Option<DefaultValue>,
    /// `ON UPDATE CURRENT_TIMESTAMP[(precision)]`
    pub on_update: Option<Option<u32>>,
    /// The `COMMENT`.
    pub comment: Option<StringLit>,
    /// Where it is written.
    pub span: Span,
}

/// A column type. Names are kept upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataType {
    /// A primitive type with optional parameters: `DECIMAL(27, 9)`, `VARCHAR(*)`.
    Primitive {
        /// The type name, upper-cased.
        name: String,
        /// The parameters (`VARCHAR(20)`, `DECIMAL(27, 9)`).
        params: Vec<String>,
    },
    /// `ARRAY<…>`.
    Array(Box<DataType>),
    /// `MAP<…, …>`.
    Map(Box<DataType>, Box<DataType>),
    /// `STRUCT<…>`.
    Struct(Vec<StructField>),
    /// `VARIANT<…>`: the schema template between the angle brackets, re-rendered from
    /// its tokens (accepted, not interpreted).
    Variant(Option<String>),
}

impl DataType {
    /// A VARIANT type.
    pub fn is_variant(&self) -> bool {
        matches!(self, DataType::Variant(_))
            || matches!(self, DataType::Primitive { name, .. } if name == "VARIANT")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// A field of `STRUCT<…>`.
pub struct StructField {
    /// The field name.
    pub name: Ident,
    /// Its type.
    pub data_type: DataType,
    /// The `COMMENT`.
    pub comment: Option<StringLit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
/// An aggregation type.
pub enum AggType {
    /// `MAX`.
    Max,
    /// `MIN`.
    Min,
    /// `SUM`.
    Sum,
    /// `REPLACE`.
    Replace,
    /// `REPLACE_IF_NOT_NULL`.
    ReplaceIfNotNull,
    /// `HLL_UNION`.
    HllUnion,
    /// `BITMAP_UNION`.
    BitmapUnion,
    /// `QUANTILE_UNION`.
    QuantileUnion,
    /// `GENERIC`.
    Generic,
}

impl AggType {
    /// Every aggregation type.
    pub const ALL: [AggType; 9] = [
        AggType::Max,
        AggType::Min,
        AggType::Sum,
        AggType::Replace,
        AggType::ReplaceIfNotNull,
        AggType::HllUnion,
        AggType::BitmapUnion,
        AggType::QuantileUnion,
        AggType::Generic,
    ];

    /// The name as written.
    pub fn as_str(self) -> &'static str {
        match self {
            AggType::Max => "MAX",
            AggType::Min => "MIN",
            AggType::Sum => "SUM",
            AggType::Replace => "REPLACE",
            AggType::ReplaceIfNotNull => "REPLACE_IF_NOT_NULL",
            AggType::HllUnion => "HLL_UNION",
            AggType::BitmapUnion => "BITMAP_UNION",
            AggType::QuantileUnion => "QUANTILE_UNION",
            AggType::Generic => "GENERIC",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// A column default.
pub enum DefaultValue {
    /// `NULL`.
    Null,
    /// A number as written, sign included.
    Number(String),
    /// A string.
    String(String),
    /// A keyword value: `PI`, `E`, `BITMAP_EMPTY`, `CURRENT_DATE`.
    Keyword(String),
    /// `CURRENT_TIMESTAMP[(precision)]`.
    CurrentTimestamp(Option<u32>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// An index of CREATE TABLE (accepted, not used).
pub struct IndexDef {
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// The index name.
    pub name: Ident,
    /// Its columns.
    pub columns: Vec<Ident>,
    /// Its kind (`USING …`).
    pub using: Option<String>,
    /// The `PROPERTIES (…)` list.
    pub properties: Option<PropertyList>,
    /// The `COMMENT`.
    pub comment: Option<StringLit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
/// The key model.
pub enum KeysType {
    /// `DUPLICATE KEY`.
    Duplicate,
    /// `UNIQUE KEY`.
    Unique,
    /// `AGGREGATE KEY`.
    Aggregate,
}

impl KeysType {
    /// The name as written.
    pub fn as_str(self) -> &'static str {
        match self {
            KeysType::Duplicate => "DUPLICATE",
            KeysType::Unique => "UNIQUE",
            KeysType::Aggregate => "AGGREGATE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `DUPLICATE|UNIQUE|AGGREGATE KEY (…)`.
pub struct KeyDesc {
    /// The key model.
    pub keys_type: KeysType,
    /// The key columns.
    pub columns: Vec<Ident>,
    /// `CLUSTER BY (…)`.
    pub cluster_by: Vec<Ident>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
/// RANGE or LIST partitioning.
pub enum PartitionKind {
    /// `RANGE`.
    Range,
    /// `LIST`.
    List,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `PARTITION BY …`.
pub struct PartitionDesc {
    /// `AUTO PARTITION`.
    pub auto: bool,
    /// RANGE or LIST.
    pub kind: Option<PartitionKind>,
    /// The partition expressions.
    pub exprs: Vec<ExprNode>,
    /// The partitions.
    pub partitions: Vec<PartitionDef>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// One partition.
pub struct PartitionDef {
    /// Its bound.
    pub bound: PartitionBound,
    /// The `PROPERTIES (…)` list.
    pub properties: Option<PropertyList>,
}

impl PartitionDef {
    /// The partition's name; step definitions create partitions whose names Doris
    /// derives later.
    pub fn name(&self) -> Option<&Ident> {
        match &self.bound {
            PartitionBound::LessThan { name, .. }
            | PartitionBound::FixedRange { name, .. }
            | PartitionBound::In { name, .. } => Some(name),
            PartitionBound::Step { .. } => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// A partition's bound.
pub enum PartitionBound {
    /// `PARTITION [IF NOT EXISTS] p VALUES LESS THAN (MAXVALUE | (v, …))`
    LessThan {
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// The partition name.
        name: Ident,
        /// `None` for a bare `MAXVALUE`.
        values: Option<Vec<PartValue>>,
    },
    /// `PARTITION p VALUES [(lower), (upper))`
    FixedRange {
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// The partition name.
        name: Ident,
        /// The lower bound.
        lower: Vec<PartValue>,
        /// The upper bound (exclusive).
        upper: Vec<PartValue>,
    },
    /// `FROM (…) TO (…) INTERVAL n [unit]`
    Step {
        /// The first value.
        from: Vec<PartValue>,
        /// The last value.
        to: Vec<PartValue>,
        /// The step.
        interval: String,
        /// The step's time unit.
        unit: Option<String>,
    },
    /// `PARTITION p [VALUES IN ((…), …) | VALUES IN (…)]`
    In {
        /// `IF NOT EXISTS`.
        if_not_exists: bool,
        /// The partition name.
        name: Ident,
        /// The values.
        values: Option<Vec<Vec<PartValue>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// A partition value.
pub enum PartValue {
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// `MAXVALUE`.
    MaxValue,
    /// `NULL`.
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `DISTRIBUTED BY …`.
pub struct DistributionDesc {
    /// HASH or RANDOM.
    pub kind: Distribution,
    /// The buckets, when written.
    pub buckets: Option<Buckets>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// HASH or RANDOM.
pub enum Distribution {
    /// `HASH(…)` of these columns.
    Hash(Vec<Ident>),
    /// `RANDOM`.
    Random,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// The bucket count.
pub enum Buckets {
    /// A number of buckets.
    Count(u32),
    /// `AUTO`.
    Auto,
}

/// `ROLLUP (name (cols) [PROPERTIES (…)], …)`: accepted and kept, not interpreted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollupDef {
    /// The rollup name.
    pub name: Ident,
    /// Its columns.
    pub columns: Vec<Ident>,
    /// Its `DUPLICATE KEY`.
    pub duplicate_keys: Vec<Ident>,
    /// The `PROPERTIES (…)` list.
    pub properties: Option<PropertyList>,
}

/// The kind of a `CREATE … FUNCTION`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionKind {
    /// A scalar function (the default).
    Scalar,
    /// `AGGREGATE`.
    Aggregate,
    /// `TABLES` (table-generating).
    Tables,
    /// `ALIAS`: an expression under a name.
    Alias,
}

/// `CREATE [GLOBAL] [AGGREGATE|TABLES|ALIAS] FUNCTION [IF NOT EXISTS] [db.]name(types)
/// RETURNS type [INTERMEDIATE type] [PROPERTIES (…)]`, or an alias's
/// `WITH PARAMETER (…) AS expr`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateFunction {
    /// `GLOBAL`: visible in every database.
    pub global: bool,
    /// Scalar, aggregate, table-generating or alias.
    pub kind: FunctionKind,
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// The function's name.
    pub name: QualifiedName,
    /// The argument types, as written.
    pub arg_types: Vec<String>,
    /// A last `...`: any number of further arguments.
    pub variadic: bool,
    /// `RETURNS type` (empty for an alias).
    pub returns: String,
    /// `INTERMEDIATE type` of an aggregate.
    pub intermediate: Option<String>,
    /// An alias's parameters and expression.
    pub alias: Option<(Vec<Ident>, ExprNode)>,
    /// `PROPERTIES (…)` (`"type"`, `"file"`, `"symbol"`, …; not checked offline).
    pub properties: Option<PropertyList>,
    /// Where it is written.
    pub span: Span,
}

/// `DROP [GLOBAL] FUNCTION [IF EXISTS] [db.]name(types)`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropFunction {
    /// `GLOBAL`.
    pub global: bool,
    /// `IF EXISTS`.
    pub if_exists: bool,
    /// The function's name.
    pub name: QualifiedName,
    /// The argument types, as written.
    pub arg_types: Vec<String>,
    /// A last `...`.
    pub variadic: bool,
    /// Where it is written.
    pub span: Span,
}

/// `CREATE ENCRYPTKEY [IF NOT EXISTS] [db.]name AS "key"`. The key is a secret: its
/// Debug, JSON and Display forms mask it.
#[derive(Clone, PartialEq, Eq)]
pub struct CreateEncryptKey {
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// The key's name.
    pub name: QualifiedName,
    /// The key material.
    pub key: StringLit,
    /// Where it is written.
    pub span: Span,
}

impl std::fmt::Debug for CreateEncryptKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateEncryptKey")
            .field("if_not_exists", &self.if_not_exists)
            .field("name", &self.name)
            .field("key", &crate::keys::secrets::MASK)
            .field("span", &self.span)
            .finish()
    }
}

impl Serialize for CreateEncryptKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CreateEncryptKey", 4)?;
        st.serialize_field("if_not_exists", &self.if_not_exists)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("key", crate::keys::secrets::MASK)?;
        st.serialize_field("span", &self.span)?;
        st.end()
    }
}

/// `DROP ENCRYPTKEY [IF EXISTS] [db.]name`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropEncryptKey {
    /// `IF EXISTS`.
    pub if_exists: bool,
    /// The key's name.
    pub name: QualifiedName,
    /// Where it is written.
    pub span: Span,
}
