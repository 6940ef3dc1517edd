"""Links between the names of one article: aliases (``known as``), shared surnames (``Melody and
Nariman Tashakor``), full names from the headline, place names used as surnames, quoted titles."""

from __future__ import annotations

import re

from worker.pipeline.enrich.name_index import NameIndex, Person, surname_of
from worker.pipeline.enrich.name_words import GIVEN_NAMES, ROLE_NOUNS, TITLES
from worker.pipeline.enrich.text_case import lower

_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w\-]*(?:['’](?=\w)[\w\-]*)*\.?"
_KNOWN_AS = re.compile(
    r"\bknown (?:professionally |simply |publicly |online )?(?:as|by (?:his|her|their|the) "
    rf"(?:stage |ring |pen |nick|professional |performing )?names?) ({_NAME_TOKEN})"
)
_HEADLINE_NAME = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) ([A-Z][a-z][\w’'-]*[a-z])(?![\w’'-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)$")
_NOT_FIRST_WORDS = """Team Great Greater Free Visit Brand Made Miss Air Radio Royal North South East West
    New Old Nazi Soviet Imperial Weimar Communist Fascist Democratic Federal Socialist Modern Ancient Mainland
    Central"""
_NOT_FIRST_NAMES = frozenset(_NOT_FIRST_WORDS.split())
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z&]{1,7})\)")
_JOINED_BEFORE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’-]* )+)(?:and|&) $")
_COORDINATED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) (?:and|&) $")
_OPEN_QUOTES = frozenset('"“')
_CLOSE_QUOTES = frozenset('"”')
_ARTICLES = frozenset({"the", "a", "an"})


def headline_names(headline: str, index: NameIndex) -> list[str]:
    """``... Chose Ashley Salazar Over ...``: a common given name and the word after it in the headline
    give the full name of a person the body calls only ``Ashley``."""
    added: list[str] = []
    for m in _HEADLINE_NAME.finditer(headline):
        first, last = m.group(1), m.group(2)
        if lower(first) not in GIVEN_NAMES or first in index.surnames or last in index.surnames:
            continue
        full = f"{first} {last}"
        if full not in index.persons:
            index.persons[full] = Person(full)
            index.surnames[first] = index.surnames[last] = full
            added.append(full)
    return added


def given_name_before(body: str, start: int, *, any_name: bool = False) -> bool:
    """Is the word right before ``start`` a common given name (``Karen`` in ``Karen Holland``)?  With
    ``any_name`` (a one-word country alias such as ``Holland``): any capitalised word that can start a
    name, not at a sentence start (``said Gwyneth Holland``, but not ``Team USA`` or ``Captain America``)."""
    if start < 3 or body[start - 1] != " ":
        return False
    m = _WORD_BEFORE.search(body, max(0, start - 20), start - 1)
    if m is None:
        return False
    word = m.group(1)
    if lower(word) in GIVEN_NAMES:
        return True
    if not any_name or word in _NOT_FIRST_NAMES or word in TITLES or word in ROLE_NOUNS:
        return False
    before = body[max(0, m.start(1) - 2) : m.start(1)]
    return before.endswith(" ") and before[:1] not in '.!?:;\n"“'


def shared_surnames(body: str, persons: dict[str, Person], stopwords: frozenset[str]) -> None:
    """``Melody and Nariman Tashakor``: a first name coordinated with a full name shares its surname."""
    lasts = {surname_of(name) for name in persons}
    for name, person in list(persons.items()):
        tokens = name.split(" ")
        if len(tokens) != 2:
            continue
        for start, _ in person.mentions:
            m = _COORDINATED.search(body, max(0, start - 30), start)
            if m is None:
                continue
            first = m.group(1)
            if first in lasts or lower(first) in stopwords or first in TITLES or first in ROLE_NOUNS:
                continue
            full = f"{first} {tokens[1]}"
            if full not in persons:
                persons[full] = Person(full, [(m.start(1), m.end(1))])


_AGE_AFTER = re.compile(r", \d{1,2},")


def lone_given_names(
    body: str, singles: list[tuple[int, str]], persons: dict[str, Person], stopwords: frozenset[str]
) -> list[str]:
    """``Sophia*`` (a changed name, marked with an asterisk) and ``Anna, 40,`` (a given name with an age):
    a person the article names by one word only, unless a longer name has that word (``Katie Price`` in
    the headline).  Its mentions are added with the other lone tokens; the new names are returned."""
    added: list[str] = []
    if "*" not in body and _AGE_AFTER.search(body) is None:  # the common case: neither mark anywhere
        return added
    taken = {t for name in persons for t in name.split(" ")}
    for pos, tok in singles:
        end = pos + len(tok)
        mark = body[end : end + 1]
        if pos < 0 or (mark != "*" and mark != ",") or tok in taken:
            continue
        starred = mark == "*" and not body[end + 1 : end + 2].isalnum()
        if not starred and (lower(tok) not in GIVEN_NAMES or _AGE_AFTER.match(body, end) is None):
            continue
        if lower(tok) not in stopwords:
            persons[tok] = Person(tok)
            taken.add(tok)
            added.append(tok)
    return added


def quoted_title(body: str, start: int, end: int) -> bool:
    """``a scheme known as "Good Living."``: a capitalised run that fills a pair of quotes is a title."""
    if start <= 0 or body[start - 1] not in _OPEN_QUOTES:
        return False
    return body[end : end + 2].lstrip(".,!?")[:1] in _CLOSE_QUOTES


def add_aliases(body: str, index: NameIndex) -> None:
    """``Daniel Benson, known by his stage name Bnxn``: later mentions of ``Bnxn`` are Daniel Benson."""
    if "known " not in body:
        return
    for m in _KNOWN_AS.finditer(body):
        alias = m.group(1).rstrip(".,")
        if lower(alias) in _ARTICLES or alias in index.persons:
            continue
        owner = None
        for canonical, person in index.persons.items():
            if any(0 <= m.start() - end <= 40 for _, end in person.mentions):
                owner = canonical
        if owner is not None:
            index.surnames[alias] = owner


def org_links(body: str, orgs: dict[str, list[tuple[int, int, str]]]) -> None:
    """``Cybersecurity and Infrastructure Security Agency (CISA)``: an organisation name split at ``and``
    is joined again, and an acronym in parentheses after it names it wherever it appears later."""
    for canonical in list(orgs):
        mentions = orgs[canonical]
        s, e, _ = mentions[0]
        m = _JOINED_BEFORE.search(body, max(0, s - 60), s) if s > 0 else None
        if m is not None and m.end() == s:
            start = m.start(1) + 4 if body.startswith(("The ", "A "), m.start(1)) else m.start(1)
            start = m.start(1) + 2 if body.startswith("A ", m.start(1)) else start
            longer = body[start:e]
            orgs.pop(canonical)
            canonical = longer
            orgs.setdefault(canonical, []).append((start, e, longer))
            mentions = orgs[canonical]
        a = _ACRONYM_AFTER.match(body, e)
        if a is None:
            continue
        acronym = a.group(1)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", body):
            if hit.start() != a.start(1):
                mentions.append((hit.start(), hit.end(), acronym))
        mentions.append((a.start(1), a.end(1), acronym))
        mentions.sort()
