"""Shared parser state for the UPI text shape: cleaned lines, the segments read so far, and the helpers
that turn caption/anchor lines into Photo and Link models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from worker.models.article import Author, Dateline, Link, Photo, Related
from worker.models.trusted import trusted
from worker.pipeline.parse.captions import parse_caption, strip_license_tail
from worker.pipeline.parse.textclean import Anchor, clean_fragment
from worker.pipeline.parse.textscan import has_double_space
from worker.pipeline.parse.timestamps import Stamp

LICENSE_HREF = "/News_Photos/lp/"


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


def abs_url(href: str, base_url: str) -> str:
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("//"):
        return "https:" + href
    if href.startswith("/"):
        return base_url.rstrip("/") + href
    return base_url.rstrip("/") + "/" + href


PHOTO_END = ("Photo", "photo", "PHOTO")


def is_caption_line(s: str) -> bool:
    return s.endswith(PHOTO_END) and strip_license_tail(s) is not None


class Lines:
    """Cleaned lines of already ``normalize_text``-ed text, plus the anchors found on each."""

    __slots__ = ("anchors", "html_fragments", "lines")

    def __init__(self, text: str) -> None:
        self.lines = lines = list(map(str.strip, text.split("\n")))
        self.anchors: dict[int, list[Anchor]] = {}
        self.html_fragments = 0
        for idx in markup_lines(text):  # most articles have one or two such lines, many none
            found: list[Anchor] = []
            clean, had = clean_fragment(lines[idx], found)
            lines[idx] = clean
            if had:
                self.html_fragments += 1
            if found:
                self.anchors[idx] = found
        # one scan of the text instead of one per line (cleaned lines are collapsed already)
        if has_double_space(text):
            lines[:] = [" ".join(s.split()) if "  " in s else s for s in lines]


def markup_lines(text: str) -> list[int]:
    """Indexes of the ``\\n``-separated lines of ``text`` holding ``<`` or ``&``, found with ``str.find``
    (memchr) instead of testing every line."""
    out: list[int] = []
    find, count = text.find, text.count
    lt, amp = find("<"), find("&")
    idx = pos = 0
    while lt >= 0 or amp >= 0:
        p = lt if amp < 0 or 0 <= lt < amp else amp
        idx += count("\n", pos, p)
        out.append(idx)
        pos = find("\n", p) + 1
        if pos == 0:
            break
        idx += 1
        if 0 <= lt < pos:
            lt = find("<", pos)
        if 0 <= amp < pos:
            amp = find("&", pos)
    return out


def add_caption(
    seg: Segments,
    text: str,
    idx: int,
    lines: Lines,
    base_url: str,
    *,
    licensed: bool,
    position: Literal["lead", "inline"],
) -> bool:
    """``text``: the caption line, without its ``| License Photo`` tail when ``licensed``."""
    cap = parse_caption(text, licensed=licensed)
    if cap is None:
        return False
    url = license_url(idx, lines, base_url, seg)
    seg.photos.append(
        trusted(Photo, {
            "caption": cap.caption, "credit": cap.credit, "photographer": cap.photographer,
            "credit_org": cap.credit_org, "is_file_photo": cap.is_file_photo, "license_url": url,
            "position": position,
        })
    )  # fmt: skip
    return True


def license_url(idx: int, lines: Lines, base_url: str, seg: Segments) -> str | None:
    url: str | None = None
    for a in lines.anchors.get(idx, ()):
        href = abs_url(a.href, base_url) if a.href else ""
        is_license = a.text.lower() == "license photo" or LICENSE_HREF in a.href
        if href:
            rel = "license_photo" if is_license else "inline"
            seg.links.append(trusted(Link, {"href": href, "text": a.text or None, "rel": rel}))
        if is_license and url is None and href:
            url = href
    return url


def add_links(
    seg: Segments, idx: int, lines: Lines, base_url: str, rel: Literal["related", "inline"]
) -> None:
    for a in lines.anchors.get(idx, ()):
        if a.href:
            href = abs_url(a.href, base_url)
            seg.links.append(trusted(Link, {"href": href, "text": a.text or None, "rel": rel}))
