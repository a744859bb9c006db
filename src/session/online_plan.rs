//! What the online checks give the plan: the topic's real partitions for planning a
//! job without `kafka_partitions`, and the begin offsets Doris resolves before it
//! sends a task (watermarks, offsets for times) in place of the symbolic ones.

use crate::analyzer::Catalog;
use crate::ast::DataSource;
use crate::plan::online::OnlineSummary;
use crate::plan::{Plan, TopicMetadata};
use crate::text::Span;

/// The partitions the brokers reported.
#[derive(Debug)]
pub(crate) struct LivePartitions(Vec<i32>);

impl From<&OnlineSummary> for LivePartitions {
    fn from(s: &OnlineSummary) -> Self {
        LivePartitions(s.partitions.clone())
    }
}

impl TopicMetadata for LivePartitions {
    fn partitions(&self, _broker_list: &str, _topic: &str) -> Option<Vec<i32>> {
        (!self.0.is_empty()).then(|| self.0.clone())
    }
}

/// The tasks carry the resolved offsets; the plan keeps what the brokers answered.
pub(crate) fn resolve_offsets(plan: &mut Plan, summary: OnlineSummary) {
    for task in &mut plan.tasks {
        if let Some(info) = &mut task.kafka_load_info {
            for (p, offset) in info.partition_begin_offset.iter_mut() {
                if let Some(r) = summary
                    .offsets
                    .iter()
                    .find(|e| e.partition == *p)
                    .and_then(|e| e.resolved)
                {
                    *offset = r;
                }
            }
        }
    }
    plan.online = Some(summary);
}

/// The source's property values, by the key as written.
pub(crate) struct SourcePlaces<'a>(pub &'a DataSource);

impl crate::online::Places for SourcePlaces<'_> {
    fn value(&self, key: &str) -> Option<Span> {
        self.0
            .properties
            .entries
            .iter()
            .rev()
            .find(|p| p.key().eq_ignore_ascii_case(key))
            .map(|p| p.value.span)
    }

    fn anchor(&self) -> Span {
        self.0.source_type.span
    }
}

/// A registered file whose URL names a file on this machine (`file://…` or a path).
pub(crate) fn local_file(
    catalog: &dyn Catalog,
    db: &str,
    name: &str,
) -> Option<std::path::PathBuf> {
    let f = catalog
        .files(db)
        .into_iter()
        .find(|f| f.name == name && f.catalog == "kafka")?;
    let path = f.url.strip_prefix("file://").unwrap_or(&f.url);
    let path = std::path::PathBuf::from(path);
    (path.is_absolute() && path.is_file()).then_some(path)
}
