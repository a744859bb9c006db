//! Ids, UUIDs and clock readings that a journal can replay: while the gateway runs,
//! every value a statement draws is recorded beside the statement; on restart the same
//! values are handed back in the same order, so replaying the journal rebuilds the very
//! jobs (ids, default group ids, times) the clients saw.

use crate::session::IdGenerator;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use uuid::Uuid;

/// One value drawn by a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Drawn {
    /// A global id.
    Id(i64),
    /// A UUID.
    Uuid(Uuid),
    /// A clock reading, epoch milliseconds.
    Now(i64),
}

#[derive(Debug, Default)]
struct Reel {
    /// Values to hand back (replay); live values are drawn when it is empty.
    replay: VecDeque<Drawn>,
    /// Values drawn since the last [`Tape::take`].
    recorded: Vec<Drawn>,
    /// The largest id handed out: live ids never go below it (a restart within the
    /// same second would otherwise reuse a clock-seeded id).
    last_id: i64,
}

/// The shared reel: the gateway keeps one handle, the session's generator the other.
#[derive(Debug, Clone, Default)]
pub struct Tape(Arc<Mutex<Reel>>);

impl Tape {
    fn with<T>(&self, f: impl FnOnce(&mut Reel) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Queues a statement's recorded values for replay.
    pub fn load(&self, values: &[Drawn]) {
        self.with(|r| {
            r.replay.clear();
            r.replay.extend(values.iter().copied());
            r.recorded.clear();
        });
    }

    /// The values drawn since the last call.
    pub fn take(&self) -> Vec<Drawn> {
        self.with(|r| {
            r.replay.clear();
            std::mem::take(&mut r.recorded)
        })
    }

    /// A generator drawing from this tape, live values coming from `live`.
    pub fn generator(&self, live: Box<dyn IdGenerator>) -> TapeIds {
        TapeIds {
            tape: self.clone(),
            live,
        }
    }
}

/// An [`IdGenerator`] that replays a tape, then draws live values and records them.
#[derive(Debug)]
pub struct TapeIds {
    tape: Tape,
    live: Box<dyn IdGenerator>,
}

impl TapeIds {
    fn draw(&mut self, live: impl FnOnce(&mut dyn IdGenerator, i64) -> Drawn) -> Drawn {
        let inner = self.live.as_mut();
        self.tape.with(|r| {
            let v = match r.replay.pop_front() {
                Some(v) => v,
                None => live(inner, r.last_id),
            };
            if let Drawn::Id(id) = v {
                r.last_id = r.last_id.max(id);
            }
            r.recorded.push(v);
            v
        })
    }
}

impl IdGenerator for TapeIds {
    fn next_id(&mut self) -> i64 {
        match self.draw(|g, last| Drawn::Id(g.next_id().max(last + 1))) {
            Drawn::Id(id) => id,
            // A journal out of step with its statements: fall back to a fresh id.
            _ => self.tape.with(|r| {
                r.last_id += 1;
                r.last_id
            }),
        }
    }

    fn next_uuid(&mut self) -> Uuid {
        match self.draw(|g, _| Drawn::Uuid(g.next_uuid())) {
            Drawn::Uuid(u) => u,
            _ => self.live.next_uuid(),
        }
    }

    fn now_millis(&mut self) -> i64 {
        match self.draw(|g, _| Drawn::Now(g.now_millis())) {
            Drawn::Now(t) => t,
            _ => self.live.now_millis(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::DeterministicIds;

    #[test]
    fn replayed_values_come_back_in_order_and_live_ids_stay_above_them() {
        let tape = Tape::default();
        let mut ids = tape.generator(Box::new(DeterministicIds::default()));
        tape.load(&[Drawn::Id(50_000), Drawn::Now(7)]);
        assert_eq!(ids.next_id(), 50_000);
        assert_eq!(ids.now_millis(), 7);
        assert_eq!(tape.take(), vec![Drawn::Id(50_000), Drawn::Now(7)]);
        // The live generator would give 10001; the replayed id is the floor.
        assert_eq!(ids.next_id(), 50_001);
        assert_eq!(tape.take(), vec![Drawn::Id(50_001)]);
    }
}
