"""Exactly-once mode: each polled batch is one Kafka transaction.

For a batch: begin; process every record and send its event or dead-letter record; flush;
``send_offsets_to_transaction`` with the consumer's group metadata (KIP-447 fencing of
zombies); commit.  On a failure the transaction is aborted and the same records are
processed again after a capped, jittered backoff while the partitions stay paused and the
consumer keeps polling (so the group does not time out).  Downstream consumers must read
with ``isolation_level=read_committed``.
"""

from __future__ import annotations

import logging
import time

from worker.broker.types import BrokerError, CommitFailedError, Record, TopicPartition
from worker.pipeline.outcome import DeadLetter, Outcome, Publish, Skip
from worker.runtime.loop import FatalRuntimeError, Runner

log = logging.getLogger("news_ingest.runtime")


class TransactionalRunner(Runner):
    """A Runner whose sends and offset commits are atomic per batch."""

    _holding = False

    def _start(self) -> None:
        self.producer.init_transactions()

    def _on_records(self, records: list[Record]) -> None:
        self._transact(records)

    def _on_tick(self, tick: float) -> None:
        return None

    def flush_and_commit(self, partitions: set[TopicPartition] | None, timeout_s: float) -> None:
        """Nothing to do on revoke: every finished batch is already committed in its transaction."""
        return None

    def _transact(self, records: list[Record]) -> None:
        first_failed: float | None = None
        attempt = 0
        batch = records
        while batch:
            attempt += 1
            try:
                self._one_transaction(batch, attempt)
                if first_failed is not None:
                    self.health.clear_failure("transaction")
                    self._resume(sorted(self.consumer.assignment()))
                return
            except CommitFailedError as exc:
                # The group moved on (rebalance or fenced zombie): our uncommitted work is void.
                self._abort(exc)
                log.warning("transaction fenced (%s); records will be redelivered to the new owner", exc)
                return
            except BrokerError as exc:
                self._abort(exc)
                now = self.now()
                first_failed = first_failed or now
                if not exc.retriable and attempt > 3:
                    raise FatalRuntimeError(f"transaction keeps failing: {exc}") from exc
                if now - first_failed > self.cfg.give_up_after_s:
                    raise FatalRuntimeError(
                        f"could not commit a transaction for {now - first_failed:.0f}s"
                    ) from exc
                self.health.note_failure("transaction", first_failed)
                batch = self._wait_and_keep_owned(batch, attempt)

    def _one_transaction(self, batch: list[Record], attempt: int) -> None:
        self.producer.begin_transaction()
        outcomes: list[tuple[Record, Outcome]] = []
        handles = []
        for rec in batch:
            if attempt == 1:
                self.summary.consumed += 1
                self.metrics.consumed.labels(rec.topic, str(rec.partition)).inc()
                self.metrics.consumed_bytes.labels(rec.topic).inc(rec.size)
            outcome = self._process_safely(rec)
            outcomes.append((rec, outcome))
            if isinstance(outcome, Publish):
                handles.append(
                    self.producer.send(self.cfg.output_topic, outcome.key, outcome.value, outcome.headers)
                )
            elif isinstance(outcome, DeadLetter):
                send = self._dlq_send(rec, outcome.rejection, attempt)
                handles.append(self.producer.send(send.topic, send.key, send.value, send.headers))
        self.producer.flush(self.cfg.shutdown_timeout_s)
        for handle in handles:
            err = handle.wait(self.cfg.shutdown_timeout_s)
            if err is not None:
                raise err
        offsets: dict[TopicPartition, int] = {}
        for rec in batch:
            offsets[rec.tp] = max(offsets.get(rec.tp, 0), rec.offset + 1)
        self.producer.send_offsets_to_transaction(offsets, self.consumer.group_metadata())
        before = self.now()
        self.producer.commit_transaction()
        self.metrics.commit_seconds.observe(self.now() - before)
        self.metrics.commits.labels("ok").inc()
        self.summary.commits += 1
        for rec, outcome in outcomes:
            self._count(rec, outcome)

    def _count(self, rec: Record, outcome: Outcome) -> None:
        m, s = self.metrics, self.summary
        m.last_processed_ts.labels(rec.topic, str(rec.partition)).set(rec.timestamp_ms / 1000)
        if isinstance(outcome, Publish):
            s.published += 1
            m.processed.labels(rec.topic, "ok").inc()
            m.published.labels(self.cfg.output_topic).inc()
        elif isinstance(outcome, DeadLetter):
            reason = outcome.rejection.reason.value
            s.dead_lettered += 1
            s.by_reason[reason] = s.by_reason.get(reason, 0) + 1
            m.processed.labels(rec.topic, "dlq").inc()
            m.dlq.labels(reason).inc()
        elif isinstance(outcome, Skip):
            s.skipped += 1
            m.processed.labels(rec.topic, "skipped").inc()

    def _abort(self, exc: BrokerError) -> None:
        self.metrics.errors.labels("transaction", type(exc).__name__).inc()
        self.metrics.commits.labels("failed").inc()
        try:
            self.producer.abort_transaction()
        except BrokerError as abort_exc:
            log.warning("abort failed: %s", abort_exc)

    @property
    def backpressure_paused(self) -> bool:
        return self._bp_paused or self._holding

    def _wait_and_keep_owned(self, batch: list[Record], attempt: int) -> list[Record]:
        """Back off with every partition paused, polling to stay in the group; drop revoked ones."""
        self._holding = True
        self._pause(self.consumer.assignment())
        try:
            deadline = self.now() + self._backoff(attempt)
            while self.now() < deadline and not self._stop:
                stray = self._poll(1)  # all paused: returns nothing, keeps the member alive
                for tp in {r.tp for r in stray}:
                    self.consumer.seek(tp, min(r.offset for r in stray if r.tp == tp))
                time.sleep(min(0.05, max(0.0, deadline - self.now())))
        finally:
            self._holding = False
        self.summary.retries += 1
        self.metrics.retries.labels("publish").inc()
        owned = self.consumer.assignment()
        kept = [r for r in batch if r.tp in owned]
        if len(kept) < len(batch):
            log.info("%d records of revoked partitions left to their new owner", len(batch) - len(kept))
        return [] if self._stop else kept
