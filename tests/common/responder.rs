//! A scripted Kafka-protocol responder on 127.0.0.1, on the `kafka-protocol` crate,
//! for the two requests no broker here answers correctly for librdkafka 1.9.2:
//! ListOffsets by time (librdkafka's mock answers -1, tansu's answer cannot be read)
//! and SASL (neither has a SASL listener librdkafka can reach). It answers
//! ApiVersions, Metadata, ListOffsets, SaslHandshake and SaslAuthenticate (PLAIN)
//! from a script, and closes the connection on anything else.
#![allow(dead_code)]

use bytes::{Buf, BufMut, Bytes, BytesMut};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{
    ApiKey, ApiVersionsResponse, BrokerId, ListOffsetsRequest, ListOffsetsResponse,
    MetadataRequest, MetadataResponse, RequestHeader, ResponseHeader, SaslAuthenticateRequest,
    SaslAuthenticateResponse, SaslHandshakeRequest, SaslHandshakeResponse, TopicName,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What the responder knows.
#[derive(Debug, Clone, Default)]
pub struct Script {
    /// Topics: name → partitions, each a list of message timestamps (epoch ms);
    /// message i has offset i.
    pub topics: Vec<(String, Vec<Vec<i64>>)>,
    /// SASL: the mechanisms enabled and the PLAIN users (`None`: no SASL).
    pub sasl: Option<Sasl>,
}

/// The mechanisms a SASL listener enables, and its PLAIN users (name, password).
pub type Sasl = (Vec<String>, Vec<(String, String)>);

/// A running responder, stopped when dropped.
pub struct Responder {
    /// Its port.
    pub port: u16,
    stop: Arc<AtomicBool>,
}

impl Responder {
    /// Starts one on a free port of 127.0.0.1.
    pub fn start(script: Script) -> Responder {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let script = Arc::new(script);
        std::thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((conn, _)) => {
                        let script = script.clone();
                        std::thread::spawn(move || serve(conn, port, &script));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Responder { port, stop }
    }

    /// `127.0.0.1:PORT`.
    pub fn bootstrap(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn api(key: ApiKey, min: i16, max: i16) -> ApiVersion {
    ApiVersion::default()
        .with_api_key(key as i16)
        .with_min_version(min)
        .with_max_version(max)
}

fn serve(mut conn: TcpStream, port: u16, script: &Script) {
    let _ = conn.set_nonblocking(false);
    let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
    let mut authenticated = script.sasl.is_none();
    let mut mechanism = String::new();
    loop {
        let mut size = [0u8; 4];
        if conn.read_exact(&mut size).is_err() {
            return;
        }
        let len = usize::try_from(i32::from_be_bytes(size)).unwrap_or(0);
        if len > 1 << 20 {
            return;
        }
        let mut frame = vec![0u8; len];
        if conn.read_exact(&mut frame).is_err() {
            return;
        }
        let mut buf = Bytes::from(frame);
        if buf.len() < 4 {
            return;
        }
        let key = i16::from_be_bytes([buf[0], buf[1]]);
        let version = i16::from_be_bytes([buf[2], buf[3]]);
        let Ok(api_key) = ApiKey::try_from(key) else {
            return;
        };
        let Ok(header) = RequestHeader::decode(&mut buf, api_key.request_header_version(version))
        else {
            return;
        };
        let mut body = BytesMut::new();
        let ok = match api_key {
            ApiKey::ApiVersions => {
                let r = ApiVersionsResponse::default().with_api_keys(vec![
                    api(ApiKey::ApiVersions, 0, 3),
                    api(ApiKey::Metadata, 0, 4),
                    api(ApiKey::ListOffsets, 0, 2),
                    api(ApiKey::SaslHandshake, 0, 1),
                    api(ApiKey::SaslAuthenticate, 0, 0),
                ]);
                r.encode(&mut body, version.min(3)).is_ok()
            }
            ApiKey::SaslHandshake => {
                let Ok(req) = SaslHandshakeRequest::decode(&mut buf, version) else {
                    return;
                };
                let (enabled, _) = script.sasl.clone().unwrap_or_default();
                mechanism = req.mechanism.to_string();
                let error = if enabled.contains(&mechanism) { 0 } else { 33 };
                SaslHandshakeResponse::default()
                    .with_error_code(error)
                    .with_mechanisms(
                        enabled
                            .iter()
                            .map(|m| StrBytes::from_string(m.clone()))
                            .collect(),
                    )
                    .encode(&mut body, version)
                    .is_ok()
            }
            ApiKey::SaslAuthenticate => {
                let Ok(req) = SaslAuthenticateRequest::decode(&mut buf, version) else {
                    return;
                };
                let (_, users) = script.sasl.clone().unwrap_or_default();
                let parts: Vec<&[u8]> = req.auth_bytes.split(|b| *b == 0).collect();
                let good = mechanism == "PLAIN"
                    && parts.len() == 3
                    && users
                        .iter()
                        .any(|(u, p)| parts[1] == u.as_bytes() && parts[2] == p.as_bytes());
                authenticated = good;
                let r = if good {
                    SaslAuthenticateResponse::default()
                } else {
                    SaslAuthenticateResponse::default()
                        .with_error_code(58)
                        .with_error_message(Some(StrBytes::from_static_str(
                            "Authentication failed: Invalid username or password",
                        )))
                };
                r.encode(&mut body, version).is_ok()
            }
            _ if !authenticated => return,
            ApiKey::Metadata => {
                let Ok(req) = MetadataRequest::decode(&mut buf, version) else {
                    return;
                };
                let names: Vec<String> = match &req.topics {
                    Some(t) => t
                        .iter()
                        .filter_map(|t| t.name.as_ref().map(|n| n.0.to_string()))
                        .collect(),
                    None => script.topics.iter().map(|(n, _)| n.clone()).collect(),
                };
                let topics = names
                    .into_iter()
                    .map(|name| {
                        let known = script.topics.iter().find(|(n, _)| *n == name);
                        let t = MetadataResponseTopic::default()
                            .with_name(Some(TopicName(StrBytes::from_string(name.clone()))));
                        match known {
                            Some((_, parts)) => t.with_partitions(
                                (0..parts.len())
                                    .map(|p| {
                                        MetadataResponsePartition::default()
                                            .with_partition_index(i32::try_from(p).unwrap_or(0))
                                            .with_leader_id(BrokerId(1))
                                            .with_replica_nodes(vec![BrokerId(1)])
                                            .with_isr_nodes(vec![BrokerId(1)])
                                    })
                                    .collect(),
                            ),
                            None => t.with_error_code(3),
                        }
                    })
                    .collect();
                MetadataResponse::default()
                    .with_brokers(vec![MetadataResponseBroker::default()
                        .with_node_id(BrokerId(1))
                        .with_host(StrBytes::from_static_str("127.0.0.1"))
                        .with_port(i32::from(port))])
                    .with_controller_id(BrokerId(1))
                    .with_topics(topics)
                    .encode(&mut body, version)
                    .is_ok()
            }
            ApiKey::ListOffsets => {
                let Ok(req) = ListOffsetsRequest::decode(&mut buf, version) else {
                    return;
                };
                let topics = req
                    .topics
                    .iter()
                    .map(|t| {
                        let parts = script
                            .topics
                            .iter()
                            .find(|(n, _)| *n == t.name.0.to_string())
                            .map(|(_, p)| p.clone())
                            .unwrap_or_default();
                        ListOffsetsTopicResponse::default()
                            .with_name(t.name.clone())
                            .with_partitions(
                                t.partitions
                                    .iter()
                                    .map(|p| {
                                        let msgs = usize::try_from(p.partition_index)
                                            .ok()
                                            .and_then(|i| parts.get(i));
                                        let r = ListOffsetsPartitionResponse::default()
                                            .with_partition_index(p.partition_index);
                                        let Some(msgs) = msgs else {
                                            return r.with_error_code(3);
                                        };
                                        let end = i64::try_from(msgs.len()).unwrap_or(0);
                                        let (offset, ts) = match p.timestamp {
                                            -1 => (end, -1),
                                            -2 => (0, -1),
                                            t => msgs
                                                .iter()
                                                .position(|m| *m >= t)
                                                .map_or((-1, -1), |i| {
                                                    (i64::try_from(i).unwrap_or(-1), msgs[i])
                                                }),
                                        };
                                        // v0 carries a list of offsets, later ones one
                                        // offset and its timestamp.
                                        if version == 0 {
                                            r.with_old_style_offsets(vec![offset])
                                        } else {
                                            r.with_offset(offset).with_timestamp(ts)
                                        }
                                    })
                                    .collect(),
                            )
                    })
                    .collect();
                ListOffsetsResponse::default()
                    .with_topics(topics)
                    .encode(&mut body, version)
                    .is_ok()
            }
            _ => return,
        };
        if !ok {
            return;
        }
        let mut out = BytesMut::new();
        let header_version = api_key.response_header_version(version);
        if ResponseHeader::default()
            .with_correlation_id(header.correlation_id)
            .encode(&mut out, header_version)
            .is_err()
        {
            return;
        }
        out.put(body);
        let mut frame = BytesMut::with_capacity(out.len() + 4);
        frame.put_i32(i32::try_from(out.len()).unwrap_or(0));
        frame.put(out);
        if conn.write_all(frame.chunk()).is_err() {
            return;
        }
    }
}
