//! The catalog DDL subset (§1.2 of the Doris spec): databases, tables, files.

use super::{ExprNode, Ident, PropertyList, QualifiedName, Span, StringLit};
use serde::Serialize;

/// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name [PROPERTIES (…)]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateDatabase {
    pub if_not_exists: bool,
    pub name: Ident,
    pub properties: Option<PropertyList>,
    pub span: Span,
}

/// `USE [catalog.]db`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Use {
    pub catalog: Option<Ident>,
    pub database: Ident,
    pub span: Span,
}

/// `DROP DATABASE|SCHEMA [IF EXISTS] name [FORCE]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropDatabase {
    pub if_exists: bool,
    pub name: Ident,
    pub force: bool,
    pub span: Span,
}

/// `DROP TABLE [IF EXISTS] [db.]tbl [FORCE]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropTable {
    pub if_exists: bool,
    pub name: QualifiedName,
    pub force: bool,
    pub span: Span,
}

/// `CREATE FILE 'name' [IN|FROM db] PROPERTIES (…)`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateFile {
    pub name: StringLit,
    pub database: Option<Ident>,
    pub properties: PropertyList,
    pub span: Span,
}

/// `DROP FILE 'name' [FROM|IN db] PROPERTIES (…)`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropFile {
    pub name: StringLit,
    pub database: Option<Ident>,
    pub properties: PropertyList,
    pub span: Span,
}

/// `SHOW FILE [FROM|IN db]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowFile {
    pub database: Option<Ident>,
    pub span: Span,
}

/// Doris `CREATE TABLE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateTable {
    pub temporary: bool,
    pub external: bool,
    pub if_not_exists: bool,
    pub name: QualifiedName,
    pub columns: Vec<ColumnDef>,
    pub indexes: Vec<IndexDef>,
    pub engine: Option<Ident>,
    pub keys: Option<KeyDesc>,
    pub comment: Option<StringLit>,
    pub partition: Option<PartitionDesc>,
    pub distribution: Option<DistributionDesc>,
    pub rollups: Vec<RollupDef>,
    pub properties: Option<PropertyList>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnDef {
    pub name: Ident,
    pub data_type: DataType,
    pub key: bool,
    pub aggregation: Option<AggType>,
    /// `[GENERATED ALWAYS] AS (expr)`
    pub generated: Option<ExprNode>,
    /// `Some(true)` for `NULL`, `Some(false)` for `NOT NULL`, `None` when unsaid.
    pub nullable: Option<bool>,
    /// `AUTO_INCREMENT[(start)]`
    pub auto_increment: Option<Option<i64>>,
    pub default: Option<DefaultValue>,
    /// `ON UPDATE CURRENT_TIMESTAMP[(precision)]`
    pub on_update: Option<Option<u32>>,
    pub comment: Option<StringLit>,
    pub span: Span,
}

/// A column type. Names are kept upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataType {
    /// A primitive type with optional parameters: `DECIMAL(27, 9)`, `VARCHAR(*)`.
    Primitive {
        name: String,
        params: Vec<String>,
    },
    Array(Box<DataType>),
    Map(Box<DataType>, Box<DataType>),
    Struct(Vec<StructField>),
    /// `VARIANT<…>`: the schema template between the angle brackets, re-rendered from
    /// its tokens (accepted, not interpreted).
    Variant(Option<String>),
}

impl DataType {
    pub fn is_variant(&self) -> bool {
        matches!(self, DataType::Variant(_))
            || matches!(self, DataType::Primitive { name, .. } if name == "VARIANT")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StructField {
    pub name: Ident,
    pub data_type: DataType,
    pub comment: Option<StringLit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AggType {
    Max,
    Min,
    Sum,
    Replace,
    ReplaceIfNotNull,
    HllUnion,
    BitmapUnion,
    QuantileUnion,
    Generic,
}

impl AggType {
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
pub enum DefaultValue {
    Null,
    /// A number as written, sign included.
    Number(String),
    String(String),
    /// A keyword value: `PI`, `E`, `BITMAP_EMPTY`, `CURRENT_DATE`.
    Keyword(String),
    CurrentTimestamp(Option<u32>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexDef {
    pub if_not_exists: bool,
    pub name: Ident,
    pub columns: Vec<Ident>,
    pub using: Option<String>,
    pub properties: Option<PropertyList>,
    pub comment: Option<StringLit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum KeysType {
    Duplicate,
    Unique,
    Aggregate,
}

impl KeysType {
    pub fn as_str(self) -> &'static str {
        match self {
            KeysType::Duplicate => "DUPLICATE",
            KeysType::Unique => "UNIQUE",
            KeysType::Aggregate => "AGGREGATE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyDesc {
    pub keys_type: KeysType,
    pub columns: Vec<Ident>,
    pub cluster_by: Vec<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum PartitionKind {
    Range,
    List,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionDesc {
    pub auto: bool,
    pub kind: Option<PartitionKind>,
    pub exprs: Vec<ExprNode>,
    pub partitions: Vec<PartitionDef>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionDef {
    pub bound: PartitionBound,
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
pub enum PartitionBound {
    /// `PARTITION [IF NOT EXISTS] p VALUES LESS THAN (MAXVALUE | (v, …))`
    LessThan {
        if_not_exists: bool,
        name: Ident,
        /// `None` for a bare `MAXVALUE`.
        values: Option<Vec<PartValue>>,
    },
    /// `PARTITION p VALUES [(lower), (upper))`
    FixedRange {
        if_not_exists: bool,
        name: Ident,
        lower: Vec<PartValue>,
        upper: Vec<PartValue>,
    },
    /// `FROM (…) TO (…) INTERVAL n [unit]`
    Step {
        from: Vec<PartValue>,
        to: Vec<PartValue>,
        interval: String,
        unit: Option<String>,
    },
    /// `PARTITION p [VALUES IN ((…), …) | VALUES IN (…)]`
    In {
        if_not_exists: bool,
        name: Ident,
        values: Option<Vec<Vec<PartValue>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartValue {
    Number(String),
    String(String),
    MaxValue,
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistributionDesc {
    pub kind: Distribution,
    pub buckets: Option<Buckets>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    Hash(Vec<Ident>),
    Random,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Buckets {
    Count(u32),
    Auto,
}

/// `ROLLUP (name (cols) [PROPERTIES (…)], …)`: accepted and kept, not interpreted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollupDef {
    pub name: Ident,
    pub columns: Vec<Ident>,
    pub duplicate_keys: Vec<Ident>,
    pub properties: Option<PropertyList>,
}
