"""The output event: ingest provenance + the parsed article + enrichment, one JSON object."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from worker.models.article import ParsedArticle
from worker.models.enrichment import Enrichment

SCHEMA_VERSION: Literal["1.0"] = "1.0"


class Ingest(BaseModel):
    """Where the event came from on Kafka, and when the worker read it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str | None = Field(description="The input record's key, echoed")
    topic: str
    partition: int
    offset: int
    timestamp: datetime | None = Field(description="Kafka record timestamp")
    received_at: datetime
    raw_sha256: str
    raw_bytes: int
    content_kind: Literal["text", "html"]
    enveloped: bool = False


class Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    url: str | None = None
    domain: str | None = None
    agency: str | None = None
    fetched_at: datetime | None = None


class ArticleEvent(Enrichment, ParsedArticle):
    """One structured news event, keyed on Kafka by ``article_id``."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="ArticleEvent")

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    event_id: str = Field(description="Time-ordered unique id (ULID) of this emission")
    parser_version: str
    ingest: Ingest
    source: Source
