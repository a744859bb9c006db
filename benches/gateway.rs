//! `rlfe serve` over the wire: statements per second and p50/p99 latency, in one run
//! beside MariaDB answering `SELECT 1` on the same machine (the reference), and beside
//! the same statement run in-process (the analysis alone), so the server's own cost
//! (protocol, registry lock, durability) shows.
//!
//! `cargo bench --bench gateway` (`RLFE_BENCH_N` statements per case, default 2000).

// The allocator the `rlfe` binary ships with, for rlfe and sqlparser alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../tests/common/processes.rs"]
mod processes;

use mysql_async::prelude::Queryable;
use routine_load_fe::server::{Gateway, ServerOptions};
use routine_load_fe::session::Session;
use std::path::Path;
use std::time::{Duration, Instant};

const STATEMENT: &str = r#"CREATE ROUTINE LOAD demo.{name} ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "kafka_partitions" = "0,1,2",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
)"#;

struct Figures {
    label: String,
    n: usize,
    wall: Duration,
    p50: Duration,
    p99: Duration,
}

fn figures(label: &str, mut lat: Vec<Duration>, wall: Duration) -> Figures {
    lat.sort();
    let at = |q: f64| {
        lat.get(((lat.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    Figures {
        label: label.to_string(),
        n: lat.len(),
        wall,
        p50: at(0.50),
        p99: at(0.99),
    }
}

async fn connect(port: u16) -> mysql_async::Conn {
    let opts = mysql_async::OptsBuilder::default()
        .ip_or_hostname("127.0.0.1")
        .tcp_port(port)
        .user(Some("root"))
        .pass(Some(""))
        .prefer_socket(false);
    mysql_async::Conn::new(opts).await.expect("connects")
}

/// `n` statements on `conns` connections (each its own sequence), timed one by one.
async fn over_the_wire(
    port: u16,
    conns: usize,
    n: usize,
    make: fn(usize, usize) -> Vec<String>,
) -> (Vec<Duration>, Duration) {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..conns {
        tasks.push(tokio::spawn(async move {
            let mut conn = connect(port).await;
            let mut lat = Vec::new();
            for i in 0..n / conns {
                for sql in make(c, i) {
                    let t = Instant::now();
                    conn.query_drop(sql).await.expect("the statement succeeds");
                    lat.push(t.elapsed());
                }
            }
            lat
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("the task ends"));
    }
    (all, start.elapsed())
}

fn select_one(_: usize, _: usize) -> Vec<String> {
    vec!["SELECT 1".into()]
}

/// A CREATE and the STOP that keeps the running jobs under Doris's limit of 100.
fn create_and_stop(c: usize, i: usize) -> Vec<String> {
    let name = format!("b{c}_{i}");
    vec![
        STATEMENT.replace("{name}", &name),
        format!("STOP ROUTINE LOAD FOR demo.{name}"),
    ]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("RLFE_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 40 } else { 2000 });
    let scratch = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-gateway");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let mut out: Vec<Figures> = Vec::new();

    // The analysis alone: the same CREATE (and STOP) in one in-process session.
    {
        let mut session = Session::default();
        session.load_demo().expect("the demo catalog");
        let mut lat = Vec::new();
        let start = Instant::now();
        for i in 0..n / 2 {
            for sql in create_and_stop(0, i) {
                let t = Instant::now();
                let r = session.execute_sql(&sql);
                assert!(r.iter().all(|r| r.ok));
                lat.push(t.elapsed());
            }
        }
        out.push(figures(
            "in-process session, CREATE+STOP",
            lat,
            start.elapsed(),
        ));
    }

    let serve = |data_dir: Option<&Path>| {
        rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("binds");
            let port = listener.local_addr().expect("an address").port();
            let gateway = Gateway::open(ServerOptions {
                demo: true,
                log_statements: false,
                data_dir: data_dir.map(Path::to_path_buf),
                ..ServerOptions::default()
            })
            .expect("the gateway opens");
            tokio::spawn(gateway.serve(listener, std::future::pending()));
            port
        })
    };
    let memory = serve(None);
    let durable = serve(Some(&scratch.join("data")));
    for (label, port, conns, make) in [
        (
            "rlfe serve, SELECT 1, 1 connection",
            memory,
            1,
            select_one as fn(usize, usize) -> Vec<String>,
        ),
        (
            "rlfe serve (memory), CREATE+STOP, 1 connection",
            memory,
            1,
            create_and_stop,
        ),
        (
            "rlfe serve (memory), CREATE+STOP, 16 connections",
            memory,
            16,
            create_and_stop,
        ),
        (
            "rlfe serve (durable), CREATE+STOP, 1 connection",
            durable,
            1,
            create_and_stop,
        ),
        (
            "rlfe serve (durable), CREATE+STOP, 16 connections",
            durable,
            16,
            create_and_stop,
        ),
    ] {
        let per = if label.contains("CREATE") { n / 2 } else { n };
        let (lat, wall) = rt.block_on(over_the_wire(port, conns, per, make));
        out.push(figures(label, lat, wall));
    }

    match processes::Mariadb::start(&scratch, "bench") {
        Ok(db) => {
            for conns in [1, 16] {
                let (lat, wall) = rt.block_on(over_the_wire(db.port, conns, n, select_one));
                out.push(figures(
                    &format!("MariaDB, SELECT 1, {conns} connection(s) (reference)"),
                    lat,
                    wall,
                ));
            }
        }
        Err(why) => println!("MariaDB reference skipped: {why}"),
    }

    println!(
        "{:<52} {:>8} {:>12} {:>10} {:>10}",
        "case", "stmts", "stmts/s", "p50 µs", "p99 µs"
    );
    for f in &out {
        println!(
            "{:<52} {:>8} {:>12.0} {:>10.1} {:>10.1}",
            f.label,
            f.n,
            f.n as f64 / f.wall.as_secs_f64(),
            f.p50.as_secs_f64() * 1e6,
            f.p99.as_secs_f64() * 1e6
        );
    }
    let find = |s: &str| out.iter().find(|f| f.label.starts_with(s));
    if let (Some(gw), Some(reference)) =
        (find("rlfe serve, SELECT 1"), find("MariaDB, SELECT 1, 1"))
    {
        println!(
            "protocol floor: rlfe serve SELECT 1 p50 = {:.2}× MariaDB's",
            gw.p50.as_secs_f64() / reference.p50.as_secs_f64()
        );
    }
    if let (Some(wire), Some(local)) = (
        find("rlfe serve (memory), CREATE+STOP, 1"),
        find("in-process"),
    ) {
        println!(
            "server overhead per statement (memory, p50): {:.1} µs over the analysis's {:.1} µs",
            (wire.p50.as_secs_f64() - local.p50.as_secs_f64()) * 1e6,
            local.p50.as_secs_f64() * 1e6
        );
    }
}
