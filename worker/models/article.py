"""The parsed article: every field the parser reads off one raw message.

Offsets (``char_start``/``char_end``) index into ``ParsedArticle.body_text``, which is
``"\\n\\n".join(p.text for p in paragraphs)``.  Teasers (``related``) and photo captions are
never part of the body.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Author(Frozen):
    name: str
    first: str | None = None
    last: str | None = None
    role: str | None = Field(None, description="e.g. 'UPI Staff Writer'; stripped from the name")
    affiliation: str | None = None


class Dateline(Frozen):
    raw: str = Field(description="As printed, e.g. 'BISMARCK, N.D., Nov. 2 (UPI) --'")
    place: str | None = Field(None, description="Text before the date, e.g. 'BISMARCK, N.D.'")
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    city: str | None = None
    admin1: str | None = Field(None, description="ISO 3166-2 subdivision, e.g. 'US-ND'")
    country_iso2: str | None = None


class Photo(Frozen):
    caption: str
    credit: str | None = None
    photographer: str | None = None
    credit_org: str | None = None
    is_file_photo: bool = False
    license_url: str | None = None
    position: Literal["lead", "inline", "related"] = Field(
        "lead", description="'lead': caption above the body; 'inline': caption between body paragraphs"
    )


class Paragraph(Frozen):
    idx: int
    text: str
    char_start: int
    char_end: int


class Related(Frozen):
    headline: str
    caption: str | None = None
    credit: str | None = None
    license_url: str | None = None


class Link(Frozen):
    href: str
    text: str | None = None
    rel: Literal["license_photo", "related", "inline", "canonical"] = "inline"


class Flags(Frozen):
    trending: bool = False


class Quality(Frozen):
    has_byline: bool = False
    has_dateline: bool = False
    has_timestamp: bool = False
    has_section: bool = False
    date_consistent: bool | None = None
    boilerplate_lines_removed: int = 0
    html_fragments_found: int = 0
    lines_dropped: int = 0
    warnings: list[str] = Field(default_factory=list)


class ParsedArticle(Frozen):
    """Output of the parser for one article (text or HTML shape)."""

    shape: Literal["upi_text", "html", "plain_text"]
    headline: str
    section: str | None = None
    flags: Flags = Flags()
    date_header: str | None = Field(None, description="YYYY-MM-DD from the header line")
    published_at: datetime | None = None
    published_at_raw: str | None = None
    updated_at: datetime | None = None
    updated_at_raw: str | None = None
    authors: list[Author] = Field(default_factory=list)
    dateline: Dateline | None = None
    photos: list[Photo] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    body_text: str = ""
    lede: str | None = None
    word_count: int = 0
    char_count: int = 0
    reading_time_min: int = 0
    related: list[Related] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    language_hint: str | None = None
    source_url: str | None = None
    quality: Quality = Quality()
