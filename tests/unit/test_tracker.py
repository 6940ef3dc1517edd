"""The at-least-once bookkeeping: only the acknowledged contiguous prefix is committable."""

from __future__ import annotations

from worker.broker.types import BrokerError, Record, TopicPartition
from worker.runtime.tracker import Entry, Tracker

TP = TopicPartition("in", 0)


class Handle:
    def __init__(self, done: bool = False, err: BrokerError | None = None) -> None:
        self._done, self._err = done, err

    def done(self) -> bool:
        return self._done

    def error(self) -> BrokerError | None:
        return self._err

    def wait(self, timeout_s: float) -> BrokerError | None:
        return self._err


def _entry(offset: int, handle: Handle | None) -> Entry:
    rec = Record("in", 0, offset, b"k", b"v" * 10, (), 1000 + offset)
    return Entry(rec, "ok", None, None, handle)


def test_commit_only_contiguous_acked_prefix() -> None:
    t = Tracker()
    handles = [Handle() for _ in range(3)]
    for off, h in zip((10, 11, 12), handles, strict=True):
        t.add(TP, _entry(off, h))
    assert t.inflight == 3 and t.inflight_bytes == 3 * 11
    assert t.committable() == {}
    t.release_head(TP)  # 10 acked
    assert t.committable() == {TP: 11}
    t.mark_committed({TP: 11})
    assert t.committable() == {}
    t.release_head(TP)
    t.release_head(TP)
    assert t.committable() == {TP: 13}
    assert t.inflight == 0 and t.inflight_bytes == 0


def test_drop_forgets_partition_and_counts() -> None:
    t = Tracker()
    t.add(TP, _entry(0, Handle()))
    t.add(TopicPartition("in", 1), _entry(0, Handle()))
    assert t.drop({TP}) == 1
    assert t.inflight == 1
    assert t.committable({TP}) == {}
