"""Scanning the body once instead of paragraph by paragraph (one regex pass, one Python call)."""

from __future__ import annotations

from collections.abc import Sequence


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
