"""Compose the pipeline: decode -> validate -> parse -> enrich -> encode, for one message."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import orjson

from worker import __version__
from worker.errors import Reason, Rejection
from worker.models.event import ArticleEvent, Ingest, Source
from worker.models.raw import RawArticle
from worker.pipeline.decode import decode
from worker.pipeline.enrich import DedupIndex, EnrichTables, enrich
from worker.pipeline.outcome import DeadLetter, Outcome, Publish
from worker.pipeline.parse import parse_article

PARSER_VERSION = __version__


class Message(Protocol):
    """What the pipeline reads of a consumed record (``worker.broker.types.Record`` fits)."""

    @property
    def topic(self) -> str: ...
    @property
    def partition(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def key(self) -> bytes | None: ...
    @property
    def value(self) -> bytes | None: ...
    @property
    def headers(self) -> tuple[tuple[str, bytes], ...]: ...
    @property
    def timestamp_ms(self) -> int: ...


def _no_timing(stage: str, seconds: float) -> None:
    return None


@dataclass(frozen=True, slots=True)
class PipelineContext:
    """Everything the pipeline needs from outside: settings, tables, state, ids and time."""

    tz: ZoneInfo
    max_bytes: int
    default_source: str
    base_url: str
    tables: EnrichTables
    dedup: DedupIndex | None
    new_event_id: Callable[[], str]
    now: Callable[[], datetime]
    perf: Callable[[], float]
    observe: Callable[[str, float], None] = _no_timing
    deadline_s: float = 5.0


def process_message(msg: Message, ctx: PipelineContext) -> Outcome:
    """Turn one consumed message into an Outcome. Never raises for bad input."""
    t0 = ctx.perf()
    raw = decode(msg.key, msg.value, msg.headers, max_bytes=ctx.max_bytes)
    t1 = ctx.perf()
    ctx.observe("decode", t1 - t0)
    if isinstance(raw, Rejection):
        return DeadLetter(raw)
    parsed = parse_article(
        raw.body, content_type=raw.kind, tz=ctx.tz, source_url=raw.url, base_url=ctx.base_url
    )
    t2 = ctx.perf()
    ctx.observe("parse", t2 - t1)
    if isinstance(parsed, Rejection):
        return DeadLetter(parsed)
    if t2 - t0 > ctx.deadline_s:
        return _over_deadline("parse", t2 - t0, ctx.deadline_s)
    received = ctx.now()
    source_name = raw.source or ctx.default_source
    enrichment = enrich(parsed, tables=ctx.tables, dedup=ctx.dedup, now=received, source=source_name)
    t3 = ctx.perf()
    ctx.observe("enrich", t3 - t2)
    if t3 - t0 > ctx.deadline_s:
        return _over_deadline("enrich", t3 - t0, ctx.deadline_s)
    value = msg.value or b""
    event = ArticleEvent.model_construct(
        **dict(parsed),
        **dict(enrichment),
        event_id=ctx.new_event_id(),
        parser_version=PARSER_VERSION,
        ingest=Ingest.model_construct(
            key=raw.key,
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            timestamp=datetime.fromtimestamp(msg.timestamp_ms / 1000, UTC) if msg.timestamp_ms > 0 else None,
            received_at=received,
            raw_sha256=hashlib.sha256(value).hexdigest(),
            raw_bytes=len(value),
            content_kind=raw.kind,
            enveloped=raw.enveloped,
        ),
        source=_source(raw, source_name, parsed.dateline.agency if parsed.dateline else None),
    )
    try:
        payload = orjson.dumps(event.model_dump(mode="python"), option=orjson.OPT_UTC_Z)
    except (TypeError, ValueError) as exc:  # an event we built but cannot encode is our bug
        return DeadLetter(Rejection(Reason.INTERNAL_ERROR, f"cannot encode event: {exc}", "encode"))
    ctx.observe("encode", ctx.perf() - t3)
    headers = (
        ("content-type", b"application/json"),
        ("event-id", event.event_id.encode()),
        ("schema-version", event.schema_version.encode()),
    )
    return Publish(key=event.article_id.encode(), value=payload, headers=headers)


def _over_deadline(stage: str, spent: float, limit: float) -> DeadLetter:
    detail = f"processing took {spent:.2f}s by the end of {stage}, over the {limit:g}s deadline"
    return DeadLetter(Rejection(Reason.PROCESSING_DEADLINE, detail, stage, "DeadlineExceeded"))


def _source(raw: RawArticle, name: str, agency: str | None) -> Source:
    domain = urlsplit(raw.url).hostname if raw.url else None
    return Source.model_construct(
        name=name, url=raw.url, domain=domain, agency=agency, fetched_at=raw.fetched_at
    )
