"""Whole-corpus checks for the fast (unvalidated) model construction and the hot-path shortcuts.

The parser builds its pydantic models without validation (``worker.models.trusted``); these tests
re-validate every parsed dev article so a type slip in the fast path cannot go unnoticed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.parse_fixtures import NY, SHARED
from worker.errors import Reason, Rejection
from worker.models.article import ParsedArticle
from worker.pipeline.parse import parse_article
from worker.pipeline.parse.state import markup_lines

DEV = SHARED / "data" / "dev"


def _records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        pytest.skip(f"shared eval data not found at {path}")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.parametrize("name", ["articles.jsonl", "html.jsonl.gz"])
def test_every_article_round_trips_through_validation(name: str) -> None:
    for rec in _records(DEV / name):
        kind: Literal["text", "html"] = "html" if "html" in str(rec.get("content_type", "")) else "text"
        res = parse_article(rec["value"], content_type=kind, tz=NY)
        assert isinstance(res, ParsedArticle), (rec["key"], res)
        assert ParsedArticle.model_validate(res.model_dump()) == res, rec["key"]
        assert ParsedArticle.model_validate_json(res.model_dump_json()) == res, rec["key"]
        assert res.word_count == len(res.body_text.split()), rec["key"]
        assert res.char_count == len(res.body_text)
        assert res.body_text == "\n\n".join(p.text for p in res.paragraphs)
        for k, p in enumerate(res.paragraphs):
            assert p.idx == k and res.body_text[p.char_start : p.char_end] == p.text
            assert p.model_fields_set == set(type(p).model_fields)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab<&\n ", max_size=60))
def test_markup_lines_finds_the_lines_with_lt_or_amp(text: str) -> None:
    expected = [i for i, s in enumerate(text.split("\n")) if "<" in s or "&" in s]
    assert markup_lines(text) == expected


def test_nul_heavy_text_is_rejected_as_binary() -> None:
    for text in ("a\x00" * 50, "\ufffd" * 30 + "abc", "x\x00y\ufffd" * 20):
        res = parse_article(text, content_type="text", tz=NY)
        assert isinstance(res, Rejection) and res.reason == Reason.NOT_AN_ARTICLE, res
        assert "binary" in res.detail
