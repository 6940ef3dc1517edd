"""One contract suite for both implementations of the broker seam (memory twin and real Kafka)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import pytest

from worker.broker.kafka import KafkaBroker
from worker.broker.memory import MemoryBroker
from worker.broker.types import (
    Admin,
    Broker,
    BrokerError,
    Consumer,
    ConsumerConfig,
    Producer,
    ProducerConfig,
    Record,
    TopicPartition,
    TopicSpec,
)

FAST = ConsumerConfig(group_id=None, session_timeout_s=6.0, heartbeat_interval_s=0.5)


@dataclass
class Env:
    """A broker plus the clients a test opened (closed at teardown)."""

    broker: Broker
    name: Callable[[str], str]
    admin: Admin
    closers: list[Callable[[], None]] = field(default_factory=list)

    def topic(self, partitions: int = 1) -> str:
        topic = self.name("t")
        self.admin.create_topics([TopicSpec(topic, partitions)], timeout_s=30)
        return topic

    def consumer(self, **kw: object) -> Consumer:
        c = self.broker.consumer(replace(FAST, **kw))  # type: ignore[arg-type]
        self.closers.append(c.close)
        return c

    def producer(self, **kw: object) -> Producer:
        p = self.broker.producer(ProducerConfig(**kw))  # type: ignore[arg-type]
        self.closers.append(lambda: p.close(10))
        return p


@pytest.fixture(params=["memory", pytest.param("kafka", marks=pytest.mark.integration)])
def env(request: pytest.FixtureRequest, unique_name: Callable[[str], str]) -> Iterator[Env]:
    broker: Broker
    if request.param == "memory":
        broker = MemoryBroker()
    else:
        bootstrap = request.getfixturevalue("kafka_bootstrap")
        broker = KafkaBroker(bootstrap, consumer_overrides={"fetch_max_wait_ms": 100})
    e = Env(broker, unique_name, broker.admin())
    yield e
    for close in reversed(e.closers):
        close()
    e.admin.close()


class Listener:
    def __init__(self, on_revoked: Callable[[set[TopicPartition]], None] | None = None) -> None:
        self.events: list[tuple[str, set[TopicPartition]]] = []
        self._hook = on_revoked
        self.threads: set[str] = set()

    def on_assigned(self, partitions: set[TopicPartition]) -> None:
        self.events.append(("assigned", set(partitions)))

    def on_revoked(self, partitions: set[TopicPartition]) -> None:
        self.events.append(("revoked", set(partitions)))
        if self._hook is not None:
            self._hook(partitions)

    def on_lost(self, partitions: set[TopicPartition]) -> None:
        self.events.append(("lost", set(partitions)))


def drain(consumer: Consumer, n: int, timeout_s: float = 20.0) -> list[Record]:
    records: list[Record] = []
    deadline = time.monotonic() + timeout_s
    while len(records) < n and time.monotonic() < deadline:
        records += consumer.poll(0.2, 500)
    return records


def produce(p: Producer, topic: str, values: list[bytes], key: bytes | None = None) -> None:
    handles = [p.send(topic, key, v, (("h", b"1"),)) for v in values]
    p.flush(30)
    assert [h.wait(30) for h in handles] == [None] * len(values)


def tps(topic: str, n: int) -> set[TopicPartition]:
    return {TopicPartition(topic, i) for i in range(n)}


def test_create_topics_idempotent_and_listed(env: Env) -> None:
    topic = env.topic(partitions=3)
    env.admin.create_topics([TopicSpec(topic, 3)], timeout_s=30)  # existing: no error
    assert topic in env.admin.list_topics()
    assert env.admin.partitions_for(topic) == [0, 1, 2]
    assert env.admin.describe_cluster()["brokers"]
    env.admin.delete_topics([topic], timeout_s=30)
    assert topic not in env.admin.list_topics()


def test_produce_with_headers_and_keys_then_consume_from_earliest(env: Env) -> None:
    topic = env.topic()
    p = env.producer()
    handles = [p.send(topic, b"k%d" % i, b"v%d" % i, (("trace", b"t%d" % i), ("x", b""))) for i in range(5)]
    assert all(h.wait(30) is None for h in handles)
    assert all(h.done() and h.error() is None for h in handles)
    c = env.consumer()
    c.assign([TopicPartition(topic, 0)])
    got = drain(c, 5)
    assert [(r.offset, r.key, r.value) for r in got] == [(i, b"k%d" % i, b"v%d" % i) for i in range(5)]
    assert got[0].headers == (("trace", b"t0"), ("x", b""))
    assert got[0].timestamp_ms > 0 and got[0].tp == TopicPartition(topic, 0)


def test_commit_and_read_committed_back(env: Env) -> None:
    topic = env.topic()
    produce(env.producer(), topic, [b"a", b"b", b"c"])
    group = env.name("g")
    tp = TopicPartition(topic, 0)
    c = env.consumer(group_id=group)
    c.assign([tp])
    assert c.committed(tp, 10) is None
    assert len(drain(c, 3)) == 3
    c.commit({tp: 2}, 10)
    assert c.committed(tp, 10) == 2
    assert env.admin.committed_offsets(group) == {tp: 2}
    c2 = env.consumer(group_id=group)
    c2.assign([tp])
    assert [r.value for r in drain(c2, 1)] == [b"c"]  # resumes at the committed offset


def test_pause_resume_seek_position(env: Env) -> None:
    topic = env.topic(partitions=2)
    p = env.producer()
    # keys chosen so both partitions get data regardless of the partitioner
    for i in range(40):
        p.send(topic, b"key-%d" % i, b"%d" % i)
    p.flush(30)
    c = env.consumer()
    c.assign(tps(topic, 2))
    ends = c.end_offsets(tps(topic, 2), 10)
    assert sum(ends.values()) == 40 and all(v > 0 for v in ends.values())
    assert c.beginning_offsets(tps(topic, 2), 10) == {tp: 0 for tp in tps(topic, 2)}
    tp0, tp1 = TopicPartition(topic, 0), TopicPartition(topic, 1)
    c.pause([tp0])
    assert c.paused() == {tp0}
    got = drain(c, ends[tp1])
    assert {r.partition for r in got} == {1} and len(got) == ends[tp1]
    assert c.position(tp1, 10) == ends[tp1]
    c.resume([tp0])
    assert c.paused() == set()
    assert {r.partition for r in drain(c, ends[tp0])} == {0}
    c.seek(tp1, 1)
    again = drain(c, ends[tp1] - 1)
    assert [r.offset for r in again] == list(range(1, ends[tp1]))
    assert c.highwater(tp1) == ends[tp1]
    assert "consumer-fetch-manager-metrics.records-lag-max" in c.client_metrics()


def test_offsets_for_times(env: Env) -> None:
    topic = env.topic()
    p = env.producer()
    produce(p, topic, [b"early"])
    time.sleep(0.05)
    middle = int(time.time() * 1000)
    time.sleep(0.05)
    produce(p, topic, [b"late"])
    tp = TopicPartition(topic, 0)
    c = env.consumer()
    assert c.offsets_for_times({tp: 0}, 10) == {tp: 0}
    assert c.offsets_for_times({tp: middle}, 10) == {tp: 1}
    assert c.offsets_for_times({tp: middle + 3_600_000}, 10) == {tp: None}


def test_two_megabyte_value_round_trips(env: Env) -> None:
    topic = env.topic()
    value = os.urandom(2 * 1024 * 1024)  # incompressible
    produce(env.producer(), topic, [value])
    c = env.consumer()
    c.assign([TopicPartition(topic, 0)])
    (got,) = drain(c, 1)
    assert got.value == value


def test_transactions_read_committed_sees_only_committed(env: Env) -> None:
    topic = env.topic()
    group = env.name("g")
    tp = TopicPartition(topic, 0)
    p = env.producer(transactional_id=env.name("tx"))
    p.init_transactions()
    p.begin_transaction()
    p.send(topic, None, b"committed-1")
    p.send(topic, None, b"committed-2")
    meta_consumer = env.consumer(group_id=group)
    meta_consumer.assign([tp])
    p.send_offsets_to_transaction({tp: 7}, meta_consumer.group_metadata())
    p.commit_transaction()
    p.begin_transaction()
    p.send(topic, None, b"aborted")
    p.flush(30)
    p.abort_transaction()
    p.begin_transaction()
    p.send(topic, None, b"committed-3")
    p.commit_transaction()
    rc = env.consumer(isolation_level="read_committed")
    rc.assign([tp])
    got = drain(rc, 3)
    got += rc.poll(0.5, 500)
    assert [r.value for r in got] == [b"committed-1", b"committed-2", b"committed-3"]
    assert meta_consumer.committed(tp, 10) == 7
    ru = env.consumer(isolation_level="read_uncommitted")
    ru.assign([tp])
    assert b"aborted" in [r.value for r in drain(ru, 4)]


def test_open_transaction_is_invisible_to_read_committed(env: Env) -> None:
    topic = env.topic()
    tp = TopicPartition(topic, 0)
    p = env.producer(transactional_id=env.name("tx"))
    p.init_transactions()
    p.begin_transaction()
    p.send(topic, None, b"pending")
    p.flush(30)
    rc = env.consumer(isolation_level="read_committed")
    rc.assign([tp])
    assert rc.poll(1.0, 500) == []
    assert rc.end_offsets([tp], 10) == {tp: 0}  # last stable offset
    p.commit_transaction()
    assert [r.value for r in drain(rc, 1)] == [b"pending"]


def test_listener_sees_assign_on_subscribe_and_revoke_on_close_and_may_commit(env: Env) -> None:
    topic = env.topic(partitions=2)
    produce(env.producer(), topic, [b"x"], key=b"k")
    group = env.name("g")
    c = env.consumer(group_id=group)
    committed_in_revoke: list[int | None] = []

    def commit_on_revoke(parts: set[TopicPartition]) -> None:
        c.commit({tp: 0 for tp in parts}, 10)  # blocking consumer call from inside the listener
        committed_in_revoke.append(c.committed(min(parts), 10))
        listener.threads.add(threading.current_thread().name)

    listener = Listener(on_revoked=commit_on_revoke)
    c.subscribe([topic], listener)
    deadline = time.monotonic() + 30
    while c.assignment() != tps(topic, 2) and time.monotonic() < deadline:
        c.poll(0.2, 500)
    assert c.assignment() == tps(topic, 2)
    assert listener.events == [("assigned", tps(topic, 2))]
    c.close()
    assert listener.events[-1] == ("revoked", tps(topic, 2))
    assert committed_in_revoke == [0]
    assert env.admin.committed_offsets(group) == {tp: 0 for tp in tps(topic, 2)}


@pytest.mark.parametrize("cooperative", [True, False], ids=["cooperative", "eager"])
def test_two_members_split_partitions(env: Env, cooperative: bool) -> None:
    topic = env.topic(partitions=4)
    group = env.name("g")
    l1, l2 = Listener(), Listener()
    c1 = env.consumer(group_id=group, cooperative=cooperative)
    c1.subscribe([topic], l1)
    deadline = time.monotonic() + 30
    while c1.assignment() != tps(topic, 4) and time.monotonic() < deadline:
        c1.poll(0.1, 500)
    assert c1.assignment() == tps(topic, 4)
    c2 = env.consumer(group_id=group, cooperative=cooperative)
    c2.subscribe([topic], l2)
    deadline = time.monotonic() + 45

    def split() -> bool:
        a1, a2 = c1.assignment(), c2.assignment()
        return bool(a1) and bool(a2) and not a1 & a2 and a1 | a2 == tps(topic, 4)

    while not split() and time.monotonic() < deadline:
        c1.poll(0.1, 500)
        c2.poll(0.1, 500)
    assert split(), (c1.assignment(), c2.assignment())
    assert len(c1.assignment()) == len(c2.assignment()) == 2
    assert any(kind == "revoked" for kind, _ in l1.events)
    # member 2 leaves: member 1 gets everything back
    c2.close()
    deadline = time.monotonic() + 45
    while c1.assignment() != tps(topic, 4) and time.monotonic() < deadline:
        c1.poll(0.1, 500)
    assert c1.assignment() == tps(topic, 4)


def test_commit_of_unowned_partition_fails_or_consumer_errors_are_broker_errors(env: Env) -> None:
    c = env.consumer()  # no group
    with pytest.raises(BrokerError):
        c.commit({TopicPartition("nope", 0): 1}, 5)


# ---- memory twin only: test hooks ------------------------------------------------------------


def test_memory_hooks_fail_and_hold_sends() -> None:
    broker = MemoryBroker()
    broker.admin().create_topics([TopicSpec("t", 1)], 1)
    p = broker.producer(ProducerConfig())
    broker.fail_next_sends(1, retriable=True)
    err = p.send("t", None, b"x").wait(1)
    assert err is not None and err.retriable
    broker.hold_acks()
    h = p.send("t", None, b"y")
    assert not h.done() and h.wait(0.01) is not None
    broker.release_acks()
    assert h.wait(1) is None
    assert [r.value for r in broker.records("t")] == [b"y"]
