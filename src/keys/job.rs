//! The job properties of `PROPERTIES (…)`, declared once.
//!
//! Each row of [`job_properties!`] gives a property's key, its typed field in
//! [`JobProperties`] with its default, how its text is read ([`Parse`]), the rule whose
//! text a bad value gets, whether ALTER may set it, the Doris versions that have it, and
//! where each rendering shows it (SHOW CREATE ROUTINE LOAD, the JobProperties column of
//! SHOW ROUTINE LOAD; plans show every property). Rows are in Doris's check order.

use crate::diagnostics::rules::{self, Rule, Versions};
use crate::keys::values::Zone;
use serde::Serialize;
use std::fmt;

/// How a property's text becomes its value (each kind has Doris's own reading).
#[derive(Debug, Clone, Copy)]
pub enum Parse {
    /// A whole number as Java's `Long.parseLong` reads it, accepted when `accept` holds.
    Long {
        /// Doris's range check.
        accept: fn(i64) -> bool,
    },
    /// A whole number narrowed to 32 bits as Java's `(int)` cast does, accepted when
    /// positive.
    Int32Positive,
    /// A ratio from 0 to 1, as Java's `Double.parseDouble` reads it.
    Ratio,
    /// `true` (any case) is true; anything else is false.
    Bool,
    /// A time zone name or offset.
    TimeZone,
    /// `UPSERT`, `UPDATE_FIXED_COLUMNS` or `UPDATE_FLEXIBLE_COLUMNS`.
    UpdateMode,
    /// `APPEND` or `ERROR`.
    NewKeyBehavior,
    /// A data format name.
    Format,
    /// Free text.
    Text,
    /// One character, kept as its low byte (`enclose` when `enclose`, else `escape`).
    Byte {
        /// Whether this is `enclose` (at most one unit) rather than `escape` (exactly one).
        enclose: bool,
    },
    /// A workload group name (empty: none).
    WorkloadGroup,
}

/// When a rendering shows a property.
#[derive(Debug, Clone, Copy)]
pub enum Show {
    /// Never.
    Never,
    /// Always.
    Always,
    /// When the (boolean) value is true.
    IfTrue,
    /// When the value is set (non-empty text, a byte, a group).
    IfSet,
    /// When the predicate holds for the job's properties.
    When(fn(&JobProperties) -> bool),
}

impl Show {
    /// Whether the property is shown for `props`.
    pub fn shows(self, key: JobKey, props: &JobProperties) -> bool {
        match self {
            Show::Never => false,
            Show::Always => true,
            Show::IfTrue => matches!(props.value(key), Value::Bool(true)),
            Show::IfSet => match props.value(key) {
                Value::Text(t) => !t.is_empty(),
                Value::Byte(b) => b.is_some(),
                Value::Group(g) => g.is_some(),
                _ => true,
            },
            Show::When(f) => f(props),
        }
    }
}

/// One declared job property.
#[derive(Debug, Clone, Copy)]
pub struct JobPropertyDef {
    /// The key.
    pub key: JobKey,
    /// How its text is read.
    pub parse: Parse,
    /// The rule whose message a bad value gets (`None`: no value is refused).
    pub rule: Option<Rule>,
    /// Doris's fixed message for a refused value (empty when the message names the
    /// value).
    pub message: &'static str,
    /// ALTER's own message for that check, when it differs from CREATE's.
    pub alter_message: Option<&'static str>,
    /// What to write instead of a refused value.
    pub help: &'static str,
    /// Whether ALTER may set it.
    pub alterable: bool,
    /// The Doris versions that have it.
    pub versions: Versions,
    /// Its place in SHOW CREATE ROUTINE LOAD's list, and when it is printed there.
    pub show_create: (u8, Show),
    /// When SHOW ROUTINE LOAD's JobProperties column includes it.
    pub show_json: Show,
}

/// A property's value, for rendering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// A whole number.
    Int(i64),
    /// A ratio (rendered as Java renders a double).
    Ratio(f64),
    /// A boolean.
    Bool(bool),
    /// Text.
    Text(&'a str),
    /// A name from a fixed set (a format, a mode).
    Name(&'static str),
    /// A byte, when set.
    Byte(Option<u8>),
    /// A workload group, when set.
    Group(Option<&'a str>),
}

/// Where a value is rendered: the renderings differ only in how an unset byte shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Plans and SHOW CREATE: an unset byte is empty.
    Plan,
    /// SHOW ROUTINE LOAD's JobProperties: an unset byte is `\0`, as Doris prints it.
    Show,
}

impl Value<'_> {
    /// The value as text.
    pub fn render(self, rendering: Rendering) -> String {
        match self {
            Value::Int(n) => n.to_string(),
            Value::Ratio(r) => format_ratio(r),
            Value::Bool(b) => b.to_string(),
            Value::Text(t) => t.to_string(),
            Value::Name(n) => n.to_string(),
            Value::Byte(Some(b)) => char::from(b).to_string(),
            Value::Byte(None) if rendering == Rendering::Show => "\0".into(),
            Value::Byte(None) | Value::Group(None) => String::new(),
            Value::Group(Some(g)) => g.to_string(),
        }
    }
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

/// A parsed value, before it is stored in its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A 64-bit number.
    Long(i64),
    /// A 32-bit number.
    Int32(i32),
    /// A ratio.
    Ratio(f64),
    /// A boolean.
    Bool(bool),
    /// A time zone.
    TimeZone(TimeZone),
    /// An update mode.
    UpdateMode(UpdateMode),
    /// A new-key behaviour.
    NewKeyBehavior(NewKeyBehavior),
    /// A format.
    Format(Format),
    /// Text.
    Text(String),
    /// A byte, or none.
    Byte(Option<u8>),
    /// A workload group, or none.
    Group(Option<String>),
}

/// What the defaults depend on: the FE configuration and the session.
#[derive(Debug, Clone)]
pub struct DefaultsContext {
    /// `max_routine_load_task_concurrent_num`: the default `desired_concurrent_number`.
    pub concurrency: i32,
    /// The session variable `send_batch_parallelism`.
    pub send_batch_parallelism: i32,
    /// The session's time zone.
    pub timezone: TimeZone,
}

/// A named time zone and the zone it resolves to.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeZone {
    /// The name as Doris keeps it (normalised offsets: `+08:00`).
    pub name: String,
    /// The resolved zone.
    pub zone: Zone,
}

impl Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

/// A row's versions: every version unless the row names them.
macro_rules! versions_or_all {
    () => {
        Versions::ALL
    };
    ($v:expr) => {
        $v
    };
}

macro_rules! job_properties {
    (defaults($ctx:ident); $( $(#[$doc:meta])* $variant:ident $field:ident : $ty:ty = $default:expr, $key:literal,
        $parse:expr, $rule:expr, $message:literal, $alter_message:expr, $help:literal, alter: $alter:literal,
        $(versions: $versions:expr,)? create: ($order:literal, $show:expr), show: $json:expr; )*) => {
        /// Every job property key Doris accepts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum JobKey {
            $( $(#[$doc])* $variant, )*
        }

        impl JobKey {
            /// Every key, in Doris's check order.
            pub const ALL: &'static [JobKey] = &[$(JobKey::$variant),*];

            /// The key as written.
            pub fn as_str(self) -> &'static str {
                match self { $(JobKey::$variant => $key,)* }
            }

            /// The key for a text (keys are case-sensitive).
            pub fn parse(key: &str) -> Option<JobKey> {
                match key { $($key => Some(JobKey::$variant),)* _ => None }
            }

            /// The key's declaration.
            pub fn def(self) -> &'static JobPropertyDef {
                match self { $(JobKey::$variant => &defs::$variant,)* }
            }
        }

        #[allow(non_upper_case_globals)]
        mod defs {
            use super::*;
            $(pub(super) static $variant: JobPropertyDef = JobPropertyDef {
                key: JobKey::$variant,
                parse: $parse,
                rule: $rule,
                message: $message,
                alter_message: $alter_message,
                help: $help,
                alterable: $alter,
                versions: versions_or_all!($($versions)?),
                show_create: ($order, $show),
                show_json: $json,
            };)*
        }

        /// The effective job properties, defaults filled in.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct JobProperties {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        impl JobProperties {
            /// Doris's defaults.
            pub fn defaults($ctx: &DefaultsContext) -> Self {
                JobProperties { $( $field: $default, )* }
            }

            /// A property's value, for rendering.
            pub fn value(&self, key: JobKey) -> Value<'_> {
                match key { $(JobKey::$variant => (&self.$field).view(),)* }
            }

            /// Stores a parsed value in its field; a value of another kind is ignored.
            pub fn set(&mut self, key: JobKey, parsed: Parsed) {
                match key {
                    $(JobKey::$variant => {
                        if let Some(v) = <$ty as FromParsed>::from_parsed(parsed) {
                            self.$field = v;
                        }
                    })*
                }
            }
        }
    };
}

/// A field type's view for rendering.
trait View {
    fn view(&self) -> Value<'_>;
}

/// A field type built from a parsed value of its kind.
trait FromParsed: Sized {
    fn from_parsed(p: Parsed) -> Option<Self>;
}

macro_rules! field_kind {
    ($ty:ty, |$v:ident| $view:expr, $pat:pat => $out:expr) => {
        impl View for $ty {
            fn view(&self) -> Value<'_> {
                let $v = self;
                $view
            }
        }
        impl FromParsed for $ty {
            fn from_parsed(p: Parsed) -> Option<Self> {
                match p {
                    $pat => Some($out),
                    _ => None,
                }
            }
        }
    };
}

field_kind!(i64, |v| Value::Int(*v), Parsed::Long(v) => v);
field_kind!(i32, |v| Value::Int(i64::from(*v)), Parsed::Int32(v) => v);
field_kind!(f64, |v| Value::Ratio(*v), Parsed::Ratio(v) => v);
field_kind!(bool, |v| Value::Bool(*v), Parsed::Bool(v) => v);
field_kind!(String, |v| Value::Text(v), Parsed::Text(v) => v);
field_kind!(Option<u8>, |v| Value::Byte(*v), Parsed::Byte(v) => v);
field_kind!(Option<String>, |v| Value::Group(v.as_deref()), Parsed::Group(v) => v);
field_kind!(TimeZone, |v| Value::Text(&v.name), Parsed::TimeZone(v) => v);
field_kind!(UpdateMode, |v| Value::Name(v.as_str()), Parsed::UpdateMode(v) => v);
field_kind!(NewKeyBehavior, |v| Value::Name(v.as_str()), Parsed::NewKeyBehavior(v) => v);
field_kind!(Format, |v| Value::Name(v.as_str()), Parsed::Format(v) => v);

fn is_json(p: &JobProperties) -> bool {
    p.format == Format::Json
}

fn is_not_json(p: &JobProperties) -> bool {
    p.format != Format::Json
}

fn partial_update(p: &JobProperties) -> bool {
    p.unique_key_update_mode != UpdateMode::Upsert
}

/// The update mode is printed unless it is the default, or what `partial_columns`
/// already says.
fn update_mode_shown(p: &JobProperties) -> bool {
    partial_update(p)
        && !(p.partial_columns && p.unique_key_update_mode == UpdateMode::UpdateFixedColumns)
}

fn new_key_error(p: &JobProperties) -> bool {
    p.partial_update_new_key_behavior == NewKeyBehavior::Error
}

fn parallelism_set(p: &JobProperties) -> bool {
    p.send_batch_parallelism != 1
}

job_properties! {
    defaults(ctx);
    /// How many tasks the job may run at once.
    DesiredConcurrentNumber desired_concurrent_number: i32 = ctx.concurrency, "desired_concurrent_number",
        Parse::Int32Positive, Some(&rules::J1), "desired_concurrent_number must be greater than 0", Some("desired_concurrent_number should > 0"),
        "give a whole number of at least 1", alter: true, create: (0, Show::Always), show: Show::Always;
    /// Bad rows tolerated in the sampling window.
    MaxErrorNumber max_error_number: i64 = 0, "max_error_number",
        Parse::Long { accept: |v| v >= 0 }, Some(&rules::J2), "max_error_number should >= 0", None,
        "give a whole number of at least 0", alter: true, create: (1, Show::Always), show: Show::Always;
    /// The share of filtered rows tolerated.
    MaxFilterRatio max_filter_ratio: f64 = 1.0, "max_filter_ratio",
        Parse::Ratio, Some(&rules::J3), "max_filter_ratio should between 0 and 1", None,
        "give a decimal number from 0 to 1, for example \"0.1\"", alter: true, create: (2, Show::Always), show: Show::Always;
    /// Seconds each task consumes before it commits.
    MaxBatchInterval max_batch_interval: i64 = 60, "max_batch_interval",
        Parse::Long { accept: |v| v >= 1 }, Some(&rules::J4), "max_batch_interval should >= 1", None,
        "give a number of seconds of at least 1", alter: true, create: (3, Show::Always), show: Show::Always;
    /// The most rows one task reads.
    MaxBatchRows max_batch_rows: i64 = 20_000_000, "max_batch_rows",
        Parse::Long { accept: |v| v >= 200_000 }, Some(&rules::J5), "max_batch_rows should > 200000", None,
        "the smallest accepted value is 200000 (the message says '>', Doris accepts 200000 itself)",
        alter: true, create: (4, Show::Always), show: Show::Always;
    /// The most bytes one task reads.
    MaxBatchSize max_batch_size: i64 = 1_073_741_824, "max_batch_size",
        Parse::Long { accept: |v| (104_857_600..=10_737_418_240).contains(&v) }, Some(&rules::J6), "max_batch_size should between 100MB and 10GB", None,
        "give a number of bytes from 104857600 (100 MB) to 10737418240 (10 GB)",
        alter: true, create: (5, Show::Always), show: Show::Always;
    /// Whether column type conversions are strict.
    StrictMode strict_mode: bool = false, "strict_mode",
        Parse::Bool, None, "", None, "", alter: true, create: (13, Show::Always), show: Show::Always;
    /// Each task's memory limit, in bytes.
    ExecMemLimit exec_mem_limit: i64 = 2_147_483_648, "exec_mem_limit",
        Parse::Long { accept: |v| v >= 0 }, Some(&rules::J8), "exec_mem_limit must be greater than 0", None,
        "give a number of bytes of at least 0 (Doris accepts 0)", alter: false, create: (15, Show::Always), show: Show::Always;
    /// The parallelism of sending batches to the storage nodes.
    SendBatchParallelism send_batch_parallelism: i32 = ctx.send_batch_parallelism, "send_batch_parallelism",
        Parse::Int32Positive, Some(&rules::J9), "send_batch_parallelism must be greater than 0", None,
        "give a whole number of at least 1", alter: false, create: (16, Show::When(parallelism_set)), show: Show::Always;
    /// Whether each task writes to one tablet.
    LoadToSingleTablet load_to_single_tablet: bool = false, "load_to_single_tablet",
        Parse::Bool, None, "", None, "", alter: false, create: (17, Show::IfTrue), show: Show::Always;
    /// The workload group the tasks run in.
    WorkloadGroup workload_group: Option<String> = None, "workload_group",
        Parse::WorkloadGroup, Some(&rules::J11), "", None,
        "Doris always has the workload group \"normal\"; create others with CREATE WORKLOAD GROUP",
        alter: true, create: (23, Show::IfSet), show: Show::IfSet;
    /// The job's time zone.
    Timezone timezone: TimeZone = ctx.timezone.clone(), "timezone",
        Parse::TimeZone, Some(&rules::J12), "", None,
        "give a region such as \"Asia/Shanghai\", an offset such as \"+08:00\" (from -12:00 to +14:00), or UTC",
        alter: true, create: (14, Show::Always), show: Show::Always;
    /// Whether the job updates only the columns it loads.
    PartialColumns partial_columns: bool = false, "partial_columns",
        Parse::Bool, None, "", None, "", alter: true, create: (7, Show::IfTrue), show: Show::Always;
    /// How rows of a UNIQUE KEY table are updated.
    UniqueKeyUpdateMode unique_key_update_mode: UpdateMode = UpdateMode::Upsert, "unique_key_update_mode",
        Parse::UpdateMode, Some(&rules::J13), "", None,
        "choose UPSERT, UPDATE_FIXED_COLUMNS or UPDATE_FLEXIBLE_COLUMNS",
        alter: true, create: (18, Show::When(update_mode_shown)), show: Show::When(partial_update);
    /// What a partial update does with a key that does not exist yet.
    PartialUpdateNewKeyBehavior partial_update_new_key_behavior: NewKeyBehavior = NewKeyBehavior::Append,
        "partial_update_new_key_behavior", Parse::NewKeyBehavior, Some(&rules::J14), "", None,
        "choose APPEND or ERROR", alter: false, create: (19, Show::When(new_key_error)), show: Show::When(partial_update);
    /// The message format.
    Format format: Format = Format::Csv, "format",
        Parse::Format, Some(&rules::J15), "", None,
        "routine load reads csv (and csv_with_names, csv_with_names_and_types) or json",
        alter: false, create: (6, Show::Always), show: Show::Always;
    /// JSON paths of the columns.
    Jsonpaths jsonpaths: String = String::new(), "jsonpaths",
        Parse::Text, None, "", None, "", alter: true, create: (8, Show::IfSet), show: Show::When(is_json);
    /// The JSON path of the root object.
    JsonRoot json_root: String = String::new(), "json_root",
        Parse::Text, None, "", None, "", alter: true, create: (9, Show::IfSet), show: Show::When(is_json);
    /// Whether the JSON rows are inside an outer array.
    StripOuterArray strip_outer_array: bool = false, "strip_outer_array",
        Parse::Bool, None, "", None, "", alter: true, create: (10, Show::Always), show: Show::When(is_json);
    /// Whether JSON numbers are read as strings.
    NumAsString num_as_string: bool = false, "num_as_string",
        Parse::Bool, None, "", None, "", alter: true, create: (11, Show::Always), show: Show::When(is_json);
    /// Whether every JSON row has the first row's keys.
    FuzzyParse fuzzy_parse: bool = false, "fuzzy_parse",
        Parse::Bool, None, "", None, "", alter: true, create: (12, Show::Always), show: Show::When(is_json);
    /// Whether an empty CSV field is NULL.
    EmptyFieldAsNull empty_field_as_null: bool = false, "empty_field_as_null",
        Parse::Bool, None, "", None, "", alter: true, create: (22, Show::IfTrue), show: Show::Never;
    /// The quote around CSV fields.
    Enclose enclose: Option<u8> = None, "enclose",
        Parse::Byte { enclose: true }, Some(&rules::J16), "enclose should not be longer than one byte.", None, "enclose takes one character",
        alter: true, create: (20, Show::IfSet), show: Show::When(is_not_json);
    /// The CSV escape character.
    Escape escape: Option<u8> = None, "escape",
        Parse::Byte { enclose: false }, Some(&rules::J16), "escape must be single-char", None, "escape takes one character",
        alter: true, create: (21, Show::IfSet), show: Show::When(is_not_json);
    /// The compute group of a cloud-mode cluster the tasks run in (empty: none declared).
    ComputeGroup compute_group: String = String::new(), "compute_group",
        Parse::Text, None, "", None, "", alter: true, versions: Versions::MASTER,
        create: (24, Show::IfSet), show: Show::IfSet;
    /// Whether the JSON reader fills the columns a row does not name (as written).
    FillMissingColumns fill_missing_columns: String = String::new(), "fill_missing_columns",
        Parse::Text, None, "", None, "", alter: true, versions: Versions::MASTER,
        create: (25, Show::IfSet), show: Show::IfSet;
}

impl JobProperties {
    /// The resolved time zone.
    pub fn zone(&self) -> Zone {
        self.timezone.zone
    }
}

/// The keys in SHOW CREATE ROUTINE LOAD's order.
pub fn show_create_order() -> &'static [JobKey] {
    static ORDER: std::sync::OnceLock<Vec<JobKey>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let mut keys = JobKey::ALL.to_vec();
        keys.sort_by_key(|k| k.def().show_create.0);
        keys
    })
}

/// The keys in alphabetical order (plans list them so).
pub fn alphabetical_order() -> &'static [JobKey] {
    static ORDER: std::sync::OnceLock<Vec<JobKey>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let mut keys = JobKey::ALL.to_vec();
        keys.sort_by_key(|k| k.as_str());
        keys
    })
}

/// The unique-key update mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UpdateMode {
    /// Whole rows.
    Upsert,
    /// The columns of the COLUMNS list.
    UpdateFixedColumns,
    /// The columns each JSON row names.
    UpdateFlexibleColumns,
}

impl UpdateMode {
    /// The mode for a text, ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "UPSERT" => Some(UpdateMode::Upsert),
            "UPDATE_FIXED_COLUMNS" => Some(UpdateMode::UpdateFixedColumns),
            "UPDATE_FLEXIBLE_COLUMNS" => Some(UpdateMode::UpdateFlexibleColumns),
            _ => None,
        }
    }

    /// The mode's name.
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateMode::Upsert => "UPSERT",
            UpdateMode::UpdateFixedColumns => "UPDATE_FIXED_COLUMNS",
            UpdateMode::UpdateFlexibleColumns => "UPDATE_FLEXIBLE_COLUMNS",
        }
    }
}

/// What a partial update does with a new key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NewKeyBehavior {
    /// Insert the row.
    Append,
    /// Fail the load.
    Error,
}

impl NewKeyBehavior {
    /// The behaviour for a text, ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "APPEND" => Some(NewKeyBehavior::Append),
            "ERROR" => Some(NewKeyBehavior::Error),
            _ => None,
        }
    }

    /// The behaviour's name.
    pub fn as_str(self) -> &'static str {
        match self {
            NewKeyBehavior::Append => "APPEND",
            NewKeyBehavior::Error => "ERROR",
        }
    }
}

/// The data formats Doris knows (routine load reads the CSV family and JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `csv`
    Csv,
    /// `csv_with_names`
    CsvWithNames,
    /// `csv_with_names_and_types`
    CsvWithNamesAndTypes,
    /// `hive_text`
    HiveText,
    /// `json`
    Json,
    /// `parquet`
    Parquet,
    /// `orc`
    Orc,
    /// `avro`
    Avro,
    /// `wal`
    Wal,
    /// `arrow`
    Arrow,
}

impl Format {
    /// The format for a text, ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "csv" => Format::Csv,
            "csv_with_names" => Format::CsvWithNames,
            "csv_with_names_and_types" => Format::CsvWithNamesAndTypes,
            "hive_text" => Format::HiveText,
            "json" => Format::Json,
            "parquet" => Format::Parquet,
            "orc" => Format::Orc,
            "avro" => Format::Avro,
            "wal" => Format::Wal,
            "arrow" => Format::Arrow,
            _ => return None,
        })
    }

    /// The format's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::CsvWithNames => "csv_with_names",
            Format::CsvWithNamesAndTypes => "csv_with_names_and_types",
            Format::HiveText => "hive_text",
            Format::Json => "json",
            Format::Parquet => "parquet",
            Format::Orc => "orc",
            Format::Avro => "avro",
            Format::Wal => "wal",
            Format::Arrow => "arrow",
        }
    }

    /// CSV, with or without header rows.
    pub fn is_csv_family(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::CsvWithNames | Format::CsvWithNamesAndTypes
        )
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for n in 0..2000u32 {
            let r = f64::from(n);
            assert_eq!(format_ratio(r), format!("{r:.1}"));
        }
    }

    #[test]
    fn every_key_parses_back_and_has_a_unique_show_position() {
        let mut positions = std::collections::HashSet::new();
        for k in JobKey::ALL {
            assert_eq!(JobKey::parse(k.as_str()), Some(*k));
            assert_eq!(k.def().key, *k);
            assert!(positions.insert(k.def().show_create.0), "{k:?}");
        }
        assert_eq!(show_create_order().len(), JobKey::ALL.len());
    }
}
