"""Keywords: TF-IDF of words and entity names against the shipped background document frequencies."""

from __future__ import annotations

import heapq
import math
import string
from collections import Counter
from collections.abc import Iterable
from itertools import filterfalse, repeat
from operator import mul, truediv

from worker.models.enrichment import Keyword
from worker.models.trusted import trusted

TOP_N = 10
_WORD_START = string.ascii_lowercase
_WORD_REST = string.ascii_lowercase + "'-"
# every token of ``tokens.words`` with <= 2 characters: never a keyword
SHORT_TOKENS = frozenset([*_WORD_START, *(a + b for a in _WORD_START for b in _WORD_REST)])


def idf_table(df: dict[str, int], docs: int) -> dict[str, float]:
    """word -> log((docs + 1) / (df + 1)) for every background word (built once with the tables)."""
    return {word: math.log((docs + 1) / (n + 1)) for word, n in df.items()}


def top_keywords(
    counts: Counter[str],
    entity_names: Iterable[tuple[str, int]],
    drop: frozenset[str],
    idf: dict[str, float],
    docs: int,
) -> list[Keyword]:
    """``counts``: token counts of the body (``tokens.words``); ``drop``: stopwords and
    ``SHORT_TOKENS``; ``idf``: ``idf_table`` of the background document frequencies."""
    words = list(filterfalse(drop.__contains__, counts))
    ns = list(map(counts.__getitem__, words))
    total = sum(ns) or 1
    idf0 = math.log(docs + 1)  # a word missing from the background (df 0)
    tf = map(truediv, ns, repeat(total))
    scores = dict(zip(words, map(mul, tf, map(idf.get, words, repeat(idf0))), strict=True))
    for name, n in entity_names:
        key = name.lower()
        name_idf = idf.get(key.split(" ")[-1], idf0)
        scores[key] = max(scores.get(key, 0.0), 1.5 * (n / total) * name_idf)
        for part in key.split(" "):
            scores.pop(part, None)
    items: Iterable[tuple[str, float]] = scores.items()
    if len(scores) > TOP_N:
        cutoff = heapq.nlargest(TOP_N, scores.values())[-1]
        items = [kv for kv in scores.items() if kv[1] >= cutoff]
    best = sorted(items, key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
    return [trusted(Keyword, {"kw": k, "score": round(v, 4)}) for k, v in best]
