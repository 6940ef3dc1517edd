"""Byline lines -> authors: split ``A``, ``A and B``, ``A, B and C``; strip roles and affiliations."""

from __future__ import annotations

import re

from worker.models.article import Author
from worker.models.trusted import trusted

BYLINE = re.compile(r"^(?:By|BY|by)[:\s]\s*(?P<names>\S.{0,300})$")
_BY = ("By", "BY", "by")


def byline_names(line: str) -> str | None:
    """The names part of a ``By ...`` line (None if ``line`` is not one); skips the regex for the
    lines that cannot match."""
    if not line.startswith(_BY):
        return None
    m = BYLINE.match(line)
    return m.group("names") if m is not None else None


_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\|)\s*(?:(?:and|AND)\s+)?|\s+(?:and|AND)\s+")
_ROLE = re.compile(
    r"\b(?:staff|writer|correspondent|reporter|editor|columnist|contributor|contributing|bureau|chief"
    r"|analyst|producer|photographer|special\s+to|senior|for\s+upi)\b",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(r"^(?:Ph\.?\s?D\.?|M\.?D\.?|R\.?N\.?|Esq\.?|MBA|M\.?P\.?H\.?|DPhil|J\.?D\.?)$", re.I)
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|V)\.?$")
_ORGS = frozenset(
    {
        "upi", "united press international", "ap", "the associated press", "associated press", "reuters",
        "afp", "agence france-presse", "xinhua", "bloomberg", "cnn", "dpa", "efe", "kyodo", "yonhap",
        "the conversation", "kaiser health news", "kff health news", "tass", "ians", "ani",
    }
)  # fmt: skip
_LEADING_FIRST = frozenset("aAwWrR")
# Every _SPLIT match holds one of these (a cheap pre-check: no match means nothing to split).
_SEPARATOR_HINT = re.compile(r"[,;&|]|and|AND")
_LEADING = re.compile(r"^(?:and|AND)\s+|^(?:Written|Reported)\s+by\s+", re.IGNORECASE)


_NAME_PARTICLES = frozenset(
    {"and", "of", "the", "de", "da", "del", "della", "der", "den", "van", "von", "al", "el", "la", "le",
     "bin", "ibn", "du", "dos", "das", "y", "e", "st.", "&"}
)  # fmt: skip


def looks_like_names(names: str) -> bool:
    """``Jane Doe and JOHN ROE`` yes; ``the numbers: how inflation bites`` no (a headline "By the ...")."""
    if names[-1:] in "?!:" or len(names) > 160:
        return False
    for word in names.replace(",", " ").split():
        if not word[:1].isupper() and word.lower() not in _NAME_PARTICLES and word[:1].isalpha():
            return False
    return True


def _first_last(name: str) -> tuple[str | None, str | None]:
    toks = name.split()
    while len(toks) > 1 and _SUFFIX.match(toks[-1]):
        toks.pop()
    if len(toks) < 2:
        return None, None
    return toks[0], toks[-1].rstrip(",")


def parse_byline(names: str) -> list[Author]:
    """``'Joe Fisher, UPI Staff Writer'`` -> ``[Author(name='Joe Fisher', role='UPI Staff Writer')]``."""
    out: list[dict[str, str | None]] = []
    names = names.strip()
    # the split regex tries every position (~1-4 µs); most bylines hold one name and no separator
    pieces = _SPLIT.split(names) if _SEPARATOR_HINT.search(names) is not None else [names]
    for raw_piece in pieces:
        piece = raw_piece.strip() if raw_piece else ""
        if piece[:1] in _LEADING_FIRST:
            piece = _LEADING.sub("", piece)
        piece = piece.strip(" .,;:-–—")
        if not piece:
            continue
        if raw_piece.strip().endswith(".") and not piece.endswith(".") and len(piece.split()[-1]) <= 2:
            piece += "."  # keep the period of a trailing initial ("John Q.")
        low = piece.casefold()
        if out and (_ROLE.search(piece) or _CREDENTIAL.match(piece)):
            prev = out[-1]
            prev["role"] = f"{prev['role']}, {piece}" if prev["role"] else piece
            continue
        if out and low in _ORGS:
            out[-1]["affiliation"] = piece
            continue
        if out and _SUFFIX.match(piece):
            out[-1]["name"] = f"{out[-1]['name']} {piece}"
            continue
        out.append({"name": piece, "role": None, "affiliation": None})
    authors: list[Author] = []
    for a in out:
        name = a["name"] or ""
        first, last = _first_last(name)
        authors.append(
            trusted(
                Author,
                {
                    "name": name,
                    "first": first,
                    "last": last,
                    "role": a["role"],
                    "affiliation": a["affiliation"],
                },
            )
        )
    return authors
