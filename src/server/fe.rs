//! The gateway's one FE: a session shared by every connection (one catalog, one job
//! registry), with its journal when the gateway is durable. Each statement runs under
//! the FE's lock, as Doris FE serialises changes to a job under the job's lock: two
//! connections changing one job see each other's change, and one name is never created
//! twice.

use super::journal::{Entry, Journal, JournalError};
use super::reply::{ConnState, Reply};
use super::tape::Tape;
use crate::ast::StatementKind;
use crate::session::{DorisVersion, Session, SessionOptions, StatementResult, SystemIds};
use std::path::Path;

/// What the shared session starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitialCatalog {
    /// An empty catalog.
    Empty,
    /// The embedded demo catalog.
    Demo,
}

impl InitialCatalog {
    fn as_str(self) -> &'static str {
        match self {
            InitialCatalog::Empty => "empty",
            InitialCatalog::Demo => "demo",
        }
    }
}

/// The shared FE state.
#[derive(Debug)]
pub struct Fe {
    session: Session,
    tape: Tape,
    journal: Option<Journal>,
    initial: InitialCatalog,
    version: DorisVersion,
}

/// A statement kind whose accepted form changes nothing the journal keeps.
fn reads_only(kind: StatementKind) -> bool {
    matches!(
        kind,
        StatementKind::ShowRoutineLoad
            | StatementKind::ShowRoutineLoadTask
            | StatementKind::ShowCreateRoutineLoad
            | StatementKind::Explain
            | StatementKind::Use
            | StatementKind::ShowFile
            | StatementKind::Other
            | StatementKind::Unknown
    )
}

impl Fe {
    /// An FE in memory only.
    pub fn in_memory(initial: InitialCatalog, version: DorisVersion) -> Fe {
        let tape = Tape::default();
        Fe {
            session: fresh_session(&tape, initial, version),
            tape,
            journal: None,
            initial,
            version,
        }
    }

    /// An FE whose state lives in `dir`: the journal is replayed first. A data
    /// directory remembers the catalog it started from; `initial` applies only to a
    /// new one. It also remembers the Doris version whose answers it journaled: the
    /// journal replays only under that version.
    pub fn durable(
        dir: &Path,
        initial: InitialCatalog,
        version: DorisVersion,
    ) -> Result<Fe, JournalError> {
        let journal = Journal::open(dir)?;
        let initial = match journal.meta("initial_catalog")?.as_deref() {
            Some("demo") => InitialCatalog::Demo,
            Some(_) => InitialCatalog::Empty,
            None => {
                journal.set_meta("initial_catalog", initial.as_str())?;
                initial
            }
        };
        match journal.meta("doris_version")? {
            Some(v) if v != version.as_str() => {
                return Err(JournalError::Version {
                    path: journal.path().to_path_buf(),
                    reason: format!("the data directory holds jobs accepted as Doris {v}; start it with --doris-version {v}, or use another --data-dir"),
                })
            }
            Some(_) => {}
            None => journal.set_meta("doris_version", version.as_str())?,
        }
        let tape = Tape::default();
        let mut fe = Fe {
            session: fresh_session(&tape, initial, version),
            tape,
            journal: Some(journal),
            initial,
            version,
        };
        fe.replay()?;
        Ok(fe)
    }

    /// The catalog the FE started from.
    pub fn initial_catalog(&self) -> InitialCatalog {
        self.initial
    }

    /// The shared session (read-only).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// How many jobs the registry holds.
    pub fn job_count(&self) -> usize {
        self.session.jobs.len()
    }

    /// Rebuilds the session from the journal, then checks it against the job table.
    fn replay(&mut self) -> Result<(), JournalError> {
        let Some(journal) = &self.journal else {
            return Ok(());
        };
        let entries = journal.entries()?;
        let path = journal.path().to_path_buf();
        self.session = fresh_session(&self.tape, self.initial, self.version);
        for e in entries {
            self.session.current_db.clone_from(&e.database);
            self.session.options.time_zone.clone_from(&e.time_zone);
            self.session.options.user.clone_from(&e.user);
            self.tape.load(&e.drawn);
            let results = self.session.execute_sql(&e.sql);
            self.tape.take();
            if let Some(bad) = results.iter().find(|r| !r.ok) {
                return Err(JournalError::Replay {
                    path,
                    seq: e.seq,
                    sql: bad.sql.clone(),
                    reason: bad
                        .first_error()
                        .map_or_else(|| "a warning".to_string(), |d| d.message.to_string()),
                });
            }
        }
        for (id, stored) in journal.job_states()? {
            let replayed = self
                .session
                .jobs
                .iter()
                .find(|e| e.job.id == id)
                .map_or("missing", |e| e.state.as_str());
            if replayed != stored {
                return Err(JournalError::Mismatch {
                    path,
                    id,
                    stored,
                    replayed: replayed.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Runs one statement text for a connection, journaling it when it changed the
    /// catalog or the registry; the answer is the last statement's (a text with several
    /// statements stops at the first that fails).
    pub fn run(&mut self, conn: &mut ConnState, sql: &str) -> Reply {
        self.session.current_db.clone_from(&conn.database);
        self.session.options.time_zone.clone_from(&conn.time_zone);
        self.session.options.user.clone_from(&conn.user);
        let database_before = conn.database.clone();
        self.tape.take();
        let mut results: Vec<StatementResult> = Vec::new();
        self.session.run_script(sql, |r| results.push(r));
        let drawn = self.tape.take();
        let changed = results.iter().any(|r| {
            r.ok && (!reads_only(r.kind) || r.changed_catalog || !r.changed_jobs.is_empty())
        });
        if changed {
            if let Some(journal) = &mut self.journal {
                let entry = Entry {
                    seq: 0,
                    sql: sql.to_string(),
                    database: database_before,
                    time_zone: conn.time_zone.clone(),
                    user: conn.user.clone(),
                    drawn,
                };
                let ids: Vec<i64> = results
                    .iter()
                    .flat_map(|r| r.changed_jobs.iter().copied())
                    .collect();
                let rows: Vec<_> = self
                    .session
                    .jobs
                    .iter()
                    .filter(|e| ids.contains(&e.job.id))
                    .collect();
                if let Err(e) = journal.append(&entry, &rows) {
                    // Undo: the state is what the journal holds.
                    let _ = self.replay();
                    return Reply::internal(format!(
                        "the statement was not stored, nothing changed: {e}"
                    ));
                }
            }
        }
        conn.database.clone_from(&self.session.current_db);
        Reply::from_results(results)
    }
}

fn fresh_session(tape: &Tape, initial: InitialCatalog, version: DorisVersion) -> Session {
    let options = SessionOptions {
        ids: Box::new(tape.generator(Box::new(SystemIds::default()))),
        doris_version: version,
        ..SessionOptions::default()
    };
    let mut session = Session::new(options);
    if initial == InitialCatalog::Demo {
        // The embedded catalog always loads; a failure would be a build defect that
        // the demo tests catch.
        let _ = session.load_demo();
    }
    session.current_db = None;
    session
}
