"""kafka-python 3.0.x consumer behind the :class:`worker.broker.types.Consumer` seam.

Rebalance listeners: kafka-python 3.0 runs listener callbacks on its IO thread, where any
blocking consumer call (``commit``!) raises ``RuntimeError``. The adapter below is an
``AsyncConsumerRebalanceListener`` that runs our (synchronous) listener on a short-lived helper
thread and awaits it on the IO loop, so heartbeats continue and the listener may call
``commit``/``position``/... The polling thread is blocked inside ``poll()``/``close()`` meanwhile,
so the listener still runs "inside poll" and never concurrently with the owner thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import kafka.errors as kerrors
from kafka.consumer.group import KafkaConsumer
from kafka.consumer.subscription_state import AsyncConsumerRebalanceListener
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor

from worker.broker.kafka import ktp, ms, offsets_payload, seam_tp, translate_errors
from worker.broker.types import BrokerError, ConsumerConfig, RebalanceListener, Record, TopicPartition

RECONNECT_BACKOFF_MAX_MS = 1000  # kafka-python default 30 s; Java clients use 1 s
METADATA_MAX_AGE_MS = 30_000  # kafka-python default 5 min

__all__ = ["KafkaConsumerClient"]


class _ListenerAdapter(AsyncConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, owner: KafkaConsumerClient, listener: RebalanceListener) -> None:
        self._owner = owner
        self._listener = listener

    async def on_partitions_revoked(self, revoked: Any) -> None:
        await self._run(self._listener.on_revoked, revoked)

    async def on_partitions_assigned(self, assigned: Any) -> None:
        await self._run(self._listener.on_assigned, assigned)

    async def on_partitions_lost(self, lost: Any) -> None:
        await self._run(self._listener.on_lost, lost)

    async def _run(self, fn: Callable[[set[TopicPartition]], None], partitions: Any) -> None:
        parts = {seam_tp(tp) for tp in partitions}
        done = threading.Event()
        failure: list[BaseException] = []

        def target() -> None:
            try:
                fn(parts)
            except BaseException as exc:  # noqa: BLE001 - re-raised from poll() on the owner thread
                failure.append(exc)
            finally:
                done.set()

        threading.Thread(target=target, name="rebalance-listener", daemon=True).start()
        net = self._owner.io_loop()
        while not done.is_set():
            await net.sleep(0.002)
        if failure:
            self._owner.listener_error = failure[0]
            raise failure[0]


class KafkaConsumerClient:
    def __init__(self, bootstrap: str, config: ConsumerConfig, overrides: Mapping[str, object]) -> None:
        strategy: tuple[type, ...] = (
            (CooperativeStickyAssignor,)
            if config.cooperative
            else (RangePartitionAssignor, RoundRobinPartitionAssignor)
        )
        kwargs: dict[str, object] = {
            "bootstrap_servers": bootstrap.split(","),
            # kafka-python's default caps reconnect backoff at 30 s (Java: 1 s): after a broker
            # restart the worker would idle for up to 30 s before noticing the broker is back.
            "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
            # a group leader that computed its assignment before it had the topic's metadata (the
            # range assignor logs "No partition metadata") leaves partitions unowned until the next
            # metadata refresh rejoins the group: 30 s instead of kafka-python's 5 min bounds that
            "metadata_max_age_ms": METADATA_MAX_AGE_MS,
            "group_id": config.group_id,
            "client_id": config.client_id,
            "enable_auto_commit": False,
            "auto_offset_reset": config.auto_offset_reset,
            "session_timeout_ms": ms(config.session_timeout_s),
            "heartbeat_interval_ms": ms(config.heartbeat_interval_s),
            "max_poll_interval_ms": ms(config.max_poll_interval_s),
            "max_poll_records": config.max_poll_records,
            "fetch_max_bytes": config.fetch_max_bytes,
            "max_partition_fetch_bytes": config.max_partition_fetch_bytes,
            "isolation_level": config.isolation_level,
            "partition_assignment_strategy": strategy,
            "allow_auto_create_topics": False,
        }
        if config.group_instance_id is not None:
            kwargs["group_instance_id"] = config.group_instance_id
        kwargs.update(overrides)
        self.listener_error: BaseException | None = None
        with translate_errors():
            self._consumer = KafkaConsumer(**kwargs)

    def io_loop(self) -> Any:
        return self._consumer._net  # noqa: SLF001 - the IO loop the listener adapter awaits on

    def _raise_listener_error(self) -> None:
        err, self.listener_error = self.listener_error, None
        if err is not None:
            raise err

    def subscribe(self, topics: Sequence[str], listener: RebalanceListener) -> None:
        with translate_errors():
            # fetch the topics' metadata first: a member that becomes the group leader before its
            # metadata arrives assigns nothing for them ("No partition metadata") and leaves
            # partitions unowned until a later refresh
            for topic in topics:
                self._consumer.partitions_for_topic(topic)
            self._consumer.subscribe(topics=list(topics), listener=_ListenerAdapter(self, listener))

    def assign(self, partitions: Iterable[TopicPartition]) -> None:
        with translate_errors():
            self._consumer.assign([ktp(tp) for tp in partitions])

    def poll(self, timeout_s: float, max_records: int) -> list[Record]:
        try:
            with translate_errors():
                timeout_ms = int(max(0.0, timeout_s) * 1000)
                batches = self._consumer.poll(timeout_ms=timeout_ms, max_records=max_records)
        except BrokerError:
            self._raise_listener_error()  # surface the listener's own exception, not the wrapper
            raise
        records: list[Record] = []
        for batch in batches.values():
            for r in batch:
                records.append(
                    Record(
                        topic=r.topic,
                        partition=r.partition,
                        offset=r.offset,
                        key=r.key,
                        value=r.value,
                        headers=tuple((k, bytes(v) if v is not None else b"") for k, v in (r.headers or ())),
                        timestamp_ms=int(r.timestamp),
                    )
                )
        return records

    def commit(self, offsets: Mapping[TopicPartition, int], timeout_s: float) -> None:
        if not offsets:
            return
        with translate_errors():
            self._consumer.commit(offsets_payload(offsets), timeout_ms=ms(timeout_s))

    def committed(self, tp: TopicPartition, timeout_s: float) -> int | None:
        with translate_errors():
            value = self._consumer.committed(ktp(tp), timeout_ms=ms(timeout_s))
        return None if value is None or value < 0 else int(value)

    def assignment(self) -> set[TopicPartition]:
        return {seam_tp(tp) for tp in self._consumer.assignment()}

    def pause(self, partitions: Iterable[TopicPartition]) -> None:
        with translate_errors():
            self._consumer.pause(*[ktp(tp) for tp in partitions])

    def resume(self, partitions: Iterable[TopicPartition]) -> None:
        with translate_errors():
            self._consumer.resume(*[ktp(tp) for tp in partitions])

    def paused(self) -> set[TopicPartition]:
        return {seam_tp(tp) for tp in self._consumer.paused()}

    def seek(self, tp: TopicPartition, offset: int) -> None:
        with translate_errors():
            self._consumer.seek(ktp(tp), offset)

    def position(self, tp: TopicPartition, timeout_s: float) -> int:
        with translate_errors():
            pos = self._consumer.position(ktp(tp), timeout_ms=ms(timeout_s))
        if pos is None:
            raise BrokerError(f"position of {tp} unknown after {timeout_s}s", retriable=True)
        return int(pos)

    def end_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]:
        with translate_errors():
            result = self._consumer.end_offsets([ktp(tp) for tp in partitions], timeout_ms=ms(timeout_s))
        return {seam_tp(tp): int(off) for tp, off in result.items()}

    def beginning_offsets(
        self, partitions: Iterable[TopicPartition], timeout_s: float
    ) -> dict[TopicPartition, int]:
        with translate_errors():
            query = [ktp(tp) for tp in partitions]
            result = self._consumer.beginning_offsets(query, timeout_ms=ms(timeout_s))
        return {seam_tp(tp): int(off) for tp, off in result.items()}

    def offsets_for_times(
        self, timestamps_ms: Mapping[TopicPartition, int], timeout_s: float
    ) -> dict[TopicPartition, int | None]:
        query = {ktp(tp): int(ts) for tp, ts in timestamps_ms.items()}
        with translate_errors():
            result = self._consumer.offsets_for_times(query, timeout_ms=ms(timeout_s))
        return {seam_tp(tp): (None if oat is None else int(oat.offset)) for tp, oat in result.items()}

    def highwater(self, tp: TopicPartition) -> int | None:
        try:
            value = self._consumer.highwater(ktp(tp))
        except kerrors.IllegalStateError:  # not assigned
            return None
        return None if value is None else int(value)

    def group_metadata(self) -> object:
        return self._consumer.group_metadata()

    def client_metrics(self) -> dict[str, float]:
        flat: dict[str, float] = {}
        for group, values in (self._consumer.metrics() or {}).items():
            for name, value in values.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    number = float(value)
                    if not math.isnan(number):
                        flat[f"{group}.{name}"] = number
        return flat

    def close(self) -> None:
        try:
            with translate_errors():
                self._consumer.close(autocommit=False)
        except BrokerError:
            self._raise_listener_error()
            raise
