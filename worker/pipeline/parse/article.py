"""``parse_article``: one raw message (UPI-shape text or an HTML page) -> ParsedArticle or Rejection.

Pure: no I/O, no clock, no environment.  ``parse_article`` never raises.
"""

from __future__ import annotations

import re
from typing import Literal
from zoneinfo import ZoneInfo

from worker.errors import Reason, Rejection
from worker.models.article import ParsedArticle
from worker.pipeline.parse.build import from_segments
from worker.pipeline.parse.segment import segment
from worker.pipeline.parse.textclean import looks_binary, normalize_text
from worker.pipeline.parse.textscan import scan_text

_HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body")
_SNIFF_LEN = max(map(len, _HTML_SNIFF))
# A labelled-HTML message that has no document structure (e.g. UPI text with a stray <a>) is parsed as text.
_HTML_DOC = re.compile(r"<(?:!doctype|html|head|body|div|p|article|section|main|table|h1)\b", re.IGNORECASE)


def parse_article(
    text: str,
    *,
    content_type: Literal["text", "html"],
    tz: ZoneInfo,
    source_url: str | None = None,
    base_url: str = "https://www.upi.com",
) -> ParsedArticle | Rejection:
    """Parse one article.  Returns a Rejection (never raises) for input that cannot be an article."""
    try:
        if not isinstance(text, str):
            return Rejection(Reason.NOT_AN_ARTICLE, f"expected str, got {type(text).__name__}")
        if not text or text.isspace():  # == not text.strip(), without copying the text
            return Rejection(Reason.NOT_AN_ARTICLE, "empty text")
        odd, bad = scan_text(text)  # odd: a NUL, control or other character to rewrite
        if looks_binary(len(text), bad):
            return Rejection(Reason.NOT_AN_ARTICLE, "binary or undecodable content")
        head = text[:64].lstrip()  # a short copy first: leading whitespace is rarely long
        if len(head) < _SNIFF_LEN:
            head = text[:2000].lstrip()
        head = head[:_SNIFF_LEN].lower()
        if head.startswith(_HTML_SNIFF) or (
            content_type == "html" and _HTML_DOC.search(text, 0, 20000) is not None
        ):
            from worker.pipeline.parse.html import parse_html

            return parse_html(text, tz=tz, source_url=source_url)
        if odd:
            return _parse_normalized(
                normalize_text(text, check=False), tz=tz, source_url=source_url, base_url=base_url
            )
        return _parse_normalized(text, tz=tz, source_url=source_url, base_url=base_url)
    except Exception as exc:  # noqa: BLE001 - contract: never raise; a bug surfaces as INTERNAL_ERROR
        return Rejection(
            Reason.INTERNAL_ERROR,
            f"parser bug: {type(exc).__name__}: {exc}"[:300],
            error_class="InternalError",
        )


def parse_text(
    text: str, *, tz: ZoneInfo, source_url: str | None = None, base_url: str = "https://www.upi.com"
) -> ParsedArticle | Rejection:
    """UPI-shape plain text (tolerant of missing lines, CRLF, entities and stray tags)."""
    return _parse_normalized(normalize_text(text), tz=tz, source_url=source_url, base_url=base_url)


def _parse_normalized(
    text: str, *, tz: ZoneInfo, source_url: str | None, base_url: str
) -> ParsedArticle | Rejection:
    seg = segment(text, tz, base_url)
    evidence = (
        seg.header_date is not None
        or seg.published is not None
        or seg.dateline is not None
        or seg.has_byline
        or seg.section is not None
    )
    if not evidence:
        return Rejection(Reason.NOT_AN_ARTICLE, "no header, timestamp, section, byline or dateline")
    if seg.headline is None:
        return Rejection(Reason.NO_HEADLINE, "no headline line after the header")
    if not seg.paragraphs:
        return Rejection(Reason.NO_BODY, "no body paragraphs")
    if seg.published is None:
        seg.warnings.append("no_timestamp")
    return from_segments(seg, seg.headline, source_url)
