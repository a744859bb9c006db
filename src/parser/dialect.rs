//! `DorisDialect`: Doris's MySQL-style lexical rules on sqlparser's tokenizer.

use sqlparser::ast::{BinaryOperator, Expr};
use sqlparser::dialect::{Dialect, MySqlDialect};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use std::any::TypeId;

/// Doris's lexical structure: backquoted identifiers, `'…'` and
/// `"…"` strings with backslash escapes, `--`, `#` and nested `/* */` comments,
/// case-insensitive keywords.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DorisDialect;

impl Dialect for DorisDialect {
    /// sqlparser gates some MySQL lexing (the `#` comment, `b'…'` strings) and MySQL
    /// statement forms on the dialect's type rather than on trait methods; Doris speaks
    /// MySQL there, so it answers as MySQL.
    fn dialect(&self) -> TypeId {
        TypeId::of::<MySqlDialect>()
    }

    fn is_identifier_start(&self, ch: char) -> bool {
        ch.is_ascii_alphabetic() || ch == '_' || ch == '$' || !ch.is_ascii()
    }

    fn is_identifier_part(&self, ch: char) -> bool {
        self.is_identifier_start(ch) || ch.is_ascii_digit()
    }

    fn is_delimited_identifier_start(&self, ch: char) -> bool {
        ch == '`'
    }

    fn identifier_quote_style(&self, _identifier: &str) -> Option<char> {
        Some('`')
    }

    fn supports_string_literal_backslash_escape(&self) -> bool {
        true
    }

    fn ignores_wildcard_escapes(&self) -> bool {
        true
    }

    /// `1abc` is an identifier.
    fn supports_numeric_prefix(&self) -> bool {
        true
    }

    /// `/* a /* b */ c */` is one comment.
    fn supports_nested_comments(&self) -> bool {
        true
    }

    /// Doris's `--` comment needs no following space, unlike MySQL's.
    fn requires_single_line_comment_whitespace(&self) -> bool {
        false
    }

    fn supports_boolean_literals(&self) -> bool {
        true
    }

    /// `a DIV b`.
    fn parse_infix(
        &self,
        parser: &mut Parser,
        expr: &Expr,
        precedence: u8,
    ) -> Option<Result<Expr, ParserError>> {
        if parser.parse_keyword(Keyword::DIV) {
            let right = match parser.parse_subexpr(precedence) {
                Ok(e) => e,
                Err(e) => return Some(Err(e)),
            };
            Some(Ok(Expr::BinaryOp {
                left: Box::new(expr.clone()),
                op: BinaryOperator::MyIntegerDivide,
                right: Box::new(right),
            }))
        } else {
            None
        }
    }
}
