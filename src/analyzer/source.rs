//! The data source of a CREATE or ALTER: the Kafka checks, then the security analysis
//! of the client map, then the Kafka partition and offset checks, in Doris's order.

use super::context::{AnalyzeContext, Mode};
use super::kafka::{self, SourceInput};
use super::model::KafkaSource;
use super::security;
use crate::diagnostics::Diagnostic;
use crate::keys::values::Zone;

/// Analyzes a classified `FROM KAFKA (…)` list.
pub(crate) fn analyze(
    input: &SourceInput<'_>,
    mode: Mode,
    multi_table: bool,
    zone: Zone,
    ctx: &AnalyzeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> KafkaSource {
    let mut head = kafka::head(input, mode, diags);
    let auth = security::analyze(input, &mut head.custom, &head.brokers, mode, ctx, diags);
    let tail = kafka::tail(input, mode, multi_table, zone, &mut head.custom, diags);
    KafkaSource {
        broker_list: head.broker_list,
        brokers: head.brokers,
        topic: head.topic,
        partition_offsets: tail.partition_offsets,
        default_offset: tail.default_offset,
        custom: head.custom,
        auth,
        table_name_location: tail.table_name_location,
        table_name_format: tail.table_name_format,
        table_name_delimiter: tail.table_name_delimiter,
        table_name_field_index: tail.table_name_field_index,
        generated_group_id: false,
    }
}
