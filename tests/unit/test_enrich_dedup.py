"""Near-duplicate index: Hamming distance <= 3, ties to the earliest seen, bounded capacity."""

from __future__ import annotations

import pytest

from worker.pipeline.enrich.dedup import DedupIndex

BASE = 0x0123_4567_89AB_CDEF


def test_nearest_within_three_bits() -> None:
    index = DedupIndex(10)
    assert index.check_and_add("a", BASE) is None
    assert index.check_and_add("b", BASE ^ 0b111) == "a"
    assert index.check_and_add("c", BASE ^ 0b1111 << 20) is None  # 4 bits away from a: not a duplicate


@pytest.mark.parametrize("names", [["x", "y", "z"], ["z", "y", "x"], ["m", "a", "q"]])
def test_ties_go_to_the_earliest_seen_whatever_the_names(names: list[str]) -> None:
    index = DedupIndex(10)
    for i, name in enumerate(names):
        index.add(name, BASE ^ (1 << (10 * i)))  # each one bit from BASE, two bits from each other
    assert index.find(BASE) == names[0]


def test_capacity_evicts_the_oldest() -> None:
    index = DedupIndex(2)
    index.add("a", BASE)
    index.add("b", ~BASE & (2**64 - 1))
    index.add("c", BASE ^ (1 << 40) ^ (1 << 41) ^ (1 << 42) ^ (1 << 43) ^ (1 << 44))
    assert len(index) == 2
    assert index.find(BASE) is None  # "a" was evicted
