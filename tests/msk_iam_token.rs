//! The MSK IAM token against the reference vectors (made with AWS's Python signer,
//! `aws-msk-iam-sasl-signer-python` 1.0.2, with its clock frozen): the canonical
//! request, the signature, Doris BE's URL and token, and the Python signer's.

use routine_load_fe::be::msk_iam::{self, AwsCredentials, SignerStyle};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/msk-iam/vectors.json"
    ))
    .expect("the vectors file");
    let v: Value = serde_json::from_str(&text).expect("vectors JSON");
    v["vectors"].as_array().expect("vectors").clone()
}

fn token_for(v: &Value, style: SignerStyle) -> msk_iam::MskIamToken {
    let i = &v["inputs"];
    let c = AwsCredentials::new(
        i["access_key_id"].as_str().unwrap(),
        i["secret_access_key"].as_str().unwrap(),
        i["session_token"].as_str(),
    );
    let at = chrono::DateTime::parse_from_rfc3339(i["signing_time"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    msk_iam::generate(
        &c,
        i["region"].as_str().unwrap(),
        at,
        i["expires_seconds"].as_u64().unwrap(),
        style,
    )
    .unwrap()
}

#[test]
fn every_vector_gives_doris_bes_token() {
    let vs = vectors();
    assert_eq!(vs.len(), 10);
    for v in &vs {
        let name = v["name"].as_str().unwrap();
        let t = token_for(v, SignerStyle::DorisBe);
        let inter = &v["intermediate"];
        assert_eq!(
            t.canonical_request.expose(),
            inter["canonical_request"].as_str().unwrap(),
            "{name}: canonical request"
        );
        assert_eq!(
            t.signature.expose(),
            inter["signature"].as_str().unwrap(),
            "{name}: signature"
        );
        assert_eq!(t.host, inter["host"].as_str().unwrap(), "{name}");
        let be = &v["doris_be"];
        assert_eq!(t.url.expose(), be["url"].as_str().unwrap(), "{name}: url");
        assert_eq!(
            t.token.expose(),
            be["token"].as_str().unwrap(),
            "{name}: token"
        );
        assert_eq!(
            t.lifetime_ms(),
            be["lifetime_ms"].as_i64().unwrap(),
            "{name}"
        );
        assert_eq!(
            t.expiry_ms(),
            be["expiry_ms_if_set_at_signing_second"].as_i64().unwrap(),
            "{name}"
        );
        assert_eq!(
            msk_iam::decode(t.token.expose()).as_deref(),
            Some(t.url.expose())
        );
    }
}

#[test]
fn every_vector_gives_the_python_signers_token() {
    for v in &vectors() {
        let name = v["name"].as_str().unwrap();
        let t = token_for(v, SignerStyle::Python);
        let py = &v["python_signer"];
        assert_eq!(t.url.expose(), py["url"].as_str().unwrap(), "{name}: url");
        assert_eq!(
            t.token.expose(),
            py["token"].as_str().unwrap(),
            "{name}: token"
        );
        assert_eq!(t.expiry_ms(), py["expiry_ms"].as_i64().unwrap(), "{name}");
    }
}

#[test]
fn no_rendering_of_a_token_shows_a_secret() {
    for v in &vectors() {
        let t = token_for(v, SignerStyle::DorisBe);
        let i = &v["inputs"];
        let secret = i["secret_access_key"].as_str().unwrap();
        let shown = [
            format!("{t:?}"),
            t.masked_url(),
            t.masked_canonical_request(),
            format!("{}", t.token),
        ];
        for s in &shown {
            assert!(!s.contains(secret));
            assert!(!s.contains(t.signature.expose()), "{s}");
            if let Some(st) = i["session_token"].as_str() {
                assert!(!s.contains(&msk_iam::uri_encode(st)), "{s}");
                assert!(!s.contains(st));
            }
            assert!(!s.contains(t.token.expose()));
        }
    }
}

fn rlfe(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rlfe"));
    cmd.args(args)
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("HOME", "/nonexistent-rlfe-home");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("rlfe runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn vector_env(v: &Value) -> Vec<(&'static str, String)> {
    let i = &v["inputs"];
    let mut env = vec![
        (
            "AWS_ACCESS_KEY_ID",
            i["access_key_id"].as_str().unwrap().to_string(),
        ),
        (
            "AWS_SECRET_ACCESS_KEY",
            i["secret_access_key"].as_str().unwrap().to_string(),
        ),
    ];
    if let Some(t) = i["session_token"].as_str() {
        env.push(("AWS_SESSION_TOKEN", t.to_string()));
    }
    env
}

#[test]
fn the_command_prints_every_vectors_token() {
    for v in &vectors() {
        let i = &v["inputs"];
        let env = vector_env(v);
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let base = [
            "msk-iam-token",
            "--region",
            i["region"].as_str().unwrap(),
            "--at",
            i["signing_time"].as_str().unwrap(),
        ];
        let mut args = base.to_vec();
        args.push("--reveal-secrets");
        let (out, err, code) = rlfe(&args, &env);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out.trim_end(), v["doris_be"]["token"].as_str().unwrap());
        args.extend(["--signer", "python"]);
        let (out, _, _) = rlfe(&args, &env);
        assert_eq!(
            out.trim_end(),
            v["python_signer"]["token"].as_str().unwrap()
        );
        // Masked: neither the token, the signature nor the session token appear.
        let mut masked = base.to_vec();
        masked.push("--decode");
        let (out, err, code) = rlfe(&masked, &env);
        assert_eq!(code, 0);
        let all = out + &err;
        assert!(!all.contains(v["doris_be"]["token"].as_str().unwrap()));
        assert!(!all.contains(v["intermediate"]["signature"].as_str().unwrap()));
        assert!(!all.contains(i["secret_access_key"].as_str().unwrap()));
        if let Some(t) = i["session_token"].as_str() {
            assert!(!all.contains(t) && !all.contains(&msk_iam::uri_encode(t)));
        }
        assert!(all.contains("X-Amz-Signature = ******"), "{all}");
    }
}

#[test]
fn a_jobs_settings_give_the_region_and_the_keys() {
    let v = vectors()
        .into_iter()
        .find(|v| v["name"] == "eu-west-1-basic")
        .unwrap();
    let dir = std::env::temp_dir().join(format!("rlfe-msk-job-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("job.sql");
    std::fs::write(
        &script,
        r#"CREATE ROUTINE LOAD demo.msk ON example_tbl
COLUMNS TERMINATED BY ","
FROM KAFKA (
  "kafka_broker_list" = "b-1.c.kafka.eu-west-1.amazonaws.com:9098",
  "kafka_topic" = "t",
  "property.security.protocol" = "SASL_SSL",
  "property.sasl.mechanism" = "OAUTHBEARER",
  "aws.region" = "eu-west-1",
  "aws.access_key" = "AKID",
  "aws.secret_key" = "SECRET"
);
CREATE ROUTINE LOAD demo.nocreds ON example_tbl
COLUMNS TERMINATED BY ","
FROM KAFKA (
  "kafka_broker_list" = "b-1.c.kafka.eu-west-1.amazonaws.com:9098",
  "kafka_topic" = "t",
  "property.security.protocol" = "SASL_SSL",
  "property.sasl.mechanism" = "OAUTHBEARER",
  "aws.region" = "eu-west-1"
);
"#
        .replace("AKID", v["inputs"]["access_key_id"].as_str().unwrap())
        .replace("SECRET", v["inputs"]["secret_access_key"].as_str().unwrap()),
    )
    .unwrap();
    let path = script.to_str().unwrap();
    let (out, err, code) = rlfe(
        &[
            "msk-iam-token",
            "--demo",
            "--job",
            "msk",
            path,
            "--at",
            v["inputs"]["signing_time"].as_str().unwrap(),
            "--reveal-secrets",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim_end(), v["doris_be"]["token"].as_str().unwrap());
    assert!(
        err.contains("aws.access_key and aws.secret_key (Access Key ID: AKID****)"),
        "{err}"
    );
    let (_, err, code) = rlfe(&["msk-iam-token", "--demo", "--job", "nocreds", path], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no MSK IAM token callback"), "{err}");
    let (_, err, code) = rlfe(&["msk-iam-token", "--demo", "--job", "other", path], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("its jobs: demo.msk, demo.nocreds"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn without_credentials_the_command_says_where_it_looked() {
    let (out, err, code) = rlfe(&["msk-iam-token", "--region", "us-east-1"], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no AWS credentials found"), "{err}");
    assert!(err.contains("profile 'default'"), "{err}");
}

/// A local STS that answers one AssumeRole per connection: temporary credentials
/// when the request is signed with `base_key` for `sts` and names the role and
/// external id, else STS's AccessDenied.
fn local_sts(base_key: &'static str) -> (u16, std::sync::mpsc::Receiver<String>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for conn in listener.incoming().take(4) {
            let Ok(mut conn) = conn else { continue };
            conn.set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .ok();
            let mut req = Vec::new();
            let mut buf = [0u8; 4096];
            // Headers, then the body its Content-Length gives.
            loop {
                let n = conn.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                req.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&req).to_string();
                if let Some(head_end) = text.find("\r\n\r\n") {
                    let len = text[..head_end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if req.len() >= head_end + 4 + len {
                        break;
                    }
                }
            }
            let text = String::from_utf8_lossy(&req).to_string();
            let signed = text.contains(&format!("Credential={base_key}/"))
                && text.contains("/sts/aws4_request");
            let names = text
                .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fmsk-reader")
                && text.contains("ExternalId=ext-42")
                && text.contains("Action=AssumeRole");
            let (status, body) = if signed && names {
                ("200 OK", "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIATEMPORARY0001</AccessKeyId><SecretAccessKey>temporary/secret+key</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE+token/==</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>")
            } else {
                ("403 Forbidden", "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>")
            };
            let _ = tx.send(text);
            let _ = write!(conn, "HTTP/1.1 {status}\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
    (port, rx)
}

#[test]
fn a_role_job_signs_with_the_credentials_sts_gives() {
    let (port, requests) = local_sts("AKIDBASE");
    let dir = std::env::temp_dir().join(format!("rlfe-msk-role-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("role.sql");
    let job = |name: &str, external: &str| {
        format!(
            r#"CREATE ROUTINE LOAD demo.{name} ON example_tbl COLUMNS TERMINATED BY "," FROM KAFKA ("kafka_broker_list" = "b-1.c.kafka.us-east-1.amazonaws.com:9098", "kafka_topic" = "t", "property.security.protocol" = "SASL_SSL", "property.sasl.mechanism" = "OAUTHBEARER", "aws.region" = "us-east-1", "aws.role_arn" = "arn:aws:iam::111122223333:role/msk-reader", "aws.external_id" = "{external}", "aws.access_key" = "AKIDBASE", "aws.secret_key" = "base-secret");"#
        )
    };
    std::fs::write(
        &script,
        format!("{}\n{}\n", job("role", "ext-42"), job("wrong", "ext-0")),
    )
    .unwrap();
    let sts = format!("http://127.0.0.1:{port}/");
    let path = script.to_str().unwrap();
    let (out, err, code) = rlfe(
        &[
            "msk-iam-token",
            "--demo",
            "--job",
            "role",
            path,
            "--decode",
            "--reveal-secrets",
        ],
        &[("AWS_ENDPOINT_URL_STS", sts.as_str())],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("X-Amz-Credential = ASIATEMPORARY0001/"),
        "{out}"
    );
    assert!(
        out.contains("X-Amz-Security-Token = FwoGZXIvYXdzEXAMPLE+token/=="),
        "{out}"
    );
    assert!(
        err.contains("STS AssumeRole of arn:aws:iam::111122223333:role/msk-reader"),
        "{err}"
    );
    let req = requests
        .recv_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    assert!(req.starts_with("POST / HTTP/1.1"), "{req}");
    // Masked: the temporary secret and token never show.
    let (out, err, _) = rlfe(
        &["msk-iam-token", "--demo", "--job", "role", path, "--decode"],
        &[("AWS_ENDPOINT_URL_STS", sts.as_str())],
    );
    assert!(!(out.clone() + &err).contains("EXAMPLE+token"), "{out}");
    // STS refuses the wrong external id: its code and message.
    let (_, err, code) = rlfe(
        &["msk-iam-token", "--demo", "--job", "wrong", path],
        &[("AWS_ENDPOINT_URL_STS", sts.as_str())],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("STS refused AssumeRole of arn:aws:iam::111122223333:role/msk-reader: AccessDenied: User is not authorized to perform: sts:AssumeRole"),
        "{err}"
    );
    assert!(!err.contains("base-secret"));
    std::fs::remove_dir_all(dir).ok();
}
