"""Load the enrichment tables shipped in ``data/`` once per process (see ``data/README.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from worker.pipeline.enrich.byte_scan import latin1_twin
from worker.pipeline.enrich.keywords import SHORT_TOKENS, idf_table
from worker.pipeline.enrich.surface_trie import surface_pattern

PLACE_KINDS = frozenset(
    {"country", "admin1", "admin1_abbr", "city", "capital", "region_in", "city_strict", "city_minor", "town"}
    | {"county"}
)
# readings that compete by population like cities (see data/README.md); a county is an English or Welsh
# county, read like a city of its population ("Surrey" the county, or the city in British Columbia)
CITY_READINGS = ("city", "capital", "city_minor", "town", "county")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    iso2: str
    admin1: str | None
    kind: str
    population: int
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class Term:
    """One gazetteer surface form: every place/org/demonym reading of it."""

    surface: str
    places: tuple[Place, ...]
    org: str | None  # canonical organisation name
    org_iso2: str | None
    demonym: str | None  # iso2 ("" for non-national groups)
    special: str | None  # region | blocked | georgia | person_prone | metonym
    # a one-word city name that is also a common English word ("Tours", "Surprise": data/word_places.txt)
    common_word: bool = False
    # does a hit of it cut a capitalised run into name candidates (entities.find_names)?  All but a
    # lone city name, which may be part of a person's name ("Brandon Doherty", "Bo Nickal")
    cuts_names: bool = field(init=False)

    def __post_init__(self) -> None:
        cuts = (
            " " in self.surface
            or bool(self.org)
            or self.demonym is not None
            or any(p.kind not in CITY_READINGS for p in self.places)
            # "Victoria", "Mary": names, never places; "Hollywood": a city name all the same
            or (bool(self.special) and self.special not in ("blocked", "metonym"))
        )
        object.__setattr__(self, "cuts_names", cuts)


@dataclass(frozen=True, slots=True)
class EnrichTables:
    automaton: Any  # ahocorasick.Automaton: surface -> Term
    terms: dict[str, Term]  # surface -> Term (the automaton's values)
    surface_re: re.Pattern[str]  # surface_trie regex of the surfaces starting with a capital letter
    # the other surfaces (see gazetteer.scan), each after its first non-ASCII character (or "")
    rare_surfaces: tuple[tuple[str, str], ...]
    rare_latin1: tuple[bytes, ...]  # byte_scan.latin1_twin of the rare surfaces that have one
    country_names: dict[str, str]
    stopwords_en: frozenset[str]
    language_stopwords: dict[str, frozenset[str]]
    background_df: dict[str, int]
    background_docs: int
    keyword_idf: dict[str, float]  # derived from background_df: word -> log((docs + 1) / (df + 1))
    keyword_drop: frozenset[str]  # stopwords_en | keywords.SHORT_TOKENS: never a keyword
    # organisation surface -> (offset, Term) of the places named inside it (``New York`` in ``The New York
    # Times``): they count for countries, the organisation stays one ORG entity
    org_places: dict[str, tuple[tuple[int, Term], ...]] = field(default_factory=dict)
    # memo for entities.find_names: capitalised segment -> (kind, name, offset) items (bounded there)
    segment_cache: dict[str, tuple[tuple[str, str, int], ...]] = field(default_factory=dict)


def _inner_places(surface: str, automaton: Any) -> tuple[tuple[int, Term], ...]:
    """Whole-word place terms inside an organisation's name: longest, then leftmost, not overlapping."""
    found: list[tuple[int, int, Term]] = []
    for end_idx, term in automaton.iter(surface):
        start, end = end_idx - len(term.surface) + 1, end_idx + 1
        if term.surface == surface or not term.places or term.special in ("blocked", "region"):
            continue
        if (start > 0 and surface[start - 1].isalnum()) or (end < len(surface) and surface[end].isalnum()):
            continue
        # a metonym names its place inside a name: "The Wall Street Journal" counts US
        found.append((start, end, replace(term, special=None) if term.special == "metonym" else term))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[tuple[int, Term]] = []
    last = -1
    for start, end, term in found:
        if start >= last:
            out.append((start, term))
            last = end
    return tuple(out)


def _read(name: str) -> list[list[str]]:
    text = resources.files("worker.pipeline.enrich").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _num(value: str) -> float | None:
    return float(value) if value else None


def _build_terms() -> dict[str, dict[str, Any]]:
    terms: dict[str, dict[str, Any]] = {}

    def slot(surface: str) -> dict[str, Any]:
        return terms.setdefault(
            surface, {"places": [], "org": None, "org_iso2": None, "demonym": None, "special": None}
        )

    for row in _read("places.tsv")[1:]:
        name, iso2, admin1, kind, pop, lat, lon, gid = (row + [""] * 8)[:8]
        place = Place(
            name, iso2, admin1 or None, kind, int(pop or 0), _num(lat), _num(lon), int(gid) if gid else None
        )
        slot(name)["places"].append(place)
    for row in _read("aliases.tsv"):
        surface, iso2, admin1, kind, pop = (row + [""] * 5)[:5]
        entry = slot(surface)
        if kind == "county":
            entry["places"].append(Place(surface, iso2, admin1 or None, kind, int(pop), None, None, None))
        elif kind in PLACE_KINDS:
            # a curated alias overrides generated readings of the same kind class
            if kind in ("country", "admin1", "city_strict", "region_in"):
                entry["places"] = [p for p in entry["places"] if p.kind in CITY_READINGS]
                if kind == "city_strict":
                    entry["places"] = [p for p in entry["places"] if p.iso2 == iso2]
                    continue
            entry["places"].insert(0, Place(surface, iso2, admin1 or None, kind, 0, None, None, None))
        elif kind == "demonym":
            entry["demonym"] = iso2
            if not surface.endswith(("s", "sh", "ese", "tch", "ench")):  # "North Koreans", "Czechs"
                plural = slot(surface + "s")
                if plural["demonym"] is None and not plural["places"]:
                    plural["demonym"] = iso2
        else:
            entry["special"] = kind
            if kind in ("region", "blocked", "georgia"):
                entry["places"] = []
            if kind == "person_prone":
                entry["places"] = [Place(surface, iso2, None, "country", 0, None, None, None)]
            if kind == "metonym" and iso2 and not entry["places"]:
                entry["places"] = [Place(surface, iso2, admin1 or None, "city", 0, None, None, None)]
    for row in _read("orgs.tsv"):
        surface, canonical, iso2 = (row + [""] * 3)[:3]
        entry = slot(surface)
        entry["org"] = canonical
        entry["org_iso2"] = iso2 or None
    return terms


@lru_cache(maxsize=1)
def load_tables() -> EnrichTables:
    """Build the gazetteer automaton and read the keyword/language tables (cached per process)."""
    automaton = ahocorasick.Automaton()
    country_names: dict[str, str] = {}
    terms: dict[str, Term] = {}
    word_places = {row[0] for row in _read("word_places.txt")}
    for surface, e in _build_terms().items():
        term = terms[surface] = Term(
            surface,
            tuple(e["places"]),
            e["org"],
            e["org_iso2"],
            e["demonym"],
            e["special"],
            surface in word_places,
        )
        automaton.add_word(surface, term)
        for p in term.places:
            if p.kind == "country" and p.iso2 not in country_names:
                country_names[p.iso2] = p.name
    automaton.make_automaton()
    import pycountry

    for c in pycountry.countries:
        country_names[c.alpha_2] = getattr(c, "common_name", c.name)
    country_names.update(
        {"US": "United States", "GB": "United Kingdom", "KP": "North Korea", "KR": "South Korea"}
    )
    country_names.update({"RU": "Russia", "IR": "Iran", "SY": "Syria", "PS": "Palestine", "XK": "Kosovo"})
    langs = {row[0]: frozenset(row[1].split()) for row in _read("language_stopwords.tsv")}
    words = _read("stopwords_en.txt")
    df_rows = _read("background_df.tsv")
    docs = int(df_rows[0][1])
    stopwords = frozenset(w[0] for w in words)
    df = {r[0]: int(r[1]) for r in df_rows[1:]}
    idf = idf_table(df, docs)
    rare = [s for s in terms if not s[:1].isupper()]
    drop = stopwords | SHORT_TOKENS
    org_places = {
        s: inner
        for s, t in terms.items()
        if t.org and not t.places and (inner := _inner_places(s, automaton))
    }
    return EnrichTables(
        automaton=automaton,
        terms=terms,
        surface_re=re.compile(surface_pattern(s for s in terms if s[:1].isupper())),
        rare_surfaces=tuple((next((ch for ch in s if not ch.isascii()), ""), s) for s in rare),
        rare_latin1=tuple(twin for s in rare if (twin := latin1_twin(s)) is not None),
        country_names=country_names,
        stopwords_en=stopwords,
        language_stopwords=langs,
        background_df=df,
        background_docs=docs,
        keyword_idf=idf,
        keyword_drop=drop,
        org_places=org_places,
    )
