//! The catalog statements: CREATE/DROP DATABASE, CREATE/DROP TABLE, USE, CREATE/DROP FILE.

use super::*;

/// A catalog statement (CREATE/DROP DATABASE, TABLE, FILE, USE) fails.
pub static DDL: RuleDef = RuleDef {
    code: r#"DDL"#,
    messages: &[
        r#"Can't create database '{db}'; database exists"#,
        r#"Can't drop database '{db}'; database doesn't exist"#,
        r#"Unknown database '{db}'"#,
        r#"Table '{table}' already exists"#,
        r#"Unknown table '{table}'"#,
        r#"Unknown catalog '{catalog}'"#,
        r#"Duplicate column name '{column}'"#,
        r#"The aggregation type of column '{column}' can only be set on an AGGREGATE KEY table"#,
        r#"Key column '{column}' does not exist"#,
        r#"Key columns should be a ordered prefix of the schema. {details}"#,
        r#"Random distribution for unique key table is unsupported"#,
        r#"Sequence column only support UNIQUE_KEYS"#,
        r#"The specified sequence column[{column}] not exists"#,
        r#"enable_unique_key_skip_bitmap_column property only support unique merge-on-write table"#,
        r#"File number exceeds limit: {n}"#,
        r#"File {name} already exist in db {db}"#,
        r#"File {name} does not exist"#,
        r#"the catalog is read-only"#,
    ],
    summary: r#"A catalog statement (CREATE/DROP DATABASE, TABLE, FILE, USE) fails."#,
    doc: r#"rlfe builds its catalog from Doris DDL: databases, tables (key model, columns, partitions, distribution, the properties routine load reads) and small files. These statements fail as Doris's do, with Doris's texts and MySQL error numbers where Doris's error table has the message (1007 database exists, 1008 database missing, 1049 unknown database, 1050 table exists, 1051 unknown table, 1060 duplicate column). Table-definition rules that Doris enforces with its own texts (key columns an ordered prefix, no RANDOM distribution for UNIQUE KEY, sequence and skip-bitmap columns on UNIQUE tables only) are checked too."#,
    mirrors: doris_src::CATALOG,
    trips: Example::new(r#"CREATE DATABASE demo;"#, r#"demo"#),
    passes: Example::new(r#"CREATE DATABASE IF NOT EXISTS demo;"#, r#""#),
    ..DORIS_ERROR
};

/// CREATE FILE without its url or catalog.
pub static FILE: RuleDef = RuleDef {
    code: r#"FILE"#,
    messages: &[r#"{property} is missing"#],
    summary: r#"CREATE FILE without its url or catalog."#,
    doc: r#"`CREATE FILE "<name>" [IN db] PROPERTIES ("url" = "…", "catalog" = "kafka")` registers a small file (a CA, a client certificate, a keytab) that FILE: references name. `url` and `catalog` are required; routine load looks files up in catalog `kafka`. rlfe records the file without fetching it."#,
    mirrors: doris_src::SMALL_FILES,
    trips: Example::new(
        r#"CREATE FILE "client.pem" PROPERTIES ("catalog" = "kafka");"#,
        r#"("catalog" = "kafka")"#,
    ),
    passes: Example::new(
        r#"CREATE FILE "client.pem" PROPERTIES ("url" = "https://example.com/client.pem", "catalog" = "kafka");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// The rules of this family, in order.
pub(super) static RULES: &[Rule] = &[&DDL, &FILE];
