"""Language: share of tokens that are frequent function words of each language (no model, no I/O)."""

from __future__ import annotations

from collections import Counter
from itertools import repeat

from worker.models.enrichment import Language
from worker.pipeline.enrich.tokens import letter_words

MAX_TOKENS = 400
WINDOW = 4000  # characters from the start of the text
_FIRST_TRY = 2500  # usually holds > MAX_TOKENS tokens, so the rest of the window is never tokenised


def _tokens(text: str) -> list[str]:
    """The first ``MAX_TOKENS`` letter runs (``tokens.LETTERS_RE``) of ``text[:WINDOW].lower()``."""
    window = text[:WINDOW]
    tokens = letter_words(window[:_FIRST_TRY])
    if len(tokens) <= MAX_TOKENS and len(window) > _FIRST_TRY:
        # with > MAX_TOKENS tokens in the prefix the first MAX_TOKENS are complete; else redo it all
        tokens = letter_words(window)
    return tokens[:MAX_TOKENS]


def detect_language(text: str, stopwords: dict[str, frozenset[str]]) -> Language:
    tokens = _tokens(text)
    if not tokens:
        return Language(code="und", score=0.0)
    counts = Counter(tokens)
    best, best_hits, second = "und", 0, 0
    for code, words in stopwords.items():
        hits = sum(map(counts.get, words, repeat(0)))
        if hits > best_hits:
            best, best_hits, second = code, hits, best_hits
        elif hits > second:
            second = hits
    if best_hits == 0:
        return Language(code="und", score=0.0)
    coverage = min(1.0, best_hits / (0.25 * len(tokens)))
    margin = (best_hits - second) / best_hits
    return Language(code=best, score=round(coverage * (0.5 + 0.5 * margin), 3))
