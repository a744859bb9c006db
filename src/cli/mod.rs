//! The `rlfe` command line: the REPL (default), `run`, `plan`, `iam-policy`,
//! `msk-iam-token` and the rest.

mod engine;
mod msk;
mod repl;

use clap::{Args, Parser, Subcommand, ValueEnum};
use routine_load_fe::analyzer::Profile;
use routine_load_fe::diagnostics::RenderStyle;
use routine_load_fe::plan::thrift::Protocol;
use routine_load_fe::plan::StaticTopicMetadata;
use routine_load_fe::session::render::Style;
use routine_load_fe::session::{
    DeterministicIds, DorisVersion, Session, SessionOptions, SystemIds,
};
use std::io::{IsTerminal, Write};

#[derive(Parser, Debug)]
#[command(
    name = "rlfe",
    version,
    about = "Doris routine load, offline: parse, analyze and plan CREATE ROUTINE LOAD … FROM KAFKA, with Kafka and AWS MSK IAM checks",
    long_about = "Without a subcommand rlfe opens a REPL on an embedded demo catalog. When standard input is not a terminal, the statements read from it run as the REPL runs them (on the demo catalog unless --no-demo), exactly as `rlfe run --demo -` does.\n\nScripts are read the way the mysql client reads them: `;` ends a statement and `#` starts a comment."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Start on the demo catalog (`run`, `plan`, `iam-policy`, `serve`; the REPL and
    /// piped input always do, unless --no-demo).
    #[arg(long, global = true)]
    demo: bool,
    /// Start the REPL, or the statements piped to `rlfe`, without the demo catalog.
    #[arg(long, global = true, conflicts_with = "demo")]
    no_demo: bool,
    /// A DDL script (CREATE DATABASE / TABLE / FILE) that builds the catalog first.
    #[arg(long, value_name = "FILE", global = true)]
    catalog: Option<String>,
    /// The current database (as USE DB).
    #[arg(long, value_name = "DB", global = true)]
    database: Option<String>,
    /// A topic's partition count, for planning jobs without kafka_partitions (repeatable).
    #[arg(long, value_name = "TOPIC=N", global = true)]
    partitions: Vec<String>,
    /// A file of TOPIC=N lines, one per topic.
    #[arg(long, value_name = "FILE", global = true)]
    metadata: Option<String>,
    /// `default` normalises other systems' spellings before Doris's checks; `doris` answers exactly as Doris 4.1.
    #[arg(long, value_enum, default_value = "default", global = true)]
    profile: ProfileArg,
    /// The Doris version whose answers rlfe gives: `4.1` (the newest release) or
    /// `master` (FROM KINESIS, SET TARGET TABLE, the new properties and SHOW forms).
    #[arg(long, value_name = "VERSION", default_value = "4.1", value_parser = parse_doris_version, global = true)]
    doris_version: DorisVersion,
    /// Run as a cloud-mode cluster (compute groups; no Kinesis jobs).
    #[arg(long, global = true)]
    cloud_mode: bool,
    /// A compute group of the cloud-mode cluster (repeatable).
    #[arg(long, value_name = "NAME", global = true)]
    compute_group: Vec<String>,
    /// FE config enable_udf_in_load: tasks may call user-defined functions.
    #[arg(long, global = true)]
    enable_udf_in_load: bool,
    /// Check each CREATE ROUTINE LOAD … FROM KAFKA against its live brokers, as Doris
    /// BE connects (metadata and offsets only: nothing is consumed or committed).
    #[arg(long, global = true)]
    online: bool,
    /// The time one statement's online checks may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_timeout, global = true)]
    online_timeout: std::time::Duration,
    /// Warnings fail the statement (for CI linting).
    #[arg(long, global = true)]
    deny_warnings: bool,
    /// How diagnostics are drawn: `rich` (the source line and carets) or `short` (one
    /// line each: `line:column: severity[CODE]: message`).
    #[arg(long, value_enum, default_value = "rich", global = true)]
    diagnostics: DiagnosticsArg,
    /// The session time zone (Doris's default: Asia/Shanghai).
    #[arg(
        long,
        value_name = "TZ",
        default_value = "Asia/Shanghai",
        global = true
    )]
    time_zone: String,
    /// The user that creates jobs.
    #[arg(long, default_value = "root", global = true)]
    user: String,
    /// Show secret values in plans (JSON and text). Thrift bytes always carry them.
    #[arg(long, global = true)]
    reveal_secrets: bool,
    /// Run `\` meta-commands found in scripts (\i FILE, \partitions, …); without it they
    /// are refused, so linting an untrusted script cannot read other files.
    #[arg(long, global = true)]
    allow_meta: bool,
    /// Reproducible plans: job ids, task ids, labels, transaction ids, UUIDs and the
    /// clock follow from the script alone, so the same script gives the same JSON and
    /// Thrift bytes on every run and machine (for snapshot tests).
    #[arg(long, global = true)]
    deterministic: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum DiagnosticsArg {
    Rich,
    Short,
}

/// The drawing style for a stream: short when asked, colours on a terminal.
fn drawing(common: &Common, terminal: bool) -> RenderStyle {
    match common.diagnostics {
        DiagnosticsArg::Short => RenderStyle::Short,
        DiagnosticsArg::Rich if color_wanted(terminal) => RenderStyle::Fancy,
        DiagnosticsArg::Rich => RenderStyle::Plain,
    }
}

/// The width of the terminal on `fd`, when it is one (else the default drawing width).
pub(crate) fn terminal_width(fd: i32) -> usize {
    // SAFETY: TIOCGWINSZ fills the winsize it is given and touches nothing else.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col >= 40 {
        usize::from(size.ws_col)
    } else {
        routine_load_fe::diagnostics::render::DEFAULT_WIDTH
    }
}

/// A timeout in seconds: more than 0, at most an hour.
fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 3600.0 => {
            Ok(std::time::Duration::from_secs_f64(s))
        }
        _ => Err(format!(
            "'{text}' is not a timeout in seconds (more than 0, at most 3600)"
        )),
    }
}

fn parse_doris_version(text: &str) -> Result<DorisVersion, String> {
    DorisVersion::parse(text)
        .ok_or_else(|| format!("unknown Doris version '{text}' (4.1 or master)"))
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum ProfileArg {
    Default,
    Doris,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum RunFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum PlanFormat {
    Json,
    Text,
    ThriftBinary,
    ThriftCompact,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a script in one session and report every statement.
    Run {
        #[arg(long, value_enum, default_value = "text")]
        format: RunFormat,
        /// The script (`-` or nothing: standard input).
        file: Option<String>,
    },
    /// Print the plans of the script's accepted CREATE ROUTINE LOAD statements.
    Plan {
        #[arg(long, value_enum, default_value = "json")]
        format: PlanFormat,
        file: Option<String>,
    },
    /// List every rule rlfe checks (Doris's checks, quirks, lints, notes, limits).
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Explain one rule: what it checks, why, how to fix it, with its examples run.
    Explain {
        /// The rule's code (K3, MSK-05, …), in any case.
        code: String,
    },
    /// Run every `*.sql` file of a directory as a session and compare each statement's
    /// answer and plan with the snapshot beside it (`NAME.sql.snap`, insta's format):
    /// a difference fails with a diff and leaves `NAME.sql.snap.new` for
    /// `cargo insta review`; `--accept` writes the snapshots instead. Ids are
    /// reproducible (`--deterministic` is implied).
    Test {
        /// The directory.
        dir: String,
        /// Write the new snapshots instead of comparing.
        #[arg(long)]
        accept: bool,
    },
    /// Serve the MySQL protocol as Doris FE does: mysql clients and drivers connect,
    /// every connection shares one catalog and one job registry (durable with
    /// --data-dir), or the gateway guards an upstream Doris FE (--upstream). Stops
    /// gracefully on SIGTERM or Ctrl-C.
    #[cfg(feature = "server")]
    Serve(ServeArgs),
    /// Print the SASL/OAUTHBEARER token Doris BE would send to AWS MSK for IAM
    /// authentication (masked unless --reveal-secrets), from the standard AWS
    /// credential sources or a job's aws.* settings.
    MskIamToken(msk::TokenArgs),
    /// Print the least-privilege IAM policy of each MSK IAM job in the script.
    IamPolicy {
        /// Only this job.
        #[arg(long)]
        job: Option<String>,
        file: Option<String>,
    },
}

#[cfg(feature = "server")]
#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// The address to listen on (Doris FE's query port by default).
    #[arg(long, default_value = "127.0.0.1:9030")]
    listen: std::net::SocketAddr,
    /// Keep the catalog and the jobs in DIR (SQLite): they survive a restart.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<std::path::PathBuf>,
    /// Guard this Doris FE: routine-load statements are analyzed first, the rest forwarded.
    #[arg(long, value_name = "HOST:PORT")]
    upstream: Option<String>,
    /// The user the gateway logs in to the upstream as.
    #[arg(long, default_value = "root")]
    upstream_user: String,
    /// A file holding the upstream user's password (first line).
    #[arg(long, value_name = "FILE")]
    upstream_password_file: Option<std::path::PathBuf>,
    /// The one user clients log in as (default: root).
    #[arg(long, conflicts_with = "users")]
    user: Option<String>,
    /// A file holding that user's password (first line); empty password without it.
    #[arg(long, value_name = "FILE", conflicts_with = "users")]
    password_file: Option<std::path::PathBuf>,
    /// A file of `user:password` lines.
    #[arg(long, value_name = "FILE")]
    users: Option<std::path::PathBuf>,
    /// Most open connections.
    #[arg(long, default_value_t = 1024)]
    max_connections: usize,
    /// Largest statement, in bytes.
    #[arg(long)]
    max_statement_bytes: Option<usize>,
    /// Close a connection idle for this many seconds.
    #[arg(long, default_value_t = 28_800)]
    idle_timeout: u64,
    /// No log line per statement.
    #[arg(long)]
    quiet: bool,
}

#[cfg(feature = "server")]
fn first_line(path: &std::path::Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().next().unwrap_or("").to_string())
}

#[cfg(feature = "server")]
fn serve(common: &Common, a: ServeArgs) -> Result<i32, String> {
    use routine_load_fe::server::{ServerOptions, UpstreamOptions, Users};
    let users = match (&a.users, &a.user) {
        (Some(f), _) => Users::from_file(f)?,
        (None, user) => {
            let mut u = Users::default();
            let pw = match &a.password_file {
                Some(f) => first_line(f)?,
                None => String::new(),
            };
            u.add(user.as_deref().unwrap_or("root"), &pw);
            u
        }
    };
    let upstream = match &a.upstream {
        Some(addr) => Some(UpstreamOptions {
            address: addr.clone(),
            user: a.upstream_user.clone(),
            password: match &a.upstream_password_file {
                Some(f) => first_line(f)?,
                None => String::new(),
            },
        }),
        None => None,
    };
    let defaults = ServerOptions::default();
    let options = ServerOptions {
        listen: a.listen,
        data_dir: a.data_dir,
        upstream,
        demo: common.demo,
        users,
        max_connections: a.max_connections,
        max_statement_bytes: a
            .max_statement_bytes
            .unwrap_or(defaults.max_statement_bytes),
        idle_timeout: std::time::Duration::from_secs(a.idle_timeout),
        log_statements: !a.quiet,
        doris_version: common.doris_version,
        ..defaults
    };
    routine_load_fe::server::run_blocking(options).map_err(|e| e.to_string())?;
    Ok(0)
}

/// Exit statuses: 0 every statement ok, 1 a statement failed, 2 usage or I/O error.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            warn(&format!("rlfe: {msg}"));
            2
        }
    }
}

/// A line on standard error; a closed or full stderr is ignored (there is nowhere
/// left to report it).
fn warn(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

fn color_wanted(stream_is_tty: bool) -> bool {
    stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Reads the script (a file, or standard input for `-` or nothing), at most one byte
/// past the script size limit: a larger script is refused by the session, not read
/// whole.
fn read_input(file: Option<&str>, limit: usize) -> Result<Vec<u8>, String> {
    match file {
        None | Some("-") => engine::read_limited(std::io::stdin().lock(), limit)
            .map_err(|e| format!("cannot read standard input: {e}")),
        Some(path) => std::fs::File::open(path)
            .and_then(|f| engine::read_limited(f, limit))
            .map_err(|e| format!("cannot read {path}: {e}")),
    }
}

/// Reads a file named by an option (catalog, metadata): UTF-8, within the size limit.
fn read_option_file(path: &str, limit: usize) -> Result<String, String> {
    let bytes = std::fs::File::open(path)
        .and_then(|f| engine::read_limited(f, limit))
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() > limit {
        return Err(format!("{path} is larger than the limit of {limit} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8: {e}"))
}

/// Where output goes: a closed pipe ends it quietly, any other failure is an error.
fn finish_output(result: std::io::Result<()>) -> Result<(), String> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Builds the session the options describe.
fn session(common: &Common, demo: bool) -> Result<Session, String> {
    let options = SessionOptions {
        profile: match common.profile {
            ProfileArg::Default => Profile::Default,
            ProfileArg::Doris => Profile::Doris,
        },
        doris_version: common.doris_version,
        online: common
            .online
            .then_some(routine_load_fe::online::OnlineOptions {
                timeout: common.online_timeout,
            }),
        deny_warnings: common.deny_warnings,
        time_zone: common.time_zone.clone(),
        user: common.user.clone(),
        reveal_secrets: common.reveal_secrets,
        ids: if common.deterministic {
            Box::new(DeterministicIds::default())
        } else {
            Box::new(SystemIds::default())
        },
        ..SessionOptions::default()
    };
    let mut options = options;
    options.config.cloud_mode = common.cloud_mode || !common.compute_group.is_empty();
    options.config.compute_groups = common.compute_group.clone();
    options.config.enable_udf_in_load = common.enable_udf_in_load;
    if routine_load_fe::keys::values::check_time_zone(&common.time_zone).is_err() {
        return Err(format!(
            "--time-zone: Unknown or incorrect time zone: '{}'",
            common.time_zone
        ));
    }
    let limit = options.parse.max_script_bytes;
    let max_partitions = options.max_partitions;
    let mut metadata = match &common.metadata {
        Some(path) => {
            let text = read_option_file(path, limit)?;
            StaticTopicMetadata::parse_file(&text, max_partitions)
                .map_err(|e| format!("{path}: {e}"))?
        }
        None => StaticTopicMetadata::default(),
    };
    for spec in &common.partitions {
        let (t, n) = StaticTopicMetadata::parse_spec(spec, max_partitions)
            .map_err(|e| format!("--partitions: {e}"))?;
        metadata.set(t, n);
    }
    let mut s = Session::new(options).with_metadata(Box::new(metadata));
    if demo {
        s.load_demo()
            .map_err(|d| format!("the demo catalog failed to load: {}", d.message))?;
    }
    if let Some(path) = &common.catalog {
        let text = read_option_file(path, limit)?;
        let failed = s.load_catalog_script(&text);
        if !failed.is_empty() {
            let mut msg = format!("{path}: the catalog script has errors:\n");
            let mut source = routine_load_fe::parser::mask::source(&text);
            for r in failed {
                source.add_secrets(&r.secrets);
                for d in r.errors() {
                    msg.push_str(&routine_load_fe::diagnostics::render(
                        d,
                        &source,
                        RenderStyle::Plain,
                    ));
                }
            }
            return Err(msg);
        }
    }
    if let Some(db) = &common.database {
        if s.catalog.read().has_schema() && s.catalog.read().database_id(db).is_none() {
            return Err(format!("--database: Unknown database '{db}'"));
        }
        s.current_db = Some(db.clone());
    }
    Ok(s)
}

fn run(cli: Cli) -> Result<i32, String> {
    let common = cli.common.clone();
    match cli.command {
        Some(Command::Run { format, file }) => {
            run_script(&common, common.demo, format, file.as_deref())
        }
        Some(Command::Plan { format, file }) => plan(&common, format, file.as_deref()),
        Some(Command::Rules { format }) => {
            use routine_load_fe::diagnostics::rules;
            let text = match format {
                RulesFormat::Text => rules::listing(),
                RulesFormat::Json => {
                    serde_json::to_string_pretty(&rules::all_json()).unwrap_or_default() + "\n"
                }
                RulesFormat::Markdown => rules::markdown(),
            };
            write_stdout(&text)?;
            Ok(0)
        }
        Some(Command::Explain { code }) => explain(&code),
        Some(Command::Test { dir, accept }) => snapshot_test(&common, &dir, accept),
        #[cfg(feature = "server")]
        Some(Command::Serve(args)) => serve(&common, args),
        Some(Command::MskIamToken(args)) => msk::msk_iam_token(&common, args),
        Some(Command::IamPolicy { job, file }) => {
            iam_policy(&common, job.as_deref(), file.as_deref())
        }
        None => {
            if std::io::stdin().is_terminal() {
                let s = session(&common, !common.no_demo)?;
                let render = drawing(&common, std::io::stdout().is_terminal());
                repl::run(s, render, terminal_width(1))
            } else {
                // Piped: the same engine and defaults as the REPL, without prompts.
                run_script(&common, !common.no_demo, RunFormat::Text, None)
            }
        }
    }
}

fn run_script(
    common: &Common,
    demo: bool,
    format: RunFormat,
    file: Option<&str>,
) -> Result<i32, String> {
    let session = session(common, demo)?;
    let input = read_input(file, session.options.parse.max_script_bytes)?;
    // Text mode draws the diagnostics on standard error.
    let style = Style {
        render: drawing(common, std::io::stderr().is_terminal()),
        show_plan: false,
        plan_json: false,
        reveal: common.reveal_secrets,
        vertical: false,
        width: terminal_width(2),
    };
    let format = match format {
        RunFormat::Text => engine::Format::Text,
        RunFormat::Json => engine::Format::Json,
    };
    let mut engine = engine::Engine::new(session, style, format);
    engine.allow_meta = common.allow_meta;
    engine.split_streams = format == engine::Format::Text;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    finish_output(
        engine
            .run_bytes(&input, &mut out)
            .and_then(|()| out.flush()),
    )?;
    if format == engine::Format::Text && engine.tally.statements > 0 {
        warn(&engine.tally.summary());
    }
    Ok(i32::from(!engine.all_ok))
}

/// Runs a script through a session, drawing each result's diagnostics with `draw`
/// (to standard error): what `plan` and `iam-policy` share.
fn run_quietly(
    s: &mut Session,
    input: &[u8],
    mut each: impl FnMut(
        &routine_load_fe::session::StatementResult,
        &routine_load_fe::diagnostics::Source<'_>,
    ),
) {
    let script = routine_load_fe::text::Script::from_bytes(input);
    let mut source = routine_load_fe::parser::mask::source(script.text());
    s.run_decoded(&script, |r| {
        source.add_secrets(&r.secrets);
        each(&r, &source);
    });
}

fn stderr_style(common: &Common) -> RenderStyle {
    drawing(common, std::io::stderr().is_terminal())
}

fn plan(common: &Common, format: PlanFormat, file: Option<&str>) -> Result<i32, String> {
    let mut s = session(common, common.demo)?;
    let input = read_input(file, s.options.parse.max_script_bytes)?;
    let mut failed = false;
    let mut bytes = Vec::new();
    let mut text = String::new();
    let mut encode_error = None;
    let style = stderr_style(common);
    run_quietly(&mut s, &input, |r, source| {
        failed |= !r.ok;
        // Errors, and the warnings of accepted statements too, go to standard error.
        for d in r
            .diagnostics
            .iter()
            .filter(|d| d.severity != routine_load_fe::diagnostics::Severity::Note || !r.ok)
        {
            let _ = std::io::stderr().write_all(
                routine_load_fe::diagnostics::render_width(d, source, style, terminal_width(2))
                    .as_bytes(),
            );
        }
        if !r.ok {
            return;
        }
        let Some(p) = &r.plan else { return };
        match format {
            PlanFormat::Json => {
                text.push_str(
                    &serde_json::to_string(&p.to_json(common.reveal_secrets)).unwrap_or_default(),
                );
                text.push('\n');
            }
            PlanFormat::Text => text.push_str(&p.to_text(common.reveal_secrets)),
            PlanFormat::ThriftBinary | PlanFormat::ThriftCompact => {
                let protocol = if format == PlanFormat::ThriftBinary {
                    Protocol::Binary
                } else {
                    Protocol::Compact
                };
                match p.to_thrift(protocol) {
                    Ok(b) => bytes.extend(b),
                    Err(e) => encode_error = Some(e),
                }
            }
        }
    });
    if let Some(e) = encode_error {
        return Err(e);
    }
    let mut out = std::io::stdout().lock();
    let written = if bytes.is_empty() {
        out.write_all(text.as_bytes())
    } else {
        out.write_all(&bytes)
    };
    finish_output(written.and_then(|()| out.flush()))?;
    Ok(i32::from(failed))
}

fn iam_policy(common: &Common, only: Option<&str>, file: Option<&str>) -> Result<i32, String> {
    let mut s = session(common, common.demo)?;
    let input = read_input(file, s.options.parse.max_script_bytes)?;
    let mut failed = false;
    let style = stderr_style(common);
    // Errors and warnings (a wildcard topic, say) go to stderr, as `run` shows them.
    run_quietly(&mut s, &input, |r, source| {
        failed |= !r.ok;
        for d in r
            .diagnostics
            .iter()
            .filter(|d| d.severity != routine_load_fe::diagnostics::Severity::Note)
        {
            let _ = std::io::stderr().write_all(
                routine_load_fe::diagnostics::render_width(d, source, style, terminal_width(2))
                    .as_bytes(),
            );
        }
    });
    let mut docs = Vec::new();
    let mut iam_jobs = Vec::new();
    for e in s.jobs.iter() {
        let name = format!("{}.{}", e.job.database, e.job.name);
        let policy = routine_load_fe::analyzer::security::policy::for_job(&e.job);
        if policy.is_ok() {
            iam_jobs.push(name.clone());
        }
        if only.is_some_and(|j| j != e.job.name && j != name) {
            continue;
        }
        match policy {
            Ok(p) => {
                for a in &p.assumptions() {
                    warn(&format!("note: {name}: assumption: {a}"));
                }
                for n in &p.notes() {
                    warn(&format!("note: {name}: {n}"));
                }
                docs.push((name, p.document()));
            }
            Err(why) => warn(&format!("note: {why}")),
        }
    }
    if docs.is_empty() {
        let msg = match (only, iam_jobs.is_empty()) {
            (_, true) => "rlfe: no MSK IAM job in the input".to_string(),
            (Some(j), false) => format!(
                "rlfe: no MSK IAM job '{j}' in the input; its MSK IAM jobs: {}",
                iam_jobs.join(", ")
            ),
            (None, false) => "rlfe: no MSK IAM job in the input".to_string(),
        };
        warn(&msg);
        return Ok(1);
    }
    // One job: its policy document. Several: one JSON object, by job name.
    let text = match docs.as_slice() {
        [(_, doc)] => doc.clone(),
        _ => {
            let mut by_job = serde_json::Map::new();
            for (name, doc) in &docs {
                let value =
                    serde_json::from_str(doc).unwrap_or(serde_json::Value::String(doc.clone()));
                by_job.insert(name.clone(), value);
            }
            serde_json::to_string_pretty(&by_job).unwrap_or_default()
        }
    };
    write_stdout(&(text + "\n"))?;
    Ok(i32::from(failed))
}

/// `rlfe test DIR`: every `*.sql` file against its snapshot.
fn snapshot_test(common: &Common, dir: &str, accept: bool) -> Result<i32, String> {
    use routine_load_fe::session::snapshot;
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{dir} has no *.sql file"));
    }
    let mut common = common.clone();
    common.deterministic = true;
    let (mut passed, mut failed, mut written) = (0, 0, 0);
    let mut report = String::new();
    for file in &files {
        let name = file.display().to_string();
        let mut s = session(&common, common.demo)?;
        let bytes = std::fs::File::open(file)
            .and_then(|f| engine::read_limited(f, s.options.parse.max_script_bytes))
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        let text = snapshot::of_bytes(&mut s, &bytes);
        let base = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let snap = file.with_file_name(format!("{base}.snap"));
        let pending = file.with_file_name(format!("{base}.snap.new"));
        let stored = std::fs::read_to_string(&snap).ok();
        let stored_text = stored.as_deref().and_then(snapshot::from_snap_file);
        let file_text = snapshot::to_snap_file(&base, &text);
        if stored_text == Some(text.as_str()) {
            passed += 1;
            let _ = std::fs::remove_file(&pending);
            continue;
        }
        if accept {
            std::fs::write(&snap, &file_text)
                .map_err(|e| format!("cannot write {}: {e}", snap.display()))?;
            let _ = std::fs::remove_file(&pending);
            written += 1;
            report.push_str(&format!("wrote {}\n", snap.display()));
            continue;
        }
        failed += 1;
        std::fs::write(&pending, &file_text)
            .map_err(|e| format!("cannot write {}: {e}", pending.display()))?;
        match stored_text {
            None => report.push_str(&format!(
                "{name}: no snapshot; the new one is in {} (accept it with --accept or cargo insta review)\n",
                pending.display()
            )),
            Some(old) => {
                report.push_str(&format!("{name}: differs from {}\n", snap.display()));
                let diff = similar::TextDiff::from_lines(old, text.as_str());
                for hunk in diff.unified_diff().context_radius(3).header("stored", "now").iter_hunks() {
                    report.push_str(&hunk.to_string());
                }
            }
        }
    }
    report.push_str(&format!(
        "{} files: {passed} unchanged, {written} written, {failed} differ\n",
        files.len()
    ));
    write_stdout(&report)?;
    Ok(i32::from(failed > 0))
}

/// Writes to standard output; a closed pipe ends the output quietly.
fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    finish_output(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

fn explain(code: &str) -> Result<i32, String> {
    use routine_load_fe::diagnostics::rules;
    match rules::lookup(code) {
        Some(rule) => {
            write_stdout(&routine_load_fe::session::examples::explain(
                rule,
                RenderStyle::Plain,
            ))?;
            Ok(0)
        }
        None => {
            let codes: Vec<&str> = rules::all().map(|r| r.code).collect();
            let close = routine_load_fe::text::did_you_mean(code, codes, 3);
            let hint = if close.is_empty() {
                "`rlfe rules` lists them".to_string()
            } else {
                format!("did you mean {}?", close.join(" or "))
            };
            Err(format!("no rule {code}: {hint}"))
        }
    }
}
