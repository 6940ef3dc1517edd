"""In-memory twin of the broker seam for fast component tests (checked by the contract suite).

Mirrors the Kafka behaviours the worker relies on: per-partition logs with offsets and
timestamps, consumer groups (range assignment among live members, listener calls inside
``poll``/``close``, committed offsets, a partition is only handed to its new owner after the old
owner revoked it), pause/resume/seek, end/beginning offsets, ``offsets_for_times``, and
transactions (records invisible to ``read_committed`` until commit, aborted ones never; commit and
abort markers take one offset each, as in Kafka). Test hooks: :meth:`MemoryBroker.fail_next_sends`,
:meth:`MemoryBroker.hold_acks` / :meth:`MemoryBroker.release_acks`. One lock guards everything.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from worker.broker.types import (
    Admin,
    BrokerError,
    Consumer,
    ConsumerConfig,
    Headers,
    Producer,
    ProducerConfig,
    Record,
    SendHandle,
    TopicPartition,
    TopicSpec,
)

if TYPE_CHECKING:
    from worker.broker.memory_consumer import MemoryConsumer

__all__ = ["MemoryBroker", "MemorySendHandle"]


@dataclass(eq=False)
class Txn:
    state: str = "open"  # open | committed | aborted
    partitions: set[TopicPartition] = field(default_factory=set)
    offsets: dict[str, dict[TopicPartition, int]] = field(default_factory=dict)


@dataclass(slots=True)
class Entry:
    record: Record | None  # None: a transaction marker (takes an offset, never delivered)
    txn: Txn | None = None


@dataclass(eq=False)
class Group:
    members: list[MemoryConsumer] = field(default_factory=list)
    committed: dict[TopicPartition, int] = field(default_factory=dict)
    owner: dict[TopicPartition, MemoryConsumer] = field(default_factory=dict)
    generation: int = 0


@dataclass(frozen=True, slots=True)
class GroupMetadata:
    group_id: str | None
    generation: int
    member_id: str


def illegal_state(message: str) -> BrokerError:
    return BrokerError(f"IllegalStateError: {message}", retriable=False)


class MemorySendHandle:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._error: BrokerError | None = None
        self.offset: int | None = None

    def complete(self, error: BrokerError | None = None) -> None:
        self._error = error
        self._event.set()

    def done(self) -> bool:
        return self._event.is_set()

    def error(self) -> BrokerError | None:
        return self._error if self._event.is_set() else None

    def wait(self, timeout_s: float) -> BrokerError | None:
        if not self._event.wait(max(0.0, timeout_s)):
            return BrokerError(f"send not acknowledged within {timeout_s}s", retriable=True)
        return self._error


class MemoryBroker:
    """An in-memory single-node "cluster". ``clock_ms`` stamps produced records."""

    def __init__(
        self, *, max_message_bytes: int = 10_485_760, clock_ms: Callable[[], int] | None = None
    ) -> None:
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.max_message_bytes = max_message_bytes
        self.clock_ms = clock_ms or (lambda: int(time.time() * 1000))
        self.topics: dict[str, list[list[Entry]]] = {}
        self.groups: dict[str, Group] = {}
        self.txn_owners: dict[str, MemoryProducer] = {}
        self.failures: list[BrokerError] = []
        self.holding = False
        self.held: list[MemorySendHandle] = []
        self._member_seq = 0

    # -- Broker --------------------------------------------------------------------------------

    def consumer(self, config: ConsumerConfig) -> Consumer:
        from worker.broker.memory_consumer import MemoryConsumer

        return MemoryConsumer(self, config)

    def producer(self, config: ProducerConfig) -> Producer:
        return MemoryProducer(self, config)

    def admin(self) -> Admin:
        return MemoryAdmin(self)

    # -- test hooks ----------------------------------------------------------------------------

    def fail_next_sends(self, n: int, retriable: bool = True, message: str = "injected send failure") -> None:
        """The next ``n`` sends fail (nothing is appended)."""
        with self.lock:
            self.failures.extend(BrokerError(message, retriable=retriable) for _ in range(n))

    def hold_acks(self) -> None:
        """Records are appended but their send handles stay pending until :meth:`release_acks`."""
        with self.lock:
            self.holding = True

    def release_acks(self, error: BrokerError | None = None) -> None:
        with self.lock:
            held, self.held, self.holding = self.held, [], False
            self.changed.notify_all()
        for handle in held:
            handle.complete(error)

    def records(self, topic: str) -> list[Record]:
        """Every data record of a topic (all partitions, any transaction state), for assertions."""
        with self.lock:
            return [e.record for log in self.topics.get(topic, []) for e in log if e.record is not None]

    # -- internals (call with the lock held) ---------------------------------------------------

    def log(self, tp: TopicPartition) -> list[Entry]:
        parts = self.topics.get(tp.topic)
        if parts is None or not 0 <= tp.partition < len(parts):
            raise BrokerError(f"UnknownTopicOrPartitionError: {tp}", retriable=True)
        return parts[tp.partition]

    def last_stable(self, tp: TopicPartition) -> int:
        log = self.log(tp)
        for offset, entry in enumerate(log):
            if entry.txn is not None and entry.txn.state == "open":
                return offset
        return len(log)

    def end_offset(self, tp: TopicPartition, isolation: str) -> int:
        return self.last_stable(tp) if isolation == "read_committed" else len(self.log(tp))

    def next_member_id(self, client_id: str) -> str:
        self._member_seq += 1
        return f"{client_id}-{self._member_seq}"

    def rebalance(self, group: Group) -> None:
        """Range-assign every subscribed topic among the live members subscribed to it."""
        group.generation += 1
        targets: dict[MemoryConsumer, set[TopicPartition]] = {m: set() for m in group.members}
        topics = sorted({t for m in group.members for t in m.subscription})
        for topic in topics:
            members = [m for m in group.members if topic in m.subscription]
            count = len(self.topics.get(topic, []))
            share, extra = divmod(count, len(members))
            start = 0
            for i, member in enumerate(members):
                n = share + (1 if i < extra else 0)
                targets[member].update(TopicPartition(topic, p) for p in range(start, start + n))
                start += n
        for member, target in targets.items():
            member.target = target
        self.changed.notify_all()

    def append(
        self, topic: str, key: bytes | None, value: bytes | None, headers: Headers, txn: Txn | None
    ) -> int:
        parts = self.topics.get(topic)
        if parts is None:
            raise BrokerError(f"UnknownTopicOrPartitionError: {topic}", retriable=True)
        if key is not None:
            partition = zlib.crc32(key) % len(parts)
        else:
            partition = min(range(len(parts)), key=lambda p: len(parts[p]))
        tp = TopicPartition(topic, partition)
        log = parts[partition]
        offset = len(log)
        record = Record(topic, partition, offset, key, value, tuple(headers), self.clock_ms())
        log.append(Entry(record, txn))
        if txn is not None:
            txn.partitions.add(tp)
        self.changed.notify_all()
        return offset

    def finish_txn(self, txn: Txn, state: str) -> None:
        txn.state = state
        for tp in sorted(txn.partitions):
            self.log(tp).append(Entry(None, txn))
        if state == "committed":
            for group_id, offsets in txn.offsets.items():
                self.groups.setdefault(group_id, Group()).committed.update(offsets)
        self.changed.notify_all()


class MemoryProducer:
    def __init__(self, broker: MemoryBroker, config: ProducerConfig) -> None:
        self._broker = broker
        self._config = config
        self.txn: Txn | None = None
        self._initialized = False
        self.fenced = False
        self._closed = False

    def _check(self, transactional: bool = False) -> None:
        if self._closed:
            raise illegal_state("producer is closed")
        if self.fenced:
            raise BrokerError("ProducerFencedError: a newer producer has the same transactional id")
        if transactional and self._config.transactional_id is None:
            raise illegal_state("transactional method without a transactional_id")

    def send(self, topic: str, key: bytes | None, value: bytes | None, headers: Headers = ()) -> SendHandle:
        handle = MemorySendHandle()
        broker = self._broker
        size = len(key or b"") + len(value or b"") + sum(len(k) + len(v) for k, v in headers)
        with broker.lock:
            try:
                self._check()
                if self._config.transactional_id is not None and self.txn is None:
                    raise illegal_state("send outside a transaction on a transactional producer")
                if size > min(self._config.max_request_size, broker.max_message_bytes):
                    raise BrokerError(f"MessageSizeTooLargeError: {size} bytes", retriable=False)
                if broker.failures:
                    raise broker.failures.pop(0)
                handle.offset = broker.append(topic, key, value, headers, self.txn)
            except BrokerError as exc:
                handle.complete(exc)
                return handle
            if broker.holding:
                broker.held.append(handle)
                return handle
        handle.complete()
        return handle

    def flush(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        with self._broker.lock:
            while self._broker.held:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise BrokerError(
                        f"KafkaTimeoutError: flush not done within {timeout_s}s", retriable=True
                    )
                self._broker.changed.wait(remaining)

    def init_transactions(self) -> None:
        with self._broker.lock:
            self._check(transactional=True)
            assert self._config.transactional_id is not None
            previous = self._broker.txn_owners.get(self._config.transactional_id)
            if previous is not None and previous is not self:
                if previous.txn is not None and previous.txn.state == "open":
                    self._broker.finish_txn(previous.txn, "aborted")
                previous.txn = None
                previous.fenced = True
            self._broker.txn_owners[self._config.transactional_id] = self
            self._initialized = True

    def begin_transaction(self) -> None:
        with self._broker.lock:
            self._check(transactional=True)
            if not self._initialized:
                raise illegal_state("init_transactions() first")
            if self.txn is not None:
                raise illegal_state("a transaction is already open")
            self.txn = Txn()

    def send_offsets_to_transaction(
        self, offsets: Mapping[TopicPartition, int], group_metadata: object
    ) -> None:
        with self._broker.lock:
            self._check(transactional=True)
            if self.txn is None:
                raise illegal_state("no open transaction")
            if not isinstance(group_metadata, GroupMetadata) or group_metadata.group_id is None:
                raise illegal_state("group_metadata must come from a group consumer")
            self.txn.offsets.setdefault(group_metadata.group_id, {}).update(offsets)

    def _finish(self, state: str) -> None:
        with self._broker.lock:
            self._check(transactional=True)
            if self.txn is None:
                raise illegal_state("no open transaction")
            txn, self.txn = self.txn, None
            self._broker.finish_txn(txn, state)

    def commit_transaction(self) -> None:
        self._finish("committed")

    def abort_transaction(self) -> None:
        self._finish("aborted")

    def close(self, timeout_s: float) -> None:
        with self._broker.lock:
            if self.txn is not None:
                self._broker.finish_txn(self.txn, "aborted")
                self.txn = None
            self._closed = True


class MemoryAdmin:
    def __init__(self, broker: MemoryBroker) -> None:
        self._broker = broker

    def create_topics(self, specs: Sequence[TopicSpec], timeout_s: float) -> None:
        broker = self._broker
        with broker.lock:
            for spec in specs:
                if spec.partitions < 1 or spec.replication_factor not in (-1, 1):
                    raise BrokerError(f"InvalidPartitionsError/InvalidReplicationFactorError: {spec}")
                broker.topics.setdefault(spec.name, [[] for _ in range(spec.partitions)])
            for group in broker.groups.values():
                if any(s.name in m.subscription for m in group.members for s in specs):
                    broker.rebalance(group)

    def delete_topics(self, names: Sequence[str], timeout_s: float) -> None:
        broker = self._broker
        with broker.lock:
            for name in names:
                broker.topics.pop(name, None)
            for group in broker.groups.values():
                if any(n in m.subscription for m in group.members for n in names):
                    broker.rebalance(group)

    def list_topics(self) -> set[str]:
        with self._broker.lock:
            return set(self._broker.topics)

    def partitions_for(self, topic: str) -> list[int]:
        with self._broker.lock:
            if topic not in self._broker.topics:
                raise BrokerError(f"UnknownTopicOrPartitionError: {topic}", retriable=True)
            return list(range(len(self._broker.topics[topic])))

    def committed_offsets(self, group_id: str) -> dict[TopicPartition, int]:
        with self._broker.lock:
            group = self._broker.groups.get(group_id)
            return dict(group.committed) if group else {}

    def describe_cluster(self) -> dict[str, object]:
        return {"brokers": [1], "controller_id": 1, "cluster_id": "memory"}

    def close(self) -> None:
        pass
