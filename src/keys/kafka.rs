//! The fixed keys of a Kafka source (`FROM KAFKA (…)`); `property.*` and `aws.*` keys
//! are client settings.

/// A fixed key of a Kafka source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KafkaKey {
    /// `kafka_broker_list`: the bootstrap brokers.
    BrokerList,
    /// `kafka_topic`.
    Topic,
    /// `kafka_partitions`.
    Partitions,
    /// `kafka_offsets`.
    Offsets,
    /// `kafka_default_offsets` (without `property.`: accepted, without effect).
    DefaultOffsets,
    /// `kafka_table_name_location` (multi-table jobs).
    TableNameLocation,
    /// `kafka_table_name_format` (multi-table jobs).
    TableNameFormat,
    /// `kafka_text_table_name_field_delimiter` (multi-table jobs).
    TextTableNameFieldDelimiter,
    /// `kafka_text_table_name_field_index` (multi-table jobs).
    TextTableNameFieldIndex,
}

impl KafkaKey {
    /// Every fixed key.
    pub const ALL: [KafkaKey; 9] = [
        KafkaKey::BrokerList,
        KafkaKey::Topic,
        KafkaKey::Partitions,
        KafkaKey::Offsets,
        KafkaKey::DefaultOffsets,
        KafkaKey::TableNameLocation,
        KafkaKey::TableNameFormat,
        KafkaKey::TextTableNameFieldDelimiter,
        KafkaKey::TextTableNameFieldIndex,
    ];

    /// The key as written.
    pub fn as_str(self) -> &'static str {
        match self {
            KafkaKey::BrokerList => "kafka_broker_list",
            KafkaKey::Topic => "kafka_topic",
            KafkaKey::Partitions => "kafka_partitions",
            KafkaKey::Offsets => "kafka_offsets",
            KafkaKey::DefaultOffsets => "kafka_default_offsets",
            KafkaKey::TableNameLocation => "kafka_table_name_location",
            KafkaKey::TableNameFormat => "kafka_table_name_format",
            KafkaKey::TextTableNameFieldDelimiter => "kafka_text_table_name_field_delimiter",
            KafkaKey::TextTableNameFieldIndex => "kafka_text_table_name_field_index",
        }
    }

    /// The key for a text (keys are case-sensitive).
    pub fn parse(key: &str) -> Option<KafkaKey> {
        KafkaKey::ALL.into_iter().find(|k| k.as_str() == key)
    }
}

/// The prefix of client settings in a Kafka source.
pub const CLIENT_PREFIX: &str = "property.";

/// The client key Doris reads the default offset from.
pub const DEFAULT_OFFSETS: &str = "kafka_default_offsets";

/// The client key Doris keeps a datetime default offset's text in.
pub const ORIGIN_DEFAULT_OFFSETS: &str = "kafka_origin_default_offsets";
