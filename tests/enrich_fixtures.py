"""Test helper: build ``ParsedArticle`` objects from the ground truth in the dev corpus.

Used until (and independently of) the real parser, so enrichment tests do not depend on parsing.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from worker.models.article import Author, Dateline, Paragraph, ParsedArticle

DEV_ARTICLES = Path("/work/shared/data/dev/articles.jsonl")


def paragraphs_from_texts(texts: list[str]) -> tuple[list[Paragraph], str]:
    paragraphs: list[Paragraph] = []
    pos = 0
    for i, text in enumerate(texts):
        paragraphs.append(Paragraph(idx=i, text=text, char_start=pos, char_end=pos + len(text)))
        pos += len(text) + 2
    return paragraphs, "\n\n".join(texts)


def article_from_truth(truth: dict[str, Any]) -> ParsedArticle:
    paragraphs, body = paragraphs_from_texts(list(truth["paragraphs"]))
    dl = truth.get("dateline")
    published = datetime.fromisoformat(truth["published_at"]) if truth.get("published_at") else None
    return ParsedArticle(
        shape="upi_text",
        headline=truth["headline"],
        section=truth.get("section"),
        published_at=published,
        date_header=published.date().isoformat() if published else None,
        authors=[Author(name=a) for a in truth.get("authors", [])],
        dateline=Dateline(raw=dl["raw"], place=dl.get("place"), agency=dl.get("agency")) if dl else None,
        paragraphs=paragraphs,
        body_text=body,
        lede=paragraphs[0].text if paragraphs else None,
        word_count=len(body.split()),
        char_count=len(body),
        source_url=truth.get("source_url"),
    )


@lru_cache(maxsize=1)
def dev_records() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with DEV_ARTICLES.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["key"]] = rec
    return out


UNSEEN_ARTICLES = Path(__file__).resolve().parent / "data" / "unseen_articles.jsonl"
# 89 real news articles from the test fixtures of public extraction projects (README-news13-sources.md)
NEWS13_ARTICLES = Path(__file__).resolve().parent / "data" / "news13_articles.jsonl"


@lru_cache(maxsize=1)
def unseen_records() -> dict[str, dict[str, Any]]:
    """Articles of the public NAEB dataset that are not in the dev corpus and the news13 articles (no ground
    truth: rendered into the UPI shape, see tests/data/README.md); the later label sets are on them."""
    out: dict[str, dict[str, Any]] = {}
    for path in (UNSEEN_ARTICLES, NEWS13_ARTICLES):
        with path.open(encoding="utf-8") as fh:
            out.update((rec["key"], rec) for rec in map(json.loads, fh))
    return out


def dev_article(key: str) -> ParsedArticle:
    rec = dev_records().get(key)
    if rec is not None:
        return article_from_truth(rec["truth"])
    from zoneinfo import ZoneInfo

    from worker.pipeline.parse import parse_article

    parsed = parse_article(
        unseen_records()[key]["value"], content_type="text", tz=ZoneInfo("America/New_York")
    )
    assert isinstance(parsed, ParsedArticle), parsed
    return parsed


def dev_articles() -> list[tuple[str, ParsedArticle]]:
    return [(key, article_from_truth(rec["truth"])) for key, rec in dev_records().items()]
