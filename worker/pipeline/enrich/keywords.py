"""Keywords: TF-IDF of words and entity names against the shipped background document frequencies.

A word scores ``(n / total) * idf`` (``total``: the body's tokens that can be keywords); an entity name
``1.5 * (n / total) * idf(last word)`` and it removes its words.  The ten best (score, then text) win.

Only the words that can reach the top ten get an exact score.  They are ranked first by ``n * idf``,
which orders them like the score up to float rounding (a relative 1e-9 margin covers that), and the
words seen once are looked at only when the tenth best repeated word does not beat every possible
single word (``idf`` is at most that of a word missing from the background).
"""

from __future__ import annotations

import heapq
import math
import string
from collections import Counter
from collections.abc import Iterable
from itertools import compress, filterfalse, repeat
from operator import gt, mul

from worker.models.enrichment import Keyword
from worker.models.trusted import trusted

TOP_N = 10
_WORD_START = string.ascii_lowercase
_WORD_REST = string.ascii_lowercase + "'-"
# every token of ``tokens.words`` with <= 2 characters: never a keyword
SHORT_TOKENS = frozenset([*_WORD_START, *(a + b for a in _WORD_START for b in _WORD_REST)])
_MARGIN = 1e-9  # n * idf versus (n / total) * idf: a few ulps apart at most (relative)


def idf_table(df: dict[str, int], docs: int) -> dict[str, float]:
    """word -> log((docs + 1) / (df + 1)) for every background word (built once with the tables)."""
    return {word: math.log((docs + 1) / (n + 1)) for word, n in df.items()}


def _ranks(words: list[str], counts: Counter[str], idf: dict[str, float], idf0: float) -> dict[str, float]:
    """word -> n * idf."""
    ranks = map(mul, map(counts.__getitem__, words), map(idf.get, words, repeat(idf0)))
    return dict(zip(words, ranks, strict=True))


def _tenth(ranked: dict[str, float]) -> float:
    """A little below the tenth largest rank (-inf with fewer words): no word under it can make it."""
    if len(ranked) < TOP_N:
        return -math.inf
    tenth = heapq.nlargest(TOP_N, ranked.values())[-1]
    return tenth - abs(tenth) * _MARGIN


def top_keywords(
    counts: Counter[str],
    entity_names: Iterable[tuple[str, int]],
    drop: frozenset[str],
    idf: dict[str, float],
    docs: int,
) -> list[Keyword]:
    """``counts``: token counts of the body (``tokens.words``); ``drop``: stopwords and
    ``SHORT_TOKENS``; ``idf``: ``idf_table`` of the background document frequencies."""
    idf0 = math.log(docs + 1)  # a word missing from the background (df 0): the largest idf
    words = list(filterfalse(drop.__contains__, counts))
    ns = list(map(counts.__getitem__, words))
    total = sum(ns) or 1
    # Entity names: a name scores by its last word and removes its words.  (A one-word name would
    # overwrite its word's score and then remove it as its own word: it only removes the word.)
    named: dict[str, float] = {}  # entity name (with a space) -> score
    popped: set[str] = set()
    for name, n in entity_names:
        key = name.lower()
        if " " in key:
            parts = key.split(" ")
            named[key] = max(named.get(key, 0.0), 1.5 * (n / total) * idf.get(parts[-1], idf0))
            popped.update(parts)
        else:
            popped.add(key)
    repeated = [w for w in compress(words, map(gt, ns, repeat(1))) if w not in popped]
    ranked = _ranks(repeated, counts, idf, idf0)
    floor = _tenth(ranked)
    if idf0 >= floor:  # a word seen once may still make it
        ranked = _ranks([w for w in words if w not in popped], counts, idf, idf0)
        floor = _tenth(ranked)
    scores = {word: (counts[word] / total) * idf.get(word, idf0) for word, r in ranked.items() if r >= floor}
    scores.update(named)
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
    return [trusted(Keyword, {"kw": k, "score": round(v, 4)}) for k, v in best]
