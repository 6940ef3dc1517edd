"""The consumer of the in-memory twin (see :mod:`worker.broker.memory`)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from worker.broker.memory import Group, GroupMetadata, illegal_state
from worker.broker.types import (
    BrokerError,
    CommitFailedError,
    ConsumerConfig,
    RebalanceListener,
    Record,
    TopicPartition,
)

if TYPE_CHECKING:
    from worker.broker.memory import MemoryBroker


class MemoryConsumer:
    def __init__(self, broker: MemoryBroker, config: ConsumerConfig) -> None:
        self._broker = broker
        self._config = config
        with broker.lock:
            self.member_id = broker.next_member_id(config.group_instance_id or config.client_id)
        self.subscription: set[str] = set()
        self.target: set[TopicPartition] = set()  # set by MemoryBroker.rebalance
        self._listener: RebalanceListener | None = None
        self._assigned: set[TopicPartition] = set()
        self._manual = False
        self._seen_generation = -1
        self._positions: dict[TopicPartition, int] = {}
        self._paused: set[TopicPartition] = set()
        self._highwater: dict[TopicPartition, int] = {}
        self._closed = False
        self._rotation = 0

    # -- group membership ----------------------------------------------------------------------

    def _group(self) -> Group | None:
        gid = self._config.group_id
        return None if gid is None else self._broker.groups.setdefault(gid, Group())

    def subscribe(self, topics: Sequence[str], listener: RebalanceListener) -> None:
        with self._broker.lock:
            self._check_open()
            if self._manual:
                raise illegal_state("subscribe() after assign()")
            group = self._group()
            if group is None:
                raise illegal_state("subscribe() requires a group_id")
            self.subscription = set(topics)
            self._listener = listener
            if self not in group.members:
                group.members.append(self)
            self._broker.rebalance(group)

    def _sync_assignment(self) -> None:
        """Apply a pending rebalance: revoke (listener first, while still owner), then take."""
        broker = self._broker
        with broker.lock:
            group = self._group()
            if group is None or self not in group.members or self._listener is None:
                return
            listener = self._listener
            changed = group.generation != self._seen_generation
            if changed and not self._config.cooperative:
                revoke = set(self._assigned)
            else:
                revoke = self._assigned - self.target
        if revoke:
            listener.on_revoked(revoke)
        with broker.lock:
            for tp in revoke:
                self._drop(tp, group)
            self._seen_generation = group.generation
            take = {tp for tp in self.target - self._assigned if group.owner.get(tp) in (None, self)}
            for tp in take:
                group.owner[tp] = self
                self._assigned.add(tp)
            if revoke:
                broker.changed.notify_all()
        if take:
            listener.on_assigned(take)

    def _pending(self) -> bool:
        group = self._group()
        if group is None or self not in group.members:
            return False
        if group.generation != self._seen_generation:
            return True
        return any(group.owner.get(tp) in (None, self) for tp in self.target - self._assigned)

    def _drop(self, tp: TopicPartition, group: Group | None) -> None:
        self._assigned.discard(tp)
        self._positions.pop(tp, None)
        self._paused.discard(tp)
        self._highwater.pop(tp, None)
        if group is not None and group.owner.get(tp) is self:
            del group.owner[tp]

    def assign(self, partitions: Iterable[TopicPartition]) -> None:
        with self._broker.lock:
            self._check_open()
            if self.subscription:
                raise illegal_state("assign() after subscribe()")
            self._manual = True
            new = set(partitions)
            for tp in self._assigned - new:
                self._drop(tp, None)
            self._assigned = new

    # -- fetching ------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise illegal_state("consumer is closed")

    def _check_assigned(self, tp: TopicPartition) -> None:
        if tp not in self._assigned:
            raise illegal_state(f"{tp} is not assigned")

    def _resolve_position(self, tp: TopicPartition) -> int:
        if tp not in self._positions:
            group = self._group()
            committed = group.committed.get(tp) if group is not None else None
            if committed is not None:
                self._positions[tp] = committed
            elif self._config.auto_offset_reset == "earliest":
                self._positions[tp] = 0
            elif self._config.auto_offset_reset == "latest":
                self._positions[tp] = self._broker.end_offset(tp, self._config.isolation_level)
            else:
                raise BrokerError(f"NoOffsetForPartitionError: {tp}")
        return self._positions[tp]

    def _fetch(self, max_records: int) -> list[Record]:
        records: list[Record] = []
        order = sorted(self._assigned - self._paused)
        if not order:
            return records
        self._rotation = (self._rotation + 1) % len(order)
        committed_only = self._config.isolation_level == "read_committed"
        for tp in order[self._rotation :] + order[: self._rotation]:
            try:
                log = self._broker.log(tp)
            except BrokerError:
                continue
            position = self._resolve_position(tp)
            limit = self._broker.end_offset(tp, self._config.isolation_level)
            self._highwater[tp] = len(log)
            while position < limit and len(records) < max_records:
                entry = log[position]
                position += 1
                if entry.record is None:
                    continue
                if committed_only and entry.txn is not None and entry.txn.state != "committed":
                    continue
                records.append(entry.record)
            self._positions[tp] = position
            if len(records) >= max_records:
                break
        return records

    def poll(self, timeout_s: float, max_records: int) -> list[Record]:
        deadline = time.monotonic() + max(0.0, timeout_s)
        while True:
            self._sync_assignment()
            with self._broker.lock:
                self._check_open()
                records = self._fetch(max_records)
                remaining = deadline - time.monotonic()
                if records or remaining <= 0:
                    return records
                if not self._pending():
                    self._broker.changed.wait(min(remaining, 0.05))

    # -- offsets -------------------------------------------------------------------------------

    def commit(self, offsets: Mapping[TopicPartition, int], timeout_s: float) -> None:
        with self._broker.lock:
            self._check_open()
            group = self._group()
            if group is None:
                raise illegal_state("commit() requires a group_id")
            if not self._manual:
                foreign = [tp for tp in offsets if group.owner.get(tp) is not self]
                if foreign:
                    raise CommitFailedError(f"CommitFailedError: {sorted(foreign)} not owned by this member")
            group.committed.update(offsets)

    def committed(self, tp: TopicPartition, timeout_s: float) -> int | None:
        with self._broker.lock:
            group = self._group()
            if group is None:
                raise illegal_state("committed() requires a group_id")
            return group.committed.get(tp)

    def assignment(self) -> set[TopicPartition]:
        with self._broker.lock:
            return set(self._assigned)

    def pause(self, partitions: Iterable[TopicPartition]) -> None:
        with self._broker.lock:
            for tp in partitions:
                self._check_assigned(tp)
                self._paused.add(tp)

    def resume(self, partitions: Iterable[TopicPartition]) -> None:
        with self._broker.lock:
            for tp in partitions:
                self._check_assigned(tp)
                self._paused.discard(tp)

    def paused(self) -> set[TopicPartition]:
        with self._broker.lock:
            return set(self._paused)

    def seek(self, tp: TopicPartition, offset: int) -> None:
        with self._broker.lock:
            self._check_assigned(tp)
            if offset < 0:
                raise BrokerError(f"IllegalArgumentError: negative offset {offset}")
            self._positions[tp] = offset

    def position(self, tp: TopicPartition, timeout_s: float) -> int:
        with self._broker.lock:
            self._check_assigned(tp)
            return self._resolve_position(tp)

    def end_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]:
        with self._broker.lock:
            return {tp: self._broker.end_offset(tp, self._config.isolation_level) for tp in partitions}

    def beginning_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]:
        with self._broker.lock:
            result = {}
            for tp in partitions:
                self._broker.log(tp)
                result[tp] = 0
            return result

    def offsets_for_times(
        self, timestamps_ms: Mapping[TopicPartition, int], timeout_s: float
    ) -> dict[TopicPartition, int | None]:
        with self._broker.lock:
            result: dict[TopicPartition, int | None] = {}
            for tp, ts in timestamps_ms.items():
                log = self._broker.log(tp)
                limit = self._broker.end_offset(tp, self._config.isolation_level)
                result[tp] = next(
                    (o for o in range(limit) if (r := log[o].record) is not None and r.timestamp_ms >= ts),
                    None,
                )
            return result

    def highwater(self, tp: TopicPartition) -> int | None:
        with self._broker.lock:
            return self._highwater.get(tp) if tp in self._assigned else None

    def group_metadata(self) -> object:
        with self._broker.lock:
            group = self._group()
            return GroupMetadata(self._config.group_id, group.generation if group else -1, self.member_id)

    def client_metrics(self) -> dict[str, float]:
        with self._broker.lock:
            lags = [
                max(0, self._broker.end_offset(tp, self._config.isolation_level) - self._positions[tp])
                for tp in self._assigned
                if tp in self._positions and tp.topic in self._broker.topics
            ]
        return {"consumer-fetch-manager-metrics.records-lag-max": float(max(lags, default=0))}

    def close(self) -> None:
        broker = self._broker
        with broker.lock:
            if self._closed:
                return
            group = self._group()
            member = group is not None and self in group.members
            revoke = set(self._assigned) if member else set()
            listener = self._listener
        try:
            if revoke and listener is not None:
                listener.on_revoked(revoke)
        finally:
            with broker.lock:
                self._closed = True
                for tp in list(self._assigned):
                    self._drop(tp, group)
                if member and group is not None:
                    group.members.remove(self)
                    broker.rebalance(group)
