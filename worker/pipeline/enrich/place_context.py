"""The words around a place name in a text: what makes it a person's name, an organisation's, a wire
dateline or a water body (helpers of ``countries``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.pipeline.enrich.gazetteer import Hit
from worker.pipeline.enrich.name_words import GIVEN_NAMES, ORG_WORDS, PLACE_TAILS

# A wire dateline written into the body ("VATICAN CITY (RNS) — The pope ...", "WASHINGTON -- ..."): an
# upper-case place, an optional ", State", an optional (AGENCY), then a dash.
_BODY_DATELINE = re.compile(
    r"([A-Z][A-Z.'’ -]{1,38}[A-Z.])(, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r" (?:\([A-Za-z. ]{2,20}\) )?(?:—|–|--?) "
)


# a preposition of place before a city name that is also a common word: "in Tours", "from Oxford"
LOCATIVES = frozenset(
    {"in", "at", "from", "to", "near", "outside", "around", "of", "across", "into", "toward", "towards"}
    | {"via", "between", "through", "inside"}
)


def elided(text: str, end: int) -> bool:
    """Does ``text[:end]`` end with a French-style elided article ("L’" of "L’Oréal": no given name)?"""
    if end < 2 or text[end - 1] != "’" or text[end - 2] not in "LD":
        return False
    return end < 3 or not text[end - 3].isalnum()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a capitalised word after a city name that makes an organisation, a team or an event of it
NAME_TAILS = (
    ORG_WORDS
    | PLACE_TAILS
    | _words(
        """
    City United Zoo Symphony Orchestra Philharmonic Opera Ballet Olympics Olympic Marathon Airport Station
    Memorial Festival Fashion Film Stock Open Masters Cup Summit Accords Agreement Declaration Convention
    Protocol Pact Treaty Biennale Pride Week Tribune Herald Gazette Chronicle Examiner Dispatch Metro
    Subway Harbor Harbour Port Bridge Marina Arena Stadium Park Square Palace Castle Cathedral
    """
    )
)


# a water body named after a place: "Gulf of Aden", "Taiwan Strait" (not a place inside the country)
_WATER_BEFORE = ("Gulf of ", "Bay of ", "Sea of ", "Strait of ", "Straits of ")
_WATER_AFTER = frozenset({"Strait", "Straits", "Sea", "Gulf"})


def water_body(text: str, hit: Hit) -> bool:
    if text[hit.end : hit.end + 2] in (" S", " G") and next_word(text, hit.end) in _WATER_AFTER:
        return True
    return text[hit.start - 3 : hit.start] == "of " and text[max(0, hit.start - 10) : hit.start].endswith(
        _WATER_BEFORE
    )


def body_dateline(paragraphs: Sequence[str]) -> str:
    """The place of a dateline opening one of the first two paragraphs, in title case, or ``""``."""
    for text in paragraphs[:2]:
        m = _BODY_DATELINE.match(text)
        if m is not None:
            place = " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in m.group(1).split())
            return place + (m.group(2) or "")
    return ""


def prev_word(text: str, start: int) -> str:
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or not (text[j].isalpha()):
        return ""
    k = j
    while k >= 0 and (text[k].isalpha() or text[k] in ".'-"):
        k -= 1
    return text[k + 1 : j + 1]


def next_word(text: str, end: int) -> str:
    if end >= len(text) or text[end] != " ":
        return ""
    k = end + 1
    m = k
    while m < len(text) and (text[m].isalpha() or text[m] in "'-"):
        m += 1
    return text[k:m]


def second_word(text: str, end: int) -> str:
    """The capitalised word after the one ending at ``end`` (past a possessive: "Magistrates’ Court")."""
    if text[end : end + 1] in ("’", "'"):
        end += 1
    word = next_word(text, end)
    return word if word[:1].isupper() else ""


def sentence_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in '.!?\n"“:;—'


def looks_like_person_context(text: str, hit: Hit, *, city: bool = False) -> bool:
    """Is a place name here part of a person's name ("Gwyneth Holland", "Tyler Smith")?  Not when the
    capitalised word next to a city name makes an organisation, a team or an event of it ("BDA London",
    "Orlando City SC", "the Denver Zoo", "the Vancouver Symphony Orchestra")."""
    prev = prev_word(text, hit.start)
    nxt = next_word(text, hit.end)
    if city and prev and (prev[:2] in ("L'", "D'") or elided(text, hit.start - len(prev) - 1)):
        return False  # after a French-style elided article, a brand: "L’Oréal Paris"
    if (
        prev
        and prev[0].isupper()
        and not sentence_initial(text, hit.start - len(prev) - 1)
        and prev not in ("In", "At", "From", "To", "Of", "On", "For", "And", "The")
        and not (city and len(prev) > 1 and prev.isupper())  # an acronym: "BDA London", "UNC Wilmington"
    ):
        return True
    if city and (nxt in NAME_TAILS or second_word(text, hit.end + 1 + len(nxt)) in NAME_TAILS):
        return False  # "Londonderry Magistrates’ Court", "Denver Public Library"
    if city and (text[hit.end : hit.end + 3] == " & " or text[hit.start - 3 : hit.start] == " & "):
        return True  # a firm named after people: "Kennedy & Company", "Smith & Wesson"
    return bool(nxt) and nxt[0].isupper() and (city or hit.term.special == "person_prone")


def no_town(text: str, hit: Hit) -> bool:
    """A town's name after "the" ("the New Amsterdam branch") or after a given name ("Abigail Van
    Buren") is no town."""
    prev = prev_word(text, hit.start)
    low = prev.lower()
    return low == "the" or low in GIVEN_NAMES or looks_like_person_context(text, hit)


def all_caps_line(text: str, hit: Hit) -> bool:
    """Is the hit in an upper-case stretch of its own paragraph (a teaser line, "IN THE US THIS
    CHRISTMAS"), where "US" may be the pronoun?"""
    left = max(text.rfind("\n", 0, hit.start) + 1, hit.start - 40)
    right = text.find("\n", hit.end)
    right = hit.end + 40 if right < 0 else min(right, hit.end + 40)
    return text[left:right].isupper()
