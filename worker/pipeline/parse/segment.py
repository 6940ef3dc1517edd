"""Line classification for the UPI text shape.

::

    [ date YYYY-MM-DD [Trending]]  [section]  [timestamp [| Updated ...]]  [Updated ...]
    headline
    [By ...]*  [caption | License Photo]*  [Updated ...]
    [DATELINE --] first paragraph
    paragraphs ...  (inline captions)
    [teaser headline  teaser caption | License Photo]*
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from worker.models.article import Author, Dateline, Link, Photo, Related
from worker.pipeline.parse.byline import BYLINE, looks_like_names, parse_byline
from worker.pipeline.parse.captions import parse_caption, strip_license_tail
from worker.pipeline.parse.dateline import match_dateline
from worker.pipeline.parse.fastmodel import trusted
from worker.pipeline.parse.textclean import Anchor, clean_fragment, is_boilerplate, normalize_text
from worker.pipeline.parse.timestamps import (
    HEADER,
    Stamp,
    header_date,
    parse_timestamp_line,
    parse_updated_line,
)

SECTIONS = frozenset(
    {
        "World News", "U.S. News", "Top News", "Science News", "Health News", "Entertainment News",
        "Sports News", "Business News", "Odd News", "Defense News", "Energy News", "Voices", "Archives",
        "Photos", "Opinion", "Analysis", "Travel", "Tech", "Real Estate",
    }
)  # fmt: skip
_SECTION_RE = re.compile(r"^(?:[A-Z][A-Za-z.&'’-]*\s+){0,3}News$")
_TRENDING = frozenset({"trending", "trending now"})
_MAX_META_LINES = 8
_MAX_HEADLINE = 300
_TEXT_END = frozenset(".!?\"”’'")
_LICENSE_HREF = "/News_Photos/lp/"

Kind = Literal["text", "cap"]


@dataclass(slots=True)
class Segments:
    """Everything read off the message; assembled into a ParsedArticle by ``build``."""

    header_date: str | None = None
    trending: bool = False
    section: str | None = None
    published: Stamp | None = None
    updated: Stamp | None = None
    headline: str | None = None
    authors: list[Author] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    dateline: Dateline | None = None
    paragraphs: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    has_byline: bool = False
    boilerplate_removed: int = 0
    html_fragments: int = 0
    lines_dropped: int = 0
    warnings: list[str] = field(default_factory=list)


def _abs_url(href: str, base_url: str) -> str:
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("//"):
        return "https:" + href
    if href.startswith("/"):
        return base_url.rstrip("/") + href
    return base_url.rstrip("/") + "/" + href


def _is_section(s: str) -> bool:
    return s in SECTIONS or (len(s) <= 40 and _SECTION_RE.match(s) is not None)


_PHOTO_END = ("Photo", "photo", "PHOTO")


def _is_caption_line(s: str) -> bool:
    return s.endswith(_PHOTO_END) and strip_license_tail(s) is not None


class _Lines:
    """Cleaned non-raw lines plus the anchors found on each."""

    __slots__ = ("anchors", "html_fragments", "lines")

    def __init__(self, text: str) -> None:
        self.lines = lines = [s.strip() for s in normalize_text(text).split("\n")]
        self.anchors: dict[int, list[Anchor]] = {}
        self.html_fragments = 0
        todo = [i for i, s in enumerate(lines) if "<" in s or "&" in s or "  " in s]
        for idx in todo:
            s = lines[idx]
            if "<" in s or "&" in s:
                found: list[Anchor] = []
                clean, had = clean_fragment(s, found)
                lines[idx] = clean
                if had:
                    self.html_fragments += 1
                if found:
                    self.anchors[idx] = found
            elif "  " in s:
                lines[idx] = " ".join(s.split())


def _meta(seg: Segments, lines: list[str], tz: ZoneInfo) -> int:
    """Read header/section/timestamp/updated lines; return the index of the first other line."""
    i, n, seen = 0, len(lines), 0
    while i < n and seen < _MAX_META_LINES:
        s = lines[i]
        if not s:
            i += 1
            continue
        seen += 1
        if seg.header_date is None and s[:4].lower() == "date" and (m := HEADER.match(s)) is not None:
            seg.header_date = header_date(m) or ""
            seg.trending = seg.trending or m.group(4) is not None
        elif s.lower() in _TRENDING:
            seg.trending = True
        elif seg.published is None and (ts := parse_timestamp_line(s, tz)) is not None:
            seg.published, upd = ts
            if upd is not None:
                seg.updated = upd
            if seg.published is None:
                seg.warnings.append("invalid_timestamp")
        elif seg.updated is None and (u := parse_updated_line(s, tz)) is not False:
            seg.updated = u if isinstance(u, Stamp) else None
        elif seg.section is None and seg.published is None and _is_section(s):
            seg.section = s
        else:
            break
        i += 1
    if seg.header_date == "":
        seg.header_date = None
        seg.warnings.append("invalid_header_date")
    return i


def _add_caption(
    seg: Segments,
    text: str,
    idx: int,
    lines: _Lines,
    base_url: str,
    *,
    licensed: bool,
    position: Literal["lead", "inline"],
) -> bool:
    body = (strip_license_tail(text) or "") if licensed else text
    cap = parse_caption(body, licensed=licensed)
    if cap is None:
        return False
    url = _license_url(idx, lines, base_url, seg)
    seg.photos.append(
        trusted(Photo, {
            "caption": cap.caption, "credit": cap.credit, "photographer": cap.photographer,
            "credit_org": cap.credit_org, "is_file_photo": cap.is_file_photo, "license_url": url,
            "position": position,
        })
    )  # fmt: skip
    return True


def _license_url(idx: int, lines: _Lines, base_url: str, seg: Segments) -> str | None:
    url: str | None = None
    for a in lines.anchors.get(idx, ()):
        href = _abs_url(a.href, base_url) if a.href else ""
        is_license = a.text.lower() == "license photo" or _LICENSE_HREF in a.href
        if href:
            rel = "license_photo" if is_license else "inline"
            seg.links.append(trusted(Link, {"href": href, "text": a.text or None, "rel": rel}))
        if is_license and url is None and href:
            url = href
    return url


def _links(seg: Segments, idx: int, lines: _Lines, base_url: str, rel: Literal["related", "inline"]) -> None:
    for a in lines.anchors.get(idx, ()):
        if a.href:
            href = _abs_url(a.href, base_url)
            seg.links.append(trusted(Link, {"href": href, "text": a.text or None, "rel": rel}))


def segment(text: str, tz: ZoneInfo, base_url: str) -> Segments:
    seg = Segments()
    cl = _Lines(text)
    lines = cl.lines
    seg.html_fragments = cl.html_fragments
    n = len(lines)
    i = _meta(seg, lines, tz)

    # headline: first remaining non-blank line, unless it is already a byline/caption/dateline
    while i < n and not lines[i]:
        i += 1
    if i < n:
        s = lines[i]
        if (
            ((bm := BYLINE.match(s)) is None or not looks_like_names(bm.group("names")))
            and not _is_caption_line(s)
            and match_dateline(s) is None
            and len(s) <= _MAX_HEADLINE
            and not is_boilerplate(s)
        ):
            seg.headline = s
            i += 1

    # pre-body zone: bylines, lead captions, an Updated line
    while i < n:
        s = lines[i]
        if not s:
            i += 1
            continue
        if (m := BYLINE.match(s)) is not None and len(s) <= 200:
            seg.authors.extend(parse_byline(m.group("names")))
            seg.has_byline = True
        elif _is_caption_line(s):
            if not _add_caption(seg, s, i, cl, base_url, licensed=True, position="lead"):
                break
        elif seg.updated is None and (u := parse_updated_line(s, tz)) is not False:
            seg.updated = u if isinstance(u, Stamp) else None
        elif seg.published is None and (ts := parse_timestamp_line(s, tz)) is not None:
            seg.published, upd = ts
            seg.updated = seg.updated or upd
        elif (
            s[-1:] not in _TEXT_END
            and match_dateline(s) is None
            and _add_caption(seg, s, i, cl, base_url, licensed=False, position="lead")
        ):
            pass
        else:
            break
        i += 1

    # body zone: text and caption items
    items: list[tuple[Kind, str, int]] = []
    for j in range(i, n):
        s = lines[j]
        if not s:
            continue
        if s.endswith(_PHOTO_END) and strip_license_tail(s) is not None:
            items.append(("cap", s, j))
        elif (len(s) <= 40 or not s[0].isalnum()) and is_boilerplate(s):
            seg.boilerplate_removed += 1
        else:
            items.append(("text", s, j))

    # related-story teasers: trailing (headline, caption) pairs
    end = len(items)
    teasers: list[tuple[tuple[Kind, str, int], tuple[Kind, str, int]]] = []
    while end >= 3 and items[end - 1][0] == "cap" and items[end - 2][0] == "text":
        teasers.append((items[end - 2], items[end - 1]))
        end -= 2
    for (_, head, hidx), (_, cap_line, cidx) in reversed(teasers):
        cap = parse_caption(strip_license_tail(cap_line) or "", licensed=True)
        url = _license_url(cidx, cl, base_url, seg)
        _links(seg, hidx, cl, base_url, "related")
        seg.related.append(
            trusted(
                Related,
                {
                    "headline": head,
                    "caption": cap.caption if cap else None,
                    "credit": cap.credit if cap else None,
                    "license_url": url,
                },
            )
        )

    first = True
    for kind, s, idx in items[:end]:
        if kind == "cap":
            if not _add_caption(seg, s, idx, cl, base_url, licensed=True, position="inline"):
                seg.lines_dropped += 1
            continue
        if first:
            first = False
            dl = match_dateline(s)
            if dl is not None:
                seg.dateline, s = dl
                if not s:
                    continue
        if idx in cl.anchors:
            _links(seg, idx, cl, base_url, "inline")
        seg.paragraphs.append(s)
    seg.lines_dropped += seg.boilerplate_removed
    return seg
