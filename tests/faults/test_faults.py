"""Delivery guarantees under faults, with the worker as subprocesses against real brokers.

Short variants (2,000 messages, 2 kills / SIGTERMs) run in the normal suite; the full-size ones
(20,000 messages, 5 kills, 3 SIGTERMs) are marked ``slow`` (``make faults``). The same scenarios
back ``python -m tests.faults.run``, which prints the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.harness import Row
from tests.faults.run import details, table
from tests.faults.scenarios import SCENARIOS, Plan
from tests.faults.workload import CORPUS

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not CORPUS.is_file(), reason=f"development corpus not found at {CORPUS}"),
]

SHORT = Plan(messages=2_000, kills=2, sigterms=2, seed=7)
FULL = Plan(messages=20_000, kills=5, sigterms=3, seed=1)

NAMES = {name: fn for name, fn in SCENARIOS.values()}


def _check(row: Row) -> None:
    report = f"\n{table([row])}\n{details([row])}"
    assert not row.problems, report
    assert row.lost == 0, report
    if row.no_duplicates:
        assert row.duplicated == 0, report
    if row.dup_bound is not None:
        assert row.duplicated <= row.dup_bound, report


@pytest.mark.parametrize("name", list(NAMES))
def test_short(name: str, kafka_bootstrap: str, tmp_path: Path) -> None:
    _check(NAMES[name](kafka_bootstrap, SHORT, tmp_path))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(NAMES))
def test_full(name: str, kafka_bootstrap: str, tmp_path: Path) -> None:
    _check(NAMES[name](kafka_bootstrap, FULL, tmp_path))
