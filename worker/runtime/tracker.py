"""Per-partition bookkeeping of in-flight messages and the committable offset.

At-least-once rule: the offset committed for a partition is one past the highest offset
``o`` such that every message ``<= o`` has been acknowledged downstream (output or DLQ) or
deliberately skipped.  Entries are appended in offset order and released from the head.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from worker.broker.types import BrokerError, Headers, Record, SendHandle, TopicPartition


@dataclass(slots=True)
class Send:
    """What was sent for one input message, kept so it can be re-sent after a failure."""

    topic: str
    key: bytes | None
    value: bytes | None
    headers: Headers


@dataclass(slots=True)
class Entry:
    record: Record
    outcome: str  # "ok" | "dlq" | "skipped"
    reason: str | None
    send: Send | None
    handle: SendHandle | None
    attempts: int = 1
    first_failed_at: float | None = None
    retry_at: float = 0.0

    @property
    def offset(self) -> int:
        return self.record.offset

    @property
    def size(self) -> int:
        return self.record.size

    @property
    def timestamp_ms(self) -> int:
        return self.record.timestamp_ms


@dataclass(slots=True)
class PartitionState:
    pending: deque[Entry] = field(default_factory=deque)
    acked_next: int | None = None  # one past the last released offset
    committed_next: int | None = None
    last_consumed: int | None = None
    last_timestamp_ms: int = 0
    oldest_unprocessed_ms: int | None = None


class Tracker:
    """All owned partitions' in-flight state. Single-threaded (the poll loop owns it)."""

    def __init__(self) -> None:
        self.parts: dict[TopicPartition, PartitionState] = {}
        self.inflight = 0
        self.inflight_bytes = 0

    def state(self, tp: TopicPartition) -> PartitionState:
        st = self.parts.get(tp)
        if st is None:
            st = self.parts[tp] = PartitionState()
        return st

    def add(self, tp: TopicPartition, entry: Entry) -> None:
        st = self.state(tp)
        st.pending.append(entry)
        st.last_consumed = entry.offset
        self.inflight += 1
        self.inflight_bytes += entry.size

    def release_head(self, tp: TopicPartition) -> Entry:
        st = self.parts[tp]
        entry = st.pending.popleft()
        st.acked_next = entry.offset + 1
        st.last_timestamp_ms = max(st.last_timestamp_ms, entry.timestamp_ms)
        self.inflight -= 1
        self.inflight_bytes -= entry.size
        return entry

    def heads(self) -> Iterator[tuple[TopicPartition, PartitionState]]:
        return iter([(tp, st) for tp, st in self.parts.items() if st.pending])

    def committable(self, partitions: set[TopicPartition] | None = None) -> dict[TopicPartition, int]:
        """Next-offsets that are acknowledged and not yet committed."""
        out: dict[TopicPartition, int] = {}
        for tp, st in self.parts.items():
            if partitions is not None and tp not in partitions:
                continue
            if st.acked_next is not None and st.acked_next != st.committed_next:
                out[tp] = st.acked_next
        return out

    def mark_committed(self, offsets: dict[TopicPartition, int]) -> None:
        for tp, off in offsets.items():
            if tp in self.parts:
                self.parts[tp].committed_next = off

    def drop(self, partitions: set[TopicPartition]) -> int:
        """Forget partitions (revoked or lost); returns how many unacknowledged entries were dropped."""
        dropped = 0
        for tp in partitions:
            st = self.parts.pop(tp, None)
            if st is None:
                continue
            dropped += len(st.pending)
            self.inflight -= len(st.pending)
            self.inflight_bytes -= sum(e.size for e in st.pending)
        return dropped

    def pending_count(self, partitions: set[TopicPartition] | None = None) -> int:
        return sum(len(st.pending) for tp, st in self.parts.items() if partitions is None or tp in partitions)


class FailedHandle:
    """A send that failed before it was queued (e.g. buffer full): done, with its error."""

    def __init__(self, err: BrokerError) -> None:
        self._err = err

    def done(self) -> bool:
        return True

    def error(self) -> BrokerError | None:
        return self._err

    def wait(self, timeout_s: float) -> BrokerError | None:
        return self._err
