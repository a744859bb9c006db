//! One client connection on the MySQL protocol (opensrv-mysql): the handshake with a
//! random scramble per connection and `mysql_native_password`, then each query is
//! answered by the gateway itself, the shared FE, or the upstream.
//!
//! Two defects of opensrv-mysql 0.7 are handled here: its scramble is the same for every
//! connection (we give each connection a random one), and a refused login is answered
//! with error 1698 and a text of its own (the connection's writer rewrites that one
//! packet into Doris's 1045 `Access denied for user …`).

use super::builtins::{self, Health};
use super::reply::{ConnState, Reply};
use super::upstream::Upstream;
use super::Gateway;
use async_trait::async_trait;
use opensrv_mysql::{
    AsyncMysqlShim, Column, ColumnFlags, ColumnType, ErrorKind, InitWriter, OkResponse,
    ParamParser, QueryResultWriter, StatementMetaWriter,
};
use std::io;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Instant;
use tokio::io::AsyncWrite;

/// The protocol handler of one connection.
pub struct Connection {
    gateway: Arc<Gateway>,
    conn: ConnState,
    scramble: [u8; 20],
    refused: Arc<Mutex<Option<String>>>,
    /// The user the handshake authenticated (set during the handshake, read after).
    login: Mutex<Option<String>>,
    upstream: Option<Upstream>,
    /// Whether the last statement was forwarded with no finding of ours (its
    /// `SHOW WARNINGS` is then the upstream's).
    last_forwarded: bool,
}

impl Connection {
    /// A connection from `peer`; `refused` is shared with the connection's writer.
    pub fn new(
        gateway: Arc<Gateway>,
        id: u32,
        peer: &str,
        refused: Arc<Mutex<Option<String>>>,
    ) -> Self {
        let mut scramble = [0u8; 20];
        for chunk in scramble.chunks_mut(16) {
            let bytes = uuid::Uuid::new_v4().into_bytes();
            for (d, s) in chunk.iter_mut().zip(bytes.iter()) {
                // Printable, and never NUL or '$' (the handshake's terminators).
                *d = 0x21 + (s % 0x5d);
                if *d == b'$' {
                    *d += 1;
                }
            }
        }
        let mut conn = ConnState::new(id, "", peer);
        if gateway.options.demo && gateway.options.upstream.is_none() {
            conn.database = Some("demo".into());
        }
        Connection {
            upstream: gateway.options.upstream.clone().map(Upstream::new),
            gateway,
            conn,
            scramble,
            refused,
            login: Mutex::new(None),
            last_forwarded: false,
        }
    }

    /// Moves the handshake's user into the connection's state.
    fn take_login(&mut self) {
        if let Some(user) = self
            .login
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        {
            self.conn.user = user;
        }
    }

    fn health(&self) -> Health {
        let g = &self.gateway;
        Health {
            uptime_secs: g.started.elapsed().as_secs(),
            connections: g.connections.load(Ordering::Relaxed),
            jobs: g
                .fe
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .job_count(),
            mode: if g.options.upstream.is_some() {
                "upstream"
            } else if g.options.data_dir.is_some() {
                "durable"
            } else {
                "memory"
            },
        }
    }

    /// Answers a query: the gateway's own answers first, then the FE or the upstream.
    async fn answer<W: AsyncWrite + Send + Unpin>(
        &mut self,
        sql: &str,
        results: QueryResultWriter<'_, W>,
    ) -> io::Result<()> {
        let started = Instant::now();
        self.take_login();
        let gateway = self.gateway.clone();
        let _inflight = gateway.inflight.read().await;
        let reply = if self.gateway.shutting_down.load(Ordering::SeqCst) {
            Reply::coded(1053, "08S01", "Server shutdown in progress")
        } else if sql.len() > self.gateway.options.max_statement_bytes {
            Reply::error(format!(
                "statement is larger than the limit of {} bytes",
                self.gateway.options.max_statement_bytes
            ))
        } else if self.upstream.is_some() {
            return self.forward(sql, results, started).await;
        } else {
            self.run_here(sql).await
        };
        self.log(sql, &reply, started);
        self.finish(reply, results).await
    }

    /// A query answered without an upstream.
    async fn run_here(&mut self, sql: &str) -> Reply {
        let health = self.health();
        let keep_warnings = is_show_warnings(sql);
        let reply = match builtins::answer(&mut self.conn, sql, || health) {
            Some(r) => r,
            None => {
                let gateway = self.gateway.clone();
                let mut conn = self.conn.clone();
                let text = sql.to_string();
                let joined = tokio::task::spawn_blocking(move || {
                    let reply = gateway
                        .fe
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .run(&mut conn, &text);
                    (reply, conn)
                })
                .await;
                match joined {
                    Ok((reply, conn)) => {
                        self.conn = conn;
                        not_executed_here(reply)
                    }
                    Err(e) => Reply::internal(format!("the statement did not finish: {e}")),
                }
            }
        };
        if !keep_warnings {
            self.conn.warnings = reply.warnings().to_vec();
        }
        reply
    }

    /// A query in upstream mode.
    async fn forward<W: AsyncWrite + Send + Unpin>(
        &mut self,
        sql: &str,
        results: QueryResultWriter<'_, W>,
        started: Instant,
    ) -> io::Result<()> {
        let health = self.health();
        if sql.trim().eq_ignore_ascii_case("show health") {
            let reply = builtins::answer(&mut self.conn, sql, || health).unwrap_or_else(Reply::ok);
            return self.finish(reply, results).await;
        }
        if is_show_warnings(sql) && !self.last_forwarded {
            let reply = builtins::answer(&mut self.conn, sql, || health).unwrap_or_else(Reply::ok);
            return self.finish(reply, results).await;
        }
        let Some(upstream) = self.upstream.as_mut() else {
            return self.finish(Reply::ok(), results).await;
        };
        let verdict = upstream.check(&mut self.conn, sql).await;
        let outcome = match verdict {
            super::upstream::Verdict::Answer(reply) => {
                self.last_forwarded = false;
                self.conn.warnings = reply.warnings().to_vec();
                self.log(sql, &reply, started);
                return self.finish(reply, results).await;
            }
            super::upstream::Verdict::Forward(ours) => {
                self.last_forwarded = ours.is_empty();
                self.conn.warnings.clone_from(&ours);
                upstream.forward(sql, ours, results).await
            }
        };
        let (io_result, verdict) = outcome;
        if is_set_or_use(sql) {
            // The local session variables follow the upstream's (time_zone for analysis).
            let _ = builtins::answer(&mut self.conn, sql, Health::default);
        }
        self.log_verdict(sql, &verdict, started);
        io_result
    }

    fn log(&self, sql: &str, reply: &Reply, started: Instant) {
        self.log_verdict(sql, &reply.verdict(), started);
    }

    fn log_verdict(&self, sql: &str, verdict: &str, started: Instant) {
        self.gateway
            .log_statement(&self.conn, sql, verdict, started.elapsed());
    }

    /// Writes a reply.
    async fn finish<W: AsyncWrite + Send + Unpin>(
        &mut self,
        reply: Reply,
        results: QueryResultWriter<'_, W>,
    ) -> io::Result<()> {
        write_reply(reply, results).await
    }
}

/// Writes a reply to the client.
pub async fn write_reply<W: AsyncWrite + Send + Unpin>(
    reply: Reply,
    results: QueryResultWriter<'_, W>,
) -> io::Result<()> {
    match reply {
        Reply::Ok { affected, warnings } => {
            results
                .completed(OkResponse {
                    affected_rows: affected,
                    warnings: u16::try_from(warnings.len()).unwrap_or(u16::MAX),
                    ..OkResponse::default()
                })
                .await
        }
        Reply::Error { errno, message, .. } => {
            results
                .error(ErrorKind::from(errno), message.as_bytes())
                .await
        }
        Reply::Rows { columns, rows, .. } => {
            let cols: Vec<Column> = columns
                .iter()
                .map(|c| Column {
                    table: String::new(),
                    column: c.name.clone(),
                    coltype: if c.numeric {
                        ColumnType::MYSQL_TYPE_LONGLONG
                    } else {
                        ColumnType::MYSQL_TYPE_VAR_STRING
                    },
                    colflags: ColumnFlags::empty(),
                })
                .collect();
            let mut w = results.start(&cols).await?;
            for row in rows {
                for v in row {
                    w.write_col(v.as_deref())?;
                }
                w.end_row().await?;
            }
            w.finish().await
        }
    }
}

fn is_show_warnings(sql: &str) -> bool {
    let mut words = sql.split_whitespace().map(|w| w.trim_end_matches(';'));
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("show"))
        && words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("warnings") || w.eq_ignore_ascii_case("errors"))
}

fn is_set_or_use(sql: &str) -> bool {
    let first = sql.split_whitespace().next().unwrap_or("");
    first.eq_ignore_ascii_case("set") || first.eq_ignore_ascii_case("use")
}

/// A statement outside routine load and the catalog, without an upstream: the gateway
/// says so instead of answering OK for something it did not do.
fn not_executed_here(reply: Reply) -> Reply {
    let other = reply
        .warnings()
        .iter()
        .any(|w| w.message.starts_with("[OTHER]"));
    if other && matches!(reply, Reply::Ok { .. }) {
        return Reply::error(
            "rlfe serve runs routine-load and catalog statements; start it with --upstream HOST:PORT to forward other statements to Doris",
        );
    }
    reply
}

#[async_trait]
impl<W: AsyncWrite + Send + Unpin> AsyncMysqlShim<W> for Connection {
    type Error = io::Error;

    fn version(&self) -> String {
        super::VERSION.to_string()
    }

    fn connect_id(&self) -> u32 {
        self.conn.id
    }

    fn salt(&self) -> [u8; 20] {
        self.scramble
    }

    async fn authenticate(
        &self,
        _auth_plugin: &str,
        username: &[u8],
        salt: &[u8],
        auth_data: &[u8],
    ) -> bool {
        let user = String::from_utf8_lossy(username);
        let ok = self.gateway.options.users.verify(&user, salt, auth_data);
        if ok {
            *self.login.lock().unwrap_or_else(PoisonError::into_inner) = Some(user.to_string());
        } else {
            let host = self
                .conn
                .peer
                .rsplit_once(':')
                .map_or(self.conn.peer.as_str(), |(h, _)| h);
            let using = if auth_data.is_empty() { "NO" } else { "YES" };
            *self.refused.lock().unwrap_or_else(PoisonError::into_inner) = Some(format!(
                "Access denied for user '{user}@{host}' (using password: {using})"
            ));
        }
        ok
    }

    async fn on_prepare<'a>(
        &'a mut self,
        _query: &'a str,
        info: StatementMetaWriter<'a, W>,
    ) -> io::Result<()> {
        info.error(
            ErrorKind::ER_UNSUPPORTED_PS,
            b"errCode = 2, detailMessage = rlfe serve does not support prepared statements; use text queries",
        )
        .await
    }

    async fn on_execute<'a>(
        &'a mut self,
        _id: u32,
        _params: ParamParser<'a>,
        results: QueryResultWriter<'a, W>,
    ) -> io::Result<()> {
        results
            .error(
                ErrorKind::ER_UNKNOWN_STMT_HANDLER,
                b"errCode = 2, detailMessage = unknown prepared statement",
            )
            .await
    }

    async fn on_close<'a>(&'a mut self, _stmt: u32)
    where
        W: 'async_trait,
    {
    }

    async fn on_query<'a>(
        &'a mut self,
        query: &'a str,
        results: QueryResultWriter<'a, W>,
    ) -> io::Result<()> {
        self.answer(query, results).await
    }

    async fn on_init<'a>(&'a mut self, db: &'a str, writer: InitWriter<'a, W>) -> io::Result<()> {
        // COM_INIT_DB (`mysql -D db`, the client's `use`): the same as `USE db`.
        let sql = format!("USE `{}`", db.replace('`', "``"));
        let started = Instant::now();
        self.take_login();
        let reply = match self.upstream.as_mut() {
            Some(up) => up.use_database(&mut self.conn, db).await,
            None => self.run_here(&sql).await,
        };
        self.log(&sql, &reply, started);
        match reply {
            Reply::Error { errno, message, .. } => {
                writer
                    .error(ErrorKind::from(errno), message.as_bytes())
                    .await
            }
            _ => writer.ok().await,
        }
    }
}

/// The connection's writer: passes everything through, except that once a login was
/// refused it replaces opensrv's error packet with Doris's.
pub struct ConnWriter<W> {
    inner: W,
    refused: Arc<Mutex<Option<String>>>,
    held: Vec<u8>,
    out: Option<(Vec<u8>, usize)>,
}

impl<W> ConnWriter<W> {
    /// Wraps a writer.
    pub fn new(inner: W, refused: Arc<Mutex<Option<String>>>) -> Self {
        ConnWriter {
            inner,
            refused,
            held: Vec::new(),
            out: None,
        }
    }

    fn refusal(&self) -> Option<String> {
        self.refused
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// A MySQL ERR packet with sequence number `seq`.
pub fn error_packet(seq: u8, errno: u16, sqlstate: &str, message: &str) -> Vec<u8> {
    let mut body = vec![0xff];
    body.extend_from_slice(&errno.to_le_bytes());
    body.push(b'#');
    body.extend_from_slice(sqlstate.as_bytes());
    body.extend_from_slice(message.as_bytes());
    let len = u32::try_from(body.len()).unwrap_or(0).to_le_bytes();
    let mut packet = vec![len[0], len[1], len[2], seq];
    packet.extend(body);
    packet
}

impl<W: AsyncWrite + Unpin> AsyncWrite for ConnWriter<W> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.refusal().is_some() {
            self.held.extend_from_slice(buf);
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(text) = self.refusal() {
            if self.out.is_none() && !self.held.is_empty() {
                let seq = self.held.get(3).copied().unwrap_or(2);
                let packet = error_packet(seq, 1045, "28000", &text);
                self.held.clear();
                self.out = Some((packet, 0));
            }
            let this = &mut *self;
            while let Some((packet, done)) = this.out.as_mut() {
                if *done >= packet.len() {
                    break;
                }
                let rest = packet.get(*done..).unwrap_or(&[]);
                match Pin::new(&mut this.inner).poll_write(cx, rest) {
                    Poll::Ready(Ok(n)) => *done += n,
                    Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                    Poll::Pending => return Poll::Pending,
                }
            }
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
