//! The security rule catalogue (KAFKA-xx, MSK-xx, SEC-xx) and the acceptance cases of
//! the security acceptance cases: asserted and snapshot-tested with the rendered diagnostics.

mod common;

use common::fixture_session;
use routine_load_fe::analyzer::render::canonical_create_sql;
use routine_load_fe::analyzer::Profile;

#[test]
fn every_security_rule_trips_and_passes() {
    common::run_case_corpus("tests/corpus/security.sql", 100, "security", |name| {
        fixture_session(|o| {
            if name.contains("doris-profile") {
                o.profile = Profile::Doris;
            }
        })
    });
}

/// The normalised statement (SHOW CREATE, `canonical_create_sql`) is what Doris 4.1
/// accepts: it runs without error in the Doris profile.
#[test]
fn normalised_sql_is_accepted_by_the_doris_profile() {
    let cases = common::cases(&common::read("tests/corpus/security.sql"));
    let mut checked = 0;
    for (header, sql) in cases {
        if header.contains("doris-profile") {
            continue;
        }
        let mut s = fixture_session(|_| {});
        let results = s.execute_sql(&sql);
        if !results.last().is_some_and(|r| r.ok) {
            continue;
        }
        for e in s.jobs.iter() {
            let canonical = canonical_create_sql(&e.job, true);
            let mut doris = fixture_session(|o| o.profile = Profile::Doris);
            let again = doris.execute_sql(&canonical);
            let r = again.last().unwrap();
            assert!(
                r.ok,
                "{header}: Doris profile rejects the normalised SQL: {:?}\n{canonical}",
                r.first_error().map(|d| (d.code(), &d.message))
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 40,
        "only {checked} normalised statements checked"
    );
}
