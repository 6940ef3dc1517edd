"""Liveness and readiness state, written by the loop thread and read by the probe server.

``/livez`` fails when the poll loop has not ticked for ``stall_after_s`` (a stuck loop),
not merely when the HTTP thread is alive.  ``/readyz`` needs a started loop, a recent
tick, no sends failing longer than the threshold, and no tripped breaker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Health:
    def __init__(self, *, stall_after_s: float = 60.0, clock: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self.stall_after_s = stall_after_s
        self._started = False
        self._last_tick: float | None = None
        self._ready_override: tuple[bool, str] | None = None
        self._failing: dict[str, float] = {}
        self._assigned = 0
        self.max_poll_gap_s = 0.0

    def mark_started(self) -> None:
        with self._lock:
            self._started = True
            self._last_tick = self._clock()

    def tick(self, now: float, poll_s: float) -> None:
        with self._lock:
            if self._last_tick is not None:
                self.max_poll_gap_s = max(self.max_poll_gap_s * 0.98, now - self._last_tick)
            self._last_tick = now

    def set_assignment(self, count: int) -> None:
        with self._lock:
            self._assigned = count

    def note_failure(self, what: str, since: float) -> None:
        with self._lock:
            self._failing.setdefault(what, since)

    def clear_failure(self, what: str) -> None:
        with self._lock:
            self._failing.pop(what, None)
            if not self._failing and self._ready_override and self._ready_override[1].startswith("sends"):
                self._ready_override = None

    def set_ready(self, ready: bool, why: str = "") -> None:
        with self._lock:
            self._ready_override = None if ready else (False, why)

    def live(self) -> tuple[bool, str]:
        with self._lock:
            if not self._started or self._last_tick is None:
                return True, "starting"
            age = self._clock() - self._last_tick
            if age > self.stall_after_s:
                return False, f"poll loop stalled: no tick for {age:.0f}s"
            return True, f"last poll {age:.1f}s ago"

    def ready(self) -> tuple[bool, str]:
        live, why = self.live()
        with self._lock:
            if not self._started:
                return False, "not started"
            if not live:
                return False, why
            if self._ready_override is not None:
                return self._ready_override
            return True, f"ok; {self._assigned} partitions assigned"
