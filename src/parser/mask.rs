//! Masking secret values in SQL text, from the tokens: the echo of a statement, the
//! source a diagnostic is drawn on, the REPL's history.

use crate::keys::secrets::{is_secret_key, MASK};

/// Byte ranges of secret values in SQL text: each value that follows a secret key in a
/// property list (`key = value`, or `key value` when the `=` is missing), quotes
/// included; and, when a statement breaks off (an unterminated string) right after a
/// secret key, the rest of that statement.
pub(crate) fn secret_value_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    use sqlparser::tokenizer::{Token, TokenWithSpan};
    let index = crate::text::LineIndex::new(text);
    let key_text = |t: &TokenWithSpan| match &t.token {
        Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => Some(s.clone()),
        Token::Word(word) => Some(word.value.clone()),
        _ => None,
    };
    let is_key = |t: &TokenWithSpan| key_text(t).is_some_and(|k| is_secret_key(&k));
    let is_value = |t: &TokenWithSpan| {
        matches!(
            t.token,
            Token::SingleQuotedString(_)
                | Token::DoubleQuotedString(_)
                | Token::Word(_)
                | Token::Number(..)
        )
    };
    let offset = |l: sqlparser::tokenizer::Location| index.offset(text, l.line, l.column);
    let mut out = Vec::new();
    for chunk in super::lexer::Splitter::new(text) {
        let (tokens, error) = super::lexer::tokenize_partial(&chunk);
        for (i, t) in tokens.iter().enumerate() {
            if !is_key(t) {
                continue;
            }
            let start = match (tokens.get(i + 1), tokens.get(i + 2)) {
                (Some(eq), Some(v))
                    if matches!(eq.token, Token::Eq | Token::DoubleEq) && is_value(v) =>
                {
                    i + 2
                }
                (Some(v), _) if is_value(v) => i + 1,
                _ => continue,
            };
            // The value runs to the next ',' or ')': one token in a valid list, more
            // when an unquoted value breaks into several.
            let end = tokens
                .iter()
                .skip(start)
                .take_while(|t| !matches!(t.token, Token::Comma | Token::RParen | Token::SemiColon))
                .last();
            if let (Some(first), Some(last)) = (tokens.get(start), end) {
                let (a, b) = (offset(first.span.start), offset(last.span.end));
                if a < b {
                    out.push(a..b);
                }
            }
        }
        // A broken token right after a secret key (and its '='): mask the rest.
        if let Some(err) = error.and_then(|e| e.span) {
            let n = tokens.len();
            let after_key = match (
                n.checked_sub(1).and_then(|i| tokens.get(i)),
                n.checked_sub(2).and_then(|i| tokens.get(i)),
            ) {
                (Some(last), _) if is_key(last) => true,
                (Some(last), Some(key)) => {
                    matches!(last.token, Token::Eq | Token::DoubleEq) && is_key(key)
                }
                _ => false,
            };
            if after_key {
                let a = index.offset(text, err.start.line, err.start.column);
                let b = chunk.offset + chunk.text.len();
                if a < b {
                    out.push(a..b);
                }
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// SQL text with every secret value replaced by the mask (quotes kept).
pub fn mask_sql(text: &str) -> String {
    mask_ranges(text, secret_value_ranges(text))
}

/// A script prepared for drawing diagnostics: lines indexed and secrets masked, once.
pub fn source(text: &str) -> crate::diagnostics::Source<'_> {
    let ranges = secret_value_ranges(text);
    if ranges.is_empty() {
        return crate::diagnostics::Source::plain(text);
    }
    let replaced = ranges
        .iter()
        .map(|r| {
            let quoted = matches!(
                text.get(r.clone()).and_then(|s| s.chars().next()),
                Some('\'' | '"')
            );
            (r.clone(), MASK.len() + if quoted { 2 } else { 0 })
        })
        .collect();
    crate::diagnostics::Source::masked(text, mask_ranges(text, ranges), replaced)
}

/// Text with the given byte ranges (secret values, quotes included) masked.
pub(crate) fn mask_ranges(text: &str, ranges: Vec<std::ops::Range<usize>>) -> String {
    if ranges.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(text.get(last..r.start).unwrap_or(""));
        let original = text.get(r.clone()).unwrap_or("");
        match original.chars().next() {
            Some(q @ ('\'' | '"')) => {
                out.push(q);
                out.push_str(MASK);
                out.push(q);
            }
            _ => out.push_str(MASK),
        }
        last = r.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// The text of a parsed statement with its secret values masked: from the AST's spans
/// when it parsed (no second tokenization), else by scanning the text.
pub fn statement_text(parsed: &super::ParsedStatement, script: &str) -> String {
    let text = parsed.sql(script);
    let Ok(stmt) = &parsed.result else {
        return mask_sql(text);
    };
    let spans: Vec<crate::text::Span> = stmt
        .property_lists()
        .into_iter()
        .flat_map(|l| l.entries.iter())
        .filter(|p| is_secret_key(p.key()))
        .map(|p| p.value.span)
        .collect();
    if spans.is_empty() {
        return text.to_string();
    }
    let index = crate::text::LineIndex::new(script);
    let base = parsed.range.start
        + script
            .get(parsed.range.clone())
            .map_or(0, |s| s.len() - s.trim_start().len());
    let ranges = spans
        .iter()
        .filter_map(|s| {
            let a = index
                .offset(script, s.start.line, s.start.column)
                .checked_sub(base)?;
            let b = index
                .offset(script, s.end.line, s.end.column)
                .checked_sub(base)?;
            (a < b && b <= text.len()).then_some(a..b)
        })
        .collect();
    mask_ranges(text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_secret_values_in_sql() {
        let sql = "CREATE ROUTINE LOAD j ON t FROM KAFKA (\"property.sasl.password\" = \"hunter2\", 'aws.secret_key' = 'abc', \"kafka_topic\" = \"t\")";
        let masked = mask_sql(sql);
        assert!(
            !masked.contains("hunter2") && !masked.contains("'abc'"),
            "{masked}"
        );
        assert!(masked.contains("\"property.sasl.password\" = \"******\""));
        assert!(masked.contains("'aws.secret_key' = '******'"));
        assert!(masked.contains("\"kafka_topic\" = \"t\""));
        let topic = sql.find("\"kafka_topic\"").unwrap();
        let src = source(sql);
        let mapped = src.masked_offset(topic);
        assert_eq!(&masked[mapped..mapped + 13], "\"kafka_topic\"");
    }
}
