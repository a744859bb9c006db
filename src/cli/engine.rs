//! The engine the REPL, piped input and `rlfe run` share: statements run in one session,
//! and `\` meta-commands (at a statement boundary, ending at the line break) change how
//! it runs and what it shows. In scripts, meta-commands run only when allowed
//! (`--allow-meta`); the REPL always allows them.

use routine_load_fe::diagnostics::Source;
use routine_load_fe::parser;
use routine_load_fe::plan::StaticTopicMetadata;
use routine_load_fe::session::input::{split_meta, MetaLine, MAX_INCLUDE_DEPTH};
use routine_load_fe::session::render::{self as output, Style};
use routine_load_fe::session::Session;
use routine_load_fe::text::Script;
use std::io::{Read, Write};

pub const META_HELP: &str = r#"Meta-commands (end at the line break):
  \help                   this text
  \d                      databases and the current database's tables
  \d TABLE                a table's columns, keys, partitions and distribution
  \jobs                   the routine-load jobs of this session
  \plan on|off            show each accepted CREATE's plan
  \format text|json       how plans are shown
  \partitions TOPIC N     the partition count of a topic, for planning
  \online on|off [SECS]   check each CREATE against its live brokers (timeout SECS)
  \set timezone TZ        the session time zone
  \set doris_version V    answer as Doris 4.1 (the default) or master; also
                          \set cloud_mode, compute_groups, enable_udf_in_load
  \reveal-secrets on|off  show secret values in plans
  \i FILE                 run a script (a regular file; errors show no lines of it)
  \explain CODE           what a rule checks, with its examples (\rules lists them)
  \q                      quit (so do quit, exit and Ctrl-D; Ctrl-C cancels the input)
Statements end at ';' (or \g; \G shows the rows vertically) and may span lines.
Tab lists and completes keywords, property keys (after "property.": the librdkafka
keys), databases, tables, jobs, meta-commands and their arguments.
In scripts (rlfe run, piped input) meta-commands run only with --allow-meta."#;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Doris-style text.
    Text,
    /// JSON Lines, one object per statement; meta-command output goes to stderr.
    Json,
}

/// How many statements ran, and how they ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub statements: usize,
    pub ok: usize,
    pub with_warnings: usize,
    pub failed: usize,
}

impl Tally {
    fn count(&mut self, r: &routine_load_fe::StatementResult) {
        self.statements += 1;
        if !r.ok {
            self.failed += 1;
        } else if r
            .diagnostics
            .iter()
            .any(|d| d.severity == routine_load_fe::Severity::Warning)
        {
            self.with_warnings += 1;
        } else {
            self.ok += 1;
        }
    }

    /// `N statements: A ok, W with warnings, E failed`.
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}: {} ok, {} with warnings, {} failed",
            plural(self.statements, "statement", "statements"),
            self.ok,
            self.with_warnings,
            self.failed
        )
    }
}

pub struct Engine {
    pub session: Session,
    pub metadata: StaticTopicMetadata,
    pub style: Style,
    pub format: Format,
    /// Whether meta-commands in the input run (the REPL; scripts with --allow-meta).
    pub allow_meta: bool,
    /// Text mode of a script: results on the output stream, Doris's errors and the
    /// diagnostics on standard error (the REPL keeps one stream).
    pub split_streams: bool,
    /// False once a statement has failed.
    pub all_ok: bool,
    /// What the statements did so far.
    pub tally: Tally,
    /// Set by `\q`.
    pub quit: bool,
    /// How many `\i` files are being run.
    depth: usize,
}

/// Reads at most `limit + 1` bytes, so a larger input is known to be too large
/// without being read whole.
pub fn read_limited(mut reader: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader
        .by_ref()
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut buf)?;
    Ok(buf)
}

impl Engine {
    pub fn new(session: Session, style: Style, format: Format) -> Self {
        Engine {
            session,
            metadata: StaticTopicMetadata::default(),
            style,
            format,
            allow_meta: false,
            split_streams: false,
            all_ok: true,
            tally: Tally::default(),
            quit: false,
            depth: 0,
        }
    }

    /// Runs text typed or piped in.
    pub fn run_text(&mut self, text: &str, out: &mut dyn Write) -> std::io::Result<()> {
        self.run_script(&Script::new(text), true, out)
    }

    /// Runs a script read as bytes.
    pub fn run_bytes(&mut self, bytes: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        self.run_script(&Script::from_bytes(bytes), true, out)
    }

    /// Runs a script: statements and meta-commands in order, writing as it goes.
    /// `shown`: whether diagnostics may draw the script's lines (not for `\i` files).
    fn run_script(
        &mut self,
        script: &Script<'_>,
        shown: bool,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        if let Some(r) = self.session.refuse_oversized(script.text()) {
            self.all_ok = false;
            return self.write_result(&r, &Source::hidden(""), out);
        }
        let (with_go, vertical) = routine_load_fe::session::input::go_terminators(script.text());
        let (sql, metas) = split_meta(&with_go);
        let script = script.with_text(sql);
        let sql = script.text();
        let mut source = if shown {
            parser::mask::source(sql)
        } else {
            Source::hidden(sql)
        };
        let mut metas = metas.into_iter().peekable();
        let opts = self.session.options.parse.clone();
        for parsed in parser::script_statements(&script, &opts) {
            while let Some(m) = metas.next_if(|m| m.offset < parsed.range.start) {
                self.meta_line(&m, out)?;
                if self.quit {
                    return Ok(());
                }
            }
            let r = self.session.execute_parsed(&parsed, sql);
            source.add_secrets(&r.secrets);
            self.all_ok &= r.ok;
            self.tally.count(&r);
            let style = Style {
                vertical: self.style.vertical
                    || vertical
                        .iter()
                        .any(|v| (parsed.range.start..=parsed.range.end).contains(v)),
                ..self.style
            };
            self.write_result_styled(&r, &source, style, out)?;
        }
        for m in metas {
            self.meta_line(&m, out)?;
            if self.quit {
                break;
            }
        }
        Ok(())
    }

    fn write_result(
        &self,
        r: &routine_load_fe::session::StatementResult,
        source: &Source<'_>,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        self.write_result_styled(r, source, self.style, out)
    }

    fn write_result_styled(
        &self,
        r: &routine_load_fe::session::StatementResult,
        source: &Source<'_>,
        style: Style,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let text = match self.format {
            Format::Json => output::json_line(r, style.reveal) + "\n",
            Format::Text if self.split_streams => {
                let parts = output::text_parts(r, source, style);
                let (status_out, status_err) = if parts.status_is_error() {
                    ("", parts.status.as_str())
                } else {
                    (parts.status.as_str(), "")
                };
                out.write_all(status_out.as_bytes())?;
                out.write_all(parts.rows.as_bytes())?;
                // What came before reaches a shared terminal first.
                out.flush()?;
                let mut err = std::io::stderr().lock();
                // A closed standard error loses the diagnostics, not the results.
                let _ = err
                    .write_all(status_err.as_bytes())
                    .and_then(|()| err.write_all(parts.diagnostics.as_bytes()))
                    .and_then(|()| err.flush());
                parts.plan
            }
            Format::Text => output::text(r, source, style),
        };
        out.write_all(text.as_bytes())
    }

    /// A meta-command line of a script: run when allowed, else refused.
    fn meta_line(&mut self, m: &MetaLine, out: &mut dyn Write) -> std::io::Result<()> {
        if self.allow_meta {
            return self.meta(&m.command, out);
        }
        self.all_ok = false;
        let name = m.command.split_whitespace().next().unwrap_or("\\");
        let msg = format!(
            "rlfe: line {}: meta-command {} is not run in a script; pass --allow-meta to run meta-commands\n",
            m.start.line,
            routine_load_fe::diagnostics::render::escape_controls(name)
        );
        let _ = std::io::stderr().write_all(msg.as_bytes());
        Ok(())
    }

    /// Runs `\i FILE`: a regular file within the size limit, at most
    /// [`MAX_INCLUDE_DEPTH`] deep; diagnostics show no lines of it.
    fn include(&mut self, path: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let refuse = |why: String| format!("cannot run {path}: {why}\n");
        let limit = self.session.options.parse.max_script_bytes;
        let text = if self.depth >= MAX_INCLUDE_DEPTH {
            Err(refuse(format!(
                "\\i is nested more than {MAX_INCLUDE_DEPTH} deep"
            )))
        } else {
            match std::fs::metadata(path) {
                Err(e) => Err(refuse(e.to_string())),
                Ok(m) if !m.is_file() => Err(refuse("not a regular file".into())),
                Ok(m) if m.len() > limit as u64 => Err(refuse(format!(
                    "larger than the script size limit of {limit} bytes"
                ))),
                Ok(_) => std::fs::File::open(path)
                    .and_then(|f| read_limited(f, limit))
                    .map_err(|e| refuse(e.to_string())),
            }
        };
        match text {
            Ok(bytes) => {
                self.depth += 1;
                let result = self.run_script(&Script::from_bytes(&bytes), false, out);
                self.depth -= 1;
                result
            }
            Err(msg) => {
                self.all_ok = false;
                self.say(&msg, out)
            }
        }
    }

    /// Meta-command output: stdout in text mode, stderr in JSON mode.
    fn say(&self, msg: &str, out: &mut dyn Write) -> std::io::Result<()> {
        match self.format {
            Format::Text => out.write_all(msg.as_bytes()),
            Format::Json => {
                let _ = std::io::stderr().write_all(msg.as_bytes());
                Ok(())
            }
        }
    }

    /// Runs one meta-command.
    pub fn meta(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let mut parts = line.split_whitespace();
        if parts.next() == Some("\\i") {
            return match parts.next() {
                Some(path) => self.include(path, out),
                None => self.say("usage: \\i FILE\n", out),
            };
        }
        let mut msg = String::new();
        self.meta_text(line, &mut msg);
        self.say(&msg, out)
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
            "\\online" => match (on_off(args.first()), args.get(1).map(|t| t.parse::<f64>())) {
                (Some(false), None) => {
                    self.session.options.online = None;
                    say("Online checks off: nothing leaves rlfe.".into());
                }
                (Some(true), None | Some(Ok(_))) => {
                    let secs = match args.get(1).and_then(|t| t.parse::<f64>().ok()) {
                        Some(s) if s > 0.0 && s <= 3600.0 => s,
                        Some(_) => {
                            say("\\online: the timeout is between 0 and 3600 seconds".into());
                            return;
                        }
                        None => 10.0,
                    };
                    self.session.options.online = Some(routine_load_fe::online::OnlineOptions {
                        timeout: std::time::Duration::from_secs_f64(secs),
                    });
                    say(format!("Online checks on: each CREATE ROUTINE LOAD … FROM KAFKA asks its brokers (at most {secs} s)."));
                }
                _ => say("usage: \\online on|off [SECONDS]".into()),
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
                    match routine_load_fe::plan::check_partition_count(n, self.session.options.max_partitions) {
                        Ok(()) => {
                            self.metadata.set(*t, n);
                            self.session.metadata = Box::new(self.metadata.clone());
                            say(format!("Topic {t} has {n} partition(s)."));
                        }
                        Err(e) => say(format!("\\partitions: {e}")),
                    }
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
                (Some(k), Some(v)) if k == "doris_version" || k == "doris-version" => {
                    match routine_load_fe::diagnostics::rules::DorisVersion::parse(v) {
                        Some(version) => {
                            self.session.options.doris_version = version;
                            say(format!("Answers as Doris {version}."));
                        }
                        None => say(format!("\\set doris_version: unknown version '{v}' (4.1 or master)")),
                    }
                }
                (Some(k), Some(v)) if k == "cloud_mode" => match on_off(Some(v)) {
                    Some(on) => {
                        self.session.options.config.cloud_mode = on;
                        say(format!("Cloud mode {}.", if on { "on" } else { "off" }));
                    }
                    None => say("usage: \\set cloud_mode on|off".into()),
                },
                (Some(k), Some(v)) if k == "compute_groups" => {
                    self.session.options.config.compute_groups = v
                        .split(',')
                        .map(|g| g.trim().to_string())
                        .filter(|g| !g.is_empty())
                        .collect();
                    say(format!(
                        "Compute groups: {}.",
                        self.session.options.config.compute_groups.join(", ")
                    ));
                }
                (Some(k), Some(v)) if k == "enable_udf_in_load" => match on_off(Some(v)) {
                    Some(on) => {
                        self.session.options.config.enable_udf_in_load = on;
                        say(format!("enable_udf_in_load {}.", if on { "on" } else { "off" }));
                    }
                    None => say("usage: \\set enable_udf_in_load on|off".into()),
                },
                _ => say("usage: \\set timezone TZ | doris_version 4.1|master | cloud_mode on|off | compute_groups G1,G2 | enable_udf_in_load on|off".into()),
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
        let mut out = output::table(&routine_load_fe::analyzer::describe(&info));
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
