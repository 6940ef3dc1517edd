"""process_message(): one message in, one Outcome out; events validate against the schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.broker.types import Record
from worker.errors import Reason
from worker.models.event import ArticleEvent
from worker.pipeline.enrich import DedupIndex, load_tables
from worker.pipeline.outcome import DeadLetter, Publish
from worker.pipeline.process import PipelineContext, process_message

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "data" / "dev" / "articles.jsonl"
FIXED_NOW = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


def _ctx() -> PipelineContext:
    ids = iter(range(10**9))
    return PipelineContext(
        tz=ZoneInfo("America/New_York"),
        max_bytes=1_048_576,
        default_source="upi",
        base_url="https://www.upi.com",
        tables=load_tables(),
        dedup=DedupIndex(1000),
        new_event_id=lambda: f"01TEST{next(ids):020d}",
        now=lambda: FIXED_NOW,
        perf=lambda: 0.0,
    )


def _golden() -> bytes:
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["key"] == "upi-golden-0001":
            return str(doc["value"]).encode()
    raise AssertionError("golden article missing")


pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"development corpus not found at {CORPUS}")


def test_golden_article_becomes_a_valid_event() -> None:
    rec = Record("articles.raw", 2, 41, b"upi-golden-0001", _golden(), (), 1_667_420_220_000)
    out = process_message(rec, _ctx())
    assert isinstance(out, Publish)
    event = ArticleEvent.model_validate_json(out.value)  # the payload conforms to the schema
    assert out.key == event.article_id.encode()
    assert event.headline == "U.S. accuses North Korea is supplying Russia with munitions"
    assert event.published_at is not None and event.published_at.isoformat() == "2022-11-02T16:17:00-04:00"
    assert event.ingest.key == "upi-golden-0001"
    assert (event.ingest.topic, event.ingest.partition, event.ingest.offset) == ("articles.raw", 2, 41)
    assert event.ingest.received_at == FIXED_NOW
    assert event.event_id.startswith("01TEST") and event.schema_version == "1.0"
    assert {c.iso2 for c in event.countries} == {"KP", "RU", "UA", "US", "IR", "GB"}
    assert dict(out.headers)["event-id"] == event.event_id.encode()
    # Determinism: the same input gives the same article id and content hash.
    again = process_message(rec, _ctx())
    assert isinstance(again, Publish)
    doc1, doc2 = orjson.loads(out.value), orjson.loads(again.value)
    assert doc1["article_id"] == doc2["article_id"] and doc1["content_sha256"] == doc2["content_sha256"]


def test_duplicate_is_flagged_near_duplicate() -> None:
    ctx = _ctx()
    first = process_message(Record("t", 0, 0, b"a", _golden()), ctx)
    # Same story re-published under another headline: a different article, a near-duplicate body.
    edited = _golden().replace(b"U.S. accuses North Korea is", b"U.S. says North Korea is")
    second = process_message(Record("t", 0, 1, b"b", edited), ctx)
    assert isinstance(first, Publish) and isinstance(second, Publish)
    assert orjson.loads(first.value)["near_duplicate_of"] is None
    doc1, doc2 = orjson.loads(first.value), orjson.loads(second.value)
    assert doc1["article_id"] != doc2["article_id"]
    assert doc2["near_duplicate_of"] == doc1["article_id"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"", Reason.EMPTY_VALUE),
        (b"\xff\xfe", Reason.BAD_ENCODING),
        (b'{"body": 1}', Reason.SCHEMA_VIOLATION),
        (b"hello", None),
    ],
)
def test_rejections_carry_reasons(value: bytes, reason: Reason | None) -> None:
    out = process_message(Record("t", 0, 0, b"k", value), _ctx())
    assert isinstance(out, DeadLetter)
    if reason is not None:
        assert out.rejection.reason is reason
    assert out.rejection.detail


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000), st.text(max_size=3000).map(lambda s: s.encode("utf-8", "surrogatepass"))
    )
)
def test_any_bytes_give_an_outcome_never_an_exception(value: bytes) -> None:
    out = process_message(Record("t", 0, 0, b"k", value), _ctx())
    assert isinstance(out, Publish | DeadLetter)
    if isinstance(out, Publish):
        ArticleEvent.model_validate_json(out.value)


def test_processing_deadline() -> None:
    clock = iter([0.0, 0.1, 9.0, 9.0, 9.0])
    ctx = _ctx()
    slow = PipelineContext(
        **{**{f: getattr(ctx, f) for f in ctx.__dataclass_fields__}, "perf": lambda: next(clock)}
    )
    out = process_message(Record("t", 0, 0, b"k", _golden()), slow)
    assert isinstance(out, DeadLetter) and out.rejection.reason is Reason.PROCESSING_DEADLINE
    assert "over the 5s deadline" in out.rejection.detail
