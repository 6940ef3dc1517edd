"""Scanning the body once instead of paragraph by paragraph (one regex pass, one Python call)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def is_body(paragraphs: Sequence[tuple[int, int, str]], body: str) -> bool:
    """Is ``body`` the (idx, char_start, text) ``paragraphs`` joined by blank lines, each at its offset?

    Then a pattern that cannot match across ``\\n\\n`` and sees a paragraph's start and end like those of
    a string (``\\n`` is neither a word character nor in its look-behind classes) finds exactly the
    matches of the paragraphs one by one in a single scan of the body.
    """
    if not paragraphs:
        return False
    pos = 0
    for _, base, text in paragraphs:
        if base != pos:
            return False
        pos += len(text) + 2
    return body == "\n\n".join([text for _, _, text in paragraphs])


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``pattern`` matched only at the candidate ``starts`` (ascending), non-overlapping like ``finditer``.

    Equal to ``list(pattern.finditer(text))`` when ``starts`` contains every position a match can begin.
    """
    out: list[re.Match[str]] = []
    pos = 0
    match = pattern.match
    for s in starts:
        if s >= pos:
            m = match(text, s)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out
