"""Two workers in one group on the memory twin: a member joins and leaves mid-stream, nothing is lost."""

from __future__ import annotations

import threading
import time
from collections import Counter

from worker.broker.types import TopicPartition

from .test_runner import GROUP, IN, OUT, _broker, _produce, _read_all, _runner


def test_join_and_leave_mid_stream_loses_nothing() -> None:
    broker = _broker(partitions=4)
    _produce(broker, [b"good"] * 400)
    first, second = _runner(broker), _runner(broker)
    results: dict[str, int] = {}

    def run(name: str, runner: object, idle: float) -> None:
        summary = runner.run(idle_timeout_s=idle)  # type: ignore[attr-defined]
        runner.close()  # type: ignore[attr-defined]
        results[name] = summary.consumed

    t1 = threading.Thread(target=run, args=("first", first, 1.0))
    t1.start()
    deadline = time.monotonic() + 10
    while first.summary.consumed < 50 and time.monotonic() < deadline:
        time.sleep(0.001)
    t2 = threading.Thread(target=run, args=("second", second, 1.5))
    t2.start()
    time.sleep(0.05)
    first.request_stop("leave")  # the first member leaves while the second is running
    t1.join(20)
    _produce(broker, [b"good"] * 100)  # more input after the first member left
    t2.join(20)
    assert not t1.is_alive() and not t2.is_alive()
    counts = Counter(r.key for r in _read_all(broker, OUT))
    # k0..k99 were produced twice (two batches), k100..k399 once: every copy must come out.
    assert all(counts[f"id-k{i}".encode()] >= (2 if i < 100 else 1) for i in range(400))
    committed = broker.admin().committed_offsets(GROUP)
    ends = {
        TopicPartition(IN, p): broker.end_offset(TopicPartition(IN, p), "read_uncommitted") for p in range(4)
    }
    assert committed == ends
    assert results["first"] + results["second"] >= 500
