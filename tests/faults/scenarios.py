"""The six fault scenarios. Each returns a :class:`~tests.faults.harness.Row` and never raises on a
delivery failure (that is what the row reports); it raises only when the harness itself cannot work.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.faults.cluster import leader_of, leaderships, start_cluster, wait_fully_replicated
from tests.faults.harness import Row, Run

# Small caps (every scenario) so "duplicates <= kills x (in-flight + one poll batch)" is a meaningful
# bound. In scenario 1 the worker also commits on every loop turn (tiny interval), which keeps
# acknowledged-but-uncommitted work inside that window; with the default 1 s interval up to ~1 s of
# throughput more can be redelivered after a crash.
MAX_INFLIGHT = 200
MAX_POLL = 50
CAPS = {"INGEST_MAX_INFLIGHT_MESSAGES": str(MAX_INFLIGHT), "INGEST_MAX_POLL_RECORDS": str(MAX_POLL)}
COMMIT_EVERY_TURN = {"INGEST_COMMIT_INTERVAL_S": "0.001"}


@dataclass(frozen=True)
class Plan:
    messages: int = 20_000
    kills: int = 5
    sigterms: int = 3
    seed: int = 1


def fault_points(rng: random.Random, k: int, lo: float = 0.1, hi: float = 0.85) -> list[float]:
    """``k`` increasing random fractions of the stream, one in each of ``k`` equal slices of [lo, hi]."""
    width = (hi - lo) / k
    return [rng.uniform(lo + i * width + 0.1 * width, lo + (i + 1) * width) for i in range(k)]


def worker_kills(bootstrap: str, plan: Plan, log_dir: Path, *, exactly_once: bool = False) -> Row:
    """1 (at-least-once) / 2 (exactly-once): SIGKILL the worker at random points, restart it."""
    number = 2 if exactly_once else 1
    mode = "exactly-once, read_committed" if exactly_once else "at-least-once"
    rng = random.Random(plan.seed * 100 + number)
    name = f"{number}. kill -9 worker x{plan.kills} ({mode})"
    with Run(name, bootstrap, plan.messages, plan.seed, log_dir, exactly_once=exactly_once) as run:
        env = {**CAPS, **COMMIT_EVERY_TURN}
        if exactly_once:  # same transactional id (and static member id) across restarts
            env["INGEST_TRANSACTIONAL_ID"] = f"{run.topics.group}-tx"
            env["INGEST_GROUP_INSTANCE_ID"] = "faults-w0"
        worker = run.fleet.add("w0", **env)
        for point in fault_points(rng, plan.kills):
            if not run.before_fault(point, rng):
                break
            fault_at = time.monotonic()
            worker.kill()
            baseline = run.baseline()
            worker.start()
            if run.wait_recovered(fault_at, baseline, "kill") is None:
                break
        if not exactly_once:
            run.row.dup_bound = plan.kills * (MAX_INFLIGHT + MAX_POLL)
            run.row.notes.append(
                f"bound {plan.kills} x ({MAX_INFLIGHT} in-flight + {MAX_POLL} poll) = {run.row.dup_bound}"
            )
        run.row.notes.append("static membership" if exactly_once else "dynamic membership, session 10 s")
        return run.finish()


def broker_restart(plan: Plan, log_dir: Path) -> Row:
    """3: restart the single-node broker (graceful), later crash it (SIGKILL) and start it again."""
    rng = random.Random(plan.seed * 100 + 3)
    cluster = start_cluster(1)
    try:
        name = "3. broker restart + crash (1 node)"
        with Run(name, cluster.bootstrap, plan.messages, plan.seed, log_dir) as run:
            worker = run.fleet.add("w0", **CAPS)
            pid = worker.pid
            first, second = fault_points(rng, 2, 0.1, 0.45)
            if run.before_fault(first, rng):
                fault_at = time.monotonic()
                cluster.restart()
                run.row.notes.append(f"restart took {time.monotonic() - fault_at:.1f}s")
                run.wait_recovered(fault_at, run.baseline(), "restart")
            if not run.row.problems and run.before_fault(second, rng):
                fault_at = time.monotonic()
                cluster.kill_node(1)
                cluster.start_node(1)
                run.row.notes.append(f"crash + start took {time.monotonic() - fault_at:.1f}s")
                run.wait_recovered(fault_at, run.baseline(), "crash")
            if worker.pid != pid or worker.exit_codes:
                run.problem("the worker did not survive the broker outage by itself")
            return run.finish()
    finally:
        cluster.stop(graceful=False)


def leader_failover(plan: Plan, log_dir: Path) -> Row:
    """4: 3 nodes, RF 3, min ISR 2: kill the leader of an input partition, bring it back, then kill the
    leader of an output partition (it stays down)."""
    rng = random.Random(plan.seed * 100 + 4)
    cluster = start_cluster(3)
    try:
        name = "4. partition leader killed x2 (3 nodes)"
        run = Run(name, cluster.bootstrap, plan.messages, plan.seed, log_dir, replication=3, min_isr=2)
        with run:
            t = run.topics
            watched = [t.input, t.output, t.dlq]
            internal = ["__consumer_offsets"]
            wait_fully_replicated(cluster.bootstrap, watched, 3)
            run.fleet.add("w0", INGEST_SEND_TIMEOUT_S="10", **CAPS)
            first, second = fault_points(rng, 2, 0.1, 0.45)
            for point, topic, margin in ((first, t.input, 0.25), (second, t.output, 0.5)):
                if run.row.problems:
                    break
                node = leader_of(cluster.bootstrap, topic, 0)  # looked up first: the kill must be prompt
                led = leaderships(cluster.bootstrap, node, watched + internal)
                if not run.before_fault(point, rng, margin):
                    break
                run.row.notes.append(f"killed node {node}, leader of {', '.join(led)}")
                # Read the position before the kill: the other nodes keep serving the worker while a
                # probe that lost its coordinator can take seconds to read offsets again.
                baseline = run.baseline()
                fault_at = time.monotonic()
                cluster.kill_node(node)
                run.wait_recovered(fault_at, baseline, f"node {node}")
                if topic == t.input:
                    cluster.start_node(node)
                    wait_fully_replicated(cluster.bootstrap, watched + internal, 3)
            return run.finish()
    finally:
        cluster.stop(graceful=False)


def member_churn(bootstrap: str, plan: Plan, log_dir: Path) -> Row:
    """5: two workers in one group; SIGKILL one, later add a new one."""
    rng = random.Random(plan.seed * 100 + 5)
    name = "5. 2 workers: kill one, add one"
    with Run(name, bootstrap, plan.messages, plan.seed, log_dir, partitions=6) as run:
        first = run.fleet.add("w1", **CAPS)
        run.fleet.add("w2", **CAPS)
        kill_at, join_at = fault_points(rng, 2, 0.1, 0.5)
        if run.before_fault(kill_at, rng):
            baseline = run.baseline()  # before the kill: the other worker keeps consuming
            fault_at = time.monotonic()
            first.kill()
            run.wait_recovered(fault_at, baseline, "kill")
        if not run.row.problems and run.before_fault(join_at, rng):
            fault_at = time.monotonic()
            baseline = run.baseline()
            run.fleet.add("w3", **CAPS)
            run.wait_recovered(fault_at, baseline, "join")
        row = run.finish()
        committed = run.committed()
        behind = {
            str(tp): end - committed.get(tp, 0) for tp, end in run.ends.items() if committed.get(tp, 0) < end
        }
        if behind:
            run.problem(f"partitions left unconsumed: {behind}")
        row.notes.append("6 partitions, dynamic membership, session 10 s; committed == end on all")
        return row


def sigterm_restarts(bootstrap: str, plan: Plan, log_dir: Path) -> Row:
    """6: SIGTERM (drain, flush, commit, exit 0) and restart, a few times: no duplicates at all."""
    rng = random.Random(plan.seed * 100 + 6)
    name = f"6. SIGTERM + restart x{plan.sigterms}"
    with Run(name, bootstrap, plan.messages, plan.seed, log_dir) as run:
        run.row.no_duplicates = True
        worker = run.fleet.add("w0", **CAPS)
        for point in fault_points(rng, plan.sigterms):
            if not run.before_fault(point, rng):
                break
            fault_at = time.monotonic()
            code = worker.terminate()
            if code != 0:
                run.problem(f"exit code {code} on SIGTERM; log tail:\n{worker.tail(15)}")
            baseline = run.baseline()
            worker.start()
            if run.wait_recovered(fault_at, baseline, "sigterm") is None:
                break
        return run.finish()


Scenario = Callable[[str, Plan, Path], Row]

# The one registry of scenarios, by number and test id; the bootstrap is the shared single-node
# broker (scenarios 3 and 4 start clusters of their own and ignore it).
SCENARIOS: dict[int, tuple[str, Scenario]] = {
    1: ("1-kill9", lambda b, p, d: worker_kills(b, p, d)),
    2: ("2-kill9-exactly-once", lambda b, p, d: worker_kills(b, p, d, exactly_once=True)),
    3: ("3-broker-restart", lambda b, p, d: broker_restart(p, d)),
    4: ("4-leader-failover", lambda b, p, d: leader_failover(p, d)),
    5: ("5-member-churn", lambda b, p, d: member_churn(b, p, d)),
    6: ("6-sigterm", lambda b, p, d: sigterm_restarts(b, p, d)),
}
SHARED_BROKER = {1, 2, 5, 6}
