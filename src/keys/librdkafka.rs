//! librdkafka's property catalogue (data/librdkafka-properties.tsv: the library's own
//! tables for 1.9.2, 2.0.2 and 2.16.0) and how librdkafka sets a value.

use std::sync::OnceLock;

/// The librdkafka version the Doris BE links.
pub const BE_VERSION: &str = "1.9.2";

#[derive(Debug, Clone, PartialEq)]
/// The type of a librdkafka property.
pub enum Kind {
    /// A boolean.
    Boolean,
    /// An integer in a range.
    Integer {
        /// The smallest value.
        min: i64,
        /// The largest value.
        max: i64,
    },
    /// A floating-point number in a range.
    Float {
        /// The smallest value.
        min: f64,
        /// The largest value.
        max: f64,
    },
    /// One of these values.
    Enum(Vec<String>),
    /// A comma-separated set of these values.
    Flags(Vec<String>),
    /// Free text.
    Str,
    /// A list of regular expressions.
    Pattern,
    /// A pointer (a callback): not settable from text.
    Pointer,
    /// A Java client key librdkafka does not have.
    JavaOnly,
}

#[derive(Debug, Clone, PartialEq)]
/// A librdkafka property, as librdkafka's own table declares it.
pub struct PropertyDef {
    /// The key.
    pub name: String,
    /// `*` both, `C` consumer, `P` producer.
    pub scope: String,
    /// Its value type.
    pub kind: Kind,
    /// The key it is an alias of.
    pub alias_of: Option<String>,
    /// The librdkafka version that added it.
    pub since: String,
    /// Whether Doris BE's librdkafka has it.
    pub in_be_version: bool,
    /// Deprecated in Doris BE's librdkafka.
    pub deprecated: bool,
    /// Hidden (internal) in librdkafka.
    pub hidden: bool,
    /// Removed in a later librdkafka.
    pub removed: bool,
    /// librdkafka's description.
    pub description: String,
}

fn parse_range(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(" .. ")?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

fn load() -> Vec<PropertyDef> {
    let tsv = include_str!("../../data/librdkafka-properties.tsv");
    let mut out = Vec::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| f.get(i).copied().unwrap_or("");
        let range = get(4);
        let values = || {
            range
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
        };
        let kind = match get(7) {
            "boolean" => Kind::Boolean,
            "integer" => match parse_range(range) {
                Some((a, b)) => Kind::Integer {
                    min: a as i64,
                    max: b as i64,
                },
                None => Kind::Integer {
                    min: i64::from(i32::MIN),
                    max: i64::from(i32::MAX),
                },
            },
            "float" => match parse_range(range) {
                Some((a, b)) => Kind::Float { min: a, max: b },
                None => Kind::Float {
                    min: f64::MIN,
                    max: f64::MAX,
                },
            },
            "enum" => Kind::Enum(values()),
            "CSV flags" => Kind::Flags(values()),
            "pattern list" => Kind::Pattern,
            "pointer" => Kind::Pointer,
            "invalid" => Kind::JavaOnly,
            _ => Kind::Str,
        };
        let status = get(11);
        let aliases = get(8);
        out.push(PropertyDef {
            name: get(0).to_string(),
            scope: get(2).to_string(),
            kind,
            alias_of: aliases
                .strip_prefix("alias of ")
                .map(|s| s.trim().to_string()),
            since: get(9).to_string(),
            in_be_version: get(10) == "yes",
            deprecated: status.contains("deprecated"),
            hidden: status.contains("hidden"),
            removed: status.contains("removed"),
            description: get(15).to_string(),
        });
    }
    out
}

struct Catalogue {
    defs: Vec<PropertyDef>,
    /// Name → index of the current (not removed) definition.
    by_name: crate::text::hash::FastMap<String, usize>,
}

fn catalogue_index() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let defs = load();
        let by_name = defs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.removed)
            .map(|(i, p)| (p.name.clone(), i))
            .collect();
        Catalogue { defs, by_name }
    })
}

/// The whole catalogue, loaded once (immutable data, shared by every session).
pub fn catalogue() -> &'static [PropertyDef] {
    &catalogue_index().defs
}

/// Looks a key up as librdkafka does: exact name, with a `topic.` prefix stripped.
pub fn lookup(key: &str) -> Option<&'static PropertyDef> {
    let c = catalogue_index();
    let find = |k: &str| c.by_name.get(k).and_then(|i| c.defs.get(*i));
    find(key).or_else(|| key.strip_prefix("topic.").and_then(find))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_loads() {
        assert!(catalogue().len() > 200);
        let p = lookup("security.protocol").unwrap();
        assert!(matches!(&p.kind, Kind::Enum(v) if v.len() == 4));
        assert_eq!(
            lookup("sasl.mechanism").unwrap().alias_of.as_deref(),
            Some("sasl.mechanisms")
        );
        assert!(lookup("topic.auto.offset.reset").is_some());
        assert!(lookup("Security.Protocol").is_none());
        assert!(!lookup("metadata.recovery.strategy").unwrap().in_be_version);
    }
}
