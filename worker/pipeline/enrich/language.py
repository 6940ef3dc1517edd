"""Language: share of tokens that are frequent function words of each language (no model, no I/O)."""

from __future__ import annotations

import re

from worker.models.enrichment import Language

TOKEN_RE = re.compile(r"[^\W\d_]+")
MAX_TOKENS = 400


def detect_language(text: str, stopwords: dict[str, frozenset[str]]) -> Language:
    tokens = TOKEN_RE.findall(text[:4000].lower())[:MAX_TOKENS]
    if not tokens:
        return Language(code="und", score=0.0)
    best, best_hits, second = "und", 0, 0
    for code, words in stopwords.items():
        hits = sum(1 for t in tokens if t in words)
        if hits > best_hits:
            best, best_hits, second = code, hits, best_hits
        elif hits > second:
            second = hits
    if best_hits == 0:
        return Language(code="und", score=0.0)
    coverage = min(1.0, best_hits / (0.25 * len(tokens)))
    margin = (best_hits - second) / best_hits
    return Language(code=best, score=round(coverage * (0.5 + 0.5 * margin), 3))
