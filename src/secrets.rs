//! Which property keys hold secrets, and how they are masked.
//!
//! One classification serves every stage and every rendering (Display, Debug, JSON,
//! SHOW, diagnostics, the REPL), so they cannot disagree. The set is Doris's own
//! (audit-log masking) plus every librdkafka, Java and AWS secret and their aliases
//! (kafka-security.md §8.1), applied everywhere Doris does not (Q23).

/// The mask that replaces a secret value, whole.
pub const MASK: &str = "******";

/// Doris's general sensitive keys, compared ignoring case (doris-routine-load.md §7).
const DORIS_SENSITIVE: &[&str] = &[
    "password",
    "kerberos_keytab_content",
    "bos_secret_accesskey",
    "jdbc.password",
    "elasticsearch.password",
    "ai.api_key",
    "s3.access_key",
    "aws_access_key",
    "access_key",
    "glue.access_key",
    "aws.glue.access-key",
    "client.credentials-provider.glue.access_key",
    "iceberg.rest.access-key-id",
    "s3.access-key-id",
    "s3.secret_key",
    "aws_secret_key",
    "secret_key",
    "glue.secret_key",
    "aws.glue.secret-key",
    "client.credentials-provider.glue.secret_key",
    "iceberg.rest.secret-access-key",
    "s3.secret-access-key",
    "gs.access_key",
    "gs.secret_key",
    "azure.account_name",
    "azure.access_key",
    "azure.account_key",
    "azure.secret_key",
    "azure.oauth2_client_secret",
    "oss.access_key",
    "oss.secret_key",
    "oss.session_token",
    "dlf.access_key",
    "dlf.catalog.accesskeyid",
    "dlf.secret_key",
    "dlf.catalog.secret_key",
    "dlf.catalog.accesskeysecret",
    "dlf.session_token",
    "dlf.catalog.sessiontoken",
    "dlf.catalog.securitytoken",
    "fs.oss.accesskeyid",
    "fs.oss.accesskeysecret",
    "fs.oss.securitytoken",
    "s3.session_token",
    "s3.session-token",
    "session_token",
    "aws_token",
    "oss.hdfs.access_key",
    "oss.hdfs.secret_key",
    "cos.access_key",
    "cos.secret_key",
    "obs.access_key",
    "obs.secret_key",
    "minio.access_key",
    "minio.secret_key",
    "minio.session_token",
    "iceberg.rest.oauth2.token",
    "iceberg.rest.oauth2.credential",
    "iceberg.rest.session-token",
    "mc.secret_key",
];

/// Client-level secrets (after `property.` is stripped): librdkafka, Java and AWS keys
/// with their aliases (kafka-security.md §8.1).
const CLIENT_SECRETS: &[&str] = &[
    "sasl.password",
    "ssl.key.password",
    "ssl.keystore.password",
    "ssl.key.pem",
    "ssl_key",
    "sasl.oauthbearer.config",
    "sasl.oauthbearer.client.secret",
    "sasl.oauthbearer.client.credentials.client.secret",
    "sasl.oauthbearer.assertion.private.key.passphrase",
    "sasl.oauthbearer.assertion.private.key.pem",
    "sasl.jaas.config",
    "ssl.truststore.password",
    "aws.access_key",
    "aws.secret_key",
    "aws.session_key",
    "aws.session_token",
    "aws.session.token",
    "aws.access.key",
    "aws.secret.key",
    "aws.credentials.access_key_id",
    "aws.credentials.secret_access_key",
    "aws.credentials.session_token",
    "kafka_sasl_password",
];

/// Last segments (split on `.` and `_`) that mark a secret.
const SECRET_SEGMENTS: &[&str] = &["password", "passwd", "passphrase", "secret", "token"];

/// Endings that mark a secret.
const SECRET_SUFFIXES: &[&str] = &[
    "secret_key",
    "secret.key",
    "access_key",
    "access.key",
    "session_key",
];

/// True when the value of `key` (as written, with or without `property.`) is a secret.
pub fn is_secret_key(key: &str) -> bool {
    let lower: std::borrow::Cow<'_, str> = if key.bytes().any(|b| b.is_ascii_uppercase()) {
        key.to_ascii_lowercase().into()
    } else {
        key.into()
    };
    let lower: &str = &lower;
    let client = lower.strip_prefix("property.").unwrap_or(lower);
    // One hashed set for both lists (no client secret starts with `property.`).
    static EXACT: std::sync::OnceLock<crate::hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    let exact = EXACT.get_or_init(|| {
        DORIS_SENSITIVE
            .iter()
            .chain(CLIENT_SECRETS)
            .copied()
            .collect()
    });
    if exact.contains(lower) || exact.contains(client) {
        return true;
    }
    if client == "aws.credentials_provider" || client.ends_with(".location") {
        return false;
    }
    let last = client.rsplit(['.', '_']).next().unwrap_or(client);
    if SECRET_SEGMENTS.contains(&last) || SECRET_SUFFIXES.iter().any(|s| client.ends_with(s)) {
        return true;
    }
    // Only an unknown key can be a misspelt secret key.
    let known = crate::analyzer::security::librdkafka::lookup(client).is_some()
        || crate::analyzer::kafka::KafkaKey::parse(client).is_some()
        || crate::analyzer::job_properties::JobKey::parse(client).is_some()
        || crate::analyzer::security::CANONICAL_AWS_KEYS.contains(&client);
    !known && is_near_secret(client)
}

/// A key one or two edits away from a secret key (`sasl.pasword`): its value is masked
/// too, since it was meant to be a secret.
fn is_near_secret(client: &str) -> bool {
    const NEAR: &[&str] = &[
        "sasl.password",
        "ssl.key.password",
        "ssl.keystore.password",
        "aws.secret_key",
        "aws.access_key",
        "sasl.jaas.config",
    ];
    client.len() > 6
        && NEAR
            .iter()
            .any(|s| crate::text::within_distance(client, s, 2))
}

/// The value as it may be shown: the mask for a secret key, else the value.
pub fn display_value<'a>(key: &str, value: &'a str) -> &'a str {
    if is_secret_key(key) {
        MASK
    } else {
        value
    }
}

/// Replaces every occurrence of each secret in `text` with the mask. Used on echoed
/// statement text, where secrets sit inside the SQL the user wrote.
pub fn scrub<'a>(text: &str, secrets: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = text.to_string();
    let mut secrets: Vec<&str> = secrets.into_iter().filter(|s| !s.is_empty()).collect();
    // Longest first, so a secret containing another is replaced whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in secrets {
        if out.contains(s) {
            out = out.replace(s, MASK);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_secret_keys() {
        for k in [
            "property.sasl.password",
            "aws.secret_key",
            "property.aws.secret_key",
            "aws.access_key",
            "AWS.SECRET_KEY",
            "property.sasl.jaas.config",
            "property.ssl.key.password",
            "aws.secret.key",
            "aws.credentials.secret_access_key",
            "property.sasl.pasword",
            "property.sasl.oauthbearer.client.secret",
            "password",
            "property.my.api.token",
        ] {
            assert!(is_secret_key(k), "{k} should be secret");
        }
        for k in [
            "kafka_broker_list",
            "property.sasl.username",
            "aws.region",
            "aws.role_arn",
            "aws.credentials_provider",
            "property.ssl.key.location",
            "property.group.id",
            "property.security.protocol",
        ] {
            assert!(!is_secret_key(k), "{k} should not be secret");
        }
    }

    #[test]
    fn scrub_replaces_longest_first() {
        assert_eq!(scrub("a=abc b=ab", ["ab", "abc"]), "a=****** b=******");
    }
}

/// Byte ranges of secret values in SQL text: each value that follows a secret key in a
/// property list (`key = value`, or `key value` when the `=` is missing), quotes
/// included; and, when a statement breaks off (an unterminated string) right after a
/// secret key, the rest of that statement.
pub fn secret_value_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
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
    for chunk in crate::parser::lexer::Splitter::new(text) {
        let (tokens, error) = crate::parser::lexer::tokenize_partial(&chunk);
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

/// Text with the given byte ranges (secret values, quotes included) masked.
pub fn mask_ranges(text: &str, ranges: Vec<std::ops::Range<usize>>) -> String {
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

/// Maps a byte offset of the original text to the masked text of [`mask_sql`].
pub fn masked_offset(text: &str, offset: usize) -> usize {
    let mut shift: isize = 0;
    for r in secret_value_ranges(text) {
        if offset < r.end {
            if offset > r.start {
                return (r.start as isize + shift) as usize;
            }
            break;
        }
        let quoted = matches!(
            text.get(r.clone()).and_then(|s| s.chars().next()),
            Some('\'' | '"')
        );
        let new_len = MASK.len() + if quoted { 2 } else { 0 };
        shift += new_len as isize - (r.end - r.start) as isize;
    }
    (offset as isize + shift).max(0) as usize
}

#[cfg(test)]
mod mask_tests {
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
        let mapped = masked_offset(sql, topic);
        assert_eq!(&masked[mapped..mapped + 13], "\"kafka_topic\"");
    }
}
