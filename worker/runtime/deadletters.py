"""Headers for a dead-letter record (the record's key, value and original headers stay untouched)."""

from __future__ import annotations

from datetime import UTC, datetime

from worker import __version__
from worker.broker.types import Record
from worker.errors import Rejection
from worker.models.deadletter import DeadLetterHeaders

MAX_ERROR_MESSAGE = 1000


def dlq_headers(
    rec: Record, rejection: Rejection, *, group_id: str, attempts: int, now: float
) -> list[tuple[str, bytes]]:
    message = rejection.detail
    if len(message) > MAX_ERROR_MESSAGE:
        message = message[: MAX_ERROR_MESSAGE - 3] + "..."
    return DeadLetterHeaders(
        source_topic=rec.topic,
        source_partition=rec.partition,
        source_offset=rec.offset,
        source_timestamp=rec.timestamp_ms,
        consumer_group=group_id,
        reason=rejection.reason,
        stage=rejection.stage,
        error_class=rejection.error_class,
        error_message=message,
        attempts=attempts,
        first_failed_at=datetime.fromtimestamp(now, UTC).isoformat(timespec="milliseconds"),
        worker_version=__version__,
    ).to_headers()
