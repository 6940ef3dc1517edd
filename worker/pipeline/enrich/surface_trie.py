"""One regex for all gazetteer surfaces, shaped as a trie, that finds what ``gazetteer.scan`` keeps.

``finditer`` of the pattern gives, left to right, the longest surface at each position that starts and
ends on a word boundary (``str.isalnum`` neighbours, checked only where the surface's own first/last
character is alphanumeric), skipping past each match: the leftmost-longest, non-overlapping whole-word
matches that the Aho-Corasick scan keeps after sorting and filtering all raw matches.

Trie shape: siblings differ in their first character, so at most one of them matches and the regex
engine never explores more than one path; a surface that is a prefix of longer ones is an optional
tail (tried longest first, backtracking to the shorter one when a longer one fails its boundary check).
Given surfaces that start with capital letters (``gazetteer`` handles the rest another way), the engine
jumps from capital to capital with a fast character-set scan; the look-behind sits after the first
character for that reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_Trie = dict[str, "_Trie"]  # character -> subtree; ``_END`` marks the end of a surface
_NOT_BEFORE = r"(?<![^\W_].)"  # after the first character: the one before it is not alphanumeric
_NOT_AFTER = r"(?![^\W_])"  # the next character is not alphanumeric


def _continuation(node: _Trie, last: str) -> str:
    """Regex for the rest of the surfaces below ``node`` (reached by the character ``last``)."""
    branches = [re.escape(ch) + _continuation(child, ch) for ch, child in sorted(node.items()) if ch]
    tail = _NOT_AFTER if last.isalnum() else ""
    if not branches:
        return tail
    longer = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return longer
    return f"(?:{longer}|{tail})" if tail else f"(?:{longer})?"


def surface_pattern(surfaces: Iterable[str]) -> str:
    """The trie regex of the non-empty ``surfaces``."""
    trie: _Trie = {}
    for surface in surfaces:
        node = trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return "|".join(
        re.escape(ch) + (_NOT_BEFORE if ch.isalnum() else "") + _continuation(child, ch)
        for ch, child in sorted(trie.items())
    )
