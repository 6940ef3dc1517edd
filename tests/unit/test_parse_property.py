"""Property: the parser never raises; any input gives a ParsedArticle or a Rejection."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.parse_fixtures import NY, message
from worker.errors import Reason, Rejection
from worker.models.article import ParsedArticle
from worker.pipeline.parse import parse_article

_SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_PIECES = st.sampled_from(
    [
        " date 2023-12-22 Trending", "World News", "Dec. 22, 2023 / 7:11 AM",
        "Updated Dec. 23, 2023 / 5:38 AM", "By Jane Doe and John Roe",
        "A caption. Photo by A B/UPI | License Photo", "<a href='/x'>License Photo</a>",
        "Dec. 22 (UPI) -- Body text.", "BISMARCK, N.D., Dec. 22 (UPI) --", "(AP) —", "&amp;", "&#xD800;",
        "<p>", "</a>", "\r\n", "\n", "\u00a0", "\u2028", "\x00", "Advertisement", "", " ", "|", "--",
    ]
)  # fmt: skip


def _check(text: str, content_type: str = "text") -> None:
    res = parse_article(text, content_type=content_type, tz=NY)  # type: ignore[arg-type]
    assert isinstance(res, ParsedArticle | Rejection)
    if isinstance(res, Rejection):
        assert res.reason != Reason.INTERNAL_ERROR, res.detail  # a caught bug, not a bad input
    if isinstance(res, ParsedArticle):
        assert res.headline
        assert res.paragraphs
        assert res.body_text == "\n\n".join(p.text for p in res.paragraphs)
        for p in res.paragraphs:
            assert res.body_text[p.char_start : p.char_end] == p.text
        res.model_dump(mode="json")


@_SETTINGS
@given(st.text())
def test_any_text(text: str) -> None:
    _check(text)


@_SETTINGS
@given(st.binary())
def test_any_bytes_decoded_with_replacement(data: bytes) -> None:
    _check(data.decode("utf-8", errors="replace"))


@_SETTINGS
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30), st.sampled_from(["\n", "\r\n", " "]))
def test_shuffled_upi_lines(pieces: list[str], sep: str) -> None:
    _check(sep.join(pieces))


@_SETTINGS
@given(st.text(max_size=200), st.integers(min_value=0, max_value=2000))
def test_mutated_message(junk: str, pos: int) -> None:
    base = message()
    pos = min(pos, len(base))
    _check(base[:pos] + junk + base[pos:])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_html(text: str) -> None:
    _check("<html><body>" + text + "</body></html>", "html")
    _check(text, "html")
