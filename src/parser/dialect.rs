//! `DorisDialect`: Doris's MySQL-style lexical rules on sqlparser's tokenizer.

use sqlparser::ast::{BinaryOperator, Expr, Ident};
use sqlparser::dialect::{Dialect, MySqlDialect};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::Token;
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

    /// `KEY [db.]name`: an encrypt key, kept as the prefixed name (it prints back as
    /// written). A column called `key` (`key = 1`, `key IS NULL`) is not followed by a
    /// plain name, so it stays a column.
    fn parse_prefix(&self, parser: &mut Parser) -> Option<Result<Expr, ParserError>> {
        let is_key = matches!(&parser.peek_token_ref().token,
            Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("KEY"));
        let names_follow = matches!(&parser.peek_nth_token_ref(1).token,
            Token::Word(w) if w.quote_style.is_some() || w.keyword == Keyword::NoKeyword);
        if !(is_key && names_follow) {
            return None;
        }
        let key_span = parser.peek_token_ref().span;
        parser.advance_token();
        let first = match parser.parse_identifier() {
            Ok(i) => i,
            Err(e) => return Some(Err(e)),
        };
        let value = if parser.consume_token(&Token::Period) {
            match parser.parse_identifier() {
                Ok(second) => Expr::CompoundIdentifier(vec![first, second]),
                Err(e) => return Some(Err(e)),
            }
        } else {
            Expr::Identifier(first)
        };
        Some(Ok(Expr::Prefixed {
            prefix: Ident::with_span(key_span, "KEY"),
            value: Box::new(value),
        }))
    }
}
