#!/usr/bin/env python3
"""Interoperability check: an independent Thrift implementation (Apache Thrift's Python
library, with code generated from thrift/routine_load.thrift by thrift-compiler) decodes
the TRoutineLoadTask bytes `rlfe plan` writes, in the binary and the compact protocol,
and every field must equal the plan rlfe reports as JSON."""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RLFE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "rlfe")
CORPUS = os.path.join(ROOT, "tests", "corpus", "plans.sql")
KINESIS = os.path.join(ROOT, "tests", "corpus", "kinesis.sql")
METADATA = os.path.join(ROOT, "tests", "corpus", "plans.metadata")

gen = tempfile.mkdtemp(prefix="rlfe-thrift-")
subprocess.check_call(["thrift", "--gen", "py", "-out", gen, os.path.join(ROOT, "thrift", "routine_load.thrift")])
sys.path.insert(0, gen)

from routine_load.ttypes import TRoutineLoadTask  # noqa: E402
from thrift.protocol import TBinaryProtocol, TCompactProtocol  # noqa: E402
from thrift.transport import TTransport  # noqa: E402


# The Kafka corpus as Doris 4.1 plans it, the Kinesis corpus as Doris master does.
RUNS = [(CORPUS, "4.1"), (KINESIS, "master")]


def rlfe(fmt, corpus, version, reveal=False):
    args = [RLFE, "plan", "--deterministic", "--metadata", METADATA, "--doris-version", version, "--format", fmt]
    if reveal:
        args.append("--reveal-secrets")
    # `rlfe plan` exits 1 when a statement of the corpus is rejected (the Kinesis corpus
    # has rejected statements too); the plans of the accepted ones are on stdout.
    return subprocess.run(args + [corpus], capture_output=True, check=corpus == CORPUS).stdout


expected = []
for corpus, version in RUNS:
    for line in rlfe("json", corpus, version, reveal=True).decode().splitlines():
        expected.extend(json.loads(line)["tasks"])
kinesis_tasks = sum(1 for t in expected if t.get("kinesis_load_info"))


def decode(data, protocol_class):
    transport = TTransport.TMemoryBuffer(data)
    protocol = protocol_class(transport)
    tasks = []
    while transport._buffer.tell() < len(data):
        t = TRoutineLoadTask()
        t.read(protocol)
        t.validate()
        tasks.append(t)
    return tasks


def as_dict(t):
    k = t.kafka_load_info
    n = t.kinesis_load_info
    return {
        "type": t.type,
        "job_id": t.job_id,
        "id": {"hi": t.id.hi, "lo": t.id.lo},
        "txn_id": t.txn_id,
        "auth_code": t.auth_code,
        "db": t.db,
        "tbl": t.tbl,
        "label": t.label,
        "max_interval_s": t.max_interval_s,
        "max_batch_rows": t.max_batch_rows,
        "max_batch_size": t.max_batch_size,
        "kafka_load_info": None if k is None else {
            "brokers": k.brokers,
            "topic": k.topic,
            "partition_begin_offset": {str(p): o for p, o in k.partition_begin_offset.items()},
            "properties": k.properties,
        },
        "format": t.format,
        "is_multi_table": t.is_multi_table,
        "memtable_on_sink_node": t.memtable_on_sink_node,
        "qualified_user": t.qualified_user,
        "cloud_cluster": t.cloud_cluster,
        "kinesis_load_info": None if n is None else {
            "region": n.region,
            "stream": n.stream,
            "endpoint": n.endpoint,
            "shard_begin_sequence_number": n.shard_begin_sequence_number,
            "properties": n.properties,
        },
    }


passed = failed = 0
for fmt, protocol in (("thrift-binary", TBinaryProtocol.TBinaryProtocol), ("thrift-compact", TCompactProtocol.TCompactProtocol)):
    decoded = []
    for corpus, version in RUNS:
        decoded.extend(decode(rlfe(fmt, corpus, version), protocol))
    if len(decoded) != len(expected):
        print(f"{fmt}: decoded {len(decoded)} tasks, expected {len(expected)}")
        failed += 1
        continue
    for i, (got, want) in enumerate(zip(decoded, expected)):
        got = as_dict(got)
        for field, value in want.items():
            if got.get(field) != value:
                print(f"{fmt}: task {i} field {field}: decoded {got.get(field)!r}, plan says {value!r}")
                failed += 1
                break
        else:
            passed += 1

print(f"thrift interop: {len(expected)} tasks ({kinesis_tasks} Kinesis) decoded field for field in binary and compact")
if kinesis_tasks == 0:
    print("the Kinesis corpus planned no task")
    failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
