//! The job registry of a session: every job created, in creation order, with its state.

use crate::analyzer::{JobEntry, JobState, JobView, RoutineLoadJob, StateChange};

/// The jobs of a session.
#[derive(Debug, Clone, Default)]
pub struct JobRegistry {
    entries: Vec<JobEntry>,
}

impl JobView for JobRegistry {
    fn entries(&self) -> &[JobEntry] {
        &self.entries
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
        self.entries.push(JobEntry {
            job,
            state: JobState::NeedSchedule,
            create_time: now,
            pause_time: None,
            end_time: None,
            reason: None,
        });
    }

    /// Replaces the active job of the same database and name.
    pub fn replace(&mut self, job: RoutineLoadJob) {
        if let Some(e) = self.entries.iter_mut().find(|e| {
            !e.state.is_final() && e.job.database == job.database && e.job.name == job.name
        }) {
            e.job = job;
        }
    }

    /// Applies a state change; the times follow the new state (a pause sets the pause
    /// time, a resume clears it, a stop or cancel sets the end time).
    pub fn apply(&mut self, change: &StateChange, now: i64) {
        let Some(e) = self.entries.iter_mut().find(|e| e.job.id == change.job_id) else {
            return;
        };
        e.state = change.to;
        e.reason.clone_from(&change.reason);
        match change.to {
            JobState::Paused => e.pause_time = Some(now),
            JobState::NeedSchedule | JobState::Running => e.pause_time = None,
            JobState::Stopped | JobState::Cancelled => e.end_time = Some(now),
        }
    }
}
