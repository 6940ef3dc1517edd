"""The poll loop: poll -> process -> send (output or DLQ) -> release acked -> commit.

Guarantee (at-least-once): an offset is committed only after the send for that message,
and for every earlier message on its partition, was acknowledged.  On revoke and on
shutdown the producer is flushed and the acknowledged prefix committed synchronously
under a bounded timeout.  Failed sends are re-sent with capped exponential backoff and
jitter while the partition is paused; polling continues so the group never times out.
"""

from __future__ import annotations

import logging
import random
import sys
import time
from collections.abc import Callable, Iterable

from worker.broker.types import BrokerError, Consumer, Producer, Record, SendHandle, TopicPartition
from worker.errors import Reason, Rejection
from worker.metrics import Metrics
from worker.pipeline.outcome import DeadLetter, Outcome, Publish, Skip
from worker.runtime.config import FatalRuntimeError, LoopConfig, RunSummary
from worker.runtime.deadletters import dlq_headers
from worker.runtime.health import Health
from worker.runtime.tracker import Entry, FailedHandle, Send, Tracker

__all__ = ["FatalRuntimeError", "LoopConfig", "RunSummary", "Runner"]

log = logging.getLogger("news_ingest.runtime")

ProcessFn = Callable[[Record], Outcome]


class Runner:
    """Owns one consumer and one producer; single-threaded apart from the producer's I/O."""

    def __init__(
        self,
        consumer: Consumer,
        producer: Producer,
        process: ProcessFn,
        config: LoopConfig,
        metrics: Metrics,
        health: Health,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.consumer, self.producer, self.process = consumer, producer, process
        self.cfg, self.metrics, self.health = config, metrics, health
        self.now, self.wall = monotonic, wall
        self.tracker = Tracker()
        self.summary = RunSummary()
        self._stop = False
        self._stop_cause = ""
        self._bp_paused = False
        self._retry_paused: set[TopicPartition] = set()
        self._last_commit = 0.0
        self._lag_at = 0.0
        from worker.runtime.rebalance import Rebalancer

        self.rebalancer = Rebalancer(self)

    # ------------------------------------------------------------------ control
    def request_stop(self, cause: str = "signal") -> None:
        """Ask the loop to stop after in-flight work; safe to call from a signal handler."""
        self._stop = True
        self._stop_cause = self._stop_cause or cause

    def run(self, *, max_messages: int | None = None, idle_timeout_s: float | None = None) -> RunSummary:
        previous = sys.getswitchinterval()
        if self.cfg.gil_switch_interval_s:
            sys.setswitchinterval(self.cfg.gil_switch_interval_s)
        try:
            return self._run(max_messages, idle_timeout_s)
        finally:
            sys.setswitchinterval(previous)

    def _run(self, max_messages: int | None, idle_timeout_s: float | None) -> RunSummary:
        started = self.now()
        last_activity = started
        self._start()
        self.consumer.subscribe([self.cfg.input_topic], self.rebalancer)
        self.health.mark_started()
        try:
            while not self._stop:
                want = self.cfg.max_poll_records
                if max_messages is not None:
                    want = min(want, max_messages - self.summary.consumed)
                    if want <= 0:
                        self.request_stop("max_messages")
                        break
                records = self._poll(want)
                tick = self.now()
                if records:
                    last_activity = tick
                    self._on_records(records)
                self._on_tick(tick)
                self._update_lag(tick)
                if (
                    idle_timeout_s is not None
                    and not self.tracker.inflight
                    and tick - last_activity >= idle_timeout_s
                ):
                    self.request_stop("idle_timeout")
            self._drain()
        finally:
            self.summary.elapsed_s = self.now() - started
            self.summary.stop_cause = self._stop_cause
        return self.summary

    # Hooks a delivery mode overrides (see TransactionalRunner).
    def _start(self) -> None:
        return None

    def _on_records(self, records: list[Record]) -> None:
        self._handle_batch(records)

    def _on_tick(self, tick: float) -> None:
        self._reap(tick)
        self._apply_backpressure()
        if tick - self._last_commit >= self.cfg.commit_interval_s:
            self._commit(self.tracker.committable())

    def close(self) -> None:
        """Close the clients (the consumer's listener may run once more, on close)."""
        self.health.set_ready(False, "closing")
        try:
            self.consumer.close()
        finally:
            self.producer.close(self.cfg.shutdown_timeout_s)

    # ------------------------------------------------------------------ steps
    def _poll(self, want: int) -> list[Record]:
        before = self.now()
        try:
            records = self.consumer.poll(self.cfg.poll_timeout_s, max(1, want))
        except BrokerError as exc:
            self.metrics.errors.labels("consume", type(exc).__name__).inc()
            log.warning("poll failed (%s); retrying", exc)
            return []
        self.health.tick(self.wall(), self.now() - before)
        self.metrics.last_poll_ts.set(self.wall())
        return records

    def _handle_batch(self, records: list[Record]) -> None:
        m = self.metrics
        for rec in records:
            self.summary.consumed += 1
            m.consumed.labels(rec.topic, str(rec.partition)).inc()
            m.consumed_bytes.labels(rec.topic).inc(rec.size)
            self._dispatch(rec, self._process_safely(rec))

    def _process_safely(self, rec: Record) -> Outcome:
        """A bug in processing must not lose the message: it is dead-lettered as internal_error."""
        try:
            return self.process(rec)
        except Exception as exc:
            log.exception("processing bug on %s@%d; dead-lettering", rec.tp, rec.offset)
            self.metrics.errors.labels("process", type(exc).__name__).inc()
            return DeadLetter(
                Rejection(
                    Reason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}", "process", type(exc).__name__
                )
            )

    def _dispatch(self, rec: Record, outcome: Outcome, attempts: int = 1) -> None:
        tp = rec.tp
        st = self.tracker.state(tp)
        if st.oldest_unprocessed_ms is None:
            st.oldest_unprocessed_ms = rec.timestamp_ms
        if isinstance(outcome, Skip):
            entry = Entry(rec, "skipped", outcome.reason, None, None)
        elif isinstance(outcome, Publish):
            send = Send(self.cfg.output_topic, outcome.key, outcome.value, outcome.headers)
            entry = Entry(rec, "ok", None, send, self._send(send))
        else:
            send = self._dlq_send(rec, outcome.rejection, attempts)
            entry = Entry(rec, "dlq", outcome.rejection.reason.value, send, self._send(send))
        self.tracker.add(tp, entry)

    def _dlq_send(self, rec: Record, rejection: Rejection, attempts: int) -> Send:
        headers = tuple(rec.headers) + tuple(
            dlq_headers(rec, rejection, group_id=self.cfg.group_id, attempts=attempts, now=self.wall())
        )
        return Send(self.cfg.dlq_topic, rec.key, rec.value, headers)

    def _send(self, send: Send) -> SendHandle:
        try:
            return self.producer.send(send.topic, send.key, send.value, send.headers)
        except BrokerError as exc:
            return FailedHandle(exc)

    def _reap(self, tick: float, *, may_give_up: bool = True) -> None:
        """Release acknowledged heads in offset order; schedule re-sends for failed ones."""
        m = self.metrics
        for tp, st in self.tracker.heads():
            while st.pending:
                entry = st.pending[0]
                if entry.handle is not None and not entry.handle.done():
                    break
                err = entry.handle.error() if entry.handle is not None else None
                if err is not None:
                    self._on_send_failure(tp, entry, err, tick, may_give_up)
                    break
                self.tracker.release_head(tp)
                self._count_released(tp, entry)
                if entry.first_failed_at is not None:
                    self.health.clear_failure(str(tp))
            if not st.pending:
                st.oldest_unprocessed_ms = None
                if tp in self._retry_paused:
                    self._retry_paused.discard(tp)
                    self._resume([tp])
            else:
                st.oldest_unprocessed_ms = st.pending[0].timestamp_ms
        m.inflight_messages.set(self.tracker.inflight)
        m.inflight_bytes.set(self.tracker.inflight_bytes)

    def _count_released(self, tp: TopicPartition, entry: Entry) -> None:
        m, s = self.metrics, self.summary
        m.processed.labels(tp.topic, entry.outcome).inc()
        m.last_processed_ts.labels(tp.topic, str(tp.partition)).set(entry.timestamp_ms / 1000)
        if entry.outcome == "ok":
            s.published += 1
            m.published.labels(self.cfg.output_topic).inc()
            if entry.timestamp_ms > 0:
                m.end_to_end_seconds.labels(self.cfg.output_topic).observe(
                    max(0.0, self.wall() - entry.timestamp_ms / 1000)
                )
        elif entry.outcome == "dlq":
            s.dead_lettered += 1
            reason = entry.reason or "unknown"
            s.by_reason[reason] = s.by_reason.get(reason, 0) + 1
            m.dlq.labels(reason).inc()
        else:
            s.skipped += 1

    def _on_send_failure(
        self, tp: TopicPartition, entry: Entry, err: BrokerError, tick: float, may_give_up: bool
    ) -> None:
        m = self.metrics
        if entry.retry_at == 0.0 or entry.first_failed_at is None:
            # First sight of this failure: decide, then schedule.
            entry.first_failed_at = entry.first_failed_at or tick
            stage = "dlq" if entry.outcome == "dlq" else "publish"
            m.errors.labels(stage, type(err).__name__).inc()
            if entry.outcome == "dlq":
                m.dlq_produce_failures.inc()
            if entry.attempts & (entry.attempts - 1) == 0:  # 1, 2, 4, 8...: do not flood the log
                log.warning("send for %s@%d failed (attempt %d): %s", tp, entry.offset, entry.attempts, err)
            if entry.outcome == "ok" and not err.retriable:
                # The output topic refuses this event for good (e.g. too large): dead-letter the input.
                self._reroute_to_dlq(tp, entry, err)
                return
            entry.retry_at = tick + self._backoff(entry.attempts)
            if tp not in self._retry_paused:
                self._retry_paused.add(tp)
                self._pause([tp])
            self.health.note_failure(str(tp), tick)
        if may_give_up and tick - entry.first_failed_at > self.cfg.give_up_after_s:
            raise FatalRuntimeError(
                f"could not deliver {tp}@{entry.offset} for {self.cfg.give_up_after_s:.0f}s: {err}"
            )
        if tick - entry.first_failed_at > self.cfg.not_ready_after_s:
            self.health.set_ready(False, f"sends failing on {tp} since {tick - entry.first_failed_at:.0f}s")
        if tick >= entry.retry_at and entry.send is not None:
            entry.attempts += 1
            self.summary.retries += 1
            m.retries.labels("publish" if entry.outcome == "ok" else "dlq").inc()
            entry.handle = self._send(entry.send)
            entry.retry_at = 0.0

    def _reroute_to_dlq(self, tp: TopicPartition, entry: Entry, err: BrokerError) -> None:
        original = entry.record
        rejection = Rejection(Reason.PUBLISH_REJECTED, str(err), "publish", type(err).__name__)
        entry.outcome, entry.reason = "dlq", Reason.PUBLISH_REJECTED.value
        entry.send = self._dlq_send(original, rejection, entry.attempts)
        entry.handle = self._send(entry.send)
        entry.first_failed_at = None

    def _backoff(self, attempts: int) -> float:
        cap = min(self.cfg.backoff_max_s, self.cfg.backoff_initial_s * (2 ** min(attempts - 1, 16)))
        return random.uniform(cap / 2, cap)

    def _apply_backpressure(self) -> None:
        t, c = self.tracker, self.cfg
        over = t.inflight >= c.max_inflight_messages or t.inflight_bytes >= c.max_inflight_bytes
        under = t.inflight <= c.max_inflight_messages // 2 and t.inflight_bytes <= c.max_inflight_bytes // 2
        if over and not self._bp_paused:
            self._bp_paused = True
            self._pause(self.consumer.assignment())
        elif self._bp_paused and under:
            self._bp_paused = False
            self._resume([tp for tp in self.consumer.assignment() if tp not in self._retry_paused])

    def _pause(self, partitions: Iterable[TopicPartition]) -> None:
        parts = list(partitions)
        if parts:
            self.consumer.pause(parts)
        self.metrics.paused_partitions.set(len(self.consumer.paused()))

    def _resume(self, partitions: list[TopicPartition]) -> None:
        owned = self.consumer.assignment()
        parts = [tp for tp in partitions if tp in owned]
        if parts and not self._bp_paused:
            self.consumer.resume(parts)
        self.metrics.paused_partitions.set(len(self.consumer.paused()))

    def _commit(self, offsets: dict[TopicPartition, int]) -> bool:
        self._last_commit = self.now()
        if not offsets:
            return True
        before = self.now()
        try:
            self.consumer.commit(offsets, self.cfg.shutdown_timeout_s)
        except BrokerError as exc:
            self.metrics.commits.labels("failed").inc()
            self.metrics.errors.labels("commit", type(exc).__name__).inc()
            log.warning("commit of %s failed: %s", _fmt(offsets), exc)
            return False
        self.metrics.commit_seconds.observe(self.now() - before)
        self.metrics.commits.labels("ok").inc()
        self.summary.commits += 1
        self.tracker.mark_committed(offsets)
        return True

    def flush_and_commit(self, partitions: set[TopicPartition] | None, timeout_s: float) -> None:
        """Wait (bounded) for in-flight sends of ``partitions``, then commit their acked prefix."""
        deadline = self.now() + timeout_s
        while self.tracker.pending_count(partitions) and self.now() < deadline:
            try:
                self.producer.flush(max(0.05, min(1.0, deadline - self.now())))
            except BrokerError as exc:  # a bounded flush timing out is expected here; keep waiting
                log.debug("flush: %s", exc)
            self._reap(self.now(), may_give_up=False)
            if self.tracker.pending_count(partitions):
                time.sleep(0.01)
        left = self.tracker.pending_count(partitions)
        if left:
            log.warning("%d messages unacknowledged after %.1fs; they will be redelivered", left, timeout_s)
        self._commit(self.tracker.committable(partitions))

    def _drain(self) -> None:
        log.info("draining: %d in flight", self.tracker.inflight)
        self.flush_and_commit(None, self.cfg.shutdown_timeout_s)

    @property
    def backpressure_paused(self) -> bool:
        return self._bp_paused

    def forget_partitions(self, partitions: set[TopicPartition]) -> None:
        from worker.runtime.lag import forget

        self._retry_paused -= partitions
        forget(self, partitions)

    def _update_lag(self, tick: float) -> None:
        if tick - self._lag_at < 1.0:
            return
        self._lag_at = tick
        from worker.runtime.lag import update_lag

        update_lag(self, self.wall())


def _fmt(offsets: dict[TopicPartition, int]) -> str:
    return ", ".join(f"{tp}={off}" for tp, off in sorted(offsets.items()))
