//! librdkafka 1.9.2's own property table, as the library that Doris BE links has it:
//! dumped from the library's source (configured as Doris builds it) into
//! `data/librdkafka/properties-1.9.2.tsv` by `data/librdkafka/regenerate.sh`, and
//! checked against the embedded library by the tests.

use std::sync::OnceLock;

/// How librdkafka stores (and so parses) a property's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// A string, left-trimmed.
    Str,
    /// A Kafka protocol string (not trimmed).
    Kstr,
    /// A comma-separated list of regular expressions.
    PatList,
    /// An integer, read by C `strtol` with base 0.
    Int,
    /// A floating-point number, read by C `strtod`.
    Dbl,
    /// One of a set of names.
    S2i,
    /// A comma-separated set of flags.
    S2f,
    /// `true`/`false`.
    Bool,
    /// Settable only through a dedicated function.
    Ptr,
    /// Another name for a property.
    Alias,
    /// Not settable.
    Internal,
    /// A Java client name librdkafka refuses with a fixed text.
    Invalid,
}

/// Which configuration a property belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The global configuration.
    Global,
    /// The (default) topic configuration.
    Topic,
}

/// A named value of an enumeration or flag set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The value stored.
    pub val: i32,
    /// Its name.
    pub name: String,
    /// Why this build does not support it, if it does not.
    pub unsupported: Option<String>,
}

/// The validator a string property has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// One item: no `,` and no space.
    Single,
    /// A broker version librdkafka knows (`0.10.0`, …).
    BrokerVersion,
    /// A builtin partitioner name.
    Partitioner,
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Property {
    /// Global or topic.
    pub level: Level,
    /// The name, exactly.
    pub name: String,
    /// How its value is read.
    pub ty: Type,
    /// A producer property.
    pub producer: bool,
    /// A consumer property.
    pub consumer: bool,
    /// Deprecated.
    pub deprecated: bool,
    /// Not in the documentation, settable anyway.
    pub hidden: bool,
    /// Experimental.
    pub experimental: bool,
    /// Integer range.
    pub vmin: i32,
    /// Integer range.
    pub vmax: i32,
    /// Integer (and bool, enum) default.
    pub vdef: i32,
    /// String default, or the target of an alias.
    pub sdef: Option<String>,
    /// Why this build does not support the property.
    pub unsupported: Option<String>,
    /// A string validator.
    pub validator: Option<Validator>,
    /// Setting it runs code beyond storing the value (plugin loading).
    pub set_handler: bool,
    /// Enumeration or flag names.
    pub names: Vec<Named>,
    /// The refusal text of a Java-only name.
    pub invalid_text: Option<String>,
    /// Floating-point range.
    pub dmin: f64,
    /// Floating-point range.
    pub dmax: f64,
    /// Floating-point default.
    pub ddef: f64,
    /// librdkafka's description (deprecation warnings quote it).
    pub desc: String,
}

const TABLE: &str = include_str!("../../data/librdkafka/properties-1.9.2.tsv");

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// A field as the dump writes it: `\t`, `\n` and `\\` escaped.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn parse_row(line: &str) -> Option<Property> {
    let f: Vec<String> = line.split('\t').map(unescape).collect();
    let get = |i: usize| f.get(i).map(String::as_str).unwrap_or("");
    let int = |i: usize| get(i).parse::<i32>().unwrap_or(0);
    let dbl = |i: usize| get(i).parse::<f64>().unwrap_or(0.0);
    let ty = match get(2) {
        "str" => Type::Str,
        "kstr" => Type::Kstr,
        "patlist" => Type::PatList,
        "int" => Type::Int,
        "dbl" => Type::Dbl,
        "s2i" => Type::S2i,
        "s2f" => Type::S2f,
        "bool" => Type::Bool,
        "ptr" => Type::Ptr,
        "alias" => Type::Alias,
        "internal" => Type::Internal,
        "invalid" => Type::Invalid,
        _ => return None,
    };
    let flags = get(3);
    let names = get(11)
        .split(';')
        .filter(|s| !s.is_empty())
        .filter_map(|entry| {
            let (val, rest) = entry.split_once('=')?;
            let (name, unsupported) = match rest.split_once('!') {
                Some((n, u)) => (n, Some(u.to_string())),
                None => (rest, None),
            };
            Some(Named {
                val: val.parse().ok()?,
                name: name.to_string(),
                unsupported,
            })
        })
        .collect();
    Some(Property {
        level: if get(0) == "topic" {
            Level::Topic
        } else {
            Level::Global
        },
        name: get(1).to_string(),
        ty,
        producer: flags.contains('P'),
        consumer: flags.contains('C'),
        deprecated: flags.contains('D'),
        hidden: flags.contains('H'),
        experimental: flags.contains('X'),
        vmin: int(4),
        vmax: int(5),
        vdef: int(6),
        sdef: opt(get(7)),
        unsupported: opt(get(8)),
        validator: match get(9) {
            "single" => Some(Validator::Single),
            "broker_version" => Some(Validator::BrokerVersion),
            "partitioner" => Some(Validator::Partitioner),
            _ => None,
        },
        set_handler: get(10) == "set",
        names,
        invalid_text: opt(get(12)),
        dmin: dbl(13),
        dmax: dbl(14),
        ddef: dbl(15),
        desc: get(16).to_string(),
    })
}

/// Every property, in librdkafka's order (which decides, among other things, the order
/// of its deprecation warnings).
pub fn properties() -> &'static [Property] {
    static ALL: OnceLock<Vec<Property>> = OnceLock::new();
    ALL.get_or_init(|| TABLE.lines().skip(1).filter_map(parse_row).collect())
}

/// The property `name` at `level`, as librdkafka looks it up (exact, case-sensitive).
pub fn lookup(level: Level, name: &str) -> Option<(usize, &'static Property)> {
    let [global, topic] = rows(name);
    if level == Level::Global {
        global
    } else {
        topic
    }
}

/// The property `name` at the global and at the topic level, through one hash.
pub fn rows(name: &str) -> [Option<(usize, &'static Property)>; 2] {
    // One entry per name with its global and its topic row: a miss at one level and
    // the lookup at the other cost one hash.
    type Rows = [Option<usize>; 2];
    static INDEX: OnceLock<crate::text::hash::FastMap<&'static str, Rows>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: crate::text::hash::FastMap<&'static str, Rows> = Default::default();
        for (i, p) in properties().iter().enumerate() {
            let rows = m.entry(p.name.as_str()).or_default();
            // The first of two rows with one name wins, as in librdkafka's scan.
            let [global, topic] = rows;
            let slot = if p.level == Level::Global {
                global
            } else {
                topic
            };
            slot.get_or_insert(i);
        }
        m
    });
    let row = |i: Option<usize>| i.and_then(|i| properties().get(i).map(|p| (i, p)));
    match index.get(name) {
        Some([global, topic]) => [row(*global), row(*topic)],
        None => [None, None],
    }
}

/// The features this librdkafka was built with (`builtin.features`).
pub fn builtin_features() -> Vec<&'static str> {
    lookup(Level::Global, "builtin.features")
        .map(|(_, p)| {
            p.names
                .iter()
                .filter(|n| n.unsupported.is_none())
                .map(|n| n.name.as_str())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        assert_eq!(properties().len(), 178);
        let (_, acks) = lookup(Level::Topic, "acks").unwrap();
        assert_eq!(acks.ty, Type::Alias);
        assert_eq!(acks.sdef.as_deref(), Some("request.required.acks"));
        let (_, fmb) = lookup(Level::Global, "fetch.min.bytes").unwrap();
        assert_eq!((fmb.vmin, fmb.vmax), (1, 100_000_000));
        assert!(builtin_features().contains(&"sasl_gssapi"));
        assert!(builtin_features().contains(&"oidc"));
        assert!(lookup(Level::Global, "Security.Protocol").is_none());
    }
}
