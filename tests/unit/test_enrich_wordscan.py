"""The C loops of enrichment (``_wordscan.c``) against their Python references, on any text and in every
str kind (Latin-1, UCS-2, UCS-4), and the Python references against their plain definitions."""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.enrich_fixtures import dev_articles
from worker.pipeline.enrich import identity, tokens
from worker.pipeline.enrich.entities import _PART, CAP_RUN, py_cap_runs
from worker.pipeline.enrich.identity import _WORD_TABLES, clear_word_cache, py_simhash_tokens
from worker.pipeline.enrich.tokens import WORD_RE, py_word_counts, words
from worker.pipeline.enrich.tone import NEGATE, py_indices

# letters of both cases, apostrophes, hyphens, the two characters whose lower case is ASCII (İ, Kelvin
# sign), Latin-1 / UCS-2 / astral letters and punctuation
_ALPHABET = "aZk '-’\u0130\u212a\u0131é\u00dfΣς\u2014\u201c\n\U0001d400\U0001f600ÿ0_"
PIECES = st.one_of(
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12),
    st.text(max_size=8),
    st.sampled_from(["not ", "never ", "the ", "can't ", "DON'T ", "--x ", "'a ", "a-b-'c "]),
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)
_NAME_PARTS = _PART.strip("(?:)").split("|")
KINDS = ("", "\xe9", "\u2019", "\U0001f600")  # appended: make the str Latin-1, UCS-2 or UCS-4


def _compiled() -> ModuleType:
    if not tokens.COMPILED:
        pytest.skip("compiled build not active (no C compiler at install, or NEWS_INGEST_PURE_PYTHON)")
    from worker.pipeline.enrich import _wordscan

    return _wordscan


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_python_word_counts_equal_the_regex(text: str) -> None:
    toks, counts = py_word_counts(text)
    assert toks == WORD_RE.findall(text.lower())
    assert list(counts.items()) == list(Counter(toks).items())


@settings(max_examples=800, deadline=None)
@given(TEXTS)
def test_c_word_counts_equal_the_python_ones(text: str) -> None:
    c = _compiled()
    for kind in KINDS:
        s = text + kind
        toks, counts = c.word_counts(s)
        ref_toks, ref_counts = py_word_counts(s)
        assert toks == ref_toks
        assert list(counts.items()) == list(ref_counts.items())  # first-seen order too
        assert type(counts) is dict and all(type(t) is str for t in toks)
        assert all(t is next(k for k in counts if k == t) for t in toks)  # one str per distinct word


def test_c_word_counts_on_the_corpus_and_long_words() -> None:
    c = _compiled()
    texts = [a.body_text for _, a in dev_articles()]
    texts += ["", "a", "-", "İ", "İİ", "a" * 100_000, "ab " * 5000, " ".join(f"w{i:x}q" for i in range(9000))]
    texts += ["x" * 70000 + "\U0001f600", "Kelvin\u212aX\u0130stanbul", "'-'abc-'-"]
    for text in texts:
        toks, counts = c.word_counts(text)
        assert toks == WORD_RE.findall(text.lower())
        assert list(counts.items()) == list(Counter(toks).items())


def test_c_word_counts_rejects_non_str() -> None:
    c = _compiled()
    with pytest.raises(TypeError):
        c.word_counts(b"bytes")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "the", "news", "", "x-y", "o'neil", "é"]) | st.text(max_size=5)))
def test_c_simhash_equals_the_python_one(toks: list[str]) -> None:
    c = _compiled()
    assert c.simhash(toks, _WORD_TABLES) == py_simhash_tokens(toks)


def test_c_simhash_fills_the_word_cache_and_checks_its_entries() -> None:
    c = _compiled()
    clear_word_cache()
    body = " ".join(a.body_text for _, a in dev_articles()[:3])
    toks = words(body)
    assert c.simhash(toks, _WORD_TABLES) == py_simhash_tokens(toks)  # misses go through __missing__
    assert len(_WORD_TABLES) == len(set(toks))
    for n in range(6):  # texts of fewer than three words are padded with ""
        assert c.simhash(toks[:n], _WORD_TABLES) == py_simhash_tokens(toks[:n])
    assert c.simhash(toks * 3, _WORD_TABLES) == py_simhash_tokens(toks * 3)  # > 255 shingles per block
    with pytest.raises(ValueError):
        c.simhash(["a", "b", "c"], {"a": b"short", "b": b"x" * 24, "c": b"x" * 24})
    with pytest.raises(KeyError):
        c.simhash(["a", "b", "c"], {})
    assert identity.simhash_tokens is identity._c_simhash_tokens


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*NEGATE, "good", "bad", "a"])), st.sets(st.sampled_from([*NEGATE, "a"])))
def test_c_indices_equal_the_python_ones(toks: list[str], present: set[str]) -> None:
    c = _compiled()
    assert c.indices(toks, present) == py_indices(toks, present)
    assert c.indices(toks, frozenset(present)) == py_indices(toks, present)
    assert sys.modules["worker.pipeline.enrich.tone"].indices is c.indices  # (the name is a function)


def test_regex_of_every_character_that_lower_cases_to_ascii() -> None:
    """The C tokeniser knows two characters beyond ASCII whose lower case holds ASCII: check no other."""
    odd = [
        ch
        for ch in map(chr, range(128, 0x110000))
        if not 0xD800 <= ord(ch) <= 0xDFFF and re.search("[a-z'-]", ch.lower())
    ]
    assert odd == ["\u0130", "\u212a"]


# capitals of both ranges, word characters of every kind, apostrophes, hyphens, dots, name particles
_CAP_PIECES = st.one_of(
    st.text(
        alphabet=st.sampled_from("AZÀÖØÞ×÷ßaz09_ '’-.\n\u2014é\u0130Σ١\U0001d400\u00b2\u00aa"), max_size=8
    ),
    st.text(max_size=5),
    st.sampled_from(
        [
            *(f"{p} " for p in _NAME_PARTS),
            "John ",
            "O'Neil",
            "J.R.R. ",
            "U.S. ",
            "Mc",
            "de Gaulle",
            "del Toro",
        ]
    ),
)
_CAP_TEXTS = st.lists(_CAP_PIECES, max_size=24).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_CAP_TEXTS)
def test_c_cap_runs_equal_the_regex(text: str) -> None:
    c = _compiled()
    for kind in KINDS:
        for s in (text + kind, kind + text):
            assert c.cap_runs(s) == py_cap_runs(s) == [m.span() for m in CAP_RUN.finditer(s)]
    assert sys.modules["worker.pipeline.enrich.entities"].cap_runs is c.cap_runs


def test_c_cap_runs_on_the_corpus() -> None:
    c = _compiled()
    for _, article in dev_articles():
        for text in (article.body_text, article.headline):
            assert c.cap_runs(text) == py_cap_runs(text)
    for text in ("", "A", "a", " A", "’A", "xA", "A ", "A de", "A de B", "A dex B", "A. B.C.", "A'", "A'b"):
        assert c.cap_runs(text) == py_cap_runs(text), text


def test_c_cap_runs_on_every_short_text() -> None:
    c = _compiled()
    for text in map("".join, itertools.product("A a.'-de", repeat=5)):
        assert c.cap_runs(text) == py_cap_runs(text), text
