//! Inputs that grow along one dimension at a time, and a run that renders every output,
//! shared by the linear-cost test and the linearity benchmark.
#![allow(dead_code)]

use routine_load_fe::diagnostics::RenderStyle;
use routine_load_fe::session::render::{json_line, text, Style};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions, StatementResult};

/// What grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Statements in a script (each failing with a drawn error, some with a secret).
    Statements,
    /// Partitions of one job.
    Partitions,
    /// Offsets of one job, half of them overflowing (one warning each, folded).
    Offsets,
    /// Properties of one job (unknown client keys: one warning each, folded).
    Properties,
    /// Secret properties of one job (unknown client keys named as secrets, each with
    /// its own value: every message is scrubbed of all of them).
    Secrets,
    /// Column mappings of one job.
    Columns,
    /// Diagnostics drawn from one long line (one statement each).
    Diagnostics,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::Statements,
        Dimension::Partitions,
        Dimension::Offsets,
        Dimension::Properties,
        Dimension::Secrets,
        Dimension::Columns,
        Dimension::Diagnostics,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Statements => "statements",
            Dimension::Partitions => "partitions",
            Dimension::Offsets => "offsets",
            Dimension::Properties => "properties",
            Dimension::Secrets => "secrets",
            Dimension::Columns => "columns",
            Dimension::Diagnostics => "diagnostics",
        }
    }

    /// How many statements the script of size `n` has.
    pub fn statements(self, n: usize) -> usize {
        match self {
            Dimension::Statements | Dimension::Diagnostics => n,
            _ => 1,
        }
    }

    /// A size that takes a moment to run, within the default limits when multiplied by 4.
    pub fn base(self) -> usize {
        match self {
            Dimension::Statements => 1_000,
            Dimension::Partitions | Dimension::Offsets => 2_000,
            Dimension::Properties | Dimension::Secrets => 200,
            Dimension::Columns => 1_000,
            Dimension::Diagnostics => 1_000,
        }
    }
}

const SOURCE: &str = r#"FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t""#;

/// The script of size `n` along `dim`.
pub fn script(dim: Dimension, n: usize) -> String {
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    match dim {
        Dimension::Statements => (0..n)
            .map(|i| {
                if i % 4 == 0 {
                    format!("CREATE ROUTINE LOAD j{i} ON example_tbl {SOURCE}, \"property.security.protocol\" = \"SASL_PLAINTEXT\", \"property.sasl.mechanism\" = \"PLAIN\", \"property.sasl.username\" = \"u\", \"property.sasl.password\" = \"pw{i}\");\n")
                } else {
                    format!("PAUSE ROUTINE LOAD FOR demo.missing{i};\n")
                }
            })
            .collect(),
        Dimension::Partitions => format!(
            "CREATE ROUTINE LOAD j ON example_tbl {SOURCE}, \"kafka_partitions\" = \"{}\", \"kafka_offsets\" = \"{}\");",
            list(&|i| i.to_string()),
            list(&|i| (i * 7).to_string())
        ),
        Dimension::Offsets => format!(
            "CREATE ROUTINE LOAD j ON example_tbl {SOURCE}, \"kafka_partitions\" = \"{}\", \"kafka_offsets\" = \"{}\");",
            list(&|i| i.to_string()),
            list(&|i| if i % 2 == 1 { "99999999999999999999".into() } else { i.to_string() })
        ),
        Dimension::Properties => format!(
            "CREATE ROUTINE LOAD j ON example_tbl {SOURCE}, {});",
            list(&|i| format!("\"property.custom.key{i}\" = \"v{i}\""))
        ),
        Dimension::Secrets => format!(
            "CREATE ROUTINE LOAD j ON example_tbl {SOURCE}, {});",
            list(&|i| format!("\"property.custom{i}.sasl.password\" = \"secretvalue{i}\""))
        ),
        Dimension::Columns => format!(
            "CREATE ROUTINE LOAD j ON example_tbl COLUMNS({}, k1 = c0) {SOURCE});",
            list(&|i| format!("c{i}"))
        ),
        Dimension::Diagnostics => (0..n).map(|i| format!("FROBNICATE{i}; ")).collect(),
    }
}

/// Runs a script in a session and renders every result as `rlfe run` does, in text and
/// in JSON (one source for the script, each statement's secrets added as it runs).
pub fn run_rendered(s: &mut Session, sql: &str, show_plan: bool) -> (Vec<StatementResult>, String) {
    let mut source = routine_load_fe::parser::mask::source(sql);
    let style = Style {
        render: RenderStyle::Plain,
        show_plan,
        plan_json: false,
        reveal: false,
        vertical: false,
        width: routine_load_fe::diagnostics::render::DEFAULT_WIDTH,
    };
    let mut out = String::new();
    let mut results = Vec::new();
    s.run_script(sql, |r| {
        source.add_secrets(&r.secrets);
        out.push_str(&text(&r, &source, style));
        out.push_str(&json_line(&r, false));
        results.push(r);
    });
    (results, out)
}

/// A session on the demo catalog with reproducible ids.
pub fn demo_session() -> Session {
    let mut s = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    });
    s.load_demo().expect("the demo catalog loads");
    s
}

/// Runs a script on the demo catalog and renders every result, plans included.
/// Returns the bytes written.
pub fn run_and_render(sql: &str) -> usize {
    run_rendered(&mut demo_session(), sql, true).1.len()
}
