//! Topic metadata behind a trait: "which partitions does this topic have", and offsets
//! for times where it can. Offline, the CLI answers from `--partitions TOPIC=N` or a
//! metadata file; a live broker can answer through the same trait.

use std::collections::BTreeMap;

/// What is known about topics: which partitions they have.
pub trait TopicMetadata: Send + Sync + std::fmt::Debug {
    /// The partitions of a topic, when known.
    fn partitions(&self, broker_list: &str, topic: &str) -> Option<Vec<i32>>;
    /// The first offset at or after a time, when known.
    fn offset_for_time(&self, _topic: &str, _partition: i32, _epoch_millis: i64) -> Option<i64> {
        None
    }
}

/// Partition counts given by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaticTopicMetadata {
    /// Topic → partition count.
    pub topics: BTreeMap<String, i32>,
}

impl StaticTopicMetadata {
    /// Sets a topic's partition count.
    pub fn set(&mut self, topic: impl Into<String>, partitions: i32) {
        self.topics.insert(topic.into(), partitions);
    }

    /// Reads `TOPIC=N` (as `--partitions` takes it), N at most `max` (the session's
    /// partition limit, so a typo cannot make the plan allocate gigabytes).
    pub fn parse_spec(spec: &str, max: usize) -> Result<(String, i32), String> {
        let (t, n) = spec
            .rsplit_once('=')
            .ok_or_else(|| format!("expected TOPIC=N, got '{spec}'"))?;
        let n: i32 = n
            .trim()
            .parse()
            .map_err(|_| format!("'{n}' is not a partition count (in '{spec}')"))?;
        if t.trim().is_empty() || n < 0 {
            return Err(format!("expected TOPIC=N with N >= 0, got '{spec}'"));
        }
        check_partition_count(n, max)?;
        Ok((t.trim().to_string(), n))
    }

    /// Reads a file of `TOPIC=N` lines (`#` starts a comment), each N at most `max`.
    pub fn parse_file(text: &str, max: usize) -> Result<Self, String> {
        let mut m = StaticTopicMetadata::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (t, n) = Self::parse_spec(line, max).map_err(|e| format!("line {}: {e}", i + 1))?;
            m.set(t, n);
        }
        Ok(m)
    }
}

/// A partition count within the limit, or why not.
pub fn check_partition_count(n: i32, max: usize) -> Result<(), String> {
    if usize::try_from(n).is_ok_and(|n| n > max) {
        return Err(format!(
            "{n} partitions is more than the limit of {max} partitions per topic"
        ));
    }
    Ok(())
}

impl TopicMetadata for StaticTopicMetadata {
    fn partitions(&self, _broker_list: &str, topic: &str) -> Option<Vec<i32>> {
        self.topics.get(topic).map(|n| (0..*n).collect())
    }
}
