//! Ids, UUIDs and clock readings come from an injectable generator, so snapshots are
//! stable; a real run uses random UUIDs and the system clock.

use uuid::Uuid;

/// Where job ids, UUIDs and clock readings come from.
pub trait IdGenerator: Send + Sync + std::fmt::Debug {
    /// The next global id (jobs).
    fn next_id(&mut self) -> i64;
    /// The next UUID (task ids, default group ids).
    fn next_uuid(&mut self) -> Uuid;
    /// Milliseconds since the epoch.
    fn now_millis(&mut self) -> i64;
}

/// Real ids: a counter seeded from the clock, random (version 4) UUIDs, the system clock.
#[derive(Debug)]
pub struct SystemIds {
    next: i64,
}

impl Default for SystemIds {
    fn default() -> Self {
        SystemIds { next: now() / 1000 }
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl IdGenerator for SystemIds {
    fn next_id(&mut self) -> i64 {
        self.next += 1;
        self.next
    }

    fn next_uuid(&mut self) -> Uuid {
        Uuid::new_v4()
    }

    fn now_millis(&mut self) -> i64 {
        now()
    }
}

/// Reproducible ids: job ids from 10001, name-based UUIDs from a counter, and a clock
/// that starts at 2026-01-01 00:00:00 UTC and moves one second per reading.
#[derive(Debug, Clone)]
pub struct DeterministicIds {
    next: i64,
    uuids: u64,
    clock: i64,
}

impl Default for DeterministicIds {
    fn default() -> Self {
        DeterministicIds {
            next: 10000,
            uuids: 0,
            clock: 1_767_225_600_000,
        }
    }
}

impl IdGenerator for DeterministicIds {
    fn next_id(&mut self) -> i64 {
        self.next += 1;
        self.next
    }

    fn next_uuid(&mut self) -> Uuid {
        self.uuids += 1;
        Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("rlfe-{}", self.uuids).as_bytes(),
        )
    }

    fn now_millis(&mut self) -> i64 {
        self.clock += 1000;
        self.clock
    }
}
