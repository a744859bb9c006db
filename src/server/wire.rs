//! One client connection on the MySQL protocol (opensrv-mysql): the handshake with a
//! random scramble per connection and `mysql_native_password`, then each query is
//! answered by the gateway itself, the shared FE, or the upstream.
//!
//! Three defects of opensrv-mysql 0.7 are handled here: its scramble is the same for
//! every connection (we give each connection a random one); a refused login is answered
//! with error 1698 and a text of its own (the connection's writer rewrites that packet
//! into Doris's 1045 `Access denied for user …`); its `ErrorKind` panics on an error
//! number outside MySQL's list, which Doris's own numbers are (every error is sent as
//! 1105 and the writer patches in the real number and SQLSTATE as the packet passes);
//! and its OK packet always says "no warnings" (the writer patches in the count).

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
    wire: Wire,
    /// The user the handshake authenticated (set during the handshake, read after).
    login: Mutex<Option<String>>,
    upstream: Option<Upstream>,
    /// Whether the last statement was forwarded with no finding of ours (its
    /// `SHOW WARNINGS` is then the upstream's).
    last_forwarded: bool,
}

impl Connection {
    /// A connection from `peer`; `wire` is shared with the connection's writer.
    pub fn new(gateway: Arc<Gateway>, id: u32, peer: &str, wire: Wire) -> Self {
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
        let demo = gateway
            .fe
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .initial_catalog()
            == super::InitialCatalog::Demo;
        if demo && gateway.options.upstream.is_none() {
            conn.database = Some("demo".into());
        }
        Connection {
            upstream: gateway
                .options
                .upstream
                .clone()
                .map(|u| Upstream::new(u, gateway.options.doris_version)),
            gateway,
            conn,
            scramble,
            wire,
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
                let run = move |mut conn: ConnState, text: String| {
                    let reply = gateway
                        .fe
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .run(&mut conn, &text);
                    (reply, conn)
                };
                let (conn, text) = (self.conn.clone(), sql.to_string());
                // On a multi-threaded runtime the statement runs on this worker (no
                // hand-off to another thread); elsewhere on the blocking pool.
                let joined = match tokio::runtime::Handle::current().runtime_flavor() {
                    tokio::runtime::RuntimeFlavor::MultiThread => {
                        Ok(tokio::task::block_in_place(|| run(conn, text)))
                    }
                    _ => tokio::task::spawn_blocking(move || run(conn, text)).await,
                };
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
                upstream.forward(sql, ours, results, &self.wire).await
            }
        };
        let (io_result, verdict) = outcome;
        if verdict == "forwarded: ok" {
            if let Some(db) = used_database(sql) {
                self.conn.database = Some(db);
            }
        }
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
        write_reply(reply, results, &self.wire).await
    }
}

/// Writes a reply to the client.
pub async fn write_reply<W: AsyncWrite + Send + Unpin>(
    reply: Reply,
    results: QueryResultWriter<'_, W>,
    wire: &Wire,
) -> io::Result<()> {
    match reply {
        Reply::Ok { affected, warnings } => {
            let count = u16::try_from(warnings.len()).unwrap_or(u16::MAX);
            wire.arm_ok(affected, 0, count);
            results
                .completed(OkResponse {
                    affected_rows: affected,
                    warnings: count,
                    ..OkResponse::default()
                })
                .await
        }
        Reply::Error {
            errno,
            sqlstate,
            message,
            ..
        } => {
            wire.arm_error(errno, &sqlstate);
            results
                .error(ErrorKind::ER_UNKNOWN_ERROR, message.as_bytes())
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

/// The database of a `USE db` statement.
fn used_database(sql: &str) -> Option<String> {
    let mut words = sql.split_whitespace();
    let first = words.next()?;
    if !first.eq_ignore_ascii_case("use") {
        return None;
    }
    let name = words.next()?.trim_end_matches(';');
    Some(name.trim_matches('`').to_string())
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
            self.wire.refuse(format!(
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
        // `catalog.db` names a database of a catalog, as Doris reads COM_INIT_DB.
        let quoted: Vec<String> = db
            .splitn(2, '.')
            .map(|part| format!("`{}`", part.replace('`', "``")))
            .collect();
        let sql = format!("USE {}", quoted.join("."));
        let started = Instant::now();
        self.take_login();
        let reply = match self.upstream.as_mut() {
            Some(up) => up.use_database(&mut self.conn, db).await,
            None => self.run_here(&sql).await,
        };
        self.log(&sql, &reply, started);
        match reply {
            Reply::Error {
                errno,
                sqlstate,
                message,
                ..
            } => {
                self.wire.arm_error(errno, &sqlstate);
                writer
                    .error(ErrorKind::ER_UNKNOWN_ERROR, message.as_bytes())
                    .await
            }
            _ => writer.ok().await,
        }
    }
}

/// Bytes to write into the next packet as it passes: the packet's header byte (offset
/// 4) must be `header`, then each `(offset, byte)` replaces what opensrv wrote.
#[derive(Debug, Clone)]
struct Patch {
    header: u8,
    bytes: Vec<(usize, u8)>,
    seen: usize,
}

#[derive(Debug, Default)]
struct WireState {
    /// Doris's text for a refused login: the writer replaces opensrv's error packet.
    refused: Option<String>,
    /// The patch for the next packet.
    patch: Option<Patch>,
}

/// What the protocol handler tells the connection's writer.
#[derive(Debug, Clone, Default)]
pub struct Wire(Arc<Mutex<WireState>>);

/// How many bytes a length-encoded integer takes.
fn lenenc_len(n: u64) -> usize {
    match n {
        0..=250 => 1,
        251..=0xffff => 3,
        0x1_0000..=0xff_ffff => 4,
        _ => 9,
    }
}

impl Wire {
    fn with<T>(&self, f: impl FnOnce(&mut WireState) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn refuse(&self, text: String) {
        self.with(|w| w.refused = Some(text));
    }

    fn refusal(&self) -> Option<String> {
        self.with(|w| w.refused.clone())
    }

    /// The next packet is an ERR packet: give it this number (offsets 5–6) and
    /// SQLSTATE (8–12).
    pub fn arm_error(&self, errno: u16, sqlstate: &str) {
        let mut bytes: Vec<(usize, u8)> = errno
            .to_le_bytes()
            .into_iter()
            .enumerate()
            .map(|(i, b)| (5 + i, b))
            .collect();
        if sqlstate.len() == 5 {
            bytes.extend(sqlstate.bytes().enumerate().map(|(i, b)| (8 + i, b)));
        }
        self.with(|w| {
            w.patch = Some(Patch {
                header: 0xff,
                bytes,
                seen: 0,
            })
        });
    }

    /// The next packet is an OK packet with `affected` rows and `insert_id`: give it
    /// this warning count (after the two length-encoded integers and the status).
    pub fn arm_ok(&self, affected: u64, insert_id: u64, warnings: u16) {
        if warnings == 0 {
            return;
        }
        let at = 5 + lenenc_len(affected) + lenenc_len(insert_id) + 2;
        let bytes = warnings
            .to_le_bytes()
            .into_iter()
            .enumerate()
            .map(|(i, b)| (at + i, b))
            .collect();
        self.with(|w| {
            w.patch = Some(Patch {
                header: 0x00,
                bytes,
                seen: 0,
            })
        });
    }

    /// The bytes about to pass, patched when a patch is armed.
    fn patch(&self, buf: &[u8]) -> Option<Vec<u8>> {
        self.with(|w| {
            let p = w.patch.as_ref()?;
            let mut out = buf.to_vec();
            for (i, b) in out.iter_mut().enumerate() {
                let at = p.seen + i;
                if at == 4 && *b != p.header {
                    // Not the packet expected: leave it alone.
                    w.patch = None;
                    return None;
                }
                if let Some((_, v)) = p.bytes.iter().find(|(o, _)| *o == at) {
                    *b = *v;
                }
            }
            Some(out)
        })
    }

    fn advance(&self, n: usize) {
        self.with(|w| {
            if let Some(p) = w.patch.as_mut() {
                p.seen += n;
                let end = p.bytes.iter().map(|(o, _)| o + 1).max().unwrap_or(0).max(5);
                if p.seen >= end {
                    w.patch = None;
                }
            }
        });
    }
}

/// The connection's writer: passes everything through, patching an armed ERR packet,
/// and once a login was refused replaces opensrv's error packet with Doris's.
pub struct ConnWriter<W> {
    inner: W,
    wire: Wire,
    held: Vec<u8>,
    out: Option<(Vec<u8>, usize)>,
}

impl<W> ConnWriter<W> {
    /// Wraps a writer.
    pub fn new(inner: W, wire: Wire) -> Self {
        ConnWriter {
            inner,
            wire,
            held: Vec::new(),
            out: None,
        }
    }
}

/// A MySQL ERR packet with sequence number `seq`; without a SQLSTATE it is the form a
/// server sends before the handshake (`Too many connections`).
pub fn error_packet(seq: u8, errno: u16, sqlstate: Option<&str>, message: &str) -> Vec<u8> {
    let mut body = vec![0xff];
    body.extend_from_slice(&errno.to_le_bytes());
    if let Some(state) = sqlstate {
        body.push(b'#');
        body.extend_from_slice(state.as_bytes());
    }
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
        if self.wire.refusal().is_some() {
            self.held.extend_from_slice(buf);
            return Poll::Ready(Ok(buf.len()));
        }
        let this = &mut *self;
        let r = match this.wire.patch(buf) {
            Some(patched) => Pin::new(&mut this.inner).poll_write(cx, &patched),
            None => Pin::new(&mut this.inner).poll_write(cx, buf),
        };
        if let Poll::Ready(Ok(n)) = r {
            this.wire.advance(n);
        }
        r
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(text) = self.wire.refusal() {
            if self.out.is_none() && !self.held.is_empty() {
                let seq = self.held.get(3).copied().unwrap_or(2);
                let packet = error_packet(seq, 1045, Some("28000"), &text);
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
