//! Load expressions against Doris's function registry (EX rules), user-defined
//! functions in load, and what could not be checked.

use super::*;

const REGISTRY: &str = "fe/fe-core/src/main/java/org/apache/doris/catalog/FunctionRegistry.java";

/// A load expression calls a function Doris does not have.
pub static EX1: RuleDef = RuleDef {
    code: r#"EX1"#,
    messages: &[r#"Can not found function '{name}'"#],
    summary: r#"A load expression calls a function Doris does not have."#,
    doc: r#"Doris analyses the expressions of COLUMNS, WHERE, DELETE ON and PRECEDING FILTER when the job is created or altered, and resolves every call through its function registry: the built-in scalar functions (names compared lower-cased), then the user-defined functions of the job's database, then the GLOBAL ones. A name none of them has is refused, as written (`db.name` when qualified; a qualified name skips the built-ins). rlfe's built-in list is `BuiltinScalarFunctions` (names and aliases) with later releases' additions; user-defined functions come from CREATE FUNCTION statements in the session. On a catalog that does not list user-defined functions, a name that is no built-in is not checked (NO-FUNCTIONS)."#,
    mirrors: REGISTRY,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = concatt(k1, 'x')) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"concatt"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = concat(k1, 'x')) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A load expression calls a function with a wrong number of arguments.
pub static EX2: RuleDef = RuleDef {
    code: r#"EX2"#,
    messages: &[
        r#"Can not found function '{name}' which has {n} arity. Candidate functions are: [{hints}]"#,
    ],
    summary: r#"A load expression calls a function with a wrong number of arguments."#,
    doc: r#"A function Doris has, called with an argument count none of its signatures takes, is refused with the signatures it has (`name(Expression, …)`, `...` for a variadic one). rlfe knows the counts of the functions load mappings use most (read from the function classes' constructors and Doris's manual) and of every user-defined function; for the other built-ins only the name is checked. Doris's order of the candidate list is not pinned."#,
    mirrors: REGISTRY,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = replace(k1, 'a')) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"replace"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = replace(k1, 'a', 'b')) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..DORIS_ERROR
};

/// A load expression calls a Java UDF while Java UDFs are disabled.
pub static EX4: RuleDef = RuleDef {
    code: r#"EX4"#,
    messages: &[r#"java_udf has been disabled."#],
    summary: r#"A load expression calls a Java UDF while Java UDFs are disabled."#,
    doc: r#"With the FE config `enable_java_udf` false (it is true by default), Doris refuses every call of a Java user-defined function. rlfe reads the setting from `FeConfig::enable_java_udf`."#,
    mirrors: REGISTRY,
    trips: Example::with(
        r#"CREATE FUNCTION demo.my_udf(string) RETURNS string PROPERTIES ("file" = "file:///opt/udf.jar", "symbol" = "org.example.MyUdf", "type" = "JAVA_UDF");
CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = my_udf(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"my_udf"#,
        &[Setup::JavaUdfDisabled],
    ),
    passes: Example::with(
        r#"CREATE FUNCTION demo.my_udf(string) RETURNS string PROPERTIES ("file" = "file:///opt/udf.jar", "symbol" = "org.example.MyUdf", "type" = "JAVA_UDF");
CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = upper(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::JavaUdfDisabled],
    ),
    ..DORIS_ERROR
};

/// `KEY db.name` names an encrypt key that does not exist.
pub static EX6: RuleDef = RuleDef {
    code: r#"EX6"#,
    messages: &[r#"encrypt key {key} does not exist"#],
    summary: r#"KEY db.name names an encrypt key that does not exist."#,
    doc: r#"`aes_encrypt(col, KEY db.key)` reads the key created by `CREATE ENCRYPTKEY db.key AS "…"`. Doris does not check the key when the job is created (its folding text is `Can not found encryptKey<name>`); each task fails while the key is missing. A key without a database is the job's database's. Checked when the catalog knows the encrypt keys."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = aes_encrypt(k1, KEY demo.my_key)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"KEY"#,
    ),
    passes: Example::new(
        r#"CREATE ENCRYPTKEY demo.my_key AS "ABCD123456789";
CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = aes_encrypt(k1, KEY demo.my_key)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..LINT
};

/// A load expression calls an aggregate, window or table function.
pub static EX7: RuleDef = RuleDef {
    code: r#"EX7"#,
    messages: &[r#"{name} is not a scalar function"#],
    summary: r#"A load expression calls an aggregate, window or table function."#,
    doc: r#"Doris's registry finds aggregate, analytic and table-generating functions too, so the name passes the registry; but a load expression maps one source row to one table row, and Doris fails such a mapping when it plans a task (its exact behaviour at CREATE is not pinned)."#,
    trips: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = sum(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"sum"#,
    ),
    passes: Example::new(
        r#"CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = abs(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..LINT
};

/// A load expression calls a UDF while `enable_udf_in_load` is off.
pub static UDF_IN_LOAD: RuleDef = RuleDef {
    code: r#"UDF-IN-LOAD"#,
    messages: &[r#"{name} is a user-defined function, and enable_udf_in_load is off"#],
    summary: r#"A load expression calls a UDF while enable_udf_in_load is off."#,
    doc: r#"Doris accepts a user-defined function in a load expression at CREATE, but plans tasks with it only when the FE config `enable_udf_in_load` is true (its regression suites set it before loading with a UDF); otherwise every task fails. Set it with `--enable-udf-in-load`, `\set enable_udf_in_load on` or `FeConfig::enable_udf_in_load`."#,
    trips: Example::new(
        r#"CREATE GLOBAL FUNCTION java_udf_string(string) RETURNS string PROPERTIES ("file" = "file:///opt/udf.jar", "symbol" = "org.example.StringUdf", "type" = "JAVA_UDF");
CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = java_udf_string(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"java_udf_string"#,
    ),
    passes: Example::new(
        r#"CREATE GLOBAL FUNCTION java_udf_string(string) RETURNS string PROPERTIES ("file" = "file:///opt/udf.jar", "symbol" = "org.example.StringUdf", "type" = "JAVA_UDF");
CREATE ROUTINE LOAD j ON example_tbl COLUMNS(k1, k2, v1 = upper(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
    ),
    ..LINT
};

/// Calls of functions that are not built in were not checked.
pub static NO_FUNCTIONS: RuleDef = RuleDef {
    code: r#"NO-FUNCTIONS"#,
    messages: &[
        r#"not verified: user-defined functions are unknown (not checked: functions that are not built in)"#,
    ],
    summary: r#"Calls of functions that are not built in were not checked."#,
    doc: r#"Without a catalog that lists user-defined functions (no catalog at all, or a gateway's upstream), rlfe cannot tell whether a name that is no built-in function is a UDF, and says so rather than invent an error."#,
    trips: Example::with(
        r#"CREATE ROUTINE LOAD somedb.j ON t COLUMNS(k1, v1 = my_udf(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#"my_udf"#,
        &[Setup::NoCatalog],
    ),
    passes: Example::with(
        r#"CREATE ROUTINE LOAD somedb.j ON t COLUMNS(k1, v1 = upper(k1)) FROM KAFKA ("kafka_broker_list" = "k1:9092", "kafka_topic" = "t");"#,
        r#""#,
        &[Setup::NoCatalog],
    ),
    ..NOTE
};

pub(super) static RULES: &[Rule] = &[&EX1, &EX2, &EX4, &EX6, &EX7, &UDF_IN_LOAD, &NO_FUNCTIONS];
