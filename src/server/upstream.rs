//! Upstream mode: the gateway guards a real Doris FE (any MySQL-protocol server).
//! A CREATE ROUTINE LOAD is analyzed first, against the target table as the upstream
//! describes it (`information_schema`, read for that statement): rejected, it gets
//! Doris's error and never reaches the upstream; accepted, it is forwarded and the
//! upstream's answer returned with rlfe's warnings added. The other routine-load
//! statements are checked by the parser (Doris's parser rejects the same texts) and
//! forwarded, since the upstream alone knows its jobs; `EXPLAIN CREATE ROUTINE LOAD` is
//! answered here. Every other statement is forwarded untouched, its rows streamed back.

use super::reply::{ConnState, Reply, Warning};
use crate::analyzer::{CatalogMut, ColumnInfo, InMemoryCatalog, TableInfo};
use crate::ast::{KeysType, Statement, StatementKind};
use crate::parser::{self, ParseOptions};
use crate::session::{Session, SessionOptions};
use mysql_async::prelude::Queryable;
use opensrv_mysql::{Column, ColumnFlags, ColumnType, ErrorKind, OkResponse, QueryResultWriter};
use std::io;
use tokio::io::AsyncWrite;

/// Where the upstream is and how to log in to it.
#[derive(Clone)]
pub struct UpstreamOptions {
    /// `HOST:PORT`.
    pub address: String,
    /// The user the gateway logs in as.
    pub user: String,
    /// Its password.
    pub password: String,
}

impl std::fmt::Debug for UpstreamOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpstreamOptions")
            .field("address", &self.address)
            .field("user", &self.user)
            .field("password", &"******")
            .finish()
    }
}

/// What to do with a statement.
pub enum Verdict {
    /// Answer it here.
    Answer(Reply),
    /// Forward it; rlfe's findings go with the upstream's answer.
    Forward(Vec<Warning>),
}

/// One client connection's link to the upstream, opened on first use.
pub struct Upstream {
    options: UpstreamOptions,
    version: crate::diagnostics::rules::DorisVersion,
    conn: Option<mysql_async::Conn>,
}

/// The upstream's error as the client sees it.
fn upstream_error(e: &mysql_async::Error) -> Reply {
    match e {
        mysql_async::Error::Server(s) => Reply::Error {
            errno: s.code,
            sqlstate: s.state.clone(),
            message: s.message.clone(),
            warnings: Vec::new(),
        },
        other => Reply::coded(2013, "HY000", format!("the upstream failed: {other}")),
    }
}

/// Whether a text that did not parse was meant as a routine-load statement.
fn mentions_routine_load(sql: &str) -> bool {
    let words: Vec<String> = sql
        .split_whitespace()
        .take(6)
        .map(str::to_ascii_uppercase)
        .collect();
    words
        .windows(2)
        .any(|w| matches!(w, [a, b] if a == "ROUTINE" && b == "LOAD"))
}

impl Upstream {
    /// A link not yet opened, to an upstream of that Doris version.
    pub fn new(options: UpstreamOptions, version: crate::diagnostics::rules::DorisVersion) -> Self {
        Upstream {
            options,
            version,
            conn: None,
        }
    }

    async fn conn(&mut self, database: Option<&str>) -> Result<&mut mysql_async::Conn, Reply> {
        if self.conn.is_none() {
            let (host, port) = match self.options.address.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), p.parse().unwrap_or(9030)),
                None => (self.options.address.clone(), 9030),
            };
            let opts = mysql_async::OptsBuilder::default()
                .ip_or_hostname(host)
                .tcp_port(port)
                .user(Some(self.options.user.clone()))
                .pass(Some(self.options.password.clone()))
                .db_name(database.map(str::to_string))
                .prefer_socket(false);
            let c = mysql_async::Conn::new(opts).await.map_err(|e| {
                Reply::coded(
                    2003,
                    "HY000",
                    format!("cannot reach the upstream {}: {e}", self.options.address),
                )
            })?;
            self.conn = Some(c);
        }
        self.conn
            .as_mut()
            .ok_or_else(|| Reply::error("the upstream connection is closed"))
    }

    /// Decides what happens to a statement.
    pub async fn check(&mut self, conn: &mut ConnState, sql: &str) -> Verdict {
        let parsed = parser::parse_script(sql, &ParseOptions::default());
        let mut warnings = Vec::new();
        for p in &parsed {
            let stmt = match &p.result {
                Ok(s) => s,
                Err(d) if mentions_routine_load(p.sql(sql)) => {
                    let (errno, state) = d.mysql_code();
                    return Verdict::Answer(Reply::coded(errno, state, &*d.message));
                }
                // Not ours: the upstream parses it.
                Err(_) => continue,
            };
            let create = match stmt {
                Statement::CreateRoutineLoad(c) => c,
                Statement::Explain(e) => e.statement.as_ref(),
                _ => continue,
            };
            let db = create
                .name
                .db
                .as_ref()
                .map(|d| d.value.clone())
                .or_else(|| conn.database.clone());
            let catalog = match &db {
                Some(db) => match self
                    .catalog_for(db, create.table.as_ref().map(|t| t.value.as_str()), conn)
                    .await
                {
                    Ok(c) => c,
                    Err(reply) => return Verdict::Answer(reply),
                },
                None => InMemoryCatalog::new(),
            };
            let mut session = Session::new(SessionOptions {
                time_zone: conn.time_zone.clone(),
                user: conn.user.clone(),
                doris_version: self.version,
                ..SessionOptions::default()
            })
            .with_read_only_catalog(Box::new(catalog));
            session.current_db.clone_from(&conn.database);
            let result = session.execute_parsed(p, sql);
            let reply = Reply::from_results(vec![result]);
            match (&reply, stmt.kind()) {
                (Reply::Error { .. }, _) | (_, StatementKind::Explain) => {
                    return Verdict::Answer(reply)
                }
                _ => warnings.extend(reply.warnings().iter().cloned()),
            }
        }
        Verdict::Forward(warnings)
    }

    /// The catalog of one statement: the database and the target table as the
    /// upstream describes them. Key columns come from `COLUMN_KEY`: Doris writes `DUP`,
    /// `UNI` or `AGG` for a key column; another server's `PRI` is read as UNIQUE.
    async fn catalog_for(
        &mut self,
        db: &str,
        table: Option<&str>,
        conn: &ConnState,
    ) -> Result<InMemoryCatalog, Reply> {
        let c = self.conn(conn.database.as_deref()).await?;
        let mut catalog = InMemoryCatalog::new();
        // Text queries: Doris FE serves prepared statements only when a session
        // variable allows them.
        let exists: Option<String> = c
            .query_first(format!(
                "SELECT SCHEMA_NAME FROM information_schema.schemata WHERE SCHEMA_NAME = {}",
                quoted(db)
            ))
            .await
            .map_err(|e| upstream_error(&e))?;
        if exists.is_none() {
            return Ok(catalog);
        }
        let _ = catalog.create_database(db, true);
        let Some(table) = table else {
            return Ok(catalog);
        };
        let rows: Vec<(String, String, String, String)> = c
            .query(format!(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY FROM information_schema.columns \
                 WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} ORDER BY ORDINAL_POSITION",
                quoted(db),
                quoted(table)
            ))
            .await
            .map_err(|e| upstream_error(&e))?;
        if rows.is_empty() {
            return Ok(catalog);
        }
        let keys_type = rows
            .iter()
            .find_map(|(_, _, _, k)| match k.as_str() {
                "AGG" => Some(KeysType::Aggregate),
                "UNI" | "PRI" => Some(KeysType::Unique),
                "DUP" => Some(KeysType::Duplicate),
                _ => None,
            })
            .unwrap_or(KeysType::Duplicate);
        let mut key_columns: Vec<String> = rows
            .iter()
            .filter(|(_, _, _, k)| !k.is_empty() && k != "MUL")
            .map(|(n, ..)| n.clone())
            .collect();
        if key_columns.is_empty() {
            key_columns.extend(rows.first().map(|(n, ..)| n.clone()));
        }
        let unique = keys_type == KeysType::Unique;
        let info = TableInfo {
            name: table.to_string(),
            id: catalog.next_id(),
            keys_type,
            is_olap: true,
            temporary: false,
            columns: rows
                .iter()
                .map(|(name, ty, nullable, _)| ColumnInfo {
                    name: name.clone(),
                    data_type: ty.to_ascii_uppercase(),
                    is_key: key_columns.contains(name),
                    nullable: nullable.eq_ignore_ascii_case("YES"),
                    aggregation: None,
                    is_variant: ty.eq_ignore_ascii_case("variant"),
                })
                .collect(),
            distribution_columns: key_columns.clone(),
            key_columns,
            merge_on_write: unique,
            has_delete_sign: unique,
            sequence_col: None,
            sequence_type: None,
            skip_bitmap_column: false,
            light_schema_change: true,
            partitions: Vec::new(),
            temp_partitions: Vec::new(),
            random_distribution: false,
            buckets: None,
        };
        let _ = catalog.create_table(db, info, true);
        Ok(catalog)
    }

    /// `USE db` / COM_INIT_DB, on the upstream.
    pub async fn use_database(&mut self, conn: &mut ConnState, db: &str) -> Reply {
        let current = conn.database.clone();
        match self.conn(current.as_deref()).await {
            Ok(c) => match c
                .query_drop(format!("USE `{}`", db.replace('`', "``")))
                .await
            {
                Ok(()) => {
                    conn.database = Some(db.to_string());
                    Reply::ok()
                }
                Err(e) => upstream_error(&e),
            },
            Err(reply) => reply,
        }
    }

    /// Forwards a statement and streams the upstream's answer back, rlfe's findings
    /// counted with the upstream's warnings. Returns the write's result and a verdict
    /// for the log.
    pub async fn forward<W: AsyncWrite + Send + Unpin>(
        &mut self,
        sql: &str,
        ours: Vec<Warning>,
        results: QueryResultWriter<'_, W>,
        wire: &super::wire::Wire,
    ) -> (io::Result<()>, String) {
        let c = match self.conn(None).await {
            Ok(c) => c,
            Err(reply) => {
                let v = reply.verdict();
                return (super::wire::write_reply(reply, results, wire).await, v);
            }
        };
        let mut result = match c.query_iter(sql).await {
            Ok(r) => r,
            Err(e) => {
                let mut reply = upstream_error(&e);
                if let Reply::Error { message, .. } = &mut reply {
                    *message = scrub_secrets(message, sql);
                }
                let v = reply.verdict();
                if matches!(e, mysql_async::Error::Io(_)) {
                    self.conn = None;
                }
                return (super::wire::write_reply(reply, results, wire).await, v);
            }
        };
        let extra = u16::try_from(ours.len()).unwrap_or(u16::MAX);
        let columns = result.columns().map(|c| c.to_vec()).unwrap_or_default();
        if columns.is_empty() {
            let ok = OkResponse {
                affected_rows: result.affected_rows(),
                last_insert_id: result.last_insert_id().unwrap_or(0),
                warnings: result.warnings().saturating_add(extra),
                info: result.info().into_owned(),
                ..OkResponse::default()
            };
            let _ = result.drop_result().await;
            wire.arm_ok(ok.affected_rows, ok.last_insert_id, ok.warnings);
            return (results.completed(ok).await, "forwarded: ok".into());
        }
        let cols: Vec<Column> = columns
            .iter()
            .map(|c| Column {
                table: c.table_str().into_owned(),
                column: c.name_str().into_owned(),
                coltype: ColumnType::try_from(c.column_type() as u8)
                    .unwrap_or(ColumnType::MYSQL_TYPE_VAR_STRING),
                colflags: ColumnFlags::from_bits_truncate(c.flags().bits()),
            })
            .collect();
        let mut w = match results.start(&cols).await {
            Ok(w) => w,
            Err(e) => return (Err(e), "write failed".into()),
        };
        let mut n = 0usize;
        loop {
            match result.next().await {
                Ok(Some(row)) => {
                    n += 1;
                    for i in 0..row.len() {
                        let v = row.as_ref(i).and_then(text_of);
                        if let Err(e) = w.write_col(v.as_deref()) {
                            return (Err(e), "write failed".into());
                        }
                    }
                    if let Err(e) = w.end_row().await {
                        return (Err(e), "write failed".into());
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let reply = upstream_error(&e);
                    let Reply::Error { errno, message, .. } = &reply else {
                        break;
                    };
                    // Rows may still be buffered ahead of it: the number goes in the text.
                    let text = format!("{message} (upstream error {errno})");
                    let r = w
                        .finish_error(ErrorKind::ER_UNKNOWN_ERROR, &text.as_bytes().to_vec())
                        .await;
                    return (r, reply.verdict());
                }
            }
        }
        let _ = result.drop_result().await;
        (w.finish().await, format!("forwarded: {n} rows"))
    }
}

/// The upstream's error text without the statement's secret values: a server that
/// quotes the statement (MySQL's `near '…'`) may show a whole secret or, where it cut
/// the quote, its start.
fn scrub_secrets(message: &str, sql: &str) -> String {
    let ranges = crate::keys::masking::secret_ranges(sql);
    crate::keys::masking::SecretWords::in_ranges(sql, &ranges)
        .scrub_with_cuts(message)
        .unwrap_or_else(|| message.to_string())
}

/// A string literal for a text query: backslashes and quotes escaped.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}

/// A value of the text protocol as text (`None` for NULL).
fn text_of(v: &mysql_async::Value) -> Option<String> {
    match v {
        mysql_async::Value::NULL => None,
        mysql_async::Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        other => Some(other.as_sql(true).trim_matches('\'').to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn upstream_errors_do_not_quote_secrets() {
        let sql =
            r#"CREATE ROUTINE LOAD j ON t FROM KAFKA ("property.sasl.password" = "hunter2secret")"#;
        let whole = "near 'KAFKA (\"property.sasl.password\" = \"hunter2secret\")' at line 1";
        assert!(!super::scrub_secrets(whole, sql).contains("hunter2"));
        let cut = "near 'KAFKA (\"property.sasl.password\" = \"hunte' at line 1";
        let scrubbed = super::scrub_secrets(cut, sql);
        assert!(!scrubbed.contains("hunte"), "{scrubbed}");
        assert_eq!(
            super::scrub_secrets("Table 'x' doesn't exist", sql),
            "Table 'x' doesn't exist"
        );
    }

    #[test]
    fn literals_are_escaped() {
        assert_eq!(super::quoted("shop"), "'shop'");
        assert_eq!(super::quoted(r"a'b\c"), r"'a''b\\c'");
    }
}
