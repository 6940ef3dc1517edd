"""Rebalance handling: commit what is acknowledged before partitions move, drop their state."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from worker.broker.types import TopicPartition

if TYPE_CHECKING:
    from worker.runtime.loop import Runner

log = logging.getLogger("news_ingest.runtime")


class Rebalancer:
    """The runner's rebalance listener (called inside ``Consumer.poll`` on the loop thread)."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def _gauge(self) -> None:
        r = self.runner
        owned = r.consumer.assignment()
        r.metrics.assigned_partitions.labels(r.cfg.input_topic).set(
            sum(1 for tp in owned if tp.topic == r.cfg.input_topic)
        )
        r.health.set_assignment(len(owned))

    def on_revoked(self, partitions: set[TopicPartition]) -> None:
        r = self.runner
        r.metrics.rebalances.labels("revoked").inc()
        if not partitions:
            return
        log.info("partitions revoked: %s", ", ".join(map(str, sorted(partitions))))
        r.flush_and_commit(partitions, r.cfg.shutdown_timeout_s)
        r.tracker.drop(partitions)
        r.forget_partitions(partitions)
        self._gauge()

    def on_assigned(self, partitions: set[TopicPartition]) -> None:
        r = self.runner
        r.metrics.rebalances.labels("assigned").inc()
        log.info("partitions assigned: %s", ", ".join(map(str, sorted(partitions))) or "none")
        for tp in partitions:
            r.tracker.drop({tp})
            r.tracker.state(tp)
        if r.backpressure_paused:
            r.consumer.pause(partitions)
        self._gauge()

    def on_lost(self, partitions: set[TopicPartition]) -> None:
        r = self.runner
        r.metrics.rebalances.labels("lost").inc()
        dropped = r.tracker.drop(partitions)
        r.forget_partitions(partitions)
        log.warning(
            "partitions lost (no commit possible): %s; %d in-flight messages will be redelivered",
            ", ".join(map(str, sorted(partitions))),
            dropped,
        )
        self._gauge()
