"""The worker as a user runs it (`news-ingest run` subprocess) against a real Kafka broker.

1,000 messages, 10% malformed: every input key ends up exactly once in the output topic or the
DLQ, DLQ records carry the original bytes and headers, the worker stays up and ready, SIGTERM
exits 0, and the group's committed offsets reach the end of the input topic.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

import pytest

from worker.broker.kafka import KafkaBroker
from worker.broker.types import ConsumerConfig, ProducerConfig, Record, TopicPartition
from worker.models.deadletter import DeadLetterHeaders
from worker.settings import Settings

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev" / "articles.jsonl"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _malformed(i: int, rng: random.Random) -> bytes:
    kind = i % 6
    if kind == 0:
        return b"\xff\xfe broken " + bytes(rng.randrange(128, 256) for _ in range(50))
    if kind == 1:
        return b""
    if kind == 2:
        return json.dumps({"body": rng.randrange(10**6), "url": [1, 2], "fetched_at": True}).encode()
    if kind == 3:
        return b"x" * 2_000_000
    if kind == 4:
        return bytes(rng.randrange(0, 32) for _ in range(4096))
    return b"{not json at all"


def _messages(n: int, bad_share: float) -> tuple[list[tuple[bytes, bytes]], set[bytes]]:
    rng = random.Random(7)
    corpus = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    msgs: list[tuple[bytes, bytes]] = []
    bad_keys: set[bytes] = set()
    n_bad = int(n * bad_share)
    bad_at = set(rng.sample(range(n), n_bad))
    for i in range(n):
        key = f"m{i:05d}".encode()
        if i in bad_at:
            msgs.append((key, _malformed(len(bad_keys), rng)))
            bad_keys.add(key)
        else:
            msgs.append((key, corpus[i % len(corpus)]["value"].encode()))
    return msgs, bad_keys


def _drain(broker: KafkaBroker, topic: str, expected: int, timeout_s: float) -> list[Record]:
    consumer = broker.consumer(ConsumerConfig(group_id=None, client_id="verifier"))
    parts = broker.admin().partitions_for(topic)
    consumer.assign([TopicPartition(topic, p) for p in parts])
    out: list[Record] = []
    deadline = time.monotonic() + timeout_s
    while len(out) < expected and time.monotonic() < deadline:
        out.extend(consumer.poll(0.5, 500))
    out.extend(consumer.poll(0.5, 500))  # anything beyond the expected count is a duplicate
    consumer.close()
    return out


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"development corpus not found at {CORPUS}")
def test_thousand_messages_ten_percent_malformed(kafka_bootstrap: str, tmp_path: Path) -> None:
    suffix = uuid.uuid4().hex[:8]
    settings = Settings(
        bootstrap_servers=kafka_bootstrap,
        input_topic=f"raw-{suffix}",
        output_topic=f"events-{suffix}",
        dlq_topic=f"dlq-{suffix}",
        group_id=f"worker-{suffix}",
    )
    from worker.app import topic_specs

    broker = KafkaBroker(kafka_bootstrap)
    admin = broker.admin()
    admin.create_topics(topic_specs(settings, partitions=3), timeout_s=30)
    msgs, bad_keys = _messages(1000, 0.10)
    producer = broker.producer(ProducerConfig(client_id="test-producer", max_request_size=10_485_760))
    handles = [producer.send(settings.input_topic, k, v, (("origin", b"it"),)) for k, v in msgs]
    producer.flush(60)
    assert all(h.error() is None for h in handles)
    producer.close(10)

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
    env.update(
        INGEST_BOOTSTRAP_SERVERS=kafka_bootstrap,
        INGEST_INPUT_TOPIC=settings.input_topic,
        INGEST_OUTPUT_TOPIC=settings.output_topic,
        INGEST_DLQ_TOPIC=settings.dlq_topic,
        INGEST_GROUP_ID=settings.group_id,
        INGEST_METRICS_PORT=str(port),
        INGEST_SESSION_TIMEOUT_S="10",
    )
    log = tmp_path / "worker.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "worker", "run"],
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    input_tps = [TopicPartition(settings.input_topic, p) for p in range(3)]
    probe = broker.consumer(ConsumerConfig(group_id=None))
    ends = probe.end_offsets(input_tps, 10)
    probe.close()
    try:
        # Bounded wait (a slow, loaded machine gets time; a stuck worker fails the test).
        deadline = time.monotonic() + 300
        while admin.committed_offsets(settings.group_id) != ends and time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            time.sleep(1)
        events = _drain(broker, settings.output_topic, 1000 - len(bad_keys), timeout_s=60)
        dlq = _drain(broker, settings.dlq_topic, len(bad_keys), timeout_s=30)
        assert proc.poll() is None, log.read_text()
        status, body = _get(f"http://127.0.0.1:{port}/readyz")
        assert status == 200, body
        status, metrics = _get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200 and "news_ingest_dlq_messages_total" in metrics
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        if proc.poll() is None:  # an impatient orchestrator repeats the signal: still a clean exit
            proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    seen: Counter[bytes] = Counter()
    for rec in events:
        doc = json.loads(rec.value or b"{}")
        seen[doc["ingest"]["key"].encode()] += 1
        assert rec.key == doc["article_id"].encode()
    sent = dict(msgs)
    for rec in dlq:
        assert rec.key is not None and rec.key in bad_keys
        assert rec.value == sent[rec.key] or (rec.value is None and sent[rec.key] == b"")
        assert rec.headers[0] == ("origin", b"it")
        ctx = DeadLetterHeaders.from_headers(list(rec.headers[1:]))
        assert ctx.source_topic == settings.input_topic and ctx.consumer_group == settings.group_id
        seen[rec.key] += 1
    assert set(seen) == {k for k, _ in msgs}, "some keys were lost"
    assert max(seen.values()) == 1, "duplicates after a clean run"
    reasons = Counter(DeadLetterHeaders.from_headers(list(r.headers[1:])).reason.value for r in dlq)
    assert {
        "bad_encoding",
        "empty_value",
        "schema_violation",
        "too_large",
        "binary_content",
        "bad_json",
    } <= set(reasons), reasons
    committed = admin.committed_offsets(settings.group_id)
    admin.close()
    assert committed == ends
