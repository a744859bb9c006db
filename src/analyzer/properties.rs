//! `PROPERTIES (…)`: the job properties, checked as the declared table says (J rules;
//! ALTER's own texts), in Doris's order, into [`JobProperties`].

use super::catalog::Catalog;
use super::context::Mode;
use crate::ast::{Property, PropertyList};
use crate::diagnostics::rules::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::keys::job::{
    Format, JobKey, JobProperties, JobPropertyDef, NewKeyBehavior, Parse, Parsed, TimeZone,
    UpdateMode,
};
use crate::keys::values::{
    check_time_zone, doris_bool, parse_java_double, parse_java_long, time_zone_suggestion,
};
use crate::text::did_you_mean;

/// Keys the routine-load manual lists but Doris rejects, with what to write.
fn documented_but_rejected(key: &str) -> Option<&'static str> {
    const NOT_ACCEPTED: &str =
        "Doris's routine load does not accept this key, although a manual page lists it";
    Some(match key {
        "delimiter" | "column_separator" => "use the load property COLUMNS TERMINATED BY \"…\"",
        "quote" => "use \"enclose\"",
        "null_format"
        | "skip_header_lines"
        | "skip_footer_lines"
        | "query_parallelism"
        | "query_timeout"
        | "query_band"
        | "memory_quota_per_query" => NOT_ACCEPTED,
        k if k.starts_with("error_table_") => NOT_ACCEPTED,
        _ => return None,
    })
}

/// The job properties as given, one entry per key (duplicates are P2's business).
pub(crate) struct GivenProperties<'a> {
    pub entries: Vec<(JobKey, &'a Property)>,
}

impl<'a> GivenProperties<'a> {
    pub fn get(&self, key: JobKey) -> Option<&'a Property> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| *p)
    }

    pub fn value(&self, key: JobKey) -> Option<&'a str> {
        self.get(key).map(|p| p.value())
    }
}

/// Splits a property list into known keys, reporting J0 for every other key (and, in
/// ALTER, for keys ALTER may not set).
pub(crate) fn known_keys<'a>(
    list: Option<&'a PropertyList>,
    mode: Mode,
    version: DorisVersion,
    diags: &mut Vec<Diagnostic>,
) -> GivenProperties<'a> {
    let mut entries = Vec::new();
    for p in list.into_iter().flat_map(|l| l.entries.iter()) {
        let parsed = JobKey::parse(p.key());
        match parsed {
            Some(k)
                if k.def().versions.has(version) && (mode == Mode::Create || k.def().alterable) =>
            {
                entries.push((k, p))
            }
            Some(k) if !k.def().versions.has(version) => {
                diags.push(
                    J0.error(format!("{} is invalid property", p.key()))
                        .at(p.key.span)
                        .with_help(format!(
                            "Doris {version} has no {0}; remove it (run with --doris-version {1} for Doris {1})",
                            k.as_str(),
                            version.other()
                        )),
                );
                diags.push(version_note(
                    version.other(),
                    &format!("the job property {}", k.as_str()),
                    p.key.span,
                ));
            }
            found => diags.push(
                J0.error(format!("{} is invalid property", p.key()))
                    .at(p.key.span)
                    .with_help(unknown_key_help(p.key(), found, mode)),
            ),
        }
    }
    GivenProperties { entries }
}

/// The note that the other version accepts what the statement wrote at `span`.
pub(crate) fn version_note(
    accepts: DorisVersion,
    what: &str,
    span: crate::ast::Span,
) -> Diagnostic {
    VERSION
        .note(format!("Doris {accepts} accepts {what}"))
        .at(span)
        .with_help(format!(
            "run with --doris-version {accepts} to check it as Doris {accepts} does"
        ))
}

/// Doris master's checks of `compute_group` and `fill_missing_columns` (JP2, JP6), on
/// the effective properties; `given` holds the keys this statement wrote.
pub(crate) fn check_master_properties(
    given: &GivenProperties<'_>,
    props: &JobProperties,
    config: &super::context::FeConfig,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(p) = given.get(JobKey::ComputeGroup) {
        let v = p.value();
        if !v.is_empty() {
            let span = p.value.span;
            if !config.cloud_mode {
                diags.push(JP6.error("compute_group is only supported in cloud mode").at(span).with_help("this cluster is not in cloud mode (storage and compute separated): remove compute_group"));
            } else if v.eq_ignore_ascii_case("DEFAULT") {
                diags.push(
                    JP6.error("compute_group DEFAULT is a reserved value")
                        .at(span)
                        .with_help(
                            "name a compute group, or leave compute_group out to use the session's",
                        ),
                );
            } else if !config.compute_groups.iter().any(|g| g == v) {
                let close = did_you_mean(v, config.compute_groups.iter().map(String::as_str), 2);
                diags.push(
                    JP6.error(format!("Compute group '{v}' not found."))
                        .at(span)
                        .with_help(match close.first() {
                            Some(c) => format!("did you mean '{c}'?"),
                            None if config.compute_groups.is_empty() => {
                                "the cluster has no compute groups".to_string()
                            }
                            None => format!(
                                "the compute groups are {}",
                                config.compute_groups.join(", ")
                            ),
                        }),
                );
            }
        }
    }
    if let Some(p) = given.get(JobKey::FillMissingColumns) {
        if props.format != Format::Json {
            diags.push(JP2.error("fill_missing_columns is only supported for json format").at(p.span()).with_help("fill_missing_columns fills the table columns a JSON row does not name; set \"format\" = \"json\" or remove it"));
        } else if !(p.value().eq_ignore_ascii_case("true")
            || p.value().eq_ignore_ascii_case("false"))
        {
            diags.push(
                JP2.error(format!(
                    "fill_missing_columns must be 'true' or 'false', but found: {}",
                    p.value()
                ))
                .at(p.value.span)
                .with_help("write \"true\" or \"false\""),
            );
        }
    }
}

fn unknown_key_help(key: &str, found: Option<JobKey>, mode: Mode) -> String {
    if let Some(k) = found {
        return format!(
            "{} cannot be altered; set it when the job is created",
            k.as_str()
        );
    }
    if let Some(h) = documented_but_rejected(key) {
        return h.to_string();
    }
    if key.starts_with("kafka_") || key.starts_with("property.") {
        return format!("{key} belongs in FROM KAFKA (…), not in PROPERTIES");
    }
    let keys = JobKey::ALL
        .iter()
        .filter(|k| mode == Mode::Create || k.def().alterable)
        .map(|k| k.as_str());
    match did_you_mean(key, keys, 3).as_slice() {
        [] => "see grammar/create-routine-load.md for the job properties".to_string(),
        s => format!(
            "did you mean {}?",
            s.iter()
                .map(|k| format!("\"{k}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

/// The update mode, decided from the raw values before any check runs (the table
/// checks need it early).
pub(crate) fn update_mode(given: &GivenProperties<'_>) -> UpdateMode {
    match given.value(JobKey::UniqueKeyUpdateMode) {
        Some(v) => UpdateMode::parse(v).unwrap_or(UpdateMode::Upsert),
        None if given.value(JobKey::PartialColumns).is_some_and(doris_bool) => {
            UpdateMode::UpdateFixedColumns
        }
        None => UpdateMode::Upsert,
    }
}

/// The format as written (F2 and C4 read it), `csv` when absent.
pub(crate) fn format_text<'a>(given: &GivenProperties<'a>) -> &'a str {
    given.value(JobKey::Format).unwrap_or("csv")
}

/// Runs the value checks of every given property, in the table's order, on `props`
/// (the defaults for CREATE, the job's current properties for ALTER).
pub(crate) fn check_values(
    given: &GivenProperties<'_>,
    mode: Mode,
    mut props: JobProperties,
    catalog: &dyn Catalog,
    diags: &mut Vec<Diagnostic>,
) -> JobProperties {
    for key in JobKey::ALL {
        let Some(p) = given.get(*key) else {
            // Partial columns imply fixed-column updates unless a mode is given.
            if *key == JobKey::UniqueKeyUpdateMode
                && props.partial_columns
                && props.unique_key_update_mode == UpdateMode::Upsert
            {
                props.unique_key_update_mode = UpdateMode::UpdateFixedColumns;
            }
            continue;
        };
        let mut c = Check {
            def: key.def(),
            p,
            mode,
            props: &props,
            diags,
        };
        if let Some(v) = c.run(catalog) {
            props.set(*key, v);
        }
    }
    props
}

/// One property's check.
struct Check<'c, 'a> {
    def: &'static JobPropertyDef,
    p: &'a Property,
    mode: Mode,
    props: &'c JobProperties,
    diags: &'c mut Vec<Diagnostic>,
}

impl Check<'_, '_> {
    fn name(&self) -> &'static str {
        self.def.key.as_str()
    }

    fn create(&self) -> bool {
        self.mode == Mode::Create
    }

    fn warn(&mut self, rule: Rule, msg: impl Into<Text>, help: impl Into<Text>) {
        self.diags
            .push(rule.warning(msg).at(self.p.value.span).with_help(help));
    }

    /// The row's rule with `msg` (or its fixed text, ALTER's where it has one).
    fn refuse(&mut self, msg: Option<String>) {
        let Some(rule) = self.def.rule else { return };
        let text: Text = match msg {
            Some(m) => m.into(),
            None => match (self.mode, self.def.alter_message) {
                (Mode::Alter, Some(a)) => a.into(),
                _ => self.def.message.into(),
            },
        };
        self.diags.push(
            rule.error(text)
                .at(self.p.value.span)
                .with_help(self.def.help),
        );
    }

    fn run(&mut self, catalog: &dyn Catalog) -> Option<Parsed> {
        let v = self.p.value();
        match self.def.parse {
            Parse::Long { accept } => self.long(accept).map(Parsed::Long),
            Parse::Int32Positive => self.int32().map(Parsed::Int32),
            Parse::Ratio => self.ratio().map(Parsed::Ratio),
            Parse::Bool => self.boolean().map(Parsed::Bool),
            Parse::Text => Some(Parsed::Text(v.to_string())),
            Parse::WorkloadGroup => {
                if v.is_empty() {
                    Some(Parsed::Group(None))
                } else if self.create() && !catalog.workload_group_exists(v) {
                    self.refuse(Some(format!("Can not find workload group {v}")));
                    None
                } else {
                    Some(Parsed::Group(Some(v.to_string())))
                }
            }
            Parse::TimeZone => match check_time_zone(v) {
                Ok((name, zone)) => Some(Parsed::TimeZone(TimeZone { name, zone })),
                Err(normalised) => {
                    let help = match time_zone_suggestion(v) {
                        Some(s) => format!("time zone names are case-sensitive: write \"{s}\""),
                        None => self.def.help.to_string(),
                    };
                    self.diags.push(
                        J12.error(format!("Unknown or incorrect time zone: '{normalised}'"))
                            .at(self.p.value.span)
                            .with_help(help),
                    );
                    None
                }
            },
            Parse::UpdateMode => match UpdateMode::parse(v) {
                Some(m) => Some(Parsed::UpdateMode(m)),
                None => {
                    self.refuse(Some(format!("unique_key_update_mode should be one of {{'UPSERT', 'UPDATE_FIXED_COLUMNS', 'UPDATE_FLEXIBLE_COLUMNS'}}, but found {v}")));
                    None
                }
            },
            Parse::NewKeyBehavior => {
                if self.props.unique_key_update_mode == UpdateMode::Upsert {
                    self.diags.push(J14.error("partial_update_new_key_behavior can only be set when partial update is enabled").at(self.p.value.span).with_help("enable partial update first: \"partial_columns\" = \"true\" or \"unique_key_update_mode\" = \"UPDATE_FIXED_COLUMNS\""));
                    return None;
                }
                match NewKeyBehavior::parse(v) {
                    Some(b) => Some(Parsed::NewKeyBehavior(b)),
                    None => {
                        let upper = v.to_ascii_uppercase();
                        self.refuse(Some(format!("partial_update_new_key_behavior should be one of {{'APPEND', 'ERROR'}}, but found {upper}")));
                        None
                    }
                }
            }
            Parse::Format => match Format::parse(v) {
                Some(f) => Some(Parsed::Format(f)),
                None => {
                    self.refuse(Some(format!("format:{v} is not supported.")));
                    None
                }
            },
            Parse::Byte { enclose } => self.byte(enclose),
        }
    }

    /// A 64-bit integer: absent or `""` means the default (in ALTER `""` is stored as
    /// -1); anything that does not parse, or is out of range, gets the range message.
    fn long(&mut self, accept: fn(i64) -> bool) -> Option<i64> {
        let v = self.p.value();
        if v.is_empty() {
            return self.empty();
        }
        match parse_java_long(v) {
            Some(n) if accept(n) => {
                if v.starts_with('+') {
                    let name = self.name();
                    self.warn(
                        &Q6,
                        format!("{name} = \"{v}\" is read as {n}"),
                        format!("write \"{n}\""),
                    );
                }
                Some(n)
            }
            _ => {
                self.refuse(None);
                None
            }
        }
    }

    /// An empty integer: the default (CREATE) or -1 (ALTER).
    fn empty(&mut self) -> Option<i64> {
        let name = self.name();
        if self.mode == Mode::Alter {
            self.warn(
                &Q45,
                format!("an empty {name} is stored as -1"),
                "give a number, or leave the property out",
            );
            return Some(-1);
        }
        let default = self
            .props
            .value(self.def.key)
            .render(crate::keys::job::Rendering::Plan);
        self.warn(
            &Q6,
            format!("an empty {name} means the default ({default})"),
            "leave the property out to use the default",
        );
        None
    }

    /// A 32-bit property: read as 64 bits, narrowed by two's complement as Java's
    /// `(int)` cast does, then required to be positive.
    fn int32(&mut self) -> Option<i32> {
        let v = self.p.value();
        let n = self.long(|_| true)?;
        #[allow(clippy::cast_possible_truncation)]
        let narrowed = n as i32;
        if i64::from(narrowed) != n && !(n == -1 && v.is_empty()) {
            let name = self.name();
            self.warn(
                &Q6,
                format!("{name} = {n} does not fit in 32 bits; Doris reads it as {narrowed}"),
                "give a value below 2147483648",
            );
        }
        if narrowed <= 0
            && !(self.mode == Mode::Alter && v.is_empty())
            && parse_java_long(v).is_some()
        {
            self.refuse(None);
            return None;
        }
        Some(narrowed)
    }

    fn ratio(&mut self) -> Option<f64> {
        let v = self.p.value();
        if v.is_empty() {
            if self.mode == Mode::Alter {
                self.warn(
                    &Q45,
                    "an empty max_filter_ratio is ignored",
                    "give a ratio between 0 and 1",
                );
            }
            return None;
        }
        match parse_java_double(v) {
            Some(r) if (0.0..=1.0).contains(&r) => {
                if v.trim().parse::<f64>().ok() != Some(r) || v != v.trim() {
                    self.warn(
                        &Q6,
                        format!("max_filter_ratio = \"{v}\" is read as {r}"),
                        format!("write \"{r}\""),
                    );
                }
                Some(r)
            }
            _ => {
                self.refuse(None);
                None
            }
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        let v = self.p.value();
        if v.is_empty() {
            return None;
        }
        if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") {
            let name = self.name();
            self.warn(
                &Q4,
                format!("{name} = \"{v}\" is read as false"),
                "Doris reads a boolean as true only when it is \"true\" (any case); write \"true\" or \"false\"",
            );
        }
        Some(doris_bool(v))
    }

    /// `enclose` and `escape`: one character, counted in UTF-16 units, kept as its low
    /// byte. CREATE checks them for the CSV family; ALTER does not check them.
    fn byte(&mut self, enclose: bool) -> Option<Parsed> {
        let v = self.p.value();
        let name = self.name();
        let units = v.encode_utf16().count();
        let byte = v.chars().next().map(|ch| (u32::from(ch) & 0xff) as u8);
        let bad = if enclose {
            units > 1
        } else {
            units != 1 && units != 0
        };
        let format = self.props.format;
        if !self.create() {
            if bad {
                self.warn(
                    &Q44,
                    format!("ALTER does not check {name}; \"{v}\" is stored as given"),
                    "give one character",
                );
            }
        } else if format.is_csv_family() && bad {
            self.refuse(None);
            return None;
        } else if !format.is_csv_family() {
            self.warn(
                &Q24,
                format!("{name} is ignored for format {}", format.as_str()),
                "remove it; it applies to CSV only",
            );
        }
        if let Some(ch) = v.chars().next() {
            if !ch.is_ascii() && units == 1 {
                self.warn(
                    &Q25,
                    format!("{name} '{ch}' is not one byte; Doris keeps only its low byte"),
                    "use an ASCII character",
                );
            }
        }
        Some(Parsed::Byte(byte))
    }
}
