"""Word patterns of speaker phrases: names with junk around them (``Varma adding``, ``Merchant WENT IN``,
``Wray Grimaldi of the University of Otago``), documents and their authors (``the letter``, ``a lawsuit
filed by X``), group authors (``X and colleagues``), plural subjects and contracted pronouns."""

from __future__ import annotations

import re

from worker.pipeline.enrich.speaker_words import AUTHORED_DOCS, TAIL_ADVERBS
from worker.pipeline.enrich.text_case import upper

CODE = re.compile(r"(?:^|\s)\d|(?:^|\s)[A-Z]+-\d")  # "A 2000 analysis", "COVID-19"
PARENS = re.compile(r"\([^)]*\)")
PRONOUN_PHRASES = frozenset(
    w for p in ("he", "she", "it", "they", "we", "i") for w in (p, p.capitalize(), upper(p))
)


DOC_ALTERNATION = "|".join(sorted(AUTHORED_DOCS))
INTRODUCED = re.compile(
    rf"\b(?:[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,3}}?({DOC_ALTERNATION})\b|\b(announced|announces)\b"
)
# the author of a document named in a passive: "a lawsuit, filed in September by the Authors Guild"
AUTHOR_BY = re.compile(
    r"\b(?:filed|issued|published|released|written|sent|signed|brought|authored|conducted|posted)"
    r"\s+(?:[\w,]+\s+){0,4}?by\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*)*)"
)
MEMBERS_OF = re.compile(r"\w+ of (?:the )?([A-Z][\w&.'’-]*(?: (?:of |for )?[A-Z][\w&.'’-]*)*)")
GROUP_HEADS = frozenset(("members", "member", "leaders", "representatives", "officials", "lawyers"))
PRONOUNS_ALL = frozenset(("it", "they", "he", "she", "we", "i", "you"))
GROUP_AUTHORS = frozenset(
    ("authors", "researchers", "scientists", "paleontologists", "team", "investigators")
)
AND_COLLEAGUES = re.compile(
    r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(?:,? (?:from|of|at) [^.“”]{0,120}?)?"
    r" and (?:his |her |their )?(?:colleagues|co-authors|coauthors|team)\b"
)
# a capitalised name opening a sentence with a plural verb: a group or company ("Big Machine have")
PLURAL_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n)((?:[A-Z][\w&'’.-]* ){0,3}[A-Z][\w&'’.-]*) (?:have|are|were)\b"
)
CONTRACTED = re.compile(r"(?i)(he|she|they|we|it)['’](?:d|s|ve|ll|re)\b")
LY_NOUNS = frozenset(("family", "ally", "bully", "assembly", "supply"))
HEAD_NAME = re.compile(r"((?:[A-Z][\w.'’-]* ){1,3}[A-Z][\w.'’-]*) (?:of|from|at|in|with) (?:the )?[A-Z]")
DASH = re.compile(r"\s*[—–]\s*")


def without_tail(words: list[str]) -> list[str]:
    """``Varma adding`` -> ``Varma``; ``Merchant WENT IN`` -> ``Merchant`` (capitals for emphasis after a
    mixed-case name).  Unchanged unless what is left is a capitalised run."""
    k = len(words)
    while k > 1 and words[k - 1].islower():
        w = words[k - 1]
        if not (w in TAIL_ADVERBS or (len(w) > 4 and w.endswith("ing"))):
            return words
        k -= 1
    j = k
    while j > 1 and len(words[j - 1]) > 1 and words[j - 1].isalpha() and words[j - 1].isupper():
        j -= 1
    if k - j >= 2 and any(c.islower() for c in words[j - 1]):  # not one capitalised surname: "Justin LEE"
        k = j
    if k < len(words) and all(w[:1].isupper() for w in words[:k]):
        return words[:k]
    return words


HEAD_END = frozenset({"who", "that", "which", "for", "of", "from", "at", "in", "with", "familiar", "close"})


def descriptor_head(low: list[str]) -> str:
    """``a former aide who quit`` -> ``aide``: the last word before a relative or a preposition."""
    k = next((i for i, w in enumerate(low) if w in HEAD_END), len(low))
    return low[k - 1] if k > 1 else ""


EPITHET_GENDER = {"actress": "F", "actor": "M", "queen": "F", "king": "M", "songstress": "F"}
# what someone is known for, not a role they speak in (a "Meta spokesperson" is nobody named before)
EPITHET_HEADS = frozenset(
    [
        "actress",
        "actor",
        "star",
        "singer",
        "songstress",
        "rapper",
        "comedian",
        "songwriter",
        "musician",
        "author",
        "filmmaker",
        "host",
        "model",
        "athlete",
        "player",
        "quarterback",
        "pitcher",
        "champion",
        "winner",
        "icon",
        "legend",
        "alum",
        "queen",
        "king",
    ]
)

# openings of a first-person clause: the writer or an interviewee, never a named speaker
FIRST_PERSON = frozenset(("i'm", "i've", "i'd", "i'll", "we're", "we've", "you", "you're"))
INTERJECTIONS = frozenset(("hey", "sorry", "wow", "oh", "yes", "no", "please", "thanks", "enjoy", "plus"))
# plural people nouns a single lower-case subject may be: "officials", "protesters", "residents"
GROUP_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "officials", "police", "people", "staff")
# indefinite people a single lower-case subject may be: "another wrote", "others said", "one posted"
SOMEONE = frozenset(("another", "others", "someone", "somebody", "one", "many", "some", "few", "several"))
