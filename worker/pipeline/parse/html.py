"""HTML pages: trafilatura (offline, ``fast`` mode) for body and metadata, ``<h1>`` for the headline."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura

from worker.errors import Reason, Rejection
from worker.models.article import Author, ParsedArticle
from worker.pipeline.parse.build import assemble
from worker.pipeline.parse.byline import parse_byline
from worker.pipeline.parse.textclean import clean_fragment, is_boilerplate, normalize_text

_WORD = re.compile(r"\w+")
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MAX_H1 = 5
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @name='pubdate' or @name='publishdate']/@content"
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _tokens(s: str) -> set[str]:
    return {t.casefold() for t in _WORD.findall(s)}


def _h1s(tree: Any) -> list[str]:
    out: list[str] = []
    for el in tree.iter("h1"):
        txt = _collapse(el.text_content())
        if txt and _WORD.search(txt):
            out.append(txt)
            if len(out) >= _MAX_H1:
                break
    return out


def _strip_site(title: str) -> str:
    """``Title | Site`` -> ``Title``: the first part if it has 3+ words, else the longest part."""
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    return parts[0] if len(parts[0].split()) >= 3 else max(parts, key=len)


def choose_headline(h1s: list[str], meta_title: str | None) -> str | None:
    """Prefer the on-page ``<h1>`` that best matches the metadata title; drop a short kicker label."""
    meta = _collapse(meta_title) if meta_title else ""
    if not h1s:
        return _strip_site(meta) if meta else None
    if not meta:
        return next((h for h in h1s if len(h.split()) >= 3), h1s[0])
    mt = _tokens(meta)
    best, best_score = None, 0.0
    for h in h1s:
        ht = _tokens(h)
        score = len(ht & mt) / max(1, len(ht | mt))
        if score > best_score:
            best, best_score = h, score
    if best is None:
        best = next((h for h in h1s if len(h.split()) >= 4), None)
        if best is None:
            return _strip_site(meta)
    # "Opinion What I'll be praying ..." vs meta "Opinion | What I'll be praying ...": drop the kicker
    for part in _TITLE_SEP.split(meta):
        part = part.strip()
        if part and best != part and best.endswith(part) and len(best[: -len(part)].split()) <= 3:
            return part
    return best


def _published(date_str: str | None, tz: ZoneInfo) -> datetime | None:
    m = _DATE.match(date_str or "")
    if m is None:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=tz)
    except ValueError:
        return None


def _timestamp(tree: Any, text: str, day: datetime, tz: ZoneInfo) -> datetime | None:
    """The page's own publication timestamp (``article:published_time``, ``<meta itemprop>``, JSON-LD
    ``datePublished``) when it falls on the day trafilatura found; kept in the offset it is written in
    (the zone setting when it has none)."""
    found: list[str] = [str(v) for v in tree.xpath(_META_XPATH)]
    m = _JSONLD_DATE.search(text)
    if m:
        found.append(m.group(1))
    for raw in found:
        raw = raw.strip()
        if not _TIMESTAMP.match(raw):
            continue
        try:
            ts = datetime.fromisoformat(raw.replace("Z", "+00:00", 1) if raw.endswith("Z") else raw)
        except ValueError:
            continue
        if ts.tzinfo is None:
            ts = ts.replace(tzinfo=tz)
        if ts.date() == day.date():
            return ts
    return None


def _authors(raw: str | None) -> list[Author]:
    if not raw:
        return []
    out: list[Author] = []
    for piece in raw.split(";"):
        out.extend(parse_byline(piece))
    return out


def parse_html(text: str, *, tz: ZoneInfo, source_url: str | None = None) -> ParsedArticle | Rejection:
    text = _XML_DECL.sub("", text, count=1)
    try:
        tree = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        return Rejection(Reason.NOT_AN_ARTICLE, f"unparseable HTML: {exc}"[:200])
    h1s = _h1s(tree)
    doc = trafilatura.bare_extraction(
        tree, url=source_url, fast=True, with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=False,
    )  # fmt: skip
    if doc is None:
        return Rejection(Reason.NO_BODY, "no main text found in the HTML page")
    meta: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    headline = choose_headline(h1s, meta.get("title"))
    if not headline:
        return Rejection(Reason.NO_HEADLINE, "no <h1> or title in the HTML page")
    head_key = headline.casefold()
    paras: list[str] = []
    dropped = 0
    for line in normalize_text(meta.get("text") or "").split("\n"):
        s, _ = clean_fragment(line.strip())
        if not s:
            continue
        if is_boilerplate(s) or s.casefold() == head_key:
            dropped += 1
            continue
        paras.append(s)
    if not paras:
        return Rejection(Reason.NO_BODY, "empty main text")
    published = _published(meta.get("date"), tz)
    published_raw = meta.get("date")
    warnings = ["date_only_precision"] if published is not None else ["no_date"]
    if published is not None:
        stamped = _timestamp(tree, text, published, tz)
        if stamped is not None:
            published, published_raw, warnings = stamped, stamped.isoformat(), []
    authors = _authors(meta.get("author"))
    return assemble(
        shape="html",
        headline=headline,
        texts=paras,
        published=published,
        published_raw=published_raw,
        authors=authors,
        source_url=source_url or meta.get("url"),
        has_byline=bool(authors),
        boilerplate_removed=dropped,
        lines_dropped=dropped,
        warnings=warnings,
    )
