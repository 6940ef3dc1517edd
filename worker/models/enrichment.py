"""Enrichment output: entities, countries, quotes, numbers, dates, keywords, language and identity.

Mentions with ``para >= 0`` carry offsets into ``ParsedArticle.body_text``; ``para == -1`` means the
headline (offsets into the headline) and ``para == -2`` the dateline place (offsets into that text).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from worker.models.article import Frozen

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
NumberKind = Literal["money", "percent", "count", "quantity", "year", "number"]

HEADLINE_PARA = -1
DATELINE_PARA = -2


class Mention(Frozen):
    para: int
    start: int
    end: int


class Entity(Frozen):
    text: str = Field(description="Surface form of the first mention")
    type: EntityType
    canonical: str
    iso2: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    count: int = 0
    role: str | None = Field(None, description="speaker | byline | None")


class CountryMention(Frozen):
    iso2: str
    name: str
    mentions: int
    in_headline: bool = False
    in_dateline: bool = False


class Location(Frozen):
    name: str
    iso2: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: int = 0


class Quote(Frozen):
    text: str
    speaker: str | None = None
    speaker_entity: str | None = Field(None, description="canonical name of the speaker entity, if any")
    verb: str | None = None
    para: int
    start: int
    end: int
    is_partial: bool = False


class NumberMention(Frozen):
    text: str
    value: float
    unit: str | None = None
    kind: NumberKind
    para: int
    start: int
    end: int


class DateMention(Frozen):
    text: str
    resolved: str | None = Field(None, description="YYYY-MM-DD, or YYYY-MM for a month alone")
    para: int
    start: int
    end: int


class Keyword(Frozen):
    kw: str
    score: float


class Language(Frozen):
    code: str
    score: float


class Tone(Frozen):
    """Document tone (``worker/pipeline/enrich/tone.py``): ``compound`` in [-1, 1]; ``pos``, ``neg`` and
    ``neu`` are VADER's proportions (they sum to 1)."""

    compound: float
    pos: float
    neg: float
    neu: float


class Enrichment(Frozen):
    article_id: str
    content_sha256: str
    simhash64: str = Field(pattern=r"^[0-9a-f]{16}$")
    near_duplicate_of: str | None = None
    language: Language
    entities: list[Entity] = Field(default_factory=list)
    countries: list[CountryMention] = Field(default_factory=list)
    primary_country: str | None = None
    locations: list[Location] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    dates_mentioned: list[DateMention] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)
    tone: Tone | None = None
