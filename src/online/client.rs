//! A librdkafka 1.9.2 consumer handle configured as Doris BE configures its own
//! (`KafkaDataConsumer::init`), used only for metadata and offset lookups: it never
//! subscribes, assigns, consumes or commits, and is destroyed without a consumer
//! close. librdkafka's own reasons (its error and log callbacks) are collected.

use crate::be::embedded::{cstring, new_handle};
use crate::be::msk_iam::{self, AwsCredentials, SignerStyle};
use rdkafka_sys as rd;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::sync::Mutex;
use std::time::Duration;

/// What librdkafka said while the handle lived.
#[derive(Debug, Default)]
pub struct Collected {
    /// Error callback reasons, in order, with librdkafka's error name.
    pub errors: Vec<(String, String)>,
    /// Log lines at warning level or worse (`FACILITY: text`).
    pub logs: Vec<String>,
    /// What the MSK IAM token callback did.
    pub iam: Vec<String>,
}

/// MSK IAM: what the token callback signs with.
#[derive(Debug, Clone)]
pub struct IamSigning {
    /// The credentials.
    pub credentials: AwsCredentials,
    /// `aws.region`.
    pub region: String,
    /// The token's validity (Doris BE: 900 s); librdkafka asks for a new token at
    /// 80 % of it.
    pub expires_seconds: u64,
}

/// The state the callbacks reach through librdkafka's opaque pointer.
struct Shared {
    collected: Mutex<Collected>,
    iam: Option<IamSigning>,
}

/// A metadata answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMetadata {
    /// The brokers the cluster advertises: id, host, port.
    pub brokers: Vec<(i32, String, i32)>,
    /// The broker that answered.
    pub answered_by: String,
    /// The topic's error, librdkafka's name and text.
    pub topic_error: Option<(String, String)>,
    /// The partition ids, in metadata order.
    pub partitions: Vec<i32>,
}

/// A librdkafka failure: its error name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `_TRANSPORT`, `_TIMED_OUT`, `UNKNOWN_TOPIC_OR_PART`, …
    pub name: String,
    /// librdkafka's text.
    pub text: String,
}

fn err_parts(err: rd::rd_kafka_resp_err_t) -> Failure {
    // SAFETY: both return static NUL-terminated strings for any code.
    unsafe {
        Failure {
            name: CStr::from_ptr(rd::rd_kafka_err2name(err))
                .to_string_lossy()
                .into_owned(),
            text: CStr::from_ptr(rd::rd_kafka_err2str(err))
                .to_string_lossy()
                .into_owned(),
        }
    }
}

/// librdkafka's name of an error code given as a number (the error callback's).
fn err_name(code: c_int) -> String {
    let mut descs: *const rd::rd_kafka_err_desc = std::ptr::null();
    let mut cnt: usize = 0;
    // SAFETY: librdkafka hands out its static table of error descriptions.
    unsafe {
        rd::rd_kafka_get_err_descs(&mut descs, &mut cnt);
        for i in 0..cnt {
            let d = &*descs.add(i);
            if d.code as c_int == code && !d.name.is_null() {
                return CStr::from_ptr(d.name).to_string_lossy().into_owned();
            }
        }
    }
    format!("error {code}")
}

fn millis(d: Duration) -> c_int {
    c_int::try_from(d.as_millis()).unwrap_or(c_int::MAX).max(1)
}

/// A consumer handle.
pub struct Connection {
    rk: *mut rd::rd_kafka_t,
    shared: *const Shared,
}

// SAFETY: librdkafka handles are thread-safe; the shared state is behind a mutex.
unsafe impl Send for Connection {}

impl Drop for Connection {
    fn drop(&mut self) {
        // SAFETY: `rk` came from rd_kafka_new and is destroyed once, without the
        // consumer close (nothing was joined or assigned); librdkafka's threads are
        // gone when it returns, so the shared state can be freed.
        unsafe {
            rd::rd_kafka_destroy_flags(self.rk, rd::RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE as c_int);
            drop(Box::from_raw(self.shared.cast_mut()));
        }
    }
}

unsafe extern "C" fn on_error(
    _rk: *mut rd::rd_kafka_t,
    err: c_int,
    reason: *const c_char,
    opaque: *mut c_void,
) {
    if opaque.is_null() {
        return;
    }
    // SAFETY: the opaque is the Shared the handle was made with, alive until destroy.
    let shared = &*(opaque as *const Shared);
    let name = err_name(err);
    let text = if reason.is_null() {
        String::new()
    } else {
        CStr::from_ptr(reason).to_string_lossy().into_owned()
    };
    if let Ok(mut c) = shared.collected.lock() {
        if c.errors.len() < 64 && !c.errors.iter().any(|(_, t)| *t == text) {
            c.errors.push((name, text));
        }
    }
}

unsafe extern "C" fn on_log(
    rk: *const rd::rd_kafka_t,
    level: c_int,
    fac: *const c_char,
    buf: *const c_char,
) {
    if level > 4 || rk.is_null() {
        return;
    }
    // SAFETY: the handle's opaque is the Shared it was made with.
    let opaque = rd::rd_kafka_opaque(rk);
    if opaque.is_null() {
        return;
    }
    let shared = &*(opaque as *const Shared);
    let fac = CStr::from_ptr(fac).to_string_lossy();
    let text = CStr::from_ptr(buf).to_string_lossy();
    if let Ok(mut c) = shared.collected.lock() {
        let line = format!("{fac}: {text}");
        if c.logs.len() < 64 && !c.logs.contains(&line) {
            c.logs.push(line);
        }
    }
}

/// Signs and sets a token, as the BE's `refresh_now` does.
unsafe fn set_token(rk: *mut rd::rd_kafka_t, shared: &Shared) {
    let Some(iam) = &shared.iam else { return };
    let now = chrono::Utc::now();
    let note = match msk_iam::generate(
        &iam.credentials,
        &iam.region,
        now,
        iam.expires_seconds,
        SignerStyle::DorisBe,
    ) {
        Ok(token) => {
            let value = cstring(token.token.expose());
            let principal = cstring(msk_iam::DORIS_PRINCIPAL);
            let mut err = [0 as c_char; 512];
            let expiry = chrono::Utc::now().timestamp_millis() + token.lifetime_ms();
            let res = rd::rd_kafka_oauthbearer_set_token(
                rk,
                value.as_ptr(),
                expiry,
                principal.as_ptr(),
                std::ptr::null_mut(),
                0,
                err.as_mut_ptr(),
                err.len(),
            );
            if res == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                format!(
                    "token set for region {} ({}), lifetime {} ms",
                    iam.region,
                    iam.credentials.masked_key_id(),
                    token.lifetime_ms()
                )
            } else {
                let detail = CStr::from_ptr(err.as_ptr()).to_string_lossy().into_owned();
                format!(
                    "Failed to set OAuth token: {}, detail: {detail}",
                    err_parts(res).text
                )
            }
        }
        Err(e) => {
            let text = cstring(&e.to_string());
            rd::rd_kafka_oauthbearer_set_token_failure(rk, text.as_ptr());
            format!("no token: {e}")
        }
    };
    if let Ok(mut c) = shared.collected.lock() {
        c.iam.push(note);
    }
}

unsafe extern "C" fn on_token_refresh(
    rk: *mut rd::rd_kafka_t,
    _config: *const c_char,
    opaque: *mut c_void,
) {
    if opaque.is_null() {
        return;
    }
    // SAFETY: the opaque is the Shared the handle was made with.
    set_token(rk, &*(opaque as *const Shared));
}

/// Why the handle could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// `rd_kafka_conf_set` refused a property (the BE pauses the job with it).
    Set {
        /// The key.
        key: String,
        /// librdkafka's text.
        text: String,
    },
    /// `rd_kafka_new` failed.
    Create(String),
}

impl Connection {
    /// A consumer configured with `settings` in order (the BE's own, then the job's;
    /// unknown keys and "not supported" refusals ignored as the BE ignores them), the
    /// MSK IAM token callback when `iam` is given.
    pub fn open(settings: &[(String, String)], iam: Option<IamSigning>) -> Result<Self, OpenError> {
        // SAFETY: a fresh configuration, owned here until rd_kafka_new takes it.
        let conf = unsafe { rd::rd_kafka_conf_new() };
        for (k, v) in settings {
            let key = cstring(k);
            let value = cstring(v);
            let mut err = [0 as c_char; 512];
            // SAFETY: live configuration, strings outlive the call, buffer sized.
            let res = unsafe {
                rd::rd_kafka_conf_set(
                    conf,
                    key.as_ptr(),
                    value.as_ptr(),
                    err.as_mut_ptr(),
                    err.len(),
                )
            };
            // SAFETY: librdkafka wrote a NUL-terminated text on failure.
            let text = unsafe { CStr::from_ptr(err.as_ptr()) }
                .to_string_lossy()
                .into_owned();
            match res {
                rd::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK
                | rd::rd_kafka_conf_res_t::RD_KAFKA_CONF_UNKNOWN => {}
                _ if text.contains("not supported") => {}
                _ => {
                    // SAFETY: not handed to rd_kafka_new: destroyed here.
                    unsafe { rd::rd_kafka_conf_destroy(conf) };
                    return Err(OpenError::Set {
                        key: k.clone(),
                        text,
                    });
                }
            }
        }
        let with_iam = iam.is_some();
        let shared = Box::into_raw(Box::new(Shared {
            collected: Mutex::new(Collected::default()),
            iam,
        }));
        // SAFETY: callbacks are plain functions; the opaque outlives the handle (freed
        // in Drop after rd_kafka_destroy). On failure the configuration is still ours.
        let rk = unsafe {
            rd::rd_kafka_conf_set_opaque(conf, shared.cast());
            rd::rd_kafka_conf_set_error_cb(conf, Some(on_error));
            rd::rd_kafka_conf_set_log_cb(conf, Some(on_log));
            if with_iam {
                rd::rd_kafka_conf_enable_sasl_queue(conf, 1);
                rd::rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, Some(on_token_refresh));
            }
            let rk = new_handle(rd::rd_kafka_type_t::RD_KAFKA_CONSUMER, conf);
            if rk.is_err() {
                drop(Box::from_raw(shared));
            }
            rk
        }
        .map_err(OpenError::Create)?;
        let conn = Connection {
            rk,
            shared: shared.cast_const(),
        };
        if with_iam {
            // SAFETY: the handle is live; the shared state is the handle's opaque.
            unsafe {
                set_token(rk, &*conn.shared);
                let e = rd::rd_kafka_sasl_background_callbacks_enable(rk);
                if !e.is_null() {
                    rd::rd_kafka_error_destroy(e);
                }
            }
        }
        Ok(conn)
    }

    /// What librdkafka said so far.
    pub fn collected(&self) -> Collected {
        // SAFETY: alive as long as self.
        let shared = unsafe { &*self.shared };
        let c = shared.collected.lock().map(|c| Collected {
            errors: c.errors.clone(),
            logs: c.logs.clone(),
            iam: c.iam.clone(),
        });
        c.unwrap_or_default()
    }

    /// The topic's metadata (`metadata(false, topic, timeout)`).
    pub fn metadata(&self, topic: &str, timeout: Duration) -> Result<TopicMetadata, Failure> {
        let name = cstring(topic);
        // SAFETY: a topic handle for the metadata request, destroyed below; the
        // metadata is read, then freed with rd_kafka_metadata_destroy.
        unsafe {
            let rkt = rd::rd_kafka_topic_new(self.rk, name.as_ptr(), std::ptr::null_mut());
            if rkt.is_null() {
                return Err(Failure {
                    name: "_INVALID_ARG".into(),
                    text: format!("failed to create topic: {topic}"),
                });
            }
            let mut md: *const rd::rd_kafka_metadata = std::ptr::null();
            let res = rd::rd_kafka_metadata(self.rk, 0, rkt, &mut md, millis(timeout));
            rd::rd_kafka_topic_destroy(rkt);
            if res != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR || md.is_null() {
                return Err(err_parts(res));
            }
            let m = &*md;
            let text = |p: *const c_char| {
                if p.is_null() {
                    String::new()
                } else {
                    CStr::from_ptr(p).to_string_lossy().into_owned()
                }
            };
            let brokers = (0..usize::try_from(m.broker_cnt).unwrap_or(0))
                .map(|i| {
                    let b = &*m.brokers.add(i);
                    (b.id, text(b.host), b.port)
                })
                .collect();
            let mut out = TopicMetadata {
                brokers,
                answered_by: text(m.orig_broker_name),
                topic_error: None,
                partitions: Vec::new(),
            };
            for i in 0..usize::try_from(m.topic_cnt).unwrap_or(0) {
                let t = &*m.topics.add(i);
                if text(t.topic) != topic {
                    continue;
                }
                if t.err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                    let f = err_parts(t.err);
                    out.topic_error = Some((f.name, f.text));
                }
                out.partitions = (0..usize::try_from(t.partition_cnt).unwrap_or(0))
                    .map(|j| (*t.partitions.add(j)).id)
                    .collect();
            }
            rd::rd_kafka_metadata_destroy(md);
            Ok(out)
        }
    }

    /// The partition's (low, high) watermarks, as `query_watermark_offsets` gives
    /// them (ListOffsets for `OFFSET_BEGINNING` and `OFFSET_END`). Asked as two
    /// lookups by logical time, which librdkafka 1.9.2 bounds by the timeout; its
    /// `query_watermark_offsets` retries without end while a broker connection
    /// keeps failing.
    pub fn watermarks(
        &self,
        topic: &str,
        partition: i32,
        timeout: Duration,
    ) -> Result<(i64, i64), Failure> {
        let started = std::time::Instant::now();
        let low = self.offsets_for_times(topic, &[(partition, -2)], timeout)?;
        let left = timeout
            .saturating_sub(started.elapsed())
            .max(Duration::from_millis(1));
        let high = self.offsets_for_times(topic, &[(partition, -1)], left)?;
        match (low.first(), high.first()) {
            (Some((_, l)), Some((_, h))) if *l >= 0 && *h >= 0 => Ok((*l, *h)),
            _ => Err(Failure {
                name: "_BAD_MSG".into(),
                text: "Local: Bad message format".into(),
            }),
        }
    }

    /// `offsetsForTimes`: each partition's first offset at or after its time (-1 when
    /// none), as librdkafka leaves it (per-partition errors unchecked, as the BE).
    pub fn offsets_for_times(
        &self,
        topic: &str,
        times: &[(i32, i64)],
        timeout: Duration,
    ) -> Result<Vec<(i32, i64)>, Failure> {
        let name = cstring(topic);
        // SAFETY: a list owned here, filled, queried and destroyed.
        unsafe {
            let list = rd::rd_kafka_topic_partition_list_new(
                c_int::try_from(times.len()).unwrap_or(c_int::MAX),
            );
            for (p, ts) in times {
                let e = rd::rd_kafka_topic_partition_list_add(list, name.as_ptr(), *p);
                (*e).offset = *ts;
            }
            let res = rd::rd_kafka_offsets_for_times(self.rk, list, millis(timeout));
            let l = &*list;
            let out = (0..usize::try_from(l.cnt).unwrap_or(0))
                .map(|i| {
                    let e = &*l.elems.add(i);
                    (e.partition, e.offset)
                })
                .collect();
            rd::rd_kafka_topic_partition_list_destroy(list);
            if res == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                Ok(out)
            } else {
                Err(err_parts(res))
            }
        }
    }
}
