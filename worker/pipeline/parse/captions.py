"""Photo caption lines: ``<caption> <credit> | License Photo`` -> caption, credit, photographer, org."""

from __future__ import annotations

import re
from typing import NamedTuple

_LICENSE = "license photo"
# Case spelled out instead of re.IGNORECASE: lets sre skip ahead on the first character (~5x faster).
_CREDIT_START = re.compile(
    r"(?:(?:UPI|AP|[Ff]ile|FILE|[Pp]ool|POOL|[Hh]andout|HANDOUT|[Ss]taff|[Cc]ourtesy)\s+)?"
    r"(?:[Pp]hoto|PHOTO|[Ii]mage|IMAGE|[Pp]icture|PICTURE)[sS]?\s+"
    r"(?:by|By|BY|[Cc]ourtesy(?:\s+of)?|COURTESY(?:\s+OF)?|from|via|[Cc]redit:?)\s+"
    r"|[Cc]ourtesy\s+of\s+|COURTESY\s+OF\s+"
)
_KEYWORDS = ("photo", "image", "picture", "courtesy")
_PREFIXES = frozenset({"upi", "ap", "file", "pool", "handout", "staff", "courtesy"})
_MAX_CREDIT = 160  # credits sit at the end of the caption; do not scan the whole caption
_SENTENCE_END = frozenset(".!?\"”’')]")
_WHO = re.compile(r"\b(?P<prep>courtesy\s+of|courtesy|by|from|via|credit:?)\s+(?P<who>.+)$", re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:Agency|Navy|Army|Air Force|Marines?|Guard|Department|Dept|Office|Ministry|News|Press|Library"
    r"|Museum|Institute|University|College|Service|Administration|Commission|Council|Center|Centre"
    r"|Foundation|Society|Company|Corp|Inc|Ltd|LLC|Group|Police|Government|Embassy|Committee|Studios?"
    r"|Pictures|Entertainment|Records|Network|Television|TV|Media|Association|Organization|Team|Club"
    r"|League|Parliament|Senate|House|Agency|Hospital|Zoo|Park|Authority|Command|Forces?|Images)\b"
)


def strip_license_tail(line: str) -> str | None:
    """``'<caption> <credit> | License Photo'`` -> ``'<caption> <credit>'``; None without that tail."""
    if len(line) < 13 or line[-13:].lower() != _LICENSE:
        if not line.endswith(("Photo", "photo", "PHOTO")):
            return None
        squeezed = " ".join(line[-30:].split()).lower()  # "License  Photo", "License\u00a0Photo"
        if not squeezed.endswith(_LICENSE):
            return None
        cut = line.lower().rfind("license")
        return line[:cut].rstrip(" |•·\t")
    return line[:-13].rstrip(" |•·\t")


# NamedTuple(...) runs a Python-level __new__ (~0.9 µs); tuple.__new__(cls, values) builds the same
# instance in ~0.3 µs.
_tuple = tuple.__new__


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
    if who.isupper() and any(c.isalpha() for c in who):
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
        return _tuple(Credit, (None, None, is_file))
    who = m.group("who").strip(" .,;")
    if "/" in who:
        person, _, org = who.rpartition("/")
        person, org = person.strip(), org.strip()
        return _tuple(Credit, (person or None, _strip_the(org) or None, is_file))
    if m.group("prep")[:1] in "cC" or _is_org(who):
        return _tuple(Credit, (None, _strip_the(who), is_file))
    return _tuple(Credit, (who, None, is_file))


def _strip_the(org: str) -> str:
    return org[4:] if org[:4].lower() == "the " else org


def _candidates(body: str) -> list[int]:
    """Possible credit starts, found with str.find on the lower-cased tail (a scanning regex costs
    ~20 µs per caption): each keyword position, moved back over a prefix word like ``File``."""
    start0 = max(0, len(body) - _MAX_CREDIT)
    low = body.lower()
    out: list[int] = []
    for word in _KEYWORDS:
        p = low.find(word, start0)
        while p >= 0:
            q = p
            if p >= 2 and low[p - 1] == " ":
                j = low.rfind(" ", 0, p - 1) + 1
                if low[j : p - 1] in _PREFIXES:
                    q = j
            out.append(q)
            p = low.find(word, p + 1)
    out.sort()
    return out


def _credit_pos(body: str, need_tail: bool) -> int:
    """Start of the credit inside ``body`` (-1 if none): the last credit phrase after a sentence end."""
    best = -1
    fallback = -1
    for start in _candidates(body):
        m = _CREDIT_START.match(body, start)
        if m is None:
            continue
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
        return _tuple(Caption, (body, None, None, None, False))
    caption = body[:pos].rstrip()
    credit = body[pos:].strip().rstrip(" |")
    if not licensed and not caption:
        return None
    c = split_credit(credit)
    return _tuple(Caption, (caption, credit, c.photographer, c.org, c.is_file))
