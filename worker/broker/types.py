"""The broker seam: the only contract the runtime, replay and tests use to talk to Kafka.

Two implementations satisfy it and are checked by one contract suite
(``tests/contract/test_broker_contract.py``):

* ``worker.broker.kafka`` -- kafka-python against a real Apache Kafka broker;
* ``worker.broker.memory`` -- an in-memory twin for fast component tests.

Nothing outside ``worker/broker/`` imports kafka-python.

Offsets given to :meth:`Consumer.commit` are *next offsets to read* (Kafka convention:
last processed + 1).  Errors raised through the seam are :class:`BrokerError` (or a
subclass); ``retriable`` says whether a retry can succeed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

Headers = tuple[tuple[str, bytes], ...]


@dataclass(frozen=True, slots=True, order=True)
class TopicPartition:
    topic: str
    partition: int

    def __str__(self) -> str:
        return f"{self.topic}[{self.partition}]"


@dataclass(frozen=True, slots=True)
class Record:
    """One consumed message, exactly as the broker delivered it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers = ()
    timestamp_ms: int = 0

    @property
    def tp(self) -> TopicPartition:
        return TopicPartition(self.topic, self.partition)

    @property
    def size(self) -> int:
        return len(self.key or b"") + len(self.value or b"") + sum(len(k) + len(v) for k, v in self.headers)


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int = 1
    replication_factor: int = 1
    configs: Mapping[str, str] = field(default_factory=dict)


class BrokerError(Exception):
    """A failure talking to the broker. ``retriable`` errors may succeed on retry."""

    def __init__(self, message: str, *, retriable: bool = False) -> None:
        super().__init__(message)
        self.retriable = retriable


class CommitFailedError(BrokerError):
    """The group rebalanced (or the member was fenced) before the commit landed."""


class SendHandle(Protocol):
    """The acknowledgement of one produced message (a future)."""

    def done(self) -> bool: ...

    def error(self) -> BrokerError | None:
        """The failure once done, or None if acknowledged (or not done yet)."""
        ...

    def wait(self, timeout_s: float) -> BrokerError | None:
        """Block until done or timeout; return the failure (a timeout is a retriable error)."""
        ...


class RebalanceListener(Protocol):
    """Called from inside :meth:`Consumer.poll` on the polling thread."""

    def on_revoked(self, partitions: set[TopicPartition]) -> None: ...

    def on_assigned(self, partitions: set[TopicPartition]) -> None: ...

    def on_lost(self, partitions: set[TopicPartition]) -> None: ...


class Consumer(Protocol):
    """A group member. Not thread-safe: one polling thread owns it."""

    def subscribe(self, topics: Sequence[str], listener: RebalanceListener) -> None: ...

    def assign(self, partitions: Iterable[TopicPartition]) -> None:
        """Manual assignment without group membership (replay, tests)."""
        ...

    def poll(self, timeout_s: float, max_records: int) -> list[Record]: ...

    def commit(self, offsets: Mapping[TopicPartition, int], timeout_s: float) -> None:
        """Synchronously commit next-offsets; raises CommitFailedError or BrokerError."""
        ...

    def committed(self, tp: TopicPartition, timeout_s: float) -> int | None: ...

    def assignment(self) -> set[TopicPartition]: ...

    def pause(self, partitions: Iterable[TopicPartition]) -> None: ...

    def resume(self, partitions: Iterable[TopicPartition]) -> None: ...

    def paused(self) -> set[TopicPartition]: ...

    def seek(self, tp: TopicPartition, offset: int) -> None: ...

    def position(self, tp: TopicPartition, timeout_s: float) -> int: ...

    def end_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]: ...

    def beginning_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]: ...

    def offsets_for_times(
        self, timestamps_ms: Mapping[TopicPartition, int], timeout_s: float
    ) -> dict[TopicPartition, int | None]:
        """First offset with timestamp >= ts per partition; None when there is none."""
        ...

    def highwater(self, tp: TopicPartition) -> int | None:
        """Cached end offset from the last fetch response (no network call), if known."""
        ...

    def group_metadata(self) -> object:
        """Opaque metadata for Producer.send_offsets_to_transaction."""
        ...

    def client_metrics(self) -> dict[str, float]:
        """Flat numeric client metrics (e.g. ``records-lag-max``) for the metrics bridge."""
        ...

    def close(self) -> None: ...


class Producer(Protocol):
    """Thread-safe producer; idempotent by default, transactional when given a transactional id."""

    def send(
        self, topic: str, key: bytes | None, value: bytes | None, headers: Headers = ()
    ) -> SendHandle: ...

    def flush(self, timeout_s: float) -> None: ...

    def init_transactions(self) -> None: ...

    def begin_transaction(self) -> None: ...

    def send_offsets_to_transaction(
        self, offsets: Mapping[TopicPartition, int], group_metadata: object
    ) -> None: ...

    def commit_transaction(self) -> None: ...

    def abort_transaction(self) -> None: ...

    def close(self, timeout_s: float) -> None: ...


class Admin(Protocol):
    def create_topics(self, specs: Sequence[TopicSpec], timeout_s: float) -> None:
        """Create topics; existing ones are left as they are (no error)."""
        ...

    def delete_topics(self, names: Sequence[str], timeout_s: float) -> None: ...

    def list_topics(self) -> set[str]: ...

    def partitions_for(self, topic: str) -> list[int]: ...

    def committed_offsets(self, group_id: str) -> dict[TopicPartition, int]: ...

    def describe_cluster(self) -> dict[str, object]:
        """At least ``{"brokers": [node ids], "controller_id": int | None}``."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ConsumerConfig:
    group_id: str | None
    client_id: str = "news-ingest"
    auto_offset_reset: str = "earliest"
    session_timeout_s: float = 45.0
    heartbeat_interval_s: float = 3.0
    max_poll_interval_s: float = 300.0
    max_poll_records: int = 500
    fetch_max_bytes: int = 52_428_800
    max_partition_fetch_bytes: int = 10_485_760
    isolation_level: str = "read_uncommitted"
    group_instance_id: str | None = None
    cooperative: bool = True


@dataclass(frozen=True, slots=True)
class ProducerConfig:
    client_id: str = "news-ingest"
    acks: str = "all"
    linger_ms: int = 5
    compression: str | None = "zstd"
    max_request_size: int = 10_485_760
    request_timeout_s: float = 30.0
    delivery_timeout_s: float = 120.0
    transactional_id: str | None = None
    max_in_flight: int = 5


class Broker(Protocol):
    """Factory of clients bound to one cluster (bootstrap servers or an in-memory cluster)."""

    def consumer(self, config: ConsumerConfig) -> Consumer: ...

    def producer(self, config: ProducerConfig) -> Producer: ...

    def admin(self) -> Admin: ...
