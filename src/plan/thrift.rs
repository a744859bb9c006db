//! Doris's wire structs (thrift/routine_load.thrift, field ids included), encoded and
//! decoded with the `thrift` crate's binary and compact protocols.

use super::{KafkaLoadInfo, KinesisLoadInfo, RoutineLoadTask, UniqueId};
use std::collections::BTreeMap;
use thrift::protocol::{
    field_id, TBinaryInputProtocol, TBinaryOutputProtocol, TCompactInputProtocol,
    TCompactOutputProtocol, TFieldIdentifier, TInputProtocol, TMapIdentifier, TOutputProtocol,
    TSerializable, TStructIdentifier, TType,
};

/// The Thrift protocols the plan can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// TBinaryProtocol.
    Binary,
    /// TCompactProtocol.
    Compact,
}

fn missing(name: &str) -> thrift::Error {
    thrift::Error::Protocol(thrift::ProtocolError::new(
        thrift::ProtocolErrorKind::InvalidData,
        format!("required field {name} is missing"),
    ))
}

fn field(o: &mut dyn TOutputProtocol, name: &str, t: TType, id: i16) -> thrift::Result<()> {
    o.write_field_begin(&TFieldIdentifier::new(name, t, id))
}

impl TSerializable for UniqueId {
    fn write_to_out_protocol(&self, o: &mut dyn TOutputProtocol) -> thrift::Result<()> {
        o.write_struct_begin(&TStructIdentifier::new("TUniqueId"))?;
        field(o, "hi", TType::I64, 1)?;
        o.write_i64(self.hi)?;
        o.write_field_end()?;
        field(o, "lo", TType::I64, 2)?;
        o.write_i64(self.lo)?;
        o.write_field_end()?;
        o.write_field_stop()?;
        o.write_struct_end()
    }

    fn read_from_in_protocol(i: &mut dyn TInputProtocol) -> thrift::Result<Self> {
        i.read_struct_begin()?;
        let (mut hi, mut lo) = (None, None);
        loop {
            let f = i.read_field_begin()?;
            if f.field_type == TType::Stop {
                break;
            }
            match (field_id(&f)?, f.field_type) {
                (1, TType::I64) => hi = Some(i.read_i64()?),
                (2, TType::I64) => lo = Some(i.read_i64()?),
                (_, t) => i.skip(t)?,
            }
            i.read_field_end()?;
        }
        i.read_struct_end()?;
        Ok(UniqueId {
            hi: hi.ok_or_else(|| missing("TUniqueId.hi"))?,
            lo: lo.ok_or_else(|| missing("TUniqueId.lo"))?,
        })
    }
}

fn write_string_map(
    o: &mut dyn TOutputProtocol,
    map: &BTreeMap<String, String>,
) -> thrift::Result<()> {
    o.write_map_begin(&TMapIdentifier::new(
        TType::String,
        TType::String,
        i32::try_from(map.len()).unwrap_or(i32::MAX),
    ))?;
    for (k, v) in map {
        o.write_string(k)?;
        o.write_string(v)?;
    }
    o.write_map_end()
}

fn read_string_map(i: &mut dyn TInputProtocol) -> thrift::Result<BTreeMap<String, String>> {
    let m = i.read_map_begin()?;
    let mut map = BTreeMap::new();
    for _ in 0..m.size {
        let k = i.read_string()?;
        let v = i.read_string()?;
        map.insert(k, v);
    }
    i.read_map_end()?;
    Ok(map)
}

impl TSerializable for KinesisLoadInfo {
    fn write_to_out_protocol(&self, o: &mut dyn TOutputProtocol) -> thrift::Result<()> {
        o.write_struct_begin(&TStructIdentifier::new("TKinesisLoadInfo"))?;
        field(o, "region", TType::String, 1)?;
        o.write_string(&self.region)?;
        o.write_field_end()?;
        field(o, "stream", TType::String, 2)?;
        o.write_string(&self.stream)?;
        o.write_field_end()?;
        if let Some(e) = &self.endpoint {
            field(o, "endpoint", TType::String, 3)?;
            o.write_string(e)?;
            o.write_field_end()?;
        }
        field(o, "shard_begin_sequence_number", TType::Map, 4)?;
        write_string_map(o, &self.shard_begin_sequence_number)?;
        o.write_field_end()?;
        if let Some(props) = &self.properties {
            field(o, "properties", TType::Map, 5)?;
            write_string_map(o, props)?;
            o.write_field_end()?;
        }
        o.write_field_stop()?;
        o.write_struct_end()
    }

    fn read_from_in_protocol(i: &mut dyn TInputProtocol) -> thrift::Result<Self> {
        i.read_struct_begin()?;
        let (mut region, mut stream, mut endpoint, mut shards, mut props) =
            (None, None, None, None, None);
        loop {
            let f = i.read_field_begin()?;
            if f.field_type == TType::Stop {
                break;
            }
            match (field_id(&f)?, f.field_type) {
                (1, TType::String) => region = Some(i.read_string()?),
                (2, TType::String) => stream = Some(i.read_string()?),
                (3, TType::String) => endpoint = Some(i.read_string()?),
                (4, TType::Map) => shards = Some(read_string_map(i)?),
                (5, TType::Map) => props = Some(read_string_map(i)?),
                (_, t) => i.skip(t)?,
            }
            i.read_field_end()?;
        }
        i.read_struct_end()?;
        Ok(KinesisLoadInfo {
            region: region.ok_or_else(|| missing("TKinesisLoadInfo.region"))?,
            stream: stream.ok_or_else(|| missing("TKinesisLoadInfo.stream"))?,
            endpoint,
            shard_begin_sequence_number: shards
                .ok_or_else(|| missing("TKinesisLoadInfo.shard_begin_sequence_number"))?,
            properties: props,
        })
    }
}

impl TSerializable for KafkaLoadInfo {
    fn write_to_out_protocol(&self, o: &mut dyn TOutputProtocol) -> thrift::Result<()> {
        o.write_struct_begin(&TStructIdentifier::new("TKafkaLoadInfo"))?;
        field(o, "brokers", TType::String, 1)?;
        o.write_string(&self.brokers)?;
        o.write_field_end()?;
        field(o, "topic", TType::String, 2)?;
        o.write_string(&self.topic)?;
        o.write_field_end()?;
        field(o, "partition_begin_offset", TType::Map, 3)?;
        o.write_map_begin(&TMapIdentifier::new(
            TType::I32,
            TType::I64,
            i32::try_from(self.partition_begin_offset.len()).unwrap_or(i32::MAX),
        ))?;
        for (k, v) in &self.partition_begin_offset {
            o.write_i32(*k)?;
            o.write_i64(*v)?;
        }
        o.write_map_end()?;
        o.write_field_end()?;
        if let Some(props) = &self.properties {
            field(o, "properties", TType::Map, 4)?;
            write_string_map(o, props)?;
            o.write_field_end()?;
        }
        o.write_field_stop()?;
        o.write_struct_end()
    }

    fn read_from_in_protocol(i: &mut dyn TInputProtocol) -> thrift::Result<Self> {
        i.read_struct_begin()?;
        let (mut brokers, mut topic, mut offsets, mut props) = (None, None, None, None);
        loop {
            let f = i.read_field_begin()?;
            if f.field_type == TType::Stop {
                break;
            }
            match (field_id(&f)?, f.field_type) {
                (1, TType::String) => brokers = Some(i.read_string()?),
                (2, TType::String) => topic = Some(i.read_string()?),
                (3, TType::Map) => {
                    let m = i.read_map_begin()?;
                    let mut map = BTreeMap::new();
                    for _ in 0..m.size {
                        let k = i.read_i32()?;
                        let v = i.read_i64()?;
                        map.insert(k, v);
                    }
                    i.read_map_end()?;
                    offsets = Some(map);
                }
                (4, TType::Map) => props = Some(read_string_map(i)?),
                (_, t) => i.skip(t)?,
            }
            i.read_field_end()?;
        }
        i.read_struct_end()?;
        Ok(KafkaLoadInfo {
            brokers: brokers.ok_or_else(|| missing("TKafkaLoadInfo.brokers"))?,
            topic: topic.ok_or_else(|| missing("TKafkaLoadInfo.topic"))?,
            partition_begin_offset: offsets
                .ok_or_else(|| missing("TKafkaLoadInfo.partition_begin_offset"))?,
            properties: props,
        })
    }
}

impl TSerializable for RoutineLoadTask {
    fn write_to_out_protocol(&self, o: &mut dyn TOutputProtocol) -> thrift::Result<()> {
        o.write_struct_begin(&TStructIdentifier::new("TRoutineLoadTask"))?;
        field(o, "type", TType::I32, 1)?;
        o.write_i32(self.load_source_type)?;
        o.write_field_end()?;
        field(o, "job_id", TType::I64, 2)?;
        o.write_i64(self.job_id)?;
        o.write_field_end()?;
        field(o, "id", TType::Struct, 3)?;
        self.id.write_to_out_protocol(o)?;
        o.write_field_end()?;
        field(o, "txn_id", TType::I64, 4)?;
        o.write_i64(self.txn_id)?;
        o.write_field_end()?;
        field(o, "auth_code", TType::I64, 5)?;
        o.write_i64(self.auth_code)?;
        o.write_field_end()?;
        let opt_string = |o: &mut dyn TOutputProtocol,
                          name: &str,
                          id: i16,
                          v: &Option<String>|
         -> thrift::Result<()> {
            if let Some(v) = v {
                field(o, name, TType::String, id)?;
                o.write_string(v)?;
                o.write_field_end()?;
            }
            Ok(())
        };
        let opt_i64 = |o: &mut dyn TOutputProtocol,
                       name: &str,
                       id: i16,
                       v: Option<i64>|
         -> thrift::Result<()> {
            if let Some(v) = v {
                field(o, name, TType::I64, id)?;
                o.write_i64(v)?;
                o.write_field_end()?;
            }
            Ok(())
        };
        let opt_bool = |o: &mut dyn TOutputProtocol,
                        name: &str,
                        id: i16,
                        v: Option<bool>|
         -> thrift::Result<()> {
            if let Some(v) = v {
                field(o, name, TType::Bool, id)?;
                o.write_bool(v)?;
                o.write_field_end()?;
            }
            Ok(())
        };
        opt_string(o, "db", 6, &self.db)?;
        opt_string(o, "tbl", 7, &self.tbl)?;
        opt_string(o, "label", 8, &self.label)?;
        opt_i64(o, "max_interval_s", 9, self.max_interval_s)?;
        opt_i64(o, "max_batch_rows", 10, self.max_batch_rows)?;
        opt_i64(o, "max_batch_size", 11, self.max_batch_size)?;
        if let Some(k) = &self.kafka_load_info {
            field(o, "kafka_load_info", TType::Struct, 12)?;
            k.write_to_out_protocol(o)?;
            o.write_field_end()?;
        }
        if let Some(f) = self.format {
            field(o, "format", TType::I32, 14)?;
            o.write_i32(f)?;
            o.write_field_end()?;
        }
        opt_bool(o, "is_multi_table", 16, self.is_multi_table)?;
        opt_bool(o, "memtable_on_sink_node", 17, self.memtable_on_sink_node)?;
        opt_string(o, "qualified_user", 18, &self.qualified_user)?;
        opt_string(o, "cloud_cluster", 19, &self.cloud_cluster)?;
        if let Some(k) = &self.kinesis_load_info {
            field(o, "kinesis_load_info", TType::Struct, 20)?;
            k.write_to_out_protocol(o)?;
            o.write_field_end()?;
        }
        o.write_field_stop()?;
        o.write_struct_end()
    }

    fn read_from_in_protocol(i: &mut dyn TInputProtocol) -> thrift::Result<Self> {
        i.read_struct_begin()?;
        let mut t = RoutineLoadTask::default();
        let (mut ty, mut job, mut id, mut txn, mut auth) = (None, None, None, None, None);
        loop {
            let f = i.read_field_begin()?;
            if f.field_type == TType::Stop {
                break;
            }
            match (field_id(&f)?, f.field_type) {
                (1, TType::I32) => ty = Some(i.read_i32()?),
                (2, TType::I64) => job = Some(i.read_i64()?),
                (3, TType::Struct) => id = Some(UniqueId::read_from_in_protocol(i)?),
                (4, TType::I64) => txn = Some(i.read_i64()?),
                (5, TType::I64) => auth = Some(i.read_i64()?),
                (6, TType::String) => t.db = Some(i.read_string()?),
                (7, TType::String) => t.tbl = Some(i.read_string()?),
                (8, TType::String) => t.label = Some(i.read_string()?),
                (9, TType::I64) => t.max_interval_s = Some(i.read_i64()?),
                (10, TType::I64) => t.max_batch_rows = Some(i.read_i64()?),
                (11, TType::I64) => t.max_batch_size = Some(i.read_i64()?),
                (12, TType::Struct) => {
                    t.kafka_load_info = Some(KafkaLoadInfo::read_from_in_protocol(i)?)
                }
                (14, TType::I32) => t.format = Some(i.read_i32()?),
                (16, TType::Bool) => t.is_multi_table = Some(i.read_bool()?),
                (17, TType::Bool) => t.memtable_on_sink_node = Some(i.read_bool()?),
                (18, TType::String) => t.qualified_user = Some(i.read_string()?),
                (19, TType::String) => t.cloud_cluster = Some(i.read_string()?),
                (20, TType::Struct) => {
                    t.kinesis_load_info = Some(KinesisLoadInfo::read_from_in_protocol(i)?)
                }
                (_, ft) => i.skip(ft)?,
            }
            i.read_field_end()?;
        }
        i.read_struct_end()?;
        t.load_source_type = ty.ok_or_else(|| missing("TRoutineLoadTask.type"))?;
        t.job_id = job.ok_or_else(|| missing("TRoutineLoadTask.job_id"))?;
        t.id = id.ok_or_else(|| missing("TRoutineLoadTask.id"))?;
        t.txn_id = txn.ok_or_else(|| missing("TRoutineLoadTask.txn_id"))?;
        t.auth_code = auth.ok_or_else(|| missing("TRoutineLoadTask.auth_code"))?;
        Ok(t)
    }
}

/// Writes tasks one after another in the given protocol.
pub fn encode_tasks(tasks: &[RoutineLoadTask], protocol: Protocol) -> thrift::Result<Vec<u8>> {
    let mut buf = Vec::new();
    match protocol {
        Protocol::Binary => {
            let mut o = TBinaryOutputProtocol::new(&mut buf, true);
            for t in tasks {
                t.write_to_out_protocol(&mut o)?;
            }
            o.flush()?;
        }
        Protocol::Compact => {
            let mut o = TCompactOutputProtocol::new(&mut buf);
            for t in tasks {
                t.write_to_out_protocol(&mut o)?;
            }
            o.flush()?;
        }
    }
    Ok(buf)
}

/// Reads tasks written one after another until the bytes end.
pub fn decode_tasks(bytes: &[u8], protocol: Protocol) -> thrift::Result<Vec<RoutineLoadTask>> {
    let mut cursor = std::io::Cursor::new(bytes);
    let mut out = Vec::new();
    while usize::try_from(cursor.position()).unwrap_or(usize::MAX) < bytes.len() {
        let task = match protocol {
            Protocol::Binary => RoutineLoadTask::read_from_in_protocol(
                &mut TBinaryInputProtocol::new(&mut cursor, true),
            )?,
            Protocol::Compact => RoutineLoadTask::read_from_in_protocol(
                &mut TCompactInputProtocol::new(&mut cursor),
            )?,
        };
        out.push(task);
    }
    Ok(out)
}
