//! What the gateway answers itself, as Doris FE does, because clients send it on
//! connect or between statements: `SELECT @@var`, `SELECT DATABASE()` and other
//! constant SELECTs, `SET …`, `SHOW VARIABLES`, `SHOW WARNINGS`, transaction
//! statements (Doris has no transactions on this path: OK), and the health statement
//! `SHOW HEALTH`. Anything else goes to the FE (or the upstream).

use super::reply::{Column, ConnState, Reply};
use sqlparser::ast::{Expr, SelectItem, SetExpr, Spanned, Statement, Value};
use sqlparser::dialect::MySqlDialect;
use sqlparser::parser::Parser;

/// What the gateway reports about itself in `SHOW HEALTH`.
#[derive(Debug, Clone, Default)]
pub struct Health {
    /// Seconds since the gateway started.
    pub uptime_secs: u64,
    /// Open connections.
    pub connections: usize,
    /// Jobs in the registry.
    pub jobs: usize,
    /// `durable`, `memory` or `upstream`.
    pub mode: &'static str,
}

/// The answer to a query the gateway handles itself, or `None`.
pub fn answer(conn: &mut ConnState, sql: &str, health: impl FnOnce() -> Health) -> Option<Reply> {
    let text = strip_comments(sql);
    let words: Vec<String> = text
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches(';').to_ascii_uppercase())
        .collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    let second = words.get(1).map(String::as_str).unwrap_or("");
    match (first, second) {
        ("SELECT", _) => select_constants(conn, text),
        ("SET", _) => Some(set(conn, text)),
        ("SHOW", "WARNINGS" | "ERRORS") => Some(show_warnings(conn, second == "ERRORS")),
        ("SHOW", "VARIABLES") => Some(show_variables(conn, text)),
        ("SHOW", "SESSION" | "GLOBAL") if words.get(2).is_some_and(|w| w == "VARIABLES") => {
            Some(show_variables(conn, text))
        }
        ("SHOW", "HEALTH") => {
            let h = health();
            Some(Reply::rows(
                &["Status", "Mode", "UptimeSecs", "Connections", "Jobs"],
                vec![vec![
                    Some("OK".into()),
                    Some(h.mode.into()),
                    Some(h.uptime_secs.to_string()),
                    Some(h.connections.to_string()),
                    Some(h.jobs.to_string()),
                ]],
            ))
        }
        ("BEGIN" | "COMMIT" | "ROLLBACK", _) | ("START", "TRANSACTION") => Some(Reply::ok()),
        _ => None,
    }
}

/// The text without leading comments (`/* … */`, `-- …`, `# …`), which drivers put
/// in front of their set-up queries.
fn strip_comments(sql: &str) -> &str {
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("/*") {
            match rest.find("*/") {
                Some(end) => s = rest.get(end + 2..).unwrap_or("").trim_start(),
                None => return "",
            }
        } else if s.starts_with("--") || s.starts_with('#') {
            match s.find('\n') {
                Some(end) => s = s.get(end + 1..).unwrap_or("").trim_start(),
                None => return "",
            }
        } else {
            return s.trim_end().trim_end_matches(';').trim_end();
        }
    }
}

/// The session variables clients read, with the gateway's values.
fn variables(conn: &ConnState) -> Vec<(&'static str, String)> {
    vec![
        ("auto_increment_increment", "1".into()),
        ("autocommit", u8::from(conn.autocommit).to_string()),
        ("character_set_client", "utf8mb4".into()),
        ("character_set_connection", "utf8mb4".into()),
        ("character_set_results", "utf8mb4".into()),
        ("character_set_server", "utf8mb4".into()),
        ("collation_connection", "utf8mb4_0900_bin".into()),
        ("collation_database", "utf8mb4_0900_bin".into()),
        ("collation_server", "utf8mb4_0900_bin".into()),
        ("init_connect", String::new()),
        ("interactive_timeout", "3600".into()),
        ("license", "Apache License, Version 2.0".into()),
        ("lower_case_table_names", "0".into()),
        ("max_allowed_packet", "67108864".into()),
        ("net_buffer_length", "16384".into()),
        ("net_write_timeout", "600".into()),
        ("performance_schema", "0".into()),
        ("query_cache_size", "1048576".into()),
        ("query_cache_type", "OFF".into()),
        ("sql_mode", "ONLY_FULL_GROUP_BY".into()),
        ("system_time_zone", "UTC".into()),
        ("time_zone", conn.time_zone.clone()),
        ("transaction_isolation", "REPEATABLE-READ".into()),
        ("transaction_read_only", "0".into()),
        ("tx_isolation", "REPEATABLE-READ".into()),
        ("tx_read_only", "0".into()),
        ("version", super::VERSION.into()),
        ("version_comment", super::VERSION_COMMENT.into()),
        ("wait_timeout", "28800".into()),
    ]
}

fn variable(conn: &ConnState, name: &str) -> Option<String> {
    let name = name.trim_start_matches('@');
    let name = name
        .strip_prefix("session.")
        .or_else(|| name.strip_prefix("SESSION."))
        .or_else(|| name.strip_prefix("global."))
        .or_else(|| name.strip_prefix("GLOBAL."))
        .unwrap_or(name);
    variables(conn)
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// A SELECT of constants, variables and connection functions, without FROM.
fn select_constants(conn: &ConnState, text: &str) -> Option<Reply> {
    let stmts = Parser::parse_sql(&MySqlDialect {}, text).ok()?;
    let [Statement::Query(q)] = stmts.as_slice() else {
        return None;
    };
    let SetExpr::Select(select) = q.body.as_ref() else {
        return None;
    };
    if !select.from.is_empty() || select.selection.is_some() {
        return None;
    }
    let mut columns = Vec::new();
    let mut row = Vec::new();
    for item in &select.projection {
        let (expr, alias) = match item {
            SelectItem::UnnamedExpr(e) => (e, None),
            SelectItem::ExprWithAlias { expr, alias } => (expr, Some(alias.value.clone())),
            _ => return None,
        };
        let (value, numeric) = match expr {
            Expr::Value(v) => match &v.value {
                Value::Number(n, _) => (Some(n.clone()), true),
                Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => {
                    (Some(s.clone()), false)
                }
                Value::Null => (None, false),
                _ => return None,
            },
            Expr::Identifier(id) if id.value.starts_with("@@") => {
                let v = variable(conn, &id.value)?;
                let numeric = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
                (Some(v), numeric)
            }
            Expr::CompoundIdentifier(parts)
                if parts.first().is_some_and(|p| p.value.starts_with("@@")) =>
            {
                let name = parts.last().map(|p| p.value.as_str()).unwrap_or("");
                let v = variable(conn, name)?;
                let numeric = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
                (Some(v), numeric)
            }
            Expr::Function(f) => {
                let name = f.name.to_string().to_ascii_lowercase();
                match name.as_str() {
                    "database" | "schema" => (conn.database.clone(), false),
                    "user" | "session_user" | "system_user" => (
                        Some(format!("'{}'@'{}'", conn.user, host_of(&conn.peer))),
                        false,
                    ),
                    "current_user" => (Some(format!("'{}'@'%'", conn.user)), false),
                    "version" => (Some(super::VERSION.into()), false),
                    "connection_id" => (Some(conn.id.to_string()), true),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let name = alias.unwrap_or_else(|| written(text, expr));
        columns.push(Column { name, numeric });
        row.push(value);
    }
    Some(Reply::Rows {
        columns,
        rows: vec![row],
        warnings: Vec::new(),
    })
}

fn host_of(peer: &str) -> &str {
    peer.rsplit_once(':').map_or(peer, |(h, _)| h)
}

/// The expression as the client wrote it (MySQL names an unaliased column so).
fn written(text: &str, expr: &Expr) -> String {
    let span = expr.span();
    let (start, end) = (span.start, span.end);
    if start.line == 0 || start.line != end.line {
        return expr.to_string();
    }
    let line = text.lines().nth(start.line as usize - 1).unwrap_or("");
    let from = usize::try_from(start.column.saturating_sub(1)).unwrap_or(0);
    let to = usize::try_from(end.column.saturating_sub(1)).unwrap_or(0);
    let chars: Vec<char> = line.chars().collect();
    // A function's span ends at its name: the argument list is part of the column name.
    let mut to = to;
    if matches!(expr, Expr::Function(_)) && chars.get(to) == Some(&'(') {
        let mut depth = 0;
        while let Some(&c) = chars.get(to) {
            to += 1;
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    match chars.get(from..to) {
        Some(s) if !s.is_empty() => s.iter().collect(),
        _ => expr.to_string(),
    }
}

/// `SET …`: `time_zone` is checked as Doris checks it and kept, `autocommit` kept;
/// other session variables (`NAMES`, character sets, `sql_mode`, …) are accepted, as
/// every Doris session variable a driver sets on connect is.
fn set(conn: &mut ConnState, text: &str) -> Reply {
    let body = text.get(3..).unwrap_or("").trim();
    for assignment in split_top_level(body) {
        let Some((name, value)) = assignment.split_once('=') else {
            continue;
        };
        let name = name.trim().trim_start_matches('@').to_ascii_lowercase();
        let name = name
            .trim_start_matches("session ")
            .trim_start_matches("session.")
            .trim_start_matches("local ")
            .trim_start_matches("global ")
            .trim_start_matches("global.")
            .trim();
        let value = value
            .trim()
            .trim_matches(|c| c == '\'' || c == '"' || c == '`');
        match name {
            "time_zone" => match crate::keys::values::check_time_zone(value) {
                Ok((zone, _)) => conn.time_zone = zone,
                Err(bad) => {
                    return Reply::coded(
                        1298,
                        "HY000",
                        format!("Unknown or incorrect time zone: '{bad}'"),
                    )
                }
            },
            "autocommit" => {
                conn.autocommit = matches!(value.to_ascii_lowercase().as_str(), "1" | "on" | "true")
            }
            _ => {}
        }
    }
    Reply::ok()
}

/// Splits `a = 1, b = 'x,y'` at the commas outside quotes and parentheses.
fn split_top_level(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(s.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s.get(start..).unwrap_or(""));
    out
}

fn show_warnings(conn: &ConnState, errors_only: bool) -> Reply {
    let rows = conn
        .warnings
        .iter()
        .filter(|w| !errors_only || w.level == "Error")
        .map(|w| {
            vec![
                Some(w.level.to_string()),
                Some(w.code.to_string()),
                Some(w.message.clone()),
            ]
        })
        .collect();
    let Reply::Rows {
        mut columns, rows, ..
    } = Reply::rows(&["Level", "Code", "Message"], rows)
    else {
        return Reply::ok();
    };
    if let Some(c) = columns.get_mut(1) {
        c.numeric = true;
    }
    Reply::Rows {
        columns,
        rows,
        warnings: conn.warnings.clone(),
    }
}

/// `SHOW [SESSION|GLOBAL] VARIABLES [LIKE 'pattern' | WHERE Variable_name = '…']`.
fn show_variables(conn: &ConnState, text: &str) -> Reply {
    let upper = text.to_ascii_uppercase();
    let pattern = upper
        .find(" LIKE ")
        .map(|i| text.get(i + 6..).unwrap_or(""))
        .or_else(|| {
            upper
                .find("VARIABLE_NAME")
                .and_then(|i| text.get(i..))
                .and_then(|t| t.split_once('=').map(|(_, v)| v))
        })
        .map(|p| p.trim().trim_matches(|c| c == '\'' || c == '"').to_string());
    let rows = variables(conn)
        .into_iter()
        .filter(|(k, _)| pattern.as_deref().is_none_or(|p| like(p, k)))
        .map(|(k, v)| vec![Some(k.to_string()), Some(v)])
        .collect();
    Reply::rows(&["Variable_name", "Value"], rows)
}

/// SQL LIKE, case-insensitive: `%` any run, `_` one character.
fn like(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    // Linear in |p| × |t| at worst, with the usual star backtracking.
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        match p.get(pi) {
            Some('%') => {
                star = Some(pi);
                mark = ti;
                pi += 1;
            }
            Some(&c) if c == '_' || Some(&c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some(s) => {
                    pi = s + 1;
                    mark += 1;
                    ti = mark;
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == '%'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> ConnState {
        ConnState::new(7, "root", "127.0.0.1:5000")
    }

    fn rows(r: Option<Reply>) -> (Vec<String>, Vec<Vec<Option<String>>>) {
        match r {
            Some(Reply::Rows { columns, rows, .. }) => {
                (columns.into_iter().map(|c| c.name).collect(), rows)
            }
            other => panic!("not rows: {other:?}"),
        }
    }

    #[test]
    fn the_mysql_clients_connect_queries_are_answered() {
        let mut c = conn();
        let (cols, r) = rows(answer(
            &mut c,
            "select @@version_comment limit 1",
            Health::default,
        ));
        assert_eq!(cols, ["@@version_comment"]);
        assert_eq!(r[0][0].as_deref(), Some(super::super::VERSION_COMMENT));
        let (cols, r) = rows(answer(&mut c, "SELECT DATABASE()", Health::default));
        assert_eq!(cols, ["DATABASE()"]);
        assert_eq!(r, vec![vec![None]]);
        let (cols, r) = rows(answer(
            &mut c,
            "/* mysql-connector-java */ SELECT @@session.auto_increment_increment AS auto_increment_increment, @@wait_timeout",
            Health::default,
        ));
        assert_eq!(cols, ["auto_increment_increment", "@@wait_timeout"]);
        assert_eq!(r[0], vec![Some("1".into()), Some("28800".into())]);
        assert!(answer(&mut c, "SELECT * FROM t", Health::default).is_none());
    }

    #[test]
    fn set_keeps_the_time_zone_and_refuses_an_unknown_one_with_doris_text() {
        let mut c = conn();
        assert_eq!(
            answer(&mut c, "SET NAMES utf8mb4", Health::default),
            Some(Reply::ok())
        );
        answer(
            &mut c,
            "SET time_zone = '+08:00', autocommit=0",
            Health::default,
        );
        assert_eq!(c.time_zone, "+08:00");
        assert!(!c.autocommit);
        match answer(
            &mut c,
            "SET @@session.time_zone = 'Mars/Base'",
            Health::default,
        ) {
            Some(Reply::Error { errno, message, .. }) => {
                assert_eq!(errno, 1298);
                assert_eq!(
                    message,
                    "errCode = 2, detailMessage = Unknown or incorrect time zone: 'Mars/Base'"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn show_variables_filters_with_like() {
        let mut c = conn();
        let (_, r) = rows(answer(
            &mut c,
            "SHOW VARIABLES LIKE '%time_zone'",
            Health::default,
        ));
        let names: Vec<_> = r.iter().map(|row| row[0].clone().unwrap()).collect();
        assert_eq!(names, ["system_time_zone", "time_zone"]);
        assert!(like("char%set_c_ient", "character_set_client"));
        assert!(!like("char%", "xchar"));
    }
}
