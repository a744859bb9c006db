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

/// C's `strtol(value, &end, 0)` then a cast to 32 bits, as librdkafka parses integers.
pub(crate) fn strtol_i32(value: &str) -> Option<i64> {
    let s = value.trim_start();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (radix, digits) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (16, r)
    } else if s.len() > 1 && s.starts_with('0') {
        (8, &s[1..])
    } else {
        (10, s)
    };
    let run: String = digits.chars().take_while(|c| c.is_digit(radix)).collect();
    if run.is_empty() {
        return if radix == 8 { Some(0) } else { None };
    }
    let v = i64::from_str_radix(&run, radix).unwrap_or(i64::MAX);
    let v = if neg { -v } else { v };
    #[allow(clippy::cast_possible_truncation)]
    Some(i64::from(v as i32))
}

/// What librdkafka answers when the key is set to `value`: `None` when it accepts.
pub(crate) fn set_error(def: &PropertyDef, value: &str) -> Option<String> {
    let name = &def.name;
    match &def.kind {
        Kind::Boolean => {
            if value.is_empty() {
                return Some(format!(
                    "Bool configuration property \"{name}\" cannot be set to empty value"
                ));
            }
            let v = value.to_ascii_lowercase();
            (!matches!(v.as_str(), "true" | "t" | "1" | "false" | "f" | "0"))
                .then(|| format!("Expected bool value for \"{name}\": true or false"))
        }
        Kind::Integer { min, max } => {
            if value.is_empty() {
                return Some(format!(
                    "Integer configuration property \"{name}\" cannot be set to empty value"
                ));
            }
            match strtol_i32(value) {
                None => Some(format!("Invalid value for configuration property \"{name}\"")),
                Some(v) if v < *min || v > *max => Some(format!("Configuration property \"{name}\" value {v} is outside allowed range {min}..{max}")),
                Some(_) => None,
            }
        }
        Kind::Float { min, max } => {
            if value.is_empty() {
                return Some(format!(
                    "Float configuration property \"{name}\" cannot be set to empty value"
                ));
            }
            match value.trim().parse::<f64>() {
                Ok(v) if v >= *min && v <= *max => None,
                Ok(v) => Some(format!("Configuration property \"{name}\" value {v} is outside allowed range {min}..{max}")),
                Err(_) => Some(format!("Invalid value for configuration property \"{name}\"")),
            }
        }
        Kind::Enum(values) => {
            if value.is_empty() {
                return Some(format!(
                    "Configuration property \"{name}\" cannot be set to empty value"
                ));
            }
            let v = value.trim_start();
            (!values.iter().any(|a| a.eq_ignore_ascii_case(v)))
                .then(|| format!("Invalid value \"{value}\" for configuration property \"{name}\""))
        }
        Kind::Flags(values) => {
            let bad = value
                .split(',')
                .map(str::trim)
                .any(|f| !values.iter().any(|a| a.eq_ignore_ascii_case(f)));
            bad.then(|| format!("Invalid value \"{value}\" for configuration property \"{name}\""))
        }
        Kind::Str | Kind::Pattern | Kind::Pointer | Kind::JavaOnly => None,
    }
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

    #[test]
    fn librdkafka_value_rules() {
        let p = lookup("security.protocol").unwrap();
        assert_eq!(set_error(p, "SASL_SSL"), None);
        assert_eq!(set_error(p, " sasl_ssl"), None);
        assert!(set_error(p, "SASL-SSL")
            .unwrap()
            .starts_with("Invalid value \"SASL-SSL\""));
        assert!(set_error(p, "")
            .unwrap()
            .contains("cannot be set to empty value"));
        let p = lookup("session.timeout.ms").unwrap();
        assert!(set_error(p, "0").unwrap().contains("outside allowed range"));
        assert_eq!(set_error(p, "1000ms"), None);
        assert!(set_error(p, "abc")
            .unwrap()
            .starts_with("Invalid value for"));
        assert_eq!(strtol_i32("0x3e8"), Some(1000));
        assert_eq!(strtol_i32("99999999999"), Some(1_215_752_191));
        let p = lookup("enable.partition.eof").unwrap();
        assert_eq!(set_error(p, "T"), None);
        assert!(set_error(p, "yes").is_some());
    }
}
