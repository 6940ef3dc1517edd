"""``python -m tests.faults.run [--messages N] [--only 1,3] [--seed S]``: all six fault scenarios
against real brokers; prints the table; exits 1 if anything was lost anywhere, if rows 2 or 6 have
a duplicate, or if a scenario reported a problem (a hang, a crash, an unclean exit)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.faults.cluster import start_cluster
from tests.faults.harness import Row
from tests.faults.scenarios import SCENARIOS, SHARED_BROKER, Plan

HEADER = ("scenario", "messages in", "events out (+DLQ)", "lost", "duplicated", "time to recover")


def table(rows: list[Row]) -> str:
    cells = [HEADER] + [
        (
            r.scenario,
            f"{r.messages_in:,}",
            f"{r.events_out:,} (+{r.dlq_out})",
            str(r.lost),
            str(r.duplicated) + (f" (<= {r.dup_bound})" if r.dup_bound is not None else ""),
            r.recover,
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = ["| " + " | ".join(c[i].ljust(widths[i]) for i in range(len(c))) + " |" for c in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def details(rows: list[Row]) -> str:
    out = []
    for r in rows:
        verdict = "ok" if r.ok else "FAILED"
        out.append(f"{r.scenario}: {verdict} in {r.wall_s:.0f}s")
        out.extend(f"    {n}" for n in r.notes)
        out.extend(f"    PROBLEM: {p}" for p in r.problems)
    return "\n".join(out)


def failed(rows: list[Row]) -> bool:
    return any(not r.ok for r in rows)


@contextmanager
def shared_bootstrap(needed: bool) -> Iterator[str]:
    """``$KAFKA_BOOTSTRAP`` or one embedded single-node broker for scenarios 1, 2, 5 and 6."""
    external = os.environ.get("KAFKA_BOOTSTRAP")
    if external or not needed:
        yield external or ""
        return
    cluster = start_cluster(1)
    try:
        yield cluster.bootstrap
    finally:
        cluster.stop()


def run_scenarios(only: set[int], plan: Plan, log_dir: Path) -> list[Row]:
    rows: list[Row] = []
    with shared_bootstrap(bool(SHARED_BROKER & only)) as bootstrap:
        for number in sorted(only):
            rows.append(SCENARIOS[number][1](bootstrap, plan, log_dir))
            logging.getLogger("faults").info("%s\n%s", table(rows[-1:]), details(rows[-1:]))
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.faults.run", description=__doc__)
    p.add_argument("--messages", type=int, default=20_000, help="messages per scenario (default 20,000)")
    p.add_argument("--only", default="1,2,3,4,5,6", help="comma-separated scenario numbers")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--kills", type=int, default=5, help="worker kills in scenarios 1 and 2")
    p.add_argument("--sigterms", type=int, default=3, help="SIGTERM restarts in scenario 6")
    p.add_argument("--log-dir", help="worker logs (default: a new temp dir)")
    args = p.parse_args(argv)
    only = {int(x) for x in args.only.split(",") if x.strip()}
    if not only <= set(SCENARIOS):
        p.error("--only takes numbers 1-6")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    log_dir = Path(args.log_dir) if args.log_dir else Path(tempfile.mkdtemp(prefix="news-ingest-faults-"))
    plan = Plan(messages=args.messages, kills=args.kills, sigterms=args.sigterms, seed=args.seed)
    started = time.monotonic()
    rows = run_scenarios(only, plan, log_dir)
    print(table(rows))
    print()
    print(details(rows))
    took = time.monotonic() - started
    print(f"\nseed {plan.seed}, {plan.messages:,} messages per scenario, wall time {took:.0f}s")
    print(f"worker logs: {log_dir}")
    return 1 if failed(rows) else 0


if __name__ == "__main__":
    sys.exit(main())
