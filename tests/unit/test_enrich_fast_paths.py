"""The fast enrichment paths give exactly what the plain implementations they replaced give.

Reference implementations (the previous code, kept here only as oracles): the Aho-Corasick gazetteer
filter (``gazetteer.scan_all``), the TF-IDF keyword scoring of every word, the simhash from 64-bit word
copies, and the tokenisers without the Latin-1 twin.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import filterfalse, repeat
from operator import mul, truediv

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.enrich_fixtures import dev_articles
from worker.models.enrichment import Keyword
from worker.pipeline.enrich import load_tables
from worker.pipeline.enrich.byte_scan import latin1_twin
from worker.pipeline.enrich.gazetteer import scan, scan_all
from worker.pipeline.enrich.identity import _WORD_TABLES, simhash_tokens
from worker.pipeline.enrich.keywords import TOP_N, top_keywords
from worker.pipeline.enrich.language import detect_language
from worker.pipeline.enrich.tokens import latin1_letter_words, letter_words, words

TABLES = load_tables()
SURFACES = sorted(TABLES.terms)
PIECES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
    st.sampled_from(SURFACES),
    st.sampled_from([s for _, s in TABLES.rare_surfaces]),
    st.sampled_from([*" ,.-'’‘“”—\n", "the ", " and ", "de ", "la ", "1,000", "é", "ū", "İ", "Σ", "١٢"]),
)
TEXT = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=TEXT)
def test_gazetteer_regex_equals_the_aho_corasick_filter(text: str) -> None:
    expected = scan_all(text, TABLES)
    assert scan(text, TABLES) == expected
    assert scan(text, TABLES, latin1_twin(text)) == expected


def test_gazetteer_regex_equals_the_aho_corasick_filter_on_the_corpus() -> None:
    for _, article in dev_articles():
        for text in (article.body_text, article.headline):
            assert scan(text, TABLES, latin1_twin(text)) == scan_all(text, TABLES)


@settings(max_examples=600, deadline=None)
@given(text=TEXT)
def test_latin1_twin_keeps_offsets_and_the_fast_tokenisers_agree(text: str) -> None:
    twin = latin1_twin(text)
    if twin is not None:
        assert len(twin) == len(text)
        assert all(ch == chr(b) for ch, b in zip(text, twin, strict=True) if ord(ch) < 256)
        assert latin1_letter_words(twin, 400) == letter_words(text)[:400]
        assert latin1_letter_words(twin, 3) == letter_words(text)[:3]
    assert words(text, twin) == words(text)
    for sample in (text, text * 40):  # (longer than the language window)
        with_twin = detect_language(sample, TABLES.language_stopwords, latin1_twin(sample))
        assert with_twin == detect_language(sample, TABLES.language_stopwords)


def test_only_ascii_digits_are_decimal_in_latin1() -> None:
    """The digit scan of the Latin-1 twin marks 0-9 only: no other Latin-1 character is ``\\d``."""
    assert [c for c in range(256) if re.match(r"\d", chr(c))] == list(range(0x30, 0x3A))


def _reference_keywords(
    counts: Counter[str],
    entity_names: Iterable[tuple[str, int]],
    drop: frozenset[str],
    idf: dict[str, float],
    docs: int,
) -> list[Keyword]:
    words_ = list(filterfalse(drop.__contains__, counts))
    ns = list(map(counts.__getitem__, words_))
    total = sum(ns) or 1
    idf0 = math.log(docs + 1)
    tf = map(truediv, ns, repeat(total))
    scores = dict(zip(words_, map(mul, tf, map(idf.get, words_, repeat(idf0))), strict=True))
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
    return [Keyword(kw=k, score=round(v, 4)) for k, v in best]


VOCAB = ["the", "said", "war", "gaza", "ukraine", "zzqx", "qqzy", "police", "smith", "john", "of", "al"]
NAMES = ["John Smith", "Smith", "Gaza", "Al Qaeda", "Zzqx Qqzy", "The Police"]


@settings(max_examples=500, deadline=None)
@given(
    counts=st.dictionaries(st.sampled_from(VOCAB), st.integers(1, 6), max_size=len(VOCAB)),
    extra=st.integers(0, 30),
    names=st.lists(st.tuples(st.sampled_from(NAMES), st.integers(1, 5)), max_size=5),
)
def test_keywords_equal_scoring_every_word(
    counts: dict[str, int], extra: int, names: list[tuple[str, int]]
) -> None:
    counter = Counter(counts)
    for i in range(extra):  # words seen once or twice, missing from the background (equal idf: ties)
        counter[f"unseen{i:02d}"] = 1 + i % 2
    args = (counter, names, TABLES.keyword_drop, TABLES.keyword_idf, TABLES.background_docs)
    assert top_keywords(*args) == _reference_keywords(*args)


def test_keywords_equal_scoring_every_word_on_the_corpus() -> None:
    for _, article in dev_articles():
        counts = Counter(words(article.body_text))
        names = [(w.title(), n) for w, n in counts.most_common(12)[::3]]
        args = (counts, names, TABLES.keyword_drop, TABLES.keyword_idf, TABLES.background_docs)
        assert top_keywords(*args) == _reference_keywords(*args)


def _reference_simhash(tokens: list[str]) -> int:
    if len(tokens) < 3:
        tokens = tokens + [""] * (3 - len(tokens))
    n = len(tokens) - 2
    rows = memoryview(b"".join(map(_WORD_TABLES.__getitem__, tokens))).cast("Q")
    counts = [0] * 64
    for k in range(n):
        h = rows[3 * k] ^ rows[3 * (k + 1) + 1] ^ rows[3 * (k + 2) + 2]
        for i in range(64):
            counts[i] += h >> i & 1
    return sum(1 << i for i in range(64) if counts[i] > n // 2)


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(st.sampled_from(["", "a", "the", "war", "x-y", "o'neil", "said"]), max_size=60))
def test_simhash_equals_counting_every_shingle(tokens: list[str]) -> None:
    assert simhash_tokens(tokens) == _reference_simhash(tokens)


def test_simhash_equals_counting_every_shingle_on_the_corpus() -> None:
    for _, article in dev_articles()[:40]:
        tokens = words(article.body_text)
        assert simhash_tokens(tokens) == _reference_simhash(tokens)
