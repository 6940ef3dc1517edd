"""Keywords: TF-IDF of words and entity names against the shipped background document frequencies."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from worker.models.enrichment import Keyword

WORD_RE = re.compile(r"[a-z][a-z'-]+")
TOP_N = 10


def top_keywords(
    body_lower: str,
    entity_names: Iterable[tuple[str, int]],
    stopwords: frozenset[str],
    df: dict[str, int],
    docs: int,
) -> list[Keyword]:
    counts = Counter(w for w in WORD_RE.findall(body_lower) if len(w) > 2 and w not in stopwords)
    total = sum(counts.values()) or 1
    scores: dict[str, float] = {}
    for word, n in counts.items():
        scores[word] = (n / total) * math.log((docs + 1) / (df.get(word, 0) + 1))
    for name, n in entity_names:
        key = name.lower()
        idf = math.log((docs + 1) / (df.get(key.split(" ")[-1], 0) + 1))
        scores[key] = max(scores.get(key, 0.0), 1.5 * (n / total) * idf)
        for part in key.split(" "):
            scores.pop(part, None)
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
    return [Keyword(kw=k, score=round(v, 4)) for k, v in best]
