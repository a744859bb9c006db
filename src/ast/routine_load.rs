//! Routine-load statements (§1.1 of the Doris spec).

use super::{ExprNode, Ident, PropertyList, QualifiedName, Span, StringLit};
use serde::Serialize;

/// `CREATE ROUTINE LOAD [db.]job [ON tbl] [WITH type] [load_property, …]
/// [PROPERTIES (…)] FROM type (…) [COMMENT '…']`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateRoutineLoad {
    pub name: QualifiedName,
    /// The target table; `None` makes a multi-table job.
    pub table: Option<Ident>,
    /// `WITH APPEND|DELETE|MERGE` as written; `None` when `WITH` was not written (the
    /// implicit APPEND, which flexible partial update allows and an explicit WITH not).
    pub merge_type: Option<MergeTypeClause>,
    pub load_properties: Vec<LoadProperty>,
    pub properties: Option<PropertyList>,
    pub source: DataSource,
    pub comment: Option<StringLit>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MergeType {
    Append,
    Delete,
    Merge,
}

impl MergeType {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeType::Append => "APPEND",
            MergeType::Delete => "DELETE",
            MergeType::Merge => "MERGE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeTypeClause {
    pub merge_type: MergeType,
    pub span: Span,
}

/// `FROM type (…)`: the source type as written, and its property list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataSource {
    pub source_type: Ident,
    pub properties: PropertyList,
}

/// One load property clause (§3.4). Clauses may come in any order and may repeat; the
/// analyzer reports repeats (L5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "clause", rename_all = "snake_case")]
pub enum LoadProperty {
    /// `COLUMNS TERMINATED BY '<raw>'`: the literal is kept raw (no backslash
    /// decoding), because the separator conversion does its own escape handling.
    ColumnSeparator { raw: String, span: Span },
    /// `COLUMNS (item, …)`
    Columns { items: Vec<ColumnItem>, span: Span },
    /// `PRECEDING FILTER expr`
    PrecedingFilter { expr: ExprNode, span: Span },
    /// `WHERE expr`
    Where { expr: ExprNode, span: Span },
    /// `DELETE ON expr`
    DeleteOn { expr: ExprNode, span: Span },
    /// `ORDER BY column`: the sequence column.
    OrderBy { column: Ident, span: Span },
    /// `[TEMPORARY] PARTITION(S) (p, …)`, `[TEMPORARY] PARTITION p`, `PARTITION(*)`
    Partitions {
        temporary: bool,
        names: PartitionNames,
        span: Span,
    },
}

impl LoadProperty {
    pub fn span(&self) -> Span {
        match self {
            LoadProperty::ColumnSeparator { span, .. }
            | LoadProperty::Columns { span, .. }
            | LoadProperty::PrecedingFilter { span, .. }
            | LoadProperty::Where { span, .. }
            | LoadProperty::DeleteOn { span, .. }
            | LoadProperty::OrderBy { span, .. }
            | LoadProperty::Partitions { span, .. } => *span,
        }
    }

    /// The clause name used in messages.
    pub fn clause_name(&self) -> &'static str {
        match self {
            LoadProperty::ColumnSeparator { .. } => "COLUMNS TERMINATED BY",
            LoadProperty::Columns { .. } => "COLUMNS",
            LoadProperty::PrecedingFilter { .. } => "PRECEDING FILTER",
            LoadProperty::Where { .. } => "WHERE",
            LoadProperty::DeleteOn { .. } => "DELETE ON",
            LoadProperty::OrderBy { .. } => "ORDER BY",
            LoadProperty::Partitions { .. } => "PARTITION",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartitionNames {
    Names(Vec<Ident>),
    /// `PARTITION(*)`: parses, but has no routine-load meaning (Q33).
    Star,
}

/// An item of `COLUMNS (…)`: a column, or `column = expression`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnItem {
    pub name: Ident,
    pub expr: Option<ExprNode>,
}

/// `ALTER ROUTINE LOAD FOR [db.]job …`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlterRoutineLoad {
    pub name: QualifiedName,
    pub action: AlterAction,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum AlterAction {
    /// `ON tbl`: retarget a single-table job.
    Table { table: Ident },
    /// `[load_property, …] [PROPERTIES (…)] [FROM type (…)]` (each part optional).
    Properties {
        load_properties: Vec<LoadProperty>,
        properties: Option<PropertyList>,
        source: Option<DataSource>,
    },
}

/// `FOR [db.]job` or `ALL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobTarget {
    Job(QualifiedName),
    All { span: Span },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PauseRoutineLoad {
    pub target: JobTarget,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResumeRoutineLoad {
    pub target: JobTarget,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopRoutineLoad {
    pub name: QualifiedName,
    pub span: Span,
}

/// `SHOW [ALL] ROUTINE LOAD [FOR job | LIKE 'pattern']`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowRoutineLoad {
    pub all: bool,
    pub filter: Option<ShowFilter>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowFilter {
    Job(QualifiedName),
    Like(StringLit),
}

/// `SHOW ROUTINE LOAD TASK [FROM|IN db] [LIKE '…' | WHERE expr]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowRoutineLoadTask {
    pub db: Option<Ident>,
    pub filter: Option<TaskFilter>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskFilter {
    Like(StringLit),
    Where(Box<ExprNode>),
}

/// `SHOW [ALL] CREATE ROUTINE LOAD FOR [db.]job`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowCreateRoutineLoad {
    pub all: bool,
    pub name: QualifiedName,
    pub span: Span,
}

/// `EXPLAIN CREATE ROUTINE LOAD …`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explain {
    pub statement: Box<CreateRoutineLoad>,
    pub span: Span,
}
