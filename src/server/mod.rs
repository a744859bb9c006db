//! `rlfe serve`: a MySQL-protocol gateway. Clients connect as to Doris FE (port 9030,
//! `root` with an empty password by default) and get Doris's answers on the wire; all
//! connections share one FE (one catalog, one job registry), durable with a data
//! directory, or the gateway guards an upstream Doris FE.

mod auth;
mod builtins;
mod fe;
mod journal;
mod reply;
mod tape;
mod upstream;
mod wire;

pub use auth::{client_token, Users};
pub use builtins::Health;
pub use fe::{Fe, InitialCatalog};
pub use journal::{Journal, JournalError};
pub use reply::{ConnState, Reply, Warning};
pub use tape::{Drawn, Tape};
pub use upstream::UpstreamOptions;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

/// The version the handshake and `@@version` report (Doris reports a MySQL 5.7 one).
pub const VERSION: &str = "5.7.99";
/// `@@version_comment`: what the mysql client prints on connect.
pub const VERSION_COMMENT: &str = "Doris version doris-4.1 (rlfe gateway)";

/// How the gateway is set up.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Where it listens (default 127.0.0.1:9030, Doris FE's query port).
    pub listen: SocketAddr,
    /// The durable state's directory; memory only without it.
    pub data_dir: Option<PathBuf>,
    /// An upstream Doris FE to guard.
    pub upstream: Option<UpstreamOptions>,
    /// Start on the demo catalog (connections start in database `demo`).
    pub demo: bool,
    /// The users.
    pub users: Users,
    /// Most open connections; more are refused with MySQL's 1040.
    pub max_connections: usize,
    /// Largest statement text, in bytes.
    pub max_statement_bytes: usize,
    /// A connection idle this long is closed.
    pub idle_timeout: Duration,
    /// How long a shutdown waits for statements in flight.
    pub shutdown_grace: Duration,
    /// Write a log line per statement to standard error.
    pub log_statements: bool,
    /// The Doris version whose answers the gateway gives (and, with an upstream, the
    /// upstream's version).
    pub doris_version: crate::diagnostics::rules::DorisVersion,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            listen: SocketAddr::from(([127, 0, 0, 1], 9030)),
            data_dir: None,
            upstream: None,
            demo: false,
            users: Users::root(),
            max_connections: 1024,
            max_statement_bytes: crate::parser::ParseOptions::default().max_script_bytes,
            idle_timeout: Duration::from_secs(28_800),
            shutdown_grace: Duration::from_secs(30),
            log_statements: true,
            doris_version: Default::default(),
        }
    }
}

/// Why the gateway cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The data directory.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The listening socket.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The error.
        source: std::io::Error,
    },
    /// Options that exclude each other.
    #[error("{0}")]
    Options(String),
}

/// The state every connection shares.
#[derive(Debug)]
pub struct Gateway {
    /// The options.
    pub options: ServerOptions,
    /// The FE.
    pub fe: Mutex<Fe>,
    started: Instant,
    connections: AtomicUsize,
    next_id: AtomicU32,
    /// Statements in flight hold it for reading; a shutdown takes it for writing.
    inflight: tokio::sync::RwLock<()>,
    shutting_down: AtomicBool,
}

impl Gateway {
    /// Opens the FE (replaying the data directory's journal).
    pub fn open(options: ServerOptions) -> Result<Arc<Gateway>, ServerError> {
        if options.upstream.is_some() && options.data_dir.is_some() {
            return Err(ServerError::Options(
                "--data-dir and --upstream exclude each other: with an upstream, Doris keeps the jobs".into(),
            ));
        }
        let initial = if options.demo {
            InitialCatalog::Demo
        } else {
            InitialCatalog::Empty
        };
        let fe = match &options.data_dir {
            Some(dir) => Fe::durable(dir, initial, options.doris_version)?,
            None => Fe::in_memory(initial, options.doris_version),
        };
        Ok(Arc::new(Gateway {
            options,
            fe: Mutex::new(fe),
            started: Instant::now(),
            connections: AtomicUsize::new(0),
            next_id: AtomicU32::new(1),
            inflight: tokio::sync::RwLock::new(()),
            shutting_down: AtomicBool::new(false),
        }))
    }

    /// How many jobs the registry holds.
    pub fn job_count(&self) -> usize {
        self.fe
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .job_count()
    }

    /// One log line: connection, user, kind, verdict, time, the statement masked.
    fn log_statement(&self, conn: &ConnState, sql: &str, verdict: &str, took: Duration) {
        if !self.options.log_statements {
            return;
        }
        let kind = crate::parser::parse_script(sql, &crate::parser::ParseOptions::default())
            .first()
            .and_then(|p| p.result.as_ref().ok().map(|s| s.kind()))
            .map_or_else(|| "unparsed".to_string(), |k| format!("{k:?}"));
        let masked = crate::keys::masking::mask_sql(sql);
        let mut line: String = masked.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.len() > 200 {
            let cut = crate::text::mask::floor(&line, 200);
            line.truncate(cut);
            line.push('…');
        }
        eprintln!(
            "rlfe serve: conn={} user={} kind={kind} verdict=\"{verdict}\" ms={:.3} sql=\"{}\"",
            conn.id,
            conn.user,
            took.as_secs_f64() * 1000.0,
            line.replace('"', "\\\"")
        );
    }

    /// Serves connections on `listener` until `shutdown` completes; then refuses new
    /// statements, waits for those in flight (up to the grace period) and returns.
    pub async fn serve(
        self: Arc<Self>,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                accepted = listener.accept() => {
                    let Ok((stream, peer)) = accepted else { continue };
                    let gw = self.clone();
                    tokio::spawn(async move { gw.connection(stream, peer).await });
                }
            }
        }
        drop(listener);
        self.shutting_down.store(true, Ordering::SeqCst);
        let _ = tokio::time::timeout(self.options.shutdown_grace, self.inflight.write()).await;
    }

    async fn connection(self: Arc<Self>, mut stream: tokio::net::TcpStream, peer: SocketAddr) {
        let _ = stream.set_nodelay(true);
        let open = self.connections.fetch_add(1, Ordering::SeqCst) + 1;
        let _count = Counted(&self.connections);
        if open > self.options.max_connections {
            let packet = wire::error_packet(0, 1040, None, "Too many connections");
            let _ = stream.write_all(&packet).await;
            return;
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let link = wire::Wire::default();
        let shim = wire::Connection::new(self.clone(), id, &peer.to_string(), link.clone());
        let (r, w) = stream.into_split();
        let writer = wire::ConnWriter::new(w, link);
        let reader = idle::IdleReader::new(r, self.options.idle_timeout);
        let opts = opensrv_mysql::IntermediaryOptions {
            process_use_statement_on_query: true,
            reject_connection_on_dbname_absence: false,
        };
        let _ =
            opensrv_mysql::AsyncMysqlIntermediary::run_with_options(shim, reader, writer, &opts)
                .await;
    }
}

/// Decrements the connection count when the connection ends.
struct Counted<'a>(&'a AtomicUsize);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

mod idle {
    //! A reader that fails with `TimedOut` when nothing arrives for the idle timeout.

    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};
    use std::time::Duration;
    use tokio::io::{AsyncRead, ReadBuf};

    pub struct IdleReader<R> {
        inner: R,
        timeout: Duration,
        deadline: Pin<Box<tokio::time::Sleep>>,
    }

    impl<R> IdleReader<R> {
        pub fn new(inner: R, timeout: Duration) -> Self {
            IdleReader {
                inner,
                timeout,
                deadline: Box::pin(tokio::time::sleep(timeout)),
            }
        }
    }

    impl<R: AsyncRead + Unpin> AsyncRead for IdleReader<R> {
        fn poll_read(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            let before = buf.filled().len();
            match Pin::new(&mut self.inner).poll_read(cx, buf) {
                Poll::Ready(r) => {
                    if buf.filled().len() > before {
                        let next = tokio::time::Instant::now() + self.timeout;
                        self.deadline.as_mut().reset(next);
                    }
                    Poll::Ready(r)
                }
                Poll::Pending => match self.deadline.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "idle timeout",
                    ))),
                    Poll::Pending => Poll::Pending,
                },
            }
        }
    }
}

/// Runs the gateway until SIGTERM or SIGINT: binds, reports the address on standard
/// error, serves, then shuts down gracefully.
pub fn run_blocking(options: ServerOptions) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServerError::Listen {
            addr: options.listen,
            source,
        })?;
    runtime.block_on(async move {
        let addr = options.listen;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Listen { addr, source })?;
        let gateway = Gateway::open(options)?;
        let local = listener.local_addr().unwrap_or(addr);
        let mode = match (&gateway.options.upstream, &gateway.options.data_dir) {
            (Some(u), _) => format!("guarding upstream {}", u.address),
            (None, Some(d)) => format!("durable in {}", d.display()),
            (None, None) => "in memory".to_string(),
        };
        eprintln!(
            "rlfe serve: listening on {local} ({mode}; {} jobs); connect with: mysql -h{} -P{} -uroot",
            gateway.job_count(),
            local.ip(),
            local.port()
        );
        gateway.clone().serve(listener, shutdown_signal()).await;
        eprintln!("rlfe serve: stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = int.recv() => {}
                }
            }
            _ => std::future::pending::<()>().await,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
