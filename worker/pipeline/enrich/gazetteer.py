"""Gazetteer scan: whole-word, longest, non-overlapping matches of known terms.

``scan`` runs the trie regex of ``surface_trie`` (one C-level pass that jumps between capital letters);
``scan_all`` is the reference it equals: every Aho-Corasick match, filtered to whole words, then the
longest (then leftmost) of overlapping ones.  The few surfaces that do not start with a capital letter
are not in the regex; a text containing one of them goes through ``scan_all``.
"""

from __future__ import annotations

from typing import NamedTuple

from worker.pipeline.enrich.tables import EnrichTables, Term


class Hit(NamedTuple):  # (a tuple: a dozen or more per article, cheaper to make than a dataclass)
    term: Term
    start: int
    end: int


def scan(text: str, tables: EnrichTables, twin: bytes | None = None) -> list[Hit]:
    """All whole-word matches, keeping the longest (then leftmost) of overlapping ones.

    ``twin``: ``byte_scan.latin1_twin(text)`` if the caller has it.  A text with a twin holds only
    Latin-1 characters and blanked punctuation, so only the rare surfaces with a twin can occur in it,
    and only where their twin occurs in the text's twin (a cheaper search; a false alarm costs time)."""
    if twin is None:
        for probe, surface in tables.rare_surfaces:
            if probe in text and surface in text:  # (a one-character search first: far cheaper)
                return scan_all(text, tables)
    else:
        for rare in tables.rare_latin1:
            if rare in twin:
                return scan_all(text, tables)
    term = tables.terms.__getitem__
    return [Hit(term(m.group()), m.start(), m.end()) for m in tables.surface_re.finditer(text)]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def scan_all(text: str, tables: EnrichTables) -> list[Hit]:
    """``scan`` by filtering every Aho-Corasick match of every surface."""
    found: list[tuple[int, int, Term]] = []
    n = len(text)
    for end_idx, term in tables.automaton.iter(text):
        start = end_idx - len(term.surface) + 1
        end = end_idx + 1
        if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(term.surface[0]):
            continue
        if end < n and _is_word_char(text[end]) and _is_word_char(term.surface[-1]):
            continue
        found.append((start, end, term))
    if not found:
        return []
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    hits: list[Hit] = []
    last_end = -1
    for start, end, term in found:
        if start < last_end:
            continue
        hits.append(Hit(term, start, end))
        last_end = end
    return hits


def with_org_places(hits: list[Hit], org_places: dict[str, tuple[tuple[int, Term], ...]]) -> list[Hit]:
    """``hits`` with each organisation that names a place replaced by those places (for countries only:
    ``The New York Times`` counts US, as ``New York``)."""
    if not org_places or not any(h.term.surface in org_places for h in hits):
        return hits
    out: list[Hit] = []
    for h in hits:
        inner = org_places.get(h.term.surface)
        if inner is None:
            out.append(h)
        else:
            out.extend(Hit(term, h.start + off, h.start + off + len(term.surface)) for off, term in inner)
    return out
