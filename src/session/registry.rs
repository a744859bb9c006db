//! The job registry of a session: every job created, in creation order, with its state.

use crate::analyzer::{JobEntry, JobState, JobView, RoutineLoadJob, StateChange};
use crate::text::hash::FastMap;

/// The jobs of a session, with indexes so that finding a job by name or id costs the
/// same however many jobs a script has made.
#[derive(Debug, Clone, Default)]
pub struct JobRegistry {
    entries: Vec<JobEntry>,
    /// Database → name → the positions of its active entries, in creation order (Doris
    /// keeps one; a registry filled otherwise answers with the first, as a scan would).
    active: FastMap<String, FastMap<String, Vec<usize>>>,
    /// Job id → the position of the first entry with that id.
    by_id: FastMap<i64, usize>,
    /// How many entries are not final.
    active_count: usize,
}

impl JobView for JobRegistry {
    fn entries(&self) -> &[JobEntry] {
        &self.entries
    }

    fn active_job(&self, db: &str, name: &str) -> Option<&JobEntry> {
        let at = *self.active.get(db)?.get(name)?.first()?;
        self.entries.get(at)
    }

    fn active_count(&self) -> usize {
        self.active_count
    }
}

impl JobRegistry {
    /// Every job, in creation order.
    pub fn iter(&self) -> impl Iterator<Item = &JobEntry> {
        self.entries.iter()
    }

    /// How many jobs the registry holds, final ones included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no job.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Registers a created job (NEED_SCHEDULE).
    pub fn add(&mut self, job: RoutineLoadJob, now: i64) {
        let at = self.entries.len();
        self.by_id.entry(job.id).or_insert(at);
        self.entries.push(JobEntry {
            job,
            state: JobState::NeedSchedule,
            create_time: now,
            pause_time: None,
            end_time: None,
            reason: None,
        });
        self.mark_active(at);
    }

    /// Replaces the active job of the same database and name.
    pub fn replace(&mut self, job: RoutineLoadJob) {
        let Some(at) = self
            .active
            .get(&job.database)
            .and_then(|names| names.get(&job.name))
            .and_then(|found| found.first().copied())
        else {
            return;
        };
        let Some(e) = self.entries.get_mut(at) else {
            return;
        };
        let (old, new) = (e.job.id, job.id);
        e.job = job;
        if old != new {
            // A job that changes its id (Doris's ALTER keeps it): the ids are indexed
            // again.
            self.by_id.clear();
            for (i, e) in self.entries.iter().enumerate() {
                self.by_id.entry(e.job.id).or_insert(i);
            }
        }
    }

    /// Applies a state change; the times follow the new state (a pause sets the pause
    /// time, a resume clears it, a stop or cancel sets the end time).
    pub fn apply(&mut self, change: &StateChange, now: i64) {
        let Some(&at) = self.by_id.get(&change.job_id) else {
            return;
        };
        let Some(e) = self.entries.get_mut(at) else {
            return;
        };
        let was_final = e.state.is_final();
        e.state = change.to;
        e.reason.clone_from(&change.reason);
        match change.to {
            JobState::Paused => e.pause_time = Some(now),
            JobState::NeedSchedule | JobState::Running => e.pause_time = None,
            JobState::Stopped | JobState::Cancelled => e.end_time = Some(now),
        }
        match (was_final, change.to.is_final()) {
            (false, true) => self.mark_final(at),
            (true, false) => self.mark_active(at),
            _ => {}
        }
    }

    /// Indexes entry `at` as active.
    fn mark_active(&mut self, at: usize) {
        let Some(e) = self.entries.get(at) else {
            return;
        };
        let found = self
            .active
            .entry(e.job.database.clone())
            .or_default()
            .entry(e.job.name.clone())
            .or_default();
        // In creation order: nearly always at the end.
        let pos = found.partition_point(|i| *i < at);
        found.insert(pos, at);
        self.active_count += 1;
    }

    /// Takes entry `at` out of the active index.
    fn mark_final(&mut self, at: usize) {
        let Some(e) = self.entries.get(at) else {
            return;
        };
        if let Some(names) = self.active.get_mut(&e.job.database) {
            if let Some(found) = names.get_mut(&e.job.name) {
                found.retain(|i| *i != at);
                if found.is_empty() {
                    names.remove(&e.job.name);
                }
            }
            if names.is_empty() {
                self.active.remove(&e.job.database);
            }
        }
        self.active_count = self.active_count.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{DeterministicIds, Session, SessionOptions};

    /// A job made by the analyzer, to vary.
    fn template() -> RoutineLoadJob {
        let mut s = Session::new(SessionOptions {
            ids: Box::new(DeterministicIds::default()),
            ..SessionOptions::default()
        });
        s.load_demo().unwrap();
        s.execute_sql(
            r#"CREATE ROUTINE LOAD demo.j ON example_tbl FROM KAFKA ("kafka_broker_list" = "k:9092", "kafka_topic" = "t");"#,
        );
        let job = s.jobs.iter().next().unwrap().job.clone();
        job
    }

    #[derive(Debug, Clone)]
    enum Op {
        Add { db: u8, name: u8, id: u8 },
        Change { id: u8, to: u8 },
        Replace { db: u8, name: u8, id: u8 },
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            (0u8..2, 0u8..3, 0u8..6).prop_map(|(db, name, id)| Op::Add { db, name, id }),
            (0u8..6, 0u8..5).prop_map(|(id, to)| Op::Change { id, to }),
            (0u8..2, 0u8..3, 0u8..6).prop_map(|(db, name, id)| Op::Replace { db, name, id }),
        ]
    }

    proptest::proptest! {
        /// The indexes answer as a scan of the entries does, whatever the sequence of
        /// additions, state changes and replacements (duplicate names and ids included).
        #[test]
        fn the_indexes_answer_as_a_scan(ops in proptest::collection::vec(op(), 0..40)) {
            let base = template();
            let job = |db: u8, name: u8, id: u8| RoutineLoadJob {
                database: format!("db{db}"),
                name: format!("j{name}"),
                id: i64::from(id),
                ..base.clone()
            };
            let states = [JobState::NeedSchedule, JobState::Running, JobState::Paused, JobState::Stopped, JobState::Cancelled];
            let mut r = JobRegistry::default();
            for (now, op) in ops.into_iter().enumerate() {
                match op {
                    Op::Add { db, name, id } => r.add(job(db, name, id), now as i64),
                    Op::Change { id, to } => r.apply(&StateChange { job_id: i64::from(id), to: states[usize::from(to)], reason: None }, now as i64),
                    Op::Replace { db, name, id } => r.replace(job(db, name, id)),
                }
                let scan_count = r.entries.iter().filter(|e| !e.state.is_final()).count();
                proptest::prop_assert_eq!(r.active_count(), scan_count);
                for db in ["db0", "db1"] {
                    for name in ["j0", "j1", "j2"] {
                        let scanned = r.entries.iter().position(|e| !e.state.is_final() && e.job.database == db && e.job.name == name);
                        let indexed = r.active_job(db, name).map(|e| e as *const JobEntry);
                        proptest::prop_assert_eq!(indexed, scanned.map(|i| &r.entries[i] as *const JobEntry));
                    }
                }
                for id in 0..6i64 {
                    let scanned = r.entries.iter().position(|e| e.job.id == id);
                    proptest::prop_assert_eq!(r.by_id.get(&id).copied(), scanned);
                }
            }
        }
    }
}
