//! `FROM KAFKA (…)`: the Kafka source's own checks (K rules) in Doris's order, in two
//! phases around the client settings: [`head`] reads the brokers, the topic and the
//! client map; [`tail`] the partitions and offsets. The security analysis of the client
//! map runs between them (see `source`); nothing here calls into it.

use super::context::Mode;
use super::endpoint;
use super::model::{Broker, CustomProperties, KafkaOffset};
use crate::ast::{Property, PropertyList, Span};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::aws::foreign_key_alias;
use crate::keys::kafka::{KafkaKey, CLIENT_PREFIX, DEFAULT_OFFSETS, ORIGIN_DEFAULT_OFFSETS};
use crate::keys::values::{parse_doris_datetime, parse_java_int, Zone};
use crate::text::did_you_mean;

/// A located error with help.
fn err(rule: Rule, msg: impl Into<Text>, span: Span, help: impl Into<Text>) -> Diagnostic {
    rule.error(msg).at(span).with_help(help)
}

/// A located warning with help.
fn warn(rule: Rule, msg: impl Into<Text>, span: Span, help: impl Into<Text>) -> Diagnostic {
    rule.warning(msg).at(span).with_help(help)
}

/// One entry of the client map with where it came from.
#[derive(Debug, Clone)]
pub struct ClientEntry<'a> {
    /// The client key: `property.` stripped, `aws.` kept.
    pub key: &'a str,
    pub value: &'a str,
    pub property: &'a Property,
}

/// The raw source list, split by key class.
pub(crate) struct SourceInput<'a> {
    pub fixed: Vec<(KafkaKey, &'a Property)>,
    pub client: Vec<ClientEntry<'a>>,
    /// The `KAFKA` word, where findings about missing keys point.
    pub anchor: Span,
}

impl<'a> SourceInput<'a> {
    pub fn get(&self, key: KafkaKey) -> Option<&'a Property> {
        self.fixed.iter().find(|(k, _)| *k == key).map(|(_, p)| *p)
    }

    /// The span of the key's value, or the anchor when the key is absent.
    pub fn value_span(&self, key: KafkaKey) -> Span {
        self.get(key).map_or(self.anchor, |p| p.value.span)
    }
}

/// Java's `String.split(",")`: inner empty elements kept, trailing ones dropped.
pub(crate) fn java_split(s: &str, sep: char) -> Vec<&str> {
    let mut parts: Vec<&str> = s.split(sep).collect();
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts
}

/// K3: the broker must match `[-A-Za-z0-9+&@#/%?=~_|!:,.;]+[-A-Za-z0-9+&@#/%=~_|]`.
/// Both classes are ASCII, so a broker with any other character does not match.
pub(crate) fn broker_matches(b: &str) -> bool {
    let in_class = |class: &[u8; 128], c: &u8| class.get(usize::from(*c)).is_some_and(|x| *x != 0);
    match b.as_bytes().split_last() {
        Some((l, rest)) if !rest.is_empty() && b.is_ascii() => {
            in_class(&BROKER_LAST, l) && rest.iter().all(|c| in_class(&BROKER_BODY, c))
        }
        _ => false,
    }
}

/// The bytes of a character class: alphanumerics and `extra`, as a table.
// Called only to compute constants: an index out of range fails the build, never a run.
#[allow(clippy::indexing_slicing)]
const fn ascii_class(extra: &[u8]) -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        if (c as u8).is_ascii_alphanumeric() {
            table[c] = 1;
        }
        c += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = 1;
        i += 1;
    }
    table
}

/// [`BROKER_PATTERN`]'s classes: any character but the last, and the last.
const BROKER_BODY: [u8; 128] = ascii_class(b"-+&@#/%?=~_|!:,.;");
const BROKER_LAST: [u8; 128] = ascii_class(b"-+&@#/%=~_|");

pub(crate) const BROKER_PATTERN: &str = "[-A-Za-z0-9+&@#/%?=~_|!:,.;]+[-A-Za-z0-9+&@#/%=~_|]";

/// Splits `host:port` (IPv6 in brackets); a port that is not a number is kept in `host`.
pub fn split_broker(b: &str) -> Broker {
    let (host, port) = if let Some(rest) = b.strip_prefix('[') {
        match rest.split_once(']') {
            Some((h, p)) => (
                h.to_string(),
                p.strip_prefix(':').and_then(|p| p.parse().ok()),
            ),
            None => (b.to_string(), None),
        }
    } else {
        match b.rsplit_once(':') {
            Some((h, p)) if !h.contains(':') => match p.parse::<u16>() {
                Ok(port) => (h.to_string(), Some(port)),
                Err(_) => (b.to_string(), None),
            },
            _ => (b.to_string(), None),
        }
    };
    Broker {
        text: b.to_string(),
        endpoint: endpoint::classify(&host, port),
        host,
        port,
    }
}

/// K1 and K5: classifies the keys.
pub(crate) fn classify<'a>(
    list: &'a PropertyList,
    anchor: Span,
    diags: &mut Vec<Diagnostic>,
) -> SourceInput<'a> {
    let mut input = SourceInput {
        fixed: Vec::new(),
        client: Vec::new(),
        anchor,
    };
    let mut k5 = Vec::new();
    for p in &list.entries {
        let key = p.key();
        if let Some(k) = KafkaKey::parse(key) {
            input.fixed.push((k, p));
        } else if let Some(rest) = key.strip_prefix(CLIENT_PREFIX) {
            // K5: Java's split on '.' drops trailing empty parts; fewer than two parts fail.
            if !key.trim_end_matches('.').contains('.') {
                k5.push(err(&K5,
                    "kafka property value could not be a empty string",
                    p.key.span,
                    "name a Kafka client property after \"property.\", for example \"property.group.id\"",
                ));
                continue;
            }
            if rest.starts_with('.') {
                k5.push(warn(
                    &Q40,
                    format!("\"{key}\" sets the client key \"{rest}\""),
                    p.key.span,
                    "remove the extra '.'",
                ));
            }
            input.client.push(ClientEntry {
                key: rest,
                value: p.value(),
                property: p,
            });
        } else if key.starts_with("aws.") {
            input.client.push(ClientEntry {
                key,
                value: p.value(),
                property: p,
            });
        } else {
            diags.push(unknown_kafka_key(p));
        }
    }
    diags.extend(k5);
    input
}

/// K1 with help: other systems' spellings (KAFKA-17), else the closest keys.
fn unknown_kafka_key(p: &Property) -> Diagnostic {
    let key = p.key();
    let help = match foreign_key_alias(key) {
        Some((canonical, origin)) => format!("did you mean \"{canonical}\"? ({origin})"),
        None => {
            let mut candidates: Vec<&str> = KafkaKey::ALL.iter().map(|k| k.as_str()).collect();
            candidates.push("property.kafka_default_offsets");
            let close = did_you_mean(key, candidates, 3);
            match close.as_slice() {
                [] => "Kafka source keys are kafka_broker_list, kafka_topic, kafka_partitions, kafka_offsets and kafka_table_name_*; client settings take the \"property.\" prefix".to_string(),
                s => format!("did you mean {}?", s.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" or ")),
            }
        }
    };
    K1.error(format!("{key} is invalid kafka property or can not be set"))
        .at(p.key.span)
        .with_help(help)
}

fn is_logical(s: &str) -> Option<KafkaOffset> {
    if s.eq_ignore_ascii_case("OFFSET_BEGINNING") {
        Some(KafkaOffset::Beginning)
    } else if s.eq_ignore_ascii_case("OFFSET_END") {
        Some(KafkaOffset::End)
    } else {
        None
    }
}

/// What the first phase reads: the brokers, the topic and the client map.
pub(crate) struct Head {
    /// `kafka_broker_list` with spaces removed.
    pub broker_list: String,
    pub brokers: Vec<Broker>,
    /// `kafka_topic` with spaces removed.
    pub topic: String,
    /// The client map, in source order (a later entry with the same key wins).
    pub custom: CustomProperties,
}

/// What the second phase reads: partitions, offsets and the multi-table settings.
pub(crate) struct Tail {
    pub partition_offsets: Option<Vec<(i32, KafkaOffset)>>,
    pub default_offset: KafkaOffset,
    pub table_name_location: String,
    pub table_name_format: String,
    pub table_name_delimiter: String,
    pub table_name_field_index: i32,
}

/// K2–K4 and the client map.
pub(crate) fn head(input: &SourceInput<'_>, mode: Mode, diags: &mut Vec<Diagnostic>) -> Head {
    let create = mode == Mode::Create;
    // K2, K3
    let mut broker_list = String::new();
    let mut brokers = Vec::new();
    match input.get(KafkaKey::BrokerList) {
        Some(p) => {
            broker_list = crate::text::without_spaces(p.value());
            if create && broker_list.is_empty() {
                diags.push(err(
                    &K2,
                    "kafka_broker_list is a required property",
                    p.value.span,
                    "list the bootstrap brokers as \"host:port,host:port\"",
                ));
            } else if !broker_list.is_empty() {
                if broker_list.ends_with(',') {
                    diags.push(warn(
                        &Q41,
                        "kafka_broker_list ends with a comma; Doris drops the empty entry",
                        p.value.span,
                        "remove the trailing comma",
                    ));
                }
                for b in java_split(&broker_list, ',') {
                    if !broker_matches(b) {
                        diags.push(err(&K3,
                            format!("KAFKA_BROKER_LIST:{b} not match pattern {BROKER_PATTERN}"),
                            p.value.span,
                            if b.is_empty() {
                                "kafka_broker_list has an empty entry between two commas".to_string()
                            } else {
                                format!("broker '{b}' in kafka_broker_list must be at least two characters and must not end with ':', '.', ',', ';', '!' or '?'")
                            },
                        ));
                    }
                    brokers.push(split_broker(b));
                }
            }
        }
        None if create => diags.push(err(
            &K2,
            "kafka_broker_list is a required property",
            input.anchor,
            "add \"kafka_broker_list\" = \"host:port,host:port\"",
        )),
        None => {}
    }
    // K4
    let mut topic = String::new();
    match input.get(KafkaKey::Topic) {
        Some(p) => {
            topic = crate::text::without_spaces(p.value());
            if create && topic.trim().is_empty() {
                diags.push(err(
                    &K4,
                    "kafka_topic is a required property",
                    p.value.span,
                    "name the topic to consume",
                ));
            } else if topic != p.value() {
                diags.push(warn(
                    &Q42,
                    format!("Doris removes the spaces from kafka_topic: the topic is '{topic}'"),
                    p.value.span,
                    "write the topic without spaces",
                ));
            }
        }
        None if create => diags.push(err(
            &K4,
            "kafka_topic is a required property",
            input.anchor,
            "add \"kafka_topic\" = \"<topic>\"",
        )),
        None => {}
    }
    // The client map, in source order; a later entry with the same key wins.
    let mut custom = CustomProperties(Vec::with_capacity(input.client.len()));
    // Short lists are searched; long ones indexed, so the cost stays linear.
    let mut position: Option<crate::text::hash::FastMap<&str, usize>> =
        (input.client.len() > 16).then(crate::text::hash::FastMap::default);
    for e in &input.client {
        let found = match &position {
            Some(map) => map.get(e.key).copied(),
            None => custom.0.iter().position(|(k, _)| k == e.key),
        };
        match found.and_then(|i| custom.0.get_mut(i)) {
            Some(slot) => slot.1 = e.value.to_string(),
            None => {
                if let Some(map) = &mut position {
                    map.insert(e.key, custom.0.len());
                }
                custom.0.push((e.key.to_string(), e.value.to_string()));
            }
        }
    }
    Head {
        broker_list,
        brokers,
        topic,
        custom,
    }
}

/// K13, K6–K12 and the multi-table settings; records the default offset in the client
/// map as Doris does. `zone` reads datetimes; `multi_table` enables K7.
pub(crate) fn tail(
    input: &SourceInput<'_>,
    mode: Mode,
    multi_table: bool,
    zone: Zone,
    custom: &mut CustomProperties,
    diags: &mut Vec<Diagnostic>,
) -> Tail {
    let create = mode == Mode::Create;
    // K13
    let mut partitions: Option<Vec<i32>> = None;
    if let Some(p) = input.get(KafkaKey::Partitions) {
        let text = crate::text::without_spaces(p.value());
        let mut list = Vec::new();
        let mut ok = true;
        for el in java_split(&text, ',') {
            match parse_java_int(el) {
                Some(n) => list.push(n),
                None => {
                    ok = false;
                    diags.push(err(
                        &K13,
                        format!("For input string: \"{el}\""),
                        p.value.span,
                        "kafka_partitions must be a comma-separated list of integers",
                    ));
                    break;
                }
            }
        }
        if ok {
            if list.iter().any(|n| *n < 0) {
                diags.push(warn(&Q43, "kafka_partitions has a negative partition number; it fails when the job starts", p.value.span, "Kafka partitions are numbered from 0"));
            }
            let mut seen = crate::text::hash::FastSet::default();
            if let Some(dup) = list.iter().find(|n| !seen.insert(**n)) {
                diags.push(warn(
                    &Q26,
                    format!("partition {dup} is listed twice; Doris may give it to two tasks"),
                    p.value.span,
                    "list each partition once",
                ));
            }
            partitions = Some(list);
        }
    }
    let offsets_prop = input.get(KafkaKey::Offsets);
    let bare_default = input.get(KafkaKey::DefaultOffsets);
    if let Some(p) = bare_default {
        diags.push(warn(
            &Q2,
            "kafka_default_offsets without the \"property.\" prefix has no effect",
            p.key.span,
            "write \"property.kafka_default_offsets\"",
        ));
    }
    // K6
    if let (Some(o), Some(d)) = (offsets_prop, bare_default) {
        if !o.value().is_empty() && !d.value().trim().is_empty() {
            diags.push(err(
                &K6,
                "Only one of kafka_offsets and kafka_default_offsets can be set.",
                d.key.span,
                "give per-partition kafka_offsets, or a default offset, not both",
            ));
        }
    }
    // K7 (multi-table jobs)
    let format_prop = input.get(KafkaKey::TableNameFormat);
    let table_name_format = format_prop.map_or_else(
        || "TEXT".to_string(),
        |p| crate::text::without_spaces(p.value()),
    );
    if multi_table && !table_name_format.eq_ignore_ascii_case("TEXT") {
        let span = format_prop.map_or(input.anchor, |p| p.value.span);
        diags.push(err(
            &K7,
            "Multi load olay supported for table name format TEXT",
            span,
            "multi-table loads support only kafka_table_name_format = \"TEXT\"",
        ));
    }
    let mut table_name_field_index = 0;
    if let Some(p) = input.get(KafkaKey::TextTableNameFieldIndex) {
        match parse_java_int(p.value()) {
            Some(n) => table_name_field_index = n,
            None if multi_table => diags.push(err(
                &K13,
                format!("For input string: \"{}\"", p.value()),
                p.value.span,
                "kafka_text_table_name_field_index must be an integer",
            )),
            None => {}
        }
    }
    // K8 (ALTER)
    if mode == Mode::Alter {
        if let Some(p) = input.get(KafkaKey::Partitions) {
            if offsets_prop.is_none() && bare_default.is_none() {
                diags.push(err(
                    &K8,
                    "Must set offset or default offset with partition property",
                    p.key.span,
                    "give kafka_offsets for the partitions",
                ));
            }
        }
    }
    let default_text = custom.get(DEFAULT_OFFSETS).map(str::to_string);
    let default_span = input
        .client
        .iter()
        .rev()
        .find(|e| e.key == DEFAULT_OFFSETS)
        .map(|e| e.property.value.span);
    let mut default_offset = KafkaOffset::End;
    let mut partition_offsets: Option<Vec<(i32, KafkaOffset)>> = None;
    if let Some(op) = offsets_prop {
        if default_text.is_some() {
            if let Some(s) = default_span {
                diags.push(warn(
                    &Q3,
                    "property.kafka_default_offsets is ignored when kafka_offsets is given",
                    s,
                    "remove one of them",
                ));
            }
        }
        let located = split_list(op.value());
        let places = op.value.char_spans();
        let elements: Vec<&str> = located.iter().map(|(e, _)| *e).collect();
        let count = partitions.as_ref().map_or(0, Vec::len);
        // K9
        if elements.len() != count {
            diags.push(err(&K9, "Partitions number should be equals to offsets number", op.value.span, format!("kafka_offsets has {} entries and kafka_partitions {count}; give one offset per partition", elements.len())));
        }
        let times: Vec<Option<chrono::NaiveDateTime>> =
            elements.iter().map(|e| parse_doris_datetime(e)).collect();
        let n_times = times.iter().filter(|t| t.is_some()).count();
        let mut offsets = Vec::new();
        if n_times > 0 && n_times < elements.len() {
            // K10
            diags.push(err(&K10, "The offset of the partition cannot be specified by the timestamp and the offset at the same time", op.value.span, "give all offsets as numbers/OFFSET_BEGINNING/OFFSET_END, or all as 'yyyy-MM-dd HH:mm:ss'"));
        } else if n_times > 0 {
            for (e, t) in elements.iter().zip(&times) {
                if let Some(t) = t {
                    match zone.epoch_millis(*t) {
                        Some(ms) => offsets.push(KafkaOffset::Time {
                            epoch_millis: ms,
                            text: (*e).to_string(),
                        }),
                        None => offsets.push(KafkaOffset::End),
                    }
                }
            }
        } else {
            for (e, at) in &located {
                if let Some(o) = is_logical(e) {
                    offsets.push(o);
                } else if !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()) {
                    let v = e.parse::<i64>().unwrap_or_else(|_| {
                        diags.push(warn(
                            &Q27,
                            format!("offset {e} does not fit in 64 bits; Doris reads it as 0"),
                            places.span(*at..*at + e.len()),
                            "give an offset below 9223372036854775808",
                        ));
                        0
                    });
                    offsets.push(KafkaOffset::Offset { value: v });
                } else {
                    // K11
                    diags.push(err(&K11, "kafka_offsets must be an integer or a date time", op.value.span, format!("'{e}' is not an offset: use a number, OFFSET_BEGINNING, OFFSET_END or 'yyyy-MM-dd HH:mm:ss'")));
                    offsets.clear();
                    break;
                }
            }
        }
        if let Some(parts) = &partitions {
            if offsets.len() == parts.len() {
                partition_offsets = Some(parts.iter().copied().zip(offsets).collect());
            }
        }
    } else {
        // K12
        let text = default_text.clone().unwrap_or_else(|| "OFFSET_END".into());
        if let Some(o) = is_logical(&text) {
            default_offset = o;
        } else if let Some(t) = parse_doris_datetime(&text) {
            default_offset = match zone.epoch_millis(t) {
                Some(ms) => KafkaOffset::Time {
                    epoch_millis: ms,
                    text: text.clone(),
                },
                None => KafkaOffset::End,
            };
        } else {
            diags.push(err(&K12,
                "kafka_default_offsets can only be set to OFFSET_BEGINNING, OFFSET_END or date time",
                default_span.unwrap_or(input.anchor),
                "use OFFSET_BEGINNING, OFFSET_END or 'yyyy-MM-dd HH:mm:ss'",
            ));
        }
        // The client map records the default: epoch ms for a datetime, plus the text.
        match &default_offset {
            KafkaOffset::Time { epoch_millis, text } => {
                custom.insert(DEFAULT_OFFSETS, epoch_millis.to_string());
                custom.insert(ORIGIN_DEFAULT_OFFSETS, text.clone());
            }
            _ if !custom.contains(DEFAULT_OFFSETS) && create => {
                custom.insert(DEFAULT_OFFSETS, "OFFSET_END");
            }
            _ => {}
        }
        if let Some(parts) = &partitions {
            partition_offsets = Some(parts.iter().map(|p| (*p, default_offset.clone())).collect());
        }
    }
    Tail {
        partition_offsets,
        default_offset,
        table_name_location: input
            .get(KafkaKey::TableNameLocation)
            .map_or_else(|| "key".to_string(), |p| p.value().to_string()),
        table_name_format,
        table_name_delimiter: input
            .get(KafkaKey::TextTableNameFieldDelimiter)
            .map_or_else(
                || ",".to_string(),
                |p| crate::text::without_spaces(p.value()),
            ),
        table_name_field_index,
    }
}

/// The comma-separated elements of a list value, trimmed, each with its offset in
/// characters (counted once, along the way). Elements are ASCII digits or words when
/// they are offsets worth pointing at, so their length in bytes is their length.
fn split_list(value: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in value.split(',') {
        let trimmed = part.trim_start();
        let lead = part
            .get(..part.len() - trimmed.len())
            .map_or(0, |l| l.chars().count());
        out.push((part.trim(), at + lead));
        at += part.chars().count() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broker_pattern() {
        assert!(broker_matches("broker1"));
        assert!(broker_matches("ab"));
        assert!(!broker_matches("a"));
        assert!(!broker_matches("host:"));
        assert!(!broker_matches("host."));
        assert!(broker_matches("http://127.0.0.1:8080"));
        assert!(!broker_matches("host name:9092"));
    }

    #[test]
    fn java_split_drops_trailing_empties() {
        assert_eq!(java_split("a,,b,,", ','), vec!["a", "", "b"]);
        assert_eq!(java_split("property.", '.'), vec!["property"]);
        assert_eq!(java_split("property..x", '.'), vec!["property", "", "x"]);
    }

    proptest::proptest! {
        /// The byte tables answer as the pattern's two character classes do.
        #[test]
        fn broker_tables_match_the_pattern(b in "[-a-zA-Z0-9+&@#/%?=~_|!:,.;\\[\\] éü\u{0}]{0,8}") {
            let body = |c: char| c.is_ascii_alphanumeric() || "-+&@#/%?=~_|!:,.;".contains(c);
            let last = |c: char| c.is_ascii_alphanumeric() || "-+&@#/%=~_|".contains(c);
            let chars: Vec<char> = b.chars().collect();
            let expected = match chars.split_last() {
                Some((l, rest)) if !rest.is_empty() => last(*l) && rest.iter().all(|c| body(*c)),
                _ => false,
            };
            proptest::prop_assert_eq!(broker_matches(&b), expected, "{:?}", b);
        }
    }

    #[test]
    fn broker_split() {
        let b = split_broker("b-1.x.kafka.us-east-1.amazonaws.com:9098");
        assert_eq!(b.port, Some(9098));
        let b = split_broker("[::1]:9092");
        assert_eq!((b.host.as_str(), b.port), ("::1", Some(9092)));
        assert_eq!(split_broker("broker1").port, None);
    }
}
