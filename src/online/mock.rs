//! librdkafka's own mock cluster (`rdkafka_mock.h`, experimental in 1.9.2): real
//! Kafka brokers speaking the wire protocol on 127.0.0.1, in this process, with
//! error injection. For tests and demonstrations of the online checks.

use crate::be::embedded::{cstring, new_handle};
use rdkafka_sys as rd;
use std::ffi::{c_char, c_int, c_void, CStr};

#[repr(C)]
struct MockClusterRaw {
    _private: [u8; 0],
}

extern "C" {
    fn rd_kafka_mock_cluster_new(rk: *mut rd::rd_kafka_t, broker_cnt: c_int)
        -> *mut MockClusterRaw;
    fn rd_kafka_mock_cluster_destroy(mcluster: *mut MockClusterRaw);
    fn rd_kafka_mock_cluster_bootstraps(mcluster: *const MockClusterRaw) -> *const c_char;
    fn rd_kafka_mock_topic_create(
        mcluster: *mut MockClusterRaw,
        topic: *const c_char,
        partition_cnt: c_int,
        replication_factor: c_int,
    ) -> rd::rd_kafka_resp_err_t;
    fn rd_kafka_mock_topic_set_error(
        mcluster: *mut MockClusterRaw,
        topic: *const c_char,
        err: rd::rd_kafka_resp_err_t,
    );
    fn rd_kafka_mock_broker_set_down(
        mcluster: *mut MockClusterRaw,
        broker_id: i32,
    ) -> rd::rd_kafka_resp_err_t;
    fn rd_kafka_mock_push_request_errors_array(
        mcluster: *mut MockClusterRaw,
        api_key: i16,
        cnt: usize,
        errors: *const rd::rd_kafka_resp_err_t,
    );
    fn rd_kafka_mock_broker_set_up(
        mcluster: *mut MockClusterRaw,
        broker_id: i32,
    ) -> rd::rd_kafka_resp_err_t;
}

/// A mock cluster and the producer handle that hosts it.
pub struct MockCluster {
    rk: *mut rd::rd_kafka_t,
    mc: *mut MockClusterRaw,
}

// SAFETY: the mock cluster runs in its own thread; its API and the producer handle
// are thread-safe.
unsafe impl Send for MockCluster {}
unsafe impl Sync for MockCluster {}

impl MockCluster {
    /// A cluster of `brokers` brokers (ids 1..=brokers) on 127.0.0.1.
    pub fn new(brokers: i32) -> Result<Self, String> {
        let mut err = [0 as c_char; 512];
        // SAFETY: a producer handle made from a fresh configuration (owned by it on
        // success, destroyed on failure), then the cluster on it.
        unsafe {
            let conf = rd::rd_kafka_conf_new();
            for (k, v) in [("log_level", "0"), ("linger.ms", "0")] {
                let (k, v) = (cstring(k), cstring(v));
                rd::rd_kafka_conf_set(conf, k.as_ptr(), v.as_ptr(), err.as_mut_ptr(), err.len());
            }
            let rk = new_handle(rd::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf)?;
            let mc = rd_kafka_mock_cluster_new(rk, brokers);
            if mc.is_null() {
                rd::rd_kafka_destroy(rk);
                return Err("the mock cluster could not be started".into());
            }
            let boot = CStr::from_ptr(rd_kafka_mock_cluster_bootstraps(mc)).to_owned();
            rd::rd_kafka_brokers_add(rk, boot.as_ptr());
            Ok(MockCluster { rk, mc })
        }
    }

    /// `127.0.0.1:p1,127.0.0.1:p2,…`.
    pub fn bootstraps(&self) -> String {
        // SAFETY: a NUL-terminated string owned by the live cluster.
        unsafe { CStr::from_ptr(rd_kafka_mock_cluster_bootstraps(self.mc)) }
            .to_string_lossy()
            .into_owned()
    }

    /// Creates a topic.
    pub fn create_topic(&self, topic: &str, partitions: i32) -> Result<(), String> {
        let t = cstring(topic);
        // SAFETY: the cluster is live; the name outlives the call.
        let res = unsafe { rd_kafka_mock_topic_create(self.mc, t.as_ptr(), partitions, 1) };
        check(res)
    }

    /// Makes every metadata answer for the topic carry `err` (e.g.
    /// `RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART`).
    pub fn set_topic_error(&self, topic: &str, err: rd::rd_kafka_resp_err_t) {
        let t = cstring(topic);
        // SAFETY: as above.
        unsafe { rd_kafka_mock_topic_set_error(self.mc, t.as_ptr(), err) }
    }

    /// Makes the next requests of a type (Kafka's ApiKey: 2 ListOffsets, 3 Metadata,
    /// …) fail with these errors, one each, in order.
    pub fn push_request_errors(&self, api_key: i16, errors: &[rd::rd_kafka_resp_err_t]) {
        // SAFETY: the cluster is live; the array outlives the call (it is copied).
        unsafe {
            rd_kafka_mock_push_request_errors_array(self.mc, api_key, errors.len(), errors.as_ptr())
        }
    }

    /// Stops a broker (-1: all): connections closed, new ones refused.
    pub fn broker_down(&self, broker: i32) -> Result<(), String> {
        // SAFETY: the cluster is live.
        check(unsafe { rd_kafka_mock_broker_set_down(self.mc, broker) })
    }

    /// Starts a stopped broker again (-1: all).
    pub fn broker_up(&self, broker: i32) -> Result<(), String> {
        // SAFETY: the cluster is live.
        check(unsafe { rd_kafka_mock_broker_set_up(self.mc, broker) })
    }

    /// Produces `count` messages to a partition and waits for them.
    pub fn produce(&self, topic: &str, partition: i32, count: usize) -> Result<(), String> {
        let t = cstring(topic);
        // SAFETY: a topic handle of the live producer; payloads are copied
        // (RD_KAFKA_MSG_F_COPY); flushed before the handle goes.
        unsafe {
            let rkt = rd::rd_kafka_topic_new(self.rk, t.as_ptr(), std::ptr::null_mut());
            if rkt.is_null() {
                return Err(format!("cannot produce to {topic}"));
            }
            for i in 0..count {
                let payload = format!("{i},message {i}");
                let r = rd::rd_kafka_produce(
                    rkt,
                    partition,
                    rd::RD_KAFKA_MSG_F_COPY as c_int,
                    payload.as_ptr() as *mut c_void,
                    payload.len(),
                    std::ptr::null(),
                    0,
                    std::ptr::null_mut(),
                );
                if r != 0 {
                    rd::rd_kafka_topic_destroy(rkt);
                    return Err(format!("produce to {topic}/{partition} failed"));
                }
            }
            let res = rd::rd_kafka_flush(self.rk, 10_000);
            rd::rd_kafka_topic_destroy(rkt);
            check(res)
        }
    }
}

fn check(res: rd::rd_kafka_resp_err_t) -> Result<(), String> {
    if res == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        Ok(())
    } else {
        // SAFETY: static string for any code.
        Err(unsafe { CStr::from_ptr(rd::rd_kafka_err2str(res)) }
            .to_string_lossy()
            .into_owned())
    }
}

impl Drop for MockCluster {
    fn drop(&mut self) {
        // SAFETY: the cluster is destroyed before the handle hosting it.
        unsafe {
            rd_kafka_mock_cluster_destroy(self.mc);
            rd::rd_kafka_destroy(self.rk);
        }
    }
}
