//! Checks CREATE and ALTER share: repeated keys (P2), FILE: references (C5), flexible
//! partial update (F1–F8), and the note for checks skipped without a catalog.

use super::catalog::{Catalog, TableInfo};
use super::model::KafkaSource;
use crate::ast::PropertyList;
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::secrets::display_value;
use crate::text::Span;

fn err(rule: Rule, msg: impl Into<Text>, span: Span) -> Diagnostic {
    rule.error(msg).at(span)
}

/// C5: FILE: references, with the open-world rule for files. CREATE checks them, and
/// so does an ALTER that sets client properties: Doris merges and converts the custom
/// properties before it changes anything else (`KafkaRoutineLoadJob.modifyPropertiesInternal`).
pub(crate) fn check_files(
    src: &KafkaSource,
    list: &crate::ast::PropertyList,
    db: &str,
    db_id: i64,
    catalog: &dyn Catalog,
    anchor: Span,
    diags: &mut Vec<Diagnostic>,
) {
    let refs: Vec<(&str, &str)> = src
        .custom
        .iter()
        .filter_map(|(k, v)| v.strip_prefix("FILE:").map(|f| (k, f)))
        .collect();
    if refs.is_empty() {
        return;
    }
    if !catalog.knows_files() {
        diags.push(
            NO_FILES.note("FILE: references not verified: no files are known")
                .at(anchor)
                .with_help("register files with CREATE FILE \"<name>\" PROPERTIES (\"url\" = \"…\", \"catalog\" = \"kafka\")"),
        );
        return;
    }
    let files: Vec<_> = catalog
        .files(db)
        .into_iter()
        .filter(|f| f.catalog == "kafka")
        .collect();
    for (key, file) in refs {
        let span = list
            .entries
            .iter()
            .rev()
            .find(|p| p.value() == format!("FILE:{file}") && p.key().ends_with(key))
            .map_or(anchor, |p| p.value.span);
        let help = format!("upload it first: CREATE FILE \"{file}\" IN {db} PROPERTIES (\"url\" = \"…\", \"catalog\" = \"kafka\")");
        if files.is_empty() {
            diags.push(
                err(
                    &C5,
                    format!("file does not exist with db: {db_id} and catalog: kafka"),
                    span,
                )
                .with_help(help),
            );
        } else if !files.iter().any(|f| f.name == file) {
            diags.push(err(&C5, "File does not exist", span).with_help(help));
        }
    }
}

/// P2: a repeated key in one list, with Guava's text (secret values masked).
pub(crate) fn duplicate_keys(list: Option<&PropertyList>, diags: &mut Vec<Diagnostic>) {
    let Some(list) = list else { return };
    let entries = &list.entries;
    let key = |i: usize| entries.get(i).map_or("", |p| p.key());
    crate::text::hash::for_each_repeat(entries.len(), key, |i, first| {
        if let (Some(p), Some(first)) = (entries.get(i), entries.get(first)) {
            let show = |v: &str| display_value(p.key(), v).to_string();
            diags.push(
                P2.error(format!(
                    "Multiple entries with same key: {k}={} and {k}={}",
                    show(first.value()),
                    show(p.value()),
                    k = p.key()
                ))
                .at(p.key.span)
                .with_help(format!(
                    "\"{}\" is given twice (first at {}); keep one",
                    p.key(),
                    first.key.span.start
                )),
            );
        }
    });
}

/// The note for checks skipped because no schema is known (the open-world rule).
pub(crate) fn no_catalog_note(span: Span, what: &str) -> Diagnostic {
    NO_CATALOG
        .note(format!("not verified: no catalog (not checked: {what})"))
        .at(span)
        .with_help(
            "load a catalog with --catalog FILE, or run CREATE DATABASE / CREATE TABLE first",
        )
}

/// F1–F8, shared by CREATE and ALTER (A9b).
pub(crate) struct FlexibleInput<'a> {
    pub table: Option<&'a TableInfo>,
    pub format: &'a str,
    pub fuzzy_parse: bool,
    pub jsonpaths: bool,
    pub columns: Option<Span>,
    pub where_clause: Option<Span>,
    pub merge_type: Option<Span>,
    pub order_by: Option<Span>,
    pub anchor: Span,
}

pub(crate) fn flexible_checks(f: &FlexibleInput<'_>, diags: &mut Vec<Diagnostic>) {
    let help = "flexible partial update (unique_key_update_mode = UPDATE_FLEXIBLE_COLUMNS) takes JSON rows whose keys name the columns to update";
    if let Some(t) = f.table {
        let tbl = &t.name;
        if !(t.is_unique() && t.merge_on_write) {
            diags.push(
                err(
                    &F1,
                    "Only unique key merge on write support partial update",
                    f.anchor,
                )
                .with_help(
                    "use a UNIQUE KEY table with \"enable_unique_key_merge_on_write\" = \"true\"",
                ),
            );
        } else if !t.skip_bitmap_column {
            diags.push(err(&F1, format!("Flexible partial update can only support table with skip bitmap hidden column. But table {tbl} doesn't have it. You can use `ALTER TABLE {tbl} ENABLE FEATURE \"UPDATE_FLEXIBLE_COLUMNS\";` to add it to the table."), f.anchor).with_help("or create the table with \"enable_unique_key_skip_bitmap_column\" = \"true\""));
        } else if !t.light_schema_change {
            diags.push(err(&F1, format!("Flexible partial update can only support table with light_schema_change enabled. But table {tbl}'s property light_schema_change is false"), f.anchor).with_help("enable light_schema_change on the table"));
        } else if t.has_variant_column() {
            diags.push(
                err(
                    &F1,
                    "Flexible partial update can only support table without variant columns.",
                    f.anchor,
                )
                .with_help(help),
            );
        }
    }
    if !f.format.eq_ignore_ascii_case("json") {
        diags.push(
            err(
                &F2,
                format!(
                    "Flexible partial update only supports JSON format, but found: {}",
                    f.format
                ),
                f.anchor,
            )
            .with_help("set \"format\" = \"json\""),
        );
    }
    if f.fuzzy_parse {
        diags.push(
            err(
                &F3,
                "Flexible partial update does not support fuzzy_parse",
                f.anchor,
            )
            .with_help("remove \"fuzzy_parse\""),
        );
    }
    if f.jsonpaths {
        diags.push(
            err(
                &F4,
                "Flexible partial update does not support jsonpaths",
                f.anchor,
            )
            .with_help("remove \"jsonpaths\": the JSON keys name the columns"),
        );
    }
    if let Some(s) = f.columns {
        diags.push(
            err(
                &F5,
                "Flexible partial update does not support COLUMNS specification",
                s,
            )
            .with_help("remove COLUMNS (…): the JSON keys name the columns"),
        );
    }
    if let Some(s) = f.where_clause {
        diags.push(
            err(
                &F6,
                "Flexible partial update does not support where clause",
                s,
            )
            .with_help("remove WHERE"),
        );
    }
    if let Some(s) = f.merge_type {
        diags.push(
            err(
                &F7,
                "Flexible partial update does not support merge_type, remove the WITH clause",
                s,
            )
            .with_help("remove WITH …; a row deletes its key through the hidden delete-sign field"),
        );
    }
    if let Some(s) = f.order_by {
        diags.push(err(&F8, "Flexible partial update does not support ORDER BY, set the table property function_column.sequence_col instead", s).with_help("remove ORDER BY"));
    }
}
