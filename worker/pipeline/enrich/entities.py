"""Entities: gazetteer organisations/places/demonyms plus a capitalised-name heuristic for persons.

Persons are runs of 2-4 capitalised tokens that are not places or organisations, after titles
(``President``, ``Sen.``) are cut off; a lone surname later in the text back-links to the full name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.pipeline.enrich.gazetteer import Hit
from worker.pipeline.enrich.name_forms import nickname_names, regnal_name
from worker.pipeline.enrich.name_index import SUFFIX_FORMS, SUFFIXES, NameIndex, Person, surname_of
from worker.pipeline.enrich.name_links import (
    add_aliases,
    given_name_before,
    headline_names,
    lone_given_names,
    org_links,
    quoted_title,
    shared_surnames,
)
from worker.pipeline.enrich.name_merges import drop_common_nouns, drop_leading_nouns, merge_partial_names
from worker.pipeline.enrich.name_words import (
    EVENT_TAILS,
    GIVEN_NAMES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PLACE_HEADS,
    PLACE_TAILS,
    ROLE_NOUNS,
    TITLES,
)
from worker.pipeline.enrich.text_case import lower

_UP = "A-ZÀ-ÖØ-Þ"
_INSTITUTION_AFTER = re.compile(r" (?:University|Institute|College|Polytechnic|Academy)\b")
# title words that are also surnames, kept as the last token of a name: "Ken Doctor", "Carole King"
_TITLE_SURNAMES = frozenset(
    ("Doctor", "King", "Major", "Judge", "Bishop", "Prince", "Lord", "Justice", "Coach")
)
_WORD_GIVEN_NAMES = frozenset(("Will", "May", "Hope", "Joy", "Grace", "June", "Guy"))
# the rest of a token: word characters and hyphens, with an apostrophe only before a word character;
# written as runs of a character set (a tight loop in the regex engine) rather than a repeated choice
_REST = r"[\w\-]*(?:['’](?=\w)[\w\-]*)*"
_INITIALS = rf"\.?(?:[{_UP}]\.)*"  # "D.B.", "J.R.R.": initials written together stay one token
_TOKEN = rf"[{_UP}]{_REST}{_INITIALS}"
_PART = r"(?:de|da|di|van|von|der|bin|al|el|la|le|du|del|dos|of|for)"
# Same matches as rf"(?<![\w'’]){_TOKEN}(?:[ ](?:{_PART}[ ])?{_TOKEN})*", but starting with the capital
# letter (the look-behind moved after it) so the regex engine skips to capitals with a fast set scan.
CAP_RUN = re.compile(rf"[{_UP}](?<![\w'’].){_REST}{_INITIALS}(?:[ ](?:{_PART}[ ])?{_TOKEN})*")
SEGMENT_CACHE_MAX = 50_000
_PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][\w.]*\)?[,.]?$")  # "D-Ohio", "(R-Texas)"

_APOSTROPHES = str.maketrans({"’": "'", "'": "’"})
_POSSESSIVE = ("'s", "’s", "s'", "s’")  # "SentinelOne's Hegel", "Actors’ Equity"
_OFFICE_ENDINGS = ("tion", "sion", "ment", "ism", "ology")  # "Public Prosecution", "Department"
_ABSTRACT_ENDINGS = ("ism", "ity", "tion", "sion", "ment", "ness", "ology", "ics")

_SHORT_ENDS = frozenset({"May.", "June.", "July."})  # a month that ends a sentence: "in May. But"
PRONOUN_LIKE = frozenset({"He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their", "Its", "Our"})


def _one_word_country(hit: Hit) -> bool:
    surface = hit.term.surface
    return " " not in surface and "." not in surface and any(p.kind == "country" for p in hit.term.places)


def clean_name(tokens: list[str], stopwords: frozenset[str]) -> list[str]:
    """Drop leading sentence words, titles (``Sen.``/``Sen``), party tags (``D-Ohio``), an owner before a
    possessive (``SentinelOne's Hegel``) and role nouns before a full name (``Student Daniel Broz``);
    strip a possessive from the last token."""
    while tokens and (lower(tokens[0]) in stopwords or tokens[0] in PRONOUN_LIKE):
        if tokens[0] in _WORD_GIVEN_NAMES and len(tokens) == 2 and lower(tokens[1]) not in GIVEN_NAMES:
            break  # "Will Moy", "May Mobley": a given name, not "Will Michael ...?"
        tokens = tokens[1:]
    while tokens and _PARTY_TAG.match(tokens[-1]):
        tokens = tokens[:-1]
    cut = 0
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if is_title(tok) or (i < last and tok.endswith(_POSSESSIVE)):
            cut = i + 1
    # a title word that is a surname, last: "Ken Doctor", "Doctor says" (not "Lisbon Secretary")
    if (
        tokens
        and cut == len(tokens)
        and tokens[-1] in _TITLE_SURNAMES
        and (last == 0 or not (is_title(tokens[-2]) or tokens[-2].endswith(_POSSESSIVE)))
    ):
        cut = max(
            (i + 1 for i, tok in enumerate(tokens[:-1]) if is_title(tok) or tok.endswith(_POSSESSIVE)),
            default=0,
        )
    tokens = tokens[cut:]
    for i in range(1, len(tokens)):
        if lower(tokens[i]) in NOT_NAME_WORDS:  # "Lauren Still Together": a heading in title case
            tokens = tokens[:i]
            break
    while len(tokens) > 2 and _abstract_noun(tokens[0]):  # "Urbanism Ans Persoons", "Equity Stefanie Frey"
        tokens = tokens[1:]
    cut = 0
    for k in range(len(tokens) - 2):  # "Student Daniel Broz", "BuzzFeed Shopping Editor Jane Roe"
        inner = lower(tokens[k]).endswith(_OFFICE_ENDINGS)  # not "-ity": Trinity, Verity, Felicity
        if tokens[k] in ROLE_NOUNS or inner or (k and _acronym(tokens[k])):
            cut = k + 1  # ... "Public Prosecution Eva-Marie Persson", "Browns DL Sheldon Richardson"
    tokens = tokens[cut:]
    if tokens and tokens[-1].endswith(("'s", "’s")):
        tokens[-1] = tokens[-1][:-2]
    tokens = [t for t in tokens if t]
    if len(tokens) > 2 and tokens[-1].rstrip(".,") in SUFFIXES:  # "Robert F. Kennedy Jr." keeps its suffix
        tokens[-1] = SUFFIXES[tokens[-1].rstrip(".,")]
    return tokens


def is_title(tok: str) -> bool:
    """``Sen.``/``Sen``, and a hyphenated compound with a title part (``Secretary-General``,
    ``Vice-President``, ``Attorney-General``)."""
    if tok in TITLES or tok + "." in TITLES:
        return True
    return "-" in tok and any(part in TITLES for part in tok.split("-"))


def _abstract_noun(tok: str) -> bool:
    """A leading capitalised abstract noun (``Urbanism``, ``Equity``, ``Transportation``) ends a title,
    it does not start a name; known given names are never cut."""
    low = lower(tok)
    return low.endswith(_ABSTRACT_ENDINGS) and low not in GIVEN_NAMES


def _acronym(tok: str) -> bool:
    return len(tok) > 1 and tok.isupper() and tok.isalpha()


def is_place_name(tokens: list[str]) -> bool:
    """``Hennepin County``, ``Lake Barkley``: a place, never a person; nor an event (``World War II``,
    ``Boxing Day``), unless it starts with a given name (``Doris Day``)."""
    if not tokens:
        return False
    if tokens[-1] in PLACE_TAILS or tokens[0] in PLACE_HEADS:
        return True
    tail = tokens[-2] if len(tokens) > 2 and tokens[-1] in SUFFIX_FORMS else tokens[-1]
    return tail in EVENT_TAILS and lower(tokens[0]) not in GIVEN_NAMES


def is_org_run(tokens: list[str]) -> bool:
    return any(t.rstrip(",") in ORG_WORDS for t in tokens)


def _name_like(tokens: list[str]) -> bool:
    for t in tokens:
        if len(t) > 2 and t.isupper() and "." not in t:
            return False
        if any(ch.isdigit() for ch in t):
            return False
    return True


def py_cap_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the ``CAP_RUN`` matches (the C function ``_wordscan.cap_runs`` when the compiled build is
    active: one pass, no regex; this is its reference)."""
    return [m.span() for m in CAP_RUN.finditer(text)]


cap_runs: Callable[[str], list[tuple[int, int]]] = py_cap_runs
try:  # the C build sits on the package path only when it matches the sources (worker/native.py)
    from worker.pipeline.enrich._wordscan import cap_runs as _c_cap_runs
except ImportError:
    pass
else:
    cap_runs = _c_cap_runs


def _segments(text: str, hits: list[Hit]) -> list[tuple[int, str]]:
    """Capitalised runs with gazetteer hits cut out (so ``Czech Interior Minister X`` loses ``Czech``)."""
    spans: list[tuple[int, str]] = []
    hit_i = 0
    n_hits = len(hits)
    for s, e in cap_runs(text):
        while hit_i < n_hits and hits[hit_i].end <= s:
            hit_i += 1
        if hit_i == n_hits or hits[hit_i].start >= e:  # the common case: no hit inside the run
            spans.append((s, text[s:e]))
            continue
        j = hit_i
        cur = s
        while j < n_hits and hits[j].start < e:
            if hits[j].start > cur:
                spans.append((cur, text[cur : hits[j].start].strip()))
            cur = max(cur, hits[j].end)
            j += 1
        if cur < e:
            spans.append((cur, text[cur:e]))
    return spans


def _split_segment(t: str) -> list[tuple[int, str]]:
    """(offset in ``t``, name) of the sentence pieces of one segment, leading descriptors dropped."""
    out: list[tuple[int, str]] = []
    pos = 0
    for piece in _sentence_pieces(t):
        lead = len(piece) - len(piece.lstrip())
        words = piece.strip().split(" ")
        while words and _descriptor_token(words[0]):
            lead += len(words[0]) + 1
            words = words[1:]
        while len(words) > 1 and words[-1] in ("of", "for"):  # "Chris Coons of" before a cut-out place
            words.pop()
        name = " ".join(words).strip(" .,")
        if name:
            out.append((pos + lead, name))
        pos += len(piece) + 1
    return out


def _split_runs(text: str, hits: list[Hit]) -> list[tuple[int, str]]:
    """(body offset, name) of every name candidate: capitalised runs, hits cut out, sentence pieces."""
    return [(s + rel, name) for s, t in _segments(text, hits) for rel, name in _split_segment(t)]


def _descriptor_token(tok: str) -> bool:
    """``Ex-escort-turned-hairdresser``: a capitalised compound with lowercase parts is not a name."""
    return "-" in tok and any(part[:1].islower() for part in tok.split("-")[1:])


def _sentence_pieces(run: str) -> list[str]:
    """Split a run after a token that ends a sentence (``University. Silva``), keeping ``U.S.``/``Dr.``."""
    pieces: list[str] = []
    cur: list[str] = []
    for tok in run.split(" "):
        cur.append(tok)
        long_word = len(tok) > 4 or tok in _SHORT_ENDS
        if tok.endswith(".") and long_word and tok not in TITLES and tok.count(".") == 1:
            pieces.append(" ".join(cur))
            cur = []
    if cur:
        pieces.append(" ".join(cur))
    return pieces


def _split_of(raw: list[str]) -> list[list[str]]:
    """``Secretary of State for Urbanism Ans Persoons`` -> ``Secretary`` | ``State`` | ``Urbanism Ans
    Persoons``: split at each ``of``/``for`` whose left part is not an organisation (``Bank of England``
    stays whole)."""
    parts: list[list[str]] = []
    while True:
        k = next((i for i, tok in enumerate(raw) if tok in ("of", "for")), -1)
        if k < 0 or is_org_run(raw[:k]):
            parts.append(raw)
            return parts
        parts.append(raw[:k])
        raw = raw[k + 1 :]


def org_then_person(tokens: list[str]) -> tuple[list[str], list[str]]:
    """``Federation of Tanners President Paul Martel`` -> the organisation and the titled person after it
    (a title followed by at least two name tokens, with an organisation word before the title)."""
    for j in range(1, len(tokens) - 2):
        tok = tokens[j]
        if is_title(tok) and is_org_run(tokens[:j]):
            return tokens[:j], tokens[j:]
    return tokens, []


# What one segment yields, as (kind, text, offset in the segment where ``body.find`` starts looking):
# kind "org" (organisation name), "person" (2-4 token name) or "single" (a lone token for back-links).
SegmentNames = tuple[tuple[str, str, int], ...]


def _segment_names(t: str, stopwords: frozenset[str]) -> SegmentNames:
    out: list[tuple[str, str, int]] = []
    for rel, run in _split_segment(t):
        raw = run.split(" ")
        parts = _split_of(raw) if " of " in run or " for " in run else [raw]
        offset = rel
        for tokens in parts:
            if tokens and tokens[0] in ("of", "for"):
                tokens = tokens[1:]
            person_part: list[str] = []
            if is_org_run(tokens):
                org_tokens, person_part = org_then_person(tokens)
                while org_tokens and org_tokens[0] in ("The", "the"):
                    org_tokens = org_tokens[1:]
                out.append(("org", " ".join(org_tokens), offset))
            if person_part or not is_org_run(tokens):
                name_tokens = clean_name(list(person_part or tokens), stopwords)
                if not name_tokens or not _name_like(name_tokens) or is_place_name(name_tokens):
                    pass
                elif 2 <= len(name_tokens) <= 4:
                    out.append(("person", " ".join(name_tokens), offset))
                elif (regnal := regnal_name(list(person_part or tokens), name_tokens)) is not None:
                    out.append(("person", regnal, offset))  # "Pope Francis", "Prince Harry"
                elif len(name_tokens) == 1:
                    out.append(("single", name_tokens[0], offset))
            offset += len(" ".join(tokens)) + 1
    return tuple(out)


def find_names(
    body: str,
    hits: list[Hit],
    stopwords: frozenset[str],
    cache: dict[str, SegmentNames] | None = None,
    headline: str = "",
) -> NameIndex:
    """Persons and organisations of ``body``; ``cache`` (segment text -> names, e.g. the tables' dict)
    memoises the per-segment work, which depends only on the segment text and ``stopwords``."""
    if cache is None:
        cache = {}
    elif len(cache) > SEGMENT_CACHE_MAX:
        cache.clear()
    index = NameIndex()
    orgs, persons = index.orgs, index.persons
    singles: list[tuple[int, str]] = []
    titles: set[str] = set()
    for hit in hits:
        if hit.term.org and not hit.term.places:
            orgs.setdefault(hit.term.org, []).append((hit.start, hit.end, hit.term.surface))
    # a lone city name inside a capitalised run is part of a name ("Brandon Doherty", "Bo Nickal")
    # ... and so is a place right after a given name ("Gwyneth Holland", "Michael Jordan")
    cutters = [
        h
        for h in hits
        if h.term.cuts_names
        and not given_name_before(body, h.start, any_name=_one_word_country(h))
        and not (
            h.term.special == "person_prone"
            and body[h.end : h.end + 1] == " "
            and body[h.end + 1 : h.end + 2].isupper()
        )
        and _INSTITUTION_AFTER.match(body, h.end) is None  # "Zhejiang University": one organisation
    ]  # "Jordan Peele": a country that is also a given name, before a capitalised word
    find = body.find
    for start, t in _segments(body, cutters):
        names = cache.get(t)
        if names is None:
            names = cache[t] = _segment_names(t, stopwords)
        for kind, name, rel in names:
            if kind == "person":
                probe = name.rstrip(".")  # a suffix printed as "Jr," or "Jr" is still "Jr."
                pos = find(probe, start + rel)
                if quoted_title(body, pos, pos + len(probe)):
                    titles.add(name)
                    continue
                person = persons.get(name)
                if person is None:
                    person = persons[name] = Person(name)
                person.mentions.append((pos, pos + len(probe)))
                continue
            pos = find(name, start + rel)
            if kind == "org":
                orgs.setdefault(name, []).append((pos, pos + len(name), name))
            else:
                singles.append((pos, name))
    for name, s, e in nickname_names(body):  # Jonny “JonnyCakes” Manganello
        persons.setdefault(name, Person(name)).mentions.append((s, e))
    org_links(body, orgs)
    for name in titles:  # named in quotes once (a plan, a song, a slogan): never a person
        persons.pop(name, None)
    drop_leading_nouns(body, persons)
    merge_partial_names(persons)
    shared_surnames(body, persons, stopwords)
    by_length = sorted(persons, key=len, reverse=True)
    for name in by_length:
        index.surnames.setdefault(surname_of(name), name)
    for name in by_length:
        index.surnames.setdefault(name.split(" ")[0], name)
    for key in [k for k in index.surnames if "’" in k or "'" in k]:  # "O'Brien" for "O’Brien" and back
        index.surnames.setdefault(key.translate(_APOSTROPHES), index.surnames[key])
    add_aliases(body, index)
    from_headline = headline_names(headline, index) if headline else []
    for name in lone_given_names(body, singles, persons, stopwords):  # after the headline's full names
        index.surnames.setdefault(name, name)
    for pos, tok in singles:
        canonical = index.surnames.get(tok)
        if canonical is not None:
            persons[canonical].mentions.append((pos, pos + len(tok)))
    for name in from_headline:  # a headline name is kept only if the body refers to it
        if not persons[name].mentions:
            del persons[name]
            for key in [k for k, v in index.surnames.items() if v == name]:
                del index.surnames[key]
    drop_common_nouns(body, index)
    return index
