"""The dead-letter record: the original message untouched plus ``ingest.*`` context headers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from worker.errors import Reason

HEADER_PREFIX = "ingest."


class DeadLetterHeaders(BaseModel):
    """Headers added to a DLQ record (each value UTF-8 text), after the original headers.

    The record's key and value are the original bytes; the original headers come first,
    unchanged.  Header names are ``ingest.<field>`` with ``_`` replaced by ``.``, e.g.
    ``ingest.source.topic``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_topic: str
    source_partition: int
    source_offset: int
    source_timestamp: int = Field(description="Kafka timestamp of the original record, ms since epoch")
    consumer_group: str
    reason: Reason
    stage: str = Field(description="decode | validate | parse | enrich | encode | publish")
    error_class: str
    error_message: str = Field(max_length=2000)
    attempts: int = Field(ge=1)
    first_failed_at: str = Field(description="ISO 8601 UTC")
    worker_version: str

    def to_headers(self) -> list[tuple[str, bytes]]:
        out: list[tuple[str, bytes]] = []
        for name, value in self.model_dump(mode="json").items():
            out.append((HEADER_PREFIX + name.replace("_", "."), str(value).encode("utf-8")))
        return out

    @classmethod
    def from_headers(cls, headers: list[tuple[str, bytes]]) -> DeadLetterHeaders:
        fields = {}
        for name, value in headers:
            if name.startswith(HEADER_PREFIX):
                fields[name[len(HEADER_PREFIX) :].replace(".", "_")] = value.decode("utf-8", "replace")
        return cls.model_validate(fields)
