//! Property test: generated statements render to canonical SQL that parses back to an
//! equal AST, and rendering is a fixed point.

use proptest::prelude::*;
use routine_load_fe::ast::{quote_string, write_name};
use routine_load_fe::parse_statement;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9_]{0,10}",
        "[A-Za-z][A-Za-z0-9_-]{0,8}",
        Just("order".to_string()),
        Just("comment".to_string()),
        "[a-z ]{1,6}",
        "[a-z`.]{1,6}",
    ]
}

fn ident() -> impl Strategy<Value = String> {
    name().prop_map(|n| {
        let mut s = String::new();
        write_name(&mut s, &n).unwrap();
        s
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,16}",
        "[a-z\\\\\"'\n\t%_]{0,10}",
        Just("OFFSET_BEGINNING".to_string()),
        Just("2024-01-01 00:00:00".to_string()),
    ]
}

fn property() -> impl Strategy<Value = String> {
    (any_text(), any_text(), 0..4u8).prop_map(|(k, v, form)| match form {
        0 => format!("{} = {}", quote_string(&k), quote_string(&v)),
        1 => format!(
            "'{}' == '{}'",
            k.replace('\\', "\\\\").replace('\'', "''"),
            v.replace('\\', "\\\\").replace('\'', "''")
        ),
        2 => format!("{} = {}", quote_string(&k), "42"),
        _ => format!("{} = -{}", quote_string(&k), "0.5"),
    })
}

fn property_list() -> impl Strategy<Value = String> {
    prop::collection::vec(property(), 1..6).prop_map(|v| format!("({})", v.join(", ")))
}

fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        ident(),
        (0..1000i64).prop_map(|n| n.to_string()),
        "[a-z%]{0,6}".prop_map(|s| format!("'{s}'")),
        Just("NULL".to_string()),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                inner.clone(),
                prop_oneof![
                    Just("+"),
                    Just("*"),
                    Just(">"),
                    Just("="),
                    Just("AND"),
                    Just("OR"),
                    Just("<>")
                ]
            )
                .prop_map(|(a, b, op)| format!("({a} {op} {b})")),
            inner.clone().prop_map(|a| format!("NOT ({a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("concat({a}, {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a} BETWEEN {b} AND {c})")),
            inner.clone().prop_map(|a| format!("({a} IS NOT NULL)")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("({a} IN ({b}, 1))")),
        ]
    })
}

fn load_property() -> impl Strategy<Value = String> {
    prop_oneof![
        "[,|;a-z]{1,3}".prop_map(|s| format!("COLUMNS TERMINATED BY \"{s}\"")),
        Just(r#"COLUMNS TERMINATED BY "\x01""#.to_string()),
        prop::collection::vec((ident(), prop::option::of(expr())), 1..5).prop_map(|items| {
            let items: Vec<String> = items
                .into_iter()
                .map(|(n, e)| match e {
                    Some(e) => format!("{n} = {e}"),
                    None => n,
                })
                .collect();
            format!("COLUMNS({})", items.join(", "))
        }),
        expr().prop_map(|e| format!("WHERE {e}")),
        expr().prop_map(|e| format!("PRECEDING FILTER {e}")),
        expr().prop_map(|e| format!("DELETE ON {e}")),
        ident().prop_map(|c| format!("ORDER BY {c}")),
        (any::<bool>(), prop::collection::vec(ident(), 1..4)).prop_map(|(t, names)| format!(
            "{}PARTITION({})",
            if t { "TEMPORARY " } else { "" },
            names.join(", ")
        )),
    ]
}

fn create() -> impl Strategy<Value = String> {
    (
        prop::option::of(ident()),
        ident(),
        prop::option::of(ident()),
        prop::option::of(prop_oneof![Just("APPEND"), Just("DELETE"), Just("MERGE")]),
        prop::collection::vec(load_property(), 0..4),
        prop::option::of(property_list()),
        property_list(),
        prop::option::of(any_text()),
    )
        .prop_map(|(db, job, table, merge, lps, props, source, comment)| {
            let mut s = String::from("CREATE ROUTINE LOAD ");
            if let Some(db) = db {
                s.push_str(&format!("{db}."));
            }
            s.push_str(&job);
            if let Some(t) = table {
                s.push_str(&format!(" ON {t}"));
            }
            if let Some(m) = merge {
                s.push_str(&format!(" WITH {m}"));
            }
            if !lps.is_empty() {
                s.push(' ');
                s.push_str(&lps.join(", "));
            }
            if let Some(p) = props {
                s.push_str(&format!(" PROPERTIES {p}"));
            }
            s.push_str(&format!(" FROM KAFKA {source}"));
            if let Some(c) = comment {
                s.push_str(&format!(" COMMENT {}", quote_string(&c)));
            }
            s
        })
}

fn other_statement() -> impl Strategy<Value = String> {
    prop_oneof![
        (ident(), prop::option::of(property_list())).prop_map(|(j, p)| match p {
            Some(p) => format!("ALTER ROUTINE LOAD FOR {j} PROPERTIES {p}"),
            None => format!("ALTER ROUTINE LOAD FOR {j} ON {j}"),
        }),
        (prop_oneof![Just("PAUSE"), Just("RESUME")], prop::option::of(ident()))
            .prop_map(|(v, j)| match j {
                Some(j) => format!("{v} ROUTINE LOAD FOR {j}"),
                None => format!("{v} ALL ROUTINE LOAD"),
            }),
        ident().prop_map(|j| format!("STOP ROUTINE LOAD FOR {j}")),
        (any::<bool>(), prop::option::of(ident())).prop_map(|(all, j)| {
            let all = if all { "ALL " } else { "" };
            match j {
                Some(j) => format!("SHOW {all}ROUTINE LOAD FOR {j}"),
                None => format!("SHOW {all}ROUTINE LOAD"),
            }
        }),
        (ident(), any_text()).prop_map(|(db, j)| format!("SHOW ROUTINE LOAD TASK FROM {db} WHERE JobName = {}", quote_string(&j))),
        (ident(), ident()).prop_map(|(t, c)| format!(
            "CREATE TABLE {t} ({c} BIGINT NOT NULL, v ARRAY<MAP<STRING, INT>>, w DECIMAL(10, 2) DEFAULT \"1\") UNIQUE KEY({c}) DISTRIBUTED BY HASH({c}) BUCKETS 3"
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn generated_statements_round_trip(sql in prop_oneof![create(), other_statement()]) {
        let stmt = parse_statement(&sql)
            .map_err(|e| TestCaseError::fail(format!("generated SQL does not parse: {} at {:?}\n{sql}", e.message, e.span)))?;
        let rendered = format!("{stmt:#}");
        let again = parse_statement(&rendered)
            .map_err(|e| TestCaseError::fail(format!("rendered SQL does not parse: {}\n{rendered}", e.message)))?;
        prop_assert_eq!(&stmt, &again, "round trip changed the AST:\n{}\n{}", sql, rendered);
        prop_assert_eq!(rendered, format!("{again:#}"));
    }
}
