//! Routine-load statements.

use super::{ExprNode, Ident, PropertyList, QualifiedName, Span, StringLit};
use serde::Serialize;

/// `CREATE ROUTINE LOAD [db.]job [ON tbl] [WITH type] [load_property, …]
/// [PROPERTIES (…)] FROM type (…) [COMMENT '…']`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateRoutineLoad {
    /// The job name.
    pub name: QualifiedName,
    /// The target table; `None` makes a multi-table job.
    pub table: Option<Ident>,
    /// `WITH APPEND|DELETE|MERGE` as written; `None` when `WITH` was not written (the
    /// implicit APPEND, which flexible partial update allows and an explicit WITH not).
    pub merge_type: Option<MergeTypeClause>,
    /// The load clauses, in order.
    pub load_properties: Vec<LoadProperty>,
    /// The job properties.
    pub properties: Option<PropertyList>,
    /// The data source.
    pub source: DataSource,
    /// The `COMMENT`.
    pub comment: Option<StringLit>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
/// How loaded rows are applied.
pub enum MergeType {
    /// `APPEND`: rows are added.
    Append,
    /// `DELETE`: every row deletes its key.
    Delete,
    /// `MERGE`: rows matching DELETE ON delete their key.
    Merge,
}

impl MergeType {
    /// The name as written.
    pub fn as_str(self) -> &'static str {
        match self {
            MergeType::Append => "APPEND",
            MergeType::Delete => "DELETE",
            MergeType::Merge => "MERGE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `WITH APPEND|DELETE|MERGE`.
pub struct MergeTypeClause {
    /// The merge type.
    pub merge_type: MergeType,
    /// Where it is written.
    pub span: Span,
}

/// `FROM type (…)`: the source type as written, and its property list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataSource {
    /// The source type as written (`KAFKA`).
    pub source_type: Ident,
    /// The source's property list.
    pub properties: PropertyList,
}

/// One load property clause. Clauses may come in any order and may repeat; the
/// analyzer reports repeats (L5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "clause", rename_all = "snake_case")]
pub enum LoadProperty {
    /// `COLUMNS TERMINATED BY '<raw>'`: the literal is kept raw (no backslash
    /// decoding), because the separator conversion does its own escape handling.
    ColumnSeparator {
        /// The separator as written.
        raw: String,
        /// Where the clause is written.
        span: Span,
    },
    /// `COLUMNS (item, …)`
    Columns {
        /// The items.
        items: Vec<ColumnItem>,
        /// Where the clause is written.
        span: Span,
    },
    /// `PRECEDING FILTER expr`
    PrecedingFilter {
        /// The predicate.
        expr: ExprNode,
        /// Where the clause is written.
        span: Span,
    },
    /// `WHERE expr`
    Where {
        /// The predicate.
        expr: ExprNode,
        /// Where the clause is written.
        span: Span,
    },
    /// `DELETE ON expr`
    DeleteOn {
        /// The predicate.
        expr: ExprNode,
        /// Where the clause is written.
        span: Span,
    },
    /// `ORDER BY column`: the sequence column.
    OrderBy {
        /// The sequence column.
        column: Ident,
        /// Where the clause is written.
        span: Span,
    },
    /// `[TEMPORARY] PARTITION(S) (p, …)`, `[TEMPORARY] PARTITION p`, `PARTITION(*)`
    Partitions {
        /// `TEMPORARY`.
        temporary: bool,
        /// The partitions.
        names: PartitionNames,
        /// Where it is written.
        span: Span,
    },
}

impl LoadProperty {
    /// Where the clause is written.
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
/// The partitions of a PARTITION clause.
pub enum PartitionNames {
    /// Named partitions.
    Names(Vec<Ident>),
    /// `PARTITION(*)`: parses, but has no routine-load meaning (C2 rejects it).
    Star,
}

/// An item of `COLUMNS (…)`: a column, or `column = expression`. A column named as a
/// secret key (`password = '…'`) has its expression masked in Display, Debug and JSON.
#[derive(Clone, PartialEq, Eq)]
pub struct ColumnItem {
    /// The column.
    pub name: Ident,
    /// Its expression, for `column = expression`.
    pub expr: Option<ExprNode>,
}

impl ColumnItem {
    /// Whether the column's name marks its expression as a secret.
    pub fn is_secret(&self) -> bool {
        if self.name.quoted {
            crate::keys::secrets::is_secret_key(&self.name.value)
        } else {
            crate::keys::secrets::is_secret_word(&self.name.value)
        }
    }

    /// The expression as it may be shown.
    fn shown_expr(&self) -> Option<String> {
        self.expr.as_ref().map(|e| {
            if self.is_secret() {
                crate::keys::secrets::MASK.to_string()
            } else {
                e.to_string()
            }
        })
    }
}

impl std::fmt::Debug for ColumnItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColumnItem")
            .field("name", &self.name)
            .field("expr", &self.shown_expr())
            .finish()
    }
}

impl Serialize for ColumnItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ColumnItem", 2)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("expr", &self.shown_expr())?;
        st.end()
    }
}

/// `ALTER ROUTINE LOAD FOR [db.]job …`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlterRoutineLoad {
    /// The job.
    pub name: QualifiedName,
    /// What the ALTER changes.
    pub action: AlterAction,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
/// What an ALTER changes.
pub enum AlterAction {
    /// `ON tbl`: retarget a single-table job (Doris 4.1's interim form).
    Table {
        /// Where `ON` is written.
        on: Span,
        /// The new target table.
        table: Ident,
    },
    /// `SET TARGET TABLE = "tbl" [PROPERTIES (…)] [FROM type (…)]` (Doris master).
    TargetTable {
        /// Where `SET` is written.
        set: Span,
        /// The new target table: a string, not an identifier.
        table: StringLit,
        /// The job properties.
        properties: Option<PropertyList>,
        /// The data source properties.
        source: Option<DataSource>,
    },
    /// `[load_property, …] [PROPERTIES (…)] [FROM type (…)]` (each part optional).
    Properties {
        /// The load clauses.
        load_properties: Vec<LoadProperty>,
        /// The job properties.
        properties: Option<PropertyList>,
        /// The data source properties.
        source: Option<DataSource>,
    },
}

/// `FOR [db.]job` or `ALL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobTarget {
    /// One job.
    Job(QualifiedName),
    /// Every job of the current database.
    All {
        /// Where `ALL` is written.
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `PAUSE ROUTINE LOAD FOR job` or `PAUSE ALL ROUTINE LOAD`.
pub struct PauseRoutineLoad {
    /// The job(s).
    pub target: JobTarget,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `RESUME ROUTINE LOAD FOR job` or `RESUME ALL ROUTINE LOAD`.
pub struct ResumeRoutineLoad {
    /// The job(s).
    pub target: JobTarget,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// `STOP ROUTINE LOAD FOR job`.
pub struct StopRoutineLoad {
    /// The job.
    pub name: QualifiedName,
    /// Where it is written.
    pub span: Span,
}

/// `SHOW [ALL] ROUTINE LOAD [FOR job | LIKE 'pattern'] [ORDER BY …] [LIMIT …]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowRoutineLoad {
    /// `ALL`: stopped and cancelled jobs too.
    pub all: bool,
    /// `FOR job` or `LIKE 'pattern'`.
    pub filter: Option<ShowFilter>,
    /// `ORDER BY column [ASC|DESC], …` (Doris master).
    pub order_by: Option<ShowOrderBy>,
    /// `LIMIT [offset,] count` or `LIMIT count OFFSET offset` (Doris master).
    pub limit: Option<ShowLimit>,
    /// Where it is written.
    pub span: Span,
}

/// `ORDER BY column [ASC|DESC], …` of a SHOW.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowOrderBy {
    /// Where `ORDER` is written.
    pub keyword: Span,
    /// The columns, each ascending unless `DESC`.
    pub keys: Vec<OrderKey>,
}

/// One column of an `ORDER BY`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderKey {
    /// The SHOW column.
    pub column: Ident,
    /// `DESC`.
    pub descending: bool,
}

/// `LIMIT` of a SHOW: skip `offset` rows, then show at most `count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowLimit {
    /// Where `LIMIT` is written.
    pub keyword: Span,
    /// Rows skipped (`LIMIT offset, count` or `OFFSET offset`), when written.
    pub offset: Option<u64>,
    /// Whether the offset is written with `OFFSET` rather than before a comma.
    pub offset_keyword: bool,
    /// Rows shown.
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// Which jobs SHOW ROUTINE LOAD lists.
pub enum ShowFilter {
    /// `FOR [db.]job`.
    Job(QualifiedName),
    /// `LIKE 'pattern'`.
    Like(StringLit),
}

/// `SHOW ROUTINE LOAD TASK (FOR job | [FROM|IN db] [LIKE '…' | WHERE expr])`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowRoutineLoadTask {
    /// `FROM|IN db`.
    pub db: Option<Ident>,
    /// `LIKE` or `WHERE`.
    pub filter: Option<TaskFilter>,
    /// Where it is written.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// Which tasks SHOW ROUTINE LOAD TASK lists.
pub enum TaskFilter {
    /// `FOR [db.]job` (Doris master).
    Job {
        /// Where `FOR` is written.
        keyword: Span,
        /// The job.
        name: QualifiedName,
    },
    /// `LIKE 'pattern'`.
    Like(StringLit),
    /// `WHERE expression`.
    Where(Box<ExprNode>),
}

/// `SHOW [ALL] CREATE ROUTINE LOAD FOR [db.]job`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowCreateRoutineLoad {
    /// `ALL`: stopped jobs too.
    pub all: bool,
    /// The job.
    pub name: QualifiedName,
    /// Where it is written.
    pub span: Span,
}

/// `EXPLAIN CREATE ROUTINE LOAD …`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explain {
    /// The CREATE ROUTINE LOAD to plan.
    pub statement: Box<CreateRoutineLoad>,
    /// Where it is written.
    pub span: Span,
}
