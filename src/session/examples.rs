//! Running a rule's examples: on the demo catalog, with the example's set-up, as
//! `rlfe explain` shows them and the registry's tests check them.

use super::{DeterministicIds, Session, SessionOptions, StatementResult};
use crate::analyzer::Profile;
use crate::diagnostics::rules::{DorisVersion, Example, Setup};
use crate::diagnostics::Diagnostic;

/// A session set up for an example: the demo catalog (current database `demo`) unless
/// the example asks for none, reproducible ids.
pub fn session_for(example: &Example) -> Session {
    let mut options = SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    };
    let mut demo = true;
    let mut database = true;
    for s in example.setup {
        match *s {
            Setup::DorisProfile => options.profile = Profile::Doris,
            Setup::Master => options.doris_version = DorisVersion::Master,
            Setup::Online => {
                options.online = Some(crate::online::OnlineOptions {
                    timeout: std::time::Duration::from_secs(5),
                })
            }
            Setup::JavaUdfDisabled => options.config.enable_java_udf = false,
            Setup::CloudMode => {
                options.config.cloud_mode = true;
                options.config.compute_groups = vec!["cg1".into(), "cg2".into()];
            }
            Setup::NoDatabase => database = false,
            Setup::NoCatalog => demo = false,
            Setup::NoJobSlots => options.config.max_routine_load_job_num = 0,
            Setup::MaxProperties(n) => options.parse.max_properties = n,
            Setup::MaxStatements(n) => options.parse.max_statements = n,
            Setup::MaxStatementBytes(n) => options.parse.max_statement_bytes = n,
            Setup::MaxExpressionDepth(n) => options.parse.max_expression_depth = n,
            Setup::ReplacementIsInvalidByte => {}
        }
    }
    let mut session = Session::new(options);
    if demo {
        // The demo catalog is part of the binary; a failure to load it shows in the
        // example's results instead.
        let _ = session.load_demo();
    }
    if !database {
        session.current_db = None;
    }
    session
}

/// Runs an example: every statement's result, in order.
pub fn run(example: &Example) -> Vec<StatementResult> {
    let mut session = session_for(example);
    let mut out = Vec::new();
    if example.setup.contains(&Setup::ReplacementIsInvalidByte) {
        let bytes = example.sql.replace('\u{fffd}', "\u{1}").into_bytes();
        let bytes: Vec<u8> = bytes
            .into_iter()
            .map(|b| if b == 1 { 0xFF } else { b })
            .collect();
        session.run_bytes(&bytes, |r| out.push(r));
    } else {
        session.run_script(example.sql, |r| out.push(r));
    }
    out
}

/// The findings of an example's last statement, its plan's notes included.
pub fn last_findings(results: &[StatementResult]) -> Vec<&Diagnostic> {
    let Some(last) = results.last() else {
        return Vec::new();
    };
    last.diagnostics
        .iter()
        .chain(last.plan.iter().flat_map(|p| p.notes.iter()))
        .collect()
}

/// One rule's documentation with its examples and what rlfe answers to each, as
/// `rlfe explain CODE` prints it.
pub fn explain(rule: crate::diagnostics::Rule, style: crate::diagnostics::RenderStyle) -> String {
    let mut out = crate::diagnostics::rules::describe(rule);
    for (title, example) in [("Raises it", &rule.trips), ("Does not", &rule.passes)] {
        out.push_str(&format!("\n{title} (on the demo catalog):\n\n"));
        for line in example.sql.trim().lines() {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        let results = run(example);
        if let Some(last) = results.last() {
            let source = crate::parser::mask::source(example.sql);
            let text = super::render::text(
                last,
                &source,
                super::render::Style {
                    render: style,
                    show_plan: false,
                    plan_json: false,
                    reveal: false,
                    vertical: false,
                    width: crate::diagnostics::render::DEFAULT_WIDTH,
                },
            );
            out.push_str("\nrlfe answers:\n\n");
            for line in text.lines() {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}
