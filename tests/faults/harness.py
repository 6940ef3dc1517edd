"""One scenario run: topics, input, workers, progress waits, recovery timing, the verdict row.

Time to recover (every scenario): from the moment the fault is injected until the group's committed
offset has advanced on every input partition that was not finished when the fault took effect --
i.e. the whole stream is moving again, including any worker restart the harness does and the time
the group needs to hand partitions over. Committed offsets only move after the output (or DLQ) send
was acknowledged (at-least-once) or the transaction committed (exactly-once).
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tests.faults.verify import Probe, Tally, advanced_everywhere, tally, unfinished
from tests.faults.workers import Fleet, code_snapshot, worker_env
from tests.faults.workload import Topics, create_topics, messages, produce, topic_names
from worker.broker.kafka import KafkaBroker
from worker.broker.types import TopicPartition

log = logging.getLogger("faults")


@dataclass
class Row:
    scenario: str
    messages_in: int = 0
    events_out: int = 0
    dlq_out: int = 0
    lost: int = 0
    duplicated: int = 0
    recover_s: list[tuple[str, float]] = field(default_factory=list)
    dup_bound: int | None = None  # at-least-once: faults x in-flight window
    no_duplicates: bool = False  # rows 2 and 6: any duplicate fails
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wall_s: float = 0.0

    @property
    def recover(self) -> str:
        if not self.recover_s:
            return "-"
        labels = {label for label, _ in self.recover_s}
        if len(labels) == 1 and len(self.recover_s) > 1:
            worst = max(s for _, s in self.recover_s)
            return f"max {worst:.1f}s ({' '.join(f'{s:.1f}' for _, s in self.recover_s)})"
        return ", ".join(f"{label} {s:.1f}s" for label, s in self.recover_s)

    @property
    def ok(self) -> bool:
        if self.lost or self.problems:
            return False
        if self.no_duplicates and self.duplicated:
            return False
        return self.dup_bound is None or self.duplicated <= self.dup_bound


class Run:
    """Context for one scenario: ``with Run(...) as run: run.start(); ...; row = run.finish()``."""

    def __init__(
        self,
        scenario: str,
        bootstrap: str,
        n: int,
        seed: int,
        log_dir: Path,
        *,
        partitions: int = 3,
        replication: int = 1,
        min_isr: int | None = None,
        exactly_once: bool = False,
        timeout_s: float | None = None,
    ) -> None:
        self.bootstrap, self.n, self.seed = bootstrap, n, seed
        self.reserve = max(1, n // 10)  # input held back so a fault can always land mid-stream
        self.partitions = partitions
        self.topics: Topics = topic_names(scenario.split()[0].rstrip("."), uuid.uuid4().hex[:8])
        self.broker = KafkaBroker(bootstrap)
        self.exactly_once = exactly_once
        self.row = Row(scenario, no_duplicates=exactly_once)
        self.started = time.monotonic()
        self.timeout_s = timeout_s if timeout_s is not None else 180.0 + n / 25
        self.log_dir = log_dir / self.topics.input.removesuffix(".raw")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = worker_env(bootstrap, self.topics.input, self.topics.output, self.topics.dlq, self.topics.group)
        if exactly_once:
            env["INGEST_PROCESSING_GUARANTEE"] = "exactly_once"
        self.fleet = Fleet(env, self.log_dir, code_snapshot(log_dir))
        self.probe = Probe(self.broker, self.topics.group)
        self.msgs = messages(n, seed)
        self.ends: dict[TopicPartition, int] = {}
        self.produced = 0
        create_topics(self.broker, self.topics, partitions, replication, min_isr)

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fleet.close()
        self.probe.close()

    # -- setup -------------------------------------------------------------------------------
    def produce_upto(self, count: int) -> None:
        """Produce the input up to message ``count`` (the stream can be fed in phases)."""
        count = min(self.n, count)
        if count <= self.produced:
            return
        seconds = produce(self.broker, self.topics.input, self.msgs[self.produced : count])
        self.produced = self.row.messages_in = count
        ends = self.probe.ends(self.topics.input_tps(self.partitions))
        deadline = time.monotonic() + 60
        while ends is None and time.monotonic() < deadline:  # metadata may be stale after a failover
            time.sleep(0.5)
            ends = self.probe.ends(self.topics.input_tps(self.partitions))
        if ends is None or sum(ends.values()) != count:
            raise RuntimeError(f"input end offsets {ends} do not add up to {count}")
        self.ends = ends
        log.info("%s: input at %d messages (+%.1fs)", self.row.scenario, count, seconds)

    def before_fault(self, point: float, rng: random.Random, margin: float = 0.5) -> bool:
        """Feed the input to ``point + margin`` of the stream, wait until ``point`` is committed, then a
        random pause (so the fault lands anywhere in the poll/send/commit cycle). False on timeout."""
        # If the stream already moved past ``point`` (e.g. while a node was being restarted), the
        # fault is re-anchored at the current position so it still lands mid-stream.
        base = max(int(point * self.n), sum(self.committed().values()))
        # Keep a reserve unproduced: if the worker drains everything before the fault lands (a slow
        # metadata refresh after a failover can take seconds), wait_recovered feeds it afterwards.
        self.produce_upto(min(base + int(margin * self.n), self.n - self.reserve))
        ok = self.wait_progress(base)
        time.sleep(rng.uniform(0.0, 0.2))
        return ok

    # -- waits -------------------------------------------------------------------------------
    def committed(self) -> dict[TopicPartition, int]:
        return self.probe.committed(self.topics.input_tps(self.partitions)) or {}

    def _check_workers(self) -> None:
        for w in self.fleet.dead():
            code = w.proc.returncode if w.proc is not None else None
            self.problem(f"{w.name} exited by itself (code {code}); log tail:\n{w.tail(15)}")
            w.exit_codes.append(code if code is not None else -1)
            w.proc = None

    def wait_progress(self, consumed: int, limit_s: float | None = None) -> bool:
        """Wait until the committed offsets add up to ``consumed`` messages (False on timeout)."""
        deadline = time.monotonic() + (limit_s or self.timeout_s)
        while time.monotonic() < deadline:
            self._check_workers()
            if sum(self.committed().values()) >= consumed:
                return True
            time.sleep(0.05)
        self.problem(f"no progress to {consumed} committed within {limit_s or self.timeout_s:.0f}s")
        return False

    def baseline(self) -> dict[TopicPartition, int]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            got = self.probe.committed(self.topics.input_tps(self.partitions))
            if got is not None:
                return got
            time.sleep(0.05)
        raise RuntimeError("committed offsets unreadable for 60s")

    def wait_recovered(self, fault_at: float, baseline: dict[TopicPartition, int], what: str) -> float | None:
        """Seconds from ``fault_at`` until every unfinished partition has moved past ``baseline``."""
        deadline = time.monotonic() + self.timeout_s
        stuck = unfinished(baseline, self.ends)
        done = sum(baseline.get(tp, 0) for tp in self.ends)
        self.row.notes.append(f"{what} with {done:,} of {self.produced:,} produced messages committed")
        if not stuck and self.produced < self.n:
            self.produce_upto(self.produced + self.reserve)
            stuck = unfinished(baseline, self.ends)
            self.row.notes.append(f"{what}: input drained at the fault; fed {self.reserve:,} more after it")
        if not stuck:
            self.problem(f"{what}: the input was already drained, the fault was not mid-stream")
            return None
        while time.monotonic() < deadline:
            self._check_workers()
            now = self.probe.committed(self.topics.input_tps(self.partitions))
            if now is not None and advanced_everywhere(baseline, now, self.ends):
                took = time.monotonic() - fault_at
                self.row.recover_s.append((what, took))
                log.info("%s: recovered from %s in %.1fs", self.row.scenario, what, took)
                return took
            time.sleep(0.05)
        self.problem(f"did not recover from {what} within {self.timeout_s:.0f}s (partitions {sorted(stuck)})")
        return None

    def wait_done(self) -> bool:
        """Wait until the group's committed offsets reach the end of every input partition."""
        deadline = time.monotonic() + self.timeout_s
        committed: dict[TopicPartition, int] = {}
        while time.monotonic() < deadline:
            self._check_workers()
            committed = self.committed()
            if not unfinished(committed, self.ends):
                return True
            if not self.fleet.alive():
                break
            time.sleep(0.2)
        left = {
            str(tp): self.ends[tp] - committed.get(tp, 0) for tp in sorted(unfinished(committed, self.ends))
        }
        self.problem(f"committed offsets short of the end: {left}")
        return False

    def problem(self, text: str) -> None:
        log.warning("%s: %s", self.row.scenario, text)
        self.row.problems.append(text)

    # -- verdict -----------------------------------------------------------------------------
    def finish(self, *, expect_clean_exit: bool = True) -> Row:
        self.produce_upto(self.n)
        self.wait_done()
        for name, code in self.fleet.terminate_all().items():
            if expect_clean_exit and code != 0:
                self.problem(
                    f"{name} exited {code} on SIGTERM; log tail:\n{self.fleet.workers[name].tail(15)}"
                )
        isolation = "read_committed" if self.exactly_once else "read_uncommitted"
        t: Tally = tally(self.broker, self.topics.output, self.topics.dlq, isolation)
        self.row.events_out, self.row.dlq_out = t.events, t.dlq
        lost = t.lost(k for k, _ in self.msgs)
        self.row.lost = len(lost)
        self.row.duplicated = t.duplicated()
        if lost:
            self.row.notes.append(f"lost keys (first 10): {[k.decode() for k in lost[:10]]}")
        if t.unreadable:
            self.problem(f"{t.unreadable} output records without ingest.key")
        extra = set(t.per_key) - {k for k, _ in self.msgs}
        if extra:
            self.problem(f"{len(extra)} unknown keys in the output")
        if self.row.duplicated:
            self.row.notes.append(f"max copies of one key: {t.max_copies()}")
        self.row.wall_s = time.monotonic() - self.started
        self.row.notes.append(f"logs: {self.log_dir}")
        return self.row
