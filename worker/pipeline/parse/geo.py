"""Small curated place tables for datelines: AP state abbreviations, country words, stand-alone cities.

Everything here is built once at import time; lookups are plain dict hits.  ``pycountry`` is only a
fallback for country words missing from the curated table (cached, so each word is resolved once).
"""

from __future__ import annotations

from functools import lru_cache

# AP-style state abbreviations (and the full names AP writes out) -> ISO 3166-2 subdivision code.
_AP_STATES: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV",
    "W. Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
    "Alaska": "AK", "Hawaii": "HI", "Idaho": "ID", "Iowa": "IA", "Maine": "ME", "Ohio": "OH",
    "Texas": "TX", "Utah": "UT",
    "Alabama": "AL", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Illinois": "IL",
    "Indiana": "IN", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO",
    "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ",
    "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "Puerto Rico": "PR", "Guam": "GU",
}  # fmt: skip

# Country words as they appear in datelines (ISO 3166-1 alpha-2), incl. UK constituent countries.
_COUNTRIES: dict[str, str] = {
    "afghanistan": "AF", "argentina": "AR", "australia": "AU", "austria": "AT", "bangladesh": "BD",
    "belarus": "BY", "belgium": "BE", "bolivia": "BO", "brazil": "BR", "britain": "GB", "bulgaria": "BG",
    "burma": "MM", "cambodia": "KH", "canada": "CA", "chile": "CL", "china": "CN", "colombia": "CO",
    "congo": "CD", "croatia": "HR", "cuba": "CU", "cyprus": "CY", "czech republic": "CZ", "czechia": "CZ",
    "denmark": "DK", "ecuador": "EC", "egypt": "EG", "el salvador": "SV", "england": "GB",
    "estonia": "EE", "ethiopia": "ET", "finland": "FI", "france": "FR", "georgia": "GE",
    "germany": "DE", "ghana": "GH", "greece": "GR", "guatemala": "GT", "haiti": "HT", "honduras": "HN",
    "hungary": "HU", "iceland": "IS", "india": "IN", "indonesia": "ID", "iran": "IR", "iraq": "IQ",
    "ireland": "IE", "northern ireland": "GB", "israel": "IL", "italy": "IT", "jamaica": "JM",
    "japan": "JP", "jordan": "JO", "kazakhstan": "KZ", "kenya": "KE", "kosovo": "XK", "kuwait": "KW",
    "latvia": "LV", "lebanon": "LB", "libya": "LY", "lithuania": "LT", "malaysia": "MY", "mali": "ML",
    "mexico": "MX", "moldova": "MD", "mongolia": "MN", "morocco": "MA", "myanmar": "MM", "nepal": "NP",
    "netherlands": "NL", "the netherlands": "NL", "new zealand": "NZ", "nicaragua": "NI",
    "niger": "NE", "nigeria": "NG", "north korea": "KP", "norway": "NO", "pakistan": "PK",
    "panama": "PA", "paraguay": "PY", "peru": "PE", "philippines": "PH", "the philippines": "PH",
    "poland": "PL", "portugal": "PT", "qatar": "QA", "romania": "RO", "russia": "RU", "rwanda": "RW",
    "saudi arabia": "SA", "scotland": "GB", "senegal": "SN", "serbia": "RS", "singapore": "SG",
    "slovakia": "SK", "slovenia": "SI", "somalia": "SO", "south africa": "ZA", "south korea": "KR",
    "south sudan": "SS", "spain": "ES", "sri lanka": "LK", "sudan": "SD", "sweden": "SE",
    "switzerland": "CH", "syria": "SY", "taiwan": "TW", "thailand": "TH", "tunisia": "TN",
    "turkey": "TR", "turkiye": "TR", "türkiye": "TR", "uganda": "UG", "ukraine": "UA",
    "united arab emirates": "AE", "u.a.e.": "AE", "united kingdom": "GB", "uruguay": "UY",
    "uzbekistan": "UZ", "venezuela": "VE", "vietnam": "VN", "wales": "GB", "yemen": "YE",
    "zambia": "ZM", "zimbabwe": "ZW", "west bank": "PS", "gaza strip": "PS", "gaza": "PS",
}  # fmt: skip

# Cities that stand alone in AP/UPI datelines: name -> (country, admin1 or None).
_CITIES: dict[str, tuple[str, str | None]] = {
    "atlanta": ("US", "US-GA"), "baltimore": ("US", "US-MD"), "boston": ("US", "US-MA"),
    "chicago": ("US", "US-IL"), "cincinnati": ("US", "US-OH"), "cleveland": ("US", "US-OH"),
    "dallas": ("US", "US-TX"), "denver": ("US", "US-CO"), "detroit": ("US", "US-MI"),
    "honolulu": ("US", "US-HI"), "houston": ("US", "US-TX"), "indianapolis": ("US", "US-IN"),
    "las vegas": ("US", "US-NV"), "los angeles": ("US", "US-CA"), "miami": ("US", "US-FL"),
    "milwaukee": ("US", "US-WI"), "minneapolis": ("US", "US-MN"), "new orleans": ("US", "US-LA"),
    "new york": ("US", "US-NY"), "oklahoma city": ("US", "US-OK"), "philadelphia": ("US", "US-PA"),
    "phoenix": ("US", "US-AZ"), "pittsburgh": ("US", "US-PA"), "st. louis": ("US", "US-MO"),
    "salt lake city": ("US", "US-UT"), "san antonio": ("US", "US-TX"), "san diego": ("US", "US-CA"),
    "san francisco": ("US", "US-CA"), "seattle": ("US", "US-WA"), "washington": ("US", "US-DC"),
    "baghdad": ("IQ", None), "bangkok": ("TH", None), "beijing": ("CN", None), "beirut": ("LB", None),
    "berlin": ("DE", None), "brussels": ("BE", None), "cairo": ("EG", None), "damascus": ("SY", None),
    "dubai": ("AE", None), "dublin": ("IE", None), "geneva": ("CH", None), "havana": ("CU", None),
    "hong kong": ("HK", None), "islamabad": ("PK", None), "istanbul": ("TR", None),
    "johannesburg": ("ZA", None), "kabul": ("AF", None), "kyiv": ("UA", None), "kiev": ("UA", None),
    "london": ("GB", None), "madrid": ("ES", None), "manila": ("PH", None), "mexico city": ("MX", None),
    "montreal": ("CA", None), "moscow": ("RU", None), "new delhi": ("IN", None), "ottawa": ("CA", None),
    "paris": ("FR", None), "prague": ("CZ", None), "pyongyang": ("KP", None), "rome": ("IT", None),
    "seoul": ("KR", None), "shanghai": ("CN", None), "singapore": ("SG", None),
    "stockholm": ("SE", None), "sydney": ("AU", None), "taipei": ("TW", None), "tehran": ("IR", None),
    "tokyo": ("JP", None), "toronto": ("CA", None), "vatican city": ("VA", None),
    "vienna": ("AT", None), "warsaw": ("PL", None), "zurich": ("CH", None),
}  # fmt: skip


def us_state(word: str) -> str | None:
    """``N.D.`` / ``Wis.`` / ``Texas`` -> ``US-ND`` / ``US-WI`` / ``US-TX`` (None if not a US state)."""
    code = _AP_STATES.get(word) or _AP_STATES.get(word.replace(" ", ""))
    return f"US-{code}" if code else None


@lru_cache(maxsize=512)
def country_iso2(word: str) -> str | None:
    """Country word as printed in a dateline -> ISO 3166-1 alpha-2 (curated table, then pycountry)."""
    key = word.strip().casefold()
    hit = _COUNTRIES.get(key)
    if hit is not None or len(key) < 4:
        return hit
    try:
        import pycountry

        found = pycountry.countries.get(name=word.strip()) or pycountry.countries.get(
            common_name=word.strip()
        )
    except (LookupError, KeyError, AttributeError):
        return None
    code = getattr(found, "alpha_2", None) if found is not None else None
    return code if isinstance(code, str) else None


def city_info(city: str) -> tuple[str, str | None] | None:
    """Stand-alone dateline city -> (country, admin1)."""
    return _CITIES.get(city.casefold())


def title_place(word: str) -> str:
    """``ST. LOUIS`` -> ``St. Louis``; mixed-case input is kept as printed."""
    return word.title() if word.isupper() else word
