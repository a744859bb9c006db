//! The REPL driven through a real pseudo-terminal: a multi-line statement, Tab
//! completion, meta-commands, Ctrl-C, and the two commissioned MSK IAM statements
//! accepted and planned on the demo catalog.

use rexpect::session::spawn_command;
use std::process::Command;

const USER_EVENTS: &str = r#"CREATE ROUTINE LOAD load_user_events ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
);"#;

const CROSS_ACCOUNT: &str = r#"CREATE ROUTINE LOAD load_cross_account ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.partner-msk.us-west-2.amazonaws.com:9098",
    "kafka_topic" = "shared_events",
    "property.group.id" = "doris_cross_account",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM",
    "property.aws.msk.iam.role.arn" = "arn:aws:iam::999888777666:role/CrossAccountRole"
);"#;

/// The REPL in a pseudo-terminal, with its data directory (history) under `home`.
fn spawn_repl(
    home: &std::path::Path,
) -> Result<rexpect::session::PtySession, rexpect::error::Error> {
    std::fs::create_dir_all(home).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rlfe"));
    cmd.arg("--deterministic")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    spawn_command(cmd, Some(20_000))
}

#[test]
fn repl_through_a_pseudo_terminal() -> Result<(), rexpect::error::Error> {
    let home = std::env::temp_dir().join(format!("rlfe-pty-{}", std::process::id()));
    let mut p = spawn_repl(&home)?;
    p.exp_string("Current database: demo")?;
    p.exp_string("rlfe:demo> ")?;

    // A multi-line statement, typed line by line: it runs at the ';'.
    p.send_line("\\plan on")?;
    p.exp_string("Plans on.")?;
    for line in USER_EVENTS.lines() {
        p.send_line(line)?;
    }
    p.exp_string("Query OK, 0 rows affected")?;
    p.exp_string("warning[MSK-16]")?;
    p.exp_string("Job load_user_events (id 10001) demo.user_events")?;
    p.exp_string("IAM policy for the consumer role")?;
    p.exp_string("rlfe:demo> ")?;
    for line in CROSS_ACCOUNT.lines() {
        p.send_line(line)?;
    }
    p.exp_string("Query OK, 0 rows affected")?;
    p.exp_string("warning[MSK-25]")?;
    p.exp_string("Job load_cross_account (id 10002) demo.user_events")?;
    p.exp_string("arn:aws:kafka:us-west-2:999888777666:cluster/")?;
    p.exp_string("rlfe:demo> ")?;

    // Tab completion of a job name, then of a librdkafka key after "property.
    p.send("SHOW ROUTINE LOAD FOR load_cr")?;
    p.send("\t")?;
    p.flush()?;
    p.exp_string("load_cross_account")?;
    p.send_line(";")?;
    p.exp_string("Name: load_cross_account")?;
    p.exp_string("1 row in set")?;
    p.exp_string("rlfe:demo> ")?;
    p.send("PAUSE ROUTINE LOAD FOR load_us")?;
    p.send("\t")?;
    p.flush()?;
    p.exp_string("load_user_events")?;
    p.send_line(";")?;
    p.exp_string("Query OK")?;

    // Ctrl-C cancels the current input; the next statement still runs.
    p.send("SHOW ROUT")?;
    p.send_control('c')?;
    // Let the editor start its next line before typing on.
    std::thread::sleep(std::time::Duration::from_millis(800));
    p.send_line("\\plan off")?;
    p.exp_string("Plans off.")?;
    p.send_line("STOP ROUTINE LOAD FOR load_user_events;")?;
    p.exp_string("Query OK")?;
    p.send_line("SHOW ROUTINE LOAD TASK WHERE JobName = 'load_user_events';")?;
    p.exp_string("ERROR 1105 (HY000): errCode = 2, detailMessage = The job named load_user_eventsdoes not exists or job state is stopped or cancelled")?;
    p.exp_string("rlfe:demo> ")?;
    p.send_line("\\jobs")?;
    p.exp_string("STOPPED")?;

    // A diagnostic past column 65,536 (from a file: the REPL's \i draws no lines of it).
    let far = home.join("far.sql");
    std::fs::write(&far, format!("{}FROBNICATE x;", " ".repeat(65_536))).unwrap();
    p.send_line(&format!("\\i {}", far.display()))?;
    p.exp_string("error[P0]: unknown statement 'FROBNICATE'")?;
    p.exp_string("line 1, column 65537")?;
    p.exp_string("rlfe:demo> ")?;
    // A secret in a statement that does not parse stays out of the history.
    p.send_line(
        r#"CREATE ROUTINE LOAD j ON t FROM KAFKA ("property.sasl.password" = "S3CR3T_hist" "x");"#,
    )?;
    p.exp_string("found a string of 3 characters (part of a secret value, not shown)")?;
    p.exp_string("rlfe:demo> ")?;
    p.send_line("\\q")?;
    p.exp_eof()?;
    // History is kept in the user's data directory, secrets masked.
    let history = std::fs::read_to_string(home.join("rlfe").join("history")).unwrap_or_default();
    assert!(history.contains("load_user_events"), "{history}");
    assert!(
        !history.contains("S3CR3T_hist") && history.contains("property.sasl.password"),
        "{history}"
    );
    std::fs::remove_dir_all(&home).ok();
    Ok(())
}

/// Types `writes` once the prompt has settled (as a user or a paste does), each one
/// written as it is.
fn keys(
    p: &mut rexpect::session::PtySession,
    writes: &[&str],
) -> Result<(), rexpect::error::Error> {
    std::thread::sleep(std::time::Duration::from_millis(300));
    for w in writes {
        p.send(w)?;
        p.flush()?;
    }
    Ok(())
}

/// The mysql client's habits: lines that arrive together (a paste the terminal does not
/// bracket), the continuation prompt, `\G`, comment-only lines, bare `quit`, Tab
/// listing, a recalled masked secret, and a history written after every entry.
#[test]
fn repl_keeps_every_line_and_speaks_mysql() -> Result<(), rexpect::error::Error> {
    let home = std::env::temp_dir().join(format!("rlfe-pty2-{}", std::process::id()));
    let mut p = spawn_repl(&home)?;
    let banner = p.exp_string("rlfe:demo> ")?;
    // Pastes are not bracketed (the mysql client's way): the mode is never switched on.
    assert!(!banner.contains("\x1b[?2004h"), "{banner:?}");
    // Three inputs in one write, not bracketed: all of them run, in order. (The
    // editor is first given a moment to settle, as a prompt waiting for a paste is.)
    keys(&mut p, &["SHOW ROUTINE LOAD;\n\\jobs\nCREATE ROUTINE LOAD job_a ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");\n"])?;
    p.exp_string("Empty set")?;
    p.exp_string("No jobs")?;
    p.exp_string("Query OK, 0 rows affected")?;
    p.exp_string("rlfe:demo> ")?;
    // rlfe does not ask the terminal to bracket pastes, so a pasted block arrives as
    // typed lines: a statement over two lines runs at its `;`, without an extra Enter.
    keys(&mut p, &["SHOW ROUTINE LOAD FOR job_a\n;\n"])?;
    p.exp_string("1 row in set")?;
    p.exp_string("rlfe:demo> ")?;
    // A statement over several lines: each continuation line has its prompt.
    p.send_line("CREATE ROUTINE LOAD job_b ON user_events")?;
    p.exp_string("    -> ")?;
    p.send_line("FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\");")?;
    p.exp_string("Query OK, 0 rows affected")?;
    // A comment-only line runs nothing and asks for no continuation.
    p.send_line("# just a note")?;
    p.exp_string("rlfe:demo> ")?;
    // \G: the rows vertically.
    p.send_line("SHOW ROUTINE LOAD FOR job_a\\G")?;
    p.exp_string("*************************** 1. row ***************************")?;
    p.exp_string("Name: job_a")?;
    p.exp_string("rlfe:demo> ")?;
    // Tab twice lists the candidates.
    keys(&mut p, &["PAUSE ROUTINE LOAD FOR jo", "\t", "\t"])?;
    p.exp_string("job_a")?;
    p.exp_string("job_b")?;
    p.send_control('c')?;
    p.exp_string("rlfe:demo> ")?;
    // Meta-commands complete too.
    keys(&mut p, &["\\expl", "\t", " KAFKA-21\n"])?;
    p.exp_string("librdkafka logs a configuration warning")?;
    p.exp_string("rlfe:demo> ")?;
    // A statement recalled from the history carries the mask, not the secret.
    p.send_line("CREATE ROUTINE LOAD job_c ON user_events FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"t\", \"property.sasl.password\" = \"******\");")?;
    p.exp_string("holds the masked value ******")?;
    p.exp_string("type the secret value again")?;
    p.exp_string("rlfe:demo> ")?;
    // The history is on disk before the terminal goes away.
    p.send_line("SHOW ROUTINE LOAD FOR job_b;")?;
    p.exp_string("1 row in set")?;
    p.exp_string("rlfe:demo> ")?;
    p.process
        .kill(rexpect::process::signal::Signal::SIGKILL)
        .ok();
    let history = std::fs::read_to_string(home.join("rlfe").join("history")).unwrap_or_default();
    assert!(
        history.contains("SHOW ROUTINE LOAD FOR job_b;"),
        "{history}"
    );
    assert!(history.contains("# just a note"), "{history}");
    // Bare `help` and `quit`, as the mysql client takes them.
    let mut p = spawn_repl(&home)?;
    p.exp_string("rlfe:demo> ")?;
    p.send_line("help")?;
    p.exp_string("Meta-commands (end at the line break):")?;
    p.exp_string("rlfe:demo> ")?;
    p.send_line("quit")?;
    p.exp_eof()?;
    std::fs::remove_dir_all(&home).ok();
    Ok(())
}
