//! Starting and stopping programs with bounded waits, and a MariaDB server on a fresh
//! data directory: shared by the service tests and the gateway benchmark.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A program on the PATH (or in /usr/sbin, where Debian puts servers).
pub fn program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Runs a command with `stdin`, killing it after `limit`.
pub fn run_bounded(cmd: &mut Command, stdin: &[u8], limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut input = child.stdin.take().expect("piped");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(limit) {
        Ok(out) => out.expect("the command finishes"),
        Err(_) => {
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            panic!("the command did not finish within {limit:?}");
        }
    };
    let _ = writer.join();
    let _ = waiter.join();
    out
}

/// A free port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Waits until `port` accepts connections.
pub fn wait_for_port(port: u16, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A MariaDB server on a fresh data directory under `target/`, on a free port,
/// stopped when dropped; `None` (with the reason) when the machine has none.
pub struct Mariadb {
    child: Child,
    /// Its port.
    pub port: u16,
    _dir: PathBuf,
}

impl Mariadb {
    /// Starts one with its data under `base`, or says why it cannot.
    pub fn start(base: &Path, name: &str) -> Result<Mariadb, String> {
        let server = program("mariadbd")
            .or_else(|| program("mysqld"))
            .ok_or("no MariaDB server (Debian's mariadb-server; .ci/run installs it)")?;
        let install = program("mariadb-install-db")
            .ok_or("no mariadb-install-db (Debian's mariadb-server)")?;
        let dir = base.join(format!("mariadb-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let data = dir.join("data");
        let out = run_bounded(
            Command::new(install)
                .arg(format!("--datadir={}", data.display()))
                .arg("--auth-root-authentication-method=normal")
                .arg("--skip-test-db")
                .arg("--user=root"),
            b"",
            Duration::from_secs(120),
        );
        if !out.status.success() {
            return Err(format!(
                "mariadb-install-db failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let port = free_port();
        let child = Command::new(server)
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .arg(format!("--socket={}", dir.join("sock").display()))
            .arg(format!("--pid-file={}", dir.join("pid").display()))
            .arg(format!("--port={port}"))
            .arg("--bind-address=127.0.0.1")
            .arg("--user=root")
            .arg("--skip-grant-tables")
            .arg("--general-log=1")
            .arg("--log-output=TABLE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        let mut db = Mariadb {
            child,
            port,
            _dir: dir,
        };
        if !wait_for_port(port, Duration::from_secs(60)) {
            let _ = db.child.kill();
            return Err("MariaDB did not start within 60 s".into());
        }
        Ok(db)
    }
}

impl Drop for Mariadb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
