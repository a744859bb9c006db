//! The engine the REPL, piped input and `rlfe run` share: statements run in one session,
//! and `\` meta-commands (at a statement boundary, ending at the line break) change how
//! it runs and what it shows.

use routine_load_fe::parser::{self, lexer::Splitter};
use routine_load_fe::plan::StaticTopicMetadata;
use routine_load_fe::session::render::{self as output, Style};
use routine_load_fe::session::{ResultSet, Session};
use std::io::Write;

pub const META_HELP: &str = r#"Meta-commands (end at the line break):
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
  \explain CODE           what a rule checks, with its examples (\rules lists them)
  \q                      quit (Ctrl-D too; Ctrl-C cancels the current input)
Statements end at ';' and may span lines. Tab completes keywords, property keys
(after "property. the librdkafka keys), databases, tables and jobs."#;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Doris-style text.
    Text,
    /// JSON Lines, one object per statement; meta-command output goes to stderr.
    Json,
}

pub struct Engine {
    pub session: Session,
    pub metadata: StaticTopicMetadata,
    pub style: Style,
    pub format: Format,
    /// False once a statement has failed.
    pub all_ok: bool,
    /// Set by `\q`.
    pub quit: bool,
}

/// Finds the meta-command lines at statement boundaries: returns the text with those
/// lines blanked (positions kept) and each command with its byte offset.
pub fn split_meta(text: &str) -> (String, Vec<(usize, String)>) {
    let mut masked = text.as_bytes().to_vec();
    let mut metas = Vec::new();
    for chunk in Splitter::new(text) {
        let mut pos = chunk.offset;
        for line in chunk.text.split_inclusive('\n') {
            let t = line.trim();
            if t.starts_with('\\') {
                metas.push((pos, t.trim_end_matches(';').trim().to_string()));
                for b in masked
                    .iter_mut()
                    .skip(pos)
                    .take(line.trim_end_matches('\n').len())
                {
                    *b = b' ';
                }
            } else if !(t.is_empty() || t.starts_with("--") || t.starts_with('#')) {
                break;
            }
            pos += line.len();
        }
    }
    // Only ASCII bytes were replaced (by spaces), so the text stays valid UTF-8.
    (
        String::from_utf8(masked).unwrap_or_else(|_| text.to_string()),
        metas,
    )
}

impl Engine {
    pub fn new(session: Session, style: Style, format: Format) -> Self {
        Engine {
            session,
            metadata: StaticTopicMetadata::default(),
            style,
            format,
            all_ok: true,
            quit: false,
        }
    }

    /// Runs a script: statements and meta-commands in order, writing as it goes.
    pub fn run_text(&mut self, text: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let (sql, metas) = split_meta(text);
        let source = parser::mask::source(&sql);
        let mut metas = metas.into_iter().peekable();
        let opts = self.session.options.parse.clone();
        for parsed in parser::statements(&sql, &opts) {
            let start = parsed.range.start
                + sql
                    .get(parsed.range.clone())
                    .map_or(0, |s| s.len() - s.trim_start().len());
            while let Some((_, cmd)) = metas.next_if(|(at, _)| *at < start) {
                self.meta(&cmd, out)?;
                if self.quit {
                    return Ok(());
                }
            }
            let r = self.session.execute_parsed(&parsed, &sql);
            self.all_ok &= r.ok;
            let text = match self.format {
                Format::Json => output::json_line(&r, self.style.reveal) + "\n",
                Format::Text => output::text(&r, &source, self.style),
            };
            out.write_all(text.as_bytes())?;
        }
        for (_, cmd) in metas {
            self.meta(&cmd, out)?;
            if self.quit {
                break;
            }
        }
        Ok(())
    }

    /// Runs one meta-command.
    pub fn meta(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let mut msg = String::new();
        self.meta_text(line, &mut msg);
        match self.format {
            Format::Text => out.write_all(msg.as_bytes()),
            Format::Json => std::io::stderr().write_all(msg.as_bytes()),
        }
    }

    fn meta_text(&mut self, line: &str, out: &mut String) {
        let mut parts = line.split_whitespace();
        let cmd = parts.next().unwrap_or("");
        let args: Vec<&str> = parts.collect();
        let on_off = |a: Option<&&str>| match a.map(|s| s.to_ascii_lowercase()) {
            Some(s) if s == "on" => Some(true),
            Some(s) if s == "off" => Some(false),
            _ => None,
        };
        let mut say = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        match cmd {
            "\\q" | "\\quit" => self.quit = true,
            "\\help" | "\\h" | "\\?" => say(META_HELP.to_string()),
            "\\d" => match args.first() {
                None => say(self.describe_catalog()),
                Some(t) => say(self.describe_table(t)),
            },
            "\\jobs" => {
                if self.session.jobs.is_empty() {
                    say("No jobs.".into());
                }
                for e in self.session.jobs.iter() {
                    say(format!(
                        "{:<8} {:<24} {:<14} {}.{}",
                        e.job.id,
                        e.job.name,
                        e.state.as_str(),
                        e.job.database,
                        e.job.table.as_deref().unwrap_or("<multi-table>")
                    ));
                }
            }
            "\\plan" => match on_off(args.first()) {
                Some(v) => {
                    self.style.show_plan = v;
                    say(format!("Plans {}.", if v { "on" } else { "off" }));
                }
                None => say("usage: \\plan on|off".into()),
            },
            "\\format" => match args.first().copied() {
                Some("json") => {
                    self.style.plan_json = true;
                    say("Plans as JSON.".into());
                }
                Some("text") => {
                    self.style.plan_json = false;
                    say("Plans as text.".into());
                }
                _ => say("usage: \\format text|json".into()),
            },
            "\\partitions" => match (args.first(), args.get(1).and_then(|n| n.parse::<i32>().ok())) {
                (Some(t), Some(n)) if n >= 0 => {
                    self.metadata.set(*t, n);
                    self.session.metadata = Box::new(self.metadata.clone());
                    say(format!("Topic {t} has {n} partition(s)."));
                }
                _ => say("usage: \\partitions TOPIC N".into()),
            },
            "\\set" => match (args.first().map(|s| s.to_ascii_lowercase()), args.get(1)) {
                (Some(k), Some(v)) if k == "timezone" || k == "time_zone" => {
                    match routine_load_fe::keys::values::check_time_zone(v) {
                        Ok((name, _)) => {
                            self.session.options.time_zone = name.clone();
                            say(format!("Time zone {name}."));
                        }
                        Err(n) => say(format!(
                            "ERROR 1298 (HY000): errCode = 2, detailMessage = Unknown or incorrect time zone: '{n}'"
                        )),
                    }
                }
                _ => say("usage: \\set timezone TZ".into()),
            },
            "\\reveal-secrets" => match on_off(args.first()) {
                Some(v) => {
                    self.style.reveal = v;
                    self.session.options.reveal_secrets = v;
                    say(format!("Secrets {} in plans.", if v { "shown" } else { "masked" }));
                }
                None => say("usage: \\reveal-secrets on|off".into()),
            },
            "\\explain" => match args.first() {
                Some(code) => match routine_load_fe::diagnostics::rules::lookup(code) {
                    Some(rule) => say(routine_load_fe::session::examples::explain(
                        rule,
                        self.style.render,
                    )),
                    None => say(format!("no rule {code}: \\rules lists them")),
                },
                None => say("usage: \\explain CODE".into()),
            },
            "\\rules" => say(routine_load_fe::diagnostics::rules::listing()),
            "\\i" => match args.first() {
                Some(path) => match std::fs::read_to_string(path) {
                    Ok(sql) => {
                        let mut buf = Vec::new();
                        if self.run_text(&sql, &mut buf).is_ok() {
                            out.push_str(&String::from_utf8_lossy(&buf));
                        }
                    }
                    Err(e) => say(format!("cannot read {path}: {e}")),
                },
                None => say("usage: \\i FILE".into()),
            },
            other => say(format!("unknown meta-command {other}: \\help lists them")),
        }
    }

    pub fn describe_catalog(&self) -> String {
        let c = self.session.catalog.read();
        let dbs = c.database_names();
        if dbs.is_empty() {
            return "No databases.".into();
        }
        let mut out = Vec::new();
        for d in dbs {
            let current = self.session.current_db.as_deref() == Some(d.as_str());
            out.push(format!("{d}{}", if current { " (current)" } else { "" }));
            if current {
                for t in c.table_names(&d) {
                    if let Some(info) = c.table(&d, &t) {
                        out.push(format!(
                            "  {t:<20} {} KEY({})",
                            info.keys_type.as_str(),
                            info.key_columns.join(", ")
                        ));
                    }
                }
            }
        }
        out.join("\n")
    }

    pub fn describe_table(&self, name: &str) -> String {
        let (db, t) = match name.split_once('.') {
            Some((d, t)) => (Some(d.to_string()), t),
            None => (self.session.current_db.clone(), name),
        };
        let Some(info) = db.and_then(|d| self.session.catalog.read().table(&d, t)) else {
            return format!("ERROR 1051 (42S02): errCode = 2, detailMessage = Unknown table '{t}'");
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
        let mut out = output::table(&ResultSet {
            columns: ["Field", "Type", "Null", "Key", "Aggregation"]
                .map(String::from)
                .to_vec(),
            rows,
        });
        out.push_str(&format!(
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
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::split_meta;

    #[test]
    fn meta_lines_only_at_statement_boundaries() {
        let text =
            "\\plan on\nSHOW ROUTINE LOAD;\n  \\partitions t 3\n-- c\nCREATE x\n\\not meta\n;\n\\q";
        let (sql, metas) = split_meta(text);
        let cmds: Vec<&str> = metas.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(cmds, ["\\plan on", "\\partitions t 3", "\\q"]);
        assert_eq!(sql.len(), text.len());
        assert!(sql.contains("\\not meta"));
        assert!(!sql.contains("\\plan"));
    }
}
