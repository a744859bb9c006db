//! The interactive REPL: multi-line statements ending at `;`, `\` meta-commands ending at
//! the line break, history in the user's data directory, completion and highlighting.

use routine_load_fe::analyzer::job_properties::JobKey;
use routine_load_fe::analyzer::kafka::KafkaKey;
use routine_load_fe::analyzer::security::{librdkafka, CANONICAL_AWS_KEYS};
use routine_load_fe::diagnostic::RenderStyle;
use routine_load_fe::parser::has_complete_statement;
use routine_load_fe::plan::StaticTopicMetadata;
use routine_load_fe::session::render::{self as output, Style};
use routine_load_fe::session::Session;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

const KEYWORDS: &[&str] = &[
    "CREATE",
    "ROUTINE",
    "LOAD",
    "ON",
    "WITH",
    "APPEND",
    "DELETE",
    "MERGE",
    "COLUMNS",
    "TERMINATED",
    "BY",
    "PRECEDING",
    "FILTER",
    "WHERE",
    "ORDER",
    "TEMPORARY",
    "PARTITION",
    "PARTITIONS",
    "PROPERTIES",
    "FROM",
    "KAFKA",
    "COMMENT",
    "ALTER",
    "FOR",
    "PAUSE",
    "RESUME",
    "STOP",
    "ALL",
    "SHOW",
    "TASK",
    "LIKE",
    "EXPLAIN",
    "DATABASE",
    "TABLE",
    "USE",
    "DROP",
    "FILE",
    "IF",
    "NOT",
    "EXISTS",
    "DUPLICATE",
    "UNIQUE",
    "AGGREGATE",
    "KEY",
    "DISTRIBUTED",
    "HASH",
    "RANDOM",
    "BUCKETS",
    "AUTO",
    "RANGE",
    "LIST",
    "VALUES",
    "LESS",
    "THAN",
    "MAXVALUE",
    "AND",
    "OR",
    "IN",
    "IS",
    "NULL",
    "BETWEEN",
    "CAST",
    "AS",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "BIGINT",
    "INT",
    "VARCHAR",
    "STRING",
    "DATETIME",
    "DATE",
    "DECIMAL",
    "DOUBLE",
    "BOOLEAN",
    "JSON",
];

const META_HELP: &str = r#"Meta-commands (end at the line break):
  \help                   this text
  \d                      databases and the current database's tables
  \d TABLE                a table's columns, keys, partitions and distribution
  \jobs                   the routine-load jobs of this session
  \plan on|off            show each accepted CREATE's plan
  \format text|json       how plans are shown
  \partitions TOPIC N     the partition count of a topic, for planning
  \set timezone TZ        the session time zone
  \reveal-secrets on|off  show secret values in plans
  \i FILE                 run a script
  \q                      quit (Ctrl-D too; Ctrl-C cancels the current input)
Statements end at ';' and may span lines. Tab completes keywords, property keys
(after "property. the librdkafka keys), databases, tables and jobs."#;

/// Names the completer offers, refreshed after each statement.
#[derive(Default)]
struct Names {
    databases: Vec<String>,
    tables: Vec<String>,
    jobs: Vec<String>,
}

struct RlfeHelper {
    names: Arc<Mutex<Names>>,
    color: bool,
}

fn property_keys() -> Vec<String> {
    let mut keys: Vec<String> = JobKey::ALL.iter().map(|k| k.as_str().to_string()).collect();
    keys.extend(KafkaKey::ALL.iter().map(|k| k.as_str().to_string()));
    keys.extend(CANONICAL_AWS_KEYS.iter().map(|k| (*k).to_string()));
    keys.push("property.".into());
    keys
}

fn librdkafka_keys() -> Vec<String> {
    librdkafka::catalogue()
        .iter()
        .filter(|p| {
            p.in_be_version && !p.removed && !p.hidden && p.scope != "P" && p.scope != "api-only"
        })
        .filter(|p| {
            !matches!(
                p.kind,
                librdkafka::Kind::Pointer | librdkafka::Kind::JavaOnly
            )
        })
        .map(|p| format!("property.{}", p.name))
        .chain(CANONICAL_AWS_KEYS.iter().map(|k| format!("property.{k}")))
        .collect()
}

impl Completer for RlfeHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = before.get(start..).unwrap_or("");
        let quoted = before[..start].ends_with(['"', '\'']);
        let lower = word.to_ascii_lowercase();
        let mut cands: Vec<String> = if quoted {
            if lower.starts_with("property.") {
                librdkafka_keys()
            } else {
                property_keys()
            }
        } else {
            let names = self.names.lock().map(|n| {
                let mut v = n.databases.clone();
                v.extend(n.tables.iter().cloned());
                v.extend(n.jobs.iter().cloned());
                v
            });
            let mut v: Vec<String> = KEYWORDS.iter().map(|k| (*k).to_string()).collect();
            v.extend(names.unwrap_or_default());
            v
        };
        cands.retain(|c| c.to_ascii_lowercase().starts_with(&lower));
        cands.sort();
        cands.dedup();
        let lower_case = !quoted && word.chars().next().is_some_and(char::is_lowercase);
        Ok((
            start,
            cands
                .into_iter()
                .map(|c| {
                    let replacement = if lower_case && KEYWORDS.contains(&c.as_str()) {
                        c.to_ascii_lowercase()
                    } else {
                        c.clone()
                    };
                    Pair {
                        display: c,
                        replacement,
                    }
                })
                .collect(),
        ))
    }
}

impl Hinter for RlfeHelper {
    type Hint = String;
}

impl Highlighter for RlfeHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_sql(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Keywords bold blue, strings green, comments dim, an unterminated string red.
fn highlight_sql(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' || c == '"' || c == '`' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' && c != '`' {
                    j += 1;
                }
                j += 1;
            }
            let closed = j < chars.len();
            let end = (j + 1).min(chars.len());
            let text: String = chars[i..end].iter().collect();
            let color = if c == '`' {
                ""
            } else if closed {
                "\x1b[32m"
            } else {
                "\x1b[31m"
            };
            out.push_str(color);
            out.push_str(&text);
            if !color.is_empty() {
                out.push_str("\x1b[0m");
            }
            i = end;
        } else if (c == '-' && chars.get(i + 1) == Some(&'-')) || c == '#' {
            let text: String = chars[i..].iter().collect();
            out.push_str("\x1b[2m");
            out.push_str(&text);
            out.push_str("\x1b[0m");
            break;
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(&word)) {
                out.push_str("\x1b[1;34m");
                out.push_str(&word);
                out.push_str("\x1b[0m");
            } else {
                out.push_str(&word);
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

impl Validator for RlfeHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        let t = input.trim();
        if t.is_empty() || t.starts_with('\\') || has_complete_statement(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

impl Helper for RlfeHelper {}

struct Repl {
    session: Session,
    metadata: StaticTopicMetadata,
    style: Style,
    names: Arc<Mutex<Names>>,
}

impl Repl {
    fn refresh_names(&self) {
        if let Ok(mut n) = self.names.lock() {
            n.databases = self.session.catalog.database_names();
            n.tables = self
                .session
                .current_db
                .as_deref()
                .map(|d| self.session.catalog.table_names(d))
                .unwrap_or_default();
            n.jobs = self
                .session
                .jobs
                .entries
                .iter()
                .map(|e| e.job.name.clone())
                .collect();
        }
    }

    fn run_sql(&mut self, sql: &str) {
        let style = self.style;
        let mut printed = String::new();
        self.session
            .run_script(sql, |r| printed.push_str(&output::text(&r, sql, style)));
        print!("{printed}");
        self.refresh_names();
    }

    /// Runs a meta-command; `false` to quit.
    fn meta(&mut self, line: &str) -> bool {
        let mut parts = line.split_whitespace();
        let cmd = parts.next().unwrap_or("");
        let args: Vec<&str> = parts.collect();
        let on_off = |a: Option<&&str>| match a.map(|s| s.to_ascii_lowercase()) {
            Some(s) if s == "on" => Some(true),
            Some(s) if s == "off" => Some(false),
            _ => None,
        };
        match cmd {
            "\\q" | "\\quit" => return false,
            "\\help" | "\\h" | "\\?" => println!("{META_HELP}"),
            "\\d" => match args.first() {
                None => self.describe_catalog(),
                Some(t) => self.describe_table(t),
            },
            "\\jobs" => {
                if self.session.jobs.entries.is_empty() {
                    println!("No jobs.");
                }
                for e in &self.session.jobs.entries {
                    println!(
                        "{:<8} {:<24} {:<14} {}.{}",
                        e.job.id,
                        e.job.name,
                        e.state.as_str(),
                        e.job.database,
                        e.job.table.as_deref().unwrap_or("<multi-table>")
                    );
                }
            }
            "\\plan" => match on_off(args.first()) {
                Some(v) => {
                    self.style.show_plan = v;
                    println!("Plans {}.", if v { "on" } else { "off" });
                }
                None => println!("usage: \\plan on|off"),
            },
            "\\format" => match args.first().copied() {
                Some("json") => {
                    self.style.plan_json = true;
                    println!("Plans as JSON.");
                }
                Some("text") => {
                    self.style.plan_json = false;
                    println!("Plans as text.");
                }
                _ => println!("usage: \\format text|json"),
            },
            "\\partitions" => match (args.first(), args.get(1).and_then(|n| n.parse::<i32>().ok())) {
                (Some(t), Some(n)) if n >= 0 => {
                    self.metadata.set(*t, n);
                    self.session.metadata = Box::new(self.metadata.clone());
                    println!("Topic {t} has {n} partition(s).");
                }
                _ => println!("usage: \\partitions TOPIC N"),
            },
            "\\set" => match (args.first().map(|s| s.to_ascii_lowercase()), args.get(1)) {
                (Some(k), Some(v)) if k == "timezone" || k == "time_zone" => {
                    match routine_load_fe::analyzer::values::check_time_zone(v) {
                        Ok((name, _)) => {
                            self.session.options.time_zone = name.clone();
                            println!("Time zone {name}.");
                        }
                        Err(n) => println!("ERROR 1298 (HY000): errCode = 2, detailMessage = Unknown or incorrect time zone: '{n}'"),
                    }
                }
                _ => println!("usage: \\set timezone TZ"),
            },
            "\\reveal-secrets" => match on_off(args.first()) {
                Some(v) => {
                    self.style.reveal = v;
                    self.session.options.reveal_secrets = v;
                    println!("Secrets {} in plans.", if v { "shown" } else { "masked" });
                }
                None => println!("usage: \\reveal-secrets on|off"),
            },
            "\\i" => match args.first() {
                Some(path) => match std::fs::read_to_string(path) {
                    Ok(sql) => self.run_sql(&sql),
                    Err(e) => println!("cannot read {path}: {e}"),
                },
                None => println!("usage: \\i FILE"),
            },
            other => println!("unknown meta-command {other}: \\help lists them"),
        }
        true
    }

    fn describe_catalog(&self) {
        let c = &self.session.catalog;
        let dbs = c.database_names();
        if dbs.is_empty() {
            println!("No databases.");
            return;
        }
        for d in dbs {
            let current = self.session.current_db.as_deref() == Some(d.as_str());
            println!("{d}{}", if current { " (current)" } else { "" });
            if current {
                for t in c.table_names(&d) {
                    if let Some(info) = c.table(&d, &t) {
                        println!(
                            "  {t:<20} {} KEY({})",
                            info.keys_type.as_str(),
                            info.key_columns.join(", ")
                        );
                    }
                }
            }
        }
    }

    fn describe_table(&self, name: &str) {
        let (db, t) = match name.split_once('.') {
            Some((d, t)) => (Some(d.to_string()), t),
            None => (self.session.current_db.clone(), name),
        };
        let Some(info) = db.and_then(|d| self.session.catalog.table(&d, t)) else {
            println!("ERROR 1051 (42S02): errCode = 2, detailMessage = Unknown table '{t}'");
            return;
        };
        let rows = info
            .columns
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.data_type.clone(),
                    if c.nullable { "Yes" } else { "No" }.into(),
                    if c.is_key { "true" } else { "false" }.into(),
                    c.aggregation.clone().unwrap_or_default(),
                ]
            })
            .collect();
        print!(
            "{}",
            output::table(&routine_load_fe::session::ResultSet {
                columns: ["Field", "Type", "Null", "Key", "Aggregation"]
                    .map(String::from)
                    .to_vec(),
                rows,
            })
        );
        println!(
            "{} KEY({}){}; partitions: {}; distributed by {}{}",
            info.keys_type.as_str(),
            info.key_columns.join(", "),
            if info.merge_on_write {
                ", merge-on-write"
            } else {
                ""
            },
            if info.partitions.is_empty() {
                "none".to_string()
            } else {
                info.partitions.join(", ")
            },
            if info.random_distribution {
                "RANDOM".to_string()
            } else {
                format!("HASH({})", info.distribution_columns.join(", "))
            },
            info.sequence_col
                .as_ref()
                .map(|s| format!("; sequence column {s}"))
                .unwrap_or_default()
        );
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let dir = dirs::data_dir()?.join("rlfe");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the REPL until `\q` or Ctrl-D.
pub fn run(session: Session, color: bool) -> Result<i32, String> {
    let names = Arc::new(Mutex::new(Names::default()));
    let mut repl = Repl {
        session,
        metadata: StaticTopicMetadata::default(),
        style: Style {
            render: if color {
                RenderStyle::Fancy
            } else {
                RenderStyle::Plain
            },
            show_plan: false,
            plan_json: false,
            reveal: false,
        },
        names: names.clone(),
    };
    repl.refresh_names();
    let config = Config::builder().auto_add_history(false).build();
    let mut editor: Editor<RlfeHelper, DefaultHistory> = Editor::with_config(config)
        .map_err(|e| format!("cannot start the terminal editor: {e}"))?;
    editor.set_helper(Some(RlfeHelper { names, color }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let db = repl
        .session
        .current_db
        .clone()
        .unwrap_or_else(|| "none".into());
    println!(
        "rlfe {} — Doris routine load, offline. Current database: {db}. \\help for help, \\q to quit.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        let prompt = format!(
            "rlfe:{}> ",
            repl.session.current_db.as_deref().unwrap_or("(none)")
        );
        match editor.readline(&prompt) {
            Ok(input) => {
                let trimmed = input.trim();
                if trimmed.is_empty() {
                    continue;
                }
                // History stores the input with secrets masked.
                let _ = editor.add_history_entry(routine_load_fe::secrets::mask_sql(trimmed));
                if trimmed.starts_with('\\') {
                    if !repl.meta(trimmed) {
                        break;
                    }
                } else {
                    repl.run_sql(&input);
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(format!("terminal error: {e}")),
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(0)
}
