"""Shapes of subject noun phrases around reporting verbs: a titled name (``Daily Ledger reporter Ian
Croft``), a role before a name (``lead author Mia Chen``), a short chunk with a name in it."""

from __future__ import annotations

from worker.pipeline.enrich.clause_words import DAYS, DETERMINERS, INTRO, ROLE_SUFFIXES
from worker.pipeline.enrich.name_words import PERSON_NOUNS
from worker.pipeline.enrich.text_case import lower


def has_name(chunk: str, stopwords: frozenset[str]) -> bool:
    return any(w[:1].isupper() and lower(w) not in stopwords for w in chunk.split())


def titled_name(words: list[str]) -> bool:
    """``Daily Ledger economics reporter Ian Croft``: capitalised words, lower-case words ending in a
    person noun, then a name of two to four capitalised words."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    j = k
    while j > 0 and words[j - 1].isalpha() and words[j - 1].islower():
        j -= 1
    return (
        2 <= len(words) - k <= 4
        and 0 < k - j <= 3
        and (words[k - 1] in PERSON_NOUNS or words[k - 1].endswith(ROLE_SUFFIXES))
        and all(w[:1].isupper() for w in words[:j])
    )


def starts_np(text: str, stopwords: frozenset[str]) -> bool:
    """Does ``text`` (right after an inverted verb) start with its subject?  ``Kirby``, ``the minister``,
    ``user Sunny88``, ``spokesman Ned Price``; not ``that ...``, ``Monday``, ``in a statement``."""
    words = text.split(" ", 2)
    first = words[0].rstrip(".,;:!?")
    if lower(first) in DAYS or first in ("That", "that"):
        return False
    if first[:1].isupper() or first in DETERMINERS:
        return True
    if role_before_name(text):  # "said lead author Mia Chen"
        return True
    return (
        len(words) > 1
        and first.isalpha()
        and first not in stopwords
        and first not in INTRO
        and words[1][:1].isupper()
        and lower(words[1]) not in DAYS
    )


def role_before_name(text: str) -> bool:
    """``lead author Mia Chen``, ``senior author Li``: lower-case words ending in a person noun, a name."""
    words = text.split(" ", 4)
    for k in (1, 2, 3):
        if len(words) <= k or not words[k - 1].isalpha() or not words[k - 1].islower():
            return False
        if words[k - 1] in PERSON_NOUNS and words[k][:1].isupper():
            return True
    return False


def short_name(chunk: str, stopwords: frozenset[str]) -> bool:
    """A short chunk with a name: the subject itself (``"...," Smith, 45, said``)."""
    return len(chunk.split()) <= 4 and has_name(chunk, stopwords)
