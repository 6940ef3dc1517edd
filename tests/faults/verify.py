"""Independent observation of the topics: progress probes while running, a full tally at the end."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import orjson

from worker.broker.kafka import KafkaBroker
from worker.broker.types import BrokerError, Consumer, ConsumerConfig, TopicPartition


class Probe:
    """Committed offsets of the group and end offsets of topics, tolerant of a broker outage.

    Committed offsets are read with a consumer that carries the group id but never subscribes (so it
    never joins the group): one short OffsetFetch per partition, no long internal retries.
    """

    def __init__(self, broker: KafkaBroker, group: str) -> None:
        self.broker, self.group = broker, group
        self._ends: Consumer | None = None
        self._offsets: Consumer | None = None

    def committed(self, tps: Iterable[TopicPartition]) -> dict[TopicPartition, int] | None:
        """The group's committed offsets (0 where none), or None while they cannot be read."""
        try:
            if self._offsets is None:
                config = ConsumerConfig(group_id=self.group, client_id="faults-offsets")
                self._offsets = self.broker.consumer(config)
            return {tp: self._offsets.committed(tp, 2.0) or 0 for tp in tps}
        except BrokerError:
            self.close()
            return None

    def ends(self, tps: Iterable[TopicPartition]) -> dict[TopicPartition, int] | None:
        try:
            if self._ends is None:
                self._ends = self.broker.consumer(ConsumerConfig(group_id=None, client_id="faults-probe"))
            return self._ends.end_offsets(list(tps), 10.0)
        except BrokerError:
            self.close()
            return None

    def close(self) -> None:
        for consumer in (self._ends, self._offsets):
            if consumer is not None:
                with contextlib.suppress(BrokerError):
                    consumer.close()
        self._ends = self._offsets = None


def unfinished(committed: dict[TopicPartition, int], ends: dict[TopicPartition, int]) -> set[TopicPartition]:
    return {tp for tp, end in ends.items() if committed.get(tp, 0) < end}


def advanced_everywhere(
    baseline: dict[TopicPartition, int], now: dict[TopicPartition, int], ends: dict[TopicPartition, int]
) -> bool:
    """Every partition unfinished at ``baseline`` has a higher committed offset ``now`` (or is done)."""
    for tp in unfinished(baseline, ends):
        if now.get(tp, 0) <= baseline.get(tp, 0) and now.get(tp, 0) < ends[tp]:
            return False
    return True


@dataclass
class Tally:
    """Output and DLQ records per input key."""

    events: int = 0
    dlq: int = 0
    per_key: Counter[bytes] = field(default_factory=Counter)
    unreadable: int = 0

    def lost(self, keys: Iterable[bytes]) -> list[bytes]:
        return [k for k in keys if self.per_key[k] == 0]

    def duplicated(self) -> int:
        return sum(n - 1 for n in self.per_key.values() if n > 1)

    def max_copies(self) -> int:
        return max(self.per_key.values(), default=0)


def read_topic(
    broker: KafkaBroker, topic: str, isolation: str, timeout_s: float = 180.0
) -> Iterable[tuple[bytes | None, bytes | None]]:
    """Every (key, value) of ``topic`` up to its current end (LSO for read_committed)."""
    consumer = broker.consumer(
        ConsumerConfig(
            group_id=None, client_id="faults-verifier", isolation_level=isolation, max_poll_records=2000
        )
    )
    try:
        admin = broker.admin()
        try:
            tps = [TopicPartition(topic, p) for p in admin.partitions_for(topic)]
        finally:
            admin.close()
        consumer.assign(tps)
        ends = consumer.end_offsets(tps, 30.0)
        begins = consumer.beginning_offsets(tps, 30.0)
        for tp in tps:
            consumer.seek(tp, begins[tp])
        todo = {tp for tp in tps if ends[tp] > begins[tp]}
        deadline = time.monotonic() + timeout_s
        while todo:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{topic}: could not read to the end of {sorted(map(str, todo))}")
            for rec in consumer.poll(0.5, 2000):
                yield rec.key, rec.value
            todo = {tp for tp in todo if consumer.position(tp, 10.0) < ends[tp]}
    finally:
        consumer.close()


def tally(broker: KafkaBroker, output: str, dlq: str, isolation: str) -> Tally:
    t = Tally()
    for _key, value in read_topic(broker, output, isolation):
        t.events += 1
        try:
            doc = orjson.loads(value or b"{}")
            t.per_key[str(doc["ingest"]["key"]).encode()] += 1
        except (orjson.JSONDecodeError, KeyError, TypeError):
            t.unreadable += 1
    for key, _value in read_topic(broker, dlq, isolation):
        t.dlq += 1
        t.per_key[key or b""] += 1
    return t
