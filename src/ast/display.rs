//! Canonical SQL for every AST node. The output parses back to an equal AST (a
//! property test checks this over generated statements and the test corpus).

use super::*;
use std::fmt::{self, Display, Formatter, Write};

/// Words that must be backquoted when used as names: Doris's reserved words,
/// plus words that open a clause where a name may stand (`INDEX` in a column list).
pub(crate) const RESERVED: &[&str] = &[
    "ALL",
    "ALTER",
    "AND",
    "APPEND",
    "AS",
    "AUTO",
    "BETWEEN",
    "BY",
    "CREATE",
    "DATABASE",
    "DELETE",
    "DISTRIBUTED",
    "DUPLICATE",
    "FALSE",
    "FOR",
    "FROM",
    "IF",
    "IN",
    "INTERVAL",
    "IS",
    "KEY",
    "KEYS",
    "LIKE",
    "LIST",
    "LOAD",
    "MAXVALUE",
    "NOT",
    "NULL",
    "ON",
    "OR",
    "ORDER",
    "PARTITION",
    "PRECEDING",
    "RANGE",
    "SHOW",
    "TABLE",
    "TERMINATED",
    "TRUE",
    "UNIQUE",
    "USE",
    "VALUES",
    "WHERE",
    "WITH",
];

/// Extra words quoted on output only, because a clause may start with them where a
/// name could also stand.
const QUOTE_ON_OUTPUT: &[&str] = &["INDEX", "TEMPORARY", "PARTITIONS", "COLUMNS", "ROLLUP"];

pub(crate) fn is_reserved(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(RESERVED)).contains(word)
}

fn quoted_on_output(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(QUOTE_ON_OUTPUT))
        .contains(word)
}

/// Upper-case ASCII words, looked up ignoring ASCII case. Most names share no first
/// letter and length with any of them and are ruled out by one bit of a table; the few
/// others are compared with the words.
struct WordSet {
    /// For each first letter (`A`..`Z`, then anything else), bit `n` for each length `n`
    /// (all under 16, a test checks).
    starts: [u16; 27],
    words: &'static [&'static str],
}

impl WordSet {
    fn new(words: &'static [&'static str]) -> WordSet {
        let mut starts = [0u16; 27];
        for w in words {
            let bit = u32::try_from(w.len())
                .ok()
                .and_then(|n| 1u16.checked_shl(n));
            if let (Some(slot), Some(bit)) = (
                w.bytes().next().and_then(|b| starts.get_mut(letter(b))),
                bit,
            ) {
                *slot |= bit;
            }
        }
        WordSet { starts, words }
    }

    fn contains(&self, word: &str) -> bool {
        let Some(first) = word.bytes().next() else {
            return false;
        };
        let fits = u32::try_from(word.len())
            .ok()
            .zip(self.starts.get(letter(first)))
            .and_then(|(n, mask)| mask.checked_shr(n))
            .is_some_and(|bits| bits & 1 == 1);
        fits && self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// A first byte's row in [`WordSet::starts`]: its letter, or 26.
fn letter(b: u8) -> usize {
    let upper = b.to_ascii_uppercase();
    if upper.is_ascii_uppercase() {
        usize::from(upper - b'A')
    } else {
        26
    }
}

fn needs_quotes(name: &str) -> bool {
    let mut chars = name.chars();
    let plain = match chars.next() {
        None => false,
        Some(c) => {
            (c.is_ascii_alphabetic() || c == '_' || c == '$' || !c.is_ascii())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || !c.is_ascii())
        }
    };
    !plain || is_reserved(name) || quoted_on_output(name)
}

/// Writes a name, backquoted when it could not be read back as a bare identifier.
pub fn write_name(f: &mut impl Write, name: &str) -> fmt::Result {
    if needs_quotes(name) {
        f.write_char('`')?;
        f.write_str(&name.replace('`', "``"))?;
        f.write_char('`')
    } else {
        f.write_str(name)
    }
}

/// A string literal in double quotes, escaped so that Doris's decoding gives
/// back `value`.
pub fn quote_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{1a}' => out.push_str("\\Z"),
            '\u{8}' => out.push_str("\\b"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The raw text of `COLUMNS TERMINATED BY`, in quotes it cannot contain unescaped.
fn quote_raw(raw: &str) -> String {
    let mut prev_backslash = false;
    let mut has_bare_double = false;
    for c in raw.chars() {
        if c == '"' && !prev_backslash {
            has_bare_double = true;
        }
        prev_backslash = c == '\\' && !prev_backslash;
    }
    let q = if has_bare_double { '\'' } else { '"' };
    format!("{q}{raw}{q}")
}

impl Display for Ident {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_name(f, &self.value)
    }
}

impl Display for StringLit {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&quote_string(&self.value))
    }
}

impl Display for QualifiedName {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(db) = &self.db {
            write!(f, "{db}.")?;
        }
        write!(f, "{}", self.name)
    }
}

/// Secret values are masked unless the alternate flag (`{:#}`) asks to reveal them.
impl Display for Property {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let value = if !f.alternate() && crate::keys::secrets::is_secret_key(&self.key.text) {
            crate::keys::secrets::MASK
        } else {
            &self.value.text
        };
        write!(
            f,
            "{} = {}",
            quote_string(&self.key.text),
            quote_string(value)
        )
    }
}

impl Display for PropertyList {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        comma_separated(f, &self.entries)?;
        f.write_char(')')
    }
}

/// sqlparser renders string literals without escaping backslashes (nor the quotes of a
/// double-quoted literal), but Doris decodes them; such literals are re-escaped
/// so the text reads back the same.
/// A value written right after a secret key (`"password" = '…'` in a condition) is
/// masked here as everywhere.
impl Display for ExprNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let text = match &self.display {
            Some(escaped) => escaped.to_string(),
            None => self.expr.to_string(),
        };
        f.write_str(&crate::keys::masking::mask_sql(&text))
    }
}

impl fmt::Debug for ExprNode {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExprNode")
            .field("expr", &self.to_string())
            .field("span", &self.span)
            .finish()
    }
}

/// Whether the expression has a string literal that sqlparser would write in a form
/// Doris reads differently.
pub(crate) fn needs_reescape(expr: &sqlparser::ast::Expr) -> bool {
    let found = sqlparser::ast::visit_expressions(expr, |e| {
        if let sqlparser::ast::Expr::Value(v) = e {
            use sqlparser::ast::Value;
            let needs = match &v.value {
                Value::SingleQuotedString(s) => s.contains('\\'),
                Value::DoubleQuotedString(s) => s.contains('\\') || s.contains('"'),
                _ => false,
            };
            if needs {
                return std::ops::ControlFlow::Break(());
            }
        }
        std::ops::ControlFlow::Continue(())
    });
    found.is_break()
}

/// ` PROPERTIES (…)` when there is a list (formatter flags kept: `{:#}` reveals).
fn write_properties_clause(f: &mut Formatter<'_>, props: &Option<PropertyList>) -> fmt::Result {
    if let Some(p) = props {
        f.write_str(" PROPERTIES ")?;
        p.fmt(f)?;
    }
    Ok(())
}

fn comma_separated<T: Display>(f: &mut Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        // `fmt` (not `write!`) keeps the formatter's flags: `{:#}` reveals secrets.
        item.fmt(f)?;
    }
    Ok(())
}

impl Display for LoadProperty {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            LoadProperty::ColumnSeparator { raw, .. } => {
                write!(f, "COLUMNS TERMINATED BY {}", quote_raw(raw))
            }
            LoadProperty::Columns { items, .. } => {
                f.write_str("COLUMNS(")?;
                comma_separated(f, items)?;
                f.write_char(')')
            }
            LoadProperty::PrecedingFilter { expr, .. } => write!(f, "PRECEDING FILTER {expr}"),
            LoadProperty::Where { expr, .. } => write!(f, "WHERE {expr}"),
            LoadProperty::DeleteOn { expr, .. } => write!(f, "DELETE ON {expr}"),
            LoadProperty::OrderBy { column, .. } => write!(f, "ORDER BY {column}"),
            LoadProperty::Partitions {
                temporary, names, ..
            } => {
                if *temporary {
                    f.write_str("TEMPORARY ")?;
                }
                f.write_str("PARTITION(")?;
                match names {
                    PartitionNames::Star => f.write_char('*')?,
                    PartitionNames::Names(names) => comma_separated(f, names)?,
                }
                f.write_char(')')
            }
        }
    }
}

impl Display for ColumnItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        match &self.expr {
            Some(_) if self.is_secret() => write!(f, " = {}", crate::keys::secrets::MASK),
            Some(expr) => write!(f, " = {expr}"),
            None => Ok(()),
        }
    }
}

impl Display for DataSource {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "FROM {} ", self.source_type)?;
        self.properties.fmt(f)
    }
}

fn write_load_clauses(
    f: &mut Formatter<'_>,
    load_properties: &[LoadProperty],
    properties: &Option<PropertyList>,
) -> fmt::Result {
    for (i, lp) in load_properties.iter().enumerate() {
        f.write_str(if i == 0 { " " } else { ", " })?;
        write!(f, "{lp}")?;
    }
    if let Some(props) = properties {
        f.write_str(" PROPERTIES ")?;
        props.fmt(f)?;
    }
    Ok(())
}

impl Display for CreateRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "CREATE ROUTINE LOAD {}", self.name)?;
        if let Some(table) = &self.table {
            write!(f, " ON {table}")?;
        }
        if let Some(mt) = &self.merge_type {
            write!(f, " WITH {}", mt.merge_type.as_str())?;
        }
        write_load_clauses(f, &self.load_properties, &self.properties)?;
        f.write_char(' ')?;
        self.source.fmt(f)?;
        if let Some(c) = &self.comment {
            write!(f, " COMMENT {c}")?;
        }
        Ok(())
    }
}

impl Display for AlterRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "ALTER ROUTINE LOAD FOR {}", self.name)?;
        match &self.action {
            AlterAction::Table { table, .. } => write!(f, " ON {table}"),
            AlterAction::TargetTable {
                table,
                properties,
                source,
                ..
            } => {
                write!(f, " SET TARGET TABLE = {table}")?;
                write_load_clauses(f, &[], properties)?;
                if let Some(source) = source {
                    f.write_char(' ')?;
                    source.fmt(f)?;
                }
                Ok(())
            }
            AlterAction::Properties {
                load_properties,
                properties,
                source,
            } => {
                write_load_clauses(f, load_properties, properties)?;
                if let Some(source) = source {
                    f.write_char(' ')?;
                    source.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl Display for JobTarget {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            JobTarget::Job(name) => write!(f, "ROUTINE LOAD FOR {name}"),
            JobTarget::All { .. } => f.write_str("ALL ROUTINE LOAD"),
        }
    }
}

impl Display for PauseRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "PAUSE {}", self.target)
    }
}

impl Display for ResumeRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "RESUME {}", self.target)
    }
}

impl Display for StopRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "STOP ROUTINE LOAD FOR {}", self.name)
    }
}

impl Display for ShowRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.all {
            "SHOW ALL ROUTINE LOAD"
        } else {
            "SHOW ROUTINE LOAD"
        })?;
        match &self.filter {
            Some(ShowFilter::Job(name)) => write!(f, " FOR {name}")?,
            Some(ShowFilter::Like(p)) => write!(f, " LIKE {p}")?,
            None => {}
        }
        if let Some(order) = &self.order_by {
            f.write_str(" ORDER BY ")?;
            for (i, k) in order.keys.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}{}", k.column, if k.descending { " DESC" } else { "" })?;
            }
        }
        if let Some(l) = &self.limit {
            match (l.offset, l.offset_keyword) {
                (Some(o), true) => write!(f, " LIMIT {} OFFSET {o}", l.count)?,
                (Some(o), false) => write!(f, " LIMIT {o}, {}", l.count)?,
                (None, _) => write!(f, " LIMIT {}", l.count)?,
            }
        }
        Ok(())
    }
}

impl Display for ShowRoutineLoadTask {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("SHOW ROUTINE LOAD TASK")?;
        if let Some(db) = &self.db {
            write!(f, " FROM {db}")?;
        }
        match &self.filter {
            Some(TaskFilter::Job { name, .. }) => write!(f, " FOR {name}"),
            Some(TaskFilter::Like(p)) => write!(f, " LIKE {p}"),
            Some(TaskFilter::Where(e)) => write!(f, " WHERE {e}"),
            None => Ok(()),
        }
    }
}

impl Display for ShowCreateRoutineLoad {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.all {
            "SHOW ALL CREATE ROUTINE LOAD"
        } else {
            "SHOW CREATE ROUTINE LOAD"
        })?;
        write!(f, " FOR {}", self.name)
    }
}

impl Display for Explain {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("EXPLAIN ")?;
        self.statement.fmt(f)
    }
}

impl Display for CreateDatabase {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("CREATE DATABASE ")?;
        if self.if_not_exists {
            f.write_str("IF NOT EXISTS ")?;
        }
        write!(f, "{}", self.name)?;
        write_properties_clause(f, &self.properties)?;
        Ok(())
    }
}

impl Display for Use {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("USE ")?;
        if let Some(c) = &self.catalog {
            write!(f, "{c}.")?;
        }
        write!(f, "{}", self.database)
    }
}

/// `DROP <what> [IF EXISTS] name [FORCE]`
fn write_drop(
    f: &mut Formatter<'_>,
    what: &str,
    if_exists: bool,
    name: &dyn Display,
    force: bool,
) -> fmt::Result {
    write!(f, "DROP {what} ")?;
    if if_exists {
        f.write_str("IF EXISTS ")?;
    }
    write!(f, "{name}")?;
    if force {
        f.write_str(" FORCE")?;
    }
    Ok(())
}

impl Display for DropDatabase {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_drop(f, "DATABASE", self.if_exists, &self.name, self.force)
    }
}

impl Display for DropTable {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_drop(f, "TABLE", self.if_exists, &self.name, self.force)
    }
}

/// `CREATE FILE` and `DROP FILE` differ only in the verb and the word before
/// the database (`IN` versus `FROM`).
fn write_file_statement(
    f: &mut Formatter<'_>,
    verb: &str,
    name: &impl Display,
    database_keyword: &str,
    database: Option<&impl Display>,
    properties: &impl Display,
) -> fmt::Result {
    write!(f, "{verb} FILE {name}")?;
    if let Some(db) = database {
        write!(f, " {database_keyword} {db}")?;
    }
    f.write_str(" PROPERTIES ")?;
    // Forward the formatter itself so `{:#}` (secrets revealed) carries through.
    properties.fmt(f)
}

fn write_signature(f: &mut Formatter<'_>, types: &[String], variadic: bool) -> fmt::Result {
    f.write_char('(')?;
    for (i, t) in types.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(t)?;
    }
    if variadic {
        f.write_str(if types.is_empty() { "..." } else { ", ..." })?;
    }
    f.write_char(')')
}

impl Display for CreateFunction {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("CREATE ")?;
        if self.global {
            f.write_str("GLOBAL ")?;
        }
        f.write_str(match self.kind {
            FunctionKind::Scalar => "",
            FunctionKind::Aggregate => "AGGREGATE ",
            FunctionKind::Tables => "TABLES ",
            FunctionKind::Alias => "ALIAS ",
        })?;
        f.write_str("FUNCTION ")?;
        if self.if_not_exists {
            f.write_str("IF NOT EXISTS ")?;
        }
        write!(f, "{}", self.name)?;
        write_signature(f, &self.arg_types, self.variadic)?;
        if let Some((params, expr)) = &self.alias {
            f.write_str(" WITH PARAMETER (")?;
            for (i, p) in params.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{p}")?;
            }
            write!(f, ") AS {expr}")?;
        } else {
            write!(f, " RETURNS {}", self.returns)?;
            if let Some(t) = &self.intermediate {
                write!(f, " INTERMEDIATE {t}")?;
            }
        }
        if let Some(p) = &self.properties {
            write!(f, " PROPERTIES {p}")?;
        }
        Ok(())
    }
}

impl Display for DropFunction {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("DROP ")?;
        if self.global {
            f.write_str("GLOBAL ")?;
        }
        f.write_str("FUNCTION ")?;
        if self.if_exists {
            f.write_str("IF EXISTS ")?;
        }
        write!(f, "{}", self.name)?;
        write_signature(f, &self.arg_types, self.variadic)
    }
}

/// The key is a secret: it is written masked.
impl Display for CreateEncryptKey {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("CREATE ENCRYPTKEY ")?;
        if self.if_not_exists {
            f.write_str("IF NOT EXISTS ")?;
        }
        write!(
            f,
            "{} AS {}",
            self.name,
            StringLit::new(crate::keys::secrets::MASK)
        )
    }
}

impl Display for DropEncryptKey {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("DROP ENCRYPTKEY ")?;
        if self.if_exists {
            f.write_str("IF EXISTS ")?;
        }
        write!(f, "{}", self.name)
    }
}

impl Display for CreateFile {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_file_statement(
            f,
            "CREATE",
            &self.name,
            "IN",
            self.database.as_ref(),
            &self.properties,
        )
    }
}

impl Display for DropFile {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_file_statement(
            f,
            "DROP",
            &self.name,
            "FROM",
            self.database.as_ref(),
            &self.properties,
        )
    }
}

impl Display for ShowFile {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("SHOW FILE")?;
        if let Some(db) = &self.database {
            write!(f, " FROM {db}")?;
        }
        Ok(())
    }
}

impl Display for DataType {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            DataType::Primitive { name, params } => {
                f.write_str(name)?;
                if !params.is_empty() {
                    write!(f, "({})", params.join(", "))?;
                }
                Ok(())
            }
            DataType::Array(t) => write!(f, "ARRAY<{t}>"),
            DataType::Map(k, v) => write!(f, "MAP<{k}, {v}>"),
            DataType::Struct(fields) => {
                f.write_str("STRUCT<")?;
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}: {}", field.name, field.data_type)?;
                    if let Some(c) = &field.comment {
                        write!(f, " COMMENT {c}")?;
                    }
                }
                f.write_char('>')
            }
            DataType::Variant(None) => f.write_str("VARIANT"),
            DataType::Variant(Some(inner)) => write!(f, "VARIANT<{inner}>"),
        }
    }
}

impl Display for DefaultValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            DefaultValue::Null => f.write_str("NULL"),
            DefaultValue::Number(n) => f.write_str(n),
            DefaultValue::String(s) => f.write_str(&quote_string(s)),
            DefaultValue::Keyword(k) => f.write_str(k),
            DefaultValue::CurrentTimestamp(None) => f.write_str("CURRENT_TIMESTAMP"),
            DefaultValue::CurrentTimestamp(Some(p)) => write!(f, "CURRENT_TIMESTAMP({p})"),
        }
    }
}

impl Display for ColumnDef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.name, self.data_type)?;
        if self.key {
            f.write_str(" KEY")?;
        }
        if let Some(agg) = self.aggregation {
            write!(f, " {}", agg.as_str())?;
        }
        if let Some(g) = &self.generated {
            write!(f, " AS ({g})")?;
        }
        match self.nullable {
            Some(true) => f.write_str(" NULL")?,
            Some(false) => f.write_str(" NOT NULL")?,
            None => {}
        }
        match self.auto_increment {
            Some(Some(n)) => write!(f, " AUTO_INCREMENT({n})")?,
            Some(None) => f.write_str(" AUTO_INCREMENT")?,
            None => {}
        }
        if let Some(d) = &self.default {
            write!(f, " DEFAULT {d}")?;
        }
        match self.on_update {
            Some(Some(p)) => write!(f, " ON UPDATE CURRENT_TIMESTAMP({p})")?,
            Some(None) => f.write_str(" ON UPDATE CURRENT_TIMESTAMP")?,
            None => {}
        }
        if let Some(c) = &self.comment {
            write!(f, " COMMENT {c}")?;
        }
        Ok(())
    }
}

impl Display for IndexDef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("INDEX ")?;
        if self.if_not_exists {
            f.write_str("IF NOT EXISTS ")?;
        }
        write!(f, "{} (", self.name)?;
        comma_separated(f, &self.columns)?;
        f.write_char(')')?;
        if let Some(u) = &self.using {
            write!(f, " USING {u}")?;
        }
        write_properties_clause(f, &self.properties)?;
        if let Some(c) = &self.comment {
            write!(f, " COMMENT {c}")?;
        }
        Ok(())
    }
}

impl Display for PartValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            PartValue::Number(n) => f.write_str(n),
            PartValue::String(s) => f.write_str(&quote_string(s)),
            PartValue::MaxValue => f.write_str("MAXVALUE"),
            PartValue::Null => f.write_str("NULL"),
        }
    }
}

struct ValueList<'a>(&'a [PartValue]);

impl Display for ValueList<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        comma_separated(f, self.0)?;
        f.write_char(')')
    }
}

fn write_if_not_exists(f: &mut Formatter<'_>, yes: bool) -> fmt::Result {
    if yes {
        f.write_str("IF NOT EXISTS ")?;
    }
    Ok(())
}

impl Display for PartitionDef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.bound {
            PartitionBound::LessThan {
                if_not_exists,
                name,
                values,
            } => {
                f.write_str("PARTITION ")?;
                write_if_not_exists(f, *if_not_exists)?;
                write!(f, "{name} VALUES LESS THAN ")?;
                match values {
                    None => f.write_str("MAXVALUE")?,
                    Some(v) => write!(f, "{}", ValueList(v))?,
                }
            }
            PartitionBound::FixedRange {
                if_not_exists,
                name,
                lower,
                upper,
            } => {
                f.write_str("PARTITION ")?;
                write_if_not_exists(f, *if_not_exists)?;
                write!(
                    f,
                    "{name} VALUES [{}, {})",
                    ValueList(lower),
                    ValueList(upper)
                )?;
            }
            PartitionBound::Step {
                from,
                to,
                interval,
                unit,
            } => {
                write!(
                    f,
                    "FROM {} TO {} INTERVAL {interval}",
                    ValueList(from),
                    ValueList(to)
                )?;
                if let Some(u) = unit {
                    write!(f, " {u}")?;
                }
            }
            PartitionBound::In {
                if_not_exists,
                name,
                values,
            } => {
                f.write_str("PARTITION ")?;
                write_if_not_exists(f, *if_not_exists)?;
                write!(f, "{name}")?;
                if let Some(lists) = values {
                    f.write_str(" VALUES IN (")?;
                    for (i, l) in lists.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{}", ValueList(l))?;
                    }
                    f.write_char(')')?;
                }
            }
        }
        if let Some(p) = &self.properties {
            f.write_char(' ')?;
            p.fmt(f)?;
        }
        Ok(())
    }
}

impl Display for PartitionDesc {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.auto {
            f.write_str("AUTO ")?;
        }
        f.write_str("PARTITION BY ")?;
        match self.kind {
            Some(PartitionKind::Range) => f.write_str("RANGE")?,
            Some(PartitionKind::List) => f.write_str("LIST")?,
            None => {}
        }
        f.write_char('(')?;
        comma_separated(f, &self.exprs)?;
        f.write_str(") (")?;
        comma_separated(f, &self.partitions)?;
        f.write_char(')')
    }
}

impl Display for DistributionDesc {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("DISTRIBUTED BY ")?;
        match &self.kind {
            Distribution::Hash(cols) => {
                f.write_str("HASH(")?;
                comma_separated(f, cols)?;
                f.write_char(')')?;
            }
            Distribution::Random => f.write_str("RANDOM")?,
        }
        match &self.buckets {
            Some(Buckets::Count(n)) => write!(f, " BUCKETS {n}"),
            Some(Buckets::Auto) => f.write_str(" BUCKETS AUTO"),
            None => Ok(()),
        }
    }
}

impl Display for RollupDef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} (", self.name)?;
        comma_separated(f, &self.columns)?;
        f.write_char(')')?;
        if !self.duplicate_keys.is_empty() {
            f.write_str(" DUPLICATE KEY(")?;
            comma_separated(f, &self.duplicate_keys)?;
            f.write_char(')')?;
        }
        write_properties_clause(f, &self.properties)?;
        Ok(())
    }
}

impl Display for CreateTable {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("CREATE ")?;
        if self.temporary {
            f.write_str("TEMPORARY ")?;
        }
        if self.external {
            f.write_str("EXTERNAL ")?;
        }
        f.write_str("TABLE ")?;
        write_if_not_exists(f, self.if_not_exists)?;
        write!(f, "{} (", self.name)?;
        comma_separated(f, &self.columns)?;
        for idx in &self.indexes {
            write!(f, ", {idx}")?;
        }
        f.write_char(')')?;
        if let Some(e) = &self.engine {
            write!(f, " ENGINE = {e}")?;
        }
        if let Some(k) = &self.keys {
            write!(f, " {} KEY(", k.keys_type.as_str())?;
            comma_separated(f, &k.columns)?;
            f.write_char(')')?;
            if !k.cluster_by.is_empty() {
                f.write_str(" CLUSTER BY (")?;
                comma_separated(f, &k.cluster_by)?;
                f.write_char(')')?;
            }
        }
        if let Some(c) = &self.comment {
            write!(f, " COMMENT {c}")?;
        }
        if let Some(p) = &self.partition {
            f.write_char(' ')?;
            p.fmt(f)?;
        }
        if let Some(d) = &self.distribution {
            write!(f, " {d}")?;
        }
        if !self.rollups.is_empty() {
            f.write_str(" ROLLUP (")?;
            comma_separated(f, &self.rollups)?;
            f.write_char(')')?;
        }
        write_properties_clause(f, &self.properties)?;
        Ok(())
    }
}

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Statement::CreateRoutineLoad(s) => s.fmt(f),
            Statement::AlterRoutineLoad(s) => s.fmt(f),
            Statement::PauseRoutineLoad(s) => s.fmt(f),
            Statement::ResumeRoutineLoad(s) => s.fmt(f),
            Statement::StopRoutineLoad(s) => s.fmt(f),
            Statement::ShowRoutineLoad(s) => s.fmt(f),
            Statement::ShowRoutineLoadTask(s) => s.fmt(f),
            Statement::ShowCreateRoutineLoad(s) => s.fmt(f),
            Statement::Explain(s) => s.fmt(f),
            Statement::CreateDatabase(s) => s.fmt(f),
            Statement::Use(s) => s.fmt(f),
            Statement::DropDatabase(s) => s.fmt(f),
            Statement::DropTable(s) => s.fmt(f),
            Statement::CreateTable(s) => s.fmt(f),
            Statement::CreateFile(s) => s.fmt(f),
            Statement::DropFile(s) => s.fmt(f),
            Statement::ShowFile(s) => s.fmt(f),
            Statement::CreateFunction(s) => s.fmt(f),
            Statement::DropFunction(s) => s.fmt(f),
            Statement::CreateEncryptKey(s) => s.fmt(f),
            Statement::DropEncryptKey(s) => s.fmt(f),
            Statement::Other(s) => s.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_answer_as_the_lists_do() {
        for list in [RESERVED, QUOTE_ON_OUTPUT] {
            for w in list {
                assert!(
                    w.len() < 16 && w.bytes().all(|b| b.is_ascii_uppercase()),
                    "{w}"
                );
            }
        }
        let words = RESERVED
            .iter()
            .chain(QUOTE_ON_OUTPUT)
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_ascii_lowercase(),
                    format!("{w}x"),
                    w[1..].to_string(),
                ]
            })
            .chain(["", "c1", "ñame", "FROMage", "k1", "AbCdEfGhIjKlMnOpQ"].map(String::from));
        for w in words {
            assert_eq!(
                is_reserved(&w),
                RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&w)),
                "{w}"
            );
            assert_eq!(
                quoted_on_output(&w),
                QUOTE_ON_OUTPUT.iter().any(|r| r.eq_ignore_ascii_case(&w)),
                "{w}"
            );
        }
    }
}
