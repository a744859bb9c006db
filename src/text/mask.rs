//! Replacing byte ranges of a text (secret values) by the mask.

use std::ops::Range;

/// The mask that replaces a secret value, whole.
pub const MASK: &str = "******";

/// How a masked range is written: the mask, inside the quotes the value had.
pub fn masked_form(original: &str) -> &'static str {
    let b = original.as_bytes();
    match (b.first(), b.last()) {
        (Some(b'\''), Some(b'\'')) if b.len() >= 2 => "'******'",
        (Some(b'"'), Some(b'"')) if b.len() >= 2 => "\"******\"",
        (Some(b'`'), Some(b'`')) if b.len() >= 2 => "`******`",
        _ => MASK,
    }
}

/// `text` with the given byte ranges (sorted, not overlapping, relative to `text`)
/// each replaced by its [`masked_form`]. Ranges outside the text or not on character
/// boundaries are clamped to it.
pub fn mask_ranges(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        let (start, end) = (floor(text, r.start.max(last)), floor(text, r.end));
        if start >= end {
            continue;
        }
        out.push_str(text.get(last..start).unwrap_or(""));
        out.push_str(masked_form(text.get(start..end).unwrap_or("")));
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// The greatest character boundary of `text` at or below `i`.
pub(crate) fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Sorts ranges and merges the overlapping ones.
pub fn normalize_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_ranges_keeping_quotes() {
        let t = r#"a = "pw", b = x y, c = 'z'"#;
        let ranges = [4..8, 14..17, 23..26];
        assert_eq!(
            mask_ranges(t, &ranges),
            r#"a = "******", b = ******, c = '******'"#
        );
        assert_eq!(mask_ranges("é", std::slice::from_ref(&(1..2))), "******");
        assert_eq!(
            mask_ranges("abc", std::slice::from_ref(&(1..100))),
            "a******"
        );
    }

    #[test]
    fn merges_ranges() {
        let mut r = vec![5..9, 1..3, 2..4, 9..9, 8..12];
        normalize_ranges(&mut r);
        assert_eq!(r, vec![1..4, 5..12]);
    }
}
