"""Dates mentioned in the body, resolved against the publication date (never the clock).

* weekday (``Wednesday``): the most recent such day on or before publication; ``next``/``will`` look
  forward, ``last`` looks strictly back;
* month + day (``Nov. 27``, ``October 17, 2022``): the explicit year, else the year that puts the date
  nearest to publication;
* month alone (``In September``, ``February 2022``): ``YYYY-MM``, the most recent such month.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from worker.models.enrichment import DateMention
from worker.models.trusted import trusted
from worker.pipeline.enrich.byte_scan import latin1_twin, mark_table
from worker.pipeline.enrich.paragraphs import is_body, matches_at
from worker.pipeline.enrich.text_case import lower

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?"
    r"|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
DATE_RE = re.compile(
    rf"\b{_MONTH}[ ,]?\s?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<year>(?:19|20)\d\d)\b)?"
    rf"|(?P<myear>(?:19|20)\d\d)\b)"
    r"|(?P<prep>\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?) )"
    rf"(?P<lone>{_MONTH.replace('?P<month>', '?P<month2>')})(?![ ]?\d)\b"
    r"|\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
)
# Every match of DATE_RE starts at a month/weekday word or at a preposition 3 to 6 characters
# before one ("In ", "Since ", "Early " ...).  The three-letter stems below are found by a fast literal
# scan (no per-character alternation), and DATE_RE is only tried at those few positions.
_STEM = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")
_PREP_BACK = (6, 5, 4, 3)
# In the Latin-1 twin the first letters of the stems become "#": candidates found by a literal search
# (a superset of the stems, each checked with _STEM).
_STEM_MARKS = mark_table({b"JFMASONDTW": b"#"}, None)
_MARKED_STEM = re.compile(rb"#(?:an|eb|a[ry]|pr|u[nl]|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at|un)")
FUTURE_CUES = re.compile(r"\b(?:next|will|would|is set to|are set to|scheduled|plans? to|upcoming)\b")


def _month_no(token: str) -> int:
    return MONTHS[lower(token).rstrip(".")[:3]]


def _nearest_year(month: int, day: int, pub: date) -> date | None:
    best: date | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - pub).days) < abs((best - pub).days):
            best = cand
    return best


def _weekday(wd: int, pub: date, context: str) -> date:
    back = (pub.weekday() - wd) % 7
    if "last " in context[-6:]:
        days = -(back or 7)
    elif FUTURE_CUES.search(context):
        days = (wd - pub.weekday()) % 7 or 7
    else:
        days = -back
    try:
        return pub + timedelta(days=days)
    except OverflowError:  # a publication date at the very edge of the calendar (0001-01-01)
        return pub


def _stems(text: str, twin: bytes | None) -> list[int]:
    """Start of every ``_STEM`` match in ``text`` (they cannot overlap); ``twin``: its Latin-1 twin."""
    if twin is None:
        return [m.start() for m in _STEM.finditer(text)]
    stem = _STEM.match
    return [p for m in _MARKED_STEM.finditer(twin.translate(_STEM_MARKS)) if stem(text, p := m.start())]


def date_matches(text: str, twin: bytes | None = None) -> list[re.Match[str]]:
    """Exactly ``list(DATE_RE.finditer(text))``, trying DATE_RE only where a match can start.
    ``twin``: ``byte_scan.latin1_twin(text)`` if the caller has it."""
    starts: set[int] = set()
    for p in _stems(text, twin if twin is not None else latin1_twin(text)):
        starts.add(p)
        if p >= 3 and text[p - 1] == " ":
            starts.update(p - k for k in _PREP_BACK if p >= k)
    return matches_at(DATE_RE, text, sorted(starts))


def _matches(
    paragraphs: Sequence[tuple[int, int, str]], body: str | None, twin: bytes | None
) -> Iterator[tuple[int, int, int, str, re.Match[str]]]:
    """(paragraph idx, its start in ``text``, offset of ``text`` in the body, text, match) of every
    DATE_RE match.  One scan of ``body`` when it is the joined paragraphs (``paragraphs.is_body``):
    a match crosses at most one whitespace character, never the blank line between paragraphs."""
    if body is not None and is_body(paragraphs, body):
        starts = [base for _, base, _ in paragraphs]
        for m in date_matches(body, twin):
            i = bisect_right(starts, m.start()) - 1
            yield paragraphs[i][0], starts[i], 0, body, m
        return
    for idx, base, text in paragraphs:
        for m in date_matches(text):
            yield idx, 0, base, text, m


def extract_dates(
    paragraphs: Sequence[tuple[int, int, str]],
    published: date | None,
    body: str | None = None,
    twin: bytes | None = None,
) -> list[DateMention]:
    """``body``: the article body, if the paragraphs are its blank-line separated pieces (scanned at once);
    ``twin``: its Latin-1 twin (``byte_scan.latin1_twin``)."""
    out: list[DateMention] = []
    for idx, para_start, base, text, m in _matches(paragraphs, body, twin):
        resolved: str | None = None
        start = m.start()
        if m.group("wd"):
            if published is not None:
                sent_start = max(text.rfind(". ", para_start, start), para_start)
                wd = WEEKDAYS[lower(m.group("wd"))]
                resolved = _weekday(wd, published, text[sent_start:start]).isoformat()
        elif m.group("lone"):
            start = m.start("lone")
            month = _month_no(m.group("month2"))
            if published is not None:
                prep = lower(m.group("prep").strip())
                year = published.year
                if prep == "next" or (prep != "last" and month > published.month and prep == "this"):
                    year += 1 if month <= published.month else 0
                elif month > published.month:
                    year -= 1
                resolved = f"{year:04d}-{month:02d}"
        else:
            month = _month_no(m.group("month"))
            if m.group("myear"):
                resolved = f"{m.group('myear')}-{month:02d}"
            elif m.group("year"):
                try:
                    resolved = date(int(m.group("year")), month, int(m.group("day"))).isoformat()
                except ValueError:
                    resolved = None
            elif published is not None:
                d = _nearest_year(month, int(m.group("day")), published)
                resolved = d.isoformat() if d else None
        out.append(
            trusted(
                DateMention,
                {
                    "text": text[start : m.end()],
                    "resolved": resolved,
                    "para": idx,
                    "start": base + start,
                    "end": base + m.end(),
                },
            )
        )
    return out
