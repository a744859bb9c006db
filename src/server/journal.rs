//! The gateway's durable state: an SQLite database (WAL mode, full synchronous commits)
//! under `--data-dir`. Like Doris FE's edit log, the journal records every statement
//! that changed the catalog or the job registry, with what it drew (ids, UUIDs, clock
//! readings); on start the journal is replayed into a fresh session, which rebuilds the
//! same catalog and jobs. Beside it, the `routine_load_jobs` table holds each job's
//! current state (for operators, and as a check: after the replay both must agree).
//!
//! A statement's row is committed before its OK is sent. A statement whose commit
//! failed is undone (the session is rebuilt from the journal) and answered with an error.

use super::tape::Drawn;
use crate::analyzer::JobEntry;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Why the data directory cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// SQLite refused.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The directory could not be created.
    #[error("{path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A journaled statement is not accepted on replay.
    #[error("{path}: journal entry {seq} (`{sql}`) is not accepted on replay: {reason}")]
    Replay {
        /// The database file.
        path: PathBuf,
        /// The entry.
        seq: i64,
        /// The statement, secrets masked.
        sql: String,
        /// The first error.
        reason: String,
    },
    /// The data directory was written under another Doris version.
    #[error("{path}: {reason}")]
    Version {
        /// The database file.
        path: PathBuf,
        /// What differs and what to do.
        reason: String,
    },
    /// The job table disagrees with the replayed journal.
    #[error("{path}: job {id} is {stored} in routine_load_jobs but {replayed} after replaying the journal")]
    Mismatch {
        /// The database file.
        path: PathBuf,
        /// The job id.
        id: i64,
        /// What the table holds.
        stored: String,
        /// What the replay gave.
        replayed: String,
    },
}

/// One journaled statement.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its position in the journal, from 1.
    pub seq: i64,
    /// The statement as the client sent it (secrets included: the data directory is
    /// the FE's metadata and is created readable by its owner only).
    pub sql: String,
    /// The connection's current database when it ran.
    pub database: Option<String>,
    /// The connection's time zone.
    pub time_zone: String,
    /// The user.
    pub user: String,
    /// The values it drew.
    pub drawn: Vec<Drawn>,
}

/// The open journal.
#[derive(Debug)]
pub struct Journal {
    conn: Connection,
    path: PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY,
    sql TEXT NOT NULL,
    database TEXT,
    time_zone TEXT NOT NULL,
    user TEXT NOT NULL,
    drawn TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS routine_load_jobs (
    id INTEGER PRIMARY KEY,
    db TEXT NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    create_time INTEGER NOT NULL,
    pause_time INTEGER,
    end_time INTEGER,
    reason TEXT
);
";

impl Journal {
    /// Opens (creating) `DIR/rlfe.sqlite3`.
    pub fn open(dir: &Path) -> Result<Journal, JournalError> {
        std::fs::create_dir_all(dir).map_err(|source| JournalError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        restrict(dir);
        let path = dir.join("rlfe.sqlite3");
        let fail = |source| JournalError::Sqlite {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(fail)?;
        restrict(&path);
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(fail)?;
        conn.execute_batch(SCHEMA).map_err(fail)?;
        Ok(Journal { conn, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, source: rusqlite::Error) -> JournalError {
        JournalError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// A value of the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, JournalError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Sets a value of the meta table.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), JournalError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    /// Every entry, in order.
    pub fn entries(&self) -> Result<Vec<Entry>, JournalError> {
        let mut st = self
            .conn
            .prepare("SELECT seq, sql, database, time_zone, user, drawn FROM journal ORDER BY seq")
            .map_err(|e| self.fail(e))?;
        let rows = st
            .query_map([], |r| {
                let drawn: String = r.get(5)?;
                Ok(Entry {
                    seq: r.get(0)?,
                    sql: r.get(1)?,
                    database: r.get(2)?,
                    time_zone: r.get(3)?,
                    user: r.get(4)?,
                    drawn: serde_json::from_str(&drawn).unwrap_or_default(),
                })
            })
            .map_err(|e| self.fail(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.fail(e))
    }

    /// Appends a statement and writes the rows of the jobs it changed, in one
    /// transaction: committed (on disk) when this returns `Ok`.
    pub fn append(&mut self, entry: &Entry, jobs: &[&JobEntry]) -> Result<i64, JournalError> {
        let path = self.path.clone();
        let fail = |source| JournalError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(fail)?;
        let drawn = serde_json::to_string(&entry.drawn).unwrap_or_else(|_| "[]".into());
        tx.execute(
            "INSERT INTO journal (sql, database, time_zone, user, drawn) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![entry.sql, entry.database, entry.time_zone, entry.user, drawn],
        )
        .map_err(fail)?;
        let seq = tx.last_insert_rowid();
        for e in jobs {
            tx.execute(
                "INSERT INTO routine_load_jobs (id, db, name, state, create_time, pause_time, end_time, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(id) DO UPDATE SET db = excluded.db, name = excluded.name,
                   state = excluded.state, pause_time = excluded.pause_time,
                   end_time = excluded.end_time, reason = excluded.reason",
                params![
                    e.job.id,
                    e.job.database,
                    e.job.name,
                    e.state.as_str(),
                    e.create_time,
                    e.pause_time,
                    e.end_time,
                    e.reason.as_ref().map(|(c, t)| format!("{c}: {t}")),
                ],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(seq)
    }

    /// Each job row: id and state.
    pub fn job_states(&self) -> Result<Vec<(i64, String)>, JournalError> {
        let mut st = self
            .conn
            .prepare("SELECT id, state FROM routine_load_jobs ORDER BY id")
            .map_err(|e| self.fail(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.fail(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.fail(e))
    }
}

/// The data directory and its database are the FE's metadata, secrets included:
/// readable by their owner only.
fn restrict(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
}
