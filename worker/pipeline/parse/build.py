"""Assemble a ParsedArticle from trusted, already-typed parts (no per-field re-validation)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from worker.models.article import (
    Author,
    Dateline,
    Flags,
    Link,
    Paragraph,
    ParsedArticle,
    Photo,
    Quality,
    Related,
)
from worker.models.trusted import set_dict, set_extra, set_fields, set_private, trusted
from worker.pipeline.parse.state import Segments
from worker.pipeline.parse.textscan import count_spaces

WORDS_PER_MINUTE = 238
# Flags is frozen and holds one bool: every article shares one of two instances (as the model's own
# ``Flags()`` default is shared), instead of building and freeing one per article.
_FLAGS = {value: trusted(Flags, {"trending": value}) for value in (False, True)}


# One fields set shared by every Paragraph (a frozen model never changes it in place; ``model_copy``
# copies it first): saves building and freeing a set per paragraph.
_PARAGRAPH_FIELDS = set(Paragraph.model_fields)


def paragraphs_of(texts: list[str]) -> tuple[list[Paragraph], str]:
    """Paragraph models with offsets into ``"\\n\\n".join(texts)``, and that body text.

    Built without validation (~0.6 µs each instead of ~1.1 µs through pydantic-core): the values are
    typed by construction; the tests re-validate ``model_dump()`` of every parsed corpus article.
    """
    new, cls, sd, sf, se, sp = Paragraph.__new__, Paragraph, set_dict, set_fields, set_extra, set_private
    fields = _PARAGRAPH_FIELDS
    out: list[Paragraph] = []
    append = out.append
    pos = 0
    for k, t in enumerate(texts):
        end = pos + len(t)
        m = new(cls)
        sd(m, {"idx": k, "text": t, "char_start": pos, "char_end": end})
        sf(m, fields)
        se(m, None)
        sp(m, None)
        append(m)
        pos = end + 2
    return out, "\n\n".join(texts)


def date_consistency(
    header_date: str | None, published: datetime | None, dateline: Dateline | None
) -> bool | None:
    """True/False when at least two of header date, timestamp, dateline month/day can be compared."""
    dl_month = dl_day = None
    if dateline is not None:
        dl_month, dl_day = dateline.month, dateline.day
    if published is not None:
        result = None
        if header_date is not None:
            result = published.date().isoformat() == header_date
        if dl_month is not None and dl_day is not None:
            same_day = published.month == dl_month and published.day == dl_day
            result = same_day if result is None else result and same_day
        return result
    if header_date is not None and dl_month is not None:
        return header_date[5:] == f"{dl_month:02d}-{dl_day or 0:02d}"
    return None


def assemble(
    *,
    shape: Literal["upi_text", "html", "plain_text"],
    headline: str,
    texts: list[str],
    section: str | None = None,
    trending: bool = False,
    header_date: str | None = None,
    published: datetime | None = None,
    published_raw: str | None = None,
    updated: datetime | None = None,
    updated_raw: str | None = None,
    authors: list[Author] | None = None,
    dateline: Dateline | None = None,
    photos: list[Photo] | None = None,
    related: list[Related] | None = None,
    links: list[Link] | None = None,
    source_url: str | None = None,
    has_byline: bool = False,
    boilerplate_removed: int = 0,
    html_fragments: int = 0,
    lines_dropped: int = 0,
    warnings: list[str] | None = None,
) -> ParsedArticle:
    return _assemble(
        shape, headline, texts, section, trending, header_date, published, published_raw, updated,
        updated_raw, authors, dateline, photos, related, links, source_url, has_byline,
        boilerplate_removed, html_fragments, lines_dropped, warnings,
    )  # fmt: skip


def from_segments(seg: Segments, headline: str, source_url: str | None) -> ParsedArticle:
    """``assemble`` for the UPI text shape (positional: 21 keyword arguments cost ~1.5 µs to match)."""
    pub, upd = seg.published, seg.updated
    return _assemble(
        "upi_text", headline, seg.paragraphs, seg.section, seg.trending, seg.header_date,
        pub.dt if pub else None, pub.raw if pub else None, upd.dt if upd else None,
        upd.raw if upd else None, seg.authors, seg.dateline, seg.photos, seg.related, seg.links,
        source_url, seg.has_byline, seg.boilerplate_removed, seg.html_fragments, seg.lines_dropped,
        seg.warnings,
    )  # fmt: skip


def _assemble(
    shape: Literal["upi_text", "html", "plain_text"],
    headline: str,
    texts: list[str],
    section: str | None,
    trending: bool,
    header_date: str | None,
    published: datetime | None,
    published_raw: str | None,
    updated: datetime | None,
    updated_raw: str | None,
    authors: list[Author] | None,
    dateline: Dateline | None,
    photos: list[Photo] | None,
    related: list[Related] | None,
    links: list[Link] | None,
    source_url: str | None,
    has_byline: bool,
    boilerplate_removed: int,
    html_fragments: int,
    lines_dropped: int,
    warnings: list[str] | None,
) -> ParsedArticle:
    paras, body = paragraphs_of(texts)
    # paragraphs are stripped and space-collapsed, so words = spaces + 1 per paragraph (str.split() on
    # non-ASCII text costs ~60 µs per article; encoding to bytes first only adds a copy)
    words = count_spaces(body) + len(texts) if body else 0
    quality = trusted(Quality, {
        "has_byline": has_byline,
        "has_dateline": dateline is not None,
        "has_timestamp": published is not None,
        "has_section": section is not None,
        "date_consistent": date_consistency(header_date, published, dateline),
        "boilerplate_lines_removed": boilerplate_removed,
        "html_fragments_found": html_fragments,
        "lines_dropped": lines_dropped,
        "warnings": warnings or [],
    })  # fmt: skip
    return trusted(ParsedArticle, {
        "shape": shape,
        "headline": headline,
        "section": section,
        "flags": _FLAGS[trending],
        "date_header": header_date,
        "published_at": published,
        "published_at_raw": published_raw,
        "updated_at": updated,
        "updated_at_raw": updated_raw,
        "authors": authors or [],
        "dateline": dateline,
        "photos": photos or [],
        "paragraphs": paras,
        "body_text": body,
        "lede": texts[0] if texts else None,
        "word_count": words,
        "char_count": len(body),
        "reading_time_min": -(-words // WORDS_PER_MINUTE),
        "related": related or [],
        "links": links or [],
        "language_hint": None,
        "source_url": source_url,
        "quality": quality,
    })  # fmt: skip
