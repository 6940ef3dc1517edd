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
from zoneinfo import ZoneInfo

from worker.pipeline.parse.body import read_body
from worker.pipeline.parse.byline import byline_names, looks_like_names, parse_byline
from worker.pipeline.parse.captions import strip_license_tail
from worker.pipeline.parse.dateline import match_dateline
from worker.pipeline.parse.state import PHOTO_END, Lines, Segments, add_caption, is_caption_line
from worker.pipeline.parse.textclean import is_boilerplate
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
_TRENDING_LEN = max(map(len, _TRENDING))  # lower() never shortens a string
_MAX_META_LINES = 8
_MAX_HEADLINE = 300
_TEXT_END = frozenset(".!?\"”’'")


def _is_section(s: str) -> bool:
    return s in SECTIONS or (len(s) <= 40 and _SECTION_RE.match(s) is not None)


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
        elif len(s) <= _TRENDING_LEN and s.lower() in _TRENDING:
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


def segment(text: str, tz: ZoneInfo, base_url: str) -> Segments:
    """Read the segments off ``text``, which ``normalize_text`` has already been applied to."""
    seg = Segments()
    cl = Lines(text)
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
            ((names := byline_names(s)) is None or not looks_like_names(names))
            and not is_caption_line(s)
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
        if (names := byline_names(s)) is not None and len(s) <= 200:
            seg.authors.extend(parse_byline(names))
            seg.has_byline = True
        elif s.endswith(PHOTO_END) and (caption := strip_license_tail(s)) is not None:
            if not add_caption(seg, caption, i, cl, base_url, licensed=True, position="lead"):
                break
        elif seg.updated is None and (u := parse_updated_line(s, tz)) is not False:
            seg.updated = u if isinstance(u, Stamp) else None
        elif seg.published is None and (ts := parse_timestamp_line(s, tz)) is not None:
            seg.published, upd = ts
            seg.updated = seg.updated or upd
        elif (
            s[-1:] not in _TEXT_END
            and match_dateline(s) is None
            and add_caption(seg, s, i, cl, base_url, licensed=False, position="lead")
        ):
            pass
        else:
            break
        i += 1

    read_body(seg, cl, i, base_url)
    return seg
