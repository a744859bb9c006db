//! Masking secret values in SQL text: the source a diagnostic is drawn on, the echo of
//! a statement, the REPL's history. Parsed statements know their secret values from
//! the AST ([`super::ParsedStatement::secrets`]); text that may not parse is scanned
//! leniently ([`crate::keys::masking`]).

pub use crate::keys::masking::{mask_sql, secret_ranges};

/// A script prepared for drawing diagnostics without statements parsed: lines indexed
/// and secret values found by the lenient scan, once. Sessions that parse the script
/// build the [`Source`](crate::diagnostics::Source) from each statement's secrets
/// instead.
pub fn source(text: &str) -> crate::diagnostics::Source<'_> {
    crate::diagnostics::Source::with_secrets(text, secret_ranges(text))
}

/// The text of a parsed statement with its secret values masked.
pub fn statement_text(parsed: &super::ParsedStatement, script: &str) -> String {
    parsed.masked_sql(script)
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
        // The parser finds the same values from the AST.
        let parsed = crate::parser::parse_script(sql, &Default::default());
        assert_eq!(parsed[0].masked_sql(sql), masked);
    }
}
