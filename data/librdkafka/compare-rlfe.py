#!/usr/bin/env python3
"""How often an rlfe binary's verdict class disagrees with librdkafka's on the corpus.

Usage: compare-rlfe.py RLFE_BINARY [--profile doris|default]

Runs every case of tests/corpus/librdkafka/cases.json through `RLFE run --format json`
and compares the class of rlfe's verdict (fails / ignored / warns / clean) with the
class librdkafka 1.9.2 gave when the corpus was made. A binary whose findings carry
`client_effect` is read by it; an older one (before the BE emulation) by its texts:
"will fail" / "would fail" / "cannot be set" in a KAFKA rule or MSK-16 is a refusal,
KAFKA-01/02 an ignored key, KAFKA-07/11/14/19 librdkafka's warnings. This measured the
"before" figure of the librdkafka agreement; the Rust test checks the full verdicts.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pem_material(tmp):
    def run(*args):
        subprocess.run(args, check=True, capture_output=True, cwd=tmp)

    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
        "-out", "ca.pem", "-days", "30", "-subj", "/CN=rlfe test CA")
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key",
        "-out", "leaf.csr", "-subj", "/CN=doris-be")
    run("openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "leaf.pem", "-days", "30")
    run("openssl", "genpkey", "-algorithm", "RSA", "-out", "other.key")
    read = lambda n: open(os.path.join(tmp, n)).read()
    cert = read("leaf.pem")
    return {
        "{CA_PEM}": read("ca.pem"),
        "{CERT_PEM}": cert,
        "{KEY_PEM}": read("leaf.key"),
        "{OTHER_KEY_PEM}": read("other.key"),
        "{CERT_PEM_CUT}": cert[: len(cert) // 2],
    }


def statement(i, props, material):
    def q(s):
        return s.replace("\\", "\\\\").replace('"', '\\"')

    parts = ['"kafka_broker_list" = "k1:9092"', '"kafka_topic" = "events"', '"kafka_partitions" = "0"']
    for k, v in props:
        for ph, text in material.items():
            v = v.replace(ph, text)
        key = k if k.startswith("aws.") else "property." + k
        parts.append(f'"{q(key)}" = "{q(v)}"')
    # Stopped at once: Doris allows 100 running jobs.
    return (f"CREATE ROUTINE LOAD db.job{i} ON tbl FROM KAFKA ({', '.join(parts)});\n"
            f"STOP ROUTINE LOAD FOR db.job{i};\n")


def klass(result, effects_known):
    diags = result.get("errors", []) + result.get("warnings", []) + result.get("notes", [])
    if not result.get("ok", False):
        return "rejected"
    effects = [d.get("client_effect") for d in diags if d.get("client_effect")]
    if effects_known:
        fails, ignored, warns = ("fails" in effects), ("ignored" in effects), ("warns" in effects)
    else:
        kafka = [d for d in diags if d["code"].startswith("KAFKA-") or d["code"] == "MSK-16"]
        fails = any(s in d["message"] for d in kafka for s in ("will fail", "would fail", "cannot be set"))
        ignored = any(d["code"] in ("KAFKA-01", "KAFKA-02") for d in kafka)
        warns = any(d["code"] in ("KAFKA-07", "KAFKA-11", "KAFKA-14", "KAFKA-19") for d in kafka)
    return "fails" if fails else "ignored" if ignored else "warns" if warns else "clean"


def main():
    binary = sys.argv[1]
    profile = sys.argv[sys.argv.index("--profile") + 1] if "--profile" in sys.argv else "doris"
    # A binary with the BE emulation marks librdkafka's verdict (and has KAFKA-21).
    effects_known = subprocess.run([binary, "explain", "KAFKA-21"], capture_output=True).returncode == 0
    cases = json.load(open(os.path.join(ROOT, "tests/corpus/librdkafka/cases.json")))
    with tempfile.TemporaryDirectory() as tmp:
        material = pem_material(tmp)
        script = "".join(statement(i, c["properties"], material) for i, c in enumerate(cases))
        out = subprocess.run([binary, "run", "--format", "json", "--profile", profile, "-"],
                             input=script, capture_output=True, text=True).stdout
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    results = [r for r in results if r.get("kind") == "create_routine_load"]
    disagree, by_kind, rejected = 0, {}, 0
    for case, result in zip(cases, results):
        got, want = klass(result, effects_known), case["librdkafka"]["class"]
        if got == "rejected":
            rejected += 1
            continue
        if got != want:
            disagree += 1
            by_kind[f"librdkafka {want}, rlfe {got}"] = by_kind.get(f"librdkafka {want}, rlfe {got}", 0) + 1
    judged = len(cases) - rejected
    print(f"{binary} ({profile} profile): {judged} cases judged ({rejected} refused by Doris FE), "
          f"{judged - disagree} agree, {disagree} disagree")
    for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4} {k}")


if __name__ == "__main__":
    main()
