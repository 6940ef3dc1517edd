"""Aho-Corasick gazetteer scan: whole-word, longest, non-overlapping matches of known terms."""

from __future__ import annotations

from dataclasses import dataclass

from worker.pipeline.enrich.tables import EnrichTables, Term


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int
    end: int


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def scan(text: str, tables: EnrichTables) -> list[Hit]:
    """All whole-word matches, keeping the longest (then leftmost) of overlapping ones."""
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
