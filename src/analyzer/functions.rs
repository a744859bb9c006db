//! Load expressions against Doris's function registry (EX rules): every call in
//! COLUMNS, WHERE, DELETE ON and PRECEDING FILTER is resolved as
//! `FunctionRegistry.findFunctionBuilder` resolves it at CREATE and ALTER — built-ins
//! first (lower-cased name), then the user-defined functions of the job's database, then
//! the GLOBAL ones; a qualified `db.fn(…)` skips the built-ins. Column references are
//! not checked here: Doris binds an unknown name to a string slot.

use super::builtins::{Arity, BUILTINS, NOT_SCALAR, VARIADIC};
use super::catalog::{Catalog, FunctionInfo};
use super::context::FeConfig;
use crate::ast::{ExprNode, LoadProperty, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;
use crate::text::Location;
use sqlparser::ast::{Expr, FunctionArguments, ObjectNamePart};
use std::ops::ControlFlow;

/// A built-in's argument counts, when the name is a built-in scalar function.
fn builtin(name: &str) -> Option<Arity> {
    BUILTINS
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| BUILTINS.get(i))
        .map(|(_, a)| *a)
}

/// Doris's candidate hints for a built-in: one `name(Expression, …)` per count.
fn builtin_hints(written: &str, (min, max): (u8, u8)) -> String {
    let sig = |n: usize, more: bool| {
        let mut parts = vec!["Expression"; n];
        if more {
            parts.push("...");
        }
        format!("{written}({})", parts.join(", "))
    };
    let hints: Vec<String> = if max == VARIADIC {
        vec![sig(usize::from(min), true)]
    } else {
        (min..=max)
            .rev()
            .map(|n| sig(usize::from(n), false))
            .collect()
    };
    format!("[{}]", hints.join(", "))
}

/// One function call of an expression.
struct Call {
    qualifier: Option<String>,
    name: String,
    span: Span,
    args: Option<usize>,
    /// `OVER (…)`: a window call.
    window: bool,
}

type KeyRef = (Option<String>, String, Span);

fn calls(e: &Expr) -> (Vec<Call>, Vec<KeyRef>) {
    let mut calls = Vec::new();
    let mut keys = Vec::new();
    let _ = sqlparser::ast::visit_expressions(e, |x| {
        match x {
            Expr::Function(f) => {
                let parts: Vec<&sqlparser::ast::Ident> = f
                    .name
                    .0
                    .iter()
                    .filter_map(|p| match p {
                        ObjectNamePart::Identifier(i) => Some(i),
                        _ => None,
                    })
                    .collect();
                if let Some((last, rest)) = parts.split_last() {
                    let args = match &f.args {
                        FunctionArguments::List(l) => Some(l.args.len()),
                        FunctionArguments::None | FunctionArguments::Subquery(_) => None,
                    };
                    calls.push(Call {
                        qualifier: rest.last().map(|q| q.value.clone()),
                        name: last.value.clone(),
                        span: Span::from(last.span),
                        args,
                        window: f.over.is_some(),
                    });
                }
            }
            // `SUBSTR(a, b)` has its own grammar node in sqlparser; Doris resolves it
            // as the function `substr`/`substring`.
            Expr::Substring {
                substring_from,
                substring_for,
                shorthand,
                ..
            } => {
                use sqlparser::ast::Spanned;
                let whole = Span::from(x.span());
                let name = if *shorthand { "substr" } else { "substring" };
                calls.push(Call {
                    qualifier: None,
                    name: name.to_string(),
                    span: Span::new(
                        whole.start,
                        Location::new(whole.start.line, whole.start.column + name.len() as u64),
                    ),
                    args: Some(
                        1 + usize::from(substring_from.is_some())
                            + usize::from(substring_for.is_some()),
                    ),
                    window: false,
                });
            }
            Expr::Prefixed { prefix, value } if prefix.value == "KEY" => match value.as_ref() {
                Expr::Identifier(i) => keys.push((None, i.value.clone(), Span::from(prefix.span))),
                Expr::CompoundIdentifier(p) if p.len() == 2 => keys.push((
                    p.first().map(|d| d.value.clone()),
                    p.get(1).map(|n| n.value.clone()).unwrap_or_default(),
                    Span::from(prefix.span),
                )),
                _ => {}
            },
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    (calls, keys)
}

/// The expressions Doris analyses, in clause order.
fn expressions(props: &[LoadProperty]) -> Vec<&ExprNode> {
    let mut out = Vec::new();
    for p in props {
        match p {
            LoadProperty::Columns { items, .. } => {
                out.extend(items.iter().filter_map(|i| i.expr.as_ref()))
            }
            LoadProperty::Where { expr, .. }
            | LoadProperty::DeleteOn { expr, .. }
            | LoadProperty::PrecedingFilter { expr, .. } => out.push(expr),
            _ => {}
        }
    }
    out
}

/// EX1, EX2, EX4, EX6 and the UDF and aggregate warnings, for the load clauses of a
/// job in database `db`.
pub(crate) fn check(
    props: &[LoadProperty],
    db: &str,
    catalog: &dyn Catalog,
    config: &FeConfig,
    diags: &mut Vec<Diagnostic>,
) {
    let mut unchecked = None;
    for e in expressions(props) {
        let (found, keys) = calls(e.expr.as_ref());
        for c in found {
            check_call(&c, db, catalog, config, &mut unchecked, diags);
        }
        for (kdb, name, span) in keys {
            let kdb = kdb.unwrap_or_else(|| db.to_string());
            if catalog.knows_encrypt_keys() && !catalog.has_encrypt_key(&kdb, &name) {
                diags.push(
                    EX6.warning(format!("encrypt key {kdb}.{name} does not exist"))
                        .at(span)
                        .with_help(format!("create it first: CREATE ENCRYPTKEY {kdb}.{name} AS \"<key>\"; Doris fails each task while it is missing")),
                );
            }
        }
    }
    if let Some(span) = unchecked {
        diags.push(
            NO_FUNCTIONS
                .note("not verified: user-defined functions are unknown (not checked: functions that are not built in)")
                .at(span)
                .with_help("rlfe knows Doris's built-in functions; the catalog it runs on does not list user-defined ones"),
        );
    }
}

fn check_call(
    c: &Call,
    db: &str,
    catalog: &dyn Catalog,
    config: &FeConfig,
    unchecked: &mut Option<Span>,
    diags: &mut Vec<Diagnostic>,
) {
    let lower = c.name.to_ascii_lowercase();
    let written = match &c.qualifier {
        Some(q) => format!("{q}.{}", c.name),
        None => c.name.clone(),
    };
    if c.qualifier.is_none() {
        if let Some(arity) = builtin(&lower) {
            if let (Some((min, max)), Some(n)) = (arity, c.args) {
                let fits = n >= usize::from(min) && (max == VARIADIC || n <= usize::from(max));
                if !fits {
                    diags.push(
                        EX2.error(format!(
                            "Can not found function '{written}' which has {n} arity. Candidate functions are: {}",
                            builtin_hints(&c.name, (min, max))
                        ))
                        .at(c.span)
                        .with_help(arity_help(&c.name, min, max)),
                    );
                }
            }
            return;
        }
        if NOT_SCALAR.contains(&lower.as_str()) || c.window {
            diags.push(
                EX7.warning(format!("{} is not a scalar function", c.name))
                    .at(c.span)
                    .with_help("a load expression maps one source row to one table row: aggregate, window and table functions have no rows to work on there"),
            );
            return;
        }
    }
    if !catalog.knows_functions() {
        unchecked.get_or_insert(c.span);
        return;
    }
    let udfs: Vec<FunctionInfo> = match &c.qualifier {
        Some(q) => catalog.functions(Some(q), &lower),
        None => {
            let local = catalog.functions(Some(db), &lower);
            if local.is_empty() {
                catalog.functions(None, &lower)
            } else {
                local
            }
        }
    };
    if udfs.is_empty() {
        let close = crate::text::did_you_mean(&lower, BUILTINS.iter().map(|(n, _)| *n), 2);
        diags.push(
            EX1.error(format!("Can not found function '{written}'"))
                .at(c.span)
                .with_help(match close.first() {
                    Some(s) => format!("did you mean {s}? (no built-in or user-defined function has this name)"),
                    None => "no built-in function has this name: create it with CREATE FUNCTION, or use a built-in".to_string(),
                }),
        );
        return;
    }
    if !config.enable_java_udf {
        diags.push(
            EX4.error("java_udf has been disabled.")
                .at(c.span)
                .with_help("the FE config enable_java_udf is false: Doris refuses every Java UDF"),
        );
        return;
    }
    if let Some(n) = c.args {
        if !udfs.iter().any(|f| f.takes(n)) {
            let hints: Vec<String> = udfs.iter().map(|f| f.hint(&c.name)).collect();
            diags.push(
                EX2.error(format!(
                    "Can not found function '{written}' which has {n} arity. Candidate functions are: [{}]",
                    hints.join(", ")
                ))
                .at(c.span)
                .with_help("call it with the arguments its CREATE FUNCTION lists"),
            );
            return;
        }
    }
    if !config.enable_udf_in_load {
        diags.push(
            UDF_IN_LOAD
                .warning(format!("{written} is a user-defined function, and enable_udf_in_load is off"))
                .at(c.span)
                .with_help("Doris accepts the job, but fails each task it plans while the FE config enable_udf_in_load is false: set it to true on every FE"),
        );
    }
}

fn arity_help(name: &str, min: u8, max: u8) -> String {
    match (min, max) {
        (m, VARIADIC) => format!("{name} takes at least {m} argument(s)"),
        (m, n) if m == n => format!("{name} takes {m} argument(s)"),
        (m, n) => format!("{name} takes {m} to {n} arguments"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_is_sorted_and_lower_case() {
        assert!(BUILTINS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BUILTINS
            .iter()
            .all(|(n, _)| n.bytes().all(|b| !b.is_ascii_uppercase())));
        assert!(BUILTINS.len() > 450);
        assert_eq!(builtin("concat"), Some(Some((1, VARIADIC))));
        assert_eq!(builtin("nosuch"), None);
        assert_eq!(
            builtin_hints("replace", (3, 3)),
            "[replace(Expression, Expression, Expression)]"
        );
        assert_eq!(
            builtin_hints("concat", (1, VARIADIC)),
            "[concat(Expression, ...)]"
        );
    }
}
