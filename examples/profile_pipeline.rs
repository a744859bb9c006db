//! Runs the typical MSK IAM statement through parse + analyze + plan in a loop, for
//! profilers (`valgrind --tool=callgrind target/release/examples/profile_pipeline`).
use routine_load_fe::session::{DeterministicIds, Session, SessionOptions};

const MSK_IAM: &str = r#"CREATE ROUTINE LOAD load_user_events ON user_events
FROM KAFKA
(
    "kafka_broker_list" = "b-1.my-msk.us-east-1.amazonaws.com:9098",
    "kafka_topic" = "user_events",
    "property.group.id" = "doris_consumer",
    "property.security.protocol" = "SASL_SSL",
    "property.sasl.mechanism" = "AWS_MSK_IAM"
);"#;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let mut total = 0;
    for _ in 0..n {
        let mut s = Session::new(SessionOptions {
            ids: Box::new(DeterministicIds::default()),
            ..SessionOptions::default()
        });
        s.current_db = Some("demo".into());
        total += s.execute_sql(MSK_IAM).len();
    }
    println!("{total}");
}
