"""``news-ingest demo``: the whole job end to end on an embedded local Kafka broker.

Starts a single-node Apache Kafka broker (KRaft, 127.0.0.1), creates the topics, produces
the development corpus (repeated up to ``--messages``) plus a few malformed messages,
runs the worker until the topic is drained, and prints a summary.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import orjson
from prometheus_client import CollectorRegistry

from worker.app import build_runner, topic_specs
from worker.broker.embedded import KafkaCluster
from worker.broker.embedded_jars import repo_root
from worker.broker.kafka import KafkaBroker
from worker.broker.types import Broker, ConsumerConfig, ProducerConfig, TopicPartition
from worker.metrics import Metrics
from worker.runtime.health import Health
from worker.runtime.probes import ProbeServer
from worker.settings import Settings

MALFORMED: list[tuple[str, bytes]] = [
    ("bad-utf8", b"\xff\xfe not utf-8 \xc3\x28"),
    ("empty", b""),
    ("wrong-types", b'{"body": 42, "url": ["x"]}'),
    ("not-json", b'{"body": "unterminated'),
    ("binary", bytes(range(256)) * 4),
    ("not-an-article", b"hello"),
]


def default_corpus() -> Path:
    return repo_root().parent / "shared" / "data" / "dev" / "articles.jsonl"


def _load(corpus: Path, n: int) -> list[tuple[str, bytes]]:
    base = [orjson.loads(line) for line in corpus.read_bytes().splitlines() if line.strip()]
    out: list[tuple[str, bytes]] = []
    i = 0
    while len(out) < n - len(MALFORMED):
        doc = base[i % len(base)]
        suffix = "" if i < len(base) else f"#{i // len(base)}"
        out.append((f"{doc['key']}{suffix}", doc["value"].encode()))
        i += 1
    return out + [(k, v) for k, v in MALFORMED]


def _produce(broker: Broker, topic: str, messages: list[tuple[str, bytes]]) -> None:
    producer = broker.producer(ProducerConfig(client_id="demo-producer"))
    handles = [producer.send(topic, k.encode(), v) for k, v in messages]
    producer.flush(60)
    failed = [h.error() for h in handles if h.error() is not None]
    producer.close(10)
    if failed:
        raise RuntimeError(f"{len(failed)} demo messages were not acknowledged: {failed[0]}")


def _first_event(broker: Broker, topic: str) -> dict[str, object] | None:
    consumer = broker.consumer(ConsumerConfig(group_id=None, client_id="demo-reader"))
    consumer.assign([TopicPartition(topic, p) for p in range(3)])
    deadline = time.monotonic() + 15
    try:
        while time.monotonic() < deadline:
            for rec in consumer.poll(0.5, 1):
                doc: dict[str, object] = orjson.loads(rec.value or b"{}")
                return doc
    finally:
        consumer.close()
    return None


def _example(doc: dict[str, object]) -> str:
    keep = [
        "article_id",
        "event_id",
        "headline",
        "published_at",
        "authors",
        "dateline",
        "countries",
        "quotes",
    ]
    short = {k: doc.get(k) for k in keep if k in doc}
    paras = doc.get("paragraphs")
    if isinstance(paras, list):
        short["paragraphs"] = f"[{len(paras)} paragraphs]"
    return orjson.dumps(short, option=orjson.OPT_INDENT_2).decode()


def run_demo(messages: int = 1000, corpus: Path | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("kafka.net.selector").setLevel(logging.ERROR)
    corpus = corpus or default_corpus()
    if not corpus.is_file():
        print(f"demo: corpus not found: {corpus} (pass --corpus FILE)", file=sys.stderr)
        return 2
    print("starting a local Apache Kafka broker (first run downloads the jars with Maven)...", flush=True)
    with KafkaCluster(nodes=1) as cluster:
        print(f"broker ready at {cluster.bootstrap} in {cluster.start_seconds or 0:.1f}s", flush=True)
        settings = Settings(bootstrap_servers=cluster.bootstrap, metrics_port=0, group_id="news-ingest-demo")
        broker = KafkaBroker(cluster.bootstrap)
        admin = broker.admin()
        admin.create_topics(topic_specs(settings), timeout_s=30)
        admin.close()
        batch = _load(corpus, messages)
        _produce(broker, settings.input_topic, batch)
        print(f"produced {len(batch)} messages to {settings.input_topic} ({len(MALFORMED)} malformed)")
        registry = CollectorRegistry()
        metrics, health = Metrics(registry), Health()
        probes = ProbeServer(registry, health, "127.0.0.1", 0).start()
        runner = build_runner(settings, broker, metrics, health)
        try:
            summary = runner.run(max_messages=len(batch), idle_timeout_s=20)
        finally:
            runner.close()
        example = _first_event(broker, settings.output_topic)
        metrics_text = _metrics_excerpt(probes.url)
        probes.stop()
    rate = summary.consumed / summary.elapsed_s if summary.elapsed_s else 0.0
    print()
    print("== news-ingest demo summary ==")
    print(f"consumed      {summary.consumed}")
    print(f"published     {summary.published}  -> topic {settings.output_topic}")
    print(f"dead-lettered {summary.dead_lettered}  -> topic {settings.dlq_topic}")
    for reason, count in sorted(summary.by_reason.items()):
        print(f"  {reason:<24} {count}")
    print(f"skipped       {summary.skipped}")
    print(f"commits       {summary.commits}")
    print(f"throughput    {rate:,.0f} messages/s over {summary.elapsed_s:.1f}s (incl. group join)")
    print(f"metrics       served at {probes.url}/metrics, /livez, /readyz while running; excerpt:")
    print(metrics_text)
    if example:
        print("example event (abridged):")
        print(_example(example))
    ok = summary.consumed == len(batch) and summary.published + summary.dead_lettered == len(batch)
    print("\nresult:", "OK, every message accounted for" if ok else "MISMATCH")
    return 0 if ok else 1


def _metrics_excerpt(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(f"{url}/metrics", timeout=5) as resp:
        text: str = resp.read().decode()
    wanted = ("news_ingest_messages_processed_total", "news_ingest_events_published_total")
    lines = [ln for ln in text.splitlines() if ln.startswith(wanted) and not ln.endswith(" 0.0")]
    return "\n".join("  " + ln for ln in lines)
