"""Numbers: money, percentages, counts with their unit noun, years; dates are left to ``dates.py``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from worker.models.enrichment import NumberKind, NumberMention
from worker.models.trusted import trusted
from worker.pipeline.enrich.byte_scan import latin1_twin, mark_table
from worker.pipeline.enrich.paragraphs import is_body, matches_at
from worker.pipeline.enrich.text_case import lower

SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
}
CURRENCY = {
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "US$": "USD",
    "EUR": "EUR",
    "USD": "USD",
    "GBP": "GBP",
}
NUMBER_RE = re.compile(
    r"(?P<cur>US\$|[$£€¥]|\b(?:EUR|USD|GBP) ?)?"
    r"(?<![\w.,-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<range> ?(?:to|-|–) ?[$£€]?\d[\d,.]*))?"
    r"(?:[ -]?(?P<scale>thousand|million|billion|trillion|bn|[kmMbB]\b))?"
    r"(?P<pct> ?%| percent| per cent)?"
    r"(?:[ -](?P<unit>[a-z][a-z-]{2,})s?\b)?"
)
# A NUMBER_RE match starts at the first digit of a digit run, or at a currency marker right before one
# ("$", "US$", "EUR", "USD ").  Digit runs are found by a fast scan and NUMBER_RE is tried only there.
_DIGIT_RUN = re.compile(r"\d\d*")
# the same runs in the Latin-1 twin (``\d`` there is exactly 0-9), digits marked "0" and the rest blank
_DIGIT_MARKS = mark_table({b"0123456789": b"0"}, b" ")
_MARKED_RUN = re.compile(rb"00*")
_CODES = frozenset({"EUR", "USD", "GBP"})
_SYMBOLS = "$£€¥"
_CODE_ENDS = _SYMBOLS + "RDP"  # last characters of a currency marker before the digits
_CENTURIES = ("19", "20")
UNIT_STOP = frozenset(
    {
        "and",
        "the",
        "with",
        "for",
        "from",
        "that",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "will",
        "but",
        "who",
        "in",
        "of",
        "on",
        "at",
        "to",
        "or",
        "as",
        "by",
        "is",
        "than",
        "this",
        "its",
        "their",
        "after",
        "before",
        "when",
    }
)


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= SCALE.get(lower(scale), 1.0)
    return value


def _digit_runs(text: str, twin: bytes | None) -> list[int]:
    """Start of every maximal run of decimal digits (``\\d``) in ``text`` (``twin``: its Latin-1 twin)."""
    if twin is None:
        return [m.start() for m in _DIGIT_RUN.finditer(text)]
    return [m.start() for m in _MARKED_RUN.finditer(twin.translate(_DIGIT_MARKS))]


def number_matches(text: str, twin: bytes | None = None) -> list[re.Match[str]]:
    """Exactly ``list(NUMBER_RE.finditer(text))``, trying NUMBER_RE only where a match can start.
    ``twin``: ``byte_scan.latin1_twin(text)`` if the caller has it."""
    starts: list[int] = []
    for d in _digit_runs(text, twin if twin is not None else latin1_twin(text)):
        before = text[d - 1] if d else " "
        if before == " ":  # "EUR 5"
            if d >= 4 and text[d - 4 : d - 1] in _CODES:
                starts.append(d - 4)
        elif before in _CODE_ENDS:  # "US$5", "EUR5" ("US$", "EUR", "USD", "GBP" end in one of these)
            if d >= 3 and (text[d - 3 : d] == "US$" or text[d - 3 : d] in _CODES):
                starts.append(d - 3)
            if before in _SYMBOLS:  # "$5"
                starts.append(d - 1)
        starts.append(d)
    return matches_at(NUMBER_RE, text, starts)


def _matches(
    paragraphs: Sequence[tuple[int, int, str]], body: str | None, twin: bytes | None
) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    """(paragraph idx, offset of ``text`` in the body, text, match) of every NUMBER_RE match.

    One scan of ``body`` when it is the joined paragraphs (``paragraphs.is_body``): NUMBER_RE never
    matches a line break.
    """
    if body is not None and is_body(paragraphs, body):
        starts = [base for _, base, _ in paragraphs]
        for m in number_matches(body, twin):
            yield paragraphs[bisect_right(starts, m.start()) - 1][0], 0, body, m
        return
    for idx, base, text in paragraphs:
        for m in number_matches(text):
            yield idx, base, text, m


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    # a loop, not any() over a generator: called for every number, and ~1 µs cheaper
    for s, e in taken:  # noqa: SIM110
        if s <= start < e or s < end <= e:
            return True
    return False


def extract_numbers(
    paragraphs: Sequence[tuple[int, int, str]],
    taken: Sequence[tuple[int, int]],
    body: str | None = None,
    twin: bytes | None = None,
) -> list[NumberMention]:
    """``taken``: body spans already used by dates (skipped here); ``body``: the article body, if the
    paragraphs are its blank-line separated pieces (scanned at once); ``twin``: its Latin-1 twin."""
    out: list[NumberMention] = []
    for idx, base, text, m in _matches(paragraphs, body, twin):
        m_start, m_end = m.span()
        start, end = base + m_start, base + m_end
        if taken and _overlaps(start, end, taken):
            continue
        cur, num, _, scale, pct, unit = m.groups()
        value = _value(num, scale)
        kind: NumberKind
        unit_out: str | None = None
        if cur:
            kind, unit_out = "money", CURRENCY.get(cur.strip(), cur.strip())
        elif pct:
            kind, unit_out = "percent", "%"
        elif unit and unit not in UNIT_STOP:
            kind, unit_out = "count", unit
        elif not scale and len(num) == 4 and num[:2] in _CENTURIES and num.isdecimal():
            kind = "year"  # num matches (?:19|20)\d\d
        else:
            kind = "number"
        if kind != "count" and unit:
            end = base + m.start("unit") - 1
        text_out = text[m_start : end - base].strip()
        out.append(
            trusted(
                NumberMention,
                {
                    "text": text_out,
                    "value": value,
                    "unit": unit_out,
                    "kind": kind,
                    "para": idx,
                    "start": start,
                    "end": start + len(text_out),
                },
            )
        )
    return out
