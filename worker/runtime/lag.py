"""Consumer lag in messages and seconds, for owned partitions only, never negative."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from worker.broker.types import TopicPartition

if TYPE_CHECKING:
    from worker.runtime.loop import Runner


# kafka-python consumer metrics worth a series each (closed set; the rest stay internal).
BRIDGED_CONSUMER_METRICS = (
    "consumer-fetch-manager-metrics.records-lag-max",
    "consumer-fetch-manager-metrics.fetch-latency-avg",
    "consumer-fetch-manager-metrics.records-consumed-rate",
    "consumer-fetch-manager-metrics.bytes-consumed-rate",
    "consumer-coordinator-metrics.commit-latency-avg",
    "consumer-coordinator-metrics.assigned-partitions",
)


def update_lag(runner: Runner, wall_now: float) -> None:
    m, tracker = runner.metrics, runner.tracker
    for tp in runner.consumer.assignment():
        st = tracker.parts.get(tp)
        high = runner.consumer.highwater(tp)
        if st is None or high is None:
            continue
        # Next offset not yet fully processed: the oldest in-flight one, else one past the last consumed.
        if st.pending:
            next_off = st.pending[0].offset
        elif st.last_consumed is not None:
            next_off = st.last_consumed + 1
        else:
            next_off = st.committed_next if st.committed_next is not None else high
        lag = max(0, high - next_off)
        labels = (tp.topic, str(tp.partition))
        m.lag_messages.labels(*labels).set(lag)
        if lag == 0:
            m.lag_seconds.labels(*labels).set(0)
        elif st.pending:
            m.lag_seconds.labels(*labels).set(max(0.0, wall_now - st.pending[0].timestamp_ms / 1000))
        elif st.last_timestamp_ms:
            # Nothing in flight but records remain: they are at least as old as "now minus the
            # newest timestamp we have processed" is an upper bound; report the age of the next
            # record conservatively as the time since the last processed one was written.
            m.lag_seconds.labels(*labels).set(max(0.0, wall_now - st.last_timestamp_ms / 1000))
    m.poll_interval_max.set(runner.health.max_poll_gap_s)
    client = runner.consumer.client_metrics()
    for name in BRIDGED_CONSUMER_METRICS:
        if name in client:
            m.client.labels("consumer", name).set(client[name])
    m.ready.set(1 if runner.health.ready()[0] else 0)


def forget(runner: Runner, partitions: set[TopicPartition]) -> None:
    """Remove lag series of partitions this worker no longer owns."""
    for tp in partitions:
        labels = (tp.topic, str(tp.partition))
        for gauge in (
            runner.metrics.lag_messages,
            runner.metrics.lag_seconds,
            runner.metrics.last_processed_ts,
        ):
            with contextlib.suppress(KeyError):
                gauge.remove(*labels)
