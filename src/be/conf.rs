//! A model of librdkafka 1.9.2's configuration object: what `rd_kafka_conf_set` answers
//! for a key and value, and what the configuration then holds, byte for byte as the C
//! code does it (`rdkafka_conf.c`: `rd_kafka_anyconf_set`, `rd_kafka_anyconf_set_prop`,
//! `rd_kafka_anyconf_get0`), quirks included: integers go through C `strtol` with base 0
//! and are then cast to 32 bits, enumerations are compared ignoring case after a left
//! trim (the right trim never happens), an empty value is no value.

use super::table::{self, Level, Property, Type, Validator};

/// What `rd_kafka_conf_set` answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetResult {
    /// `RD_KAFKA_CONF_OK`.
    Ok,
    /// `RD_KAFKA_CONF_UNKNOWN`, with librdkafka's text.
    Unknown(String),
    /// `RD_KAFKA_CONF_INVALID`, with librdkafka's text.
    Invalid(String),
    /// The answer depends on the BE host: setting the key loads code there
    /// (`plugin.library.paths`).
    HostDependent(String),
}

/// A stored value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// A string-like value; `None` is NULL.
    Text(Option<String>),
    /// An integer, boolean, enumeration or flag set.
    Int(i32),
    /// A floating-point number.
    Dbl(f64),
}

/// A value as read, borrowed from the configuration or the table.
#[derive(Debug, Clone, Copy)]
enum ValueRef<'a> {
    Text(Option<&'a str>),
    Int(i32),
    Dbl(f64),
}

/// The modelled configuration: the values set so far (the others are defaults) and
/// which properties were modified.
#[derive(Debug, Clone, Default)]
pub struct ModelConf {
    values: Stored,
    /// Whether a topic-level property was set (librdkafka then creates the default
    /// topic configuration, which `get` falls back to).
    topic_conf: bool,
}

/// The values set, by table position, kept in order: a configuration holds a few
/// dozen at most, so a sorted vector is searched faster than a map is hashed, and is
/// cloned in one allocation.
#[derive(Debug, Clone, Default)]
struct Stored(Vec<(usize, Value)>);

impl Stored {
    fn get(&self, i: &usize) -> Option<&Value> {
        let at = self.0.binary_search_by_key(i, |(k, _)| *k).ok()?;
        self.0.get(at).map(|(_, v)| v)
    }

    fn contains_key(&self, i: &usize) -> bool {
        self.get(i).is_some()
    }

    fn insert(&mut self, i: usize, v: Value) {
        match self.0.binary_search_by_key(&i, |(k, _)| *k) {
            Ok(at) => {
                if let Some(slot) = self.0.get_mut(at) {
                    slot.1 = v;
                }
            }
            Err(at) => self.0.insert(at, (i, v)),
        }
    }

    fn keys(&self) -> impl Iterator<Item = &usize> {
        self.0.iter().map(|(k, _)| k)
    }
}

/// C's `isspace` in the "C" locale.
pub(crate) fn c_isspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// C `strtol(s, &end, 0)`: the value (saturated to 64 bits, as glibc does) and how many
/// bytes were read (0 when there are no digits, as `end == s`).
pub(crate) fn strtol(s: &str) -> (i64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while b.get(i).copied().is_some_and(c_isspace) {
        i += 1;
    }
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let digit = |c: u8, base: u32| (c as char).to_digit(base);
    let (base, start) = match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'0'), Some(b'x' | b'X'), Some(&c)) if digit(c, 16).is_some() => (16, i + 2),
        (Some(b'0'), _, _) => (8, i),
        _ => (10, i),
    };
    let mut j = start;
    let mut acc: i128 = 0;
    while let Some(d) = b.get(j).and_then(|c| digit(*c, base)) {
        acc = (acc * i128::from(base) + i128::from(d)).min(i128::from(i64::MAX) + 1);
        j += 1;
    }
    if j == start {
        return (0, 0);
    }
    let v = if neg { -acc } else { acc };
    (
        v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
        j,
    )
}

/// An integer property's value as librdkafka stores it (`strtol`, then the cast to
/// `int`), `None` when the text has no digits.
pub fn int_value(s: &str) -> Option<i64> {
    let (v, read) = strtol(s);
    #[allow(clippy::cast_possible_truncation)]
    (read > 0).then(|| i64::from(v as i32))
}

/// C `strtod(s, &end)`: the value and how many bytes were read (0 for none).
pub(crate) fn strtod(s: &str) -> (f64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while b.get(i).copied().is_some_and(c_isspace) {
        i += 1;
    }
    let rest = s.get(i..).unwrap_or("");
    let lower = rest.to_ascii_lowercase();
    let sign_len = usize::from(matches!(lower.as_bytes().first(), Some(b'+' | b'-')));
    let body = lower.get(sign_len..).unwrap_or("");
    let neg = lower.starts_with('-');
    let signed = |v: f64| if neg { -v } else { v };
    for (word, v) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if body.starts_with(word) {
            return (signed(v), i + sign_len + word.len());
        }
    }
    // The longest prefix that reads as a decimal number.
    let mut end = 0;
    let mut seen_digit = false;
    let mut seen_dot = false;
    let bytes = body.as_bytes();
    let mut k = 0;
    while let Some(&c) = bytes.get(k) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                k += 1;
                end = k;
            }
            b'.' if !seen_dot => {
                seen_dot = true;
                k += 1;
                if seen_digit {
                    end = k;
                }
            }
            b'e' if seen_digit => {
                let mut m = k + 1;
                if matches!(bytes.get(m), Some(b'+' | b'-')) {
                    m += 1;
                }
                if bytes.get(m).is_some_and(u8::is_ascii_digit) {
                    while bytes.get(m).is_some_and(u8::is_ascii_digit) {
                        m += 1;
                    }
                    end = m;
                }
                break;
            }
            _ => break,
        }
    }
    if !seen_digit {
        return (0.0, 0);
    }
    let v: f64 = body.get(..end).and_then(|t| t.parse().ok()).unwrap_or(0.0);
    (signed(v), i + sign_len + end)
}

/// C's `%g`.
pub(crate) fn fmt_g(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.abs().log10().floor() as i32;
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    // Rounding to six significant digits may change the exponent.
    let sci = format!("{v:.5e}");
    let (mantissa, e) = sci.split_once('e').unwrap_or((&sci, "0"));
    let e: i32 = e.parse().unwrap_or(exp);
    if !(-4..6).contains(&e) {
        let m = trim(mantissa.to_string());
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let decimals = usize::try_from(5 - e).unwrap_or(0);
        trim(format!("{v:.decimals$}"))
    }
}

/// A property's position in the table and its row.
pub type Resolved = (usize, &'static Property);

/// A property name as the model reads it: any text, looked up in the table on every
/// read, or a [`Name`] the model's own code reads, looked up once.
pub trait PropertyName {
    /// The property at `level`, aliases followed.
    fn at(&self, level: Level) -> Option<Resolved>;
}

impl PropertyName for str {
    fn at(&self, level: Level) -> Option<Resolved> {
        ModelConf::resolve(level, self)
    }
}

/// A property name fixed in the code, resolved at both levels on its first read: the
/// model reads a few dozen per consumer, and hashing each name every time cost more
/// than the checks themselves.
#[derive(Debug)]
pub struct Name {
    text: &'static str,
    resolved: std::sync::OnceLock<[Option<Resolved>; 2]>,
}

impl Name {
    /// The name `text`, not yet resolved.
    pub const fn new(text: &'static str) -> Self {
        Name {
            text,
            resolved: std::sync::OnceLock::new(),
        }
    }

    /// The name as written.
    pub fn text(&self) -> &'static str {
        self.text
    }
}

impl PropertyName for Name {
    fn at(&self, level: Level) -> Option<Resolved> {
        let [global, topic] = self.resolved.get_or_init(|| {
            [
                ModelConf::resolve(Level::Global, self.text),
                ModelConf::resolve(Level::Topic, self.text),
            ]
        });
        match level {
            Level::Global => *global,
            Level::Topic => *topic,
        }
    }
}

fn null(v: Option<&str>) -> &str {
    v.unwrap_or("(null)")
}

impl ModelConf {
    /// A fresh configuration (`rd_kafka_conf_new`).
    pub fn new() -> Self {
        ModelConf::default()
    }

    /// `rd_kafka_conf_set(conf, name, value)`.
    pub fn set(&mut self, name: &str, value: &str) -> SetResult {
        let value = (!value.is_empty()).then_some(value);
        // Both levels' rows through one hash: an unknown name costs one lookup.
        let [global, topic] = table::rows(name);
        if let Some(answer) = global.and_then(|row| self.set_row(Level::Global, row, value)) {
            return answer;
        }
        // Unknown globally: the default topic configuration is created and tried.
        self.topic_conf = true;
        let (name, topic) = match name.strip_prefix("topic.") {
            Some(rest) => (rest, table::lookup(Level::Topic, rest)),
            None => (name, topic),
        };
        topic
            .and_then(|row| self.set_row(Level::Topic, row, value))
            .unwrap_or_else(|| SetResult::Unknown(no_such_property(name)))
    }

    /// The answer at one level; `None` when the level has no such property (the text
    /// is made once, for the last level tried).
    fn set_at(&mut self, level: Level, name: &str, value: Option<&str>) -> Option<SetResult> {
        let row = table::lookup(level, name)?;
        self.set_row(level, row, value)
    }

    /// [`Self::set_at`] for the row found: an alias is followed at the same level.
    fn set_row(
        &mut self,
        level: Level,
        (i, p): (usize, &Property),
        value: Option<&str>,
    ) -> Option<SetResult> {
        if p.ty == Type::Alias {
            let target = p.sdef.as_deref().unwrap_or_default();
            self.set_at(level, target, value)
        } else {
            Some(self.set_prop(i, p, value))
        }
    }

    fn store(&mut self, i: usize, v: Value) -> SetResult {
        self.values.insert(i, v);
        SetResult::Ok
    }

    fn set_prop(&mut self, i: usize, p: &Property, value: Option<&str>) -> SetResult {
        let name = &p.name;
        if let Some(why) = &p.unsupported {
            return SetResult::Invalid(format!(
                "Configuration property \"{name}\" not supported in this build: {why}"
            ));
        }
        let invalid = |text: String| SetResult::Invalid(text);
        match p.ty {
            Type::Str | Type::Kstr | Type::PatList => {
                let value = if p.ty == Type::Str {
                    value
                        .map(|v| v.trim_start_matches(|c: char| c.is_ascii() && c_isspace(c as u8)))
                } else {
                    value
                };
                if let Some(validator) = p.validator {
                    let ok = value.is_some_and(|v| match validator {
                        Validator::Single => !v.contains(',') && !v.contains(' '),
                        Validator::BrokerVersion => valid_broker_version(v),
                        Validator::Partitioner => matches!(
                            v,
                            "random"
                                | "consistent"
                                | "consistent_random"
                                | "murmur2"
                                | "murmur2_random"
                                | "fnv1a"
                                | "fnv1a_random"
                        ),
                    });
                    if !ok {
                        return invalid(format!(
                            "Invalid value for configuration property \"{name}\": {}",
                            null(value)
                        ));
                    }
                }
                if p.set_handler && value.is_some() {
                    return SetResult::HostDependent(format!(
                        "'{name}' loads shared libraries on the BE host"
                    ));
                }
                if p.ty == Type::PatList {
                    if let Some(v) = value {
                        if let Err(e) = compile_pattern_list(v) {
                            return invalid(e);
                        }
                    }
                }
                // An empty (NULL) string restores the default; a pattern list is cleared.
                let stored = match value {
                    Some(v) => Some(v.to_string()),
                    None if p.ty == Type::PatList => None,
                    None => p.sdef.clone(),
                };
                self.store(i, Value::Text(stored))
            }
            Type::Ptr => {
                if p.hidden {
                    return self.store(i, Value::Text(value.map(str::to_string)));
                }
                invalid(format!(
                    "Property \"{name}\" must be set through dedicated .._set_..() function"
                ))
            }
            Type::Bool => {
                let Some(v) = value else {
                    return invalid(format!(
                        "Bool configuration property \"{name}\" cannot be set to empty value"
                    ));
                };
                let b = if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("t") || v == "1"
                {
                    1
                } else if v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("f") || v == "0"
                {
                    0
                } else {
                    return invalid(format!("Expected bool value for \"{name}\": true or false"));
                };
                self.store(i, Value::Int(b))
            }
            Type::Int => {
                let Some(v) = value else {
                    return invalid(format!(
                        "Integer configuration property \"{name}\" cannot be set to empty value"
                    ));
                };
                let (n, read) = strtol(v);
                let mut ival = n as i32;
                if read == 0 {
                    let Some(named) = p.names.iter().find(|s| s.name.eq_ignore_ascii_case(v))
                    else {
                        return invalid(format!(
                            "Invalid value for configuration property \"{name}\""
                        ));
                    };
                    if let Some(why) = &named.unsupported {
                        return invalid(format!(
                            "Unsupported value \"{v}\" for configuration property \"{name}\": {why}"
                        ));
                    }
                    ival = named.val;
                }
                if ival < p.vmin || ival > p.vmax {
                    return invalid(format!(
                        "Configuration property \"{name}\" value {ival} is outside allowed range {}..{}\n",
                        p.vmin, p.vmax
                    ));
                }
                self.store(i, Value::Int(ival))
            }
            Type::Dbl => {
                let Some(v) = value else {
                    return invalid(format!(
                        "Float configuration property \"{name}\" cannot be set to empty value"
                    ));
                };
                let (d, read) = strtod(v);
                if read == 0 {
                    return invalid(format!(
                        "Invalid value for configuration property \"{name}\""
                    ));
                }
                if d < p.dmin || d > p.dmax {
                    return invalid(format!(
                        "Configuration property \"{name}\" value {} is outside allowed range {}..{}\n",
                        fmt_g(d),
                        fmt_g(p.dmin),
                        fmt_g(p.dmax)
                    ));
                }
                self.store(i, Value::Dbl(d))
            }
            Type::S2i | Type::S2f => {
                let Some(v) = value else {
                    return invalid(format!(
                        "Configuration property \"{name}\" cannot be set to empty value"
                    ));
                };
                let flags = p.ty == Type::S2f;
                let mut current = match self.values.get(&i) {
                    Some(Value::Int(n)) => *n,
                    _ => p.vdef,
                };
                let mut changed = false;
                let mut rest = Some(v);
                while let Some(r) = rest.filter(|r| !r.is_empty()) {
                    let (token, next) = match r.find(',').filter(|_| flags) {
                        Some(c) => (r.get(..c).unwrap_or(""), r.get(c + 1..)),
                        None => (r, None),
                    };
                    rest = next;
                    // Left trim only: the right trim in librdkafka starts at the
                    // separator (or the end), never at a space.
                    let mut t =
                        token.trim_start_matches(|c: char| c.is_ascii() && c_isspace(c as u8));
                    let mut add = true;
                    if flags {
                        if let Some(s) = t.strip_prefix('+') {
                            t = s;
                        } else if let Some(s) = t.strip_prefix('-') {
                            t = s;
                            add = false;
                        }
                    }
                    if t.is_empty() {
                        continue;
                    }
                    let Some(named) = p.names.iter().find(|s| s.name.eq_ignore_ascii_case(t))
                    else {
                        return invalid(format!(
                            "Invalid value \"{t}\" for configuration property \"{name}\""
                        ));
                    };
                    if let Some(why) = &named.unsupported {
                        return invalid(format!(
                            "Unsupported value \"{t}\" for configuration property \"{name}\": {why}"
                        ));
                    }
                    if flags {
                        // Flags are added to (or removed from) what is set.
                        current = if add {
                            current | named.val
                        } else {
                            current & !named.val
                        };
                    } else {
                        current = named.val;
                    }
                    changed = true;
                    if !flags {
                        break;
                    }
                }
                if changed {
                    self.store(i, Value::Int(current));
                }
                SetResult::Ok
            }
            Type::Internal => invalid(format!("Internal property \"{name}\" not settable")),
            Type::Invalid => invalid(p.invalid_text.clone().unwrap_or_default()),
            Type::Alias => SetResult::Unknown(no_such_property(name)),
        }
    }

    fn resolve(level: Level, name: &str) -> Option<Resolved> {
        let (i, p) = table::lookup(level, name)?;
        if p.ty == Type::Alias {
            return Self::resolve(level, p.sdef.as_deref()?);
        }
        Some((i, p))
    }

    /// The table positions of the properties set so far, in the table's order.
    pub fn modified(&self) -> Vec<usize> {
        self.values.keys().copied().collect()
    }

    /// Whether the property `name` at `level` was set.
    pub fn is_modified_at(&self, level: Level, name: &str) -> bool {
        Self::resolve(level, name).is_some_and(|(i, _)| self.values.contains_key(&i))
    }

    /// Whether the application set the property (`rd_kafka_conf_is_modified`).
    pub fn is_modified(&self, name: &(impl PropertyName + ?Sized)) -> bool {
        name.at(Level::Global)
            .or_else(|| name.at(Level::Topic))
            .is_some_and(|(i, _)| self.values.contains_key(&i))
    }

    fn value(
        &self,
        level: Level,
        name: &(impl PropertyName + ?Sized),
    ) -> Option<(&'static Property, ValueRef<'_>)> {
        let (i, p) = name.at(level)?;
        let v = match self.values.get(&i) {
            Some(Value::Text(t)) => ValueRef::Text(t.as_deref()),
            Some(Value::Int(n)) => ValueRef::Int(*n),
            Some(Value::Dbl(d)) => ValueRef::Dbl(*d),
            None => match p.ty {
                Type::Dbl => ValueRef::Dbl(p.ddef),
                Type::Int | Type::Bool | Type::S2i | Type::S2f => ValueRef::Int(p.vdef),
                _ => ValueRef::Text(p.sdef.as_deref()),
            },
        };
        Some((p, v))
    }

    /// The value at the first level that has the property.
    fn either(
        &self,
        name: &(impl PropertyName + ?Sized),
    ) -> Option<(&'static Property, ValueRef<'_>)> {
        self.value(Level::Global, name)
            .or_else(|| self.value(Level::Topic, name))
    }

    /// An integer, boolean or enumeration value (its stored number).
    pub fn int(&self, name: &(impl PropertyName + ?Sized)) -> i32 {
        match self.either(name) {
            Some((_, ValueRef::Int(n))) => n,
            _ => 0,
        }
    }

    /// A string value, `None` when NULL.
    pub fn text(&self, name: &(impl PropertyName + ?Sized)) -> Option<String> {
        self.text_ref(name).map(str::to_string)
    }

    /// A string value without a copy, `None` when NULL.
    pub fn text_ref(&self, name: &(impl PropertyName + ?Sized)) -> Option<&str> {
        match self.either(name) {
            Some((_, ValueRef::Text(t))) => t,
            _ => None,
        }
    }

    /// `rd_kafka_conf_get`: the value as text, `None` when librdkafka answers that it is
    /// not available (a NULL string, an unknown name).
    pub fn get(&self, name: &str) -> Option<String> {
        self.get_cow(name).map(std::borrow::Cow::into_owned)
    }

    /// [`ModelConf::get`] without a copy where the value is stored as text.
    pub fn get_cow(
        &self,
        name: &(impl PropertyName + ?Sized),
    ) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        let global = self.value(Level::Global, name);
        let found = match global {
            Some(g) => Some(g),
            None if self.topic_conf => self.value(Level::Topic, name),
            None => None,
        };
        let (p, v) = found?;
        match (p.ty, v) {
            (_, ValueRef::Text(t)) => t.map(Cow::Borrowed),
            (Type::Bool, ValueRef::Int(n)) => {
                Some(Cow::Borrowed(if n != 0 { "true" } else { "false" }))
            }
            (Type::Int, ValueRef::Int(n)) => Some(Cow::Owned(n.to_string())),
            (Type::S2i, ValueRef::Int(n)) => p
                .names
                .iter()
                .find(|s| s.val == n)
                .map(|s| Cow::Borrowed(s.name.as_str())),
            (Type::S2f, ValueRef::Int(n)) => Some(Cow::Owned(
                p.names
                    .iter()
                    .filter(|s| n & s.val == s.val && s.val != 0)
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            )),
            (_, ValueRef::Dbl(d)) => Some(Cow::Owned(fmt_g(d))),
            (_, ValueRef::Int(n)) => Some(Cow::Owned(n.to_string())),
        }
    }
}

/// `rd_kafka_conf_validate_broker_version`: librdkafka's table of legacy versions
/// refuses only the versions it does not support (0.6.x, 0.7.x); any other text reads
/// as a broker that answers ApiVersionRequests.
fn valid_broker_version(v: &str) -> bool {
    const SUPPORTED: &[&str] = &["0.9.0", "0.8.2", "0.8.1", "0.8.0"];
    SUPPORTED.iter().any(|p| v.starts_with(p)) || !(v.starts_with("0.7.") || v.starts_with("0.6."))
}

/// librdkafka's pattern list (`topic.blacklist`, `rd_kafka_pattern_list_parse`): split
/// at each `,` (the C code's escape for a `,` never applies, since the first `,` of a
/// pair already ends a pattern), each part compiled as librdkafka compiles it.
fn compile_pattern_list(list: &str) -> Result<(), String> {
    let mut rest = Some(list);
    while let Some(s) = rest.filter(|s| !s.is_empty()) {
        let (pattern, next) = match s.find(',') {
            Some(c) => (s.get(..c).unwrap_or(""), s.get(c + 1..)),
            None => (s, None),
        };
        if let Err(e) = regcomp(pattern) {
            return Err(format!("Failed to parse pattern \"{pattern}\": {e}"));
        }
        rest = next;
    }
    Ok(())
}

/// glibc `regcomp(REG_EXTENDED | REG_NOSUB)`: `Err` with `regerror`'s text.
fn regcomp(pattern: &str) -> Result<(), String> {
    let c = std::ffi::CString::new(pattern).map_err(|_| "Invalid pattern".to_string())?;
    let mut re = std::mem::MaybeUninit::<libc::regex_t>::zeroed();
    // SAFETY: `re` is a zeroed regex_t for regcomp to fill, freed below when compiled;
    // `c` is a NUL-terminated string that outlives the call.
    unsafe {
        let r = libc::regcomp(
            re.as_mut_ptr(),
            c.as_ptr(),
            libc::REG_EXTENDED | libc::REG_NOSUB,
        );
        if r == 0 {
            libc::regfree(re.as_mut_ptr());
            return Ok(());
        }
        let mut buf = [0 as libc::c_char; 256];
        libc::regerror(r, re.as_ptr(), buf.as_mut_ptr(), buf.len());
        Err(std::ffi::CStr::from_ptr(buf.as_ptr())
            .to_string_lossy()
            .into_owned())
    }
}

/// librdkafka's text for a name it does not know, put together without formatting.
fn no_such_property(name: &str) -> String {
    const HEAD: &str = "No such configuration property: \"";
    let mut text = String::with_capacity(HEAD.len() + name.len() + 1);
    text.push_str(HEAD);
    text.push_str(name);
    text.push('"');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strtol_reads_like_c() {
        assert_eq!(strtol("1000ms"), (1000, 4));
        assert_eq!(strtol(" +0x3e8"), (1000, 7));
        assert_eq!(strtol("010"), (8, 3));
        assert_eq!(strtol("08"), (0, 1));
        assert_eq!(strtol("1e3").0, 1);
        assert_eq!(strtol("abc"), (0, 0));
        assert_eq!(strtol("0x").0, 0);
        assert_eq!(strtol("0x").1, 1);
        assert_eq!(strtol("99999999999").0 as i32, 1_215_752_191);
        assert_eq!(strtol("99999999999999999999999").0, i64::MAX);
    }

    #[test]
    fn formats_like_printf_g() {
        assert_eq!(fmt_g(900000.0), "900000");
        assert_eq!(fmt_g(1e6), "1e+06");
        assert_eq!(fmt_g(0.5), "0.5");
        assert_eq!(fmt_g(-1.0), "-1");
        assert_eq!(fmt_g(0.0001), "0.0001");
        assert_eq!(fmt_g(0.00001), "1e-05");
        assert_eq!(fmt_g(123456789.0), "1.23457e+08");
    }

    #[test]
    fn sets_like_librdkafka() {
        let mut c = ModelConf::new();
        assert_eq!(c.set("security.protocol", " SASL_SSL"), SetResult::Ok);
        assert_eq!(c.get("security.protocol").as_deref(), Some("sasl_ssl"));
        assert_eq!(
            c.set("security.protocol", "SSL "),
            SetResult::Invalid(
                "Invalid value \"SSL \" for configuration property \"security.protocol\"".into()
            )
        );
        assert_eq!(
            c.set("acks", "abc"),
            SetResult::Invalid(
                "Invalid value for configuration property \"request.required.acks\"".into()
            )
        );
        assert_eq!(c.set("acks", "all"), SetResult::Ok);
        assert_eq!(
            c.set("fetch.min.bytes", "0"),
            SetResult::Invalid("Configuration property \"fetch.min.bytes\" value 0 is outside allowed range 1..100000000\n".into())
        );
        assert_eq!(
            c.set("nosuch.key", "1"),
            SetResult::Unknown("No such configuration property: \"nosuch.key\"".into())
        );
        assert_eq!(
            c.set("sasl.mechanism", ""),
            SetResult::Invalid(
                "Invalid value for configuration property \"sasl.mechanisms\": (null)".into()
            )
        );
        assert_eq!(c.set("debug", "consumer, cgrp"), SetResult::Ok);
        assert!(matches!(c.set("debug", "telemetry"), SetResult::Invalid(_)));
        assert!(
            matches!(c.set("sasl.jaas.config", "x"), SetResult::Invalid(t) if t.contains("not supported"))
        );
        assert_eq!(c.set("enable.auto.commit", "T"), SetResult::Ok);
        assert!(matches!(
            c.set("enable.auto.commit", "yes"),
            SetResult::Invalid(_)
        ));
        assert!(matches!(
            c.set("plugin.library.paths", "/x.so"),
            SetResult::HostDependent(_)
        ));
    }
}
