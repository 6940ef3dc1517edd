"""Clean-ups of the person index: partial names merged into full ones, things named like people dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from worker.pipeline.enrich.name_words import GIVEN_NAMES, PERSON_NOUNS
from worker.pipeline.enrich.text_case import lower

if TYPE_CHECKING:
    from worker.pipeline.enrich.name_index import NameIndex, Person


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman")
_ARTICLES = frozenset({"the", "a", "an", "The", "A", "An", "THE"})
_ARTICLE_ENDS = frozenset({"e ", "a ", "n ", "E ", "A ", "N "})  # a cheap test before the word is cut


def _after_article(body: str, start: int) -> bool:
    """Is the word before ``start`` an article (``the Holy Spirit``, ``(an Afrobeats``)?"""
    if start < 2 or body[start - 2] not in "eEaAnN" or body[start - 1] != " ":
        return False
    lo = max(0, start - 6)
    words = body[lo : start - 1].split()
    if not words or (len(words) == 1 and lo > 0 and not body[lo - 1].isspace()):
        return False  # a longer word ("spokesman")
    return words[-1].lstrip('("“') in _ARTICLES


def drop_common_nouns(body: str, index: NameIndex) -> None:
    """``the Holy Spirit``, ``the James Bond star``, ``an Afrobeats artist``: a capitalised run that is
    mostly written after an article is a thing or a title, not a person."""
    dropped = set()
    for canonical, person in index.persons.items():
        with_article = total = 0
        for start, _ in person.mentions:
            if start >= 0:
                total += 1
                if body[start - 2 : start] in _ARTICLE_ENDS and _after_article(body, start):
                    with_article += 1
        if with_article and 3 * with_article >= total:
            dropped.add(canonical)
    if dropped:
        for canonical in dropped:
            del index.persons[canonical]
        for key in [k for k, v in index.surnames.items() if v in dropped]:
            del index.surnames[key]


def merge_partial_names(persons: dict[str, Person]) -> None:
    """``Cody Stanford`` after ``Fatima Cody Stanford``: a shorter name that ends the unique longer name
    mentioned earlier is that person.  A longer name that is a full name mentioned before it with a
    capitalised word in front that is no given name (``Legendary Rick Perry``) is the shorter one."""
    for name in sorted(persons, key=len, reverse=True):
        head, _, rest = name.partition(" ")
        if (
            " " in rest
            and rest in persons
            and lower(head) not in GIVEN_NAMES
            and persons[rest].mentions[:1] < persons[name].mentions[:1]  # the full name came first
        ):
            cut = len(head) + 1
            persons[rest].mentions.extend((s + cut, e) for s, e in persons.pop(name).mentions)
            persons[rest].mentions.sort()
    by_last: dict[str, list[str]] = {}  # a name ending another ends with the same word
    for name in persons:
        by_last.setdefault(name[name.rfind(" ") + 1 :], []).append(name)
    for name in sorted(persons, key=len):
        if " " not in name:
            continue
        same_last = by_last[name[name.rfind(" ") + 1 :]]
        if len(same_last) < 2:
            continue
        tail = " " + name
        longer = [other for other in same_last if other.endswith(tail) and other in persons]
        if len(longer) != 1:
            continue
        full, short = persons[longer[0]], persons[name]
        if full.mentions and short.mentions and full.mentions[0][0] < short.mentions[0][0]:
            full.mentions.extend(short.mentions)
            full.mentions.sort()
            del persons[name]


def drop_leading_nouns(body: str, persons: dict[str, Person]) -> None:
    """``Housecleaner Sharel Moore``: a capitalised person noun (``-er``, ``-ist``, ...) before a full name
    that the article also writes in lower case (``a housecleaner``) is a role, not a given name."""
    for name in [n for n in persons if n.count(" ") >= 2]:
        rest = name
        while rest.count(" ") >= 2:
            first, tail = rest.split(" ", 1)
            low = lower(first)
            role = low in PERSON_NOUNS or low.endswith(_ROLE_ENDINGS)
            if not role or low in GIVEN_NAMES or not first.isalpha() or not _lower_word(body, low):
                break
            rest = tail
        if rest == name:
            continue
        person = persons.pop(name)
        shift = len(name) - len(rest)
        moved = [(s + shift if s >= 0 else s, e) for s, e in person.mentions]
        if rest in persons:
            persons[rest].mentions = sorted(persons[rest].mentions + moved)
        else:
            person.canonical = rest
            person.mentions = moved
            persons[rest] = person


def _lower_word(body: str, word: str) -> bool:
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalpha()) and not body[end : end + 1].isalpha():
            return True
        at = body.find(word, at + 1)
    return False
