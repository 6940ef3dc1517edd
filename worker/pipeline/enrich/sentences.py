"""Sentence ends in English news copy: not after abbreviations (``Sen.``, ``U.S.``) or initials."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TERMINATOR = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])|[.!?][\"”’)]*\s*$")
ABBREV = _words(
    """
    Mr Ms Mrs Dr St Sen Gov Rep Gen Lt Col Sgt Jr Sr No Prof Capt Maj Adm Supt Rev Jan Feb Mar Apr
    Aug Sept Sep Oct Nov Dec Inc Corp Co Ltd Mt Ft Ave vs Bros
    """
)


def is_abbrev(text: str, end: int) -> bool:
    """Does the period at ``text[end]`` close an abbreviation (``U.S.``, ``Sen.``, an initial)?"""
    start = text.rfind(" ", 0, end) + 1
    newline = text.rfind("\n", start, end)  # only inside the last word: no scan of the whole text
    if newline >= 0:
        start = newline + 1
    word = text[start:end].lstrip('("“‘')
    return word in ABBREV or (len(word) == 1 and word.isupper()) or "." in word


def last_terminator(text: str) -> int:
    """Index just after the last sentence end in ``text`` (0 if none)."""
    i = len(text)
    rfind, match = text.rfind, TERMINATOR.match
    while True:  # from the end: the last mark that ends a sentence
        end = i
        i = rfind(".", 0, end)
        i = max(i, rfind("!", i + 1, end))  # the others only after it: no scan of the whole text
        i = max(i, rfind("?", i + 1, end))
        if i < 0:
            return 0
        m = match(text, i)
        if m is not None and (text[i] != "." or not is_abbrev(text, i)):
            return m.end()


def first_terminator(text: str) -> int:
    """Index of the first sentence end in ``text`` (``len(text)`` if none)."""
    for m in TERMINATOR.finditer(text):
        if text[m.start()] == "." and is_abbrev(text, m.start()):
            continue
        return m.start()
    return len(text)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of ``text``, not split after abbreviations or initials."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in TERMINATOR.finditer(text):
        if text[m.start()] == "." and is_abbrev(text, m.start()):
            continue
        out.append((start, text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out
