"""Photo caption lines: ``<caption> <credit> | License Photo`` -> caption, credit, photographer, org."""

from __future__ import annotations

import re
from typing import NamedTuple

LICENSE_TAIL = re.compile(r"\s*(?:\||•|·)?\s*License\s+Photo\s*$", re.IGNORECASE)
_CREDIT_START = re.compile(
    r"(?:(?:UPI|AP|File|Pool|Handout|Staff|Courtesy)\s+)?(?:Photo|Image|Picture)s?\s+"
    r"(?:by|courtesy(?:\s+of)?|from|via|credit:?)\s+"
    r"|Courtesy\s+of\s+",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?\"”’')]")
_WHO = re.compile(r"\b(?P<prep>courtesy\s+of|courtesy|by|from|via|credit:?)\s+(?P<who>.+)$", re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:Agency|Navy|Army|Air Force|Marines?|Guard|Department|Dept|Office|Ministry|News|Press|Library"
    r"|Museum|Institute|University|College|Service|Administration|Commission|Council|Center|Centre"
    r"|Foundation|Society|Company|Corp|Inc|Ltd|LLC|Group|Police|Government|Embassy|Committee|Studios?"
    r"|Pictures|Entertainment|Records|Network|Television|TV|Media|Association|Organization|Team|Club"
    r"|League|Parliament|Senate|House|Agency|Hospital|Zoo|Park|Authority|Command|Forces?|Images)\b"
)


class Credit(NamedTuple):
    photographer: str | None
    org: str | None
    is_file: bool


class Caption(NamedTuple):
    caption: str
    credit: str | None
    photographer: str | None
    credit_org: str | None
    is_file_photo: bool


def _is_org(who: str) -> bool:
    if who[:4].lower() == "the ":
        return True
    letters = [c for c in who if c.isalpha()]
    if letters and who.isupper():
        return True  # KCNA, NASA, EPA
    if _ORG_WORDS.search(who):
        return True
    words = who.split()
    return len(words) == 1 or len(words) > 4


def split_credit(credit: str) -> Credit:
    """``Photo by X/UPI`` -> (X, UPI); ``File photo by KCNA`` -> (None, KCNA); ``...courtesy of the FBI``."""
    is_file = credit[:4].lower() == "file" or credit[:8].lower() == "upi file"
    m = _WHO.search(credit)
    if m is None:
        return Credit(None, None, is_file)
    who = m.group("who").strip(" .,;")
    if "/" in who:
        person, _, org = who.rpartition("/")
        person, org = person.strip(), org.strip()
        return Credit(person or None, _strip_the(org) or None, is_file)
    if m.group("prep")[:1] in "cC" or _is_org(who):
        return Credit(None, _strip_the(who), is_file)
    return Credit(who, None, is_file)


def _strip_the(org: str) -> str:
    return org[4:] if org[:4].lower() == "the " else org


def _credit_pos(body: str, need_tail: bool) -> int:
    """Start of the credit inside ``body`` (-1 if none): the last credit phrase after a sentence end."""
    best = -1
    fallback = -1
    for m in _CREDIT_START.finditer(body):
        start = m.start()
        if need_tail and (len(body) - start > 90 or ". " in body[m.end() : -1]):
            continue
        prev = body[:start].rstrip()
        if not prev or prev[-1] in _SENTENCE_END:
            best = start
        elif body[start].isupper():
            fallback = start
    return best if best >= 0 else fallback


def parse_caption(text: str, *, licensed: bool) -> Caption | None:
    """Split one caption line.  ``licensed``: the line ended with ``License Photo`` (already removed).

    Without the license tail, the line is only a caption if it ends with a credit phrase.
    """
    body = text.rstrip(" |•·")
    if not body:
        return None
    pos = _credit_pos(body, need_tail=not licensed)
    if pos < 0:
        if not licensed:
            return None
        return Caption(body, None, None, None, False)
    caption = body[:pos].rstrip()
    credit = body[pos:].strip().rstrip(" |")
    if not licensed and not caption:
        return None
    c = split_credit(credit)
    return Caption(caption, credit, c.photographer, c.org, c.is_file)
