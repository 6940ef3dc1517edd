"""Resolve gazetteer hits to countries and places (ISO 3166 alpha-2), with the ambiguity rules.

A country counts when the text names it, uses an alias, or names a place inside it (city, state);
demonyms (``Russian``), institutions (``the Kremlin``) and regions (``the Middle East``) do not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from worker.pipeline.enrich.gazetteer import Hit
from worker.pipeline.enrich.name_words import GIVEN_NAMES, PLACE_TAILS
from worker.pipeline.enrich.place_context import (
    LOCATIVES,
    NAME_TAILS,
    all_caps_line,
    body_dateline,
    looks_like_person_context,
    next_word,
    no_town,
    prev_word,
    water_body,
)
from worker.pipeline.enrich.tables import Place, Term

__all__ = ["PlaceHit", "SegmentHits", "body_dateline", "resolve_places", "water_body"]

EXPLICIT_KINDS = frozenset({"country", "admin1", "region_in"})
CITY_KINDS = frozenset({"city", "capital", "city_strict", "city_minor", "town", "county"})
MINOR = "city_minor"  # a smaller same-named town (see places.tsv): counts only with support
TURKEY_FOOD = frozenset(
    {"and", "dinner", "gravy", "sandwich", "day", "leg", "legs", "breast", "roast", "dinners"}
)
GEORGIA_COUNTRY_CUES = frozenset({"Tbilisi", "Georgian", "Abkhazia", "South Ossetia", "Caucasus"})
AMBIGUITY_RATIO = 2
# a smaller same-named town wins through its named state only where the main reading is no more than
# this many times larger (Naples, Florida, 22k, beside Naples, Italy, 909k; not Melbourne, Florida)
MINOR_RATIO = 50
# the constituent countries of the UK: too large to single out a same-named town ("Boston" with "England")
NATIONS = frozenset({"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"})


class PlaceHit(NamedTuple):
    """A resolved place mention in one text segment (``para`` as in ``Mention``)."""

    para: int
    start: int
    end: int
    surface: str
    place: Place


@dataclass(frozen=True, slots=True)
class SegmentHits:
    para: int  # -1 headline, -2 dateline, >= 0 body (offsets are body offsets, para via lookup)
    text: str
    hits: Sequence[Hit]


# after a state abbreviation: a credential list ("Bethany Keith, MS, RDN") or a slash list ("AR/VR")
_CREDENTIAL_OR_LIST = re.compile(r", [A-Z]{2,5}\b(?!\.)|/")
# a capitalised word after a postal code makes a name of it ("MS Office"); a weekday does not
_NAME_AFTER = re.compile(r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][a-z]")
_DEGREES = frozenset({"MD", "MS", "MA", "PA"})  # postal codes that are also academic degrees


def _state_code(seg: SegmentHits, idx: int) -> bool:
    """Is the postal code at ``seg.hits[idx]`` (after ", " or "-") a state?  Not before a credential or
    in a slash list ("Bethany Keith, MS, RDN", "AR/VR"), not before a capitalised word ("MS Office"), and
    a code that is also a degree (MD, MS, MA, PA) only after a known place ("Baltimore, MD", not
    "Marisa Garshick, MD, a dermatologist")."""
    hit = seg.hits[idx]
    text = seg.text
    before = text[max(0, hit.start - 2) : hit.start]
    if not (before == ", " or before.endswith("-")) or _CREDENTIAL_OR_LIST.match(text, hit.end):
        return False
    if _NAME_AFTER.match(text, hit.end):
        return False
    if hit.term.surface in _DEGREES and before == ", ":
        prev = seg.hits[idx - 1] if idx else None
        return prev is not None and prev.end == hit.start - 2 and bool(prev.term.places)
    return True


def _explicit(seg: SegmentHits, idx: int) -> Place | None:
    hit = seg.hits[idx]
    term = hit.term
    text = seg.text
    if text[hit.end : hit.end + 1] == "$":  # US$, AU$, NZ$, HK$: a currency, not the place
        return None
    for place in term.places:
        if place.kind == "admin1_abbr":
            if _state_code(seg, idx):
                return place
            # the District's code is also its city's name: "taken today in DC"
            if place.admin1 == "US-DC" and prev_word(text, hit.start) in LOCATIVES - {"of"}:
                return place
            continue
        if place.kind in EXPLICIT_KINDS:
            if term.special == "person_prone" and looks_like_person_context(text, hit):
                return None
            if term.surface == "Turkey" and next_word(text, hit.end).lower() in TURKEY_FOOD:
                return None
            if term.surface in ("US", "UN") and all_caps_line(text, hit):
                return None
            return place
    return None


def _qualifier(seg: SegmentHits, idx: int, resolved: dict[int, Place]) -> Place | None:
    """The country or state a city name is qualified by: "Naples, Fla.", "the Torreon in Peru"."""
    hit = seg.hits[idx]
    if idx + 1 < len(seg.hits):
        nxt = seg.hits[idx + 1]
        if seg.text[hit.end : nxt.start] in (", ", " in "):
            return resolved.get(idx + 1)
    return None


_LIST_SEPARATORS = (", ", " and ", ", and ", " or ", ", or ")


def _list_kind(seg: SegmentHits, idx: int, resolved: dict[int, Place]) -> str | None:
    """The kind (country, admin1) of a named place listed right beside ``seg.hits[idx]`` ("Bulgaria,
    Romania, Turkey and Georgia": countries), or None."""
    hits, text = seg.hits, seg.text
    for j in (idx - 1, idx + 1):
        if not 0 <= j < len(hits):
            continue
        left, right = (hits[j], hits[idx]) if j < idx else (hits[idx], hits[j])
        place = resolved.get(j)
        if text[left.end : right.start] in _LIST_SEPARATORS and place and place.kind in ("country", "admin1"):
            return place.kind
    return None


def _as_city(place: Place) -> Place:
    return replace(place, kind="city") if place.kind == MINOR else place


def _choose_city(cands: list[Place], support: set[str], regions: set[str]) -> Place | None:
    """The reading of a city name, by the article's other evidence: a candidate whose state or province
    the article names (``Naples`` with ``Florida``; a smaller same-named town wins only so), else the
    largest in a country it names outright.  With no evidence: a name of one country is its city; an
    ambiguous one takes its dominant reading (``AMBIGUITY_RATIO``) or nothing."""
    cands = sorted(cands, key=lambda p: -p.population)
    named = [p for p in cands if p.admin1 in regions]
    if named and cands[0].population <= MINOR_RATIO * max(named[0].population, 1):
        return _as_city(named[0])
    major = [p for p in cands if p.kind != MINOR]
    for p in major:
        if p.iso2 in support:
            return p
    if not major:
        return None
    top = major[0]
    others = [p for p in major if p.iso2 != top.iso2]
    if not others or top.population >= AMBIGUITY_RATIO * max(others[0].population, 1):
        return top
    return None


def _city_support(segments: Sequence[SegmentHits], explicit: list[dict[int, Place]]) -> set[str]:
    """Countries the article names outright or through a city name of one country that is no common
    word: the evidence a common-word city name ("Tours") needs when no preposition of place marks it."""
    support = {p.iso2 for res in explicit for p in res.values()}
    for seg, res in zip(segments, explicit, strict=True):
        for i, hit in enumerate(seg.hits):
            term = hit.term
            if i in res or term.special is not None or _name_like(term):
                continue
            isos = {p.iso2 for p in term.places if p.kind in CITY_KINDS and p.kind not in (MINOR, "town")}
            if len(isos) == 1 and not looks_like_person_context(seg.text, hit, city=" " not in term.surface):
                support |= isos
    return support


def _name_like(term: Term) -> bool:
    """Is this a one-word city name that is also a common word or a given name ("Tours", "Madison")?"""
    return term.common_word or (" " not in term.surface and term.surface.lower() in GIVEN_NAMES)


def _word_without_evidence(seg: SegmentHits, hit: Hit, cands: list[Place], support: set[str]) -> bool:
    """A city name that is a common word or a given name ("Tours have been popular", "suburban Surrey",
    "Madison was not finished") with no preposition of place before it and no other mention of its
    country."""
    if prev_word(seg.text, hit.start).lower() in LOCATIVES:
        return False
    if not hit.term.common_word and next_word(seg.text, hit.end) in NAME_TAILS:
        return False  # a given-name city inside an organisation's name: "the Austin City Council"
    return not any(p.iso2 in support for p in cands if p.kind != MINOR)


def resolve_places(segments: Sequence[SegmentHits], surfaces: set[str]) -> list[PlaceHit]:
    """Resolve every place hit of every segment; ``surfaces`` is the set of all matched surfaces."""
    explicit: list[dict[int, Place]] = []
    explicit_isos: set[str] = set()
    for seg in segments:
        res: dict[int, Place] = {}
        for i in range(len(seg.hits)):
            place = _explicit(seg, i)
            if place is not None:
                res[i] = place
                explicit_isos.add(place.iso2)
        explicit.append(res)
    georgia_is_country = bool(GEORGIA_COUNTRY_CUES & surfaces) or "US" not in explicit_isos
    regions = {p.admin1 for res in explicit for p in res.values() if p.admin1} - NATIONS
    support: set[str] | None = None  # (computed on the first common-word city name)
    out: list[PlaceHit] = []
    for seg, res in zip(segments, explicit, strict=True):
        for i, hit in enumerate(seg.hits):
            term = hit.term
            if water_body(seg.text, hit):
                continue
            place = res.get(i)
            if place is None and term.special == "georgia":
                listed = _list_kind(seg, i, res)
                country = georgia_is_country if listed is None else listed == "country"
                iso, admin1 = ("GE", None) if country else ("US", "US-GA")
                place = Place(
                    "Georgia", iso, admin1, "country" if iso == "GE" else "admin1", 0, None, None, None
                )
            elif place is None:
                if seg.text[hit.end : hit.end + 1] == "$":
                    continue
                cands = [p for p in term.places if p.kind in CITY_KINDS]
                if any(p.kind == "town" for p in cands) and no_town(seg.text, hit):
                    cands = [p for p in cands if p.kind != "town"]
                if not cands:
                    continue
                qual = _qualifier(seg, i, res)
                if qual is not None:
                    same = [p for p in cands if p.iso2 == qual.iso2]
                    place = (
                        _as_city(same[0])
                        if same
                        else Place(term.surface, qual.iso2, qual.admin1, "city", 0, None, None, None)
                    )
                else:
                    if term.special == "metonym":  # "Hollywood" (the film industry), "Wall Street"
                        continue
                    if " " not in term.surface and looks_like_person_context(seg.text, hit, city=True):
                        continue
                    if _name_like(term):
                        if support is None:
                            support = _city_support(segments, explicit)
                        if _word_without_evidence(seg, hit, cands, support):
                            continue
                    if next_word(seg.text, hit.end) in PLACE_TAILS:  # "San Fernando Valley": another place
                        cands = [p for p in cands if p.iso2 in explicit_isos]
                        if not cands:
                            continue
                    place = _choose_city(cands, explicit_isos, regions)
                    if place is None:
                        continue
            out.append(PlaceHit(seg.para, hit.start, hit.end, term.surface, place))
    return out
