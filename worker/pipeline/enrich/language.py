"""Language: share of tokens that are frequent function words of each language (no model, no I/O)."""

from __future__ import annotations

from collections import Counter

from worker.models.enrichment import Language
from worker.models.trusted import trusted
from worker.pipeline.enrich.tokens import latin1_letter_words, letter_words

MAX_TOKENS = 400
WINDOW = 4000  # characters from the start of the text
_FIRST_TRY = 2500  # usually holds > MAX_TOKENS tokens, so the rest of the window is never tokenised


def _tokens(text: str, twin: bytes | None) -> list[str]:
    """The first ``MAX_TOKENS`` letter runs (``tokens.LETTERS_RE``) of ``text[:WINDOW].lower()``
    (``twin``: ``byte_scan.latin1_twin(text)``, if any)."""
    if twin is not None:
        return latin1_letter_words(twin[:WINDOW], MAX_TOKENS)
    window = text[:WINDOW]
    tokens = letter_words(window[:_FIRST_TRY])
    if len(tokens) <= MAX_TOKENS and len(window) > _FIRST_TRY:
        # with > MAX_TOKENS tokens in the prefix the first MAX_TOKENS are complete; else redo it all
        tokens = letter_words(window)
    return tokens[:MAX_TOKENS]


def _word_languages(stopwords: dict[str, frozenset[str]]) -> dict[str, tuple[int, ...]]:
    """word -> indices (in ``stopwords`` order) of the languages it is a function word of, memoised."""
    cached = _LANGUAGES_OF.get(id(stopwords))
    if cached is not None and cached[0] is stopwords:
        return cached[1]
    index: dict[str, tuple[int, ...]] = {}
    for i, words in enumerate(stopwords.values()):
        for word in words:
            index[word] = (*index.get(word, ()), i)
    if len(_LANGUAGES_OF) > 8:
        _LANGUAGES_OF.clear()
    _LANGUAGES_OF[id(stopwords)] = (stopwords, index)
    return index


_LANGUAGES_OF: dict[int, tuple[dict[str, frozenset[str]], dict[str, tuple[int, ...]]]] = {}


def detect_language(text: str, stopwords: dict[str, frozenset[str]], twin: bytes | None = None) -> Language:
    """``twin``: ``byte_scan.latin1_twin(text)`` if the caller has it."""
    tokens = _tokens(text, twin)
    if not tokens:
        return trusted(Language, {"code": "und", "score": 0.0})
    # hits per language: the function words counted, then each added to its languages
    languages = _word_languages(stopwords)
    per_language = [0] * len(stopwords)
    for word, n in Counter(filter(languages.__contains__, tokens)).items():
        for i in languages[word]:
            per_language[i] += n
    best, best_hits, second = "und", 0, 0
    for code, hits in zip(stopwords, per_language, strict=True):
        if hits > best_hits:
            best, best_hits, second = code, hits, best_hits
        elif hits > second:
            second = hits
    if best_hits == 0:
        return trusted(Language, {"code": "und", "score": 0.0})
    coverage = min(1.0, best_hits / (0.25 * len(tokens)))
    margin = (best_hits - second) / best_hits
    return trusted(Language, {"code": best, "score": round(coverage * (0.5 + 0.5 * margin), 3)})
