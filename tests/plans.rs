//! The planner: the plan corpus snapshot-tested, task division against hand-computed
//! cases, labels, offsets, and Thrift golden bytes that decode back.

mod common;

use routine_load_fe::plan::thrift::{decode_tasks, encode_tasks, Protocol};
use routine_load_fe::plan::{Plan, StaticTopicMetadata, UniqueId};
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};
use std::collections::BTreeMap;

fn session() -> Session {
    let metadata =
        StaticTopicMetadata::parse_file(&common::read("tests/corpus/plans.metadata"), 100_000)
            .unwrap();
    Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    })
    .with_metadata(Box::new(metadata))
}

fn plans() -> Vec<Plan> {
    let mut s = session();
    let results = s.execute_sql(&common::read("tests/corpus/plans.sql"));
    results
        .into_iter()
        .filter(|r| r.kind == routine_load_fe::StatementKind::CreateRoutineLoad)
        .map(|r| {
            assert!(r.ok, "{}: {:?}", r.sql, r.first_error());
            *r.plan.expect("an accepted CREATE has a plan")
        })
        .collect()
}

#[test]
fn plan_corpus_snapshots() {
    let plans = plans();
    assert!(plans.len() >= 40, "only {} plans", plans.len());
    for p in &plans {
        let json = serde_json::to_string_pretty(&p.to_json(false)).unwrap();
        common::with_snapshots(|| insta::assert_snapshot!(format!("plan_{}", p.job.name), json));
    }
}

fn division(plans: &[Plan], job: &str) -> Vec<Vec<i32>> {
    let p = plans
        .iter()
        .find(|p| p.job.name == job)
        .unwrap_or_else(|| panic!("no plan {job}"));
    common::task_offsets(p)
        .into_iter()
        .map(|t| t.into_iter().map(|(p, _)| p).collect())
        .collect()
}

#[test]
fn task_division_matches_hand_computed_cases() {
    let plans = plans();
    // min(partitions, desired_concurrent_number, 256) tasks; task i takes positions i, i+n, …
    assert_eq!(division(&plans, "div_1_default"), vec![vec![0]]);
    assert_eq!(division(&plans, "div_2_1"), vec![vec![0, 1]]);
    assert_eq!(division(&plans, "div_3_3"), vec![vec![0], vec![1], vec![2]]);
    assert_eq!(division(&plans, "div_4_2"), vec![vec![0, 2], vec![1, 3]]);
    assert_eq!(
        division(&plans, "div_5_8"),
        vec![vec![0], vec![1], vec![2], vec![3], vec![4]]
    );
    assert_eq!(
        division(&plans, "div_7_3"),
        vec![vec![0, 3, 6], vec![1, 4], vec![2, 5]]
    );
    assert_eq!(
        division(&plans, "div_10_4"),
        vec![vec![0, 4, 8], vec![1, 5, 9], vec![2, 6], vec![3, 7]]
    );
    assert_eq!(
        division(&plans, "div_12_5"),
        vec![
            vec![0, 5, 10],
            vec![1, 6, 11],
            vec![2, 7],
            vec![3, 8],
            vec![4, 9]
        ]
    );
    assert_eq!(division(&plans, "meta_many_dcn5").len(), 5);
    assert_eq!(division(&plans, "meta_many_dcn5")[0], vec![0, 5, 10, 15]);
    assert_eq!(
        division(&plans, "meta_events"),
        vec![vec![0], vec![1], vec![2]]
    );
    // Q26: a repeated partition counts twice and may go to two tasks.
    assert_eq!(
        division(&plans, "off_repeated_partition"),
        vec![vec![0, 1], vec![0]]
    );
    // Without partition metadata: no tasks, and a note says why.
    let unknown = plans
        .iter()
        .find(|p| p.job.name == "meta_unknown_topic")
        .unwrap();
    assert!(unknown.tasks.is_empty());
    assert_eq!(unknown.notes[0].code(), "PLAN-PARTITIONS");
}

#[test]
fn the_fe_cap_limits_concurrency() {
    let mut s = session();
    s.options.config.max_routine_load_task_concurrent_num = 2;
    let r = s.execute_sql("CREATE ROUTINE LOAD p.capped ON t PROPERTIES (\"desired_concurrent_number\" = \"10\") FROM KAFKA (\"kafka_broker_list\" = \"k:9092\", \"kafka_topic\" = \"many\");").remove(0);
    let p = r.plan.unwrap();
    assert_eq!(p.tasks.len(), 2);
}

#[test]
fn offsets_labels_and_fields() {
    let plans = plans();
    let get = |job: &str| plans.iter().find(|p| p.job.name == job).unwrap();
    let offsets = |job: &str| -> BTreeMap<i32, i64> {
        common::task_offsets(get(job))
            .concat()
            .into_iter()
            .collect()
    };
    assert_eq!(
        offsets("off_numbers"),
        BTreeMap::from([(0, 0), (1, 100), (2, 999_999_999_999)])
    );
    assert_eq!(offsets("off_logical"), BTreeMap::from([(0, -2), (1, -1)]));
    // 2024-01-01 00:00:00 in Asia/Shanghai (the session default) and in UTC.
    assert_eq!(offsets("off_times_shanghai")[&0], 1_704_038_400_000);
    assert_eq!(offsets("off_times_utc")[&0], 1_704_067_200_000);
    assert!(get("off_times_utc").job.offsets_for_times);
    assert_eq!(offsets("off_default_time")[&1], 1_709_251_200_000);
    assert_eq!(offsets("off_default_beginning")[&2], -2);
    assert_eq!(offsets("meta_many_dcn5")[&15], -2);
    assert_eq!(offsets("off_default_end")[&0], -1);
    let t = &get("fmt_json").tasks[0];
    assert_eq!(t.format, Some(9));
    assert_eq!(get("fmt_csv_limits").tasks[0].format, Some(0));
    assert_eq!(get("fmt_csv_limits").tasks[0].max_interval_s, Some(10));
    assert_eq!(get("fmt_csv_limits").job.task_timeout_s, 100);
    assert_eq!(get("div_1_default").job.task_timeout_s, 600);
    let multi = &get("multi_csv").tasks[0];
    assert_eq!(
        (multi.is_multi_table, multi.tbl.as_deref()),
        (Some(true), None)
    );
    assert_eq!(t.load_source_type, 1);
    assert_eq!((t.txn_id, t.auth_code), (-1, 0));
    assert_eq!(t.memtable_on_sink_node, Some(true));
    assert_eq!(t.qualified_user.as_deref(), Some("root"));
    let (hi, lo) = t.id.hex();
    assert_eq!(
        t.label.as_deref(),
        Some(format!("fmt_json-{}-{hi}-{lo}--1", get("fmt_json").job.id).as_str())
    );
    // The converted properties: group.id defaulted to <job>_<uuid>, FE-only keys removed.
    let props = t
        .kafka_load_info
        .as_ref()
        .unwrap()
        .properties
        .as_ref()
        .unwrap();
    let g = &props["group.id"];
    assert!(
        g.starts_with("fmt_json_") && g.len() == "fmt_json_".len() + 36,
        "{g}"
    );
    assert!(!props.contains_key("kafka_default_offsets"));
    let given = get("group_given").tasks[0]
        .kafka_load_info
        .as_ref()
        .unwrap()
        .properties
        .clone()
        .unwrap();
    assert_eq!(given["group.id"], "my_group");
    // MSK IAM written the original design's way is planned as OAUTHBEARER + aws.*.
    let iam = get("auth_msk_iam_cross_account")
        .security
        .as_ref()
        .expect("a Kafka plan has a security summary")
        .auth
        .clone();
    assert!(matches!(
        iam,
        routine_load_fe::analyzer::AuthMode::MskIam { .. }
    ));
    let p = plans
        .iter()
        .find(|p| p.job.name == "auth_msk_iam_role")
        .unwrap();
    let props = p.tasks[0]
        .kafka_load_info
        .as_ref()
        .unwrap()
        .properties
        .as_ref()
        .unwrap();
    assert_eq!(props["sasl.mechanism"], "OAUTHBEARER");
    assert_eq!(props["aws.region"], "eu-west-1");
    // FILE: references stay references in the offline plan.
    let ssl = get("auth_ssl").tasks[0]
        .kafka_load_info
        .as_ref()
        .unwrap()
        .properties
        .clone()
        .unwrap();
    assert_eq!(ssl["ssl.ca.location"], "FILE:ca.pem");
}

#[test]
fn unique_id_hex_is_javas_long_to_hex_string() {
    let id = UniqueId { hi: -1, lo: 255 };
    assert_eq!(id.hex(), ("ffffffffffffffff".to_string(), "ff".to_string()));
}

#[test]
fn thrift_golden_bytes_and_round_trip() {
    let plans = plans();
    let small = plans.iter().find(|p| p.job.name == "div_2_1").unwrap();
    for (protocol, name) in [(Protocol::Binary, "binary"), (Protocol::Compact, "compact")] {
        let bytes = encode_tasks(&small.tasks, protocol).unwrap();
        let hex: String = bytes
            .chunks(32)
            .map(|c| c.iter().map(|b| format!("{b:02x}")).collect::<String>() + "\n")
            .collect();
        common::with_snapshots(|| insta::assert_snapshot!(format!("thrift_golden_{name}"), hex));
        assert_eq!(decode_tasks(&bytes, protocol).unwrap(), small.tasks);
        // Every plan of the corpus decodes back to the same tasks.
        let all: Vec<_> = plans.iter().flat_map(|p| p.tasks.clone()).collect();
        let bytes = encode_tasks(&all, protocol).unwrap();
        assert_eq!(decode_tasks(&bytes, protocol).unwrap(), all);
    }
}

/// The library's snapshot helper, as a team's own test suite would use it.
#[test]
fn statement_snapshots_through_the_library_helper() {
    use routine_load_fe::session::snapshot;
    let mut session = Session::new(SessionOptions {
        ids: Box::new(DeterministicIds::default()),
        ..SessionOptions::default()
    });
    session.load_demo().unwrap();
    let sql = common::read("tests/corpus/msk_examples.sql");
    let text = snapshot::of_script(&mut session, &sql);
    assert!(!text.contains("hunter") && text.contains("-- [0]"));
    common::with_snapshots(|| insta::assert_snapshot!("library_snapshot_msk_examples", text));
}
