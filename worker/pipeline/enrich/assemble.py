"""Assembling the enrichment: entities and their mentions, countries and locations, and the places that
are really person names.  Compiled with mypyc (``worker/native.py``): an article has dozens of mentions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from worker.models.enrichment import (
    DATELINE_PARA,
    HEADLINE_PARA,
    CountryMention,
    Entity,
    Location,
    Mention,
)
from worker.models.trusted import set_dict, set_extra, set_fields, set_private, trusted
from worker.pipeline.enrich.countries import PlaceHit
from worker.pipeline.enrich.gazetteer import Hit
from worker.pipeline.enrich.name_index import NameIndex, surname_of
from worker.pipeline.enrich.tables import EnrichTables, Place
from worker.pipeline.enrich.text_case import lower


def _place_name(hit: PlaceHit, tables: EnrichTables) -> str:
    if hit.place.kind == "country":
        return tables.country_names.get(hit.place.iso2, hit.place.name)
    return hit.place.name


_SAYS = frozenset(
    [
        "says",
        "said",
        "reveals",
        "revealed",
        "continues",
        "continued",
        "explains",
        "explained",
        "adds",
        "added",
        "told",
        "tells",
    ]
)
_PERSONNEL_VERBS = frozenset(
    (
        *("fired", "firing", "fires", "fire", "hired", "hiring", "sacked", "sacking", "benched", "replaced"),
        *("signed", "traded", "coach", "coordinator"),
    )
)


def _next_lower_word(text: str, end: int) -> str:
    return lower(text[end : end + 12].strip().split(" ", 1)[0].strip(",.;:"))


def _prev_lower_word(text: str, start: int) -> str:
    j = text.rfind(" ", 0, max(0, start - 1))
    return lower(text[j + 1 : start].strip())


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Is ``pos`` inside one of the sorted ``spans`` (person mentions, a few words each)?"""
    i = bisect_right(starts, pos) - 1
    while i >= 0 and starts[i] > pos - 200:
        if spans[i][1] > pos:
            return True
        i -= 1
    return False


def _drop_person_names(
    places: list[PlaceHit], names: NameIndex, tables: EnrichTables, body: str
) -> list[PlaceHit]:
    """``Kennedy`` (a Bogota locality) in an article about Robert F. Kennedy Jr. is the person: a body or
    headline place hit that is a name word of a person found in the body, or lies inside a person
    mention, is not a place.  Country names proper (``Jordan``) and the dateline are kept; a country
    alias used as a surname (``Gwyneth Holland``) is not."""
    if not names.persons:
        return places
    spans = sorted(m for person in names.persons.values() for m in person.mentions)
    span_starts = [s for s, _ in spans]
    family = {surname_of(name) for name in names.persons}
    # a country that is also a common given name ("Jordan", "Chad") is the person when one has that name
    firsts = {name.split(" ", 1)[0] for name in names.persons}
    given = {f for f in firsts if (t := tables.terms.get(f)) is not None and t.special == "person_prone"}
    # a country that is also a person's surname is the person where it is used as one: the subject of an
    # attribution ("..." Ireland reveals) or the object of a personnel verb (fired Canada)
    as_person = {
        (h.para, h.start)
        for h in places
        if h.surface in family
        and h.para >= 0
        and (
            _next_lower_word(body, h.end) in _SAYS
            or _prev_lower_word(body, h.start) in _PERSONNEL_VERBS
            or body[max(0, h.start - 5) : h.start] == "post-"
        )
    }
    kept = []
    for hit in places:
        inside = hit.para >= 0 and _inside(spans, span_starts, hit.start)  # "Gwyneth Holland"
        proper = hit.place.kind == "country" and tables.country_names.get(hit.place.iso2) == hit.surface
        surname = hit.surface in family and (not proper or (hit.para, hit.start) in as_person)
        if hit.para == DATELINE_PARA or not (inside or surname or hit.surface in given):
            kept.append(hit)
    return kept


_new = object.__new__
_NO_ISO = frozenset({"text", "type", "canonical", "mentions", "count", "role"})
_NO_ROLE = frozenset({"text", "type", "canonical", "iso2", "mentions", "count"})
_BYLINE = frozenset({"text", "type", "canonical", "role"})


def _entity(
    text: str,
    type_: str,
    canonical: str,
    iso2: str | None,
    ms: list[Mention],
    role: str | None,
    fs: frozenset[str],
) -> Entity:
    values = {
        "text": text,
        "type": type_,
        "canonical": canonical,
        "iso2": iso2,
        "mentions": ms,
        "count": len(ms),
        "role": role,
    }
    return trusted(Entity, values, fs)


def _mentions(spans: Iterable[tuple[int, int]], starts: list[int], idxs: list[int]) -> list[Mention]:
    """Mentions of body spans (``starts``/``idxs``: the paragraphs' offsets and indices); ``trusted``
    inlined, as an article has dozens of mentions."""
    out: list[Mention] = []
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        m = _new(Mention)
        set_dict(m, {"para": idxs[i] if i >= 0 else 0, "start": start, "end": end})
        set_fields(m, {"para", "start", "end"})
        set_extra(m, None)
        set_private(m, None)
        out.append(m)
    return out


def build_entities(
    names: NameIndex,
    places: list[PlaceHit],
    demonyms: list[Hit],
    starts: list[int],
    idxs: list[int],
    tables: EnrichTables,
    speakers: set[str],
    authors: list[str],
) -> list[Entity]:
    """``starts``/``idxs``: offsets and indices of the paragraphs (a body offset's paragraph)."""
    out: list[Entity] = []
    for canonical, person in names.persons.items():
        ms = _mentions(sorted(set(person.mentions)), starts, idxs)
        role = "speaker" if canonical in speakers else ("byline" if canonical in authors else None)
        out.append(_entity(canonical, "PERSON", canonical, None, ms, role, _NO_ISO))
    for author in authors:
        if author not in names.persons:
            out.append(_entity(author, "PERSON", author, None, [], "byline", _BYLINE))
    for canonical, org_ms in names.orgs.items():
        ms = _mentions([(s, e) for s, e, _ in org_ms], starts, idxs)
        role = "speaker" if canonical in speakers else None
        out.append(_entity(org_ms[0][2], "ORG", canonical, None, ms, role, _NO_ISO))
    grouped: dict[tuple[str, str], list[PlaceHit]] = {}
    for hit in places:
        grouped.setdefault((_place_name(hit, tables), hit.place.iso2), []).append(hit)
    for (canonical, iso2), hits in grouped.items():
        ms = [
            trusted(Mention, {"para": h.para, "start": h.start, "end": h.end})
            if h.para < 0
            else _mentions([(h.start, h.end)], starts, idxs)[0]
            for h in hits
        ]
        out.append(_entity(hits[0].surface, "GPE", canonical, iso2, ms, None, _NO_ROLE))
    norp: dict[str, list[tuple[int, int]]] = {}
    norp_iso: dict[str, str | None] = {}
    for d in demonyms:
        norp.setdefault(d.term.surface, []).append((d.start, d.end))
        norp_iso[d.term.surface] = d.term.demonym or None
    for surface, spans in norp.items():
        out.append(
            _entity(
                surface, "NORP", surface, norp_iso[surface], _mentions(spans, starts, idxs), None, _NO_ROLE
            )
        )
    return out


def build_geo(places: list[PlaceHit], tables: EnrichTables) -> tuple[list[CountryMention], list[Location]]:
    """Countries (most mentioned first; headline and dateline count double) and city/state locations."""
    counts: dict[str, list[PlaceHit]] = {}
    for hit in places:
        counts.setdefault(hit.place.iso2, []).append(hit)
    countries = [
        trusted(
            CountryMention,
            {
                "iso2": iso,
                "name": tables.country_names.get(iso, iso),
                "mentions": len(hits),
                "in_headline": any(h.para == HEADLINE_PARA for h in hits),
                "in_dateline": any(h.para == DATELINE_PARA for h in hits),
            },
        )
        for iso, hits in counts.items()
    ]
    countries.sort(key=lambda c: (-(c.mentions + 2 * c.in_headline + 2 * c.in_dateline), c.iso2))
    located: dict[tuple[str, str], tuple[Place, int]] = {}
    for hit in places:
        p = hit.place
        if p.kind in ("city", "capital", "admin1", "city_strict"):
            key = (p.name, p.iso2)
            prev = located.get(key)
            located[key] = (p, (prev[1] if prev else 0) + 1)
    locations = [
        trusted(
            Location,
            {
                "name": p.name,
                "iso2": p.iso2,
                "admin1": p.admin1,
                "lat": p.lat,
                "lon": p.lon,
                "geonameid": p.geonameid,
                "mentions": n,
            },
        )
        for p, n in located.values()
    ]
    return countries, locations
