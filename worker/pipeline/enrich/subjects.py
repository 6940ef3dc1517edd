"""Sentence subjects: the noun phrase or pronoun a sentence is about, for quotes whose own clause has
no subject (``Shae Roberts spends her days "going ..."``, ``..., saying "..."``)."""

from __future__ import annotations

import re

from worker.pipeline.enrich.clause_words import (
    DAYS,
    DETERMINERS,
    INTRO,
    NP_STOP,
    PRONOUNS,
    ROLE_SUFFIXES,
    TIME_WORDS,
)
from worker.pipeline.enrich.name_words import PERSON_NOUNS
from worker.pipeline.enrich.text_case import lower

_LEAD_TIME = re.compile(
    r"^\s*(?:Last|This|Next|Earlier|Later) (?:week|month|year|summer|spring|fall|autumn|winter)\s"
)
# "State Department official David Holmes": capitalised words, lower-case role words, a full name
_TITLED = re.compile(
    r"\s*(?:[A-Z][\w.&'’-]* ){1,4}((?:[a-z][\w-]* ){0,2}([a-z][\w-]*))"
    r" ([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\b"
)
_ROLE_NOUNS_EXTRA = frozenset(("official", "adviser", "advisor", "aide", "envoy", "diplomat"))


def is_intro(chunk: str) -> bool:
    words = chunk.split()
    if not words:
        return True
    first = lower(words[0]).strip('("“?!¡¿*•')
    if len(words) == 1 and first.endswith("ly"):
        return True  # a sentence adverb: "Remarkably, Grimm rejected ..."
    return first in INTRO or (first.endswith(("ing", "ed")) and len(words) > 1 and words[1].islower())


def sentence_subject(text: str, stopwords: frozenset[str]) -> str | None:
    """The grammatical subject at the start of a sentence: the first pronoun or capitalised name of the
    first non-introductory chunk (``As an assessor for the county, Shae Roberts spends`` -> Shae Roberts);
    after a dash that joins two clauses, the second clause's (``The boom is concentrated — a Brookings
    analysis called`` -> Brookings).
    """
    for dash in (" — ", " – "):
        if dash in text:
            found = subject_of(text.rsplit(dash, 1)[1], stopwords)
            if found is not None:
                return found
    return subject_of(text, stopwords)


_VERB_LIKE = frozenset(
    {"said", "says", "told", "tells", "thanks", "praises", "met", "meets", "asked", "asks"}
)


def _named_after_role(words: list[str], stopwords: frozenset[str]) -> str | None:
    """``Country crooner Jelly Roll``, ``Late-night host Ann Lee``: a sentence-initial capital, one or two
    role nouns, then the name (two capitalised words or more)."""
    k = 1
    while k < 4 and k < len(words) and words[k].isalpha() and words[k].islower():
        if words[k].endswith(("ed", "ing")) or words[k] in _VERB_LIKE:
            return None  # "Dench thanked Harvard President Claudine Gay": a verb, not a role
        k += 1
    if k > 1 and words[k - 1] not in PERSON_NOUNS and not words[k - 1].endswith(ROLE_SUFFIXES):
        return None  # "Trump campaign spokesman Steven Cheung": the last lowercase word is the role
    name: list[str] = []
    for w in words[k : k + 4]:
        bare = w.strip(",.;:")
        if not bare[:1].isupper() or lower(bare) in stopwords:
            break
        name.append(bare)
        if bare != w:
            break
    return " ".join(name) if k > 1 and len(name) >= 2 else None


def subject_of(text: str, stopwords: frozenset[str]) -> str | None:
    text = _LEAD_TIME.sub("", text, count=1)  # "Last week State Department official X revealed"
    chunks = [c for c in text.split(", ") if c.strip()]
    i = 0
    while i < len(chunks) - 1 and is_intro(chunks[i]):
        i += 1
    if not chunks:
        return None
    lead = chunks[i].split()
    if len(lead) > 2 and lower(lead[0]) in ("the", "a", "an"):  # "The award-winning actor has also ..."
        np = [lead[0]]
        for k, w in enumerate(lead[1:6], 2):
            if lower(w) in NP_STOP or not w.replace("-", "").isalpha():
                break
            np.append(w)
            if w.islower() and w in PERSON_NOUNS and (k == len(lead) or lead[k] not in PERSON_NOUNS):
                return " ".join(np)  # "The actor spoke about ...": the noun phrase ends at its person noun
    run: list[str] = []
    for w in ", ".join(chunks[i : i + 2]).split():
        bare = w.strip("\"“”‘’'(),.;:")
        low = lower(bare)
        if not run and low in PRONOUNS:
            return low
        if bare[:1].isupper() and (low not in stopwords or run) and low not in DAYS and low not in TIME_WORDS:
            run.append(bare)
            if w.endswith((",", ";", ":")):
                break
        elif run and low in ("of", "de", "van", "von", "bin", "al"):
            run.append(bare)
        elif run:
            break
    while run and lower(run[-1]) in ("of", "de", "van", "von", "bin", "al"):
        run.pop()
    words = chunks[i].split()
    titled = _TITLED.match(chunks[i])
    if (titled is not None and titled.group(2) in PERSON_NOUNS | _ROLE_NOUNS_EXTRA) or (
        titled is not None and titled.group(2).endswith(ROLE_SUFFIXES)
    ):
        return titled.group(3)  # "State Department official David Holmes revealed": the name after the role
    if len(run) == 1 and run[0] in words[:3]:  # "Trump campaign spokesman X", "On Monday Acme chief X"
        named = _named_after_role(words[words.index(run[0]) :], stopwords)
        if named:
            return named
    if run:
        return " ".join(run)
    if words and lower(words[0]) in DETERMINERS:  # "A voice on a video ... could be heard saying"
        np = [words[0]]
        for w in words[1:5]:
            if lower(w) in NP_STOP or not w.isalpha():
                break
            np.append(w)
        return " ".join(np) if len(np) > 1 else None
    return None
