//! `PROPERTIES (…)`: job properties (J rules, §4.5; ALTER's A4, §5.1). Keys are an enum,
//! values are parsed once into [`JobProperties`].

use super::job::{Format, JobProperties, NewKeyBehavior, UpdateMode};
use super::values::{
    check_time_zone, doris_bool, parse_java_double, parse_java_long, time_zone_suggestion,
};
use super::{AnalyzeContext, Mode};
use crate::ast::{Property, PropertyList, Span};
use crate::diagnostic::{Diagnostic, Stage};
use crate::text::did_you_mean;

/// Every job property key Doris accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JobKey {
    DesiredConcurrentNumber,
    MaxErrorNumber,
    MaxFilterRatio,
    MaxBatchInterval,
    MaxBatchRows,
    MaxBatchSize,
    StrictMode,
    Timezone,
    ExecMemLimit,
    SendBatchParallelism,
    LoadToSingleTablet,
    PartialColumns,
    PartialUpdateNewKeyBehavior,
    UniqueKeyUpdateMode,
    WorkloadGroup,
    Format,
    Jsonpaths,
    StripOuterArray,
    NumAsString,
    FuzzyParse,
    JsonRoot,
    Enclose,
    Escape,
    EmptyFieldAsNull,
}

impl JobKey {
    pub const ALL: [JobKey; 24] = [
        JobKey::DesiredConcurrentNumber,
        JobKey::MaxErrorNumber,
        JobKey::MaxFilterRatio,
        JobKey::MaxBatchInterval,
        JobKey::MaxBatchRows,
        JobKey::MaxBatchSize,
        JobKey::StrictMode,
        JobKey::Timezone,
        JobKey::ExecMemLimit,
        JobKey::SendBatchParallelism,
        JobKey::LoadToSingleTablet,
        JobKey::PartialColumns,
        JobKey::PartialUpdateNewKeyBehavior,
        JobKey::UniqueKeyUpdateMode,
        JobKey::WorkloadGroup,
        JobKey::Format,
        JobKey::Jsonpaths,
        JobKey::StripOuterArray,
        JobKey::NumAsString,
        JobKey::FuzzyParse,
        JobKey::JsonRoot,
        JobKey::Enclose,
        JobKey::Escape,
        JobKey::EmptyFieldAsNull,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobKey::DesiredConcurrentNumber => "desired_concurrent_number",
            JobKey::MaxErrorNumber => "max_error_number",
            JobKey::MaxFilterRatio => "max_filter_ratio",
            JobKey::MaxBatchInterval => "max_batch_interval",
            JobKey::MaxBatchRows => "max_batch_rows",
            JobKey::MaxBatchSize => "max_batch_size",
            JobKey::StrictMode => "strict_mode",
            JobKey::Timezone => "timezone",
            JobKey::ExecMemLimit => "exec_mem_limit",
            JobKey::SendBatchParallelism => "send_batch_parallelism",
            JobKey::LoadToSingleTablet => "load_to_single_tablet",
            JobKey::PartialColumns => "partial_columns",
            JobKey::PartialUpdateNewKeyBehavior => "partial_update_new_key_behavior",
            JobKey::UniqueKeyUpdateMode => "unique_key_update_mode",
            JobKey::WorkloadGroup => "workload_group",
            JobKey::Format => "format",
            JobKey::Jsonpaths => "jsonpaths",
            JobKey::StripOuterArray => "strip_outer_array",
            JobKey::NumAsString => "num_as_string",
            JobKey::FuzzyParse => "fuzzy_parse",
            JobKey::JsonRoot => "json_root",
            JobKey::Enclose => "enclose",
            JobKey::Escape => "escape",
            JobKey::EmptyFieldAsNull => "empty_field_as_null",
        }
    }

    /// Keys are case-sensitive.
    pub fn parse(key: &str) -> Option<JobKey> {
        JobKey::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// Whether ALTER may change the key (A4).
    pub fn alterable(self) -> bool {
        !matches!(
            self,
            JobKey::Format
                | JobKey::ExecMemLimit
                | JobKey::SendBatchParallelism
                | JobKey::LoadToSingleTablet
                | JobKey::PartialUpdateNewKeyBehavior
        )
    }
}

/// Keys the routine-load manual lists but Doris rejects (§10.3), with what to write.
fn documented_but_rejected(key: &str) -> Option<&'static str> {
    Some(match key {
        "delimiter" | "column_separator" => "use the load property COLUMNS TERMINATED BY \"…\"",
        "quote" => "use \"enclose\"",
        "null_format"
        | "skip_header_lines"
        | "skip_footer_lines"
        | "query_parallelism"
        | "query_timeout"
        | "query_band"
        | "memory_quota_per_query" => {
            "Doris's routine load does not accept this key, although a manual page lists it"
        }
        k if k.starts_with("error_table_") => {
            "Doris's routine load does not accept this key, although a manual page lists it"
        }
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

/// Splits a property list into known keys, reporting J0 for every other key.
pub(crate) fn known_keys<'a>(
    list: Option<&'a PropertyList>,
    mode: Mode,
    diags: &mut Vec<Diagnostic>,
) -> GivenProperties<'a> {
    let mut entries = Vec::new();
    for p in list.into_iter().flat_map(|l| l.entries.iter()) {
        match JobKey::parse(p.key()) {
            Some(k) if mode == Mode::Create || k.alterable() => entries.push((k, p)),
            found => {
                let mut d = Diagnostic::error(
                    Stage::Analyze,
                    "J0",
                    format!("{} is invalid property", p.key()),
                )
                .at(p.key.span);
                d = d.with_help(match found {
                    Some(k) => format!(
                        "{} cannot be altered; set it when the job is created",
                        k.as_str()
                    ),
                    None => {
                        if let Some(h) = documented_but_rejected(p.key()) {
                            h.to_string()
                        } else if p.key().starts_with("kafka_") || p.key().starts_with("property.")
                        {
                            format!("{} belongs in FROM KAFKA (…), not in PROPERTIES", p.key())
                        } else {
                            let keys = JobKey::ALL
                                .iter()
                                .filter(|k| mode == Mode::Create || k.alterable())
                                .map(|k| k.as_str());
                            match did_you_mean(p.key(), keys, 3).as_slice() {
                                [] => "see grammar/create-routine-load.md for the job properties"
                                    .to_string(),
                                s => format!(
                                    "did you mean {}?",
                                    s.iter()
                                        .map(|k| format!("\"{k}\""))
                                        .collect::<Vec<_>>()
                                        .join(" or ")
                                ),
                            }
                        }
                    }
                });
                diags.push(d);
            }
        }
    }
    GivenProperties { entries }
}

/// The update mode (U1–U2), decided from the raw values before any check runs.
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

struct Checker<'c, 'a> {
    given: &'c GivenProperties<'a>,
    mode: Mode,
    diags: &'c mut Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    fn err(
        &mut self,
        p: &Property,
        code: &'static str,
        msg: impl Into<crate::diagnostic::Text>,
        help: impl Into<crate::diagnostic::Text>,
    ) {
        self.diags.push(
            Diagnostic::error(Stage::Analyze, code, msg)
                .at(p.value.span)
                .with_help(help),
        );
    }

    fn warn(
        &mut self,
        span: Span,
        code: &'static str,
        msg: impl Into<crate::diagnostic::Text>,
        help: impl Into<crate::diagnostic::Text>,
    ) {
        self.diags.push(
            Diagnostic::warning(Stage::Analyze, code, msg)
                .at(span)
                .with_help(help),
        );
    }

    /// An integer property: absent or `""` means the default (Q6; in ALTER `""` is
    /// stored as -1, Q45); anything that does not parse, or is out of range, gets the
    /// range message.
    fn int(
        &mut self,
        key: JobKey,
        default: i64,
        ok: impl Fn(i64) -> bool,
        code: &'static str,
        msg: &'static str,
        help: &'static str,
    ) -> i64 {
        let Some(p) = self.given.get(key) else {
            return default;
        };
        let v = p.value();
        if v.is_empty() {
            if self.mode == Mode::Alter {
                self.warn(
                    p.value.span,
                    "Q45",
                    format!("an empty {} is stored as -1", key.as_str()),
                    "give a number, or leave the property out",
                );
                return -1;
            }
            self.warn(
                p.value.span,
                "Q6",
                format!("an empty {} means the default ({default})", key.as_str()),
                "leave the property out to use the default",
            );
            return default;
        }
        match parse_java_long(v) {
            Some(n) if ok(n) => {
                if v.starts_with('+') {
                    self.warn(
                        p.value.span,
                        "Q6",
                        format!("{} = \"{v}\" is read as {n}", key.as_str()),
                        format!("write \"{n}\""),
                    );
                }
                n
            }
            _ => {
                self.err(p, code, msg, help);
                default
            }
        }
    }

    /// A 32-bit property, narrowed by two's complement as Java's `(int)` cast does.
    fn int32(
        &mut self,
        key: JobKey,
        default: i32,
        code: &'static str,
        msg: &'static str,
        help: &'static str,
    ) -> i32 {
        let Some(p) = self.given.get(key) else {
            return default;
        };
        let n = self.int(key, i64::from(default), |_| true, code, msg, help);
        #[allow(clippy::cast_possible_truncation)]
        let narrowed = n as i32;
        if i64::from(narrowed) != n && !(n == -1 && p.value().is_empty()) {
            self.warn(
                p.value.span,
                "Q6",
                format!(
                    "{} = {n} does not fit in 32 bits; Doris reads it as {narrowed}",
                    key.as_str()
                ),
                "give a value below 2147483648",
            );
        }
        if narrowed <= 0
            && !(self.mode == Mode::Alter && p.value().is_empty())
            && parse_java_long(p.value()).is_some()
        {
            self.err(p, code, msg, help);
            return default;
        }
        narrowed
    }

    fn boolean(&mut self, key: JobKey, default: bool) -> bool {
        let Some(p) = self.given.get(key) else {
            return default;
        };
        let v = p.value();
        if v.is_empty() {
            return default;
        }
        if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") {
            self.warn(
                p.value.span,
                "Q4",
                format!("{} = \"{v}\" is read as false", key.as_str()),
                "Doris reads a boolean as true only when it is \"true\" (any case); write \"true\" or \"false\"",
            );
        }
        doris_bool(v)
    }
}

/// Runs J1–J16 (CREATE) or the A4 value checks (ALTER) on the known keys, starting from
/// `base` (the defaults, or the job's current properties for ALTER).
pub(crate) fn check_values(
    given: &GivenProperties<'_>,
    mode: Mode,
    mut props: JobProperties,
    ctx: &AnalyzeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> JobProperties {
    let mut c = Checker { given, mode, diags };
    let create = mode == Mode::Create;
    // J1
    let (dcn_msg, dcn_help) = if create {
        (
            "desired_concurrent_number must be greater than 0",
            "give a whole number of at least 1",
        )
    } else {
        (
            "desired_concurrent_number should > 0",
            "give a whole number of at least 1",
        )
    };
    if given.get(JobKey::DesiredConcurrentNumber).is_some() {
        props.desired_concurrent_number = c.int32(
            JobKey::DesiredConcurrentNumber,
            props.desired_concurrent_number,
            "J1",
            dcn_msg,
            dcn_help,
        );
    }
    // J2
    props.max_error_number = c.int(
        JobKey::MaxErrorNumber,
        props.max_error_number,
        |v| v >= 0,
        "J2",
        "max_error_number should >= 0",
        "give a whole number of at least 0",
    );
    // J3
    if let Some(p) = given.get(JobKey::MaxFilterRatio) {
        if p.value().is_empty() {
            if !create {
                c.warn(
                    p.value.span,
                    "Q45",
                    "an empty max_filter_ratio is ignored",
                    "give a ratio between 0 and 1",
                );
            }
        } else {
            match parse_java_double(p.value()) {
                Some(r) if (0.0..=1.0).contains(&r) => {
                    if p.value().trim().parse::<f64>().ok() != Some(r)
                        || p.value() != p.value().trim()
                    {
                        c.warn(
                            p.value.span,
                            "Q6",
                            format!("max_filter_ratio = \"{}\" is read as {r}", p.value()),
                            format!("write \"{r}\""),
                        );
                    }
                    props.max_filter_ratio = r;
                }
                _ => c.err(
                    p,
                    "J3",
                    "max_filter_ratio should between 0 and 1",
                    "give a decimal number from 0 to 1, for example \"0.1\"",
                ),
            }
        }
    }
    // J4–J6
    props.max_batch_interval = c.int(
        JobKey::MaxBatchInterval,
        props.max_batch_interval,
        |v| v >= 1,
        "J4",
        "max_batch_interval should >= 1",
        "give a number of seconds of at least 1",
    );
    props.max_batch_rows = c.int(
        JobKey::MaxBatchRows,
        props.max_batch_rows,
        |v| v >= 200_000,
        "J5",
        "max_batch_rows should > 200000",
        "the smallest accepted value is 200000 (the message says '>', Doris accepts 200000 itself)",
    );
    props.max_batch_size = c.int(
        JobKey::MaxBatchSize,
        props.max_batch_size,
        |v| (104_857_600..=10_737_418_240).contains(&v),
        "J6",
        "max_batch_size should between 100MB and 10GB",
        "give a number of bytes from 104857600 (100 MB) to 10737418240 (10 GB)",
    );
    // J7
    props.strict_mode = c.boolean(JobKey::StrictMode, props.strict_mode);
    if create {
        // J8, J9
        props.exec_mem_limit = c.int(
            JobKey::ExecMemLimit,
            props.exec_mem_limit,
            |v| v >= 0,
            "J8",
            "exec_mem_limit must be greater than 0",
            "give a number of bytes of at least 0 (Doris accepts 0)",
        );
        if given.get(JobKey::SendBatchParallelism).is_some() {
            props.send_batch_parallelism = c.int32(
                JobKey::SendBatchParallelism,
                props.send_batch_parallelism,
                "J9",
                "send_batch_parallelism must be greater than 0",
                "give a whole number of at least 1",
            );
        }
        // J10
        props.load_to_single_tablet =
            c.boolean(JobKey::LoadToSingleTablet, props.load_to_single_tablet);
    }
    // J11
    if let Some(p) = given.get(JobKey::WorkloadGroup) {
        if p.value().is_empty() {
            props.workload_group = None;
        } else if create && !ctx.catalog.workload_group_exists(p.value()) {
            c.err(p, "J11", format!("Can not find workload group {}", p.value()), "Doris always has the workload group \"normal\"; create others with CREATE WORKLOAD GROUP");
        } else {
            props.workload_group = Some(p.value().to_string());
        }
    }
    // J12
    if let Some(p) = given.get(JobKey::Timezone) {
        match check_time_zone(p.value()) {
            Ok((name, zone)) => {
                props.timezone = name;
                props.zone = zone;
            }
            Err(normalised) => {
                let help = match time_zone_suggestion(p.value()) {
                    Some(s) => format!("time zone names are case-sensitive: write \"{s}\""),
                    None => "give a region such as \"Asia/Shanghai\", an offset such as \"+08:00\" (from -12:00 to +14:00), or UTC".into(),
                };
                c.err(
                    p,
                    "J12",
                    format!("Unknown or incorrect time zone: '{normalised}'"),
                    help,
                );
            }
        }
    }
    // Partial columns (boolean) and U rules.
    props.partial_columns = c.boolean(JobKey::PartialColumns, props.partial_columns);
    // J13
    if let Some(p) = given.get(JobKey::UniqueKeyUpdateMode) {
        match UpdateMode::parse(p.value()) {
            Some(m) => props.unique_key_update_mode = m,
            None => c.err(p, "J13", format!("unique_key_update_mode should be one of {{'UPSERT', 'UPDATE_FIXED_COLUMNS', 'UPDATE_FLEXIBLE_COLUMNS'}}, but found {}", p.value()), "choose UPSERT, UPDATE_FIXED_COLUMNS or UPDATE_FLEXIBLE_COLUMNS"),
        }
    } else if props.partial_columns && props.unique_key_update_mode == UpdateMode::Upsert {
        props.unique_key_update_mode = UpdateMode::UpdateFixedColumns;
    }
    // J14
    if create {
        if let Some(p) = given.get(JobKey::PartialUpdateNewKeyBehavior) {
            if props.unique_key_update_mode == UpdateMode::Upsert {
                c.err(p, "J14", "partial_update_new_key_behavior can only be set when partial update is enabled", "enable partial update first: \"partial_columns\" = \"true\" or \"unique_key_update_mode\" = \"UPDATE_FIXED_COLUMNS\"");
            } else {
                match p.value().to_ascii_uppercase().as_str() {
                    "APPEND" => props.partial_update_new_key_behavior = NewKeyBehavior::Append,
                    "ERROR" => props.partial_update_new_key_behavior = NewKeyBehavior::Error,
                    other => c.err(p, "J14", format!("partial_update_new_key_behavior should be one of {{'APPEND', 'ERROR'}}, but found {other}"), "choose APPEND or ERROR"),
                }
            }
        }
        // J15
        if let Some(p) = given.get(JobKey::Format) {
            match Format::parse(p.value()) {
                Some(f) => props.format = f,
                None => c.err(
                    p,
                    "J15",
                    format!("format:{} is not supported.", p.value()),
                    "routine load reads csv (and csv_with_names, csv_with_names_and_types) or json",
                ),
            }
        }
    }
    // Free text and booleans of the JSON family.
    if let Some(v) = given.value(JobKey::Jsonpaths) {
        props.jsonpaths = v.to_string();
    }
    if let Some(v) = given.value(JobKey::JsonRoot) {
        props.json_root = v.to_string();
    }
    props.strip_outer_array = c.boolean(JobKey::StripOuterArray, props.strip_outer_array);
    props.num_as_string = c.boolean(JobKey::NumAsString, props.num_as_string);
    props.fuzzy_parse = c.boolean(JobKey::FuzzyParse, props.fuzzy_parse);
    props.empty_field_as_null = c.boolean(JobKey::EmptyFieldAsNull, props.empty_field_as_null);
    // J16 (CREATE, CSV family); ALTER does not validate them (Q44).
    for (key, code_msg) in [
        (
            JobKey::Enclose,
            "enclose should not be longer than one byte.",
        ),
        (JobKey::Escape, "escape must be single-char"),
    ] {
        let Some(p) = given.get(key) else { continue };
        let units = p.value().encode_utf16().count();
        let byte = p
            .value()
            .chars()
            .next()
            .map(|ch| (u32::from(ch) & 0xff) as u8);
        let bad = if key == JobKey::Enclose {
            units > 1
        } else {
            units != 1 && units != 0
        };
        if !create {
            if bad {
                c.warn(
                    p.value.span,
                    "Q44",
                    format!(
                        "ALTER does not check {}; \"{}\" is stored as given",
                        key.as_str(),
                        p.value()
                    ),
                    "give one character",
                );
            }
        } else if props.format.is_csv_family() && bad {
            c.err(
                p,
                "J16",
                code_msg,
                format!("{} takes one character", key.as_str()),
            );
            continue;
        } else if !props.format.is_csv_family() {
            c.warn(
                p.value.span,
                "Q24",
                format!(
                    "{} is ignored for format {}",
                    key.as_str(),
                    props.format.as_str()
                ),
                "remove it; it applies to CSV only",
            );
        }
        if let Some(ch) = p.value().chars().next() {
            if !ch.is_ascii() && units == 1 {
                c.warn(
                    p.value.span,
                    "Q25",
                    format!(
                        "{} '{ch}' is not one byte; Doris keeps only its low byte",
                        key.as_str()
                    ),
                    "use an ASCII character",
                );
            }
        }
        let slot = if key == JobKey::Enclose {
            &mut props.enclose
        } else {
            &mut props.escape
        };
        *slot = byte;
    }
    props
}

/// The job properties as Doris prints them for SHOW CREATE and `plan.job`, in order.
pub fn properties_for_show(p: &JobProperties) -> Vec<(&'static str, String)> {
    let mut out = vec![
        (
            "desired_concurrent_number",
            p.desired_concurrent_number.to_string(),
        ),
        ("max_error_number", p.max_error_number.to_string()),
        ("max_filter_ratio", format_ratio(p.max_filter_ratio)),
        ("max_batch_interval", p.max_batch_interval.to_string()),
        ("max_batch_rows", p.max_batch_rows.to_string()),
        ("max_batch_size", p.max_batch_size.to_string()),
        ("format", p.format.as_str().to_string()),
    ];
    if p.partial_columns {
        out.push(("partial_columns", "true".into()));
    }
    for (k, v) in [("jsonpaths", &p.jsonpaths), ("json_root", &p.json_root)] {
        if !v.is_empty() {
            out.push((k, v.clone()));
        }
    }
    out.push(("strip_outer_array", p.strip_outer_array.to_string()));
    out.push(("num_as_string", p.num_as_string.to_string()));
    out.push(("fuzzy_parse", p.fuzzy_parse.to_string()));
    out.push(("strict_mode", p.strict_mode.to_string()));
    out.push(("timezone", p.timezone.clone()));
    out.push(("exec_mem_limit", p.exec_mem_limit.to_string()));
    // Beyond Doris's SHOW CREATE list: settings that change the job's meaning, so the
    // rendered statement creates the same job.
    if p.send_batch_parallelism != 1 {
        out.push((
            "send_batch_parallelism",
            p.send_batch_parallelism.to_string(),
        ));
    }
    if p.load_to_single_tablet {
        out.push(("load_to_single_tablet", "true".into()));
    }
    if p.unique_key_update_mode != UpdateMode::Upsert
        && !(p.partial_columns && p.unique_key_update_mode == UpdateMode::UpdateFixedColumns)
    {
        out.push((
            "unique_key_update_mode",
            p.unique_key_update_mode.as_str().into(),
        ));
    }
    if p.partial_update_new_key_behavior == NewKeyBehavior::Error {
        out.push(("partial_update_new_key_behavior", "ERROR".into()));
    }
    for (k, b) in [("enclose", p.enclose), ("escape", p.escape)] {
        if let Some(b) = b {
            out.push((k, char::from(b).to_string()));
        }
    }
    if p.empty_field_as_null {
        out.push(("empty_field_as_null", "true".into()));
    }
    if let Some(w) = &p.workload_group {
        out.push(("workload_group", w.clone()));
    }
    out
}

/// Java's rendering of a double (`1.0`, `0.5`).
pub fn format_ratio(r: f64) -> String {
    // Whole ratios (the default 1.0) skip float formatting: "<integer>.0".
    if r.fract() == 0.0 && r.is_sign_positive() && r < 1e15 {
        format!("{}.0", r as i64)
    } else if r.fract() == 0.0 && r.is_finite() {
        format!("{r:.1}")
    } else {
        r.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::format_ratio;

    #[test]
    fn ratios_render_as_java_doubles() {
        for (r, text) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (0.5, "0.5"),
            (-0.0, "-0.0"),
            (-2.0, "-2.0"),
            (1e15, "1000000000000000.0"),
        ] {
            assert_eq!(format_ratio(r), text);
        }
        // The fast path for whole numbers agrees with float formatting.
        for n in 0..2000u32 {
            let r = f64::from(n);
            assert_eq!(format_ratio(r), format!("{r:.1}"));
        }
    }
}
