"""What the pipeline decides for one message: publish an event, dead-letter it, or skip it."""

from __future__ import annotations

from dataclasses import dataclass

from worker.errors import Rejection


@dataclass(frozen=True, slots=True)
class Publish:
    """Send ``value`` to the output topic under ``key`` (the article id)."""

    key: bytes
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """Send the original message to the DLQ with this rejection."""

    rejection: Rejection


@dataclass(frozen=True, slots=True)
class Skip:
    """Deliberately produce nothing (counted under ``reason``); the offset still advances."""

    reason: str


Outcome = Publish | DeadLetter | Skip
