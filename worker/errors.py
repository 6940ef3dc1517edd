"""Error taxonomy and the closed set of dead-letter reason codes.

::

    WorkerError
    ├── PermanentError      the message can never succeed -> DLQ with ``reason``, commit past it
    │                       (reasons: see ``Reason``)
    ├── TransientError      broker unavailable, timeouts, not-leader, DLQ unwritable:
    │                       retry with capped backoff, partition paused, never dead-lettered
    └── ConfigError         a setting is wrong: clear message, exit 2 before consuming

Anything else raised inside the worker is a bug: it is logged, acknowledged work is
committed, and the process exits non-zero.

Pure pipeline code does not raise for bad input: it returns :class:`Rejection` values.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """Closed set of reasons a message is dead-lettered (DLQ header and metric label)."""

    EMPTY_VALUE = "empty_value"
    TOO_LARGE = "too_large"
    BAD_ENCODING = "bad_encoding"
    BINARY_CONTENT = "binary_content"
    BAD_JSON = "bad_json"
    SCHEMA_VIOLATION = "schema_violation"
    UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type"
    NOT_AN_ARTICLE = "not_an_article"
    NO_HEADLINE = "no_headline"
    NO_BODY = "no_body"
    PROCESSING_DEADLINE = "processing_deadline"
    PUBLISH_REJECTED = "publish_rejected"
    INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A permanent failure of one message, as a value: where it failed and why."""

    reason: Reason
    detail: str
    stage: str = "parse"
    error_class: str = "PermanentError"


class WorkerError(Exception):
    """Base of every error the worker raises on purpose."""


class PermanentError(WorkerError):
    """Can never succeed: dead-letter it, then commit past it."""

    def __init__(self, reason: Reason, detail: str, stage: str = "parse") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.stage = stage

    def rejection(self) -> Rejection:
        return Rejection(self.reason, self.detail, self.stage, type(self).__name__)


class TransientError(WorkerError):
    """May succeed on retry; never dead-lettered."""


class ConfigError(WorkerError):
    """A setting is invalid; reported before any message is consumed."""
