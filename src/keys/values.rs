//! Value grammars inside properties (nom), and Doris's (Java's) value semantics:
//! integers, doubles, booleans, datetimes and time zones.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{all_consuming, map_res};
use nom::{IResult, Parser};

/// Java's `Long.parseLong`: an optional sign, then decimal digits, in range.
pub(crate) fn parse_java_long(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// Java's `Integer.parseInt`.
pub(crate) fn parse_java_int(s: &str) -> Option<i32> {
    parse_java_long(s).and_then(|v| i32::try_from(v).ok())
}

/// Java's `Double.parseDouble`: surrounding whitespace, `.5`, `5e-1`, `0.5d`, `0.5f`,
/// hex floats, `NaN` and `Infinity`.
pub(crate) fn parse_java_double(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c <= ' ');
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if body == "NaN" {
        return Some(f64::NAN);
    }
    if body == "Infinity" {
        return Some(sign * f64::INFINITY);
    }
    let body = body.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(body);
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return parse_hex_float(hex).map(|v| sign * v);
    }
    // Java accepts digits, one '.', and an exponent; nothing else (no "inf", no "_").
    let ok = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && body.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    body.parse::<f64>().ok().map(|v| sign * v)
}

/// `h.hhhp±e` (the part after `0x`).
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mantissa, exp) = s.split_once(['p', 'P'])?;
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

/// Doris's boolean property: true exactly when the text is `true` ignoring case.
pub(crate) fn doris_bool(s: &str) -> bool {
    s.eq_ignore_ascii_case("true")
}

fn digits<'a>(n: usize) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse::<u32>(),
    )
}

/// `yyyy-MM-dd HH:mm:ss`, fields as numbers.
fn datetime_fields(input: &str) -> IResult<&str, (u32, u32, u32, u32, u32, u32)> {
    let (input, (y, _, mo, _, d, _, h, _, mi, _, s)) = (
        digits(4),
        char('-'),
        digits(2),
        char('-'),
        digits(2),
        tag(" "),
        digits(2),
        char(':'),
        digits(2),
        char(':'),
        digits(2),
    )
        .parse(input)?;
    Ok((input, (y, mo, d, h, mi, s)))
}

/// A datetime as Doris reads offsets: the pattern `yyyy-MM-dd HH:mm:ss`; a day
/// 29–31 past the end of its month is clamped to the month's last day (Java's smart
/// resolution); other out-of-range fields fail.
pub fn parse_doris_datetime(s: &str) -> Option<NaiveDateTime> {
    let (_, (y, mo, d, h, mi, sec)) = all_consuming(datetime_fields).parse(s).ok()?;
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let y = i32::try_from(y).ok()?;
    let last = last_day_of_month(y, mo)?;
    let date = NaiveDate::from_ymd_opt(y, mo, d.min(last))?;
    Some(date.and_time(NaiveTime::from_hms_opt(h, mi, sec)?))
}

fn last_day_of_month(y: i32, m: u32) -> Option<u32> {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some(next.pred_opt()?.day())
}

/// A resolved time zone: a tz-database region or a fixed offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    /// A tz-database region.
    Region(chrono_tz::Tz),
    /// A fixed offset, in seconds east of UTC.
    Fixed(i32),
}

impl Zone {
    /// Epoch milliseconds of a local datetime in this zone. A time in a DST gap moves
    /// forward, an ambiguous time takes the earlier offset, as Java's ZonedDateTime does.
    pub fn epoch_millis(&self, local: NaiveDateTime) -> Option<i64> {
        match self {
            Zone::Fixed(secs) => {
                let off = chrono::FixedOffset::east_opt(*secs)?;
                Some(off.from_local_datetime(&local).single()?.timestamp_millis())
            }
            Zone::Region(tz) => match tz.from_local_datetime(&local) {
                chrono::LocalResult::Single(t) => Some(t.timestamp_millis()),
                chrono::LocalResult::Ambiguous(a, _) => Some(a.timestamp_millis()),
                chrono::LocalResult::None => tz
                    .from_local_datetime(&(local + chrono::Duration::hours(1)))
                    .earliest()
                    .map(|t| t.timestamp_millis()),
            },
        }
    }
}

/// Java's `ZoneId.SHORT_IDS`, as Doris extends them (`CST` and `PRC` mean Shanghai).
const ZONE_ALIASES: &[(&str, &str)] = &[
    ("ACT", "Australia/Darwin"),
    ("AET", "Australia/Sydney"),
    ("AGT", "America/Argentina/Buenos_Aires"),
    ("ART", "Africa/Cairo"),
    ("AST", "America/Anchorage"),
    ("BET", "America/Sao_Paulo"),
    ("BST", "Asia/Dhaka"),
    ("CAT", "Africa/Harare"),
    ("CNT", "America/St_Johns"),
    ("CST", "Asia/Shanghai"),
    ("CTT", "Asia/Shanghai"),
    ("EAT", "Africa/Addis_Ababa"),
    ("ECT", "Europe/Paris"),
    ("EST", "-05:00"),
    ("HST", "-10:00"),
    ("IET", "America/Indiana/Indianapolis"),
    ("IST", "Asia/Kolkata"),
    ("JST", "Asia/Tokyo"),
    ("MIT", "Pacific/Apia"),
    ("MST", "-07:00"),
    ("NET", "Asia/Yerevan"),
    ("NST", "Pacific/Auckland"),
    ("PLT", "Asia/Karachi"),
    ("PNT", "America/Phoenix"),
    ("PRC", "Asia/Shanghai"),
    ("PRT", "America/Puerto_Rico"),
    ("PST", "America/Los_Angeles"),
    ("SST", "Pacific/Guadalcanal"),
    ("VST", "Asia/Ho_Chi_Minh"),
    ("UTC", "UTC"),
    ("GMT", "UTC"),
];

/// `[+-]h:mm` or `[+-]hh:mm`: (sign, hours, minutes).
fn offset(input: &str) -> IResult<&str, (i32, u32, u32)> {
    let (input, sign) =
        nom::combinator::opt(nom::character::complete::one_of("+-")).parse(input)?;
    let (input, h) = map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse::<u32>(),
    )
    .parse(input)?;
    let (input, _) = char(':').parse(input)?;
    let (input, m) = digits(2).parse(input)?;
    Ok((input, (if sign == Some('-') { -1 } else { 1 }, h, m)))
}

/// Doris's time-zone check (J12): the normalised value and its zone, or the normalised
/// value that fails (for the message `Unknown or incorrect time zone: '<value>'`).
pub fn check_time_zone(value: &str) -> Result<(String, Zone), String> {
    let fixed = |sign: i32, h: u32, m: u32| -> Result<i32, ()> {
        let hhmm = sign * i32::try_from(h * 100 + m).map_err(|_| ())?;
        if !(-1200..=1400).contains(&hhmm) || m > 59 {
            return Err(());
        }
        Ok(sign * i32::try_from(h * 3600 + m * 60).map_err(|_| ())?)
    };
    let norm =
        |sign: i32, h: u32, m: u32| format!("{}{h:02}:{m:02}", if sign < 0 { '-' } else { '+' });
    if value.contains('/') {
        return match value.parse::<chrono_tz::Tz>() {
            Ok(tz) => Ok((value.to_string(), Zone::Region(tz))),
            Err(_) => Err(value.to_string()),
        };
    }
    if let Some((_, target)) = ZONE_ALIASES.iter().find(|(k, _)| *k == value) {
        let zone = match target.parse::<chrono_tz::Tz>() {
            Ok(tz) => Zone::Region(tz),
            Err(_) => match all_consuming(offset).parse(target) {
                Ok((_, (s, h, m))) => Zone::Fixed(fixed(s, h, m).map_err(|_| value.to_string())?),
                Err(_) => return Err(value.to_string()),
            },
        };
        return Ok((value.to_string(), zone));
    }
    if let Ok((_, (s, h, m))) = all_consuming(offset).parse(value) {
        let n = norm(s, h, m);
        return fixed(s, h, m)
            .map(|secs| (n.clone(), Zone::Fixed(secs)))
            .map_err(|_| n);
    }
    for prefix in ["UTC", "GMT"] {
        if let Some(rest) = value.strip_prefix(prefix) {
            if let Ok((_, (s, h, m))) = all_consuming(offset).parse(rest) {
                let n = format!("{prefix}{}", norm(s, h, m));
                return fixed(s, h, m)
                    .map(|secs| (n.clone(), Zone::Fixed(secs)))
                    .map_err(|_| n);
            }
        }
    }
    Err(value.to_string())
}

/// The spelling a user probably meant, for a zone Doris refuses (`utc` → `UTC`).
pub(crate) fn time_zone_suggestion(value: &str) -> Option<String> {
    let upper = value.to_ascii_uppercase();
    if let Some((k, _)) = ZONE_ALIASES.iter().find(|(k, _)| *k == upper) {
        return Some((*k).to_string());
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(value))
        .map(|tz| tz.name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_numbers() {
        assert_eq!(parse_java_long("+5"), Some(5));
        assert_eq!(parse_java_long(" 5"), None);
        assert_eq!(parse_java_long("9223372036854775808"), None);
        assert_eq!(parse_java_long("1.0"), None);
        assert_eq!(parse_java_double(" .5 "), Some(0.5));
        assert_eq!(parse_java_double("5e-1"), Some(0.5));
        assert_eq!(parse_java_double("0.5d"), Some(0.5));
        assert_eq!(parse_java_double("0x1.0p-1"), Some(0.5));
        assert!(parse_java_double("NaN").unwrap().is_nan());
        assert_eq!(parse_java_double("inf"), None);
        assert_eq!(parse_java_double("abc"), None);
    }

    #[test]
    fn datetimes() {
        let d = parse_doris_datetime("2023-02-30 10:00:00").unwrap();
        assert_eq!(d.to_string(), "2023-02-28 10:00:00");
        assert!(parse_doris_datetime("2023-13-01 00:00:00").is_none());
        assert!(parse_doris_datetime("2023-01-01T00:00:00").is_none());
        assert!(parse_doris_datetime("2023-01-01 24:00:00").is_none());
        assert!(parse_doris_datetime("2023-1-01 00:00:00").is_none());
    }

    #[test]
    fn zones() {
        assert_eq!(check_time_zone("8:00").unwrap().0, "+08:00");
        assert_eq!(check_time_zone("-7:00").unwrap().0, "-07:00");
        assert_eq!(check_time_zone("UTC+8:00").unwrap().0, "UTC+08:00");
        assert_eq!(check_time_zone("+15:00").unwrap_err(), "+15:00");
        assert_eq!(check_time_zone("+14:30").unwrap_err(), "+14:30");
        assert!(check_time_zone("+14:00").is_ok());
        assert!(check_time_zone("-12:30").is_err());
        assert!(check_time_zone("Asia/Shanghai").is_ok());
        assert!(check_time_zone("Mars/Base").is_err());
        assert!(check_time_zone("utc").is_err());
        assert!(check_time_zone("UTC").is_ok());
        assert!(check_time_zone("PRC").is_ok());
        let (_, z) = check_time_zone("Asia/Shanghai").unwrap();
        let t = parse_doris_datetime("2024-01-01 08:00:00").unwrap();
        assert_eq!(z.epoch_millis(t), Some(1_704_067_200_000));
        assert_eq!(time_zone_suggestion("utc").as_deref(), Some("UTC"));
    }
}
