"""Exactly-once mode against the in-memory twin: aborted attempts never become visible."""

from __future__ import annotations

from collections import Counter

from prometheus_client import CollectorRegistry

from worker.broker.memory import MemoryBroker
from worker.broker.types import ConsumerConfig, ProducerConfig, Record, TopicPartition
from worker.metrics import Metrics
from worker.runtime.health import Health
from worker.runtime.loop import LoopConfig
from worker.runtime.transactional import TransactionalRunner

from .test_runner import DLQ, GROUP, IN, OUT, _broker, _process, _produce


def _runner(broker: MemoryBroker, **cfg: float) -> TransactionalRunner:
    metrics = Metrics(CollectorRegistry())
    metrics.preinit(IN, OUT)
    config = LoopConfig(IN, OUT, DLQ, GROUP, poll_timeout_s=0.01, **cfg)  # type: ignore[arg-type]
    consumer = broker.consumer(ConsumerConfig(group_id=GROUP, isolation_level="read_committed"))
    producer = broker.producer(ProducerConfig(transactional_id="news-ingest-test-0"))
    return TransactionalRunner(consumer, producer, _process, config, metrics, Health())


def _committed_reads(broker: MemoryBroker, topic: str) -> list[Record]:
    c = broker.consumer(ConsumerConfig(group_id=None, isolation_level="read_committed"))
    c.assign([TopicPartition(topic, p) for p in broker.admin().partitions_for(topic)])
    out: list[Record] = []
    while batch := c.poll(0.01, 1000):
        out.extend(batch)
    c.close()
    return out


def test_exactly_once_with_injected_failures() -> None:
    broker = _broker(partitions=2)
    values = [b"good"] * 40 + [b"bad"] * 4
    _produce(broker, values)
    broker.fail_next_sends(3, retriable=True)
    runner = _runner(broker, backoff_initial_s=0.001, backoff_max_s=0.01)
    summary = runner.run(idle_timeout_s=0.3)
    runner.close()
    assert summary.consumed == 44 and summary.retries >= 1
    events = _committed_reads(broker, OUT)
    dlq = _committed_reads(broker, DLQ)
    counts = Counter(r.key for r in events)
    assert len(events) == 40 and max(counts.values()) == 1, "an aborted attempt leaked or was lost"
    assert len(dlq) == 4
    assert broker.admin().committed_offsets(GROUP) == {TopicPartition(IN, 0): 22, TopicPartition(IN, 1): 22}


def test_restart_resumes_from_the_transaction_commit() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 10)
    runner = _runner(broker)
    runner.run(max_messages=6)
    runner.close()
    runner = _runner(broker)
    summary = runner.run(idle_timeout_s=0.3)
    runner.close()
    assert summary.consumed == 4
    assert len(_committed_reads(broker, OUT)) == 10
