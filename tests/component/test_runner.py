"""The runtime loop against the in-memory broker twin: accounting, commits, retries, DLQ."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from worker.broker.memory import MemoryBroker
from worker.broker.types import ConsumerConfig, ProducerConfig, Record, TopicPartition, TopicSpec
from worker.errors import Reason, Rejection
from worker.metrics import Metrics
from worker.models.deadletter import DeadLetterHeaders
from worker.pipeline.outcome import DeadLetter, Outcome, Publish, Skip
from worker.runtime.health import Health
from worker.runtime.loop import FatalRuntimeError, LoopConfig, Runner

IN, OUT, DLQ, GROUP = "in", "out", "dlq", "g"


def _process(rec: Record) -> Outcome:
    value = rec.value or b""
    if value.startswith(b"bad"):
        return DeadLetter(Rejection(Reason.NOT_AN_ARTICLE, "bad value", "parse"))
    if value.startswith(b"skip"):
        return Skip("filtered")
    if value.startswith(b"boom"):
        raise RuntimeError("bug")
    return Publish(key=b"id-" + (rec.key or b""), value=value.upper())


def _broker(partitions: int = 2) -> MemoryBroker:
    broker = MemoryBroker()
    broker.admin().create_topics(
        [TopicSpec(IN, partitions), TopicSpec(OUT, partitions), TopicSpec(DLQ, 1)], timeout_s=5
    )
    return broker


def _produce(broker: MemoryBroker, values: list[bytes]) -> None:
    p = broker.producer(ProducerConfig())
    for i, v in enumerate(values):
        p.send(IN, f"k{i}".encode(), v, (("origin", b"test"),))
    p.flush(5)


def _runner(broker: MemoryBroker, registry: CollectorRegistry | None = None, **cfg: float) -> Runner:
    metrics = Metrics(registry or CollectorRegistry())
    metrics.preinit(IN, OUT)
    config = LoopConfig(IN, OUT, DLQ, GROUP, poll_timeout_s=0.01, commit_interval_s=0.0, **cfg)  # type: ignore[arg-type]
    return Runner(
        broker.consumer(ConsumerConfig(group_id=GROUP)),
        broker.producer(ProducerConfig()),
        _process,
        config,
        metrics,
        Health(),
    )


def _read_all(broker: MemoryBroker, topic: str) -> list[Record]:
    c = broker.consumer(ConsumerConfig(group_id=None))
    parts = broker.admin().partitions_for(topic)
    c.assign([TopicPartition(topic, p) for p in parts])
    out: list[Record] = []
    while batch := c.poll(0.01, 1000):
        out.extend(batch)
    c.close()
    return out


def test_every_message_is_accounted_for_and_committed() -> None:
    broker = _broker()
    values = [b"good article"] * 20 + [b"bad one"] * 5 + [b"skip me"] * 3 + [b"boom"] * 2
    _produce(broker, values)
    registry = CollectorRegistry()
    runner = _runner(broker, registry)
    summary = runner.run(idle_timeout_s=0.2)
    runner.close()
    assert summary.consumed == 30
    assert (summary.published, summary.dead_lettered, summary.skipped) == (20, 7, 3)
    assert summary.by_reason == {"not_an_article": 5, "internal_error": 2}
    out, dlq = _read_all(broker, OUT), _read_all(broker, DLQ)
    assert len(out) == 20 and all(r.value == b"GOOD ARTICLE" for r in out)
    assert len(dlq) == 7
    # DLQ: original key/value/headers untouched, then the ingest.* context.
    for rec in dlq:
        assert rec.value in (b"bad one", b"boom")
        assert rec.headers[0] == ("origin", b"test")
        ctx = DeadLetterHeaders.from_headers(list(rec.headers[1:]))
        assert ctx.source_topic == IN and ctx.consumer_group == GROUP and ctx.attempts == 1
    committed = broker.admin().committed_offsets(GROUP)
    ends = {
        TopicPartition(IN, p): broker.end_offset(TopicPartition(IN, p), "read_uncommitted") for p in (0, 1)
    }
    assert committed == ends
    assert registry.get_sample_value("news_ingest_dlq_messages_total", {"reason": "not_an_article"}) == 5
    assert (
        registry.get_sample_value("news_ingest_messages_processed_total", {"topic": IN, "outcome": "ok"})
        == 20
    )


def test_transient_send_failures_are_retried_not_lost() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 10)
    broker.fail_next_sends(4, retriable=True)
    runner = _runner(broker, backoff_initial_s=0.001, backoff_max_s=0.01)
    summary = runner.run(idle_timeout_s=0.3)
    runner.close()
    assert summary.published == 10 and summary.retries >= 4
    keys = sorted(r.key or b"" for r in _read_all(broker, OUT))
    assert len(set(keys)) == 10
    assert broker.admin().committed_offsets(GROUP) == {TopicPartition(IN, 0): 10}


def test_permanent_output_failure_goes_to_dlq() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 3)
    broker.fail_next_sends(1, retriable=False)
    runner = _runner(broker)
    summary = runner.run(idle_timeout_s=0.2)
    runner.close()
    assert summary.published == 2 and summary.by_reason == {"publish_rejected": 1}
    (dlq,) = _read_all(broker, DLQ)
    assert dlq.value == b"good"
    assert DeadLetterHeaders.from_headers(list(dlq.headers[1:])).reason is Reason.PUBLISH_REJECTED


def test_gives_up_when_delivery_keeps_failing_and_commits_nothing_past_it() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 3)
    broker.fail_next_sends(10_000, retriable=True)
    runner = _runner(
        broker, backoff_initial_s=0.001, backoff_max_s=0.005, give_up_after_s=0.3, shutdown_timeout_s=0.5
    )
    with pytest.raises(FatalRuntimeError):
        runner.run(idle_timeout_s=5)
    runner.close()
    assert broker.admin().committed_offsets(GROUP).get(TopicPartition(IN, 0), 0) == 0


def test_max_messages_stops_and_commits_exactly_that_many() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 10)
    runner = _runner(broker)
    summary = runner.run(max_messages=4)
    runner.close()
    assert summary.consumed == 4 and summary.stop_cause == "max_messages"
    assert broker.admin().committed_offsets(GROUP) == {TopicPartition(IN, 0): 4}
    # A second run resumes from the commit: nothing lost, nothing repeated.
    runner = _runner(broker)
    summary = runner.run(idle_timeout_s=0.2)
    runner.close()
    assert summary.consumed == 6
    assert len(_read_all(broker, OUT)) == 10


def test_stop_request_drains_in_flight() -> None:
    broker = _broker(partitions=1)
    _produce(broker, [b"good"] * 5)
    runner = _runner(broker)
    runner.request_stop("test")
    summary = runner.run()
    runner.close()
    assert summary.stop_cause == "test" and summary.consumed == 0
