//! Builders for the routine-load statements.

use super::StatementParser;
use crate::ast::*;
use crate::diagnostics::Diagnostic;
use sqlparser::tokenizer::Token;

impl StatementParser<'_> {
    /// After `CREATE ROUTINE LOAD`.
    pub(crate) fn parse_create_routine_load(
        &mut self,
        start: Span,
    ) -> Result<CreateRoutineLoad, Diagnostic> {
        let name = self.parse_job_name()?;
        let table = if self.eat_kw("ON").is_some() {
            let table = self.parse_ident("a table name after ON")?;
            if matches!(self.peek().token, Token::Period) {
                // The target table is always in the job's database: `ON db.tbl` is a
                // syntax error in Doris.
                let real_table = match &self.peek_nth(1).token {
                    Token::Word(w) => w.value.clone(),
                    _ => "<table>".into(),
                };
                return Err(self
                    .expected("WITH, a load property, PROPERTIES or FROM")
                    .with_help(format!(
                        "the target table is always in the job's database: write CREATE ROUTINE LOAD {table}.{} ON {real_table}",
                        name.name
                    )));
            }
            Some(table)
        } else {
            None
        };
        let merge_type = self.parse_merge_type()?;
        let load_properties = self.parse_load_properties()?;
        let properties = self.parse_optional_properties()?;
        if !self.peek_kw("FROM") {
            let mut d = self.expected("FROM");
            d = d.with_help(match &self.peek().token {
                Token::EOF => "a routine load needs its data source: FROM KAFKA (\"kafka_broker_list\" = \"host:port\", \"kafka_topic\" = \"topic\")".to_string(),
                Token::Comma => "there is no comma between PROPERTIES (…) and FROM".to_string(),
                _ if self.peek_kw("COMMENT") => "COMMENT comes last, after FROM KAFKA (…)".to_string(),
                _ if self.peek_kw("WITH") => "WITH APPEND|DELETE|MERGE comes right after ON <table>".to_string(),
                _ if self.peek_kw("PROPERTIES") => "PROPERTIES is given once".to_string(),
                _ if self.peek_kw("LINES") => "routine load has no LINES TERMINATED BY clause".to_string(),
                _ => "clauses come in this order: ON, WITH, load properties, PROPERTIES, FROM, COMMENT".to_string(),
            });
            return Err(d);
        }
        let source = self.parse_data_source()?;
        let comment = self.parse_optional_comment()?;
        if self.peek_kw("PROPERTIES") {
            return Err(self
                .expected("end of statement")
                .with_help("PROPERTIES (…) must come before FROM"));
        }
        Ok(CreateRoutineLoad {
            name,
            table,
            merge_type,
            load_properties,
            properties,
            source,
            comment,
            span: self.span_from(start),
        })
    }

    fn parse_merge_type(&mut self) -> Result<Option<MergeTypeClause>, Diagnostic> {
        let Some(with) = self.eat_kw("WITH") else {
            return Ok(None);
        };
        let merge_type = if self.eat_kw("APPEND").is_some() {
            MergeType::Append
        } else if self.eat_kw("DELETE").is_some() {
            MergeType::Delete
        } else if self.eat_kw("MERGE").is_some() {
            MergeType::Merge
        } else {
            return Err(self.expected("APPEND, DELETE or MERGE after WITH"));
        };
        Ok(Some(MergeTypeClause {
            merge_type,
            span: self.span_from(with),
        }))
    }

    fn parse_data_source(&mut self) -> Result<DataSource, Diagnostic> {
        self.expect_kw("FROM")?;
        let source_type = self.parse_ident("a data source type after FROM (KAFKA)")?;
        if !matches!(self.peek().token, Token::LParen) {
            return Err(self.expected(&format!("'(' after FROM {source_type}")).with_help(
                "the data source takes a property list: FROM KAFKA (\"kafka_broker_list\" = \"…\", \"kafka_topic\" = \"…\")",
            ));
        }
        if matches!(self.peek_nth(1).token, Token::RParen) {
            self.p.advance_token();
            return Err(self.expected("a property").with_help(format!(
                "FROM {source_type} () is empty: a Kafka source needs at least \"kafka_broker_list\" and \"kafka_topic\""
            )));
        }
        let properties = self.parse_property_list(&format_args!("FROM {source_type}"))?;
        Ok(DataSource {
            source_type,
            properties,
        })
    }

    fn is_load_property_start(&self) -> bool {
        self.peek_kw("COLUMNS")
            || (self.peek_kw("PRECEDING") && self.peek_nth_kw(1, "FILTER"))
            || self.peek_kw("WHERE")
            || (self.peek_kw("DELETE") && self.peek_nth_kw(1, "ON"))
            || (self.peek_kw("ORDER") && self.peek_nth_kw(1, "BY"))
            || self.peek_kw("TEMPORARY")
            || self.peek_kw("PARTITION")
            || self.peek_kw("PARTITIONS")
    }

    /// `load_property { , load_property }`, in any order.
    pub(crate) fn parse_load_properties(&mut self) -> Result<Vec<LoadProperty>, Diagnostic> {
        let mut out = Vec::new();
        if !self.is_load_property_start() {
            return Ok(out);
        }
        loop {
            out.push(self.parse_load_property()?);
            if self.eat_token(&Token::Comma).is_some() {
                if self.is_load_property_start() {
                    continue;
                }
                let mut d = self.expected("a load property after ','");
                if self.peek_kw("PROPERTIES") || self.peek_kw("FROM") {
                    d = d.with_help(
                        "remove the comma: there is none between the last load property and PROPERTIES or FROM",
                    );
                }
                return Err(d);
            }
            if self.is_load_property_start() {
                return Err(self
                    .expected("',' between load properties")
                    .with_help("separate load properties with commas"));
            }
            return Ok(out);
        }
    }

    fn parse_load_property(&mut self) -> Result<LoadProperty, Diagnostic> {
        let start: Span = self.peek().span.into();
        if self.eat_kw("COLUMNS").is_some() {
            if self.eat_kw("TERMINATED").is_some() {
                self.expect_kw("BY")?;
                let tok = self.peek().clone();
                if !matches!(
                    tok.token,
                    Token::SingleQuotedString(_) | Token::DoubleQuotedString(_)
                ) {
                    return Err(self.expected("a string after COLUMNS TERMINATED BY"));
                }
                self.p.advance_token();
                // the separator literal is taken raw; L1 decodes it.
                let quoted = self.source_text(tok.span.into());
                let raw = quoted
                    .get(1..quoted.len().saturating_sub(1))
                    .unwrap_or("")
                    .to_string();
                return Ok(LoadProperty::ColumnSeparator {
                    raw,
                    span: self.span_from(start),
                });
            }
            let items = self.parse_column_items()?;
            return Ok(LoadProperty::Columns {
                items,
                span: self.span_from(start),
            });
        }
        if self.eat_kw("PRECEDING").is_some() {
            self.expect_kw("FILTER")?;
            let expr = self.parse_expr("an expression after PRECEDING FILTER")?;
            return Ok(LoadProperty::PrecedingFilter {
                expr,
                span: self.span_from(start),
            });
        }
        if self.eat_kw("WHERE").is_some() {
            let expr = self.parse_expr("an expression after WHERE")?;
            return Ok(LoadProperty::Where {
                expr,
                span: self.span_from(start),
            });
        }
        if self.eat_kw("DELETE").is_some() {
            self.expect_kw("ON")?;
            let expr = self.parse_expr("an expression after DELETE ON")?;
            return Ok(LoadProperty::DeleteOn {
                expr,
                span: self.span_from(start),
            });
        }
        if self.eat_kw("ORDER").is_some() {
            self.expect_kw("BY")?;
            let column = self.parse_ident("a column name after ORDER BY")?;
            return Ok(LoadProperty::OrderBy {
                column,
                span: self.span_from(start),
            });
        }
        let temporary = self.eat_kw("TEMPORARY").is_some();
        if self.eat_kw("PARTITION").is_none() && self.eat_kw("PARTITIONS").is_none() {
            return Err(self.expected("PARTITION after TEMPORARY"));
        }
        let names = if self.eat_token(&Token::LParen).is_some() {
            if !temporary && self.eat_token(&Token::Mul).is_some() {
                self.expect_token(&Token::RParen, "')' after PARTITION(*")?;
                PartitionNames::Star
            } else {
                let mut names = Vec::new();
                loop {
                    names.push(self.parse_ident("a partition name")?);
                    self.check_list_len(names.len(), "partition")?;
                    if self.eat_token(&Token::Comma).is_none() {
                        break;
                    }
                }
                self.expect_token(&Token::RParen, "',' or ')' in the partition list")?;
                PartitionNames::Names(names)
            }
        } else {
            PartitionNames::Names(vec![self.parse_ident("a partition name or '('")?])
        };
        Ok(LoadProperty::Partitions {
            temporary,
            names,
            span: self.span_from(start),
        })
    }

    /// `( item, … )` where item is `name [= expr]` or `( name [= expr] )`.
    fn parse_column_items(&mut self) -> Result<Vec<ColumnItem>, Diagnostic> {
        self.expect_token(&Token::LParen, "'(' or TERMINATED after COLUMNS")?;
        let mut items = Vec::new();
        loop {
            let parenthesized = self.eat_token(&Token::LParen).is_some();
            let name = self.parse_ident("a column name")?;
            let expr = if self.eat_token(&Token::Eq).is_some()
                || self.eat_token(&Token::DoubleEq).is_some()
            {
                Some(self.parse_expr(&format!("an expression for column {name}"))?)
            } else {
                None
            };
            if parenthesized {
                self.expect_token(&Token::RParen, "')' to close the column item")?;
            }
            items.push(ColumnItem { name, expr });
            self.check_list_len(items.len(), "COLUMNS")?;
            if self.eat_token(&Token::Comma).is_none() {
                break;
            }
        }
        self.expect_token(&Token::RParen, "',' or ')' in the COLUMNS list")?;
        Ok(items)
    }

    /// After `ALTER ROUTINE LOAD`.
    pub(crate) fn parse_alter_routine_load(
        &mut self,
        start: Span,
    ) -> Result<AlterRoutineLoad, Diagnostic> {
        self.expect_kw("FOR")?;
        let name = self.parse_job_name()?;
        let action = if let Some(on) = self.eat_kw("ON") {
            AlterAction::Table {
                on,
                table: self.parse_ident("a table name after ON")?,
            }
        } else if let Some(set) = self.eat_kw("SET") {
            self.expect_kw("TARGET")?;
            self.expect_kw("TABLE")?;
            if self.eat_token(&Token::Eq).is_none() && self.eat_token(&Token::DoubleEq).is_none() {
                return Err(self.expected("'=' after SET TARGET TABLE"));
            }
            if !matches!(
                self.peek().token,
                Token::SingleQuotedString(_) | Token::DoubleQuotedString(_)
            ) {
                let name = match &self.peek().token {
                    Token::Word(w) => w.value.clone(),
                    _ => "tbl".to_string(),
                };
                return Err(self
                    .expected("the table name as a string")
                    .with_help(format!(
                        "the target table is a string, not an identifier: write SET TARGET TABLE = \"{name}\""
                    )));
            }
            let table = self.parse_string("the table name as a string")?;
            let properties = self.parse_optional_properties()?;
            let source = if self.peek_kw("FROM") {
                Some(self.parse_data_source()?)
            } else {
                None
            };
            AlterAction::TargetTable {
                set,
                table,
                properties,
                source,
            }
        } else {
            if self.peek_kw("WITH") {
                return Err(self
                    .expected("a load property, PROPERTIES or FROM")
                    .with_help(
                        "the merge type cannot be altered: there is no WITH in ALTER ROUTINE LOAD",
                    ));
            }
            let load_properties = self.parse_load_properties()?;
            let properties = self.parse_optional_properties()?;
            let source = if self.peek_kw("FROM") {
                Some(self.parse_data_source()?)
            } else {
                None
            };
            AlterAction::Properties {
                load_properties,
                properties,
                source,
            }
        };
        Ok(AlterRoutineLoad {
            name,
            action,
            span: self.span_from(start),
        })
    }

    /// After `PAUSE` or `RESUME`: `ROUTINE LOAD FOR job` or `ALL ROUTINE LOAD`.
    pub(crate) fn parse_job_target(&mut self, verb: &str) -> Result<JobTarget, Diagnostic> {
        if let Some(all) = self.eat_kw("ALL") {
            self.expect_kw("ROUTINE")?;
            self.expect_kw("LOAD")?;
            return Ok(JobTarget::All {
                span: self.span_from(all),
            });
        }
        if !self.peek_kw("ROUTINE") {
            return Err(self.expected("ROUTINE or ALL"));
        }
        self.expect_kw("ROUTINE")?;
        self.expect_kw("LOAD")?;
        if !self.peek_kw("FOR") {
            return Err(self.expected("FOR").with_help(format!(
                "write {verb} ROUTINE LOAD FOR <job>, or {verb} ALL ROUTINE LOAD"
            )));
        }
        self.expect_kw("FOR")?;
        if self.peek_kw("ALL") {
            return Err(self
                .parse_ident("a job name")
                .err()
                .unwrap_or_else(|| self.expected("a job name"))
                .with_help(format!(
                    "to {} every job write {verb} ALL ROUTINE LOAD",
                    verb.to_ascii_lowercase()
                )));
        }
        Ok(JobTarget::Job(self.parse_job_name()?))
    }

    pub(crate) fn parse_stop(&mut self, start: Span) -> Result<StopRoutineLoad, Diagnostic> {
        if self.peek_kw("ALL") {
            return Err(self
                .expected("ROUTINE")
                .with_help("there is no STOP ALL ROUTINE LOAD: stop jobs one at a time"));
        }
        self.expect_kw("ROUTINE")?;
        self.expect_kw("LOAD")?;
        self.expect_kw("FOR")?;
        let name = self.parse_job_name()?;
        Ok(StopRoutineLoad {
            name,
            span: self.span_from(start),
        })
    }

    /// After `SHOW`: `[ALL] ROUTINE LOAD …`, `ROUTINE LOAD TASK …`, `[ALL] CREATE ROUTINE LOAD …`.
    pub(crate) fn parse_show_routine_load(&mut self, start: Span) -> Result<Statement, Diagnostic> {
        let all = self.eat_kw("ALL").is_some();
        if self.eat_kw("CREATE").is_some() {
            self.expect_kw("ROUTINE")?;
            self.expect_kw("LOAD")?;
            self.expect_kw("FOR")?;
            let name = self.parse_job_name()?;
            return Ok(Statement::ShowCreateRoutineLoad(ShowCreateRoutineLoad {
                all,
                name,
                span: self.span_from(start),
            }));
        }
        self.expect_kw("ROUTINE")?;
        self.expect_kw("LOAD")?;
        if !all && self.eat_kw("TASK").is_some() {
            if let Some(keyword) = self.eat_kw("FOR") {
                let name = self.parse_job_name()?;
                return Ok(Statement::ShowRoutineLoadTask(ShowRoutineLoadTask {
                    db: None,
                    filter: Some(TaskFilter::Job { keyword, name }),
                    span: self.span_from(start),
                }));
            }
            let db = self.parse_optional_from_db()?;
            let filter = if self.eat_kw("LIKE").is_some() {
                Some(TaskFilter::Like(self.parse_string("a pattern after LIKE")?))
            } else if self.eat_kw("WHERE").is_some() {
                Some(TaskFilter::Where(Box::new(
                    self.parse_expr("an expression after WHERE")?,
                )))
            } else {
                None
            };
            return Ok(Statement::ShowRoutineLoadTask(ShowRoutineLoadTask {
                db,
                filter,
                span: self.span_from(start),
            }));
        }
        let filter = if self.eat_kw("FOR").is_some() {
            Some(ShowFilter::Job(self.parse_job_name()?))
        } else if self.eat_kw("LIKE").is_some() {
            Some(ShowFilter::Like(self.parse_string("a pattern after LIKE")?))
        } else {
            None
        };
        let order_by = match self.eat_kw("ORDER") {
            Some(keyword) => {
                self.expect_kw("BY")?;
                let mut keys = Vec::new();
                loop {
                    let column = self.parse_ident("a SHOW ROUTINE LOAD column after ORDER BY")?;
                    let descending = if self.eat_kw("DESC").is_some() {
                        true
                    } else {
                        self.eat_kw("ASC");
                        false
                    };
                    keys.push(OrderKey { column, descending });
                    self.check_list_len(keys.len(), "ORDER BY columns")?;
                    if self.eat_token(&Token::Comma).is_none() {
                        break;
                    }
                }
                Some(ShowOrderBy { keyword, keys })
            }
            None => None,
        };
        let limit = match self.eat_kw("LIMIT") {
            Some(keyword) => {
                let first = self.parse_count("a row count after LIMIT")?;
                if self.eat_token(&Token::Comma).is_some() {
                    let count = self.parse_count("a row count after LIMIT offset,")?;
                    Some(ShowLimit {
                        keyword,
                        offset: Some(first),
                        offset_keyword: false,
                        count,
                    })
                } else if self.eat_kw("OFFSET").is_some() {
                    let offset = self.parse_count("a row offset after OFFSET")?;
                    Some(ShowLimit {
                        keyword,
                        offset: Some(offset),
                        offset_keyword: true,
                        count: first,
                    })
                } else {
                    Some(ShowLimit {
                        keyword,
                        offset: None,
                        offset_keyword: false,
                        count: first,
                    })
                }
            }
            None => None,
        };
        Ok(Statement::ShowRoutineLoad(ShowRoutineLoad {
            all,
            filter,
            order_by,
            limit,
            span: self.span_from(start),
        }))
    }

    /// A non-negative whole number (a LIMIT's count or offset).
    fn parse_count(&mut self, what: &str) -> Result<u64, Diagnostic> {
        match &self.peek().token {
            Token::Number(n, _) => match n.parse::<u64>() {
                Ok(v) => {
                    self.advance();
                    Ok(v)
                }
                Err(_) => Err(self.expected(what)),
            },
            _ => Err(self.expected(what)),
        }
    }
}
