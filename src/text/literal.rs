//! Doris's string-literal decoding.

/// Decodes the content of a quoted literal (quotes stripped) as Doris does: a
/// doubled quote is one quote; `\n \t \r \b \0 \Z` are control characters; `\%` and
/// `\_` keep their backslash; a backslash before any other character yields that
/// character; a trailing backslash is kept.
pub fn decode_string_literal(raw: &str, quote: char) -> String {
    if !raw.contains('\\') && !raw.contains(quote) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == quote && chars.peek() == Some(&quote) {
            chars.next();
            out.push(quote);
        } else if c == '\\' {
            match chars.next() {
                None => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('0') => out.push('\0'),
                Some('Z') => out.push('\u{1a}'),
                Some(c @ ('%' | '_')) => {
                    out.push('\\');
                    out.push(c);
                }
                Some(c) => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_doris() {
        assert_eq!(decode_string_literal(r"a\nb", '"'), "a\nb");
        assert_eq!(decode_string_literal(r"\%\_\x\\", '\''), r"\%\_x\");
        assert_eq!(decode_string_literal("it''s", '\''), "it's");
        assert_eq!(decode_string_literal(r"tail\", '"'), "tail\\");
    }
}
