//! Load properties (L rules): separator conversion, multi-table restrictions,
//! repeated clauses.

use super::model::{LoadClauses, PartitionSpec, Separator};
use crate::ast::{LoadProperty, PartitionNames};
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;

/// L1: converts the raw `COLUMNS TERMINATED BY` text, or names the problem.
pub fn convert_separator(raw: &str) -> Result<Vec<u8>, &'static str> {
    if raw.is_empty() {
        return Err("Column separator is null or empty");
    }
    if raw.starts_with("\\x") || raw.starts_with("\\X") {
        let hex = raw.replace("\\x", "").replace("\\X", "");
        if hex.is_empty() {
            return Err("Hex str is empty");
        }
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("Hex str format error");
        }
        if !hex.len().is_multiple_of(2) {
            return Err("Hex str length error");
        }
        return (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or("Hex str format error")
            })
            .collect();
    }
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Ok(out.into_bytes())
}

/// The legacy repeat texts (L5).
fn repeat_text(lp: &LoadProperty) -> &'static str {
    match lp {
        LoadProperty::ColumnSeparator { .. } => "repeat setting of column separator",
        LoadProperty::Columns { .. } => "repeat setting of columns info",
        LoadProperty::PrecedingFilter { .. } => "repeat setting of preceding where predicate",
        LoadProperty::Where { .. } => "repeat setting of where predicate",
        LoadProperty::Partitions { .. } => "repeat setting of partition names",
        LoadProperty::DeleteOn { .. } => "repeat setting of delete predicate",
        LoadProperty::OrderBy { .. } => "repeat setting of sequence column",
    }
}

/// Runs L1–L5 in source order and collects the clauses.
pub(crate) fn analyze(
    props: &[LoadProperty],
    multi_table: bool,
    diags: &mut Vec<Diagnostic>,
) -> LoadClauses {
    let mut out = LoadClauses::default();
    let mut seen: Vec<std::mem::Discriminant<LoadProperty>> = Vec::new();
    for lp in props {
        let d = std::mem::discriminant(lp);
        if seen.contains(&d) {
            diags.push(
                L5.error(repeat_text(lp))
                    .at(lp.span())
                    .with_help(format!("give {} once", lp.clause_name())),
            );
            continue;
        }
        seen.push(d);
        match lp {
            LoadProperty::ColumnSeparator { raw, span } => match convert_separator(raw) {
                Ok(bytes) => {
                    out.column_separator = Some(Separator {
                        original: raw.clone(),
                        bytes,
                    })
                }
                Err(msg) => diags.push(
                    L1.error(msg)
                        .at(*span)
                        .with_help("write the separator as text (\",\", \"\\t\", \"||\") or as hex bytes (\"\\x01\")"),
                ),
            },
            LoadProperty::Columns { items, span } => {
                if multi_table {
                    diags.push(multi_table_error(&L2, *span, "COLUMNS"));
                }
                out.columns = Some(items.clone());
            }
            LoadProperty::Where { expr, span } => {
                if multi_table {
                    diags.push(multi_table_error(&L3, *span, "WHERE"));
                }
                out.where_predicate = Some(expr.clone());
            }
            LoadProperty::PrecedingFilter { expr, span } => {
                if multi_table {
                    diags.push(multi_table_error(&L4, *span, "PRECEDING FILTER"));
                }
                out.preceding_filter = Some(expr.clone());
            }
            LoadProperty::DeleteOn { expr, .. } => out.delete_on = Some(expr.clone()),
            LoadProperty::OrderBy { column, .. } => out.sequence_col = Some(column.value.clone()),
            LoadProperty::Partitions { temporary, names, .. } => {
                out.partitions = Some(PartitionSpec {
                    temporary: *temporary,
                    names: match names {
                        PartitionNames::Names(n) => n.iter().map(|i| i.value.clone()).collect(),
                        PartitionNames::Star => vec!["*".to_string()],
                    },
                })
            }
        }
    }
    out
}

fn multi_table_error(rule: Rule, span: crate::ast::Span, clause: &str) -> Diagnostic {
    rule.error("Multi-table load does not support setting columns info")
        .at(span)
        .with_help(format!("a job without ON <table> takes its table from each message; remove {clause}, or name the table with ON"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(convert_separator(","), Ok(b",".to_vec()));
        assert_eq!(convert_separator("\\t"), Ok(b"\t".to_vec()));
        assert_eq!(convert_separator("\\x01"), Ok(vec![1]));
        assert_eq!(convert_separator("\\x01\\x02"), Ok(vec![1, 2]));
        assert_eq!(convert_separator("\\x0102"), Ok(vec![1, 2]));
        assert_eq!(convert_separator("\\x"), Err("Hex str is empty"));
        assert_eq!(convert_separator("\\xZZ"), Err("Hex str format error"));
        assert_eq!(convert_separator("\\x012"), Err("Hex str length error"));
        assert_eq!(
            convert_separator(""),
            Err("Column separator is null or empty")
        );
        assert_eq!(convert_separator("a\\qb"), Ok(b"a\\qb".to_vec()));
        assert_eq!(convert_separator("\\"), Ok(b"\\".to_vec()));
    }
}
