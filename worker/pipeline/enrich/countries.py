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
from worker.pipeline.enrich.name_words import GIVEN_NAMES, ORG_WORDS, PLACE_TAILS
from worker.pipeline.enrich.tables import Place, Term

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


# A wire dateline written into the body ("VATICAN CITY (RNS) — The pope ...", "WASHINGTON -- ..."): an
# upper-case place, an optional ", State", an optional (AGENCY), then a dash.
_BODY_DATELINE = re.compile(
    r"([A-Z][A-Z.'’ -]{1,38}[A-Z.])(, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r" (?:\([A-Za-z. ]{2,20}\) )?(?:—|–|--?) "
)


# a preposition of place before a city name that is also a common word: "in Tours", "from Oxford"
LOCATIVES = frozenset(
    {"in", "at", "from", "to", "near", "outside", "around", "of", "across", "into", "toward", "towards"}
    | {"via", "between", "through", "inside"}
)


def _elided(text: str, end: int) -> bool:
    """Does ``text[:end]`` end with a French-style elided article ("L’" of "L’Oréal": no given name)?"""
    if end < 2 or text[end - 1] != "’" or text[end - 2] not in "LD":
        return False
    return end < 3 or not text[end - 3].isalnum()


# a capitalised word after a city name that makes an organisation, a team or an event of it
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_TAILS = (
    ORG_WORDS
    | PLACE_TAILS
    | _words(
        """
    City United Zoo Symphony Orchestra Philharmonic Opera Ballet Olympics Olympic Marathon Airport Station
    Memorial Festival Fashion Film Stock Open Masters Cup Summit Accords Agreement Declaration Convention
    Protocol Pact Treaty Biennale Pride Week Tribune Herald Gazette Chronicle Examiner Dispatch Metro
    Subway Harbor Harbour Port Bridge Marina Arena Stadium Park Square Palace Castle Cathedral
    """
    )
)


# after a state abbreviation: a credential list ("Bethany Keith, MS, RDN") or a slash list ("AR/VR")
_CREDENTIAL_OR_LIST = re.compile(r", [A-Z]{2,5}\b(?!\.)|/")
# a capitalised word after a postal code makes a name of it ("MS Office"); a weekday does not
_NAME_AFTER = re.compile(r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][a-z]")
_DEGREES = frozenset({"MD", "MS", "MA", "PA"})  # postal codes that are also academic degrees
# a water body named after a place: "Gulf of Aden", "Taiwan Strait" (not a place inside the country)
_WATER_BEFORE = ("Gulf of ", "Bay of ", "Sea of ", "Strait of ", "Straits of ")
_WATER_AFTER = frozenset({"Strait", "Straits", "Sea", "Gulf"})


def water_body(text: str, hit: Hit) -> bool:
    if text[hit.end : hit.end + 2] in (" S", " G") and _next_word(text, hit.end) in _WATER_AFTER:
        return True
    return text[hit.start - 3 : hit.start] == "of " and text[max(0, hit.start - 10) : hit.start].endswith(
        _WATER_BEFORE
    )


def body_dateline(paragraphs: Sequence[str]) -> str:
    """The place of a dateline opening one of the first two paragraphs, in title case, or ``""``."""
    for text in paragraphs[:2]:
        m = _BODY_DATELINE.match(text)
        if m is not None:
            place = " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in m.group(1).split())
            return place + (m.group(2) or "")
    return ""


def _prev_word(text: str, start: int) -> str:
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or not (text[j].isalpha()):
        return ""
    k = j
    while k >= 0 and (text[k].isalpha() or text[k] in ".'-"):
        k -= 1
    return text[k + 1 : j + 1]


def _next_word(text: str, end: int) -> str:
    if end >= len(text) or text[end] != " ":
        return ""
    k = end + 1
    m = k
    while m < len(text) and (text[m].isalpha() or text[m] in "'-"):
        m += 1
    return text[k:m]


def _second_word(text: str, end: int) -> str:
    """The capitalised word after the one ending at ``end`` (past a possessive: "Magistrates’ Court")."""
    if text[end : end + 1] in ("’", "'"):
        end += 1
    word = _next_word(text, end)
    return word if word[:1].isupper() else ""


def _sentence_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in '.!?\n"“:;—'


def _looks_like_person_context(text: str, hit: Hit, *, city: bool = False) -> bool:
    """Is a place name here part of a person's name ("Gwyneth Holland", "Tyler Smith")?  Not when the
    capitalised word next to a city name makes an organisation, a team or an event of it ("BDA London",
    "Orlando City SC", "the Denver Zoo", "the Vancouver Symphony Orchestra")."""
    prev = _prev_word(text, hit.start)
    nxt = _next_word(text, hit.end)
    if city and prev and (prev[:2] in ("L'", "D'") or _elided(text, hit.start - len(prev) - 1)):
        return False  # after a French-style elided article, a brand: "L’Oréal Paris"
    if (
        prev
        and prev[0].isupper()
        and not _sentence_initial(text, hit.start - len(prev) - 1)
        and prev not in ("In", "At", "From", "To", "Of", "On", "For", "And", "The")
        and not (city and len(prev) > 1 and prev.isupper())  # an acronym: "BDA London", "UNC Wilmington"
    ):
        return True
    if city and (nxt in NAME_TAILS or _second_word(text, hit.end + 1 + len(nxt)) in NAME_TAILS):
        return False  # "Londonderry Magistrates’ Court", "Denver Public Library"
    if city and (text[hit.end : hit.end + 3] == " & " or text[hit.start - 3 : hit.start] == " & "):
        return True  # a firm named after people: "Kennedy & Company", "Smith & Wesson"
    return bool(nxt) and nxt[0].isupper() and (city or hit.term.special == "person_prone")


def _no_town(text: str, hit: Hit) -> bool:
    """A town's name after "the" ("the New Amsterdam branch") or after a given name ("Abigail Van
    Buren") is no town."""
    prev = _prev_word(text, hit.start)
    low = prev.lower()
    return low == "the" or low in GIVEN_NAMES or _looks_like_person_context(text, hit)


def _all_caps_line(text: str, hit: Hit) -> bool:
    """Is the hit in an upper-case stretch of its own paragraph (a teaser line, "IN THE US THIS
    CHRISTMAS"), where "US" may be the pronoun?"""
    left = max(text.rfind("\n", 0, hit.start) + 1, hit.start - 40)
    right = text.find("\n", hit.end)
    right = hit.end + 40 if right < 0 else min(right, hit.end + 40)
    return text[left:right].isupper()


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
            if place.admin1 == "US-DC" and _prev_word(text, hit.start) in LOCATIVES - {"of"}:
                return place
            continue
        if place.kind in EXPLICIT_KINDS:
            if term.special == "person_prone" and _looks_like_person_context(text, hit):
                return None
            if term.surface == "Turkey" and _next_word(text, hit.end).lower() in TURKEY_FOOD:
                return None
            if term.surface in ("US", "UN") and _all_caps_line(text, hit):
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
            if len(isos) == 1 and not _looks_like_person_context(seg.text, hit, city=" " not in term.surface):
                support |= isos
    return support


def _name_like(term: Term) -> bool:
    """Is this a one-word city name that is also a common word or a given name ("Tours", "Madison")?"""
    return term.common_word or (" " not in term.surface and term.surface.lower() in GIVEN_NAMES)


def _word_without_evidence(seg: SegmentHits, hit: Hit, cands: list[Place], support: set[str]) -> bool:
    """A city name that is a common word or a given name ("Tours have been popular", "suburban Surrey",
    "Madison was not finished") with no preposition of place before it and no other mention of its
    country."""
    if _prev_word(seg.text, hit.start).lower() in LOCATIVES:
        return False
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
                if any(p.kind == "town" for p in cands) and _no_town(seg.text, hit):
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
                    if " " not in term.surface and _looks_like_person_context(seg.text, hit, city=True):
                        continue
                    if _name_like(term):
                        if support is None:
                            support = _city_support(segments, explicit)
                        if _word_without_evidence(seg, hit, cands, support):
                            continue
                    if _next_word(seg.text, hit.end) in PLACE_TAILS:  # "San Fernando Valley": another place
                        cands = [p for p in cands if p.iso2 in explicit_isos]
                        if not cands:
                            continue
                    place = _choose_city(cands, explicit_isos, regions)
                    if place is None:
                        continue
            out.append(PlaceHit(seg.para, hit.start, hit.end, term.surface, place))
    return out
