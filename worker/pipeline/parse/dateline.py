"""Dateline at the start of the first body paragraph: ``BISMARCK, N.D., Nov. 2 (UPI) --``."""

from __future__ import annotations

import re

from worker.models.article import Dateline
from worker.models.trusted import trusted
from worker.pipeline.parse import geo
from worker.pipeline.parse.timestamps import MONTH_RE, month_number

_AGENCIES = (
    r"UPI|AP|Reuters|REUTERS|AFP|Xinhua|XINHUA|dpa|DPA|IANS|ANI|PTI|CNN|Bloomberg|Kyodo|Yonhap|EFE|ANSA"
    r"|TASS|Tass|CNA|NNA|KCNA|Sputnik|Interfax|Anadolu|WAM|SPA|BERNAMA|Bernama|APA|KUNA|Prensa Latina"
    r"|HealthDay|The Conversation|UPI/\w+|AP Photo"
)
# First place component is upper-case (a city); later ones are mixed case (state, country).
_PLACE = (
    r"(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.](?:\s?\([A-Z][A-Za-z. ]+\))?"
    r"(?:,\s*[A-Z][A-Za-z.'’\- ]{0,30}?[A-Za-z.]){0,2})"
)
_DATE = rf"(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})"
_SEP = r"(?P<sep>--|—|–|-|−|:)"

# UPI/wire form: [PLACE, ][Mon. D ](AGENCY) --
DATELINE = re.compile(
    rf"^(?P<raw>(?:{_PLACE}(?:,\s*|\s+(?=[(A-Z])))?(?:{_DATE}\s*)?\((?P<agency>{_AGENCIES})\)\s*{_SEP})(?:\s+|$)"
)
# Agency-less form, upper-case place required: "ATLANTA --", "WASHINGTON, Dec. 1 --"
DATELINE_BARE = re.compile(rf"^(?P<raw>{_PLACE},?\s+(?:{_DATE}\s+)?(?P<sep>--|—))(?:\s+|$)")
_STATE_SPLIT = re.compile(r",\s*")


def match_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """``(Dateline, remainder_of_paragraph)`` or None if the paragraph does not open with a dateline."""
    head = paragraph[:100]
    if "(" not in head and "--" not in head and "—" not in head:
        return None
    m = DATELINE.match(paragraph)
    if m is not None:
        raw, place, mon, day_s, agency = m.group("raw", "place", "mon", "day", "agency")
    else:
        m = DATELINE_BARE.match(paragraph)
        if m is None:
            return None
        raw, place, mon, day_s = m.group("raw", "place", "mon", "day")
        agency = None
        if len(place.split(",")[0]) < 4:
            return None  # "US --", "AP --": too weak without an agency
    raw = raw.strip()
    place = place.strip().rstrip(",") if place else None
    month = month_number(mon) if mon else None
    day = int(day_s) if day_s else None
    if day is not None and not 1 <= day <= 31:
        return None
    city, admin1, country = locate(place) if place else (None, None, None)
    dl = trusted(Dateline, {
        "raw": raw, "place": place, "agency": agency, "month": month, "day": day,
        "city": city, "admin1": admin1, "country_iso2": country,
    })  # fmt: skip
    return dl, paragraph[m.end() :].lstrip()


def locate(place: str) -> tuple[str | None, str | None, str | None]:
    """``BISMARCK, N.D.`` -> (Bismarck, US-ND, US); ``TEHRAN, Iran`` -> (Tehran, None, IR)."""
    parts = [p for p in _STATE_SPLIT.split(place) if p]
    if not parts:
        return None, None, None
    city_raw = parts[0].split(" (")[0].strip()
    city = geo.title_place(city_raw)
    admin1: str | None = None
    country: str | None = None
    for extra in parts[1:]:
        state = geo.us_state(extra)
        if state is not None and country in (None, "US"):
            admin1, country = state, "US"
            continue
        iso = geo.country_iso2(extra)
        if iso is not None:
            country = iso
    if len(parts) == 1:
        known = geo.city_info(city_raw)
        if known is not None:
            country, admin1 = known
    return city or None, admin1, country
