"""Header line, timestamp line, ``Updated`` line: regexes and conversion to tz-aware datetimes."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

HEADER = re.compile(r"^date:?\s+(\d{4})-(\d{2})-(\d{2})(?:\s+(trending))?\s*$", re.IGNORECASE)


def _stamp(s: str) -> str:
    """One date + time stamp; ``s`` suffixes the group names so two stamps can share a regex."""
    return (
        rf"(?P<mon{s}>{MONTH_RE})\s+(?P<day{s}>\d{{1,2}}),?\s+(?P<year{s}>\d{{4}})"
        r"\s*(?:/|,|\bat\b|-|\|)?\s*"
        rf"(?P<hour{s}>\d{{1,2}}):(?P<min{s}>\d{{2}})\s*(?P<ampm{s}>[AaPp])\.?\s*[Mm]\.?"
        r"(?:\s*(?:ET|EST|EDT))?"
    )


# No re.IGNORECASE (it defeats sre's first-character skip); the case variants are spelled out.
_UPD_WORD = r"(?:Updated|UPDATED|updated|Last [Uu]pdated|LAST UPDATED)"
# "Nov. 2, 2022 / 4:17 PM", optionally followed on the same line by "| Updated Nov. 3, 2022 / 9:12 AM".
TIMESTAMP = re.compile(
    rf"^(?:Published:?\s+|PUBLISHED:?\s+)?(?P<pub>{_stamp('')})"
    rf"(?:\s*[|/;,-]?\s*\(?{_UPD_WORD}:?\s+(?:on\s+)?(?P<upd>{_stamp('_u')})\)?)?\s*$"
)
UPDATED = re.compile(rf"^\(?{_UPD_WORD}:?\s+(?:on\s+)?(?P<upd>{_stamp('_u')})\)?\s*$")


_STAMP_FIRST = frozenset("JFMASONDP")


_tuple = tuple.__new__  # == Stamp(...) without NamedTuple's Python-level __new__ (3x cheaper)


class Stamp(NamedTuple):
    dt: datetime
    raw: str


def month_number(word: str) -> int | None:
    return _MONTHS.get(word[:3].lower())


_PARTS = ("mon", "day", "year", "hour", "min", "ampm")


def _group_numbers(pattern: re.Pattern[str], suffix: str) -> tuple[int, ...]:
    return tuple(pattern.groupindex[name + suffix] for name in _PARTS)


_PUB_GROUPS = _group_numbers(TIMESTAMP, "")
_UPD_GROUPS = _group_numbers(TIMESTAMP, "_u")
_PUB_RAW = TIMESTAMP.groupindex["pub"]
_UPD_RAW = TIMESTAMP.groupindex["upd"]
_UPDATED_GROUPS = _group_numbers(UPDATED, "_u")
_UPDATED_UPD = UPDATED.groupindex["upd"]


def _datetime(parts: tuple[str, ...], tz: ZoneInfo) -> datetime | None:
    """(month word, day, year, hour, minute, a/p) as matched -> tz-aware local datetime; None if invalid."""
    mon_word, day, year, hour_s, minute_s, ampm = parts
    mon = _MONTHS.get(mon_word[:3].lower())
    hour = int(hour_s)
    minute = int(minute_s)
    if mon is None or not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + 12 if ampm in "Pp" else hour % 12
    try:
        return datetime(int(year), mon, int(day), hour, minute, 0, 0, tz)  # positional: cheaper
    except ValueError:
        return None


def parse_timestamp_line(line: str, tz: ZoneInfo) -> tuple[Stamp | None, Stamp | None] | None:
    """``(published, updated)`` if ``line`` is a timestamp line (either part may be invalid -> None)."""
    if len(line) > 120 or line[:1] not in _STAMP_FIRST:
        return None
    m = TIMESTAMP.match(line)
    if m is None:
        return None
    pub = _datetime(m.group(*_PUB_GROUPS), tz)
    upd_raw = m.group(_UPD_RAW)
    upd = _datetime(m.group(*_UPD_GROUPS), tz) if upd_raw else None
    return (
        _tuple(Stamp, (pub, m.group(_PUB_RAW))) if pub is not None else None,
        _tuple(Stamp, (upd, upd_raw)) if upd is not None else None,
    )


def parse_updated_line(line: str, tz: ZoneInfo) -> Stamp | bool | None:
    """A stand-alone ``Updated <stamp>`` line: its Stamp, None if the date is invalid, False if no match."""
    if len(line) > 120 or line[:1] not in "UuLl(":
        return False
    m = UPDATED.match(line)
    if m is None:
        return False
    dt = _datetime(m.group(*_UPDATED_GROUPS), tz)
    return _tuple(Stamp, (dt, m.group(_UPDATED_UPD))) if dt is not None else None


def header_date(m: re.Match[str]) -> str | None:
    """The ISO date of a HEADER match, None if it is not a real date."""
    iso = m.string[m.start(1) : m.end(3)]  # "YYYY-MM-DD" as printed
    try:
        if iso.isascii():  # then it already is the isoformat() of the date it names
            date.fromisoformat(iso)
            return iso
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
