"""Shared helpers for the parser tests (not a test module)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from worker.errors import Rejection
from worker.models.article import ParsedArticle
from worker.pipeline.parse import parse_article

NY = ZoneInfo("America/New_York")
REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
LICENSE_A = '<a href="/News_Photos/lp/142b0e0867dad47208abedf7cdcfa1c2/" target="_blank">License Photo</a>'


def parse_ok(text: str, **kw: object) -> ParsedArticle:
    res = parse_article(text, content_type="text", tz=NY, **kw)  # type: ignore[arg-type]
    assert isinstance(res, ParsedArticle), res
    # the fast constructors must still yield a valid model: re-validating the dump round-trips
    assert ParsedArticle.model_validate(res.model_dump()) == res
    return res


def message(
    *,
    header: str | None = " date 2023-12-22 Trending",
    section: str | None = "World News",
    stamp: str | None = "Dec. 22, 2023 / 7:11 AM",
    extra_meta: tuple[str, ...] = (),
    headline: str | None = "Officials announce new measures on trade",
    bylines: tuple[str, ...] = ("By Jane Doe",),
    captions: tuple[str, ...] = (
        f"People gather in Boston on Dec. 21, 2023. Photo by Ann Lee/UPI | {LICENSE_A}",
    ),
    first: str = "Dec. 22 (UPI) -- Officials said Friday that new measures would take effect next week.",
    body: tuple[str, ...] = ("The measures follow months of talks.", "Critics said the plan falls short."),
    teasers: tuple[tuple[str, str], ...] = (),
    nl: str = "\n",
) -> str:
    lines: list[str] = []
    if header is not None:
        lines.append(header)
    if section is not None:
        lines.append(section)
    if stamp is not None:
        lines.append(stamp)
    lines.extend(extra_meta)
    lines.append("")
    if headline is not None:
        lines += [headline, ""]
    lines += list(bylines)
    lines += list(captions)
    lines.append(first)
    for p in body:
        lines += ["", p]
    for head, cap in teasers:
        lines += ["", head, "", cap]
    lines += ["", ""]
    return nl.join(lines)


def is_rejection(res: object) -> bool:
    return isinstance(res, Rejection)
