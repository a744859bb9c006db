//! The job registry of a session: every job created, in creation order, with its state.

use crate::analyzer::{JobEntry, JobState, JobView, RoutineLoadJob, StateChange};
use crate::text::hash::FastMap;

/// From how many jobs on the registry keeps indexes: below, a scan costs less than
/// keeping them (a gateway's session usually holds a few jobs).
const INDEX_FROM: usize = if cfg!(test) { 3 } else { 16 };

/// The jobs of a session. Past a few jobs it keeps indexes, so that finding a job by
/// name or id costs the same however many jobs a script has made.
#[derive(Debug, Clone, Default)]
pub struct JobRegistry {
    entries: Vec<JobEntry>,
    index: Option<Index>,
    /// How many entries are not final.
    active_count: usize,
}

/// The positions of a registry's entries by database and name, and by id.
#[derive(Debug, Clone, Default)]
struct Index {
    /// Database → name → its entries.
    by_name: FastMap<String, FastMap<String, Named>>,
    /// Job id → the position of the first entry with that id.
    by_id: FastMap<i64, usize>,
}

/// The entries of one database and name, in creation order.
#[derive(Debug, Clone, Default)]
struct Named {
    all: Vec<usize>,
    /// The active ones (Doris keeps one; a registry filled otherwise answers with the
    /// first, as a scan would).
    active: Vec<usize>,
}

impl Index {
    fn of(entries: &[JobEntry]) -> Index {
        let mut index = Index::default();
        for at in 0..entries.len() {
            index.add(entries, at);
        }
        index
    }

    fn named(&self, db: &str, name: &str) -> Option<&Named> {
        self.by_name.get(db)?.get(name)
    }

    fn named_mut(&mut self, e: &JobEntry) -> &mut Named {
        self.by_name
            .entry(e.job.database.clone())
            .or_default()
            .entry(e.job.name.clone())
            .or_default()
    }

    /// Indexes entry `at`, the newest.
    fn add(&mut self, entries: &[JobEntry], at: usize) {
        let Some(e) = entries.get(at) else {
            return;
        };
        self.by_id.entry(e.job.id).or_insert(at);
        let named = self.named_mut(e);
        named.all.push(at);
        if !e.state.is_final() {
            named.active.push(at);
        }
    }

    /// Entry `at` became active (`true`) or final.
    fn set_active(&mut self, e: &JobEntry, at: usize, active: bool) {
        let found = &mut self.named_mut(e).active;
        if active {
            let pos = found.partition_point(|i| *i < at);
            found.insert(pos, at);
        } else {
            found.retain(|i| *i != at);
        }
    }
}

impl JobView for JobRegistry {
    fn entries(&self) -> &[JobEntry] {
        &self.entries
    }

    fn active_job(&self, db: &str, name: &str) -> Option<&JobEntry> {
        match &self.index {
            Some(index) => self.entries.get(*index.named(db, name)?.active.first()?),
            None => self
                .entries
                .iter()
                .find(|e| !e.state.is_final() && e.job.database == db && e.job.name == name),
        }
    }

    fn named(&self, db: &str, name: &str) -> Vec<&JobEntry> {
        match &self.index {
            Some(index) => index.named(db, name).map_or(Vec::new(), |n| {
                n.all.iter().filter_map(|i| self.entries.get(*i)).collect()
            }),
            None => self
                .entries
                .iter()
                .filter(|e| e.job.database == db && e.job.name == name)
                .collect(),
        }
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
        self.entries.push(JobEntry {
            job,
            state: JobState::NeedSchedule,
            create_time: now,
            pause_time: None,
            end_time: None,
            reason: None,
        });
        self.active_count += 1;
        match &mut self.index {
            Some(index) => index.add(&self.entries, at),
            None if self.entries.len() >= INDEX_FROM => {
                self.index = Some(Index::of(&self.entries));
            }
            None => {}
        }
    }

    /// The position of the active entry of that database and name.
    fn active_at(&self, db: &str, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.named(db, name)?.active.first().copied(),
            None => self
                .entries
                .iter()
                .position(|e| !e.state.is_final() && e.job.database == db && e.job.name == name),
        }
    }

    /// Replaces the active job of the same database and name.
    pub fn replace(&mut self, job: RoutineLoadJob) {
        let Some(at) = self.active_at(&job.database, &job.name) else {
            return;
        };
        let Some(e) = self.entries.get_mut(at) else {
            return;
        };
        let changed_id = e.job.id != job.id;
        e.job = job;
        if changed_id && self.index.is_some() {
            // A job that changes its id (Doris's ALTER keeps it): indexed again.
            self.index = Some(Index::of(&self.entries));
        }
    }

    /// Applies a state change; the times follow the new state (a pause sets the pause
    /// time, a resume clears it, a stop or cancel sets the end time).
    pub fn apply(&mut self, change: &StateChange, now: i64) {
        let at = match &self.index {
            Some(index) => index.by_id.get(&change.job_id).copied(),
            None => self.entries.iter().position(|e| e.job.id == change.job_id),
        };
        let Some(e) = at.and_then(|at| self.entries.get_mut(at)) else {
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
        let now_final = change.to.is_final();
        if was_final != now_final {
            if now_final {
                self.active_count = self.active_count.saturating_sub(1);
            } else {
                self.active_count += 1;
            }
            if let (Some(index), Some(at)) = (&mut self.index, at) {
                if let Some(e) = self.entries.get(at) {
                    index.set_active(e, at, !now_final);
                }
            }
        }
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
                for db in ["db0", "db1"] {
                    for name in ["j0", "j1", "j2"] {
                        let scanned: Vec<*const JobEntry> = r.entries.iter().filter(|e| e.job.database == db && e.job.name == name).map(|e| e as *const JobEntry).collect();
                        let indexed: Vec<*const JobEntry> = r.named(db, name).into_iter().map(|e| e as *const JobEntry).collect();
                        proptest::prop_assert_eq!(indexed, scanned);
                    }
                }
                if let Some(index) = &r.index {
                    for id in 0..6i64 {
                        let scanned = r.entries.iter().position(|e| e.job.id == id);
                        proptest::prop_assert_eq!(index.by_id.get(&id).copied(), scanned);
                    }
                }
                proptest::prop_assert_eq!(r.index.is_some(), r.entries.len() >= INDEX_FROM);
            }
        }
    }
}
