"""The known input: small UPI-shape articles from the dev corpus, each under a unique key."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from worker.broker.kafka import KafkaBroker
from worker.broker.types import ProducerConfig, TopicPartition, TopicSpec

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev" / "articles.jsonl"
SMALLEST = 60  # the 60 shortest dev articles (<= ~3 KB): they all parse and keep the worker fast
BIG = {"max.message.bytes": "2162688"}


def key_of(n: int) -> bytes:
    return f"f{n:06d}".encode()


def corpus_values(path: Path = CORPUS) -> list[bytes]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    values = sorted((str(r["value"]) for r in rows), key=len)[:SMALLEST]
    return [v.encode() for v in values]


def messages(n: int, seed: int, path: Path = CORPUS) -> list[tuple[bytes, bytes]]:
    """``n`` (key, value) pairs: keys ``f000000``.., values drawn (seeded) from the small articles."""
    values = corpus_values(path)
    rng = random.Random(seed)
    return [(key_of(i), rng.choice(values)) for i in range(n)]


@dataclass(frozen=True, slots=True)
class Topics:
    input: str
    output: str
    dlq: str
    group: str

    def input_tps(self, partitions: int) -> list[TopicPartition]:
        return [TopicPartition(self.input, p) for p in range(partitions)]


def topic_names(scenario: str, suffix: str) -> Topics:
    base = f"faults-{scenario}-{suffix}"
    return Topics(f"{base}.raw", f"{base}.events", f"{base}.dlq", f"{base}.group")


def create_topics(
    broker: KafkaBroker, topics: Topics, partitions: int, replication: int = 1, min_isr: int | None = None
) -> None:
    configs = dict(BIG)
    if min_isr is not None:
        configs["min.insync.replicas"] = str(min_isr)
    specs = [
        TopicSpec(topics.input, partitions, replication, configs),
        TopicSpec(topics.output, partitions, replication, configs),
        TopicSpec(topics.dlq, 1, replication, configs),
    ]
    admin = broker.admin()
    try:
        admin.create_topics(specs, timeout_s=60)
    finally:
        admin.close()


def produce(
    broker: KafkaBroker, topic: str, msgs: Sequence[tuple[bytes, bytes]], timeout_s: float = 180
) -> float:
    """Produce every message (acks=all, idempotent) and wait for all acks; returns seconds taken."""
    started = time.monotonic()
    producer = broker.producer(ProducerConfig(client_id="faults-producer", linger_ms=20))
    try:
        handles = [producer.send(topic, key, value) for key, value in msgs]
        producer.flush(timeout_s)
        failed = [(i, h.error()) for i, h in enumerate(handles) if h.error() is not None or not h.done()]
        if failed:
            raise RuntimeError(f"{len(failed)} input messages not acknowledged, first: {failed[0]}")
    finally:
        producer.close(10)
    return time.monotonic() - started
