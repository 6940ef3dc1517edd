"""decode(): bytes + headers -> RawArticle or a Rejection with a closed reason code."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.errors import Reason, Rejection
from worker.models.raw import RawArticle
from worker.pipeline.decode import decode

MAX = 1_048_576


def _reason(value: bytes | None, headers: list[tuple[str, bytes]] | None = None) -> Reason:
    out = decode(b"k", value, headers or [], max_bytes=MAX)
    assert isinstance(out, Rejection), out
    return out.reason


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, Reason.EMPTY_VALUE),
        (b"", Reason.EMPTY_VALUE),
        (b"  \n\t ", Reason.EMPTY_VALUE),
        (b"\xff\xfe\xfd", Reason.BAD_ENCODING),
        (b"abc \xc3\x28 def", Reason.BAD_ENCODING),
        (b"\x00\x01\x02\x03" * 100, Reason.BINARY_CONTENT),
        (b'{"body": 42}', Reason.SCHEMA_VIOLATION),
        (b'{"body": "x", "fetched_at": "yesterday"}', Reason.SCHEMA_VIOLATION),
        (b'{"url": "https://x"}', Reason.SCHEMA_VIOLATION),
        (b'{"body": "unterminated', Reason.BAD_JSON),
        (b'{"body": "x", "content_type": "image/png"}', Reason.UNSUPPORTED_CONTENT_TYPE),
    ],
)
def test_permanent_failures_have_reasons(value: bytes | None, reason: Reason) -> None:
    assert _reason(value) == reason


def test_too_large() -> None:
    out = decode(b"k", b"a" * 2048, [], max_bytes=1024)
    assert isinstance(out, Rejection) and out.reason is Reason.TOO_LARGE
    assert "2048" in out.detail


def test_declared_json_must_be_object() -> None:
    assert _reason(b"[1, 2]", [("content-type", b"application/json")]) == Reason.SCHEMA_VIOLATION
    assert _reason(b"plain", [("Content-Type", b"application/json")]) == Reason.BAD_JSON


def test_unsupported_header() -> None:
    assert _reason(b"text", [("content-type", b"application/pdf")]) == Reason.UNSUPPORTED_CONTENT_TYPE


def test_plain_text_and_bom() -> None:
    out = decode(b"k1", "\ufeff date 2022-11-02\nHello".encode(), [], max_bytes=MAX)
    assert isinstance(out, RawArticle)
    assert out.kind == "text" and out.key == "k1" and out.body.startswith(" date")


def test_html_sniffed_and_declared() -> None:
    html = b"<!DOCTYPE html><html><body><p>x</p></body></html>"
    out = decode(None, html, [], max_bytes=MAX)
    assert isinstance(out, RawArticle) and out.kind == "html" and out.key is None
    out = decode(None, b"<p>fragment</p>", [("content-type", b"text/html; charset=utf-8")], max_bytes=MAX)
    assert isinstance(out, RawArticle) and out.kind == "html"


def test_envelope() -> None:
    env = {
        "url": "https://www.upi.com/x",
        "source": "upi",
        "fetched_at": "2022-11-02T20:17:00Z",
        "content_type": "text/plain",
        "body": " date 2022-11-02\nWorld News",
    }
    out = decode(b"k", orjson.dumps(env), [], max_bytes=MAX)
    assert isinstance(out, RawArticle)
    assert out.enveloped and out.url == env["url"] and out.source == "upi" and out.kind == "text"
    assert out.fetched_at is not None and out.fetched_at.utcoffset() is not None


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=4096), st.lists(st.tuples(st.text(max_size=20), st.binary(max_size=30)), max_size=3)
)
def test_any_bytes_never_raise(value: bytes, headers: list[tuple[str, bytes]]) -> None:
    out = decode(b"k", value, headers, max_bytes=MAX)
    assert isinstance(out, RawArticle | Rejection)
