//! The interactive REPL: multi-line statements ending at `;`, `\` meta-commands ending at
//! the line break, history in the user's data directory, completion and highlighting.

use super::engine::{Engine, Format};
use routine_load_fe::diagnostics::RenderStyle;
use routine_load_fe::keys::aws::CANONICAL_AWS_KEYS;
use routine_load_fe::keys::job::JobKey;
use routine_load_fe::keys::kafka::KafkaKey;
use routine_load_fe::keys::librdkafka;
use routine_load_fe::session::input::LineAssembler;
use routine_load_fe::session::render::Style;
use routine_load_fe::session::Session;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::Write;
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
        let head = before.get(..start).unwrap_or("");
        if let Some(found) = complete_meta(head, word, &self.names) {
            return Ok((start, found));
        }
        let quoted = head.ends_with(['"', '\'']);
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

/// The meta-command names (from the help text).
fn meta_commands() -> Vec<String> {
    super::engine::META_HELP
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('\\'))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// Completion after a `\`: the meta-command's name, then its argument (rule codes for
/// `\explain`, tables for `\d`, on/off, formats).
fn complete_meta(head: &str, word: &str, names: &Arc<Mutex<Names>>) -> Option<Vec<Pair>> {
    let line = head.trim_start();
    if !line.starts_with('\\') {
        return None;
    }
    let pair = |c: String| Pair {
        display: c.clone(),
        replacement: c,
    };
    let mut cands: Vec<String> = if line == "\\" {
        meta_commands()
    } else {
        let command = line.split_whitespace().next().unwrap_or("");
        match command {
            "\\explain" => routine_load_fe::diagnostics::rules::all()
                .map(|r| r.code.to_string())
                .collect(),
            "\\d" => names.lock().map(|n| n.tables.clone()).unwrap_or_default(),
            "\\plan" | "\\reveal-secrets" => vec!["on".into(), "off".into()],
            "\\format" => vec!["text".into(), "json".into()],
            "\\set" => [
                "timezone",
                "doris_version",
                "cloud_mode",
                "compute_groups",
                "enable_udf_in_load",
            ]
            .map(String::from)
            .to_vec(),
            _ => Vec::new(),
        }
    };
    let lower = word.to_ascii_lowercase();
    cands.retain(|c| c.to_ascii_lowercase().starts_with(&lower));
    cands.sort();
    cands.dedup();
    Some(cands.into_iter().map(pair).collect())
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

/// Every line is taken as it is entered: the line assembler decides when a statement is
/// complete, so each line of a statement gets its own prompt (`    -> ` as in the mysql
/// client) and lines that arrive together are each kept.
impl Validator for RlfeHelper {
    fn validate(&self, _ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(ValidationResult::Valid(None))
    }
}

impl Helper for RlfeHelper {}

fn history_path() -> Option<std::path::PathBuf> {
    let dir = dirs::data_dir()?.join("rlfe");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the REPL until `\q` or Ctrl-D.
pub fn run(session: Session, render: RenderStyle, width: usize) -> Result<i32, String> {
    let names = Arc::new(Mutex::new(Names::default()));
    let color = render == RenderStyle::Fancy;
    let style = Style {
        render,
        show_plan: false,
        plan_json: false,
        reveal: false,
        vertical: false,
        width,
    };
    let mut engine = Engine::new(session, style, Format::Text);
    engine.allow_meta = true;
    refresh_names(&engine, &names);
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(rustyline::CompletionType::List)
        // As in the mysql client, a paste arrives as typed lines: each complete statement
        // runs at its line break (nothing is lost, and no extra Enter is needed).
        .bracketed_paste(false)
        .build();
    let mut editor: Editor<RlfeHelper, DefaultHistory> = Editor::with_config(config)
        .map_err(|e| format!("cannot start the terminal editor: {e}"))?;
    editor.set_helper(Some(RlfeHelper {
        names: names.clone(),
        color,
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let db = engine
        .session
        .current_db
        .clone()
        .unwrap_or_else(|| "none".into());
    let stdout = std::io::stdout();
    let _ = writeln!(
        stdout.lock(),
        "rlfe {} — Doris routine load, offline. Current database: {db}. \\help for help, \\q to quit.",
        env!("CARGO_PKG_VERSION")
    );
    let mut lines = LineAssembler::default();
    loop {
        let prompt = if lines.pending().is_empty() {
            format!(
                "rlfe:{}> ",
                engine.session.current_db.as_deref().unwrap_or("(none)")
            )
        } else {
            "    -> ".to_string()
        };
        let line = match editor.readline(&prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                lines.clear();
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(format!("terminal error: {e}")),
        };
        let input = if lines.pending().is_empty() {
            match first_line(&line) {
                FirstLine::Blank => continue,
                FirstLine::Comment => {
                    // Kept in the history on its own, as the mysql client does.
                    remember(&mut editor, history.as_deref(), line.trim());
                    continue;
                }
                FirstLine::Quit => {
                    remember(&mut editor, history.as_deref(), line.trim());
                    break;
                }
                FirstLine::Help => "\\help".to_string(),
                FirstLine::Other => match lines.push_line(&line) {
                    Some(input) => input,
                    None => continue,
                },
            }
        } else {
            match lines.push_line(&line) {
                Some(input) => input,
                None => continue,
            }
        };
        if let Some(at) = recalled_mask(&input) {
            let _ = writeln!(
                stdout.lock(),
                "ERROR: the statement holds the masked value {MASK} at offset {at}, not a secret: it was recalled from the history, where secrets are masked\nhelp: type the secret value again (rlfe never stores it)",
                MASK = routine_load_fe::keys::secrets::MASK
            );
            continue;
        }
        // History keeps each input with secrets masked, written at once (a killed
        // terminal loses nothing).
        remember(
            &mut editor,
            history.as_deref(),
            &routine_load_fe::parser::mask::mask_sql(input.trim()),
        );
        // Drawn to the terminal's width as it is now.
        engine.style.width = super::terminal_width(1);
        let mut out = stdout.lock();
        engine
            .run_text(&input, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write the output: {e}"))?;
        refresh_names(&engine, &names);
        if engine.quit {
            break;
        }
    }
    Ok(0)
}

/// What a line typed at the main prompt is.
enum FirstLine {
    Blank,
    /// Only a comment: nothing to run.
    Comment,
    /// `quit`, `exit` (as the mysql client takes them, `;` allowed).
    Quit,
    /// `help`.
    Help,
    Other,
}

fn first_line(line: &str) -> FirstLine {
    let t = line.trim();
    if t.is_empty() {
        return FirstLine::Blank;
    }
    if t.starts_with('#')
        || t.starts_with("--")
        || (t.starts_with("/*") && t.ends_with("*/") && t.len() >= 4)
    {
        return FirstLine::Comment;
    }
    match t.trim_end_matches(';').trim().to_ascii_lowercase().as_str() {
        "quit" | "exit" => FirstLine::Quit,
        "help" => FirstLine::Help,
        _ => FirstLine::Other,
    }
}

/// The offset of a secret value that is the mask itself (a statement recalled from the
/// history, where secrets are masked), if any.
fn recalled_mask(input: &str) -> Option<usize> {
    let mask = routine_load_fe::keys::secrets::MASK;
    routine_load_fe::keys::masking::secret_ranges(input)
        .into_iter()
        .find(|r| {
            input
                .get(r.clone())
                .is_some_and(|v| v.trim_matches(['"', '\'']) == mask)
        })
        .map(|r| r.start)
}

/// Adds an entry to the history and writes the history file.
fn remember(
    editor: &mut Editor<RlfeHelper, DefaultHistory>,
    file: Option<&std::path::Path>,
    entry: &str,
) {
    let _ = editor.add_history_entry(entry);
    if let Some(f) = file {
        let _ = editor.save_history(f);
    }
}

fn refresh_names(engine: &Engine, names: &Arc<Mutex<Names>>) {
    let s = &engine.session;
    if let Ok(mut n) = names.lock() {
        n.databases = s.catalog.read().database_names();
        n.tables = s
            .current_db
            .as_deref()
            .map(|d| s.catalog.read().table_names(d))
            .unwrap_or_default();
        n.jobs = s.jobs.iter().map(|e| e.job.name.clone()).collect();
    }
}
