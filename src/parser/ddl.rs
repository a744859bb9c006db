//! Builders for the catalog DDL.

use super::StatementParser;
use crate::ast::*;
use crate::diagnostics::rules::*;
use crate::diagnostics::Diagnostic;
use sqlparser::tokenizer::Token;

const PRIMITIVE_TYPES: &[&str] = &[
    "TINYINT",
    "SMALLINT",
    "INT",
    "INTEGER",
    "BIGINT",
    "LARGEINT",
    "BOOLEAN",
    "BOOL",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
    "DECIMALV2",
    "DECIMALV3",
    "DATE",
    "DATEV1",
    "DATEV2",
    "DATETIME",
    "DATETIMEV1",
    "DATETIMEV2",
    "TIME",
    "CHAR",
    "VARCHAR",
    "STRING",
    "TEXT",
    "JSON",
    "JSONB",
    "BITMAP",
    "HLL",
    "QUANTILE_STATE",
    "AGG_STATE",
    "IPV4",
    "IPV6",
    "VARIANT",
];

/// Deepest type nesting accepted (`ARRAY<ARRAY<…>>`).
const MAX_TYPE_DEPTH: usize = 32;

impl StatementParser<'_> {
    /// `[COMMENT '…']`
    pub(crate) fn parse_optional_comment(&mut self) -> Result<Option<StringLit>, Diagnostic> {
        if self.eat_kw("COMMENT").is_some() {
            Ok(Some(self.parse_string("a string after COMMENT")?))
        } else {
            Ok(None)
        }
    }

    /// `[PROPERTIES (…)]`
    pub(crate) fn parse_optional_properties(&mut self) -> Result<Option<PropertyList>, Diagnostic> {
        if self.eat_kw("PROPERTIES").is_some() {
            Ok(Some(self.parse_property_list(&"PROPERTIES")?))
        } else {
            Ok(None)
        }
    }

    fn parse_if_not_exists(&mut self) -> Result<bool, Diagnostic> {
        if self.eat_kw("IF").is_some() {
            self.expect_kw("NOT")?;
            self.expect_kw("EXISTS")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn parse_if_exists(&mut self) -> Result<bool, Diagnostic> {
        if self.eat_kw("IF").is_some() {
            self.expect_kw("EXISTS")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// After `CREATE DATABASE|SCHEMA`.
    pub(crate) fn parse_create_database(
        &mut self,
        start: Span,
    ) -> Result<CreateDatabase, Diagnostic> {
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_ident("a database name")?;
        let properties = self.parse_optional_properties()?;
        Ok(CreateDatabase {
            if_not_exists,
            name,
            properties,
            span: self.span_from(start),
        })
    }

    /// After `USE`.
    pub(crate) fn parse_use(&mut self, start: Span) -> Result<Use, Diagnostic> {
        let mut parts = self.parse_name_parts("a database name")?;
        if parts.len() > 2 {
            return Err(P0
                .error("expected [catalog.]database")
                .at(super::names_span(&parts)));
        }
        let database = parts
            .pop()
            .ok_or_else(|| self.expected("a database name"))?;
        Ok(Use {
            catalog: parts.pop(),
            database,
            span: self.span_from(start),
        })
    }

    pub(crate) fn parse_drop_database(&mut self, start: Span) -> Result<DropDatabase, Diagnostic> {
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_ident("a database name")?;
        let force = self.eat_kw("FORCE").is_some();
        Ok(DropDatabase {
            if_exists,
            name,
            force,
            span: self.span_from(start),
        })
    }

    pub(crate) fn parse_drop_table(&mut self, start: Span) -> Result<DropTable, Diagnostic> {
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_table_name()?;
        let force = self.eat_kw("FORCE").is_some();
        Ok(DropTable {
            if_exists,
            name,
            force,
            span: self.span_from(start),
        })
    }

    /// `'name' [IN|FROM db] PROPERTIES (…)`, shared by CREATE FILE and DROP FILE.
    fn parse_file_target(
        &mut self,
        help: &'static str,
    ) -> Result<(StringLit, Option<Ident>, PropertyList), Diagnostic> {
        let name = self.parse_string("a file name string")?;
        let database = self.parse_optional_from_db()?;
        if !self.peek_kw("PROPERTIES") {
            return Err(self.expected("PROPERTIES").with_help(help));
        }
        self.expect_kw("PROPERTIES")?;
        let properties = self.parse_property_list(&"PROPERTIES")?;
        Ok((name, database, properties))
    }

    pub(crate) fn parse_create_file(&mut self, start: Span) -> Result<CreateFile, Diagnostic> {
        let (name, database, properties) = self.parse_file_target(
            "CREATE FILE needs PROPERTIES (\"url\" = \"…\", \"catalog\" = \"kafka\")",
        )?;
        Ok(CreateFile {
            name,
            database,
            properties,
            span: self.span_from(start),
        })
    }

    pub(crate) fn parse_drop_file(&mut self, start: Span) -> Result<DropFile, Diagnostic> {
        let (name, database, properties) =
            self.parse_file_target("DROP FILE needs PROPERTIES (\"catalog\" = \"kafka\")")?;
        Ok(DropFile {
            name,
            database,
            properties,
            span: self.span_from(start),
        })
    }

    /// After `CREATE`: `[TEMPORARY | EXTERNAL] TABLE …`.
    pub(crate) fn parse_create_table(&mut self, start: Span) -> Result<CreateTable, Diagnostic> {
        let temporary = self.eat_kw("TEMPORARY").is_some();
        let external = !temporary && self.eat_kw("EXTERNAL").is_some();
        self.expect_kw("TABLE")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_table_name()?;
        self.expect_token(&Token::LParen, "'(' to open the column list")?;
        let mut columns = Vec::new();
        let mut indexes = Vec::new();
        loop {
            if self.peek_kw("INDEX") {
                indexes.push(self.parse_index_def()?);
            } else if !indexes.is_empty() {
                return Err(self
                    .expected("INDEX")
                    .with_help("columns come before the index definitions"));
            } else {
                columns.push(self.parse_column_def()?);
                self.check_list_len(columns.len(), "column")?;
            }
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' in the column list")?;
        let engine = if self.eat_kw("ENGINE").is_some() {
            if self.eat_token(&Token::Eq).is_none() && self.eat_token(&Token::DoubleEq).is_none() {
                return Err(self.expected("'=' after ENGINE"));
            }
            Some(self.parse_ident("an engine name")?)
        } else {
            None
        };
        let keys = self.parse_key_desc()?;
        let comment = self.parse_optional_comment()?;
        let partition = if self.peek_kw("PARTITION") || self.peek_kw("AUTO") {
            Some(self.parse_partition_desc()?)
        } else {
            None
        };
        let distribution = if self.peek_kw("DISTRIBUTED") {
            Some(self.parse_distribution()?)
        } else {
            None
        };
        let rollups = if self.eat_kw("ROLLUP").is_some() {
            self.parse_rollups()?
        } else {
            Vec::new()
        };
        let properties = self.parse_optional_properties()?;
        if !matches!(self.peek().token, Token::EOF) {
            return Err(self.expected("end of statement").with_help(
                "CREATE TABLE clauses come in this order: ENGINE, keys, COMMENT, PARTITION BY, DISTRIBUTED BY, ROLLUP, PROPERTIES",
            ));
        }
        Ok(CreateTable {
            temporary,
            external,
            if_not_exists,
            name,
            columns,
            indexes,
            engine,
            keys,
            comment,
            partition,
            distribution,
            rollups,
            properties,
            span: self.span_from(start),
        })
    }

    fn parse_column_def(&mut self) -> Result<ColumnDef, Diagnostic> {
        let start: Span = self.peek().span.into();
        let name = self.parse_ident("a column name")?;
        let data_type = self.parse_data_type(0)?;
        let key = self.eat_kw("KEY").is_some();
        let aggregation = self.parse_agg_type();
        let generated = if self.peek_kw("GENERATED") || self.peek_kw("AS") {
            if self.eat_kw("GENERATED").is_some() {
                self.expect_kw("ALWAYS")?;
            }
            self.expect_kw("AS")?;
            self.expect_token(&Token::LParen, "'(' after AS")?;
            let e = self.parse_expr("a generated-column expression")?;
            self.expect_token(&Token::RParen, "')' after the expression")?;
            Some(e)
        } else {
            None
        };
        let nullable = if self.eat_kw("NOT").is_some() {
            self.expect_kw("NULL")?;
            Some(false)
        } else if self.eat_kw("NULL").is_some() {
            Some(true)
        } else {
            None
        };
        let auto_increment = if self.eat_kw("AUTO_INCREMENT").is_some() {
            if self.eat_token(&Token::LParen).is_some() {
                let n = self.parse_signed_int("an AUTO_INCREMENT start value")?;
                self.expect_token(&Token::RParen, "')'")?;
                Some(Some(n))
            } else {
                Some(None)
            }
        } else {
            None
        };
        let default = if self.eat_kw("DEFAULT").is_some() {
            Some(self.parse_default_value()?)
        } else {
            None
        };
        let on_update = if self.eat_kw("ON").is_some() {
            self.expect_kw("UPDATE")?;
            self.expect_kw("CURRENT_TIMESTAMP")?;
            Some(self.parse_optional_precision()?)
        } else {
            None
        };
        let comment = self.parse_optional_comment()?;
        Ok(ColumnDef {
            name,
            data_type,
            key,
            aggregation,
            generated,
            nullable,
            auto_increment,
            default,
            on_update,
            comment,
            span: self.span_from(start),
        })
    }

    fn parse_agg_type(&mut self) -> Option<AggType> {
        let agg = AggType::ALL
            .into_iter()
            .find(|a| self.peek_kw(a.as_str()))?;
        self.p.advance_token();
        Some(agg)
    }

    fn parse_signed_int(&mut self, what: &str) -> Result<i64, Diagnostic> {
        let neg = self.eat_token(&Token::Minus).is_some();
        let tok = self.peek().clone();
        match &tok.token {
            Token::Number(n, _) => match n.parse::<i64>() {
                Ok(v) => {
                    self.p.advance_token();
                    Ok(if neg { -v } else { v })
                }
                Err(_) => Err(self.expected(what)),
            },
            _ => Err(self.expected(what)),
        }
    }

    fn parse_u32(&mut self, what: &str) -> Result<u32, Diagnostic> {
        let tok = self.peek().clone();
        match &tok.token {
            Token::Number(n, _) => match n.parse::<u32>() {
                Ok(v) => {
                    self.p.advance_token();
                    Ok(v)
                }
                Err(_) => Err(self.expected(what)),
            },
            _ => Err(self.expected(what)),
        }
    }

    fn parse_optional_precision(&mut self) -> Result<Option<u32>, Diagnostic> {
        if self.eat_token(&Token::LParen).is_some() {
            let n = self.parse_u32("a precision")?;
            self.expect_token(&Token::RParen, "')'")?;
            Ok(Some(n))
        } else {
            Ok(None)
        }
    }

    fn parse_default_value(&mut self) -> Result<DefaultValue, Diagnostic> {
        let tok = self.peek().clone();
        match &tok.token {
            Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => {
                self.p.advance_token();
                Ok(DefaultValue::String(s.clone()))
            }
            Token::Number(n, _) => {
                self.p.advance_token();
                Ok(DefaultValue::Number(n.clone()))
            }
            Token::Minus => {
                self.p.advance_token();
                match &self.peek().token {
                    Token::Number(n, _) => {
                        let v = format!("-{n}");
                        self.p.advance_token();
                        Ok(DefaultValue::Number(v))
                    }
                    _ => Err(self.expected("a number after '-'")),
                }
            }
            Token::Word(_) if self.eat_kw("NULL").is_some() => Ok(DefaultValue::Null),
            Token::Word(_) if self.eat_kw("CURRENT_TIMESTAMP").is_some() => Ok(
                DefaultValue::CurrentTimestamp(self.parse_optional_precision()?),
            ),
            Token::Word(w)
                if w.quote_style.is_none()
                    && ["PI", "E", "BITMAP_EMPTY", "CURRENT_DATE"]
                        .iter()
                        .any(|k| w.value.eq_ignore_ascii_case(k)) =>
            {
                let v = w.value.to_ascii_uppercase();
                self.p.advance_token();
                Ok(DefaultValue::Keyword(v))
            }
            _ => Err(self.expected("a default value")),
        }
    }

    /// Consumes a closing `>`, splitting a `>>` token in two.
    fn expect_gt(&mut self) -> Result<(), Diagnostic> {
        if self.pending_gt {
            self.pending_gt = false;
            return Ok(());
        }
        if self.eat_token(&Token::Gt).is_some() {
            return Ok(());
        }
        if self.eat_token(&Token::ShiftRight).is_some() {
            self.pending_gt = true;
            return Ok(());
        }
        Err(self.expected("'>'"))
    }

    fn parse_data_type(&mut self, depth: usize) -> Result<DataType, Diagnostic> {
        if depth > MAX_TYPE_DEPTH {
            return Err(LIMIT
                .error(format!(
                    "type nesting is deeper than {MAX_TYPE_DEPTH} levels"
                ))
                .at(self.peek().span.into()));
        }
        let tok = self.peek().clone();
        let Token::Word(w) = &tok.token else {
            return Err(self.expected("a data type"));
        };
        let upper = w.value.to_ascii_uppercase();
        match upper.as_str() {
            "ARRAY" => {
                self.p.advance_token();
                self.expect_token(&Token::Lt, "'<' after ARRAY")?;
                let inner = self.parse_data_type(depth + 1)?;
                self.expect_gt()?;
                Ok(DataType::Array(Box::new(inner)))
            }
            "MAP" => {
                self.p.advance_token();
                self.expect_token(&Token::Lt, "'<' after MAP")?;
                let k = self.parse_data_type(depth + 1)?;
                self.expect_token(&Token::Comma, "',' between the MAP key and value types")?;
                let v = self.parse_data_type(depth + 1)?;
                self.expect_gt()?;
                Ok(DataType::Map(Box::new(k), Box::new(v)))
            }
            "STRUCT" => {
                self.p.advance_token();
                self.expect_token(&Token::Lt, "'<' after STRUCT")?;
                let mut fields = Vec::new();
                loop {
                    let name = self.parse_ident("a STRUCT field name")?;
                    self.expect_token(&Token::Colon, "':' after the field name")?;
                    let data_type = self.parse_data_type(depth + 1)?;
                    let comment = self.parse_optional_comment()?;
                    fields.push(StructField {
                        name,
                        data_type,
                        comment,
                    });
                    if self.eat_token(&Token::Comma).is_none() {
                        break;
                    }
                }
                self.expect_gt()?;
                Ok(DataType::Struct(fields))
            }
            "VARIANT" => {
                self.p.advance_token();
                if self.eat_token(&Token::Lt).is_none() {
                    return Ok(DataType::Variant(None));
                }
                // The schema template is kept as text: tokens up to the matching '>'.
                let mut depth_angle = 1usize;
                let mut parts: Vec<String> = Vec::new();
                loop {
                    let t = self.peek().clone();
                    match &t.token {
                        Token::EOF => return Err(self.expected("'>' to close VARIANT<")),
                        Token::Lt => depth_angle += 1,
                        Token::Gt => depth_angle -= 1,
                        Token::ShiftRight => {
                            if depth_angle <= 2 {
                                self.p.advance_token();
                                if depth_angle == 2 {
                                    parts.push(">".into());
                                } else {
                                    self.pending_gt = true;
                                }
                                depth_angle = 0;
                            } else {
                                depth_angle -= 2;
                            }
                        }
                        _ => {}
                    }
                    if depth_angle == 0 {
                        if matches!(t.token, Token::Gt) {
                            self.p.advance_token();
                        }
                        break;
                    }
                    self.p.advance_token();
                    parts.push(match &t.token {
                        Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => {
                            quote_string(s)
                        }
                        other => other.to_string(),
                    });
                }
                Ok(DataType::Variant(Some(join_tokens(&parts))))
            }
            _ if PRIMITIVE_TYPES.contains(&upper.as_str()) => {
                self.p.advance_token();
                let mut params = Vec::new();
                if self.eat_token(&Token::LParen).is_some() {
                    loop {
                        let t = self.peek().clone();
                        match &t.token {
                            Token::Number(n, _) => params.push(n.clone()),
                            Token::Mul => params.push("*".into()),
                            _ => return Err(self.expected("a type parameter")),
                        }
                        self.p.advance_token();
                        if self.eat_token(&Token::Comma).is_none() {
                            break;
                        }
                    }
                    self.expect_token(&Token::RParen, "')' after the type parameters")?;
                }
                Ok(DataType::Primitive {
                    name: upper,
                    params,
                })
            }
            _ => Err(P0.error(format!("unknown data type '{}'", w.value),
            )
            .at(tok.span.into())
            .with_help(
                "Doris types: TINYINT, SMALLINT, INT, BIGINT, LARGEINT, BOOLEAN, FLOAT, DOUBLE, DECIMAL(p,s), DATE, DATETIME(n), CHAR(n), VARCHAR(n), STRING, JSON, VARIANT, BITMAP, HLL, QUANTILE_STATE, IPV4, IPV6, ARRAY<…>, MAP<…>, STRUCT<…>",
            )),
        }
    }

    fn parse_index_def(&mut self) -> Result<IndexDef, Diagnostic> {
        self.expect_kw("INDEX")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_ident("an index name")?;
        let columns = self.parse_ident_list("index column")?;
        let using = if self.eat_kw("USING").is_some() {
            let kind = ["BITMAP", "INVERTED", "NGRAM_BF", "ANN"]
                .into_iter()
                .find(|k| self.peek_kw(k))
                .ok_or_else(|| self.expected("BITMAP, INVERTED or NGRAM_BF"))?;
            self.p.advance_token();
            Some(kind.to_string())
        } else {
            None
        };
        let properties = self.parse_optional_properties()?;
        let comment = self.parse_optional_comment()?;
        Ok(IndexDef {
            if_not_exists,
            name,
            columns,
            using,
            properties,
            comment,
        })
    }

    fn parse_key_desc(&mut self) -> Result<Option<KeyDesc>, Diagnostic> {
        let start: Span = self.peek().span.into();
        let keys_type = if self.peek_kw("DUPLICATE") {
            KeysType::Duplicate
        } else if self.peek_kw("UNIQUE") {
            KeysType::Unique
        } else if self.peek_kw("AGGREGATE") {
            KeysType::Aggregate
        } else {
            return Ok(None);
        };
        self.p.advance_token();
        self.expect_kw("KEY")?;
        let columns = self.parse_ident_list("key column")?;
        let cluster_by = if self.eat_kw("CLUSTER").is_some() {
            self.expect_kw("BY")?;
            self.parse_ident_list("cluster column")?
        } else {
            Vec::new()
        };
        Ok(Some(KeyDesc {
            keys_type,
            columns,
            cluster_by,
            span: self.span_from(start),
        }))
    }

    fn parse_partition_desc(&mut self) -> Result<PartitionDesc, Diagnostic> {
        let start: Span = self.peek().span.into();
        let auto = self.eat_kw("AUTO").is_some();
        self.expect_kw("PARTITION")?;
        self.expect_kw("BY")?;
        let kind = if self.eat_kw("RANGE").is_some() {
            Some(PartitionKind::Range)
        } else if self.eat_kw("LIST").is_some() {
            Some(PartitionKind::List)
        } else {
            None
        };
        self.expect_token(&Token::LParen, "'(' before the partition columns")?;
        let mut exprs = Vec::new();
        loop {
            exprs.push(self.parse_expr("a partition column or function")?);
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' after the partition columns")?;
        self.expect_token(&Token::LParen, "'(' before the partition definitions")?;
        let mut partitions = Vec::new();
        if self.eat_token(&Token::RParen).is_none() {
            loop {
                partitions.push(self.parse_partition_def()?);
                self.check_list_len(partitions.len(), "partition")?;
                if self.eat_token(&Token::Comma).is_none() {
                    break;
                }
            }
            self.expect_token(&Token::RParen, "',' or ')' in the partition definitions")?;
        }
        Ok(PartitionDesc {
            auto,
            kind,
            exprs,
            partitions,
            span: self.span_from(start),
        })
    }

    fn parse_part_value(&mut self) -> Result<PartValue, Diagnostic> {
        let tok = self.peek().clone();
        let v = match &tok.token {
            Token::Number(n, _) => PartValue::Number(n.clone()),
            Token::Minus => {
                self.p.advance_token();
                match &self.peek().token {
                    Token::Number(n, _) => PartValue::Number(format!("-{n}")),
                    _ => return Err(self.expected("a number after '-'")),
                }
            }
            Token::SingleQuotedString(s) | Token::DoubleQuotedString(s) => {
                PartValue::String(s.clone())
            }
            _ if self.peek_kw("MAXVALUE") => PartValue::MaxValue,
            _ if self.peek_kw("NULL") => PartValue::Null,
            _ => return Err(self.expected("a partition value")),
        };
        self.p.advance_token();
        Ok(v)
    }

    fn parse_value_list(&mut self) -> Result<Vec<PartValue>, Diagnostic> {
        self.expect_token(&Token::LParen, "'(' before the partition values")?;
        let mut out = Vec::new();
        loop {
            out.push(self.parse_part_value()?);
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' in the partition values")?;
        Ok(out)
    }

    fn parse_partition_def(&mut self) -> Result<PartitionDef, Diagnostic> {
        let bound = if self.eat_kw("FROM").is_some() {
            let from = self.parse_value_list()?;
            self.expect_kw("TO")?;
            let to = self.parse_value_list()?;
            self.expect_kw("INTERVAL")?;
            let interval = match &self.peek().token {
                Token::Number(n, _) => n.clone(),
                _ => return Err(self.expected("an interval number")),
            };
            self.p.advance_token();
            let unit = [
                "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND",
            ]
            .into_iter()
            .find(|u| self.peek_kw(u))
            .map(|u| u.to_string());
            if unit.is_some() {
                self.p.advance_token();
            }
            PartitionBound::Step {
                from,
                to,
                interval,
                unit,
            }
        } else {
            self.expect_kw("PARTITION")?;
            let if_not_exists = self.parse_if_not_exists()?;
            let name = self.parse_ident("a partition name")?;
            if self.eat_kw("VALUES").is_some() {
                if self.eat_kw("LESS").is_some() {
                    self.expect_kw("THAN")?;
                    let values = if self.eat_kw("MAXVALUE").is_some() {
                        None
                    } else {
                        Some(self.parse_value_list()?)
                    };
                    PartitionBound::LessThan {
                        if_not_exists,
                        name,
                        values,
                    }
                } else if self.eat_token(&Token::LBracket).is_some() {
                    let lower = self.parse_value_list()?;
                    self.expect_token(&Token::Comma, "',' between the range bounds")?;
                    let upper = self.parse_value_list()?;
                    self.expect_token(&Token::RParen, "')' to close the range")?;
                    PartitionBound::FixedRange {
                        if_not_exists,
                        name,
                        lower,
                        upper,
                    }
                } else if self.eat_kw("IN").is_some() {
                    self.expect_token(&Token::LParen, "'(' after VALUES IN")?;
                    let mut lists = Vec::new();
                    if matches!(self.peek().token, Token::LParen) {
                        loop {
                            lists.push(self.parse_value_list()?);
                            if self.eat_token(&Token::Comma).is_none() {
                                break;
                            }
                        }
                    } else {
                        let mut single = Vec::new();
                        loop {
                            single.push(self.parse_part_value()?);
                            if self.eat_token(&Token::Comma).is_none() {
                                break;
                            }
                        }
                        // `IN (a, b)` lists single-column values: each is its own list.
                        lists.extend(single.into_iter().map(|v| vec![v]));
                    }
                    self.expect_token(&Token::RParen, "')' after the VALUES IN list")?;
                    PartitionBound::In {
                        if_not_exists,
                        name,
                        values: Some(lists),
                    }
                } else {
                    return Err(self.expected("LESS THAN, '[' or IN after VALUES"));
                }
            } else {
                PartitionBound::In {
                    if_not_exists,
                    name,
                    values: None,
                }
            }
        };
        let properties = if matches!(self.peek().token, Token::LParen) {
            Some(self.parse_property_list(&"partition properties")?)
        } else {
            None
        };
        Ok(PartitionDef { bound, properties })
    }

    fn parse_distribution(&mut self) -> Result<DistributionDesc, Diagnostic> {
        let start = self.expect_kw("DISTRIBUTED")?;
        self.expect_kw("BY")?;
        let kind = if self.eat_kw("HASH").is_some() {
            Distribution::Hash(self.parse_ident_list("distribution column")?)
        } else if self.eat_kw("RANDOM").is_some() {
            Distribution::Random
        } else {
            return Err(self.expected("HASH or RANDOM"));
        };
        let buckets = if self.eat_kw("BUCKETS").is_some() {
            if self.eat_kw("AUTO").is_some() {
                Some(Buckets::Auto)
            } else {
                Some(Buckets::Count(self.parse_u32("a bucket count or AUTO")?))
            }
        } else {
            None
        };
        Ok(DistributionDesc {
            kind,
            buckets,
            span: self.span_from(start),
        })
    }

    fn parse_rollups(&mut self) -> Result<Vec<RollupDef>, Diagnostic> {
        self.expect_token(&Token::LParen, "'(' after ROLLUP")?;
        let mut out = Vec::new();
        loop {
            let name = self.parse_ident("a rollup name")?;
            let columns = self.parse_ident_list("rollup column")?;
            let duplicate_keys = if self.eat_kw("DUPLICATE").is_some() {
                self.expect_kw("KEY")?;
                self.parse_ident_list("key column")?
            } else {
                Vec::new()
            };
            let properties = self.parse_optional_properties()?;
            out.push(RollupDef {
                name,
                columns,
                duplicate_keys,
                properties,
            });
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' in the ROLLUP list")?;
        Ok(out)
    }
}

/// Joins re-rendered tokens, without spaces around punctuation that reads better tight.
fn join_tokens(parts: &[String]) -> String {
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for (i, p) in parts.iter().enumerate() {
        let tight_before = matches!(p.as_str(), "," | ":" | ")" | ">" | "(");
        let prev_tight_after = matches!(prev, Some("(" | "<"));
        prev = Some(p.as_str());
        if i > 0 && !tight_before && !prev_tight_after {
            out.push(' ');
        }
        out.push_str(p);
        if p == "," || p == ":" {
            out.push(' ');
        }
    }
    out.replace("  ", " ")
}

impl StatementParser<'_> {
    /// A type as written, up to the next `,` or `)` outside brackets.
    fn parse_type_text(&mut self, what: &str) -> Result<String, Diagnostic> {
        let start = self.peek().span.into();
        let mut depth = 0usize;
        let mut any = false;
        loop {
            match &self.peek().token {
                Token::EOF => break,
                Token::Comma | Token::RParen if depth == 0 => break,
                Token::LParen | Token::Lt => depth += 1,
                Token::RParen | Token::Gt => depth = depth.saturating_sub(1),
                Token::ShiftRight => depth = depth.saturating_sub(2),
                _ => {}
            }
            self.advance();
            any = true;
        }
        if !any {
            return Err(self.expected(what));
        }
        let span = self.span_from(start);
        Ok(self.source_text(span).to_string())
    }

    /// `(type, …[, ...])` of a function signature.
    fn parse_signature(&mut self) -> Result<(Vec<String>, bool), Diagnostic> {
        self.expect_token(&Token::LParen, "'(' and the argument types")?;
        let mut types = Vec::new();
        let mut variadic = false;
        if self.eat_token(&Token::RParen).is_some() {
            return Ok((types, variadic));
        }
        loop {
            if self.eat_token(&Token::Period).is_some() {
                self.expect_token(&Token::Period, "'...'")?;
                self.expect_token(&Token::Period, "'...'")?;
                variadic = true;
                self.expect_token(&Token::RParen, "')' after '...'")?;
                return Ok((types, variadic));
            }
            types.push(self.parse_type_text("an argument type")?);
            self.check_list_len(types.len(), "argument types")?;
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' in the argument types")?;
        Ok((types, variadic))
    }

    /// After `CREATE`: `[GLOBAL] [AGGREGATE|TABLES|ALIAS] FUNCTION …`.
    pub(crate) fn parse_create_function(
        &mut self,
        start: Span,
    ) -> Result<CreateFunction, Diagnostic> {
        let global = self.eat_kw("GLOBAL").is_some();
        let kind = if self.eat_kw("AGGREGATE").is_some() {
            FunctionKind::Aggregate
        } else if self.eat_kw("TABLES").is_some() {
            FunctionKind::Tables
        } else if self.eat_kw("ALIAS").is_some() {
            FunctionKind::Alias
        } else {
            FunctionKind::Scalar
        };
        self.expect_kw("FUNCTION")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_job_name()?;
        let (arg_types, variadic) = self.parse_signature()?;
        let mut out = CreateFunction {
            global,
            kind,
            if_not_exists,
            name,
            arg_types,
            variadic,
            returns: String::new(),
            intermediate: None,
            alias: None,
            properties: None,
            span: start,
        };
        if kind == FunctionKind::Alias {
            self.expect_kw("WITH")?;
            self.expect_kw("PARAMETER")?;
            let params = self.parse_ident_list("the parameter names")?;
            self.expect_kw("AS")?;
            let expr = self.parse_expr("the alias's expression after AS")?;
            out.alias = Some((params, expr));
        } else {
            self.expect_kw("RETURNS")?;
            out.returns = self.parse_type_text("the return type after RETURNS")?;
            if self.eat_kw("INTERMEDIATE").is_some() {
                out.intermediate = Some(self.parse_type_text("the intermediate type")?);
            }
        }
        out.properties = self.parse_optional_properties()?;
        out.span = self.span_from(start);
        Ok(out)
    }

    /// After `DROP`: `[GLOBAL] FUNCTION [IF EXISTS] name(types)`.
    pub(crate) fn parse_drop_function(&mut self, start: Span) -> Result<DropFunction, Diagnostic> {
        let global = self.eat_kw("GLOBAL").is_some();
        self.expect_kw("FUNCTION")?;
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_job_name()?;
        let (arg_types, variadic) = self.parse_signature()?;
        Ok(DropFunction {
            global,
            if_exists,
            name,
            arg_types,
            variadic,
            span: self.span_from(start),
        })
    }

    /// After `CREATE ENCRYPTKEY`.
    pub(crate) fn parse_create_encrypt_key(
        &mut self,
        start: Span,
    ) -> Result<CreateEncryptKey, Diagnostic> {
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_job_name()?;
        self.expect_kw("AS")?;
        let key = self.parse_string("the key as a string after AS")?;
        Ok(CreateEncryptKey {
            if_not_exists,
            name,
            key,
            span: self.span_from(start),
        })
    }

    /// After `DROP ENCRYPTKEY`.
    pub(crate) fn parse_drop_encrypt_key(
        &mut self,
        start: Span,
    ) -> Result<DropEncryptKey, Diagnostic> {
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_job_name()?;
        Ok(DropEncryptKey {
            if_exists,
            name,
            span: self.span_from(start),
        })
    }
}
